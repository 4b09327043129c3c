//! The trend chart, the concordance and the date suggestions, driven through egui_kittest as a
//! user (or a screen reader) would: by accessible names, clicks and typing.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use techdivide::app::picker::FakePicker;
use techdivide::app::{App, Command};
use techdivide::query::YearKey;
use techdivide::query::concordance::ConcordanceSort;

fn seeds_app() -> Harness<'static, App> {
    seeds_app_stepping(0.25)
}

/// The window on the seeds, its clock moving `step_dt` seconds per frame.
fn seeds_app_stepping(step_dt: f32) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(step_dt)
        .build_eframe(|cc| {
            App::new(
                Some(cc.egui_ctx.clone()),
                Vec::new(),
                true,
                None,
                Box::new(FakePicker::new(vec![])),
            )
        });
    harness.run_steps(3);
    harness
}

/// The undated events the window counts.
fn undated_events(h: &Harness<'_, App>) -> u32 {
    h.state()
        .view
        .result
        .counts
        .iter()
        .filter(|((y, _), _)| *y == YearKey::Undated)
        .map(|(_, n)| *n)
        .sum()
}

/// The chart's accessible description.
fn chart_description(h: &Harness<'_, App>) -> String {
    h.get_by_label_contains("per year and country, as")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn undated_events_stand_beside_the_year_axis_which_covers_only_the_data() {
    let harness = seeds_app();
    let text = chart_description(&harness);
    let undated = undated_events(&harness);
    assert!(undated > 50, "most seed events are undated");
    assert!(
        text.contains(&format!(
            "Undated: {undated} events, a separate bar beside the year axis"
        )),
        "{text}"
    );
    // The years are those with events (2010 to 2035 in the seeds), not an axis stretched to
    // make room for the undated bar.
    assert!(text.contains("years 2010 to 2035"), "{text}");
    harness.get_by_label_contains("Undated events, beside the year axis:");
}

#[test]
fn the_unit_switch_changes_what_the_chart_counts() {
    let mut harness = seeds_app();
    assert!(chart_description(&harness).starts_with("Chart of events per year"));
    harness.get_by_label("Show:").click();
    harness.run_steps(2);
    harness
        .get_by_label("Share of the year's events (%)")
        .click();
    harness.run_steps(3);
    let text = chart_description(&harness);
    assert!(
        text.starts_with("Chart of share of the year's events (%) per year"),
        "{text}"
    );
    // Every year's stack is 100% of that year's events.
    assert!(text.contains("with 100.0%"), "{text}");
    harness.get_by_label("Lines").click();
    harness.run_steps(2);
    assert!(chart_description(&harness).contains("as lines"));
    assert!(harness.state().settings.chart.lines);
}

#[test]
fn a_zoom_shows_its_years_can_become_the_year_filter_and_resets() {
    let mut harness = seeds_app();
    harness
        .state_mut()
        .push(Command::ZoomChart(Some((2015, 2021))));
    harness.run_steps(2);
    let zoomed = chart_description(&harness);
    assert!(zoomed.contains("years 2015 to 2021"), "{zoomed}");
    harness.get_by_label("Show every year").click();
    harness.run_steps(2);
    assert_eq!(harness.state().chart_zoom, None);
    assert!(chart_description(&harness).contains("years 2010 to 2035"));
    // Zoom again and use the range as the year filter.
    harness
        .state_mut()
        .push(Command::ZoomChart(Some((2016, 2020))));
    harness.run_steps(2);
    harness.get_by_label("Filter to 2016–2020").click();
    harness.run_steps(3);
    let filter = &harness.state().settings.filter;
    assert_eq!((filter.year_min, filter.year_max), (Some(2016), Some(2020)));
    assert!(
        harness
            .state()
            .view
            .result
            .counts
            .keys()
            .all(|(y, _)| matches!(y, YearKey::Year(2016..=2020))),
        "only the range is counted"
    );
}

/// Type a term in the concordance and wait for its lines.
fn search_concordance(harness: &mut Harness<'_, App>, term: &str) {
    harness.get_by_label("Concordance").click();
    harness.run_steps(2);
    harness.get_by_label("Word or phrase:").click();
    harness.run_steps(1);
    harness.get_by_label("Word or phrase:").type_text(term);
    harness.run_steps(1);
    harness.get_by_label("Find").click();
    for _ in 0..300 {
        harness.step();
        if !harness.state().concordance.is_searching() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(2);
}

#[test]
fn the_concordance_sorts_its_lines_and_opens_the_article_at_one() {
    let mut harness = seeds_app();
    search_concordance(&mut harness, "Huawei");
    harness.get_by_label_contains("12 occurrences of “Huawei”");
    // Sorted by the right context: the words after the match are in order.
    harness
        .state_mut()
        .push(Command::SortConcordance(ConcordanceSort::Right));
    harness.run_steps(2);
    let rights: Vec<String> = {
        let app = harness.state();
        app.concordance
            .lines
            .iter()
            .map(|o| {
                let text = &app.corpus.entries[o.row].article.text;
                let (_, _, right) = techdivide::query::concordance::context(text, &o.span);
                right
                    .split_whitespace()
                    .map(|w| {
                        w.chars()
                            .filter(|c| c.is_alphanumeric())
                            .flat_map(char::to_lowercase)
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    let mut sorted = rights.clone();
    sorted.sort();
    assert_eq!(rights, sorted, "lines in right-context order");
    // Sorted by year: undated lines last.
    harness
        .state_mut()
        .push(Command::SortConcordance(ConcordanceSort::Year));
    harness.run_steps(2);
    let years: Vec<i16> = harness
        .state()
        .concordance
        .lines
        .iter()
        .map(|o| o.years.first().copied().unwrap_or(i16::MAX))
        .collect();
    assert!(years.is_sorted(), "{years:?}");
    // Click the first line: its article opens with the occurrence shaded.
    let first = harness.state().concordance.lines[0].clone();
    harness
        .get_all_by_label_contains("[Huawei]")
        .next()
        .expect("a concordance line")
        .click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.selected, Some(first.row));
    assert_eq!(app.reader_mark, Some((first.row, first.span)));
}

#[test]
fn accepting_a_suggested_date_moves_the_articles_undated_events_to_years() {
    let mut harness = seeds_app();
    let row = harness
        .state()
        .corpus
        .entries
        .iter()
        .position(|e| e.article.meta.title.contains("Fifth Plenum"))
        .expect("the Fifth Plenum seed");
    assert!(harness.state().corpus.entries[row].published().is_none());
    let before = undated_events(&harness);
    harness.state_mut().push(Command::SelectArticle(row));
    harness.run_steps(2);
    // The suggestion is shown with its evidence; nothing is counted until it is accepted.
    harness.get_by_label_contains("Suggested: 2020 (latest explicit year in the text");
    assert_eq!(undated_events(&harness), before);
    harness.get_by_label("Accept").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.corpus.entries[row].published().map(|d| d.year()),
        Some(2020)
    );
    assert!(
        undated_events(&harness) < before,
        "the article's undated events moved to 2020"
    );
    // The dates to review list the two seeds still undated.
    harness.get_by_label("Dates to review").click();
    harness.run_steps(2);
    harness.get_by_label_contains("2 undated articles in the filtered list");
}

#[test]
fn dragging_across_the_years_zooms_and_a_double_click_resets() {
    // Frames 50 ms apart, so two clicks in two frames are a double-click.
    let mut harness = seeds_app_stepping(0.05);
    let rect = harness
        .get_by_label_contains("per year and country, as")
        .rect();
    let y = rect.center().y;
    let (from, to) = (
        rect.left() + rect.width() * 0.3,
        rect.left() + rect.width() * 0.6,
    );
    harness.hover_at(egui::pos2(from, y));
    harness.run_steps(1);
    harness.drag_at(egui::pos2(from, y));
    harness.run_steps(1);
    for k in 1..=6 {
        harness.hover_at(egui::pos2(from + (to - from) * k as f32 / 6.0, y));
        harness.run_steps(1);
    }
    harness.drop_at(egui::pos2(to, y));
    harness.run_steps(3);
    let zoom = harness.state().chart_zoom.expect("the drag zoomed in");
    assert!(zoom.0 < zoom.1, "{zoom:?}");
    let text = chart_description(&harness);
    assert!(!text.contains("years 2010 to 2035"), "{text}");
    // A double-click on the plot shows every year again.
    let rect = harness
        .get_by_label_contains("per year and country, as")
        .rect();
    // Near the plot's top-left corner, where no bar stands (a click on a bar opens its list).
    let at = rect.left_top() + egui::vec2(60.0, 20.0);
    harness.hover_at(at);
    harness.run_steps(1);
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        if !pressed {
            harness.run_steps(1);
        }
    }
    harness.run_steps(2);
    assert_eq!(harness.state().chart_zoom, None);
}
