//! One colour per country, the same in the reader and the chart.

use crate::extract::gazetteer::CountryId;
use eframe::egui::{Color32, ecolor::Hsva};

/// Distinct colours for the countries news mentions most; every other country gets a hue
/// spread by the golden ratio over its id. Stable across filters, so a country keeps its colour.
const FIXED: &[(&str, [u8; 3])] = &[
    ("US", [66, 133, 244]),
    ("CN", [229, 57, 53]),
    ("RU", [142, 36, 170]),
    ("GB", [0, 172, 193]),
    ("DE", [255, 179, 0]),
    ("FR", [57, 73, 171]),
    ("JP", [216, 27, 96]),
    ("IN", [251, 140, 0]),
    ("KR", [0, 137, 123]),
    ("TW", [124, 179, 66]),
    ("IR", [109, 76, 65]),
    ("IL", [3, 155, 229]),
    ("UA", [253, 216, 53]),
    ("IT", [67, 160, 71]),
    ("SE", [94, 53, 177]),
    ("HK", [244, 81, 30]),
];

/// A stable colour for a country.
pub fn country_color(id: CountryId, dark: bool) -> Color32 {
    let code = crate::extract::gazetteer::gazetteer().code(id);
    if let Some((_, [r, g, b])) = FIXED.iter().find(|(c, _)| *c == code) {
        return Color32::from_rgb(*r, *g, *b);
    }
    let hue = (f32::from(id) * 0.618_034).fract();
    let (s, v) = if dark { (0.55, 0.85) } else { (0.65, 0.75) };
    Hsva::new(hue, s, v, 1.0).into()
}

/// The colour of the "other countries" series.
pub fn other_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(120)
    } else {
        Color32::from_gray(150)
    }
}

/// Colour for a highlight background behind text.
pub fn highlight(c: Color32) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 110)
}
