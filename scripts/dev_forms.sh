#!/usr/bin/env bash
# Do the two forms of a page give the same events? The 80 pages of ../shared/dev/web, each as
# saved (.html) and as a browser copy (.txt): an event is (page, sentence, country), the
# sentence compared by its letters and digits only; printed both ways.
# usage: scripts/dev_forms.sh [BINARY]   (default target/release/techdivide)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/techdivide}
dev=../shared/dev/web
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for form in txt html; do
  "$bin" --no-seeds --export "$tmp/$form.csv" "$dev/$form" 2> /dev/null || true
done
python3 - "$tmp" <<'PY'
import csv, re, sys
tmp = sys.argv[1]
def events(form):
    with open(f"{tmp}/{form}.csv", encoding="utf-8") as f:
        return {(r["file"].rsplit(".", 1)[0], re.sub(r"\W+", "", r["sentence"].lower()), r["country"])
                for r in csv.DictReader(f)}
saved, copy = events("html"), events("txt")
both = len(saved & copy)
print(f"saved pages' events found in the copies: {both} of {len(saved)} ({both / len(saved):.1%})")
print(f"copies' events found in the saved pages: {both} of {len(copy)} ({both / len(copy):.1%})")
PY
