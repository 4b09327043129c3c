//! The article list's order: every sort key in both directions is a total order, and merging a
//! sorted batch into a sorted list (what the window does while files load) gives exactly the list
//! a full sort gives.

#[allow(dead_code)]
use corpus_gen as generator;

use techdivide::corpus::{ArticleOrigin, load_bytes};
use techdivide::extract::ExtractOptions;
use techdivide::query::{Corpus, SortKey, merge_sorted_rows, row_order, sort_rows};

fn corpus() -> Corpus {
    let articles = generator::generate_in_memory(11, 400)
        .into_iter()
        .filter_map(|f| load_bytes(ArticleOrigin::Memory(f.path.clone()), f.path, &f.bytes).ok())
        .collect();
    Corpus::from_articles(articles, ExtractOptions::default())
}

#[test]
fn merging_batches_gives_the_full_sort_for_every_key_and_direction() {
    let corpus = corpus();
    let n = corpus.len();
    assert!(n > 300, "the generator gave {n} articles");
    for key in [
        SortKey::File,
        SortKey::Title,
        SortKey::Published,
        SortKey::Events,
    ] {
        for descending in [false, true] {
            let mut full: Vec<usize> = (0..n).collect();
            sort_rows(&corpus, &mut full, key, descending);
            assert!(
                full.windows(2)
                    .all(|w| row_order(&corpus, w[0], w[1], key, descending).is_lt()),
                "{key:?} desc={descending}: not strictly ordered"
            );
            // Batches of 64 arrive in corpus order, as a load delivers them.
            let mut merged = Vec::new();
            for batch in (0..n).collect::<Vec<_>>().chunks(64) {
                merge_sorted_rows(&corpus, &mut merged, batch.to_vec(), key, descending);
            }
            assert_eq!(merged, full, "{key:?} desc={descending}");
        }
    }
}

#[test]
fn ties_keep_corpus_order_and_descending_reverses_all() {
    let corpus = corpus();
    let mut asc: Vec<usize> = (0..corpus.len()).collect();
    sort_rows(&corpus, &mut asc, SortKey::Events, false);
    let mut desc: Vec<usize> = (0..corpus.len()).collect();
    sort_rows(&corpus, &mut desc, SortKey::Events, true);
    desc.reverse();
    assert_eq!(asc, desc);
    // Articles with the same number of events stay in corpus order.
    let e = &corpus.entries;
    for w in asc.windows(2) {
        if e[w[0]].event_count() == e[w[1]].event_count() {
            assert!(w[0] < w[1]);
        }
    }
}
