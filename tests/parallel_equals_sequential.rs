//! Parallel loading and extraction (the ingest pool, through `load_entries` and `load_corpus`) give exactly
//! the results of a plain single-threaded loop, on a generated 1k-article corpus written to disk
//! (the scale issue's consistency check).

use corpus_gen as generator;

use techdivide::corpus::{Article, collect_files, load_file};
use techdivide::export::event_rows;
use techdivide::extract::ExtractOptions;
use techdivide::query::{ArticleEntry, Corpus, Filter, load_corpus, load_entries};

#[test]
fn parallel_results_equal_the_single_threaded_path() {
    let dir = tempfile::tempdir().unwrap();
    let files = generator::generate_in_memory(7, 1000);
    for f in &files {
        let path = dir.path().join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.bytes).unwrap();
    }
    let bad = files.iter().filter(|f| f.kind.is_bad()).count();
    let (paths, _) = collect_files(&[dir.path().to_path_buf()], &Default::default());
    // Parallel, as the CLI and the window load: read + parse + extract per file on the ingest pool.
    let (entries, problems) = load_entries(&paths, ExtractOptions::default(), &|_| None);
    assert_eq!(problems.len(), bad, "{problems:?}");
    let parallel = Corpus::new(entries, ExtractOptions::default());
    // The whole path as the CLI takes it: walk the folder, then load and analyse.
    let (two_pass, problems) = load_corpus(
        &[dir.path().to_path_buf()],
        false,
        ExtractOptions::default(),
    );
    assert_eq!(problems.len(), bad, "{problems:?}");

    // Sequential: walk the same sorted paths one by one.
    let articles: Vec<Article> = paths.iter().filter_map(|p| load_file(p).ok()).collect();
    let sequential = Corpus::new(
        articles
            .into_iter()
            .map(|a| std::sync::Arc::new(ArticleEntry::new(a, None, ExtractOptions::default())))
            .collect(),
        ExtractOptions::default(),
    );

    assert_eq!(parallel.len(), files.len() - bad);
    assert_eq!(event_rows(&parallel), event_rows(&sequential));
    assert_eq!(event_rows(&two_pass), event_rows(&sequential));
    assert_eq!(
        Filter::default().run(&parallel, None),
        Filter::default().run(&sequential, None)
    );
    assert!(
        parallel.event_count() > 10_000,
        "the generator makes event-rich articles"
    );
}
