#!/usr/bin/env bash
# Score titles and dates on the development set of real pages (../shared/dev/web), both forms.
# usage: scripts/dev_meta.sh [BINARY]   (default target/release/techdivide)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/techdivide}
dev=../shared/dev/web
tmp=$(mktemp -d)
for form in txt html; do
  "$bin" --no-seeds --articles "$tmp/$form.csv" "$dev/$form" 2> "$tmp/$form.err" || true
  echo "== $form"
  python3 ../shared/tools/check_meta.py "$dev/gold.json" --form "$form" "$tmp/$form.csv" --min 0 | tail -n 40
done
