//! Command-line interface: `techdivide [PATHS…]` opens the window; `--export`/`--counts` run
//! headless.

use crate::export;
use crate::extract::ExtractOptions;
use crate::manifest::{self, ExportKind};
use crate::query::Filter;
use clap::Parser;
use std::path::PathBuf;

/// Tech Divide Explorer: read, filter and chart how many events each country has per year in a
/// corpus of news articles.
#[derive(Debug, Clone, Parser, Default)]
#[command(name = "techdivide", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Text files, saved pages, article tables (.csv, .tsv, .jsonl, .ndjson, .parquet: one
    /// article per row) or folders of them to add to the corpus.
    pub paths: Vec<PathBuf>,
    /// Which column of an article table is which, when its names are not the common ones
    /// (fields: title, published, text, url, source, id), e.g. `text=story,published=when`.
    #[arg(long, value_name = "FIELD=COLUMN,…", value_parser = crate::corpus::table::ColumnChoice::parse)]
    pub columns: Option<crate::corpus::table::ColumnChoice>,
    /// Leave the embedded seed corpus out.
    #[arg(long)]
    pub no_seeds: bool,
    /// Write the event table (CSV, or JSON when FILE ends in .json; `-` for stdout) and exit.
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// Write the article table (file, title, title_source, author, published, published_source,
    /// site, words, sentences, events; CSV, or JSON when FILE ends in .json; `-` for stdout).
    #[arg(long, value_name = "FILE")]
    pub articles: Option<PathBuf>,
    /// Write the year × country counts as CSV (year, country, events, articles, year_articles;
    /// an empty year is undated; `-` for stdout) and exit.
    #[arg(long, value_name = "FILE")]
    pub counts: Option<PathBuf>,
    /// Write every whole-word, case-insensitive occurrence of TERM in the articles' bodies, in
    /// context (file, title, published, years, countries, left, match, right, sentence_start;
    /// CSV, or JSON when FILE ends in .json; `-` for stdout) and exit.
    #[arg(long, num_args = 2, value_names = ["TERM", "FILE"])]
    pub concordance: Option<Vec<String>>,
    /// Anchor decades (`the 1990s`) at their first year instead of leaving them undated.
    #[arg(long)]
    pub anchor_decades: bool,
    /// Count every copy of a story as its own article (by default copies of one story, such
    /// as one wire story on several sites, count once, from the most complete copy).
    #[arg(long)]
    pub keep_copies: bool,
    /// Read unchanged files' analyses from the analysis cache ($XDG_CACHE_HOME/techdivide) and
    /// store the others' (the window always does). Exports are the same with or without it.
    #[arg(long)]
    pub cache: bool,
    /// Open the window at 1280×800, wait for loading, save a PNG of it to FILE and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// Add the launcher entry and icons for this user (under $XDG_DATA_HOME) and exit.
    #[arg(long, conflicts_with = "uninstall_desktop")]
    pub install_desktop: bool,
    /// Remove the launcher entry and icons that --install-desktop wrote, and exit.
    #[arg(long)]
    pub uninstall_desktop: bool,
}

const EXAMPLES: &str = "Examples:
  techdivide                                 open the window on the seed articles
  techdivide ~/news/ extra.txt               open it with a folder and a file added
  techdivide --export events.csv ~/news/     write one CSV row per event and exit
  techdivide --export events.json ~/news/    the same as JSON
  techdivide --articles - ~/news/            one row per article: title, date and where each came from
  techdivide --no-seeds --counts - ~/news/   print year,country,count for a folder only
  techdivide --anchor-decades --counts -     count 'the 1990s' as 1990
  techdivide --cache --counts - ~/news/      reuse the analyses of unchanged files (a second run is fast)
  techdivide --keep-copies --counts - DIR    count every copy of a syndicated story
  techdivide --concordance Huawei - DIR      every 'Huawei' in context, with its years and countries
  techdivide --export - stories.jsonl        one article per row of a table (CSV, TSV, JSONL, Parquet)
  techdivide --columns text=story --export - t.csv   say which column holds the text
Every export FILE gets FILE.manifest.json beside it: version, options, inputs with SHA-256,
date corrections and totals (for `-`, a one-line summary on stderr)
  techdivide --screenshot window.png         save a screenshot of the window and exit
  techdivide --install-desktop               put Tech Divide Explorer in the application menu
  techdivide --uninstall-desktop             take it out again";

/// The corpus the headless commands run on (the core's one load path).
pub use crate::query::load_corpus;

/// Run the headless part of the CLI. Returns `None` when the window should open instead.
pub fn run_headless(args: &Args) -> Option<i32> {
    if args.install_desktop || args.uninstall_desktop {
        return Some(desktop_command(args.install_desktop));
    }
    if args.export.is_none()
        && args.counts.is_none()
        && args.articles.is_none()
        && args.concordance.is_none()
    {
        return None;
    }
    if let Some([term, _]) = args.concordance.as_deref()
        && term.trim().is_empty()
    {
        eprintln!("techdivide: --concordance needs a word or phrase to look for");
        return Some(2);
    }
    let options = ExtractOptions {
        anchor_decades: args.anchor_decades,
    };
    let cache = args.cache.then(open_cache).flatten();
    let columns = crate::corpus::table::ColumnChoices {
        all: args.columns.clone().unwrap_or_default(),
        per_file: Default::default(),
    };
    let (mut corpus, problems) = crate::query::load_corpus_with(
        &args.paths,
        !args.no_seeds,
        options,
        cache.as_ref(),
        &columns,
    );
    corpus.keep_copies = args.keep_copies;
    if let Some(line) = cache.as_ref().and_then(|c| c.take_report().problem_line()) {
        eprintln!("techdivide: {line}");
    }
    for problem in &problems {
        if problem.was_loaded() {
            eprintln!("techdivide: note: {problem}");
        } else {
            eprintln!("techdivide: skipped: {problem}");
        }
    }
    if corpus.is_empty() {
        eprintln!("techdivide: no article loaded");
        return Some(1);
    }
    let (copies, stories) = corpus.stories.merged();
    if copies > 0 {
        eprintln!(
            "techdivide: {copies} {} of {stories} {} {}",
            if copies == 1 { "copy" } else { "copies" },
            if stories == 1 { "story" } else { "stories" },
            if corpus.keep_copies {
                "found; every copy counted (--keep-copies)"
            } else {
                "merged: each story counts once (--keep-copies counts every copy)"
            }
        );
    }
    let result = Filter::default().run(&corpus, None);
    let code = write_exports(args, &corpus, &result).err().unwrap_or(0);
    // The process ends right after this: its memory goes back to the system at once, where
    // freeing the corpus article by article would take ~30 ms at 40,000 articles.
    std::mem::forget(corpus);
    Some(code)
}

/// Every export asked for, in turn, each with its manifest; the exit code when one fails.
fn write_exports(
    args: &Args,
    corpus: &crate::query::Corpus,
    result: &crate::query::QueryResult,
) -> Result<(), i32> {
    if let Some(path) = &args.export {
        let rows = export::event_rows(corpus);
        let totals = manifest::totals(corpus, result.total_events(), Some(rows.len()));
        let written = export::export_event_rows(&rows, path);
        written_and_recorded(corpus, ExportKind::Events, path, totals, written)?;
    }
    if let Some(path) = &args.articles {
        let totals = manifest::totals(corpus, result.total_events(), Some(corpus.len()));
        let written = export::export_articles(corpus, path);
        written_and_recorded(corpus, ExportKind::Articles, path, totals, written)?;
    }
    if let Some(path) = &args.counts {
        let totals = manifest::totals(corpus, result.total_events(), None);
        let written = export::export_counts(result, path);
        written_and_recorded(corpus, ExportKind::Counts, path, totals, written)?;
    }
    if let Some([term, path]) = args.concordance.as_deref() {
        let path = std::path::Path::new(path);
        let term = crate::query::concordance::Term::new(term);
        // The articles the counts are made of (each story once, unless --keep-copies).
        let lines = crate::query::concordance::occurrences(corpus, &result.rows, &term);
        let rows = export::concordance_rows(corpus, &lines);
        let totals = manifest::totals(corpus, result.total_events(), Some(rows.len()));
        let written = export::export_concordance(&rows, path);
        written_and_recorded(corpus, ExportKind::Concordance, path, totals, written)?;
    }
    Ok(())
}

/// After an export: say why it failed, or write its manifest. `Err(1)` (the exit code) when
/// either went wrong.
fn written_and_recorded(
    corpus: &crate::query::Corpus,
    kind: ExportKind,
    path: &std::path::Path,
    totals: manifest::Totals,
    written: Result<(), export::ExportError>,
) -> Result<(), i32> {
    if let Err(e) = written {
        eprintln!("techdivide: {e}");
        return Err(1);
    }
    record(corpus, kind, path, totals).ok_or(1)
}

/// Write an export's manifest beside it (or its summary to stderr for `-`); `None` when it
/// could not be written (said on stderr).
fn record(
    corpus: &crate::query::Corpus,
    kind: ExportKind,
    path: &std::path::Path,
    totals: manifest::Totals,
) -> Option<()> {
    match manifest::record_export(corpus, kind, path, None, totals) {
        Ok(manifest::Written::Summary(line)) => eprintln!("techdivide: {line}"),
        Ok(manifest::Written::File(_)) => {}
        Err(e) => {
            eprintln!(
                "techdivide: cannot write the manifest ({e}): {}",
                manifest::manifest_path(path).display()
            );
            return None;
        }
    }
    Some(())
}

/// The analysis cache for `--cache`, or `None` with one line saying why it is not used (the
/// run goes on without it).
fn open_cache() -> Option<crate::cache::AnalysisCache> {
    match crate::cache::AnalysisCache::open_default() {
        Ok(c) => {
            if let Some(why) = c.rebuilt() {
                eprintln!(
                    "techdivide: the analysis cache could not be read ({why}); it was rebuilt"
                );
            }
            Some(c)
        }
        Err(e) => {
            eprintln!("techdivide: running without the analysis cache: {e}");
            None
        }
    }
}

/// `--install-desktop` / `--uninstall-desktop`: say what was written or removed.
fn desktop_command(install: bool) -> i32 {
    use crate::desktop;
    let Some(home) = desktop::data_home() else {
        eprintln!(
            "techdivide: neither XDG_DATA_HOME nor HOME is set; cannot tell where to install"
        );
        return 1;
    };
    let result = if install {
        match std::env::current_exe() {
            Ok(exe) => desktop::install_desktop(&home, &exe),
            Err(e) => {
                eprintln!("techdivide: cannot find the running binary ({e})");
                return 1;
            }
        }
    } else {
        desktop::uninstall_desktop(&home)
    };
    match result {
        Ok(paths) => {
            let verb = if install { "wrote" } else { "removed" };
            if paths.is_empty() {
                println!("techdivide: nothing to remove under {}", home.display());
            }
            for p in paths {
                println!("techdivide: {verb} {}", p.display());
            }
            0
        }
        Err(e) => {
            eprintln!("techdivide: {e}");
            1
        }
    }
}
