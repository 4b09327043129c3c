//! [`Span`]: a 32-bit byte range into an article's text.

/// A byte span of an article's text (a paragraph, a sentence) in 32 bits: a decoded text is far
/// below 4 GiB (files are at most 64 MiB), and at 200k articles the 5.5M kept sentence spans and
/// 2.2M paragraph spans take half the memory `Range<usize>` would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The span of a byte range (saturating; no text of this program comes near the limit).
    pub fn of(r: &std::ops::Range<usize>) -> Self {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Self {
            start: at(r.start),
            end: at(r.end),
        }
    }

    /// The byte range, to slice the text with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}
