#![allow(clippy::unwrap_used)] // test helpers fail loudly on broken fixtures
//! The bad-file zoo (reliability issue): every kind of bad input gives one clear problem naming
//! the file, never a panic or a hang, and every good file of the same batch still loads.

use std::path::{Path, PathBuf};
use techdivide::corpus::LoadError;
use techdivide::extract::ExtractOptions;
use techdivide::query::load_corpus;

/// Load as the CLI does, without the seeds: (articles loaded, problems).
fn load_paths(paths: &[std::path::PathBuf]) -> Report {
    let (corpus, problems) = load_corpus(paths, false, ExtractOptions::default());
    Report {
        articles: corpus.entries.iter().map(|e| e.article.clone()).collect(),
        problems,
    }
}

struct Report {
    articles: Vec<techdivide::Article>,
    problems: Vec<LoadError>,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const GOOD: &str = "Japan Widens Trade Talks\n\nMarch 2, 2016\n\nJapan and South Korea agreed on a deal in 2015. Tokyo said the talks would go on.\n";

fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn every_bad_case_is_reported_and_the_good_files_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", GOOD.as_bytes());
    let png = write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let zip = write(d, "archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0");
    let elf = write(d, "program.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b"  \n\t\r\n  ");
    let mut invalid = GOOD.as_bytes().to_vec();
    invalid.insert(40, 0xFF);
    let invalid_utf8 = write(d, "invalid-utf8.txt", &invalid);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16_bom = write(d, "utf16-bom.txt", &utf16);
    let utf16_plain: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16_nobom = write(d, "utf16-nobom.txt", &utf16_plain);
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Côte d'Ivoire Signs Deal\n\n19 August 1998\n\nLe président de la Côte d'Ivoire a déclaré que la France et le Japon aideront en 1999.\n");
    let latin1 = write(d, "latin1.txt", &latin);
    let folder_named_txt = d.join("x.txt");
    std::fs::create_dir(&folder_named_txt).unwrap();
    let missing = d.join("missing.txt");
    let loop_link = d.join("loop.txt");
    std::os::unix::fs::symlink(&loop_link, &loop_link).unwrap();
    let twin = d.join("twin.txt");
    std::os::unix::fs::symlink(&good, &twin).unwrap();
    let huge = d.join("huge.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        let chunk = "word ".repeat(1 << 16);
        while f.get_ref().metadata().unwrap().len() < 100 * 1024 * 1024 {
            f.write_all(chunk.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    let many_lines = d.join("many-lines.txt");
    std::fs::write(&many_lines, "ok\n".repeat(1_000_000)).unwrap();

    let paths = vec![
        good.clone(),
        png,
        zip,
        elf,
        empty,
        blank,
        invalid_utf8,
        utf16_bom,
        utf16_nobom,
        latin1,
        folder_named_txt.clone(),
        missing.clone(),
        loop_link.clone(),
        twin.clone(),
        huge.clone(),
        many_lines.clone(),
    ];
    let report = load_paths(&paths);
    let problem = |p: &Path| {
        report
            .problems
            .iter()
            .find(|e| e.path() == p)
            .map(|e| e.to_string())
    };
    for (name, expect) in [
        ("image.txt", "PNG image"),
        ("archive.txt", "ZIP archive"),
        ("program.txt", "ELF executable"),
        ("empty.txt", "empty"),
        ("blank.txt", "only whitespace"),
        ("huge.txt", "over the"),
    ] {
        let msg = problem(&d.join(name))
            .unwrap_or_else(|| panic!("{name}: no problem reported: {:?}", report.problems));
        assert!(msg.contains(expect) && msg.contains(name), "{name}: {msg}");
    }
    assert!(
        problem(&folder_named_txt).is_some_and(|m| m.contains("folder has no")),
        "{:?}",
        report.problems
    );
    assert!(matches!(
        report.problems.iter().find(|e| e.path() == missing),
        Some(LoadError::Missing(_))
    ));
    assert!(
        problem(&loop_link).is_some_and(|m| m.contains("symlink")),
        "{:?}",
        report.problems
    );
    assert!(
        problem(&twin).is_some_and(|m| m.contains("already loaded")),
        "the same file through a symlink is not loaded twice"
    );
    // Every problem is one line that names its file.
    for p in &report.problems {
        let line = p.to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains(&p.path().display().to_string()), "{line}");
    }
    let loaded: Vec<&str> = report.articles.iter().map(|a| a.file.as_str()).collect();
    for name in [
        "good.txt",
        "invalid-utf8.txt",
        "utf16-bom.txt",
        "utf16-nobom.txt",
        "latin1.txt",
        "many-lines.txt",
    ] {
        assert!(
            loaded.contains(&name),
            "{name} did not load: {loaded:?} {:?}",
            report.problems
        );
    }
    let latin = report
        .articles
        .iter()
        .find(|a| a.file == "latin1.txt")
        .unwrap();
    assert!(
        latin.text.contains("Côte d'Ivoire"),
        "Latin-1 is decoded: {}",
        latin.encoding
    );
    let utf16 = report
        .articles
        .iter()
        .find(|a| a.file == "utf16-nobom.txt")
        .unwrap();
    assert_eq!(utf16.meta.title, "Japan Widens Trade Talks");
    // The good files carry their events.
    let corpus = techdivide::query::Corpus::from_articles(report.articles, Default::default());
    let good_entry = corpus
        .entries
        .iter()
        .find(|e| e.article.file == "good.txt")
        .unwrap();
    assert!(good_entry.event_count() >= 2);
}

#[test]
fn an_unreadable_file_is_reported() {
    if running_as_root() {
        eprintln!(
            "skipped: running as root, where a file without read permission is still readable"
        );
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", GOOD.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let report = load_paths(std::slice::from_ref(&locked));
    assert!(
        matches!(report.problems.first(), Some(LoadError::Unreadable { .. })),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_file_that_changes_while_it_is_read_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "growing.txt", GOOD.as_bytes());
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        for i in 0..2000 {
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&writer_path)
                .unwrap();
            writeln!(f, "China and India met again in {}.", 1990 + i % 30).unwrap();
            if i % 200 == 0 {
                let _ = std::fs::write(&writer_path, GOOD);
            }
        }
    });
    for _ in 0..50 {
        let report = load_paths(std::slice::from_ref(&path));
        assert_eq!(report.articles.len() + report.problems.len(), 1);
    }
    writer.join().unwrap();
}
