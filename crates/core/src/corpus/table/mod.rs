//! Article tables: CSV, TSV, JSONL/NDJSON and Parquet files that hold one article per row
//! (events.md §1). A table is read as a stream of rows, so a file of gigabytes is never held
//! whole; each row becomes an article through [`row_article`].

mod columns;
mod csv_rows;
mod jsonl_rows;
mod parquet_rows;
mod row_article;

pub use columns::{ColumnChoice, ColumnChoices, ColumnMap, ColumnsProblem, Role};
pub use parquet_rows::cell as arrow_cell_text;
pub use row_article::{RowArticle, TableRow, cell_date, row_article};

use std::path::Path;

/// File extensions read as article tables (folder walks pick them up too).
pub const TABLE_EXTENSIONS: &[&str] = &["csv", "tsv", "jsonl", "ndjson", "parquet"];

/// Is this file an article table, by its extension?
pub fn is_table_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TABLE_EXTENSIONS.iter().any(|t| e.eq_ignore_ascii_case(t)))
}

/// A row that could not be read (not valid UTF-8, not a JSON object, a broken quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// `line 13`, `row 12`.
    pub place: String,
    pub reason: String,
}

/// One row as read: its cells, or why it could not be read.
pub type RowResult = Result<TableRow, BadRow>;

/// Why a table could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// The file could not be opened or its header read.
    Unreadable(String),
    /// Its columns do not say where the text is; `columns` are the table's own, for a choice.
    Columns {
        columns: Vec<String>,
        problem: ColumnsProblem,
    },
}

/// An open table: its column names and a stream of its rows.
pub struct TableReader {
    pub columns: Vec<String>,
    pub rows: Box<dyn Iterator<Item = RowResult> + Send>,
}

/// Open a table and map its columns (`choice` first, then the common names).
pub fn open_table(path: &Path, choice: &ColumnChoice) -> Result<TableReader, TableError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "parquet" => parquet_rows::open(path, choice),
        "jsonl" | "ndjson" => jsonl_rows::open(path, choice),
        "tsv" => csv_rows::open(path, Some(b'\t'), choice),
        _ => csv_rows::open(path, None, choice),
    }
}

/// Map a header, or say why it cannot be mapped (with the columns, for the window's dialog).
fn map_columns(columns: &[String], choice: &ColumnChoice) -> Result<ColumnMap, TableError> {
    ColumnMap::resolve(columns, choice).map_err(|problem| TableError::Columns {
        columns: columns.to_vec(),
        problem,
    })
}

fn unreadable(e: impl std::fmt::Display) -> TableError {
    TableError::Unreadable(e.to_string())
}
