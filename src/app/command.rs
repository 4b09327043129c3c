//! Everything the user can ask for, as data: panels push commands while drawing, the app applies
//! them after the frame (one place that changes state).

use crate::extract::gazetteer::CountryId;
use crate::query::YearKey;
use std::path::PathBuf;

#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add files or folders to the corpus (dialog, drag-and-drop, command line).
    OpenPaths(Vec<PathBuf>),
    /// Show the "open files" dialog.
    PickFiles,
    /// Show the "open folder" dialog.
    PickFolder,
    SelectArticle(usize),
    /// Select an article and scroll the reader to one of its sentences.
    OpenSentence {
        row: usize,
        sentence: u32,
    },
    RemoveArticle(usize),
    /// Correct the published date of an article (`None` = no date); `Reset` drops a correction.
    SetPublished {
        row: usize,
        date: Option<jiff::civil::Date>,
    },
    ResetPublished(usize),
    /// List the sentences behind one bar segment (several countries for "other").
    SelectCell {
        year: YearKey,
        countries: Vec<CountryId>,
    },
    ToggleCountry(String),
    CancelLoad,
    ExportCountsCsv,
    ExportChartPng,
    DismissNotification(usize),
    DismissAllNotifications,
}
