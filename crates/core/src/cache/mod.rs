//! The analysis cache: what loading each file produced, kept on disk so a second start on an
//! unchanged corpus reads it back instead of decoding and analysing every file again.
//!
//! - **Keyed** per file on its path, with its size and modification time and the
//!   [`fingerprint`] of the program's rules checked on every read; the extraction options are
//!   checked too (other options reuse the article and re-run only the analysis).
//! - **Stored** in one append-only file under `$XDG_CACHE_HOME/techdivide` ([`log_file`]):
//!   frames with a CRC-32 each, never rewritten in place, so a crash or kill while writing
//!   can only leave a torn last frame, which is cut off. Each record also carries its own
//!   format version and CRC-32 (postcard, serde's compact binary format).
//! - **Never trusted blindly:** a record that does not decode, fails its checksum, points
//!   outside its text, or was written within [`RACY_NS`] of its file's modification time is
//!   ignored and the file read again. A file of another layout is started afresh. Every such
//!   event is counted in [`CacheReport`] for one log line.
//!
//! redb (an ACID B-tree store) was the first choice; measured on a 40k-article corpus
//! (157 MB) it made a 269 MB file (values of a few KB fill B-tree pages poorly) and its first
//! load took 2.4 s longer than one without a cache; these frames make a 174 MB file and cost
//! about 1 s (see BENCHMARKS.md).

mod fingerprint;
mod log_file;
mod record;

pub use fingerprint::{RULES_VERSION, fingerprint};
pub use record::Stamp;

use crate::corpus::Article;
use crate::extract::ExtractOptions;
use crate::query::KeptAnalysis;
use log_file::LogFile;
use record::{Record, Restored};
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// File name of the cache inside the cache folder.
pub const CACHE_FILE: &str = "analysis.cache";

/// A record written less than this long after its file was modified is not trusted: a file
/// written again within the same clock tick keeps its size and time (2 s covers FAT and SMB
/// clocks).
const RACY_NS: i128 = 2_000_000_000;

/// Compaction runs when replaced frames hold more than this share of the file…
const DEAD_SHARE: f64 = 0.5;
/// …and at least this many bytes.
const DEAD_MIN: u64 = 16 << 20;

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("no cache folder: neither XDG_CACHE_HOME nor HOME is set")]
    NoFolder,
    #[error("cannot create the cache folder {path}: {reason}")]
    Folder { path: PathBuf, reason: String },
    #[error("cannot open the cache {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("the cache {path} could not be written: {reason}")]
    Write { path: PathBuf, reason: String },
}

/// What the cache did during one load, for a log line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CacheReport {
    /// Files whose article and analysis came from the cache.
    pub reused: usize,
    /// Files whose article came from the cache and whose analysis was re-run (other options,
    /// or a user's date correction).
    pub reanalysed: usize,
    /// Files read and analysed (not cached, or changed since).
    pub read: usize,
    /// Records ignored because they were damaged or not to be trusted (see the module doc).
    pub rejected: usize,
    /// Why storing records failed, if it did (the load went on without them).
    pub write_failure: Option<String>,
}

impl CacheReport {
    /// The log line for this load, or `None` when the cache had nothing to say (every file
    /// reused or read, nothing damaged).
    pub fn problem_line(&self) -> Option<String> {
        match (&self.write_failure, self.rejected) {
            (Some(why), _) => Some(format!("analysis cache not updated: {why}")),
            (None, 0) => None,
            (None, n) => Some(format!(
                "analysis cache: {n} damaged or untrusted record(s) ignored; those files were read again"
            )),
        }
    }

    /// A one-line summary: how many files came from the cache and how many were read.
    pub fn summary(&self) -> String {
        format!(
            "analysis cache: {} file(s) reused, {} re-analysed, {} read",
            self.reused, self.reanalysed, self.read
        )
    }
}

/// The user's cache folder for this program: `$XDG_CACHE_HOME/techdivide`, else
/// `$HOME/.cache/techdivide` (an empty or relative `XDG_CACHE_HOME` is ignored, as the XDG
/// spec says).
pub fn default_dir() -> Option<PathBuf> {
    dir_from(std::env::var_os("XDG_CACHE_HOME"), std::env::var_os("HOME"))
}

fn dir_from(xdg: Option<std::ffi::OsString>, home: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let xdg = xdg.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        home.map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|h| h.join(".cache"))
    })?;
    Some(base.join("techdivide"))
}

/// An open analysis cache.
pub struct AnalysisCache {
    log: RwLock<LogFile>,
    path: PathBuf,
    rules: u64,
    reused: AtomicUsize,
    reanalysed: AtomicUsize,
    read: AtomicUsize,
    rejected: AtomicUsize,
    /// Set when the database had to be moved aside and rebuilt on open.
    rebuilt: Option<String>,
    /// The first write failure since the last report.
    write_failure: std::sync::Mutex<Option<String>>,
}

/// The result of looking one file up.
pub enum Lookup {
    /// The file is unchanged: its article, and its analysis when the options match.
    Hit {
        article: Box<Article>,
        analysis: Option<KeptAnalysis>,
        stamp: Stamp,
    },
    /// Not cached or not usable: read the file (and store what it gives under `stamp`).
    Miss { stamp: Option<Stamp> },
}

/// A file's stamp as the file system reports it now.
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?;
    let mtime_ns = match mtime.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).ok()?,
        Err(e) => -i128::try_from(e.duration().as_nanos()).ok()?,
    };
    Some(Stamp {
        size: meta.len(),
        mtime_ns,
    })
}

fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

fn key(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// The path a key was made from.
fn path_of_key(raw: &[u8]) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(raw)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(raw).ok().map(PathBuf::from)
    }
}

impl AnalysisCache {
    /// Open (or create) the cache in `dir`. A file of another layout, or with a damaged
    /// header, is started afresh and a torn last record cut off; [`Self::rebuilt`] says so.
    pub fn open(dir: &Path) -> Result<Self, CacheError> {
        std::fs::create_dir_all(dir).map_err(|e| CacheError::Folder {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        let path = dir.join(CACHE_FILE);
        let opened = LogFile::open(&path).map_err(|e| CacheError::Open {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let rebuilt = match (opened.restarted, opened.torn) {
            (Some(why), _) => Some(why),
            (None, 0) => None,
            (None, torn) => Some(format!(
                "its last {torn} bytes were a torn write and were cut off"
            )),
        };
        Ok(Self {
            log: RwLock::new(opened.log),
            path,
            rules: fingerprint(),
            reused: AtomicUsize::new(0),
            reanalysed: AtomicUsize::new(0),
            read: AtomicUsize::new(0),
            rejected: AtomicUsize::new(0),
            rebuilt,
            write_failure: std::sync::Mutex::new(None),
        })
    }

    /// Open the cache in the user's cache folder ([`default_dir`]).
    pub fn open_default() -> Result<Self, CacheError> {
        Self::open(&default_dir().ok_or(CacheError::NoFolder)?)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the database was rebuilt when it was opened, if it was.
    pub fn rebuilt(&self) -> Option<&str> {
        self.rebuilt.as_deref()
    }

    /// The cache's size on disk in bytes.
    pub fn size_on_disk(&self) -> u64 {
        self.read_log().size()
    }

    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.read_log().len()
    }

    fn read_log(&self) -> std::sync::RwLockReadGuard<'_, LogFile> {
        self.log
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write_log(&self) -> std::sync::RwLockWriteGuard<'_, LogFile> {
        self.log
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the cache did since it was opened (or since the last [`Self::take_report`]).
    pub fn take_report(&self) -> CacheReport {
        CacheReport {
            reused: self.reused.swap(0, Ordering::Relaxed),
            reanalysed: self.reanalysed.swap(0, Ordering::Relaxed),
            read: self.read.swap(0, Ordering::Relaxed),
            rejected: self.rejected.swap(0, Ordering::Relaxed),
            write_failure: self
                .write_failure
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take(),
        }
    }

    /// Look `path` up. A hit needs the same size, modification time and rules as when the
    /// record was written, and a record that decodes and checks.
    pub fn lookup(&self, path: &Path, options: ExtractOptions) -> Lookup {
        let stamp = stamp_of(path);
        let Some(stamp) = stamp else {
            return Lookup::Miss { stamp: None };
        };
        let bytes = self.read_log().get(key(path));
        let bytes = match bytes {
            Some(Ok(b)) => b,
            None => return Lookup::Miss { stamp: Some(stamp) },
            Some(Err(_)) => {
                self.rejected.fetch_add(1, Ordering::Relaxed);
                return Lookup::Miss { stamp: Some(stamp) };
            }
        };
        let restored = Record::decode(&bytes).and_then(|r| {
            if r.rules != self.rules || r.stamp != stamp {
                // Changed since, or made by other rules: not damage, just out of date.
                return Ok(None);
            }
            if r.written_ns - r.stamp.mtime_ns < RACY_NS {
                return Err("written in the same instant the file changed".to_string());
            }
            r.restore(options).map(Some)
        });
        match restored {
            Ok(Some(Restored { article, analysis })) => Lookup::Hit {
                article: Box::new(article),
                analysis,
                stamp,
            },
            Ok(None) => Lookup::Miss { stamp: Some(stamp) },
            Err(_) => {
                self.rejected.fetch_add(1, Ordering::Relaxed);
                Lookup::Miss { stamp: Some(stamp) }
            }
        }
    }

    /// Count one file served from the cache (`analysed`: its analysis was re-run).
    pub fn count_hit(&self, analysed: bool) {
        let counter = if analysed {
            &self.reanalysed
        } else {
            &self.reused
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Keep a write failure for the report (the first one counts; later ones say the same).
    pub fn note_failure(&self, e: &CacheError) {
        let mut f = self
            .write_failure
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f.get_or_insert_with(|| e.to_string());
    }

    /// Count one file read from disk.
    pub fn count_read(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }

    /// The bytes to store for a freshly loaded file (made on the loading threads, in
    /// parallel), or `None` for an article that is not a file.
    pub fn record(
        &self,
        stamp: Stamp,
        article: &Article,
        analysis: Option<(&KeptAnalysis, ExtractOptions)>,
    ) -> Option<(PathBuf, Vec<u8>)> {
        let path = article.path()?.to_path_buf();
        let record = Record::new(stamp, now_ns(), self.rules, article, analysis)?;
        record.encode().ok().map(|b| (path, b))
    }

    /// Append records. `durable`: wait until they are on disk (the last batch of a load);
    /// otherwise a crash may lose them, never damage the cache.
    pub fn store(&self, records: Vec<(PathBuf, Vec<u8>)>, durable: bool) -> Result<(), CacheError> {
        let framed: Vec<(Vec<u8>, Vec<u8>)> = records
            .into_iter()
            .map(|(p, b)| (key(&p).to_vec(), b))
            .collect();
        self.write_log()
            .append(framed, durable)
            .map_err(|e| CacheError::Write {
                path: self.path.clone(),
                reason: e.to_string(),
            })
    }

    /// Forget the records of files that no longer exist, and compact the file when replaced
    /// or forgotten records fill most of it. Returns how many records were forgotten.
    pub fn prune_missing(&self) -> Result<usize, CacheError> {
        let gone: Vec<Vec<u8>> = self
            .read_log()
            .keys()
            // A key that is not a path here is kept: nothing is removed on a guess.
            .filter(|k| path_of_key(k).is_some_and(|p| !p.exists()))
            .map(<[u8]>::to_vec)
            .collect();
        let mut log = self.write_log();
        for k in &gone {
            log.forget(k);
        }
        let dead = log.dead();
        if dead >= DEAD_MIN && dead as f64 > log.size() as f64 * DEAD_SHARE {
            log.compact(|_| true).map_err(|e| CacheError::Write {
                path: self.path.clone(),
                reason: format!("compacting: {e}"),
            })?;
        }
        Ok(gone.len())
    }

    /// Empty the cache (the About panel's "Clear cache"): the database file is deleted and a
    /// new, empty one made in its place, so the space goes back to the file system.
    pub fn clear(self) -> Result<Self, CacheError> {
        let path = self.path.clone();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        drop(self);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CacheError::Write {
                    path,
                    reason: e.to_string(),
                });
            }
        }
        Self::open(&dir)
    }
}

#[cfg(test)]
mod tests;
