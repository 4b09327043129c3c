//! Suggested dates for undated articles: the reader's "Suggested: …" line with its evidence and
//! an Accept button, and the "Dates to review" tab listing every undated article of the filter
//! with its suggestion, so a corpus can be dated quickly. Nothing is applied by itself: a
//! suggestion counts only once accepted, as a user correction.

use super::{App, Command};
use crate::query::date_suggestion::{DateSuggestion, SuggestionKind, suggest};
use eframe::egui;
use std::collections::HashMap;

/// Suggestions worked out so far, for one corpus version (a suggestion reads the article's
/// text again, so only rows on screen are asked for).
#[derive(Default)]
pub struct Suggestions {
    version: u64,
    by_row: HashMap<usize, Option<DateSuggestion>>,
}

impl Suggestions {
    /// The suggestion for `row` (None when it has a date or its text gives no year).
    pub fn get(
        &mut self,
        app_corpus: &crate::query::Corpus,
        version: u64,
        row: usize,
    ) -> Option<DateSuggestion> {
        if self.version != version {
            self.by_row.clear();
            self.version = version;
        }
        self.by_row
            .entry(row)
            .or_insert_with(|| {
                let entry = app_corpus.entries.get(row)?;
                if entry.published().is_some() {
                    return None;
                }
                suggest(&entry.article.text, &entry.analysis.sentences)
            })
            .clone()
    }
}

/// The text of a suggestion: `Suggested: 2020 (latest explicit year in the text, …)`.
pub fn suggestion_text(s: &DateSuggestion) -> String {
    let what = match (s.kind, s.day_in_text) {
        (SuggestionKind::LatestStated, true) => s.date.to_string(),
        _ => s.year.to_string(),
    };
    format!("Suggested: {what} ({})", s.evidence())
}

/// What Accept enters, said on its button's hover.
fn accept_hint(s: &DateSuggestion) -> String {
    if s.day_in_text {
        format!(
            "Set the published date to {} (a correction you can undo with Reset)",
            s.date
        )
    } else {
        format!(
            "Set the published date to {} — the middle of {}, as the text gives no day (a correction you can undo with Reset)",
            s.date, s.year
        )
    }
}

/// The reader's suggestion line for an undated article, if it has one.
pub fn reader_suggestion_ui(app: &mut App, ui: &mut egui::Ui, row: usize) {
    let version = app.corpus_version;
    let Some(s) = app.suggestions.get(&app.corpus, version, row) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(suggestion_text(&s)).italics());
        if ui.button("Accept").on_hover_text(accept_hint(&s)).clicked() {
            app.push(Command::SetPublished {
                row,
                date: Some(s.date),
            });
        }
    });
}

/// The undated articles of the filtered list, in list order.
fn undated_rows(app: &App) -> Vec<usize> {
    app.view
        .sorted
        .iter()
        .copied()
        .filter(|&r| {
            app.corpus
                .entries
                .get(r)
                .is_some_and(|e| e.published().is_none())
        })
        .collect()
}

pub fn dates_review_ui(app: &mut App, ui: &mut egui::Ui) {
    let rows = undated_rows(app);
    ui.label(format!(
        "{} undated {} in the filtered list. Their events count as undated unless a sentence states a year; accept a suggestion, or open an article to type its date.",
        rows.len(),
        if rows.len() == 1 { "article" } else { "articles" }
    ));
    let version = app.corpus_version;
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("dates-to-review")
        .auto_shrink([false, false])
        .show_rows(ui, 24.0, rows.len(), |ui, range| {
            for &row in &rows[range] {
                let title = app.corpus.entries[row].article.meta.title.clone();
                let suggestion = app.suggestions.get(&app.corpus, version, row);
                ui.horizontal(|ui| {
                    if ui
                        .link(&title)
                        .on_hover_text("Open this article in the reader")
                        .clicked()
                    {
                        commands.push(Command::SelectArticle(row));
                    }
                    match &suggestion {
                        Some(s) => {
                            let accept = ui
                                .button(format!("Accept {}", s.date))
                                .on_hover_text(accept_hint(s));
                            if accept.clicked() {
                                commands.push(Command::SetPublished {
                                    row,
                                    date: Some(s.date),
                                });
                            }
                            ui.add(
                                egui::Label::new(egui::RichText::new(suggestion_text(s)).weak())
                                    .truncate(),
                            );
                        }
                        None => {
                            ui.weak("No suggestion: the text states no year.");
                        }
                    }
                });
            }
        });
    for c in commands {
        app.push(c);
    }
}
