//! A saved page's own metadata, read from its parsed DOM: JSON-LD, `<meta>` tags, the article's
//! `h1` and `<time>` elements (events.md §1).

use dom_query::Document;
use serde_json::Value;

/// What a page says about itself. Dates are kept as the page wrote them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// The article's headline (`h1`, else `og:title`/JSON-LD `headline`, site suffix cut).
    pub title: Option<String>,
    /// The first-publication date string and where it came from (`JSON-LD datePublished`, …).
    pub published: Option<(String, &'static str)>,
    pub author: Option<String>,
    pub site: Option<String>,
}

/// JSON-LD `@type`s that describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "scholarlyarticle",
    "techarticle",
];

/// `<meta>` keys (property, name or itemprop, lower case) naming the first publication, best
/// first. Modification dates (`article:modified_time`, `dateModified`) are never read.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "rnews:datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "original-publish-date",
    "originalpublicationdate",
    "article_date_original",
    "date_published",
    "publication_date",
    "cxenseparse:recs:publishtime",
    "dcterms.created",
    "dcterms.issued",
    "dc.date.issued",
    "dc.date.created",
    "citation_publication_date",
    "prism.publicationdate",
    "datecreated",
    "dcterms.date",
    "dc.date",
    "date",
];

const AUTHOR_KEYS: &[&str] = &["author", "parsely-author", "sailthru.author", "dc.creator"];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn type_matches(v: &Value) -> bool {
    let is_article = |s: &str| ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str());
    match v.get("@type") {
        Some(Value::String(s)) => is_article(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// Every object of a JSON-LD tree (arrays and `@graph`s walked).
fn objects<'v>(v: &'v Value, out: &mut Vec<&'v Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| objects(x, out)),
        Value::Object(map) => {
            out.push(v);
            if let Some(g) = map.get("@graph") {
                objects(g, out);
            }
        }
        _ => {}
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.is_empty() && !s.starts_with("http"))
}

/// The JSON-LD article objects of the page, in document order. A block that does not parse is
/// passed over (pages ship broken JSON-LD; the other sources still count).
fn json_ld_articles(doc: &Document) -> Vec<Value> {
    let mut found = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut all = Vec::new();
        objects(&value, &mut all);
        found.extend(all.into_iter().filter(|o| type_matches(o)).cloned());
    }
    found
}

/// Lower-cased key → content of every `<meta>` tag, in document order.
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    doc.select("meta[content]")
        .iter()
        .filter_map(|m| {
            let key = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))?;
            let content = m.attr("content")?;
            let content = collapse(&content);
            (!content.is_empty()).then(|| (key.to_ascii_lowercase(), content))
        })
        .collect()
}

/// How two headlines are compared: the header model's normalisation, with curly quotes folded.
fn normalize(s: &str) -> String {
    super::super::metadata::normalize(s)
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

/// Cut a site name off a `<title>`-style headline: `Port deal signed | The Daily Example`.
pub fn cut_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_n = normalize(tail);
            let names_site = site.is_some_and(|s| {
                let s = normalize(s);
                !s.is_empty() && (s.contains(&tail_n) || tail_n.contains(&s))
            });
            if !head.is_empty() && (names_site || tail.split_whitespace().count() <= 3) {
                return head.trim().to_string();
            }
        }
    }
    title
}

/// Read a parsed page's metadata.
pub fn page_meta(doc: &Document) -> PageMeta {
    let metas = meta_tags(doc);
    let ld = json_ld_articles(doc);
    let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let ld_str = |key: &str| {
        ld.iter()
            .find_map(|o| o.get(key).and_then(Value::as_str).map(collapse))
            .filter(|s| !s.is_empty())
    };
    let site = meta("og:site_name")
        .or_else(|| ld.iter().find_map(|o| o.get("publisher").and_then(name_of)))
        .or_else(|| meta("application-name"));

    // Title: the article's `h1` when the page's metadata agrees with it (a logo or a section
    // name can be an `h1` too), else the metadata's headline with the site cut off.
    let h1 = ["article h1", "main h1", "h1"].iter().find_map(|sel| {
        doc.select(sel)
            .iter()
            .map(|h| collapse(&h.text()))
            .find(|t| !t.is_empty())
    });
    let doc_title = doc
        .select("head title")
        .iter()
        .map(|t| collapse(&t.text()))
        .find(|t| !t.is_empty());
    let meta_titles: Vec<String> = [
        meta("og:title"),
        ld_str("headline"),
        meta("twitter:title"),
        doc_title.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let agrees = |h: &str| {
        let h = normalize(h);
        meta_titles.iter().any(|m| {
            let m = normalize(m);
            m == h || m.starts_with(&h) || (h.starts_with(&m) && m.len() > 20)
        })
    };
    let title = match &h1 {
        Some(h) if agrees(h) => Some(h.clone()),
        _ => meta("og:title")
            .or_else(|| ld_str("headline"))
            .or_else(|| meta("twitter:title"))
            .map(|t| cut_site_suffix(&t, site.as_deref()))
            .or_else(|| h1.clone())
            .or_else(|| doc_title.map(|t| cut_site_suffix(&t, site.as_deref()))),
    };

    // First publication.
    let published = ld_str("datePublished")
        .map(|d| (d, "JSON-LD datePublished"))
        .or_else(|| ld_str("dateCreated").map(|d| (d, "JSON-LD dateCreated")))
        .or_else(|| {
            PUBLISHED_KEYS
                .iter()
                .find_map(|k| meta(k).map(|v| (v, "a <meta> publication date")))
        })
        .or_else(|| {
            [
                "[itemprop=datePublished]",
                "time[pubdate]",
                "article time[datetime]",
                "main time[datetime]",
            ]
            .iter()
            .find_map(|sel| {
                doc.select(sel).iter().find_map(|t| {
                    t.attr("datetime")
                        .or_else(|| t.attr("content"))
                        .map(|v| collapse(&v))
                        .filter(|v| !v.is_empty())
                })
            })
            .map(|d| (d, "a <time> element"))
        });

    let author = ld
        .iter()
        .find_map(|o| o.get("author").and_then(name_of))
        .or_else(|| {
            AUTHOR_KEYS
                .iter()
                .find_map(|k| meta(k).filter(|v| !v.starts_with("http")))
        });
    PageMeta {
        title,
        published,
        author,
        site,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_are_cut() {
        assert_eq!(
            cut_site_suffix(
                "Port deal signed | The Daily Example",
                Some("The Daily Example")
            ),
            "Port deal signed"
        );
        assert_eq!(
            cut_site_suffix("Port deal signed - Example News", None),
            "Port deal signed"
        );
        // A dash inside a headline with a long tail stays.
        assert_eq!(
            cut_site_suffix(
                "Rates rise - and savers finally see a better return on cash",
                None
            ),
            "Rates rise - and savers finally see a better return on cash"
        );
    }
}
