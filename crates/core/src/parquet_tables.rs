//! The exports as typed Parquet tables (arrow-rs `parquet`), for DuckDB, pandas and Spark.
//!
//! Schema (the columns of the CSV exports, typed): years are nullable `Int16` (null = undated),
//! dates are `Date32` (null = none), byte spans and counts are `UInt32`, countries are their ISO
//! codes (`Utf8`), a story is its 1-based id (`UInt32`), `counted` is `Boolean`; every other
//! column is `Utf8`. Snappy-compressed.

use crate::export::{ArticleRow, EventRow};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int16Builder, StringBuilder, UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use jiff::civil::Date;
use std::sync::Arc;

/// Why a table could not be written as Parquet.
#[derive(Debug, thiserror::Error)]
pub enum ParquetError {
    #[error("{0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("{0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` text (`None` for an empty or unreadable one).
fn date32(s: &str) -> Option<i32> {
    let date: Date = s.parse().ok()?;
    let epoch = Date::new(1970, 1, 1).ok()?;
    let days = date.since((jiff::Unit::Day, epoch)).ok()?.get_days();
    Some(days)
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Columns added one builder at a time, then made into a batch.
struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn new() -> Self {
        Self {
            fields: Vec::new(),
            arrays: Vec::new(),
        }
    }

    fn text<'a>(&mut self, name: &str, values: impl Iterator<Item = &'a str>) {
        let mut b = StringBuilder::new();
        for v in values {
            b.append_value(v);
        }
        self.fields.push(Field::new(name, DataType::Utf8, false));
        self.arrays.push(Arc::new(b.finish()));
    }

    fn date<'a>(&mut self, name: &str, values: impl Iterator<Item = &'a str>) {
        let mut b = Date32Builder::new();
        for v in values {
            b.append_option(date32(v));
        }
        self.fields.push(Field::new(name, DataType::Date32, true));
        self.arrays.push(Arc::new(b.finish()));
    }

    fn year<'a>(&mut self, name: &str, values: impl Iterator<Item = &'a str>) {
        let mut b = Int16Builder::new();
        for v in values {
            b.append_option(v.parse::<i16>().ok());
        }
        self.fields.push(Field::new(name, DataType::Int16, true));
        self.arrays.push(Arc::new(b.finish()));
    }

    fn count(&mut self, name: &str, values: impl Iterator<Item = u32>) {
        let mut b = UInt32Builder::new();
        for v in values {
            b.append_value(v);
        }
        self.fields.push(Field::new(name, DataType::UInt32, false));
        self.arrays.push(Arc::new(b.finish()));
    }

    fn flag(&mut self, name: &str, values: impl Iterator<Item = bool>) {
        let mut b = BooleanBuilder::new();
        for v in values {
            b.append_value(v);
        }
        self.fields.push(Field::new(name, DataType::Boolean, false));
        self.arrays.push(Arc::new(b.finish()));
    }

    fn batch(self) -> Result<RecordBatch, ParquetError> {
        Ok(RecordBatch::try_new(
            Arc::new(Schema::new(self.fields)),
            self.arrays,
        )?)
    }
}

/// The event table as a batch.
pub fn events_batch(rows: &[EventRow]) -> Result<RecordBatch, ParquetError> {
    let mut c = Columns::new();
    c.text("file", rows.iter().map(|r| r.file.as_str()));
    c.text("title", rows.iter().map(|r| r.title.as_str()));
    c.date("published", rows.iter().map(|r| r.published.as_str()));
    c.count(
        "sentence_start",
        rows.iter().map(|r| u32_of(r.sentence_start)),
    );
    c.count("sentence_end", rows.iter().map(|r| u32_of(r.sentence_end)));
    c.year("year", rows.iter().map(|r| r.year.as_str()));
    c.text("evidence", rows.iter().map(|r| r.evidence.as_str()));
    c.text("country", rows.iter().map(|r| r.country.as_str()));
    c.text("sentence", rows.iter().map(|r| r.sentence.as_str()));
    c.count("story", rows.iter().map(|r| r.story));
    c.flag("counted", rows.iter().map(|r| r.counted));
    c.batch()
}

/// The article table as a batch.
pub fn articles_batch(rows: &[ArticleRow]) -> Result<RecordBatch, ParquetError> {
    let mut c = Columns::new();
    c.text("file", rows.iter().map(|r| r.file.as_str()));
    c.text("title", rows.iter().map(|r| r.title.as_str()));
    c.text("title_source", rows.iter().map(|r| r.title_source));
    c.text("author", rows.iter().map(|r| r.author.as_str()));
    c.date("published", rows.iter().map(|r| r.published.as_str()));
    c.text("published_source", rows.iter().map(|r| r.published_source));
    c.text("site", rows.iter().map(|r| r.site.as_str()));
    c.count("words", rows.iter().map(|r| u32_of(r.words)));
    c.count("sentences", rows.iter().map(|r| u32_of(r.sentences)));
    c.count("events", rows.iter().map(|r| u32_of(r.events)));
    c.count("story", rows.iter().map(|r| r.story));
    c.count("copies", rows.iter().map(|r| u32_of(r.copies)));
    c.flag("counted", rows.iter().map(|r| r.counted));
    c.text(
        "suggested_published",
        rows.iter().map(|r| r.suggested_published.as_str()),
    );
    c.text(
        "suggestion_evidence",
        rows.iter().map(|r| r.suggestion_evidence.as_str()),
    );
    c.batch()
}

/// The counts table (`year, country, events, articles, year_articles`) as a batch; `rows` are
/// the CSV's rows as text.
pub fn counts_batch(rows: &[[String; 5]]) -> Result<RecordBatch, ParquetError> {
    let mut c = Columns::new();
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    c.year("year", rows.iter().map(|r| r[0].as_str()));
    c.text("country", rows.iter().map(|r| r[1].as_str()));
    c.count("events", rows.iter().map(|r| n(&r[2])));
    c.count("articles", rows.iter().map(|r| n(&r[3])));
    c.count("year_articles", rows.iter().map(|r| n(&r[4])));
    c.batch()
}

/// A batch as the bytes of a Parquet file (Snappy-compressed).
pub fn parquet_bytes(batch: &RecordBatch) -> Result<Vec<u8>, ParquetError> {
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::SNAPPY)
        .build();
    let mut out = Vec::new();
    let mut writer = parquet::arrow::ArrowWriter::try_new(&mut out, batch.schema(), Some(props))?;
    writer.write(batch)?;
    writer.close()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn counts_round_trip_with_their_types() {
        let rows = [
            ["2020", "CN", "3", "2", "4"].map(String::from),
            ["", "US", "5", "1", "1"].map(String::from),
        ];
        let bytes = parquet_bytes(&counts_batch(&rows).unwrap()).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
        let b = &batches[0];
        assert_eq!(b.num_rows(), 2);
        assert_eq!(b.schema().field(0).data_type(), &DataType::Int16);
        let year = b
            .column(0)
            .as_any()
            .downcast_ref::<arrow_array::Int16Array>()
            .unwrap();
        assert_eq!(year.value(0), 2020);
        assert!(year.is_null(1), "undated is a null year");
    }

    #[test]
    fn dates_are_days_since_1970() {
        assert_eq!(date32("1970-01-02"), Some(1));
        assert_eq!(date32("2020-08-07"), Some(18481));
        assert_eq!(date32(""), None);
    }
}
