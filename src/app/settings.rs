//! The small `Settings` struct saved between runs (never the corpus), and its file: JSON in the
//! app's data folder, written atomically, with a corrupt file kept aside as a backup.

use crate::query::concordance::ConcordanceSort;
use crate::query::units::Unit;
use crate::query::{Filter, SortKey};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Version of the settings layout; older files load field by field thanks to `serde(default)`.
pub const SETTINGS_VERSION: u32 = 1;
pub const SETTINGS_FILE: &str = "settings.json";

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// Chart options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartOptions {
    /// Show undated events as their own bar, beside the year axis.
    pub show_undated: bool,
    /// What a value counts (events, articles, share of the year, events per 100 articles).
    pub unit: Unit,
    /// One line per country instead of stacked bars.
    pub lines: bool,
    /// How many countries get their own colour; the rest are "other".
    pub top_n: usize,
    /// Series the user switched off in the legend, by key (country code or `other`).
    pub hidden: BTreeSet<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self {
            show_undated: true,
            unit: Unit::Events,
            lines: false,
            top_n: 8,
            hidden: BTreeSet::new(),
        }
    }
}

/// What the panel under the reader shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BottomTab {
    #[default]
    Chart,
    Concordance,
    DatesToReview,
}

/// Everything the user opened, corrected or configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    /// Files and folders the user added (re-loaded at start).
    pub opened_paths: Vec<PathBuf>,
    /// Paths the user removed from the corpus (kept out when their folder is re-loaded).
    pub removed: BTreeSet<String>,
    /// Published-date corrections by article key; `None` = "no date".
    pub date_corrections: BTreeMap<String, Option<String>>,
    pub filter: Filter,
    pub chart: ChartOptions,
    pub sort: SortKey,
    pub sort_descending: bool,
    pub list_width: f32,
    pub chart_height: f32,
    pub theme: ThemeChoice,
    pub anchor_decades: bool,
    /// Count every copy of a syndicated story ("Count every copy"; by default a story counts
    /// once, from its most complete copy).
    pub count_every_copy: bool,
    /// The tab of the panel under the reader.
    pub bottom_tab: BottomTab,
    /// The chart-focused layout: the chart panel takes most of the window's height.
    pub chart_focus: bool,
    /// The concordance's last term and order.
    pub concordance_term: String,
    pub concordance_sort: ConcordanceSort,
    /// The columns the user chose for article tables whose columns were not clear, by the
    /// table's canonical path.
    pub table_columns: BTreeMap<PathBuf, crate::corpus::table::ColumnChoice>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            opened_paths: Vec::new(),
            removed: BTreeSet::new(),
            date_corrections: BTreeMap::new(),
            filter: Filter::default(),
            chart: ChartOptions::default(),
            sort: SortKey::default(),
            sort_descending: false,
            list_width: 420.0,
            chart_height: 400.0,
            theme: ThemeChoice::default(),
            anchor_decades: false,
            count_every_copy: false,
            bottom_tab: BottomTab::Chart,
            chart_focus: false,
            concordance_term: String::new(),
            concordance_sort: ConcordanceSort::Article,
            table_columns: BTreeMap::new(),
        }
    }
}

/// What happened when the settings were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsLoad {
    /// No file yet: defaults.
    Fresh,
    Loaded,
    /// The file could not be read as settings; it was moved to `backup`.
    Corrupt {
        reason: String,
        backup: PathBuf,
    },
}

impl Settings {
    /// Whether `other` holds the same things the user owns: what was opened and removed, date
    /// corrections, options and choices. (The filter being typed and the panel sizes are not:
    /// they are saved a moment after they stop changing.)
    pub fn same_owned(&self, other: &Settings) -> bool {
        self.opened_paths == other.opened_paths
            && self.removed == other.removed
            && self.date_corrections == other.date_corrections
            && self.chart == other.chart
            && self.sort == other.sort
            && self.sort_descending == other.sort_descending
            && self.theme == other.theme
            && self.anchor_decades == other.anchor_decades
    }

    /// Read settings from `dir/settings.json`. A truncated, garbage or unreadable file gives
    /// defaults and is renamed to `settings.json.bad-<n>` so nothing is lost.
    pub fn load(dir: &Path) -> (Self, SettingsLoad) {
        let path = dir.join(SETTINGS_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Self::default(), SettingsLoad::Fresh);
            }
            Err(e) => return (Self::default(), backup(&path, e.to_string())),
        };
        match serde_json::from_str::<Settings>(&text) {
            Ok(mut s) => {
                s.version = SETTINGS_VERSION;
                (s, SettingsLoad::Loaded)
            }
            Err(e) => (Self::default(), backup(&path, e.to_string())),
        }
    }

    /// Write settings atomically: a temporary file in the same folder, synced, then renamed over
    /// the old one. A crash at any point leaves the last good file.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::atomic_write::write_bytes(&dir.join(SETTINGS_FILE), json.as_bytes())
    }
}

fn backup(path: &Path, reason: String) -> SettingsLoad {
    let mut n = 1;
    let backup = loop {
        let candidate = path.with_extension(format!("json.bad-{n}"));
        if !candidate.exists() || n > 1000 {
            break candidate;
        }
        n += 1;
    };
    let _ = std::fs::rename(path, &backup);
    SettingsLoad::Corrupt { reason, backup }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_every_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Settings::default();
        s.opened_paths.push(PathBuf::from("/tmp/a.txt"));
        s.date_corrections
            .insert("seed:003".into(), Some("2020-09-01".into()));
        s.filter.text = "huawei".into();
        s.chart.unit = Unit::Share;
        s.chart.lines = true;
        s.bottom_tab = BottomTab::Concordance;
        s.theme = ThemeChoice::Dark;
        s.save(dir.path()).unwrap();
        let (back, how) = Settings::load(dir.path());
        assert_eq!(how, SettingsLoad::Loaded);
        assert_eq!(back, s);
    }

    #[test]
    fn garbage_truncated_and_old_files_never_fail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SETTINGS_FILE);
        std::fs::write(&path, "{\"opened_paths\": [\"/a\"], \"filter\": {\"te").unwrap();
        let (s, how) = Settings::load(dir.path());
        assert_eq!(s, Settings::default());
        let SettingsLoad::Corrupt { backup, .. } = how else {
            panic!("expected corrupt: {how:?}")
        };
        assert!(backup.exists(), "the bad file is kept");
        assert!(!path.exists());
        // An old file with fewer fields (and an unknown one) loads what it has.
        std::fs::write(
            &path,
            "{\"version\": 0, \"opened_paths\": [\"/a\"], \"gone\": 3}",
        )
        .unwrap();
        let (s, how) = Settings::load(dir.path());
        assert_eq!(how, SettingsLoad::Loaded);
        assert_eq!(s.opened_paths, vec![PathBuf::from("/a")]);
        assert_eq!(s.chart, ChartOptions::default());
    }

    #[test]
    fn a_crash_during_save_leaves_the_last_good_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Settings::default();
        s.filter.text = "good".into();
        s.save(dir.path()).unwrap();
        // A save that died after writing its temporary file but before the rename:
        std::fs::write(
            dir.path().join(format!("{SETTINGS_FILE}.tmp-99999")),
            "{ half a fi",
        )
        .unwrap();
        let (back, how) = Settings::load(dir.path());
        assert_eq!(how, SettingsLoad::Loaded);
        assert_eq!(back.filter.text, "good");
    }
}
