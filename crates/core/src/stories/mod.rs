//! Syndicated copies: articles that are one story, found by their shared word shingles.
//!
//! One wire story runs on many sites, each with its own header, footer and small edits. By
//! default a story's events count once, from its most complete copy.
//!
//! - [`shingles`]: the body's words, normalised, as hashed 4-word shingles;
//! - [`print`]: the MinHash band keys an article keeps to find its copies;
//! - [`same_story`]: the exact shingle test every candidate pair passes;
//! - [`grouping`]: [`Stories`], the copies of the corpus, grown as files are added.

pub mod grouping;
pub mod print;
pub mod same_story;
pub mod shingles;

pub use grouping::{Stories, StorySource};
pub use print::StoryPrint;

/// Whether copies are looked for: always, unless `TECHDIVIDE_NO_COPIES` is set (a switch for
/// the benchmarks, which measure what finding copies costs; the counts then take every copy).
pub fn enabled() -> bool {
    static ON: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("TECHDIVIDE_NO_COPIES").is_none());
    *ON
}

/// The print of a body given as paragraphs (`None` when copies are not looked for).
pub fn print_of<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Option<StoryPrint> {
    if !enabled() {
        return None;
    }
    let mut sketch = print::Sketch::default();
    shingles::for_each_shingle(paragraphs, |h| sketch.add(h));
    sketch.finish()
}

/// The sorted, deduplicated shingles of a body given as paragraphs.
pub fn shingle_set<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut s = shingles::shingle_hashes(paragraphs);
    s.sort_unstable();
    s.dedup();
    s
}

#[cfg(test)]
mod tests;
