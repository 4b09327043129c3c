//! `techdivide`: the window, or the headless CLI with `--export`/`--counts`.

use clap::Parser;

fn main() {
    let args = techdivide::cli::Args::parse();
    if let Some(code) = techdivide::cli::run_headless(&args) {
        std::process::exit(code);
    }
    std::process::exit(techdivide::app::run(args));
}
