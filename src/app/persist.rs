//! Writing the settings: at once for what the user owns, a moment after the last change for
//! the filter being typed and the panel sizes, atomically, so a crash or a kill loses nothing.

use super::*;

/// How long to wait before writing again after a failed write.
pub(super) const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(5);

/// Settings that changed only in the filter or the panel sizes are written once they have not
/// changed for this long; anything the user owns is written at once.
pub(super) const SAVE_DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(800);

impl App {
    /// Write the settings when they changed: at once for what the user owns (a date
    /// correction, an opened or removed file, an option), a moment after the last change for
    /// the filter being typed and the panel sizes. A crash or a kill afterwards loses nothing.
    pub(super) fn persist_settings(&mut self) {
        if self.data_dir.is_none() {
            return;
        }
        if self.saved.as_ref() == Some(&self.settings) {
            self.unsaved_since = None;
            return;
        }
        let now = std::time::Instant::now();
        let owned = self
            .saved
            .as_ref()
            .is_none_or(|s| !s.same_owned(&self.settings));
        let since = *self.unsaved_since.get_or_insert(now);
        // After a failed write (a full disk, a folder made read-only), try again every few
        // seconds, not every frame; the notification says it once.
        if self
            .save_failed_at
            .is_some_and(|t| now.duration_since(t) < SAVE_RETRY)
        {
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint_after(SAVE_RETRY);
            }
            return;
        }
        if owned || now.duration_since(since) >= SAVE_DEBOUNCE {
            self.save_settings();
        } else if let Some(ctx) = &self.ctx {
            ctx.request_repaint_after(SAVE_DEBOUNCE);
        }
    }

    /// Write the settings file now (also done by eframe at intervals and on exit).
    pub fn save_settings(&mut self) {
        let Some(dir) = &self.data_dir else { return };
        match self.settings.save(dir) {
            Ok(()) => {
                self.saved = Some(self.settings.clone());
                self.unsaved_since = None;
                self.save_failed_at = None;
            }
            Err(e) => {
                self.save_failed_at = Some(std::time::Instant::now());
                let text = format!("Could not save settings ({e}): {}", dir.display());
                if !self.notifications.iter().any(|n| n.text == text) {
                    self.notify(Level::Error, text);
                }
            }
        }
    }
}
