//! Wire datelines at the start of a story (`BEIRUT (AP) —`, `LONDON, March 3 (Reuters) -`):
//! cut from the first paragraph, with the agency as source and the date when the header has none.

use super::*;

pub(crate) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\(([A-Za-z][A-Za-z .-]*)\))?\s*(?:—|–|--|-)\s*",
    )
});

/// A mixed-case dateline needs its agency: `Nairobi, 12 March 2009 (IRIN) -`.
pub(crate) static DATELINE_MIXED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?,?\s+(?:[A-Za-z0-9.,]+\s+){0,4}?\(([A-Z][A-Za-z .-]*)\)\s*(?:—|–|--|-|:)\s*",
    )
});

/// A dateline whose agency is not followed by a dash: `New Delhi, Jan 15 (PTI) India said …`.
/// Only known agencies, so `The United Nations (UN) said` stays a sentence.
pub(crate) static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?,?\s+(?:[A-Za-z0-9.,]+\s+){0,4}?\((AP|AFP|PTI|IANS|ANI|UNI|Reuters|UPI|Xinhua|Bernama|Yonhap|Kyodo|dpa|DPA|IRIN|TASS|Tass|AAP|CNA|EFE|ANSA|IPS|KCNA|WAM|SPA|Interfax|Anadolu|APP|KUNA|MENA|Antara|VNA|PNA|BSS|NAN)\)\s+",
    )
});

/// A place and a spaced dash opening the first paragraph: `Nairobi — Kenya's President …`.
/// The dash must be an em or en dash and a capital must follow (`China — the world's …` is a
/// sentence).
pub(crate) static DATELINE_PLACE_DASH: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2} (?:—|–) (?:\p{Lu})"));

pub(crate) static DATELINE_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\.?\s+(\d{1,2})(?-u:\b)",
    )
});

/// The end of `text` where [`ORIGINALLY`] can match: from the start of the second-last line
/// that holds more than dots and white space. (The pattern ends at the end of the text, with
/// only dots and white space after the source, which takes one line; only white space may
/// stand between its `at`/`on`/`in`/`by` and the source.) The pattern searched over the whole
/// text finds the same match: the search that read every article to its end now reads two
/// lines.
fn last_lines(text: &str) -> &str {
    let content = |line: &str| line.chars().any(|c| c != '.' && !c.is_whitespace());
    let mut seen = 0;
    let mut end = text.len();
    while let Some(nl) = text[..end].rfind('\n') {
        if content(&text[nl + 1..end]) {
            seen += 1;
            if seen == 2 {
                return &text[nl + 1..];
            }
        }
        end = nl;
    }
    text
}

/// Closing source line, wire dateline, and dateline date as a fallback for `published`.
pub(crate) fn finish_body(text: &str, meta: &mut Metadata, order: DateOrder, header: &[&str]) {
    // "originally published at X" anywhere after the body.
    // (`originally published on 3 February 2023` names a date, not a source.)
    if let Some(c) = ORIGINALLY.captures(last_lines(text)) {
        let named = c[1].trim().trim_end_matches(['.', ',']);
        if parse_date(named, order).is_none_or(|(_, r)| r.len() + 4 < named.len()) {
            meta.source = Some(named.to_string());
        }
    }
    let Some(first) = meta.paragraphs.first().map(|p| p.range()) else {
        return;
    };
    let para = &text[first.clone()];
    // The mixed-case and the agency datelines hold their agency in parentheses: a paragraph
    // without one (most first paragraphs) is not searched for them.
    let parenthesis = memchr::memchr(b'(', para.as_bytes()).is_some();
    let with_agency = |re: &Regex| parenthesis.then(|| re.captures(para)).flatten();
    let (whole, agency) = if let Some(m) = DATELINE
        .captures(para)
        .or_else(|| with_agency(&DATELINE_MIXED))
        .or_else(|| with_agency(&DATELINE_AGENCY))
    {
        (
            m.get(0).map_or(0..0, |g| g.range()),
            m.get(1).map(|g| g.as_str()),
        )
    } else if let Some(m) = DATELINE_PLACE_DASH.find(para) {
        // The match ends with the capital that opens the sentence: leave it to the sentence.
        let capital = para[..m.end()]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        (m.start()..m.end() - capital, None)
    } else {
        return;
    };
    // A dateline needs an agency or a dash after an upper-case place, and leaves text behind.
    if whole.end >= para.len() || para[whole.clone()].trim().len() < 4 {
        return;
    }
    let place_end = para[..whole.end]
        .find([',', '(', '—', '–', '-'])
        .unwrap_or(whole.end);
    if para[..place_end]
        .trim()
        .chars()
        .filter(|c| c.is_alphabetic())
        .count()
        < 2
    {
        return;
    }
    let dateline = first.start..first.start + whole.end;
    if let Some(agency) = agency
        && meta.source.is_none()
    {
        meta.source = Some(agency.trim().to_string());
    }
    if meta.published.is_none()
        && let Some((d, _)) = parse_date(&text[dateline.clone()], order)
    {
        meta.published = Some(d);
        meta.published_span = Some(dateline.clone());
        meta.published_source = PublishedSource::Header;
    }
    if meta.published.is_none() {
        let line = &text[dateline.clone()];
        if let Some(c) = DATELINE_MONTH_DAY.captures(line) {
            let year = header
                .iter()
                .find_map(|h| YEAR.captures(h).map(|y| y[1].to_string()));
            if let (Some(month), Some(year)) = (crate::corpus::dates::month_number(&c[1]), year) {
                let day: i8 = c[2].parse().unwrap_or(0);
                let year: i16 = year.parse().unwrap_or(0);
                if let Ok(d) = Date::new(year, month, day) {
                    meta.published = Some(d);
                    meta.published_span = Some(dateline.clone());
                    meta.published_source = PublishedSource::Header;
                }
            }
        }
    }
    meta.paragraphs[0] = Span::of(&(dateline.end..first.end));
    meta.dateline = Some(dateline);
}
