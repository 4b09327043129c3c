//! Filters (free text, countries, year range, evidence) and the year × country aggregate.

use super::corpus_index::{Cell, Corpus};
use crate::extract::Evidence;
use crate::extract::gazetteer::{CountryId, gazetteer};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Articles per parallel chunk of a query.
const CHUNK: usize = 8192;
/// The dense aggregate covers these years (and one slot for undated); others go to a map.
const FIRST_SLOT_YEAR: i16 = 1800;
const SLOTS: usize = 401;

/// One chunk's share of a query: events and distinct articles per (year, country) cell, and
/// articles per year.
struct Partial {
    dense: Vec<u32>,
    dense_articles: Vec<u32>,
    year_articles: Vec<u32>,
    rest: Counts,
    rest_articles: Counts,
    rest_year_articles: BTreeMap<YearKey, u32>,
    rows: Vec<(usize, u32)>,
}

fn slot(year: Option<i16>) -> Option<usize> {
    match year {
        None => Some(SLOTS - 1),
        Some(y) => {
            let s = usize::try_from(y - FIRST_SLOT_YEAR).ok()?;
            (s < SLOTS - 1).then_some(s)
        }
    }
}

/// A year, or undated. Sorted with every year before undated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum YearKey {
    Year(i16),
    Undated,
}

impl YearKey {
    pub fn from_year(y: Option<i16>) -> Self {
        y.map_or(YearKey::Undated, YearKey::Year)
    }
}

/// What the user filters on. Saved in the settings, so every field has a default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Case-insensitive text in the title or body.
    pub text: String,
    /// ISO codes; empty = all countries.
    pub countries: BTreeSet<String>,
    pub year_min: Option<i16>,
    pub year_max: Option<i16>,
    /// Only events whose year is stated explicitly.
    pub explicit_only: bool,
    /// Only undated events.
    pub undated_only: bool,
}

/// How the article list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    File,
    Title,
    Published,
    Events,
}

/// year × country → number of events.
pub type Counts = BTreeMap<(YearKey, CountryId), u32>;

/// The articles that pass a filter and the aggregate of their events that pass it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryResult {
    /// Indices into `Corpus::entries`.
    pub rows: Vec<usize>,
    /// Events per (year, country).
    pub counts: Counts,
    /// Distinct articles with at least one event in the (year, country) cell.
    pub articles: Counts,
    /// Distinct articles with at least one event in the year (any country): the denominator of
    /// "events per 100 articles".
    pub year_articles: BTreeMap<YearKey, u32>,
    /// Events that pass the filter, per corpus entry (0 for entries not in `rows`).
    pub entry_events: Vec<u32>,
}

impl QueryResult {
    pub fn total_events(&self) -> u64 {
        self.counts.values().map(|&c| u64::from(c)).sum()
    }

    /// Add another result over other articles (a loaded batch): every count is a sum over
    /// articles, so disjoint parts add up.
    pub fn add_counts(&mut self, part: &QueryResult) {
        for (k, n) in &part.counts {
            *self.counts.entry(*k).or_insert(0) += n;
        }
        for (k, n) in &part.articles {
            *self.articles.entry(*k).or_insert(0) += n;
        }
        for (k, n) in &part.year_articles {
            *self.year_articles.entry(*k).or_insert(0) += n;
        }
    }
}

/// A compiled case-insensitive text query.
pub struct TextMatcher {
    regex: Option<regex::Regex>,
}

impl TextMatcher {
    pub fn new(query: &str) -> Self {
        let q = query.trim();
        let regex = (!q.is_empty())
            .then(|| {
                regex::RegexBuilder::new(&regex::escape(q))
                    .case_insensitive(true)
                    .build()
                    .ok()
            })
            .flatten();
        Self { regex }
    }

    pub fn is_empty(&self) -> bool {
        self.regex.is_none()
    }

    pub fn matches(&self, title: &str, body: &str) -> bool {
        self.regex
            .as_ref()
            .is_none_or(|r| r.is_match(title) || r.is_match(body))
    }
}

impl Filter {
    /// True when a filter on events (not only on text) is set.
    pub fn filters_events(&self) -> bool {
        !self.countries.is_empty()
            || self.year_min.is_some()
            || self.year_max.is_some()
            || self.explicit_only
            || self.undated_only
    }

    fn country_ids(&self) -> Option<Vec<CountryId>> {
        (!self.countries.is_empty()).then(|| {
            self.countries
                .iter()
                .filter_map(|c| gazetteer().id(c))
                .collect()
        })
    }

    /// Whether one cell passes the event filters.
    fn cell_passes(&self, cell: &Cell, countries: Option<&[CountryId]>) -> bool {
        if countries.is_some_and(|c| !c.contains(&cell.country)) {
            return false;
        }
        if self.undated_only {
            return cell.year.is_none();
        }
        if self.explicit_only && cell.evidence != Evidence::Explicit {
            return false;
        }
        if self.year_min.is_some() || self.year_max.is_some() {
            let Some(y) = cell.year else { return false };
            if self.year_min.is_some_and(|m| y < m) || self.year_max.is_some_and(|m| y > m) {
                return false;
            }
        }
        true
    }

    /// Run the filter over the corpus. `text_hits`, when given, is the precomputed set of rows
    /// that match the text query (so a country click does not rescan text). Articles are summed
    /// in parallel chunks into a dense year × country array; nothing but the cells is read.
    pub fn run(&self, corpus: &Corpus, text_hits: Option<&[usize]>) -> QueryResult {
        let countries = self.country_ids();
        let countries = countries.as_deref();
        let matcher = TextMatcher::new(&self.text);
        let all: Vec<usize>;
        let candidates: &[usize] = match text_hits {
            Some(rows) => rows,
            None => {
                all = (0..corpus.entries.len()).collect();
                &all
            }
        };
        let n_countries = gazetteer().countries.len().max(1);
        let filters_events = self.filters_events();
        let check_text = text_hits.is_none() && !matcher.is_empty();
        let parts: Vec<Partial> = candidates
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut part = Partial {
                    dense: vec![0; SLOTS * n_countries],
                    dense_articles: vec![0; SLOTS * n_countries],
                    year_articles: vec![0; SLOTS],
                    rest: Counts::new(),
                    rest_articles: Counts::new(),
                    rest_year_articles: BTreeMap::new(),
                    rows: Vec::new(),
                };
                // The cells one article reaches (dense index, or year and country off the
                // dense range), to count each article once per cell and once per year.
                let mut touched: Vec<usize> = Vec::new();
                let mut touched_rest: Vec<(YearKey, CountryId)> = Vec::new();
                for &i in chunk {
                    let Some(entry) = corpus.entries.get(i) else {
                        continue;
                    };
                    if !corpus.counts_entry(i) {
                        continue;
                    }
                    if check_text
                        && !matcher.matches(&entry.article.meta.title, &entry.article.text)
                    {
                        continue;
                    }
                    let mut n = 0u32;
                    touched.clear();
                    touched_rest.clear();
                    for e in &entry.analysis.events {
                        let cell = Cell::of(e);
                        if self.cell_passes(&cell, countries) {
                            match slot(cell.year) {
                                Some(s) => {
                                    let at = s * n_countries + usize::from(cell.country);
                                    part.dense[at] += 1;
                                    touched.push(at);
                                }
                                None => {
                                    let key = (YearKey::from_year(cell.year), cell.country);
                                    *part.rest.entry(key).or_insert(0) += 1;
                                    touched_rest.push(key);
                                }
                            }
                            n += 1;
                        }
                    }
                    touched.sort_unstable();
                    touched.dedup();
                    let mut last_slot = usize::MAX;
                    for &at in &touched {
                        part.dense_articles[at] += 1;
                        // Sorted by cell, so by year slot: each year once.
                        if at / n_countries != last_slot {
                            last_slot = at / n_countries;
                            part.year_articles[last_slot] += 1;
                        }
                    }
                    touched_rest.sort_unstable();
                    touched_rest.dedup();
                    let mut last_year = None;
                    for &key in &touched_rest {
                        *part.rest_articles.entry(key).or_insert(0) += 1;
                        if last_year != Some(key.0) {
                            last_year = Some(key.0);
                            *part.rest_year_articles.entry(key.0).or_insert(0) += 1;
                        }
                    }
                    if !(filters_events && n == 0) {
                        part.rows.push((i, n));
                    }
                }
                part
            })
            .collect();
        let mut dense = vec![0u32; SLOTS * n_countries];
        let mut dense_articles = vec![0u32; SLOTS * n_countries];
        let mut year_articles = vec![0u32; SLOTS];
        let mut result = QueryResult {
            entry_events: vec![0; corpus.entries.len()],
            ..QueryResult::default()
        };
        for part in parts {
            for (d, p) in dense.iter_mut().zip(&part.dense) {
                *d += p;
            }
            for (d, p) in dense_articles.iter_mut().zip(&part.dense_articles) {
                *d += p;
            }
            for (d, p) in year_articles.iter_mut().zip(&part.year_articles) {
                *d += p;
            }
            for (k, v) in part.rest {
                *result.counts.entry(k).or_insert(0) += v;
            }
            for (k, v) in part.rest_articles {
                *result.articles.entry(k).or_insert(0) += v;
            }
            for (k, v) in part.rest_year_articles {
                *result.year_articles.entry(k).or_insert(0) += v;
            }
            for (i, n) in part.rows {
                result.rows.push(i);
                result.entry_events[i] = n;
            }
        }
        let year_of = |s: usize| {
            if s == SLOTS - 1 {
                YearKey::Undated
            } else {
                YearKey::Year(FIRST_SLOT_YEAR + s as i16)
            }
        };
        for (index, &n) in dense.iter().enumerate().filter(|(_, n)| **n > 0) {
            let (s, c) = (index / n_countries, index % n_countries);
            let key = (year_of(s), c as CountryId);
            *result.counts.entry(key).or_insert(0) += n;
            *result.articles.entry(key).or_insert(0) += dense_articles[index];
        }
        for (s, &n) in year_articles.iter().enumerate().filter(|(_, n)| **n > 0) {
            *result.year_articles.entry(year_of(s)).or_insert(0) += n;
        }
        result
    }

    /// Rows whose title or body contains the text query (all rows when it is empty). When
    /// `narrow` holds the hits of a shorter query this one extends, only those are searched.
    pub fn text_hits(&self, corpus: &Corpus, narrow: Option<&[usize]>) -> Vec<usize> {
        text_hits(&corpus.entries, &self.text, narrow)
    }

    /// Events of one (year, country) cell of the aggregate, as (row, sentence index) pairs, so
    /// the window can list the sentences behind a bar.
    pub fn events_in_cell(
        &self,
        corpus: &Corpus,
        rows: &[usize],
        year: YearKey,
        country: CountryId,
    ) -> Vec<(usize, u32)> {
        let countries = self.country_ids();
        let mut out = Vec::new();
        for &i in rows {
            let Some(entry) = corpus.entries.get(i) else {
                continue;
            };
            for e in &entry.analysis.events {
                let cell = Cell::of(e);
                if e.country == country
                    && YearKey::from_year(e.year) == year
                    && self.cell_passes(&cell, countries.as_deref())
                {
                    out.push((i, e.sentence));
                }
            }
        }
        out
    }
}

/// Sort rows (indices into the corpus) by a column.
pub fn sort_rows(corpus: &Corpus, rows: &mut [usize], key: SortKey, descending: bool) {
    let order = |a: &usize, b: &usize| row_order(corpus, *a, *b, key, descending);
    // Loads arrive in file order, so the list is often sorted already: check in O(n) first. The
    // order is total (ties by position), so an unstable parallel sort gives one answer.
    if !rows.is_sorted_by(|a, b| order(a, b).is_le()) {
        rows.par_sort_unstable_by(order);
    }
}

/// Titles in case-insensitive order, compared character by character as lower case (no
/// lower-cased copy of every title is kept: 22 MB at 200k articles; most comparisons stop
/// within the first few characters).
pub fn cmp_titles(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// The list's order of two rows: by `key`, ties broken by position in the corpus, so every sort
/// and every merge of sorted parts gives the same list. `descending` reverses the whole order.
pub fn row_order(
    corpus: &Corpus,
    a: usize,
    b: usize,
    key: SortKey,
    descending: bool,
) -> std::cmp::Ordering {
    let e = &corpus.entries;
    let by_key = match key {
        SortKey::File => e[a].article.file.cmp(&e[b].article.file),
        SortKey::Title => cmp_titles(&e[a].article.meta.title, &e[b].article.meta.title),
        SortKey::Published => e[a].published().cmp(&e[b].published()),
        SortKey::Events => e[a].event_count().cmp(&e[b].event_count()),
    };
    let total = by_key.then(a.cmp(&b));
    if descending { total.reverse() } else { total }
}

/// Merge `new` rows into `sorted` (already in list order): sort the new part, then append it
/// when it all comes after the list, else one linear merge. What the window does as each loaded
/// batch arrives, instead of re-sorting everything.
pub fn merge_sorted_rows(
    corpus: &Corpus,
    sorted: &mut Vec<usize>,
    mut new: Vec<usize>,
    key: SortKey,
    descending: bool,
) {
    sort_rows(corpus, &mut new, key, descending);
    // A load in file order appends batches that all come after the list: no merge needed.
    let after_all = match (sorted.last(), new.first()) {
        (Some(&a), Some(&b)) => row_order(corpus, a, b, key, descending).is_lt(),
        _ => true,
    };
    if after_all {
        sorted.extend_from_slice(&new);
        return;
    }
    let old = std::mem::take(sorted);
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        if row_order(corpus, new[j], old[i], key, descending).is_lt() {
            merged.push(new[j]);
            j += 1;
        } else {
            merged.push(old[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&old[i..]);
    merged.extend_from_slice(&new[j..]);
    *sorted = merged;
}

/// Indices of `entries` whose title or body contains `query` (case-insensitive), searched in
/// parallel; only `narrow` is searched when given. Free of `Corpus` so a background thread can run
/// it on a snapshot of the entries.
pub fn text_hits(
    entries: &[std::sync::Arc<super::ArticleEntry>],
    query: &str,
    narrow: Option<&[usize]>,
) -> Vec<usize> {
    let matcher = TextMatcher::new(query);
    let test = |i: usize| {
        entries
            .get(i)
            .is_some_and(|e| matcher.matches(&e.article.meta.title, &e.article.text))
    };
    match narrow {
        Some(rows) => rows.par_iter().copied().filter(|&i| test(i)).collect(),
        None => (0..entries.len())
            .into_par_iter()
            .filter(|&i| test(i))
            .collect(),
    }
}
