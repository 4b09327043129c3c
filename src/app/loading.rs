//! Loading files into the corpus from the window: starting and cancelling a load, taking in
//! its batches, the user's date corrections applied as files arrive, and the problems it reports
//! (a few one by one, then a summary).

use super::*;

/// Problems of one load shown one by one before the rest are summed up.
pub(super) const PROBLEMS_SHOWN: usize = 5;

impl App {
    pub(super) fn remember_path(&mut self, p: &Path) {
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if !self.settings.opened_paths.contains(&abs) {
            self.settings.opened_paths.push(abs);
        }
    }

    /// The user's date corrections that can be read (`None`: "no date"). A saved date that does
    /// not parse is left out, and kept in the settings as it was (see `report_bad_corrections`).
    pub(super) fn corrections(&self) -> HashMap<String, DateCorrection> {
        self.settings
            .date_corrections
            .iter()
            .filter_map(|(k, v)| match v.as_deref() {
                None => Some((k.clone(), DateCorrection::Undated)),
                Some(d) => d.parse().ok().map(|d| (k.clone(), DateCorrection::Date(d))),
            })
            .collect()
    }

    /// Say which saved date corrections could not be read (a hand-edited settings file): their
    /// articles keep their header dates, and the entries stay in the file untouched.
    pub(super) fn report_bad_corrections(&mut self) {
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

    pub(super) fn loaded_paths(&self) -> HashSet<PathBuf> {
        self.corpus
            .entries
            .iter()
            .filter_map(|e| e.article.path().map(Path::to_path_buf))
            .collect()
    }

    /// Load paths in the background; while a load runs, they wait for it to finish (a second
    /// open never cancels the first).
    pub(super) fn start_load(&mut self, paths: Vec<PathBuf>) {
        if self.load.is_some() {
            self.queued_loads.extend(paths);
            return;
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
            self.cache.clone(),
            crate::corpus::table::ColumnChoices {
                all: Default::default(),
                per_file: self.settings.table_columns.clone().into_iter().collect(),
            },
            wake,
        ) {
            Ok(job) => self.load = Some(job),
            Err(e) => self.notify(Level::Error, format!("Could not start loading: {e}")),
        }
    }

    /// One file of a load could not be read. The first few get a notification each; past that,
    /// one summary notification counts the rest (all are in the log), so a folder with hundreds
    /// of bad files does not bury the window.
    /// A table whose columns are not clear opens the mapping dialog instead.
    pub(super) fn report_problem(&mut self, problem: crate::LoadError) {
        if let crate::LoadError::TableColumns {
            path,
            columns,
            problem,
        } = &problem
        {
            self.column_dialogs
                .push(super::column_dialog::ColumnDialog::new(
                    path.clone(),
                    columns.clone(),
                    problem,
                ));
            crate::logfile::log(&format!("Asked for the columns of {}", path.display()));
            return;
        }
        self.load_problems += 1;
        let line = if problem.was_loaded() {
            format!("Note: {problem}")
        } else {
            format!("Skipped {problem}")
        };
        if self.load_problems <= PROBLEMS_SHOWN {
            self.notify(Level::Warning, line);
        } else {
            crate::logfile::log(&format!("Warning: {line}"));
        }
    }

    pub(super) fn finish_problem_summary(&mut self) {
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
                            self.report_problem(p);
                        }
                        let removed = &self.settings.removed;
                        let kept: Vec<Arc<ArticleEntry>> = entries
                            .into_iter()
                            .filter(|e| !removed.contains(&article_key(&e.article.origin)))
                            .collect();
                        if !kept.is_empty() {
                            let stale = kept.iter().any(|e| e.options != self.corpus.options);
                            self.corpus.entries.extend(kept);
                            self.corpus_version += 1;
                            // Analysed before an option change: re-counted in the background.
                            if stale && self.recount.is_none() {
                                self.start_recount();
                            }
                        }
                    }
                    LoadMsg::Finished { cancelled, cache } => {
                        self.finish_problem_summary();
                        if let Some(report) = cache {
                            crate::logfile::log(&report.summary());
                            if let Some(line) = report.problem_line() {
                                crate::logfile::log(&format!("Warning: {line}"));
                            }
                        }
                        if cancelled {
                            self.notifications.push(Notification {
                                level: Level::Info,
                                text: "Loading cancelled; the files loaded so far stay.".into(),
                            });
                        }
                        done_now = true;
                        self.start_finding_copies();
                    }
                }
            }
            if done_now {
                self.load = None;
                if !self.queued_loads.is_empty() {
                    let next = std::mem::take(&mut self.queued_loads);
                    self.start_load(next);
                }
            }
            if self.selected.is_none() && !self.corpus.is_empty() {
                self.selected = Some(0);
                self.sync_date_input();
            }
        }
    }
}
