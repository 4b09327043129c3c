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
        .build(phrases)
        .unwrap_or_else(|e| panic!("notice phrases: {e}"))
}

static NOTICES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&NOTICE_PHRASES));
static UI: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&UI_PHRASES));

/// True when `s` is a short line of a page's controls (at most twelve words).
pub fn is_ui_text(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 12 {
        return false;
    }
    if !words.is_empty()
        && words.iter().all(|w| {
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

/// One of the automaton's phrases occurs in `s` on word boundaries (`cookies` in `we use
/// cookies`, not `cookiesale`).
fn has_phrase(automaton: &AhoCorasick, s: &str) -> bool {
    // Most lines hold no phrase at all: one prefiltered search says so before the overlapping
    // one (which looks at every byte) checks the boundaries of each occurrence.
    if automaton.find(s).is_none() {
        return false;
    }
    automaton.find_overlapping_iter(s).any(|m| {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        boundary(before) && boundary(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
