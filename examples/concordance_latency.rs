//! How soon the concordance's first lines are there, and how long the whole search takes, over a
//! loaded folder (the window searches in batches of 2,000 articles on a background thread and
//! shows each batch as it arrives).
//!
//! ```text
//! cargo run --release --example concordance_latency -- /tmp/td200k Huawei
//! ```

use std::time::Instant;
use techdivide::extract::ExtractOptions;
use techdivide::query::concordance::{Term, occurrences_in};
use techdivide::query::{Filter, load_corpus};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "/tmp/td200k".into());
    let term = args.next().unwrap_or_else(|| "Huawei".into());
    let started = Instant::now();
    let (corpus, problems) = load_corpus(&[dir.clone().into()], false, ExtractOptions::default());
    println!(
        "loaded {} articles ({} problems) in {:.1} s",
        corpus.len(),
        problems.len(),
        started.elapsed().as_secs_f64()
    );
    let rows = Filter::default().run(&corpus, None).rows;
    let term = Term::new(&term);
    let started = Instant::now();
    let mut lines = 0;
    for (k, chunk) in rows.chunks(2000).enumerate() {
        lines += chunk
            .iter()
            .map(|&row| occurrences_in(&corpus, row, &term).len())
            .sum::<usize>();
        if k == 0 {
            println!(
                "first batch (2,000 articles): {lines} lines after {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
    println!(
        "all {} articles: {lines} lines in {:.0} ms",
        rows.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
}
