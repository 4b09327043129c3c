//! The reading view: metadata, the date field, and the body with country mentions highlighted in
//! their country's colour and time expressions underlined; hover shows what each one is.

use super::colors::{country_color, highlight};
use super::{App, Command};
use crate::query::explain::HighlightKind;
use eframe::egui::{self, text::LayoutJob};
use std::ops::Range;

pub fn reader_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some(row) = app.selected.filter(|&r| r < app.corpus.len()) else {
        ui.centered_and_justified(|ui| {
            ui.label("No article selected. Open files with File > Open files… (Ctrl+O), drop them on the window, or pass them on the command line.");
        });
        return;
    };
    let dark = ui.visuals().dark_mode;
    let entry = &app.corpus.entries[row];
    let meta = &entry.article.meta;
    let why = if meta.title_reasons.is_empty() {
        String::new()
    } else {
        format!("\nWhy this title: {}", meta.title_reasons.join("; "))
    };
    ui.heading(&meta.title).on_hover_text(format!(
        "{}\nTitle from: {}{why}",
        entry.article.file,
        meta.title_source.as_str()
    ));
    if meta.title_source == crate::corpus::TitleSource::Derived {
        ui.weak("Title derived from the first words: the file has no headline.");
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "Author: {}",
            meta.author.as_deref().unwrap_or("unknown")
        ));
        ui.separator();
        ui.label(format!(
            "Source: {}",
            meta.source.as_deref().unwrap_or(&entry.article.file)
        ));
        ui.separator();
        ui.label(format!(
            "File: {} ({})",
            entry.article.location(),
            entry.article.encoding
        ));
    });
    let corrected = entry.corrected.is_some();
    let header_date = meta
        .published
        .map_or_else(|| "none".to_string(), |d| d.to_string());
    let events = entry.event_count();
    let mut submit = false;
    let mut reset = false;
    let mut remove = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Published:");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut app.date_input)
                    .desired_width(110.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label.id);
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            submit = true;
        }
        if ui.button("Set date").clicked() {
            submit = true;
        }
        if corrected
            && ui
                .button("Use the header's date")
                .on_hover_text(format!("Header date: {header_date}"))
                .clicked()
        {
            reset = true;
        }
        if app.date_input.trim().is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "undated — enter a date so relative expressions can be resolved",
            );
        } else if corrected {
            ui.weak(format!("corrected by you (header: {header_date})"));
        }
        ui.separator();
        ui.label(format!("{events} events"));
        if ui.button("Remove from corpus").clicked() {
            remove = true;
        }
    });
    if let Some(err) = &app.date_error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
    if entry.published().is_none() {
        super::dates_review::reader_suggestion_ui(app, ui, row);
    }
    if submit {
        app.push(Command::SubmitDate(row));
    }
    if reset {
        app.push(Command::ResetPublished(row));
    }
    if remove {
        app.push(Command::RemoveArticle(row));
        return;
    }
    copies_ui(app, ui, row);
    ui.separator();
    let scroll_to = app.scroll_to.take();
    let scroll_to_mark = std::mem::take(&mut app.scroll_to_mark);
    // A concordance occurrence stays shaded while its article is open.
    let mark = app
        .reader_mark
        .as_ref()
        .filter(|(r, _)| *r == row)
        .map(|(_, span)| span.clone());
    // Mentions and time expressions of the article on screen, computed when it is opened.
    if app
        .reader_analysis
        .as_ref()
        .is_none_or(|(r, v, _)| *r != row || *v != app.corpus_version)
    {
        let full = app.corpus.entries[row].full_analysis(app.corpus.options);
        app.reader_analysis = Some((row, app.corpus_version, full));
    }
    let Some((_, _, full)) = &app.reader_analysis else {
        return;
    };
    let entry = &app.corpus.entries[row];
    egui::ScrollArea::vertical()
        .id_salt(("reader", row))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let text = &entry.article.text;
            let analysis = &entry.analysis;
            let sentence =
                scroll_to.and_then(|s| analysis.sentences.get(s as usize).map(|s| s.range()));
            let scroll_target = sentence.clone().or(mark.clone().filter(|_| scroll_to_mark));
            let target = sentence.or(mark.clone());
            let body_color = ui.visuals().text_color();
            let font = egui::TextStyle::Body.resolve(ui.style());
            for para in entry.article.meta.paragraphs.iter().map(|p| p.range()) {
                let marks = marks_in(text, full, entry.published(), para.clone(), dark);
                let mut job = LayoutJob::default();
                job.wrap.max_width = ui.available_width();
                let mut pos = para.start;
                let selected_sentence = target
                    .clone()
                    .filter(|t| t.start >= para.start && t.end <= para.end);
                // Plain text between the marks, then every piece appended the same way.
                let mut pieces: Vec<(Range<usize>, Option<egui::Color32>, bool)> = Vec::new();
                for (r, mark) in &marks {
                    if r.start > pos {
                        pieces.push((pos..r.start, None, false));
                    }
                    pieces.push((r.clone(), mark.bg, mark.underline));
                    pos = r.end;
                }
                if pos < para.end {
                    pieces.push((pos..para.end, None, false));
                }
                for (r, bg, underline) in pieces {
                    let selected = selected_sentence.as_ref();
                    append(
                        &mut job, text, r, &font, body_color, bg, underline, selected, dark,
                    );
                }
                let (galley_pos, galley, response) = egui::Label::new(job)
                    .sense(egui::Sense::hover())
                    .layout_in_ui(ui);
                ui.painter().galley(galley_pos, galley.clone(), body_color);
                // One accessible node per paragraph, holding its text: a screen reader reads
                // the article paragraph by paragraph.
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, galley.text())
                });
                if let Some(t) = selected_sentence
                    .as_ref()
                    .filter(|t| scroll_target.as_ref() == Some(*t))
                {
                    let chars = text[para.start..t.start].chars().count();
                    let rect = galley
                        .pos_from_cursor(egui::text::CCursor::new(chars))
                        .translate(galley_pos.to_vec2());
                    ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
                }
                if let Some(hover) = response.hover_pos() {
                    let cursor = galley.cursor_from_pos(hover - galley_pos);
                    let byte = char_to_byte(&text[para.clone()], cursor.index.0) + para.start;
                    if let Some((_, mark)) =
                        marks.iter().find(|(r, _)| r.start <= byte && byte < r.end)
                    {
                        response.on_hover_text(&mark.tip);
                    }
                }
                ui.add_space(6.0);
            }
        });
}

struct Mark {
    bg: Option<egui::Color32>,
    underline: bool,
    tip: String,
}

/// The paragraph's highlights (computed by the core, `query::explain`) with their colours.
fn marks_in(
    text: &str,
    analysis: &crate::extract::Analysis,
    published: Option<jiff::civil::Date>,
    para: Range<usize>,
    dark: bool,
) -> Vec<(Range<usize>, Mark)> {
    crate::query::explain::paragraph_highlights(text, analysis, published, para)
        .into_iter()
        .map(|h| {
            let (bg, underline) = match h.kind {
                HighlightKind::Mention(c) => (Some(highlight(country_color(c, dark))), false),
                HighlightKind::Time => (None, true),
            };
            (
                h.span,
                Mark {
                    bg,
                    underline,
                    tip: h.explanation,
                },
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn append(
    job: &mut LayoutJob,
    text: &str,
    r: Range<usize>,
    font: &egui::FontId,
    color: egui::Color32,
    bg: Option<egui::Color32>,
    underline: bool,
    selected: Option<&Range<usize>>,
    dark: bool,
) {
    let Some(s) = text.get(r.clone()) else { return };
    let in_selected = selected.is_some_and(|t| r.start >= t.start && r.end <= t.end);
    let background = bg.unwrap_or(if in_selected {
        if dark {
            egui::Color32::from_rgb(70, 60, 20)
        } else {
            egui::Color32::from_rgb(255, 245, 200)
        }
    } else {
        egui::Color32::TRANSPARENT
    });
    let format = egui::TextFormat {
        font_id: font.clone(),
        color,
        background,
        underline: if underline {
            egui::Stroke::new(1.5, color)
        } else {
            egui::Stroke::NONE
        },
        ..Default::default()
    };
    // A selected sentence that starts mid-segment: split so only its part is shaded.
    if let Some(t) =
        selected.filter(|t| bg.is_none() && !in_selected && t.start < r.end && r.start < t.end)
    {
        let cuts = [r.start, t.start.max(r.start), t.end.min(r.end), r.end];
        for w in cuts.windows(2) {
            if w[0] < w[1] {
                append(
                    job,
                    text,
                    w[0]..w[1],
                    font,
                    color,
                    bg,
                    underline,
                    Some(t),
                    dark,
                );
            }
        }
        return;
    }
    job.append(s, 0.0, format);
}

fn char_to_byte(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

/// The other copies of the article's story, with their source and date; a click opens one.
fn copies_ui(app: &mut App, ui: &mut egui::Ui, row: usize) {
    let members = app.corpus.story_members(row);
    if members.len() < 2 {
        return;
    }
    let counted = app.corpus.stories.counted_copy(row);
    let mut open = None;
    ui.horizontal_wrapped(|ui| {
        let how = if app.corpus.keep_copies {
            "every copy is counted"
        } else if counted == row {
            "this copy is counted"
        } else {
            "the most complete copy is counted"
        };
        ui.label(format!("{} copies of this story ({how}):", members.len()));
        for m in members.into_iter().filter(|&m| m != row) {
            let e = &app.corpus.entries[m];
            let source = e
                .article
                .meta
                .site
                .clone()
                .or_else(|| e.article.meta.source.clone())
                .unwrap_or_else(|| e.article.file.clone());
            let date = e
                .published()
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let mark = if m == counted && !app.corpus.keep_copies {
                " (counted)"
            } else {
                ""
            };
            let text = format!("{source}, {date}{mark}");
            if ui
                .link(&text)
                .on_hover_text(e.article.file.as_str())
                .clicked()
            {
                open = Some(m);
            }
        }
    });
    if let Some(m) = open {
        app.push(Command::SelectArticle(m));
    }
}
