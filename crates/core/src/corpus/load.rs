//! Paths → files → decoded articles, in parallel, with one typed problem per bad path.

use super::article::{Article, ArticleOrigin};
use super::canonical::CanonicalFolders;
use super::decode::{DecodeError, MAX_FILE_BYTES, decode_bytes, decode_owned};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// `errno` for "too many levels of symbolic links" on Linux.
const ELOOP: i32 = 40;

/// Text file extensions picked up when a folder is walked (saved pages too: see
/// [`super::html::HTML_EXTENSIONS`]).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text"];

/// Formats people open by mistake that are not read: named explicitly, each gets one line
/// saying so instead of being decoded as text.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("pdf", "PDF document"),
    ("doc", "Word document"),
    ("docx", "Word document"),
    ("odt", "OpenDocument text"),
    ("rtf", "RTF document"),
    ("epub", "EPUB book"),
    ("pages", "Pages document"),
    ("xls", "Excel workbook"),
    ("xlsx", "Excel workbook"),
    ("ods", "OpenDocument spreadsheet"),
    ("ppt", "PowerPoint file"),
    ("pptx", "PowerPoint file"),
    ("png", "PNG image"),
    ("jpg", "JPEG image"),
    ("jpeg", "JPEG image"),
    ("gif", "GIF image"),
    ("webp", "WebP image"),
    ("svg", "SVG image"),
    ("zip", "ZIP archive"),
    ("gz", "gzip archive"),
    ("mp3", "audio file"),
    ("mp4", "video file"),
    ("mhtml", "MHTML archive"),
    ("mht", "MHTML archive"),
    ("webarchive", "Safari web archive"),
];

/// The kind of an unsupported file, by its extension.
fn unsupported_kind(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?;
    UNSUPPORTED
        .iter()
        .find(|(e, _)| ext.eq_ignore_ascii_case(e))
        .map(|(_, kind)| *kind)
}

/// Why one path did not become an article. Every message names the path last, so a list of
/// problems reads as "what went wrong: where".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("not found: {0}")]
    Missing(PathBuf),
    #[error("cannot read ({reason}): {path}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{reason}: {path}")]
    NotText { path: PathBuf, reason: DecodeError },
    #[error(
        "not supported ({kind}; open a text copy (.txt) or the saved web page (.html)): {path}"
    )]
    Unsupported { path: PathBuf, kind: &'static str },
    #[error(
        "folder has no .txt, .md, .text or .html files, nor tables (.csv, .tsv, .jsonl, .parquet): {0}"
    )]
    EmptyFolder(PathBuf),
    #[error("cannot walk folder ({reason}): {path}")]
    Walk { path: PathBuf, reason: String },
    #[error("already loaded as {first}: {path}")]
    Duplicate { path: PathBuf, first: PathBuf },
    #[error("loading crashed ({reason}): {path}")]
    Crashed { path: PathBuf, reason: String },
    /// An article table that could not be read at all.
    #[error("cannot read the table ({reason}): {path}")]
    Table { path: PathBuf, reason: String },
    /// An article table whose columns do not say where the text is: `columns` are its own, so
    /// the user can choose.
    #[error("{problem}: {path}")]
    TableColumns {
        path: PathBuf,
        columns: Vec<String>,
        problem: crate::corpus::table::ColumnsProblem,
    },
    /// One row of a table (`place`: `line 13`, `row 12`) that was not loaded.
    #[error("{place} ({reason}): {path}")]
    Row {
        path: PathBuf,
        place: String,
        reason: String,
    },
    /// One row of a table that was loaded, but not quite as it stands (a date cell that is not
    /// a date).
    #[error("{place} was loaded, but {reason}: {path}")]
    RowLoaded {
        path: PathBuf,
        place: String,
        reason: String,
    },
}

impl LoadError {
    /// The path the problem is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Missing(p) | LoadError::EmptyFolder(p) => p,
            LoadError::Unreadable { path, .. }
            | LoadError::NotText { path, .. }
            | LoadError::Walk { path, .. }
            | LoadError::Unsupported { path, .. }
            | LoadError::Duplicate { path, .. }
            | LoadError::Crashed { path, .. }
            | LoadError::Table { path, .. }
            | LoadError::TableColumns { path, .. }
            | LoadError::Row { path, .. }
            | LoadError::RowLoaded { path, .. } => path,
        }
    }

    /// True when the article was loaded all the same (a warning, not a skip).
    pub fn was_loaded(&self) -> bool {
        matches!(self, LoadError::RowLoaded { .. })
    }
}

fn is_text_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TEXT_EXTENSIONS
            .iter()
            .chain(super::html::HTML_EXTENSIONS)
            .chain(super::table::TABLE_EXTENSIONS)
            .any(|t| e.eq_ignore_ascii_case(t))
    })
}

/// Expand paths into a sorted, de-duplicated list of files; folders are walked recursively for
/// text files. `already` holds canonical paths loaded before (a second open is reported, not
/// loaded again).
pub fn collect_files(
    paths: &[PathBuf],
    already: &HashSet<PathBuf>,
) -> (Vec<PathBuf>, Vec<LoadError>) {
    // Each file with whether it is a link itself, when the walk says so.
    let mut files: Vec<(PathBuf, Option<bool>)> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // A dangling symlink or a symlink loop is also "not found" to metadata().
                if std::fs::symlink_metadata(path).is_ok() {
                    problems.push(LoadError::Unreadable {
                        path: path.clone(),
                        reason: format!("broken or looping symlink: {e}"),
                    });
                } else {
                    problems.push(LoadError::Missing(path.clone()));
                }
                continue;
            }
            Err(e) => {
                let reason = if e.raw_os_error() == Some(ELOOP) {
                    "symlink loop".to_string()
                } else {
                    e.to_string()
                };
                problems.push(LoadError::Unreadable {
                    path: path.clone(),
                    reason,
                });
                continue;
            }
        };
        if meta.is_dir() {
            let mut found = Vec::new();
            // Siblings sorted by name. Their paths are their folder's path and their names, so
            // the paths' bytes sort as the names do, without `file_name`'s parse of every path
            // at every comparison (a third of a 40,000-file walk).
            for entry in walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_text_file(e.path()) => {
                        let link = e.path_is_symlink();
                        found.push((e.into_path(), Some(link)))
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(LoadError::Walk {
                        path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                        reason: e
                            .io_error()
                            .map_or_else(|| "symlink loop".to_string(), |io| io.to_string()),
                    }),
                }
            }
            if found.is_empty() {
                problems.push(LoadError::EmptyFolder(path.clone()));
            }
            files.extend(found);
        } else {
            files.push((path.clone(), None));
        }
    }
    // Same file through two paths (a symlink, `./a` and `a`): keep the first.
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let mut unique = Vec::new();
    let folders = CanonicalFolders::default();
    for (f, link) in files {
        let canonical = folders.of(&f, link);
        if already.contains(&canonical) {
            problems.push(LoadError::Duplicate {
                first: canonical.clone(),
                path: f,
            });
        } else if let Some(first) = seen.get(&canonical) {
            problems.push(LoadError::Duplicate {
                first: first.clone(),
                path: f,
            });
        } else {
            seen.insert(canonical, f.clone());
            unique.push(f);
        }
    }
    (unique, problems)
}

/// Read and decode one file into an article.
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    load_file_with(path, &CanonicalFolders::default())
}

/// [`load_file`] with the canonical paths of a load's folders shared (see [`CanonicalFolders`]).
pub fn load_file_with(path: &Path, folders: &CanonicalFolders) -> Result<Article, LoadError> {
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let not_found = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(path.to_path_buf()),
        _ => unreadable(e),
    };
    // Opened once: its size and its bytes come from the open file (one `fstat`, no second
    // look-up of the path). A named format that is not read is said so even when it cannot
    // be opened.
    let (opened, is_link) = if unsupported_kind(path).is_some() {
        (None, None)
    } else {
        let (file, is_link) = open_file(path).map_err(not_found)?;
        (Some(file), is_link)
    };
    let meta = match &opened {
        Some(file) => file.metadata().map_err(unreadable)?,
        None => std::fs::metadata(path).map_err(not_found)?,
    };
    if meta.is_dir() {
        return Err(LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: "it is a folder, not a file".to_string(),
        });
    }
    if let Some(kind) = unsupported_kind(path) {
        return Err(LoadError::Unsupported {
            path: path.to_path_buf(),
            kind,
        });
    }
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if size > MAX_FILE_BYTES {
        return Err(LoadError::NotText {
            path: path.to_path_buf(),
            reason: DecodeError::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            },
        });
    }
    let bytes = match opened {
        Some(mut file) => read_sized(&mut file, size).map_err(unreadable)?,
        None => Vec::new(),
    };
    let origin = ArticleOrigin::File(folders.of(path, is_link));
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    load_owned_bytes(origin, file, bytes).map_err(|reason| LoadError::NotText {
        path: path.to_path_buf(),
        reason,
    })
}

/// Open a file to read, and whether its path is a symlink when the open says so: a path that
/// opens without following a link at its end is not one (which spares the `lstat` that would
/// ask). `None` when it could be either (a link, or an open that failed without
/// `O_NOFOLLOW`'s help and is tried again plainly).
fn open_file(path: &Path) -> std::io::Result<(std::fs::File, Option<bool>)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let not_following = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path);
        if let Ok(file) = not_following {
            return Ok((file, Some(false)));
        }
    }
    std::fs::File::open(path).map(|file| (file, None))
}

/// All of `file`'s bytes, into a buffer of the `size` its metadata said. Through `Take`,
/// `read_to_end` has no size hint, so it does not ask the file system for the size and the
/// position again (a `statx` and an `lseek` per file, as `File`'s own `read_to_end` does): it
/// fills the buffer, then one small read finds the end. A file that grew since is read to its
/// end all the same.
fn read_sized(file: &mut std::fs::File, size: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(size);
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`load_bytes`] of bytes read for it: a UTF-8 text keeps them, uncopied.
fn load_owned_bytes(
    origin: ArticleOrigin,
    file: String,
    bytes: Vec<u8>,
) -> Result<Article, DecodeError> {
    if super::html::is_html_name(&file) || looks_like_html(&bytes) {
        return super::html::load_html(origin, file, &bytes);
    }
    let decoded = decode_owned(bytes)?;
    Ok(Article::new(origin, file, decoded.text, decoded.encoding))
}

/// Decode bytes that came from anywhere into an article.
pub fn load_bytes(
    origin: ArticleOrigin,
    file: String,
    bytes: &[u8],
) -> Result<Article, DecodeError> {
    if super::html::is_html_name(&file) || looks_like_html(bytes) {
        return super::html::load_html(origin, file, bytes);
    }
    let decoded = decode_bytes(bytes)?;
    Ok(Article::new(origin, file, decoded.text, decoded.encoding))
}

/// A page saved under another name (`page.txt` holding `<!DOCTYPE html>…`): markup is never
/// read as article text.
fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head: Vec<u8> = bytes[start..bytes.len().min(start + 15)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// [`load_file`], with a panic turned into a [`LoadError::Crashed`] naming the file.
pub fn load_file_catching(path: &Path) -> Result<Article, LoadError> {
    load_file_catching_with(path, &CanonicalFolders::default())
}

/// [`load_file_catching`] with the canonical paths of a load's folders shared.
pub fn load_file_catching_with(
    path: &Path,
    folders: &CanonicalFolders,
) -> Result<Article, LoadError> {
    std::panic::catch_unwind(|| load_file_with(path, folders)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(LoadError::Crashed {
            path: path.to_path_buf(),
            reason,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{collect_files, load_file, read_sized};
    use crate::corpus::ArticleOrigin;

    /// An article read through a link to the file, or through a link to its folder, is known by
    /// the file's own path (so that the same file opened twice is seen to be one).
    #[cfg(unix)]
    #[test]
    fn a_file_read_through_a_link_is_known_by_its_own_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real");
        std::fs::create_dir(&real).expect("folder");
        let file = real.join("story.txt");
        std::fs::write(&file, "Beijing, May 5 — A story in a file.").expect("file");
        std::os::unix::fs::symlink(&file, real.join("link.txt")).expect("file link");
        std::os::unix::fs::symlink(&real, dir.path().join("via")).expect("folder link");
        let own = std::fs::canonicalize(&file).expect("canonical");
        for path in [
            file.clone(),
            real.join("link.txt"),
            dir.path().join("via").join("story.txt"),
            dir.path().join("via").join("link.txt"),
        ] {
            let article = load_file(&path).expect("loaded");
            assert_eq!(article.origin, ArticleOrigin::File(own.clone()), "{path:?}");
        }
    }

    /// A folder's files come in the order of their names, folder by folder (a folder's files
    /// where its name sorts), as walkdir's own name sort gives them: names that share a start,
    /// punctuation that sorts before and after `.` and `/`, upper before lower case.
    #[test]
    fn a_folder_is_walked_in_name_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let names = [
            "b.txt",
            "a.txt",
            "a-c.txt",
            "a b.txt",
            "A.txt",
            "a0.txt",
            "ab.txt",
            "a/z.txt",
            "a/m.txt",
            "a.d/y.txt",
            "a-/x.txt",
            "é.txt",
            "e.txt",
        ];
        for name in names {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
            std::fs::write(&path, "text").expect("file");
        }
        let by_name: Vec<_> = walkdir::WalkDir::new(dir.path())
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.expect("entry").into_path())
            .filter(|p| p.is_file())
            .collect();
        let (files, problems) = collect_files(&[dir.path().to_path_buf()], &Default::default());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(files, by_name);
        assert_eq!(files.len(), names.len());
    }

    /// A file whose size changed between its metadata and its read: every byte it has at the
    /// read is read, never a stale length's worth.
    #[test]
    fn a_file_is_read_to_its_end_whatever_size_was_seen() {
        let path = std::env::temp_dir().join(format!("techdivide-read-{}.txt", std::process::id()));
        let text: Vec<u8> = (0..5000u32).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(&path, &text).expect("write the test file");
        for seen in [0, 1, 63, 64, 65, 4999, 5000, 5001, 9000] {
            let mut file = std::fs::File::open(&path).expect("open the test file");
            assert_eq!(
                read_sized(&mut file, seen).expect("read"),
                text,
                "size seen: {seen}"
            );
        }
        std::fs::remove_file(&path).ok();
    }
}
