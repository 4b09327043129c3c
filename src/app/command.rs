//! Everything the user can ask for, as data: panels push commands while drawing, the app applies
//! them after the frame (one place that changes state).

use super::settings::{BottomTab, ChartOptions, ThemeChoice};
use crate::extract::gazetteer::CountryId;
use crate::query::concordance::ConcordanceSort;
use crate::query::{Filter, SortKey, YearKey};
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
    /// The filter as the user edited it (text, years, checkboxes).
    SetFilter(Filter),
    /// Sort the list by this key; the active key again flips the direction.
    SortBy(SortKey),
    /// The chart's options as the user set them (undated bar, share, countries shown, legend).
    SetChart(ChartOptions),
    /// Close the list of sentences behind a bar segment.
    CloseCell,
    /// Check the date field of this row and correct its date (or say what is wrong).
    SubmitDate(usize),
    SetTheme(ThemeChoice),
    /// Anchor decades at their first year: re-counts the corpus in the background.
    SetAnchorDecades(bool),
    /// Count every copy of a story (`true`) or each story once (`false`).
    SetCountEveryCopy(bool),
    ToggleAbout,
    /// Empty the analysis cache (About panel): the next start reads every file again.
    ClearCache,
    /// The panels' sizes after the user dragged a divider.
    SetLayout {
        list_width: f32,
        chart_height: f32,
    },
    CancelLoad,
    /// Export the whole corpus's event or article table (asks where).
    ExportTable(super::table_exports::TableKind),
    /// Load an article table with the columns the user chose in the mapping dialog (kept in
    /// the settings for the next start).
    LoadTableWithColumns {
        path: PathBuf,
        choice: crate::corpus::table::ColumnChoice,
    },
    /// Close the mapping dialog of a table without loading it.
    CloseColumnDialog(PathBuf),
    /// Show only these years in the chart (`None`: every year).
    ZoomChart(Option<(i16, i16)>),
    /// Show this tab under the reader.
    SetBottomTab(BottomTab),
    /// The chart-focused layout on or off.
    SetChartFocus(bool),
    /// List every occurrence of a word or phrase in the filtered articles.
    SearchConcordance(String),
    SortConcordance(ConcordanceSort),
    /// Open an article with one occurrence (a byte range of its text) shaded and scrolled to.
    OpenOccurrence {
        row: usize,
        span: std::ops::Range<usize>,
    },
    ExportConcordanceCsv,
    ExportCountsCsv,
    ExportChartPng,
    DismissNotification(usize),
    DismissAllNotifications,
}
