//! The trigger scan: one pass of one automaton over a body finds the words every time
//! expression must contain (a month or weekday name, a season, `year`/`day`/`week`/`month`/
//! `recent`/`quarter`/`tonight`/`tomorrow`, `19`/`20`, `0s`), and each pattern of
//! [`super::find_times`] then searches only the few windows around its own triggers instead of
//! the whole body.
//!
//! Exact by construction: every match of a pattern contains one of its family's trigger words
//! (matched here without regard to ASCII case, so a superset of the pattern's own case rules),
//! and no match spans more than [`REACH_TOKENS`] whitespace-separated tokens on either side of
//! its trigger. A window is a search span, not a slice: `\b` at its edges still sees the text
//! around it. So the windows hold every match the whole-body search finds, and nothing else.

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// The pattern families of [`super::find_times`], one per regex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Month,
    Relative,
    Season,
    Weekday,
    Decade,
    Year,
}

const FAMILIES: usize = 6;

/// Trigger words and their family. Only the Unicode case variant that `(?i)` adds to these
/// words' letters is listed by hand: the Kelvin sign `K` (U+212A) folds to `k`.
const TRIGGERS: &[(&str, Family)] = &[
    ("January", Family::Month),
    ("February", Family::Month),
    ("March", Family::Month),
    ("April", Family::Month),
    ("May", Family::Month),
    ("June", Family::Month),
    ("July", Family::Month),
    ("August", Family::Month),
    ("September", Family::Month),
    ("October", Family::Month),
    ("November", Family::Month),
    ("December", Family::Month),
    ("Jan.", Family::Month),
    ("Feb.", Family::Month),
    ("Aug.", Family::Month),
    ("Sept.", Family::Month),
    ("Sep.", Family::Month),
    ("Oct.", Family::Month),
    ("Nov.", Family::Month),
    ("Dec.", Family::Month),
    ("year", Family::Relative),
    ("month", Family::Relative),
    ("week", Family::Relative),
    ("wee\u{212A}", Family::Relative),
    ("day", Family::Relative),
    ("recent", Family::Relative),
    ("tonight", Family::Relative),
    ("tomorrow", Family::Relative),
    ("quarter", Family::Relative),
    ("spring", Family::Season),
    ("summer", Family::Season),
    ("autumn", Family::Season),
    ("fall", Family::Season),
    ("Monday", Family::Weekday),
    ("Tuesday", Family::Weekday),
    ("Wednesday", Family::Weekday),
    ("Thursday", Family::Weekday),
    ("Friday", Family::Weekday),
    ("Saturday", Family::Weekday),
    ("Sunday", Family::Weekday),
    ("0s", Family::Decade),
    ("19", Family::Year),
    ("20", Family::Year),
];

/// Tokens a match may reach past its trigger's token on either side. The longest patterns
/// span six tokens (`by the end of this month`, `in the past couple of months`, `the fourth
/// quarter of next year`, `early January 12th, of 2020`); one more is margin.
pub(super) const REACH_TOKENS: usize = 7;

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        // A full DFA: the overlapping scan steps it through every byte of every body.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(TRIGGERS.iter().map(|(w, _)| w))
        .unwrap_or_else(|e| panic!("time triggers: {e}"))
});

/// For each family, the merged search windows of `text` (byte ranges, in order).
pub(super) struct Windows {
    by_family: [Vec<Range<usize>>; FAMILIES],
}

impl Windows {
    /// Scan `text` once for every family's triggers.
    #[cfg(test)]
    pub(super) fn scan(text: &str) -> Self {
        Self::scan_in(text, std::slice::from_ref(&(0..text.len())))
    }

    /// Scan the `spans` of `text` (sentences, in order, disjoint) for every family's triggers.
    /// A window stays inside its trigger's span: an expression never runs from one sentence
    /// into the next, so each sentence's expressions are the same whichever others are
    /// scanned with it.
    pub(super) fn scan_in(text: &str, spans: &[Range<usize>]) -> Self {
        let mut by_family: [Vec<Range<usize>>; FAMILIES] = Default::default();
        for span in spans {
            let input = aho_corasick::Input::new(text).span(span.clone());
            // This span's windows start at `firsts[family]` of each list.
            let firsts = by_family.each_ref().map(Vec::len);
            for m in AUTOMATON.find_overlapping_iter(input) {
                let family = TRIGGERS[m.pattern().as_usize()].1 as usize;
                let window = tokens_before(text, m.start()).max(span.start)
                    ..tokens_after(text, m.end()).min(span.end);
                add_window(&mut by_family[family], firsts[family], window);
            }
            for (list, &first) in by_family.iter_mut().zip(&firsts) {
                settle(list, first);
            }
        }
        Self { by_family }
    }

    /// The windows where `family`'s pattern can match.
    pub(super) fn of(&self, family: Family) -> &[Range<usize>] {
        &self.by_family[family as usize]
    }
}

/// Sort and merge the windows of `list` from `first` on (one span's). Overlapping matches come
/// by end position, so a later one may start further left; in order, they were merged as they
/// came.
fn settle(list: &mut Vec<Range<usize>>, first: usize) {
    if list[first..].is_sorted_by_key(|w| w.start) {
        return;
    }
    let mut windows = list.split_off(first);
    windows.sort_by_key(|w| w.start);
    for w in windows {
        add_window(list, first, w);
    }
}

/// Add `window` to the windows of `list` from `first` on: merged into the last one when it
/// starts inside it, after it otherwise.
fn add_window(list: &mut Vec<Range<usize>>, first: usize, window: Range<usize>) {
    match list[first..].last_mut() {
        Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
        _ => list.push(window),
    }
}

/// The start of the token [`REACH_TOKENS`] tokens before the one holding byte `pos`.
fn tokens_before(text: &str, pos: usize) -> usize {
    let mut chars = text[..pos].char_indices().rev().peekable();
    let mut start = pos;
    for _ in 0..=REACH_TOKENS {
        // The token itself, then the white space before it.
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            start = i;
            chars.next();
        }
        while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return 0;
        }
    }
    start
}

/// The end of the token [`REACH_TOKENS`] tokens after the one holding byte `pos - 1`.
fn tokens_after(text: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut chars = text[pos..].char_indices().peekable();
    for _ in 0..=REACH_TOKENS {
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            end = pos + i + c.len_utf8();
            chars.next();
        }
        while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return text.len();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_reach_seven_tokens_each_way() {
        let text = "a b c d e f g h i j in the past couple of months k l m n o p q r s t";
        let w = Windows::scan(text);
        let months = text.find("months").expect("a trigger");
        let relative = w.of(Family::Relative);
        assert_eq!(relative.len(), 1);
        let span = &text[relative[0].clone()];
        assert!(span.starts_with("i j in"), "{span}");
        assert!(span.ends_with("p q"), "{span}");
        assert!(relative[0].contains(&months));
        assert!(w.of(Family::Month).is_empty());
    }

    #[test]
    fn close_triggers_share_one_window_and_text_edges_clip() {
        let w = Windows::scan("In 2019 and 2020 prices rose.");
        let year = w.of(Family::Year);
        assert_eq!(year.len(), 1);
        assert_eq!(year[0], 0..29);
    }

    #[test]
    fn no_trigger_no_window() {
        let w = Windows::scan("Officials met to discuss chips and tariffs.");
        for f in [
            Family::Month,
            Family::Relative,
            Family::Season,
            Family::Weekday,
            Family::Decade,
            Family::Year,
        ] {
            assert!(w.of(f).is_empty(), "{f:?}");
        }
    }
}
