//! Which line of a text is its headline, and where its first real paragraph starts.
//!
//! A browser copy opens with page furniture (menus, skip links, section labels, cookie notices),
//! then the headline, a byline and a date, then the article's paragraphs. A clean file opens with
//! the headline, or with the story itself. Rules fitted to one site fail on the next, so the
//! headline is chosen by scoring every candidate line above the first real paragraph on features
//! that hold across sites (events.md §1): how close it is to that paragraph, whether a byline or
//! date sits next to it, whether the page repeats it, its length and case, and whether it reads
//! as furniture. Each feature that counted is kept, so a decision can be explained.

use super::metadata::{
    BULLETS, byline_author, ends_sentence, is_boilerplate, is_footer, is_header_line,
    is_kicker_quote, normalize, word_count,
};
use super::notices::{is_notice, is_ui_text};
use std::cell::OnceCell;

/// How far above the first paragraph a headline may sit (non-empty lines): bylines, dates,
/// photo captions, share rows and a standfirst come between them.
const REACH: usize = 35;
/// Non-empty lines looked at for the first real paragraph. Some pages put several hundred
/// menu lines above the article.
const SCAN: usize = 1500;
/// A candidate needs at least this score to be the headline; below it the text has no header.
const THRESHOLD: f32 = -0.5;

/// The chosen headline: its index among the non-empty lines, its score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub line: usize,
    /// The first paragraph under it (an index among the non-empty lines).
    pub body: usize,
    pub score: f32,
    /// The features that counted, in the order they were weighed (for tooltips and tests).
    pub why: Vec<&'static str>,
}

/// A line of running text: a paragraph of the article, a standfirst or a caption.
pub fn is_prose(s: &str) -> bool {
    let words = word_count(s);
    if words < 10 {
        return false;
    }
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    (words >= 30 || t.ends_with(['.', '!', '?', '…']))
        && !(words <= 20 && title_case(s))
        && !is_notice(s)
        && glued_words(s) < 2
}

/// A long line that a copy wrapped: the next line goes on in lower case (`… attracting clients
/// who rang` / `from politicians to …`). It is running text, whatever its end.
pub fn is_wrapped(lines: &[&str], k: usize) -> bool {
    lines[k].chars().count() >= 150
        && word_count(lines[k]) >= 20
        && lines
            .get(k + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()))
}

/// The end of a line the copy wrapped: the line above is running text at the wrap width and
/// this one goes on in lower case or with a number (`… Friday, Nov.` over `3, 2023, in Los
/// Angeles.`).
fn continues_wrapped(lines: &[&str], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| lines[p]) else {
        return false;
    };
    let long = prev.chars().count() >= 150 && word_count(prev) >= 20;
    let goes_on = lines[k].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    // (Not a menu's items run together over two lines, not a notice.)
    let menu = glued_words(prev) + glued_words(lines[k]) >= 2 || title_case(lines[k]);
    long && goes_on && !menu && !is_notice(prev) && !is_notice(lines[k])
}

/// An author's bio under the name (`Jane Roe` over `National reporter covering budgets`): a
/// job word among the line's first words.
fn is_author_bio(lines: &[&str], k: usize) -> bool {
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
fn is_short_story(s: &str) -> bool {
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

/// Index (among `lines`, the non-empty lines) of the first real paragraph: the first line of
/// running text that more running text follows closely; else the first line of running text;
/// else the first short story line; else `lines.len()`.
pub fn first_paragraph(lines: &[&str]) -> usize {
    let n = lines.len().min(SCAN);
    // A line of running text with a byline or date right under it is a headline or a
    // standfirst (`Want to travel solo? Social media can help.`), not the story.
    let under_meta = |k: usize| (k + 1..n.min(k + 4)).any(|j| is_meta_line(lines[j]));
    let prose: Vec<bool> = (0..n)
        .map(|k| is_prose(lines[k]) && !under_meta(k))
        .collect();
    let dense = (0..n).find(|&k| prose[k] && prose[k + 1..n.min(k + 7)].iter().any(|&p| p));
    let mut at = dense
        .or_else(|| (0..n).find(|&k| prose[k]))
        .or_else(|| (0..n).find(|&k| is_short_story(lines[k])))
        .unwrap_or(n);
    // Short story lines right above the first long one belong to the story (`Kenya signed a
    // rail deal.` over a longer paragraph).
    while at > 0 && at <= n && is_short_story(lines[at - 1]) && !under_meta(at - 1) {
        at -= 1;
    }
    // A clean text whose lines all read short (hard-wrapped at a narrow width): the story
    // starts under its first line when that line reads as a headline.
    if at >= n && n >= 2 && headline_like(lines[0]) {
        at = 1;
        // Past the byline and date lines under it.
        while at + 1 < n && is_meta_line(lines[at]) {
            at += 1;
        }
    }
    at
}

/// Words of photo credits and captions' sources.
const CREDIT_WORDS: &[&str] = &[
    "getty images",
    "ap photo",
    "afp via getty",
    "reuters/",
    "photo:",
    "photo by",
    "photograph:",
    "image:",
    "image credit",
    "credit:",
    "credit...",
    "credit…",
    "courtesy of",
    "(photo",
    "shutterstock",
    "file photo",
    "from left",
    ", left,",
    ", right,",
    "pictured",
];

/// A photo's caption or credit (`Photo: Jane Roe/AP`, `… on Nov. 8. (Jane Roe)`): its date is
/// the photo's, never the article's.
pub fn is_photo_credit(s: &str) -> bool {
    if s.len() > 600 {
        return false;
    }
    let l = s.to_lowercase();
    if CREDIT_WORDS.iter().any(|w| l.contains(w)) {
        return true;
    }
    // `EPA-EFE/Stuart Brock`, `Pool via REUTERS`: an agency and a photographer.
    let agency_slash = word_count(s) <= 60
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
    if agency_slash || credit_at_end || l.contains("via reuters") || l.contains("via getty") {
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
    if s.split_whitespace().any(|w| {
        NOT_NAMES.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    }) {
        return false;
    }
    (1..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let agency = words.len() == 1
                && words[0].len() >= 2
                && words[0].chars().all(|c| c.is_uppercase());
            agency || ((2..=3).contains(&words.len()) && words.iter().all(|w| capital(w)))
        })
}

/// Words of a byline's job title: `Senior Politics Reporter, HuffPost`, `Denis Staunton China
/// Correspondent, in Seoul`.
const JOB_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    "writer",
    "journalist",
    "producer",
    "staff",
    "critic",
    "analyst",
    "bureau",
];

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
fn starts_with_glyph(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        !c.is_alphanumeric()
            && !matches!(
                c,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '¿' | '¡' | '$' | '£' | '€' | '#' | '@' | '%'
            )
    })
}

/// A line that can never be a headline, whatever its neighbours.
fn excluded(s: &str) -> bool {
    s.is_empty()
        || s.chars().count() > 300
        || word_count(s) > 40
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
fn is_glued_byline(s: &str) -> bool {
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
fn is_byline(s: &str) -> bool {
    let s = s.trim_start_matches(BULLETS).trim_start();
    let by_label = matches!(s, "By" | "by" | "BY" | "By:" | "Written by" | "Words by");
    let by_text = s.len() < 120
        && s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && s[3..].trim_start().starts_with(char::is_uppercase);
    is_glued_byline(s)
        || by_label
        || by_text
        || byline_author(s).is_some()
        || is_name_line(s)
        || is_job_line(s)
}

/// A byline, date or read-time line: the header fields that sit next to a headline (a list
/// bullet before it aside). `By` alone on its line (the name on the next) counts too.
fn is_meta_line(s: &str) -> bool {
    let s = s.trim_start_matches(BULLETS).trim_start();
    is_label(s)
        || is_glued_byline(s)
        || is_header_line(s)
        || byline_author(s).is_some()
        || is_name_line(s)
        || is_job_line(s)
}

/// A header field's label alone on its line (`By`, `Date`, `Published`).
fn is_label(s: &str) -> bool {
    matches!(
        s.trim_end_matches(':'),
        "By" | "by" | "BY" | "Date" | "Published" | "Updated" | "Posted" | "Written by" | "Author"
    )
}

/// A line that may be a headline or a standfirst: a few words, no final full stop.
fn headline_like(s: &str) -> bool {
    let bare = s.trim_end_matches(['"', '”', '’', '\'', ')']);
    (4..=40).contains(&word_count(s)) && !bare.ends_with(['.', ':']) && !excluded(s)
}

/// A line that opens a list of other stories: `More News Stories`, `Related Articles`.
fn is_more_marker(s: &str) -> bool {
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
fn list_item_like(s: &str) -> bool {
    (4..=20).contains(&word_count(s))
        && s.chars().count() < 150
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '‘' || c == '\'')
        && headline_like(s)
}

fn prose_or_headline_like(s: &str) -> bool {
    let sentence = word_count(s) >= 6 && ends_sentence(s) && !excluded(s);
    (headline_like(s) && word_count(s) >= 6) || is_prose(s) || sentence
}

/// Per-line answers that scoring asks many times (a neighbour of every candidate), each
/// computed once.
struct Facts<'a> {
    lines: &'a [&'a str],
    meta: Vec<OnceCell<bool>>,
    excluded: Vec<OnceCell<bool>>,
    list_item: Vec<OnceCell<bool>>,
}

impl<'a> Facts<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        let cells = || (0..lines.len()).map(|_| OnceCell::new()).collect();
        Self {
            lines,
            meta: cells(),
            excluded: cells(),
            list_item: cells(),
        }
    }

    fn meta(&self, j: usize) -> bool {
        *self.meta[j].get_or_init(|| is_meta_line(self.lines[j]))
    }

    fn excluded(&self, j: usize) -> bool {
        *self.excluded[j].get_or_init(|| excluded(self.lines[j]))
    }

    fn list_item(&self, j: usize) -> bool {
        *self.list_item[j].get_or_init(|| list_item_like(self.lines[j]))
    }
}

/// Score line `k` as the headline of a text whose first paragraph is line `body`.
fn score(
    f: &Facts<'_>,
    k: usize,
    body: usize,
    article_start: usize,
    repeated: bool,
) -> (f32, Vec<&'static str>) {
    let lines = f.lines;
    let s = lines[k];
    let mut why = Vec::new();
    let mut total = 1.0;
    let mut add = |w: f32, reason: &'static str, why: &mut Vec<&'static str>| {
        total += w;
        why.push(reason);
    };
    let words = word_count(s);
    match words {
        1 => add(-2.5, "one word", &mut why),
        2 | 3 => add(-1.2, "two or three words", &mut why),
        4..=20 => add(1.0, "a headline's length", &mut why),
        21..=30 => add(0.3, "a long headline's length", &mut why),
        _ => add(-1.0, "longer than a headline", &mut why),
    }
    let bare = s.trim_end_matches(['"', '”', '’', '\'', ')']);
    if bare.ends_with("...") || bare.ends_with('…') {
        add(-2.0, "cut short (a teaser in a list)", &mut why);
    }
    if bare.ends_with(':') {
        add(-2.0, "ends with a colon (a label)", &mut why);
    } else if bare.ends_with('.') && !bare.ends_with("..") && words >= 14 {
        add(-3.0, "a sentence of running text", &mut why);
    } else if bare.ends_with('.') && !bare.ends_with("..") && words > 6 {
        add(-1.5, "ends with a full stop (running text)", &mut why);
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        add(-1.0, "all capitals (a kicker or section label)", &mut why);
    }
    // `Contact UsABC13 News TeamCareers`: menu items a copy ran together.
    if glued_words(s) >= 2 {
        add(-2.5, "menu items run together", &mut why);
    }
    if s.starts_with(|c: char| c.is_lowercase()) {
        add(-1.5, "starts in lower case", &mut why);
    }
    if super::dates::parse_date(s, super::dates::DateOrder::MonthFirst).is_some() {
        add(-1.5, "holds a date", &mut why);
    }
    if s.contains(" » ") || s.contains(" › ") || s.contains(" > ") {
        add(-2.5, "a breadcrumb", &mut why);
    } else if s.contains(" | ") {
        add(-0.5, "holds a separator", &mut why);
    } else if s.contains('|') {
        add(-1.5, "a section label glued to it", &mut why);
    }
    // A byline or date right under the headline (or one line lower, past a standfirst or a
    // share row) is the strongest sign across sites.
    // (A photo credit is not one: a line over a credit is the photo's caption.)
    // (A page's controls do not count as lines: a share row copies as one bullet per button.)
    let next = |n: usize| {
        (k + 1..lines.len())
            .filter(|&j| {
                let l = lines[j].trim_start_matches(BULLETS).trim_start();
                l.chars().any(char::is_alphanumeric) && (!is_ui_text(l) || f.meta(j))
            })
            .take(n)
    };
    let below = next(4)
        .take_while(|&j| j <= body)
        .find(|&j| f.meta(j) && !is_photo_credit(lines[j]));
    if bare.ends_with('.') && lines.get(k + 1).is_some_and(|n| is_photo_credit(n)) {
        add(-2.5, "a photo credit right below (a caption)", &mut why);
    }
    match below {
        Some(j) if j == k + 1 => add(3.0, "a byline or date right below", &mut why),
        Some(j) if j == k + 2 => add(2.6, "a byline or date two lines below", &mut why),
        Some(_) => add(2.0, "a byline or date just below", &mut why),
        None => {}
    }
    // Under a "more stories" or "related" marker, a headline is another story's.
    // (Only after the article's text has begun: menus carry "Trending" and "Most read" too.)
    if (k.saturating_sub(8).max(article_start)..k)
        .any(|j| is_footer(lines[j]) || is_more_marker(lines[j]))
    {
        add(-2.0, "under a 'more stories' marker", &mut why);
    }
    // Three or more headline-like lines in a row are a list of links.
    let run_start = (0..=k)
        .rev()
        .take_while(|&j| f.list_item(j))
        .last()
        .unwrap_or(k);
    let run_end = (k..lines.len())
        .take_while(|&j| f.list_item(j))
        .last()
        .unwrap_or(k);
    if run_end - run_start >= 2 {
        add(-1.5, "in a list of headlines", &mut why);
    }
    if below.is_none() {
        if k > 0 && f.meta(k - 1) {
            add(2.0, "a byline or date right above", &mut why);
        } else if k > 1 && f.meta(k - 2) {
            add(1.0, "a byline or date just above", &mut why);
        }
    }
    // A teaser in a list has its date; the article's headline has its author too.
    if next(4).any(|j| is_byline(lines[j])) {
        add(1.0, "a byline below", &mut why);
    } else if below.is_none() && (k.saturating_sub(3)..k).any(|j| is_byline(lines[j])) {
        add(1.0, "a byline above", &mut why);
    }
    // Headline, then standfirst, then byline: the upper of two headline-like lines is the
    // headline.
    if below.is_some_and(|j| j > k + 1) && (prose_or_headline_like(lines[k + 1])) {
        add(1.5, "a standfirst below", &mut why);
    }
    // A headline opens the article: running text right above it means the line is inside a
    // story (a wrapped line's end, a caption, a subheading).
    if k > 0 && is_prose(lines[k - 1]) && !is_notice(lines[k - 1]) {
        add(-2.0, "running text right above", &mut why);
    }
    if k > 0 && headline_like(lines[k - 1]) && !f.meta(k - 1) {
        add(-0.5, "under another headline-like line", &mut why);
    }
    if repeated && words >= 3 {
        add(1.0, "the page repeats it", &mut why);
    }
    // Lines between it and the first paragraph (a list's bare bullets aside: a share row
    // copies as one per button).
    let gap = (k + 1..body)
        .filter(|&j| lines[j].chars().any(char::is_alphanumeric))
        .count();
    if gap > 0 {
        add(
            -0.15 * gap as f32,
            "lines between it and the first paragraph",
            &mut why,
        );
    }
    if k + 1 == body {
        add(0.3, "the first paragraph follows it", &mut why);
        if k == 0 {
            // A clean file: its first line, then the story. Even a one-word headline is one.
            add(2.0, "the file's first line, over the story", &mut why);
        }
    }
    (total, why)
}

/// Lines that may stand between two paragraphs of one article (a caption, an ad label, a
/// subheading, a share row) without ending its run of running text.
const GAP: usize = 4;
/// Words of running text that make a run the article's body rather than a teaser's summary.
const MIN_RUN_WORDS: usize = 60;

/// Runs of running text: (first line, words of running text in the run), in text order, up to
/// the first of [`MIN_RUN_WORDS`] words (its count may stop there).
/// Paragraphs at most [`GAP`] lines apart are one run.
fn prose_runs(f: &Facts<'_>) -> Vec<(usize, usize)> {
    let lines = f.lines;
    let n = lines.len().min(SCAN);
    // Each line's "byline or date?" is asked at most once (the scoring asks it again).
    let under_meta = |k: usize| ((k + 1).min(n)..n.min(k + 4)).any(|j| f.meta(j));
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut adjacent: Vec<bool> = Vec::new();
    let mut last: Option<usize> = None;
    for (k, s) in lines[..n].iter().enumerate() {
        if !(is_prose(s) || is_wrapped(lines, k) || continues_wrapped(lines, k)) || under_meta(k) {
            continue;
        }
        let words = word_count(s);
        match (last, runs.last_mut()) {
            (Some(l), Some(run)) if k - l <= GAP + 1 => {
                run.1 += words;
                // Two paragraphs in a row: an article's body. A teaser list alternates a
                // headline and a line of summary.
                if l + 1 == k
                    && let Some(adj) = adjacent.last_mut()
                {
                    *adj = true;
                }
            }
            _ => {
                // Short story lines right above belong to the run.
                let mut start = k;
                while start > 0 && is_short_story(lines[start - 1]) && !under_meta(start - 1) {
                    start -= 1;
                }
                runs.push((start, words));
                adjacent.push(false);
            }
        }
        last = Some(k);
        // The first run of substantial length is the article's body: nothing below it is
        // needed (this keeps long articles cheap).
        if runs.last().is_some_and(|r| r.1 >= MIN_RUN_WORDS) && adjacent.last() == Some(&true) {
            break;
        }
    }
    // A run counts as a body only with two paragraphs in a row: others keep their start but
    // not their length.
    for (run, adj) in runs.iter_mut().zip(&adjacent) {
        if !adj {
            run.1 = run.1.min(MIN_RUN_WORDS - 1);
        }
    }
    runs
}

/// Every candidate headline with its score, best first (for explanations and tests), and the
/// index of the first paragraph under the best one.
///
/// The article's body is the first run of running text of substantial length ([`MIN_RUN_WORDS`]:
/// a menu's teaser has a line of summary, and "related" lists come after the article). The
/// headline is looked for up to [`REACH`] lines above it, and above any shorter run that
/// starts within that reach (a standfirst, a first short paragraph, a caption): each candidate
/// is weighed against the run right below it.
pub fn candidates(lines: &[&str]) -> (Vec<Headline>, usize) {
    let mut all = Vec::new();
    let facts = Facts::new(lines);
    let mut runs = prose_runs(&facts);
    if runs.is_empty() {
        runs.push((first_paragraph(lines), 0));
    }
    let main = runs
        .iter()
        .position(|r| r.1 >= MIN_RUN_WORDS)
        .unwrap_or_else(|| {
            (0..runs.len())
                .max_by_key(|&i| (runs[i].1, std::cmp::Reverse(runs[i].0)))
                .unwrap_or(0)
        });
    // Nothing reads as the story, or the story starts on the first line: no header. (A lone
    // line is the story, never a headline over nothing.)
    if runs[main].0 == 0 || runs[main].0 >= lines.len() {
        return (all, runs[main].0.min(lines.len()));
    }
    // Walk up through shorter runs that start within reach of the one below.
    let mut top = main;
    while top > 0 && runs[top].0 - runs[top - 1].0 <= REACH && runs[top - 1].0 > 0 {
        top -= 1;
    }
    let from = runs[top].0.saturating_sub(REACH);
    let to = runs[main].0;
    // Headlines the page repeats (a breadcrumb, a share box, the `<title>` text): count each
    // short line of the page once.
    let norms: Vec<Option<String>> = lines[..lines.len().min(SCAN + 200)]
        .iter()
        .map(|s| (s.len() < 300 && word_count(s) >= 3).then(|| normalize(s)))
        .collect();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for n in norms.iter().flatten() {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let mut best: Option<(f32, usize)> = None;
    for k in from..to {
        let s = lines[k];
        if facts.excluded(k)
            || is_wrapped(lines, k)
            || continues_wrapped(lines, k)
            || is_author_bio(lines, k)
            || s.chars().count() >= 180
        {
            continue;
        }
        // The first paragraph under this candidate: the start of the next run below it.
        let Some(body) = runs[top..=main].iter().map(|r| r.0).find(|&r| r > k) else {
            continue;
        };
        let repeated = norms
            .get(k)
            .and_then(Option::as_ref)
            .is_some_and(|n| counts.get(n.as_str()).is_some_and(|&c| c > 1));
        // A breadcrumb glued to the headline (`HomeNewsPort deal signed`) repeats it too.
        let in_breadcrumb = word_count(s) >= 3
            && (k.saturating_sub(3)..(k + 3).min(lines.len()))
                .any(|j| j != k && lines[j].len() > s.len() && lines[j].ends_with(s));
        let (score, why) = score(&facts, k, body, runs[0].0, repeated || in_breadcrumb);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, body));
        }
        all.push(Headline {
            line: k,
            body,
            score,
            why,
        });
    }
    all.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.line.cmp(&b.line)));
    // A headline the page repeats is the first of its copies (the later ones sit in a photo
    // caption or a share box, and what lies between them is the article's).
    if let Some(best) = all.first_mut()
        && let Some(Some(norm)) = norms.get(best.line)
        && let Some(first) = (from..best.line).find(|&j| norms.get(j) == Some(&Some(norm.clone())))
    {
        best.line = first;
        best.why.push("the first of the page's copies of it");
    }
    (all, best.map_or(to, |(_, body)| body))
}

/// The headline among `lines` (the text's non-empty lines), or `None` when the text has no
/// header: its first line is already the story, or no line above the story reads as one.
pub fn choose_headline(lines: &[&str]) -> Option<Headline> {
    candidates(lines)
        .0
        .into_iter()
        .next()
        .filter(|h| h.score >= THRESHOLD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(text: &str) -> Option<String> {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        choose_headline(&lines).map(|h| lines[h.line].to_string())
    }

    #[test]
    fn a_glued_section_label_is_cut_but_a_separated_one_is_not_glued() {
        assert_eq!(
            without_glued_label("Business|Rolling Blackouts Stump Experts"),
            "Rolling Blackouts Stump Experts"
        );
        // `Title | Site` is a separator, not a glued label; a two-word rest is no headline.
        assert_eq!(
            without_glued_label("Port deal signed | Example News"),
            "Port deal signed | Example News"
        );
        assert_eq!(without_glued_label("News|Sport Today"), "News|Sport Today");
    }

    #[test]
    fn a_captions_last_words_wrapped_onto_their_own_line_are_no_headline() {
        let caption = "From left, union captains Lee Park and Omar Diaz and union negotiator Ana Ruiz lead a cheer for striking dock workers outside the terminal, Friday, Nov.";
        let lines = [caption, "3, 2023, in Chicago."];
        assert!(continues_wrapped(&lines, 1));
        // A headline under a summary that ends its sentence is not a continuation.
        let lines = [caption, "Dock strike ends as union reaches deal"];
        assert!(!continues_wrapped(&lines, 1));
    }

    #[test]
    fn a_short_headline_over_a_short_story() {
        let t = "Gulf deal\n\nSaudi Arabia and Qatar restored ties in 2021.\n";
        assert_eq!(headline(t).as_deref(), Some("Gulf deal"));
        let t = "Brexit\n\nBritain left the European Union in 2020.\n\nTalks went on.\n";
        assert_eq!(headline(t).as_deref(), Some("Brexit"));
    }

    #[test]
    fn a_lone_line_is_the_story() {
        assert_eq!(
            headline("Japan and South Korea agreed on a deal in 2015\n"),
            None
        );
        assert_eq!(
            headline("Japan and South Korea agreed on a deal in 2015.\n"),
            None
        );
    }

    #[test]
    fn a_text_that_starts_with_its_story_has_no_headline() {
        let t = "Japan and India signed a new trade pact in Tokyo on Monday, officials said.\n\
                 The pact cuts tariffs on steel and rice over the next five years.\n";
        assert_eq!(headline(t), None);
    }

    #[test]
    fn furniture_above_the_headline_is_passed_over() {
        let t = "Skip to content\nMenu\nSections\nWorld\nPolitics\nBusiness\n\
                 Accept all cookies\nWORLD NEWS\n\
                 Chile and Peru agree to share a new lithium port\n\
                 By Ana Ruiz\nMarch 3, 2022 5:01 AM ET\n\
                 Chile and Peru agreed on Tuesday to build and run a lithium port together, \
                 the two governments said.\n\
                 The port will open in 2025 and ship to buyers in Asia, officials in Lima said.\n";
        assert_eq!(
            headline(t).as_deref(),
            Some("Chile and Peru agree to share a new lithium port")
        );
    }

    #[test]
    fn every_decision_says_why() {
        let lines = [
            "Small ports, big plans",
            "By Ana Ruiz",
            "A long story line that goes on and on for more than ten words.",
        ];
        let h = choose_headline(&lines).unwrap();
        assert_eq!(h.line, 0);
        assert!(
            h.why.contains(&"a byline or date right below"),
            "{:?}",
            h.why
        );
    }
}
