//! Saved web pages and browser copies read as a user brings them: title, date, author and site
//! right, and events only from the article's own paragraphs.

use std::collections::BTreeSet;
use std::path::Path;
use techdivide::corpus::{PublishedSource, TitleSource, load_file};
use techdivide::extract::{ExtractOptions, analyze, gazetteer::gazetteer};

fn countries(article: &techdivide::corpus::Article) -> BTreeSet<String> {
    let analysis = analyze(article, article.meta.published, ExtractOptions::default());
    let gaz = gazetteer();
    analysis
        .events
        .iter()
        .map(|e| gaz.code(e.country).to_string())
        .collect()
}

#[test]
fn a_saved_page_in_windows_1252_reads_its_metadata_and_only_its_paragraphs() {
    let a = load_file(Path::new("tests/pages/harbour_ledger_cp1252.html")).expect("loads");
    assert_eq!(a.encoding, "windows-1252");
    assert_eq!(a.meta.title, "Chile and Peru agree to share a lithium port");
    assert_eq!(a.meta.title_source, TitleSource::Metadata);
    assert_eq!(a.meta.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(a.meta.site.as_deref(), Some("The Harbour Ledger"));
    // The first publication, not the masthead's day (March 5) nor the update.
    assert_eq!(
        a.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2022-03-03")
    );
    assert_eq!(a.meta.published_source, PublishedSource::Metadata);
    // The decoded text keeps the page's non-ASCII letters.
    assert!(a.text.contains("café"), "{}", a.text);
    // Events from the article: Chile, Peru, Bolivia. Not the "most read" list's Japan,
    // Australia, Nigeria or Norway, nor the menu's Japan.
    let got = countries(&a);
    for c in ["CL", "PE", "BO"] {
        assert!(got.contains(c), "{c} missing from {got:?}");
    }
    for c in ["JP", "AU", "NG", "NO"] {
        assert!(!got.contains(c), "{c} from page furniture in {got:?}");
    }
    // The cookie notice and the footer are not body.
    let body: String = a.paragraphs().collect::<Vec<_>>().join("\n");
    assert!(!body.contains("cookies"), "{body}");
    assert!(!body.contains("All rights reserved"), "{body}");
    assert!(
        body.contains("The port at Arica will open in 2025"),
        "{body}"
    );
}

#[test]
fn unsupported_files_named_explicitly_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 not really").unwrap();
    let err = load_file(&pdf).unwrap_err().to_string();
    assert!(err.contains("not supported (PDF document"), "{err}");
    assert!(err.ends_with("report.pdf"), "{err}");
}

#[test]
fn a_page_saved_as_txt_is_read_as_a_page_not_as_markup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    std::fs::write(
        &path,
        "<!DOCTYPE html><html><head><title>Tariffs rise | Daily Example</title></head>\
         <body><h1>Tariffs rise</h1><p>Canada raised tariffs on steel from Mexico in 2019, \
         officials in Ottawa said on Monday after a long review.</p>\
         <p>The measure will last until 2021, the ministry said in a statement.</p></body></html>",
    )
    .unwrap();
    let a = load_file(&path).unwrap();
    assert_eq!(a.meta.title, "Tariffs rise");
    assert!(!a.text.contains('<'), "{}", a.text);
    let got = countries(&a);
    assert!(got.contains("CA") && got.contains("MX"), "{got:?}");
}

/// A page titled `Port talks resume`, with `head` added to its head and `body` as its body,
/// saved and loaded.
fn load_page(head: &str, body: &str) -> techdivide::corpus::Article {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("talks.html");
    std::fs::write(
        &path,
        format!(
            "<!DOCTYPE html><html><head><title>Port talks resume</title>{head}</head>\
             <body>{body}</body></html>"
        ),
    )
    .expect("the page is written");
    load_file(&path).expect("the page loads")
}

/// The article's publication day as `yyyy-mm-dd`.
fn published(a: &techdivide::corpus::Article) -> Option<String> {
    a.meta.published.map(|d| d.to_string())
}

const STORY: &str = "<article><h1>Port talks resume</h1><p>Chile and Peru resumed talks on a \
    shared lithium port on Tuesday, officials in Lima said after a long pause in the talks.</p>\
    <p>The two governments expect a first agreement before the end of the year, they said.</p>\
    </article>";

#[test]
fn a_page_without_date_metadata_falls_back_to_its_time_element_then_its_address() {
    // A stamp outside the article whose visible text is no date (`Thursday`).
    let stamp = "<div class=\"post-meta\">Posted <time datetime=\"2020-08-06T09:09:24Z\">\
        Thursday</time></div>";
    // The first <time> of the page, when nothing better says when the story ran.
    let a = load_page("", &format!("{stamp}{STORY}"));
    assert_eq!(published(&a).as_deref(), Some("2020-08-06"));
    assert_eq!(a.meta.published_source, PublishedSource::Metadata);
    // A visible date line under the headline wins over it.
    let dated = STORY.replace("</h1>", "</h1><p>March 3, 2022</p>");
    let a = load_page("", &format!("{stamp}{dated}"));
    assert_eq!(published(&a).as_deref(), Some("2022-03-03"));
    // With neither, the date in the page's canonical address.
    let a = load_page(
        "<link rel=\"canonical\" href=\"https://example.com/world/2021/06/15/port-talks/\">",
        STORY,
    );
    assert_eq!(published(&a).as_deref(), Some("2021-06-15"));
    // And no date at all when the page gives none.
    let a = load_page("", STORY);
    assert_eq!(a.meta.published, None);
}

/// The body's paragraphs of `a`.
fn body(a: &techdivide::corpus::Article) -> Vec<&str> {
    a.paragraphs().collect()
}

/// Paragraphs of a story's main block: long enough, and with enough commas, that Readability
/// takes the block they are in.
fn story_block(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story: the ministers, their advisers and the port's \
                 engineers, who met in Lima, said the talks, which had stalled, would go on, \
                 and that a first text, on dredging, tariffs and rail links, was near.</p>"
            )
        })
        .collect()
}

#[test]
fn a_standfirst_and_a_first_paragraph_outside_the_story_block_are_the_storys_first() {
    let dek = "Chile and Peru resumed talks on a shared lithium port on Tuesday, after a pause \
               of two years.";
    let lead = "LIMA (Wire) — Officials of Chile and Peru met in Lima on Tuesday for the first \
                time since 2022 to discuss a lithium port that both governments want built on \
                the Pacific coast by 2030.";
    let head = format!("<meta property=\"og:description\" content=\"{dek}\">");
    let page = format!(
        "<div class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/w\">World</a>\
         </nav><p class=\"tagline\">Trade news from the Pacific coast since 1990, every day.\
         </p></div><main><header><h1>Port talks resume</h1><p class=\"dek\">{dek}</p><p>By Ana Ruiz</p>\
         </header><div class=\"first\"><p>{lead}</p></div><div class=\"ad\">Advertisement</div>\
         <article>{}</article></main><footer>Most read</footer>",
        story_block(6)
    );
    let a = load_page(&head, &page);
    let got = body(&a);
    assert_eq!(got[0], dek, "{got:?}");
    assert!(got[1].contains("met in Lima on Tuesday"), "{got:?}");
    assert!(got[2].starts_with("Paragraph 0"), "{got:?}");
    assert!(!got.iter().any(|p| p.contains("Trade news")), "{got:?}");
    assert_eq!(
        countries(&a),
        BTreeSet::from(["CL".to_string(), "PE".to_string()])
    );
}

#[test]
fn a_block_without_a_sentence_is_no_story_when_the_page_has_one() {
    // A long list of names (signatories, a table of members) can outscore the story's block.
    let names: String = (0..200)
        .map(|i| format!("<p>Member {i}, Port Authority of Valparaiso, Chile</p>"))
        .collect();
    let story = "<div class=\"text\"><p>Chile and Peru resumed talks on a shared lithium port \
        on Tuesday, officials in Lima said after a long pause in the talks.</p><p>The two \
        governments expect a first agreement before the end of the year, they said on \
        Wednesday.</p></div>";
    let page = format!("<h1>Port talks resume</h1>{story}<div class=\"list\">{names}</div>");
    let a = load_page("", &page);
    let got = body(&a);
    assert!(
        got.iter()
            .any(|p| p.starts_with("Chile and Peru resumed talks")),
        "{got:?}"
    );
}

#[test]
fn a_photo_caption_is_no_paragraph_of_the_story() {
    let figure = "<figure><img src=\"p.jpg\" alt=\"\"><figcaption>Trade ministers of Japan and \
        Korea at a summit in Tokyo in 2019, long before the port talks began. Photo: Wire\
        </figcaption></figure>";
    let page = STORY.replace("</h1>", &format!("</h1>{figure}"));
    let a = load_page("", &page);
    let got = body(&a);
    assert!(!got.iter().any(|p| p.contains("Tokyo")), "{got:?}");
    assert!(
        got[0].starts_with("Chile and Peru resumed talks"),
        "{got:?}"
    );
    assert_eq!(
        countries(&a),
        BTreeSet::from(["CL".to_string(), "PE".to_string()])
    );
}
