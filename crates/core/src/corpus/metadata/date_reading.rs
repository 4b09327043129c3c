//! Dates read from the text beyond the header: a date-only line, the order of slash dates on
//! day-first sites, and the reading of an ambiguous slash date (`02/10/2020`).

use super::*;

pub(crate) static DAY_FIRST_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)[a-z0-9-]+\.(?:co\.uk|org\.uk|ie|com\.au|net\.au|au|in|co\.in|co\.nz|nz|co\.za|za|ng|ke|pk|sg|my|hk|eu|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pt|br|ar|mx|ru|pl|gr|tr|eg|il|ae)(?-u:\b)",
    )
});

/// The other reading of an ambiguous date is taken only when it lies within this many days of
/// a date the text states plainly…
pub(crate) const NEAR_DAYS: u32 = 7;

/// …and the default reading lies further than this from every one of them.
pub(crate) const FAR_DAYS: u32 = 30;

/// Bytes past the date in which the text's plainly stated dates are looked for.
pub(crate) const KNOWN_DATES_REACH: usize = 12_000;

/// A slash date both of whose numbers can be the month (`02/10/2020`) takes the reading nearer
/// the text's plainly stated dates when only it is near one (a caption's `Sept. 29, 2020`
/// makes it 2 October, not 10 February): an article is published near the days it reports.
/// Otherwise it keeps the default reading (month first).
pub(crate) fn settle_ambiguous_date(text: &str, meta: &mut Metadata) {
    let (Some(published), Some(span)) = (meta.published, meta.published_span.clone()) else {
        return;
    };
    let Some((month_first, day_first)) = text
        .get(span.clone())
        .and_then(crate::corpus::dates::ambiguous_readings)
    else {
        return;
    };
    // Only the default reading is revisited: a day-first site or text already chose.
    if published != month_first {
        return;
    }
    let other = day_first;
    // The header and the story's opening are enough (and keep this cheap on long texts).
    let near = prefix(text, span.end + KNOWN_DATES_REACH);
    let known: Vec<Date> = crate::corpus::dates::plain_dates(near).collect();
    let distance = |d: Date| {
        known
            .iter()
            .map(|k| (d - *k).get_days().unsigned_abs())
            .min()
    };
    if let (Some(now), Some(then)) = (distance(published), distance(other))
        && then <= NEAR_DAYS
        && now > FAR_DAYS
    {
        meta.published = Some(other);
    }
}

/// A line that is only a date (`Oct. 7, 2022`, `Published: 2022-10-07`), anywhere in the text:
/// pages copied from a browser often put it under the body. Used only when the header gave none;
/// an `Updated` line only when nothing else is there.
pub(crate) fn standalone_date(lines: &[Line<'_>], meta: &mut Metadata, order: DateOrder) {
    if meta.published.is_some() {
        return;
    }
    const PREFIXES: &[&str] = &[
        "first published",
        "published on",
        "published:",
        "published",
        "posted on",
        "posted:",
        "posted",
        "date:",
        "last updated",
        "updated on",
        "updated:",
        "updated",
    ];
    // A closing line that names the first publication: `This article was originally published
    // on 3 February 2023.`
    const CLOSING: &[&str] = &[
        "originally published on ",
        "first published on ",
        "was published on ",
        "originally appeared on ",
    ];
    let mut best: Option<(u8, Date, Range<usize>)> = None;
    for line in lines
        .iter()
        .filter(|l| !l.text.is_empty() && l.text.len() < 90)
    {
        // ASCII lower case keeps byte offsets, so a phrase's position is its position here.
        let l = line.text.to_ascii_lowercase();
        let closing = CLOSING
            .iter()
            .find_map(|p| l.find(p).map(|at| at + p.len()));
        if closing.is_none() && line.text.len() >= 60 {
            continue;
        }
        let skip = closing.unwrap_or_else(|| {
            PREFIXES
                .iter()
                .find(|p| l.starts_with(*p))
                .map_or(0, |p| p.len())
        });
        let rest = line.text.get(skip..).unwrap_or(line.text);
        let Some((d, r)) = parse_date(rest, order) else {
            continue;
        };
        // The date must be (nearly) the whole line: no running text around it.
        if rest.trim().len() > r.len() + 12 {
            continue;
        }
        let priority = u8::from(l.starts_with("updated") || l.starts_with("last updated"));
        if best.as_ref().is_none_or(|(p, _, _)| priority < *p) {
            best = Some((priority, d, line.range.clone()));
        }
    }
    if let Some((_, d, r)) = best {
        meta.published = Some(d);
        meta.published_span = Some(r);
        meta.published_source = PublishedSource::Text;
    }
}

/// True when `s` names a day-first site (`irishtimes.ie`, `bbc.co.uk`). The pattern runs only
/// around dots between two alphanumerics, never over the whole text.
pub(crate) fn names_day_first_site(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
            && {
                let start = s.ceil_char_boundary(i.saturating_sub(64));
                let end = s.ceil_char_boundary(i + 16);
                DAY_FIRST_DOMAIN.is_match(&s[start..end])
            }
    })
}
