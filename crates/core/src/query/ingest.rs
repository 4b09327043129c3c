//! From files to analysed entries in one parallel pass: read, decode, parse the header and
//! extract, per file, on a pool with more threads than cores so a thread waiting on the disk
//! leaves its core to another. The one load path: the CLI and the tests call [`load_corpus`],
//! the window's background [`super::load_job::LoadJob`] calls [`load_entries`] per batch, and
//! the seeds come through [`seed_entries`].

use super::{ArticleEntry, Corpus, DateCorrection};
use crate::corpus::{Article, LoadError, collect_files, load_file_catching, seeds};
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
    let article = load_file_catching(path)?;
    let correction = corrected(&article);
    std::panic::catch_unwind(|| ArticleEntry::new(article, correction, options)).map_err(|_| {
        LoadError::Crashed {
            path: path.to_path_buf(),
            reason: "the extractor panicked".into(),
        }
    })
}

/// Load and analyse files in parallel. Entries keep the order of `files`; problems follow it too.
pub fn load_entries(
    files: &[PathBuf],
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> (Vec<Arc<ArticleEntry>>, Vec<LoadError>) {
    let results: Vec<Result<ArticleEntry, LoadError>> = ingest_pool().install(|| {
        files
            .par_iter()
            .map(|path| load_entry(path, options, corrected))
            .collect()
    });
    let mut entries = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(e) => entries.push(Arc::new(e)),
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
    let (files, mut problems) = collect_files(paths, &Default::default());
    let (entries, mut load_problems) = load_entries(&files, options, &|_| None);
    problems.append(&mut load_problems);
    let mut corpus = Corpus {
        entries: if with_seeds {
            seed_entries(options, &|_| None)
        } else {
            Vec::new()
        },
        options,
    };
    corpus.entries.extend(entries);
    (corpus, problems)
}
