//! Notices a web page shows around an article: cookie and consent banners, subscription and
//! newsletter prompts, browser warnings, ad labels, copyright lines. They can read like running
//! text, so they are known by their words, never by their length.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Words that only page notices use together with the site's reader (`we use cookies`,
/// `subscribe to our newsletter`). Matched on the lower-cased line.
static NOTICE_PHRASES: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("notice_phrases.txt");

/// Words of a page's controls and prompts, on short lines: `Continue reading the main story`,
/// `click to enlarge`, `Share Close extra sharing options`, `Please enter a search term.`
static UI_PHRASES: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("ui_phrases.txt");

/// Buttons of a share row: a line made of these words only is a control (`Share Tweet`).
static SHARE_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("share_words.txt");

/// One case-insensitive automaton per phrase list: lines are scanned once, never lower-cased
/// (this runs on every line of every article).
fn automaton(phrases: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::Standard)
        // A full DFA (a few hundred kB for these lists): the fastest scan of every line.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(phrases)
        .unwrap_or_else(|e| panic!("notice phrases: {e}"))
}

/// A phrase list's two searchers: the case-insensitive automaton, which checks each
/// occurrence's word boundaries, and a SIMD (Teddy) searcher for the phrases in lower case, which
/// says first whether the ASCII-lower-cased line holds any at all. Every phrase is matched
/// without regard to ASCII case and folding ASCII case keeps every byte in its place, so both
/// find a phrase at the same places; the SIMD one looks at many bytes a step where the
/// automaton steps through one, and most lines hold no phrase.
struct Phrases {
    automaton: AhoCorasick,
    /// `None` where the processor has no SIMD searcher: the automaton answers alone.
    packed: Option<aho_corasick::packed::Searcher>,
}

impl Phrases {
    fn new(phrases: &[&str]) -> Self {
        let mut packed = aho_corasick::packed::Config::new().builder();
        for p in phrases {
            packed.add(p.to_ascii_lowercase());
        }
        Self {
            automaton: automaton(phrases),
            packed: packed.build(),
        }
    }

    /// Whether some phrase occurs in `s` at all (on word boundaries or not).
    fn occurs_in(&self, s: &str) -> bool {
        // Lines up to this long are copied (the buffer never holds more).
        const ROOM: usize = 1024;
        match &self.packed {
            Some(packed) if s.len() <= ROOM => LOWER.with_borrow_mut(|lower| {
                lower.clear();
                lower.extend_from_slice(s.as_bytes());
                lower.make_ascii_lowercase();
                packed.find(lower.as_slice()).is_some()
            }),
            _ => self.automaton.find(s).is_some(),
        }
    }
}

thread_local! {
    /// The ASCII-lower-cased copy of the line being searched, one buffer per thread (a line is
    /// copied into it, never into a new or zeroed one).
    static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

static NOTICES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&NOTICE_PHRASES));
static UI: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&UI_PHRASES));

/// True when `s` is a short line of a page's controls (at most twelve words).
pub fn is_ui_text(s: &str) -> bool {
    if s.split_whitespace().nth(12).is_some() {
        return false;
    }
    let mut words = s.split_whitespace().peekable();
    if words.peek().is_some()
        && words.all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty() || SHARE_WORDS.iter().any(|sw| sw.eq_ignore_ascii_case(w))
        })
    {
        return true;
    }
    // Taxonomy lines: `Posted inBrookhaven, DeKalb, News`, `Filed under: Politics`.
    const PREFIXES: &[&str] = &[
        "time to ",
        "posted in",
        "filed under",
        "tags:",
        "topics:",
        "categories:",
    ];
    has_phrase(&UI, s)
        || PREFIXES
            .iter()
            .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// True when `s` is a page notice rather than article text.
pub fn is_notice(s: &str) -> bool {
    if s.len() > 1000 {
        return false;
    }
    let opens = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if s.starts_with('©') || opens("copyright") || opens("(c) ") {
        return true;
    }
    has_phrase(&NOTICES, s)
}

/// How a wire story's credit line starts, inside its optional parentheses: `(Reporting by Ana
/// Lopes in Beijing; editing by Tom Reed)`.
const CREDIT_OPENERS: [&str; 6] = [
    "reporting by ",
    "additional reporting by ",
    "writing by ",
    "editing by ",
    "compiled by ",
    "reported by ",
];

/// How a newspaper's credit line ends: `Associated Press writer Elias Meseret in Addis Ababa
/// contributed to this report.`
const CREDIT_CLOSERS: [&str; 3] = [
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
];

/// True when `s` is a wire or newspaper credit line (who reported, wrote and edited the story):
/// closing boilerplate, not a sentence of the story, so the place names in it are no events.
/// At most 45 words.
pub fn is_credit_line(s: &str) -> bool {
    let t = s
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.', ' ']);
    let opens = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let closes = |p: &str| {
        t.len() >= p.len()
            && t.get(t.len() - p.len()..)
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    // The openers and closers first: they look at a few bytes, the word count at the line.
    (CREDIT_OPENERS.iter().any(|p| opens(p)) || CREDIT_CLOSERS.iter().any(|p| closes(p)))
        && t.len() <= 400
        && t.split_whitespace().nth(45).is_none()
}

/// One of the automaton's phrases occurs in `s` on word boundaries (`cookies` in `we use
/// cookies`, not `cookiesale`).
fn has_phrase(phrases: &Phrases, s: &str) -> bool {
    // Most lines hold no phrase at all: one fast search says so before the overlapping one
    // (which steps through every byte) checks the boundaries of each occurrence.
    if !phrases.occurs_in(s) {
        return false;
    }
    phrases.automaton.find_overlapping_iter(s).any(|m| {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        boundary(before) && boundary(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of phrases in any case, words, and non-ASCII text around them.
    fn phrase_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            proptest::sample::select(NOTICE_PHRASES.clone()).prop_map(str::to_string),
            proptest::sample::select(UI_PHRASES.clone()).prop_map(str::to_string),
            "[a-zA-Z]{1,8}",
            "\\PC{1,3}",
            Just("İ".to_string()),
            Just("\u{212A}".to_string()),
        ];
        (proptest::collection::vec(piece, 0..12), any::<u64>()).prop_map(|(pieces, cases)| {
            // Each letter upper-cased or not by a bit of `cases`.
            pieces
                .join(" ")
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if cases >> (i % 64) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect()
        })
    }

    proptest::proptest! {
        /// The SIMD search over the lower-cased line finds a phrase exactly when the
        /// case-insensitive automaton does.
        #[test]
        fn the_fast_search_agrees_with_the_automaton(s in phrase_soup()) {
            for phrases in [&*NOTICES, &*UI] {
                proptest::prop_assert_eq!(phrases.occurs_in(&s), phrases.automaton.find(&*s).is_some());
            }
        }
    }

    #[test]
    fn notices_are_known_by_their_words() {
        assert!(is_notice(
            "We use cookies to give you the best experience on our website."
        ));
        assert!(is_notice("Available for everyone, funded by readers"));
        assert!(is_notice(
            "Sign up for our daily newsletter and never miss a story."
        ));
        assert!(is_notice("© 2023 Example Media Ltd. All rights reserved."));
        assert!(is_notice("Please enable JavaScript to view the comments."));
    }

    #[test]
    fn article_sentences_are_not_notices() {
        assert!(!is_notice(
            "China and the United States signed a trade deal in 2020, officials said."
        ));
        assert!(!is_notice("The cookiesale raised money for the school."));
    }

    #[test]
    fn credit_lines_are_known_by_how_they_open_or_close() {
        assert!(is_credit_line(
            "(Reporting by Ana Lopes in Beijing and Tom Reed in Washington; editing by Sam Poe)"
        ));
        assert!(is_credit_line(
            "Additional reporting by Li Wei in Shanghai."
        ));
        assert!(is_credit_line(
            "Associated Press writer Elias Meseret in Addis Ababa contributed to this report."
        ));
        // Sentences of a story that use the same words are not credit lines.
        assert!(!is_credit_line(
            "The ministry said reporting by state media had been accurate."
        ));
        assert!(!is_credit_line(
            "Officials from Japan and South Korea contributed to this report on regional security, which was published in March after two years of talks between the governments and their advisers, the diplomats and their staff, and a long list of outside experts who were consulted."
        ));
    }
}
