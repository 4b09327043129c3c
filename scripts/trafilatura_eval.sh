#!/usr/bin/env bash
# Main text of saved pages nobody tuned techdivide on: trafilatura's evaluation set
# (https://github.com/adbar/trafilatura: tests/evaldata.json, pages in tests/eval and
# tests/cache), each page with passages its main text must hold ("with") and must not
# ("without"), scored as trafilatura's own tests/evaluate.py does (whitespace-normalised
# substring match; precision, recall, F1 over all passages). techdivide's body is its body
# paragraphs (the headline and byline are header, never counted); trafilatura runs with the
# options of its benchmark when its Python package is installed. The pages stay in that
# checkout; nothing is copied here.
# usage: scripts/trafilatura_eval.sh TRAFILATURA_CHECKOUT
set -euo pipefail
repo=${1:?usage: scripts/trafilatura_eval.sh TRAFILATURA_CHECKOUT}
cd "$(dirname "$0")/.."
cargo build -q --release --example article_body
bin=target/release/examples/article_body
python3 - "$repo" "$bin" <<'PY'
import json, os, re, subprocess, sys
repo, binary = sys.argv[1], sys.argv[2]
here = os.path.join(repo, "tests")
data = json.load(open(os.path.join(here, "evaldata.json"), encoding="utf-8"))

def resolve(name):
    for sub in ("cache", "eval"):
        p = os.path.join(here, sub, name)
        if os.path.isfile(p):
            return p

paths = {url: resolve(item["file"]) for url, item in data.items()}
files = sorted({p for p in paths.values() if p})
bodies = {}
for i in range(0, len(files), 200):
    out = subprocess.run([binary, *files[i:i + 200]], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        row = json.loads(line)
        bodies[row["file"]] = " ".join(row.get("body", []))

norm = lambda t: re.sub(r"\s+", " ", t).strip()

def score(result_of):
    tp = fp = fn = tn = 0
    for url, item in data.items():
        got = norm(result_of(url) or "")
        hit = sum(norm(w) in got for w in item["with"])
        bad = sum(norm(w) in got for w in item["without"])
        tp += hit; fn += len(item["with"]) - hit
        fp += bad; tn += len(item["without"]) - bad
    p, r = tp / (tp + fp), tp / (tp + fn)
    return f"precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r):.3f}"

print(f"{len(data)} pages; techdivide (body): {score(lambda u: bodies.get(paths[u]))}")
try:
    from trafilatura import extract
except ImportError:
    sys.exit(0)
def theirs(url):
    try:
        return extract(open(paths[url], "rb").read(), include_comments=False,
                       include_tables=True, include_formatting=False)
    except Exception:
        return None
print(f"{len(data)} pages; trafilatura: {score(theirs)}")
PY
