//! Print each file's article as it is read: one JSON line per file with its title and its body
//! paragraphs (what events are counted from), or the reason it could not be read. Used by
//! `scripts/trafilatura_eval.sh` to score saved pages' main text against an extractor's
//! evaluation set. `cargo run --release --example article_body -- FILE…`

use std::path::Path;

fn main() {
    for path in std::env::args().skip(1) {
        let line = match techdivide::corpus::load_file(Path::new(&path)) {
            Ok(a) => serde_json::json!({
                "file": path,
                "title": a.meta.title,
                "author": a.meta.author,
                "body": a.paragraphs().collect::<Vec<_>>(),
            }),
            Err(e) => serde_json::json!({ "file": path, "error": e.to_string() }),
        };
        println!("{line}");
    }
}
