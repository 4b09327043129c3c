//! What the window shows about the numbers, computed here so that it never runs an extractor
//! itself: countries ranked by events, the mentions that put a sentence in a chart cell, and
//! the highlights of a paragraph with the tooltip that explains each one.

use super::{Counts, YearKey};
use crate::extract::Analysis;
use crate::extract::gazetteer::{CountryId, gazetteer};
use crate::extract::mentions::find_mentions;
use crate::extract::years::{Tense, TimeKind, resolve};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Range;

/// Countries by their events in `counts`, most first (ties by id); undated events count only
/// when `with_undated`.
pub fn ranked_countries(counts: &Counts, with_undated: bool) -> Vec<(CountryId, u32)> {
    let mut totals: BTreeMap<CountryId, u32> = BTreeMap::new();
    for ((y, c), n) in counts {
        if with_undated || *y != YearKey::Undated {
            *totals.entry(*c).or_insert(0) += n;
        }
    }
    let mut ranked: Vec<(CountryId, u32)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// The mentions of `countries` in one sentence (`sentence`, its text), as ranges within it:
/// what makes the sentence count in a chart cell. Found again for the sentences shown (the
/// corpus keeps counts, not mentions).
pub fn cell_mentions(sentence: &str, countries: &[CountryId]) -> Vec<(Range<usize>, CountryId)> {
    find_mentions(gazetteer(), sentence, 0)
        .into_iter()
        .filter(|m| countries.contains(&m.country))
        .map(|m| (m.span, m.country))
        .collect()
}

/// What a highlight in the reader marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HighlightKind {
    /// A country mention (drawn with the country's colour).
    Mention(CountryId),
    /// A time expression (underlined).
    Time,
}

/// One highlight of a paragraph: its byte range in the article text, what it is, and the
/// sentence that explains it (the tooltip).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub span: Range<usize>,
    pub kind: HighlightKind,
    pub explanation: String,
}

/// Non-overlapping highlights in the paragraph `para` of `text`, in text order: mentions, and
/// time expressions where no mention overlaps them. A relative expression is explained with the
/// year it resolves to, as the events resolved it (with its sentence's tense).
pub fn paragraph_highlights(
    text: &str,
    analysis: &Analysis,
    published: Option<Date>,
    para: Range<usize>,
) -> Vec<Highlight> {
    let gaz = gazetteer();
    let inside = |r: &Range<usize>| r.start >= para.start && r.end <= para.end;
    let mut out: Vec<Highlight> = analysis
        .mentions
        .iter()
        .filter(|m| inside(&m.span))
        .map(|m| {
            let c = gaz.country(m.country);
            Highlight {
                span: m.span.clone(),
                kind: HighlightKind::Mention(m.country),
                explanation: format!("{} ({}) — {:?}", c.name, c.code, m.kind),
            }
        })
        .collect();
    let mentions = out.len();
    for t in analysis.times.iter().filter(|t| inside(&t.span)) {
        if out[..mentions]
            .iter()
            .any(|h| h.span.start < t.span.end && t.span.start < h.span.end)
        {
            continue;
        }
        let explanation = match &t.kind {
            TimeKind::Explicit(y) => format!("{y} — explicit year"),
            TimeKind::Decade(y) => {
                format!("the {y}s — a decade: no year unless decades are anchored")
            }
            other => {
                let tense = analysis
                    .sentences
                    .iter()
                    .find(|s| s.start <= t.span.start && t.span.end <= s.end)
                    .and_then(|s| text.get(s.clone()).map(|st| Tense::of(st, s.start)))
                    .unwrap_or_default();
                let resolved = resolve(std::slice::from_ref(t), published, tense, false);
                match (resolved.first(), published) {
                    (Some(a), _) => {
                        format!("{} — relative to the published date ({other:?})", a.year)
                    }
                    (None, None) => {
                        "relative time expression — undated, the article has no published date"
                            .to_string()
                    }
                    (None, Some(_)) => format!("relative time expression ({other:?})"),
                }
            }
        };
        out.push(Highlight {
            span: t.span.clone(),
            kind: HighlightKind::Time,
            explanation,
        });
    }
    out.sort_by_key(|h| h.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_rank_by_events_and_undated_counts_only_when_asked() {
        let gaz = gazetteer();
        let (cn, us) = (gaz.id("CN").unwrap(), gaz.id("US").unwrap());
        let mut counts = Counts::new();
        counts.insert((YearKey::Year(2020), us), 3);
        counts.insert((YearKey::Year(2021), cn), 2);
        counts.insert((YearKey::Undated, cn), 5);
        assert_eq!(ranked_countries(&counts, true), vec![(cn, 7), (us, 3)]);
        assert_eq!(ranked_countries(&counts, false), vec![(us, 3), (cn, 2)]);
    }

    #[test]
    fn a_cell_sentence_highlights_only_the_cells_countries() {
        let gaz = gazetteer();
        let cn = gaz.id("CN").unwrap();
        let s = "China and Japan signed a deal in 2020.";
        let got = cell_mentions(s, &[cn]);
        assert_eq!(got.len(), 1);
        assert_eq!(&s[got[0].0.clone()], "China");
    }
}
