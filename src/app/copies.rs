//! Finding syndicated copies after a load, on a background thread (at 200k articles it takes
//! seconds), and installing the result if the corpus is still the one it was found in.

use super::*;
use techdivide_core::query::EntrySource;
use techdivide_core::stories::Stories;

/// A running search for copies among the entries added since the last one.
pub struct CopiesJob {
    rx: std::sync::mpsc::Receiver<Stories>,
    /// The corpus's length and removal count when it started.
    len: usize,
    removals: u64,
}

impl App {
    /// Look for copies among the entries not yet compared, unless a search already runs.
    pub(super) fn start_finding_copies(&mut self) {
        if self.copies_job.is_some() || self.corpus.stories.len() >= self.corpus.len() {
            return;
        }
        let entries = self.corpus.entries.clone();
        let mut stories = (*self.corpus.stories).clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("find-copies".into())
            .spawn(move || {
                stories.extend(&EntrySource(&entries));
                let _ = tx.send(stories);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.copies_job = Some(CopiesJob {
                    rx,
                    len: self.corpus.len(),
                    removals: self.removals,
                });
            }
            Err(e) => {
                // Without a thread, find them here: slower, but the counts stay right.
                crate::logfile::log(&format!("Warning: no thread to find copies ({e})"));
                self.corpus.find_copies();
                self.corpus_full_version += 1;
            }
        }
    }

    /// Install finished copies if the corpus has not moved under them; look again for entries
    /// added since.
    pub(super) fn poll_copies(&mut self) {
        let Some(job) = &self.copies_job else { return };
        let Ok(stories) = job.rx.try_recv() else {
            return;
        };
        let current = job.removals == self.removals && job.len <= self.corpus.len();
        self.copies_job = None;
        if current {
            let (before, _) = self.corpus.stories.merged();
            self.corpus.stories = Arc::new(stories);
            self.corpus_version += 1;
            self.corpus_full_version += 1;
            let (copies, stories) = self.corpus.stories.merged();
            if copies != before {
                crate::logfile::log(&format!(
                    "Copies: {copies} copies of {stories} stories in {} articles",
                    self.corpus.len()
                ));
            }
        }
        if self.load.is_none() {
            self.start_finding_copies();
        }
    }

    /// Is a search for copies running?
    pub fn is_finding_copies(&self) -> bool {
        self.copies_job.is_some()
    }

    /// The status bar's words on copies: how many of how many stories are merged.
    pub(super) fn copies_status(&self) -> Option<String> {
        if self.copies_job.is_some() {
            return Some("Finding copies…".into());
        }
        let (copies, stories) = self.corpus.stories.merged();
        (copies > 0).then(|| {
            let copies_word = if copies == 1 { "copy" } else { "copies" };
            let stories_word = if stories == 1 { "story" } else { "stories" };
            if self.corpus.keep_copies {
                format!(
                    "{copies} {copies_word} of {stories} {stories_word} found, every copy counted"
                )
            } else {
                format!("{copies} {copies_word} of {stories} {stories_word} merged")
            }
        })
    }
}
