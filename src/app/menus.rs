//! The menu bar, the status bar, the About window, keyboard shortcuts and the theme.

use super::*;
use cache::human_bytes;
use table_exports::TableKind;

impl App {
    pub(super) fn apply_theme(&self, ctx: &egui::Context) {
        let pref = match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        };
        ctx.set_theme(pref);
    }

    pub(super) fn handle_keys(&mut self, ctx: &egui::Context) {
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

    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open files…  (Ctrl+O)").clicked() {
                    self.commands.push(Command::PickFiles);
                }
                if ui.button("Open folder…").clicked() {
                    self.commands.push(Command::PickFolder);
                }
                ui.separator();
                if ui
                    .button("Export chart numbers (CSV or Parquet)…")
                    .clicked()
                {
                    self.commands.push(Command::ExportCountsCsv);
                }
                if ui
                    .button("Export all events (CSV, JSON or Parquet)…")
                    .clicked()
                {
                    self.commands.push(Command::ExportTable(TableKind::Events));
                }
                if ui
                    .button("Export the article table (CSV, JSON or Parquet)…")
                    .clicked()
                {
                    self.commands
                        .push(Command::ExportTable(TableKind::Articles));
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
                let mut every = self.settings.count_every_copy;
                if ui
                    .checkbox(&mut every, "Count every copy")
                    .on_hover_text("Count each copy of a syndicated story as its own article")
                    .changed()
                {
                    self.commands.push(Command::SetCountEveryCopy(every));
                }
                ui.separator();
                let mut focus = self.settings.chart_focus;
                if ui
                    .checkbox(&mut focus, "Chart focus")
                    .on_hover_text("Give the chart panel most of the window's height")
                    .changed()
                {
                    self.commands.push(Command::SetChartFocus(focus));
                }
                for (tab, name) in [
                    (super::settings::BottomTab::Chart, "Show the chart"),
                    (
                        super::settings::BottomTab::Concordance,
                        "Show the concordance",
                    ),
                    (
                        super::settings::BottomTab::DatesToReview,
                        "Show the dates to review",
                    ),
                ] {
                    if ui.button(name).clicked() {
                        self.commands.push(Command::SetBottomTab(tab));
                    }
                }
            });
            if ui.button("About / How events are counted").clicked() {
                self.commands.push(Command::ToggleAbout);
            }
        });
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
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
            if let Some(words) = self.copies_status() {
                ui.separator();
                if self.is_finding_copies() {
                    ui.spinner();
                }
                ui.label(words);
            }
            if !self.notifications.is_empty() {
                ui.separator();
                ui.label(format!("{} notifications", self.notifications.len()));
            }
        });
    }

    /// The analysis cache's line in the About panel: where it is, its size, "Clear cache".
    fn cache_ui(&mut self, ui: &mut egui::Ui) {
        let Some(cache) = &self.cache else {
            ui.label("Analysis cache: not used in this session");
            return;
        };
        let size = cache.size_on_disk();
        let path = cache.path().display().to_string();
        ui.horizontal(|ui| {
            ui.label(format!("Analysis cache: {} at {path}", human_bytes(size)));
            let busy = self.load.is_some() || self.recount.is_some();
            let button = ui
                .add_enabled(!busy, egui::Button::new("Clear cache"))
                .on_hover_text("Delete the cached analyses: the next start reads every file again")
                .on_disabled_hover_text("Wait until loading has finished");
            if button.clicked() {
                self.commands.push(Command::ClearCache);
            }
        });
    }

    pub(super) fn about_ui(&mut self, ctx: &egui::Context) {
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
            self.cache_ui(ui);
            ui.label("Licence: MIT OR Apache-2.0");
        });
        self.show_about = open;
    }
}
