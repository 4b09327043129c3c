//! Applying commands: the one place where the window's state changes, after each frame.

use super::*;

impl App {
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
                    self.reader_mark = None;
                    self.sync_date_input();
                }
            }
            Command::OpenSentence { row, sentence } => {
                if row < self.corpus.len() {
                    self.selected = Some(row);
                    self.scroll_to = Some(sentence);
                    self.reader_mark = None;
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
                    self.removals += 1;
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
                if row < self.corpus.len() {
                    // The correction applies to every copy of the article's story.
                    let changed = self
                        .corpus
                        .set_published(row, Some(DateCorrection::from_date(date)));
                    for m in changed {
                        let key = article_key(&self.corpus.entries[m].article.origin);
                        self.settings
                            .date_corrections
                            .insert(key, date.map(|d| d.to_string()));
                    }
                    self.corpus_version += 1;
                    self.corpus_full_version += 1;
                    self.sync_date_input();
                }
            }
            Command::ResetPublished(row) => {
                if row < self.corpus.len() {
                    for m in self.corpus.set_published(row, None) {
                        let key = article_key(&self.corpus.entries[m].article.origin);
                        self.settings.date_corrections.remove(&key);
                    }
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
                self.queued_loads.clear();
            }
            Command::LoadTableWithColumns { path, choice } => {
                self.column_dialogs.retain(|d| d.path != path);
                let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                self.settings.table_columns.insert(key, choice);
                self.start_load(vec![path]);
            }
            Command::CloseColumnDialog(path) => {
                self.column_dialogs.retain(|d| d.path != path);
                self.notify(
                    Level::Info,
                    format!("Not loaded (no columns chosen): {}", path.display()),
                );
            }
            Command::ExportTable(kind) => {
                self.save_rx = Some((
                    SaveKind::Table(kind),
                    self.picker.pick(PickKind::Save(kind.file_name())),
                ))
            }
            Command::ExportCountsCsv => {
                self.save_rx = Some((
                    SaveKind::CountsCsv,
                    self.picker.pick(PickKind::Save("chart-counts.csv")),
                ))
            }
            Command::ExportConcordanceCsv => {
                self.save_rx = Some((
                    SaveKind::ConcordanceCsv,
                    self.picker.pick(PickKind::Save("concordance.csv")),
                ))
            }
            Command::ZoomChart(zoom) => self.chart_zoom = zoom,
            Command::SetBottomTab(tab) => self.settings.bottom_tab = tab,
            Command::SetChartFocus(on) => self.settings.chart_focus = on,
            Command::SearchConcordance(term) => {
                self.settings.concordance_term = term.clone();
                self.settings.bottom_tab = settings::BottomTab::Concordance;
                let ctx = self.ctx.clone();
                self.concordance.start(
                    &self.corpus,
                    &self.view.result.rows,
                    &term,
                    self.view.version,
                    ctx,
                );
                self.concordance
                    .poll(&self.corpus, self.settings.concordance_sort);
            }
            Command::SortConcordance(sort) => {
                self.settings.concordance_sort = sort;
                if !self.concordance.is_searching() {
                    self.concordance.sort(&self.corpus, sort);
                }
            }
            Command::OpenOccurrence { row, span } => {
                if row < self.corpus.len() {
                    self.selected = Some(row);
                    self.scroll_to = None;
                    self.reader_mark = Some((row, span));
                    self.scroll_to_mark = true;
                    self.sync_date_input();
                }
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
            Command::SetCountEveryCopy(on) => {
                self.settings.count_every_copy = on;
                self.corpus.keep_copies = on;
                self.corpus_version += 1;
                self.corpus_full_version += 1;
                self.cell = None;
            }
            Command::SetAnchorDecades(on) => {
                self.settings.anchor_decades = on;
                self.corpus.options = ExtractOptions { anchor_decades: on };
                self.start_recount();
            }
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::ClearCache => self.clear_cache(),
            Command::SetLayout {
                list_width,
                chart_height,
            } => {
                self.settings.list_width = list_width;
                self.settings.chart_height = chart_height;
            }
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

    pub(super) fn select_cell(&mut self, year: YearKey, countries: Vec<CountryId>) {
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

    pub(super) fn sync_date_input(&mut self) {
        self.date_error = None;
        self.date_input = self
            .selected
            .and_then(|i| self.corpus.entries.get(i))
            .and_then(|e| e.published())
            .map(|d| d.to_string())
            .unwrap_or_default();
    }

    /// Run the pending commands (tests call this after pushing commands directly).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }
}
