//! The concordance tab: a word or phrase (or a country's name) in context over the filtered
//! corpus, one aligned line per occurrence (left context | match | right context), searched on
//! a background thread in batches so the first lines show at once on a large corpus; sorted
//! by either context, year or article; a click opens the article at the occurrence.

use super::{App, Command};
use crate::query::Corpus;
use crate::query::concordance::{
    ConcordanceSort, Occurrence, Term, context, occurrences_in, sort_occurrences,
};
use eframe::egui;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// Articles searched per batch sent to the window.
const BATCH: usize = 2000;

/// Pixels of a concordance row.
const ROW_HEIGHT: f32 = 22.0;

/// A running search.
struct Search {
    rx: Receiver<Vec<Occurrence>>,
    cancel: Arc<AtomicBool>,
    /// Batches still to come (the thread sends one per batch, then drops its sender).
    done: bool,
}

/// The concordance's lines and the search that fills them.
#[derive(Default)]
pub struct ConcordanceView {
    /// The term the lines are for.
    pub term: String,
    pub lines: Vec<Occurrence>,
    /// The view version (filter and corpus) the lines were searched in.
    pub searched_version: Option<u64>,
    /// The order the lines are in.
    pub sorted_by: ConcordanceSort,
    search: Option<Search>,
}

impl ConcordanceView {
    pub fn is_searching(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.done)
    }

    /// Start searching `term` in `rows` of `corpus` (the filtered articles); earlier lines and
    /// any running search are dropped.
    pub fn start(
        &mut self,
        corpus: &Corpus,
        rows: &[usize],
        term: &str,
        version: u64,
        wake: Option<egui::Context>,
    ) {
        if let Some(s) = &self.search {
            s.cancel.store(true, Ordering::Relaxed);
        }
        self.term = term.to_string();
        self.lines.clear();
        self.sorted_by = ConcordanceSort::Article;
        self.searched_version = Some(version);
        let compiled = Term::new(term);
        if compiled.is_empty() {
            self.search = None;
            return;
        }
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let corpus = corpus.clone();
        let rows = rows.to_vec();
        let spawned = std::thread::Builder::new()
            .name("techdivide-concordance".into())
            .spawn(move || {
                for chunk in rows.chunks(BATCH) {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let lines: Vec<Occurrence> = chunk
                        .iter()
                        .flat_map(|&row| occurrences_in(&corpus, row, &compiled))
                        .collect();
                    if tx.send(lines).is_err() {
                        return;
                    }
                    if let Some(ctx) = &wake {
                        ctx.request_repaint();
                    }
                }
            });
        self.search = spawned.ok().map(|_| Search {
            rx,
            cancel,
            done: false,
        });
    }

    /// Take the batches found so far; when the search is over, put the lines in `sort` order.
    /// Returns true when something changed.
    pub fn poll(&mut self, corpus: &Corpus, sort: ConcordanceSort) -> bool {
        let Some(search) = &mut self.search else {
            return false;
        };
        let mut changed = false;
        loop {
            match search.rx.try_recv() {
                Ok(batch) => {
                    self.lines.extend(batch);
                    changed = true;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    search.done = true;
                    break;
                }
            }
        }
        if search.done {
            self.search = None;
            self.sort(corpus, sort);
            changed = true;
        }
        changed
    }

    pub fn sort(&mut self, corpus: &Corpus, sort: ConcordanceSort) {
        if self.sorted_by != sort || sort != ConcordanceSort::Article {
            sort_occurrences(corpus, &mut self.lines, sort);
        }
        self.sorted_by = sort;
    }
}

pub fn concordance_ui(app: &mut App, ui: &mut egui::Ui) {
    let mut submit = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Word or phrase:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut app.settings.concordance_term)
                    .hint_text("e.g. Huawei, export controls")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            submit = true;
        }
        if ui.button("Find").clicked() {
            submit = true;
        }
        // A country: its name as the term.
        let countries = crate::query::explain::ranked_countries(&app.view.result.counts, true);
        let pick_label = ui.label("or a country:");
        egui::ComboBox::from_id_salt("concordance-country")
            .selected_text("Choose…")
            .show_ui(ui, |ui| {
                for (c, n) in countries.iter().take(40) {
                    let country = crate::extract::gazetteer::gazetteer().country(*c);
                    if ui
                        .selectable_label(false, format!("{} ({n})", country.name))
                        .clicked()
                    {
                        app.settings.concordance_term = country.name.clone();
                        submit = true;
                    }
                }
            })
            .response
            .labelled_by(pick_label.id);
        let sort_label = ui.label("Sort by:");
        let mut sort = app.settings.concordance_sort;
        egui::ComboBox::from_id_salt("concordance-sort")
            .selected_text(sort.label())
            .show_ui(ui, |ui| {
                for s in ConcordanceSort::ALL {
                    ui.selectable_value(&mut sort, s, s.label());
                }
            })
            .response
            .labelled_by(sort_label.id);
        if sort != app.settings.concordance_sort {
            app.push(Command::SortConcordance(sort));
        }
        if ui
            .add_enabled(
                !app.concordance.lines.is_empty() && !app.concordance.is_searching(),
                egui::Button::new("Export CSV…"),
            )
            .clicked()
        {
            app.push(Command::ExportConcordanceCsv);
        }
    });
    if submit {
        app.push(Command::SearchConcordance(
            app.settings.concordance_term.clone(),
        ));
    }
    let view = &app.concordance;
    let status = if view.term.is_empty() {
        "Type a word or phrase and press Enter: every occurrence in the filtered articles is listed in its context.".to_string()
    } else if view.is_searching() {
        format!(
            "Searching “{}”… {} lines so far",
            view.term,
            view.lines.len()
        )
    } else {
        let stale = view.searched_version != Some(app.view.version);
        format!(
            "{} {} of “{}” in the filtered articles{}",
            view.lines.len(),
            if view.lines.len() == 1 {
                "occurrence"
            } else {
                "occurrences"
            },
            view.term,
            if stale {
                " (the filter changed: press Find to search again)"
            } else {
                ""
            }
        )
    };
    ui.label(status);
    let mut open = None;
    let width = ui.available_width();
    let side = ((width - 140.0) / 2.0).max(120.0);
    egui::ScrollArea::vertical()
        .id_salt("concordance-lines")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, app.concordance.lines.len(), |ui, range| {
            for o in &app.concordance.lines[range] {
                let Some(entry) = app.corpus.entries.get(o.row) else {
                    continue;
                };
                let (left, matched, right) = context(&entry.article.text, &o.span);
                let years = if o.years.is_empty() {
                    "undated".to_string()
                } else {
                    o.years
                        .iter()
                        .map(i16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let title = &entry.article.meta.title;
                let response = ui
                    .horizontal(|ui| {
                        // The context touches the match as in the text (`Huawei's`,
                        // `Huawei, a leader`): no gap but the text's own spaces.
                        ui.spacing_mut().item_spacing.x = 0.0;
                        let gap = |s: &str, leading: bool| {
                            let space = if leading {
                                s.starts_with(' ')
                            } else {
                                s.ends_with(' ')
                            };
                            if space { 4.0 } else { 0.0 }
                        };
                        ui.allocate_ui_with_layout(
                            egui::vec2(side, ROW_HEIGHT),
                            egui::Layout::right_to_left(egui::Align::Center),
                            |ui| {
                                ui.add_space(gap(&left, false));
                                ui.add(egui::Label::new(left.trim_end()).truncate())
                            },
                        );
                        ui.strong(&matched);
                        ui.allocate_ui_with_layout(
                            egui::vec2(side, ROW_HEIGHT),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.add_space(gap(&right, true));
                                ui.add(egui::Label::new(right.trim_start()).truncate())
                            },
                        );
                        ui.add_space(12.0);
                        ui.weak(format!("{years} · {title}"));
                    })
                    .response;
                let line = ui
                    .interact(
                        response.rect,
                        ui.make_persistent_id(("kwic", o.row, o.span.start)),
                        egui::Sense::click(),
                    )
                    .on_hover_text(format!("{title} ({years}): click to open it at this line"));
                let name = format!("{left}[{matched}]{right} — {title}, {years}");
                line.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if line.clicked() {
                    open = Some((o.row, o.span.clone()));
                }
            }
        });
    if let Some((row, span)) = open {
        app.push(Command::OpenOccurrence { row, span });
    }
}
