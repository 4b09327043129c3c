#!/usr/bin/env bash
# Publication dates on pages nobody tuned techdivide on: the evaluation sets of htmldate
# (https://github.com/adbar/htmldate: tests/eval + eval_default.json, tests/test_set +
# eval_mediacloud_2020.json), scored on the day, side by side with htmldate itself when its
# Python package is installed. The pages stay in that checkout; nothing is copied here.
# usage: scripts/htmldate_eval.sh HTMLDATE_CHECKOUT [BINARY]   (default target/release/techdivide)
set -euo pipefail
repo=${1:?usage: scripts/htmldate_eval.sh HTMLDATE_CHECKOUT [BINARY]}
bin=${2:-target/release/techdivide}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in eval test_set; do
  "$bin" --no-seeds --articles "$tmp/$set.csv" "$repo/tests/$set" 2> "$tmp/$set.err" || true
done
python3 - "$repo" "$tmp" <<'PY'
import csv, json, os, sys
repo, tmp = sys.argv[1], sys.argv[2]
try:
    from htmldate import find_date
except ImportError:
    find_date = None
for name, gold in [("eval", "eval_default.json"), ("test_set", "eval_mediacloud_2020.json")]:
    folder = os.path.join(repo, "tests", name)
    gold = {v["file"]: v["date"] for v in json.load(open(os.path.join(repo, "tests", gold))).values()}
    gold = {f: d for f, d in gold.items() if os.path.exists(os.path.join(folder, f))}
    ours = {}
    for row in csv.DictReader(open(os.path.join(tmp, name + ".csv"), encoding="utf-8")):
        ours.setdefault(row["file"], (row["published"] or "")[:10])
    right = sum(ours.get(f) == d for f, d in gold.items())
    none = sum(not ours.get(f) for f in gold)
    line = f"{name}: {len(gold)} pages; techdivide {right} right, {none} without a date"
    if find_date:
        theirs = 0
        for f, d in gold.items():
            raw = open(os.path.join(folder, f), "rb").read().decode("utf-8", "replace")
            try:
                theirs += (find_date(raw, original_date=True, extensive_search=True) or "") == d
            except Exception:
                pass
        line += f"; htmldate {theirs} right"
    print(line)
PY
