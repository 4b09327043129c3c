//! Write a deterministic synthetic news corpus for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 200000 --seed 7 --out /tmp/td200k
//! ```
//!
//! Files go to sub-folders of at most 1000 files (`DIR/d0000/a0000000.txt`, …). The same
//! `--articles` and `--seed` always give byte-identical files. A stamp `DIR/.td-gen` records the
//! generator version, article count and seed (the loader and ripgrep both skip it). A non-empty
//! DIR is refused unless `--force` is given, which removes only folders and the stamp this tool
//! writes. The generator itself is the workspace's dev crate `crates/corpus-gen`.

use corpus_gen::{FILES_PER_DIR, FileKind, GEN_VERSION, Generator, dir_name, file_name};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen_corpus --out DIR [--articles N] [--seed S] [--force]
  --articles N   number of files to write (default 1000); a few of them are bad on purpose
  --seed S       seed of the generator (default 7)
  --out DIR      target folder (created if missing)
  --force        reuse a non-empty DIR: delete the d#### folders and the stamp written before";

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
    force: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut articles = 1000;
    let mut seed = 7;
    let mut out = None;
    let mut force = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--articles" | "-n" => {
                articles = value("--articles")?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--articles: {e}"))?
            }
            "--seed" | "-s" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" | "-o" => out = Some(PathBuf::from(value("--out")?)),
            "--force" => force = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(Args {
        articles,
        seed,
        out,
        force,
    })
}

/// Is `name` one of the sub-folders this tool writes (`d` + digits)?
fn is_our_dir(name: &str) -> bool {
    name.len() > 1 && name.starts_with('d') && name[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Make `out` an empty folder, deleting only what an earlier run wrote.
fn prepare(out: &Path, force: bool) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let entries: Vec<_> = std::fs::read_dir(out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?
        .filter_map(Result::ok)
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{} is not empty (add --force to replace a corpus written before)",
            out.display()
        ));
    }
    for entry in &entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !(is_dir && is_our_dir(&name)) && name != ".td-gen" {
            return Err(format!(
                "{} holds {name:?}, which gen_corpus did not write; refusing to touch it",
                out.display()
            ));
        }
    }
    for entry in entries {
        let path = entry.path();
        let result = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        result.map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(())
}

#[derive(Default, Clone, Copy)]
struct Tally {
    files: u64,
    bytes: u64,
    latin1: u64,
    utf16: u64,
    png: u64,
    empty: u64,
}

impl Tally {
    fn add(self, o: Tally) -> Tally {
        Tally {
            files: self.files + o.files,
            bytes: self.bytes + o.bytes,
            latin1: self.latin1 + o.latin1,
            utf16: self.utf16 + o.utf16,
            png: self.png + o.png,
            empty: self.empty + o.empty,
        }
    }
}

/// Write the files of one sub-folder with one reused text buffer and one reused byte buffer.
fn write_dir(out: &Path, seed: u64, first: usize, end: usize) -> std::io::Result<Tally> {
    let dir = out.join(dir_name(first));
    std::fs::create_dir_all(&dir)?;
    let mut generator = Generator::new();
    let mut bytes = Vec::with_capacity(32 * 1024);
    let mut tally = Tally::default();
    for index in first..end {
        let kind = generator.file(seed, index, &mut bytes);
        std::fs::write(dir.join(file_name(index)), &bytes)?;
        tally.files += 1;
        tally.bytes += bytes.len() as u64;
        match kind {
            FileKind::Utf8 => {}
            FileKind::Latin1 => tally.latin1 += 1,
            FileKind::Utf16Le => tally.utf16 += 1,
            FileKind::Png => tally.png += 1,
            FileKind::Empty => tally.empty += 1,
        }
    }
    Ok(tally)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = prepare(&args.out, args.force) {
        eprintln!("gen_corpus: {e}");
        return ExitCode::FAILURE;
    }
    let start = Instant::now();
    let dirs = args.articles.div_ceil(FILES_PER_DIR);
    let result: std::io::Result<Vec<Tally>> = (0..dirs)
        .into_par_iter()
        .map(|d| {
            let first = d * FILES_PER_DIR;
            write_dir(
                &args.out,
                args.seed,
                first,
                (first + FILES_PER_DIR).min(args.articles),
            )
        })
        .collect();
    let tally = match result {
        Ok(parts) => parts.into_iter().fold(Tally::default(), Tally::add),
        Err(e) => {
            eprintln!("gen_corpus: cannot write into {}: {e}", args.out.display());
            return ExitCode::FAILURE;
        }
    };
    let stamp = format!(
        "gen_corpus version={GEN_VERSION} articles={} seed={}\n",
        args.articles, args.seed
    );
    if let Err(e) = std::fs::write(args.out.join(".td-gen"), stamp) {
        eprintln!("gen_corpus: cannot write the stamp: {e}");
        return ExitCode::FAILURE;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "wrote {} files, {} bytes ({:.1} MB) in {dirs} folders to {} in {secs:.1} s",
        tally.files,
        tally.bytes,
        tally.bytes as f64 / 1e6,
        args.out.display()
    );
    println!(
        "  {} windows-1252, {} UTF-16LE, {} bad ({} PNG, {} empty)",
        tally.latin1,
        tally.utf16,
        tally.png + tally.empty,
        tally.png,
        tally.empty
    );
    ExitCode::SUCCESS
}
