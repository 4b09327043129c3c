//! Per-article extraction: sentences → country mentions → time anchors → events (events.md §2–5).

pub mod gazetteer;
pub mod mentions;
pub mod name_starts;
pub mod sentences;
pub mod years;

use crate::corpus::Article;
use gazetteer::{CountryId, gazetteer};
use jiff::civil::Date;
use mentions::Mention;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use years::{TimeExpr, TimeKind};

/// Where an event's year comes from (events.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Evidence {
    Explicit,
    Relative,
    Publication,
    Undated,
}

impl Evidence {
    /// The word used in exports and in the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Explicit => "explicit",
            Evidence::Relative => "relative",
            Evidence::Publication => "publication",
            Evidence::Undated => "undated",
        }
    }
}

/// One (article, sentence, year, country) tuple. `year` is `None` for undated events. Kept small
/// (12 bytes) because a large corpus has millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Event {
    /// Index into [`Analysis::sentences`].
    pub sentence: u32,
    pub country: CountryId,
    pub year: Option<i16>,
    pub evidence: Evidence,
}

/// Options that change how years are attributed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractOptions {
    /// Anchor a decade (`the 1990s`) at its first year instead of leaving the sentence undated.
    pub anchor_decades: bool,
}

/// Everything extracted from one article: spans into its text, never copies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub sentences: Vec<Range<usize>>,
    /// All mentions, in text order.
    pub mentions: Vec<Mention>,
    /// All time expressions, in text order (of country-mentioning sentences and others).
    pub times: Vec<TimeExpr>,
    pub events: Vec<Event>,
    /// The publication date the events were computed with.
    pub published: Option<Date>,
}

/// Extract sentences, mentions, time expressions and events from an article, using `published`
/// (the header date, or the user's correction).
pub fn analyze(article: &Article, published: Option<Date>, options: ExtractOptions) -> Analysis {
    let gaz = gazetteer();
    let text = article.text.as_str();
    let sentences = sentences::split_sentences(text, &article.meta.paragraphs);
    let mut all_mentions = Vec::new();
    let mut all_times = Vec::new();
    let mut events = Vec::new();
    // Time expressions: one pass of each pattern over the whole body (a regex search per sentence
    // costs more in setup than in scanning), then handed to the sentence that contains them.
    let body = match (sentences.first(), sentences.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    };
    let body_times = text
        .get(body.clone())
        .map_or_else(Vec::new, |t| years::find_times(t, body.start));
    let mut next_time = 0;
    for (index, span) in sentences.iter().enumerate() {
        let Some(sentence) = text.get(span.clone()) else {
            continue;
        };
        let mentions = mentions::find_mentions(gaz, sentence, span.start);
        while body_times
            .get(next_time)
            .is_some_and(|t| t.span.start < span.start)
        {
            next_time += 1;
        }
        let first = next_time;
        while body_times
            .get(next_time)
            .is_some_and(|t| t.span.start < span.end)
        {
            next_time += 1;
        }
        // Only expressions wholly inside the sentence (none straddles a boundary).
        let times: Vec<years::TimeExpr> = body_times[first..next_time]
            .iter()
            .filter(|t| t.span.end <= span.end)
            .cloned()
            .collect();
        if !mentions.is_empty() {
            let mut countries: Vec<CountryId> = mentions.iter().map(|m| m.country).collect();
            countries.sort_unstable();
            countries.dedup();
            // A sentence without time expressions has no anchors, and its tense is not read.
            let anchors = if times.is_empty() {
                Vec::new()
            } else {
                let tense = years::Tense::of(sentence, span.start);
                years::resolve(&times, published, tense, options.anchor_decades)
            };
            // Distinct years; explicit evidence wins over relative for the same year.
            let mut years: Vec<(i16, Evidence)> = anchors
                .iter()
                .map(|a| {
                    (
                        a.year,
                        if a.relative {
                            Evidence::Relative
                        } else {
                            Evidence::Explicit
                        },
                    )
                })
                .collect();
            years.sort();
            years.dedup_by_key(|(y, _)| *y);
            if years.is_empty() {
                let has_decade = times.iter().any(|t| matches!(t.kind, TimeKind::Decade(_)));
                match published {
                    Some(p) if !has_decade => years.push((p.year(), Evidence::Publication)),
                    _ => {}
                }
            }
            let sentence_index = u32::try_from(index).unwrap_or(u32::MAX);
            for &country in &countries {
                if years.is_empty() {
                    events.push(Event {
                        sentence: sentence_index,
                        country,
                        year: None,
                        evidence: Evidence::Undated,
                    });
                }
                for &(year, evidence) in &years {
                    events.push(Event {
                        sentence: sentence_index,
                        country,
                        year: Some(year),
                        evidence,
                    });
                }
            }
        }
        all_mentions.extend(mentions);
        all_times.extend(times);
    }
    Analysis {
        sentences,
        mentions: all_mentions,
        times: all_times,
        events,
        published,
    }
}
