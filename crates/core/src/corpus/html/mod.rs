//! Saved web pages (`.html`, `.htm`, `.xhtml`) as articles: parsed with html5ever (through
//! `dom_query`), the main text taken by a Readability port (`dom_smoothie`), the title, date,
//! author and site from the page's metadata first (events.md §1).
//!
//! The article's text is what the reader shows: the headline, a byline and date line, then the
//! main text. Its header is parsed by the same rules as a copied page, so a repeated headline,
//! captions and furniture left in the main text are treated alike in both forms.

mod charset;
mod lead;
mod page_meta;

pub use page_meta::{PageMeta, cut_site_suffix, page_meta};

use super::article::{Article, ArticleOrigin};
use super::dates::{DateOrder, dates_in};
use super::decode::{DecodeError, decode_bytes_declared};
use super::metadata::{PublishedSource, TitleSource, parse_metadata};
use dom_query::Document;
use jiff::civil::Date;

/// File extensions read as saved web pages.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// True when `file` is named as a saved web page.
pub fn is_html_name(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| HTML_EXTENSIONS.iter().any(|h| e.eq_ignore_ascii_case(h)))
}

/// Elements whose text a browser never shows.
const HIDDEN: &str = "script, style, noscript, template, svg, iframe, textarea, select, head";

/// Elements whose text is no paragraph of the story: a photo's caption (with its credit). A
/// caption describes a picture (`Ministers at the summit in 2019. Photo: Wire`); its places and
/// years are the picture's, and the story says what it reports in its own paragraphs.
const CAPTIONS: &str = "figcaption";

/// The page's visible text, blocks on their own lines (what a browser copy gives).
fn visible_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(HIDDEN).remove();
    doc.select("body").formatted_text().to_string()
}

/// True when some line of `text` is running text (a sentence of a story, not a list of names,
/// a table's cells or a form's labels).
fn has_prose(text: &str) -> bool {
    text.lines().any(|l| super::headline::is_prose(l.trim()))
}

/// The main text by Readability, as paragraphs separated by blank lines; `None` when it finds
/// none.
fn main_text(doc: Document) -> Option<String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = readability.parse().ok()?;
    let text = article.text_content.to_string();
    (text.split_whitespace().count() >= 5).then_some(text)
}

/// A metadata date string (`2023-11-08T22:35:00-08:00`, `Wed, 08 Nov 2023 …`) as a date, and
/// whether it was written in UTC (then the publisher's own day may be the one before).
fn metadata_date(s: &str) -> Option<(Date, bool)> {
    let (date, _) = dates_in(s, DateOrder::MonthFirst).into_iter().next()?;
    let t = s.trim();
    let utc = t.contains('T') && page_meta::ends_in_utc(t);
    Some((date, utc))
}

/// Build the article of a saved page from its bytes.
pub fn load_html(
    origin: ArticleOrigin,
    file: String,
    bytes: &[u8],
) -> Result<Article, DecodeError> {
    let decoded = decode_bytes_declared(bytes, charset::declared_encoding(bytes))?;
    let html = decoded.text;
    let doc = Document::from(html.as_str());
    let meta = page_meta(&doc);
    // Captions are left out of the main text, and never taken back as its lead.
    let caption_nodes = doc.select(CAPTIONS);
    let captions: Vec<String> = caption_nodes
        .iter()
        .map(|c| page_meta::normalize(&c.text()))
        .collect();
    caption_nodes.remove();
    // The visible text is parsed at most once: for the body when Readability finds none or no
    // sentence, for the lead Readability left out, and for the visible header date.
    let page = std::cell::OnceCell::new();
    let visible_page = || page.get_or_init(|| visible_text(&html)).as_str();
    // Readability's text, unless it found none, or took a block without a sentence (a list of
    // names, a table, a form) on a page whose visible text has some: then the visible text,
    // read by the rules for a copy.
    let readability = main_text(doc).filter(|t| has_prose(t) || !has_prose(visible_page()));
    let from_readability = readability.is_some();
    let body = readability.unwrap_or_else(|| visible_page().to_string());
    // The standfirst and first paragraphs Readability left out (they sit outside the block it
    // took), found between the headline the page shows and the main text.
    let lead = match &meta.title {
        Some(title) if from_readability => lead::missing_lead(
            visible_page(),
            title,
            meta.description.as_deref(),
            &body,
            &captions,
        ),
        _ => Vec::new(),
    };

    let published = meta.published.as_ref().and_then(|(s, _)| metadata_date(s));
    // The visible header date, read as in a copy: needed when the metadata has no date, or gives
    // a UTC time whose day may be a day later than the publisher's.
    let visible = if published.is_none_or(|(_, utc)| utc) {
        parse_metadata(visible_page(), &file).published
    } else {
        None
    };
    let published = match (published, visible) {
        (Some((d, true)), Some(v)) if v.tomorrow().ok() == Some(d) => {
            Some((v, PublishedSource::Text))
        }
        (Some((d, _)), _) => Some((d, PublishedSource::Metadata)),
        (None, Some(v)) => Some((v, PublishedSource::Text)),
        (None, None) => meta
            .published_fallback
            .as_ref()
            .and_then(|(s, _)| metadata_date(s))
            .map(|(d, _)| (d, PublishedSource::Metadata)),
    };

    let mut text = String::new();
    if let Some(title) = &meta.title {
        text.push_str(title);
        text.push('\n');
    }
    if let Some(author) = &meta.author {
        text.push_str("By ");
        text.push_str(author);
        text.push('\n');
    }
    if let Some((d, _)) = published {
        text.push_str(&format!("Published {d}\n"));
    }
    text.push('\n');
    for paragraph in lead {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str(body.trim());
    text.push('\n');

    // The headline is the text's first line when the page names it, and the rest is the main
    // text; a page's whole visible text has its own headline, found as in a copy.
    let mut article = if meta.title.is_some() && from_readability {
        Article::under_headline(origin, file, text, decoded.encoding)
    } else {
        Article::new(origin, file, text, decoded.encoding)
    };
    let m = &mut article.meta;
    if let Some(title) = meta.title {
        m.title = title;
        m.title_source = TitleSource::Metadata;
        m.title_reasons = &["the saved page's headline (h1, og:title or JSON-LD headline)"];
    }
    if let Some((d, source)) = published {
        m.published = Some(d);
        m.published_source = source;
    }
    if meta.author.is_some() {
        m.author = meta.author;
    }
    m.site = meta.site;
    Ok(article)
}
