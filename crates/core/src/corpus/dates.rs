//! Calendar dates as written in article headers: `Aug 19, 2021`, `19 August 2021`,
//! `2021-08-19`, `03/03/1998`, `26.06.1998`, `Tue, 3 Mar 1998`, `4 min readAug 19, 2021`.

use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How to read an ambiguous slash date such as `03/04/2015`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `03/04/2015` is March 4 (the default: US style).
    #[default]
    MonthFirst,
    /// `03/04/2015` is 3 April (a day-first site or text).
    DayFirst,
}

/// Month names, capitalised or all upper case (`MARCH 10 2023` in some mastheads).
const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)";

// Copies run text together (`By Sage Anderson2020-02-20`, `GMT29 April 2020`,
// `November 8, 20235:01 AM ET`): a date may follow a letter, and a year may run into a time. The
// date itself is capture group `d`; the `(?:^|\D)` before it only stops a longer number.
/// A year that ends a date: a word boundary or a clock glued to it (`20235:01 AM`).
const YEAR_END: &str = r"((?:19|20)\d\d)(?:(?-u:\b)|\d{1,2}:\d\d)";
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\D)(?P<d>((?:19|20)\d\d)-(\d{1,2})-(\d{1,2}))(?:(?-u:\b)|T|\d{1,2}:)")
});
// No leading \b: Medium glues the month to "read" (`4 min readAug 19, 2021`).
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<d>{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR_END})"
    ))
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|\D)(?P<d>(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+{YEAR_END})"
    ))
});
static SLASH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d/])(?P<d>(\d{1,2})/(\d{1,2})/((?:19|20)\d\d|\d\d))(?:(?-u:\b)|\d{1,2}:\d\d)")
});
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d.])(?P<d>(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d))(?:(?-u:\b)|\d{1,2}:\d\d)")
});

fn re(pattern: &str) -> Regex {
    // The patterns are constants checked by the tests below.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad date pattern {pattern}: {e}"))
}

/// Month number (1–12) of an English month name or abbreviation (case-sensitive capitalised).
pub fn month_number(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.');
    let lower = name.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = lower.get(..3)?;
    let index = NAMES.iter().position(|m| *m == prefix)?;
    // Only real spellings: `Sept`, `June`, `August`…, not `Marching`.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (FULL[index].starts_with(&lower) || lower == "sept").then_some(index as i8 + 1)
}

fn date(year: i32, month: i32, day: i32) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn num(s: &str) -> i32 {
    s.parse().unwrap_or(0)
}

/// The span of the date itself (group `d`), whatever the pattern matched around it.
fn span(c: &regex::Captures<'_>) -> Range<usize> {
    c.name("d").map_or(0..0, |m| m.range())
}

/// Every calendar date in `text` with its byte range, in text order, reading slash dates in
/// `order`. Two patterns that read the same place keep the first (earliest, then longest).
pub fn dates_in(text: &str, order: DateOrder) -> Vec<(Date, Range<usize>)> {
    // Every format has a slash or a year; most lines have neither, and this is called for many
    // lines.
    if !may_hold_date(text) {
        return Vec::new();
    }
    let mut found: Vec<(Date, Range<usize>)> = unambiguous(text).collect();
    let marks = Marks::of(text);
    for c in marks
        .slash
        .then(|| SLASH.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let (a, b, year) = slash_numbers(&c);
        let (month, day) = match order {
            _ if a > 12 => (b, a),
            _ if b > 12 => (a, b),
            DateOrder::DayFirst => (b, a),
            DateOrder::MonthFirst => (a, b),
        };
        if let Some(d) = date(year, month, day) {
            found.push((d, span(&c)));
        }
    }
    for c in marks
        .dot
        .then(|| DOTTED.captures_iter(text))
        .into_iter()
        .flatten()
    {
        // Day.month.year, unless the second number cannot be a month (`01.21.2020`, WIRED).
        let (a, b) = (num(&c[2]), num(&c[3]));
        let (month, day) = if b > 12 { (a, b) } else { (b, a) };
        if let Some(d) = date(num(&c[4]), month, day) {
            found.push((d, span(&c)));
        }
    }
    found.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<(Date, Range<usize>)> = Vec::with_capacity(found.len());
    for (d, r) in found {
        if out.last().is_some_and(|(_, last)| r.start < last.end) {
            continue;
        }
        out.push((d, r));
    }
    out
}

/// The first calendar date in `text` with its byte range, reading slash dates in `order`.
/// (The first match of each pattern only: this runs on many lines.)
pub fn parse_date(text: &str, order: DateOrder) -> Option<(Date, Range<usize>)> {
    if !may_hold_date(text) {
        return None;
    }
    super::recent_lines::remembered(&RECENT, text, order, || first_date(text, order))
}

thread_local! {
    /// The last lines read for a date on this thread, with what each held. The header model asks
    /// for a short line's date several times (as a header line, as a date line, as a neighbour
    /// of a headline): two in three of its questions repeat one of the last few.
    static RECENT: std::cell::RefCell<super::recent_lines::RecentLines<DateOrder, Found>> =
        const { std::cell::RefCell::new(super::recent_lines::RecentLines::new()) };
}

/// A date found in a text, with its byte range.
type Found = Option<(Date, Range<usize>)>;

/// [`parse_date`] without the memory of recent lines.
fn first_date(text: &str, order: DateOrder) -> Found {
    let first = |re: &Regex| re.find(text).map(|m| m.start());
    let marks = Marks::of(text);
    let earliest = [
        (marks.dash, &*ISO),
        (true, &*MONTH_DAY_YEAR),
        (true, &*DAY_MONTH_YEAR),
        (marks.slash, &*SLASH),
        (marks.dot, &*DOTTED),
    ]
    .into_iter()
    .filter_map(|(may, re)| if may { first(re) } else { None })
    .min()?;
    // Only the text from the earliest match on can hold the first date.
    let from = text[..earliest]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    dates_in(&text[from..], order)
        .into_iter()
        .next()
        .map(|(d, r)| (d, r.start + from..r.end + from))
}

/// The punctuation a pattern's date cannot be written without: an ISO date's dashes, a slash
/// date's slashes, a dotted date's dots. A pattern whose mark the text lacks is not searched
/// (most lines with a year have a mark or two, seldom all three).
struct Marks {
    dash: bool,
    slash: bool,
    dot: bool,
}

impl Marks {
    fn of(text: &str) -> Self {
        let has = |b: u8| memchr::memchr(b, text.as_bytes()).is_some();
        Self {
            dash: has(b'-'),
            slash: has(b'/'),
            dot: has(b'.'),
        }
    }
}

/// Whether `text` can hold a date of any pattern: a slash, or a four-digit year `19xx`/`20xx`
/// (every other pattern ends with one). Most lines with digits hold neither (`5 min read`,
/// `$2.3 billion`), and this gate is one pass over the bytes where the patterns are five
/// searches.
fn may_hold_date(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr(b'/', b).is_some()
        || b.windows(4).any(|w| {
            matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
                && w[2].is_ascii_digit()
                && w[3].is_ascii_digit()
        })
}

/// The two readings, month first and day first, of a slash date in `s` both of whose numbers
/// can be the month (`02/10/2020`); `None` for any other date.
pub fn ambiguous_readings(s: &str) -> Option<(Date, Date)> {
    let (a, b, year) = slash_numbers(&SLASH.captures(s)?);
    if a == b || a > 12 || b > 12 {
        return None;
    }
    Some((date(year, a, b)?, date(year, b, a)?))
}

/// The dates of `text` written so that they cannot be misread: with the month's name, or
/// year first (`Sept. 29, 2020`, `29 September 2020`, `2020-09-29`).
pub fn plain_dates(text: &str) -> impl Iterator<Item = Date> + '_ {
    unambiguous(text).map(|(d, _)| d)
}

/// The dates of the patterns that cannot be misread (ISO, then month-day-year, then
/// day-month-year, each in text order), with their spans.
fn unambiguous(text: &str) -> impl Iterator<Item = (Date, Range<usize>)> + '_ {
    let named = |c: &regex::Captures<'_>, m: usize, d: usize| {
        month_number(&c[m]).and_then(|month| date(num(&c[4]), month.into(), num(&c[d])))
    };
    // (An ISO date has its dashes: a text without one is not searched for it.)
    let iso = memchr::memchr(b'-', text.as_bytes())
        .map(|_| ISO.captures_iter(text))
        .into_iter()
        .flatten()
        .filter_map(|c| Some((date(num(&c[2]), num(&c[3]), num(&c[4]))?, span(&c))));
    let mdy = MONTH_DAY_YEAR
        .captures_iter(text)
        .filter_map(move |c| Some((named(&c, 2, 3)?, span(&c))));
    let dmy = DAY_MONTH_YEAR
        .captures_iter(text)
        .filter_map(move |c| Some((named(&c, 3, 2)?, span(&c))));
    iso.chain(mdy).chain(dmy)
}

/// A slash date's two numbers and its year, a two-digit year read as 19xx from 70 on, else 20xx.
fn slash_numbers(c: &regex::Captures<'_>) -> (i32, i32, i32) {
    let year = num(&c[4]);
    let year = match year {
        0..=69 => year + 2000,
        70..=99 => year + 1900,
        _ => year,
    };
    (num(&c[2]), num(&c[3]), year)
}

/// True when `text` shows it writes slash dates day first: a slash date whose first number is
/// over 12.
pub fn text_writes_day_first(text: &str) -> bool {
    SLASH.captures_iter(text).any(|c| num(&c[2]) > 12)
}

/// A date typed by the user in the app: ISO `YYYY-MM-DD` or any header format above.
pub fn parse_user_date(input: &str) -> Result<Date, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("enter a date such as 2021-08-19".to_string());
    }
    match parse_date(input, DateOrder::MonthFirst) {
        Some((d, range)) if range == (0..input.len()) => Ok(d),
        _ => Err(format!(
            "“{input}” is not a date; write it as YYYY-MM-DD, e.g. 2021-08-19"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s, DateOrder::MonthFirst).map(|(d, _)| d.to_string())
    }

    /// The remembered answers are the answers: lines asked again after other lines, in either
    /// order, after more new lines than are kept, and lines that differ in one character.
    #[test]
    fn a_line_asked_again_gets_the_same_date() {
        let lines = [
            "03/04/2015",
            "Aug 19, 2021",
            "03/04/2015",
            "Updated 2021-08-19",
            "No date here in 2021",
            "13/04/2015",
            "03/04/2016",
            "19 August 2021",
            "26.06.1998",
            "Tue, 3 Mar 1998",
            "4 min readAug 19, 2021",
            "Aug 19, 2021",
            "Aug 19, 2022",
            "03/04/2015",
        ];
        for round in 0..3 {
            for (k, line) in lines.iter().enumerate() {
                for order in [DateOrder::MonthFirst, DateOrder::DayFirst] {
                    assert_eq!(
                        parse_date(line, order),
                        first_date(line, order),
                        "round {round}, line {k}: {line:?} {order:?}"
                    );
                }
            }
        }
        assert_eq!(
            parse_date("03/04/2015", DateOrder::DayFirst).map(|(d, _)| d.to_string()),
            Some("2015-04-03".to_string())
        );
        assert_eq!(
            parse_date("03/04/2015", DateOrder::MonthFirst).map(|(d, _)| d.to_string()),
            Some("2015-03-04".to_string())
        );
    }

    #[test]
    fn only_slash_dates_with_two_possible_months_have_two_readings() {
        let (m, d) = ambiguous_readings("The Courier 02/10/2020 Jane Roe").unwrap();
        assert_eq!(
            (m.to_string(), d.to_string()),
            ("2020-02-10".into(), "2020-10-02".into())
        );
        assert_eq!(ambiguous_readings("25/10/2020"), None);
        assert_eq!(ambiguous_readings("03/03/2020"), None);
        assert_eq!(ambiguous_readings("October 2, 2020"), None);
    }

    #[test]
    fn header_formats() {
        assert_eq!(d("Aug 19, 2021").as_deref(), Some("2021-08-19"));
        assert_eq!(d("August 19, 2021").as_deref(), Some("2021-08-19"));
        assert_eq!(d("2021-08-19").as_deref(), Some("2021-08-19"));
        assert_eq!(d("19 August 2021").as_deref(), Some("2021-08-19"));
        assert_eq!(d("03/03/1998").as_deref(), Some("1998-03-03"));
        assert_eq!(d("Tue, 3 Mar 1998").as_deref(), Some("1998-03-03"));
        assert_eq!(d("4 min readAug 19, 2021").as_deref(), Some("2021-08-19"));
        assert_eq!(d("Published 03/14/1998").as_deref(), Some("1998-03-14"));
        assert_eq!(d("Sept. 5, 2001").as_deref(), Some("2001-09-05"));
        assert_eq!(d("26.06.1998").as_deref(), Some("1998-06-26"));
        assert_eq!(d("MARCH 10 2023").as_deref(), Some("2023-03-10"));
        assert_eq!(d("the 3rd of March, 2003").as_deref(), Some("2003-03-03"));
    }

    #[test]
    fn dates_run_together_by_a_copy() {
        assert_eq!(
            d("November 8, 20235:01 AM ET").as_deref(),
            Some("2023-11-08")
        );
        assert_eq!(
            d("By Sage Anderson2020-02-20 13:52:51 UTC").as_deref(),
            Some("2020-02-20")
        );
        assert_eq!(d("11:39 GMT29 April 2020").as_deref(), Some("2020-04-29"));
        assert_eq!(
            d("• Updated21:22, 6 OCT 2020").as_deref(),
            Some("2020-10-06")
        );
        assert_eq!(d("2021-03-04T10:00:00Z").as_deref(), Some("2021-03-04"));
        assert_eq!(d("Fri Nov 3 2023 - 07:33").as_deref(), Some("2023-11-03"));
        assert_eq!(
            d("Published 8th Nov 2023, 18:58 GMT").as_deref(),
            Some("2023-11-08")
        );
        // Month first when the middle number cannot be a month.
        assert_eq!(d("01.21.2020 07:00 AM").as_deref(), Some("2020-01-21"));
        assert_eq!(d("22:57 GMT 28.04.2020").as_deref(), Some("2020-04-28"));
        // A longer number is no date.
        assert_eq!(d("call 112/10/2020"), None);
    }

    #[test]
    fn every_date_of_a_line_in_order() {
        let all: Vec<String> = dates_in(
            "Last Updated: November 9, 2023 | First Published: 8 Nov 2023",
            DateOrder::MonthFirst,
        )
        .into_iter()
        .map(|(d, _)| d.to_string())
        .collect();
        assert_eq!(all, ["2023-11-09", "2023-11-08"]);
    }

    #[test]
    fn slash_dates_follow_the_order_unless_the_first_number_is_a_day() {
        let us = parse_date("03/04/2015", DateOrder::MonthFirst).unwrap().0;
        let uk = parse_date("03/04/2015", DateOrder::DayFirst).unwrap().0;
        assert_eq!(us.to_string(), "2015-03-04");
        assert_eq!(uk.to_string(), "2015-04-03");
        assert_eq!(d("25/12/2010").as_deref(), Some("2010-12-25"));
        assert!(text_writes_day_first("posted 25/12/2010"));
        assert!(!text_writes_day_first("posted 12/25/2010"));
    }

    #[test]
    fn impossible_dates_and_non_dates_give_none() {
        assert_eq!(d("February 30, 2020"), None);
        assert_eq!(d("16 hours ago"), None);
        assert_eq!(d("Marching 5, 2020"), None);
        assert_eq!(d("5G in 2020"), None);
    }

    #[test]
    fn user_dates_are_validated() {
        assert_eq!(
            parse_user_date("2020-02-29").unwrap().to_string(),
            "2020-02-29"
        );
        assert!(parse_user_date("2021-02-29").is_err());
        assert!(parse_user_date("soon").is_err());
        assert!(parse_user_date("").is_err());
    }
}
