//! Writing a file so that it is either the old one or the whole new one: a temporary file in
//! the same folder (`tempfile`), synced, then renamed over the target. A crash or a kill in the
//! middle leaves the old file untouched. Used for exports, settings and desktop files.

use std::io::Write;
use std::path::Path;

/// Write `path` through `write`, atomically. `io` turns an I/O failure into the caller's error
/// (which names the file); `write`'s own errors pass through unchanged.
pub fn write_with<E>(
    path: &Path,
    io: impl Fn(std::io::Error) -> E,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".techdivide-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(&io)?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf)?;
        buf.flush().map_err(&io)?;
    }
    tmp.as_file().sync_all().map_err(&io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Write `bytes` to `path` atomically.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, |e| e, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        write_bytes(&path, b"old").unwrap();
        let failed: std::io::Result<()> = write_with(
            &path,
            |e| e,
            |w| {
                w.write_all(b"half")?;
                Err(std::io::Error::other("disk full"))
            },
        );
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_bytes(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}
