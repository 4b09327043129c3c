//! The chart panel: events per year and country (top countries + "other") as stacked bars or
//! lines, in a unit the user picks; undated events as a separate bar beside the year axis;
//! drag to zoom into years (double-click resets), and the sentences behind a clicked segment.

use super::colors::{country_color, other_color};
use super::{App, Command};
use crate::extract::gazetteer::{CountryId, gazetteer};
use crate::query::units::{Unit, UnitValues};
use crate::query::{QueryResult, YearKey};
use eframe::egui;
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};

/// Width of the undated bar's own plot, beside the year axis.
const UNDATED_WIDTH: f32 = 100.0;
/// Width of the legend's column.
const LEGEND_WIDTH: f32 = 170.0;

/// One series: a country (or "other") and its value per year, and undated.
#[derive(Clone)]
pub struct Series {
    /// Stable key for the legend's on/off state: the country code, or `other`.
    pub key: String,
    pub name: String,
    pub countries: Vec<CountryId>,
    /// One value per entry of [`ChartData::years`].
    pub values: Vec<f64>,
    /// The value of its undated events.
    pub undated: f64,
    pub color: egui::Color32,
}

/// The chart's data, derived from the aggregate: the years with events, in order, and series.
pub struct ChartData {
    pub years: Vec<i16>,
    pub series: Vec<Series>,
    pub unit: Unit,
}

impl ChartData {
    /// The stacked total of one year (by index), or of undated (`None`).
    pub fn total(&self, index: Option<usize>) -> f64 {
        self.series
            .iter()
            .map(|s| match index {
                Some(i) => s.values.get(i).copied().unwrap_or(0.0),
                None => s.undated,
            })
            .sum()
    }

    /// The part of the data inside a year range (inclusive), or all of it.
    pub fn zoomed(
        &self,
        zoom: Option<(i16, i16)>,
        hidden: &std::collections::BTreeSet<String>,
    ) -> Self {
        let keep: Vec<usize> = (0..self.years.len())
            .filter(|&i| zoom.is_none_or(|(a, b)| (a..=b).contains(&self.years[i])))
            .collect();
        Self {
            years: keep.iter().map(|&i| self.years[i]).collect(),
            series: self
                .series
                .iter()
                .filter(|s| !hidden.contains(&s.key))
                .map(|s| Series {
                    values: keep.iter().map(|&i| s.values[i]).collect(),
                    ..s.clone()
                })
                .collect(),
            unit: self.unit,
        }
    }
}

/// Build the series from a query result. Every series has a value at every year, in the same
/// order (egui_plot stacks by index).
pub fn chart_data(result: &QueryResult, top_n: usize, unit: Unit, dark: bool) -> ChartData {
    let gaz = gazetteer();
    let ranked = crate::query::explain::ranked_countries(&result.counts, true);
    let top: Vec<CountryId> = ranked.iter().take(top_n).map(|(c, _)| *c).collect();
    let others: Vec<CountryId> = ranked.iter().skip(top_n).map(|(c, _)| *c).collect();
    let mut years: Vec<i16> = result
        .counts
        .keys()
        .filter_map(|(y, _)| match y {
            YearKey::Year(v) => Some(*v),
            YearKey::Undated => None,
        })
        .collect();
    years.dedup();
    let values = UnitValues::new(result, unit);
    let series_of = |key: String, name: String, countries: Vec<CountryId>, color| Series {
        values: years
            .iter()
            .map(|y| values.value(YearKey::Year(*y), &countries))
            .collect(),
        undated: values.value(YearKey::Undated, &countries),
        key,
        name,
        countries,
        color,
    };
    let mut series: Vec<Series> = top
        .iter()
        .map(|c| {
            let country = gaz.country(*c);
            series_of(
                country.code.to_string(),
                format!("{} ({})", country.name, country.code),
                vec![*c],
                country_color(*c, dark),
            )
        })
        .collect();
    if !others.is_empty() {
        series.push(series_of(
            "other".to_string(),
            format!("Other ({} countries)", others.len()),
            others,
            other_color(dark),
        ));
    }
    ChartData {
        years,
        series,
        unit,
    }
}

/// A value as the tooltips and the description say it.
fn shown(v: f64, unit: Unit) -> String {
    if unit.is_count() {
        format!("{v:.0}")
    } else {
        format!("{v:.1}{}", unit.suffix())
    }
}

/// The chart's accessible description: what it shows, its years, the undated bar and its
/// largest values, so a screen reader user reads the trend too.
pub fn describe(data: &ChartData, show_undated: bool, lines: bool) -> String {
    let unit = data.unit;
    let mut out = format!(
        "Chart of {} per year and country, as {}: ",
        unit.axis(),
        if lines { "lines" } else { "stacked bars" }
    );
    match (data.years.first(), data.years.last()) {
        (Some(a), Some(b)) => out.push_str(&format!("years {a} to {b}, ")),
        _ => out.push_str("no dated years, "),
    }
    out.push_str(&format!("{} series. ", data.series.len()));
    let undated = data.total(None);
    if show_undated && undated > 0.0 {
        out.push_str(&format!(
            "Undated: {} {}, a separate bar beside the year axis. ",
            shown(undated, unit),
            unit.axis()
        ));
    }
    if let Some((i, peak)) = (0..data.years.len())
        .map(|i| (i, data.total(Some(i))))
        .max_by(|a, b| a.1.total_cmp(&b.1))
    {
        out.push_str(&format!(
            "Highest year: {} with {}. ",
            data.years[i],
            shown(peak, unit)
        ));
    }
    out.push_str("Click a bar segment to list its sentences; drag across years to zoom, double-click to show every year.");
    out
}

pub fn chart_panel_ui(app: &mut App, ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    controls_ui(app, ui);
    let opts = app.settings.chart.clone();
    // The series only change with the aggregate or the options: build them once per change.
    let data = match &app.chart_cache {
        Some((v, o, d, data)) if *v == app.view.version && *o == opts && *d == dark => data.clone(),
        _ => {
            let data =
                std::sync::Arc::new(chart_data(&app.view.result, opts.top_n, opts.unit, dark));
            app.chart_cache = Some((app.view.version, opts.clone(), dark, data.clone()));
            data
        }
    };
    let all = data;
    let data = all.zoomed(app.chart_zoom, &app.settings.chart.hidden);
    let cell_open = app.cell.is_some();
    let available = ui.available_height();
    let plot_height = if cell_open {
        (available * 0.6).max(120.0)
    } else {
        available
    };
    let undated_shown = opts.show_undated && data.total(None) > 0.0;
    let plot_width = ui.available_width()
        - LEGEND_WIDTH
        - 8.0
        - if undated_shown {
            UNDATED_WIDTH + 8.0
        } else {
            0.0
        };
    let mut rect = egui::Rect::NOTHING;
    ui.horizontal_top(|ui| {
        let response = years_plot_ui(
            app,
            ui,
            &data,
            plot_width.max(200.0),
            plot_height,
            opts.lines,
        );
        rect = rect.union(response.rect);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Image,
                true,
                describe(&data, opts.show_undated, opts.lines),
            )
        });
        if undated_shown {
            rect = rect.union(undated_plot_ui(app, ui, &data, plot_height));
        }
        rect = rect.union(legend_ui(app, ui, &all, plot_height));
    });
    // The PNG export takes the legend row with the plots.
    app.chart_rect = Some(rect);
    cell_sentences_ui(app, ui);
}

/// The row of chart options and exports (and, when zoomed, the zoom's actions).
fn controls_ui(app: &mut App, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let mut chart = app.settings.chart.clone();
        let unit_label = ui.label("Show:");
        egui::ComboBox::from_id_salt("chart-unit")
            .selected_text(chart.unit.label())
            .show_ui(ui, |ui| {
                for u in Unit::ALL {
                    ui.selectable_value(&mut chart.unit, u, u.label());
                }
            })
            .response
            .labelled_by(unit_label.id);
        ui.selectable_value(&mut chart.lines, false, "Bars")
            .on_hover_text("Stacked bars, one colour per country");
        ui.selectable_value(&mut chart.lines, true, "Lines")
            .on_hover_text("One line per country");
        ui.checkbox(&mut chart.show_undated, "Undated bar");
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
        if let Some((a, b)) = app.chart_zoom {
            ui.separator();
            ui.label(format!("Years {a}–{b}"));
            if ui
                .button("Show every year")
                .on_hover_text("Undo the zoom (or double-click the chart)")
                .clicked()
            {
                app.push(Command::ZoomChart(None));
            }
            if ui
                .button(format!("Filter to {a}–{b}"))
                .on_hover_text("Use this year range as the year filter")
                .clicked()
            {
                let mut filter = app.settings.filter.clone();
                filter.year_min = Some(a);
                filter.year_max = Some(b);
                app.push(Command::SetFilter(filter));
                app.push(Command::ZoomChart(None));
            }
        }
    });
}

/// Add one series' bars on top of the series already in `charts` (egui_plot stacks by index).
fn push_stacked(charts: &mut Vec<BarChart>, name: String, bars: Vec<Bar>, color: egui::Color32) {
    let mut chart = BarChart::new(name, bars)
        .color(color)
        .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let below: Vec<&BarChart> = charts.iter().collect();
    if !below.is_empty() {
        chart = chart.stack_on(&below);
    }
    charts.push(chart);
}

/// The years' plot: bars or lines; a drag across it selects years to zoom into.
fn years_plot_ui(
    app: &mut App,
    ui: &mut egui::Ui,
    data: &ChartData,
    width: f32,
    height: f32,
    lines: bool,
) -> egui::Response {
    let unit = data.unit;
    let xs: Vec<f64> = data.years.iter().map(|y| f64::from(*y)).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    let mut polylines: Vec<Line> = Vec::new();
    for s in &data.series {
        if lines {
            let points: Vec<[f64; 2]> = xs.iter().zip(&s.values).map(|(x, v)| [*x, *v]).collect();
            polylines.push(
                Line::new(s.name.clone(), PlotPoints::from(points))
                    .color(s.color)
                    .width(2.0),
            );
            continue;
        }
        let bars: Vec<Bar> = xs
            .iter()
            .zip(&s.values)
            .map(|(x, v)| {
                Bar::new(*x, *v)
                    .width(0.8)
                    .name(format!("{}\n{x:.0}: {}", s.name, shown(*v, unit)))
                    .fill(s.color)
            })
            .collect();
        push_stacked(&mut charts, s.name.clone(), bars, s.color);
    }
    let tallest = if lines {
        data.series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0, f64::max)
    } else {
        (0..data.years.len())
            .map(|i| data.total(Some(i)))
            .fold(0.0, f64::max)
    };
    // The years with events (or the zoomed range), and one year's margin on each side.
    let (first, last) = match (app.chart_zoom, xs.first(), xs.last()) {
        (Some((a, b)), _, _) => (f64::from(a), f64::from(b)),
        (None, Some(a), Some(b)) => (*a, *b),
        _ => (2000.0, 2020.0),
    };
    let drag_from = app.chart_drag_from;
    let response = Plot::new("events-chart")
        .width(width)
        .height(height)
        .include_x(first - 1.0)
        .include_x(last + 1.0)
        .include_y(0.0)
        .include_y(tallest * 1.08 + if unit.is_count() { 1.0 } else { 0.0 })
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        // Grid lines and labels on whole years only (every 1, 5 or 10 years, as room allows).
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_label(unit.axis())
        .show(ui, |plot_ui| {
            for c in charts {
                plot_ui.bar_chart(c);
            }
            for l in polylines {
                plot_ui.line(l);
            }
            if let (Some(from), Some(p)) = (drag_from, plot_ui.pointer_coordinate()) {
                plot_ui.span(
                    egui_plot::Span::new("zoom", from.min(p.x)..=from.max(p.x))
                        .fill(egui::Color32::from_rgba_unmultiplied(120, 160, 255, 50)),
                );
            }
        });
    let r = &response.response;
    let at = |pos: Option<egui::Pos2>| pos.map(|p| response.transform.value_from_position(p));
    if r.double_clicked() {
        app.push(Command::ZoomChart(None));
    } else if r.drag_started() {
        app.chart_drag_from = at(r.interact_pointer_pos()).map(|p| p.x);
    } else if r.drag_stopped() {
        if let (Some(from), Some(to)) = (app.chart_drag_from.take(), at(r.interact_pointer_pos())) {
            let (a, b) = (from.min(to.x).round(), from.max(to.x).round());
            if (to.x - from).abs() >= 0.5 {
                app.push(Command::ZoomChart(Some((a as i16, b as i16))));
            }
        }
    } else if r.clicked()
        && let Some(p) = at(r.interact_pointer_pos())
    {
        let hit = if lines {
            hit_point(data, p.x, p.y)
        } else {
            hit_segment(data, p.x, p.y)
        };
        if let Some((year, countries)) = hit {
            app.push(Command::SelectCell { year, countries });
        }
    }
    response.response
}

/// The undated events' own stacked bar (its own scale), beside the year axis. Returns its rect.
fn undated_plot_ui(app: &mut App, ui: &mut egui::Ui, data: &ChartData, height: f32) -> egui::Rect {
    let unit = data.unit;
    let mut charts: Vec<BarChart> = Vec::new();
    for s in &data.series {
        let bar = Bar::new(0.0, s.undated)
            .width(0.7)
            .name(format!("{}\nundated: {}", s.name, shown(s.undated, unit)))
            .fill(s.color);
        push_stacked(
            &mut charts,
            format!("{} undated", s.name),
            vec![bar],
            s.color,
        );
    }
    let total = data.total(None);
    let response = Plot::new("undated-chart")
        .width(UNDATED_WIDTH)
        .height(height)
        .include_x(-0.6)
        .include_x(0.6)
        .include_y(0.0)
        .include_y(total * 1.08)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .x_axis_formatter(|mark, _| {
            if mark.value == 0.0 {
                "undated".into()
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| {
            for c in charts {
                plot_ui.bar_chart(c);
            }
        });
    let r = &response.response;
    if r.clicked()
        && let Some(pos) = r.interact_pointer_pos()
    {
        let p = response.transform.value_from_position(pos);
        if p.x.abs() <= 0.4 {
            let mut base = 0.0;
            for s in &data.series {
                if s.undated > 0.0 && p.y >= base && p.y <= base + s.undated {
                    app.push(Command::SelectCell {
                        year: YearKey::Undated,
                        countries: s.countries.clone(),
                    });
                    break;
                }
                base += s.undated;
            }
        }
    }
    r.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Undated events, beside the year axis: {} {}. Click a segment to list its sentences.",
                shown(total, unit),
                unit.axis()
            ),
        )
    });
    r.rect
}

/// The legend: one switch per series, with its colour, in a column right of the plots (where
/// it never hides a bar). Returns its rectangle.
fn legend_ui(app: &mut App, ui: &mut egui::Ui, data: &ChartData, height: f32) -> egui::Rect {
    let mut chart = app.settings.chart.clone();
    let hidden = &mut chart.hidden;
    let rect = ui
        .allocate_ui_with_layout(
            egui::vec2(LEGEND_WIDTH, height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("chart-legend")
                    .max_height(height)
                    .show(ui, |ui| {
                        for s in &data.series {
                            ui.horizontal(|ui| {
                                let (swatch, _) = ui.allocate_exact_size(
                                    egui::vec2(10.0, 10.0),
                                    egui::Sense::hover(),
                                );
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
                            });
                        }
                    });
            },
        )
        .response
        .rect;
    if chart != app.settings.chart {
        app.push(Command::SetChart(chart));
    }
    rect
}

/// The bar segment under plot coordinates (x, y), if any.
pub fn hit_segment(data: &ChartData, x: f64, y: f64) -> Option<(YearKey, Vec<CountryId>)> {
    let i = data
        .years
        .iter()
        .position(|year| (f64::from(*year) - x).abs() <= 0.4)?;
    let mut base = 0.0;
    for s in &data.series {
        let v = s.values.get(i).copied().unwrap_or(0.0);
        if v > 0.0 && y >= base && y <= base + v {
            return Some((YearKey::Year(data.years[i]), s.countries.clone()));
        }
        base += v;
    }
    None
}

/// The line point nearest to (x, y) in its year, if the click is close to one (within a tenth
/// of the tallest value).
pub fn hit_point(data: &ChartData, x: f64, y: f64) -> Option<(YearKey, Vec<CountryId>)> {
    let i = data
        .years
        .iter()
        .position(|year| (f64::from(*year) - x).abs() <= 0.4)?;
    let tallest = data
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::max);
    data.series
        .iter()
        .filter(|s| s.values.get(i).is_some_and(|v| *v > 0.0))
        .map(|s| (s, (s.values[i] - y).abs()))
        .filter(|(_, d)| *d <= tallest / 10.0 + 0.5)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(s, _)| (YearKey::Year(data.years[i]), s.countries.clone()))
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
