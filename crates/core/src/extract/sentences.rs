//! Sentence splitting (events.md §2): byte spans into the article text, never copies.
//!
//! A `.` ends a sentence unless the word before it is a title (`Mr.`, `Gen.`), an initial
//! (`J.`), `No.` before a number, or an abbreviation that can end a sentence (`U.S.`, `Inc.`,
//! `Calif.`) followed by a name rather than a word that typically opens a sentence. An ellipsis
//! follows the abbreviation rule. `!` and `?` end a sentence before a capital, digit or quote.

use crate::span::Span;
use std::ops::Range;

/// A sentence longer than this is cut at the last space before it (documented in docs/LIMITS.md).
pub const MAX_SENTENCE_BYTES: usize = 10_000;

/// Abbreviations that are never the end of a sentence: they precede a name or a number.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "cpl", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "fr", "sr", "jr", "messrs",
    "vol", "pp", "fig", "art", "sec", "ch", "op", "cf", "vs", "approx", "est", "dept", "ave",
    "blvd", "rd", "gov't", "amb", "insp", "supt", "atty", "sens", "reps", "govs", "gens",
];

/// Abbreviations that end a sentence when the next word is a typical sentence opener.
const CAN_END: &[&str] = &[
    "inc", "corp", "ltd", "co", "plc", "llc", "bros", "etc", "calif", "mass", "conn", "ill", "fla",
    "wash", "penn", "tex", "ariz", "colo", "mich", "minn", "wis", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "univ", "assn", "intl", "no",
];

/// Words that typically open a sentence (capitalised), so that an abbreviation before them ends
/// the previous one.
static OPENERS: std::sync::LazyLock<Vec<&'static str>> = crate::word_list::words!("openers.txt");

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Split every paragraph of `text` into sentence spans (trimmed; in order; non-overlapping).
pub fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs.iter().map(|p| p.range()) {
        let Some(para) = text.get(p.clone()) else {
            continue;
        };
        for r in split_paragraph(para) {
            push_limited(&mut out, text, p.start + r.start..p.start + r.end);
        }
    }
    out
}

fn push_limited(out: &mut Vec<Range<usize>>, text: &str, mut r: Range<usize>) {
    while r.end - r.start > MAX_SENTENCE_BYTES {
        let cut = text.floor_char_boundary(r.start + MAX_SENTENCE_BYTES);
        let slice = &text[r.start..cut];
        let at = slice
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| r.start + i);
        out.push(trim(text, r.start..at));
        r = trim(text, at..r.end);
    }
    if r.start < r.end {
        out.push(r);
    }
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

/// Sentence spans inside one paragraph (relative to it).
pub fn split_paragraph(para: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = para.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The next lead byte of `…` (0xE2) at or after `i`, `usize::MAX` when there is none.
    let find_e2 =
        |from: usize| memchr::memchr(0xE2, &bytes[from..]).map_or(usize::MAX, |k| from + k);
    let mut e2 = find_e2(0);
    while i < para.len() {
        // Jump to the next byte that can start a terminal: `.`, `!`, `?` or the lead byte of `…`
        // (a lead byte is always a char boundary).
        if e2 < i {
            e2 = find_e2(i);
        }
        let at = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(usize::MAX, |k| i + k);
        if at.min(e2) == usize::MAX {
            break;
        }
        i = at.min(e2);
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        let is_terminal = matches!(c, '.' | '!' | '?' | '…');
        if !is_terminal {
            i += c.len_utf8();
            continue;
        }
        // The run of terminal characters and closing quotes/brackets.
        let run_start = i;
        let mut j = i;
        while let Some(d) = para[j..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…') {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let run = &para[run_start..j];
        while let Some(d) = para[j..].chars().next() {
            if CLOSERS.contains(&d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let Some(after) = para[j..].chars().next() else {
            break;
        };
        if !after.is_whitespace() {
            i = j.max(i + c.len_utf8());
            continue;
        }
        let next_start = j + para[j..].len() - para[j..].trim_start().len();
        let next_word: &str = para[next_start..]
            .split(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | ':'))
            .next()
            .unwrap_or("");
        let Some(first) = next_word.chars().next() else {
            break;
        };
        let starts_ok = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–');
        let boundary = starts_ok && is_boundary(para, run_start, run, next_word, first);
        if boundary {
            out.push(start..j);
            start = next_start;
        }
        i = j;
    }
    if start < para.len() {
        let s = para[start..].trim_end();
        if !s.is_empty() {
            out.push(start..start + s.len());
        }
    }
    out.into_iter()
        .map(|r| {
            let s = &para[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + lead + s.trim().len()
        })
        .filter(|r| r.start < r.end)
        .collect()
}

fn is_opener(word: &str) -> bool {
    let w = word.trim_start_matches(['"', '“', '‘', '\'', '(']);
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    OPENERS.contains(&w)
}

fn is_boundary(para: &str, dot: usize, run: &str, next_word: &str, first: char) -> bool {
    if run.contains(['!', '?']) {
        return true;
    }
    if run.contains('…') || run.starts_with("...") {
        return is_opener(next_word);
    }
    // A single `.`: look at the token before it.
    let before = &para[..dot];
    let token_start = before
        .rfind(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—' | '–' | '/')
        })
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &before[token_start..];
    if token.is_empty() {
        return true;
    }
    // An initial: `J. Smith`.
    let mut chars = token.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return is_opener(next_word) && next_word.len() > 1 && !next_word.ends_with('.');
    }
    crate::corpus::metadata::with_lower(token, |lower| {
        abbreviation_ends_sentence(token, lower, next_word, first)
    })
}

/// Whether a full stop after `token` (`lower`, in lower case; not an initial) ends a sentence
/// whose next word is `next_word`, starting with `first`.
fn abbreviation_ends_sentence(token: &str, lower: &str, next_word: &str, first: char) -> bool {
    if lower == "no" && first.is_ascii_digit() {
        return false;
    }
    if TITLES.contains(&lower) {
        return false;
    }
    // Dotted acronyms (`U.S`, `e.g`, `a.m`) and abbreviations that can end a sentence.
    let dotted = token.contains('.') && token.chars().filter(|c| c.is_alphabetic()).count() <= 5;
    if dotted || CAN_END.contains(&lower) {
        if matches!(lower, "e.g" | "i.e" | "cf" | "viz") {
            return false;
        }
        return is_opener(next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_paragraph(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One here. Two there! Three? Four."),
            vec!["One here.", "Two there!", "Three?", "Four."]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones and Gen. Lee in the U.S. capital."),
            vec!["Mr. Smith met Dr. Jones and Gen. Lee in the U.S. capital."]
        );
        assert_eq!(
            split("Apple Inc. Chief Tim Cook spoke. Later he left."),
            vec!["Apple Inc. Chief Tim Cook spoke.", "Later he left."]
        );
        assert_eq!(
            split("Fruits, e.g. Apples, are sold. Yes."),
            vec!["Fruits, e.g. Apples, are sold.", "Yes."]
        );
        assert_eq!(
            split("It ranked No. 5 in the list. Good."),
            vec!["It ranked No. 5 in the list.", "Good."]
        );
        assert_eq!(
            split("J. Smith wrote it. It sold."),
            vec!["J. Smith wrote it.", "It sold."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            split("Growth was 3.5 percent. Prices rose."),
            vec!["Growth was 3.5 percent.", "Prices rose."]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_an_opener() {
        assert_eq!(
            split("He moved to the U.S. The move was hard."),
            vec!["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(
            split("She joined Acme Inc. But she left."),
            vec!["She joined Acme Inc.", "But she left."]
        );
        assert_eq!(
            split("He lives in Calif. He likes it."),
            vec!["He lives in Calif.", "He likes it."]
        );
        assert_eq!(
            split("The U.S. Senate voted."),
            vec!["The U.S. Senate voted."]
        );
    }

    #[test]
    fn ellipsis_follows_the_abbreviation_rule() {
        assert_eq!(
            split("He paused… Then he spoke."),
            vec!["He paused…", "Then he spoke."]
        );
        assert_eq!(
            split("The deal… Beijing approved it."),
            vec!["The deal… Beijing approved it."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("(He isn’t alone.) So many left."),
            vec!["(He isn’t alone.)", "So many left."]
        );
        assert_eq!(
            split("“We will win.” The crowd cheered."),
            vec!["“We will win.”", "The crowd cheered."]
        );
    }

    #[test]
    fn semicolons_and_lowercase_after_a_dot_do_not_split() {
        assert_eq!(
            split("China grew; the U.S. slowed. Fine."),
            vec!["China grew; the U.S. slowed.", "Fine."]
        );
        assert_eq!(
            split("Visit www.example.com today. Now."),
            vec!["Visit www.example.com today.", "Now."]
        );
    }

    #[test]
    fn headings_are_their_own_paragraph_and_sentence() {
        let text = "Chinese Domestic Innovation";
        let whole = 0..text.len();
        assert_eq!(split_sentences(text, &[Span::of(&whole)]), vec![whole]);
    }

    #[test]
    fn very_long_sentences_are_cut() {
        let text = "word ".repeat(5000);
        let s = split_sentences(&text, &[Span::of(&(0..text.len()))]);
        assert!(s.len() >= 2);
        assert!(s.iter().all(|r| r.end - r.start <= MAX_SENTENCE_BYTES));
    }
}
