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

/// A phrase list's two searchers: the case-insensitive automaton, which finds each occurrence and
/// checks its word boundaries, and a SIMD (Teddy) searcher for a rare part of each phrase (its
/// [`anchor`]) in the ASCII-lower-cased line. Folding ASCII case keeps every byte in its place,
/// so an occurrence of a phrase holds an anchor found at the same place in the folded line. The
/// SIMD searcher looks at many bytes a step where the automaton steps through one; most lines hold
/// no anchor, and where one is, the automaton reads only the bytes a phrase around it can span.
struct Phrases {
    automaton: AhoCorasick,
    /// `None` where the processor has no SIMD searcher: the automaton reads whole lines.
    packed: Option<aho_corasick::packed::Searcher>,
    /// The longest phrase's length in bytes: how far from an anchor its phrase can reach.
    longest: usize,
}

impl Phrases {
    fn new(phrases: &[&str]) -> Self {
        let mut packed = aho_corasick::packed::Config::new().builder();
        for part in anchors(phrases) {
            packed.add(part);
        }
        Self {
            automaton: automaton(phrases),
            packed: packed.build(),
            longest: phrases.iter().map(|p| p.len()).max().unwrap_or(0),
        }
    }

    /// Whether one of the phrases occurs in `s` on word boundaries (`cookies` in `we use
    /// cookies`, not `cookiesale`).
    fn found_in(&self, s: &str) -> bool {
        // Lines up to this long are copied (the buffer never holds more).
        const ROOM: usize = 1024;
        match &self.packed {
            Some(packed) if s.len() <= ROOM => LOWER.with_borrow_mut(|lower| {
                lower.clear();
                lower.extend_from_slice(s.as_bytes());
                lower.make_ascii_lowercase();
                // Every place an anchor starts (searching on from the byte after each, so an
                // anchor starting inside another is not passed over).
                let mut from = 0;
                while let Some(m) = packed.find_in(lower.as_slice(), (from..lower.len()).into()) {
                    let window = m.start().saturating_sub(self.longest)
                        ..(m.start() + self.longest).min(s.len());
                    if self.on_word_boundaries(s, window) {
                        return true;
                    }
                    from = m.start() + 1;
                }
                false
            }),
            _ => self.on_word_boundaries(s, 0..s.len()),
        }
    }

    /// Whether a phrase occurs within the bytes `window` of `s` on word boundaries (the
    /// characters around it are read outside the window too).
    fn on_word_boundaries(&self, s: &str, window: std::ops::Range<usize>) -> bool {
        let input = aho_corasick::Input::new(s).span(window);
        self.automaton.find_overlapping_iter(input).any(|m| {
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            boundary(before) && boundary(after)
        })
    }
}

/// What the SIMD searcher looks for in a line: for each lower-cased phrase its [`anchor`], and
/// of two anchors where one holds the other only the shorter (a line holding the longer holds
/// it). Fewer, rarer patterns: the searcher tells lines apart by a pattern's first bytes, and a
/// phrase's opening is often a word of every other sentence (`your`, `this`, `all`).
fn anchors(phrases: &[&str]) -> Vec<String> {
    let mut parts: Vec<String> = phrases
        .iter()
        .map(|p| anchor(&p.to_ascii_lowercase()).to_string())
        .collect();
    parts.sort_by_key(String::len);
    let mut kept: Vec<String> = Vec::new();
    for p in parts {
        if !kept.iter().any(|k| p.contains(k.as_str())) {
            kept.push(p);
        }
    }
    kept
}

/// The part of a phrase that stands for it in the SIMD search: the phrase from its longest word
/// (the last of equally long ones) to its end when that word has five bytes or more, and the
/// whole phrase otherwise (`log out`, `your data`: short words are everywhere). The searcher
/// tells lines apart by a pattern's first bytes, and checks the rest: a rare word first, then
/// the phrase's end. A line holding the phrase holds this part, so the search misses no line the
/// automaton would match.
fn anchor(phrase: &str) -> &str {
    const MIN_WORD: usize = 5;
    // (Length, start) of the longest word so far.
    let mut longest = (0, 0);
    let mut at = 0;
    for word in phrase.split(' ') {
        if word.len() >= longest.0 {
            longest = (word.len(), at);
        }
        at += word.len() + 1;
    }
    let start = if longest.0 >= MIN_WORD { longest.1 } else { 0 };
    &phrase[start..]
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
    // Taxonomy lines: `Posted inBrookhaven, DeKalb, News`, `Filed under: Politics`; links to
    // the site's neighbouring stories, which a copy glues to their headlines (`Previous
    // articleTransforming Mount Trashmore`); and the editorial credits some sites give beside
    // the byline (`Fact checked by Jane Roe`, `Medically reviewed by …`), which name a
    // checker, not the story.
    const PREFIXES: &[&str] = &[
        "time to ",
        "posted in",
        "filed under",
        "tags:",
        "topics:",
        "categories:",
        "previous article",
        "next article",
        "previous post",
        "next post",
        "previous story",
        "next story",
        "fact checked by",
        "fact-checked by",
        "reviewed by",
        "medically reviewed by",
        "verified by",
        "edited by",
    ];
    UI.found_in(s)
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
    NOTICES.found_in(s)
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
        /// The SIMD search with the automaton around its finds answers as the automaton alone
        /// does over the whole line.
        #[test]
        fn the_fast_search_agrees_with_the_automaton(s in phrase_soup()) {
            for phrases in [&*NOTICES, &*UI] {
                proptest::prop_assert_eq!(
                    phrases.found_in(&s),
                    phrases.on_word_boundaries(&s, 0..s.len()),
                    "{:?}", s
                );
            }
        }
    }

    #[test]
    fn a_phrase_is_searched_by_its_longest_word_or_whole() {
        assert_eq!(anchor("this site is protected by recaptcha"), "recaptcha");
        assert_eq!(anchor("terms of service"), "service");
        assert_eq!(anchor("subscribe to"), "subscribe to");
        assert_eq!(anchor("log out"), "log out");
        assert_eq!(anchor("your data"), "your data");
        // `unsubscribe` holds `subscribe`: a line with the one has the other.
        let parts = anchors(&["unsubscribe", "subscribe", "your data", "our newsletter"]);
        assert_eq!(parts, ["subscribe", "your data", "newsletter"]);
        for phrases in [&NOTICE_PHRASES, &UI_PHRASES] {
            let parts = anchors(phrases);
            for p in phrases.iter() {
                let p = p.to_ascii_lowercase();
                assert!(parts.iter().any(|a| p.contains(a.as_str())), "{p}");
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
        // A blog's comment form.
        assert!(is_notice("This site uses Akismet to reduce spam."));
        assert!(is_notice(
            "Diese Website verwendet Akismet, um Spam zu reduzieren."
        ));
        assert!(is_notice("Deine E-Mail-Adresse wird nicht veröffentlicht."));
    }

    #[test]
    fn neighbouring_story_links_and_editorial_credits_are_controls() {
        assert!(is_ui_text("Previous articleTransforming the old harbour"));
        assert!(is_ui_text("Next post: Rates rise again"));
        assert!(is_ui_text("Fact checked by Jane Roe"));
        assert!(is_ui_text("Medically reviewed by Ann Lee, MD"));
        assert!(is_ui_text(
            "These are external links and will open in a new window"
        ));
        assert!(!is_ui_text("Previous attempts to open the port failed"));
        assert!(!is_ui_text("Next, articles of impeachment"));
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
