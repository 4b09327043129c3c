//! Syndicated copies, as a user who collects one wire story from several sites has them: each
//! copy with another outlet's header and footer (menus, a cookie notice, a date in its own
//! style, related stories, a copyright line), curly quotes, `said` → `says`, a credit line, and
//! sometimes the last paragraph dropped. The originals are this repository's hand-written test
//! articles; the copies are made from them here. Counted once, a story's events are the
//! original's; `--keep-copies` counts every file; every export has a manifest whose hashes and
//! totals match.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn techdivide(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_techdivide"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The hand-written articles long enough to be a story (a few paragraphs).
fn originals() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/articles") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the UTF-16 and Latin-1 samples
        };
        if text.split_whitespace().count() >= 150 && !text.contains('\r') {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            out.push((name, text));
        }
    }
    out.sort();
    out
}

struct Outlet {
    name: &'static str,
    header: &'static str,
    footer: &'static str,
}

const OUTLETS: [Outlet; 4] = [
    Outlet {
        name: "The Harbour Ledger",
        header: "Skip to main content\nThe Harbour Ledger\nNews | World | Business | Tech | Opinion | Sport\nWe use cookies to improve your experience. By continuing you agree to our cookie policy. Accept\n",
        footer: "\nRelated stories\nMarkets slip as investors weigh rate outlook\nWhat the new budget means for your savings\n\n© 2024 The Harbour Ledger. All rights reserved.\nPrivacy Policy | Terms of Use | Contact us\n",
    },
    Outlet {
        name: "Valley Courier",
        header: "Menu\nSearch\nValley Courier\nSubscribe\nSign in\n",
        footer: "\nShare this article\nFacebook Twitter Email\n\nMore from World\nRain expected across the region this weekend\n\nCopyright 2024 Valley Courier Media. This material may not be published, broadcast, rewritten or redistributed.\n",
    },
    Outlet {
        name: "Northern Star Online",
        header: "Northern Star Online\nHome › World\nAdvertisement\n",
        footer: "\nAdvertisement\nSign up for our morning newsletter\nEnter your email\nSubscribe\n\nNorthern Star Online · About us · Careers · Advertise\n",
    },
    Outlet {
        name: "Metro Wire Daily",
        header: "Metro Wire Daily — Breaking news\nLatest | Politics | Economy | Tech\nThis site uses cookies. Manage preferences\n",
        footer: "\nTopics: World, Economy\nMost read\n1. City council approves new transit plan\n2. Five things to know before the match\n\n© Metro Wire Daily 2024\n",
    },
];

/// One outlet's copy of an original: its header and footer around the story's title, date and
/// body, with typographic quotes, `said` → `says`, a credit line, and maybe the last paragraph
/// dropped.
fn copy_of(original: &str, outlet: &Outlet, drop_last: bool, keep_dateline: bool) -> String {
    let mut paragraphs: Vec<&str> = original
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let title = paragraphs.remove(0);
    // The header block: keep only the date line of the original's header, if it has one.
    let mut date = None;
    while paragraphs.len() > 3 && paragraphs[0].split_whitespace().count() < 12 {
        let line = paragraphs.remove(0);
        if line.chars().any(|c| c.is_ascii_digit()) && date.is_none() {
            date = Some(line.lines().last().unwrap_or(line).to_string());
        }
    }
    if drop_last && paragraphs.len() > 3 {
        paragraphs.pop();
    }
    let body: Vec<String> = paragraphs
        .iter()
        .map(|p| {
            let mut p = p
                .replace(" said ", " says ")
                .replace(" said.", " says.")
                .replace(" said,", " says,")
                .replace('\'', "’");
            if !keep_dateline && let Some(i) = p.find(" — ").filter(|&i| i < 60) {
                p = p[i + " — ".len()..].to_string();
            }
            p
        })
        .collect();
    format!(
        "{}{title}\n{}\nBy Staff and wire reports\n\n{}\n\nReporting by Ana Lopes; editing by Tom Reed\n{}",
        outlet.header,
        date.unwrap_or_default(),
        body.join("\n\n"),
        outlet.footer
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn counts(args: &[&str], dir: &Path) -> BTreeMap<(String, String), u64> {
    let mut all = vec!["--no-seeds", "--counts", "-"];
    all.extend_from_slice(args);
    let dir = dir.to_str().expect("utf-8 path");
    all.push(dir);
    let out = techdivide(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (
                (r[0].to_string(), r[1].to_string()),
                r[2].parse().expect("count"),
            )
        })
        .collect()
}

/// The cells whose counts differ: (year, country, left, right).
fn differing(
    a: &BTreeMap<(String, String), u64>,
    b: &BTreeMap<(String, String), u64>,
) -> Vec<(String, String, u64, u64)> {
    let keys: std::collections::BTreeSet<&(String, String)> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (
                a.get(k).copied().unwrap_or(0),
                b.get(k).copied().unwrap_or(0),
            );
            (x != y).then(|| (k.0.clone(), k.1.clone(), x, y))
        })
        .collect()
}

/// Originals in one folder; originals and 0–4 copies of each in another.
fn corpora() -> (tempfile::TempDir, tempfile::TempDir, usize) {
    let originals = originals();
    assert!(originals.len() >= 10, "{} originals", originals.len());
    let alone = tempfile::tempdir().expect("tempdir");
    let with_copies = tempfile::tempdir().expect("tempdir");
    let mut copies = 0;
    for (i, (name, text)) in originals.iter().enumerate() {
        write(alone.path(), name, text);
        write(with_copies.path(), name, text);
        for c in 0..(i % 5) {
            let outlet = &OUTLETS[(i + c) % OUTLETS.len()];
            let copy = copy_of(text, outlet, (i + c) % 2 == 1, c % 3 != 2);
            let file = format!("{}-{}", outlet.name.replace(' ', "_"), name);
            write(with_copies.path(), &file, &copy);
            copies += 1;
        }
    }
    (alone, with_copies, copies)
}

#[test]
fn copies_count_once_and_keep_copies_counts_them_all() {
    let (alone, with_copies, copies) = corpora();
    assert!(copies >= 15, "{copies} copies");
    let originals = counts(&[], alone.path());
    if std::env::var_os("TD_KEEP").is_some() {
        eprintln!("kept: {}", with_copies.keep().display());
        return;
    }
    assert_eq!(
        differing(&counts(&[], with_copies.path()), &originals),
        Vec::new(),
        "originals and their copies count as the originals alone: (year, country, with copies, alone)"
    );
    assert_eq!(
        differing(&counts(&["--keep-copies"], alone.path()), &originals),
        Vec::new(),
        "no two distinct stories were merged"
    );
    let every: u64 = counts(&["--keep-copies"], with_copies.path())
        .values()
        .sum();
    assert!(
        every > originals.values().sum::<u64>(),
        "every copy counted: {every}"
    );
}

#[test]
fn the_article_table_shows_each_story_and_its_copies() {
    let (_, with_copies, copies) = corpora();
    let dir = with_copies.path().to_str().expect("utf-8");
    let out = techdivide(&["--no-seeds", "--articles", "-", dir]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{copies} copies of ")),
        "stderr: {stderr}"
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).expect(n);
    let (file, story, n, counted) = (col("file"), col("story"), col("copies"), col("counted"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mut by_story: BTreeMap<String, Vec<&csv::StringRecord>> = BTreeMap::new();
    for r in &rows {
        by_story.entry(r[story].to_string()).or_default().push(r);
    }
    assert_eq!(rows.len() - by_story.len(), copies);
    for members in by_story.values() {
        let original = members.iter().filter(|r| !r[file].contains('-')).count();
        assert_eq!(original, 1, "one original per story: {members:?}");
        assert!(members.iter().all(|r| r[n] == members.len().to_string()));
        let counted_rows = members.iter().filter(|r| &r[counted] == "true").count();
        assert_eq!(counted_rows, 1, "one counted copy per story: {members:?}");
    }
}

#[test]
fn every_export_has_a_manifest_whose_hashes_and_totals_match() {
    let (_, with_copies, _) = corpora();
    let out_dir = tempfile::tempdir().expect("tempdir");
    let counts_csv = out_dir.path().join("counts.csv");
    let events_csv = out_dir.path().join("events.csv");
    let dir = with_copies.path().to_str().expect("utf-8");
    let out = techdivide(&[
        "--no-seeds",
        "--counts",
        counts_csv.to_str().expect("utf-8"),
        "--export",
        events_csv.to_str().expect("utf-8"),
        dir,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out_dir.path().join("counts.csv.manifest.json"))
            .expect("the counts' manifest"),
    )
    .expect("JSON");
    let inputs = manifest["inputs"].as_array().expect("inputs");
    let files = std::fs::read_dir(with_copies.path()).expect("dir").count();
    assert_eq!(inputs.len(), files);
    for input in inputs {
        let path = input["article"].as_str().expect("path");
        let bytes = std::fs::read(path).expect("input file");
        assert_eq!(input["size"], bytes.len());
        assert_eq!(
            input["sha256"].as_str().expect("sha256"),
            format!("{:x}", Sha256::digest(&bytes))
        );
    }
    let text = std::fs::read_to_string(&counts_csv).expect("counts");
    let sum: u64 = text
        .lines()
        .skip(1)
        .map(|l| {
            l.split(',')
                .nth(2)
                .expect("events")
                .parse::<u64>()
                .expect("n")
        })
        .sum();
    assert_eq!(manifest["totals"]["events"], sum);
    assert_eq!(manifest["totals"]["files"], files);
    assert_eq!(manifest["totals"]["articles"], files);
    assert_eq!(manifest["options"]["keep_copies"], false);
    assert!(manifest["version"].is_string() && manifest["rules_version"].is_u64());
    // The event table's manifest counts its rows, and its counted rows are the counts' sum.
    let events: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out_dir.path().join("events.csv.manifest.json"))
            .expect("the events' manifest"),
    )
    .expect("JSON");
    let mut reader = csv::Reader::from_path(&events_csv).expect("events");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(events["totals"]["rows"], rows.len());
    let counted = rows.iter().filter(|r| &r[10] == "true").count() as u64;
    assert_eq!(counted, sum);
}

#[test]
fn an_export_to_stdout_sums_its_manifest_up_on_stderr() {
    let out = techdivide(&["--counts", "-"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("manifest: techdivide") && stderr.contains("5 articles"),
        "{stderr}"
    );
}

#[test]
fn a_date_corrected_on_one_copy_applies_to_its_story() {
    use techdivide::query::{DateCorrection, load_corpus};
    let (_, with_copies, _) = corpora();
    let (mut corpus, _) = load_corpus(
        &[with_copies.path().to_path_buf()],
        false,
        Default::default(),
    );
    let copy = (0..corpus.len())
        .find(|&i| corpus.story_members(i).len() >= 3)
        .expect("a story with copies");
    let day = jiff::civil::date(2001, 2, 3);
    let changed = corpus.set_published(copy, Some(DateCorrection::Date(day)));
    assert_eq!(changed, corpus.story_members(copy));
    for m in changed {
        assert_eq!(
            corpus.entries[m].published(),
            Some(day),
            "{}",
            corpus.entries[m].article.file
        );
    }
    let other = (0..corpus.len())
        .find(|&i| corpus.story_members(i).len() == 1)
        .expect("a story alone");
    assert_ne!(corpus.entries[other].published(), Some(day));
}
