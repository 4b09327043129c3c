//! [`Stories`]: which loaded articles are copies of one story, found incrementally.
//!
//! Articles are positions `0..n` of the corpus. [`Stories::extend`] takes the prints of
//! articles appended since the last call and links each to the earlier articles (and to each
//! other) that share a band key and pass the exact shingle test, in a union-find. Only the new
//! articles' keys are sorted; every earlier article's key is looked up among them, so adding
//! files costs the size of the corpus in lookups, never a re-analysis. Each story's counted
//! copy is its most complete one (see [`Stories::extend`]).

use super::print::{BANDS, StoryPrint};
use super::same_story::Overlap;
use rayon::prelude::*;
use std::collections::HashMap;

/// Bands two prints must share before their texts are compared. With 20 bands of 3 rows, a
/// pair of Jaccard similarity 0.6 shares two with probability 0.95, 0.7 with 0.997, 0.8 with
/// 0.99999; a pair of 0.2 with 0.012.
pub const MIN_SHARED_BANDS: usize = 2;

/// Shingle sets kept while one batch is compared (about 5 kB each).
const MEMO_SETS: usize = 1024;

/// How an article is compared and ranked: its sorted, deduplicated shingles.
pub trait StorySource {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn print(&self, index: usize) -> Option<&StoryPrint>;
    /// The article's distinct shingle hashes, sorted.
    fn shingle_set(&self, index: usize) -> Vec<u64>;
    /// Bytes of the file that are not body (header, menus, footer): among equally complete
    /// copies the one with the least is counted.
    fn furniture(&self, _index: usize) -> usize {
        0
    }
}

/// The pairs of articles that share band `band`'s key, one of them new (from `first_new` on):
/// each new article with the first new one of its key, then each earlier article with the
/// first new one of its key.
fn band_pairs(source: &impl StorySource, band: usize, first_new: usize) -> Vec<(u32, u32)> {
    let mut keys: Vec<(u32, u32)> = (first_new..source.len())
        .filter_map(|i| source.print(i).map(|p| (p.bands[band], i as u32)))
        .collect();
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        pairs.extend(run[1..].iter().map(|&(_, j)| (run[0].1, j)));
    }
    for i in 0..first_new {
        let Some(p) = source.print(i) else { continue };
        let key = p.bands[band];
        let at = keys.partition_point(|k| k.0 < key);
        if let Some(&(k, j)) = keys.get(at)
            && k == key
        {
            pairs.push((i as u32, j));
        }
    }
    pairs
}

/// Copies found in the corpus.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    parent: Vec<u32>,
    /// Per article: the article whose events count for its story.
    counted: Vec<u32>,
    /// Per story root with more than one article: its members, in corpus order.
    members: HashMap<u32, Vec<u32>>,
    /// Per article: its story's number (1-based, in order of the story's first article).
    number: Vec<u32>,
}

impl Stories {
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Add the articles `self.len()..source.len()` and link them to their copies.
    pub fn extend(&mut self, source: &(impl StorySource + Sync)) {
        let first_new = self.parent.len();
        let n = source.len();
        if n <= first_new {
            return;
        }
        self.parent.extend((first_new..n).map(|i| i as u32));
        let mut sets: HashMap<u32, Vec<u64>> = HashMap::new();
        let mut touched: Vec<u32> = Vec::new();
        // The bands' pairs are found a few bands at a time, in parallel (each band gathers and
        // sorts one key per article); they are then tested and linked in band order, as one
        // band after the other would be. As many bands at a time as threads: no more keys are
        // held at once than the threads work on.
        let bands: Vec<usize> = (0..BANDS).collect();
        for some in bands.chunks(rayon::current_num_threads().max(1)) {
            let pairs: Vec<Vec<(u32, u32)>> = some
                .par_iter()
                .map(|&band| band_pairs(source, band, first_new))
                .collect();
            for (a, b) in pairs.into_iter().flatten() {
                self.try_link(a, b, source, &mut sets, &mut touched);
            }
        }
        self.counted.extend((first_new..n).map(|i| i as u32));
        self.refresh(&touched, source, &mut sets);
        self.renumber();
    }

    fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let up = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = up;
            i = up;
        }
        i
    }

    fn try_link(
        &mut self,
        a: u32,
        b: u32,
        source: &impl StorySource,
        sets: &mut HashMap<u32, Vec<u64>>,
        touched: &mut Vec<u32>,
    ) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        // Two bands at least: one shared band is what unrelated texts on one topic (or built
        // from one template) often have, and the exact test reads both texts again.
        let agree = match (source.print(a as usize), source.print(b as usize)) {
            (Some(pa), Some(pb)) => pa
                .bands
                .iter()
                .zip(&pb.bands)
                .filter(|(x, y)| x == y)
                .count(),
            _ => 0,
        };
        if agree < MIN_SHARED_BANDS {
            return;
        }
        // The texts of run heads are read again and again: keep a few thousand sets.
        if sets.len() > MEMO_SETS {
            sets.clear();
        }
        let sa = sets
            .entry(a)
            .or_insert_with(|| source.shingle_set(a as usize))
            .clone();
        let sb = sets
            .entry(b)
            .or_insert_with(|| source.shingle_set(b as usize));
        if !Overlap::of(&sa, sb).same_story() {
            return;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child as usize] = root;
        touched.push(root);
    }

    /// Re-gather the members of every story a link touched, and pick its counted copy: the most
    /// complete one, with the most distinct shingles (the most text; a copy that dropped a
    /// paragraph has fewer); among equals the one with the least page furniture around its body
    /// (an outlet's menus and footer), then the first in the corpus. (Choosing by the shingles
    /// shared with the other copies was tried: copies made by one syndicator share its edits
    /// and credit line, and outvote the original.)
    fn refresh(
        &mut self,
        touched: &[u32],
        source: &impl StorySource,
        sets: &mut HashMap<u32, Vec<u64>>,
    ) {
        if touched.is_empty() {
            return;
        }
        let mut roots: Vec<u32> = touched.iter().map(|&r| self.find(r)).collect();
        roots.sort_unstable();
        roots.dedup();
        let root_set: std::collections::HashSet<u32> = roots.iter().copied().collect();
        let mut gathered: HashMap<u32, Vec<u32>> = HashMap::new();
        for i in 0..self.parent.len() as u32 {
            let r = self.find(i);
            if root_set.contains(&r) {
                gathered.entry(r).or_default().push(i);
            }
        }
        // Old roots merged into others are no longer roots.
        self.members.retain(|r, _| self.parent[*r as usize] == *r);
        for (root, members) in gathered {
            let sizes: Vec<(usize, usize)> = members
                .iter()
                .map(|&m| {
                    let shingles = sets
                        .get(&m)
                        .map_or_else(|| source.shingle_set(m as usize).len(), Vec::len);
                    (shingles, source.furniture(m as usize))
                })
                .collect();
            let best = best_copy(&sizes);
            let counted = members[best];
            for &m in &members {
                self.counted[m as usize] = counted;
            }
            self.members.insert(root, members);
        }
    }

    fn renumber(&mut self) {
        self.number.clear();
        let mut next = 0u32;
        let mut of_root: HashMap<u32, u32> = HashMap::new();
        for i in 0..self.parent.len() as u32 {
            let r = self.find(i);
            let n = if r == i {
                next += 1;
                next
            } else {
                *of_root.get(&r).unwrap_or(&0)
            };
            if r == i && self.members.contains_key(&r) {
                of_root.insert(r, n);
            }
            self.number.push(n);
        }
    }

    /// Whether an article's events are the ones its story counts.
    pub fn is_counted(&self, index: usize) -> bool {
        self.counted.get(index).is_none_or(|&c| c as usize == index)
    }

    /// The article whose events count for this article's story.
    pub fn counted_copy(&self, index: usize) -> usize {
        self.counted.get(index).map_or(index, |&c| c as usize)
    }

    /// The story's number (1-based, in corpus order of stories).
    pub fn story(&self, index: usize) -> u32 {
        self.number.get(index).copied().unwrap_or(index as u32 + 1)
    }

    /// Every article of this article's story, itself included, in corpus order.
    pub fn members(&self, index: usize) -> Vec<usize> {
        let mut i = index as u32;
        if index >= self.parent.len() {
            return vec![index];
        }
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        self.members
            .get(&i)
            .map_or_else(|| vec![index], |m| m.iter().map(|&x| x as usize).collect())
    }

    /// Articles in this article's story (1 when it has no copy).
    pub fn copies(&self, index: usize) -> usize {
        self.members(index).len()
    }

    /// (articles that are copies and not counted, stories that have copies).
    pub fn merged(&self) -> (usize, usize) {
        let stories = self.members.len();
        let copies = self.members.values().map(|m| m.len() - 1).sum();
        (copies, stories)
    }
}

/// The index of the most complete of a story's copies: the most distinct shingles, then the
/// least furniture around them, then the first (see [`Stories::refresh`]).
fn best_copy(sizes: &[(usize, usize)]) -> usize {
    let mut best = 0;
    for (i, &(n, furniture)) in sizes.iter().enumerate() {
        let (best_n, best_furniture) = sizes[best];
        if n > best_n || (n == best_n && furniture < best_furniture) {
            best = i;
        }
    }
    best
}
