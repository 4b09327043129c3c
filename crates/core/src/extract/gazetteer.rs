//! The country gazetteer (`assets/countries.tsv`, `assets/non_countries.tsv`,
//! `assets/company_words.txt`), compiled once into one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const COUNTRIES_TSV: &str = include_str!("../../../../assets/countries.tsv");
const NON_COUNTRIES_TSV: &str = include_str!("../../../../assets/non_countries.tsv");
const COMPANY_WORDS: &str = include_str!("../../../../assets/company_words.txt");

/// Index of a country in [`Gazetteer::countries`] (sorted by ISO code).
pub type CountryId = u16;

/// One ISO 3166-1 entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. `CN`.
    pub code: String,
    /// English short name for display, e.g. `China`.
    pub name: String,
}

/// What a gazetteer phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternKind {
    /// A name or alias of the country (`China`, `U.S.`, `mainland China`).
    Name,
    /// A demonym or adjective (`Chinese`, `Kiwi`).
    Demonym,
    /// The capital: counts only when it stands for the government (events.md §3).
    Capital,
    /// A central institution on the closed list (`White House`, `Kremlin`).
    Institution,
    /// A phrase that contains a country word but is not a mention (region, sea, company, …).
    Blocker,
}

/// One phrase of the automaton.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    pub kind: PatternKind,
    /// None for blockers.
    pub country: Option<CountryId>,
    /// Match only with exactly this case (short acronyms, names that are common words).
    pub exact_case: bool,
    /// For blockers: `region`, `sea`, `subdivision`, `company`, `language`, `other`.
    pub label: &'static str,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub patterns: Vec<Pattern>,
    pub automaton: AhoCorasick,
    /// The names' first bytes: where a name can start (see [`super::name_starts`]).
    pub prefixes: super::name_starts::NamePrefixes,
    pub company_words: Vec<String>,
    by_code: HashMap<String, CountryId>,
}

static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(COUNTRIES_TSV, NON_COUNTRIES_TSV, COMPANY_WORDS));

/// The gazetteer shipped in `assets/`, compiled on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

fn split_values(field: &str) -> impl Iterator<Item = (&str, bool)> {
    field
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| match v.strip_prefix('=') {
            Some(rest) => (rest.trim(), true),
            None => (v, false),
        })
}

fn leak_label(label: &str) -> &'static str {
    match label {
        "region" => "region",
        "sea" => "sea",
        "subdivision" => "subdivision",
        "company" => "company",
        "language" => "language",
        _ => "other",
    }
}

impl Gazetteer {
    /// Parse the three data files. Malformed lines are skipped (the data is checked by tests).
    pub fn parse(countries_tsv: &str, non_countries_tsv: &str, company_words: &str) -> Self {
        let mut rows: Vec<Vec<&str>> = countries_tsv
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|cols| cols.len() >= 2 && cols[0].len() == 2 && cols[0] != "code")
            .collect();
        rows.sort_by(|a, b| a[0].cmp(b[0]));
        rows.dedup_by(|a, b| a[0] == b[0]);
        let mut countries = Vec::new();
        let mut patterns = Vec::new();
        let mut by_code = HashMap::new();
        let mut seen: HashMap<(String, bool), usize> = HashMap::new();
        let mut add = |patterns: &mut Vec<Pattern>, text: &str, kind, country, exact, label| {
            let variants = if text.contains('\'') {
                vec![text.to_string(), text.replace('\'', "’")]
            } else {
                vec![text.to_string()]
            };
            for v in variants {
                let key = (if exact { v.clone() } else { v.to_lowercase() }, exact);
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, patterns.len());
                patterns.push(Pattern {
                    text: v,
                    kind,
                    country,
                    exact_case: exact,
                    label,
                });
            }
        };
        for (id, cols) in rows.iter().enumerate() {
            let id = id as CountryId;
            let code = cols[0].trim().to_string();
            let (name, name_exact) = split_values(cols[1]).next().unwrap_or((cols[0], false));
            countries.push(Country {
                code: code.clone(),
                name: name.to_string(),
            });
            by_code.insert(code, id);
            add(
                &mut patterns,
                name,
                PatternKind::Name,
                Some(id),
                name_exact,
                "",
            );
            let column = |n: usize| cols.get(n).copied().unwrap_or("");
            for (v, exact) in split_values(column(2)) {
                add(&mut patterns, v, PatternKind::Name, Some(id), exact, "");
            }
            for (v, exact) in split_values(column(3)) {
                add(&mut patterns, v, PatternKind::Demonym, Some(id), exact, "");
            }
            for (v, exact) in split_values(column(4)) {
                add(&mut patterns, v, PatternKind::Capital, Some(id), exact, "");
            }
            for (v, exact) in split_values(column(5)) {
                add(
                    &mut patterns,
                    v,
                    PatternKind::Institution,
                    Some(id),
                    exact,
                    "",
                );
            }
        }
        for line in non_countries_tsv
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("");
            let label = leak_label(cols.next().unwrap_or("other").trim());
            if phrase == "phrase" {
                continue;
            }
            for (v, exact) in split_values(phrase) {
                add(&mut patterns, v, PatternKind::Blocker, None, exact, label);
            }
        }
        let company_words = company_words
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A contiguous NFA, not a full DFA: a run over one file takes 20 ms instead of 60
            // (the DFA's construction), and the searches are as fast: they are anchored at the
            // few word starts a name may begin at and read a few bytes each (BENCHMARKS.md).
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .ascii_case_insensitive(true)
            // Anchored searches at word starts; unanchored ones for a phrase's last words.
            .start_kind(aho_corasick::StartKind::Both)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .unwrap_or_else(|e| panic!("the gazetteer does not compile: {e}"));
        let prefixes =
            super::name_starts::NamePrefixes::new(patterns.iter().map(|p| p.text.as_str()));
        Self {
            countries,
            patterns,
            automaton,
            prefixes,
            company_words,
            by_code,
        }
    }

    /// The id of an ISO code (`"CN"`).
    pub fn id(&self, code: &str) -> Option<CountryId> {
        self.by_code.get(&code.to_ascii_uppercase()).copied()
    }

    /// The country of an id.
    pub fn country(&self, id: CountryId) -> &Country {
        &self.countries[usize::from(id)]
    }

    /// ISO code of an id (`"??"` for an id out of range).
    pub fn code(&self, id: CountryId) -> &str {
        self.countries
            .get(usize::from(id))
            .map_or("??", |c| c.code.as_str())
    }

    /// True when `word` is on the company-word list (`Airlines`, `Mobile`, `Inc.` …).
    pub fn is_company_word(&self, word: &str) -> bool {
        self.company_words.iter().any(|w| w == word)
    }
}
