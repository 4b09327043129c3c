//! The file dialog behind a small trait, so tests can inject a fake. The real one uses rfd's
//! portal backend through `AsyncFileDialog` on its own thread; it never blocks the window.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// What the user wants to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Files,
    Folder,
    /// A file name to save to, with a suggested name.
    Save(&'static str),
}

/// The answer of a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown (no desktop portal).
    Unavailable,
}

/// A source of file dialogs.
pub trait FilePicker {
    /// Start a dialog; the answer arrives on the returned channel.
    fn pick(&self, kind: PickKind) -> Receiver<PickOutcome>;
}

/// rfd's default (xdg-portal) backend, run on a named thread.
pub struct RfdPicker;

/// A dialog that answers faster than this never showed: rfd returns at once without a portal.
const INSTANT_ANSWER: Duration = Duration::from_millis(250);

impl FilePicker for RfdPicker {
    fn pick(&self, kind: PickKind) -> Receiver<PickOutcome> {
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("techdivide-file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::AsyncFileDialog::new();
                let picked: Option<Vec<PathBuf>> = match kind {
                    PickKind::Files => pollster::block_on(
                        dialog
                            .add_filter("Articles", &article_extensions())
                            .add_filter("Article tables", crate::corpus::table::TABLE_EXTENSIONS)
                            .pick_files(),
                    )
                    .map(|v| v.into_iter().map(|h| h.path().to_path_buf()).collect()),
                    PickKind::Folder => pollster::block_on(dialog.pick_folder())
                        .map(|h| vec![h.path().to_path_buf()]),
                    PickKind::Save(name) => {
                        pollster::block_on(dialog.set_file_name(name).save_file())
                            .map(|h| vec![h.path().to_path_buf()])
                    }
                };
                let outcome = match picked {
                    Some(paths) if !paths.is_empty() => PickOutcome::Picked(paths),
                    _ if started.elapsed() < INSTANT_ANSWER => PickOutcome::Unavailable,
                    _ => PickOutcome::Cancelled,
                };
                let _ = tx.send(outcome);
            });
        if spawned.is_err() {
            let (tx, rx) = channel();
            let _ = tx.send(PickOutcome::Unavailable);
            return rx;
        }
        rx
    }
}

/// A picker for tests: answers every dialog with the next queued outcome.
pub struct FakePicker {
    pub answers: std::sync::Mutex<Vec<PickOutcome>>,
}

impl FakePicker {
    pub fn new(answers: Vec<PickOutcome>) -> Self {
        Self {
            answers: std::sync::Mutex::new(answers),
        }
    }
}

impl FilePicker for FakePicker {
    fn pick(&self, _kind: PickKind) -> Receiver<PickOutcome> {
        let (tx, rx) = channel();
        let next = self
            .answers
            .lock()
            .ok()
            .and_then(|mut a| (!a.is_empty()).then(|| a.remove(0)));
        let _ = tx.send(next.unwrap_or(PickOutcome::Cancelled));
        rx
    }
}

/// Every extension that loads: text copies, saved pages and article tables.
fn article_extensions() -> Vec<&'static str> {
    crate::corpus::TEXT_EXTENSIONS
        .iter()
        .chain(crate::corpus::html::HTML_EXTENSIONS)
        .chain(crate::corpus::table::TABLE_EXTENSIONS)
        .copied()
        .collect()
}
