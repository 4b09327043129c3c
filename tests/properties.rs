//! Property tests: for arbitrary bytes and text, loading and extraction never panic, every span is
//! valid, sentences are ordered and disjoint, and the exported events re-aggregate to the counts.
//! CI runs the default number of cases; a long run: `PROPTEST_CASES=1000000 cargo test --release
//! --test properties`.

use proptest::prelude::*;
use std::collections::BTreeMap;
use techdivide::corpus::{Article, ArticleOrigin, load_bytes};
use techdivide::export::event_rows;
use techdivide::extract::{ExtractOptions, analyze, analyze_events};
use techdivide::query::{Corpus, Filter, YearKey};

/// Text that looks enough like news to reach every rule: words, country names, years, dates,
/// abbreviations, punctuation, newlines and some arbitrary Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("China".to_string()),
        Just("U.S.".to_string()),
        Just("Beijing said".to_string()),
        Just("in Paris".to_string()),
        Just("Chinese".to_string()),
        Just("the White House".to_string()),
        Just("US".to_string()),
        Just("in 2019".to_string()),
        Just("last year".to_string()),
        Just("in July".to_string()),
        Just("the 1990s".to_string()),
        Just("1979-89".to_string()),
        Just("Aug 19, 2021".to_string()),
        Just("Mr.".to_string()),
        Just("No. 5".to_string()),
        Just("3.5".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("…".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("’s".to_string()),
        Just("—".to_string()),
        Just("BRUSSELS, March 2 (Reuters) -".to_string()),
        Just("By Jane Roe".to_string()),
        Just("this past summer".to_string()),
        Just("last".to_string()),
        Just("fall".to_string()),
        Just("mid-2019".to_string()),
        Just("FY2021".to_string()),
        Just("would".to_string()),
        "[a-zA-Z]{1,9}",
        "\\PC{1,4}",
    ];
    proptest::collection::vec(token, 0..120).prop_map(|t| t.join(" "))
}

fn check_spans(article: &Article) {
    let text = &article.text;
    let a = analyze(article, article.meta.published, ExtractOptions::default());
    let mut last_end = 0;
    for s in &a.sentences {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last_end, "sentences overlap or go backwards");
        last_end = s.end;
        // Sentences lie inside the body paragraphs.
        assert!(
            article
                .meta
                .paragraphs
                .iter()
                .any(|p| p.range().start <= s.start && s.end <= p.range().end)
        );
    }
    for m in &a.mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(
            a.sentences
                .iter()
                .any(|s| s.start <= m.span.start && m.span.end <= s.end),
            "mention outside its sentence"
        );
    }
    for t in &a.times {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            a.sentences
                .iter()
                .any(|s| s.start <= t.span.start && t.span.end <= s.end)
        );
    }
    for e in &a.events {
        assert!((e.sentence as usize) < a.sentences.len());
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(article) = load_bytes(ArticleOrigin::Memory("p".into()), "p.txt".into(), &bytes) {
            check_spans(&article);
        }
    }

    #[test]
    fn arbitrary_text_gives_valid_spans(text in "\\PC{0,600}") {
        let article = Article::new(ArticleOrigin::Memory("t".into()), "t.txt".into(), text, "UTF-8");
        check_spans(&article);
    }

    #[test]
    fn newsish_text_gives_valid_spans_and_consistent_counts(texts in proptest::collection::vec(newsish(), 1..4)) {
        let articles: Vec<Article> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Article::new(ArticleOrigin::Memory(i.to_string()), format!("{i}.txt"), t, "UTF-8"))
            .collect();
        for a in &articles {
            check_spans(a);
        }
        let corpus = Corpus::from_articles(articles, ExtractOptions::default());
        let rows = event_rows(&corpus);
        let counts = Filter::default().run(&corpus, None).counts;
        prop_assert_eq!(rows.len() as u64, counts.values().map(|&c| u64::from(c)).sum::<u64>());
        let gaz = techdivide::extract::gazetteer::gazetteer();
        let mut again: BTreeMap<(YearKey, u16), u32> = BTreeMap::new();
        for r in &rows {
            let year = if r.year.is_empty() { YearKey::Undated } else { YearKey::Year(r.year.parse().unwrap()) };
            *again.entry((year, gaz.id(&r.country).unwrap())).or_insert(0) += 1;
        }
        prop_assert_eq!(again, counts);
    }

    /// The corpus's analysis looks for dates only in sentences that mention a country; its
    /// events must be exactly the reader's (which looks everywhere), decades anchored or not.
    #[test]
    fn events_only_analysis_equals_the_full_one(text in newsish(), published in proptest::option::of(2000i16..2030), anchor in any::<bool>()) {
        let article = Article::new(ArticleOrigin::Memory("e".into()), "e.txt".into(), text, "UTF-8");
        let published = published.map(|y| jiff::civil::date(y, 6, 15));
        let options = ExtractOptions { anchor_decades: anchor };
        let full = analyze(&article, published, options);
        let events_only = analyze_events(&article, published, options);
        prop_assert_eq!(&full.sentences, &events_only.sentences);
        prop_assert_eq!(&full.mentions, &events_only.mentions);
        prop_assert_eq!(&full.events, &events_only.events);
    }
}
