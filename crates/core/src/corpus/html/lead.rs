//! The lead of a saved page that Readability left out. Readability keeps the block of the page
//! that scores best and its close siblings; a standfirst, and on some sites the story's first
//! paragraphs, sit in other blocks above it (a summary box, a first text block split from the
//! rest by an advertisement). A copy of the same page keeps them as the story's first
//! paragraphs, so a saved page does too (events.md §1: no paragraph of the article is dropped).
//!
//! Only lines between the headline the page shows and the main text's first line are taken, and
//! only when they read as the story's:
//! - the standfirst the page's own description (`og:description`, `description`) names, when
//!   it is a sentence (a deck written like a second headline stays header, as in a copy);
//! - a paragraph of running text of [`PARAGRAPH_WORDS`] words or more (captions, credits,
//!   share rows and bylines are shorter, notices are never running text).
//!
//! A site's tagline, a menu's teaser or a "most read" list above the headline is never looked at.

use super::super::headline::is_prose;
use super::super::metadata::word_count_capped;
use super::page_meta::normalize;

/// Visible lines between the headline and the main text's first line that are looked at: more
/// means the main text is not the story under this headline.
const GAP_LINES: usize = 40;
/// Visible lines under the headline where the standfirst may stand when the main text's first
/// line is not found on the page.
const REACH: usize = 12;
/// Words a description needs to be a standfirst, not a label or a slogan.
const MIN_DESCRIPTION_WORDS: usize = 8;
/// Words of a line above the main text that make it a paragraph of the story.
const PARAGRAPH_WORDS: usize = 25;
/// Words a line of the main text needs to be looked for on the page (a short first line, such
/// as a caption or a label, can stand anywhere).
const ANCHOR_WORDS: usize = 8;
/// Characters of a line's start compared with another's: the main text and the page's visible
/// text can differ further on (a link's text, a glued footnote mark).
const PROBE_CHARS: usize = 60;

/// The start of a normalised line, for comparing it with another.
fn probe(s: &str) -> &str {
    &s[..s.floor_char_boundary(PROBE_CHARS)]
}

/// The page's description as the standfirst would show it, and whether the CMS cut it short
/// (an ellipsis at its end: the line shown goes on past it).
fn description_of(description: &str) -> Option<(String, bool)> {
    let full = normalize(description);
    let was_cut = full.ends_with('…') || full.ends_with("...");
    let d = if was_cut {
        full.trim_end_matches(['…', '.', ' ']).to_string()
    } else {
        full
    };
    (d.split_whitespace().count() >= MIN_DESCRIPTION_WORDS).then_some((d, was_cut))
}

/// The lines above the main text that belong to the story, in the page's order: `visible`
/// gives the page's visible text (blocks on their own lines), `title` is the headline,
/// `description` the page's description, `main_text` Readability's text, `captions` the page's
/// photo captions (normalised; never the story's, whatever their length).
pub(super) fn missing_lead<'a>(
    visible: &'a str,
    title: &str,
    description: Option<&str>,
    main_text: &str,
    captions: &[String],
) -> Vec<&'a str> {
    let main = normalize(main_text);
    let lines: Vec<&str> = visible
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Each line normalised once: the tests below compare lines in that form.
    let norms: Vec<String> = lines.iter().map(|l| normalize(l)).collect();
    let held = |k: usize| {
        let line = norms[k].as_str();
        main.contains(probe(line)) || captions.iter().any(|c| c.contains(line))
    };
    let description = description.and_then(description_of);
    let is_standfirst = |k: usize| {
        description.as_ref().is_some_and(|(d, was_cut)| {
            let l = &norms[k];
            (l == d || (*was_cut && l.starts_with(d.as_str()))) && is_prose(lines[k])
        })
    };
    let title = normalize(title);
    let shows_title = |k: usize| norms[k] == title;
    // The main text's first line long enough to be looked for, and where the page shows it.
    let anchor = main_text
        .lines()
        .map(normalize)
        .find(|l| word_count_capped(l, ANCHOR_WORDS) >= ANCHOR_WORDS);
    let end = anchor.and_then(|a| {
        let a = probe(&a);
        norms.iter().position(|l| l.starts_with(a))
    });
    // The lines between the headline shown last above the main text and its first line.
    let gap = end.and_then(|end| {
        let start = (0..end).rev().find(|&k| shows_title(k))?;
        (end - start <= GAP_LINES).then_some(start + 1..end)
    });
    let found: Vec<usize> = match gap {
        Some(gap) => gap
            .filter(|&k| {
                (is_standfirst(k)
                    || (word_count_capped(lines[k], PARAGRAPH_WORDS) >= PARAGRAPH_WORDS
                        && is_prose(lines[k])))
                    && !held(k)
            })
            .collect(),
        // The main text's first line is not found under a headline (the main text starts above
        // it, or the page shows it otherwise): only the standfirst the description names, right
        // under a headline.
        None => (0..lines.len())
            .filter(|&k| shows_title(k))
            .find_map(|k| {
                (k + 1..lines.len())
                    .take(REACH)
                    .find(|&j| is_standfirst(j) && !held(j))
            })
            .into_iter()
            .collect(),
    };
    found.into_iter().map(|k| lines[k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STANDFIRST: &str =
        "The harbour board agreed a ten-year lease with a shipping line on Tuesday night.";
    const FIRST: &str = "PORTVILLE (Wire) — The harbour board of Portville voted seven to two on \
        Tuesday to lease its eastern quay to a shipping line for ten years, ending a dispute \
        that had idled the docks since spring.";
    const MAIN: &str = "The lease takes effect in May, the board's chair said after the vote, and \
        the line will pay for the new cranes.\n\nThe deal was signed after months of talks.";

    fn page(lines: &[&str]) -> String {
        let mut v = vec![
            "The Daily Example",
            "News from the river towns since 1901, every day of the year, in print and online",
            "Port deal signed",
        ];
        v.extend_from_slice(lines);
        v.extend_from_slice(&[MAIN, "Most read", "Related stories"]);
        v.join("\n")
    }

    #[test]
    fn the_standfirst_and_a_first_paragraph_above_the_main_text_are_the_storys() {
        let v = page(&[
            STANDFIRST,
            "By Jane Roe",
            "12 March 2024",
            "Share",
            FIRST,
            "Advertisement",
        ]);
        let got = missing_lead(&v, "Port deal signed", Some(STANDFIRST), MAIN, &[]);
        assert_eq!(got, vec![STANDFIRST, FIRST]);
    }

    #[test]
    fn a_description_cut_with_an_ellipsis_gives_the_whole_line() {
        let v = page(&[STANDFIRST]);
        let cut = "The harbour board agreed a ten-year lease with a…";
        assert_eq!(
            missing_lead(&v, "Port deal signed", Some(cut), MAIN, &[]),
            vec![STANDFIRST]
        );
    }

    #[test]
    fn captions_bylines_and_a_deck_stay_out() {
        let caption = "The eastern quay of Portville, idle since the spring, on Monday.";
        let deck = "Harbour board agrees a ten-year lease with a shipping line";
        let v = page(&[deck, "By Jane Roe", caption, "Photo: Jane Roe/Example"]);
        assert!(missing_lead(&v, "Port deal signed", Some(deck), MAIN, &[]).is_empty());
    }

    #[test]
    fn a_long_photo_caption_is_never_taken() {
        let caption = "From left, the harbour board's chair and two councillors walk along the \
                       eastern quay of Portville on Monday, a day before the vote on the lease, \
                       as dock workers look on.";
        let v = page(&[caption, FIRST]);
        let captions = [normalize(caption)];
        assert_eq!(
            missing_lead(&v, "Port deal signed", None, MAIN, &captions),
            vec![FIRST]
        );
    }

    #[test]
    fn what_the_main_text_holds_is_not_taken_twice() {
        let v = page(&[STANDFIRST, FIRST]);
        let main = format!("{STANDFIRST}\n\n{FIRST}\n\n{MAIN}");
        assert!(missing_lead(&v, "Port deal signed", Some(STANDFIRST), &main, &[]).is_empty());
    }

    #[test]
    fn nothing_above_the_headline_or_far_from_the_main_text_is_taken() {
        // The site's tagline sits above the headline.
        let tagline = "News from the river towns since 1901, every day of the year, in print \
                       and online";
        let v = page(&[]);
        assert!(missing_lead(&v, "Port deal signed", Some(tagline), MAIN, &[]).is_empty());
        // A long run of lines between the headline and the main text: another story's page.
        let menu: Vec<String> = (0..=GAP_LINES).map(|i| format!("Section {i}")).collect();
        let mut lines: Vec<&str> = vec![FIRST];
        lines.extend(menu.iter().map(String::as_str));
        let v = page(&lines);
        assert!(missing_lead(&v, "Port deal signed", None, MAIN, &[]).is_empty());
    }

    #[test]
    fn without_the_main_text_on_the_page_only_the_standfirst_is_taken() {
        let v = format!("Port deal signed\nBy Jane Roe\n{STANDFIRST}\n{FIRST}\n");
        let main = "A text the page does not show as such, long enough to be looked for.";
        assert_eq!(
            missing_lead(&v, "Port deal signed", Some(STANDFIRST), main, &[]),
            vec![STANDFIRST]
        );
    }
}
