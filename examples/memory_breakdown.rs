//! Where a loaded corpus's memory goes: text, header metadata, analyses, cells, against the
//! process's resident set after loading and at its peak.
//!
//! cargo run --release --example memory_breakdown -- DIR

use techdivide::query::load_corpus;

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (corpus, problems) = load_corpus(&paths, false, Default::default());
    let mut text = 0usize;
    let mut meta = 0usize;
    let mut analysis = 0usize;
    let mut used = 0usize;
    for e in &corpus.entries {
        used += e.analysis.sentences.len() * 8
            + e.analysis.events.len() * std::mem::size_of::<techdivide::Event>()
            + e.article.meta.paragraphs.len() * 8;
        let a = &e.article;
        text += a.text.capacity();
        meta += a.file.capacity()
            + a.meta.title.capacity()
            + a.meta.paragraphs.capacity() * 8
            + a.meta.author.as_ref().map_or(0, String::capacity)
            + a.meta.site.as_ref().map_or(0, String::capacity)
            + a.meta.source.as_ref().map_or(0, String::capacity)
            + a.path().map_or(0, |p| p.as_os_str().len());
        analysis += e.analysis.sentences.capacity() * 8
            + e.analysis.events.capacity() * std::mem::size_of::<techdivide::Event>();
    }
    let n = corpus.entries.len();
    let entry = std::mem::size_of::<techdivide::query::ArticleEntry>();
    println!("articles {n} (problems {})", problems.len());
    println!("text      {:>8} MB", text >> 20);
    println!("meta      {:>8} MB", meta >> 20);
    println!("analysis  {:>8} MB", analysis >> 20);
    println!("entries   {:>8} MB ({entry} B each)", (entry * n) >> 20);
    let sentences: usize = corpus
        .entries
        .iter()
        .map(|e| e.analysis.sentences.len())
        .sum();
    let events: usize = corpus.entries.iter().map(|e| e.analysis.events.len()).sum();

    let paragraphs: usize = corpus
        .entries
        .iter()
        .map(|e| e.article.meta.paragraphs.len())
        .sum();
    println!("sentences {sentences}, events {events}, paragraphs {paragraphs}");
    println!("analysis+paragraphs in use {:>8} MB", used >> 20);
    println!(
        "VmRSS {} kB, VmHWM {} kB",
        status("VmRSS:"),
        status("VmHWM:")
    );
}
