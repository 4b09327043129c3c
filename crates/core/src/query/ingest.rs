//! From files to analysed entries in one parallel pass: read, decode, parse the header and
//! extract, per file, on a pool with more threads than cores so a thread waiting on the disk
//! leaves its core to another. The one load path: the CLI and the tests call [`load_corpus`],
//! the window's background [`super::load_job::LoadJob`] calls [`load_entries`] per batch, and
//! the seeds come through [`seed_entries`]. An article table among the files is read row by row
//! ([`super::table_load::load_table`]), in its place in the order.

use super::table_load::{Step, load_steps, load_table};
use super::{ArticleEntry, Corpus, DateCorrection};
use crate::cache::{AnalysisCache, Lookup};
use crate::corpus::table::ColumnChoices;
use crate::corpus::{
    Article, CanonicalFolders, LoadError, collect_files, load_file_catching_with, seeds,
};
use crate::extract::ExtractOptions;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The loading pool: two threads per core. Reading a file blocks its thread; with one thread per
/// core the core then idles (measured: 171% CPU on two cores with 2 threads, 189% with 4).
pub fn ingest_pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores * 2)
            .thread_name(|i| format!("techdivide-ingest-{i}"))
            .build()
            .unwrap_or_else(|_| {
                rayon::ThreadPoolBuilder::new()
                    .build()
                    .expect("a default thread pool")
            })
    })
}

/// The user's date correction of an article, if any.
pub type Corrections<'a> = dyn Fn(&Article) -> Option<DateCorrection> + Sync + 'a;

/// Load and analyse one file; a panic in either step becomes a problem naming the file.
/// `corrected` gives the user's date correction for an article, if any.
pub fn load_entry(
    path: &Path,
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> Result<ArticleEntry, LoadError> {
    load_entry_with(path, &CanonicalFolders::default(), options, corrected)
}

/// [`load_entry`] for one of a load's files, sharing the canonical paths of its folders.
fn load_entry_with(
    path: &Path,
    folders: &CanonicalFolders,
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> Result<ArticleEntry, LoadError> {
    let article = load_file_catching_with(path, folders)?;
    let correction = corrected(&article);
    std::panic::catch_unwind(|| ArticleEntry::new(article, correction, options)).map_err(|_| {
        LoadError::Crashed {
            path: path.to_path_buf(),
            reason: "the extractor panicked".into(),
        }
    })
}

/// A cached record to write: the file's path and the record's bytes.
type NewRecord = Option<(PathBuf, Vec<u8>)>;

/// [`load_entry`] through the cache: an unchanged file's article (and analysis, for these
/// options and no correction) comes from it; anything read or re-analysed gives a record to
/// store.
fn load_entry_cached(
    cache: &AnalysisCache,
    path: &Path,
    folders: &CanonicalFolders,
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> (Result<ArticleEntry, LoadError>, NewRecord) {
    match cache.lookup(path, options) {
        Lookup::Hit {
            article,
            analysis,
            stamp,
        } => {
            let correction = corrected(&article);
            if let (Some(analysis), None) = (analysis.clone(), correction) {
                cache.count_hit(false);
                return (
                    Ok(ArticleEntry::from_cached(*article, analysis, options)),
                    None,
                );
            }
            cache.count_hit(true);
            let entry =
                std::panic::catch_unwind(|| ArticleEntry::new(*article, correction, options))
                    .map_err(|_| LoadError::Crashed {
                        path: path.to_path_buf(),
                        reason: "the extractor panicked".into(),
                    });
            // Other options than the cached analysis's: store this one (a correction's
            // analysis is never stored).
            let record = match (&entry, analysis, correction) {
                (Ok(e), None, None) => {
                    cache.record(stamp, &e.article, Some((&e.analysis, options)))
                }
                _ => None,
            };
            (entry, record)
        }
        Lookup::Miss { stamp } => {
            cache.count_read();
            let entry = load_entry_with(path, folders, options, corrected);
            let record = match (&entry, stamp) {
                (Ok(e), Some(stamp)) => cache.record(
                    stamp,
                    &e.article,
                    e.corrected.is_none().then_some((&e.analysis, options)),
                ),
                _ => None,
            };
            (entry, record)
        }
    }
}

/// Load and analyse files in parallel. Entries keep the order of `files`; problems follow it too.
pub fn load_entries(
    files: &[PathBuf],
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> (Vec<Arc<ArticleEntry>>, Vec<LoadError>) {
    load_entries_cached(
        files,
        options,
        corrected,
        None,
        true,
        &ColumnChoices::default(),
    )
}

/// [`load_entries`] through an analysis cache, when there is one: unchanged files are read
/// from it, and what the others give is stored in it (`durable`: on disk before this returns;
/// the last batch of a load). A cache that cannot be written costs nothing but its use. Tables
/// among the files are read row by row, with `columns` saying which column is which; their
/// rows are not cached (they are read again).
pub fn load_entries_cached(
    files: &[PathBuf],
    options: ExtractOptions,
    corrected: &Corrections<'_>,
    cache: Option<&AnalysisCache>,
    durable: bool,
    columns: &ColumnChoices,
) -> (Vec<Arc<ArticleEntry>>, Vec<LoadError>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for step in load_steps(files, usize::MAX) {
        match step {
            Step::Files(run) => {
                let (mut e, mut p) = load_files_cached(run, options, corrected, cache, durable);
                // Without tables this is the only run: its entries are taken, not copied.
                if entries.is_empty() {
                    entries = e;
                } else {
                    entries.append(&mut e);
                }
                problems.append(&mut p);
            }
            Step::Table(table) => {
                let choice = columns.for_file(table);
                load_table(table, choice, options, corrected, &mut |e, p, _| {
                    entries.extend(e);
                    problems.extend(p);
                    true
                });
            }
        }
    }
    (entries, problems)
}

/// [`load_entries_cached`] for files that are not tables.
fn load_files_cached(
    files: &[PathBuf],
    options: ExtractOptions,
    corrected: &Corrections<'_>,
    cache: Option<&AnalysisCache>,
    durable: bool,
) -> (Vec<Arc<ArticleEntry>>, Vec<LoadError>) {
    let folders = CanonicalFolders::default();
    let folders = &folders;
    let Some(cache) = cache else {
        // Each entry goes into its Arc on its thread: the collected results are pointers, not
        // a second copy of every entry (90 MB at 200k articles).
        let results: Vec<Result<Arc<ArticleEntry>, LoadError>> = ingest_pool().install(|| {
            files
                .par_iter()
                .map(|path| load_entry_with(path, folders, options, corrected).map(Arc::new))
                .collect()
        });
        return split_results(results);
    };
    // Files go in chunks; one thread writes a chunk's records while the next chunk loads.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(PathBuf, Vec<u8>)>>(WRITE_QUEUE);
        scope.spawn(move || write_records(cache, &rx, durable));
        let mut entries = Vec::with_capacity(files.len());
        let mut problems = Vec::new();
        for chunk in files.chunks(WRITE_CHUNK) {
            let results: Vec<(Result<Arc<ArticleEntry>, LoadError>, NewRecord)> = ingest_pool()
                .install(|| {
                    chunk
                        .par_iter()
                        .map(|path| {
                            let (entry, record) =
                                load_entry_cached(cache, path, folders, options, corrected);
                            (entry.map(Arc::new), record)
                        })
                        .collect()
                });
            let mut records = Vec::new();
            for (r, record) in results {
                match r {
                    Ok(e) => entries.push(e),
                    Err(e) => problems.push(e),
                }
                records.extend(record);
            }
            // The writer only stops early when the cache failed (already noted).
            let _ = tx.send(records);
        }
        (entries, problems)
    })
}

/// Files per chunk of a cached load (one write per chunk).
const WRITE_CHUNK: usize = 1024;
/// Chunks waiting for the writer at most: loading waits rather than piling records up.
const WRITE_QUEUE: usize = 2;

/// The cache writer: appends each chunk's records as it arrives, then makes them durable when
/// asked.
fn write_records(
    cache: &AnalysisCache,
    rx: &std::sync::mpsc::Receiver<Vec<(PathBuf, Vec<u8>)>>,
    durable: bool,
) {
    let mut failed = false;
    for records in rx {
        if !failed && let Err(e) = cache.store(records, false) {
            cache.note_failure(&e);
            failed = true;
        }
    }
    if !failed
        && durable
        && let Err(e) = cache.store(Vec::new(), true)
    {
        cache.note_failure(&e);
    }
}

fn split_results(
    results: Vec<Result<Arc<ArticleEntry>, LoadError>>,
) -> (Vec<Arc<ArticleEntry>>, Vec<LoadError>) {
    let mut entries = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(e) => entries.push(e),
            Err(e) => problems.push(e),
        }
    }
    (entries, problems)
}

/// The embedded seed articles, analysed (in parallel, in their order).
pub fn seed_entries(
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> Vec<Arc<ArticleEntry>> {
    ingest_pool().install(|| {
        seeds::seed_articles()
            .into_par_iter()
            .map(|a| {
                let correction = corrected(&a);
                Arc::new(ArticleEntry::new(a, correction, options))
            })
            .collect()
    })
}

/// Load files and folders (and the seeds first, when asked) into a corpus, with one problem per
/// file that could not be loaded, in path order.
pub fn load_corpus(
    paths: &[PathBuf],
    with_seeds: bool,
    options: ExtractOptions,
) -> (Corpus, Vec<LoadError>) {
    load_corpus_cached(paths, with_seeds, options, None)
}

/// [`load_corpus`] through an analysis cache (the CLI's `--cache`).
pub fn load_corpus_cached(
    paths: &[PathBuf],
    with_seeds: bool,
    options: ExtractOptions,
    cache: Option<&AnalysisCache>,
) -> (Corpus, Vec<LoadError>) {
    load_corpus_with(paths, with_seeds, options, cache, &ColumnChoices::default())
}

/// Build extraction's tables on a thread of their own while the caller walks the folders: the
/// gazetteer's automaton alone takes ~50 ms on one core, and every loading thread would wait
/// for it at its first file. One seed is analysed, which builds every table the loading
/// threads use (the header model's and the time patterns' too).
fn warm_up_beside() {
    let warm_up = || {
        if let Some(article) = seeds::seed_articles().first() {
            crate::extract::analyze(article, article.meta.published, ExtractOptions::default());
        }
    };
    // Without a thread the tables are built at the first file, as before.
    let _ = std::thread::Builder::new()
        .name("techdivide-warm-up".to_string())
        .spawn(warm_up);
}

/// [`load_corpus_cached`] with the columns of article tables chosen (the CLI's `--columns`).
pub fn load_corpus_with(
    paths: &[PathBuf],
    with_seeds: bool,
    options: ExtractOptions,
    cache: Option<&AnalysisCache>,
    columns: &ColumnChoices,
) -> (Corpus, Vec<LoadError>) {
    warm_up_beside();
    let (files, mut problems) = collect_files(paths, &Default::default());
    let (entries, mut load_problems) =
        load_entries_cached(&files, options, &|_| None, cache, true, columns);
    problems.append(&mut load_problems);
    let mut all = if with_seeds {
        seed_entries(options, &|_| None)
    } else {
        Vec::new()
    };
    all.extend(entries);
    (Corpus::new(all, options), problems)
}
