//! The provenance manifest written beside every export (`FILE.manifest.json`): which program,
//! rules, options and filters made it, from which input files (size and SHA-256), with which
//! date corrections, and how many files, articles, stories and events it holds.

use crate::cache::RULES_VERSION;
use crate::corpus::{ArticleOrigin, article_key};
use crate::query::{ArticleEntry, Corpus, Filter};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What kind of export a manifest describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    Events,
    Counts,
    Articles,
    ChartPng,
    ChartCsv,
    Concordance,
}

/// One input of the corpus: a file on disk, or an embedded seed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Input {
    /// The path (or `seed:NAME`, `memory:NAME`).
    pub article: String,
    pub size: u64,
    pub sha256: String,
    /// Why the file could not be hashed (it was moved or deleted since it was loaded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// A user's date correction in force.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CorrectionRecord {
    pub article: String,
    /// The corrected date, or `null` for "no known date".
    pub published: Option<String>,
}

/// The numbers of the export.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Default)]
pub struct Totals {
    /// Distinct input files (and seeds).
    pub files: usize,
    pub articles: usize,
    /// Stories: articles with their copies counted once.
    pub stories: usize,
    /// Events the counts are made of (each story's counted copy, within the filter).
    pub events: u64,
    /// Rows of the exported table (events or articles), when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<usize>,
}

/// Options in force.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Settings {
    pub anchor_decades: bool,
    /// Every copy of a story counted (`--keep-copies`, "Count every copy").
    pub keep_copies: bool,
}

/// The manifest of one export.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub program: &'static str,
    pub version: &'static str,
    pub rules_version: u32,
    /// When the export was written (UTC, RFC 3339).
    pub written: String,
    pub export: ExportKind,
    pub file: String,
    pub options: Settings,
    /// The window's filter in force (`null` for the CLI, which exports the whole corpus).
    pub filter: Option<Filter>,
    pub inputs: Inputs,
    pub corrections: Vec<CorrectionRecord>,
    pub totals: Totals,
}

/// The key an input is listed under: the path, or `seed:NAME` / `memory:NAME`.
fn key_of(entry: &ArticleEntry) -> String {
    article_key(&entry.article.origin)
}

/// What a manifest needs from a corpus, taken on the UI thread so the hashing can run on
/// another one.
#[derive(Debug, Clone)]
pub struct ManifestDraft {
    pub manifest: Manifest,
    /// The corpus's entries (shared, not copied).
    entries: Vec<Arc<ArticleEntry>>,
}

impl ManifestDraft {
    /// Everything but the hashes: cheap (no file is read).
    pub fn new(
        corpus: &Corpus,
        export: ExportKind,
        file: &Path,
        filter: Option<&Filter>,
        totals: Totals,
    ) -> Self {
        let mut corrections = Vec::new();
        for entry in &corpus.entries {
            if let Some(c) = entry.corrected {
                corrections.push(CorrectionRecord {
                    article: article_key(&entry.article.origin),
                    published: c.date().map(|d| d.to_string()),
                });
            }
        }
        let entries = corpus.entries.clone();
        // Counted here, sorted in `finish`: a summary needs only the count, and the sort (by
        // path, part by part: 25 ms at 40,000 files) is better off the UI thread.
        let files = entries
            .iter()
            .map(|e| &e.article.origin)
            .collect::<std::collections::HashSet<_>>()
            .len();
        let totals = Totals { files, ..totals };
        let options = Settings {
            anchor_decades: corpus.options.anchor_decades,
            keep_copies: corpus.keep_copies,
        };
        Self {
            manifest: Manifest {
                program: "techdivide",
                version: env!("CARGO_PKG_VERSION"),
                rules_version: RULES_VERSION,
                written: jiff::Timestamp::now()
                    .round(jiff::Unit::Second)
                    .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
                export,
                file: file.display().to_string(),
                options,
                filter: filter.cloned(),
                inputs: Inputs::default(),
                corrections,
                totals,
            },
            entries,
        }
    }

    /// Hash every input (in parallel) and return the finished manifest.
    pub fn finish(self) -> Manifest {
        let mut manifest = self.manifest;
        let entries = self.entries;
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        let origin = |i: &u32| &entries[*i as usize].article.origin;
        order.sort_by(|a, b| origin(a).cmp(origin(b)));
        order.dedup_by(|a, b| origin(a) == origin(b));
        let digests = order
            .par_iter()
            .map(|&i| digest(&entries[i as usize]))
            .collect();
        manifest.inputs = Inputs {
            entries,
            order,
            digests,
        };
        manifest
    }

    /// The one-line summary printed for an export to stdout.
    pub fn summary(&self) -> String {
        let m = &self.manifest;
        let t = &m.totals;
        format!(
            "manifest: techdivide {} rules {}, {} files, {} articles, {} stories, {} events{}{}",
            m.version,
            m.rules_version,
            t.files,
            t.articles,
            t.stories,
            t.events,
            if m.options.keep_copies {
                ", every copy counted"
            } else {
                ""
            },
            if m.corrections.is_empty() {
                String::new()
            } else {
                format!(", {} date corrections", m.corrections.len())
            },
        )
    }
}

/// An input's size and SHA-256, or why it could not be read.
type InputDigest = Result<(u64, [u8; 32]), String>;

fn digest(entry: &ArticleEntry) -> InputDigest {
    match &entry.article.origin {
        ArticleOrigin::File(path) => {
            hash_file(path).map_err(|e| format!("cannot read it now ({e})"))
        }
        // A table's row is its own input: its text, not the whole table once per row.
        ArticleOrigin::Seed(_) | ArticleOrigin::Memory(_) | ArticleOrigin::Row { .. } => {
            let text = entry.article.text.as_bytes();
            Ok((text.len() as u64, Sha256::digest(text).into()))
        }
    }
}

/// The inputs with their digests, kept compact (32 bytes a hash: at 200k files the manifest's
/// strings are made one at a time while it is written).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    entries: Vec<Arc<ArticleEntry>>,
    order: Vec<u32>,
    digests: Vec<InputDigest>,
}

impl Inputs {
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Each input as the manifest writes it.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        self.order
            .iter()
            .map(|&i| &self.entries[i as usize])
            .zip(&self.digests)
            .map(|(entry, digest)| match digest {
                Ok((size, sha)) => Input {
                    article: key_of(entry),
                    size: *size,
                    sha256: hex(sha),
                    problem: None,
                },
                Err(why) => Input {
                    article: key_of(entry),
                    size: 0,
                    sha256: String::new(),
                    problem: Some(why.clone()),
                },
            })
    }
}

impl Serialize for Inputs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for input in self.iter() {
            seq.serialize_element(&input)?;
        }
        seq.end()
    }
}

fn hash_file(path: &Path) -> std::io::Result<(u64, [u8; 32])> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hasher.finalize().into()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `FILE.manifest.json` for an export written to `FILE`.
pub fn manifest_path(export: &Path) -> PathBuf {
    let mut name = export.as_os_str().to_owned();
    name.push(".manifest.json");
    PathBuf::from(name)
}

/// Write the manifest beside its export, atomically.
pub fn write_manifest(manifest: &Manifest, export: &Path) -> std::io::Result<PathBuf> {
    let path = manifest_path(export);
    // Streamed: at 200k inputs the JSON is tens of MB.
    crate::atomic_write::write_with(
        &path,
        |e| e,
        |w| serde_json::to_writer_pretty(w, manifest).map_err(std::io::Error::other),
    )?;
    Ok(path)
}

/// Where a manifest went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// `FILE.manifest.json`, beside the export.
    File(PathBuf),
    /// The export went to stdout (`-`): the manifest's one-line summary, for stderr.
    Summary(String),
}

/// The totals of an export of `corpus` whose counts sum to `events`.
pub fn totals(corpus: &Corpus, events: u64, rows: Option<usize>) -> Totals {
    Totals {
        files: 0,
        articles: corpus.len(),
        stories: corpus.story_count(),
        events,
        rows,
    }
}

/// Record an export just written to `export`: its manifest beside it, or for `-` its summary.
pub fn record_export(
    corpus: &Corpus,
    kind: ExportKind,
    export: &Path,
    filter: Option<&Filter>,
    totals: Totals,
) -> std::io::Result<Written> {
    let draft = ManifestDraft::new(corpus, kind, export, filter, totals);
    if export.as_os_str() == "-" {
        return Ok(Written::Summary(draft.summary()));
    }
    write_manifest(&draft.finish(), export).map(Written::File)
}
