//! The author's biography that closes a page's story (`Evan Halper writes about policy out of
//! Washington…`, `Will Knight is a senior writer for WIRED…`): no paragraph of the story, and
//! the places in it are the author's, not the story's events.
//!
//! Known by the byline: a paragraph in the story's second half that opens with the author's
//! name (or, for a name of two words or more, the first name: `Jake is the co-founder of…`)
//! and goes on as a biography does. The story ends there: what a copy has below an author's
//! box is the page's (comments, newsletter boxes, other stories). Without a byline nothing is
//! taken for a biography.

use crate::span::Span;

/// What follows the name in a biography's first sentence.
const BIO_VERBS: &[&str] = &[
    "is a ",
    "is an ",
    "is the ",
    "is senior ",
    "is chief ",
    "writes ",
    "covers ",
    "reports on ",
    "has worked ",
    "has written ",
    "has covered ",
    "has been ",
    "was previously ",
    "joined ",
];

/// A biography is short: a paragraph of more words is the story's own.
const MAX_WORDS: usize = 90;

/// How a paragraph names the byline's author as it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// By a whole name of the byline (`Evan Halper writes…`).
    Whole,
    /// By a first name only (`Jake is the co-founder…`): a person of the story may share it,
    /// so it counts only near the story's end.
    First,
}

/// Paragraphs a biography named by a first name only may stand above the story's end at most
/// (a copy's comment count, a newsletter box, a closing link).
const FIRST_NAME_REACH: usize = 3;

/// The names a biography may open with: each of the byline's names (`Jane Roe, John Doe and
/// Ann Lee`), cut where a copy glued a job title to it (`Evan HalperStaff Writer`), and the
/// first name of each name of two words or more.
fn names_of(author: &str) -> Vec<(&str, Named)> {
    let mut names = Vec::new();
    for name in author.split([',', '&', ';']).flat_map(|n| n.split(" and ")) {
        let name = super::line_kinds::without_glued_title(name.trim());
        if name.is_empty() {
            continue;
        }
        names.push((name, Named::Whole));
        let mut words = name.split_whitespace();
        let first = words.next().unwrap_or("");
        if words.next().is_some() && first.chars().count() >= 3 {
            names.push((first, Named::First));
        }
    }
    names
}

/// Whether `paragraph` is a biography of the byline's `names` ([`names_of`]), and how it names
/// them.
fn bio_by(paragraph: &str, names: &[(&str, Named)]) -> Option<Named> {
    let opening = names
        .iter()
        .filter(|(name, _)| {
            // (`Perry Bacon Jr. is…` under the byline `Perry Bacon Jr`.)
            paragraph
                .strip_prefix(name)
                .map(|rest| rest.strip_prefix('.').unwrap_or(rest))
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| BIO_VERBS.iter().any(|v| rest.starts_with(v)))
        })
        .map(|&(_, named)| named)
        .min_by_key(|&named| named != Named::Whole)?;
    paragraph
        .split_whitespace()
        .nth(MAX_WORDS)
        .is_none()
        .then_some(opening)
}

/// End the story at the author's biography: the first paragraph past the first that is one,
/// with at least as much of the story above it as from it on (in bytes), goes with all below
/// it (one named by a first name only, when at most [`FIRST_NAME_REACH`] paragraphs follow it).
pub(crate) fn end_at_closing_bio(text: &str, paragraphs: &mut Vec<Span>, author: Option<&str>) {
    let Some(author) = author.filter(|a| !a.trim().is_empty()) else {
        return;
    };
    let names = names_of(author);
    let size = |p: &Span| (p.end - p.start) as usize;
    let total: usize = paragraphs.iter().map(size).sum();
    let mut above = paragraphs.first().map_or(0, size);
    for i in 1..paragraphs.len() {
        if above * 2 >= total {
            let ends = match bio_by(&text[paragraphs[i].range()], &names) {
                Some(Named::Whole) => true,
                Some(Named::First) => paragraphs.len() - 1 - i <= FIRST_NAME_REACH,
                None => false,
            };
            if ends {
                paragraphs.truncate(i);
                return;
            }
        }
        above += size(&paragraphs[i]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author_bio(paragraph: &str, author: &str) -> Option<Named> {
        bio_by(paragraph, &names_of(author))
    }

    /// The paragraphs joined by line breaks, and each one's span in the joined text.
    fn joined(parts: &[&str]) -> (String, Vec<Span>) {
        let mut at = 0;
        let spans = parts
            .iter()
            .map(|p| {
                let s = Span::of(&(at..at + p.len()));
                at += p.len() + 1;
                s
            })
            .collect();
        (parts.join("\n"), spans)
    }

    fn is_bio(paragraph: &str, author: &str) -> bool {
        author_bio(paragraph, author).is_some()
    }

    #[test]
    fn a_biography_opens_with_the_authors_name_and_reads_as_one() {
        let bio = "Evan Halper writes about policy out of Washington, D.C., with an eye on \
                   California, where he was bureau chief in Sacramento.";
        assert!(is_bio(bio, "Evan Halper"));
        assert!(is_bio(
            "Jake is the co-founder of a consultancy in the Rust Belt of the United States.",
            "Jake Goulding"
        ));
        assert!(is_bio(
            "Perry Bacon Jr. is a senior writer for FiveThirtyEight.",
            "Perry Bacon Jr."
        ));
        assert!(is_bio(
            "Perry Bacon Jr. is a senior writer for FiveThirtyEight.",
            "Perry Bacon Jr"
        ));
        // Another person's name, a sentence of the story, or another verb: no biography.
        assert!(!is_bio(bio, "Ana Ruiz"));
        assert!(!is_bio(
            "Evan Halper said the port would reopen in 2025.",
            "Evan Halper"
        ));
        // A one-word byline's name is never matched by itself alone as a first name.
        assert!(!is_bio("Reuters is a news agency.", "Staff"));
    }

    #[test]
    fn a_glued_job_title_is_no_part_of_the_name() {
        let bio = "Evan Halper writes about policy out of Washington.";
        assert!(is_bio(bio, "Evan HalperStaff Writer"));
        assert!(is_bio(
            "Evan is a reporter in Washington.",
            "Evan HalperStaff Writer"
        ));
    }

    #[test]
    fn each_of_several_bylined_names_may_open_a_biography() {
        let authors = "Jonathan Allen, Natasha Korecki and Allan Smith";
        for bio in [
            "Jonathan Allen is a senior politics reporter based in Washington.",
            "Natasha Korecki is a national political reporter.",
            "Allan Smith is a political reporter.",
        ] {
            assert!(author_bio(bio, authors).is_some(), "{bio}");
        }
        assert!(!is_bio("Allen is a town in Texas.", authors));
        assert_eq!(
            author_bio("Natasha is a reporter.", authors),
            Some(Named::First)
        );
        assert_eq!(
            author_bio("Natasha Korecki is a reporter.", authors),
            Some(Named::Whole)
        );
    }

    /// A person of the story who shares the author's first name ends no story far from its
    /// end; near the end, a first name's biography does.
    #[test]
    fn a_first_name_counts_only_near_the_end() {
        let story = "Chile and Peru agreed on Tuesday to build a lithium port together.";
        let maria = "Maria is a miner who has worked at the port for ten years.";
        let short = "It rained.";
        let parts = [
            story, story, story, story, maria, short, short, short, short,
        ];
        let (text, all) = joined(&parts);
        let mut kept = all.clone();
        end_at_closing_bio(&text, &mut kept, Some("Maria Lopez"));
        assert_eq!(kept, all, "four paragraphs follow: a person of the story");
        let mut kept = all[..7].to_vec();
        end_at_closing_bio(&text, &mut kept, Some("Maria Lopez"));
        assert_eq!(kept, all[..4].to_vec(), "two follow: the author's box");
    }

    #[test]
    fn the_story_ends_at_a_biography_in_its_second_half() {
        let story = "Chile and Peru agreed on Tuesday to build a lithium port together.";
        let bio = "Ana Ruiz is a correspondent in Lima who covers mining.";
        let after = "You are now subscribed to our newsletter.";
        let parts = [bio, story, story, story, bio, after];
        let (text, all) = joined(&parts);
        let mut kept = all.clone();
        end_at_closing_bio(&text, &mut kept, Some("Ana Ruiz"));
        assert_eq!(
            kept,
            all[..4].to_vec(),
            "the opening biography stays, the closing one ends it"
        );
        let mut kept = all.clone();
        end_at_closing_bio(&text, &mut kept, None);
        assert_eq!(kept, all, "without a byline nothing is a biography");
        // In the story's first half a biography is no ending.
        let mut kept = vec![all[1], all[4], all[2], all[3]];
        let before = kept.clone();
        end_at_closing_bio(&text, &mut kept, Some("Ana Ruiz"));
        assert_eq!(kept, before);
    }
}
