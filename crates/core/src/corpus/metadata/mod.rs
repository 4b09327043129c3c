//! Header metadata of an article (events.md §1): title, author, published date, source, and the
//! body paragraphs without header and closing boilerplate.
use super::dates::{DateOrder, parse_date, text_writes_day_first};
use crate::span::Span;
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
    pub title_reasons: &'static [&'static str],
    pub author: Option<String>,
    pub published: Option<Date>,
    pub published_source: PublishedSource,
    /// The site or outlet's name, when the page gives it (`og:site_name`, JSON-LD publisher).
    pub site: Option<String>,
    /// Where in the text the published date was read (for the reader view).
    pub published_span: Option<Range<usize>>,
    pub source: Option<String>,
    /// Body paragraphs, in order, as byte ranges into the text (a wire dateline is left out).
    pub paragraphs: Vec<Span>,
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
pub(crate) struct Line<'a> {
    pub(crate) range: Range<usize>,
    pub(crate) text: &'a str,
}

pub(crate) fn lines_of(text: &str) -> Vec<Line<'_>> {
    // One line per line break, and the last: counted first, so the list never grows by copying.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
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

/// Lines a footer marker inside a story may stand before the story's next paragraph (a
/// related story's headline and summary, a newsletter box, an ad label).
const MARKER_REACH: usize = 8;
/// Words of a paragraph that shows the story goes on past a marker (a teaser's summary is
/// shorter).
const STORY_PARAGRAPH_WORDS: usize = 25;

/// True when a paragraph of running text comes within [`MARKER_REACH`] lines of `after` (the
/// non-empty lines past a footer marker). A rule between a box's links (`━━━━`,
/// [`is_rule`]) is not one of the lines.
fn story_goes_on(lines: &[Line<'_>], after: &[usize]) -> bool {
    after
        .iter()
        .map(|&i| lines[i].text)
        .filter(|s| !is_rule(s))
        .take(MARKER_REACH)
        .any(|s| {
            word_count_capped(s, STORY_PARAGRAPH_WORDS) >= STORY_PARAGRAPH_WORDS
                && super::headline::is_prose(s)
        })
}

/// Derive the metadata of an article from its text; `file` is the fallback title source.
pub fn parse_metadata(text: &str, file: &str) -> Metadata {
    parse_with(text, file, Headline::Find)
}

/// As [`parse_metadata`], for a text whose first line is its headline, known from outside the
/// text (a saved page's metadata, a table's title column): the header model does not look for
/// another one, so a subheading or a caption lower down never takes the story's first
/// paragraphs into the header.
pub fn parse_metadata_under_headline(text: &str, file: &str) -> Metadata {
    parse_with(text, file, Headline::FirstLine)
}

fn parse_with(text: &str, file: &str, headline: Headline) -> Metadata {
    let mut meta = header_and_body(text, file, headline);
    settle_ambiguous_date(text, &mut meta);
    meta
}

/// Where the headline of a text is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Headline {
    /// Look for it (a file's text: the header model's choice).
    Find,
    /// It is the first line (given by the page's metadata or the table's title column).
    FirstLine,
}

/// The headline at the text's first line, with the first paragraph the model finds under it.
fn first_line_headline(texts: &[&str]) -> Option<super::headline::Headline> {
    if texts.is_empty() {
        return None;
    }
    let (all, body) = super::headline::candidates(texts);
    let scored = all.into_iter().find(|h| h.line == 0);
    Some(scored.unwrap_or(super::headline::Headline {
        line: 0,
        body: body.max(1),
        score: 0.0,
        why: Vec::new(),
    }))
}

fn header_and_body(text: &str, file: &str, headline: Headline) -> Metadata {
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

    // "Is line `i` a header line?" is asked many times for the same lines (each paragraph of
    // the header window looks back at the lines above it): answered once per line.
    let header_answers: Vec<std::cell::OnceCell<bool>> =
        lines.iter().map(|_| std::cell::OnceCell::new()).collect();
    let is_header = |i: usize| *header_answers[i].get_or_init(|| is_header_line(lines[i].text));
    let texts: Vec<&str> = nonblank.iter().map(|&i| lines[i].text).collect();
    let choice = match headline {
        Headline::Find => super::headline::choose_headline(&texts),
        Headline::FirstLine => first_line_headline(&texts),
    };
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
                !is_boilerplate(s) && (!is_header(i) || is_paragraph(s))
            })
            .unwrap_or(0);
        // Page furniture (notices, credit lines, menus) is no body here either; a byline or
        // date line that the furniture stood above is header, as above.
        let mut body_lines = without_furniture(&lines, nonblank[first..].to_vec());
        let lead = body_lines
            .iter()
            .take_while(|&&i| is_header(i) && !is_paragraph(lines[i].text))
            .count();
        body_lines.drain(..lead);
        meta.paragraphs = paragraphs(&lines, &body_lines);
        finish_body(text, &mut meta, order, &[]);
        meta.title = fallback_title(text, &meta.paragraphs, file);
        meta.title_source = if meta.paragraphs.is_empty() {
            TitleSource::None
        } else {
            TitleSource::Derived
        };
        meta.title_reasons =
            &["no line above the story reads as a headline: the title is its first words"];
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
    let mut title_reasons = title_reasons;
    if headline.len() < line.len() {
        title_reasons.push("the section label the copy glued to it is cut");
    }
    meta.title_reasons = reasons::intern(title_reasons);
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
            if !window[title_pos + 1..k].iter().any(|&j| is_header(j)) && k > title_pos + 3 {
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
        if !is_header(i) {
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
        if s.len() <= title_norm.len() * 2 + 8 && normalizes_to(s, &title_norm) {
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
                    let next_is_header = nonblank.get(k + 1).is_some_and(|&j| is_header(j));
                    byline_author(prev).is_some()
                        || (next_is_header && (is_header(nonblank[k - 1]) || k == title_pos + 1))
                }
        };
        // (Running text first: it is never header, and most lines here are running text.)
        if in_header_zone
            && !is_paragraph(s)
            && (is_header(i) || is_boilerplate(s) || above_read_time() || credit_line())
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
        // skipped, and the story goes on: a paragraph of it follows within a few lines. (Not
        // after the heading of a comment section or an author box: what is under it reads as
        // running text.)
        if is_footer(s) {
            if body_lines.is_empty()
                || k < body_under_title
                || (!is_closing_heading(s) && story_goes_on(&lines, &nonblank[k + 1..]))
            {
                continue;
            }
            break;
        }
        body_lines.push(i);
    }
    let body_lines = without_furniture(&lines, body_lines);
    meta.paragraphs = paragraphs(&lines, &body_lines);
    author_bio::end_at_closing_bio(text, &mut meta.paragraphs, meta.author.as_deref());
    // The header: the lines above the first body paragraph (a dateline's year comes from
    // here, never from the story), plus a closing copyright line (`Copyright 1974 UPI`).
    let body_start = meta
        .paragraphs
        .first()
        .map_or(usize::MAX, |p| p.start as usize);
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

/// Split body lines into paragraphs: blank lines separate them; inside a block, a heading-like
/// line or a short line that ends a sentence (the last line of a wrapped paragraph) ends one.
fn paragraphs(lines: &[Line<'_>], body: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    // Each line's length in characters, counted once (reused from block to block).
    let mut widths: Vec<usize> = Vec::new();
    let mut flush = |block: &mut Vec<usize>, out: &mut Vec<Span>| {
        if block.is_empty() {
            return;
        }
        // A block of one line is one paragraph (most blocks: copies put blank lines between
        // paragraphs), and its width decides nothing.
        if let [only] = block[..] {
            out.push(Span::of(&lines[only].range));
            block.clear();
            return;
        }
        widths.clear();
        widths.extend(block.iter().map(|&i| lines[i].text.chars().count()));
        let widest = widths.iter().copied().max().unwrap_or(0);
        let mut start = lines[block[0]].range.start;
        for (n, &i) in block.iter().enumerate() {
            let s = lines[i].text;
            let len = widths[n];
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
                !ends_sentence(t) && widths[n + 1] < 70 && ends_sentence(s)
            });
            if n + 1 == block.len() || heading || short_end || next_heading {
                out.push(Span::of(&(start..lines[i].range.end)));
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

fn fallback_title(text: &str, paragraphs: &[Span], file: &str) -> String {
    let Some(first) = paragraphs.first() else {
        return file.to_string();
    };
    // The title's words and one more, to know whether the paragraph goes on.
    let words: Vec<&str> = text[first.range()]
        .split_whitespace()
        .take(FALLBACK_TITLE_WORDS + 1)
        .collect();
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

mod author_bio;
mod captions;
mod date_reading;
mod dateline;
mod line_kinds;
pub(crate) mod reasons;
pub(crate) use date_reading::*;
pub(crate) use dateline::*;
pub(crate) use line_kinds::*;

#[cfg(test)]
mod tests;
