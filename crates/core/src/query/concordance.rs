//! Keyword in context: every whole-word, case-insensitive occurrence of a word or phrase in the
//! bodies of a set of articles, with the words on either side, the sentence's years and its
//! countries (from the sentence's events, so a line agrees with the chart).

use super::corpus_index::Corpus;
use crate::extract::gazetteer::CountryId;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Characters of context shown on each side of a match (whole words within them).
pub const CONTEXT_CHARS: usize = 60;

/// A compiled search term: case-insensitive, matched on word boundaries (`Huawei's` holds
/// `Huawei`; `Huaweiphone` does not).
pub struct Term {
    regex: Option<Regex>,
    text: String,
}

impl Term {
    /// The term `text` (white space inside it matches any white space, as a line break in a
    /// copied page does). An empty or blank term matches nothing.
    pub fn new(text: &str) -> Self {
        let words: Vec<String> = text.split_whitespace().map(regex::escape).collect();
        let regex = (!words.is_empty())
            .then(|| Regex::new(&format!("(?i){}", words.join(r"\s+"))).ok())
            .flatten();
        Self {
            regex,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    /// The term as typed, its white space collapsed.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.regex.is_none()
    }

    /// The byte ranges of the term's whole-word occurrences in `text`, in order.
    pub fn find_in(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = regex.find_at(text, at) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if boundary(before) && boundary(after) {
                out.push(m.range());
                at = m.end();
            } else {
                // Not on a boundary: look again one character further on (`aa` in `aaa aa`).
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
            if at > text.len() {
                break;
            }
        }
        out
    }
}

/// One occurrence of the term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index into `Corpus::entries`.
    pub row: usize,
    /// The match's byte range in the article's text.
    pub span: std::ops::Range<usize>,
    /// The sentence that holds it (index into the article's sentences), if the match lies in one.
    pub sentence: Option<u32>,
    /// The sentence's first byte (the match's own start when it is in no sentence).
    pub sentence_start: usize,
    /// The sentence's dated years, ascending.
    pub years: Vec<i16>,
    /// The countries the sentence mentions, by id.
    pub countries: Vec<CountryId>,
}

/// Every occurrence of `term` in the bodies of `rows` (corpus indices), article by article in
/// the order given.
pub fn occurrences(corpus: &Corpus, rows: &[usize], term: &Term) -> Vec<Occurrence> {
    rows.iter()
        .flat_map(|&row| occurrences_in(corpus, row, term))
        .collect()
}

/// The occurrences of `term` in one article.
pub fn occurrences_in(corpus: &Corpus, row: usize, term: &Term) -> Vec<Occurrence> {
    let Some(entry) = corpus.entries.get(row) else {
        return Vec::new();
    };
    let sentences = &entry.analysis.sentences;
    term.find_in(&entry.article.text)
        .into_iter()
        .map(|span| {
            let pos = u32::try_from(span.start).unwrap_or(u32::MAX);
            // The last sentence starting at or before the match, if the match lies inside it.
            let k = sentences.partition_point(|s| s.start <= pos);
            let sentence = k
                .checked_sub(1)
                .filter(|&i| sentences[i].end >= u32::try_from(span.end).unwrap_or(u32::MAX));
            let mut years: Vec<i16> = Vec::new();
            let mut countries: Vec<CountryId> = Vec::new();
            if let Some(i) = sentence {
                for e in entry
                    .analysis
                    .events
                    .iter()
                    .filter(|e| e.sentence as usize == i)
                {
                    years.extend(e.year);
                    countries.push(e.country);
                }
            }
            years.sort_unstable();
            years.dedup();
            countries.sort_unstable();
            countries.dedup();
            Occurrence {
                row,
                sentence_start: sentence.map_or(span.start, |i| sentences[i].start as usize),
                sentence: sentence.and_then(|i| u32::try_from(i).ok()),
                span,
                years,
                countries,
            }
        })
        .collect()
}

/// The words left of the match, the match, and the words right of it, each on one line (white
/// space collapsed), at most about [`CONTEXT_CHARS`] characters of context on each side, cut
/// at a word boundary.
pub fn context(text: &str, span: &std::ops::Range<usize>) -> (String, String, String) {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = &text[..span.start];
    let after = &text[span.end..];
    // Take a little more than needed, then cut to whole words.
    let left_from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    let mut left = &before[left_from..];
    if left_from > 0
        && let Some(space) = left.find(char::is_whitespace)
    {
        left = &left[space..];
    }
    let right_to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut right = &after[..right_to];
    if right_to < after.len()
        && let Some(space) = right.rfind(char::is_whitespace)
    {
        right = &right[..space];
    }
    let keep_space = |s: &str, collapsed: String, leading: bool| {
        // A space between the context and the match stays visible.
        let edge = if leading {
            s.starts_with(char::is_whitespace)
        } else {
            s.ends_with(char::is_whitespace)
        };
        match (edge && !collapsed.is_empty(), leading) {
            (true, true) => format!(" {collapsed}"),
            (true, false) => format!("{collapsed} "),
            _ => collapsed,
        }
    };
    (
        keep_space(left, collapse(left), false),
        collapse(&text[span.clone()]),
        keep_space(right, collapse(right), true),
    )
}

/// How the concordance is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcordanceSort {
    /// Article by article, in text order.
    #[default]
    Article,
    /// By the words left of the match, read right to left from the match.
    Left,
    /// By the words right of the match.
    Right,
    /// By the sentence's first year (undated last), then article order.
    Year,
}

impl ConcordanceSort {
    pub const ALL: [Self; 4] = [Self::Article, Self::Left, Self::Right, Self::Year];

    pub fn label(self) -> &'static str {
        match self {
            Self::Article => "Article",
            Self::Left => "Left context",
            Self::Right => "Right context",
            Self::Year => "Year",
        }
    }
}

/// The context words a sort compares: the left context's words nearest the match first.
fn sort_words(text: &str, o: &Occurrence, key: ConcordanceSort) -> Vec<String> {
    let (left, _, right) = context(text, &o.span);
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect()
    };
    match key {
        ConcordanceSort::Left => words(&left).into_iter().rev().collect(),
        _ => words(&right),
    }
}

/// Sort occurrences by `key`; ties keep article and text order, so every sort is one answer.
pub fn sort_occurrences(corpus: &Corpus, lines: &mut [Occurrence], key: ConcordanceSort) {
    let text_order =
        |a: &Occurrence, b: &Occurrence| a.row.cmp(&b.row).then(a.span.start.cmp(&b.span.start));
    match key {
        ConcordanceSort::Article => lines.sort_by(text_order),
        ConcordanceSort::Year => lines.sort_by(|a, b| {
            let year = |o: &Occurrence| o.years.first().copied().unwrap_or(i16::MAX);
            year(a).cmp(&year(b)).then_with(|| text_order(a, b))
        }),
        ConcordanceSort::Left | ConcordanceSort::Right => {
            let text = |o: &Occurrence| {
                corpus
                    .entries
                    .get(o.row)
                    .map_or("", |e| e.article.text.as_str())
            };
            let mut keyed: Vec<(Vec<String>, Occurrence)> = lines
                .iter()
                .map(|o| (sort_words(text(o), o, key), o.clone()))
                .collect();
            keyed.sort_by(|(ka, a), (kb, b)| match ka.cmp(kb) {
                Ordering::Equal => text_order(a, b),
                other => other,
            });
            for (slot, (_, o)) in lines.iter_mut().zip(keyed) {
                *slot = o;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_matches_whole_words_in_any_case() {
        let t = Term::new("huawei");
        let text = "Huawei's phones. HUAWEI said. Huaweiphone is not it; nor is xHuawei.";
        let found: Vec<&str> = t.find_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Huawei", "HUAWEI"]);
    }

    #[test]
    fn a_phrase_matches_across_a_line_break() {
        let t = Term::new("trade   war");
        let text = "the trade\nwar began; a trade warrior did not";
        assert_eq!(t.find_in(text), vec![(4..13)]);
        assert!(Term::new("  ").is_empty());
    }

    #[test]
    fn a_failed_boundary_looks_again_further_on() {
        let t = Term::new("aa");
        assert_eq!(t.find_in("aaa aa"), vec![(4..6)]);
    }

    #[test]
    fn context_is_cut_at_words_and_keeps_the_spaces_beside_the_match() {
        let text = format!("{} Huawei said {}", "word ".repeat(30), "more ".repeat(30));
        let at = text.find("Huawei").unwrap_or(0);
        let (left, m, right) = context(&text, &(at..at + 6));
        assert_eq!(m, "Huawei");
        assert!(left.ends_with("word "), "{left:?}");
        assert!(left.trim_start().starts_with("word"), "{left:?}");
        assert!(left.chars().count() <= CONTEXT_CHARS + 1);
        assert!(right.starts_with(" said more"), "{right:?}");
        assert!(right.chars().count() <= CONTEXT_CHARS + 1);
    }
}
