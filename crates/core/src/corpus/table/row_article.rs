//! One row of an article table made into an article: its text is read like a file's, its title
//! and date come from their columns when they have them (events.md §1).

use super::columns::Role;
use crate::corpus::dates::{DateOrder, dates_in};
use crate::corpus::metadata::{PublishedSource, TitleSource};
use crate::corpus::{Article, ArticleOrigin, MAX_FILE_BYTES};
use jiff::civil::Date;
use std::path::PathBuf;
use std::sync::Arc;

/// The cells of one row that the table's [`super::ColumnMap`] points at, per [`Role`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    /// The row's number among the table's rows, from 1.
    pub number: u64,
    /// Where a user finds the row: `line 13` in a CSV or JSONL file, `row 12` in Parquet.
    pub place: String,
    pub cells: [Option<String>; 6],
}

impl TableRow {
    pub fn cell(&self, role: Role) -> Option<&str> {
        self.cells[role as usize]
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// An article made from a row, and what was wrong with the row but did not stop it.
pub struct RowArticle {
    pub article: Article,
    pub warning: Option<String>,
}

/// Header lines of a row's text in which its title column may already stand.
const TITLE_LINES: usize = 12;

/// Build the article of a row of `table` (its file name `table_name`). A row without text is
/// an error; a date cell that is not a date is a warning, and the date is read from the text.
pub fn row_article(
    table: &Arc<PathBuf>,
    table_name: &str,
    row: TableRow,
) -> Result<RowArticle, String> {
    let Some(body) = row.cell(Role::Text) else {
        return Err("no text".to_string());
    };
    if body.len() > MAX_FILE_BYTES {
        return Err(format!(
            "its text is {} MB, over the {} MB one article may have",
            body.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let title = row.cell(Role::Title).map(one_line);
    let (published, warning) = match row.cell(Role::Published) {
        None => (None, None),
        Some(cell) => match cell_date(cell) {
            Some(d) => (Some(d), None),
            None => (
                None,
                Some(format!(
                    "the published cell “{}” is not a date, so the date is read from the text",
                    shorten(cell)
                )),
            ),
        },
    };
    let id = row.cell(Role::Id);
    let file = match id {
        Some(id) => id.rsplit(['/', '\\']).next().unwrap_or(id).to_string(),
        None => format!("{table_name}#{}", row.number),
    };
    let key = match id {
        Some(id) => format!("id={id}"),
        None => format!("row={}", row.number),
    };
    // A text that does not start with its title gets it as its first line, so the text reads
    // like a file's: headline, then body (the headline is header, never a sentence).
    let prepended = title.as_deref().is_some_and(|t| !title_in_header(body, t));
    let text = match &title {
        Some(t) if prepended => format!("{t}\n\n{body}\n"),
        _ => format!("{body}\n"),
    };
    let origin = ArticleOrigin::Row {
        table: Arc::clone(table),
        key: key.into_boxed_str(),
    };
    // A title put above the text is its headline: the header model does not look for another.
    let mut article = if prepended {
        Article::under_headline(origin, file, text, "UTF-8")
    } else {
        Article::new(origin, file, text, "UTF-8")
    };
    let m = &mut article.meta;
    if let Some(t) = title {
        m.title = t;
        m.title_source = TitleSource::Metadata;
        m.title_reasons = &["the table's title column"];
    }
    if let Some(d) = published {
        if m.published != Some(d) {
            m.published_span = None;
        }
        m.published = Some(d);
        m.published_source = PublishedSource::Metadata;
    }
    let site = row
        .cell(Role::Source)
        .map(str::to_string)
        .or_else(|| row.cell(Role::Url).and_then(url_host));
    if site.is_some() {
        m.site = site;
    }
    Ok(RowArticle { article, warning })
}

/// A title cell on one line (a cell may hold line breaks).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

/// Is the title one of the first lines of the text (a row holding a whole file, header too)?
/// Compared by letters and digits only, so a curly apostrophe or a dash written differently in
/// the title column still finds the line.
fn title_in_header(text: &str, title: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title = key(title);
    !title.is_empty()
        && text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(TITLE_LINES)
            .any(|l| key(l) == title)
}

/// The date in a date cell: any date format the header reader knows (`2021-08-19`,
/// `2021-08-19T10:00:00Z`, `Aug 19, 2021`, `Thu, 19 Aug 2021 10:00:00 GMT`, `08/19/2021`), or
/// a Unix time in seconds or milliseconds.
pub fn cell_date(cell: &str) -> Option<Date> {
    let cell = cell.trim();
    if let Some((d, _)) = dates_in(cell, DateOrder::MonthFirst).into_iter().next() {
        return Some(d);
    }
    if cell.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = cell.parse().ok()?;
        let seconds = match cell.len() {
            9 | 10 => n,
            12 | 13 => n / 1000,
            _ => return None,
        };
        let t = jiff::Timestamp::from_second(seconds).ok()?;
        return Some(t.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    None
}

/// The host of a URL cell (`https://www.example.org/a/b` → `www.example.org`).
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    (host.contains('.') && !host.contains(' ')).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(path: &str) -> Arc<PathBuf> {
        Arc::new(PathBuf::from(path))
    }

    #[test]
    fn an_origin_is_no_larger_than_a_files() {
        assert_eq!(std::mem::size_of::<ArticleOrigin>(), 32);
    }

    fn row(cells: &[(Role, &str)]) -> TableRow {
        let mut r = TableRow {
            number: 3,
            place: "line 4".into(),
            ..Default::default()
        };
        for (role, v) in cells {
            r.cells[*role as usize] = Some(v.to_string());
        }
        r
    }

    #[test]
    fn title_and_date_come_from_their_columns() {
        let r = row(&[
            (Role::Title, "Chip rules  tighten"),
            (Role::Published, "2023-10-17T09:00:00Z"),
            (
                Role::Text,
                "WASHINGTON (AP) — The rules changed on Tuesday.",
            ),
            (Role::Url, "https://news.example.org/x"),
        ]);
        let a = row_article(&table("/t/wire.csv"), "wire.csv", r).unwrap();
        assert!(a.warning.is_none());
        let m = &a.article.meta;
        assert_eq!(m.title, "Chip rules tighten");
        assert_eq!(m.published.unwrap().to_string(), "2023-10-17");
        assert_eq!(m.site.as_deref(), Some("news.example.org"));
        assert_eq!(a.article.file, "wire.csv#3");
        assert!(
            a.article
                .text
                .starts_with("Chip rules tighten\n\nWASHINGTON")
        );
    }

    #[test]
    fn a_title_column_is_the_headline_and_every_paragraph_under_it_is_body() {
        // A subheading over a paragraph and a short title-case line (`Rent Questions`) has the
        // shape of a headline over a standfirst and a byline; the title column says which line
        // the headline is, so the two paragraphs above the subheading stay the story's.
        let text = "The harbour board agreed on Tuesday to lease the eastern quay to a shipping \
            line for ten years, the chair said.\n\nCouncillors said the vote, seven to two, ends \
            a dispute that has idled the docks since the spring of last year.\n\nNew cranes for \
            the quay\n\nThe line will pay for two new cranes and dredge the channel, the board \
            said in a statement on Wednesday, and it expects forty ships a year to call at the \
            quay from May. Dock workers welcomed the news. Their union said it would sign.\n\n\
            Rent Questions\n\nCritics on the council said the rent was too low and that the board \
            had not published the terms before the vote:\n\nThe board denies it, and says the \
            terms will be public in April once the lawyers have read them through twice over.";
        let r = row(&[
            (
                Role::Title,
                "Port deal signed after months of talks in the harbour town",
            ),
            (Role::Text, text),
        ]);
        let a = row_article(&table("/t/port.csv"), "port.csv", r).unwrap();
        let body: Vec<&str> = a.article.paragraphs().collect();
        assert!(
            body[0].starts_with("The harbour board agreed") && body[1].starts_with("Councillors"),
            "{body:?}"
        );
    }

    #[test]
    fn a_text_holding_its_header_is_not_given_its_title_twice() {
        let text = "Chip rules tighten — again\nBy Jo Doe\n\nThe rules changed on Tuesday.";
        let r = row(&[
            (Role::Title, "Chip Rules Tighten - Again"),
            (Role::Text, text),
            (Role::Id, "stories/wire_07.txt"),
        ]);
        let a = row_article(&table("/t/w.jsonl"), "w.jsonl", r).unwrap();
        assert_eq!(a.article.text.trim_end(), text);
        assert_eq!(a.article.file, "wire_07.txt");
    }

    #[test]
    fn a_row_without_text_is_refused_and_a_bad_date_is_a_warning() {
        let empty = row(&[(Role::Title, "t"), (Role::Text, "  ")]);
        assert_eq!(
            row_article(&table("/t.csv"), "t.csv", empty)
                .err()
                .as_deref(),
            Some("no text")
        );
        let bad = row(&[(Role::Published, "soon"), (Role::Text, "Some text here.")]);
        let a = row_article(&table("/t.csv"), "t.csv", bad).unwrap();
        assert!(a.warning.unwrap().contains("“soon” is not a date"));
        assert_eq!(a.article.meta.published, None);
    }

    #[test]
    fn date_cells_in_the_common_formats() {
        let d = |s: &str| cell_date(s).map(|d| d.to_string());
        assert_eq!(d("2021-08-19").as_deref(), Some("2021-08-19"));
        assert_eq!(d("Aug 19, 2021").as_deref(), Some("2021-08-19"));
        assert_eq!(
            d("Thu, 19 Aug 2021 10:00:00 GMT").as_deref(),
            Some("2021-08-19")
        );
        assert_eq!(d("1629367200").as_deref(), Some("2021-08-19"));
        assert_eq!(d("1629367200000").as_deref(), Some("2021-08-19"));
        assert_eq!(d("2021"), None);
        assert_eq!(d("n/a"), None);
    }
}
