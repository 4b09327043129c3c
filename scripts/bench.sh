#!/usr/bin/env bash
# End-to-end figures of BENCHMARKS.md: techdivide side by side with ripgrep on one generated
# corpus, throughput, and peak RSS.
#
#   scripts/bench.sh                      # 200,000 articles in /tmp/td200k (~0.8 GB)
#   scripts/bench.sh /tmp/td10k 10000     # the 10k variant
#   scripts/bench.sh DIR ARTICLES SEED    # any size; RUNS=N sets hyperfine's --runs
#
# Steps: install hyperfine, ripgrep, jq and GNU time with apt when missing; build the release
# binary and the two examples; generate the corpus (skipped when DIR/.td-gen says it is already
# this size, seed and generator version); write the pattern file (every gazetteer alias, one a
# line); time `rg -c -i -F -f PATTERNS DIR` against `techdivide --no-seeds --counts - DIR` with
# hyperfine (hot page cache: one warm-up run each); measure peak RSS with `/usr/bin/time -v`;
# measure the corpus with `du -sb`; print a summary. Results go to target/bench/ (BENCH_OUT).
set -euo pipefail

DIR=${1:-/tmp/td200k}
ARTICLES=${2:-200000}
SEED=${3:-7}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=${BENCH_OUT:-$ROOT/target/bench}
TAG=$(basename "$DIR")
mkdir -p "$OUT"

log() { printf '\n== %s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
command -v jq >/dev/null || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# --- build -----------------------------------------------------------------------------------
log "cargo build --release"
cargo build --release --bin techdivide --example gen_corpus --example gazetteer_patterns
TD=target/release/techdivide

# --- corpus ----------------------------------------------------------------------------------
VERSION=$(sed -n 's/^pub const GEN_VERSION: u32 = \([0-9]*\);/\1/p' crates/corpus-gen/src/lib.rs)
WANT="gen_corpus version=$VERSION articles=$ARTICLES seed=$SEED"
if [ "$(cat "$DIR/.td-gen" 2>/dev/null)" = "$WANT" ]; then
    log "reusing the corpus in $DIR ($WANT)"
else
    log "target/release/examples/gen_corpus --articles $ARTICLES --seed $SEED --out $DIR --force"
    target/release/examples/gen_corpus --articles "$ARTICLES" --seed "$SEED" --out "$DIR" --force
fi
if git -C "$DIR" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "warning: $DIR is inside a git work tree; ripgrep may skip .gitignored files there" >&2
fi
CORPUS_BYTES=$(du -sb "$DIR" | cut -f1)
FILES=$(find "$DIR" -type f -name '*.txt' | wc -l)

# --- patterns --------------------------------------------------------------------------------
PATTERNS=$OUT/patterns.txt
target/release/examples/gazetteer_patterns >"$PATTERNS"
NPATTERNS=$(wc -l <"$PATTERNS")

# --- side by side ----------------------------------------------------------------------------
RG_CMD="rg -c -i -F -f $(printf '%q' "$PATTERNS") $(printf '%q' "$DIR")"
TD_CMD="$TD --no-seeds --counts - $(printf '%q' "$DIR")"
log "hyperfine --warmup 1 '$RG_CMD' '$TD_CMD'"
RUN_ARGS=()
if [ -n "${RUNS:-}" ]; then RUN_ARGS=(--runs "$RUNS"); fi
hyperfine --warmup 1 "${RUN_ARGS[@]}" \
    --export-markdown "$OUT/$TAG-hyperfine.md" --export-json "$OUT/$TAG-hyperfine.json" \
    "$RG_CMD" "$TD_CMD"

# --- peak RSS --------------------------------------------------------------------------------
log "/usr/bin/time -v $TD_CMD > /dev/null"
/usr/bin/time -v -o "$OUT/$TAG-time.txt" "$TD" --no-seeds --counts - "$DIR" >/dev/null 2>"$OUT/$TAG-stderr.txt"
RSS_KB=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$OUT/$TAG-time.txt")
WALL=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/$TAG-time.txt")
PROBLEMS=$(grep -c '^techdivide: skipped' "$OUT/$TAG-stderr.txt" || true)

# --- summary ---------------------------------------------------------------------------------
RG_MEDIAN=$(jq -r '.results[0].median' "$OUT/$TAG-hyperfine.json")
TD_MEDIAN=$(jq -r '.results[1].median' "$OUT/$TAG-hyperfine.json")
RG_SD=$(jq -r '.results[0].stddev // 0' "$OUT/$TAG-hyperfine.json")
TD_SD=$(jq -r '.results[1].stddev // 0' "$OUT/$TAG-hyperfine.json")
SUMMARY=$OUT/$TAG-summary.md
awk -v bytes="$CORPUS_BYTES" -v files="$FILES" -v rg="$RG_MEDIAN" -v td="$TD_MEDIAN" \
    -v rgsd="$RG_SD" -v tdsd="$TD_SD" -v rss="$RSS_KB" -v wall="$WALL" -v problems="$PROBLEMS" \
    -v npat="$NPATTERNS" -v dir="$DIR" -v articles="$ARTICLES" -v seed="$SEED" \
    -v cores="$(nproc)" -v ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" \
    -v cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
    -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" -v rev="$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
    -v rgv="$(rg --version | head -1)" -v hfv="$(hyperfine --version)" '
BEGIN {
    mb = bytes / 1e6
    printf "# techdivide vs ripgrep: %s (%d articles, seed %d)\n\n", dir, articles, seed
    printf "- date: %s, commit %s\n", date, rev
    printf "- machine: %d cores (%s), %s RAM\n", cores, cpu, ram
    printf "- tools: %s, %s\n", rgv, hfv
    printf "- corpus: %d files, %d bytes (%.1f MB, du -sb); %d patterns\n", files, bytes, mb, npat
    printf "- rg -c -i -F -f PATTERNS DIR:                median %.3f s (sd %.3f), %.0f MB/s\n", rg, rgsd, mb / rg
    printf "- techdivide --no-seeds --counts - DIR:       median %.3f s (sd %.3f), %.0f MB/s\n", td, tdsd, mb / td
    printf "- ratio techdivide / ripgrep:                 %.2fx\n", td / rg
    printf "- peak RSS (/usr/bin/time -v):                %.1f MB = %.2fx the corpus (wall %s, %d files skipped)\n", rss * 1024 / 1e6, rss * 1024 / bytes, wall, problems
}' | tee "$SUMMARY"
echo
echo "hyperfine table: $OUT/$TAG-hyperfine.md; summary: $SUMMARY"
