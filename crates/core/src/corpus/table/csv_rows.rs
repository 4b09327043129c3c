//! CSV and TSV article tables, with the `csv` crate: a header row, then one article per record
//! (quoted fields may span lines). The delimiter of a `.csv` is the one its header line uses
//! most: `,`, `;` (spreadsheets in many locales) or a tab.

use super::{
    BadRow, ColumnChoice, Role, RowResult, TableReader, TableRow, map_columns, unreadable,
};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub(super) fn open(
    path: &Path,
    delimiter: Option<u8>,
    choice: &ColumnChoice,
) -> Result<TableReader, super::TableError> {
    let mut file = BufReader::new(std::fs::File::open(path).map_err(unreadable)?);
    let delimiter = match delimiter {
        Some(d) => d,
        None => sniff_delimiter(file.fill_buf().map_err(unreadable)?),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(Box::new(file) as Box<dyn Read + Send>);
    let columns: Vec<String> = reader
        .headers()
        .map_err(unreadable)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    if columns.iter().all(String::is_empty) {
        return Err(unreadable("the file is empty: no header row"));
    }
    let map = map_columns(&columns, choice)?;
    let mut number = 0u64;
    let mut stopped = false;
    let rows = reader.into_records().map_while(move |record| {
        if stopped {
            return None;
        }
        number += 1;
        Some(match record {
            Ok(r) => {
                let line = r.position().map_or(number + 1, csv::Position::line);
                let mut row = TableRow {
                    number,
                    place: format!("line {line}"),
                    cells: Default::default(),
                };
                for role in Role::ALL {
                    row.cells[role as usize] =
                        map.column(role).and_then(|i| r.get(i)).map(str::to_string);
                }
                Ok(row)
            }
            Err(e) => {
                // After a read error the rest of the file cannot be trusted to line up.
                stopped = matches!(e.kind(), csv::ErrorKind::Io(_));
                let place = e
                    .position()
                    .map_or_else(|| format!("row {number}"), |p| format!("line {}", p.line()));
                Err(BadRow {
                    place,
                    reason: csv_reason(&e),
                })
            }
        })
    });
    Ok(TableReader {
        columns,
        rows: Box::new(rows) as Box<dyn Iterator<Item = RowResult> + Send>,
    })
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 (save the table as UTF-8)".to_string(),
        csv::ErrorKind::Io(io) => format!("cannot read further ({io})"),
        _ => e.to_string(),
    }
}

/// The delimiter a header line uses most, outside quotes; `,` when it uses none.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(content: &str, name: &str) -> (Vec<String>, Vec<RowResult>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let t = super::super::open_table(&path, &ColumnChoice::default()).unwrap();
        (t.columns, t.rows.collect())
    }

    #[test]
    fn quoted_multi_line_fields_and_a_bom_are_read() {
        let csv = "\u{feff}title,date,text\n\"A, title\",2021-08-19,\"First line.\n\nSecond \"\"quoted\"\" line.\"\nB,,Short text.\n";
        let (columns, rows) = rows_of(csv, "t.csv");
        assert_eq!(columns, ["title", "date", "text"]);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.cell(Role::Title), Some("A, title"));
        assert_eq!(
            first.cell(Role::Text),
            Some("First line.\n\nSecond \"quoted\" line.")
        );
        assert_eq!(first.place, "line 2");
        let second = rows[1].as_ref().unwrap();
        assert_eq!(second.cell(Role::Published), None);
        assert_eq!(second.place, "line 5");
        assert_eq!(second.number, 2);
    }

    #[test]
    fn semicolons_and_tabs_are_found_as_delimiters() {
        let (_, rows) = rows_of("headline;body\nT;Text; with a semicolon\n", "s.csv");
        assert_eq!(rows.len(), 1);
        let (_, rows) = rows_of("headline\tbody\nT\tText, with a comma\n", "t.tsv");
        assert_eq!(
            rows[0].as_ref().unwrap().cell(Role::Text),
            Some("Text, with a comma")
        );
    }

    #[test]
    fn a_row_that_is_not_utf8_is_a_bad_row_and_the_next_still_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.csv");
        std::fs::write(&path, b"title,text\nA,caf\xe9 text\nB,good text\n").unwrap();
        let t = super::super::open_table(&path, &ColumnChoice::default()).unwrap();
        let rows: Vec<RowResult> = t.rows.collect();
        let bad = rows[0].as_ref().unwrap_err();
        assert_eq!(bad.place, "line 2");
        assert!(bad.reason.contains("UTF-8"));
        assert_eq!(rows[1].as_ref().unwrap().cell(Role::Title), Some("B"));
    }
}
