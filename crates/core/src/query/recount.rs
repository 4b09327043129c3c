//! Re-counting the corpus after an extraction option changed (anchor decades), off the UI
//! thread: the entries analysed with other options are re-analysed in parallel from a snapshot,
//! with progress and cancel, and installed where the corpus still holds the same entry.

use super::corpus_index::{ArticleEntry, Corpus};
use crate::extract::ExtractOptions;
use rayon::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Entries re-analysed with new options: each old entry with its replacement.
pub type Recounted = Vec<(Arc<ArticleEntry>, Arc<ArticleEntry>)>;

impl Corpus {
    /// The entries whose analysis used other options than the corpus's (after an option
    /// change, and for articles a load analysed before it).
    pub fn stale_entries(&self) -> Vec<Arc<ArticleEntry>> {
        self.entries
            .iter()
            .filter(|e| e.options != self.options)
            .cloned()
            .collect()
    }

    /// Put re-analysed entries in place of the ones they were made from, where the corpus still
    /// holds that very entry (one removed or corrected meanwhile is left as it is now). Returns
    /// how many were installed.
    pub fn install_recounted(&mut self, recounted: Recounted) -> usize {
        let by_ptr: std::collections::HashMap<*const ArticleEntry, Arc<ArticleEntry>> = recounted
            .into_iter()
            .filter(|(_, new)| new.options == self.options)
            .map(|(old, new)| (Arc::as_ptr(&old), new))
            .collect();
        let mut installed = 0;
        for e in &mut self.entries {
            if let Some(new) = by_ptr.get(&Arc::as_ptr(e)) {
                *e = Arc::clone(new);
                installed += 1;
            }
        }
        installed
    }
}

/// The re-count's own pool: one core fewer than the machine has (at least one thread), so the
/// filters a user types meanwhile (on rayon's global pool) still find a free core.
fn recount_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("techdivide-recount-{i}"))
            .build()
            .unwrap_or_else(|_| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .build()
                    .expect("a one-thread pool")
            })
    })
}

/// Re-analyse `entries` with `options` (on the re-count pool), counting each finished entry in
/// `done`. Returns `None` when `cancel` was set before the end.
pub fn recount(
    entries: Vec<Arc<ArticleEntry>>,
    options: ExtractOptions,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Option<Recounted> {
    let out: Vec<Option<(Arc<ArticleEntry>, Arc<ArticleEntry>)>> = recount_pool().install(|| {
        entries
            .into_par_iter()
            .map(|old| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let mut new = ArticleEntry::clone(&old);
                new.recompute(options);
                done.fetch_add(1, Ordering::Relaxed);
                Some((old, Arc::new(new)))
            })
            .collect()
    });
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleOrigin, load_bytes};

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                load_bytes(
                    ArticleOrigin::Memory(format!("a{i}")),
                    format!("a{i}.txt"),
                    t.as_bytes(),
                )
                .expect("loads")
            })
            .collect();
        Corpus::from_articles(articles, ExtractOptions::default())
    }

    #[test]
    fn a_background_recount_gives_what_a_direct_option_change_gives() {
        let texts = [
            "Chip war\n\nJapan built its chip industry in the 1980s, officials said.\n",
            "Trade\n\nChina and India signed a deal in 2019.\n",
        ];
        let anchored = ExtractOptions {
            anchor_decades: true,
        };
        let mut direct = corpus(&texts);
        direct.set_options(anchored);
        let mut background = corpus(&texts);
        background.options = anchored;
        let stale = background.stale_entries();
        assert_eq!(stale.len(), 2);
        let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
        let recounted = recount(stale, anchored, &done, &cancel).expect("not cancelled");
        assert_eq!(done.load(Ordering::Relaxed), 2);
        assert_eq!(background.install_recounted(recounted), 2);
        assert!(background.stale_entries().is_empty());
        let cells = |c: &Corpus| c.entries.iter().map(|e| e.cells()).collect::<Vec<_>>();
        assert_eq!(cells(&background), cells(&direct));
        // The decade now has a year: the counts changed.
        assert_ne!(cells(&background), cells(&corpus(&texts)));
    }

    #[test]
    fn an_entry_removed_meanwhile_is_not_brought_back() {
        let mut c = corpus(&["Trade\n\nChina and India signed a deal in 2019.\n"]);
        c.options = ExtractOptions {
            anchor_decades: true,
        };
        let stale = c.stale_entries();
        let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
        let recounted = recount(stale, c.options, &done, &cancel).expect("not cancelled");
        c.remove(0);
        assert_eq!(c.install_recounted(recounted), 0);
        assert!(c.is_empty());
    }
}
