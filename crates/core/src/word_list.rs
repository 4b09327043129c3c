//! Word lists kept as data files under `assets/words/` (one entry per line, `#` comments),
//! embedded with `include_str!` like the gazetteer and read once on first use.

/// The entries of a word list: every line that is neither empty nor a `#` comment, as written
/// (an entry is never trimmed).
pub fn parse(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A word list of `assets/words/` as a lazily parsed static:
/// `static NAMES: LazyLock<Vec<&'static str>> = words!("names.txt");`
macro_rules! words {
    ($file:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::word_list::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/words/",
                $file
            )))
        })
    };
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        assert_eq!(
            super::parse("# a list\nchina\n\n# more\nU.S.\n"),
            vec!["china", "U.S."]
        );
    }
}
