//! A file's canonical path (symlinks resolved) for a load of many files, at one `lstat` per
//! file instead of one `readlink` per path component: the canonical path of each folder is
//! resolved once per load and shared by the files in it. (A file that is itself a symlink is
//! resolved in full.) The memo lives for one load, so a folder link changed between loads is
//! seen at the next.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The canonical paths of the folders of one load's files.
#[derive(Debug, Default)]
pub struct CanonicalFolders {
    folders: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl CanonicalFolders {
    /// The canonical path of `path`, as `std::fs::canonicalize` gives it; `path` itself when
    /// it cannot be resolved. `is_symlink`: whether `path` itself is a link, when the caller
    /// knows (a folder walk does, and so does an open that did not follow a link); asked of the
    /// file system (an `lstat`) otherwise.
    pub fn of(&self, path: &Path, is_symlink: Option<bool>) -> PathBuf {
        let link = is_symlink.unwrap_or_else(|| {
            std::fs::symlink_metadata(path).map_or(true, |m| m.file_type().is_symlink())
        });
        let parts = path.parent().zip(path.file_name());
        let Some((parent, name)) = parts.filter(|_| !link && is_plain_name(path)) else {
            return full(path);
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let folders = self
            .folders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(folder) = folders.get(parent) {
            return folder.join(name);
        }
        // Not held while the file system answers: another thread may resolve the same folder.
        drop(folders);
        let Ok(folder) = std::fs::canonicalize(parent) else {
            return full(path);
        };
        let joined = folder.join(name);
        self.folders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(parent.to_path_buf(), folder);
        joined
    }
}

/// A path whose last part is a name (not `..` or `.`), so that it names an entry of its parent.
fn is_plain_name(path: &Path) -> bool {
    matches!(
        path.components().next_back(),
        Some(std::path::Component::Normal(_))
    )
}

fn full(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_path_as_canonicalize_through_links_and_dots() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real");
        std::fs::create_dir(&real).expect("folder");
        std::fs::write(real.join("a.txt"), "a").expect("file");
        std::os::unix::fs::symlink(&real, dir.path().join("via")).expect("folder link");
        std::os::unix::fs::symlink(real.join("a.txt"), real.join("b.txt")).expect("file link");
        let memo = CanonicalFolders::default();
        for p in [
            real.join("a.txt"),
            dir.path().join("via/a.txt"),
            dir.path().join("via/b.txt"),
            dir.path().join("via/../real/a.txt"),
            dir.path().join("via/./a.txt"),
            real.join("missing.txt"),
        ] {
            let expected = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
            assert_eq!(memo.of(&p, None), expected, "{}", p.display());
            // Asked again, through the memo.
            assert_eq!(memo.of(&p, None), expected, "{}", p.display());
        }
    }
}
