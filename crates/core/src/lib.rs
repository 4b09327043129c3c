//! Tech Divide Explorer's core: files → articles → sentences, country mentions and years →
//! events → year × country counts, and their exports. No UI crate is a dependency: the window
//! and the CLI (the `techdivide` crate) only call into it.

pub mod arrow_events;
pub mod atomic_write;
pub mod byte_lanes;
pub mod cache;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod manifest;
pub mod parquet_tables;
pub mod query;
pub mod span;
pub mod stories;
pub mod word_list;

pub use corpus::{Article, LoadError};
pub use extract::{Analysis, Event, Evidence};
