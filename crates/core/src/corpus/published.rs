//! Which date of a text's header is its first publication (events.md §1).
//!
//! A copied page shows many dates: the masthead's (the day the page was saved), the headline's
//! date line, an `Updated` stamp, photo captions, related stories and "most read" lists. The
//! first publication is the date of the header under the headline: a date marked `Published` or
//! `Posted` first, then an unmarked date line, then an `Updated` one when it is the only date
//! shown. A date printed above the headline (a masthead, a clock) counts only when the header
//! shows none; a date inside running text never does.

use super::dates::{DateOrder, dates_in};
use super::metadata::word_count_capped;
use jiff::civil::Date;
use std::ops::Range;

/// What the words before a date say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateKind {
    /// `Published`, `Posted`, `First published`, `Created`.
    Published,
    /// A bare date line (`Thursday, November 9, 2023 4:41AM`).
    Plain,
    /// `Updated`, `Last modified`, `Edited`.
    Updated,
    /// Above the headline: a masthead or a clock, most often the day the page was saved.
    AboveHeadline,
}

/// One date seen in the header, with its place and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct DateSeen {
    pub date: Date,
    /// Byte range in the article text.
    pub span: Range<usize>,
    pub kind: DateKind,
    /// Index among the text's non-empty lines.
    pub line: usize,
    /// Past the first paragraph: an embedded post's or a caption's date more often than the
    /// article's, so it counts only after every header date.
    pub after_body: bool,
    /// In the header block right under the headline (no running text between them): its dates
    /// rank first, whatever their kind (an embedded post further down has a bare date too).
    pub in_block: bool,
}

/// Non-empty lines under the headline that may hold its date: a byline, a share row, a photo
/// caption and a standfirst can come first.
const BELOW: usize = 30;
/// Lines above the headline whose date may count (a date line printed over the headline).
const ABOVE: usize = 3;

fn kind_of(before: &str, above: bool) -> DateKind {
    let l = before.to_ascii_lowercase();
    // The marker closest to the date decides: `Published 3 May | Updated 4 May`.
    let last = |words: &[&str]| words.iter().filter_map(|w| l.rfind(w)).max();
    let updated = last(&["updated", "modified", "edited", "revised"]);
    let published = last(&["published", "posted", "created", "first", "issued"]);
    match (published, updated) {
        (Some(p), Some(u)) if p > u => DateKind::Published,
        (Some(_), None) => DateKind::Published,
        (_, Some(_)) => DateKind::Updated,
        _ if above => DateKind::AboveHeadline,
        _ => DateKind::Plain,
    }
}

/// A line that is running text: its dates are the story's, not the header's.
fn is_running_text(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', ')']);
    // `… at 9:11 a.m.` ends a date line, not a sentence.
    let clock = t.ends_with("a.m.") || t.ends_with("p.m.");
    (s.len() > 220 && s.chars().count() > 220)
        || (word_count_capped(s, 14) >= 14 && !clock && t.ends_with(['.', '!', '?']))
}

/// Every header date around the headline at `title` (an index into `lines`, the text's
/// non-empty lines with their byte offsets), up to the first paragraph `body` and a few lines
/// past it.
pub fn header_dates(
    lines: &[(usize, &str)],
    title: usize,
    body: usize,
    order: DateOrder,
) -> Vec<DateSeen> {
    let mut seen = Vec::new();
    // The header block: the lines under the headline up to the first line of running text.
    let block_end = (title + 1..lines.len())
        .find(|&j| super::headline::is_prose(lines[j].1))
        .unwrap_or(lines.len());
    let from = title.saturating_sub(ABOVE);
    // A few lines past the first paragraph (bare bullets of a share row aside).
    let mut to = body.max(title + 1);
    let mut past = 0;
    while to < lines.len() && past < 4 {
        if lines[to].1.chars().any(char::is_alphanumeric) {
            past += 1;
        }
        to += 1;
    }
    let to = to.min(title + 1 + BELOW);
    for (k, &(offset, s)) in lines.iter().enumerate().take(to).skip(from) {
        // Photo captions and credits carry the photo's date, not the article's (a date line
        // that says what it is, `Published on … (Paris)`, is no caption).
        let marked = [
            "published",
            "posted",
            "updated",
            "first published",
            "last updated",
        ]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
        if k == title || is_running_text(s) {
            continue;
        }
        // The dates first: most lines here hold none, and the caption test reads the line
        // several times.
        let dates = dates_in(s, order);
        if dates.is_empty() || (super::headline::is_photo_credit(s) && !marked) {
            continue;
        }
        let mut prev_end = 0;
        for (date, r) in dates {
            let kind = kind_of(&s[prev_end..r.start], k < title);
            prev_end = r.end;
            seen.push(DateSeen {
                date,
                span: offset + r.start..offset + r.end,
                kind,
                line: k,
                after_body: k > body,
                in_block: k > title && k < block_end,
            });
        }
    }
    seen
}

/// The first publication among the header dates: the best kind, then the nearest the headline
/// below it.
pub fn choose_published(seen: &[DateSeen], title: usize) -> Option<&DateSeen> {
    seen.iter().min_by_key(|d| {
        let above = d.kind == DateKind::AboveHeadline;
        (
            above,
            !d.in_block,
            d.after_body,
            d.kind,
            d.line.abs_diff(title),
            d.span.start,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str, title: usize) -> Option<String> {
        let mut lines = Vec::new();
        let mut offset = 0;
        for l in text.split_inclusive('\n') {
            let t = l.trim_end();
            if !t.is_empty() {
                lines.push((offset, t));
            }
            offset += l.len();
        }
        let seen = header_dates(&lines, title, lines.len(), DateOrder::MonthFirst);
        choose_published(&seen, title).map(|d| d.date.to_string())
    }

    #[test]
    fn the_first_publication_wins_over_an_update_printed_first() {
        let t = "Menu\nPort deal signed\nLast Updated: November 9, 2023 | First Published: November 8, 2023\nBody.\n";
        assert_eq!(published(t, 1).as_deref(), Some("2023-11-08"));
    }

    #[test]
    fn a_masthead_date_counts_only_without_a_header_date() {
        let t =
            "Sunday, July 19, 2020\nPort deal signed\nBy Ana Ruiz\nJuly 9, 2020 3:01 PM\nBody.\n";
        assert_eq!(published(t, 1).as_deref(), Some("2020-07-09"));
        let t = "Sunday, July 19, 2020\nPort deal signed\nBy Ana Ruiz\nBody.\n";
        assert_eq!(published(t, 1).as_deref(), Some("2020-07-19"));
    }

    #[test]
    fn an_update_alone_is_taken() {
        let t = "Port deal signed\nUpdated 7:12 am PDT, Wednesday, May 6, 2020\nBody.\n";
        assert_eq!(published(t, 0).as_deref(), Some("2020-05-06"));
    }

    #[test]
    fn dates_in_running_text_are_the_storys() {
        let t = "Port deal signed\nThe port, which opened on March 3, 2011, will close next year, officials said.\n";
        assert_eq!(published(t, 0), None);
    }
}
