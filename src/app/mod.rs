//! The desktop window (eframe/egui).

/// Open the window. Returns the process exit code.
pub fn run(_args: crate::cli::Args) -> i32 {
    eprintln!("techdivide: the window is not built yet; use --export or --counts");
    2
}
