//! How long a filter keystroke waits right after an option change that re-counts the corpus
//! ("Anchor decades"), against the same keystroke before it, with N generated articles loaded.
//! Drives the real window state through egui_kittest (no display).
//!
//! ```text
//! cargo run --release --example option_latency -- 40000
//! ```

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use techdivide::app::App;
use techdivide::app::picker::FakePicker;
use techdivide::corpus::{ArticleOrigin, load_bytes};
use techdivide::extract::ExtractOptions;
use techdivide::query::Corpus;

/// Step the window until its view answers (the list and the chart show the filter), and return
/// how long the first step (the keystroke's own frame) took and how long until the answer.
fn keystroke(harness: &mut Harness<'_, App>, c: &str) -> (Duration, Duration) {
    let started = Instant::now();
    harness.get_by_label("Filter:").type_text(c);
    harness.step();
    let frame = started.elapsed();
    while harness.state().is_searching() {
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
    }
    (frame, started.elapsed())
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40_000);
    let articles = corpus_gen::generate_in_memory(7, n)
        .into_iter()
        .filter_map(|f| load_bytes(ArticleOrigin::Memory(f.path.clone()), f.path, &f.bytes).ok())
        .collect();
    let corpus = Corpus::from_articles(articles, ExtractOptions::default());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            let mut app = App::new(
                Some(cc.egui_ctx.clone()),
                Vec::new(),
                false,
                None,
                Box::new(FakePicker::new(Vec::new())),
            );
            app.corpus = corpus;
            app.selected = Some(0);
            app
        });
    harness.run_steps(3);
    while harness.state().is_searching() {
        harness.step();
    }
    harness.get_by_label("Filter:").click();
    harness.run_steps(1);
    let (before_frame, before_answer) = keystroke(&mut harness, "c");
    let started = Instant::now();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness
        .get_by_label("Anchor decades at their first year")
        .click();
    harness.step();
    let toggle = started.elapsed();
    harness.get_by_label("Filter:").click();
    harness.step();
    let (after_frame, after_answer) = keystroke(&mut harness, "h");
    let recounting = harness.state().recount.is_some();
    let started = Instant::now();
    while harness.state().recount.is_some() {
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    let recount_rest = started.elapsed();
    println!("articles: {}", harness.state().corpus.len());
    println!(
        "keystroke before the toggle: frame {:.1} ms, answer {:.1} ms",
        ms(before_frame),
        ms(before_answer)
    );
    println!("toggle (menu click to frame done): {:.1} ms", ms(toggle));
    println!(
        "keystroke right after the toggle: frame {:.1} ms, answer {:.1} ms (re-count still running: {recounting})",
        ms(after_frame),
        ms(after_answer)
    );
    println!(
        "re-count finished {:.0} ms after that keystroke",
        ms(recount_rest)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
