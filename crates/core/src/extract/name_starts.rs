//! Where a gazetteer name can start: at the start of a word whose first bytes begin some name.
//!
//! Every name begins with a letter, and a mention needs a word boundary before it, so the
//! gazetteer is only asked at word starts, and only at those where the text could begin some
//! name: its first bytes (ASCII letters folded to lower case, as the automaton folds them)
//! equal a whole short name or the first eight bytes of a longer one. Bit tables answer that:
//! the first two bytes (`th`, `in`, `co` begin some name: most words pass), a name of two or
//! three bytes only where its two first bytes begin the word (`US`, `UAE`), then the first four
//! bytes of a longer name (most words stop there), then its length up to eight (`the market`
//! passes the four, as `the Netherlands` begins `the `, and fails the eight). That skips most
//! words of a sentence where a scan steps the automaton through every byte; the anchored search
//! at a word start that passes decides.

/// Bit tables indexed by a hash of a folded prefix: `first[n - 1]` holds the first
/// `min(len, 4)` bytes of every name of length `len`, `whole[n - 1]` the first `min(len, 8)`.
/// A position passes when some name could match there (never fewer: the tables may pass a
/// position no name matches, the anchored search then finds none).
pub struct NamePrefixes {
    /// The folded first two bytes of every name (a name of one byte sets `single`), as a bit
    /// per pair: one load rejects most words before any hashing.
    pairs: Box<[u64]>,
    single: [bool; 256],
    /// The folded first two bytes of every name of two or three bytes (`US`, `UAE`), a bit per
    /// pair: only where one of these begins the word are the short names' tables asked.
    short_pairs: Box<[u64]>,
    first: [Box<[u64]>; 4],
    whole: [Box<[u64]>; 8],
}

const TABLE_BITS: u32 = 16;

fn fold(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

/// The folded first `n` (≤ 8) bytes of `bytes` as one number.
fn prefix_key(bytes: &[u8], n: usize) -> u64 {
    bytes[..n]
        .iter()
        .fold(0u64, |k, &b| (k << 8) | u64::from(fold(b)))
}

fn slot(key: u64, n: usize) -> usize {
    // Multiplicative hashing (Knuth): the top bits of key × an odd constant.
    let h =
        (key ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - TABLE_BITS)) as usize
}

/// The bit of a folded pair of bytes.
fn pair(a: u8, b: u8) -> usize {
    usize::from(fold(a)) << 8 | usize::from(fold(b))
}

fn table() -> Box<[u64]> {
    vec![0u64; (1 << TABLE_BITS) / 64].into_boxed_slice()
}

fn set(table: &mut [u64], s: usize) {
    table[s / 64] |= 1 << (s % 64);
}

fn has(table: &[u64], s: usize) -> bool {
    table[s / 64] & (1 << (s % 64)) != 0
}

impl NamePrefixes {
    /// The prefixes of `names`.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut first: [Box<[u64]>; 4] = std::array::from_fn(|_| table());
        let mut whole: [Box<[u64]>; 8] = std::array::from_fn(|_| table());
        let mut pairs = vec![0u64; (1 << 16) / 64].into_boxed_slice();
        let mut short_pairs = vec![0u64; (1 << 16) / 64].into_boxed_slice();
        let mut single = [false; 256];
        for name in names {
            let b = name.as_bytes();
            if b.is_empty() {
                continue;
            }
            match b {
                [one] => single[usize::from(fold(*one))] = true,
                [a, b, rest @ ..] => {
                    set(&mut pairs, pair(*a, *b));
                    if rest.len() <= 1 {
                        set(&mut short_pairs, pair(*a, *b));
                    }
                }
                [] => {}
            }
            let n = b.len().min(4);
            set(&mut first[n - 1], slot(prefix_key(b, n), n));
            let n = b.len().min(8);
            set(&mut whole[n - 1], slot(prefix_key(b, n), n));
        }
        Self {
            pairs,
            single,
            short_pairs,
            first,
            whole,
        }
    }

    /// Could a name start at the beginning of `rest`?
    pub fn may_start(&self, rest: &[u8]) -> bool {
        // The first eight bytes, folded, as one big-endian number: the key of the first `n`
        // is its top `n` bytes (asked of every word start, so read once, not byte by byte).
        let n_max = rest.len().min(8);
        let folded = folded_head(rest);
        let key = |n: usize| folded >> (64 - 8 * n);
        // Every name of two bytes or more begins with one of the pairs.
        let single = n_max >= 1 && self.single[key(1) as usize];
        let paired = n_max >= 2 && has(&self.pairs, key(2) as usize);
        if !paired && !single {
            return false;
        }
        // A name of one to three bytes: `first` and `whole` hold the same keys for it, so one
        // look decides (and is taken only where the first bytes begin such a name).
        let short = single
            || (n_max >= 2
                && has(&self.short_pairs, key(2) as usize)
                && (2..=n_max.min(3)).any(|n| has(&self.first[n - 1], slot(key(n), n))));
        // A longer one: its first four bytes, then its first eight (or all of it, when shorter).
        short
            || (n_max >= 4
                && has(&self.first[3], slot(key(4), 4))
                && (4..=n_max).any(|n| has(&self.whole[n - 1], slot(key(n), n))))
    }
}

/// The first eight bytes of `bytes` (zeros past its end), each folded as [`fold`] folds it,
/// as one big-endian number: byte `k` is bits `56 - 8k` to `63 - 8k`.
fn folded_head(bytes: &[u8]) -> u64 {
    let word = match bytes.first_chunk::<8>() {
        Some(head) => u64::from_be_bytes(*head),
        None => {
            let mut head = [0u8; 8];
            head[..bytes.len()].copy_from_slice(bytes);
            u64::from_be_bytes(head)
        }
    };
    crate::byte_lanes::ascii_lowercase_any(word)
}

/// The byte positions of `s` where a word starts: an alphanumeric character with none right
/// before it.
pub fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    use crate::byte_lanes::{alphanumeric, ascii_prefix, first_lanes, last_of, run_starts};
    // Up to eight ASCII bytes at a time (those before the next non-ASCII byte); a non-ASCII
    // character on its own, decoded (its lead byte is a character boundary).
    let bytes = s.as_bytes();
    let mut prev_alnum = false;
    let mut i = 0;
    // Word starts found in the last eight bytes and not yet given (a bit per byte at `base`).
    let mut pending = 0u64;
    let mut base = 0;
    std::iter::from_fn(move || {
        loop {
            if pending != 0 {
                let lane = pending.trailing_zeros() as usize / 8;
                pending &= pending - 1;
                return Some(base + lane);
            }
            if let Some((w, n)) = ascii_prefix(bytes, i) {
                let alnum = alphanumeric(w) & first_lanes(n);
                pending = run_starts(alnum, prev_alnum);
                prev_alnum = last_of(alnum, n);
                base = i;
                i += n;
                continue;
            }
            let at = i;
            let b = *bytes.get(i)?;
            let alnum = if b < 0x80 {
                i += 1;
                b.is_ascii_alphanumeric()
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                crate::byte_lanes::is_alphanumeric(c)
            };
            let start = alnum && !prev_alnum;
            prev_alnum = alnum;
            if start {
                return Some(at);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_their_first_bytes_in_any_ascii_case() {
        let p = NamePrefixes::new(["China", "UK", "Côte d'Ivoire", "the Netherlands"]);
        assert!(p.may_start(b"china's"));
        assert!(!p.may_start(b"chinese"));
        assert!(p.may_start(b"CHINA"));
        assert!(p.may_start(b"UK."));
        assert!(p.may_start("Côte d'Ivoire's".as_bytes()));
        assert!(p.may_start(b"the Netherlands said"));
        // `the` alone cannot begin `the Netherlands`: the table holds four bytes, `the `.
        assert!(!p.may_start(b"the"));
        assert!(!p.may_start(b"theory"));
        assert!(!p.may_start(b"bridge"));
        assert!(!p.may_start(b"xylophone"));
    }

    /// Every name of the gazetteer, in the text's own case, in capitals and in lower case, at
    /// the start of a word and with more text after it: where the automaton finds a name, the
    /// tables let it look.
    #[test]
    fn every_gazetteer_name_passes_where_the_automaton_finds_it() {
        let gaz = crate::extract::gazetteer::gazetteer();
        let mut looked = 0;
        for pattern in &gaz.patterns {
            let name = pattern.text.as_str();
            for form in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
                for tail in ["", "'s talks", ", officials said", "s"] {
                    let text = format!("{form}{tail}");
                    let input = aho_corasick::Input::new(text.as_str())
                        .anchored(aho_corasick::Anchored::Yes);
                    if gaz.automaton.find(input).is_some() {
                        looked += 1;
                        assert!(gaz.prefixes.may_start(text.as_bytes()), "{text:?}");
                    }
                }
            }
        }
        assert!(looked > gaz.patterns.len() * 4, "{looked}");
        // Common words: where the automaton would find a name in one the tables pass it, and
        // the two below are turned away before any search.
        for word in ["the market", "used", "often", "which", "policy", "and"] {
            let input = aho_corasick::Input::new(word).anchored(aho_corasick::Anchored::Yes);
            assert!(gaz.automaton.find(input).is_none() || gaz.prefixes.may_start(word.as_bytes()));
        }
        assert!(!gaz.prefixes.may_start(b"the market"));
        assert!(!gaz.prefixes.may_start(b"often"));
    }

    #[test]
    fn word_starts_follow_letters_and_digits() {
        let s = "U.S.-China talks, in 2020: Türkiye’s";
        let starts: Vec<&str> = word_starts(s).map(|i| &s[i..i + 1]).collect();
        assert_eq!(starts, ["U", "S", "C", "t", "i", "2", "T", "s"]);
    }

    proptest::proptest! {
        /// The key of a name's first `n` bytes, read from the folded head, is the key built a
        /// byte at a time.
        #[test]
        fn head_keys_are_the_byte_keys(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..12)) {
            let head = folded_head(&bytes);
            for n in 1..=bytes.len().min(8) {
                proptest::prop_assert_eq!(head >> (64 - 8 * n), prefix_key(&bytes, n));
            }
        }

        /// Eight bytes at a time, word starts are where a character at a time finds them.
        #[test]
        fn word_starts_are_where_characters_say(s in "[a-zA-Z09 .,'’\u{A0}é中Ⅻ-]{0,60}") {
            let mut prev = false;
            let mut expected = Vec::new();
            for (i, c) in s.char_indices() {
                if c.is_alphanumeric() && !prev {
                    expected.push(i);
                }
                prev = c.is_alphanumeric();
            }
            proptest::prop_assert_eq!(word_starts(&s).collect::<Vec<_>>(), expected);
        }
    }
}
