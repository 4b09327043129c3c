//! Re-counting the corpus in the background after an extraction option changed, with
//! progress; what a load adds meanwhile is re-counted next.

use super::*;

/// A re-count of the corpus with new extraction options, on a background thread.
pub struct RecountJob {
    pub options: ExtractOptions,
    pub total: usize,
    pub done: Arc<std::sync::atomic::AtomicUsize>,
    cancel: Arc<std::sync::atomic::AtomicBool>,
    rx: Receiver<Option<crate::query::recount::Recounted>>,
}

impl RecountJob {
    /// Entries re-counted so far.
    pub fn progress(&self) -> usize {
        self.done.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl App {
    /// Re-count every entry analysed with other options than the corpus's, on a background
    /// thread; a re-count already running is cancelled (its options are no longer wanted).
    pub(super) fn start_recount(&mut self) {
        if let Some(job) = self.recount.take() {
            job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let stale = self.corpus.stale_entries();
        if stale.is_empty() {
            return;
        }
        let options = self.corpus.options;
        let total = stale.len();
        let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        let (job_done, job_cancel) = (Arc::clone(&done), Arc::clone(&cancel));
        let spawned = std::thread::Builder::new()
            .name("techdivide-recount".into())
            .spawn(move || {
                let _ = tx.send(crate::query::recount::recount(
                    stale,
                    options,
                    &job_done,
                    &job_cancel,
                ));
                if let Some(c) = ctx {
                    c.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.recount = Some(RecountJob {
                    options,
                    total,
                    done,
                    cancel,
                    rx,
                })
            }
            Err(e) => self.notify(Level::Error, format!("Could not start re-counting: {e}")),
        }
    }

    /// A finished re-count: install it, then re-count what a load added meanwhile.
    pub(super) fn poll_recount(&mut self) {
        let Some(job) = &self.recount else { return };
        let Ok(outcome) = job.rx.try_recv() else {
            return;
        };
        let options = job.options;
        self.recount = None;
        if let Some(recounted) = outcome
            && options == self.corpus.options
        {
            if self.corpus.install_recounted(recounted) > 0 {
                self.corpus_version += 1;
                self.corpus_full_version += 1;
            }
            if !self.corpus.stale_entries().is_empty() {
                self.start_recount();
            }
        }
    }
}
