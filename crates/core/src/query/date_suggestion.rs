//! A suggested publication date for an article that has none, with its evidence: the latest
//! year the text states as a date (not one it looks ahead to: `will … in 2021`, `by 2035`), how
//! often, the sentence it is in, and any `this year` beside it. A text that only looks ahead
//! (`foreign tech will be gone by 2020`) was written before the first year it looks ahead to:
//! the year before it is suggested, and said to be an upper bound. A suggestion is only shown:
//! it is never applied by itself and never counted until the user accepts it (events.md: never
//! a guessed year).

use crate::corpus::{DateOrder, dates_in};
use crate::extract::years::{Tense, TimeKind, find_times};
use crate::span::Span;
use jiff::civil::Date;

/// Where a suggestion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// The latest year the text states as a date.
    LatestStated,
    /// The text only looks ahead: the year before the first year it looks ahead to.
    BeforeTarget,
}

/// What the reader offers for an undated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSuggestion {
    pub kind: SuggestionKind,
    /// The suggested year.
    pub year: i16,
    /// The date a click enters: the latest full date the text gives in that year, else 1 July
    /// of it (the middle of the year, so `last month` or `next week` rarely cross a year).
    pub date: Date,
    /// True when `date` was read in the text; false when it stands for the year alone.
    pub day_in_text: bool,
    /// How many times the year is stated as a date (for [`SuggestionKind::BeforeTarget`]: how
    /// many times the text looks ahead to the year after it).
    pub times: usize,
    /// How many of those sentences also say `this year`.
    pub this_year: usize,
    /// The sentence of the year's last statement, white space collapsed, at most ~90 chars.
    pub sentence: String,
}

impl DateSuggestion {
    /// One line for the reader and the article export: `2020 (latest explicit year in the
    /// text, 6 times; 'this year' beside it twice; "…the Fifth Plenum…")`.
    pub fn evidence(&self) -> String {
        let times = match self.times {
            1 => "once".to_string(),
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        let mut out = match self.kind {
            SuggestionKind::LatestStated => format!("latest explicit year in the text, {times}"),
            SuggestionKind::BeforeTarget => format!(
                "at the latest: the text only looks ahead, to {} ({times}), so it was written before then",
                self.year + 1
            ),
        };
        if self.this_year > 0 {
            let n = match self.this_year {
                1 => "once".to_string(),
                2 => "twice".to_string(),
                n => format!("{n} times"),
            };
            out.push_str(&format!("; \u{2018}this year\u{2019} beside it {n}"));
        }
        if self.day_in_text {
            out.push_str(&format!("; the text gives the date {}", self.date));
        }
        out.push_str(&format!("; \u{201c}{}\u{201d}", self.sentence));
        out
    }
}

/// Sentence text shown as evidence, cut to about this many characters.
const EVIDENCE_CHARS: usize = 90;

/// The suggestion for an article's `text` split into `sentences`, or `None` when the text
/// states no year as a date (or only years it looks ahead to).
pub fn suggest(text: &str, sentences: &[Span]) -> Option<DateSuggestion> {
    // Per sentence, so each year is read with its sentence's tense (`by 2035` looks ahead).
    // (year, sentence, byte position) of each explicit year.
    let mut stated: Vec<(i16, usize, usize)> = Vec::new();
    let mut ahead: Vec<(i16, usize, usize)> = Vec::new();
    let mut this_year_in: Vec<usize> = Vec::new();
    for (k, span) in sentences.iter().enumerate() {
        let range = span.range();
        let Some(sentence) = text.get(range.clone()) else {
            continue;
        };
        let times = find_times(sentence, range.start);
        if times.is_empty() {
            continue;
        }
        let tense = Tense::of(sentence, range.start);
        for t in &times {
            match t.kind {
                TimeKind::Explicit(y) => {
                    if tense.future_at(t.span.start) || is_target(&text[..t.span.start]) {
                        ahead.push((y, k, t.span.start));
                    } else {
                        stated.push((y, k, t.span.start));
                    }
                }
                TimeKind::YearOffset(0)
                    if text[t.span.clone()].to_lowercase().contains("this year") =>
                {
                    this_year_in.push(k);
                }
                _ => {}
            }
        }
    }
    let (kind, year, in_year) = if let Some(year) = stated.iter().map(|f| f.0).max() {
        (
            SuggestionKind::LatestStated,
            year,
            sentences_of(&stated, year),
        )
    } else {
        let first = ahead.iter().map(|f| f.0).min()?;
        (
            SuggestionKind::BeforeTarget,
            first - 1,
            sentences_of(&ahead, first),
        )
    };
    let &(_, last, at) = in_year.last()?;
    let mut with_this_year: Vec<usize> = in_year
        .iter()
        .map(|f| f.1)
        .filter(|k| this_year_in.contains(k))
        .collect();
    with_this_year.dedup();
    let full_date = (kind == SuggestionKind::LatestStated)
        .then(|| {
            dates_in(text, DateOrder::MonthFirst)
                .into_iter()
                .map(|(d, _)| d)
                .filter(|d| d.year() == year)
                .max()
        })
        .flatten();
    let date = full_date.or_else(|| Date::new(year, 7, 1).ok())?;
    Some(DateSuggestion {
        kind,
        year,
        date,
        day_in_text: full_date.is_some(),
        times: in_year.len(),
        this_year: with_this_year.len(),
        sentence: around(
            &text[sentences[last].range()],
            at - sentences[last].start as usize,
        ),
    })
}

/// The places (in text order) where `year` is found among `found`.
fn sentences_of(found: &[(i16, usize, usize)], year: i16) -> Vec<(i16, usize, usize)> {
    found.iter().filter(|f| f.0 == year).copied().collect()
}

/// A year right after `by`, `until` or `till` is a deadline or a target (`by 2035`), not the
/// time of writing. `before` is the text up to the year.
fn is_target(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ["by", "until", "till"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// The sentence around byte `at` (the year), white space collapsed, cut at words to about
/// [`EVIDENCE_CHARS`] characters, with `…` where it was cut.
fn around(sentence: &str, at: usize) -> String {
    let (left, _, right) = crate::query::concordance::context(sentence, &(at..at));
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (l, r) = (flat(&left), flat(&right));
    let half = EVIDENCE_CHARS / 2;
    let trim_left = l.chars().count() > half;
    let trim_right = r.chars().count() > half;
    let l: String = if trim_left {
        let from = l.char_indices().rev().nth(half).map_or(0, |(i, _)| i);
        let cut = &l[from..];
        cut.find(' ').map_or(cut, |i| &cut[i + 1..]).to_string()
    } else {
        l
    };
    let r: String = if trim_right {
        let to = r.char_indices().nth(half).map_or(r.len(), |(i, _)| i);
        let cut = &r[..to];
        cut.rfind(' ').map_or(cut, |i| &cut[..i]).to_string()
    } else {
        r
    };
    let joiner = if left.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{}{l}{joiner}{r}{}",
        if trim_left || left.trim_start() != sentence[..at].trim_start() {
            "\u{2026}"
        } else {
            ""
        },
        if trim_right || right.trim_end().len() < sentence[at..].trim_end().len() {
            "\u{2026}"
        } else {
            ""
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;

    fn spans(text: &str) -> Vec<Span> {
        let paragraphs = vec![Span::of(&(0..text.len()))];
        split_sentences(text, &paragraphs)
            .iter()
            .map(Span::of)
            .collect()
    }

    #[test]
    fn the_latest_stated_year_is_suggested_not_one_looked_ahead_to() {
        let text = "Sales fell in 2018. In 2020 the ban began, and this year it widened. \
                    Officials said in 2020 that the rules stay. The plan is to finish by 2023.";
        let s = suggest(text, &spans(text)).expect("a suggestion");
        assert_eq!(s.year, 2020);
        assert_eq!(s.times, 2);
        assert_eq!(s.this_year, 1);
        assert!(!s.day_in_text);
        assert_eq!(s.date, Date::new(2020, 7, 1).unwrap());
        let why = s.evidence();
        assert!(
            why.starts_with("latest explicit year in the text, twice"),
            "{why}"
        );
        assert!(why.contains("Officials said in 2020"), "{why}");
    }

    #[test]
    fn a_full_date_of_that_year_is_the_date_entered() {
        let text = "The talks opened on March 3, 2021. They resumed in 2021 after a pause.";
        let s = suggest(text, &spans(text)).expect("a suggestion");
        assert_eq!((s.year, s.day_in_text), (2021, true));
        assert_eq!(s.date, Date::new(2021, 3, 3).unwrap());
    }

    #[test]
    fn a_text_that_only_looks_ahead_was_written_before_its_first_target() {
        let text = "Officials met on Tuesday. They will meet again in 2030. \
                    The goal is to end imports by 2025.";
        let s = suggest(text, &spans(text)).expect("a suggestion");
        assert_eq!(
            (s.kind, s.year, s.times),
            (SuggestionKind::BeforeTarget, 2024, 1)
        );
        assert!(
            s.evidence().contains("only looks ahead, to 2025"),
            "{}",
            s.evidence()
        );
    }

    #[test]
    fn a_text_without_years_gets_no_suggestion() {
        let text = "Officials met on Tuesday and again on Friday.";
        assert_eq!(suggest(text, &spans(text)), None);
    }
}
