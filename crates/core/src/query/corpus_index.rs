//! [`Corpus`]: articles, their analyses, and per-article compact count cells.

use crate::corpus::Article;
use crate::extract::gazetteer::CountryId;
use crate::extract::{Analysis, Event, Evidence, ExtractOptions, analyze, analyze_events};
pub use crate::span::Span;
use crate::stories::{Stories, StoryPrint, StorySource, print_of, shingle_set};
use jiff::civil::Date;
use rayon::prelude::*;
use std::sync::Arc;

/// One (year, country, evidence) cell of one article with its event count. An article's cells are
/// what the aggregate sums, so a query never touches sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub year: Option<i16>,
    pub country: CountryId,
    pub evidence: Evidence,
    pub count: u32,
}

/// What a corpus keeps of an article's analysis (see [`compact`]): the events and the sentences
/// they point to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeptAnalysis {
    /// The sentences that have events, in text order; [`Event::sentence`] indexes this.
    pub sentences: Vec<Span>,
    pub events: Vec<Event>,
    /// The publication date the events were computed with.
    pub published: Option<Date>,
}

impl Cell {
    /// The cell of one event, counting it once.
    pub fn of(e: &Event) -> Self {
        Self {
            year: e.year,
            country: e.country,
            evidence: e.evidence,
            count: 1,
        }
    }
}

/// A user's correction of an article's published date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCorrection {
    /// The article was published on this day.
    Date(Date),
    /// The article has no known date: its events are undated unless they state a year.
    Undated,
}

impl DateCorrection {
    /// The date the counts use: `None` for [`DateCorrection::Undated`].
    pub fn date(self) -> Option<Date> {
        match self {
            Self::Date(d) => Some(d),
            Self::Undated => None,
        }
    }

    /// A correction to this date, or to "undated" for `None`.
    pub fn from_date(date: Option<Date>) -> Self {
        date.map_or(Self::Undated, Self::Date)
    }
}

/// An article with its analysis. Its (year, country, evidence) cells are not kept: at 200k
/// articles they held 8.1M cells for 10.3M events (92 MB), and the aggregate sums the events
/// as fast.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub article: Article,
    pub analysis: KeptAnalysis,
    /// The user's correction of the published date, if any.
    pub corrected: Option<DateCorrection>,
    /// The options the analysis and cells were computed with.
    pub options: ExtractOptions,
    /// The band keys that find this article's copies (`None` for a text too short to compare).
    pub print: Option<StoryPrint>,
}

impl ArticleEntry {
    /// Analyse an article with its header date or a correction.
    pub fn new(
        article: Article,
        corrected: Option<DateCorrection>,
        options: ExtractOptions,
    ) -> Self {
        let print = print_of(article.paragraphs());
        let mut entry = Self {
            article,
            analysis: KeptAnalysis::default(),
            corrected,
            options,
            print,
        };
        entry.recompute(options);
        entry
    }

    /// An entry from a cached article and its cached (compact) analysis, made with `options`
    /// and the article's own date.
    pub fn from_cached(article: Article, analysis: KeptAnalysis, options: ExtractOptions) -> Self {
        Self {
            print: print_of(article.paragraphs()),
            article,
            analysis,
            corrected: None,
            options,
        }
    }

    /// Re-run extraction (after a date correction or an option change), in place.
    pub fn recompute(&mut self, options: ExtractOptions) {
        self.article.shrink();
        // Only the events are kept: time expressions are looked for where they can make one.
        let full = analyze_events(&self.article, self.published(), options);
        self.analysis = compact(full);
        self.options = options;
    }

    /// Everything extraction finds in this article (mentions and time expressions too), for the
    /// reader. Not kept for every article: recomputing one is far cheaper than storing all.
    pub fn full_analysis(&self, options: ExtractOptions) -> Analysis {
        analyze(&self.article, self.published(), options)
    }

    /// The date every count of this article uses.
    pub fn published(&self) -> Option<Date> {
        self.corrected
            .map_or(self.article.meta.published, DateCorrection::date)
    }

    /// The article's events summed by (year, country, evidence), in that order.
    pub fn cells(&self) -> Vec<Cell> {
        cells_of(&self.analysis)
    }

    pub fn event_count(&self) -> usize {
        self.analysis.events.len()
    }
}

/// What a corpus keeps of an analysis: the events and the spans of the sentences they point to
/// (renumbered), without mentions, time expressions or event-less sentences, and without spare
/// capacity. This is most of the memory of a 200k-article corpus.
fn compact(full: Analysis) -> KeptAnalysis {
    let mut index = vec![u32::MAX; full.sentences.len()];
    let mut sentences = Vec::new();
    let mut events = full.events;
    for e in &mut events {
        let old = e.sentence as usize;
        if index[old] == u32::MAX {
            index[old] = u32::try_from(sentences.len()).unwrap_or(u32::MAX);
            sentences.push(Span::of(&full.sentences[old]));
        }
        e.sentence = index[old];
    }
    events.shrink_to_fit();
    sentences.shrink_to_fit();
    KeptAnalysis {
        sentences,
        events,
        published: full.published,
    }
}

fn cells_of(analysis: &KeptAnalysis) -> Vec<Cell> {
    let mut keys: Vec<(Option<i16>, CountryId, Evidence)> = analysis
        .events
        .iter()
        .map(|e| (e.year, e.country, e.evidence))
        .collect();
    keys.sort_unstable();
    let mut cells: Vec<Cell> = Vec::new();
    for (year, country, evidence) in keys {
        match cells.last_mut() {
            Some(c) if c.year == year && c.country == country && c.evidence == evidence => {
                c.count += 1
            }
            _ => cells.push(Cell {
                year,
                country,
                evidence,
                count: 1,
            }),
        }
    }
    cells
}

/// The loaded corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Shared so a background text search can read them while the window goes on.
    pub entries: Vec<Arc<ArticleEntry>>,
    pub options: ExtractOptions,
    /// The copies found among the first `stories.len()` entries (see [`Corpus::find_copies`]);
    /// later entries count on their own until then. Shared, as the entries are.
    pub stories: Arc<Stories>,
    /// Count every copy of a story, as if each were its own (`--keep-copies`).
    pub keep_copies: bool,
}

/// The entries of a corpus as the story finder reads them.
pub struct EntrySource<'a>(pub &'a [Arc<ArticleEntry>]);

impl StorySource for EntrySource<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn print(&self, index: usize) -> Option<&StoryPrint> {
        self.0.get(index).and_then(|e| e.print.as_ref())
    }

    fn shingle_set(&self, index: usize) -> Vec<u64> {
        self.0
            .get(index)
            .map(|e| shingle_set(e.article.paragraphs()))
            .unwrap_or_default()
    }

    fn furniture(&self, index: usize) -> usize {
        self.0.get(index).map_or(0, |e| {
            let body: usize = e.article.paragraphs().map(str::len).sum();
            e.article.text.len().saturating_sub(body)
        })
    }
}

impl Corpus {
    /// Analyse articles in parallel (order kept) and build the corpus.
    pub fn from_articles(articles: Vec<Article>, options: ExtractOptions) -> Self {
        let entries = articles
            .into_par_iter()
            .map(|a| Arc::new(ArticleEntry::new(a, None, options)))
            .collect();
        Self::new(entries, options)
    }

    /// A corpus of analysed entries, with their copies found.
    pub fn new(entries: Vec<Arc<ArticleEntry>>, options: ExtractOptions) -> Self {
        let mut corpus = Self {
            entries,
            options,
            ..Self::default()
        };
        corpus.find_copies();
        corpus
    }

    /// Link the entries added since the last call to their copies (earlier entries are not
    /// compared again with each other).
    pub fn find_copies(&mut self) {
        if self.stories.len() < self.entries.len() {
            Arc::make_mut(&mut self.stories).extend(&EntrySource(&self.entries));
        }
    }

    /// Whether an entry's events are counted: it is its story's counted copy, or every copy
    /// is counted.
    pub fn counts_entry(&self, index: usize) -> bool {
        self.keep_copies || self.stories.is_counted(index)
    }

    /// The entries of an entry's story, itself included, in corpus order.
    pub fn story_members(&self, index: usize) -> Vec<usize> {
        self.stories.members(index)
    }

    /// Stories in the corpus: entries, less the copies that are not counted.
    pub fn story_count(&self) -> usize {
        self.entries.len() - self.stories.merged().0
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Set (or clear with `None`) the user's published date for an article and every copy of
    /// its story; their events follow. Returns the entries changed.
    pub fn set_published(&mut self, index: usize, corrected: Option<DateCorrection>) -> Vec<usize> {
        let options = self.options;
        let members = if index < self.entries.len() {
            self.stories.members(index)
        } else {
            Vec::new()
        };
        for &m in &members {
            if let Some(entry) = self.entries.get_mut(m) {
                let entry = Arc::make_mut(entry);
                entry.corrected = corrected;
                entry.recompute(options);
            }
        }
        members
    }

    /// Change extraction options and re-analyse everything.
    pub fn set_options(&mut self, options: ExtractOptions) {
        if options == self.options {
            return;
        }
        self.options = options;
        self.entries
            .par_iter_mut()
            .for_each(|e| Arc::make_mut(e).recompute(options));
    }

    /// Take an entry out; the copies of the rest are found again (positions move).
    pub fn remove(&mut self, index: usize) -> Option<Arc<ArticleEntry>> {
        let removed = (index < self.entries.len()).then(|| self.entries.remove(index));
        if removed.is_some() {
            self.stories = Arc::default();
            self.find_copies();
        }
        removed
    }

    /// Total events in the corpus.
    pub fn event_count(&self) -> usize {
        self.entries.iter().map(|e| e.event_count()).sum()
    }
}
