//! Country mentions in a sentence (events.md §3): one Aho-Corasick pass over the gazetteer, then
//! word boundaries, case rules and the context rules for capitals, companies, languages and
//! institutions owned by another country.

use super::gazetteer::{CountryId, Gazetteer, PatternKind};
use std::ops::Range;

/// One country mention: byte span (into the article text), the country, and what matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub country: CountryId,
    pub kind: PatternKind,
}

/// Prepositions after which a capital is only the place where something happens.
static LOCATIVE: std::sync::LazyLock<Vec<&'static str>> = crate::word_list::words!("locative.txt");
/// Words before `to`/`from`/`with` that make a capital stand for its government.
static RELATIONAL: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("relational.txt");
/// People and bodies that, placed "in" a capital, are its government (`leaders in Beijing`).
static GOVERNMENT_PEOPLE: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    crate::word_list::parse(include_str!(
        "../../../../assets/words/government_people.txt"
    ))
});
/// Nouns after a capital that make it a place or an event's name (`a Madrid summit`).
static PLACE_NOUNS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("place_nouns.txt");
/// Nouns after a capital that confirm it is the government (`the Tokyo government`).
const GOVERNMENT_NOUNS: &[&str] = &[
    "government",
    "regime",
    "administration",
    "authorities",
    "leadership",
    "officials",
];
/// Words that make a capitalised name a state body, not a company (`Saudi Oil Minister`).
static STATE_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("state_words.txt");
/// Words before a demonym that make it a language (`in Spanish`, `translated into Chinese`).
static LANGUAGE_CUES: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("language_cues.txt");
/// Words after a language that do not make it an adjective of a noun (`in Spanish and English`).
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "as", "with", "for", "to", "on", "at", "by", "is", "was", "are", "were",
    "than", "from", "while", "because", "so", "then", "only", "too", "well", "rather",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word (letters, digits, `-`, `'`) that ends right before `pos`, skipping spaces only.
/// Returns the word and whether punctuation other than spaces separated it.
fn word_before(s: &str, pos: usize) -> (&str, bool) {
    let (word, punct, _) = word_before_at(s, pos);
    (word, punct)
}

/// Where the word before `pos` starts (a char boundary), so the word before *it* can be read.
fn start_of_word_before(s: &str, pos: usize) -> usize {
    word_before_at(s, pos).2
}

fn word_before_at(s: &str, pos: usize) -> (&str, bool, usize) {
    let head = &s[..pos];
    let trimmed = head.trim_end();
    let gap = &head[trimmed.len()..];
    let punct_between =
        trimmed.ends_with(|c: char| !is_word_char(c) && c != '.' && c != '\'' && c != '’');
    let start = trimmed
        .rfind(|c: char| !(is_word_char(c) || c == '-' || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |k| {
            k + trimmed[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &trimmed[start..];
    (
        word,
        punct_between || (gap.is_empty() && !word.is_empty()),
        start,
    )
}

/// The word right after `pos` (skipping spaces), and whether punctuation came first.
fn word_after(s: &str, pos: usize) -> (&str, bool) {
    let tail = &s[pos..];
    let skipped = tail.trim_start();
    let punct = skipped.starts_with(|c: char| !is_word_char(c));
    let end = skipped
        .find(|c: char| !(is_word_char(c) || c == '-' || c == '.' || c == '&'))
        .unwrap_or(skipped.len());
    (skipped[..end].trim_end_matches('.'), punct)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when `pos` is at the start of the sentence (only quotes/brackets before it).
fn at_sentence_start(s: &str, pos: usize) -> bool {
    s[..pos].chars().all(|c| !c.is_alphanumeric())
}

/// Find the country mentions in one sentence. `offset` is the sentence's position in the
/// article text; spans in the result are article-absolute.
pub fn find_mentions(gaz: &Gazetteer, sentence: &str, offset: usize) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    // Names are looked for at word starts only, the longest name starting there first; a
    // match (taken or not) covers its words, as a scan of the sentence would.
    let bytes = sentence.as_bytes();
    let mut covered = 0;
    let matches = super::name_starts::word_starts(sentence).filter_map(|p| {
        if p < covered || !gaz.prefixes.may_start(&bytes[p..]) {
            return None;
        }
        let input = aho_corasick::Input::new(sentence)
            .span(p..sentence.len())
            .anchored(aho_corasick::Anchored::Yes);
        let m = gaz.automaton.find(input)?;
        covered = m.end();
        Some(m)
    });
    for m in matches {
        let pattern = &gaz.patterns[m.pattern().as_usize()];
        let range = m.range();
        let surface = &sentence[range.clone()];
        let Some(country) = pattern.country else {
            continue;
        };
        if pattern.exact_case && surface != pattern.text {
            continue;
        }
        // Word boundaries on both sides (a pattern ending in `.` carries its own).
        let before_ok = sentence[..range.start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = pattern.text.ends_with('.')
            || sentence[range.end..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c));
        if !before_ok || !after_ok {
            continue;
        }
        // `US$20` is a currency.
        if sentence[range.end..].starts_with('$') {
            continue;
        }
        if !context_allows(
            gaz,
            sentence,
            range.clone(),
            pattern.kind,
            pattern.exact_case,
            country,
        ) {
            continue;
        }
        out.push(Mention {
            span: offset + range.start..offset + range.end,
            country,
            kind: pattern.kind,
        });
    }
    out
}

fn context_allows(
    gaz: &Gazetteer,
    s: &str,
    range: Range<usize>,
    kind: PatternKind,
    exact: bool,
    country: CountryId,
) -> bool {
    let surface = &s[range.clone()];
    let (prev, prev_punct) = word_before(s, range.start);
    let (next, next_punct) = word_after(s, range.end);
    // The neighbours in lower case, for the demonym and capital rules only (most mentions are
    // names: no new strings for them).
    let lowered = || (prev.to_lowercase(), next.to_lowercase());
    let start = at_sentence_start(s, range.start);
    let prev_is_name = !start && !prev_punct && capitalised(prev) && !is_sentence_word(prev);
    let next_is_name = !next_punct && capitalised(next);

    // Names that are also common words or people's names: only capitalised and alone.
    let mixed_case = surface.chars().any(char::is_lowercase);
    // (Demonyms only look left: `Kiwi PM` is still a New Zealander.)
    let next_blocks = next_is_name && kind != PatternKind::Demonym;
    if exact && mixed_case && (prev_is_name || next_blocks) && kind != PatternKind::Institution {
        return false;
    }
    // A country word followed by a company word inside a capitalised name: a company.
    if matches!(kind, PatternKind::Name | PatternKind::Demonym) {
        let mut pos = range.end;
        for _ in 0..3 {
            let (w, punct) = word_after(s, pos);
            if punct || !capitalised(w) || STATE_WORDS.contains(&w) {
                break;
            }
            if gaz.is_company_word(w) || gaz.is_company_word(&format!("{w}.")) {
                return false;
            }
            let Some(k) = s[pos..].find(w) else { break };
            pos += k + w.len();
        }
        if !prev_punct
            && (prev == "Air"
                || prev == "of" && {
                    let (pp, _) = word_before(s, start_of_word_before(s, range.start));
                    gaz.is_company_word(pp)
                })
        {
            return false;
        }
    }
    match kind {
        PatternKind::Demonym => {
            let (prev_lower, next_lower) = lowered();
            // A language: `in Spanish`, `translated into Chinese`, `Spanish-language`.
            if s[range.end..].starts_with("-language")
                || s[range.end..].starts_with("-speaking")
                || next_lower == "language"
            {
                return false;
            }
            let alone =
                next_punct || next.is_empty() || FUNCTION_WORDS.contains(&next_lower.as_str());
            if !prev_punct && LANGUAGE_CUES.contains(&prev_lower.as_str()) && alone {
                return false;
            }
            // The second of two languages: `in Spanish and Portuguese`.
            if !prev_punct && matches!(prev_lower.as_str(), "and" | "or") && alone {
                let first_at = start_of_word_before(s, range.start);
                let (first, _) = word_before(s, first_at);
                let (cue, _) = word_before(s, start_of_word_before(s, first_at));
                if LANGUAGE_CUES.contains(&cue.to_lowercase().as_str()) && capitalised(first) {
                    return false;
                }
            }
            true
        }
        PatternKind::Capital => {
            let (prev_lower, next_lower) = lowered();
            capital_stands_for_state(
                s,
                range,
                &prev_lower,
                prev_punct,
                prev_is_name,
                &next_lower,
                next_punct,
                next_is_name,
            )
        }
        PatternKind::Institution => {
            // Another country's body: `Peru's Congress`, `the Philippine Congress`.
            !(owned_by_other(gaz, s, range.start, country) || prev_is_name && exact)
        }
        PatternKind::Name | PatternKind::Blocker => true,
    }
}

/// Words that are capitalised at a sentence start or as a title case heading word but are no name.
fn is_sentence_word(w: &str) -> bool {
    FUNCTION_CAPS.contains(&w)
}

/// Capitalised words that open sentences or headings but are no part of a name, so `Now Tokyo
/// wants…` or `Meanwhile Jordan said…` still mention the country.
static FUNCTION_CAPS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("function_caps.txt");

fn owned_by_other(gaz: &Gazetteer, s: &str, start: usize, country: CountryId) -> bool {
    let head = s[..start].trim_end();
    let head = head
        .strip_suffix("’s")
        .or_else(|| head.strip_suffix("'s"))
        .unwrap_or(head)
        .trim_end();
    // Is the phrase right before the institution a country word of another country?
    gaz.automaton
        .find_iter(head)
        .filter(|m| m.end() == head.len())
        .filter_map(|m| {
            let p = &gaz.patterns[m.pattern().as_usize()];
            p.country.filter(|_| p.kind != PatternKind::Capital)
        })
        .any(|c| c != country)
}

#[allow(clippy::too_many_arguments)]
fn capital_stands_for_state(
    s: &str,
    range: Range<usize>,
    prev: &str,
    prev_punct: bool,
    prev_is_name: bool,
    next: &str,
    next_punct: bool,
    next_is_name: bool,
) -> bool {
    // Part of another name: `George Washington`, `Washington State`, `Washington Post`.
    if prev_is_name || next_is_name {
        return false;
    }
    // `University of Canberra`.
    if !prev_punct && prev == "of" {
        let before_of = start_of_word_before(s, range.start);
        let (w, _) = word_before(s, before_of);
        if capitalised(w) && !is_sentence_word(w) {
            return false;
        }
    }
    if !next_punct && PLACE_NOUNS.contains(&next) || s[range.end..].starts_with("-based") {
        return false;
    }
    if !next_punct && GOVERNMENT_NOUNS.contains(&next) {
        return true;
    }
    if prev_punct || prev.is_empty() {
        return true;
    }
    let (prev2, _) = word_before(s, start_of_word_before(s, range.start));
    let prev2 = prev2.to_lowercase();
    if matches!(prev, "to" | "from" | "toward" | "towards" | "into") {
        return RELATIONAL.contains(&prev2.as_str());
    }
    if prev == "in" && GOVERNMENT_PEOPLE.contains(&prev2.as_str()) {
        return true;
    }
    !LOCATIVE.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::gazetteer;

    fn codes(s: &str) -> Vec<String> {
        let g = gazetteer();
        find_mentions(g, s, 0)
            .iter()
            .map(|m| g.code(m.country).to_string())
            .collect()
    }

    #[test]
    fn names_aliases_and_demonyms() {
        assert_eq!(codes("The United States and China"), vec!["US", "CN"]);
        assert_eq!(codes("U.S. firms and Chinese banks"), vec!["US", "CN"]);
        assert_eq!(codes("Swedish and Japanese officials"), vec!["SE", "JP"]);
        assert_eq!(codes("America’s allies"), vec!["US"]);
    }

    #[test]
    fn case_rules_for_short_aliases() {
        assert_eq!(codes("Give it to us now"), Vec::<String>::new());
        assert_eq!(codes("The US said"), vec!["US"]);
        assert_eq!(codes("five PLA officers"), vec!["CN"]);
        assert_eq!(
            codes("chinese companies and the white house"),
            vec!["CN", "US"]
        );
    }

    #[test]
    fn common_word_names_only_capitalised_and_alone() {
        assert_eq!(codes("We ate turkey."), Vec::<String>::new());
        assert_eq!(codes("Turkey said no."), vec!["TR"]);
        assert_eq!(codes("Michael Jordan played."), Vec::<String>::new());
        assert_eq!(codes("Jordan closed its border."), vec!["JO"]);
        assert_eq!(codes("Meanwhile Jordan closed its border."), vec!["JO"]);
    }

    #[test]
    fn capitals_only_when_they_stand_for_the_government() {
        assert_eq!(codes("Beijing said it would respond."), vec!["CN"]);
        assert_eq!(codes("ties to Baghdad"), vec!["IQ"]);
        assert_eq!(
            codes("Now Tokyo wants to bring production home."),
            vec!["JP"]
        );
        assert_eq!(codes("the Tokyo government"), vec!["JP"]);
        assert_eq!(codes("orders from Kabul"), vec!["AF"]);
        assert_eq!(codes("leaders in Beijing"), vec!["CN"]);
        assert_eq!(codes("a summit in Paris"), Vec::<String>::new());
        assert_eq!(codes("the embassy in Washington"), Vec::<String>::new());
        assert_eq!(codes("a delegation to Washington"), Vec::<String>::new());
        assert_eq!(codes("a Madrid summit"), Vec::<String>::new());
        assert_eq!(codes("Washington State"), Vec::<String>::new());
        assert_eq!(codes("the University of Canberra"), Vec::<String>::new());
    }

    #[test]
    fn institutions_count_unless_another_country_owns_them() {
        assert_eq!(codes("the Pentagon said"), vec!["US"]);
        assert_eq!(codes("the attacks on the Pentagon"), vec!["US"]);
        assert_eq!(codes("the Kremlin denied it"), vec!["RU"]);
        assert_eq!(codes("Peru's Congress voted"), vec!["PE"]);
        assert_eq!(
            codes("the State Department and the FBI"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn companies_regions_and_languages_are_not_countries() {
        assert_eq!(
            codes("China Mobile and Kenya Airways"),
            Vec::<String>::new()
        );
        assert_eq!(codes("British Petroleum"), Vec::<String>::new());
        assert_eq!(
            codes("the Middle East and Southeast Asia"),
            Vec::<String>::new()
        );
        assert_eq!(codes("the East China Sea"), Vec::<String>::new());
        assert_eq!(codes("translated into Chinese."), Vec::<String>::new());
        assert_eq!(
            codes("released in Spanish and Portuguese."),
            Vec::<String>::new()
        );
        assert_eq!(codes("in Chinese firms"), vec!["CN"]);
        assert_eq!(codes("Press Trust of India"), vec!["IN"]);
        assert_eq!(codes("the Australian Stock Exchange"), vec!["AU"]);
    }

    #[test]
    fn compounds_possessives_and_former_states() {
        assert_eq!(codes("US-China trade"), vec!["US", "CN"]);
        assert_eq!(codes("U.S.-China trade"), vec!["US", "CN"]);
        assert_eq!(codes("US–China divide"), vec!["US", "CN"]);
        assert_eq!(codes("China’s push"), vec!["CN"]);
        assert_eq!(
            codes("West Germany and East German spies"),
            vec!["DE", "DE"]
        );
        assert_eq!(codes("the Soviet Union and the USSR"), Vec::<String>::new());
        assert_eq!(codes("Palestinians marched"), vec!["PS"]);
        assert_eq!(codes("a Kiwi and an Aussie"), vec!["NZ", "AU"]);
        assert_eq!(codes("the Vietnam War"), vec!["VN"]);
        assert_eq!(codes("Taiwan and Hong Kong"), vec!["TW", "HK"]);
        assert_eq!(codes("Christmas Island and Puerto Rico"), vec!["CX", "PR"]);
        assert_eq!(codes("Tasmania and Xinjiang"), Vec::<String>::new());
    }

    #[test]
    fn currency_codes_are_not_mentions() {
        assert_eq!(codes("worth US$20-30 billion"), Vec::<String>::new());
    }

    #[test]
    fn context_rules_survive_multi_byte_neighbours() {
        // Found by the long property run: a four-byte character right before a mention.
        let _ = codes(
            "Beijing said \n Chinese By Jane Roe U.S. 3.5 \u{113e1}r\u{23a} Beijing said U.S. in July",
        );
        let _ = codes(
            "ties   to\u{a0}Baghdad and İİ to Moscow and Air  China and in  Spanish and  Portuguese",
        );
        assert_eq!(
            codes("in Spanish and\u{2003}Portuguese"),
            Vec::<String>::new()
        );
    }
}
