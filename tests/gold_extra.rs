//! The extractor on the project's own test articles (other outlets, regions, decades, header
//! formats and encodings; `tests/articles/`) against their hand-made gold (`tests/gold_extra.json`).

mod common;

use common::{load_gold, norm, score};
use techdivide::export::event_rows;
use techdivide::extract::ExtractOptions;
use techdivide::query::load_corpus;

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles");

fn corpus() -> techdivide::query::Corpus {
    let (corpus, problems) = load_corpus(&[ARTICLES.into()], false, ExtractOptions::default());
    assert!(problems.is_empty(), "{problems:?}");
    corpus
}

#[test]
fn extra_articles_reach_the_thresholds() {
    let gold = load_gold(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/gold_extra.json"
    ));
    let corpus = corpus();
    let rows = event_rows(&corpus);
    let s = score(&gold, &rows);
    for line in &s.report {
        println!("{line}");
    }
    println!(
        "overall P {:.3} R {:.3} F1 {:.3} years {:.3}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.year_accuracy()
    );
    assert!(s.f1() >= 0.90, "country F1 {:.3}", s.f1());
    assert!(
        s.year_accuracy() >= 0.85,
        "year accuracy {:.3}",
        s.year_accuracy()
    );
}

#[test]
fn extra_articles_metadata() {
    let gold = load_gold(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/gold_extra.json"
    ));
    let corpus = corpus();
    let mut wrong = Vec::new();
    for g in &gold.articles {
        let Some(entry) = corpus.entries.iter().find(|e| e.article.file == g.file) else {
            wrong.push(format!("{}: not loaded", g.file));
            continue;
        };
        let meta = &entry.article.meta;
        if norm(&meta.title) != norm(&g.title) {
            wrong.push(format!(
                "{}: title {:?} != {:?}",
                g.file, meta.title, g.title
            ));
        }
        if meta.published.map(|d| d.to_string()) != g.published {
            wrong.push(format!(
                "{}: published {:?} != {:?}",
                g.file, meta.published, g.published
            ));
        }
        let body = meta
            .paragraphs
            .first()
            .map(|r| norm(&entry.article.text[r.range()]))
            .unwrap_or_default();
        if body != norm(&g.body_starts_with) {
            wrong.push(format!(
                "{}: body {:?} != {:?}",
                g.file, body, g.body_starts_with
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
