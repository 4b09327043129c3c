//! The desktop window (eframe/egui). `App` owns the saved `Settings`, the corpus, view caches,
//! the background load and notifications; `logic()` polls background work, `ui()` draws the
//! panels which push [`Command`]s, applied after the frame.

mod chart;
pub mod colors;
pub mod command;
mod frame_timer;
mod list_panel;
pub mod loader;
pub mod notifications;
pub mod picker;
mod reader;
pub mod settings;

use crate::corpus::{ArticleOrigin, parse_user_date, seeds};
use crate::extract::ExtractOptions;
use crate::extract::gazetteer::CountryId;
use crate::query::live_view::{LiveView, Refreshed, ViewRequest};
use crate::query::{ArticleEntry, Corpus, SortKey, YearKey};
pub use command::Command;
use eframe::egui;
use loader::{LoadJob, LoadMsg, article_key};
use notifications::{Level, Notification};
use picker::{FilePicker, PickKind, PickOutcome, RfdPicker};
use settings::{Settings, SettingsLoad, ThemeChoice};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

pub use crate::desktop::APP_ID;
pub const APP_NAME: &str = "Tech Divide Explorer";

/// Problems of one load shown one by one before the rest are summed up.
const PROBLEMS_SHOWN: usize = 5;

/// What the view should show: the corpus at its (version, full version), with the settings'
/// filter and order.
fn view_request<'a>(
    corpus: &'a Corpus,
    settings: &'a Settings,
    (version, full_version): (u64, u64),
    loading: bool,
) -> ViewRequest<'a> {
    ViewRequest {
        corpus,
        filter: &settings.filter,
        sort: (settings.sort, settings.sort_descending),
        version,
        full_version,
        loading,
    }
}

/// The sentences behind a selected bar segment.
pub struct CellSelection {
    pub year: YearKey,
    pub countries: Vec<CountryId>,
    pub events: Vec<(usize, u32)>,
}

/// A pending "save to…" dialog.
enum SaveKind {
    CountsCsv,
    ChartPng,
}

/// The whole application state.
pub struct App {
    pub settings: Settings,
    pub corpus: Corpus,
    /// Bumped on every corpus change so views know to recompute.
    corpus_version: u64,
    /// Bumped on changes other than appending articles (removal, a date correction, options):
    /// those need a full recomputation; appends are merged into the view incrementally.
    corpus_full_version: u64,
    /// The filtered, ordered, aggregated corpus (the core's live view).
    pub view: LiveView,
    pub selected: Option<usize>,
    /// Sentence to scroll to in the reader on the next frame.
    pub scroll_to: Option<u32>,
    pub date_input: String,
    pub date_error: Option<String>,
    pub cell: Option<CellSelection>,
    pub load: Option<LoadJob>,
    pub notifications: Vec<Notification>,
    picker: Box<dyn FilePicker>,
    pick_rx: Option<(PickKind, Receiver<PickOutcome>)>,
    save_rx: Option<(SaveKind, Receiver<PickOutcome>)>,
    pub show_about: bool,
    /// Where settings are saved (None: not saved, e.g. in tests that do not ask for it).
    data_dir: Option<PathBuf>,
    commands: Vec<Command>,
    screenshot: Option<screenshot::Screenshot>,
    pub chart_rect: Option<egui::Rect>,
    pending_chart_png: Option<PathBuf>,
    /// Where a chart image export reports its outcome (the screenshot arrives frames later).
    png_saved: (std::sync::mpsc::Sender<PngSaved>, Receiver<PngSaved>),
    title_shown: String,
    /// A repaint hook for the loader thread.
    ctx: Option<egui::Context>,
    pub focus_filter: bool,
    /// Scroll the list to the selected row on the next frame (keyboard navigation).
    pub scroll_list_to_selection: bool,
    frame_timer: Option<frame_timer::FrameTimer>,
    /// The full analysis of the article in the reader: (row, corpus version, analysis).
    reader_analysis: Option<(usize, u64, crate::extract::Analysis)>,
    /// The chart's series for (view version, options, dark mode).
    chart_cache: Option<(u64, settings::ChartOptions, bool, Arc<chart::ChartData>)>,
    /// Problems reported by the running load so far.
    load_problems: usize,
    /// The re-count running after an option change.
    pub recount: Option<RecountJob>,
    /// The settings as last written to disk (None: not written in this session yet).
    saved: Option<Settings>,
    /// Since when the settings differ from the file (debounces typing and panel drags).
    unsaved_since: Option<std::time::Instant>,
}

/// Settings that changed only in the filter or the panel sizes are written once they have not
/// changed for this long; anything the user owns is written at once.
const SAVE_DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(800);

/// The outcome of a chart image export: the file written, or what went wrong.
type PngSaved = Result<PathBuf, String>;

/// A re-count of the corpus with new extraction options, on a background thread.
pub struct RecountJob {
    pub options: ExtractOptions,
    pub total: usize,
    pub done: Arc<std::sync::atomic::AtomicUsize>,
    cancel: Arc<std::sync::atomic::AtomicBool>,
    rx: Receiver<Option<crate::query::recount::Recounted>>,
}

impl RecountJob {
    /// Entries re-counted so far.
    pub fn progress(&self) -> usize {
        self.done.load(std::sync::atomic::Ordering::Relaxed)
    }
}

mod screenshot;

impl App {
    /// A new app on the seeds plus `paths`, with settings read from `data_dir`.
    pub fn new(
        ctx: Option<egui::Context>,
        paths: Vec<PathBuf>,
        seeds: bool,
        data_dir: Option<PathBuf>,
        picker: Box<dyn FilePicker>,
    ) -> Self {
        let mut notifications = Vec::new();
        let settings = match &data_dir {
            Some(dir) => {
                let (s, how) = Settings::load(dir);
                if let SettingsLoad::Corrupt { reason, backup } = how {
                    notifications.push(Notification {
                        level: Level::Warning,
                        text: format!("Settings could not be read ({reason}); started with defaults. The old file is kept at {}", backup.display()),
                    });
                }
                s
            }
            None => Settings::default(),
        };
        if let Some(dir) = &data_dir
            && let Some(panic) = crate::logfile::take_crash_report(dir)
        {
            notifications.push(Notification {
                level: Level::Error,
                text: format!(
                    "The app stopped unexpectedly last time ({panic}). The log is at {}",
                    dir.join(crate::logfile::LOG_FILE).display()
                ),
            });
        }
        let options = ExtractOptions {
            anchor_decades: settings.anchor_decades,
        };
        let seed_articles = if seeds {
            seeds::seed_articles()
        } else {
            Vec::new()
        };
        let mut app = Self {
            corpus: Corpus {
                entries: Vec::new(),
                options,
            },
            settings,
            corpus_version: 0,
            corpus_full_version: 0,
            view: LiveView::new({
                let ctx = ctx.clone();
                Arc::new(move || {
                    if let Some(c) = &ctx {
                        c.request_repaint();
                    }
                })
            }),
            selected: None,
            scroll_to: None,
            date_input: String::new(),
            date_error: None,
            cell: None,
            load: None,
            notifications,
            picker,
            pick_rx: None,
            save_rx: None,
            show_about: false,
            data_dir,
            commands: Vec::new(),
            screenshot: None,
            chart_rect: None,
            pending_chart_png: None,
            png_saved: std::sync::mpsc::channel(),
            title_shown: String::new(),
            ctx,
            focus_filter: false,
            scroll_list_to_selection: false,
            frame_timer: None,
            reader_analysis: None,
            chart_cache: None,
            load_problems: 0,
            recount: None,
            saved: None,
            unsaved_since: None,
        };
        // The file as it was read: nothing to write until something changes.
        if app.data_dir.is_some() {
            app.saved = Some(app.settings.clone());
        }
        app.report_bad_corrections();
        let corrections = app.corrections();
        for a in seed_articles {
            let corrected = corrections.get(&article_key(&a.origin)).copied();
            app.corpus
                .entries
                .push(Arc::new(ArticleEntry::new(a, corrected, options)));
        }
        app.corpus_version += 1;
        app.corpus_full_version += 1;
        // Paths from earlier runs: a missing one is reported once and forgotten.
        let mut to_load: Vec<PathBuf> = Vec::new();
        let saved = std::mem::take(&mut app.settings.opened_paths);
        for p in saved {
            if p.exists() {
                to_load.push(p);
            } else {
                app.notify(Level::Warning, format!("A file opened in an earlier session is gone and was dropped from the list: {}", p.display()));
            }
        }
        app.settings.opened_paths = to_load.clone();
        for p in paths {
            app.remember_path(&p);
            to_load.push(p);
        }
        if !to_load.is_empty() {
            app.start_load(to_load);
        }
        app.selected = (!app.corpus.is_empty()).then_some(0);
        app.sync_date_input();
        app
    }

    fn remember_path(&mut self, p: &Path) {
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if !self.settings.opened_paths.contains(&abs) {
            self.settings.opened_paths.push(abs);
        }
    }

    /// The user's date corrections that can be read (`None`: "no date"). A saved date that does
    /// not parse is left out, and kept in the settings as it was (see `report_bad_corrections`).
    fn corrections(&self) -> HashMap<String, Option<jiff::civil::Date>> {
        self.settings
            .date_corrections
            .iter()
            .filter_map(|(k, v)| match v.as_deref() {
                None => Some((k.clone(), None)),
                Some(d) => d.parse().ok().map(|d| (k.clone(), Some(d))),
            })
            .collect()
    }

    /// Say which saved date corrections could not be read (a hand-edited settings file): their
    /// articles keep their header dates, and the entries stay in the file untouched.
    fn report_bad_corrections(&mut self) {
        let bad: Vec<String> = self
            .settings
            .date_corrections
            .iter()
            .filter_map(|(k, v)| {
                let d = v.as_deref()?;
                d.parse::<jiff::civil::Date>()
                    .is_err()
                    .then(|| format!("{k} ({d:?})"))
            })
            .collect();
        if !bad.is_empty() {
            self.notify(
                Level::Warning,
                format!(
                    "Saved date corrections that are not dates (YYYY-MM-DD) were not applied; the articles keep their header dates: {}",
                    bad.join(", ")
                ),
            );
        }
    }

    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        crate::logfile::log(&format!("{level:?}: {text}"));
        self.notifications.push(Notification { level, text });
    }

    fn loaded_paths(&self) -> HashSet<PathBuf> {
        self.corpus
            .entries
            .iter()
            .filter_map(|e| e.article.path().map(Path::to_path_buf))
            .collect()
    }

    fn start_load(&mut self, paths: Vec<PathBuf>) {
        if let Some(job) = &self.load {
            job.cancel();
        }
        let ctx = self.ctx.clone();
        let wake = move || {
            if let Some(c) = &ctx {
                c.request_repaint();
            }
        };
        match LoadJob::start(
            paths,
            self.loaded_paths(),
            self.corrections(),
            self.corpus.options,
            wake,
        ) {
            Ok(job) => self.load = Some(job),
            Err(e) => self.notify(Level::Error, format!("Could not start loading: {e}")),
        }
    }

    /// One file of a load could not be read. The first few get a notification each; past that,
    /// one summary notification counts the rest (all are in the log), so a folder with hundreds
    /// of bad files does not bury the window.
    fn report_problem(&mut self, problem: String) {
        self.load_problems += 1;
        if self.load_problems <= PROBLEMS_SHOWN {
            self.notify(Level::Warning, format!("Skipped {problem}"));
        } else {
            crate::logfile::log(&format!("Warning: Skipped {problem}"));
        }
    }

    fn finish_problem_summary(&mut self) {
        if self.load_problems > PROBLEMS_SHOWN {
            let more = self.load_problems - PROBLEMS_SHOWN;
            let log = self.data_dir.as_ref().map_or_else(
                || "run from a terminal to see them on stderr".to_string(),
                |d| {
                    format!(
                        "all are listed in {}",
                        d.join(crate::logfile::LOG_FILE).display()
                    )
                },
            );
            self.notify(
                Level::Warning,
                format!("… and {more} more files were skipped; {log}"),
            );
        }
        self.load_problems = 0;
    }

    /// Is a load running?
    pub fn is_loading(&self) -> bool {
        self.load.is_some()
    }

    /// Apply background results: loaded batches, dialog answers.
    pub fn poll_background(&mut self) {
        if let Some(job) = &mut self.load {
            let msgs = job.poll();
            let finished = msgs.is_none();
            let mut done_now = finished;
            for m in msgs.unwrap_or_default() {
                match m {
                    LoadMsg::Started { .. } => {}
                    LoadMsg::Batch {
                        entries, problems, ..
                    } => {
                        for p in problems {
                            self.report_problem(p.to_string());
                        }
                        let removed = &self.settings.removed;
                        let kept: Vec<ArticleEntry> = entries
                            .into_iter()
                            .filter(|e| !removed.contains(&article_key(&e.article.origin)))
                            .collect();
                        if !kept.is_empty() {
                            let stale = kept.iter().any(|e| e.options != self.corpus.options);
                            self.corpus.entries.extend(kept.into_iter().map(Arc::new));
                            self.corpus_version += 1;
                            // Analysed before an option change: re-counted in the background.
                            if stale && self.recount.is_none() {
                                self.start_recount();
                            }
                        }
                    }
                    LoadMsg::Finished { cancelled } => {
                        self.finish_problem_summary();
                        if cancelled {
                            self.notifications.push(Notification {
                                level: Level::Info,
                                text: "Loading cancelled; the files loaded so far stay.".into(),
                            });
                        }
                        done_now = true;
                    }
                }
            }
            if done_now {
                self.load = None;
            }
            if self.selected.is_none() && !self.corpus.is_empty() {
                self.selected = Some(0);
                self.sync_date_input();
            }
        }
        if let Some((kind, rx)) = &self.pick_rx
            && let Ok(outcome) = rx.try_recv()
        {
            let kind = *kind;
            self.pick_rx = None;
            match outcome {
                    PickOutcome::Picked(paths) => self.commands.push(Command::OpenPaths(paths)),
                    PickOutcome::Cancelled => {}
                    PickOutcome::Unavailable => self.notify(
                        Level::Warning,
                        format!(
                            "No file dialog is available on this desktop (no xdg-desktop-portal). To add {}, drag them onto the window or pass them on the command line: techdivide FILE…",
                            if kind == PickKind::Folder { "a folder" } else { "files" }
                        ),
                    ),
                }
        }
        if let Some((_, rx)) = &self.save_rx
            && let Ok(outcome) = rx.try_recv()
        {
            let Some((kind, _)) = self.save_rx.take() else {
                return;
            };
            let path = match outcome {
                PickOutcome::Picked(mut p) => p.pop(),
                PickOutcome::Cancelled => None,
                PickOutcome::Unavailable => {
                    let dir = self.data_dir.clone().unwrap_or_else(|| PathBuf::from("."));
                    let name = match kind {
                        SaveKind::CountsCsv => "chart-counts.csv",
                        SaveKind::ChartPng => "chart.png",
                    };
                    Some(dir.join(name))
                }
            };
            if let Some(path) = path {
                match kind {
                    SaveKind::CountsCsv => self.save_counts(&path),
                    SaveKind::ChartPng => self.pending_chart_png = Some(path),
                }
            }
        }
    }

    fn save_counts(&mut self, path: &Path) {
        match crate::export::export_counts(&self.view.result.counts, path) {
            Ok(()) => self.notify(
                Level::Info,
                format!("Chart numbers saved: {}", path.display()),
            ),
            Err(e) => self.notify(
                Level::Error,
                format!("Could not save the chart numbers: {e}"),
            ),
        }
    }

    /// Bring the list and the chart up to the filter and the corpus (the core decides whether to
    /// merge, recompute or compute in the background).
    pub fn refresh_view(&mut self) {
        let started = std::time::Instant::now();
        let req = view_request(
            &self.corpus,
            &self.settings,
            (self.corpus_version, self.corpus_full_version),
            self.load.is_some(),
        );
        match self.view.refresh(&req) {
            Ok(Refreshed::Updated) => {
                if let Some(t) = &mut self.frame_timer {
                    t.refresh(started.elapsed());
                }
                self.reselect_cell();
            }
            Ok(Refreshed::Unchanged) => {}
            Err(e) => self.notify(Level::Error, format!("Could not start filtering: {e}")),
        }
    }

    /// A finished background refresh: installed if it is still what the user asked for.
    fn poll_search(&mut self) {
        let req = view_request(
            &self.corpus,
            &self.settings,
            (self.corpus_version, self.corpus_full_version),
            self.load.is_some(),
        );
        if self.view.poll(&req) == Refreshed::Updated {
            self.reselect_cell();
        }
    }

    /// The selected bar segment's sentences, again for the new rows.
    fn reselect_cell(&mut self) {
        if let Some(cell) = &self.cell {
            let (year, countries) = (cell.year, cell.countries.clone());
            self.select_cell(year, countries);
        }
    }

    /// Is a background filter running?
    pub fn is_searching(&self) -> bool {
        self.view.is_computing()
    }

    /// Put the list in the order the settings ask for.
    pub fn resort(&mut self) {
        self.view.resort(
            &self.corpus,
            (self.settings.sort, self.settings.sort_descending),
        );
    }

    fn select_cell(&mut self, year: YearKey, countries: Vec<CountryId>) {
        let mut events = Vec::new();
        for c in &countries {
            events.extend(self.settings.filter.events_in_cell(
                &self.corpus,
                &self.view.result.rows,
                year,
                *c,
            ));
        }
        events.sort_unstable();
        events.dedup();
        self.cell = Some(CellSelection {
            year,
            countries,
            events,
        });
    }

    fn sync_date_input(&mut self) {
        self.date_error = None;
        self.date_input = self
            .selected
            .and_then(|i| self.corpus.entries.get(i))
            .and_then(|e| e.published())
            .map(|d| d.to_string())
            .unwrap_or_default();
    }

    /// Apply one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenPaths(paths) => {
                for p in &paths {
                    self.remember_path(p);
                    let key = std::fs::canonicalize(p)
                        .unwrap_or_else(|_| p.clone())
                        .display()
                        .to_string();
                    self.settings.removed.remove(&key);
                }
                self.start_load(paths);
            }
            Command::PickFiles => {
                self.pick_rx = Some((PickKind::Files, self.picker.pick(PickKind::Files)))
            }
            Command::PickFolder => {
                self.pick_rx = Some((PickKind::Folder, self.picker.pick(PickKind::Folder)))
            }
            Command::SelectArticle(row) => {
                if row < self.corpus.len() {
                    self.selected = Some(row);
                    self.scroll_to = None;
                    self.sync_date_input();
                }
            }
            Command::OpenSentence { row, sentence } => {
                if row < self.corpus.len() {
                    self.selected = Some(row);
                    self.scroll_to = Some(sentence);
                    self.sync_date_input();
                }
            }
            Command::RemoveArticle(row) => {
                if let Some(entry) = self.corpus.remove(row) {
                    let key = article_key(&entry.article.origin);
                    if let ArticleOrigin::File(p) = &entry.article.origin {
                        self.settings.opened_paths.retain(|o| o != p);
                    }
                    self.settings.removed.insert(key);
                    self.corpus_version += 1;
                    self.corpus_full_version += 1;
                    self.cell = None;
                    self.selected = if self.corpus.is_empty() {
                        None
                    } else {
                        Some(row.min(self.corpus.len() - 1))
                    };
                    self.sync_date_input();
                    self.notify(
                        Level::Info,
                        format!("Removed from the corpus: {}", entry.article.meta.title),
                    );
                }
            }
            Command::SetPublished { row, date } => {
                if let Some(entry) = self.corpus.entries.get(row) {
                    let key = article_key(&entry.article.origin);
                    self.settings
                        .date_corrections
                        .insert(key, date.map(|d| d.to_string()));
                    self.corpus.set_published(row, Some(date));
                    self.corpus_version += 1;
                    self.corpus_full_version += 1;
                    self.sync_date_input();
                }
            }
            Command::ResetPublished(row) => {
                if let Some(entry) = self.corpus.entries.get(row) {
                    let key = article_key(&entry.article.origin);
                    self.settings.date_corrections.remove(&key);
                    self.corpus.set_published(row, None);
                    self.corpus_version += 1;
                    self.corpus_full_version += 1;
                    self.sync_date_input();
                }
            }
            Command::SelectCell { year, countries } => self.select_cell(year, countries),
            Command::ToggleCountry(code) => {
                let set = &mut self.settings.filter.countries;
                if !set.remove(&code) {
                    set.insert(code);
                }
            }
            Command::CancelLoad => {
                if let Some(job) = &self.load {
                    job.cancel();
                }
            }
            Command::ExportCountsCsv => {
                self.save_rx = Some((
                    SaveKind::CountsCsv,
                    self.picker.pick(PickKind::Save("chart-counts.csv")),
                ))
            }
            Command::ExportChartPng => {
                self.save_rx = Some((
                    SaveKind::ChartPng,
                    self.picker.pick(PickKind::Save("chart.png")),
                ))
            }
            Command::DismissNotification(i) => {
                if i < self.notifications.len() {
                    self.notifications.remove(i);
                }
            }
            Command::DismissAllNotifications => self.notifications.clear(),
            Command::SetFilter(filter) => self.settings.filter = filter,
            Command::SortBy(key) => {
                if self.settings.sort == key {
                    self.settings.sort_descending = !self.settings.sort_descending;
                } else {
                    self.settings.sort = key;
                    self.settings.sort_descending = matches!(key, SortKey::Events);
                }
                self.resort();
            }
            Command::SetChart(options) => self.settings.chart = options,
            Command::CloseCell => self.cell = None,
            Command::SubmitDate(row) => self.submit_date(row),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SetAnchorDecades(on) => {
                self.settings.anchor_decades = on;
                self.corpus.options = ExtractOptions { anchor_decades: on };
                self.start_recount();
            }
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::SetLayout {
                list_width,
                chart_height,
            } => {
                self.settings.list_width = list_width;
                self.settings.chart_height = chart_height;
            }
        }
    }

    /// Re-count every entry analysed with other options than the corpus's, on a background
    /// thread; a re-count already running is cancelled (its options are no longer wanted).
    fn start_recount(&mut self) {
        if let Some(job) = self.recount.take() {
            job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let stale = self.corpus.stale_entries();
        if stale.is_empty() {
            return;
        }
        let options = self.corpus.options;
        let total = stale.len();
        let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        let (job_done, job_cancel) = (Arc::clone(&done), Arc::clone(&cancel));
        let spawned = std::thread::Builder::new()
            .name("techdivide-recount".into())
            .spawn(move || {
                let _ = tx.send(crate::query::recount::recount(
                    stale,
                    options,
                    &job_done,
                    &job_cancel,
                ));
                if let Some(c) = ctx {
                    c.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.recount = Some(RecountJob {
                    options,
                    total,
                    done,
                    cancel,
                    rx,
                })
            }
            Err(e) => self.notify(Level::Error, format!("Could not start re-counting: {e}")),
        }
    }

    /// A finished re-count: install it, then re-count what a load added meanwhile.
    fn poll_recount(&mut self) {
        let Some(job) = &self.recount else { return };
        let Ok(outcome) = job.rx.try_recv() else {
            return;
        };
        let options = job.options;
        self.recount = None;
        if let Some(recounted) = outcome
            && options == self.corpus.options
        {
            if self.corpus.install_recounted(recounted) > 0 {
                self.corpus_version += 1;
                self.corpus_full_version += 1;
            }
            if !self.corpus.stale_entries().is_empty() {
                self.start_recount();
            }
        }
    }

    /// Write the settings when they changed: at once for what the user owns (a date
    /// correction, an opened or removed file, an option), a moment after the last change for
    /// the filter being typed and the panel sizes. A crash or a kill afterwards loses nothing.
    fn persist_settings(&mut self) {
        if self.data_dir.is_none() {
            return;
        }
        if self.saved.as_ref() == Some(&self.settings) {
            self.unsaved_since = None;
            return;
        }
        let now = std::time::Instant::now();
        let owned = self
            .saved
            .as_ref()
            .is_none_or(|s| !s.same_owned(&self.settings));
        let since = *self.unsaved_since.get_or_insert(now);
        if owned || now.duration_since(since) >= SAVE_DEBOUNCE {
            self.save_settings();
        } else if let Some(ctx) = &self.ctx {
            ctx.request_repaint_after(SAVE_DEBOUNCE);
        }
    }

    /// Validate the date field and send the correction.
    pub fn submit_date(&mut self, row: usize) {
        let input = self.date_input.trim().to_string();
        if input.is_empty() || input.eq_ignore_ascii_case("undated") {
            self.apply(Command::SetPublished { row, date: None });
            return;
        }
        match parse_user_date(&input) {
            Ok(d) => self.apply(Command::SetPublished { row, date: Some(d) }),
            Err(e) => self.date_error = Some(e),
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let pref = match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        };
        ctx.set_theme(pref);
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        let (ctrl_o, ctrl_f, up, down) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::O),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
            )
        });
        if ctrl_o {
            self.commands.push(Command::PickFiles);
        }
        if ctrl_f {
            self.focus_filter = true;
        }
        let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        if (up || down) && !typing && !self.view.sorted.is_empty() {
            let pos = self
                .selected
                .and_then(|s| self.view.sorted.iter().position(|&r| r == s));
            let next = match (pos, down) {
                (None, _) => 0,
                (Some(p), true) => (p + 1).min(self.view.sorted.len() - 1),
                (Some(p), false) => p.saturating_sub(1),
            };
            let row = self.view.sorted[next];
            self.scroll_list_to_selection = true;
            self.commands.push(Command::SelectArticle(row));
        }
        // Files dropped on the window.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::OpenPaths(dropped));
        }
    }

    /// The window title: app name and corpus size.
    pub fn window_title(&self) -> String {
        format!(
            "{APP_NAME} — {} articles, {} events",
            self.corpus.len(),
            self.view.corpus_events
        )
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open files…  (Ctrl+O)").clicked() {
                    self.commands.push(Command::PickFiles);
                }
                if ui.button("Open folder…").clicked() {
                    self.commands.push(Command::PickFolder);
                }
                ui.separator();
                if ui.button("Export chart numbers (CSV)…").clicked() {
                    self.commands.push(Command::ExportCountsCsv);
                }
                if ui.button("Export chart image (PNG)…").clicked() {
                    self.commands.push(Command::ExportChartPng);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                let mut theme = self.settings.theme;
                ui.radio_value(&mut theme, ThemeChoice::System, "Follow the system");
                ui.radio_value(&mut theme, ThemeChoice::Light, "Light");
                ui.radio_value(&mut theme, ThemeChoice::Dark, "Dark");
                if theme != self.settings.theme {
                    self.commands.push(Command::SetTheme(theme));
                }
                ui.separator();
                let mut decades = self.settings.anchor_decades;
                if ui
                    .checkbox(&mut decades, "Anchor decades at their first year")
                    .changed()
                {
                    self.commands.push(Command::SetAnchorDecades(decades));
                }
            });
            if ui.button("About / How events are counted").clicked() {
                self.commands.push(Command::ToggleAbout);
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let r = &self.view.result;
            ui.label(format!(
                "{} of {} articles · {} events shown · {} in corpus",
                r.rows.len(),
                self.corpus.len(),
                r.total_events(),
                self.view.corpus_events
            ));
            if let Some(job) = &self.load {
                ui.separator();
                let frac = if job.total == 0 {
                    0.0
                } else {
                    job.done as f32 / job.total as f32
                };
                ui.add(
                    egui::ProgressBar::new(frac)
                        .desired_width(220.0)
                        .text(format!("Loading {} / {}", job.done, job.total)),
                )
                .accessible_name("Loading progress");
                let name = Path::new(&job.current)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.weak(name);
                if ui.button("Cancel loading").clicked() {
                    self.commands.push(Command::CancelLoad);
                }
            }
            if let Some(job) = &self.recount {
                ui.separator();
                let frac = job.progress() as f32 / job.total.max(1) as f32;
                ui.add(
                    egui::ProgressBar::new(frac)
                        .desired_width(220.0)
                        .text(format!("Re-counting {} / {}", job.progress(), job.total)),
                )
                .accessible_name("Re-counting progress");
            }
            if !self.notifications.is_empty() {
                ui.separator();
                ui.label(format!("{} notifications", self.notifications.len()));
            }
        });
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_about;
        egui::Window::new("About Tech Divide Explorer").open(&mut open).default_width(520.0).show(ctx, |ui| {
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label("Reads news articles and charts how many events each country has per year.");
            ui.separator();
            ui.heading("How events are counted");
            ui.label(
                "Every body sentence that mentions a country (its name, an alias such as U.S., a demonym such as Chinese, \
                 its capital when it stands for the government, or a listed institution such as the Kremlin) is an event \
                 for each year it is about: explicit years (in 2019), relative expressions resolved against the \
                 publication date (last year, in July), else the publication year, else undated. One sentence counts once \
                 per country and year. Companies, regions and languages are not countries.",
            );
            egui::CollapsingHeader::new("The full rules (docs/EVENTS.md)").show(ui, |ui| {
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    ui.label(include_str!("../../docs/EVENTS.md"));
                });
            });
            ui.separator();
            if let Some(dir) = &self.data_dir {
                ui.label(format!("Settings: {}", dir.join(settings::SETTINGS_FILE).display()));
                ui.label(format!("Log: {}", dir.join(crate::logfile::LOG_FILE).display()));
            } else {
                ui.label("Settings and log: not saved in this session");
            }
            ui.label("Licence: MIT OR Apache-2.0");
        });
        self.show_about = open;
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        self.poll_background();
        self.poll_search();
        self.poll_recount();
        self.refresh_view();
        self.persist_settings();
        if self.load.is_some()
            || self.pick_rx.is_some()
            || self.save_rx.is_some()
            || self.view.is_computing()
            || self.recount.is_some()
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let title = self.window_title();
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
        self.apply_theme(ctx);
        if let Some(path) = self.pending_chart_png.take() {
            screenshot::save_chart_png(ctx, self.chart_rect, path, self.png_saved.0.clone());
        }
        while let Ok(outcome) = self.png_saved.1.try_recv() {
            match outcome {
                Ok(path) => self.notify(
                    Level::Info,
                    format!("Chart image saved: {}", path.display()),
                ),
                Err(e) => self.notify(Level::Error, e),
            }
        }
        // The screenshot shows every part at work: the largest dated bar segment is selected
        // so its sentences are listed under the chart.
        if self.screenshot.is_some() && self.load.is_none() && self.cell.is_none() {
            let biggest = self
                .view
                .result
                .counts
                .iter()
                .filter(|((y, _), _)| matches!(y, YearKey::Year(_)))
                .max_by_key(|(_, n)| **n)
                .map(|((y, c), _)| (*y, *c));
            if let Some((year, country)) = biggest {
                self.select_cell(year, vec![country]);
            }
        }
        if let Some(shot) = &mut self.screenshot {
            shot.step(ctx, self.load.is_some());
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame_started = std::time::Instant::now();
        self.ui_inner(ui);
        let loading = self.load.is_some();
        if let Some(t) = &mut self.frame_timer {
            t.frame(frame_started.elapsed(), loading);
        }
    }

    fn on_exit(&mut self) {
        if let Some(t) = &self.frame_timer {
            eprintln!("{}", t.summary());
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }
}

impl App {
    fn ui_inner(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_keys(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        let list = egui::Panel::left("articles")
            .resizable(true)
            .default_size(self.settings.list_width)
            .min_size(280.0)
            .show(ui, |ui| list_panel::list_panel_ui(self, ui));
        let list_width = list.response.rect.width();
        let chart = egui::Panel::bottom("chart")
            .resizable(true)
            .default_size(self.settings.chart_height)
            .min_size(160.0)
            .show(ui, |ui| chart::chart_panel_ui(self, ui));
        let chart_height = chart.response.rect.height();
        if (list_width - self.settings.list_width).abs() > 0.5
            || (chart_height - self.settings.chart_height).abs() > 0.5
        {
            self.commands.push(Command::SetLayout {
                list_width,
                chart_height,
            });
        }
        egui::CentralPanel::default().show(ui, |ui| reader::reader_ui(self, ui));
        self.about_ui(&ctx);
        let mut commands = std::mem::take(&mut self.commands);
        notifications::notifications_ui(ui, &self.notifications, &mut commands);
        for c in commands {
            self.apply(c);
        }
        self.refresh_view();
        self.persist_settings();
    }
}

impl App {
    /// Write the settings file now (also done by eframe at intervals and on exit).
    pub fn save_settings(&mut self) {
        let Some(dir) = &self.data_dir else { return };
        match self.settings.save(dir) {
            Ok(()) => {
                self.saved = Some(self.settings.clone());
                self.unsaved_since = None;
            }
            Err(e) => {
                let text = format!("Could not save settings ({e}): {}", dir.display());
                if !self.notifications.iter().any(|n| n.text == text) {
                    self.notify(Level::Error, text);
                }
            }
        }
    }

    /// Run the pending commands (tests call this after pushing commands directly).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// The data folder for settings (and logs): eframe's storage dir for this app.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("TECHDIVIDE_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir(APP_ID))
}

/// Open the window. Returns the process exit code.
pub fn run(args: crate::cli::Args) -> i32 {
    let started = std::time::Instant::now();
    let screenshot_path = args.screenshot.clone();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(APP_NAME)
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = crate::desktop::window_icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: screenshot_path.is_none(),
        ..Default::default()
    };
    let paths = args.paths.clone();
    let seeds = !args.no_seeds;
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let dir = if screenshot_path.is_some() {
                None
            } else {
                data_dir()
            };
            if let Some(d) = &dir
                && let Err(e) = crate::logfile::init(d)
            {
                eprintln!("techdivide: cannot write the log ({e}): {}", d.display());
            }
            let mut app = App::new(
                Some(cc.egui_ctx.clone()),
                paths,
                seeds,
                dir,
                Box::new(RfdPicker),
            );
            app.frame_timer = frame_timer::FrameTimer::from_env(started);
            if let Some(path) = screenshot_path {
                app.screenshot = Some(screenshot::Screenshot::new(path));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "techdivide: could not open the window ({e}). Use --export or --counts to run without a display."
            );
            1
        }
    }
}
