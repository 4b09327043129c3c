//! Which column of an article table holds what: the common names of each field, the user's
//! choices (`--columns title=…,text=…`, the window's mapping dialog), and the check that a
//! table's columns say unambiguously where its text is.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A field an article table can give, in the order the mapping dialog shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Title,
    Published,
    Text,
    Url,
    Source,
    Id,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Title,
        Role::Published,
        Role::Text,
        Role::Url,
        Role::Source,
        Role::Id,
    ];

    /// The word `--columns` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Published => "published",
            Role::Text => "text",
            Role::Url => "url",
            Role::Source => "source",
            Role::Id => "id",
        }
    }

    /// Column names recognised for this field, most telling first (compared without case,
    /// with `-`, `_` and spaces ignored).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Role::Title => &["title", "headline"],
            Role::Published => &["published", "date", "publish_date", "pub_date", "datetime"],
            Role::Text => &["text", "body", "content", "article"],
            Role::Url => &["url", "link"],
            Role::Source => &["source", "outlet", "media", "site"],
            Role::Id => &["id", "filename"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn parse(word: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

/// A column name as it is compared: lower case, without `-`, `_` and spaces.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns (indices into the folded header) named like one of `role`'s common names, in
/// [`Role::names`] order.
fn named_like(role: Role, folded_header: &[String]) -> impl Iterator<Item = usize> + '_ {
    role.names()
        .iter()
        .filter_map(move |n| folded_header.iter().position(|h| *h == folded(n)))
}

/// The user's choice of columns for some fields; the others are recognised by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnChoice(pub BTreeMap<String, String>);

impl ColumnChoice {
    /// Parse `title=headline,published=pubdate,text=story`.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut chosen = BTreeMap::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((role, column)) = part.split_once('=') else {
                return Err(format!(
                    "“{part}” is not FIELD=COLUMN (fields: {})",
                    field_list()
                ));
            };
            let Some(role) = Role::parse(role) else {
                return Err(format!(
                    "“{}” is not a field; the fields are {}",
                    role.trim(),
                    field_list()
                ));
            };
            if column.trim().is_empty() {
                return Err(format!("no column named for {}", role.as_str()));
            }
            chosen.insert(role.as_str().to_string(), column.trim().to_string());
        }
        Ok(Self(chosen))
    }

    fn get(&self, role: Role) -> Option<&str> {
        self.0.get(role.as_str()).map(String::as_str)
    }

    pub fn set(&mut self, role: Role, column: Option<String>) {
        match column {
            Some(c) => self.0.insert(role.as_str().to_string(), c),
            None => self.0.remove(role.as_str()),
        };
    }
}

fn field_list() -> String {
    Role::ALL.map(Role::as_str).join(", ")
}

/// Column choices for a load: one for every table (the CLI's `--columns`) and one per file (the
/// window's mapping dialog), the file's own first.
#[derive(Debug, Clone, Default)]
pub struct ColumnChoices {
    pub all: ColumnChoice,
    pub per_file: HashMap<PathBuf, ColumnChoice>,
}

impl ColumnChoices {
    pub fn for_file(&self, path: &Path) -> &ColumnChoice {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.per_file.get(&canonical).unwrap_or(&self.all)
    }
}

/// Why a table's columns do not say where its articles are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnsProblem {
    /// No column is named like a text column, and none was chosen.
    NoText,
    /// Two or more columns could be the text (`body` and `content`).
    TwoTexts(Vec<String>),
    /// A chosen column is not in the table.
    NotInTable { role: Role, column: String },
}

impl std::fmt::Display for ColumnsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnsProblem::NoText => write!(
                f,
                "no column holds the article text (looked for {}); choose one with --columns text=NAME",
                Role::Text.names().join(", ")
            ),
            ColumnsProblem::TwoTexts(c) => write!(
                f,
                "columns {} could each be the article text; choose one with --columns text=NAME",
                c.join(" and ")
            ),
            ColumnsProblem::NotInTable { role, column } => write!(
                f,
                "the {} column “{column}” is not in the table",
                role.as_str()
            ),
        }
    }
}

/// Where each field is in a table: the column's index, per [`Role`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    index: [Option<usize>; 6],
}

impl ColumnMap {
    pub fn column(&self, role: Role) -> Option<usize> {
        self.index[role.index()]
    }

    /// The columns worth reading, in table order (a Parquet file reads only these).
    pub fn used(&self) -> Vec<usize> {
        let mut used: Vec<usize> = self.index.iter().flatten().copied().collect();
        used.sort_unstable();
        used.dedup();
        used
    }

    /// The column each field would be by its common names alone (the first a table has, in
    /// [`Role::names`] order): what the mapping dialog starts from.
    pub fn guess(header: &[String]) -> Self {
        let folded_header: Vec<String> = header.iter().map(|h| folded(h)).collect();
        let mut map = ColumnMap::default();
        for role in Role::ALL {
            map.index[role.index()] = named_like(role, &folded_header).next();
        }
        map
    }

    /// Map a table's header: the user's choices first, then each field's common names (the
    /// first name in [`Role::names`] order that the table has). The text must be there and
    /// unambiguous; every other field may be missing.
    pub fn resolve(header: &[String], choice: &ColumnChoice) -> Result<Self, ColumnsProblem> {
        let folded_header: Vec<String> = header.iter().map(|h| folded(h)).collect();
        let mut map = ColumnMap::default();
        for role in Role::ALL {
            if let Some(column) = choice.get(role) {
                let want = folded(column);
                let found = header
                    .iter()
                    .position(|h| h == column)
                    .or_else(|| folded_header.iter().position(|h| *h == want));
                match found {
                    Some(i) => map.index[role.index()] = Some(i),
                    None => {
                        return Err(ColumnsProblem::NotInTable {
                            role,
                            column: column.to_string(),
                        });
                    }
                }
                continue;
            }
            let candidates: Vec<usize> = named_like(role, &folded_header).collect();
            if role == Role::Text && candidates.len() > 1 {
                return Err(ColumnsProblem::TwoTexts(
                    candidates.iter().map(|&i| header[i].clone()).collect(),
                ));
            }
            map.index[role.index()] = candidates.first().copied();
        }
        if map.column(Role::Text).is_none() {
            return Err(ColumnsProblem::NoText);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn common_names_are_recognised_whatever_their_case() {
        let h = header(&["ID", "Headline", "Pub_Date", "Body", "Link", "Outlet"]);
        let map = ColumnMap::resolve(&h, &ColumnChoice::default()).unwrap();
        assert_eq!(map.column(Role::Id), Some(0));
        assert_eq!(map.column(Role::Title), Some(1));
        assert_eq!(map.column(Role::Published), Some(2));
        assert_eq!(map.column(Role::Text), Some(3));
        assert_eq!(map.column(Role::Url), Some(4));
        assert_eq!(map.column(Role::Source), Some(5));
        assert_eq!(map.used(), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_table_without_a_text_column_or_with_two_asks_for_a_choice() {
        let none = ColumnMap::resolve(&header(&["title", "summary"]), &ColumnChoice::default());
        assert_eq!(none, Err(ColumnsProblem::NoText));
        let two = ColumnMap::resolve(&header(&["content", "body"]), &ColumnChoice::default());
        assert_eq!(
            two,
            Err(ColumnsProblem::TwoTexts(vec![
                "body".into(),
                "content".into()
            ]))
        );
        let chosen = ColumnChoice::parse("text=content").unwrap();
        let map = ColumnMap::resolve(&header(&["content", "body"]), &chosen).unwrap();
        assert_eq!(map.column(Role::Text), Some(0));
    }

    #[test]
    fn a_choice_names_fields_and_columns_that_must_exist() {
        let c = ColumnChoice::parse("title=hed, published = when ,text=story").unwrap();
        let map = ColumnMap::resolve(&header(&["story", "when", "hed"]), &c).unwrap();
        assert_eq!(map.column(Role::Title), Some(2));
        assert_eq!(map.column(Role::Published), Some(1));
        assert!(
            ColumnChoice::parse("body=x")
                .unwrap_err()
                .contains("not a field")
        );
        assert!(ColumnChoice::parse("text").is_err());
        let missing = ColumnMap::resolve(&header(&["body"]), &c).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "the title column “hed” is not in the table"
        );
    }
}
