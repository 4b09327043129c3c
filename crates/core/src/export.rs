//! Writing the event table (CSV or JSON) and the year × country counts (CSV), atomically.

use crate::extract::gazetteer::{CountryId, gazetteer};
use crate::query::concordance::{Occurrence, context};
use crate::query::date_suggestion::{DateSuggestion, suggest};
use crate::query::{Corpus, QueryResult, YearKey};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Errors while writing an export. The path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write ({source}): {path}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write CSV ({source}): {path}")]
    Csv { path: String, source: csv::Error },
    #[error("cannot write JSON ({source}): {path}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("cannot write Parquet ({source}): {path}")]
    Parquet {
        path: String,
        source: crate::parquet_tables::ParquetError,
    },
}

/// Does `path` ask for a Parquet table (it ends in `.parquet`)?
pub fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// Write a Parquet table built by `batch` to `path` (atomically, as every export).
fn export_parquet(
    path: &Path,
    batch: impl FnOnce() -> Result<arrow_array::RecordBatch, crate::parquet_tables::ParquetError>,
) -> Result<(), ExportError> {
    let name = path.display().to_string();
    let bytes = batch()
        .and_then(|b| crate::parquet_tables::parquet_bytes(&b))
        .map_err(|source| ExportError::Parquet {
            path: name.clone(),
            source,
        })?;
    write_output(path, |w| {
        w.write_all(&bytes).map_err(|source| ExportError::Io {
            path: name.clone(),
            source,
        })
    })
}

/// One row of the event export. Column order is the export's contract.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EventRow {
    pub file: String,
    pub title: String,
    pub published: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub year: String,
    pub evidence: String,
    pub country: String,
    pub sentence: String,
    /// The story the article belongs to (1-based; copies of one story share it).
    pub story: u32,
    /// Whether this event is counted: its article is its story's counted copy (or every copy
    /// is counted, `--keep-copies`).
    pub counted: bool,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every event of the corpus as export rows, in corpus order.
pub fn event_rows(corpus: &Corpus) -> Vec<EventRow> {
    let gaz = gazetteer();
    let mut rows = Vec::new();
    for (index, entry) in corpus.entries.iter().enumerate() {
        let published = entry.published().map(|d| d.to_string()).unwrap_or_default();
        let (story, counted) = (corpus.stories.story(index), corpus.counts_entry(index));
        for e in &entry.analysis.events {
            let Some(span) = entry.analysis.sentences.get(e.sentence as usize) else {
                continue;
            };
            rows.push(EventRow {
                file: entry.article.file.clone(),
                title: entry.article.meta.title.clone(),
                published: published.clone(),
                sentence_start: span.start as usize,
                sentence_end: span.end as usize,
                year: e.year.map(|y| y.to_string()).unwrap_or_default(),
                evidence: e.evidence.as_str().to_string(),
                country: gaz.code(e.country).to_string(),
                sentence: collapse(entry.article.text.get(span.range()).unwrap_or("")),
                story,
                counted,
            });
        }
    }
    rows
}

/// One row of the article table (`--articles`): every loaded article, with or without events.
/// Column order is the export's contract.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ArticleRow {
    pub file: String,
    pub title: String,
    /// `header`, `metadata`, `derived` or `none` (see [`crate::corpus::TitleSource`]).
    pub title_source: &'static str,
    pub author: String,
    pub published: String,
    /// `header`, `metadata`, `text`, `corrected` or `none`.
    pub published_source: &'static str,
    pub site: String,
    /// Words in the body paragraphs (what the events are counted from).
    pub words: usize,
    pub sentences: usize,
    pub events: usize,
    /// The story the article belongs to (1-based; copies of one story share it).
    pub story: u32,
    /// Articles in its story (1 when it has no copy).
    pub copies: usize,
    /// Whether its events are counted (it is its story's most complete copy, or every copy is
    /// counted).
    pub counted: bool,
    /// For an article without a published date: the suggested one (`2020`, or `2020-03-05`
    /// when the text gives the day), never used for counting until a user accepts it.
    pub suggested_published: String,
    /// Why it is suggested (empty when there is no suggestion).
    pub suggestion_evidence: String,
}

/// One article-table row per article, in corpus order.
pub fn article_rows(corpus: &Corpus) -> Vec<ArticleRow> {
    use rayon::prelude::*;
    corpus
        .entries
        .par_iter()
        .enumerate()
        .map(|(index, entry)| {
            let suggestion = entry
                .published()
                .is_none()
                .then(|| suggest(&entry.article.text, &entry.analysis.sentences))
                .flatten();
            let meta = &entry.article.meta;
            let published_source = if entry.corrected.is_some() {
                "corrected"
            } else {
                meta.published_source.as_str()
            };
            ArticleRow {
                file: entry.article.file.clone(),
                title: collapse(&meta.title),
                title_source: meta.title_source.as_str(),
                author: meta.author.clone().unwrap_or_default(),
                published: entry.published().map(|d| d.to_string()).unwrap_or_default(),
                published_source,
                site: meta
                    .site
                    .clone()
                    .or_else(|| meta.source.clone())
                    .unwrap_or_default(),
                words: entry
                    .article
                    .paragraphs()
                    .map(|p| p.split_whitespace().count())
                    .sum(),
                sentences: entry.analysis.sentences.len(),
                events: entry.analysis.events.len(),
                story: corpus.stories.story(index),
                copies: corpus.stories.copies(index),
                counted: corpus.counts_entry(index),
                suggested_published: suggestion.as_ref().map_or_else(String::new, |s| {
                    if s.day_in_text {
                        s.date.to_string()
                    } else {
                        s.year.to_string()
                    }
                }),
                suggestion_evidence: suggestion
                    .as_ref()
                    .map_or_else(String::new, DateSuggestion::evidence),
            }
        })
        .collect()
}

/// One concordance line of the export. Column order is the export's contract.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ConcordanceRow {
    pub file: String,
    pub title: String,
    pub published: String,
    /// The sentence's dated years, `;`-separated.
    pub years: String,
    /// The sentence's countries (ISO codes), `;`-separated.
    pub countries: String,
    pub left: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub right: String,
    /// Byte offset of the sentence in the article's text.
    pub sentence_start: usize,
}

/// The concordance export's columns.
pub const CONCORDANCE_COLUMNS: [&str; 9] = [
    "file",
    "title",
    "published",
    "years",
    "countries",
    "left",
    "match",
    "right",
    "sentence_start",
];

/// One export row per occurrence, in the order given.
pub fn concordance_rows(corpus: &Corpus, lines: &[Occurrence]) -> Vec<ConcordanceRow> {
    let gaz = gazetteer();
    lines
        .iter()
        .filter_map(|o| {
            let entry = corpus.entries.get(o.row)?;
            let (left, matched, right) = context(&entry.article.text, &o.span);
            let join = |items: Vec<String>| items.join(";");
            Some(ConcordanceRow {
                file: entry.article.file.clone(),
                title: collapse(&entry.article.meta.title),
                published: entry.published().map(|d| d.to_string()).unwrap_or_default(),
                years: join(o.years.iter().map(i16::to_string).collect()),
                countries: join(
                    o.countries
                        .iter()
                        .map(|c| gaz.code(*c).to_string())
                        .collect(),
                ),
                left,
                matched,
                right,
                sentence_start: o.sentence_start,
            })
        })
        .collect()
}

/// Write concordance rows as CSV (the header even when there is no row).
pub fn write_concordance_csv(rows: &[ConcordanceRow], out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    if rows.is_empty() {
        w.write_record(CONCORDANCE_COLUMNS)?;
    }
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Write the concordance to `path`: JSON when it ends in `.json`, CSV otherwise.
pub fn export_concordance(rows: &[ConcordanceRow], path: &Path) -> Result<(), ExportError> {
    export_table(rows, path, |rows, w| write_concordance_csv(rows, w))
}

/// Write the article table as CSV.
pub fn write_articles_csv(rows: &[ArticleRow], out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Write the article table to `path`: JSON when it ends in `.json`, CSV otherwise.
pub fn export_articles(corpus: &Corpus, path: &Path) -> Result<(), ExportError> {
    if is_parquet(path) {
        let rows = article_rows(corpus);
        return export_parquet(path, || crate::parquet_tables::articles_batch(&rows));
    }
    export_table(&article_rows(corpus), path, |rows, w| {
        write_articles_csv(rows, w)
    })
}

/// Write the event table as CSV.
pub fn write_events_csv(rows: &[EventRow], out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r)?;
    }
    if rows.is_empty() {
        w.write_record([
            "file",
            "title",
            "published",
            "sentence_start",
            "sentence_end",
            "year",
            "evidence",
            "country",
            "sentence",
            "story",
            "counted",
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The counts table's columns. `events`: events in the (year, country) cell; `articles`:
/// distinct articles with an event in it; `year_articles`: distinct articles with any event in
/// that year (every unit the chart shows is one of these or a ratio of two).
pub const COUNTS_COLUMNS: [&str; 5] = ["year", "country", "events", "articles", "year_articles"];

/// The counts table's rows as text, years ascending, undated (an empty year) last.
pub fn counts_rows(result: &QueryResult) -> Vec<[String; 5]> {
    let gaz = gazetteer();
    let mut rows: Vec<(YearKey, &str, CountryId, u32)> = result
        .counts
        .iter()
        .map(|((y, c), n)| (*y, gaz.code(*c), *c, *n))
        .collect();
    rows.sort();
    rows.into_iter()
        .map(|(year, code, country, n)| {
            let articles = result.articles.get(&(year, country)).copied().unwrap_or(0);
            let year_articles = result.year_articles.get(&year).copied().unwrap_or(0);
            let year = match year {
                YearKey::Year(y) => y.to_string(),
                YearKey::Undated => String::new(),
            };
            [
                year,
                code.to_string(),
                n.to_string(),
                articles.to_string(),
                year_articles.to_string(),
            ]
        })
        .collect()
}

/// Write the counts as CSV ([`COUNTS_COLUMNS`]), years ascending, undated (an empty year) last.
pub fn write_counts_csv(result: &QueryResult, out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COUNTS_COLUMNS)?;
    for row in counts_rows(result) {
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Write to `path` (or stdout for `-`) through a temporary file renamed into place, so a failed
/// or interrupted export never leaves a partial file behind.
pub fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let name = path.display().to_string();
    if name == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock)?;
        return lock
            .flush()
            .map_err(|source| ExportError::Io { path: name, source });
    }
    let io = |source| ExportError::Io {
        path: name.clone(),
        source,
    };
    crate::atomic_write::write_with(path, io, write)
}

/// Write the event export to `path`: JSON when it ends in `.json`, CSV otherwise.
pub fn export_events(corpus: &Corpus, path: &Path) -> Result<(), ExportError> {
    export_event_rows(&event_rows(corpus), path)
}

/// Write event rows already made to `path` (as [`export_events`]).
pub fn export_event_rows(rows: &[EventRow], path: &Path) -> Result<(), ExportError> {
    if is_parquet(path) {
        return export_parquet(path, || crate::parquet_tables::events_batch(rows));
    }
    export_table(rows, path, |rows, w| write_events_csv(rows, w))
}

/// Write a table of rows to `path`: JSON when it ends in `.json`, else CSV by `write_csv`.
fn export_table<R: Serialize>(
    rows: &[R],
    path: &Path,
    write_csv: impl FnOnce(&[R], &mut dyn Write) -> Result<(), csv::Error>,
) -> Result<(), ExportError> {
    let name = path.display().to_string();
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    write_output(path, |w| {
        if json {
            serde_json::to_writer_pretty(&mut *w, rows).map_err(|source| ExportError::Json {
                path: name.clone(),
                source,
            })
        } else {
            write_csv(rows, w).map_err(|source| ExportError::Csv {
                path: name.clone(),
                source,
            })
        }
    })
}

/// Write the counts CSV to `path`.
pub fn export_counts(result: &QueryResult, path: &Path) -> Result<(), ExportError> {
    if is_parquet(path) {
        let rows = counts_rows(result);
        return export_parquet(path, || crate::parquet_tables::counts_batch(&rows));
    }
    let name = path.display().to_string();
    write_output(path, |w| {
        write_counts_csv(result, w).map_err(|source| ExportError::Csv {
            path: name.clone(),
            source,
        })
    })
}
