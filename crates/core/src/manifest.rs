//! The provenance manifest written beside every export (`FILE.manifest.json`): which program,
//! rules, options and filters made it, from which input files (size and SHA-256), with which
//! date corrections, and how many files, articles, stories and events it holds.

use crate::cache::RULES_VERSION;
use crate::corpus::{ArticleOrigin, article_key};
use crate::query::{Corpus, Filter};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What kind of export a manifest describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    Events,
    Counts,
    Articles,
    ChartPng,
    ChartCsv,
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
    pub inputs: Vec<Input>,
    pub corrections: Vec<CorrectionRecord>,
    pub totals: Totals,
}

/// Where an input's bytes are: on disk, or (seeds, memory) the text itself.
#[derive(Debug, Clone)]
pub enum InputSource {
    File(PathBuf),
    Text(String),
}

/// What a manifest needs from a corpus, taken on the UI thread so the hashing can run on
/// another one.
#[derive(Debug, Clone)]
pub struct ManifestDraft {
    pub manifest: Manifest,
    sources: Vec<(String, InputSource)>,
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
        let mut sources: Vec<(String, InputSource)> = Vec::with_capacity(corpus.len());
        let mut corrections = Vec::new();
        for entry in &corpus.entries {
            let key = article_key(&entry.article.origin);
            if let Some(c) = entry.corrected {
                corrections.push(CorrectionRecord {
                    article: key.clone(),
                    published: c.date().map(|d| d.to_string()),
                });
            }
            let source = match &entry.article.origin {
                ArticleOrigin::File(p) => InputSource::File(p.clone()),
                ArticleOrigin::Seed(_) | ArticleOrigin::Memory(_) => {
                    InputSource::Text(entry.article.text.clone())
                }
            };
            sources.push((key, source));
        }
        sources.sort_by(|a, b| a.0.cmp(&b.0));
        sources.dedup_by(|a, b| a.0 == b.0);
        let totals = Totals {
            files: sources.len(),
            ..totals
        };
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
                inputs: Vec::new(),
                corrections,
                totals,
            },
            sources,
        }
    }

    /// Hash every input (in parallel) and return the finished manifest.
    pub fn finish(self) -> Manifest {
        let mut manifest = self.manifest;
        manifest.inputs = self
            .sources
            .into_par_iter()
            .map(|(article, source)| hash_input(article, &source))
            .collect();
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

fn hash_input(article: String, source: &InputSource) -> Input {
    match source {
        InputSource::Text(t) => Input {
            article,
            size: t.len() as u64,
            sha256: hex(&Sha256::digest(t.as_bytes())),
            problem: None,
        },
        InputSource::File(p) => match hash_file(p) {
            Ok((size, sha256)) => Input {
                article,
                size,
                sha256,
                problem: None,
            },
            Err(e) => Input {
                article,
                size: 0,
                sha256: String::new(),
                problem: Some(format!("cannot read it now ({e})")),
            },
        },
    }
}

fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
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
    Ok((size, hex(&hasher.finalize())))
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
    let json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    crate::atomic_write::write_bytes(&path, &json)?;
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
