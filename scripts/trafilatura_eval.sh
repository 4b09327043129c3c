#!/usr/bin/env bash
# Main text of saved pages nobody tuned techdivide on: trafilatura's evaluation set
# (https://github.com/adbar/trafilatura: tests/evaldata.json, pages in tests/eval and
# tests/cache), each page with passages its main text must hold ("with") and must not
# ("without"), scored as trafilatura's own tests/evaluate.py does (whitespace-normalised
# substring match; precision, recall, F1 over all passages). techdivide's body is its body
# paragraphs (the headline and byline are header, never counted); trafilatura runs with the
# options of its benchmark when its Python package is installed.
#
# With w3m on PATH and ../shared/tools/html_to_paste.py beside the checkout, each page is also
# turned into a browser copy (what "select all, copy" gives: menus, share rows, comments and
# all) and the copies are scored the same way, with how often a copy's title is its saved
# page's. The pages and copies stay outside the repository; nothing is copied here.
# usage: scripts/trafilatura_eval.sh TRAFILATURA_CHECKOUT
set -euo pipefail
repo=${1:?usage: scripts/trafilatura_eval.sh TRAFILATURA_CHECKOUT}
cd "$(dirname "$0")/.."
cargo build -q --release --example article_body
bin=target/release/examples/article_body
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
python3 - "$repo" "$bin" "$copies" <<'PY'
import json, os, re, shutil, subprocess, sys, unicodedata
from concurrent.futures import ThreadPoolExecutor
repo, binary, copies = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.join(repo, "tests")
data = json.load(open(os.path.join(here, "evaldata.json"), encoding="utf-8"))

def resolve(name):
    for sub in ("cache", "eval"):
        p = os.path.join(here, sub, name)
        if os.path.isfile(p):
            return p

def read_all(files):
    """Each file's row from the example: title and body paragraphs."""
    rows = {}
    for i in range(0, len(files), 200):
        out = subprocess.run([binary, *files[i:i + 200]], capture_output=True, text=True, check=True)
        # (Split on line breaks only: a body may hold U+2028, which splitlines() splits on.)
        for line in filter(None, out.stdout.split("\n")):
            row = json.loads(line)
            rows[row["file"]] = row
    return rows

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

paths = {url: resolve(item["file"]) for url, item in data.items()}
saved = read_all(sorted({p for p in paths.values() if p}))
body = lambda row: " ".join(row.get("body", [])) if row else None
print(f"{len(data)} pages; techdivide (body): {score(lambda u: body(saved.get(paths[u])))}")

to_paste = os.path.join(os.getcwd(), "..", "shared", "tools", "html_to_paste.py")
if shutil.which("w3m") and os.path.isfile(to_paste):
    copy_of = {p: os.path.join(copies, f"{n}.txt") for n, p in enumerate(sorted(saved))}
    def convert(page):
        subprocess.run([sys.executable, to_paste, page, copy_of[page]], check=True,
                       capture_output=True)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(convert, copy_of))
    pasted = read_all(sorted(copy_of.values()))
    row_of = lambda u: pasted.get(copy_of.get(paths[u], ""))
    print(f"{len(data)} browser copies; techdivide (body): {score(lambda u: body(row_of(u)))}")
    key = lambda t: re.sub(r"\W+", " ", unicodedata.normalize("NFKC", t or "").lower()).strip()
    def same_title(a, b):
        a, b = key(a), key(b)
        return bool(a and b) and (a == b or (len(b) > 10 and b in a) or (len(a) > 10 and a in b))
    agree = sum(same_title(saved[p].get("title"), pasted[c].get("title"))
                for p, c in copy_of.items())
    print(f"copies whose title is their saved page's: {agree} of {len(copy_of)}")
else:
    print("(w3m or ../shared/tools/html_to_paste.py not found: browser copies not scored)")

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
