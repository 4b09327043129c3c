//! Deterministic synthetic news corpus (a dev crate), used by `examples/gen_corpus.rs` (writes
//! it to disk), `benches/pipeline.rs` (keeps it in memory) and the scale tests.
//!
//! Every file is a pure function of `(seed, index)`, so files can be generated in any order and
//! in parallel, and the same seed always gives byte-identical corpora. Text is written with
//! `push_str` into one reused buffer per worker: no per-sentence allocation.
//!
//! What a corpus holds (per 1000 files): one PNG dropped with a `.txt` name (index ≡ 500), one
//! empty file every other block (index ≡ 999 in even blocks), about 1% windows-1252 and 1%
//! UTF-16 LE (with BOM) files; the rest UTF-8. About 10% of the articles are undated and about
//! 5% open with a wire dateline (`BRUSSELS, March 2 (Reuters) - `).

use std::fmt::Write as _;

/// Bumped whenever the output changes, so a cached corpus on disk can be recognised as stale.
pub const GEN_VERSION: u32 = 1;

/// Files per sub-folder.
pub const FILES_PER_DIR: usize = 1000;

/// splitmix64: tiny, fast, good enough for synthetic text, and dependency-free.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The generator of file `index` in a corpus with `seed`.
    pub fn for_file(seed: u64, index: usize) -> Self {
        let mut r = Self(seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// What kind of file index `i` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Utf8,
    /// windows-1252 bytes (Latin-1 plus smart punctuation).
    Latin1,
    /// UTF-16 little endian with a BOM.
    Utf16Le,
    /// A PNG image saved with a `.txt` name.
    Png,
    /// A zero-byte file.
    Empty,
}

impl FileKind {
    pub fn of(seed: u64, index: usize) -> Self {
        if index % 1000 == 500 {
            return FileKind::Png;
        }
        if index % 1000 == 999 && (index / 1000).is_multiple_of(2) {
            return FileKind::Empty;
        }
        let mut r =
            Rng::new(seed.rotate_left(17) ^ (index as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
        match r.below(100) {
            0 => FileKind::Latin1,
            1 => FileKind::Utf16Le,
            _ => FileKind::Utf8,
        }
    }

    /// Not an article: the loader must report it as a problem.
    pub fn is_bad(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Empty)
    }
}

/// Sub-folder of file `index` (`d0000`, `d0001`, …).
pub fn dir_name(index: usize) -> String {
    format!("d{:04}", index / FILES_PER_DIR)
}

/// File name of file `index` inside its sub-folder.
pub fn file_name(index: usize) -> String {
    format!("a{index:07}.txt")
}

/// One file of an in-memory corpus.
#[derive(Debug, Clone)]
pub struct GenFile {
    /// `d0000/a0000000.txt`
    pub path: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// The whole corpus in memory (parallel; same bytes as the files on disk).
pub fn generate_in_memory(seed: u64, articles: usize) -> Vec<GenFile> {
    use rayon::prelude::*;
    (0..articles)
        .into_par_iter()
        .map_init(Generator::new, |g, i| {
            let mut bytes = Vec::new();
            let kind = g.file(seed, i, &mut bytes);
            GenFile {
                path: format!("{}/{}", dir_name(i), file_name(i)),
                kind,
                bytes,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Word lists. Everything here is encodable in windows-1252 (Latin-1 files are made from it).

mod calendar;
mod vocab;
mod writer;
use calendar::*;
use vocab::*;
pub use writer::Generator;
