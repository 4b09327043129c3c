//! Article tables in: the same wire stories as text files, as a JSONL file, a CSV with other
//! common column names, a semicolon CSV and a Parquet file give the same articles and events;
//! bad rows and unclear columns get one line each; the window asks which column is which.
//! (The stories are written for this test, in the shape of wire copy: headline, byline, date,
//! a dateline opening the body.)

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// (file, headline, ISO date, the date as the header writes it, body)
const STORIES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "wire_01.txt",
        "Chip curbs widen as talks stall",
        "2023-10-17",
        "October 17, 2023",
        "WASHINGTON (Wire) — The United States widened its curbs on chip sales to China on Tuesday, a year after the first rules of 2022.\n\nOfficials in Beijing said the rules would slow trade. Japan and the Netherlands joined similar limits in 2023.",
    ),
    (
        "wire_02.txt",
        "Seoul bets on memory plants",
        "2021-05-13",
        "May 13, 2021",
        "SEOUL, May 13 (Wire) — South Korea unveiled a plan to invest in chip plants through 2030.\n\nThe plan follows a shortage that hit carmakers in Germany last year.",
    ),
    (
        "wire_03.txt",
        "Taiwan foundry posts record quarter",
        "2022-07-14",
        "July 14, 2022",
        "TAIPEI (Wire) — Taiwan's largest foundry reported record profit for the quarter.\n\nDemand from customers in the United States rose, the company said, while sales to China fell from 2021 levels.",
    ),
    (
        "wire_04.txt",
        "India courts phone makers",
        "2020-09-02",
        "September 2, 2020",
        "NEW DELHI (Wire) — India offered incentives to phone makers that move assembly lines from China.\n\nIn 2019 the country assembled fewer phones than Vietnam, officials said.",
    ),
    (
        "wire_05.txt",
        "Brussels drafts its own chips act",
        "2022-02-08",
        "February 8, 2022",
        "BRUSSELS (Wire) — The European Union proposed a chips act on Tuesday to double its share of production by 2030.\n\nFrance and Germany backed the plan; Italy asked for more funds.",
    ),
];

fn techdivide(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_techdivide"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The stories as text files, as a browser copy of a wire story would hold them.
fn write_text_files(dir: &Path) {
    for (file, title, _, shown, body) in STORIES {
        let text = format!("{title}\nBy Wire Staff\n{shown}\n\n{body}\n");
        std::fs::write(dir.join(file), text).expect("the test table is written and read");
    }
}

fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn write_jsonl(path: &Path) {
    let lines: Vec<String> = STORIES
        .iter()
        .map(|(file, title, iso, _, body)| {
            serde_json::json!({"id": file, "title": title, "published": iso, "text": body})
                .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("the test table is written and read");
}

fn write_csv(path: &Path, delimiter: char) {
    let d = delimiter;
    let mut out = format!("filename{d}headline{d}pub_date{d}body{d}link{d}outlet\n");
    for (file, title, _, shown, body) in STORIES {
        out.push_str(&format!(
            "{}{d}{}{d}{}{d}{}{d}https://wire.example.org/{file}{d}Wire\n",
            csv_field(file),
            csv_field(title),
            csv_field(shown),
            csv_field(body)
        ));
    }
    std::fs::write(path, out).expect("the test table is written and read");
}

fn write_parquet(path: &Path) {
    use arrow_array::{ArrayRef, Date32Array, RecordBatch, StringArray};
    use std::sync::Arc;
    let days = |iso: &str| {
        let d: jiff::civil::Date = iso.parse().expect("the test table is written and read");
        let epoch = jiff::civil::date(1970, 1, 1);
        (d - epoch).get_days()
    };
    type Story = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let col = |f: fn(&Story) -> &'static str| -> ArrayRef {
        Arc::new(StringArray::from(STORIES.iter().map(f).collect::<Vec<_>>()))
    };
    let batch = RecordBatch::try_from_iter([
        ("id", col(|s| s.0)),
        ("headline", col(|s| s.1)),
        (
            "date",
            Arc::new(Date32Array::from(
                STORIES.iter().map(|s| days(s.2)).collect::<Vec<_>>(),
            )) as ArrayRef,
        ),
        ("content", col(|s| s.4)),
    ])
    .expect("the test table is written and read");
    let file = std::fs::File::create(path).expect("the test table is written and read");
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None)
        .expect("the test table is written and read");
    w.write(&batch).expect("the test table is written and read");
    w.close().expect("the test table is written and read");
}

/// (file, year, country, evidence, sentence) of every event, and (file, title, published) of
/// every article.
type Events = BTreeSet<(String, String, String, String, String)>;
type Articles = BTreeSet<(String, String, String)>;

fn export_of(input: &Path) -> (Events, Articles, String) {
    let dir = tempfile::tempdir().expect("the test table is written and read");
    let articles_csv = dir.path().join("articles.csv");
    let out = techdivide(&[
        "--no-seeds",
        "--export",
        "-",
        "--articles",
        articles_csv
            .to_str()
            .expect("the test table is written and read"),
        input.to_str().expect("the test table is written and read"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(|r| {
            let r = r.expect("the test table is written and read");
            let f = |i: usize| r[i].to_string();
            (f(0), f(5), f(7), f(6), f(8))
        })
        .collect();
    let articles = csv::Reader::from_path(&articles_csv)
        .expect("the test table is written and read")
        .records()
        .map(|r| {
            let r = r.expect("the test table is written and read");
            (r[0].to_string(), r[1].to_string(), r[4].to_string())
        })
        .collect();
    (events, articles, stderr(&out))
}

#[test]
fn the_same_stories_as_files_jsonl_csv_and_parquet_give_the_same_articles_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    write_text_files(&files);
    let (events, articles, _) = export_of(&files);
    assert_eq!(articles.len(), STORIES.len());
    assert!(
        articles
            .iter()
            .any(|(f, t, p)| f == "wire_01.txt" && t == STORIES[0].1 && p == "2023-10-17"),
        "{articles:?}"
    );
    assert!(events.len() > 15, "{} events", events.len());
    // A year from the story's date (`last year`, `on Tuesday`) is there too.
    assert!(
        events
            .iter()
            .any(|(f, y, c, _, _)| f == "wire_02.txt" && y == "2020" && c == "DE"),
        "{events:?}"
    );

    let jsonl = dir.path().join("stories.jsonl");
    write_jsonl(&jsonl);
    let csv = dir.path().join("stories.csv");
    write_csv(&csv, ',');
    let semicolons = dir.path().join("stories-semicolons.csv");
    write_csv(&semicolons, ';');
    let parquet = dir.path().join("stories.parquet");
    write_parquet(&parquet);
    for table in [&jsonl, &csv, &semicolons, &parquet] {
        let (e, a, err) = export_of(table);
        assert_eq!(a, articles, "articles of {}", table.display());
        assert_eq!(e, events, "events of {}", table.display());
        assert!(!err.contains("skipped"), "{err}");
    }
}

#[test]
fn bad_rows_get_one_line_each_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(
        &csv,
        "title,date,text\n\
         Good,2021-03-04,China and India signed a deal in 2020.\n\
         Empty,2021-03-04,\n\
         Odd date,soon,Japan said in 2019 it would invest.\n",
    )
    .unwrap();
    let out = techdivide(&["--no-seeds", "--articles", "-", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("techdivide: manifest"))
        .collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("skipped: line 3 (no text)") && lines[0].ends_with("rows.csv"));
    assert!(
        lines[1].contains("note: line 4 was loaded, but the published cell “soon” is not a date"),
        "{err}"
    );
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, 2, "the good row and the one with the odd date");
}

#[test]
fn a_table_without_a_clear_text_column_asks_for_columns() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("plain.csv");
    std::fs::write(
        &csv,
        "hed,story\nA title,China and India signed a deal in 2020.\n",
    )
    .unwrap();
    let out = techdivide(&["--no-seeds", "--export", "-", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "nothing loaded");
    assert!(
        stderr(&out).contains("no column holds the article text"),
        "{}",
        stderr(&out)
    );
    let out = techdivide(&[
        "--no-seeds",
        "--columns",
        "title=hed,text=story",
        "--articles",
        "-",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("plain.csv#1,A title,"), "{text}");
    let bad = techdivide(&["--columns", "body=story", "--export", "-"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a field"));
}

mod window {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use techdivide::app::App;
    use techdivide::app::picker::{FakePicker, PickOutcome};

    #[test]
    fn a_table_with_two_text_columns_opens_the_mapping_dialog_and_loads_with_the_choice() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("two.csv");
        std::fs::write(
            &csv,
            "headline,body,content\nA,China and India signed a deal in 2020.,summary\nB,Japan invested in 2019.,summary\n",
        )
        .unwrap();
        let path = csv.clone();
        let mut harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| {
                App::new(
                    Some(cc.egui_ctx.clone()),
                    vec![path.clone()],
                    false,
                    None,
                    Box::new(FakePicker::new(vec![])),
                )
            });
        for _ in 0..300 {
            harness.step();
            if !harness.state().is_loading() && !harness.state().column_dialogs.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        harness.run_steps(2);
        assert_eq!(
            harness.state().corpus.len(),
            0,
            "not loaded before the choice"
        );
        harness.get_by_label_contains("Which column is which in two.csv?");
        // The text is preselected from the common names (body before content).
        let text_column = harness.get_by_label("Article text");
        assert_eq!(text_column.value().as_deref(), Some("body"));
        harness.get_by_label("Load the table").click();
        for _ in 0..300 {
            harness.step();
            if harness.state().corpus.len() == 2 && !harness.state().is_loading() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let app = harness.state();
        assert_eq!(app.corpus.len(), 2);
        assert!(app.column_dialogs.is_empty());
        assert!(
            app.corpus.entries[0]
                .article
                .text
                .contains("China and India")
        );
        let saved = app.settings.table_columns.values().next().unwrap();
        assert_eq!(saved.0.get("text").map(String::as_str), Some("body"));
    }

    #[test]
    fn the_file_menu_exports_every_event_as_parquet_with_its_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let parquet = dir.path().join("events.parquet");
        let answer = vec![PickOutcome::Picked(vec![parquet.clone()])];
        let mut harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| {
                App::new(
                    Some(cc.egui_ctx.clone()),
                    Vec::new(),
                    true,
                    None,
                    Box::new(FakePicker::new(answer)),
                )
            });
        harness.run_steps(3);
        harness.get_by_label("File").click();
        harness.run_steps(2);
        harness
            .get_by_label("Export all events (CSV, JSON or Parquet)…")
            .click();
        let manifest = techdivide::manifest::manifest_path(&parquet);
        for _ in 0..300 {
            harness.step();
            if manifest.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let file = std::fs::File::open(&parquet).expect("the Parquet file");
        let rows: usize =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
                .expect("a Parquet file")
                .build()
                .unwrap()
                .map(|b| b.unwrap().num_rows())
                .sum();
        let events: usize = harness
            .state()
            .corpus
            .entries
            .iter()
            .map(|e| e.analysis.events.len())
            .sum();
        assert_eq!(rows, events, "one row per event of the corpus");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
        assert_eq!(json["export"], "events");
        assert!(json["filter"].is_null(), "the whole corpus: {json}");
    }
}
