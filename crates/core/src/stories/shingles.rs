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
    let mut window = [0u64; SHINGLE_WORDS];
    let mut seen = 0usize;
    for p in paragraphs {
        for_each_word(p, |h| {
            window[seen % SHINGLE_WORDS] = h;
            seen += 1;
            if seen >= SHINGLE_WORDS {
                f(combine_ring(&window, seen));
            }
        });
    }
    if (1..SHINGLE_WORDS).contains(&seen) {
        // A text shorter than one shingle is one shingle of all its words.
        f(combine(&window[..seen]));
    }
}

/// The shingle ending at word `seen - 1`, from the ring buffer of the last words, in order.
fn combine_ring(window: &[u64; SHINGLE_WORDS], seen: usize) -> u64 {
    let mut ordered = [0u64; SHINGLE_WORDS];
    for (k, slot) in ordered.iter_mut().enumerate() {
        *slot = window[(seen + k) % SHINGLE_WORDS];
    }
    combine(&ordered)
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

/// Call `f` with the FNV-1a hash of each lower-cased word of `text`. Bytes below 128 are
/// looked at one by one (most of any news text); other characters are decoded.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let feed = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(PRIME);
    let bytes = text.as_bytes();
    let mut h = OFFSET;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            let alnum = b.is_ascii_alphanumeric();
            if alnum {
                h = feed(h, b.to_ascii_lowercase());
            }
            (alnum, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let alnum = c.is_alphanumeric();
            if alnum {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        h = feed(h, b);
                    }
                }
            }
            (alnum, c.len_utf8())
        };
        if alnum {
            in_word = true;
        } else if in_word {
            f(h);
            h = OFFSET;
            in_word = false;
        }
        i += len;
    }
    if in_word {
        f(h);
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

    #[test]
    fn short_and_empty_texts() {
        assert!(shingle_hashes(["  — ,, "].into_iter()).is_empty());
        assert_eq!(shingle_hashes(["two words"].into_iter()).len(), 1);
    }
}
