//! JSONL (NDJSON) article tables: one JSON object per line. The columns are the keys of the
//! first object (in sorted order); a later row is looked up by the same names, and may leave any of them out.

use super::{BadRow, ColumnChoice, Role, TableError, TableReader, TableRow};
use super::{map_columns, unreadable};
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Read buffer: lines of a large table are long, and read in few system calls.
const BUFFER: usize = 1 << 20;

pub(super) fn open(path: &Path, choice: &ColumnChoice) -> Result<TableReader, TableError> {
    let mut lines = Lines {
        reader: BufReader::with_capacity(BUFFER, std::fs::File::open(path).map_err(unreadable)?),
        line: 0,
        buf: Vec::new(),
    };
    // The first object names the columns (and is the first row).
    let first = loop {
        match lines.next_line() {
            None => return Err(unreadable("the file is empty: no JSON object")),
            Some(Err(e)) => return Err(unreadable(e)),
            Some(Ok((_, l))) if l.trim_ascii().is_empty() => continue,
            Some(Ok((n, l))) => match parse_object(&l) {
                Ok(obj) => break (n, obj),
                Err(reason) => return Err(unreadable(format!("line {n}: {reason}"))),
            },
        }
    };
    let columns: Vec<String> = first.1.keys().cloned().collect();
    let map = map_columns(&columns, choice)?;
    let keys: [Option<String>; 6] = Role::ALL.map(|r| map.column(r).map(|i| columns[i].clone()));
    let mut number = 0u64;
    let mut stopped = false;
    let mut to_row = move |line: usize, obj: Result<Map<String, Value>, String>| {
        number += 1;
        let place = format!("line {line}");
        match obj {
            Ok(obj) => Ok(TableRow {
                number,
                place,
                cells: keys
                    .clone()
                    .map(|k| k.and_then(|k| obj.get(&k).and_then(cell_text))),
            }),
            Err(reason) => Err(BadRow { place, reason }),
        }
    };
    let first_row = to_row(first.0, Ok(first.1));
    let rest = std::iter::from_fn(move || {
        loop {
            if stopped {
                return None;
            }
            match lines.next_line()? {
                Err(e) => {
                    stopped = true;
                    return Some(to_row(
                        lines.line + 1,
                        Err(format!("cannot read further ({e})")),
                    ));
                }
                Ok((_, l)) if l.trim_ascii().is_empty() => continue,
                Ok((n, l)) => return Some(to_row(n, parse_object(&l))),
            }
        }
    });
    Ok(TableReader {
        columns,
        rows: Box::new(std::iter::once(first_row).chain(rest)),
    })
}

/// Lines of a file as bytes, numbered from 1 (a line's bytes are checked as UTF-8 by the JSON
/// parser, so one bad line is one bad row).
struct Lines<R> {
    reader: R,
    line: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    fn next_line(&mut self) -> Option<std::io::Result<(usize, Vec<u8>)>> {
        self.buf.clear();
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                let mut l = std::mem::take(&mut self.buf);
                if self.line == 1 && l.starts_with(b"\xef\xbb\xbf") {
                    l.drain(..3);
                }
                Some(Ok((self.line, l)))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

fn parse_object(line: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(obj)) => Ok(obj),
        Ok(_) => Err("not a JSON object".to_string()),
        Err(e) if e.is_syntax() || e.is_eof() => Err(format!("not valid JSON ({e})")),
        Err(e) => Err(format!("cannot be read ({e})")),
    }
}

/// A JSON value as a cell: a string as it is, a number or boolean as written, a list of strings
/// (paragraphs) joined by blank lines; `null` is an empty cell.
fn cell_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.iter().all(Value::is_string) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n\n"),
        ),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::RowResult;
    use super::*;

    #[test]
    fn rows_are_read_by_the_first_objects_keys_and_bad_lines_are_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        let content = concat!(
            "{\"id\": 7, \"headline\": \"A\", \"content\": \"Text one.\"}\n",
            "\n",
            "{\"content\": [\"Para one.\", \"Para two.\"], \"headline\": null}\n",
            "not json\n",
            "[1, 2]\n",
            "{\"id\": \"x\", \"content\": \"Text three.\"}"
        );
        std::fs::write(&path, content).unwrap();
        let t = super::super::open_table(&path, &ColumnChoice::default()).unwrap();
        // (serde_json keeps an object's keys sorted)
        assert_eq!(t.columns, ["content", "headline", "id"]);
        let rows: Vec<RowResult> = t.rows.collect();
        assert_eq!(rows.len(), 5);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.cell(Role::Id), Some("7"));
        assert_eq!(first.cell(Role::Title), Some("A"));
        let second = rows[1].as_ref().unwrap();
        assert_eq!(second.place, "line 3");
        assert_eq!(second.cell(Role::Text), Some("Para one.\n\nPara two."));
        assert_eq!(second.cell(Role::Title), None);
        assert!(
            rows[2]
                .as_ref()
                .unwrap_err()
                .reason
                .contains("not valid JSON")
        );
        assert_eq!(rows[3].as_ref().unwrap_err().reason, "not a JSON object");
        assert_eq!(rows[4].as_ref().unwrap().cell(Role::Id), Some("x"));
    }
}
