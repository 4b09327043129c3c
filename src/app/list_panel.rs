//! The left panel: filters above a virtualised, sortable article list.

use super::{App, Command};
use crate::extract::gazetteer::gazetteer;
use crate::query::{SortKey, YearKey};
use eframe::egui;

const ROW_HEIGHT: f32 = 40.0;

pub fn list_panel_ui(app: &mut App, ui: &mut egui::Ui) {
    filters_ui(app, ui);
    ui.separator();
    let shown = app.view.sorted.len();
    ui.horizontal(|ui| {
        ui.strong(format!("{shown} of {} articles", app.corpus.len()));
        if app.is_searching() {
            ui.spinner();
            ui.weak("searching…");
        }
    });
    ui.horizontal(|ui| {
        ui.weak("Sort by:");
        sort_button(app, ui, SortKey::File, "File");
        sort_button(app, ui, SortKey::Title, "Title");
        sort_button(app, ui, SortKey::Published, "Date");
        sort_button(app, ui, SortKey::Events, "Events");
    });
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("article-list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, shown, |ui, range| {
            for pos in range {
                let Some(&row) = app.view.sorted.get(pos) else {
                    continue;
                };
                let Some(entry) = app.corpus.entries.get(row) else {
                    continue;
                };
                let events = app.view.result.entry_events.get(row).copied().unwrap_or(0);
                let date = entry
                    .published()
                    .map_or_else(|| "undated".to_string(), |d| d.to_string());
                let source = entry
                    .article
                    .meta
                    .source
                    .clone()
                    .unwrap_or_else(|| entry.article.file.clone());
                let selected = app.selected == Some(row);
                let title = &entry.article.meta.title;
                let copies = app.corpus.stories.copies(row);
                let badge = if copies > 1 {
                    format!(" · {copies} copies")
                } else {
                    String::new()
                };
                let name = format!("{title}, {date}, {source}, {events} events{badge}");
                let response = article_row(
                    ui,
                    selected,
                    title,
                    &format!("{date} · {source} · {events} events{badge}"),
                    &name,
                );
                if response.clicked() {
                    commands.push(Command::SelectArticle(row));
                }
                if selected && app.scroll_list_to_selection {
                    response.scroll_to_me(None);
                }
                response.context_menu(|ui| {
                    if ui.button("Remove from corpus").clicked() {
                        commands.push(Command::RemoveArticle(row));
                        ui.close();
                    }
                });
            }
        });
    app.scroll_list_to_selection = false;
    for c in commands {
        app.push(c);
    }
}

fn sort_button(app: &mut App, ui: &mut egui::Ui, key: SortKey, label: &str) {
    let active = app.settings.sort == key;
    let arrow = if active {
        if app.settings.sort_descending {
            " (desc)"
        } else {
            " (asc)"
        }
    } else {
        ""
    };
    let response = ui
        .selectable_label(active, format!("{label}{arrow}"))
        .accessible_name(format!("Sort by {label}"));
    if response.clicked() {
        app.push(Command::SortBy(key));
    }
}

fn filters_ui(app: &mut App, ui: &mut egui::Ui) {
    // The widgets edit a copy; a change is sent as a command.
    let mut edited = app.settings.filter.clone();
    let filter = &mut edited;
    ui.horizontal(|ui| {
        let label = ui.label("Filter:");
        let edit = egui::TextEdit::singleline(&mut filter.text)
            .hint_text("text in title or body (Ctrl+F)")
            .desired_width(f32::INFINITY);
        let response = ui.add(edit).labelled_by(label.id);
        if app.focus_filter {
            response.request_focus();
            app.focus_filter = false;
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Years:");
        let mut min = filter.year_min.map(|y| y.to_string()).unwrap_or_default();
        let mut max = filter.year_max.map(|y| y.to_string()).unwrap_or_default();
        let r1 = ui
            .add(
                egui::TextEdit::singleline(&mut min)
                    .desired_width(48.0)
                    .hint_text("from"),
            )
            .labelled_by(label.id)
            .accessible_name("From year");
        ui.label("–");
        let r2 = ui
            .add(
                egui::TextEdit::singleline(&mut max)
                    .desired_width(48.0)
                    .hint_text("to"),
            )
            .accessible_name("To year");
        if r1.changed() {
            filter.year_min = min.trim().parse().ok();
        }
        if r2.changed() {
            filter.year_max = max.trim().parse().ok();
        }
        ui.checkbox(&mut filter.explicit_only, "Explicit years only");
        ui.checkbox(&mut filter.undated_only, "Undated only");
    });
    let mut every = app.settings.count_every_copy;
    let (copies, _) = app.corpus.stories.merged();
    let hint = if copies == 0 {
        "No copies found: every article is its own story".to_string()
    } else {
        format!(
            "{copies} articles are copies of another story; by default each story counts once, from its most complete copy"
        )
    };
    if ui
        .checkbox(&mut every, "Count every copy")
        .on_hover_text(hint)
        .changed()
    {
        app.push(Command::SetCountEveryCopy(every));
    }
    // Countries with their counts in the current view, most events first.
    let gaz = gazetteer();
    let ranked = crate::query::explain::ranked_countries(&app.view.result.counts, true);
    let chosen: Vec<String> = filter.countries.iter().cloned().collect();
    let summary = if chosen.is_empty() {
        "All countries".to_string()
    } else {
        chosen.join(", ")
    };
    let mut commands = Vec::new();
    if edited != app.settings.filter {
        commands.push(Command::SetFilter(edited.clone()));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Countries:");
        let response = egui::ComboBox::from_id_salt("country-filter")
            .selected_text(summary)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(chosen.is_empty(), "All countries")
                    .clicked()
                {
                    for c in &chosen {
                        commands.push(Command::ToggleCountry(c.clone()));
                    }
                }
                for code in &chosen {
                    if !ranked.iter().any(|(id, _)| gaz.code(*id) == code) {
                        let _ = ui
                            .selectable_label(true, format!("{code} (0)"))
                            .clicked()
                            .then(|| commands.push(Command::ToggleCountry(code.clone())));
                    }
                }
                for (id, n) in &ranked {
                    let c = gaz.country(*id);
                    let on = chosen.contains(&c.code);
                    if ui
                        .selectable_label(on, format!("{} {} ({n})", c.code, c.name))
                        .clicked()
                    {
                        commands.push(Command::ToggleCountry(c.code.clone()));
                    }
                }
            });
        response.response.labelled_by(label.id);
    });
    if app
        .view
        .result
        .counts
        .keys()
        .any(|(y, _)| *y == YearKey::Undated)
        && !app.settings.filter.undated_only
    {
        ui.weak("Tip: tick “Undated only” to find articles that need a date.");
    }
    for c in commands {
        app.push(c);
    }
}

/// One row of the list: title over a line of date, source and events; selectable and named for
/// screen readers with all of it.
fn article_row(
    ui: &mut egui::Ui,
    selected: bool,
    title: &str,
    detail: &str,
    name: &str,
) -> egui::Response {
    let size = egui::vec2(ui.available_width(), ROW_HEIGHT - 2.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let name = name.to_string();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() || response.has_focus() {
            ui.painter().rect_filled(rect, 4.0, visuals.bg_fill);
        }
        let inner = rect.shrink2(egui::vec2(6.0, 3.0));
        let title_font = egui::TextStyle::Body.resolve(ui.style());
        let small_font = egui::TextStyle::Small.resolve(ui.style());
        let title_galley = egui::WidgetText::from(
            egui::RichText::new(title)
                .font(title_font)
                .color(visuals.text_color()),
        )
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Truncate),
            inner.width(),
            egui::TextStyle::Body,
        );
        let detail_color = if selected {
            visuals.text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        let detail_galley = egui::WidgetText::from(
            egui::RichText::new(detail)
                .font(small_font)
                .color(detail_color),
        )
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Truncate),
            inner.width(),
            egui::TextStyle::Small,
        );
        ui.painter()
            .galley(inner.left_top(), title_galley, visuals.text_color());
        ui.painter().galley(
            egui::pos2(inner.left(), inner.bottom() - detail_galley.size().y),
            detail_galley,
            detail_color,
        );
    }
    response
}
