//! One cached file: what loading it produced (the decoded text, the header metadata and the
//! compact analysis), the file's size and modification time when it was read, and the options
//! the analysis used. Stored as `MAGIC`, a CRC-32 of the payload, then the payload (postcard).
//! Not compressed: LZ4 made a 40k-article cache 17% smaller for 4% more CPU on the first load.

use crate::corpus::{Article, ArticleOrigin, Metadata, PublishedSource, TitleSource};
use crate::extract::{Event, Evidence, ExtractOptions};
use crate::query::{KeptAnalysis, Span};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

/// The record format's version: bump it when the payload's layout changes.
const MAGIC: &[u8; 4] = b"TDC1";

/// A file's identity on disk when it was read: a changed size or modification time means the
/// file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
}

#[derive(Serialize, Deserialize)]
struct MetaRecord {
    title: String,
    title_source: u8,
    title_reasons: Vec<String>,
    author: Option<String>,
    published: Option<(i16, i8, i8)>,
    published_source: u8,
    site: Option<String>,
    published_span: Option<Range<usize>>,
    source: Option<String>,
    paragraphs: Vec<Range<usize>>,
    dateline: Option<Range<usize>>,
}

#[derive(Serialize, Deserialize)]
struct AnalysisRecord {
    options: ExtractOptions,
    /// The date the events were computed with (the header's: cached analyses never carry a
    /// user's correction).
    published: Option<(i16, i8, i8)>,
    sentences: Vec<(u32, u32)>,
    events: Vec<(u32, u16, Option<i16>, Evidence)>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct Record {
    pub(super) stamp: Stamp,
    /// When the record was written (ns since the epoch): a file modified in the same instant
    /// it was read could keep its stamp, so such a record is never trusted.
    pub(super) written_ns: i128,
    /// The rules fingerprint the record was made under.
    pub(super) rules: u64,
    origin: PathBuf,
    file: String,
    encoding: String,
    text: String,
    meta: MetaRecord,
    analysis: Option<AnalysisRecord>,
}

/// What a valid record gives back: the article, and its analysis when it was computed with
/// the options asked for.
pub(super) struct Restored {
    pub(super) article: Article,
    pub(super) analysis: Option<KeptAnalysis>,
}

fn date_parts(d: Option<Date>) -> Option<(i16, i8, i8)> {
    d.map(|d| (d.year(), d.month(), d.day()))
}

fn date_of(p: Option<(i16, i8, i8)>) -> Result<Option<Date>, String> {
    p.map(|(y, m, d)| Date::new(y, m, d).map_err(|e| format!("bad date: {e}")))
        .transpose()
}

fn title_source_code(s: TitleSource) -> u8 {
    match s {
        TitleSource::Header => 0,
        TitleSource::Metadata => 1,
        TitleSource::Derived => 2,
        TitleSource::None => 3,
    }
}

fn title_source_of(c: u8) -> Result<TitleSource, String> {
    Ok(match c {
        0 => TitleSource::Header,
        1 => TitleSource::Metadata,
        2 => TitleSource::Derived,
        3 => TitleSource::None,
        _ => return Err(format!("unknown title source {c}")),
    })
}

fn published_source_code(s: PublishedSource) -> u8 {
    match s {
        PublishedSource::Header => 0,
        PublishedSource::Metadata => 1,
        PublishedSource::Text => 2,
        PublishedSource::None => 3,
    }
}

fn published_source_of(c: u8) -> Result<PublishedSource, String> {
    Ok(match c {
        0 => PublishedSource::Header,
        1 => PublishedSource::Metadata,
        2 => PublishedSource::Text,
        3 => PublishedSource::None,
        _ => return Err(format!("unknown published source {c}")),
    })
}

/// The title reasons are the header model's fixed phrases: each distinct one read back is kept
/// once for the life of the program (a few dozen).
fn intern(s: String) -> Result<&'static str, String> {
    const MAX_PHRASES: usize = 4096;
    static PHRASES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = PHRASES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(&known) = set.get(s.as_str()) {
        return Ok(known);
    }
    if set.len() >= MAX_PHRASES {
        return Err("too many distinct title reasons".into());
    }
    let leaked: &'static str = Box::leak(s.into_boxed_str());
    set.insert(leaked);
    Ok(leaked)
}

impl Record {
    /// The record of a freshly loaded file. `analysis` is left out when it was computed with a
    /// user's date correction (the cache holds what the file alone gives).
    pub(super) fn new(
        stamp: Stamp,
        written_ns: i128,
        rules: u64,
        article: &Article,
        analysis: Option<(&KeptAnalysis, ExtractOptions)>,
    ) -> Option<Self> {
        let ArticleOrigin::File(origin) = &article.origin else {
            return None;
        };
        let m = &article.meta;
        Some(Self {
            stamp,
            written_ns,
            rules,
            origin: origin.clone(),
            file: article.file.clone(),
            encoding: article.encoding.to_string(),
            text: article.text.clone(),
            meta: MetaRecord {
                title: m.title.clone(),
                title_source: title_source_code(m.title_source),
                title_reasons: m.title_reasons.iter().map(|s| (*s).to_string()).collect(),
                author: m.author.clone(),
                published: date_parts(m.published),
                published_source: published_source_code(m.published_source),
                site: m.site.clone(),
                published_span: m.published_span.clone(),
                source: m.source.clone(),
                paragraphs: m.paragraphs.iter().map(|p| p.range()).collect(),
                dateline: m.dateline.clone(),
            },
            analysis: analysis.map(|(a, options)| AnalysisRecord {
                options,
                published: date_parts(a.published),
                sentences: a.sentences.iter().map(|s| (s.start, s.end)).collect(),
                events: a
                    .events
                    .iter()
                    .map(|e| (e.sentence, e.country, e.year, e.evidence))
                    .collect(),
            }),
        })
    }

    /// The stored bytes: magic, CRC-32 of the payload, payload.
    pub(super) fn encode(&self) -> Result<Vec<u8>, String> {
        let payload = postcard::to_stdvec(self).map_err(|e| e.to_string())?;
        let mut out = Vec::with_capacity(payload.len() + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// Read stored bytes back; any damage (wrong magic, checksum, layout) is an error.
    pub(super) fn decode(bytes: &[u8]) -> Result<Self, String> {
        let (magic, rest) = bytes
            .split_first_chunk::<4>()
            .ok_or("shorter than its header")?;
        if magic != MAGIC {
            return Err("another format version".into());
        }
        let (crc, payload) = rest
            .split_first_chunk::<4>()
            .ok_or("shorter than its header")?;
        if crc32fast::hash(payload) != u32::from_le_bytes(*crc) {
            return Err("checksum mismatch".into());
        }
        postcard::from_bytes(payload).map_err(|e| e.to_string())
    }

    /// The article and (for `options`) the analysis, checked against the text they point into.
    pub(super) fn restore(self, options: ExtractOptions) -> Result<Restored, String> {
        let encoding = encoding_rs::Encoding::for_label(self.encoding.as_bytes())
            .map(encoding_rs::Encoding::name)
            .filter(|n| *n == self.encoding)
            .ok_or_else(|| format!("unknown encoding {}", self.encoding))?;
        let len = self.text.len();
        let inside = |r: &Range<usize>| {
            r.start <= r.end
                && r.end <= len
                && self.text.is_char_boundary(r.start)
                && self.text.is_char_boundary(r.end)
        };
        let m = self.meta;
        let spans_ok = m.paragraphs.iter().all(inside)
            && m.published_span.iter().all(inside)
            && m.dateline.iter().all(inside)
            && self.analysis.iter().all(|a| {
                a.sentences
                    .iter()
                    .all(|&(start, end)| inside(&(start as usize..end as usize)))
            });
        if !spans_ok {
            return Err("a span lies outside the text".into());
        }
        let meta = Metadata {
            title_source: title_source_of(m.title_source)?,
            title_reasons: crate::corpus::metadata::reasons::intern(
                m.title_reasons
                    .into_iter()
                    .map(intern)
                    .collect::<Result<_, _>>()?,
            ),
            author: m.author,
            published: date_of(m.published)?,
            published_source: published_source_of(m.published_source)?,
            site: m.site,
            published_span: m.published_span,
            source: m.source,
            paragraphs: m.paragraphs.iter().map(crate::span::Span::of).collect(),
            dateline: m.dateline,
            title: m.title,
        };
        let analysis = match self.analysis {
            Some(a) if a.options == options => {
                let sentences = a.sentences.len();
                let countries = crate::extract::gazetteer::gazetteer().countries.len();
                let events = a
                    .events
                    .into_iter()
                    .map(|(sentence, country, year, evidence)| {
                        (usize::try_from(sentence).is_ok_and(|s| s < sentences)
                            && usize::from(country) < countries)
                            .then_some(Event {
                                sentence,
                                country,
                                year,
                                evidence,
                            })
                            .ok_or_else(|| {
                                "an event points past the sentences or the gazetteer".to_string()
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Some(KeptAnalysis {
                    sentences: a
                        .sentences
                        .into_iter()
                        .map(|(start, end)| Span { start, end })
                        .collect(),
                    events,
                    published: date_of(a.published)?,
                })
            }
            _ => None,
        };
        Ok(Restored {
            article: Article {
                origin: ArticleOrigin::File(self.origin),
                file: self.file,
                text: self.text,
                encoding,
                meta,
            },
            analysis,
        })
    }
}
