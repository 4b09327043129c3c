//! Word shingles of an article's body: what two copies of one story share.
//!
//! Words are runs of letters and digits, lower-cased, so quotes, dashes, apostrophes and
//! punctuation never tell two copies apart (`China’s` and `China's` are the same two words).
//! A shingle is [`SHINGLE_WORDS`] consecutive words, hashed to 64 bits.

/// Words per shingle. Four words keep a one-word edit (`said` → `says`) from costing more than
/// four shingles, and are rare enough that two different stories on one topic share few.
pub const SHINGLE_WORDS: usize = 4;

/// The 64-bit hash of every shingle of `paragraphs`, in text order, with repeats. A paragraph
/// break does not end a shingle: a copy that splits or joins paragraphs has the same shingles.
pub fn shingle_hashes<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_shingle(paragraphs, |h| out.push(h));
    out
}

/// Call `f` with the hash of every shingle of `paragraphs` (as [`shingle_hashes`], without
/// allocating: the print of every loaded article is made this way).
pub fn for_each_shingle<'a>(paragraphs: impl Iterator<Item = &'a str>, mut f: impl FnMut(u64)) {
    // The last words read, the newest last.
    let mut window = [0u64; SHINGLE_WORDS];
    let mut seen = 0usize;
    for p in paragraphs {
        for_each_word(p, |h| {
            window.copy_within(1.., 0);
            window[SHINGLE_WORDS - 1] = h;
            seen += 1;
            if seen >= SHINGLE_WORDS {
                f(combine(&window));
            }
        });
    }
    if (1..SHINGLE_WORDS).contains(&seen) {
        // A text shorter than one shingle is one shingle of all its words.
        f(combine(&window[SHINGLE_WORDS - seen..]));
    }
}

/// The hashes of a shingle's words, combined in order.
fn combine(words: &[u64]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &w in words {
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    mix(h)
}

/// SplitMix64's finaliser: spreads every input bit over the output.
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Call `f` with the hash of each lower-cased word of `text`. Up to eight ASCII bytes are
/// classified and lower-cased at a time, and a word's bytes are hashed eight at a time; other
/// characters are decoded one by one.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    use crate::byte_lanes::{HIGH, alphanumeric, ascii_lowercase, ascii_prefix, first_lanes};
    let bytes = text.as_bytes();
    let mut word = WordHash::default();
    let mut i = 0;
    while i < bytes.len() {
        // Up to eight ASCII bytes at a time: those before the next non-ASCII byte (lanes past
        // them are outside every run).
        if let Some((w, n)) = ascii_prefix(bytes, i) {
            let lower = ascii_lowercase(w);
            let alnum = alphanumeric(w) & first_lanes(n);
            // Lanes that stop a run: outside the class, and every lane past the n read.
            let stops = !alnum & HIGH;
            // Each run of letters and digits, in order; whatever lies between two is a gap,
            // which ends the word before it.
            let mut runs = alnum;
            let mut end = 0;
            while runs != 0 {
                let start = runs.trailing_zeros() as usize / 8;
                if start > 0 {
                    word.end(&mut f);
                }
                let len = lanes_before(stops, start);
                let bytes = (lower >> (8 * start)) & low_bytes(len);
                end = start + len;
                if word.len == 0 && end < n {
                    // A whole word inside the eight bytes (the common case): hashed at once.
                    f(WordHash::of_short(bytes, len));
                } else {
                    word.push(bytes, len);
                }
                runs &= !low_bytes(end);
            }
            if end < n {
                // The eight bytes end with a gap.
                word.end(&mut f);
            }
            i += n;
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                word.push(u64::from(b.to_ascii_lowercase()), 1);
            } else {
                word.end(&mut f);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if crate::byte_lanes::is_alphanumeric(c) {
            let mut buf = [0u8; 8];
            for l in c.to_lowercase() {
                let n = l.encode_utf8(&mut buf).len();
                word.push(u64::from_le_bytes(buf), n);
                buf = [0u8; 8];
            }
        } else {
            word.end(&mut f);
        }
        i += c.len_utf8();
    }
    word.end(&mut f);
}

/// How many lanes from lane `k` on come before the first lane of `mask` at or after `k` (to the
/// word's end when there is none).
fn lanes_before(mask: u64, k: usize) -> usize {
    let from_k = mask >> (8 * k);
    if from_k == 0 {
        8 - k
    } else {
        from_k.trailing_zeros() as usize / 8
    }
}

/// A mask of the low `n` bytes of a word (`n` ≤ 8).
fn low_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// The hash of one word being read: its lower-cased bytes, eight at a time (little-endian, the
/// last group padded with zeros), then its length. How the bytes arrive does not change it.
#[derive(Default)]
struct WordHash {
    state: u64,
    /// Bytes not hashed yet, the first in the low byte.
    pending: u64,
    /// How many bytes `pending` holds (below eight).
    held: usize,
    /// The word's bytes so far.
    len: usize,
}

impl WordHash {
    /// Add `n` bytes (1 to 8), given as the low bytes of `bytes` (the rest zero).
    fn push(&mut self, bytes: u64, n: usize) {
        self.pending |= bytes << (8 * self.held);
        let held = self.held + n;
        if held >= 8 {
            self.absorb(self.pending);
            // The bytes that did not fit (none when `pending` was empty).
            self.pending = if self.held == 0 {
                0
            } else {
                bytes >> (8 * (8 - self.held))
            };
            self.held = held - 8;
        } else {
            self.held = held;
        }
        self.len += n;
    }

    /// The hash of a whole word of `len` bytes (below eight), given as the low bytes of `bytes`:
    /// what pushing them and ending the word gives.
    fn of_short(bytes: u64, len: usize) -> u64 {
        let mut word = Self::default();
        word.absorb(bytes);
        word.finish(len)
    }

    fn absorb(&mut self, group: u64) {
        self.state = (self.state ^ group)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(31);
    }

    /// Give the word's hash to `f` (if a word was read) and start the next.
    fn end(&mut self, f: &mut impl FnMut(u64)) {
        if self.len == 0 {
            return;
        }
        if self.held > 0 {
            self.absorb(self.pending);
        }
        f(self.finish(self.len));
        *self = Self::default();
    }

    /// The word's hash from its state once every byte is absorbed.
    fn finish(&self, len: usize) -> u64 {
        mix(self.state ^ (len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_dashes_and_case_do_not_change_shingles() {
        let a =
            shingle_hashes(["China’s “chip” exports — fell sharply, officials said."].into_iter());
        let b =
            shingle_hashes(["china's \"CHIP\" exports - fell sharply officials said"].into_iter());
        assert_eq!(a, b);
        assert_eq!(a.len(), 8 - SHINGLE_WORDS + 1);
    }

    #[test]
    fn paragraph_breaks_do_not_end_shingles() {
        let joined = shingle_hashes(["one two three four five six"].into_iter());
        let split = shingle_hashes(["one two three", "four five six"].into_iter());
        assert_eq!(joined, split);
    }

    #[test]
    fn one_edited_word_changes_at_most_four_shingles() {
        let a = shingle_hashes(
            ["on monday the foreign minister said that the talks would go on"].into_iter(),
        );
        let b = shingle_hashes(
            ["on monday the foreign minister says that the talks would go on"].into_iter(),
        );
        let differing = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        assert_eq!(a.len(), b.len());
        assert_eq!(differing, SHINGLE_WORDS);
    }

    /// The per-word hashes of `text`.
    fn words(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        for_each_word(text, |h| out.push(h));
        out
    }

    /// Each word hashed on its own, a byte at a time: what eight bytes at a time must equal.
    fn words_one_by_one(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let mut h = WordHash::default();
            // Each character on its own, as the scan lower-cases them (no final sigma).
            let lower: String = w.chars().flat_map(char::to_lowercase).collect();
            for b in lower.bytes() {
                h.push(u64::from(b), 1);
            }
            h.end(&mut |x| out.push(x));
        }
        out
    }

    #[test]
    fn a_word_hashes_alike_wherever_it_falls_in_the_eight_byte_groups() {
        let word = "Semiconductors";
        let hashes: Vec<u64> = (0..9)
            .map(|pad| words(&format!("{}{word}, more", "-".repeat(pad)))[0])
            .collect();
        assert!(hashes.iter().all(|&h| h == hashes[0]), "{hashes:x?}");
        assert_eq!(words("SEMICONDUCTORS")[0], hashes[0]);
        assert_ne!(words("semiconductor")[0], hashes[0]);
        assert_ne!(words("semiconductorsx")[0], hashes[0]);
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_a_time_equals_a_byte_at_a_time(text in "[a-zA-Z0-9 .,'’\u{A0}éÉİ中ẞΣ-]{0,80}") {
            proptest::prop_assert_eq!(words(&text), words_one_by_one(&text));
        }
    }

    proptest::proptest! {
        /// Every shingle is its four words' hashes combined in order, across paragraphs.
        #[test]
        fn shingles_are_each_four_words_in_order(
            paragraphs in proptest::collection::vec("[a-zA-Z ,é-]{0,30}", 0..5)
        ) {
            let words: Vec<u64> = paragraphs.iter().flat_map(|p| words(p)).collect();
            let expected: Vec<u64> = if words.len() < SHINGLE_WORDS {
                (!words.is_empty()).then(|| combine(&words)).into_iter().collect()
            } else {
                words.windows(SHINGLE_WORDS).map(combine).collect()
            };
            proptest::prop_assert_eq!(shingle_hashes(paragraphs.iter().map(String::as_str)), expected);
        }
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(shingle_hashes(["  — ,, "].into_iter()).is_empty());
        assert_eq!(shingle_hashes(["two words"].into_iter()).len(), 1);
    }
}
