//! The shapes of a line the header model reads: running text and wrapped lines, title case,
//! run-together words, bylines in every form copies give them, names and job titles, photo
//! credits and captions, labels, list items, and the lines that can never be a headline.

use super::*;

/// A line of running text: a paragraph of the article, a standfirst or a caption.
pub fn is_prose(s: &str) -> bool {
    // (Counted up to 30: no test below looks further.)
    let words = word_count_capped(s, 30);
    if words < 10 {
        return false;
    }
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    (words >= 30 || t.ends_with(['.', '!', '?', '…']))
        && !(words <= 20 && title_case(s))
        && glued_words(s) < 2
        && !is_notice(s)
}

/// A long line that a copy wrapped: the next line goes on in lower case (`… attracting clients
/// who rang` / `from politicians to …`). It is running text, whatever its end.
pub fn is_wrapped(lines: &[&str], k: usize) -> bool {
    // The next line's first character first: it is the cheapest test, and most lines fail it.
    lines
        .get(k + 1)
        .is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()))
        && long_line(lines[k])
}

/// The end of a line the copy wrapped: the line above is running text at the wrap width and
/// this one goes on in lower case or with a number (`… Friday, Nov.` over `3, 2023, in Los
/// Angeles.`).
pub(crate) fn continues_wrapped(lines: &[&str], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| lines[p]) else {
        return false;
    };
    let goes_on = lines[k].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    if !goes_on || !long_line(prev) {
        return false;
    }
    // (Not a menu's items run together over two lines, not a notice.)
    let menu = glued_words(prev) + glued_words(lines[k]) >= 2 || title_case(lines[k]);
    !menu && !is_notice(prev) && !is_notice(lines[k])
}

/// A line as long as a copy's wrap width: 150 characters or more, 20 words or more.
/// (A line of fewer bytes has fewer characters: its characters are not counted.)
fn long_line(s: &str) -> bool {
    s.len() >= 150 && s.chars().count() >= 150 && word_count_capped(s, 20) >= 20
}

/// An author's bio under the name (`Jane Roe` over `National reporter covering budgets`): a
/// job word among the line's first words.
pub(crate) fn is_author_bio(lines: &[&str], k: usize) -> bool {
    let s = lines[k];
    k > 0
        && is_name_line(lines[k - 1])
        && word_count(s) <= 25
        && !ends_sentence(s)
        && s.split_whitespace().take(3).any(is_job_line)
}

/// A headline without the section label a copy glued to it (`Business|Rolling Blackouts in
/// California`): one to three words, then `|` with no space on either side.
pub fn without_glued_label(s: &str) -> &str {
    match s.split_once('|') {
        Some((label, rest))
            if (1..=3).contains(&word_count(label))
                && !label.ends_with(char::is_whitespace)
                && !rest.starts_with(char::is_whitespace)
                && word_count(rest) >= 3 =>
        {
            rest
        }
        _ => s,
    }
}

/// Words a copy ran together (`UsABC13`, `Covid-19Hit`): a lower-case letter or a digit then
/// a capital inside one word, past its first letter. Menus and teaser lists run together so.
pub fn glued_words(s: &str) -> usize {
    // One pass over the bytes (ASCII letters only: enough for menus run together).
    let b = s.as_bytes();
    (2..b.len())
        .filter(|&i| {
            b[i].is_ascii_uppercase()
                && ((b[i - 2].is_ascii_lowercase() && b[i - 1].is_ascii_lowercase())
                    || b[i - 1].is_ascii_digit())
        })
        .count()
}

/// A short story line: ends a sentence and has a few words (`Saudi Arabia restored ties.`).
pub(crate) fn is_short_story(s: &str) -> bool {
    // A question alone on its line is a headline far more often than a paragraph.
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    word_count(s) >= 4
        && t.ends_with(['.', '!'])
        && !title_case(s)
        && !is_notice(s)
        && !is_boilerplate(s)
}

/// Most words capitalised (`Data Centres Push Tests Ties With the U.K.`): a headline's case,
/// never a sentence's.
pub fn title_case(s: &str) -> bool {
    // Title case leaves short function words in lower case (`Means for the U.K.`).
    const MINOR: &[&str] = &[
        "a", "an", "the", "of", "for", "to", "in", "on", "and", "or", "with", "at", "by", "from",
        "as", "vs", "but", "nor", "over", "into",
    ];
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !MINOR.contains(w))
        .collect();
    let capital = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    words.len() >= 5 && capital * 10 >= words.len() * 8
}

/// Words of photo credits and captions' sources.
pub(crate) static CREDIT_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("credit_words.txt");

/// The credit words in one case-insensitive automaton: one scan of a line instead of a
/// lower-cased copy searched once per word.
static CREDIT_AUTOMATON: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CREDIT_WORDS.iter())
            .unwrap_or_else(|e| panic!("credit words: {e}"))
    });

/// A credit word in `s`, as `s.to_lowercase()` would contain it. The words are lower case
/// and ASCII but for `…`, so folding ASCII letters finds the same places; only two other
/// characters lower-case into ASCII (`İ` and the Kelvin sign), and a line holding one is
/// lower-cased as before.
fn has_credit_word(s: &str) -> bool {
    if s.contains(['\u{130}', '\u{212A}']) {
        let l = s.to_lowercase();
        return CREDIT_WORDS.iter().any(|w| l.contains(w));
    }
    CREDIT_AUTOMATON.is_match(s)
}

/// A photo's caption or credit (`Photo: Jane Roe/AP`, `… on Nov. 8. (Jane Roe)`): its date is
/// the photo's, never the article's.
pub fn is_photo_credit(s: &str) -> bool {
    if s.len() > 600 {
        return false;
    }
    if has_credit_word(s) {
        return true;
    }
    // `EPA-EFE/Stuart Brock`, `Pool via REUTERS`: an agency and a photographer.
    let agency_slash = s.contains('/')
        && word_count(s) <= 60
        && s.split_whitespace().any(|w| {
            w.split_once('/').is_some_and(|(a, b)| {
                a.starts_with(char::is_uppercase) && b.starts_with(char::is_uppercase)
            })
        });
    // `… Monday, October 23, 2023. PAUL SANCYA / AP`: a caption ending with its credit in
    // capitals.
    let capitals = |w: &str| {
        let letters = w.chars().filter(|c| c.is_alphabetic());
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && letters.clone().all(char::is_uppercase)
    };
    let credit_at_end = s.rsplit_once(" / ").is_some_and(|(before, after)| {
        before.split_whitespace().next_back().is_some_and(capitals)
            && !after.is_empty()
            && after.split_whitespace().all(capitals)
    });
    if agency_slash
        || credit_at_end
        || with_lower(s, |l| l.contains("via reuters") || l.contains("via getty"))
    {
        return true;
    }
    // A caption ending with its photographer: `… in Tarzana on Nov. 8. (Jane Roe)`.
    if word_count(s) >= 8
        && s.ends_with(')')
        && s.rfind('(').is_some_and(|at| {
            let inner = &s[at + 1..s.len() - 1];
            (1..=4).contains(&word_count(inner))
                && inner
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        })
    {
        return true;
    }
    false
}

/// A photo credit or caption source: `(Jane Roe / Daily Example)`, `NBC News / Getty Images`,
/// `Representative image. (Photo: Getty Images)`.
pub fn is_credit(s: &str) -> bool {
    if s.len() > 200 {
        return false;
    }
    if is_photo_credit(s) {
        return true;
    }
    let l = s.to_lowercase();
    if l.contains("associated press") && word_count(s) >= 6 {
        return true;
    }
    // An outlet's credit line: `The New York Times`, `Wilmer Leon. Sputnik International`.
    const OUTLET_WORDS: &[&str] = &[
        "times",
        "post",
        "press",
        "journal",
        "herald",
        "tribune",
        "network",
        "reuters",
        "international",
        "agency",
        "bloomberg",
        "guardian",
        "telegraph",
        "independent",
        "wire",
        "newswire",
        "afp",
        "ap",
        "today",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 6
        && !ends_sentence(s)
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words
            .last()
            .is_some_and(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return true;
    }
    let bracketed = s.starts_with('(') && s.ends_with(')');
    let slashed = s.contains(" / ") && word_count(s) <= 8 && !ends_sentence(s);
    bracketed || slashed
}

/// A line of names without `By`: `Kimberly Miller and Gareth McGrath`, `Le Monde with AFP`,
/// `Daniel O'Mahony`. Each name has two or three capitalised words (an agency may be one
/// word in capitals); at most four names.
pub fn is_name_line(s: &str) -> bool {
    if s.len() > 80 || s.chars().any(|c| c.is_ascii_digit()) || ends_sentence(s) {
        return false;
    }
    // `Helen Davidson in Taipei`: names, then the place they write from.
    if let Some((names, place)) = s.rsplit_once(" in ") {
        let place_words: Vec<&str> = place.split_whitespace().collect();
        if (1..=3).contains(&place_words.len())
            && place_words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase))
            && is_name_line(names)
        {
            return true;
        }
    }
    let mut parts = Vec::new();
    for a in s.split(", ") {
        for b in a.split(" and ") {
            for c in b.split(" with ") {
                parts.extend(c.split(" & "));
            }
        }
    }
    let capital = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "de" | "van" | "von" | "da" | "bin" | "al" | "del" | "la" | "le"
            )
    };
    // Menu and section words are no names (`Submit Story`, `Restaurant Reviews`).
    const NOT_NAMES: &[&str] = &[
        "news",
        "story",
        "stories",
        "submit",
        "review",
        "reviews",
        "share",
        "search",
        "home",
        "video",
        "videos",
        "menu",
        "sport",
        "sports",
        "weather",
        "live",
        "watch",
        "politics",
        "business",
        "opinion",
        "world",
        "local",
        "more",
        "latest",
        "top",
        "section",
        "sections",
        "subscribe",
        "login",
        "account",
        "newsletter",
        "podcast",
        "podcasts",
        "events",
        "contact",
        "about",
        "us",
        "the",
        "for",
        "our",
        "your",
        "today",
        "tv",
        "radio",
        "games",
        "shop",
    ];
    let names = (1..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let agency = words.len() == 1
                && words[0].len() >= 2
                && words[0].chars().all(|c| c.is_uppercase());
            agency || ((2..=3).contains(&words.len()) && words.iter().all(|w| capital(w)))
        });
    // (Asked only of lines shaped as names: most lines are not, and this lower-cases each word.)
    names
        && !s.split_whitespace().any(|w| {
            NOT_NAMES.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
}

/// Words of a byline's job title: `Senior Politics Reporter, HuffPost`, `Denis Staunton China
/// Correspondent, in Seoul`.
pub(crate) static JOB_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("job_words.txt");

/// A byline's job-title line (a short line naming a newsroom job).
pub fn is_job_line(s: &str) -> bool {
    if s.len() > 120 || word_count(s) > 10 || ends_sentence(s) {
        return false;
    }
    let is_job = |w: &str| {
        JOB_WORDS.iter().any(|j| {
            w.eq_ignore_ascii_case(j)
                || (w.len() == j.len() + 1
                    && w.is_char_boundary(j.len())
                    && w[..j.len()].eq_ignore_ascii_case(j)
                    && w[j.len()..].eq_ignore_ascii_case("s"))
        })
    };
    s.split(|c: char| !c.is_alphanumeric()).any(is_job)
}

/// A line opened by a symbol (`☆ Mashable`, `▶ Watch`): a list item or a button.
pub(crate) fn starts_with_glyph(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        !c.is_alphanumeric()
            && !matches!(
                c,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '¿' | '¡' | '$' | '£' | '€' | '#' | '@' | '%'
            )
    })
}

/// A line that can never be a headline, whatever its neighbours.
pub(crate) fn excluded(s: &str) -> bool {
    s.is_empty()
        || (s.len() > 300 && s.chars().count() > 300)
        || word_count_capped(s, 41) > 40
        || is_boilerplate(s)
        || is_header_line(s)
        || is_footer(s)
        || is_kicker_quote(s)
        || is_notice(s)
        || is_credit(s)
        || is_name_line(s)
        || starts_with_glyph(s)
        || is_ui_text(s)
        || is_job_line(s)
        || is_label(s)
        || is_byline(s)
        || !s.chars().any(char::is_alphabetic)
}

/// A byline whose label a copy ran into the name (`ByAlex Bozarjian`) or wrote with a colon
/// (`by: Josh Roe`).
pub(crate) fn is_glued_byline(s: &str) -> bool {
    let glued = s.len() < 60
        && s.strip_prefix("By")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase) && is_name_line(rest));
    let colon = s.len() < 80
        && s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by:"))
        && is_name_line(s[3..].trim());
    glued || colon
}

/// A byline in any of the shapes copies give it: `By Jane Roe`, `By` over `Jane Roe`,
/// `ByJane Roe`, `by: Jane Roe`, `Jane Roe and John Doe`, `Jane Roe, Staff Writer`.
pub(crate) fn is_byline(s: &str) -> bool {
    let s = s.trim_start_matches(BULLETS).trim_start();
    let by_label = matches!(s, "By" | "by" | "BY" | "By:" | "Written by" | "Words by");
    // `By Jane Roe`, `Written by: Jane Roe`, `By 7 News WHDH` (a newsroom's name may open with a
    // digit; `By 2030 the grid…` and `By 5 p.m.` open sentences and are not bylines).
    let after_by = ["written by", "words by", "by"].iter().find_map(|p| {
        s.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &s[p.len()..])
    });
    let by_text = s.len() < 120
        && after_by.is_some_and(|rest| {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            let name = rest.trim_start();
            // A number of at most three digits, then up to three capitalised words.
            let newsroom = || {
                let mut words = name.split_whitespace();
                let first = words.next().unwrap_or("");
                first.len() < 4
                    && first.bytes().all(|b| b.is_ascii_digit())
                    && words.clone().count() <= 3
                    && words.all(|w| w.starts_with(char::is_uppercase))
            };
            rest.starts_with([' ', '\t'])
                && (name.starts_with(char::is_uppercase)
                    || (name.starts_with(|c: char| c.is_ascii_digit()) && newsroom()))
        });
    is_glued_byline(s)
        || by_label
        || by_text
        || byline_author(s).is_some()
        || is_name_line(s)
        || is_job_line(s)
}

/// A byline, date or read-time line: the header fields that sit next to a headline (a list
/// bullet before it aside). `By` alone on its line (the name on the next) counts too.
pub(crate) fn is_meta_line(s: &str) -> bool {
    let s = s.trim_start_matches(BULLETS).trim_start();
    is_label(s)
        || is_glued_byline(s)
        || is_header_line(s)
        || byline_author(s).is_some()
        || is_name_line(s)
        || is_job_line(s)
}

/// A header field's label alone on its line (`By`, `Date`, `Published`).
pub(crate) fn is_label(s: &str) -> bool {
    matches!(
        s.trim_end_matches(':'),
        "By" | "by" | "BY" | "Date" | "Published" | "Updated" | "Posted" | "Written by" | "Author"
    )
}

/// A line that may be a headline or a standfirst: a few words, no final full stop.
pub(crate) fn headline_like(s: &str) -> bool {
    headline_like_with(s, || excluded(s))
}

/// [`headline_like`] with the answer of [`excluded`] for `s` given (memoised by the scorer).
pub(crate) fn headline_like_with(s: &str, excluded: impl FnOnce() -> bool) -> bool {
    let bare = s.trim_end_matches(['"', '”', '’', '\'', ')']);
    (4..=40).contains(&word_count(s)) && !bare.ends_with(['.', ':']) && !excluded()
}

/// A line that opens a list of other stories: `More News Stories`, `Related Articles`.
pub(crate) fn is_more_marker(s: &str) -> bool {
    let l = s.to_lowercase();
    word_count(s) <= 6
        && [
            "more news",
            "more stories",
            "related",
            "you may also",
            "you might also",
            "recommended",
            "most read",
            "most popular",
            "top stories",
            "latest news",
            "more from",
            "read next",
            "up next",
            "trending",
        ]
        .iter()
        .any(|m| l.contains(m))
}

/// A line that may be an item of a list of headlines: a few words, capitalised, no final
/// punctuation (a standfirst or a wrapped line is longer or goes on in lower case).
/// (The answer of [`headline_like`] for `s` is given: the scorer memoises it.)
pub(crate) fn list_item_like_with(s: &str, headline_like: impl FnOnce() -> bool) -> bool {
    (4..=20).contains(&word_count(s))
        && (s.len() < 150 || s.chars().count() < 150)
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '‘' || c == '\'')
        && headline_like()
}
