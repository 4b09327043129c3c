"""Tech Divide Explorer's extraction for Arrow, pandas and Spark.

``events_arrow(batch)`` takes a pyarrow ``RecordBatch`` of articles -- ``id``, ``text`` (the raw
article, as a file holds it) and optionally ``published`` (null, a date or timestamp, or text) --
and returns a ``RecordBatch`` of their events: ``id, sentence_start, sentence_end, year, evidence,
country``. Each text is read exactly as the desktop app and its CLI read a file named ``id``.

Given an iterator of batches instead (what Spark's ``mapInArrow`` passes), it returns an
iterator of event batches, so ``df.mapInArrow(techdivide.events_arrow, EVENTS_SPARK_SCHEMA)``
runs the extraction on a cluster.
"""

import pyarrow as pa

from . import _core

__all__ = ["events_arrow", "events_schema", "EVENTS_SPARK_SCHEMA"]

#: The events' schema as a Spark DDL string, for ``mapInArrow``.
EVENTS_SPARK_SCHEMA = (
    "id string, sentence_start int, sentence_end int, year smallint, "
    "evidence string, country string"
)


def events_schema():
    """The schema of the batches ``events_arrow`` returns (a ``pyarrow.Schema``)."""
    return _core.events_schema_py()


def events_arrow(batch, anchor_decades=False):
    """The events of a batch of articles (a ``pa.Table`` gives a table); for an iterator of
    batches, an iterator of theirs."""
    if isinstance(batch, pa.Table):
        events = [_core.events_batch_py(b, anchor_decades) for b in batch.to_batches()]
        return pa.Table.from_batches(events, schema=events_schema())
    if isinstance(batch, pa.RecordBatch):
        return _core.events_batch_py(batch, anchor_decades)
    return (_core.events_batch_py(b, anchor_decades) for b in batch)
