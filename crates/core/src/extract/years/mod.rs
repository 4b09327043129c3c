//! Time expressions in a sentence and the years they anchor (events.md §4).
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use regex_automata::meta::Regex as MetaRegex;
use std::ops::Range;
use std::sync::LazyLock;
use windowed::{captures_in, compile, find_in};

mod triggers;
mod windowed;

use triggers::{Family, Windows};

/// A time expression found in a sentence, before it is resolved against `published`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeKind {
    /// A four-digit year used as a date (one per end of a range).
    Explicit(i16),
    /// A decade (`the 1990s`): a time expression that gives no year by default.
    Decade(i16),
    /// Years relative to the publication year (`last year` = -1, `in recent months` = 0).
    YearOffset(i32),
    /// Days relative to the publication date (`yesterday` = -1, `last week` = -7).
    DayOffset(i32),
    /// Months relative to the publication month (`last month` = -1).
    MonthOffset(i32),
    /// A month without a year; `fixed` is a year offset when one was given (`April next year`).
    Month {
        month: i8,
        mode: MonthMode,
        fixed: Option<i32>,
    },
    /// A season without a year (`last summer`, `in the spring`), as the months it spans (spring
    /// March–May, summer June–August, autumn/fall September–November; winter straddles two years
    /// and is left out). Read like a month: `last` is the most recent season that has ended.
    Season {
        first: i8,
        last: i8,
        mode: MonthMode,
    },
    /// A weekday (`on Tuesday`).
    Weekday(Weekday),
    /// A quarter relative to the publication date's quarter (`last quarter` = -1).
    QuarterOffset(i32),
    /// `the following year` (+1), `the year before` (-1): counted from the sentence's explicit
    /// year when there is one, else from `published`.
    FromExplicit(i32),
}

/// How a month name without a year is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthMode {
    /// `in July`: the most recent such month (or the next one in a sentence about the future).
    Plain,
    /// `last February`: before the publication month, skipping the month just ended.
    Last,
    /// `next May`.
    Next,
    /// `this September`: the publication year.
    This,
}

/// A time expression and its span (article-absolute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Range<usize>,
    pub kind: TimeKind,
}

/// Nouns after a four-digit number that make it an amount, not a year.
static COUNT_NOUNS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("count_nouns.txt");
/// Capitalised words that may stand right before a year (`In 2019`, `January 2020`).
static YEAR_LEADERS: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("year_leaders.txt");

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("bad time pattern {p}: {e}"))
}

static YEAR: LazyLock<MetaRegex> = LazyLock::new(|| {
    compile(r"(?-u:\b)(?:FY|fy)?((?:19|20)\d\d)(?:\s?[-–/]\s?((?:19|20)\d\d|\d\d))?(?-u:\b)")
});
/// A season word; the word before it decides whether it is a time expression (`last summer`,
/// `in the spring`, `this fall`), checked by hand: a pattern that starts with `the` or `in`
/// would stop at every `the` of the text.
static SEASON: LazyLock<MetaRegex> =
    LazyLock::new(|| compile(r"(?-u:\b)(spring|summer|autumn|fall)(?-u:\b)"));
/// A year right after a season (`summer 2020`, `the spring of 2018`): the year is the anchor.
static SEASON_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,?\s+(?:of\s+)?(?:19|20)\d\d(?-u:\b)"));
static DECADE: LazyLock<MetaRegex> =
    LazyLock::new(|| compile(r"(?:(?-u:\b)((?:19|20)\d0)s(?-u:\b)|['’](\d0)s(?-u:\b))"));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(will|would|could|shall|won't|going to|expected|set to|plans? to|planned|scheduled|upcoming|coming|due to|intends? to|aims? to|by\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|starting (?:from|in)|from next|next)(?-u:\b)|['’]ll(?-u:\b)",
    )
});
const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.";
static MONTH_EXPR: LazyLock<MetaRegex> = LazyLock::new(|| {
    compile(&format!(
        r"(?-u:\b)(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\s+)?(?P<month>{MONTHS})(?P<day>\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?(?P<year>,?\s+(?:of\s+)?(?:(?:19|20)\d\d(?-u:\b)|[Ll]ast year|[Nn]ext year|[Tt]his year))?"
    ))
});
static RELATIVE: LazyLock<MetaRegex> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:(?P<yr>(?:earlier |later )?this year|last year|next year|the past year|the previous year|the prior year|a year ago|(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|several) years ago)|(?P<fol>the following year|the next year|a year later|the year after|the year before|a year earlier|the previous year)|(?P<recent>in recent (?:months|weeks|days)|(?:over |in )?the (?:past|last) (?:few |several |couple of )?(?:months|weeks|days)|(?:more |most |until )?recently|(?:earlier|later) this (?:month|week))|(?P<day>today|yesterday|tonight|tomorrow|this past weekend|this past week|this week|last week|next week|this weekend|last weekend)|(?P<mon>this month|last month|next month|(?:by |at |before )?the end of (?:the |this )month)|(?P<endyr>(?:by |at |before )?the end of (?:the |this )year)|(?P<q>(?:the )?(?:first|second|third|fourth|final|last|next|current) quarter(?: of (?:this|last|next) year)?))(?-u:\b)",
    )
});
static WEEKDAY: LazyLock<MetaRegex> = LazyLock::new(|| {
    compile(r"(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?(?-u:\b)")
});

fn number_word(s: &str) -> i32 {
    match s.to_ascii_lowercase().as_str() {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" => 3,
        n => n.parse().unwrap_or(1),
    }
}

fn prev_word(s: &str, pos: usize) -> &str {
    let head = s[..pos].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
    head[start..].trim_end_matches('.')
}

fn next_word(s: &str, pos: usize) -> &str {
    let tail = s[pos..].trim_start();
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    &tail[..end]
}

/// All time expressions in `sentence` (spans shifted by `offset`).
pub fn find_times(sentence: &str, offset: usize) -> Vec<TimeExpr> {
    find_times_in(sentence, offset, std::slice::from_ref(&(0..sentence.len())))
}

/// All time expressions in the `sentences` of `text` (byte ranges into it, in order, disjoint),
/// with spans shifted by `offset`. An expression lies inside one sentence: the patterns are
/// searched within each, with the text around it in view (`\b` at its edges, the word before
/// `May`), so a sentence's expressions are the same whichever others are asked for with it.
pub fn find_times_in(text: &str, offset: usize, sentences: &[Range<usize>]) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    let shift = |r: Range<usize>| offset + r.start..offset + r.end;
    let windows = Windows::scan_in(text, sentences);
    // Months with or without day and year.
    for c in captures_in(&MONTH_EXPR, text, windows.of(Family::Month)) {
        let Some(whole) = c.get(0) else { continue };
        let Some(month_m) = c.name("month") else {
            continue;
        };
        let month = crate::corpus::month_number(month_m.as_str());
        let Some(month) = month else { continue };
        // `May` as a name (`Theresa May`) or a modal verb after a capitalised word.
        let prev = prev_word(text, month_m.start());
        if month_m.as_str() == "May" && c.name("day").is_none() && c.name("year").is_none() {
            let next = next_word(text, month_m.end());
            let modal = next.chars().next().is_some_and(char::is_lowercase)
                && !matches!(next, "and" | "or" | "to" | "the" | "this" | "last" | "next");
            let name = prev.chars().next().is_some_and(char::is_uppercase)
                && !YEAR_LEADERS.contains(&prev);
            if modal || name {
                continue;
            }
        }
        let year_part = c.name("year").map(|m| m.as_str().to_ascii_lowercase());
        taken.push(whole.range());
        if let Some(y) = &year_part {
            if y.contains("last year") || y.contains("next year") || y.contains("this year") {
                let fixed = if y.contains("last") {
                    -1
                } else if y.contains("next") {
                    1
                } else {
                    0
                };
                out.push(TimeExpr {
                    span: shift(whole.range()),
                    kind: TimeKind::Month {
                        month,
                        mode: MonthMode::Plain,
                        fixed: Some(fixed),
                    },
                });
            }
            // A month with a four-digit year is covered by the explicit-year pass below.
            continue;
        }
        let mode = match c.name("mod").map(|m| m.as_str().to_ascii_lowercase()) {
            Some(m) if m == "last" => MonthMode::Last,
            Some(m) if m == "next" => MonthMode::Next,
            Some(m) if m == "this" => MonthMode::This,
            _ => MonthMode::Plain,
        };
        out.push(TimeExpr {
            span: shift(whole.range()),
            kind: TimeKind::Month {
                month,
                mode,
                fixed: None,
            },
        });
    }
    // Relative expressions.
    for c in captures_in(&RELATIVE, text, windows.of(Family::Relative)) {
        let Some(whole) = c.get(0) else { continue };
        if taken
            .iter()
            .any(|t| t.start < whole.end() && whole.start() < t.end)
        {
            continue;
        }
        let text = whole.as_str().to_ascii_lowercase();
        let kind = if c.name("yr").is_some() {
            if let Some(n) = c.name("n") {
                TimeKind::YearOffset(-number_word(n.as_str()))
            } else if text.contains("last year")
                || text.contains("a year ago")
                || text.contains("previous year")
                || text.contains("prior year")
            {
                TimeKind::YearOffset(-1)
            } else if text.contains("next year") {
                TimeKind::YearOffset(1)
            } else {
                TimeKind::YearOffset(0)
            }
        } else if c.name("fol").is_some() {
            let back =
                text.contains("before") || text.contains("earlier") || text.contains("previous");
            TimeKind::FromExplicit(if back { -1 } else { 1 })
        } else if c.name("recent").is_some() || c.name("endyr").is_some() {
            TimeKind::YearOffset(0)
        } else if c.name("day").is_some() {
            TimeKind::DayOffset(match text.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                "last week" | "last weekend" | "this past week" | "this past weekend" => -7,
                "next week" => 7,
                _ => 0,
            })
        } else if c.name("mon").is_some() {
            TimeKind::MonthOffset(if text.starts_with("last") {
                -1
            } else if text.starts_with("next") {
                1
            } else {
                0
            })
        } else if c.name("q").is_some() {
            if text.contains("of last year") {
                TimeKind::YearOffset(-1)
            } else if text.contains("of next year") {
                TimeKind::YearOffset(1)
            } else if text.contains("last quarter") {
                TimeKind::QuarterOffset(-1)
            } else if text.contains("next quarter") {
                TimeKind::QuarterOffset(1)
            } else {
                TimeKind::YearOffset(0)
            }
        } else {
            continue;
        };
        taken.push(whole.range());
        out.push(TimeExpr {
            span: shift(whole.range()),
            kind,
        });
    }
    for season in find_in(&SEASON, text, windows.of(Family::Season)) {
        if SEASON_YEAR.is_match(&text[season.end()..]) {
            continue;
        }
        let prev = prev_word(text, season.start());
        let prev_lower = prev.to_ascii_lowercase();
        // `this past summer` reads as `last summer`.
        let before_prev = || {
            let at = text[..season.start()].trim_end().len() - prev.len();
            prev_word(text, at).to_ascii_lowercase()
        };
        let mode = match prev_lower.as_str() {
            "last" => MonthMode::Last,
            "past" if before_prev() == "this" => MonthMode::Last,
            "next" => MonthMode::Next,
            "this" => MonthMode::This,
            "the" | "in" | "during" | "over" | "early" | "late" => MonthMode::Plain,
            _ => continue,
        };
        let mut start = text[..season.start()].trim_end().len() - prev.len();
        if prev_lower == "past" {
            start = text[..start].trim_end().len().saturating_sub(4);
        }
        let whole = start..season.end();
        if taken
            .iter()
            .any(|t| t.start < whole.end && whole.start < t.end)
        {
            continue;
        }
        let (first, last) = match season.as_str() {
            "spring" => (3, 5),
            "summer" => (6, 8),
            _ => (9, 11),
        };
        taken.push(whole.clone());
        out.push(TimeExpr {
            span: shift(whole),
            kind: TimeKind::Season { first, last, mode },
        });
    }
    // The weekday is the match without its plural `s` (every name ends in `day`): read off the
    // match, not asked of the regex as a group.
    for whole in find_in(&WEEKDAY, text, windows.of(Family::Weekday)) {
        let name = whole.as_str().strip_suffix('s').unwrap_or(whole.as_str());
        let m = whole.start()..whole.start() + name.len();
        let wd = match name {
            "Monday" => Weekday::Monday,
            "Tuesday" => Weekday::Tuesday,
            "Wednesday" => Weekday::Wednesday,
            "Thursday" => Weekday::Thursday,
            "Friday" => Weekday::Friday,
            "Saturday" => Weekday::Saturday,
            _ => Weekday::Sunday,
        };
        out.push(TimeExpr {
            span: shift(m),
            kind: TimeKind::Weekday(wd),
        });
    }
    // Decades before years so `1990s` is not read as 1990.
    let mut decade_spans = Vec::new();
    // Groups are read off the match by hand (`1990s`, `'90s`, `’90s`): asking the regex for
    // captures costs a second, slower search per match.
    for whole in find_in(&DECADE, text, windows.of(Family::Decade)) {
        let digits = whole.as_str().trim_start_matches(['\'', '’']);
        let start: i16 = if digits.len() == 5 {
            digits[..4].parse().unwrap_or(0)
        } else {
            let two: i16 = digits[..2].parse().unwrap_or(0);
            if two >= 30 { 1900 + two } else { 2000 + two }
        };
        decade_spans.push(whole.range());
        out.push(TimeExpr {
            span: shift(whole.range()),
            kind: TimeKind::Decade(start),
        });
    }
    for whole in find_in(&YEAR, text, windows.of(Family::Year)) {
        // `2019`, or a range `2019-21` / `2019 – 2021`: the first four digits, and the digits
        // that end the match when it is longer.
        let fy = usize::from(whole.as_str().starts_with(['F', 'f'])) * 2;
        let first = whole.start() + fy..whole.start() + fy + 4;
        let second = (whole.len() > fy + 4).then(|| {
            let tail = whole
                .as_str()
                .trim_end_matches(|c: char| c.is_ascii_digit());
            whole.start() + tail.len()..whole.end()
        });
        if decade_spans
            .iter()
            .any(|d| d.start <= whole.start() && whole.start() < d.end)
        {
            continue;
        }
        if !is_year_use(text, first.start..whole.end()) {
            continue;
        }
        let y1: i16 = text[first.clone()].parse().unwrap_or(0);
        out.push(TimeExpr {
            span: shift(first),
            kind: TimeKind::Explicit(y1),
        });
        if let Some(second) = second {
            let s = &text[second.clone()];
            let y2: i16 = if s.len() == 2 {
                (y1 / 100) * 100 + s.parse::<i16>().unwrap_or(0)
            } else {
                s.parse().unwrap_or(0)
            };
            let y2 = if s.len() == 2 && y2 < y1 {
                y2 + 100
            } else {
                y2
            };
            if y2 > y1 && (1900..=2099).contains(&y2) {
                out.push(TimeExpr {
                    span: shift(second),
                    kind: TimeKind::Explicit(y2),
                });
            }
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

/// A four-digit number is a year unless it is an amount, part of a bigger number, or a name.
fn is_year_use(s: &str, r: Range<usize>) -> bool {
    let before = s[..r.start].chars().next_back();
    // `mid-2019`, `pre-2020`, `post-1945`: a prefix, not a minus or a model number.
    let prefixed = before == Some('-') && {
        let word = s[..r.start - 1]
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        ["mid", "pre", "post", "early", "late", "end"]
            .iter()
            .any(|p| word.eq_ignore_ascii_case(p))
    };
    if !prefixed
        && before.is_some_and(|c| {
            matches!(
                c,
                '$' | '€' | '£' | '¥' | '#' | '+' | '-' | '.' | ',' | '/' | '×'
            )
        })
    {
        // `$2021`, `1,2000`, `3.2000`; but `in 2015,` is fine (the comma is after).
        let b2 = s[..r.start].chars().rev().nth(1);
        if !(before == Some(',') && b2 == Some(' ')) || b2.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let after = &s[r.end..];
    if after.starts_with(['%', '°'])
        || after.starts_with(",0")
        || after.starts_with(".0")
        || after.starts_with(|c: char| c.is_alphabetic())
    {
        return false;
    }
    let next = next_word(s, r.end).to_lowercase();
    if COUNT_NOUNS.contains(&next.as_str()) {
        return false;
    }
    let prev = prev_word(s, r.start);
    let sentence_start = s[..r.start].trim().trim_end_matches('.') == prev;
    if prev.chars().next().is_some_and(char::is_uppercase)
        && !YEAR_LEADERS.contains(&prev)
        && !sentence_start
        && !prev.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    true
}

/// One year a sentence is about, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub year: i16,
    pub relative: bool,
    pub span: Range<usize>,
}

/// Resolve the time expressions of one sentence against `published`: explicit and relative
/// anchors (events.md §4 kinds 1 and 2). `tense` tells, for each expression, whether the
/// sentence speaks of the future there.
pub fn resolve(
    times: &[TimeExpr],
    published: Option<Date>,
    tense: Tense,
    anchor_decades: bool,
) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    let explicit: Vec<i16> = times
        .iter()
        .filter_map(|t| {
            if let TimeKind::Explicit(y) = t.kind {
                Some(y)
            } else {
                None
            }
        })
        .collect();
    for t in times {
        let (year, relative) = match &t.kind {
            TimeKind::Explicit(y) => (Some(*y), false),
            TimeKind::Decade(y) => (anchor_decades.then_some(*y), false),
            TimeKind::FromExplicit(k) => match explicit.first() {
                Some(&y) => (i16::try_from(i32::from(y) + k).ok(), true),
                None => (
                    published.and_then(|p| i16::try_from(i32::from(p.year()) + k).ok()),
                    true,
                ),
            },
            other => (
                published.and_then(|p| resolve_relative(other, p, tense.future_at(t.span.start))),
                true,
            ),
        };
        if let Some(year) = year {
            out.push(Anchor {
                year,
                relative,
                span: t.span.clone(),
            });
        }
    }
    out
}

fn add_months(p: Date, months: i32) -> Option<Date> {
    p.first_of_month().checked_add(months.months()).ok()
}

fn resolve_relative(kind: &TimeKind, p: Date, future: bool) -> Option<i16> {
    let y = i32::from(p.year());
    let m = i32::from(p.month());
    let year = match kind {
        TimeKind::YearOffset(k) => y + k,
        TimeKind::DayOffset(k) => i32::from(p.checked_add(i64::from(*k).days()).ok()?.year()),
        TimeKind::MonthOffset(k) => i32::from(add_months(p, *k)?.year()),
        TimeKind::QuarterOffset(k) => i32::from(add_months(p, 3 * k)?.year()),
        TimeKind::Month { month, mode, fixed } => {
            let month = i32::from(*month);
            match (fixed, mode) {
                (Some(k), _) => y + k,
                (None, MonthMode::This) => y,
                (None, MonthMode::Last) => {
                    if month < m - 1 {
                        y
                    } else {
                        y - 1
                    }
                }
                (None, MonthMode::Next) => {
                    if month > m {
                        y
                    } else {
                        y + 1
                    }
                }
                (None, MonthMode::Plain) if future => {
                    if month >= m {
                        y
                    } else {
                        y + 1
                    }
                }
                (None, MonthMode::Plain) => {
                    if month <= m {
                        y
                    } else {
                        y - 1
                    }
                }
            }
        }
        TimeKind::Season { first, last, mode } => {
            let (first, last) = (i32::from(*first), i32::from(*last));
            match mode {
                MonthMode::This => y,
                // The most recent season that has ended (in August, `last summer` is a year ago).
                MonthMode::Last => {
                    if last < m {
                        y
                    } else {
                        y - 1
                    }
                }
                MonthMode::Next => {
                    if first > m {
                        y
                    } else {
                        y + 1
                    }
                }
                MonthMode::Plain if future => {
                    if last >= m {
                        y
                    } else {
                        y + 1
                    }
                }
                MonthMode::Plain => {
                    if first <= m {
                        y
                    } else {
                        y - 1
                    }
                }
            }
        }
        TimeKind::Weekday(wd) => {
            let back = (i64::from(p.weekday().to_monday_zero_offset())
                - i64::from(wd.to_monday_zero_offset()))
            .rem_euclid(7);
            let days = if future { (7 - back) % 7 } else { -back };
            i32::from(p.checked_add(days.days()).ok()?.year())
        }
        TimeKind::Explicit(_) | TimeKind::Decade(_) | TimeKind::FromExplicit(_) => return None,
    };
    i16::try_from(year).ok()
}

/// Whether a sentence speaks of the future, as a month or weekday in it needs to know (the tense
/// rule of events.md §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tense {
    /// `will`, `is expected to`, `by August`, `next` …: the whole sentence looks ahead.
    pub future: bool,
    /// Where the first `would` / `could` is (byte offset in the article). In news these are
    /// mostly reported speech: they look ahead only for what follows them (`said it would meet
    /// in November`), never for a month or day before them (`In February the government would
    /// not say …`, `said on Tuesday that the package would be revised`).
    pub conditional_at: Option<usize>,
}

impl Tense {
    /// The tense markers of `sentence`, which starts at byte `offset` of the article.
    pub fn of(sentence: &str, offset: usize) -> Tense {
        let mut tense = Tense::default();
        for m in FUTURE.find_iter(sentence) {
            if m.as_str().eq_ignore_ascii_case("would") || m.as_str().eq_ignore_ascii_case("could")
            {
                tense.conditional_at.get_or_insert(offset + m.start());
            } else {
                tense.future = true;
                break;
            }
        }
        tense
    }

    /// Does the sentence look ahead for an expression starting at byte `pos`?
    pub fn future_at(&self, pos: usize) -> bool {
        self.future || self.conditional_at.is_some_and(|c| c < pos)
    }
}

#[cfg(test)]
mod tests;
