//! The launcher entry validates with `desktop-file-validate` (Debian package `desktop-file-utils`):
//! the shipped `assets/techdivide.desktop`, and the entry `--install-desktop` writes for a program
//! path with spaces, non-ASCII and characters that need quoting. Skipped, with a message, where
//! the validator is not installed; CI installs it.

use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;

/// Runs `desktop-file-validate` on `file`; `None` when the command is not installed.
fn validate(file: &Path) -> Option<(bool, String)> {
    match Command::new("desktop-file-validate").arg(file).output() {
        Ok(out) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            Some((out.status.success(), text))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => panic!("cannot run desktop-file-validate: {e}"),
    }
}

fn skipped() {
    eprintln!("skipped: desktop-file-validate not installed (apt-get install desktop-file-utils)");
}

#[test]
fn shipped_desktop_file_validates() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/techdivide.desktop");
    let Some((ok, output)) = validate(&file) else {
        return skipped();
    };
    assert!(
        ok,
        "desktop-file-validate failed on {}:\n{output}",
        file.display()
    );
    // Errors fail the command; warnings do not, but we keep the file free of them too.
    assert!(
        !output.contains("warning:"),
        "desktop-file-validate warned:\n{output}"
    );
}

#[test]
fn installed_desktop_file_validates() {
    let dir = tempfile::tempdir().unwrap();
    for exe in [
        "/usr/bin/techdivide",
        "/home/José Ñúñez/My Apps/techdivide",
        "/opt/odd \"name\" $HOME `x` 100% back\\slash/techdivide",
    ] {
        let written = techdivide::desktop::install_desktop(dir.path(), Path::new(exe)).unwrap();
        let entry = &written[0];
        let Some((ok, output)) = validate(entry) else {
            return skipped();
        };
        let text = std::fs::read_to_string(entry).unwrap();
        assert!(
            ok,
            "desktop-file-validate failed for exe {exe:?}:\n{output}\n{text}"
        );
        assert!(
            !output.contains("warning:"),
            "desktop-file-validate warned:\n{output}\n{text}"
        );
    }
}
