"""The Python package against the CLI on the same files.

    python3 python/tests/compare_with_cli.py TECHDIVIDE_BINARY FOLDER... [--spark]

1. ``events_arrow`` on the raw texts of every ``.txt`` file gives exactly the CLI's events
   (file, sentence start and end, year, evidence, country).
2. The files as a Parquet article table (``id, text, published``), read back: the same events.
3. With ``--spark``: a local PySpark job, ``mapInArrow(techdivide.events_arrow, ...)`` over that
   Parquet table, grouped by year and country, equals the CLI's ``--keep-copies --counts``.
Exits non-zero, saying what differs, when any of them does not hold.
"""

import csv
import io
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import techdivide


def cli(binary, *args):
    out = subprocess.run([binary, "--no-seeds", *args], capture_output=True, check=True)
    return list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))


def event_key(row):
    year = row["year"]
    year = "" if year is None else str(year)
    return (row["file"], int(row["sentence_start"]), int(row["sentence_end"]), year,
            row["evidence"], row["country"])


def events_of(batch_or_table):
    table = batch_or_table
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    rows = table.to_pylist()
    return Counter(
        event_key({**r, "file": r["id"]}) for r in rows
    )


def fail(what, expected, got):
    missing = expected - got
    extra = got - expected
    print(f"FAIL: {what}: {sum(missing.values())} missing, {sum(extra.values())} extra")
    for k in list(missing)[:5]:
        print("  missing", k)
    for k in list(extra)[:5]:
        print("  extra  ", k)
    sys.exit(1)


def main():
    args = [a for a in sys.argv[1:] if a != "--spark"]
    spark = "--spark" in sys.argv
    binary, folders = args[0], args[1:]
    files = sorted(p for f in folders for p in Path(f).glob("*.txt"))
    assert files, "no .txt files"
    expected = Counter(event_key(r) for r in cli(binary, "--keep-copies", "--export", "-", *map(str, files)))
    batch = pa.RecordBatch.from_pydict(
        {
            "id": [p.name for p in files],
            "text": [p.read_bytes() for p in files],
            "published": pa.array([None] * len(files), pa.date32()),
        }
    )
    got = events_of(techdivide.events_arrow(batch))
    if got != expected:
        fail("events_arrow vs the CLI's --export", expected, got)
    print(f"ok: events_arrow gives the CLI's {sum(expected.values())} events of {len(files)} files")

    # The Parquet table holds text as strings, as a dataset would: the files that are UTF-8.
    utf8 = []
    for p in files:
        try:
            utf8.append((p, p.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            pass
    expected = Counter(
        event_key(r) for r in cli(binary, "--keep-copies", "--export", "-", *(str(p) for p, _ in utf8))
    )
    with tempfile.TemporaryDirectory() as tmp:
        table_path = os.path.join(tmp, "articles.parquet")
        strings = pa.table(
            {
                "id": [p.name for p, _ in utf8],
                "text": [t for _, t in utf8],
                "published": pa.array([None] * len(utf8), pa.date32()),
            }
        )
        pq.write_table(strings, table_path)
        back = pq.read_table(table_path)
        got = events_of(techdivide.events_arrow(back))
        if got != expected:
            fail("events_arrow over the Parquet table", expected, got)
        print(f"ok: the Parquet article table ({back.num_rows} rows) gives the same events")
        if spark:
            spark_counts(binary, [p for p, _ in utf8], table_path)


def spark_counts(binary, files, table_path):
    from pyspark.sql import SparkSession

    # The workers run this Python (the one with the package), not the first `python3` on PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable

    session = (
        SparkSession.builder.master("local[2]")
        .appName("techdivide-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        articles = session.read.parquet(table_path).repartition(2)
        events = articles.mapInArrow(techdivide.events_arrow, techdivide.EVENTS_SPARK_SCHEMA)
        rows = events.groupBy("year", "country").count().collect()
    finally:
        session.stop()
    got = Counter({("" if r["year"] is None else str(r["year"]), r["country"]): r["count"] for r in rows})
    expected = Counter(
        {(r["year"], r["country"]): int(r["events"]) for r in cli(binary, "--keep-copies", "--counts", "-", *map(str, files))}
    )
    if got != expected:
        fail("Spark's group by year, country vs the CLI's --counts", expected, got)
    print(f"ok: the Spark job's counts equal the CLI's ({len(expected)} cells, {sum(expected.values())} events)")


if __name__ == "__main__":
    main()
