//! The exact test two candidate copies must pass: how many shingles they share.

/// A pair is one story when the shingles they share are at least this share of all their
/// shingles (Jaccard)…
pub const MIN_JACCARD: f64 = 0.5;
/// …or at least this share of the shorter one's (a shortened copy), with
/// [`MIN_JACCARD_CONTAINED`] overall so that a shared boilerplate block does not make two
/// short stories one.
pub const MIN_CONTAINED: f64 = 0.7;
pub const MIN_JACCARD_CONTAINED: f64 = 0.3;

/// How two sorted, deduplicated shingle sets overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    pub shared: usize,
    pub jaccard: f64,
    /// Shared over the smaller set.
    pub contained: f64,
}

impl Overlap {
    pub fn of(a: &[u64], b: &[u64]) -> Self {
        let shared = shared_count(a, b);
        let union = a.len() + b.len() - shared;
        let smaller = a.len().min(b.len()).max(1);
        Self {
            shared,
            jaccard: if union == 0 {
                0.0
            } else {
                shared as f64 / union as f64
            },
            contained: shared as f64 / smaller as f64,
        }
    }

    /// Whether the two texts are copies of one story.
    pub fn same_story(&self) -> bool {
        self.jaccard >= MIN_JACCARD
            || (self.contained >= MIN_CONTAINED && self.jaccard >= MIN_JACCARD_CONTAINED)
    }
}

/// Elements in both sorted, deduplicated slices.
pub fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(r: std::ops::Range<u64>) -> Vec<u64> {
        r.collect()
    }

    #[test]
    fn a_copy_with_its_own_header_and_footer_is_the_same_story() {
        // 300 shared shingles, 40 of furniture on one side, 30 of a dropped paragraph.
        let original = set(0..330);
        let copy: Vec<u64> = (0..300).chain(1000..1040).collect();
        let o = Overlap::of(&original, &copy);
        assert!(o.same_story(), "{o:?}");
    }

    #[test]
    fn a_shortened_copy_is_the_same_story() {
        let o = Overlap::of(&set(0..400), &set(0..180));
        assert!(o.jaccard < MIN_JACCARD && o.same_story(), "{o:?}");
    }

    #[test]
    fn two_short_stories_with_one_boilerplate_block_are_two() {
        // 60 shingles of each story, 80 of a shared footer.
        let a: Vec<u64> = (0..60).chain(5000..5080).collect();
        let b: Vec<u64> = (100..160).chain(5000..5080).collect();
        let mut b = b;
        b.sort_unstable();
        let o = Overlap::of(&a, &b);
        assert!(!o.same_story(), "{o:?}");
    }

    #[test]
    fn shared_count_of_sorted_sets() {
        assert_eq!(shared_count(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(shared_count(&[], &[1]), 0);
    }
}
