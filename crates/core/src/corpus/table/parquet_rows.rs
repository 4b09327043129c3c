//! Parquet article tables, with arrow-rs: only the mapped columns are read, a record batch at a
//! time. Strings are taken as they are; any other type (a `Date32`, a timestamp, an integer
//! id) is written out by arrow's own formatter and read like a CSV cell.

use super::{BadRow, ColumnChoice, Role, RowResult, TableError, TableReader, TableRow};
use super::{map_columns, unreadable};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_schema::DataType;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use std::path::Path;

/// Rows per record batch read.
const BATCH_ROWS: usize = 1024;

pub(super) fn open(path: &Path, choice: &ColumnChoice) -> Result<TableReader, TableError> {
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| unreadable(format!("not a Parquet file ({e})")))?;
    let columns: Vec<String> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let map = map_columns(&columns, choice)?;
    let used = map.used();
    let mask = ProjectionMask::roots(builder.parquet_schema(), used.iter().copied());
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(unreadable)?;
    // Where each field's column is among the columns read.
    let positions = Role::ALL.map(|r| {
        map.column(r)
            .and_then(|i| used.iter().position(|&u| u == i))
    });
    Ok(TableReader {
        columns,
        rows: Box::new(ParquetRows {
            reader,
            batch: None,
            next: 0,
            number: 0,
            positions,
            stopped: false,
        }),
    })
}

struct ParquetRows {
    reader: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    /// The next row of `batch`.
    next: usize,
    number: u64,
    positions: [Option<usize>; 6],
    stopped: bool,
}

impl Iterator for ParquetRows {
    type Item = RowResult;

    fn next(&mut self) -> Option<RowResult> {
        loop {
            if self.stopped {
                return None;
            }
            if let Some(batch) = &self.batch
                && self.next < batch.num_rows()
            {
                let i = self.next;
                self.next += 1;
                self.number += 1;
                let cells = self
                    .positions
                    .map(|p| p.and_then(|p| cell(batch.column(p).as_ref(), i)));
                return Some(Ok(TableRow {
                    number: self.number,
                    place: format!("row {}", self.number),
                    cells,
                }));
            }
            match self.reader.next()? {
                Ok(batch) => {
                    self.batch = Some(batch);
                    self.next = 0;
                }
                Err(e) => {
                    self.stopped = true;
                    return Some(Err(BadRow {
                        place: format!("rows after {}", self.number),
                        reason: format!("cannot read further ({e})"),
                    }));
                }
            }
        }
    }
}

/// One cell of an Arrow array as text (`None` when null): a string as it is, any other type as
/// arrow's formatter writes it (a `Date32` as `2021-08-19`, an integer as its digits).
pub fn cell(array: &dyn Array, i: usize) -> Option<String> {
    if array.is_null(i) {
        return None;
    }
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string::<i32>().value(i).to_string()),
        DataType::LargeUtf8 => Some(array.as_string::<i64>().value(i).to_string()),
        DataType::Utf8View => Some(array.as_string_view().value(i).to_string()),
        _ => ArrayFormatter::try_new(array, &FormatOptions::default())
            .ok()
            .map(|f| f.value(i).to_string()),
    }
}
