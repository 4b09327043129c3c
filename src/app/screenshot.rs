//! `--screenshot FILE.png`: wait for loading, render, save the window, close. Also saves the chart
//! area as PNG for File → Export chart image.

use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

const WAITING: u8 = 0;
const REQUESTED: u8 = 1;
const SAVED: u8 = 2;
const FAILED: u8 = 3;

/// The state of a `--screenshot` run.
pub struct Screenshot {
    path: PathBuf,
    frames_after_load: u32,
    state: Arc<AtomicU8>,
}

impl Screenshot {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames_after_load: 0,
            state: Arc::new(AtomicU8::new(WAITING)),
        }
    }

    /// Called every frame: once loading is done and a few frames are drawn, take the picture;
    /// once it is saved, close the window.
    pub fn step(&mut self, ctx: &egui::Context, loading: bool) {
        ctx.request_repaint();
        if loading {
            return;
        }
        self.frames_after_load += 1;
        match self.state.load(Ordering::SeqCst) {
            WAITING if self.frames_after_load > 5 => {
                self.state.store(REQUESTED, Ordering::SeqCst);
                let state = self.state.clone();
                let path = self.path.clone();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
                    let ok = save_png(&image, None, &path);
                    match &ok {
                        Ok(()) => eprintln!("techdivide: screenshot saved: {}", path.display()),
                        Err(e) => eprintln!(
                            "techdivide: could not save the screenshot ({e}): {}",
                            path.display()
                        ),
                    }
                    state.store(if ok.is_ok() { SAVED } else { FAILED }, Ordering::SeqCst);
                    repaint.request_repaint();
                });
            }
            SAVED | FAILED => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ => {}
        }
    }
}

/// Save an image (optionally a crop in points, scaled by the image's pixels per point) as PNG.
pub fn save_png(
    image: &egui::ColorImage,
    crop: Option<(egui::Rect, f32)>,
    path: &std::path::Path,
) -> Result<(), String> {
    let [w, h] = image.size;
    let mut rgba = image::RgbaImage::from_raw(w as u32, h as u32, image.as_raw().to_vec())
        .ok_or("the screenshot has a wrong size")?;
    if let Some((rect, ppp)) = crop {
        let x = (rect.min.x * ppp).max(0.0) as u32;
        let y = (rect.min.y * ppp).max(0.0) as u32;
        let cw = ((rect.width() * ppp) as u32).min(w as u32 - x.min(w as u32));
        let ch = ((rect.height() * ppp) as u32).min(h as u32 - y.min(h as u32));
        rgba = image::imageops::crop_imm(&rgba, x, y, cw, ch).to_image();
    }
    rgba.save(path).map_err(|e| e.to_string())
}

/// Save the chart area of the next frame to `path`.
pub fn save_chart_png(
    ctx: &egui::Context,
    chart: Option<egui::Rect>,
    path: PathBuf,
    done: std::sync::mpsc::Sender<Result<PathBuf, String>>,
) {
    let ppp = ctx.pixels_per_point();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
        let outcome = match save_png(&image, chart.map(|r| (r, ppp)), &path) {
            Ok(()) => Ok(path),
            Err(e) => Err(format!(
                "Could not save the chart image ({e}): {}",
                path.display()
            )),
        };
        let _ = done.send(outcome);
        repaint.request_repaint();
    });
    ctx.request_repaint();
}
