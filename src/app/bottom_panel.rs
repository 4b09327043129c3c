//! The panel under the reader: tabs for the chart, the concordance and the dates to review, and
//! the switch to the chart-focused layout.

use super::settings::BottomTab;
use super::{App, Command};
use eframe::egui;

pub fn bottom_panel_ui(app: &mut App, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let tab = app.settings.bottom_tab;
        for (t, name) in [
            (BottomTab::Chart, "Chart".to_string()),
            (BottomTab::Concordance, "Concordance".to_string()),
            (BottomTab::DatesToReview, "Dates to review".to_string()),
        ] {
            if ui.selectable_label(tab == t, name).clicked() && tab != t {
                app.push(Command::SetBottomTab(t));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut focus = app.settings.chart_focus;
            if ui
                .toggle_value(&mut focus, "Chart focus")
                .on_hover_text("Give this panel most of the window's height (View menu too)")
                .changed()
            {
                app.push(Command::SetChartFocus(focus));
            }
        });
    });
    ui.separator();
    match app.settings.bottom_tab {
        BottomTab::Chart => super::chart::chart_panel_ui(app, ui),
        BottomTab::Concordance => super::concordance::concordance_ui(app, ui),
        BottomTab::DatesToReview => super::dates_review::dates_review_ui(app, ui),
    }
}
