//! The headless CLI as a user runs it: exit codes, one stderr line per bad file, export formats,
//! and no partial output file when an export cannot be written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

fn techdivide(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_techdivide"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The summary of an export to stdout's manifest (one line, see tests/copies.rs).
fn is_manifest_line(l: &str) -> bool {
    l.starts_with("techdivide: manifest: ")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_lists_every_seed_event_with_the_exact_columns() {
    let out = techdivide(&["--export", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "file,title,published,sentence_start,sentence_end,year,evidence,country,sentence,story,counted"
        )
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 150, "{} rows", rows.len());
    assert!(
        rows.iter()
            .all(|r| r[0].starts_with("00") && r[0].ends_with(".txt"))
    );
    assert!(rows.iter().any(|r| &r[6] == "undated" && r[5].is_empty()));
    assert!(rows.iter().any(|r| &r[6] == "explicit" && &r[5] == "2035"));
}

#[test]
fn counts_equal_the_reaggregated_export() {
    let export = techdivide(&["--export", "-"]);
    let counts = techdivide(&["--counts", "-"]);
    assert!(export.status.success() && counts.status.success());
    // From the event table: events per (year, country), and the distinct articles behind each
    // cell and each year (the denominators the chart's units use).
    let mut from_export: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut cell_files: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut year_files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in csv::Reader::from_reader(export.stdout.as_slice()).records() {
        let r = r.unwrap();
        let key = (r[5].to_string(), r[7].to_string());
        *from_export.entry(key.clone()).or_insert(0) += 1;
        cell_files.entry(key).or_default().insert(r[0].to_string());
        year_files
            .entry(r[5].to_string())
            .or_default()
            .insert(r[0].to_string());
    }
    let mut from_counts = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(counts.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["year", "country", "events", "articles", "year_articles"]
    );
    for r in reader.records() {
        let r = r.unwrap();
        let key = (r[0].to_string(), r[1].to_string());
        assert_eq!(
            r[3].parse::<usize>().unwrap(),
            cell_files[&key].len(),
            "articles of {key:?}"
        );
        assert_eq!(
            r[4].parse::<usize>().unwrap(),
            year_files[&key.0].len(),
            "articles of the year {}",
            key.0
        );
        from_counts.insert(key, r[2].parse::<u64>().unwrap());
    }
    assert_eq!(from_export, from_counts);
    assert!(
        from_counts.keys().any(|(y, _)| y.is_empty()),
        "undated events are rows with an empty year"
    );
    assert_eq!(
        from_counts[&("2020".to_string(), "US".to_string())],
        16,
        "the gold's 2020 US count"
    );
}

#[test]
fn json_export_when_the_file_ends_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.json");
    let out = techdivide(&["--export", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(rows.len() > 150);
    assert!(rows[0].get("sentence_start").is_some() && rows[0].get("country").is_some());
}

#[test]
fn bad_files_get_one_line_each_and_good_ones_are_still_exported() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("binary.txt");
    std::fs::write(&bin, b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    let missing = dir.path().join("missing.txt");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_08ccef87fd0d5d1a.txt"
    );
    let out = techdivide(&[
        "--no-seeds",
        "--export",
        "-",
        bin.to_str().unwrap(),
        missing.to_str().unwrap(),
        seed,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| !is_manifest_line(l)).collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("binary.txt") && l.contains("ELF")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("missing.txt") && l.contains("not found")),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 10);
}

#[test]
fn nothing_loaded_exits_1_and_usage_errors_exit_2() {
    let out = techdivide(&["--no-seeds", "--counts", "-", "/nonexistent/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/file.txt"));
    let out = techdivide(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-such-flag"));
}

#[test]
fn an_export_that_cannot_be_written_fails_cleanly_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let inside_missing = dir.path().join("no-such-folder").join("events.csv");
    let out = techdivide(&["--export", inside_missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-folder"), "{}", stderr(&out));
    assert!(!inside_missing.exists());
    // A target that is a folder: the rename fails, the temporary file is cleaned up.
    let folder = dir.path().join("a-folder.csv");
    std::fs::create_dir(&folder).unwrap();
    let out = techdivide(&["--export", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    assert!(Path::new(&folder).is_dir());
}

#[test]
fn help_has_examples_for_every_flag() {
    let out = techdivide(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--no-seeds",
        "--export",
        "--counts",
        "--screenshot",
        "--anchor-decades",
        "--cache",
    ] {
        assert!(
            help.matches(flag).count() >= 2,
            "{flag} has a description and an example: {help}"
        );
    }
    let version = techdivide(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn install_desktop_writes_the_launcher_and_uninstall_removes_it() {
    let home = tempfile::tempdir().unwrap();
    let run = |flag: &str| {
        Command::new(env!("CARGO_BIN_EXE_techdivide"))
            .arg(flag)
            .env("XDG_DATA_HOME", home.path())
            .output()
            .unwrap()
    };
    let out = run("--install-desktop");
    assert!(out.status.success(), "{}", stderr(&out));
    let entry =
        std::fs::read_to_string(home.path().join("applications/techdivide.desktop")).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_techdivide")).unwrap();
    assert!(
        entry.lines().any(|l| l.starts_with("Exec=")
            && l.contains(exe.to_str().unwrap())
            && l.ends_with("%F")),
        "{entry}"
    );
    for size in [32, 64, 128, 256] {
        assert!(
            home.path()
                .join(format!("icons/hicolor/{size}x{size}/apps/techdivide.png"))
                .exists()
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote"));
    assert!(run("--install-desktop").status.success(), "idempotent");
    let out = run("--uninstall-desktop");
    assert!(out.status.success());
    let left: Vec<_> = walk(home.path())
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(left.is_empty(), "uninstall leaves nothing: {left:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("readable test folder") {
        let p = e.expect("readable entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn paths_with_spaces_and_non_ascii_names_load_like_the_desktop_passes_them() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("Élysée notes — 2019 draft.txt");
    std::fs::write(
        &odd,
        "Paris Talks\n\nMay 3, 2019\n\nFrance and Germany agreed on a plan in 2019.\n",
    )
    .unwrap();
    let out = techdivide(&["--no-seeds", "--export", "-", odd.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Élysée notes — 2019 draft.txt") && text.contains(",FR,"),
        "{text}"
    );
}

/// Run with `XDG_CACHE_HOME` set to `cache`.
fn techdivide_cached(cache: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_techdivide"))
        .env("XDG_CACHE_HOME", cache)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write_aged(path: &Path, text: &str, secs_ago: u64) {
    std::fs::write(path, text).expect("write the test file");
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open the test file")
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(secs_ago))
        .expect("set its modification time");
}

#[test]
fn cached_exports_equal_uncached_ones_and_follow_a_changed_file() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for i in 0..4 {
        write_aged(
            &corpus.path().join(format!("s{i}.txt")),
            &format!(
                "Trade talks {i}\n\nApril {}, 2021\n\nChina and Germany met in 2019; Japan said last year that the rules would change.\n",
                i + 1
            ),
            3600,
        );
    }
    let dir = corpus.path().to_str().unwrap();
    let args = ["--no-seeds", "--counts", "-", "--export", "-", dir];
    let plain = techdivide(&args);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let cached_args = [
        "--cache",
        "--no-seeds",
        "--counts",
        "-",
        "--export",
        "-",
        dir,
    ];
    let first = techdivide_cached(cache.path(), &cached_args);
    let second = techdivide_cached(cache.path(), &cached_args);
    assert!(first.status.success() && second.status.success());
    assert_eq!(first.stdout, plain.stdout);
    assert_eq!(second.stdout, plain.stdout);
    assert!(
        cache
            .path()
            .join("techdivide")
            .join("analysis.cache")
            .exists(),
        "the cache is under XDG_CACHE_HOME/techdivide"
    );
    // One file changes: the cached run reads it again and equals a fresh one.
    write_aged(
        &corpus.path().join("s2.txt"),
        "Trade talks 2\n\nApril 3, 2021\n\nIndia and France met in 2018.\n",
        60,
    );
    let after = techdivide_cached(cache.path(), &cached_args);
    let fresh = techdivide(&args);
    assert_eq!(after.stdout, fresh.stdout);
    assert!(String::from_utf8_lossy(&fresh.stdout).contains("IN"));
    assert_ne!(fresh.stdout, plain.stdout);
}

#[test]
fn a_damaged_cache_file_is_started_afresh_with_one_line() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    write_aged(
        &corpus.path().join("a.txt"),
        "Chips\n\nMay 1, 2020\n\nChina and Japan met in 2019.\n",
        3600,
    );
    std::fs::create_dir_all(cache.path().join("techdivide")).unwrap();
    std::fs::write(
        cache.path().join("techdivide").join("analysis.cache"),
        b"not a cache at all",
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();
    let out = techdivide_cached(
        cache.path(),
        &["--cache", "--no-seeds", "--counts", "-", dir],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| !is_manifest_line(l)).count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("analysis cache") && err.contains("rebuilt"),
        "{err}"
    );
    let plain = techdivide(&["--no-seeds", "--counts", "-", dir]);
    assert_eq!(out.stdout, plain.stdout);
}

#[test]
fn the_concordance_lists_every_whole_word_occurrence_with_its_context() {
    for (term, lines) in [("Huawei", 12), ("TikTok", 7), ("WeChat", 6)] {
        let out = techdivide(&["--concordance", term, "-"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        assert_eq!(
            reader.headers().unwrap(),
            vec![
                "file",
                "title",
                "published",
                "years",
                "countries",
                "left",
                "match",
                "right",
                "sentence_start"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), lines, "{term}");
        for r in &rows {
            assert!(r[6].eq_ignore_ascii_case(term), "the match column: {r:?}");
            // The match is at its place in the sentence: left + match + right is a run of
            // the article's words.
            assert!(!r[5].is_empty() || !r[7].is_empty(), "{r:?}");
        }
    }
    // A blank term is refused with a reason.
    let out = techdivide(&["--concordance", " ", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a word or phrase"));
}

#[test]
fn undated_articles_get_a_suggested_date_that_is_not_counted() {
    let out = techdivide(&["--articles", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (published, suggested, evidence) = (
        col("published"),
        col("suggested_published"),
        col("suggestion_evidence"),
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let undated: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| r[published].is_empty()).collect();
    assert_eq!(undated.len(), 3, "three seeds carry no date");
    for r in &undated {
        assert!(
            r[suggested].len() >= 4 && r[evidence].contains('“'),
            "a suggestion with its evidence: {r:?}"
        );
    }
    for r in rows.iter().filter(|r| !r[published].is_empty()) {
        assert!(r[suggested].is_empty(), "dated articles get none: {r:?}");
    }
}

/// The rows of a Parquet file and its schema's (name, type) pairs.
fn parquet_table(path: &Path) -> (usize, Vec<(String, String)>, Vec<arrow_array::RecordBatch>) {
    let file = std::fs::File::open(path).expect("the Parquet file");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a Parquet file")
        .build()
        .expect("a reader");
    let batches: Vec<arrow_array::RecordBatch> = reader.map(|b| b.expect("a batch")).collect();
    let schema = batches[0].schema();
    let fields = schema
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().to_string()))
        .collect();
    (batches.iter().map(|b| b.num_rows()).sum(), fields, batches)
}

#[test]
fn parquet_exports_are_typed_and_hold_the_csvs_rows() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.parquet");
    let counts = dir.path().join("counts.parquet");
    let articles = dir.path().join("articles.parquet");
    let out = techdivide(&[
        "--export",
        events.to_str().unwrap(),
        "--counts",
        counts.to_str().unwrap(),
        "--articles",
        articles.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv_rows = |args: &[&str]| {
        let o = techdivide(args);
        csv::Reader::from_reader(o.stdout.as_slice())
            .records()
            .count()
    };
    let (n, fields, _) = parquet_table(&events);
    assert_eq!(n, csv_rows(&["--export", "-"]), "as many events as the CSV");
    let ty = |fields: &[(String, String)], name: &str| {
        fields
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    assert_eq!(ty(&fields, "year"), "Int16");
    assert_eq!(ty(&fields, "published"), "Date32");
    assert_eq!(ty(&fields, "sentence_start"), "UInt32");
    assert_eq!(ty(&fields, "country"), "Utf8");
    assert_eq!(ty(&fields, "story"), "UInt32");
    let (n, fields, batches) = parquet_table(&counts);
    assert_eq!(n, csv_rows(&["--counts", "-"]));
    assert_eq!(ty(&fields, "events"), "UInt32");
    // The events column sums to the events counted.
    let events_col = batches[0]
        .column_by_name("events")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::UInt32Array>()
        .unwrap()
        .iter()
        .map(|v| u64::from(v.unwrap_or(0)))
        .sum::<u64>();
    assert_eq!(events_col, 157, "the seeds' events");
    let (n, _, _) = parquet_table(&articles);
    assert_eq!(n, 5, "one row per seed");
    // Each export has its manifest.
    assert!(techdivide::manifest::manifest_path(&events).exists());
}
