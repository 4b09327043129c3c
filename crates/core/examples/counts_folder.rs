//! The CLI's `--no-seeds --counts -` without the window's crates in the binary: a quick build
//! for profiling the extraction (`cargo build --profile profiling -p techdivide-core --example
//! counts_folder`, then `perf record` it over a folder). `--events FILE` and `--articles FILE`
//! also write those exports, to check a change leaves them byte for byte the same.

use std::path::PathBuf;

use techdivide_core::export::{event_rows, export_articles, export_event_rows, write_counts_csv};
use techdivide_core::query::{Filter, load_corpus};

fn main() {
    let mut paths = Vec::new();
    let mut events = None;
    let mut articles = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--events") => events = args.next().map(PathBuf::from),
            Some("--articles") => articles = args.next().map(PathBuf::from),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let (corpus, problems) = load_corpus(&paths, false, Default::default());
    for problem in &problems {
        eprintln!("counts_folder: {problem}");
    }
    let result = Filter::default().run(&corpus, None);
    write_counts_csv(&result, std::io::stdout().lock()).expect("write the counts to stdout");
    if let Some(path) = events {
        export_event_rows(&event_rows(&corpus), &path).expect("write the events");
    }
    if let Some(path) = articles {
        export_articles(&corpus, &path).expect("write the articles");
    }
    // As the CLI does: the corpus is not freed piece by piece at exit.
    std::process::exit(0);
}
