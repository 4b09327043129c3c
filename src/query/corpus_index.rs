//! [`Corpus`]: articles, their analyses, and per-article compact count cells.

use crate::corpus::Article;
use crate::extract::gazetteer::CountryId;
use crate::extract::{Analysis, Evidence, ExtractOptions, analyze};
use jiff::civil::Date;
use rayon::prelude::*;

/// One (year, country, evidence) cell of one article with its event count. An article's cells are
/// what the aggregate sums, so a query never touches sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub year: Option<i16>,
    pub country: CountryId,
    pub evidence: Evidence,
    pub count: u32,
}

/// An article with its analysis and cells.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub article: Article,
    pub analysis: Analysis,
    pub cells: Vec<Cell>,
    /// A user correction of the published date (`Some(None)` = "explicitly undated").
    pub corrected: Option<Option<Date>>,
}

impl ArticleEntry {
    /// Analyse an article with its header date or a correction.
    pub fn new(article: Article, corrected: Option<Option<Date>>, options: ExtractOptions) -> Self {
        let published = corrected.unwrap_or(article.meta.published);
        let analysis = analyze(&article, published, options);
        let cells = cells_of(&analysis);
        Self {
            article,
            analysis,
            cells,
            corrected,
        }
    }

    /// The date every count of this article uses.
    pub fn published(&self) -> Option<Date> {
        self.corrected.unwrap_or(self.article.meta.published)
    }

    pub fn event_count(&self) -> usize {
        self.analysis.events.len()
    }
}

fn cells_of(analysis: &Analysis) -> Vec<Cell> {
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
    pub entries: Vec<ArticleEntry>,
    pub options: ExtractOptions,
}

impl Corpus {
    /// Analyse articles in parallel (order kept) and build the corpus.
    pub fn from_articles(articles: Vec<Article>, options: ExtractOptions) -> Self {
        let entries = articles
            .into_par_iter()
            .map(|a| ArticleEntry::new(a, None, options))
            .collect();
        Self { entries, options }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Set (or clear with `None`) the user's published date for an article; its events follow.
    pub fn set_published(&mut self, index: usize, corrected: Option<Option<Date>>) {
        let options = self.options;
        if let Some(entry) = self.entries.get_mut(index) {
            let article = entry.article.clone();
            *entry = ArticleEntry::new(article, corrected, options);
        }
    }

    /// Change extraction options and re-analyse everything.
    pub fn set_options(&mut self, options: ExtractOptions) {
        if options == self.options {
            return;
        }
        self.options = options;
        self.entries.par_iter_mut().for_each(|e| {
            *e = ArticleEntry::new(e.article.clone(), e.corrected, options);
        });
    }

    pub fn remove(&mut self, index: usize) -> Option<ArticleEntry> {
        (index < self.entries.len()).then(|| self.entries.remove(index))
    }

    /// Total events in the corpus.
    pub fn event_count(&self) -> usize {
        self.entries.iter().map(ArticleEntry::event_count).sum()
    }
}
