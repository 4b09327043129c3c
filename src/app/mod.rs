//! The desktop window (eframe/egui): the `App` state, its start-up and the eframe glue. Each
//! concern lives in its own file: `apply` (commands), `loading`, `dialogs`, `view_sync` (the
//! core's live view), `recount`, `persist` (settings on disk), `menus`, and the panels
//! `list_panel`, `reader` and `chart`, which draw and push [`Command`]s.

mod apply;
mod bottom_panel;
mod cache;
mod chart;
pub mod colors;
mod column_dialog;
pub mod command;
mod concordance;
mod copies;
mod dates_review;
mod dialogs;
mod frame_timer;
mod list_panel;
mod loading;
mod manifests;
mod menus;
pub mod notifications;
mod persist;
pub mod picker;
mod reader;
mod recount;
mod screenshot;
pub mod settings;
mod table_exports;
mod view_sync;

use crate::cache::AnalysisCache;
use crate::corpus::article_key;
use crate::corpus::{ArticleOrigin, parse_user_date};
use crate::extract::ExtractOptions;
use crate::extract::gazetteer::CountryId;
use crate::query::live_view::{LiveView, Refreshed, ViewRequest};
use crate::query::{ArticleEntry, Corpus, SortKey, YearKey};
use crate::query::{DateCorrection, LoadJob, LoadMsg};
pub use command::Command;
use eframe::egui;
use notifications::{Level, Notification};
use picker::{FilePicker, PickKind, PickOutcome, RfdPicker};
pub use recount::RecountJob;
use settings::{Settings, SettingsLoad, ThemeChoice};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

pub use crate::desktop::APP_ID;
pub const APP_NAME: &str = "Tech Divide Explorer";

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
    ConcordanceCsv,
    /// The whole corpus's event or article table (CSV, JSON or Parquet by the file's name).
    Table(table_exports::TableKind),
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
    /// Manifests of the window's exports, written in the background.
    /// Event and article tables written on a background thread: what was written, or why not.
    table_saved: (
        std::sync::mpsc::Sender<table_exports::TableSaved>,
        Receiver<table_exports::TableSaved>,
    ),
    manifest_done: (
        std::sync::mpsc::Sender<manifests::ManifestDone>,
        Receiver<manifests::ManifestDone>,
    ),
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
    /// When writing the settings last failed (writes are retried every few seconds).
    save_failed_at: Option<std::time::Instant>,
    /// The analysis cache loads read from and write to (shared with the running load).
    pub(super) cache: Option<Arc<AnalysisCache>>,
    /// The search for syndicated copies after a load.
    copies_job: Option<copies::CopiesJob>,
    /// Articles removed this session (a running search for copies is then out of date).
    removals: u64,
    /// The chart's year range when zoomed in (None: every year).
    pub chart_zoom: Option<(i16, i16)>,
    /// Where a drag across the chart started (plot x), while it lasts.
    chart_drag_from: Option<f64>,
    /// The concordance's lines and search.
    pub concordance: concordance::ConcordanceView,
    /// A concordance occurrence shaded in the reader: (row, byte range of its text).
    pub reader_mark: Option<(usize, std::ops::Range<usize>)>,
    /// Scroll the reader to `reader_mark` on the next frame.
    scroll_to_mark: bool,
    /// Date suggestions for undated articles, worked out as they are shown.
    suggestions: dates_review::Suggestions,
    /// Article tables waiting for the user to say which column is which (the first is shown).
    pub column_dialogs: Vec<column_dialog::ColumnDialog>,
    /// Paths opened while a load was running: loaded when it finishes.
    queued_loads: Vec<PathBuf>,
}

/// The outcome of a chart image export: the file written, or what went wrong.
type PngSaved = Result<PathBuf, String>;

impl App {
    /// A new app on the seeds plus `paths`, with settings read from `data_dir` (no analysis
    /// cache: tests and sessions that must not touch the user's cache).
    pub fn new(
        ctx: Option<egui::Context>,
        paths: Vec<PathBuf>,
        seeds: bool,
        data_dir: Option<PathBuf>,
        picker: Box<dyn FilePicker>,
    ) -> Self {
        Self::with_cache(ctx, paths, seeds, data_dir, picker, None)
    }

    /// [`App::new`] with an analysis cache that every load reads from and writes to.
    pub fn with_cache(
        ctx: Option<egui::Context>,
        paths: Vec<PathBuf>,
        seeds: bool,
        data_dir: Option<PathBuf>,
        picker: Box<dyn FilePicker>,
        cache: Option<AnalysisCache>,
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
        let mut app = Self {
            corpus: Corpus {
                options,
                keep_copies: settings.count_every_copy,
                ..Corpus::default()
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
            manifest_done: std::sync::mpsc::channel(),
            table_saved: std::sync::mpsc::channel(),
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
            save_failed_at: None,
            cache: cache.map(Arc::new),
            copies_job: None,
            removals: 0,
            chart_zoom: None,
            chart_drag_from: None,
            concordance: concordance::ConcordanceView::default(),
            reader_mark: None,
            scroll_to_mark: false,
            suggestions: dates_review::Suggestions::default(),
            column_dialogs: Vec::new(),
            queued_loads: Vec::new(),
        };
        // The file as it was read: nothing to write until something changes.
        if app.data_dir.is_some() {
            app.saved = Some(app.settings.clone());
        }
        app.report_bad_corrections();
        if seeds {
            let corrections = app.corrections();
            app.corpus.entries = crate::query::seed_entries(options, &|a| {
                corrections.get(&article_key(&a.origin)).copied()
            });
            app.corpus.find_copies();
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

    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        crate::logfile::log(&format!("{level:?}: {text}"));
        self.notifications.push(Notification { level, text });
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        self.poll_background();
        self.poll_dialogs();
        self.poll_search();
        self.poll_recount();
        self.poll_copies();
        self.poll_manifests();
        self.concordance
            .poll(&self.corpus, self.settings.concordance_sort);
        // The concordance reopens on its last term once the articles are in.
        if self.concordance.searched_version.is_none()
            && self.settings.bottom_tab == settings::BottomTab::Concordance
            && !self.settings.concordance_term.trim().is_empty()
            && self.load.is_none()
        {
            self.commands.push(Command::SearchConcordance(
                self.settings.concordance_term.clone(),
            ));
        }
        self.refresh_view();
        self.persist_settings();
        if self.load.is_some()
            || self.pick_rx.is_some()
            || self.save_rx.is_some()
            || self.view.is_computing()
            || self.recount.is_some()
            || self.copies_job.is_some()
            || self.concordance.is_searching()
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
        self.poll_table_exports();
        while let Ok(outcome) = self.png_saved.1.try_recv() {
            match outcome {
                Ok(path) => {
                    self.write_manifest_for(techdivide_core::manifest::ExportKind::ChartPng, &path);
                    self.notify(
                        Level::Info,
                        format!("Chart image saved: {}", path.display()),
                    )
                }
                Err(e) => self.notify(Level::Error, e),
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
        let mut panel = egui::Panel::bottom("chart")
            .resizable(!self.settings.chart_focus)
            .default_size(self.settings.chart_height)
            .min_size(200.0);
        if self.settings.chart_focus {
            // The chart-focused layout: the reader keeps a strip, the chart the rest.
            panel = panel.exact_size((ui.available_height() - 140.0).max(200.0));
        }
        let chart = panel.show(ui, |ui| bottom_panel::bottom_panel_ui(self, ui));
        let chart_height = if self.settings.chart_focus {
            self.settings.chart_height
        } else {
            chart.response.rect.height()
        };
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
        column_dialog::column_dialog_ui(self, &ctx);
        let mut commands = std::mem::take(&mut self.commands);
        notifications::notifications_ui(ui, &self.notifications, &mut commands);
        for c in commands {
            self.apply(c);
        }
        self.refresh_view();
        self.persist_settings();
    }
}

impl App {}

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
            let cache = match crate::cache::AnalysisCache::open_default() {
                Ok(c) => {
                    if let Some(why) = c.rebuilt() {
                        crate::logfile::log(&format!(
                            "Warning: the analysis cache could not be read ({why}); it was rebuilt"
                        ));
                    }
                    Some(c)
                }
                Err(e) => {
                    crate::logfile::log(&format!(
                        "Warning: running without the analysis cache: {e}"
                    ));
                    None
                }
            };
            let mut app = App::with_cache(
                Some(cc.egui_ctx.clone()),
                paths,
                seeds,
                dir,
                Box::new(RfdPicker),
                cache,
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
