//! Print every alias of the gazetteer (names, demonyms, capitals, institutions; not the
//! blockers), one a line: the pattern file `scripts/bench.sh` hands to `rg -F -f`.
//!
//! ```text
//! cargo run --release --example gazetteer_patterns > /tmp/patterns.txt
//! ```

use std::io::Write;
use techdivide::extract::gazetteer::{PatternKind, gazetteer};

fn main() -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for pattern in gazetteer()
        .patterns
        .iter()
        .filter(|p| p.kind != PatternKind::Blocker)
    {
        writeln!(out, "{}", pattern.text)?;
    }
    out.flush()
}
