//! The window's side of the analysis cache: clearing it from the About panel, and its size as
//! a person reads it.

use super::*;

impl App {
    /// How many files the analysis cache holds (`None`: no cache in this session).
    pub fn cached_files(&self) -> Option<usize> {
        self.cache.as_ref().map(|c| c.len())
    }

    /// Empty the analysis cache. Refused while a load or re-count holds it.
    pub(super) fn clear_cache(&mut self) {
        let Some(shared) = self.cache.take() else {
            return;
        };
        match Arc::try_unwrap(shared) {
            Ok(cache) => match cache.clear() {
                Ok(fresh) => {
                    self.cache = Some(Arc::new(fresh));
                    self.notify(
                        Level::Info,
                        "The analysis cache is cleared: the next start reads every file again.",
                    );
                }
                Err(e) => self.notify(
                    Level::Error,
                    format!("The analysis cache could not be cleared ({e}); it is not used until the next start."),
                ),
            },
            Err(shared) => {
                self.cache = Some(shared);
                self.notify(
                    Level::Warning,
                    "The analysis cache is in use by the running load; clear it once loading has finished.",
                );
            }
        }
    }
}

/// `1.2 MB`, `340 KB`, `12 bytes`: decimal units, as file managers show sizes.
pub(super) fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_as_a_file_manager_shows_them() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(340_000), "340 KB");
        assert_eq!(human_bytes(1_234_567), "1.2 MB");
        assert_eq!(human_bytes(157_000_000), "157 MB");
        assert_eq!(human_bytes(2_400_000_000), "2.4 GB");
    }
}
