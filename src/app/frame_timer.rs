//! `TECHDIVIDE_FRAME_TIMES=1`: measure time to first frame and the cost of every `ui()` call,
//! split into frames drawn while a load runs and frames after it, and print a summary on exit.
//! Used for BENCHMARKS.md; off (and free) otherwise.

use std::time::{Duration, Instant};

pub struct FrameTimer {
    started: Instant,
    first_frame: Option<Duration>,
    loading: Vec<f64>,
    idle: Vec<f64>,
    refresh: Vec<f64>,
}

impl FrameTimer {
    /// A timer when the environment asks for one.
    pub fn from_env(started: Instant) -> Option<Self> {
        std::env::var_os("TECHDIVIDE_FRAME_TIMES").map(|_| Self {
            started,
            first_frame: None,
            loading: Vec::new(),
            idle: Vec::new(),
            refresh: Vec::new(),
        })
    }

    /// Record one `ui()` call that took `took`.
    pub fn frame(&mut self, took: Duration, loading: bool) {
        if self.first_frame.is_none() {
            self.first_frame = Some(self.started.elapsed());
        }
        let ms = took.as_secs_f64() * 1e3;
        if loading {
            self.loading.push(ms)
        } else {
            self.idle.push(ms)
        }
    }

    /// Record one recomputation of the list and chart (a filter change or new articles).
    pub fn refresh(&mut self, took: Duration) {
        self.refresh.push(took.as_secs_f64() * 1e3);
    }

    /// The summary printed on exit.
    pub fn summary(&self) -> String {
        fn stats(name: &str, v: &[f64]) -> String {
            if v.is_empty() {
                return format!("{name}: none");
            }
            let mut s = v.to_vec();
            s.sort_by(f64::total_cmp);
            let pct = |p: f64| s[((s.len() - 1) as f64 * p).round() as usize];
            format!(
                "{name}: {} frames, median {:.2} ms, p95 {:.2} ms, max {:.2} ms, over 16 ms: {}, over 50 ms: {}",
                s.len(),
                pct(0.5),
                pct(0.95),
                s[s.len() - 1],
                s.iter().filter(|&&x| x > 16.0).count(),
                s.iter().filter(|&&x| x > 50.0).count()
            )
        }
        format!(
            "time to first frame: {:.0} ms\n{}\n{}\n{}",
            self.first_frame.map_or(f64::NAN, |d| d.as_secs_f64() * 1e3),
            stats("ui() while loading", &self.loading),
            stats("ui() after loading", &self.idle),
            stats("list+chart refresh", &self.refresh)
        )
    }
}
