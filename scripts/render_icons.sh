#!/usr/bin/env bash
# Render assets/icon.svg (drawn for this project, never downloaded) to the hicolor PNG sizes the
# launcher entry, the window icon (src/desktop.rs) and the Debian package use:
#   assets/icons/hicolor/{32x32,64x64,128x128,256x256}/apps/techdivide.png
#
# Renderer: librsvg's `rsvg-convert` (Debian package `librsvg2-bin`: `apt-get install librsvg2-bin`),
# a well-kept renderer that is one apt install away here and needs no compile. If it is missing and
# the `resvg` CLI is on PATH (`cargo install resvg --locked`), that is used instead. The PNGs are
# checked in, so only run this after changing the SVG.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$root/assets/icon.svg"
sizes=(32 64 128 256)

if command -v rsvg-convert >/dev/null 2>&1; then
    render() { rsvg-convert --width "$1" --height "$1" --format png --output "$3" "$2"; }
    echo "renderer: $(rsvg-convert --version)"
elif command -v resvg >/dev/null 2>&1; then
    render() { resvg --width "$1" --height "$1" "$2" "$3"; }
    echo "renderer: resvg $(resvg --version 2>/dev/null || true)"
else
    echo "error: no SVG renderer: install librsvg2-bin (apt-get install librsvg2-bin) or resvg (cargo install resvg --locked)" >&2
    exit 1
fi

for n in "${sizes[@]}"; do
    dir="$root/assets/icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    out="$dir/techdivide.png"
    tmp="$out.tmp.$$"
    render "$n" "$svg" "$tmp"
    mv -f "$tmp" "$out"
    echo "wrote ${out#"$root/"}"
done
