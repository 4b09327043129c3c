//! Header metadata of an article (events.md §1): title, author, published date, source, and the
//! body paragraphs without header and closing boilerplate.

use super::dates::{DateOrder, parse_date, text_writes_day_first};
use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Where an article's title comes from (the article table's `title_source`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TitleSource {
    /// A headline line of the text's header.
    Header,
    /// A saved page's metadata or markup (`h1`, `og:title`, JSON-LD `headline`).
    Metadata,
    /// Made from the first words of a text without header.
    Derived,
    /// No title at all (an empty text).
    #[default]
    None,
}

impl TitleSource {
    /// The word used in the article table.
    pub fn as_str(self) -> &'static str {
        match self {
            TitleSource::Header => "header",
            TitleSource::Metadata => "metadata",
            TitleSource::Derived => "derived",
            TitleSource::None => "none",
        }
    }
}

/// Where an article's published date comes from (the article table's `published_source`;
/// `corrected` is the query layer's, for a user's correction).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PublishedSource {
    /// A date line of the header (next to the headline or byline).
    Header,
    /// A saved page's metadata (JSON-LD `datePublished`, `article:published_time`, `<time>`).
    Metadata,
    /// A date line elsewhere in the text (under the body, a closing "originally published" line).
    Text,
    #[default]
    None,
}

impl PublishedSource {
    /// The word used in the article table.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Header => "header",
            PublishedSource::Metadata => "metadata",
            PublishedSource::Text => "text",
            PublishedSource::None => "none",
        }
    }
}

/// What the loader derives from an article's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub title_source: TitleSource,
    /// Why the title was taken: the header model's reasons for a headline line, or the saved
    /// page's field (for the reader's tooltip and for tests).
    pub title_reasons: Vec<&'static str>,
    pub author: Option<String>,
    pub published: Option<Date>,
    pub published_source: PublishedSource,
    /// The site or outlet's name, when the page gives it (`og:site_name`, JSON-LD publisher).
    pub site: Option<String>,
    /// Where in the text the published date was read (for the reader view).
    pub published_span: Option<Range<usize>>,
    pub source: Option<String>,
    /// Body paragraphs, in order, as byte ranges into the text (a wire dateline is left out).
    pub paragraphs: Vec<Range<usize>>,
    /// A wire dateline (`BRUSSELS, Dec. 2 (Reuters) —`) at the start of the body: header.
    pub dateline: Option<Range<usize>>,
}

/// How many non-empty lines at the top are looked at for header fields.
const HEADER_WINDOW: usize = 40;
/// A line longer than this (or with more words than `PARAGRAPH_WORDS`) that ends a sentence is a
/// paragraph, never a headline.
const PARAGRAPH_CHARS: usize = 160;
const PARAGRAPH_WORDS: usize = 25;
/// Words used for a title made from the text of a file without header.
const FALLBACK_TITLE_WORDS: usize = 8;

#[derive(Debug, Clone)]
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
}

fn lines_of(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let raw = piece.trim_end_matches(['\n', '\r']);
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let s = start + lead;
        lines.push(Line {
            range: s..s + trimmed.len(),
            text: trimmed,
        });
        start = end;
    }
    lines
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad metadata pattern {pattern}: {e}"))
}

static READ_TIME: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\d+\s*min(?:ute)?s?\s+read"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:By|BY|by|Written by|Words by|Author:)\s+(.{2,80}?)\s*(?:[|,]\s*.*)?$")
});
static ARTICLE_BY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\[\s*article by\s+(.+?)\.?\s*\]$"));
static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:credits?|photo|image|picture|source)\s*:"));
static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)originally (?:published|appeared|posted) (?:at|on|in|by)\s+(.+?)[.\s]*$")
});
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|net|news|co\.uk|uk|ie|com\.au|au|in|co\.in|co\.nz|nz|co\.za|za|ca|de|fr|eu|info|io|sg|hk|jp|kr|cn|tw|ph|my|pk|ng|ke))(?-u:\b)",
    )
});
static DAY_FIRST_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)[a-z0-9-]+\.(?:co\.uk|org\.uk|ie|com\.au|net\.au|au|in|co\.in|co\.nz|nz|co\.za|za|ng|ke|pk|sg|my|hk|eu|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pt|br|ar|mx|ru|pl|gr|tr|eg|il|ae)(?-u:\b)",
    )
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\(([A-Za-z][A-Za-z .-]*)\))?\s*(?:—|–|--|-)\s*",
    )
});
/// A mixed-case dateline needs its agency: `Nairobi, 12 March 2009 (IRIN) -`.
static DATELINE_MIXED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?,?\s+(?:[A-Za-z0-9.,]+\s+){0,4}?\(([A-Z][A-Za-z .-]*)\)\s*(?:—|–|--|-|:)\s*",
    )
});
/// A dateline whose agency is not followed by a dash: `New Delhi, Jan 15 (PTI) India said …`.
/// Only known agencies, so `The United Nations (UN) said` stays a sentence.
static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?,?\s+(?:[A-Za-z0-9.,]+\s+){0,4}?\((AP|AFP|PTI|IANS|ANI|UNI|Reuters|UPI|Xinhua|Bernama|Yonhap|Kyodo|dpa|DPA|IRIN|TASS|Tass|AAP|CNA|EFE|ANSA|IPS|KCNA|WAM|SPA|Interfax|Anadolu|APP|KUNA|MENA|Antara|VNA|PNA|BSS|NAN)\)\s+",
    )
});
/// A place and a spaced dash opening the first paragraph: `Nairobi — Kenya's President …`.
/// The dash must be an em or en dash and a capital must follow (`China — the world's …` is a
/// sentence).
static DATELINE_PLACE_DASH: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2} (?:—|–) (?:\p{Lu})"));
static DATELINE_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\.?\s+(\d{1,2})(?-u:\b)",
    )
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)((?:19|20)\d\d)(?-u:\b)"));

/// Lines a web page puts around an article: navigation, account links, cookie notices.
const BOILERPLATE: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "menu",
    "main menu",
    "navigation",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "register",
    "subscribe",
    "subscribe now",
    "search",
    "home",
    "newsletter",
    "newsletters",
    "advertisement",
    "advertising",
    "share",
    "share this",
    "tweet",
    "email",
    "print",
    "comments",
    "close",
    "open menu",
    "accept",
    "accept all",
    "accept cookies",
    "manage cookies",
    "cookie settings",
    "toggle navigation",
    "my account",
    "account",
    "edition",
    "latest",
    "trending",
    "video",
    "videos",
    "podcasts",
    "live",
    "more",
    "follow",
    "listen",
    "save",
    "read later",
    "opinion",
    "news",
];

const FOOTER_PREFIXES: &[&str] = &[
    "about author",
    "about the author",
    "about the writer",
    "share this",
    "related stories",
    "related articles",
    "related news",
    "related coverage",
    "related:",
    "more from",
    "more stories",
    "read more",
    "recommended",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "©",
    "(c) ",
    "copyright",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "terms & conditions",
    "privacy policy",
    "follow us",
    "sign up for",
    "subscribe to",
    "this news was originally published",
    "originally published at",
    "comments",
    "leave a comment",
    "tags:",
    "topics:",
    "filed under",
    "related topics",
    "more on this story",
    "top stories",
    "see also",
    "most watched",
    "editor's picks",
    "editors' picks",
    "latest news",
    "share this story",
    "share on",
    "sign up to",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Glyphs that open a list item in a copy (browsers and text dumps render `<li>` with them).
pub(super) const BULLETS: &[char] = &[
    '•', '*', '·', '|', '▸', '►', '→', '□', '■', '▪', '◦', '○', '●', '◆', '◇', '✓', '➤',
];

pub(super) fn is_boilerplate(line: &str) -> bool {
    let bullet = line.starts_with(BULLETS) || line.starts_with("- ");
    // Navigation, menus and cookie notices are short; running text is not lower-cased at all.
    if bullet || line.len() > 400 {
        return bullet;
    }
    let l = lower(line.trim_end_matches([':', '.', '›', '»', '>']));
    // Mastheads and skip links: `The Guardian - Back to home`, `Jump to navigation`.
    if l.len() < 80
        && [
            "back to home",
            "back to top",
            "jump to ",
            "go to main",
            "main navigation",
            "open navigation",
            "close navigation",
        ]
        .iter()
        .any(|p| l.contains(p))
    {
        return true;
    }
    if BOILERPLATE.contains(&l.as_str()) {
        return true;
    }
    // Breadcrumbs and menus on one line: `News | Politics | Ireland`, `Home › World`.
    if line.contains(['|', '›', '»']) {
        let parts: Vec<&str> = line
            .split(['|', '›', '»'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2
            && parts
                .iter()
                .all(|p| word_count(p) <= 3 && !ends_sentence(p))
        {
            return true;
        }
    }
    let cookie = l.contains("cookie")
        && (l.contains("we use") || l.contains("accept") || l.contains("consent"));
    cookie || l.starts_with("skip to ") || (l.starts_with("advertisement") && l.len() < 40)
}

pub(super) fn is_footer(line: &str) -> bool {
    // Footer markers are short lines (the "originally published" line aside).
    if line.len() > 160 && !line.contains("riginally") {
        return false;
    }
    let l = lower(line);
    if matches!(
        l.trim_end_matches(':'),
        "related"
            | "share"
            | "more"
            | "advertisement"
            | "topics"
            | "tags"
            | "explore more on these topics"
            | "most viewed"
            | "most read"
    ) {
        return true;
    }
    if line.chars().all(|c| matches!(c, '-' | '—' | '–' | '_')) && !line.is_empty() {
        return true;
    }
    FOOTER_PREFIXES.iter().any(|p| l.starts_with(p))
        && (l.len() < 120 || l.contains("originally published"))
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

pub(super) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    s.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A line that reads as running text, not as a headline.
fn is_paragraph(s: &str) -> bool {
    // Headlines seldom end with a full stop: a long line that does is running text, and so is a
    // line that opens with a wire dateline.
    let full_stop = s.trim_end_matches(['"', '”', '’', ')']).ends_with('.') && !s.ends_with("...");
    ends_sentence(s)
        && (s.chars().count() > PARAGRAPH_CHARS
            || word_count(s) > PARAGRAPH_WORDS
            || (full_stop && word_count(s) > 14)
            || DATELINE.is_match(s)
            || DATELINE_MIXED.is_match(s))
}

pub(super) fn is_kicker_quote(s: &str) -> bool {
    (s.starts_with(['“', '"']) && s.ends_with(['”', '"'])) && word_count(s) < 30
}

/// Lower case with runs of whitespace folded to one space: how a repeated headline is compared.
pub(super) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

/// A short line that is a person's name (`Joseph Dana`), used above Medium's read-time line.
fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !ends_sentence(s)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "de" | "van" | "von" | "da" | "bin" | "al" | "and")
        })
}

pub(super) fn byline_author(s: &str) -> Option<String> {
    // Cheap gate before the regexes: most lines that start with `B` or `A` are running text.
    const OPENERS: &[&str] = &["by ", "by\t", "written by", "words by", "author:", "["];
    let opens =
        |o: &&str| s.len() >= o.len() && s.as_bytes()[..o.len()].eq_ignore_ascii_case(o.as_bytes());
    if s.len() > 120 || !OPENERS.iter().any(opens) {
        return None;
    }
    if let Some(c) = ARTICLE_BY.captures(s) {
        return Some(c[1].trim().to_string());
    }
    let c = BYLINE.captures(s)?;
    let name = c[1].trim().trim_end_matches('.');
    is_name_like(name).then(|| name.to_string())
}

/// Header-only lines: bylines, dates, read times, credits, bare addresses.
pub(super) fn is_header_line(s: &str) -> bool {
    // Header lines are short; long lines are running text (and skipping them early matters: this
    // runs for many lines of every article).
    if s.len() > 200 {
        return false;
    }
    let short = s.len() < 100;
    let starts = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    READ_TIME.is_match(s)
        || byline_author(s).is_some()
        || CREDIT.is_match(s)
        || (short && parse_date(s, DateOrder::MonthFirst).is_some() && !ends_sentence(s))
        || (short
            && (starts("published")
                || starts("updated")
                || starts("last updated")
                || starts("last modified")))
        || (word_count(s) <= 3 && DOMAIN.find(s).is_some_and(|m| m.len() + 12 >= s.len()))
}

/// Lines a footer marker inside a story may stand before the story's next paragraph (a
/// related story's headline and summary, a newsletter box, an ad label).
const MARKER_REACH: usize = 8;
/// Words of a paragraph that shows the story goes on past a marker (a teaser's summary is
/// shorter).
const STORY_PARAGRAPH_WORDS: usize = 25;

/// True when a paragraph of running text comes within [`MARKER_REACH`] lines of `after` (the
/// non-empty lines past a footer marker).
fn story_goes_on(lines: &[Line<'_>], after: &[usize]) -> bool {
    after
        .iter()
        .take(MARKER_REACH)
        .map(|&i| lines[i].text)
        .any(|s| word_count(s) >= STORY_PARAGRAPH_WORDS && super::headline::is_prose(s))
}

/// Derive the metadata of an article from its text; `file` is the fallback title source.
pub fn parse_metadata(text: &str, file: &str) -> Metadata {
    let mut meta = header_and_body(text, file);
    settle_ambiguous_date(text, &mut meta);
    meta
}

/// The other reading of an ambiguous date is taken only when it lies within this many days of
/// a date the text states plainly…
const NEAR_DAYS: u32 = 7;
/// …and the default reading lies further than this from every one of them.
const FAR_DAYS: u32 = 30;
/// Bytes past the date in which the text's plainly stated dates are looked for.
const KNOWN_DATES_REACH: usize = 12_000;

/// A slash date both of whose numbers can be the month (`02/10/2020`) takes the reading nearer
/// the text's plainly stated dates when only it is near one (a caption's `Sept. 29, 2020`
/// makes it 2 October, not 10 February): an article is published near the days it reports.
/// Otherwise it keeps the default reading (month first).
fn settle_ambiguous_date(text: &str, meta: &mut Metadata) {
    let (Some(published), Some(span)) = (meta.published, meta.published_span.clone()) else {
        return;
    };
    let Some((month_first, day_first)) = text
        .get(span.clone())
        .and_then(super::dates::ambiguous_readings)
    else {
        return;
    };
    // Only the default reading is revisited: a day-first site or text already chose.
    if published != month_first {
        return;
    }
    let other = day_first;
    // The header and the story's opening are enough (and keep this cheap on long texts).
    let near = prefix(text, span.end + KNOWN_DATES_REACH);
    let known: Vec<Date> = super::dates::plain_dates(near).collect();
    let distance = |d: Date| {
        known
            .iter()
            .map(|k| (d - *k).get_days().unsigned_abs())
            .min()
    };
    if let (Some(now), Some(then)) = (distance(published), distance(other))
        && then <= NEAR_DAYS
        && now > FAR_DAYS
    {
        meta.published = Some(other);
    }
}

fn header_and_body(text: &str, file: &str) -> Metadata {
    let lines = lines_of(text);
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .collect();
    // Site addresses sit in the header or the footer: look at both ends, not the whole text.
    let day_first_site = if text.len() <= 6000 {
        names_day_first_site(text)
    } else {
        names_day_first_site(prefix(text, 4000)) || names_day_first_site(suffix(text, 2000))
    };
    let order = if day_first_site || (text.contains('/') && text_writes_day_first(text)) {
        DateOrder::DayFirst
    } else {
        DateOrder::MonthFirst
    };

    let texts: Vec<&str> = nonblank.iter().map(|&i| lines[i].text).collect();
    let choice = super::headline::choose_headline(&texts);
    // The header window follows the headline: some pages put hundreds of menu lines above it.
    let window_len = choice
        .as_ref()
        .map_or(HEADER_WINDOW, |h| h.line + HEADER_WINDOW)
        .min(nonblank.len());
    let window = &nonblank[..window_len];
    let title_pos = choice.as_ref().map(|h| h.line);
    let title_reasons = choice.as_ref().map(|h| h.why.clone()).unwrap_or_default();
    let body_under_title = choice.as_ref().map_or(0, |h| h.body);
    let mut meta = Metadata::default();
    let Some(title_pos) = title_pos else {
        // No header: the whole text (after any navigation lines) is body.
        // A date or byline line above a headerless text is header too (`Tue, 3 Mar 1998`).
        let first = window
            .iter()
            .position(|&i| {
                let s = lines[i].text;
                !is_boilerplate(s) && (!is_header_line(s) || is_paragraph(s))
            })
            .unwrap_or(0);
        let body_lines: Vec<usize> = nonblank[first..].to_vec();
        meta.paragraphs = paragraphs(&lines, &body_lines);
        finish_body(text, &mut meta, order, &[]);
        meta.title = fallback_title(text, &meta.paragraphs, file);
        meta.title_source = if meta.paragraphs.is_empty() {
            TitleSource::None
        } else {
            TitleSource::Derived
        };
        meta.title_reasons =
            vec!["no line above the story reads as a headline: the title is its first words"];
        if let Some((d, r)) = nonblank[..first].iter().find_map(|&i| {
            parse_date(lines[i].text, order).map(|(d, r)| (d, shift(r, lines[i].range.start)))
        }) {
            meta.published = Some(d);
            meta.published_span = Some(r);
            meta.published_source = PublishedSource::Header;
        }
        standalone_date(&lines, &mut meta, order);
        return meta;
    };
    let title_line = window[title_pos];
    let line = lines[title_line].text;
    let headline = super::headline::without_glued_label(line);
    meta.title = headline.to_string();
    meta.title_source = TitleSource::Header;
    meta.title_reasons = title_reasons;
    if headline.len() < line.len() {
        meta.title_reasons
            .push("the section label the copy glued to it is cut");
    }
    let title_norm = normalize(&meta.title);

    // The published date: the header's first publication (see `published.rs`).
    let placed: Vec<(usize, &str)> = nonblank
        .iter()
        .map(|&i| (lines[i].range.start, lines[i].text))
        .collect();
    let seen = super::published::header_dates(&placed, title_pos, body_under_title, order);
    if let Some(d) = super::published::choose_published(&seen, title_pos) {
        meta.published = Some(d.date);
        meta.published_span = Some(d.span.clone());
        meta.published_source = PublishedSource::Header;
    }

    // Header fields: the header lines between the title and the first paragraph.
    for (k, &i) in window.iter().enumerate() {
        let s = lines[i].text;
        if k <= title_pos {
            continue;
        }
        if is_paragraph(s) && k > title_pos + 1 {
            // Header fields sit above the first paragraph of running text (a standfirst right
            // under the title does not end the header).
            if !window[title_pos + 1..k]
                .iter()
                .any(|&j| is_header_line(lines[j].text))
                && k > title_pos + 3
            {
                break;
            }
        }
        // `By` alone on its line, the name on the next (copies split the byline so).
        if meta.author.is_none()
            && matches!(s.trim_end_matches(':'), "By" | "by" | "BY" | "Written by")
            && let Some(&next) = window.get(k + 1)
            && is_name_like(lines[next].text)
        {
            meta.author = Some(lines[next].text.to_string());
        }
        if !is_header_line(s) {
            continue;
        }
        if meta.author.is_none() {
            meta.author = byline_author(s);
        }
        if READ_TIME.is_match(s) && meta.author.is_none() && k > 0 {
            let above = lines[window[k - 1]].text;
            if k - 1 != title_pos && is_name_like(above) {
                meta.author = Some(above.to_string());
            }
        }
        if meta.source.is_none()
            && (CREDIT.is_match(s) || DOMAIN.is_match(s))
            && !READ_TIME.is_match(s)
        {
            meta.source = DOMAIN.captures(s).map(|c| lower(&c[1]));
        }
    }

    // Body: every line after the title that is not header, until the closing boilerplate.
    let mut body_lines = Vec::new();
    for (k, &i) in nonblank.iter().enumerate() {
        if k <= title_pos {
            continue;
        }
        let s = lines[i].text;
        let in_header_zone = k < window.len() && k <= title_pos + 12;
        // Cheap length test first: normalising every body line is a real cost on big corpora.
        if s.len() <= title_norm.len() * 2 + 8 && normalize(s) == title_norm {
            continue;
        }
        let above_read_time = || {
            nonblank
                .get(k + 1)
                .is_some_and(|&j| READ_TIME.is_match(lines[j].text))
                && is_name_like(s)
        };
        // A credit line under a byline, or between two header lines: `Associated Press`,
        // `BBC News, Kyiv`, `Special correspondent`. Its place names are not the story's.
        let credit_line = || {
            body_lines.is_empty()
                && word_count(s) <= 6
                && s.len() <= 60
                && !ends_sentence(s)
                && k > 0
                && {
                    let prev = lines[nonblank[k - 1]].text;
                    let next_is_header = nonblank
                        .get(k + 1)
                        .is_some_and(|&j| is_header_line(lines[j].text));
                    byline_author(prev).is_some()
                        || (next_is_header && (is_header_line(prev) || k == title_pos + 1))
                }
        };
        if in_header_zone
            && (is_header_line(s) || is_boilerplate(s) || above_read_time() || credit_line())
            && !is_paragraph(s)
        {
            // `Helen Davidson in Taipei` under the headline: a byline without `By`.
            if meta.author.is_none()
                && k == title_pos + 1
                && let Some((name, _place)) = s.split_once(" in ")
                && is_name_like(name)
                && name.split_whitespace().count() >= 2
            {
                meta.author = Some(name.trim().to_string());
            }
            continue;
        }
        // A footer ends the article only once its story has begun: above the first paragraph
        // (a newsletter box, a player's controls) it is furniture, and the story still follows.
        // Inside the story (`Advertisement`, `Read more: …`, `Related`, a newsletter box) it is
        // skipped, and the story goes on: a paragraph of it follows within a few lines.
        if is_footer(s) {
            if body_lines.is_empty()
                || k < body_under_title
                || story_goes_on(&lines, &nonblank[k + 1..])
            {
                continue;
            }
            break;
        }
        body_lines.push(i);
    }
    let body_lines = without_furniture(&lines, body_lines);
    meta.paragraphs = paragraphs(&lines, &body_lines);
    // The header: the lines above the first body paragraph (a dateline's year comes from
    // here, never from the story), plus a closing copyright line (`Copyright 1974 UPI`).
    let body_start = meta.paragraphs.first().map_or(usize::MAX, |p| p.start);
    let mut header_text: Vec<&str> = window
        .iter()
        .map(|&i| &lines[i])
        .filter(|l| l.range.end <= body_start)
        .map(|l| l.text)
        .collect();
    header_text.extend(lines.iter().rev().take(12).map(|l| l.text).filter(|t| {
        t.len() < 120
            && (lower(t).starts_with("copyright")
                || t.starts_with('©')
                || lower(t).starts_with("(c)"))
    }));
    finish_body(text, &mut meta, order, &header_text);
    standalone_date(&lines, &mut meta, order);
    meta
}

/// A line that is only a date (`Oct. 7, 2022`, `Published: 2022-10-07`), anywhere in the text:
/// pages copied from a browser often put it under the body. Used only when the header gave none;
/// an `Updated` line only when nothing else is there.
fn standalone_date(lines: &[Line<'_>], meta: &mut Metadata, order: DateOrder) {
    if meta.published.is_some() {
        return;
    }
    const PREFIXES: &[&str] = &[
        "first published",
        "published on",
        "published:",
        "published",
        "posted on",
        "posted:",
        "posted",
        "date:",
        "last updated",
        "updated on",
        "updated:",
        "updated",
    ];
    // A closing line that names the first publication: `This article was originally published
    // on 3 February 2023.`
    const CLOSING: &[&str] = &[
        "originally published on ",
        "first published on ",
        "was published on ",
        "originally appeared on ",
    ];
    let mut best: Option<(u8, Date, Range<usize>)> = None;
    for line in lines
        .iter()
        .filter(|l| !l.text.is_empty() && l.text.len() < 90)
    {
        // ASCII lower case keeps byte offsets, so a phrase's position is its position here.
        let l = line.text.to_ascii_lowercase();
        let closing = CLOSING
            .iter()
            .find_map(|p| l.find(p).map(|at| at + p.len()));
        if closing.is_none() && line.text.len() >= 60 {
            continue;
        }
        let skip = closing.unwrap_or_else(|| {
            PREFIXES
                .iter()
                .find(|p| l.starts_with(*p))
                .map_or(0, |p| p.len())
        });
        let rest = line.text.get(skip..).unwrap_or(line.text);
        let Some((d, r)) = parse_date(rest, order) else {
            continue;
        };
        // The date must be (nearly) the whole line: no running text around it.
        if rest.trim().len() > r.len() + 12 {
            continue;
        }
        let priority = u8::from(l.starts_with("updated") || l.starts_with("last updated"));
        if best.as_ref().is_none_or(|(p, _, _)| priority < *p) {
            best = Some((priority, d, line.range.clone()));
        }
    }
    if let Some((_, d, r)) = best {
        meta.published = Some(d);
        meta.published_span = Some(r);
        meta.published_source = PublishedSource::Text;
    }
}

/// True when `s` names a day-first site (`irishtimes.ie`, `bbc.co.uk`). The pattern runs only
/// around dots between two alphanumerics, never over the whole text.
fn names_day_first_site(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
            && {
                let start = s.ceil_char_boundary(i.saturating_sub(64));
                let end = s.ceil_char_boundary(i + 16);
                DAY_FIRST_DOMAIN.is_match(&s[start..end])
            }
    })
}

/// At most the first `n` bytes of `s`, cut on a char boundary.
fn prefix(s: &str, n: usize) -> &str {
    &s[..s.floor_char_boundary(n)]
}

/// At most the last `n` bytes of `s`, cut on a char boundary.
fn suffix(s: &str, n: usize) -> &str {
    &s[s.ceil_char_boundary(s.len().saturating_sub(n))..]
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// Closing source line, wire dateline, and dateline date as a fallback for `published`.
fn finish_body(text: &str, meta: &mut Metadata, order: DateOrder, header: &[&str]) {
    // "originally published at X" anywhere after the body.
    // (`originally published on 3 February 2023` names a date, not a source.)
    if let Some(c) = ORIGINALLY.captures(text) {
        let named = c[1].trim().trim_end_matches(['.', ',']);
        if parse_date(named, order).is_none_or(|(_, r)| r.len() + 4 < named.len()) {
            meta.source = Some(named.to_string());
        }
    }
    let Some(first) = meta.paragraphs.first().cloned() else {
        return;
    };
    let para = &text[first.clone()];
    let (whole, agency) = if let Some(m) = DATELINE
        .captures(para)
        .or_else(|| DATELINE_MIXED.captures(para))
        .or_else(|| DATELINE_AGENCY.captures(para))
    {
        (
            m.get(0).map_or(0..0, |g| g.range()),
            m.get(1).map(|g| g.as_str()),
        )
    } else if let Some(m) = DATELINE_PLACE_DASH.find(para) {
        // The match ends with the capital that opens the sentence: leave it to the sentence.
        let capital = para[..m.end()]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        (m.start()..m.end() - capital, None)
    } else {
        return;
    };
    // A dateline needs an agency or a dash after an upper-case place, and leaves text behind.
    if whole.end >= para.len() || para[whole.clone()].trim().len() < 4 {
        return;
    }
    let place_end = para[..whole.end]
        .find([',', '(', '—', '–', '-'])
        .unwrap_or(whole.end);
    if para[..place_end]
        .trim()
        .chars()
        .filter(|c| c.is_alphabetic())
        .count()
        < 2
    {
        return;
    }
    let dateline = first.start..first.start + whole.end;
    if let Some(agency) = agency
        && meta.source.is_none()
    {
        meta.source = Some(agency.trim().to_string());
    }
    if meta.published.is_none()
        && let Some((d, _)) = parse_date(&text[dateline.clone()], order)
    {
        meta.published = Some(d);
        meta.published_span = Some(dateline.clone());
        meta.published_source = PublishedSource::Header;
    }
    if meta.published.is_none() {
        let line = &text[dateline.clone()];
        if let Some(c) = DATELINE_MONTH_DAY.captures(line) {
            let year = header
                .iter()
                .find_map(|h| YEAR.captures(h).map(|y| y[1].to_string()));
            if let (Some(month), Some(year)) = (super::dates::month_number(&c[1]), year) {
                let day: i8 = c[2].parse().unwrap_or(0);
                let year: i16 = year.parse().unwrap_or(0);
                if let Ok(d) = Date::new(year, month, day) {
                    meta.published = Some(d);
                    meta.published_span = Some(dateline.clone());
                    meta.published_source = PublishedSource::Header;
                }
            }
        }
    }
    meta.paragraphs[0] = dateline.end..first.end;
    meta.dateline = Some(dateline);
}

/// How many short link-like lines in a row make a list of links (menus, "related" and "most
/// read" lists): an article's own subheadings never come four in a row.
const LINK_RUN: usize = 4;

/// A line that reads as a link in a list: short, no sentence, no date line.
fn is_link_like(s: &str) -> bool {
    let words = word_count(s);
    (1..=16).contains(&words) && !ends_sentence(s) && s.chars().count() <= 120
}

/// Body lines without the page furniture a copy leaves between and after the paragraphs:
/// notices (cookies, subscriptions, copyright), menu and share lines, and runs of
/// [`LINK_RUN`] or more link-like lines. Everything else stays body.
fn without_furniture(lines: &[Line<'_>], body: Vec<usize>) -> Vec<usize> {
    let mut keep = vec![true; body.len()];
    let mut run_start = 0;
    for n in 0..=body.len() {
        let link = n < body.len() && is_link_like(lines[body[n]].text);
        if !link {
            if n - run_start >= LINK_RUN {
                keep[run_start..n].iter_mut().for_each(|k| *k = false);
            }
            run_start = n + 1;
        }
    }
    for (n, &i) in body.iter().enumerate() {
        let s = lines[i].text;
        let menu = word_count(s) <= 8 && !ends_sentence(s) && is_boilerplate(s);
        if (word_count(s) <= 60 && super::notices::is_notice(s)) || menu {
            keep[n] = false;
        }
    }
    body.into_iter()
        .zip(keep)
        .filter_map(|(i, k)| k.then_some(i))
        .collect()
}

/// Split body lines into paragraphs: blank lines separate them; inside a block, a heading-like
/// line or a short line that ends a sentence (the last line of a wrapped paragraph) ends one.
fn paragraphs(lines: &[Line<'_>], body: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    let flush = |block: &mut Vec<usize>, out: &mut Vec<Range<usize>>| {
        if block.is_empty() {
            return;
        }
        let widest = block
            .iter()
            .map(|&i| lines[i].text.chars().count())
            .max()
            .unwrap_or(0);
        let mut start = lines[block[0]].range.start;
        for (n, &i) in block.iter().enumerate() {
            let s = lines[i].text;
            let len = s.chars().count();
            let prev_ended = n == 0 || ends_sentence(lines[block[n - 1]].text);
            let next_upper = block.get(n + 1).is_none_or(|&j| {
                lines[j]
                    .text
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
            let heading = !ends_sentence(s)
                && len < 70
                && word_count(s) <= 12
                && prev_ended
                && next_upper
                && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            let short_end = ends_sentence(s) && len * 4 < widest * 3;
            let next_heading = block.get(n + 1).is_some_and(|&j| {
                let t = lines[j].text;
                !ends_sentence(t) && t.chars().count() < 70 && ends_sentence(s)
            });
            if n + 1 == block.len() || heading || short_end || next_heading {
                out.push(start..lines[i].range.end);
                if let Some(&j) = block.get(n + 1) {
                    start = lines[j].range.start;
                }
            }
        }
        block.clear();
    };
    let mut prev: Option<usize> = None;
    for &i in body {
        if prev.is_some_and(|p| i != p + 1) {
            flush(&mut block, &mut out);
        }
        block.push(i);
        prev = Some(i);
    }
    flush(&mut block, &mut out);
    out
}

fn fallback_title(text: &str, paragraphs: &[Range<usize>], file: &str) -> String {
    let Some(first) = paragraphs.first() else {
        return file.to_string();
    };
    let words: Vec<&str> = text[first.clone()].split_whitespace().collect();
    if words.is_empty() {
        return file.to_string();
    }
    let n = words.len().min(FALLBACK_TITLE_WORDS);
    let mut title = words[..n].join(" ");
    if words.len() > n {
        title = title.trim_end_matches([',', ';', ':', '.']).to_string();
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_start(text: &str, m: &Metadata) -> String {
        m.paragraphs
            .first()
            .map(|r| text[r.clone()].chars().take(30).collect())
            .unwrap_or_default()
    }

    #[test]
    fn medium_header_with_glued_read_time() {
        let text = "A Title Here for Testing\n\nJane Roe\n4 min readAug 19, 2021\n\nBeijing said so. More text.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.title, "A Title Here for Testing");
        assert_eq!(m.author.as_deref(), Some("Jane Roe"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2021-08-19")
        );
        assert_eq!(body_start(text, &m), "Beijing said so. More text.");
    }

    #[test]
    fn repeated_headline_wins_over_a_section_label() {
        let text = "World Affairs\n\nThe Big Headline of the Day\n\nA standfirst that sums up the story.\n\nThe Big Headline of the Day\nCredit: Someone /\n\nBody starts here. Yes.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.title, "The Big Headline of the Day");
        assert_eq!(body_start(text, &m), "A standfirst that sums up the ");
        assert_eq!(
            m.paragraphs.len(),
            2,
            "repeated title and credit are not body"
        );
    }

    #[test]
    fn wire_dateline_is_header() {
        let text = "EU and Russia Agree Gas Deal\nBy John Smith\nTue, 3 Mar 1998\n\nBRUSSELS, March 2 (Reuters) - Moscow said on Monday it would sell more gas.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.author.as_deref(), Some("John Smith"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("1998-03-03")
        );
        assert_eq!(m.source.as_deref(), Some("Reuters"));
        assert_eq!(body_start(text, &m), "Moscow said on Monday it would");
        assert!(m.dateline.is_some());
    }

    #[test]
    fn a_file_without_header_is_all_body() {
        let text = "Japan and South Korea agreed on Tuesday to expand their currency swap line, officials in both countries said, in a move meant to calm markets that have fallen sharply since the start of the year across the region.";
        let m = parse_metadata(text, "note.txt");
        assert_eq!(m.title_source, TitleSource::Derived);
        assert_eq!(m.title, "Japan and South Korea agreed on Tuesday to…");
        assert_eq!(m.published, None);
        assert_eq!(m.paragraphs, vec![0..text.len()]);
    }

    #[test]
    fn browser_paste_skips_navigation_and_footer() {
        let text = "Skip to content\nMenu\nSign in\n• World\n• Business\nMonday, March 19, 2012\n\nBrazil Signs Trade Pact With Argentina\nPublished 03/14/2012\n\nBrazil and Argentina signed a pact. It was long awaited.\n\nShare this article\nRelated stories\nChina grows, March 1, 2012\n© 2012 Example News\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.title, "Brazil Signs Trade Pact With Argentina");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2012-03-14")
        );
        assert_eq!(m.paragraphs.len(), 1);
    }

    #[test]
    fn updated_date_loses_to_the_first_publication() {
        let text = "Some Headline About Trade\nUpdated March 20, 2015\nPublished March 3, 2015\n\nText here. More.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2015-03-03")
        );
    }

    #[test]
    fn day_first_site_reads_slash_dates_day_first() {
        let text = "Irish Border Talks Resume\nwww.example.co.uk\n03/04/2015\n\nDublin said talks would resume. Fine.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2015-04-03")
        );
    }

    #[test]
    fn day_first_sites_are_found_anywhere_in_head_or_tail_and_nowhere_else() {
        assert!(names_day_first_site("Source: irishtimes.ie"));
        assert!(names_day_first_site(
            "Read more at https://www.bbc.co.uk/news — São Paulo"
        ));
        assert!(names_day_first_site("smh.com.au"));
        // Dots that end sentences or abbreviations are not addresses; `.com` is not day-first.
        assert!(!names_day_first_site(
            "The U.S. said so. Prices rose 4.3 percent."
        ));
        assert!(!names_day_first_site("Visit example.com or example.io."));
        assert!(!names_day_first_site("site.iexample"));
        // Non-ASCII text around the dot never splits a character.
        assert!(!names_day_first_site(&"é".repeat(40)));
        assert!(names_day_first_site(&format!(
            "{}lemonde.fr",
            "é".repeat(40)
        )));
    }

    #[test]
    fn credit_lines_under_a_byline_are_header_not_body() {
        let text = "Ukraine war: Kyiv says strikes hit grid\nBy Laura Smith\nBBC News, Kyiv\nPublished 17 October 2022\nShare\nUkraine says Russia launched strikes. More text follows here.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.author.as_deref(), Some("Laura Smith"));
        assert_eq!(body_start(text, &m), "Ukraine says Russia launched s");
        let guardian = "Xi warns of storms as congress opens\nHelen Davidson in Taipei\nSun 16 Oct 2022 05.37 BST\nXi Jinping has warned of storms ahead as he opened the congress, vowing never to renounce force.\n";
        let m = parse_metadata(guardian, "g.txt");
        assert_eq!(m.author.as_deref(), Some("Helen Davidson"));
        assert_eq!(body_start(guardian, &m), "Xi Jinping has warned of storm");
        let wire = "Mexico and US agree to talks\n\nBy Maria Verza and Elliot Spagat\nAssociated Press\nMarch 8, 2023\n\nMEXICO CITY (AP) — Mexico and the United States agreed Tuesday to talk.\n";
        let m = parse_metadata(wire, "w.txt");
        assert_eq!(body_start(wire, &m), "Mexico and the United States a");
        assert_eq!(m.source.as_deref(), Some("AP"));
        // A heading right under the date (no byline above it) stays body.
        let plain =
            "A Title Of Some Length\n\nMarch 8, 2023\n\nBackground\n\nChina said so. More text.\n";
        let m = parse_metadata(plain, "p.txt");
        assert_eq!(body_start(plain, &m), "Background");
    }

    #[test]
    fn datelines_without_a_dash_or_without_an_agency() {
        let pti = "India, Pakistan trade charges\n\n15/01/2020\n\nNew Delhi, Jan 15 (PTI) India on Wednesday hit out at Pakistan. More.\n";
        let m = parse_metadata(pti, "p.txt");
        assert_eq!(body_start(pti, &m), "India on Wednesday hit out at ");
        assert_eq!(m.source.as_deref(), Some("PTI"));
        let dash = "Kenya to host talks\n\nNairobi — Kenya's President said on Friday that talks would resume.\n";
        let m = parse_metadata(dash, "d.txt");
        assert_eq!(body_start(dash, &m), "Kenya's President said on Frid");
        // Not datelines: an abbreviation in brackets, a dash clause that runs on in lower case.
        let un = "A Title For The Test\n\nThe United Nations (UN) said on Friday that talks would resume.\n";
        assert_eq!(
            body_start(un, &parse_metadata(un, "u.txt")),
            "The United Nations (UN) said o"
        );
        let clause =
            "A Title For The Test\n\nChina — the world's second-largest economy — grew. More.\n";
        assert_eq!(
            body_start(clause, &parse_metadata(clause, "c.txt")),
            "China — the world's second-lar"
        );
    }

    #[test]
    fn a_date_line_above_a_headerless_story_and_a_closing_publication_line() {
        let text = "Tue, 3 Mar 1998\n\nBELGRADE, Yugoslavia (AP) -- Serbian police sealed off villages in Kosovo on Monday after clashes that left at least 20 people dead in the province.\n";
        let m = parse_metadata(text, "b.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("1998-03-03")
        );
        assert_eq!(body_start(text, &m), "Serbian police sealed off vill");
        assert!(m.title.starts_with("Serbian police"), "{}", m.title);
        let closing = "Kenya to host talks\n\nKenya said on Friday that talks would resume next month.\n\nThis article was originally published on 3 February 2023.\n";
        let m = parse_metadata(closing, "k.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2023-02-03")
        );
        assert_eq!(m.source, None, "a date is not a source");
    }

    #[test]
    fn article_by_and_closing_source() {
        let text = "Headline Words Go Here\n\n[Article by Josh Bramble.]\n\nBody text. Here.\n\nThis news was originally published at eastasiaforum.org";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.author.as_deref(), Some("Josh Bramble"));
        assert_eq!(m.source.as_deref(), Some("eastasiaforum.org"));
        assert_eq!(m.paragraphs.len(), 1);
    }

    #[test]
    fn mixed_case_dateline_with_agency_gives_the_date() {
        let text = "Nairobi, 12 March 2009 (IRIN) - Kenya and Uganda have agreed to settle their dispute over Migingo island, officials said on Thursday, ending a long row.";
        let m = parse_metadata(text, "irin.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2009-03-12")
        );
        assert_eq!(m.source.as_deref(), Some("IRIN"));
        assert_eq!(body_start(text, &m), "Kenya and Uganda have agreed t");
        assert!(m.title.starts_with("Kenya and Uganda"));
    }

    #[test]
    fn a_date_line_under_a_headerless_text_is_the_published_date() {
        let text = "WASHINGTON — The administration on Monday imposed new restrictions on exports of advanced chips to China, escalating a campaign that began last year.\n\nChina said the rules broke trade law.\n\nOct. 7, 2022\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2022-10-07")
        );
        assert!(
            m.title.starts_with("The administration on Monday"),
            "{}",
            m.title
        );
    }

    #[test]
    fn masthead_menus_and_kicker_labels_are_not_the_title() {
        let text = "The Guardian - Back to home\nWorld\nEurope\nUS\nAsia\n\nIran nuclear deal\nIran says it will resume enrichment if Europe fails to deliver\n\nTehran sets a deadline for EU signatories\n\nPatrick Wintour\nWed 8 May 2019 17.09 BST\nLast modified on Wed 8 May 2019 18.20 BST\n\nIran has said it will stop complying with parts of the deal. Tehran was not withdrawing.\n\nTopics\nIran\nNuclear weapons\n";
        let m = parse_metadata(text, "g.txt");
        assert_eq!(
            m.title,
            "Iran says it will resume enrichment if Europe fails to deliver"
        );
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2019-05-08")
        );
        assert_eq!(body_start(text, &m), "Tehran sets a deadline for EU ");
        let last = m.paragraphs.last().map(|r| &text[r.clone()]).unwrap_or("");
        assert!(
            last.starts_with("Iran has said"),
            "footer topics are not body: {last}"
        );
    }

    #[test]
    fn a_dateline_takes_its_year_from_the_header_or_copyright_never_the_story() {
        let text = "SOVIETS WARN PEKING ON BORDER\n\nMOSCOW, Jan. 5 (UPI) -- The Soviet Union today accused Peking of massing troops.\n\nDiplomats said it was the sharpest since the 1969 clashes.\n\nCopyright 1974 United Press International\n";
        let m = parse_metadata(text, "upi.txt");
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("1974-01-05")
        );
        assert_eq!(m.source.as_deref(), Some("UPI"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Title Of A Wrapped Story\n\nThis is a paragraph that was wrapped by an old\nmail program at a fixed width of about fifty\ncharacters per line.\nA second paragraph starts here and it is also\nwrapped.\n";
        let m = parse_metadata(text, "x.txt");
        assert_eq!(m.paragraphs.len(), 2, "{:?}", m.paragraphs);
    }
}
