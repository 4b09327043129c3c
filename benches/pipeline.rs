//! Pipeline benchmarks on a synthetic corpus held in memory (same generator as
//! `examples/gen_corpus.rs`, seed 7).
//!
//! ```text
//! cargo bench --bench pipeline                                # 10k articles (~40 MB)
//! TECHDIVIDE_BENCH_LARGE=1 cargo bench --bench pipeline       # 10k and 200k (~0.8 GB)
//! cargo bench --bench pipeline -- filter                      # only the filter benches
//! ```
//!
//! The stage benches (`decode_metadata`, `split_sentences`, `find_mentions`, `find_times`,
//! `analyze`) run on one thread, so their throughput is per core; `pipeline_parallel` is the
//! whole in-memory load → analyse → aggregate path on the rayon pool, as the CLI runs it minus
//! the disk. `aggregate`, `filter_text` and `filter_country` are the queries the window runs on
//! every keystroke; their counter is articles.
//!
//! The default run (10k) takes about two minutes on 2 cores, most of it in the stage benches
//! (up to 10 one-iteration samples each, capped at 40 s per bench). At 200k the same cap leaves
//! one or two samples per stage bench; building the 200k fixture takes a few minutes more.

use corpus_gen::{FileKind, GenFile, generate_in_memory};
use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Instant;
use techdivide::corpus::{Article, ArticleOrigin, load_bytes};
use techdivide::extract::gazetteer::gazetteer;
use techdivide::extract::mentions::find_mentions;
use techdivide::extract::sentences::split_sentences;
use techdivide::extract::years::find_times;
use techdivide::extract::{ExtractOptions, analyze};
use techdivide::query::{Corpus, Filter};

const SEED: u64 = 7;
const SMALL: usize = 10_000;
const LARGE: usize = 200_000;

/// Corpus sizes to run: 10k, and 200k when `TECHDIVIDE_BENCH_LARGE=1`.
fn sizes() -> Vec<usize> {
    let mut sizes = vec![SMALL];
    if std::env::var("TECHDIVIDE_BENCH_LARGE").is_ok_and(|v| v == "1") {
        sizes.push(LARGE);
    }
    sizes
}

/// A generated corpus, its loaded articles and their analyses.
struct Fixture {
    files: Vec<GenFile>,
    /// Bytes of all files as on disk.
    file_bytes: u64,
    corpus: Corpus,
    /// Bytes of decoded text of the articles.
    text_bytes: u64,
    /// Bytes of the sentences the mention and year matchers scan.
    sentence_bytes: u64,
}

impl Fixture {
    fn build(n: usize) -> Self {
        let start = Instant::now();
        let files = generate_in_memory(SEED, n);
        let file_bytes = files.iter().map(|f| f.bytes.len() as u64).sum();
        let loaded: Vec<_> = files.par_iter().map(load).collect();
        let problems = loaded.iter().filter(|r| r.is_err()).count();
        let articles: Vec<Article> = loaded.into_iter().filter_map(Result::ok).collect();
        let mut encodings = std::collections::BTreeMap::<&str, usize>::new();
        for a in &articles {
            *encodings.entry(a.encoding).or_default() += 1;
        }
        let corpus = Corpus::from_articles(articles, ExtractOptions::default());
        let text_bytes = corpus
            .entries
            .iter()
            .map(|e| e.article.text.len() as u64)
            .sum();
        let sentence_bytes = corpus
            .entries
            .iter()
            .flat_map(|e| &e.analysis.sentences)
            .map(|s| u64::from(s.end - s.start))
            .sum();
        let sentences: usize = corpus
            .entries
            .iter()
            .map(|e| e.analysis.sentences.len())
            .sum();
        let dated = corpus
            .entries
            .iter()
            .filter(|e| e.article.meta.published.is_some())
            .count();
        let expected_bad = files.iter().filter(|f| f.kind.is_bad()).count();
        let latin1 = files.iter().filter(|f| f.kind == FileKind::Latin1).count();
        eprintln!(
            "fixture {n}: {} files, {:.1} MB ({latin1} generated as windows-1252), {} articles ({dated} dated), \
             {problems} problems ({expected_bad} bad files generated), decoded as {encodings:?}, {:.1} MB text, \
             {sentences} sentences, {} events; built in {:.1} s",
            files.len(),
            file_bytes as f64 / 1e6,
            corpus.len(),
            text_bytes as f64 / 1e6,
            corpus.event_count(),
            start.elapsed().as_secs_f64()
        );
        Self {
            files,
            file_bytes,
            corpus,
            text_bytes,
            sentence_bytes,
        }
    }
}

fn load(f: &GenFile) -> Result<Article, techdivide::corpus::DecodeError> {
    load_bytes(
        ArticleOrigin::Memory(f.path.clone()),
        f.path.clone(),
        &f.bytes,
    )
}

/// The fixture of size `n`, built once per process and kept for every bench.
fn fixture(n: usize) -> &'static Fixture {
    static CACHE: Mutex<Vec<(usize, &'static Fixture)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, f)) = cache.iter().find(|(k, _)| *k == n) {
        return f;
    }
    let f: &'static Fixture = Box::leak(Box::new(Fixture::build(n)));
    cache.push((n, f));
    f
}

fn main() {
    // Build the fixtures up front so their summary is printed before the table.
    if !std::env::args().any(|a| a == "--list") {
        for n in sizes() {
            fixture(n);
        }
    }
    divan::main();
}

/// Bytes → text → header metadata (`load_bytes`), bad files included.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1, max_time = 40)]
fn decode_metadata(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher
        .counter(BytesCount::new(f.file_bytes))
        .bench(|| f.files.iter().map(load).collect::<Vec<_>>());
}

#[divan::bench(name = "split_sentences", args = sizes(), sample_count = 10, sample_size = 1, max_time = 40)]
fn bench_split_sentences(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher.counter(BytesCount::new(f.text_bytes)).bench(|| {
        f.corpus
            .entries
            .iter()
            .map(|e| split_sentences(&e.article.text, &e.article.meta.paragraphs))
            .collect::<Vec<_>>()
    });
}

/// The gazetteer automaton and mention rules over every sentence.
#[divan::bench(name = "find_mentions", args = sizes(), sample_count = 10, sample_size = 1, max_time = 40)]
fn bench_find_mentions(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let gaz = gazetteer();
    bencher
        .counter(BytesCount::new(f.sentence_bytes))
        .bench(|| {
            let mut mentions = 0usize;
            for e in &f.corpus.entries {
                let text = e.article.text.as_str();
                for s in &e.analysis.sentences {
                    let s = s.range();
                    mentions += find_mentions(gaz, &text[s.clone()], s.start).len();
                }
            }
            mentions
        });
}

/// Year attribution: the time expressions of every sentence.
#[divan::bench(name = "find_times", args = sizes(), sample_count = 10, sample_size = 1, max_time = 40)]
fn bench_find_times(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher
        .counter(BytesCount::new(f.sentence_bytes))
        .bench(|| {
            let mut times = 0usize;
            for e in &f.corpus.entries {
                let text = e.article.text.as_str();
                for s in &e.analysis.sentences {
                    let s = s.range();
                    times += find_times(&text[s.clone()], s.start).len();
                }
            }
            times
        });
}

/// Sentences, mentions, times and events of every article (one thread).
#[divan::bench(name = "analyze", args = sizes(), sample_count = 10, sample_size = 1, max_time = 40)]
fn bench_analyze(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher.counter(BytesCount::new(f.text_bytes)).bench(|| {
        f.corpus
            .entries
            .iter()
            .map(|e| {
                analyze(
                    &e.article,
                    e.article.meta.published,
                    ExtractOptions::default(),
                )
            })
            .collect::<Vec<_>>()
    });
}

/// Load, analyse and aggregate in parallel: the CLI's path without the disk.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1, max_time = 40)]
fn pipeline_parallel(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher.counter(BytesCount::new(f.file_bytes)).bench(|| {
        let articles: Vec<Article> = f.files.par_iter().filter_map(|g| load(g).ok()).collect();
        let corpus = Corpus::from_articles(articles, ExtractOptions::default());
        let result = Filter::default().run(&corpus, None);
        (corpus, result)
    });
}

/// The year × country aggregate with no filter.
#[divan::bench(args = sizes(), sample_count = 30, max_time = 5)]
fn aggregate(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher
        .counter(ItemsCount::new(f.corpus.len()))
        .bench(|| Filter::default().run(&f.corpus, None));
}

/// Free-text filter (`sanction`) plus the aggregate of the matching articles.
#[divan::bench(args = sizes(), sample_count = 20, max_time = 5)]
fn filter_text(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let filter = Filter {
        text: "sanction".into(),
        ..Filter::default()
    };
    bencher
        .counter(ItemsCount::new(f.corpus.len()))
        .bench(|| filter.run(&f.corpus, None));
}

/// One country (`CN`) plus the aggregate of its events.
#[divan::bench(args = sizes(), sample_count = 30, max_time = 5)]
fn filter_country(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let filter = Filter {
        countries: BTreeSet::from(["CN".to_string()]),
        ..Filter::default()
    };
    bencher
        .counter(ItemsCount::new(f.corpus.len()))
        .bench(|| filter.run(&f.corpus, None));
}
