//! Desktop integration: the embedded launcher entry and app icons, the per-user install and
//! uninstall under `$XDG_DATA_HOME` (`--install-desktop` / `--uninstall-desktop`), and the window
//! icon.
//!
//! The files come from `assets/`: `techdivide.desktop` (validated by `desktop-file-validate` in
//! `tests/desktop_file.rs`) and `icons/hicolor/NxN/apps/techdivide.png`, rendered from
//! `assets/icon.svg` by `scripts/render_icons.sh`. The Debian package ships the same files (see
//! `[package.metadata.deb]` in `Cargo.toml`).

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Application id: the binary name, the icon name and the launcher file's stem.
pub const APP_ID: &str = "techdivide";

/// File name of the launcher entry under `applications/`.
pub const DESKTOP_FILE_NAME: &str = "techdivide.desktop";

/// The launcher entry as shipped (`Exec=techdivide %F`, for a binary on `PATH`).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/techdivide.desktop");

/// The app icon, 32 × 32 PNG.
pub const ICON_32: &[u8] = include_bytes!("../assets/icons/hicolor/32x32/apps/techdivide.png");
/// The app icon, 64 × 64 PNG.
pub const ICON_64: &[u8] = include_bytes!("../assets/icons/hicolor/64x64/apps/techdivide.png");
/// The app icon, 128 × 128 PNG.
pub const ICON_128: &[u8] = include_bytes!("../assets/icons/hicolor/128x128/apps/techdivide.png");
/// The app icon, 256 × 256 PNG.
pub const ICON_256: &[u8] = include_bytes!("../assets/icons/hicolor/256x256/apps/techdivide.png");

/// Every icon size we ship, with its PNG bytes.
pub const ICONS: [(u32, &[u8]); 4] = [
    (32, ICON_32),
    (64, ICON_64),
    (128, ICON_128),
    (256, ICON_256),
];

/// Why installing or uninstalling the launcher entry failed. The path comes last in the message.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error("the program path must be absolute for the launcher's Exec line: {0}")]
    RelativeExe(PathBuf),
    #[error("the program path is not valid UTF-8, a launcher entry cannot name it: {0}")]
    NotUtf8Exe(PathBuf),
    #[error("cannot create folder ({source}): {path}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write ({source}): {path}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot remove ({source}): {path}")]
    Remove { path: PathBuf, source: io::Error },
}

/// The per-user data folder: `$XDG_DATA_HOME` if set and absolute, else `$HOME/.local/share`
/// (`None` when neither gives an absolute path).
pub fn data_home() -> Option<PathBuf> {
    data_home_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

fn data_home_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    // XDG Base Directory spec: an empty or relative $XDG_DATA_HOME is ignored.
    if let Some(dir) = xdg_data_home.map(PathBuf::from)
        && dir.is_absolute()
    {
        return Some(dir);
    }
    let home = PathBuf::from(home?);
    home.is_absolute()
        .then(|| home.join(".local").join("share"))
}

/// Where the launcher entry goes under `data_home`: `applications/techdivide.desktop`.
pub fn desktop_entry_path(data_home: &Path) -> PathBuf {
    data_home.join("applications").join(DESKTOP_FILE_NAME)
}

/// Where the icon of `size` pixels goes under `data_home`:
/// `icons/hicolor/NxN/apps/techdivide.png`.
pub fn icon_path(data_home: &Path, size: u32) -> PathBuf {
    data_home
        .join("icons")
        .join("hicolor")
        .join(format!("{size}x{size}"))
        .join("apps")
        .join(format!("{APP_ID}.png"))
}

/// Every file `install_desktop` writes under `data_home`: the launcher entry, then the icons.
pub fn installed_paths(data_home: &Path) -> Vec<PathBuf> {
    std::iter::once(desktop_entry_path(data_home))
        .chain(ICONS.iter().map(|&(size, _)| icon_path(data_home, size)))
        .collect()
}

/// Quotes one `Exec` argument by the Desktop Entry spec: in double quotes, `"` `` ` `` `$` `\`
/// escaped with a backslash, `%` doubled; then the string-value escapes (`\` → `\\`, newline,
/// tab, carriage return), which a reader undoes before the quoting.
pub fn quote_exec_arg(arg: &str) -> String {
    let mut quoted = String::with_capacity(arg.len() + 2);
    quoted.push('"');
    for c in arg.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '%' => quoted.push_str("%%"),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    let mut escaped = String::with_capacity(quoted.len());
    for c in quoted.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push_str("\\t"),
            '\r' => escaped.push_str("\\r"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The launcher entry with every `Exec=techdivide …` line running `exe` (absolute) instead, e.g.
/// `Exec="/home/ana/.cargo/bin/techdivide" %F`.
pub fn desktop_entry_for(exe: &Path) -> Result<String, DesktopError> {
    if !exe.is_absolute() {
        return Err(DesktopError::RelativeExe(exe.to_path_buf()));
    }
    let exe_str = exe
        .to_str()
        .ok_or_else(|| DesktopError::NotUtf8Exe(exe.to_path_buf()))?;
    let program = quote_exec_arg(exe_str);
    let mut out = String::with_capacity(DESKTOP_ENTRY.len() + program.len());
    for line in DESKTOP_ENTRY.lines() {
        match line
            .strip_prefix("Exec=")
            .and_then(|rest| rest.strip_prefix(APP_ID))
        {
            Some(args) if args.is_empty() || args.starts_with(' ') => {
                out.push_str("Exec=");
                out.push_str(&program);
                out.push_str(args);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    Ok(out)
}

/// Installs the launcher entry and icons for one user under `data_home` (from [`data_home`]), with
/// `exe` (absolute; normally `std::env::current_exe()`) in `Exec`. Idempotent: a second run
/// overwrites the files with the same content. Each file is written to a temporary file in its
/// folder and renamed into place. Returns the written paths, launcher entry first.
pub fn install_desktop(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let entry = desktop_entry_for(exe)?;
    let mut written = Vec::with_capacity(1 + ICONS.len());
    let entry_path = desktop_entry_path(data_home);
    write_atomically(&entry_path, entry.as_bytes())?;
    written.push(entry_path);
    for &(size, png) in &ICONS {
        let path = icon_path(data_home, size);
        write_atomically(&path, png)?;
        written.push(path);
    }
    Ok(written)
}

/// Removes the files [`install_desktop`] writes under `data_home`; files already gone are fine.
/// Folders stay (the `hicolor` tree and `applications/` are shared with other apps). Returns the
/// removed paths.
pub fn uninstall_desktop(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    for path in installed_paths(data_home) {
        match fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { path, source }),
        }
    }
    Ok(removed)
}

/// The 256 px app icon as RGBA for `ViewportBuilder::with_icon` (`None` if it does not decode,
/// which the tests rule out).
pub fn window_icon() -> Option<eframe::egui::IconData> {
    let rgba = image::load_from_memory_with_format(ICON_256, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    let (width, height) = rgba.dimensions();
    Some(eframe::egui::IconData {
        rgba: rgba.into_raw(),
        width,
        height,
    })
}

/// Writes `bytes` to `path` atomically (`atomic_write`), creating the folder if needed.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    let write_err = |source| DesktopError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .ok_or_else(|| write_err(io::Error::other("no parent folder")))?;
    fs::create_dir_all(dir).map_err(|source| DesktopError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    crate::atomic_write::write_bytes(path, bytes).map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every regular file under `root`, sorted.
    fn files_under(root: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| !e.file_type().is_dir())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        files
    }

    /// The `key=value` pairs of the `[Desktop Entry]` group.
    fn entry_keys(text: &str) -> Vec<(String, String)> {
        let mut in_group = false;
        let mut keys = Vec::new();
        for line in text.lines() {
            if line.starts_with('[') {
                in_group = line == "[Desktop Entry]";
            } else if in_group && let Some((k, v)) = line.split_once('=') {
                keys.push((k.to_owned(), v.to_owned()));
            }
        }
        keys
    }

    fn value<'a>(keys: &'a [(String, String)], key: &str) -> Option<&'a str> {
        keys.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    #[test]
    fn embedded_entry_has_required_keys() {
        let keys = entry_keys(DESKTOP_ENTRY);
        assert!(DESKTOP_ENTRY.starts_with("[Desktop Entry]\n"));
        assert_eq!(value(&keys, "Type"), Some("Application"));
        assert_eq!(value(&keys, "Name"), Some("Tech Divide Explorer"));
        assert_eq!(value(&keys, "Exec"), Some("techdivide %F"));
        assert_eq!(value(&keys, "Icon"), Some(APP_ID));
        assert_eq!(value(&keys, "Terminal"), Some("false"));
        assert_eq!(value(&keys, "MimeType"), Some("text/plain;text/markdown;"));
        assert_eq!(value(&keys, "StartupWMClass"), Some(APP_ID));
        for key in ["GenericName", "Comment", "Categories", "Keywords"] {
            let v = value(&keys, key).unwrap_or_else(|| panic!("missing {key}"));
            assert!(!v.trim().is_empty(), "{key} is empty");
        }
        let mut names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate keys");
    }

    #[test]
    fn icons_decode_at_the_size_their_folder_claims() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        for &(size, png) in &ICONS {
            let on_disk = fs::read(icon_path(&root, size)).unwrap();
            assert_eq!(
                on_disk, png,
                "embedded {size} px icon differs from the file"
            );
            let img = image::load_from_memory_with_format(png, image::ImageFormat::Png).unwrap();
            assert_eq!(
                (img.width(), img.height()),
                (size, size),
                "icon in {size}x{size}"
            );
        }
    }

    #[test]
    fn window_icon_is_256_rgba() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Corners are transparent (rounded tile), the centre is opaque.
        assert_eq!(icon.rgba[3], 0);
        assert_eq!(icon.rgba[(128 * 256 + 128) * 4 + 3], 255);
    }

    #[test]
    fn quoting_follows_the_desktop_entry_spec() {
        assert_eq!(
            quote_exec_arg("/usr/bin/techdivide"),
            r#""/usr/bin/techdivide""#
        );
        assert_eq!(quote_exec_arg("/a b/ü"), r#""/a b/ü""#);
        assert_eq!(quote_exec_arg(r#"/a"b"#), r#""/a\\"b""#);
        assert_eq!(quote_exec_arg("/a$b`c"), r#""/a\\$b\\`c""#);
        // A literal backslash is four backslashes in the file (quoting, then string escaping).
        assert_eq!(quote_exec_arg(r"/a\b"), r#""/a\\\\b""#);
        assert_eq!(quote_exec_arg("/100%/x"), r#""/100%%/x""#);
        assert_eq!(quote_exec_arg("/a\nb"), r#""/a\nb""#);
    }

    #[test]
    fn install_writes_entry_and_icons_with_absolute_exec() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path();
        let exe = Path::new("/opt/Tech Divide/bín/techdivide");
        let written = install_desktop(home, exe).unwrap();

        let expected = vec![
            home.join("applications/techdivide.desktop"),
            home.join("icons/hicolor/32x32/apps/techdivide.png"),
            home.join("icons/hicolor/64x64/apps/techdivide.png"),
            home.join("icons/hicolor/128x128/apps/techdivide.png"),
            home.join("icons/hicolor/256x256/apps/techdivide.png"),
        ];
        assert_eq!(written, expected);
        let mut sorted = expected.clone();
        sorted.sort();
        assert_eq!(
            files_under(home),
            sorted,
            "only our files, no temporary files left"
        );

        let entry = fs::read_to_string(&expected[0]).unwrap();
        let keys = entry_keys(&entry);
        assert_eq!(
            value(&keys, "Exec"),
            Some(r#""/opt/Tech Divide/bín/techdivide" %F"#)
        );
        // Everything but the Exec line is the shipped entry.
        let others = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.starts_with("Exec="))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(others(&entry), others(DESKTOP_ENTRY));
        for (path, &(_, png)) in expected[1..].iter().zip(&ICONS) {
            assert_eq!(fs::read(path).unwrap(), png);
        }
    }

    #[test]
    fn second_install_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let exe = Path::new("/home/ana/.cargo/bin/techdivide");
        let first = install_desktop(dir.path(), exe).unwrap();
        let contents: Vec<Vec<u8>> = first.iter().map(|p| fs::read(p).unwrap()).collect();
        let second = install_desktop(dir.path(), exe).unwrap();
        assert_eq!(first, second);
        let again: Vec<Vec<u8>> = second.iter().map(|p| fs::read(p).unwrap()).collect();
        assert_eq!(contents, again);
        assert_eq!(files_under(dir.path()).len(), first.len());
    }

    #[test]
    fn install_overwrites_an_entry_for_another_binary() {
        let dir = tempfile::tempdir().unwrap();
        install_desktop(dir.path(), Path::new("/old/techdivide")).unwrap();
        install_desktop(dir.path(), Path::new("/new/techdivide")).unwrap();
        let entry = fs::read_to_string(desktop_entry_path(dir.path())).unwrap();
        assert!(entry.contains("Exec=\"/new/techdivide\" %F\n"), "{entry}");
        assert!(!entry.contains("/old/"));
    }

    #[test]
    fn uninstall_leaves_none_of_our_files() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path();
        // Another app's icon in the shared hicolor tree must survive.
        let other = home.join("icons/hicolor/32x32/apps/other.png");
        fs::create_dir_all(other.parent().unwrap()).unwrap();
        fs::write(&other, b"x").unwrap();

        let written = install_desktop(home, Path::new("/usr/local/bin/techdivide")).unwrap();
        let removed = uninstall_desktop(home).unwrap();
        assert_eq!(removed, written);
        assert!(written.iter().all(|p| !p.exists()));
        assert_eq!(files_under(home), vec![other]);
        // Nothing left to remove: fine, and says so.
        assert_eq!(uninstall_desktop(home).unwrap(), Vec::<PathBuf>::new());
    }

    #[test]
    fn uninstall_on_an_empty_data_home_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            uninstall_desktop(&dir.path().join("missing"))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn install_refuses_a_relative_program_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = install_desktop(dir.path(), Path::new("target/debug/techdivide")).unwrap_err();
        assert!(matches!(err, DesktopError::RelativeExe(_)));
        assert!(
            err.to_string().ends_with(": target/debug/techdivide"),
            "{err}"
        );
        assert!(files_under(dir.path()).is_empty());
    }

    #[test]
    fn install_names_the_path_it_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the applications folder should be.
        let blocker = dir.path().join("applications");
        fs::write(&blocker, b"not a folder").unwrap();
        let err = install_desktop(dir.path(), Path::new("/usr/bin/techdivide")).unwrap_err();
        assert!(matches!(err, DesktopError::CreateDir { .. }), "{err:?}");
        assert!(
            err.to_string().ends_with(&blocker.display().to_string()),
            "{err}"
        );
    }

    #[test]
    fn data_home_prefers_an_absolute_xdg_data_home() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(
            data_home_from(some("/x/data"), some("/home/a")),
            Some("/x/data".into())
        );
        assert_eq!(
            data_home_from(some("relative"), some("/home/a")),
            Some("/home/a/.local/share".into())
        );
        assert_eq!(
            data_home_from(some(""), some("/home/a")),
            Some("/home/a/.local/share".into())
        );
        assert_eq!(
            data_home_from(None, some("/home/a")),
            Some("/home/a/.local/share".into())
        );
        assert_eq!(data_home_from(None, some("")), None);
        assert_eq!(data_home_from(None, None), None);
    }
}
