//! The window's exports of the whole corpus's event and article tables — the CLI's `--export`
//! and `--articles`, as CSV, JSON or Parquet by the file's name — written on a background
//! thread so a large corpus never freezes the window.

use super::*;
use crate::manifest::ExportKind;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Events,
    Articles,
}

impl TableKind {
    /// The name the save dialog suggests.
    pub fn file_name(self) -> &'static str {
        match self {
            TableKind::Events => "events.csv",
            TableKind::Articles => "articles.csv",
        }
    }

    fn export_kind(self) -> ExportKind {
        match self {
            TableKind::Events => ExportKind::Events,
            TableKind::Articles => ExportKind::Articles,
        }
    }

    fn what(self) -> &'static str {
        match self {
            TableKind::Events => "Events",
            TableKind::Articles => "Article table",
        }
    }
}

/// A table written (its kind, file and rows), or what went wrong.
pub type TableSaved = Result<(TableKind, PathBuf, usize), String>;

impl App {
    /// Write a table of the whole corpus to `path` in the background.
    pub(super) fn save_table(&mut self, kind: TableKind, path: PathBuf) {
        let corpus = self.corpus.clone();
        let done = self.table_saved.0.clone();
        let repaint = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("table-export".into())
            .spawn(move || {
                let written = match kind {
                    TableKind::Events => {
                        let rows = crate::export::event_rows(&corpus);
                        crate::export::export_event_rows(&rows, &path).map(|()| rows.len())
                    }
                    TableKind::Articles => {
                        crate::export::export_articles(&corpus, &path).map(|()| corpus.len())
                    }
                };
                let outcome = written.map(|n| (kind, path.clone(), n)).map_err(|e| {
                    format!(
                        "Could not save the {} ({e}): {}",
                        kind.what().to_lowercase(),
                        path.display()
                    )
                });
                let _ = done.send(outcome);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            self.notify(Level::Error, format!("Could not start the export: {e}"));
        }
    }

    /// Say what the background exports wrote, and write their manifests.
    pub(super) fn poll_table_exports(&mut self) {
        while let Ok(outcome) = self.table_saved.1.try_recv() {
            match outcome {
                Ok((kind, path, rows)) => {
                    self.write_manifest_with(kind.export_kind(), &path, None);
                    self.notify(
                        Level::Info,
                        format!("{} saved ({rows} rows): {}", kind.what(), path.display()),
                    );
                }
                Err(e) => self.notify(Level::Error, e),
            }
        }
    }
}
