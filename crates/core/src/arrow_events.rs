//! The extraction over an Arrow record batch of articles, for engines that run the core on
//! their own workers (the Python package's `events_arrow`, and through it Spark's
//! `mapInArrow`).
//!
//! In: a batch with `id` (any type; written as text), `text` (`Utf8`, `LargeUtf8`, `Utf8View`
//! or binary: the raw article, as a file holds it) and, optionally, `published` (null, a
//! `Date32`/`Date64`/timestamp, or text in any date format the header reader knows). Each text
//! is read exactly as a file named `id` would be (encoding, saved page or copy, header), so the
//! events are the CLI's for the same files; a `published` value replaces the header's date.
//!
//! Out: one row per event, `id: Utf8, sentence_start: Int32, sentence_end: Int32, year: Int16
//! (null = undated), evidence: Utf8, country: Utf8` (ISO code). Spans are byte offsets into the
//! decoded text; `Int32` and `Int16` are types Spark has (it has no unsigned ones).

use crate::corpus::table::{arrow_cell_text as value_text, cell_date};
use crate::corpus::{ArticleOrigin, PublishedSource, load_bytes};
use crate::extract::ExtractOptions;
use crate::extract::gazetteer::gazetteer;
use crate::query::ArticleEntry;
use arrow_array::builder::{Int16Builder, Int32Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;
use std::sync::{Arc, LazyLock};

/// The schema of the events batch.
pub fn events_schema() -> SchemaRef {
    static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
        Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, false),
            Field::new("sentence_start", DataType::Int32, false),
            Field::new("sentence_end", DataType::Int32, false),
            Field::new("year", DataType::Int16, true),
            Field::new("evidence", DataType::Utf8, false),
            Field::new("country", DataType::Utf8, false),
        ]))
    });
    SCHEMA.clone()
}

/// One event as a row of the output.
struct EventOut {
    start: i32,
    end: i32,
    year: Option<i16>,
    evidence: &'static str,
    country: &'static str,
}

/// The events of every article of `batch`, in row order (rows in parallel).
pub fn events_batch(batch: &RecordBatch, options: ExtractOptions) -> Result<RecordBatch, String> {
    let column = |name: &str| batch.column_by_name(name).map(Arc::as_ref);
    let ids = column("id").ok_or("the batch has no `id` column")?;
    let texts = column("text").ok_or("the batch has no `text` column")?;
    let published = column("published");
    let rows: Vec<Result<(String, Vec<EventOut>), String>> = (0..batch.num_rows())
        .into_par_iter()
        .map(|i| {
            let id = value_text(ids, i).unwrap_or_else(|| format!("row {}", i + 1));
            let bytes = value_bytes(texts, i).ok_or_else(|| format!("{id}: no text"))?;
            let date = match published.and_then(|p| value_text(p, i)) {
                None => None,
                Some(s) => Some(
                    cell_date(&s).ok_or_else(|| format!("{id}: published “{s}” is not a date"))?,
                ),
            };
            Ok((id.clone(), article_events(&id, &bytes, date, options)?))
        })
        .collect();
    let mut id_b = StringBuilder::new();
    let (mut start_b, mut end_b) = (Int32Builder::new(), Int32Builder::new());
    let mut year_b = Int16Builder::new();
    let (mut evidence_b, mut country_b) = (StringBuilder::new(), StringBuilder::new());
    for row in rows {
        let (id, events) = row?;
        for e in events {
            id_b.append_value(&id);
            start_b.append_value(e.start);
            end_b.append_value(e.end);
            year_b.append_option(e.year);
            evidence_b.append_value(e.evidence);
            country_b.append_value(e.country);
        }
    }
    let arrays: Vec<ArrayRef> = vec![
        Arc::new(id_b.finish()),
        Arc::new(start_b.finish()),
        Arc::new(end_b.finish()),
        Arc::new(year_b.finish()),
        Arc::new(evidence_b.finish()),
        Arc::new(country_b.finish()),
    ];
    RecordBatch::try_new(events_schema(), arrays).map_err(|e: ArrowError| e.to_string())
}

/// The events of one raw text, read as the file `id` would be.
fn article_events(
    id: &str,
    bytes: &[u8],
    published: Option<jiff::civil::Date>,
    options: ExtractOptions,
) -> Result<Vec<EventOut>, String> {
    let mut article = load_bytes(ArticleOrigin::Memory(id.to_string()), id.to_string(), bytes)
        .map_err(|e| format!("{id}: {e}"))?;
    if let Some(d) = published {
        article.meta.published = Some(d);
        article.meta.published_source = PublishedSource::Metadata;
    }
    let entry = ArticleEntry::new(article, None, options);
    let gaz = gazetteer();
    let a = &entry.analysis;
    Ok(a.events
        .iter()
        .filter_map(|e| {
            let span = a.sentences.get(e.sentence as usize)?;
            Some(EventOut {
                start: i32::try_from(span.start).unwrap_or(i32::MAX),
                end: i32::try_from(span.end).unwrap_or(i32::MAX),
                year: e.year,
                evidence: e.evidence.as_str(),
                country: gaz.code(e.country),
            })
        })
        .collect())
}

/// A text cell's bytes, from a string or a binary column (`None` when null).
fn value_bytes(array: &dyn Array, i: usize) -> Option<Vec<u8>> {
    if array.is_null(i) {
        return None;
    }
    match array.data_type() {
        DataType::Binary => Some(array.as_binary::<i32>().value(i).to_vec()),
        DataType::LargeBinary => Some(array.as_binary::<i64>().value(i).to_vec()),
        DataType::BinaryView => Some(array.as_binary_view().value(i).to_vec()),
        _ => value_text(array, i).map(String::into_bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Date32Array, StringArray};

    #[test]
    fn a_batch_of_texts_gives_their_events_with_a_published_column_as_their_date() {
        let ids: ArrayRef = Arc::new(StringArray::from(vec!["a.txt", "b.txt"]));
        let texts: ArrayRef = Arc::new(StringArray::from(vec![
            "Trade talks\n\nChina and India signed a deal in 2020.\n",
            "Plans\n\nJapan said this year it would build plants.\n",
        ]));
        // 2019-06-01 for the second: its "this year" is 2019.
        let published: ArrayRef = Arc::new(Date32Array::from(vec![None, Some(18048)]));
        let batch =
            RecordBatch::try_from_iter([("id", ids), ("text", texts), ("published", published)])
                .unwrap();
        let out = events_batch(&batch, ExtractOptions::default()).unwrap();
        assert_eq!(out.schema(), events_schema());
        let col = |n: &str| out.column_by_name(n).unwrap().clone();
        let countries: Vec<String> = (0..out.num_rows())
            .map(|i| value_text(col("country").as_ref(), i).unwrap())
            .collect();
        let years: Vec<Option<String>> = (0..out.num_rows())
            .map(|i| value_text(col("year").as_ref(), i))
            .collect();
        assert_eq!(countries, ["CN", "IN", "JP"]);
        assert_eq!(
            years,
            [
                Some("2020".into()),
                Some("2020".into()),
                Some("2019".into())
            ]
        );
        let start = value_text(col("sentence_start").as_ref(), 0).unwrap();
        assert_eq!(start, "13", "a byte offset into the text");
    }

    #[test]
    fn a_batch_without_text_or_with_a_bad_date_says_which_row() {
        let ids: ArrayRef = Arc::new(StringArray::from(vec!["a.txt"]));
        let batch = RecordBatch::try_from_iter([("id", ids.clone())]).unwrap();
        assert!(events_batch(&batch, ExtractOptions::default()).is_err());
        let texts: ArrayRef = Arc::new(StringArray::from(vec!["Some text."]));
        let dates: ArrayRef = Arc::new(StringArray::from(vec!["soon"]));
        let batch =
            RecordBatch::try_from_iter([("id", ids), ("text", texts), ("published", dates)])
                .unwrap();
        let err = events_batch(&batch, ExtractOptions::default()).unwrap_err();
        assert_eq!(err, "a.txt: published “soon” is not a date");
    }
}
