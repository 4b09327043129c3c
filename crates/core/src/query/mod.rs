//! The loaded corpus and the queries the window runs on every keystroke: filter articles and
//! aggregate their events into a year × country table, without rescanning text for anything
//! but the free-text filter.

pub mod concordance;
mod corpus_index;
pub mod date_suggestion;
pub mod explain;
mod filter;
mod ingest;
pub mod live_view;
pub mod load_job;
pub mod recount;
pub mod table_load;
pub mod units;

pub use corpus_index::{
    ArticleEntry, Cell, Corpus, DateCorrection, EntrySource, KeptAnalysis, Span,
};
pub use filter::{
    Counts, Filter, QueryResult, SortKey, TextMatcher, YearKey, merge_sorted_rows, row_order,
    sort_rows, text_hits,
};
pub use ingest::{
    Corrections, ingest_pool, load_corpus, load_corpus_cached, load_corpus_with, load_entries,
    load_entries_cached, load_entry, seed_entries,
};
pub use load_job::{LoadJob, LoadMsg};
