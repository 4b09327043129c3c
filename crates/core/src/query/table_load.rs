//! An article table into analysed entries: its rows are read as a stream, a chunk at a time,
//! and each chunk's rows are made articles and analysed in parallel on the loading pool. Only
//! one chunk of raw rows is held at once, so a table of gigabytes is never in memory twice.

use super::ArticleEntry;
use super::ingest::{Corrections, ingest_pool};
use crate::corpus::LoadError;
use crate::corpus::table::is_table_name;
use crate::corpus::table::{ColumnChoice, RowResult, TableError, open_table, row_article};
use crate::extract::ExtractOptions;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows read, then analysed together, per step (the window gets one batch per step).
pub const TABLE_CHUNK: usize = 1024;

/// What one step of a table's load gives: entries, the problems of its rows, and how many rows
/// were read so far. The callback returns `false` to stop the load (a cancel).
pub type OnChunk<'a> = dyn FnMut(Vec<Arc<ArticleEntry>>, Vec<LoadError>, u64) -> bool + 'a;

/// Load the rows of the table at `path` as articles; `choice` says which columns are which
/// (the rest are recognised by name). Every row that is not loaded, or loaded with a caveat,
/// is a problem naming the table and the row.
pub fn load_table(
    path: &Path,
    choice: &ColumnChoice,
    options: ExtractOptions,
    corrected: &Corrections<'_>,
    on_chunk: &mut OnChunk<'_>,
) {
    let mut table = match open_table(path, choice) {
        Ok(t) => t,
        Err(e) => {
            let problem = match e {
                TableError::Unreadable(reason) => LoadError::Table {
                    path: path.to_path_buf(),
                    reason,
                },
                TableError::Columns { columns, problem } => LoadError::TableColumns {
                    path: path.to_path_buf(),
                    columns,
                    problem,
                },
            };
            on_chunk(Vec::new(), vec![problem], 0);
            return;
        }
    };
    let canonical = Arc::new(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // An id seen twice: both rows load, but they share what the user saves for one of them.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut read = 0u64;
    loop {
        let chunk: Vec<RowResult> = table.rows.by_ref().take(TABLE_CHUNK).collect();
        if chunk.is_empty() {
            return;
        }
        read += chunk.len() as u64;
        let mut problems = Vec::new();
        for row in chunk.iter().flatten() {
            if let Some(id) = row.cell(crate::corpus::table::Role::Id)
                && let Some(first) = ids.insert(id.to_string(), row.place.clone())
            {
                problems.push(LoadError::RowLoaded {
                    path: path.to_path_buf(),
                    place: row.place.clone(),
                    reason: format!(
                        "its id “{id}” is also the id of {first}; a correction or removal of one applies to both"
                    ),
                });
            }
        }
        let results: Vec<(Option<Arc<ArticleEntry>>, Option<LoadError>)> =
            ingest_pool().install(|| {
                chunk
                    .into_par_iter()
                    .map(|row| row_entry(path, &canonical, &name, row, options, corrected))
                    .collect()
            });
        let mut entries = Vec::with_capacity(results.len());
        for (entry, problem) in results {
            entries.extend(entry);
            problems.extend(problem);
        }
        if !on_chunk(entries, problems, read) {
            return;
        }
    }
}

/// One row: its entry, and its problem (the reason it was not loaded, or a caveat).
fn row_entry(
    path: &Path,
    canonical: &Arc<std::path::PathBuf>,
    name: &str,
    row: RowResult,
    options: ExtractOptions,
    corrected: &Corrections<'_>,
) -> (Option<Arc<ArticleEntry>>, Option<LoadError>) {
    let skipped = |place: String, reason: String| LoadError::Row {
        path: path.to_path_buf(),
        place,
        reason,
    };
    let row = match row {
        Ok(r) => r,
        Err(bad) => return (None, Some(skipped(bad.place, bad.reason))),
    };
    let place = row.place.clone();
    let made = match row_article(canonical, name, row) {
        Ok(m) => m,
        Err(reason) => return (None, Some(skipped(place, reason))),
    };
    let correction = corrected(&made.article);
    let article = made.article;
    match std::panic::catch_unwind(|| ArticleEntry::new(article, correction, options)) {
        Ok(entry) => {
            let warning = made.warning.map(|reason| LoadError::RowLoaded {
                path: path.to_path_buf(),
                place,
                reason,
            });
            (Some(Arc::new(entry)), warning)
        }
        Err(_) => (
            None,
            Some(skipped(place, "the extractor panicked".to_string())),
        ),
    }
}

/// One step of a load: a run of files, or one article table (read in chunks of rows).
pub enum Step<'a> {
    Files(&'a [PathBuf]),
    Table(&'a PathBuf),
}

/// The steps of loading `files`, in their order: runs of files between the tables, in batches
/// of at most `batch` files, and each table alone.
pub fn load_steps(files: &[PathBuf], batch: usize) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    let mut rest = files;
    while !rest.is_empty() {
        let n = rest
            .iter()
            .position(|p| is_table_name(p))
            .unwrap_or(rest.len());
        steps.extend(rest[..n].chunks(batch.max(1)).map(Step::Files));
        if let Some(table) = rest.get(n) {
            steps.push(Step::Table(table));
        }
        rest = &rest[(n + 1).min(rest.len())..];
    }
    steps
}
