//! Print how the header model read a text file: the first paragraph, the headline candidates
//! with their scores and reasons, and the metadata chosen.
//! `cargo run --example explain_header -- FILE…`

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let (cands, body) = techdivide::corpus::headline::candidates(&lines);
        println!("== {path}");
        println!(
            "first paragraph: line {body}: {}",
            lines.get(body).copied().unwrap_or("")
        );
        for c in cands.iter().take(6) {
            println!(
                "  {:6.2}  line {:4}  {}  {:?}",
                c.score, c.line, lines[c.line], c.why
            );
        }
        if let Some(best) = cands.first() {
            let below = best.body;
            println!(
                "first paragraph under the headline: line {below}: {}",
                lines.get(below).copied().unwrap_or("")
            );
        }
        let meta = techdivide::corpus::parse_metadata(&text, &path);
        println!(
            "title: {} ({:?}); published: {:?} ({:?})",
            meta.title, meta.title_source, meta.published, meta.published_source
        );
    }
}
