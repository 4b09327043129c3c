#!/usr/bin/env bash
# Build the Debian package with cargo-deb ([package.metadata.deb] in Cargo.toml) and check it:
#   1. `dpkg-deb -c`: the file list has the binary, the launcher entry, the four icons, the README;
#   2. `dpkg-deb -f`: Package, Version and Depends are what Cargo.toml says;
#   3. `dpkg -x` into a scratch root: the launcher entry and icons are where a desktop looks for
#      them (/usr/share/applications, /usr/share/icons/hicolor/NxN/apps), the entry validates
#      (desktop-file-validate, when installed) and each icon is the size its folder claims.
# Exits non-zero, naming everything that is missing, if any check fails.
#
# Usage:
#   scripts/package.sh [cargo-deb args...]   build (release) with `cargo deb`, then check
#   scripts/package.sh --check FILE.deb      only check an already built package
#
# Needs: the Rust toolchain, dpkg-dev (dpkg-shlibdeps, for `$auto` in Depends); cargo-deb is
# installed with `cargo install cargo-deb --locked` if missing; desktop-file-utils is optional.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

name=techdivide
sizes=(32 64 128 256)
runtime_libs=(libx11-6 libx11-xcb1 libxcursor1 libxi6 libxkbcommon0 libxkbcommon-x11-0 libvulkan1 libegl1 libdbus-1-3)
version="$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)"

die() { echo "package.sh: error: $*" >&2; exit 1; }

if [[ "${1:-}" == "--check" ]]; then
    [[ $# -eq 2 ]] || die "usage: scripts/package.sh --check FILE.deb"
    deb="$2"
else
    [[ -f README.md ]] || die "README.md is missing; the package ships it as usr/share/doc/$name/README.md"
    for n in "${sizes[@]}"; do
        [[ -f "assets/icons/hicolor/${n}x${n}/apps/$name.png" ]] \
            || die "icon missing: assets/icons/hicolor/${n}x${n}/apps/$name.png (run scripts/render_icons.sh)"
    done
    command -v dpkg-shlibdeps >/dev/null 2>&1 \
        || die "dpkg-shlibdeps not found (apt-get install dpkg-dev); cargo-deb needs it for \$auto"
    if ! cargo deb --version >/dev/null 2>&1; then
        echo "cargo-deb not found; installing it: cargo install cargo-deb --locked"
        cargo install cargo-deb --locked
    fi
    echo "building: cargo deb $*"
    # cargo-deb prints the path of the package it wrote as the last line on stdout.
    deb="$(cargo deb "$@" | tail -n1)"
fi
[[ -f "$deb" ]] || die "no package file: $deb"
echo "checking: $deb"

missing=()
fail() { missing+=("$*"); echo "  FAIL: $*"; }
ok() { echo "  ok: $*"; }

# 1. File list.
expected=(
    "./usr/bin/$name"
    "./usr/share/applications/$name.desktop"
    "./usr/share/doc/$name/README.md"
)
for n in "${sizes[@]}"; do expected+=("./usr/share/icons/hicolor/${n}x${n}/apps/$name.png"); done
listing="$(dpkg-deb -c "$deb")" || die "dpkg-deb -c cannot read $deb"
# Columns: mode owner size date time path; the path is the last field.
paths="$(awk '{print $NF}' <<<"$listing")"
for p in "${expected[@]}"; do
    if grep -qxF -- "$p" <<<"$paths"; then ok "file list has $p"; else fail "file list lacks $p"; fi
done
if grep -E "^-rwxr-xr-x .* \./usr/bin/$name\$" <<<"$listing" >/dev/null; then
    ok "usr/bin/$name is executable (755)"
else
    fail "usr/bin/$name is not mode 755"
fi

# 2. Control fields.
pkg="$(dpkg-deb -f "$deb" Package)"
ver="$(dpkg-deb -f "$deb" Version)"
deps="$(dpkg-deb -f "$deb" Depends)"
echo "  Package: $pkg"
echo "  Version: $ver"
echo "  Depends: $deps"
if [[ "$pkg" == "$name" ]]; then ok "Package is $name"; else fail "Package is '$pkg', not $name"; fi
if [[ "$ver" == "$version" || "$ver" == "$version"-* ]]; then ok "Version matches Cargo.toml ($version)"
else fail "Version '$ver' does not match Cargo.toml's $version"; fi
if [[ "$deps" == *libc6* ]]; then ok "Depends has libc6 (\$auto resolved)"
else fail "Depends lacks libc6: \$auto not resolved"; fi
for lib in "${runtime_libs[@]}"; do
    if grep -qE "(^|[ ,|])$lib([ ,(|]|\$)" <<<"$deps"; then ok "Depends has $lib"; else fail "Depends lacks $lib"; fi
done

# 3. Unpack into a scratch root and look where a desktop looks.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dpkg -x "$deb" "$scratch" || die "dpkg -x cannot unpack $deb"
bin="$scratch/usr/bin/$name"
if [[ -x "$bin" ]]; then ok "unpacked /usr/bin/$name is executable"
else fail "absent or not executable in the unpacked package: /usr/bin/$name"; fi
entry="$scratch/usr/share/applications/$name.desktop"
if [[ -f "$entry" ]]; then
    for line in "Exec=$name %F" "Icon=$name" "Name=Tech Divide Explorer" "Terminal=false"; do
        if grep -qxF -- "$line" "$entry"; then ok "launcher entry has $line"
        else fail "launcher entry lacks the line $line"; fi
    done
    if command -v desktop-file-validate >/dev/null 2>&1; then
        if out="$(desktop-file-validate "$entry" 2>&1)"; then ok "desktop-file-validate passes"
        else fail "desktop-file-validate fails: $out"; fi
    else
        echo "  skipped: desktop-file-validate not installed (apt-get install desktop-file-utils)"
    fi
else
    fail "not in the unpacked package: /usr/share/applications/$name.desktop"
fi
# PNG: width and height are the big-endian u32s at bytes 16 and 20 (IHDR).
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'; }
for n in "${sizes[@]}"; do
    icon="$scratch/usr/share/icons/hicolor/${n}x${n}/apps/$name.png"
    if [[ ! -f "$icon" ]]; then fail "not in the unpacked package: /usr/share/icons/hicolor/${n}x${n}/apps/$name.png"; continue; fi
    if [[ "$(head -c8 "$icon" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
        fail "/usr/share/icons/hicolor/${n}x${n}/apps/$name.png is not a PNG"; continue
    fi
    got="$(png_size "$icon")"
    if [[ "$got" == "${n}x${n}" ]]; then ok "icon ${n}x${n} is $got"; else fail "icon in ${n}x${n} is $got"; fi
done

if (( ${#missing[@]} )); then
    echo "package.sh: $deb FAILED ${#missing[@]} check(s):" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "package.sh: $deb OK ($(du -h "$deb" | cut -f1)); install with: sudo apt install $(realpath "$deb")"
