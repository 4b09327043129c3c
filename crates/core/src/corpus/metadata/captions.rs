//! Photo captions left in a copy's story. A copy keeps a photo's caption where the page showed
//! it, between the paragraphs: a caption describes the picture, and its places and dates are
//! the picture's, not the story's (the saved page's `<figcaption>` is left out the same way).
//! A caption is known by its credit, never by its wording:
//! - a line that ends with the picture's credit (`… in Madrid. (Getty Images)`, `… on Oct. 21.
//!   Photo: Jane Roe/Wire`, `… at the press conference. Jane Roe / The Daily Post`);
//! - or the lines right above a credit line of its own (`Evan Vucci / AP`, `Photo: Jane Roe`,
//!   `Reuters`, `PA`), in one block, that end no sentence, as captions often do, and have more
//!   words than a heading. (A photo shown without a caption leaves its credit under a paragraph
//!   or a subheading of the story, which stays; so does the paragraph over the `Reuters` that
//!   closes a wire story.)
//!
//! The credit lines go either way. A caption of more than [`CAPTION_WORDS`] words is a
//! paragraph whatever follows it.

use super::Line;
use super::line_kinds::word_count_capped;

/// Picture agencies (`Getty Images`), lower case: a line of one alone credits a photo.
static PICTURE_AGENCIES: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("picture_agencies.txt");

/// News agencies (`Reuters`, `PA`), lower case: a line of one alone credits a photo or a story.
static NEWS_AGENCIES: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("news_agencies.txt");

/// Words a caption has at most (the longest on news pages run to 60 or so).
pub(crate) const CAPTION_WORDS: usize = 80;

/// Words a heading has at most: a block this short over a credit line may be a subheading over
/// a photo shown without a caption, and stays.
const HEADING_WORDS: usize = 12;

/// Words a credit has at most (`Ali Jadallah/Anadolu via Getty Images`).
const CREDIT_WORDS: usize = 8;

/// How a credit names its picture, lower case: `Photo: Jane Roe`, `Photograph by Jane Roe`.
const CREDIT_OPENERS: &[&str] = &[
    "photo:",
    "photos:",
    "photo by ",
    "photos by ",
    "photograph:",
    "photograph by ",
    "photography:",
    "photo credit:",
    "image:",
    "image credit:",
    "picture:",
    "pictures:",
];

/// How a line names its picture's credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credit {
    /// A news agency alone (`Reuters`, `PA`): under a caption, or closing a wire story.
    Agency,
    /// A picture's credit (`Photo: Jane Roe`, `Jane Roe / AP`, `Getty Images`): only ever a
    /// photo's.
    Photographer,
}

/// The credit `s` is, if it is one: at most [`CREDIT_WORDS`] words, in parentheses or not.
pub(crate) fn credit(s: &str) -> Option<Credit> {
    let t = s
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.', ' '])
        .trim();
    if t.is_empty() || t.len() > 120 || word_count_capped(t, CREDIT_WORDS + 1) > CREDIT_WORDS {
        return None;
    }
    let lower = t.to_lowercase();
    if NEWS_AGENCIES.contains(&lower.as_str()) {
        return Some(Credit::Agency);
    }
    if PICTURE_AGENCIES.contains(&lower.as_str())
        || CREDIT_OPENERS.iter().any(|o| lower.starts_with(o))
    {
        return Some(Credit::Photographer);
    }
    // `Evan Vucci / AP`, `Jane Roe / The Daily Post`: a name of two to four capitalised words,
    // a spaced slash and a capitalised source. Unspaced (`Jane Roe/Getty Images`, `AP
    // Photo/Evan Vucci`), one side names an agency: `Corona-Krise Cum/Ex` is a menu's line.
    let (who, source) = t.rsplit_once('/')?;
    let (who, source) = (who.trim(), source.trim());
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let named = (2..=4).contains(&who.split_whitespace().count())
        && who.split_whitespace().all(capital)
        && !who.contains(['/', ':', ',']);
    let agency = |side: &str| {
        let side = side.to_lowercase();
        NEWS_AGENCIES
            .iter()
            .chain(PICTURE_AGENCIES.iter())
            .filter_map(|a| side.strip_prefix(a))
            .any(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let spaced = t.contains(" / ");
    // (`The Daily Post / March 1, 2020` under a headline is a byline.)
    let source_named = capital(source) && !source.contains(|c: char| c.is_ascii_digit());
    (named && source_named && (spaced || agency(source) || agency(who)))
        .then_some(Credit::Photographer)
}

/// True when `s` ends with its picture's credit: a picture's credit in parentheses at its end
/// (`(Getty Images)`, `(AP Photo/Evan Vucci)`), or after its last sentence (`… on Oct. 21.
/// Photo: Jane Roe/Wire`). A news agency alone is not one there: news briefs end so (`…
/// on Monday. (AFP)`).
pub(crate) fn ends_with_credit(s: &str) -> bool {
    let s = s.trim_end();
    if let Some(body) = s.strip_suffix(')')
        && let Some(open) = body.rfind('(')
        && open > 0
    {
        return credit(&body[open + 1..]) == Some(Credit::Photographer);
    }
    // The text after the last sentence's end (`. `, `? `, `! `, closing quote and space),
    // looked for in the line's last bytes only: a credit is short, and ends no sentence (most
    // lines of a story do: they are answered here).
    if super::line_kinds::ends_sentence(s) {
        return false;
    }
    let s = &s[s.floor_char_boundary(s.len().saturating_sub(160))..];
    let Some(end) = s
        .match_indices(". ")
        .chain(s.match_indices("? "))
        .chain(s.match_indices("! "))
        .chain(s.match_indices("” "))
        .map(|(i, m)| i + m.len())
        .max()
    else {
        return false;
    };
    let tail = &s[end..];
    !super::line_kinds::ends_sentence(tail) && credit(tail) == Some(Credit::Photographer)
}

/// Which lines of `body` (line indices, in order) are photo captions or their credit lines. A
/// caption may be wrapped over several lines of one block: the lines right above its end that
/// end no sentence.
pub(crate) fn caption_lines(lines: &[Line<'_>], body: &[usize]) -> Vec<bool> {
    let mut caption = vec![false; body.len()];
    let text = |n: usize| lines[body[n]].text;
    let ends = |n: usize| super::line_kinds::ends_sentence(text(n));
    let words = |r: std::ops::Range<usize>| {
        r.map(|n| word_count_capped(text(n), CAPTION_WORDS + 1))
            .sum::<usize>()
    };
    // The first line of the caption that ends at `last`: up its block while the lines above
    // end no sentence.
    let start_of = |last: usize| {
        let mut start = last;
        while start > 0 && body[start - 1] + 1 == body[start] && !ends(start - 1) {
            start -= 1;
        }
        start
    };
    for n in 0..body.len() {
        // (A credit line ends no sentence: `Reuters.` under `… an official told` ends one.)
        if !ends(n) && credit(text(n)).is_some() {
            caption[n] = true;
            // A credit line: the lines right above it (past blank lines) that end no sentence
            // are its caption, when they are more than a heading (a photo shown without a
            // caption has its credit under a paragraph or a subheading of the story).
            if n > 0 && !ends(n - 1) && !caption[n - 1] {
                let start = start_of(n - 1);
                if (HEADING_WORDS + 1..=CAPTION_WORDS).contains(&words(start..n)) {
                    caption[start..n].fill(true);
                }
            }
        } else if ends_with_credit(text(n)) {
            // (The caption's own end ends a sentence or not: `… last week. (Getty Images)`.)
            let start = start_of(n);
            if words(start..n + 1) <= CAPTION_WORDS {
                caption[start..=n].fill(true);
            }
        }
    }
    caption
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_name_a_picture_agency_or_a_photographer() {
        for s in ["Reuters", "PA", "(AFP)"] {
            assert_eq!(credit(s), Some(Credit::Agency), "{s}");
        }
        for s in [
            "Getty Images",
            "(AFP via Getty Images)",
            "Evan Vucci / AP",
            "AP Photo/Evan Vucci",
            "Photo: Jane Roe/Anadolu via Getty Images",
            "Photograph by Jane Roe",
            "Jane Roe / The Daily Post",
            "Mike Blake/Reuters files",
        ] {
            assert_eq!(credit(s), Some(Credit::Photographer), "{s}");
        }
        for s in [
            "News / Politics",
            "Corona-Krise Cum/Ex",
            "Jane Roe/Instagram",
            "The Daily Post / March 1, 2020",
            "Sales rose 3/4 of a point",
            "The minister said the talks would go on.",
            "Reuters reported that the talks would go on next week in Geneva.",
            "",
        ] {
            assert_eq!(credit(s), None, "{s}");
        }
    }

    #[test]
    fn a_line_may_end_with_its_pictures_credit() {
        assert!(ends_with_credit(
            "The mayor speaks in Portville on May 16, 2020. (Getty Images)"
        ));
        assert!(ends_with_credit(
            "Doctors at the hospital in Portville on Oct. 21, 2023. Photo: Jane Roe/Wire"
        ));
        assert!(ends_with_credit(
            "The mayor speaks at the press conference. Jane Roe / The Daily Post"
        ));
        assert!(!ends_with_credit(
            "The talks, the minister said, would go on (if the unions agreed)"
        ));
        assert!(!ends_with_credit(
            "The talks ended. Both sides left Geneva."
        ));
        assert!(
            !ends_with_credit("(Getty Images)"),
            "a credit alone is no caption"
        );
        assert!(!ends_with_credit(
            "Police arrested three men in Portville. (AFP)"
        ));
        assert!(!ends_with_credit(
            "Police arrested three men in Portville. Reuters"
        ));
    }

    fn body_of(text: &str) -> Vec<String> {
        let lines = super::super::lines_of(text);
        let body: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].text.is_empty())
            .collect();
        let caption = caption_lines(&lines, &body);
        body.iter()
            .zip(caption)
            .filter(|&(_, c)| !c)
            .map(|(&i, _)| lines[i].text.to_string())
            .collect()
    }

    #[test]
    fn captions_and_their_credits_leave_the_body_and_paragraphs_stay() {
        let p1 = "The port authority said on Tuesday that the terminal would open in March.";
        let p2 = "Its director told reporters the dredging dispute had been settled.";
        let text = format!(
            "{p1}\n\nDockworkers walk past the cranes of the new terminal in Portville after \
             the strike\n\nReuters\n\n\
             {p2}\n\nThe director of the port authority at the harbour in Portville, on Monday \
             morning\n\nEvan Vucci / AP\n\n\
             The harbour at dawn in March 2019. (Getty Images)\n\n{p1}\n\nImage: Jane Roe\n\n\
             {p2}\n\nA new terminal for Portville\n\nShutterstock\n\n{p1}\n\nReuters\n"
        );
        // A photo without a caption under the second `p1` and under a subheading, and the
        // `Reuters` that closes a wire story: the credit lines go, what is above them stays.
        assert_eq!(
            body_of(&text),
            [p1, p2, p1, p2, "A new terminal for Portville", p1]
        );
        // A caption hard-wrapped over two lines goes whole; a block with a sentence's end at a
        // line's end is no caption.
        let wrapped = format!(
            "{p1}\n\nDockworkers walk past the cranes of the new terminal\nin Portville after \
             the strike\n\nPA\n"
        );
        assert_eq!(body_of(&wrapped), [p1]);
        let lead = format!("{p1}\n{p2}\n3\n\nJane Roe / Agencja Foto\n");
        assert_eq!(body_of(&lead), [p1, p2, "3"]);
        // A paragraph wrapped before its last word, an agency: no caption, no credit line.
        let told = "Talks will go on in Geneva next week, a senior official at the ministry told";
        let wire = format!("{p1}\n\n{told}\nReuters.\n\n{p2}\n");
        assert_eq!(body_of(&wire), [p1, told, "Reuters.", p2]);
    }

    #[test]
    fn a_long_block_over_a_credit_is_a_paragraph() {
        let long = "word ".repeat(CAPTION_WORDS + 1);
        let text = format!("{}\n\nEvan Vucci / AP\n", long.trim());
        assert_eq!(body_of(&text), [long.trim()]);
    }
}
