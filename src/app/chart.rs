//! The chart panel: stacked bars of events per year and country (top countries + "other"),
//! toggles for undated and share, and the sentences behind a clicked bar segment.

use super::colors::{country_color, other_color};
use super::{App, Command};
use crate::extract::gazetteer::{CountryId, gazetteer};
use crate::query::{Counts, YearKey};
use eframe::egui;
use egui_plot::{Bar, BarChart, Plot};
use std::collections::BTreeMap;

/// One stacked series: a country (or "other") and its value per x position.
#[derive(Clone)]
pub struct Series {
    /// Stable key for the legend's on/off state: the country code, or `other`.
    pub key: String,
    pub name: String,
    pub countries: Vec<CountryId>,
    pub values: Vec<f64>,
    pub color: egui::Color32,
}

/// The chart's data, derived from the aggregate: x positions (years, then undated) and series.
pub struct ChartData {
    pub xs: Vec<(f64, YearKey)>,
    pub series: Vec<Series>,
}

/// Build the stacked series from counts. Every series has a value at every x, in the same order
/// (egui_plot stacks by index).
pub fn chart_data(
    counts: &Counts,
    top_n: usize,
    show_undated: bool,
    share: bool,
    dark: bool,
) -> ChartData {
    let gaz = gazetteer();
    let ranked = crate::query::explain::ranked_countries(counts, show_undated);
    let top: Vec<CountryId> = ranked.iter().take(top_n).map(|(c, _)| *c).collect();
    let others: Vec<CountryId> = ranked.iter().skip(top_n).map(|(c, _)| *c).collect();
    let mut years: Vec<YearKey> = counts
        .keys()
        .map(|(y, _)| *y)
        .filter(|y| show_undated || *y != YearKey::Undated)
        .collect();
    years.sort();
    years.dedup();
    let last_year = years
        .iter()
        .rev()
        .find_map(|y| {
            if let YearKey::Year(v) = y {
                Some(*v)
            } else {
                None
            }
        })
        .unwrap_or(2000);
    let xs: Vec<(f64, YearKey)> = years
        .iter()
        .map(|y| match y {
            YearKey::Year(v) => (f64::from(*v), *y),
            YearKey::Undated => (f64::from(last_year) + 2.0, *y),
        })
        .collect();
    let mut year_total: BTreeMap<YearKey, u32> = BTreeMap::new();
    for ((y, _), n) in counts {
        *year_total.entry(*y).or_insert(0) += n;
    }
    let value = |y: YearKey, cs: &[CountryId]| -> f64 {
        let n: u32 = cs
            .iter()
            .map(|c| counts.get(&(y, *c)).copied().unwrap_or(0))
            .sum();
        if share {
            let t = year_total.get(&y).copied().unwrap_or(0);
            if t == 0 {
                0.0
            } else {
                100.0 * f64::from(n) / f64::from(t)
            }
        } else {
            f64::from(n)
        }
    };
    let mut series: Vec<Series> = top
        .iter()
        .map(|c| {
            let country = gaz.country(*c);
            Series {
                key: country.code.to_string(),
                name: format!("{} ({})", country.name, country.code),
                countries: vec![*c],
                values: xs.iter().map(|(_, y)| value(*y, &[*c])).collect(),
                color: country_color(*c, dark),
            }
        })
        .collect();
    if !others.is_empty() {
        series.push(Series {
            key: "other".to_string(),
            name: format!("Other ({} countries)", others.len()),
            values: xs.iter().map(|(_, y)| value(*y, &others)).collect(),
            countries: others,
            color: other_color(dark),
        });
    }
    ChartData { xs, series }
}

pub fn chart_panel_ui(app: &mut App, ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.strong("Events per year and country");
        let mut chart = app.settings.chart.clone();
        ui.checkbox(&mut chart.show_undated, "Show undated");
        ui.checkbox(&mut chart.share, "Share of the year (%)");
        let label = ui.label("Countries shown:");
        ui.add(egui::DragValue::new(&mut chart.top_n).range(1..=30))
            .labelled_by(label.id);
        if chart != app.settings.chart {
            app.push(Command::SetChart(chart));
        }
        if ui.button("Export CSV…").clicked() {
            app.push(Command::ExportCountsCsv);
        }
        if ui.button("Export PNG…").clicked() {
            app.push(Command::ExportChartPng);
        }
    });
    let opts = app.settings.chart.clone();
    // The series only change with the aggregate or the options: build them once per change.
    let data = match &app.chart_cache {
        Some((v, o, d, data)) if *v == app.view.version && *o == opts && *d == dark => data.clone(),
        _ => {
            let data = std::sync::Arc::new(chart_data(
                &app.view.result.counts,
                opts.top_n,
                opts.show_undated,
                opts.share,
                dark,
            ));
            app.chart_cache = Some((app.view.version, opts.clone(), dark, data.clone()));
            data
        }
    };
    let legend_rect = legend_ui(app, ui, &data);
    let hidden = &app.settings.chart.hidden;
    let data = ChartData {
        xs: data.xs.clone(),
        series: data
            .series
            .iter()
            .filter(|s| !hidden.contains(&s.key))
            .cloned()
            .collect(),
    };
    let cell_open = app.cell.is_some();
    let available = ui.available_height();
    let plot_height = if cell_open {
        (available * 0.6).max(100.0)
    } else {
        available
    };
    let undated_x = data
        .xs
        .iter()
        .find(|(_, y)| *y == YearKey::Undated)
        .map(|(x, _)| *x);
    let unit = if opts.share { "%" } else { "" };
    let mut charts: Vec<BarChart> = Vec::new();
    for s in &data.series {
        let bars: Vec<Bar> = data
            .xs
            .iter()
            .zip(&s.values)
            .map(|((x, y), v)| {
                let year = match y {
                    YearKey::Year(v) => v.to_string(),
                    YearKey::Undated => "undated".to_string(),
                };
                Bar::new(*x, *v)
                    .width(0.8)
                    .name(format!("{}\n{year}: {v:.0}{unit}", s.name))
                    .fill(s.color)
            })
            .collect();
        let mut chart = BarChart::new(s.name.clone(), bars)
            .color(s.color)
            .element_formatter(Box::new(|bar, _| bar.name.clone()));
        let below: Vec<&BarChart> = charts.iter().collect();
        if !below.is_empty() {
            chart = chart.stack_on(&below);
        }
        charts.push(chart);
    }
    // Headroom above the tallest stack for the "undated" caption.
    let tallest = (0..data.xs.len())
        .map(|i| {
            data.series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    let response = Plot::new("events-chart")
        .include_y(0.0)
        .include_y(tallest * 1.15 + 1.0)
        .height(plot_height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .x_axis_formatter(move |mark, _| {
            if undated_x.is_some_and(|u| (mark.value - u).abs() < 0.01) {
                "undated".into()
            } else if mark.value.fract() == 0.0 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_label(if opts.share {
            "share of the year's events (%)"
        } else {
            "events"
        })
        .show(ui, |plot_ui| {
            for c in charts {
                plot_ui.bar_chart(c);
            }
            if let Some(x) = undated_x {
                let top = data
                    .series
                    .iter()
                    .map(|s| s.values.last().copied().unwrap_or(0.0))
                    .sum::<f64>();
                plot_ui.text(
                    egui_plot::Text::new(
                        "",
                        egui_plot::PlotPoint::new(x, top * 1.04 + 0.5),
                        "undated",
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
        });
    // The PNG export takes the legend row with the plot.
    app.chart_rect = Some(response.response.rect.union(legend_rect));
    if response.response.clicked()
        && let Some(pos) = response.response.interact_pointer_pos()
    {
        let p = response.transform.value_from_position(pos);
        if let Some((year, countries)) = hit_segment(&data, p.x, p.y) {
            app.push(Command::SelectCell { year, countries });
        }
    }
    response.response.accessible_name(format!(
        "Chart of events per year and country: {} years, {} series. Click a bar segment to list its sentences.",
        data.xs.len(),
        data.series.len()
    ));
    cell_sentences_ui(app, ui);
}

/// The legend: one switch per series, with its colour, above the plot (where it never hides a
/// bar). Returns the row's rectangle.
fn legend_ui(app: &mut App, ui: &mut egui::Ui, data: &ChartData) -> egui::Rect {
    let mut chart = app.settings.chart.clone();
    let hidden = &mut chart.hidden;
    let rect = ui
        .horizontal_wrapped(|ui| {
            for s in &data.series {
                let (swatch, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(swatch, 2.0, s.color);
                let mut shown = !hidden.contains(&s.key);
                let response = ui
                    .checkbox(&mut shown, s.name.as_str())
                    .on_hover_text(format!("Show or hide {} in the chart", s.name));
                if response.changed() {
                    if shown {
                        hidden.remove(&s.key);
                    } else {
                        hidden.insert(s.key.clone());
                    }
                }
                ui.add_space(6.0);
            }
        })
        .response
        .rect;
    if chart != app.settings.chart {
        app.push(Command::SetChart(chart));
    }
    rect
}

/// The bar segment under plot coordinates (x, y), if any.
pub fn hit_segment(data: &ChartData, x: f64, y: f64) -> Option<(YearKey, Vec<CountryId>)> {
    let (i, (_, year)) = data
        .xs
        .iter()
        .enumerate()
        .find(|(_, (bx, _))| (bx - x).abs() <= 0.4)?;
    let mut base = 0.0;
    for s in &data.series {
        let v = s.values.get(i).copied().unwrap_or(0.0);
        if v > 0.0 && y >= base && y <= base + v {
            return Some((*year, s.countries.clone()));
        }
        base += v;
    }
    None
}

fn cell_sentences_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some(cell) = &app.cell else { return };
    let gaz = gazetteer();
    let year = match cell.year {
        YearKey::Year(y) => y.to_string(),
        YearKey::Undated => "undated".into(),
    };
    let who = if cell.countries.len() == 1 {
        gaz.country(cell.countries[0]).name.clone()
    } else {
        format!("{} other countries", cell.countries.len())
    };
    let mut close = false;
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(format!(
            "{} sentences behind {who}, {year}",
            cell.events.len()
        ));
        if ui.button("Close list").clicked() {
            close = true;
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("cell-sentences")
        .auto_shrink([false, false])
        .show_rows(ui, 22.0, cell.events.len(), |ui, range| {
            for &(row, sentence) in &cell.events[range] {
                let Some(entry) = app.corpus.entries.get(row) else {
                    continue;
                };
                let Some(span) = entry.analysis.sentences.get(sentence as usize) else {
                    continue;
                };
                let raw = &entry.article.text[span.range()];
                let text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                let label = format!("{text} — {}", entry.article.meta.title);
                let dark = ui.visuals().dark_mode;
                // The sentence with this bar's country mentions highlighted (found again for the
                // visible rows only; the corpus does not keep mentions).
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Body.resolve(ui.style());
                let plain = egui::TextFormat {
                    font_id: font.clone(),
                    color: ui.visuals().text_color(),
                    ..Default::default()
                };
                let mut pos = 0;
                for (span, country) in crate::query::explain::cell_mentions(raw, &cell.countries) {
                    job.append(
                        &raw[pos..span.start].replace(char::is_whitespace, " "),
                        0.0,
                        plain.clone(),
                    );
                    let bg = super::colors::highlight(country_color(country, dark));
                    job.append(
                        &raw[span.clone()],
                        0.0,
                        egui::TextFormat {
                            background: bg,
                            ..plain.clone()
                        },
                    );
                    pos = span.end;
                }
                job.append(
                    &raw[pos..].replace(char::is_whitespace, " "),
                    0.0,
                    plain.clone(),
                );
                let weak = egui::TextFormat {
                    color: ui.visuals().weak_text_color(),
                    ..plain
                };
                job.append(&format!("  — {}", entry.article.meta.title), 0.0, weak);
                let r = ui
                    .add(egui::Label::new(job).truncate().sense(egui::Sense::click()))
                    .accessible_name(label.clone())
                    .on_hover_text(&text);
                if r.clicked() {
                    commands.push(Command::OpenSentence { row, sentence });
                }
            }
        });
    if close {
        commands.push(Command::CloseCell);
    }
    for c in commands {
        app.push(c);
    }
}
