//! The answers of the file dialogs (open files, open a folder, save the chart's numbers or
//! image), which arrive from a background thread, and what is done with them.

use super::*;

impl App {
    /// Apply a dialog's answer if one has arrived.
    pub(super) fn poll_dialogs(&mut self) {
        if let Some((kind, rx)) = &self.pick_rx
            && let Ok(outcome) = rx.try_recv()
        {
            let kind = *kind;
            self.pick_rx = None;
            match outcome {
                    PickOutcome::Picked(paths) => self.commands.push(Command::OpenPaths(paths)),
                    PickOutcome::Cancelled => {}
                    PickOutcome::Unavailable => self.notify(
                        Level::Warning,
                        format!(
                            "No file dialog is available on this desktop (no xdg-desktop-portal). To add {}, drag them onto the window or pass them on the command line: techdivide FILE…",
                            if kind == PickKind::Folder { "a folder" } else { "files" }
                        ),
                    ),
                }
        }
        if let Some((_, rx)) = &self.save_rx
            && let Ok(outcome) = rx.try_recv()
        {
            let Some((kind, _)) = self.save_rx.take() else {
                return;
            };
            let path = match outcome {
                PickOutcome::Picked(mut p) => p.pop(),
                PickOutcome::Cancelled => None,
                PickOutcome::Unavailable => {
                    let dir = self.data_dir.clone().unwrap_or_else(|| PathBuf::from("."));
                    let name = match kind {
                        SaveKind::CountsCsv => "chart-counts.csv",
                        SaveKind::ChartPng => "chart.png",
                        SaveKind::ConcordanceCsv => "concordance.csv",
                        SaveKind::Table(kind) => kind.file_name(),
                    };
                    Some(dir.join(name))
                }
            };
            if let Some(path) = path {
                match kind {
                    SaveKind::CountsCsv => self.save_counts(&path),
                    SaveKind::ChartPng => self.pending_chart_png = Some(path),
                    SaveKind::ConcordanceCsv => self.save_concordance(&path),
                    SaveKind::Table(kind) => self.save_table(kind, path),
                }
            }
        }
    }

    pub(super) fn save_concordance(&mut self, path: &Path) {
        let rows = crate::export::concordance_rows(&self.corpus, &self.concordance.lines);
        match crate::export::export_concordance(&rows, path) {
            Ok(()) => {
                self.write_manifest_for(crate::manifest::ExportKind::Concordance, path);
                self.notify(
                    Level::Info,
                    format!(
                        "Concordance of “{}” saved ({} lines): {}",
                        self.concordance.term,
                        rows.len(),
                        path.display()
                    ),
                )
            }
            Err(e) => self.notify(Level::Error, format!("Could not save the concordance: {e}")),
        }
    }

    pub(super) fn save_counts(&mut self, path: &Path) {
        match crate::export::export_counts(&self.view.result, path) {
            Ok(()) => {
                self.write_manifest_for(crate::manifest::ExportKind::ChartCsv, path);
                self.notify(
                    Level::Info,
                    format!("Chart numbers saved: {}", path.display()),
                )
            }
            Err(e) => self.notify(
                Level::Error,
                format!("Could not save the chart numbers: {e}"),
            ),
        }
    }
}
