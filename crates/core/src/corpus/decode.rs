//! Bytes → text: BOM sniffing, UTF-8, UTF-16, and detected legacy single-byte encodings.

use encoding_rs::Encoding;

/// Largest file the loader accepts. Larger files are reported, not loaded: one article of this
/// size is already far beyond any news text, and the limit keeps memory predictable.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Why a byte string is not a text article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only whitespace")]
    OnlyWhitespace,
    #[error("the file is binary ({0}), not text")]
    Binary(String),
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
}

/// A decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// True when some bytes were not valid in the detected encoding and were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decode a file's bytes: a BOM wins; otherwise valid UTF-8 is UTF-8; otherwise UTF-16 without
/// BOM is recognised by its zero bytes; otherwise `chardetng` guesses the legacy encoding.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_bytes_declared(bytes, None)
}

/// [`decode_bytes`] of bytes the caller owns (a file just read): UTF-8 becomes the text
/// without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let plain_utf8 = !bytes.is_empty()
        && bytes.len() <= MAX_FILE_BYTES
        && binary_signature(&bytes).is_none()
        && Encoding::for_bom(&bytes).is_none()
        && utf16_without_bom(&bytes).is_none();
    if !plain_utf8 {
        return decode_bytes(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => checked(Decoded {
            text,
            encoding: "UTF-8",
            had_errors: false,
        }),
        Err(e) => decode_bytes(e.as_bytes()),
    }
}

/// [`decode_bytes`] for a file that declares its encoding (a saved page's `<meta charset>`):
/// a BOM still wins, then the declaration, then detection.
pub fn decode_bytes_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind.to_string()));
    }
    let decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_with(encoding, &bytes[bom_len..])
    } else if let Some(encoding) = declared {
        decode_with(encoding, bytes)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        decode_with(encoding, bytes)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            had_errors: false,
        }
    } else {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let encoding = detector.guess(None, true);
        decode_with(encoding, bytes)
    };
    checked(decoded)
}

/// A decoded text, unless it is binary after all or only white space.
fn checked(decoded: Decoded) -> Result<Decoded, DecodeError> {
    if looks_binary(&decoded.text) {
        return Err(DecodeError::Binary("control characters".to_string()));
    }
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::OnlyWhitespace);
    }
    Ok(decoded)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    }
}

/// Magic numbers of common binary formats people drop by mistake.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"%PDF-", "PDF document"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1f\x8b", "gzip archive"),
        (b"MZ", "Windows executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// UTF-16 text without a BOM has a zero byte in every other position for ASCII content.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // No zero byte at all (almost every file): not UTF-16.
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Text with many control characters (other than tab, newlines, form feed) is a binary file that
/// happened to decode.
fn looks_binary(text: &str) -> bool {
    // Over the bytes of the first 8192 characters: a character starts at every byte that is
    // not a continuation byte, and the control characters (`Cc`: U+0000–U+001F, U+007F,
    // U+0080–U+009F) are one byte, or 0xC2 then 0x80–0x9F.
    let bytes = text.as_bytes();
    if !has_control(bytes) {
        return false;
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        if total == 8192 {
            break;
        }
        total += 1;
        if b == 0 {
            return true;
        }
        let c1 = b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
        if (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F || c1 {
            control += 1;
        }
    }
    control * 100 > total
}

/// Whether `bytes` hold a control character at all (a NUL among them): almost no text does, and
/// this answers it for the whole text at the speed of a vector loop, where counting them
/// character by character, as [`looks_binary`] must when there are some, is a branch a byte.
fn has_control(bytes: &[u8]) -> bool {
    // One byte: below 0x20 but the four white space controls, or DEL. No early exit inside a
    // block, so the compiler can compare sixteen or more bytes at once.
    let single = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F;
    if bytes
        .chunks(256)
        .any(|block| block.iter().fold(false, |seen, &b| seen | single(b)))
    {
        return true;
    }
    // Two bytes: 0xC2 then 0x80–0x9F (U+0080–U+009F). 0xC2 also leads the no-break space,
    // `©`, `°` and `«`, which are text.
    memchr::memchr_iter(0xC2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode_bytes("China’s push".as_bytes()).unwrap();
        assert_eq!(plain.text, "China’s push");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("China’s push".as_bytes());
        assert_eq!(decode_bytes(&with_bom).unwrap().text, "China’s push");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Brasília said";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode_bytes(&le).unwrap().text, text);
        assert_eq!(decode_bytes(&be).unwrap().text, text);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Germany and France agreed on Tuesday.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_bytes(&le).unwrap().text, text);
    }

    #[test]
    fn latin1_is_detected_not_assumed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "Le président de la Côte d'Ivoire a déclaré à Abidjan que l'économie était forte.",
        );
        let decoded = decode_bytes(&bytes).unwrap();
        assert!(decoded.text.contains("Côte d'Ivoire"), "{}", decoded.text);
        assert!(!decoded.had_errors);
    }

    #[test]
    fn empty_whitespace_and_binary_are_errors() {
        assert_eq!(decode_bytes(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode_bytes(b" \n\t ").unwrap_err(),
            DecodeError::OnlyWhitespace
        );
        assert!(matches!(
            decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            DecodeError::Binary(_)
        ));
        assert!(matches!(
            decode_bytes(&[1, 2, 3, 0, 0, 5, 6, 7, 0, 9]).unwrap_err(),
            DecodeError::Binary(_)
        ));
    }

    #[test]
    fn control_characters_are_counted_as_characters() {
        // Two C1 controls (two bytes each) in 150 characters: 1.3% > 1%, binary.
        let mut text = "a".repeat(148);
        text.push_str("\u{85}\u{9f}");
        assert!(looks_binary(&text));
        // The same share of U+00A0 (also 0xC2 first, not a control) is text.
        let mut text = "a".repeat(148);
        text.push_str("\u{a0}\u{a0}");
        assert!(!looks_binary(&text));
        // Only the first 8192 characters count, however many bytes they take.
        let mut text = "é".repeat(8192);
        text.push_str(&"\u{1}".repeat(200));
        assert!(!looks_binary(&text));
        assert!(looks_binary(&format!("{}\u{1}\u{1}", "é".repeat(150))));
    }

    proptest::proptest! {
        /// The whole-text test finds a control character exactly when there is one.
        #[test]
        fn has_control_agrees_with_the_character_classes(text in "(\\PC|[\\x00-\\x1f\\x7f-\\u{a0}]){0,300}") {
            let expected = text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C'));
            proptest::prop_assert_eq!(has_control(text.as_bytes()), expected);
        }
    }

    #[test]
    fn invalid_utf8_in_the_middle_is_read_as_legacy_text() {
        let mut bytes = b"Japan and Korea signed a deal in 2015. ".to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(b" The end.");
        let decoded = decode_bytes(&bytes).unwrap();
        assert!(decoded.text.contains("Japan and Korea"));
        assert!(decoded.text.contains('é'));
    }
}
