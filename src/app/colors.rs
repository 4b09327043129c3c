//! One colour per country, the same in the reader and the chart.

use crate::extract::gazetteer::CountryId;
use eframe::egui::{Color32, ecolor::Hsva};

/// A stable colour for a country: hues spread by the golden ratio over the country id.
pub fn country_color(id: CountryId, dark: bool) -> Color32 {
    let hue = (f32::from(id) * 0.618_034).fract();
    let (s, v) = if dark { (0.55, 0.85) } else { (0.65, 0.75) };
    Hsva::new(hue, s, v, 1.0).into()
}

/// The colour of the "other countries" series.
pub fn other_color(dark: bool) -> Color32 {
    if dark { Color32::from_gray(120) } else { Color32::from_gray(150) }
}

/// Colour for a highlight background behind text.
pub fn highlight(c: Color32) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 70)
}
