//! From files to analysed entries in one parallel pass: read, decode, parse the header and
//! extract, per file, on a pool with more threads than cores so a thread waiting on the disk
//! leaves its core to another. Used by the CLI and by the window's background loader.

use super::ArticleEntry;
use crate::corpus::{Article, LoadError, load_file_catching};
use crate::extract::ExtractOptions;
use jiff::civil::Date;
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

/// Load and analyse one file; a panic in either step becomes a problem naming the file.
/// `corrected` gives the user's date correction for an article, if any.
pub fn load_entry(
    path: &Path,
    options: ExtractOptions,
    corrected: &(dyn Fn(&Article) -> Option<Option<Date>> + Sync),
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
    corrected: &(dyn Fn(&Article) -> Option<Option<Date>> + Sync),
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
