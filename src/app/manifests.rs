//! The manifests of the window's exports (chart numbers, chart image), written beside them on
//! a background thread: hashing every input takes seconds at 200k files.

use super::*;
use techdivide_core::manifest::{self, ExportKind, ManifestDraft};

/// A manifest written (`Ok`, its path) or why not.
pub(super) type ManifestDone = Result<PathBuf, String>;

impl App {
    /// Describe the export just written to `path` and write its manifest in the background.
    pub(super) fn write_manifest_for(&mut self, kind: ExportKind, path: &Path) {
        let filter = self.settings.filter.clone();
        self.write_manifest_with(kind, path, Some(&filter));
    }

    /// [`Self::write_manifest_for`] an export of the whole corpus, or of what `filter` selects.
    pub(super) fn write_manifest_with(
        &mut self,
        kind: ExportKind,
        path: &Path,
        filter: Option<&crate::query::Filter>,
    ) {
        let totals = manifest::totals(&self.corpus, self.view.result.total_events(), None);
        let draft = ManifestDraft::new(&self.corpus, kind, path, filter, totals);
        let done = self.manifest_done.0.clone();
        let repaint = self.ctx.clone();
        let export = path.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("manifest".into())
            .spawn(move || {
                let outcome = manifest::write_manifest(&draft.finish(), &export).map_err(|e| {
                    format!(
                        "Could not write the export's manifest ({e}): {}",
                        manifest::manifest_path(&export).display()
                    )
                });
                let _ = done.send(outcome);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            self.notify(
                Level::Error,
                format!("Could not write the export's manifest (no thread: {e})"),
            );
        }
    }

    /// Say when a manifest could not be written (a written one is only logged).
    pub(super) fn poll_manifests(&mut self) {
        while let Ok(outcome) = self.manifest_done.1.try_recv() {
            match outcome {
                Ok(path) => crate::logfile::log(&format!("Manifest written: {}", path.display())),
                Err(e) => self.notify(Level::Error, e),
            }
        }
    }
}
