//! [`StoryPrint`]: the few bytes of an article that find its copies (MinHash bands).
//!
//! The print is a one-permutation MinHash of the article's distinct shingles (Li, Owen and
//! Zhang 2012, densified by rotation as Shrivastava and Li 2014): the shingle hashes are dealt
//! into [`BINS`] bins by their top bits and each bin keeps its least hash. Two articles' bins
//! agree with a probability equal to the Jaccard similarity of their shingle sets. Bins are
//! grouped into [`BANDS`] bands of [`ROWS`]; a band is kept as a 32-bit key, and two articles
//! that share any band key are candidate copies (locality-sensitive hashing). With 20 bands of
//! 3 rows a pair of Jaccard similarity 0.5 shares a band with probability 0.93, one of 0.6 with
//! 0.999, one of 0.1 with 0.02; every candidate is then checked on its exact shingles.

use super::shingles::mix;

/// Bands of the print.
pub const BANDS: usize = 20;
/// Bins per band.
pub const ROWS: usize = 3;
/// MinHash bins (every bin is in one band).
pub const BINS: usize = BANDS * ROWS;
/// Articles with fewer shingles (about 15 words) are never merged: a few words in common say
/// nothing.
pub const MIN_SHINGLES: usize = 12;

/// The band keys of one article, or none when it is too short to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryPrint {
    pub bands: [u32; BANDS],
}

impl StoryPrint {
    /// The print of a set of shingle hashes (repeats allowed), or `None` below
    /// [`MIN_SHINGLES`] shingles.
    pub fn of(shingles: &[u64]) -> Option<Self> {
        let mut sketch = Sketch::default();
        shingles.iter().for_each(|&h| sketch.add(h));
        sketch.finish()
    }
}

/// A print being made, one shingle hash at a time (a bin keeps its least hash, so repeats change
/// nothing and no set is built).
#[derive(Debug, Clone)]
pub struct Sketch {
    /// Each bin's least hash (32 bits), or [`EMPTY`] while no shingle fell in it.
    bins: [u64; BINS],
    shingles: usize,
}

/// A bin no shingle fell in: above every 32-bit hash a bin keeps.
const EMPTY: u64 = u64::MAX;

impl Default for Sketch {
    fn default() -> Self {
        Self {
            bins: [EMPTY; BINS],
            shingles: 0,
        }
    }
}

impl Sketch {
    pub fn add(&mut self, h: u64) {
        // Top 32 bits pick the bin (a multiply-shift, so every bin is as likely).
        let bin = (((h >> 32) * BINS as u64) >> 32) as usize;
        self.bins[bin] = self.bins[bin].min(h & 0xffff_ffff);
        self.shingles += 1;
    }

    /// The print, or `None` for fewer than [`MIN_SHINGLES`] shingles (counted with repeats,
    /// which short texts hardly have).
    pub fn finish(self) -> Option<StoryPrint> {
        if self.shingles < MIN_SHINGLES {
            return None;
        }
        let bins = densify(self.bins);
        let mut bands = [0u32; BANDS];
        for (b, key) in bands.iter_mut().enumerate() {
            let mut h = mix(b as u64 + 1);
            for &v in &bins[b * ROWS..(b + 1) * ROWS] {
                h = mix(h ^ v);
            }
            *key = (h >> 32) as u32;
        }
        Some(StoryPrint { bands })
    }
}

/// Fill each empty bin from the next filled one to its right (wrapping), mixed with the
/// distance, so two articles agree on an empty bin as often as on a filled one.
fn densify(mut bins: [u64; BINS]) -> [u64; BINS] {
    let source = bins;
    let filled = source.map(|b| b != EMPTY);
    for i in 0..BINS {
        if filled[i] {
            continue;
        }
        if let Some(d) = (1..BINS).find(|d| filled[(i + d) % BINS]) {
            bins[i] = mix(source[(i + d) % BINS] ^ ((d as u64) << 40));
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(mix).collect()
    }

    fn shared_bands(a: &StoryPrint, b: &StoryPrint) -> usize {
        a.bands.iter().zip(&b.bands).filter(|(x, y)| x == y).count()
    }

    #[test]
    fn same_set_same_print_whatever_the_order_and_repeats() {
        let a = hashes(0..300);
        let mut b = a.clone();
        b.reverse();
        b.extend_from_slice(&a[..50]);
        assert_eq!(StoryPrint::of(&a), StoryPrint::of(&b));
    }

    #[test]
    fn too_few_shingles_have_no_print() {
        // (Counted with repeats.)
        assert!(StoryPrint::of(&hashes(0..(MIN_SHINGLES as u64 - 1))).is_none());
        assert!(StoryPrint::of(&hashes(0..MIN_SHINGLES as u64)).is_some());
    }

    #[test]
    fn near_copies_share_bands_and_strangers_do_not() {
        // 90% overlap: almost every band agrees; disjoint sets: none does.
        let a = StoryPrint::of(&hashes(0..500)).expect("print");
        let near = StoryPrint::of(&hashes(25..525)).expect("print");
        let other = StoryPrint::of(&hashes(10_000..10_500)).expect("print");
        assert!(shared_bands(&a, &near) >= 8, "{}", shared_bands(&a, &near));
        assert_eq!(shared_bands(&a, &other), 0);
    }
}
