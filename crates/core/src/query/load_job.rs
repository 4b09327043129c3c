//! Background loading: a named thread reads, decodes and analyses files (the one ingest path,
//! [`super::load_entries`], a batch at a time) and sends batches of entries and problems back;
//! a window polls it every frame and can cancel it. An article table is sent a chunk of rows
//! at a time ([`super::table_load::load_table`]), so its progress shows per row.

use super::table_load::{Step, load_steps};
use super::{ArticleEntry, DateCorrection, load_entries_cached};
use crate::cache::{AnalysisCache, CacheReport};
use crate::corpus::table::ColumnChoices;
use crate::corpus::{Article, LoadError, article_key, collect_files};
use crate::extract::ExtractOptions;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Files per batch: small enough that the window shows partial counts often.
const BATCH: usize = 256;

/// A message from the loader thread.
pub enum LoadMsg {
    Started {
        total: usize,
    },
    Batch {
        entries: Vec<Arc<ArticleEntry>>,
        problems: Vec<LoadError>,
        done: usize,
        current: String,
    },
    Finished {
        cancelled: bool,
        /// What the analysis cache did (when the load used one).
        cache: Option<CacheReport>,
    },
}

/// A running load.
pub struct LoadJob {
    rx: Receiver<LoadMsg>,
    cancel: Arc<AtomicBool>,
    pub total: usize,
    pub done: usize,
    pub current: String,
}

impl LoadJob {
    /// Start loading `paths` on a background thread. `already` are canonical paths in the
    /// corpus (not loaded twice); `corrections` are date corrections by article key; `cache`
    /// serves unchanged files and keeps what the others give; `columns` says which column of
    /// an article table is which.
    pub fn start(
        paths: Vec<PathBuf>,
        already: HashSet<PathBuf>,
        corrections: HashMap<String, DateCorrection>,
        options: ExtractOptions,
        cache: Option<Arc<AnalysisCache>>,
        columns: ColumnChoices,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        std::thread::Builder::new()
            .name("techdivide-loader".into())
            .spawn(move || {
                let (files, problems) = collect_files(&paths, &already);
                let _ = tx.send(LoadMsg::Started { total: files.len() });
                if !problems.is_empty() {
                    let _ = tx.send(LoadMsg::Batch {
                        entries: Vec::new(),
                        problems,
                        done: 0,
                        current: String::new(),
                    });
                }
                let mut done = 0;
                let report =
                    |cache: &Option<Arc<AnalysisCache>>| cache.as_ref().map(|c| c.take_report());
                let corrected = |a: &Article| corrections.get(&article_key(&a.origin)).copied();
                for work in load_steps(&files, BATCH) {
                    if stop.load(Ordering::Relaxed) {
                        // What was stored so far is kept, on disk.
                        if let Some(c) = &cache
                            && let Err(e) = c.store(Vec::new(), true)
                        {
                            c.note_failure(&e);
                        }
                        let _ = tx.send(LoadMsg::Finished {
                            cancelled: true,
                            cache: report(&cache),
                        });
                        wake();
                        return;
                    }
                    let chunk = match work {
                        Step::Files(chunk) => chunk,
                        Step::Table(table) => {
                            let choice = columns.for_file(table);
                            let mut sent = true;
                            let name = table.display().to_string();
                            super::table_load::load_table(
                                table,
                                choice,
                                options,
                                &corrected,
                                &mut |entries, problems, rows| {
                                    sent = tx
                                        .send(LoadMsg::Batch {
                                            entries,
                                            problems,
                                            done,
                                            current: format!("{name} (row {rows})"),
                                        })
                                        .is_ok();
                                    wake();
                                    sent && !stop.load(Ordering::Relaxed)
                                },
                            );
                            if !sent {
                                return;
                            }
                            done += 1;
                            continue;
                        }
                    };
                    let (entries, problems) = load_entries_cached(
                        chunk,
                        options,
                        &corrected,
                        cache.as_deref(),
                        false,
                        &columns,
                    );
                    done += chunk.len();
                    let current = chunk
                        .last()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    if tx
                        .send(LoadMsg::Batch {
                            entries,
                            problems,
                            done,
                            current,
                        })
                        .is_err()
                    {
                        return;
                    }
                    wake();
                }
                // What was stored is made durable; records of files that are gone are dropped
                // (the cache only ever grows by what is open).
                if let Some(c) = &cache
                    && let Err(e) = c.store(Vec::new(), true).and_then(|()| c.prune_missing())
                {
                    c.note_failure(&e);
                }
                let _ = tx.send(LoadMsg::Finished {
                    cancelled: false,
                    cache: report(&cache),
                });
                wake();
            })?;
        Ok(Self {
            rx,
            cancel,
            total: 0,
            done: 0,
            current: String::new(),
        })
    }

    /// Ask the loader to stop after the current batch.
    ///
    /// (A table stops after its current chunk of rows.)
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Messages waiting now, without blocking; `None` once the thread is gone.
    pub fn poll(&mut self) -> Option<Vec<LoadMsg>> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(m) => {
                    match &m {
                        LoadMsg::Started { total } => self.total = *total,
                        LoadMsg::Batch { done, current, .. } => {
                            self.done = *done;
                            self.current.clone_from(current);
                        }
                        LoadMsg::Finished { .. } => {}
                    }
                    out.push(m);
                }
                Err(TryRecvError::Empty) => return Some(out),
                Err(TryRecvError::Disconnected) => {
                    return if out.is_empty() { None } else { Some(out) };
                }
            }
        }
    }
}
