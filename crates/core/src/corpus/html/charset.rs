//! A saved page's declared encoding: the HTML standard's prescan of the first bytes for a
//! `<meta charset=…>` or `<meta http-equiv=… content="…; charset=…">`.

use encoding_rs::Encoding;

/// How far into the page the declaration is looked for (the standard says 1024 bytes; saved
/// pages often put a comment or a long `<head>` first, so a little more).
const PRESCAN: usize = 4096;

/// The encoding a page declares, if any. A UTF-16 declaration in an ASCII-compatible byte
/// stream means UTF-8 (as browsers read it).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..end]) {
                    return Some(
                        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                            encoding_rs::UTF_8
                        } else {
                            enc
                        },
                    );
                }
            }
        }
        from = tag_end.max(tag_start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_declaration_forms_are_read() {
        let a = br#"<html><head><meta charset="windows-1252"><title>x</title>"#;
        assert_eq!(declared_encoding(a), Some(encoding_rs::WINDOWS_1252));
        let b =
            br#"<head><META http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
        assert_eq!(declared_encoding(b), Some(encoding_rs::WINDOWS_1252));
        let c = br#"<head><meta charset='utf-16'>"#;
        assert_eq!(declared_encoding(c), Some(encoding_rs::UTF_8));
        assert_eq!(declared_encoding(b"<html><body>no declaration"), None);
    }
}
