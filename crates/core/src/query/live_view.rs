//! The view a window keeps of the corpus: the filtered rows in display order and their year ×
//! country aggregate, recomputed only when the filter, the order or the corpus changed, merged
//! incrementally while a load appends articles, and computed on a background thread when the
//! corpus is large, with a staleness check before the answer is installed.

use super::{Corpus, Filter, QueryResult, SortKey, merge_sorted_rows, sort_rows, text_hits};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// Above this much text, a text filter (and above [`BACKGROUND_REFRESH_BYTES`] any filter) runs
/// on a background thread.
pub const ASYNC_SEARCH_BYTES: usize = 32 * 1024 * 1024;
/// Without a text query, corpora below this size are filtered in place (a few ms).
pub const BACKGROUND_REFRESH_BYTES: usize = 64 * 1024 * 1024;
/// How often the view follows a running load.
pub const LOADING_REFRESH: Duration = Duration::from_millis(300);

/// What the view is asked to show: the corpus at a version, a filter and an order.
pub struct ViewRequest<'a> {
    pub corpus: &'a Corpus,
    pub filter: &'a Filter,
    pub sort: (SortKey, bool),
    /// Bumped on every corpus change.
    pub version: u64,
    /// Bumped on changes other than appending articles (removal, a correction, options): those
    /// need a full recomputation; appends are merged in.
    pub full_version: u64,
    /// A load is running (partial counts refresh at most every [`LOADING_REFRESH`]).
    pub loading: bool,
}

/// What a call to [`LiveView::refresh`] or [`LiveView::poll`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    /// Nothing to do, or the answer is still being computed in the background.
    Unchanged,
    /// The rows and counts now answer the request.
    Updated,
}

/// A filter computed on a background thread.
struct Job {
    filter: Filter,
    sort: (SortKey, bool),
    version: u64,
    full_version: u64,
    rx: Receiver<Done>,
}

/// What a background refresh computed.
struct Done {
    text_hits: Option<(String, Vec<usize>)>,
    result: QueryResult,
    sorted: Vec<usize>,
    corpus_events: usize,
    entries: usize,
}

/// The filtered, ordered, aggregated corpus, with what it was computed for.
pub struct LiveView {
    pub result: QueryResult,
    /// `result.rows` in display order.
    pub sorted: Vec<usize>,
    /// Events in the whole corpus.
    pub corpus_events: usize,
    /// Bumped on every recomputation, so derived data (a chart's series) can be cached.
    pub version: u64,
    /// Corpus size above which the text filter runs in the background.
    pub async_search_bytes: usize,
    /// Corpus size above which every filter change runs in the background.
    pub background_refresh_bytes: usize,
    /// The filter these rows answer.
    filter: Option<Filter>,
    /// Rows matching the text query, and the query they match.
    text_hits: Option<(String, Vec<usize>)>,
    corpus_version: u64,
    corpus_full_version: u64,
    /// How many corpus entries the rows cover.
    entries_seen: usize,
    computed_at: Option<Instant>,
    job: Option<Job>,
    /// Called when a background answer is ready (a window's repaint).
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Default for LiveView {
    fn default() -> Self {
        Self::new(Arc::new(|| {}))
    }
}

impl LiveView {
    /// An empty view; `wake` is called from the background thread when an answer is ready.
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        Self {
            result: QueryResult::default(),
            sorted: Vec::new(),
            corpus_events: 0,
            version: 0,
            async_search_bytes: ASYNC_SEARCH_BYTES,
            background_refresh_bytes: BACKGROUND_REFRESH_BYTES,
            filter: None,
            text_hits: None,
            corpus_version: 0,
            corpus_full_version: 0,
            entries_seen: 0,
            computed_at: None,
            job: None,
            wake,
        }
    }

    /// Is a background refresh running?
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Forget what the rows answer: the next refresh recomputes them.
    pub fn invalidate(&mut self) {
        self.filter = None;
    }

    /// Bring the view up to `req`: nothing when it already answers it; merge appended articles;
    /// else filter, aggregate and sort, in place or (large corpus) on a background thread.
    pub fn refresh(&mut self, req: &ViewRequest<'_>) -> std::io::Result<Refreshed> {
        if self.filter.as_ref() == Some(req.filter) && self.corpus_version == req.version {
            return Ok(Refreshed::Unchanged);
        }
        let only_corpus_grew = self.filter.as_ref() == Some(req.filter);
        if only_corpus_grew
            && req.loading
            && self
                .computed_at
                .is_some_and(|t| t.elapsed() < LOADING_REFRESH)
        {
            return Ok(Refreshed::Unchanged);
        }
        if only_corpus_grew
            && self.corpus_full_version == req.full_version
            && self.entries_seen <= req.corpus.len()
            && self.job.is_none()
        {
            self.merge_appended(req);
            return Ok(Refreshed::Updated);
        }
        let text = req.filter.text.trim().to_lowercase();
        let reuse = self.corpus_version == req.version;
        // Text hits of the same query can be reused; a longer query only needs to search the
        // hits of the shorter one.
        let (exact, narrow) = match &self.text_hits {
            Some((q, hits)) if reuse && *q == text => (Some(hits.clone()), None),
            Some((q, hits)) if reuse && !q.is_empty() && text.contains(q.as_str()) => {
                (None, Some(hits.clone()))
            }
            _ => (None, None),
        };
        let bytes = text_bytes(req.corpus);
        if bytes >= self.async_search_bytes
            && !(text.is_empty() && bytes < self.background_refresh_bytes)
        {
            self.start_job(req, text, exact, narrow)?;
            return Ok(Refreshed::Unchanged);
        }
        let done = compute(req.corpus, req.filter, req.sort, text, exact, narrow);
        self.install(done, req.filter.clone(), req.version, req.full_version);
        Ok(Refreshed::Updated)
    }

    /// Install a finished background refresh if it still answers `req` (a stale one is dropped:
    /// the next refresh starts anew).
    pub fn poll(&mut self, req: &ViewRequest<'_>) -> Refreshed {
        let Some(job) = &self.job else {
            return Refreshed::Unchanged;
        };
        let Ok(done) = job.rx.try_recv() else {
            return Refreshed::Unchanged;
        };
        let Some(job) = self.job.take() else {
            return Refreshed::Unchanged;
        };
        if job.version != req.version || job.filter != *req.filter || job.sort != req.sort {
            return Refreshed::Unchanged;
        }
        self.install(done, job.filter, job.version, job.full_version);
        Refreshed::Updated
    }

    /// Put the rows in the order `sort` asks for. On a large corpus this runs with the next
    /// (background) refresh; the rows keep their old order until it answers.
    pub fn resort(&mut self, corpus: &Corpus, sort: (SortKey, bool)) {
        if text_bytes(corpus) >= self.background_refresh_bytes {
            self.invalidate();
            return;
        }
        sort_rows(corpus, &mut self.sorted, sort.0, sort.1);
    }

    /// Articles were only appended (a load is running) and the filter is unchanged: run it over
    /// the new articles alone and merge them into the rows and the aggregate. Cost is the size
    /// of the batch, not of the corpus.
    fn merge_appended(&mut self, req: &ViewRequest<'_>) {
        let corpus = req.corpus;
        let new: Vec<usize> = (self.entries_seen..corpus.len()).collect();
        let text = req.filter.text.trim().to_lowercase();
        let candidates = if text.is_empty() {
            new
        } else {
            let hits = text_hits(&corpus.entries, &text, Some(&new));
            if let Some((q, all)) = &mut self.text_hits
                && *q == text
            {
                all.extend_from_slice(&hits);
            }
            hits
        };
        let part = req.filter.run(corpus, Some(&candidates));
        self.result.add_counts(&part);
        self.result.entry_events.resize(corpus.len(), 0);
        for &row in &part.rows {
            self.result.entry_events[row] = part.entry_events[row];
        }
        self.result.rows.extend_from_slice(&part.rows);
        // Sort the batch and merge it in: linear in the list at worst, a plain append when the
        // batch comes after it, never a full re-sort per batch.
        merge_sorted_rows(corpus, &mut self.sorted, part.rows, req.sort.0, req.sort.1);
        self.corpus_events += corpus.entries[self.entries_seen..]
            .iter()
            .map(|e| e.event_count())
            .sum::<usize>();
        self.entries_seen = corpus.len();
        self.corpus_version = req.version;
        self.computed_at = Some(Instant::now());
        self.version += 1;
    }

    fn start_job(
        &mut self,
        req: &ViewRequest<'_>,
        text: String,
        exact: Option<Vec<usize>>,
        narrow: Option<Vec<usize>>,
    ) -> std::io::Result<()> {
        if self.job.as_ref().is_some_and(|j| {
            j.filter == *req.filter && j.version == req.version && j.sort == req.sort
        }) {
            return Ok(());
        }
        let corpus = req.corpus.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = Arc::clone(&self.wake);
        let (filter, sort) = (req.filter.clone(), req.sort);
        std::thread::Builder::new()
            .name("techdivide-refresh".into())
            .spawn(move || {
                let _ = tx.send(compute(&corpus, &filter, sort, text, exact, narrow));
                wake();
            })?;
        self.job = Some(Job {
            filter: req.filter.clone(),
            sort: req.sort,
            version: req.version,
            full_version: req.full_version,
            rx,
        });
        Ok(())
    }

    fn install(&mut self, done: Done, filter: Filter, version: u64, full_version: u64) {
        self.text_hits = done.text_hits;
        self.result = done.result;
        self.sorted = done.sorted;
        self.filter = Some(filter);
        self.corpus_version = version;
        self.corpus_full_version = full_version;
        self.entries_seen = done.entries;
        self.corpus_events = done.corpus_events;
        self.computed_at = Some(Instant::now());
        self.version += 1;
    }
}

/// Filter, aggregate and sort: the one computation behind every refresh, in place or not.
fn compute(
    corpus: &Corpus,
    filter: &Filter,
    sort: (SortKey, bool),
    text: String,
    exact: Option<Vec<usize>>,
    narrow: Option<Vec<usize>>,
) -> Done {
    let hits = if text.is_empty() {
        None
    } else {
        Some(exact.unwrap_or_else(|| text_hits(&corpus.entries, &text, narrow.as_deref())))
    };
    let result = filter.run(corpus, hits.as_deref());
    let mut sorted = result.rows.clone();
    sort_rows(corpus, &mut sorted, sort.0, sort.1);
    Done {
        text_hits: hits.map(|h| (text, h)),
        result,
        sorted,
        corpus_events: corpus.event_count(),
        entries: corpus.len(),
    }
}

/// Bytes of article text: what decides whether a refresh runs in the background.
fn text_bytes(corpus: &Corpus) -> usize {
    corpus.entries.iter().map(|e| e.article.text.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleOrigin, load_bytes};
    use crate::extract::ExtractOptions;

    fn corpus(n: usize) -> Corpus {
        let articles = (0..n)
            .map(|i| {
                let text = format!(
                    "Trade {i}\n\nChina and India signed deal number {i} in 20{:02}.\n",
                    i % 20
                );
                load_bytes(
                    ArticleOrigin::Memory(format!("a{i}")),
                    format!("a{i}.txt"),
                    text.as_bytes(),
                )
                .expect("loads")
            })
            .collect();
        Corpus::from_articles(articles, ExtractOptions::default())
    }

    fn request<'a>(c: &'a Corpus, f: &'a Filter, version: u64) -> ViewRequest<'a> {
        ViewRequest {
            corpus: c,
            filter: f,
            sort: (SortKey::default(), false),
            version,
            full_version: 1,
            loading: false,
        }
    }

    #[test]
    fn merged_appends_equal_a_full_computation() {
        let full = corpus(30);
        let filter = Filter::default();
        let mut part = Corpus::new(full.entries[..10].to_vec(), full.options);
        let mut view = LiveView::default();
        assert_eq!(
            view.refresh(&request(&part, &filter, 1)).unwrap(),
            Refreshed::Updated
        );
        part.entries = full.entries.clone();
        view.refresh(&request(&part, &filter, 2)).unwrap();
        let direct = filter.run(&full, None);
        assert_eq!(view.result.counts, direct.counts);
        assert_eq!(view.sorted.len(), 30);
        // Asked again for the same thing: nothing to do.
        assert_eq!(
            view.refresh(&request(&part, &filter, 2)).unwrap(),
            Refreshed::Unchanged
        );
    }

    #[test]
    fn a_background_answer_is_installed_only_if_still_wanted() {
        let c = corpus(20);
        let mut view = LiveView {
            async_search_bytes: 0,
            background_refresh_bytes: 0,
            ..LiveView::default()
        };
        let wanted = Filter {
            text: "number 1".into(),
            ..Filter::default()
        };
        assert_eq!(
            view.refresh(&request(&c, &wanted, 1)).unwrap(),
            Refreshed::Unchanged
        );
        assert!(view.is_computing());
        // The user typed on: the first answer is stale and dropped.
        let typed_on = Filter {
            text: "number 12".into(),
            ..Filter::default()
        };
        let mut polled = Refreshed::Unchanged;
        for _ in 0..200 {
            polled = view.poll(&request(&c, &typed_on, 1));
            if !view.is_computing() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(polled, Refreshed::Unchanged);
        view.refresh(&request(&c, &typed_on, 1)).unwrap();
        for _ in 0..200 {
            if view.poll(&request(&c, &typed_on, 1)) == Refreshed::Updated {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(view.sorted.len(), 1, "only article 12 says 'number 12'");
    }
}
