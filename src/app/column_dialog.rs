//! The mapping dialog: an article table whose columns do not say where the text is (none is
//! named like one, or two are) is not loaded until the user picks which column is which. The
//! choice is kept in the settings, so the table loads the same way at the next start.

use super::*;
use crate::corpus::table::{ColumnChoice, ColumnMap, ColumnsProblem, Role};

/// One table waiting for its columns.
#[derive(Debug, Clone)]
pub struct ColumnDialog {
    pub path: PathBuf,
    pub columns: Vec<String>,
    /// Why it was not loaded as it is.
    pub problem: String,
    /// The column chosen per field ([`Role::ALL`] order), by index into `columns`.
    pub chosen: [Option<usize>; 6],
}

impl ColumnDialog {
    /// Start from what the common names suggest.
    pub fn new(path: PathBuf, columns: Vec<String>, problem: &ColumnsProblem) -> Self {
        let guess = ColumnMap::guess(&columns);
        let problem = match problem {
            ColumnsProblem::NoText => format!(
                "No column is named like the article text ({}): pick the one that holds it.",
                Role::Text.names().join(", ")
            ),
            ColumnsProblem::TwoTexts(c) => format!(
                "Columns {} could each be the article text: pick the one that is.",
                c.join(" and ")
            ),
            ColumnsProblem::NotInTable { role, column } => format!(
                "The {} column chosen before, “{column}”, is not in the table any more.",
                role.as_str()
            ),
        };
        Self {
            chosen: Role::ALL.map(|r| guess.column(r)),
            path,
            columns,
            problem,
        }
    }

    /// The choice as saved and passed to the loader.
    pub fn choice(&self) -> ColumnChoice {
        let mut choice = ColumnChoice::default();
        for (role, chosen) in Role::ALL.into_iter().zip(self.chosen) {
            choice.set(role, chosen.map(|i| self.columns[i].clone()));
        }
        choice
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Title => "Title",
        Role::Published => "Published date",
        Role::Text => "Article text",
        Role::Url => "Address (URL)",
        Role::Source => "Outlet",
        Role::Id => "Id or file name",
    }
}

pub(super) fn column_dialog_ui(app: &mut App, ctx: &egui::Context) {
    let Some(dialog) = app.column_dialogs.first_mut() else {
        return;
    };
    let mut command = None;
    let name = dialog.path.file_name().map_or_else(
        || dialog.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Modal::new(egui::Id::unique("column_dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(format!("Which column is which in {name}?"));
        ui.label(&dialog.problem);
        ui.label("Each row of the table becomes an article. Its text is read like a file's; its title and date come from their columns when you pick them.");
        ui.add_space(6.0);
        egui::Grid::new("column_choices")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, role) in Role::ALL.into_iter().enumerate() {
                    let label = ui.label(role_label(role));
                    let shown = dialog.chosen[k].map_or("(none)", |i| dialog.columns[i].as_str());
                    egui::ComboBox::from_id_salt(("column", k))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            if role != Role::Text {
                                ui.selectable_value(&mut dialog.chosen[k], None, "(none)");
                            }
                            for (i, c) in dialog.columns.iter().enumerate() {
                                ui.selectable_value(&mut dialog.chosen[k], Some(i), c);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = dialog.chosen[Role::Text as usize].is_some();
            let load = ui
                .add_enabled(ready, egui::Button::new("Load the table"))
                .on_disabled_hover_text("Pick the column that holds the article text");
            if load.clicked() {
                command = Some(Command::LoadTableWithColumns {
                    path: dialog.path.clone(),
                    choice: dialog.choice(),
                });
            }
            if ui.button("Don't load it").clicked() {
                command = Some(Command::CloseColumnDialog(dialog.path.clone()));
            }
        });
    });
    app.commands.extend(command);
}
