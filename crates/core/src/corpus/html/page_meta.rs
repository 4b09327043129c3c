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
    /// A weaker date, used only when neither the metadata nor the visible header gives one: the
    /// page's first `<time datetime>`, else a full date in its address (`/2020/04/28/`).
    pub published_fallback: Option<(String, &'static str)>,
    pub author: Option<String>,
    pub site: Option<String>,
    /// The page's summary of the story (`og:description`, `description`, `twitter:description`,
    /// JSON-LD `description`): often the standfirst shown under the headline.
    pub description: Option<String>,
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

/// JSON-LD `@type`s of the page that holds the article (WordPress's Yoast writes the post's
/// date on its `WebPage` node): their `datePublished` counts after the article's own metadata.
const PAGE_TYPES: &[&str] = &["webpage", "itempage", "howto", "recipe", "creativework"];

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

/// True when the object's `@type` (a string or a list) is one of `types`.
fn type_matches(v: &Value, types: &[&str]) -> bool {
    let is_one = |s: &str| types.contains(&s.to_ascii_lowercase().as_str());
    match v.get("@type") {
        Some(Value::String(s)) => is_one(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is_one),
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

/// The JSON-LD objects of the page (arrays and `@graph`s walked), in document order, each block
/// parsed once. A block that does not parse is passed over (pages ship broken JSON-LD; the other
/// sources still count).
fn json_ld_objects(doc: &Document) -> Vec<Value> {
    let mut found = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut all = Vec::new();
        objects(&value, &mut all);
        found.extend(all.into_iter().cloned());
    }
    found
}

/// The first non-empty string `key` of `objects`, whitespace collapsed.
fn first_str(objects: &[&Value], key: &str) -> Option<String> {
    objects
        .iter()
        .find_map(|o| o.get(key).and_then(Value::as_str).map(collapse))
        .filter(|s| !s.is_empty())
}

/// True when a timestamp ends in UTC's zone (`Z`, `+00:00`, `+0000`).
pub(super) fn ends_in_utc(t: &str) -> bool {
    t.ends_with('Z') || t.ends_with("+00:00") || t.ends_with("+0000")
}

/// The instant a timestamp names and whether it was written in UTC: `None` for a date without a
/// time or zone.
fn instant(s: &str) -> Option<(jiff::Timestamp, bool)> {
    let t = s.trim();
    let ts = t.parse::<jiff::Timestamp>().ok()?;
    Some((ts, ends_in_utc(t)))
}

/// A clock time written without a zone (`2023-11-08 17:49:09`, as many sites stamp `<time>`):
/// the publisher's local time.
fn zoneless(s: &str) -> Option<jiff::civil::DateTime> {
    let t = s.trim();
    let has_zone = t.ends_with('Z') || t.get(19..).is_some_and(|z| z.contains(['+', '-']));
    if has_zone || !t.contains(':') {
        return None;
    }
    t.parse::<jiff::civil::DateTime>().ok()
}

/// When `chosen` is a UTC timestamp and another of the page's publication stamps names the same
/// instant in the publisher's own zone, that one: its day is the publisher's. The other stamp
/// has a zone (`2020-09-28T23:12:35Z` and `2020-09-28T19:12:35-0400`), or none and differs from
/// the UTC clock by a whole quarter-hour within ±14 hours, as every zone does
/// (`2023-11-09T01:49:09Z` and `2023-11-08 17:49:09`).
fn in_local_zone(chosen: &str, stamps: impl IntoIterator<Item = String>) -> Option<String> {
    let (at, true) = instant(chosen)? else {
        return None;
    };
    let utc_clock = at.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    let same_instant = |s: &str| {
        if let Some((t, utc)) = instant(s) {
            return !utc && t == at;
        }
        zoneless(s).is_some_and(|local| {
            let seconds = local.duration_since(utc_clock).as_secs();
            seconds != 0 && seconds % 900 == 0 && seconds.abs() <= 14 * 3600
        })
    };
    stamps.into_iter().find(|s| same_instant(s))
}

/// A full date in a page address (`https://example.com/2020/04/28/story`, `/2020-04-28-story`),
/// as `yyyy-mm-dd`.
fn date_in_address(url: &str) -> Option<String> {
    static IN_PATH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_.-]|$)",
        )
        .unwrap_or_else(|e| panic!("bad address date pattern: {e}"))
    });
    let c = IN_PATH.captures(url)?;
    let s = format!("{}-{}-{}", &c[1], &c[2], &c[3]);
    s.parse::<jiff::civil::Date>().ok().map(|_| s)
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
pub(super) fn normalize(s: &str) -> String {
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

/// The `datetime` (or `content`) of the first element `sel` selects that has one.
fn first_time(doc: &Document, sel: &str) -> Option<String> {
    doc.select(sel).iter().find_map(|t| {
        t.attr("datetime")
            .or_else(|| t.attr("content"))
            .map(|v| collapse(&v))
            .filter(|v| !v.is_empty())
    })
}

/// Read a parsed page's metadata.
pub fn page_meta(doc: &Document) -> PageMeta {
    let metas = meta_tags(doc);
    let json_ld = json_ld_objects(doc);
    let of_types = |types: &[&str]| -> Vec<&Value> {
        json_ld.iter().filter(|o| type_matches(o, types)).collect()
    };
    let ld = of_types(ARTICLE_TYPES);
    let pages = of_types(PAGE_TYPES);
    let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let ld_str = |key: &str| first_str(&ld, key);
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
            first_str(&pages, "datePublished").map(|d| (d, "the page's JSON-LD datePublished"))
        })
        .or_else(|| {
            [
                "[itemprop=datePublished]",
                "time[pubdate]",
                "article time[datetime]",
                "main time[datetime]",
            ]
            .iter()
            .find_map(|sel| first_time(doc, sel))
            .map(|d| (d, "a <time> element"))
        });
    // A UTC stamp is replaced by the same instant as the publisher wrote it in its own zone.
    // (The page's other stamps are only read for a UTC one.)
    let published = published.map(|(d, source)| {
        let stamps = ld
            .iter()
            .filter_map(|o| o.get("datePublished").and_then(Value::as_str))
            .map(collapse)
            .chain(
                PUBLISHED_KEYS
                    .iter()
                    .flat_map(|k| metas.iter().filter(move |(m, _)| m == k))
                    .map(|(_, v)| v.clone()),
            )
            .chain(std::iter::once_with(|| first_time(doc, "article time[datetime]")).flatten());
        match in_local_zone(&d, stamps) {
            Some(local) => (local, source),
            None => (d, source),
        }
    });
    let published_fallback = first_time(doc, "time[datetime]")
        .map(|d| (d, "the page's first <time> element"))
        .or_else(|| {
            ["link[rel=canonical]", "meta[property=\"og:url\"]"]
                .iter()
                .find_map(|sel| {
                    doc.select(sel).iter().find_map(|e| {
                        e.attr("href")
                            .or_else(|| e.attr("content"))
                            .and_then(|u| date_in_address(&u))
                    })
                })
                .map(|d| (d, "the date in the page's address"))
        });

    let author = ld
        .iter()
        .find_map(|o| o.get("author").and_then(name_of))
        .or_else(|| {
            AUTHOR_KEYS
                .iter()
                .find_map(|k| meta(k).filter(|v| !v.starts_with("http")))
        });
    let description = ["og:description", "description", "twitter:description"]
        .iter()
        .find_map(|k| meta(k))
        .or_else(|| ld_str("description"));
    PageMeta {
        title,
        published,
        published_fallback,
        author,
        site,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(html: &str) -> Option<(String, &'static str)> {
        page_meta(&Document::from(html)).published
    }

    fn fallback(html: &str) -> Option<String> {
        page_meta(&Document::from(html))
            .published_fallback
            .map(|(d, _)| d)
    }

    const YOAST_PAGE: &str = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example"},
          {"@type":"WebPage","datePublished":"2018-06-07T10:13:17+00:00",
           "dateModified":"2019-01-02T08:00:00+00:00"}]}
        </script></head><body><p>Text.</p></body></html>"#;

    #[test]
    fn a_web_page_nodes_date_counts_when_no_article_gives_one() {
        assert_eq!(
            published(YOAST_PAGE),
            Some((
                "2018-06-07T10:13:17+00:00".to_string(),
                "the page's JSON-LD datePublished"
            ))
        );
        // The article's own metadata comes first.
        let with_meta = YOAST_PAGE.replace(
            "</head>",
            r#"<meta property="article:published_time" content="2018-06-05T09:00:00+00:00"></head>"#,
        );
        assert_eq!(
            published(&with_meta).map(|(d, _)| d).as_deref(),
            Some("2018-06-05T09:00:00+00:00")
        );
        // An image's or a person's date is not the page's.
        let image = YOAST_PAGE.replace("\"WebPage\"", "\"ImageObject\"");
        assert_eq!(published(&image), None);
    }

    #[test]
    fn a_utc_stamp_is_read_in_the_publishers_zone_when_the_page_gives_it() {
        // 01:12 UTC on the 29th is 21:12 on the 28th in New York, the day the story ran there.
        let page = |local: &str| {
            format!(
                r#"<html><head>
                <meta property="article:published_time" content="2020-09-29T01:12:35+00:00">
                <script type="application/ld+json">{{"@type":"NewsArticle",
                  "datePublished":"{local}"}}</script></head><body></body></html>"#
            )
        };
        // JSON-LD comes first; here it is the UTC one and the meta tag the local one.
        let html = |first: &str, second: &str| {
            format!(
                r#"<html><head>
                <script type="application/ld+json">{{"@type":"NewsArticle",
                  "datePublished":"{first}"}}</script>
                <meta property="article:published_time" content="{second}">
                </head><body></body></html>"#
            )
        };
        assert_eq!(
            published(&html("2020-09-29T01:12:35Z", "2020-09-28T21:12:35-0400"))
                .map(|(d, _)| d)
                .as_deref(),
            Some("2020-09-28T21:12:35-0400")
        );
        // Another instant is another stamp (an update): the UTC one stays.
        assert_eq!(
            published(&html("2020-09-29T01:12:35Z", "2020-09-28T22:30:00-04:00"))
                .map(|(d, _)| d)
                .as_deref(),
            Some("2020-09-29T01:12:35Z")
        );
        // A stamp without a zone four hours before the UTC clock is the same instant.
        assert_eq!(
            published(&html("2023-11-09T01:49:09Z", "2023-11-08 17:49:09"))
                .map(|(d, _)| d)
                .as_deref(),
            Some("2023-11-08 17:49:09")
        );
        // One that is not a whole quarter-hour away is another time, and a bare day says nothing.
        for other in ["2023-11-08 17:52:09", "2023-11-08", "2023-11-09 01:49:09"] {
            assert_eq!(
                published(&html("2023-11-09T01:49:09Z", other))
                    .map(|(d, _)| d)
                    .as_deref(),
                Some("2023-11-09T01:49:09Z"),
                "{other}"
            );
        }
        // A local stamp chosen first is kept as it is.
        assert_eq!(
            published(&page("2020-09-28T21:12:35-04:00"))
                .map(|(d, _)| d)
                .as_deref(),
            Some("2020-09-28T21:12:35-04:00")
        );
    }

    #[test]
    fn the_fallback_is_the_first_time_element_else_the_address_date() {
        let time = r#"<html><body><div class="meta"><time datetime="2020-08-06T09:09:24Z">
            Thursday</time></div><ul><li><time datetime="2019-01-01">old</time></li></ul>
            </body></html>"#;
        assert_eq!(fallback(time).as_deref(), Some("2020-08-06T09:09:24Z"));
        let address = |url: &str| {
            fallback(&format!(
                r#"<html><head><link rel="canonical" href="{url}"></head><body></body></html>"#
            ))
        };
        assert_eq!(
            address("https://example.com/news/2020/04/28/story-name/").as_deref(),
            Some("2020-04-28")
        );
        assert_eq!(
            address("https://example.com/2014-05-18-a-post.html").as_deref(),
            Some("2014-05-18")
        );
        // A month alone, an impossible day or a number that only looks like a date: none.
        assert_eq!(
            address("https://example.com/2020/01/goats-on-an-island"),
            None
        );
        assert_eq!(address("https://example.com/2021/02/30/story"), None);
        assert_eq!(address("https://example.com/id/20200428123/story"), None);
        let og = r#"<html><head><meta property="og:url"
            content="https://example.com/2013/10/05/interview/"></head><body></body></html>"#;
        assert_eq!(fallback(og).as_deref(), Some("2013-10-05"));
    }

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
