//! A small rotating log in the app's data folder, and a crash marker: started from a launcher
//! there is no terminal, so warnings and panics must land somewhere the user can find.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The log is rotated to `techdivide.log.1` when it grows past this.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;
pub const LOG_FILE: &str = "techdivide.log";
const CRASH_MARKER: &str = "crashed-last-run";

static LOG_PATH: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Start logging to `dir/techdivide.log` and record panics there; returns the log path.
pub fn init(dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(LOG_FILE);
    rotate(&path)?;
    if let Ok(mut p) = LOG_PATH.lock() {
        *p = Some(path.clone());
    }
    let marker = dir.join(CRASH_MARKER);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Panics inside a background load are caught and reported; only a crash of the window
        // itself (main thread) leaves the marker.
        let main = std::thread::current().name() == Some("main");
        log(&format!(
            "panic in thread {:?}: {info}",
            std::thread::current().name().unwrap_or("?")
        ));
        if main {
            let _ = std::fs::write(&marker, info.to_string());
        }
        default_hook(info);
    }));
    log(&format!("started techdivide {}", env!("CARGO_PKG_VERSION")));
    Ok(path)
}

fn rotate(path: &Path) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        std::fs::rename(path, path.with_extension("log.1"))?;
    }
    Ok(())
}

/// Append one line to the log (no-op before [`init`]).
pub fn log(line: &str) {
    let Ok(guard) = LOG_PATH.lock() else { return };
    let Some(path) = guard.as_ref() else { return };
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stamp = jiff::Timestamp::from_second(i64::try_from(secs).unwrap_or(0))
        .map_or_else(|_| secs.to_string(), |t| t.to_string());
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{stamp} {line}");
    }
}

/// If the last run crashed, the panic message (and the marker is removed).
pub fn take_crash_report(dir: &Path) -> Option<String> {
    let marker = dir.join(CRASH_MARKER);
    let text = std::fs::read_to_string(&marker).ok()?;
    let _ = std::fs::remove_file(&marker);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_marker_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CRASH_MARKER), "boom at main.rs:1").unwrap();
        assert_eq!(
            take_crash_report(dir.path()).as_deref(),
            Some("boom at main.rs:1")
        );
        assert_eq!(take_crash_report(dir.path()), None);
    }

    #[test]
    fn the_log_rotates_when_large() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOG_FILE);
        std::fs::write(&path, vec![b'x'; (MAX_LOG_BYTES + 1) as usize]).unwrap();
        rotate(&path).unwrap();
        assert!(!path.exists());
        assert!(path.with_extension("log.1").exists());
    }
}
