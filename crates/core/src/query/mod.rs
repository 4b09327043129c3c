//! The loaded corpus and the queries the window runs on every keystroke: filter articles and
//! aggregate their events into a year × country table, without rescanning text for anything
//! but the free-text filter.

mod corpus_index;
pub mod explain;
mod filter;
mod ingest;
pub mod live_view;
pub mod recount;

pub use corpus_index::{ArticleEntry, Cell, Corpus};
pub use filter::{
    Counts, Filter, QueryResult, SortKey, TextMatcher, YearKey, merge_sorted_rows, row_order,
    sort_rows, text_hits,
};
pub use ingest::{ingest_pool, load_entries, load_entry};
