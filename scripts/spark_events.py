#!/usr/bin/env python3
"""Tech Divide Explorer's extraction as a Spark job (docs/SCALE.md).

    spark-submit scripts/spark_events.py ARTICLES EVENTS_OUT [COUNTS_OUT]

ARTICLES is an article table: Parquet (a file or a folder of parts) or JSONL (`.jsonl`,
`.ndjson`, `.json`), with `id`, `text` (the raw article, as a file holds it) and optionally
`published` (a date, or text in any format the app reads). EVENTS_OUT gets the events as
Parquet (`id, sentence_start, sentence_end, year, evidence, country`), COUNTS_OUT (optional)
the events per year and country as one CSV file. Each executor runs `techdivide.events_arrow`
on Arrow batches (`mapInArrow`), so every event is the one the desktop app finds in the same
text. Install the package on the executors first (`pip install ./python`, or ship a packed
environment: see docs/SCALE.md).
"""

import sys
import time

from pyspark.sql import SparkSession, functions as F

import techdivide


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    source, events_out = sys.argv[1], sys.argv[2]
    counts_out = sys.argv[3] if len(sys.argv) == 4 else None
    spark = SparkSession.builder.appName("techdivide-events").getOrCreate()
    started = time.time()
    if source.endswith((".jsonl", ".ndjson", ".json")):
        articles = spark.read.json(source)
    else:
        articles = spark.read.parquet(source)
    columns = ["id", "text"] + (["published"] if "published" in articles.columns else [])
    events = articles.select(*columns).mapInArrow(
        techdivide.events_arrow, techdivide.EVENTS_SPARK_SCHEMA
    )
    events.write.mode("overwrite").parquet(events_out)
    written = spark.read.parquet(events_out)
    if counts_out:
        (
            written.groupBy("year", "country")
            .agg(F.count("*").alias("events"))
            .orderBy(F.col("year").asc_nulls_last(), "country")
            .coalesce(1)
            .write.mode("overwrite")
            .option("header", True)
            .csv(counts_out)
        )
    print(
        f"techdivide: {written.count()} events written to {events_out} "
        f"in {time.time() - started:.1f} s",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
