//! One loaded article: its text, where it came from, and its header metadata.

use super::metadata::Metadata;
use std::path::PathBuf;

/// Where an article's text came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArticleOrigin {
    /// One of the seed articles embedded in the binary, by file name.
    Seed(String),
    /// A file on disk (canonical path when it could be resolved).
    File(PathBuf),
    /// Text handed over in memory (tests, benchmarks).
    Memory(String),
    /// A row of an article table: the table's canonical path (shared by its rows), and `id=…`
    /// (its id column) or `row=N` (its row number, from 1). Small enough that the enum stays 32
    /// bytes: one is kept per article.
    Row {
        table: std::sync::Arc<PathBuf>,
        key: Box<str>,
    },
}

/// The key an article's user data (a date correction, a removal) is saved under: the canonical
/// path, or `seed:NAME`, or `memory:NAME`, or `TABLE#id=…` / `TABLE#row=N` for a table's row.
pub fn article_key(origin: &ArticleOrigin) -> String {
    match origin {
        ArticleOrigin::Seed(n) => format!("seed:{n}"),
        ArticleOrigin::File(p) => p.display().to_string(),
        ArticleOrigin::Memory(n) => format!("memory:{n}"),
        ArticleOrigin::Row { table, key } => format!("{}#{key}", table.display()),
    }
}

/// One text file read as a news article. Every span in the analysis is a byte range into `text`.
#[derive(Debug, Clone)]
pub struct Article {
    pub origin: ArticleOrigin,
    /// Base name of the file, as the export's `file` column shows it.
    pub file: String,
    pub text: String,
    /// Encoding the file was decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    pub meta: Metadata,
}

impl Article {
    /// Build an article from decoded text: parses the header.
    pub fn new(origin: ArticleOrigin, file: String, text: String, encoding: &'static str) -> Self {
        let meta = super::metadata::parse_metadata(&text, &file);
        Self::with_meta(origin, file, text, encoding, meta)
    }

    /// Build an article from decoded text whose first line is its headline, known from outside
    /// the text (a saved page's metadata, a table's title column).
    pub fn under_headline(
        origin: ArticleOrigin,
        file: String,
        text: String,
        encoding: &'static str,
    ) -> Self {
        let meta = super::metadata::parse_metadata_under_headline(&text, &file);
        Self::with_meta(origin, file, text, encoding, meta)
    }

    fn with_meta(
        origin: ArticleOrigin,
        file: String,
        text: String,
        encoding: &'static str,
        meta: super::metadata::Metadata,
    ) -> Self {
        Self {
            origin,
            file,
            text,
            encoding,
            meta,
        }
    }

    /// The article's body paragraphs as text slices.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.meta
            .paragraphs
            .iter()
            .filter_map(|r| self.text.get(r.range()))
    }

    /// Give back spare capacity: an article is kept for the whole session, and at 200k
    /// articles the slack of its growable parts is tens of MB.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.meta.title.shrink_to_fit();
        self.meta.paragraphs.shrink_to_fit();
    }

    /// Where the article is, for a person: its file's name, or its row of a table (`row 12 of
    /// stories.csv`, `id wire_01 in stories.jsonl`).
    pub fn location(&self) -> String {
        let ArticleOrigin::Row { table, key } = &self.origin else {
            return self.file.clone();
        };
        let table = table.file_name().map_or_else(
            || table.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match key.split_once('=') {
            Some(("row", n)) => format!("row {n} of {table}"),
            Some((_, id)) => format!("id {id} in {table}"),
            None => format!("{key} in {table}"),
        }
    }

    /// The path on disk, if the article came from a file (a table's, for one of its rows).
    pub fn path(&self) -> Option<&std::path::Path> {
        match &self.origin {
            ArticleOrigin::File(p) => Some(p),
            ArticleOrigin::Row { table, .. } => Some(table),
            _ => None,
        }
    }
}
