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
    analyze_in(article, published, options, TimesIn::Body)
}

/// The events of an article, exactly as [`analyze`] finds them, for a corpus that keeps only
/// events: time expressions are looked for only in the sentences that mention a country (a
/// sentence without a mention has no event), so `times` holds only theirs. Most sentences of
/// a news text mention no country, and the time patterns cost as much as the gazetteer.
pub fn analyze_events(
    article: &Article,
    published: Option<Date>,
    options: ExtractOptions,
) -> Analysis {
    analyze_in(article, published, options, TimesIn::MentioningSentences)
}

/// Where [`analyze_in`] looks for time expressions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TimesIn {
    /// Every sentence (the reader highlights every date).
    Body,
    /// The sentences that mention a country.
    MentioningSentences,
}

fn analyze_in(
    article: &Article,
    published: Option<Date>,
    options: ExtractOptions,
    times_in: TimesIn,
) -> Analysis {
    let gaz = gazetteer();
    let text = article.text.as_str();
    let sentences = sentences::split_sentences(text, &article.meta.paragraphs);
    // Mentions first: where there are none, no time expression can make an event.
    let mut found: Vec<Mention> = Vec::new();
    // The end of each sentence's mentions in `found`.
    let mut mention_ends: Vec<usize> = Vec::with_capacity(sentences.len());
    for span in &sentences {
        if let Some(sentence) = text.get(span.clone()) {
            found.extend(mentions::find_mentions(gaz, sentence, span.start));
        }
        mention_ends.push(found.len());
    }
    let mut all_times = Vec::new();
    let mut events = Vec::new();
    // Time expressions: one pass of each pattern over the body's windows (a regex search per
    // sentence costs more in setup than in scanning), then handed to the sentence that
    // contains them.
    let body = match (sentences.first(), sentences.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    };
    let searched: Vec<Range<usize>> = sentences
        .iter()
        .enumerate()
        .filter(|&(index, _)| {
            times_in == TimesIn::Body || !mentions_of(&mention_ends, index).is_empty()
        })
        .map(|(_, s)| s.start - body.start..s.end - body.start)
        .collect();
    let body_times = text
        .get(body.clone())
        .map_or_else(Vec::new, |t| years::find_times_in(t, body.start, &searched));
    let mut next_time = 0;
    for (index, span) in sentences.iter().enumerate() {
        let Some(sentence) = text.get(span.clone()) else {
            continue;
        };
        let mentions = &found[mentions_of(&mention_ends, index)];
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
        all_times.extend(times);
    }
    Analysis {
        sentences,
        mentions: found,
        times: all_times,
        events,
        published,
    }
}

/// Where sentence `index`'s mentions lie among those found (`ends`: where each sentence's end).
fn mentions_of(ends: &[usize], index: usize) -> Range<usize> {
    index.checked_sub(1).map_or(0, |i| ends[i])..ends[index]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ArticleOrigin;

    fn article(text: &str) -> Article {
        Article::new(
            ArticleOrigin::Memory("t".into()),
            "t.txt".into(),
            text.to_string(),
            "UTF-8",
        )
    }

    #[test]
    fn the_events_only_analysis_skips_dates_no_country_can_use() {
        let a = article(
            "Harbour tolls rose in March 2019 and again in 2020.\n\n\
             China signed the chip deal last year, officials said.\n\n\
             The weather stayed mild through 2018.\n",
        );
        let published = Some(jiff::civil::date(2021, 6, 15));
        let full = analyze(&a, published, ExtractOptions::default());
        let events_only = analyze_events(&a, published, ExtractOptions::default());
        // The reader sees every date; the corpus only the one in China's sentence.
        assert_eq!(full.times.len(), 4, "{:?}", full.times);
        assert_eq!(events_only.times.len(), 1, "{:?}", events_only.times);
        assert_eq!(full.events, events_only.events);
        let years: Vec<Option<i16>> = events_only.events.iter().map(|e| e.year).collect();
        assert_eq!(years, [Some(2020)]);
    }

    #[test]
    fn a_time_expression_stays_inside_its_sentence() {
        // `May` then a paragraph that opens with a number: `May\n\n5` is no date, and the
        // month alone is the sentence's own (it was hidden by the match across the break).
        let a = article(
            "The port reopened to ships and trucks on a quiet morning after the storm, the \
             harbour master said.\n\n\
             Officials in China held a rally in Shanghai on May\n\n\
             5 people came to the square, organisers said.\n",
        );
        let published = Some(jiff::civil::date(2021, 6, 15));
        for analysis in [
            analyze(&a, published, ExtractOptions::default()),
            analyze_events(&a, published, ExtractOptions::default()),
        ] {
            let found: Vec<(Option<i16>, Evidence)> = analysis
                .events
                .iter()
                .map(|e| (e.year, e.evidence))
                .collect();
            assert_eq!(
                found,
                [(Some(2021), Evidence::Relative)],
                "{:?}",
                analysis.times
            );
        }
    }
}
