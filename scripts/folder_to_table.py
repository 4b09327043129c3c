#!/usr/bin/env python3
"""Turn a folder of article files into an article table, one row per file.

    scripts/folder_to_table.py DIR OUT.jsonl      # {"id": ..., "text": ...} per line
    scripts/folder_to_table.py DIR OUT.parquet    # id, text (needs pyarrow)

`id` is the file's path under DIR, `text` its content: UTF-8 (a BOM dropped), else read as
windows-1252 (the legacy encoding news copies come in most; the app itself detects the encoding
of a file, so convert other legacy files to UTF-8 first). Used for the
scale runs in docs/SCALE.md; files are streamed, so the folder is never held whole.
"""

import json
import os
import sys


def files_of(root):
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            yield os.path.relpath(path, root), path


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    rows = 0
    if out.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([("id", pa.string()), ("text", pa.string())])
        with pq.ParquetWriter(out, schema) as w:
            ids, texts = [], []
            for rel, path in files_of(root):
                ids.append(rel)
                texts.append(read_text(path))
                if len(ids) == 10_000:
                    w.write_table(pa.table({"id": ids, "text": texts}, schema=schema))
                    rows += len(ids)
                    ids, texts = [], []
            if ids:
                w.write_table(pa.table({"id": ids, "text": texts}, schema=schema))
                rows += len(ids)
    else:
        with open(out, "w", encoding="utf-8") as w:
            for rel, path in files_of(root):
                text = read_text(path)
                w.write(json.dumps({"id": rel, "text": text}, ensure_ascii=False))
                w.write("\n")
                rows += 1
    print(f"{rows} rows: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
