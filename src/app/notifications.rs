//! Messages for the user (bad files, saved exports, missing dialogs), shown until dismissed.

use super::command::Command;
use eframe::egui;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub level: Level,
    pub text: String,
}

/// How many notifications are drawn at once; the rest are counted.
const SHOWN: usize = 6;

/// Draw the notification stack in the bottom-right corner.
pub fn notifications_ui(ui: &mut egui::Ui, items: &[Notification], commands: &mut Vec<Command>) {
    if items.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("notifications"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
        .show(ui.ctx(), |ui| {
            ui.set_max_width(460.0);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(format!(
                        "{} notification{}",
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    ));
                    if ui.button("Dismiss all").clicked() {
                        commands.push(Command::DismissAllNotifications);
                    }
                });
                for (i, n) in items.iter().enumerate().rev().take(SHOWN) {
                    ui.horizontal(|ui| {
                        let (icon, color) = match n.level {
                            Level::Info => ("Info:", ui.visuals().text_color()),
                            Level::Warning => ("Warning:", ui.visuals().warn_fg_color),
                            Level::Error => ("Error:", ui.visuals().error_fg_color),
                        };
                        if ui
                            .small_button("Dismiss")
                            .accessible_name(format!("Dismiss: {}", n.text))
                            .clicked()
                        {
                            commands.push(Command::DismissNotification(i));
                        }
                        ui.colored_label(color, icon);
                        ui.add(egui::Label::new(&n.text).wrap());
                    });
                }
                if items.len() > SHOWN {
                    ui.weak(format!("… and {} more", items.len() - SHOWN));
                }
            });
        });
}
