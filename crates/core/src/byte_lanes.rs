//! Eight ASCII bytes at a time: byte classes of a `u64` read from a text (SWAR), for the scans
//! that run over every byte of every article (word counts, word starts, shingle words). Each
//! mask has the high bit of a byte set when that byte is in the class; a class holds for the
//! ASCII bytes before the word's first non-ASCII one (see [`ascii_prefix`]), and a text's other
//! characters are classified one at a time by the caller.

/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const ONES: u64 = 0x0101_0101_0101_0101;

/// `c.is_alphanumeric()`, for the one character at a time the scans decode: the General
/// Punctuation block (U+2000–U+206F: curly quotes, dashes, bullets, the spaces news copies
/// carry) holds no letter or digit, and its characters are answered without the Unicode
/// tables' search.
pub fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// The eight bytes of `bytes` at `at` as one word, when there are eight, and how many of them,
/// from the first, are ASCII (one to eight). A class of the word holds for those lanes only:
/// a test can borrow from a non-ASCII lane into the lanes after it, never into those before.
pub fn ascii_prefix(bytes: &[u8], at: usize) -> Option<(u64, usize)> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    let w = u64::from_le_bytes(chunk);
    let n = (w & HIGH).trailing_zeros() as usize / 8;
    (n > 0).then_some((w, n))
}

/// The high bits of the first `n` lanes (`n` from one to eight).
pub fn first_lanes(n: usize) -> u64 {
    HIGH >> (8 * (8 - n))
}

/// Whether lane `n - 1` (the last of the first `n`) is in `mask`.
pub fn last_of(mask: u64, n: usize) -> bool {
    mask >> (8 * n - 1) & 1 != 0
}

/// Bytes from `lo` to `hi` (both ASCII).
fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    // No ASCII byte borrows from its neighbour: each side of the test stays within its byte.
    // (A non-ASCII byte above `hi` borrows from the lanes after it: see [`ascii_prefix`].)
    let at_least = (w | HIGH) - u64::from(lo) * ONES;
    let at_most = ((u64::from(hi) * ONES) | HIGH).wrapping_sub(w);
    at_least & at_most & HIGH
}

/// Bytes equal to `b`.
fn equal(w: u64, b: u8) -> u64 {
    let x = w ^ (u64::from(b) * ONES);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// White space as `char::is_whitespace` has it in ASCII: space, and tab to carriage return.
pub fn whitespace(w: u64) -> u64 {
    equal(w, b' ') | in_range(w, b'\t', b'\r')
}

/// ASCII letters and digits.
pub fn alphanumeric(w: u64) -> u64 {
    in_range(w | (0x20 * ONES), b'a', b'z') | in_range(w, b'0', b'9')
}

/// The word with its ASCII capitals in lower case.
pub fn ascii_lowercase(w: u64) -> u64 {
    // A capital's high bit, moved down to 0x20: the bit that makes it small.
    w | (in_range(w, b'A', b'Z') >> 2)
}

/// The word with its ASCII capitals in lower case and every other byte kept, whatever the word
/// holds: unlike [`ascii_lowercase`], a non-ASCII byte borrows into no other lane (each test adds
/// at most 0x3f to a byte's low seven bits, which never carries). For a word's first bytes read
/// as one key, where the bytes after a non-ASCII one still count.
pub fn ascii_lowercase_any(w: u64) -> u64 {
    let low7 = w & LOW7;
    let at_least_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let above_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = at_least_a & !above_z & !w & HIGH;
    w | (capital >> 2)
}

/// The bytes of class `mask` whose byte before is not in it; `before_in`: whether the byte
/// before the word's first is.
pub fn run_starts(mask: u64, before_in: bool) -> u64 {
    mask & !((mask << 8) | (u64::from(before_in) << 7)) & HIGH
}

/// How many lanes of a class mask (high bits only) are set. The bytes' ones are summed into the
/// top byte by one multiplication: the release build targets every x86-64, which has no
/// population-count instruction, and `count_ones` becomes a dozen operations.
pub fn lanes_in(mask: u64) -> usize {
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lanes_in_counts_the_high_bits(w in proptest::num::u64::ANY) {
            proptest::prop_assert_eq!(lanes_in(w & HIGH), (w & HIGH).count_ones() as usize);
        }
    }

    /// Eight ASCII bytes as one word.
    fn all_ascii(bytes: &[u8]) -> u64 {
        let (w, n) = ascii_prefix(bytes, 0).expect("eight bytes");
        assert_eq!(n, 8, "all ASCII");
        w
    }

    /// The shortcut answers as the standard library does for every character there is.
    #[test]
    fn the_punctuation_shortcut_agrees_with_the_standard_library_on_every_character() {
        let differing: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_alphanumeric(c) != c.is_alphanumeric())
            .collect();
        assert!(differing.is_empty(), "{differing:?}");
    }

    /// Every ASCII byte, in every lane, is classified as `u8`'s own tests classify it.
    #[test]
    fn classes_agree_with_the_standard_library_on_every_ascii_byte() {
        for b in 0u8..0x80 {
            for lane in 0..8 {
                // The other lanes hold bytes of both classes around the one under test.
                let mut bytes = *b"a \t9Z~\r\x7f";
                bytes[lane] = b;
                let w = all_ascii(&bytes);
                let bit = 1u64 << (lane * 8 + 7);
                assert_eq!(
                    whitespace(w) & bit != 0,
                    (b as char).is_whitespace(),
                    "{b:#x}"
                );
                assert_eq!(
                    alphanumeric(w) & bit != 0,
                    b.is_ascii_alphanumeric(),
                    "{b:#x}"
                );
                assert_eq!(
                    ascii_lowercase(w).to_le_bytes(),
                    w.to_le_bytes().map(|x| x.to_ascii_lowercase()),
                    "{b:#x}"
                );
            }
        }
        assert_eq!(
            ascii_prefix("abcdefgé".as_bytes(), 0).map(|(_, n)| n),
            Some(7)
        );
        assert_eq!(ascii_prefix(b"abc", 0), None);
    }

    /// Before the first non-ASCII byte, every lane is classified as in an all-ASCII word.
    #[test]
    fn lanes_before_a_non_ascii_byte_are_classified_alike() {
        for b in 0u8..0x80 {
            for high in [0x80u8, 0xC2, 0xE2, 0xFF] {
                for n in 1..8 {
                    let mut bytes = [b; 8];
                    bytes[n] = high;
                    // A lane after the non-ASCII one may be any byte.
                    bytes[7] = if n < 7 { 0x00 } else { high };
                    let (w, ascii) = ascii_prefix(&bytes, 0).expect("eight bytes");
                    assert_eq!(ascii, n);
                    let lanes = first_lanes(n);
                    let all_ascii = u64::from_le_bytes([b; 8]);
                    assert_eq!(
                        whitespace(w) & lanes,
                        whitespace(all_ascii) & lanes,
                        "{b:#x} {high:#x} {n}"
                    );
                    assert_eq!(
                        alphanumeric(w) & lanes,
                        alphanumeric(all_ascii) & lanes,
                        "{b:#x} {high:#x} {n}"
                    );
                    let low = (1u64 << (8 * n)) - 1;
                    assert_eq!(ascii_lowercase(w) & low, ascii_lowercase(all_ascii) & low);
                    assert_eq!(last_of(alphanumeric(w), n), b.is_ascii_alphanumeric());
                }
            }
        }
        assert_eq!(ascii_prefix("é1234567".as_bytes(), 0), None);
        assert_eq!(ascii_prefix(b"abcdefgh", 0).map(|(_, n)| n), Some(8));
        assert_eq!(first_lanes(8), HIGH);
        assert_eq!(first_lanes(1), 0x80);
    }

    /// Every byte, in every lane and beside non-ASCII bytes, is lower-cased as
    /// `u8::to_ascii_lowercase` lower-cases it alone.
    #[test]
    fn lower_casing_any_word_lower_cases_each_byte_as_alone() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [0xff, b'Z', 0x80, b'@', b'[', b'a', 0xc3, b'A'];
                bytes[lane] = b;
                let lowered = ascii_lowercase_any(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(
                    lowered,
                    bytes.map(|x| x.to_ascii_lowercase()),
                    "{b:#x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn runs_start_after_a_byte_outside_the_class() {
        let w = all_ascii(b"ab cd  e");
        let starts = run_starts(alphanumeric(w), false);
        let at: Vec<u32> = (0..8).filter(|k| starts & (0x80 << (k * 8)) != 0).collect();
        assert_eq!(at, [0, 3, 7]);
        assert_eq!(run_starts(alphanumeric(w), true) & 0x80, 0);
        assert!(last_of(alphanumeric(w), 8));
    }
}
