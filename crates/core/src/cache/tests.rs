use super::*;
use crate::query::{Corpus, DateCorrection, load_corpus_cached, load_entries_cached};
use std::time::{Duration, SystemTime};

const STORY_A: &str = "Chip rules tighten\n\nMarch 3, 2021\n\nChina answered the new export rules on Tuesday, and officials in Washington said the United States would widen them next year.\n\nJapan and the Netherlands joined the talks in 2020.\n";
const STORY_B: &str = "Port deal signed\n\nJune 9, 2019\n\nIndia and Germany signed a port agreement, officials said, after talks that began last year.\n";

/// Write `text` to `dir/name` with a modification time an hour ago (a file just written is
/// "racy" and never served from the cache).
fn write_old(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    set_age(&path, 3600);
    path
}

fn set_age(path: &Path, secs: u64) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .expect("set mtime");
}

/// Everything a user sees of a corpus: each article's title, date, text and events.
fn fingerprint_of(c: &Corpus) -> Vec<String> {
    c.entries
        .iter()
        .map(|e| {
            format!(
                "{}|{}|{:?}|{:?}|{}|{:?}|{:?}|{:?}",
                e.article.file,
                e.article.meta.title,
                e.article.meta.published,
                e.article.meta.title_reasons,
                e.article.text,
                e.analysis.sentences,
                e.analysis.events,
                e.cells()
            )
        })
        .collect()
}

fn setup() -> (tempfile::TempDir, tempfile::TempDir, Vec<PathBuf>) {
    let corpus = tempfile::tempdir().expect("corpus dir");
    let cache = tempfile::tempdir().expect("cache dir");
    let a = write_old(corpus.path(), "a.txt", STORY_A);
    let b = write_old(corpus.path(), "b.txt", STORY_B);
    (corpus, cache, vec![a, b])
}

fn load(paths: &[PathBuf], cache: Option<&AnalysisCache>) -> Corpus {
    load_corpus_cached(paths, false, ExtractOptions::default(), cache).0
}

#[test]
fn a_second_load_reads_the_cache_and_equals_a_fresh_one() {
    let (_corpus, dir, paths) = setup();
    let fresh = load(&paths, None);
    let cache = AnalysisCache::open(dir.path()).expect("open");
    let first = load(&paths, Some(&cache));
    assert_eq!(cache.take_report().read, 2);
    assert_eq!(cache.len(), 2);
    let second = load(&paths, Some(&cache));
    let report = cache.take_report();
    assert_eq!((report.reused, report.read, report.rejected), (2, 0, 0));
    assert_eq!(fingerprint_of(&first), fingerprint_of(&fresh));
    assert_eq!(fingerprint_of(&second), fingerprint_of(&fresh));
    assert!(second.entries.iter().all(|e| e.event_count() > 0));
}

#[test]
fn the_cache_survives_reopening() {
    let (_corpus, dir, paths) = setup();
    {
        let cache = AnalysisCache::open(dir.path()).expect("open");
        load(&paths, Some(&cache));
    }
    let cache = AnalysisCache::open(dir.path()).expect("reopen");
    assert!(cache.rebuilt().is_none());
    let again = load(&paths, Some(&cache));
    assert_eq!(cache.take_report().reused, 2);
    assert_eq!(fingerprint_of(&again), fingerprint_of(&load(&paths, None)));
}

#[test]
fn a_changed_file_is_read_again() {
    let (_corpus, dir, paths) = setup();
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(&paths, Some(&cache));
    cache.take_report();
    // Same size, other words and another time: only the stamp tells.
    let edited = STORY_B.replace("India and Germany", "Kenya and Finland");
    assert_eq!(edited.len(), STORY_B.len());
    std::fs::write(&paths[1], &edited).expect("edit");
    set_age(&paths[1], 60);
    let after = load(&paths, Some(&cache));
    let report = cache.take_report();
    assert_eq!((report.reused, report.read), (1, 1));
    assert_eq!(fingerprint_of(&after), fingerprint_of(&load(&paths, None)));
    assert!(after.entries[1].article.text.contains("Kenya"));
}

#[test]
fn a_file_changed_in_the_instant_it_was_cached_is_not_trusted() {
    let corpus = tempfile::tempdir().expect("corpus dir");
    let dir = tempfile::tempdir().expect("cache dir");
    let path = corpus.path().join("new.txt");
    std::fs::write(&path, STORY_A).expect("write");
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(std::slice::from_ref(&path), Some(&cache));
    cache.take_report();
    load(std::slice::from_ref(&path), Some(&cache));
    let report = cache.take_report();
    assert_eq!((report.reused, report.read, report.rejected), (0, 1, 1));
}

#[test]
fn a_damaged_record_is_ignored_and_replaced() {
    let (_corpus, dir, paths) = setup();
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(&paths, Some(&cache));
    cache.take_report();
    // Flip one byte of the first record's payload: the checksum catches it.
    let bytes = cache
        .read_log()
        .get(key(&paths[0]))
        .expect("present")
        .expect("intact");
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x55;
    cache
        .store(vec![(paths[0].clone(), damaged)], true)
        .expect("store");
    let after = load(&paths, Some(&cache));
    let report = cache.take_report();
    assert_eq!((report.reused, report.read, report.rejected), (1, 1, 1));
    assert!(
        report
            .problem_line()
            .is_some_and(|l| l.contains("1 damaged"))
    );
    assert_eq!(fingerprint_of(&after), fingerprint_of(&load(&paths, None)));
    // The record was rewritten: the next load reuses both.
    load(&paths, Some(&cache));
    assert_eq!(cache.take_report().reused, 2);
}

#[test]
fn a_torn_last_record_is_cut_off_and_its_file_read_again() {
    let (_corpus, dir, paths) = setup();
    {
        let cache = AnalysisCache::open(dir.path()).expect("open");
        load(&paths, Some(&cache));
    }
    // A kill in the middle of the last write: the file ends inside the second record.
    let file = dir.path().join(CACHE_FILE);
    let len = std::fs::metadata(&file).expect("size").len();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .expect("open")
        .set_len(len - 10)
        .expect("truncate");
    let cache = AnalysisCache::open(dir.path()).expect("reopen");
    assert!(cache.rebuilt().is_some_and(|why| why.contains("torn")));
    let after = load(&paths, Some(&cache));
    let report = cache.take_report();
    assert_eq!((report.reused, report.read), (1, 1));
    assert_eq!(fingerprint_of(&after), fingerprint_of(&load(&paths, None)));
    // The cut was made on a record boundary: the next start reuses both.
    drop(cache);
    let cache = AnalysisCache::open(dir.path()).expect("reopen again");
    assert!(cache.rebuilt().is_none());
    load(&paths, Some(&cache));
    assert_eq!(cache.take_report().reused, 2);
}

#[test]
fn a_file_that_is_not_a_cache_is_started_afresh() {
    let (_corpus, dir, paths) = setup();
    std::fs::write(
        dir.path().join(CACHE_FILE),
        b"SQLite format 3\0 and more bytes here",
    )
    .expect("write");
    let cache = AnalysisCache::open(dir.path()).expect("open");
    assert!(cache.rebuilt().is_some());
    assert!(cache.is_empty());
    let after = load(&paths, Some(&cache));
    assert_eq!(cache.take_report().read, 2);
    assert_eq!(fingerprint_of(&after), fingerprint_of(&load(&paths, None)));
}

#[test]
fn a_second_instance_runs_without_the_cache() {
    let dir = tempfile::tempdir().expect("cache dir");
    let _first = AnalysisCache::open(dir.path()).expect("open");
    let second = AnalysisCache::open(dir.path());
    assert!(matches!(second, Err(CacheError::Open { .. })));
}

#[test]
fn other_options_reuse_the_article_and_rerun_the_analysis() {
    let (_corpus, dir, paths) = setup();
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(&paths, Some(&cache));
    cache.take_report();
    let decades = ExtractOptions {
        anchor_decades: true,
    };
    let cached = load_corpus_cached(&paths, false, decades, Some(&cache)).0;
    let report = cache.take_report();
    assert_eq!((report.reanalysed, report.read), (2, 0));
    let fresh = load_corpus_cached(&paths, false, decades, None).0;
    assert_eq!(fingerprint_of(&cached), fingerprint_of(&fresh));
    assert!(cached.entries.iter().all(|e| e.options == decades));
}

#[test]
fn a_date_correction_is_applied_and_never_stored() {
    let (_corpus, dir, paths) = setup();
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(&paths, Some(&cache));
    cache.take_report();
    let undated =
        |a: &crate::corpus::Article| a.file.starts_with('a').then_some(DateCorrection::Undated);
    let (entries, _) = load_entries_cached(
        &paths,
        ExtractOptions::default(),
        &undated,
        Some(&cache),
        true,
        &Default::default(),
    );
    assert_eq!(entries[0].corrected, Some(DateCorrection::Undated));
    assert!(
        entries[0]
            .analysis
            .events
            .iter()
            .all(|e| e.year != Some(2021))
    );
    assert_eq!(cache.take_report().reanalysed, 1);
    // The cached record still holds the file's own analysis.
    let plain = load(&paths, Some(&cache));
    assert_eq!(cache.take_report().reused, 2);
    assert_eq!(fingerprint_of(&plain), fingerprint_of(&load(&paths, None)));
}

#[test]
fn records_of_deleted_files_are_pruned_and_clear_empties_the_file() {
    let (_corpus, dir, paths) = setup();
    let cache = AnalysisCache::open(dir.path()).expect("open");
    load(&paths, Some(&cache));
    std::fs::remove_file(&paths[1]).expect("delete");
    assert_eq!(cache.prune_missing().expect("prune"), 1);
    assert_eq!(cache.len(), 1);
    let cleared = cache.clear().expect("clear");
    assert!(cleared.is_empty());
    load(&paths[..1], Some(&cleared));
    assert_eq!(cleared.take_report().read, 1);
}

#[test]
fn the_cache_folder_follows_xdg() {
    let home = Some(std::ffi::OsString::from("/home/ana"));
    assert_eq!(
        dir_from(Some("/tmp/xdg".into()), home.clone()),
        Some(PathBuf::from("/tmp/xdg/techdivide"))
    );
    // A relative XDG_CACHE_HOME is ignored (XDG spec).
    assert_eq!(
        dir_from(Some("rel".into()), home.clone()),
        Some(PathBuf::from("/home/ana/.cache/techdivide"))
    );
    assert_eq!(dir_from(None, None), None);
}
