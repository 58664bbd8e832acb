"""Export a corpus for researchers: JSON lines of analyses, or flat tables in CSV/Parquet.

``jsonl`` writes one :meth:`Analysis.to_dict` per line: the same JSON contract
as ``khabar analyze --format jsonl``, validated by the same schema. ``csv`` and
``parquet`` write one file per table into a directory (``articles``,
``entities``, ``mentions``, ``quotes``, ``times``, ``quantities``), every row
naming its article by ``article_id``, ready for pandas, R or DuckDB. Rows are
streamed in chunks of articles, so memory stays flat on a large corpus.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from khabar.errors import ConfigError
from khabar.store.queries import period_filter

if TYPE_CHECKING:
    from khabar.store.base import Day
    from khabar.store.sqlstore import SqlStore

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 2000  # articles per read

# Exported columns per table: (header, SQL expression over "t" and articles "a").
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "a.id"), ("url", "a.url"), ("outlet", "a.outlet"), ("published", "a.published"),
        ("title", "a.title"), ("text", "a.text"),
        ("duplicate_cluster", "(SELECT d.cluster FROM duplicates d WHERE d.doc = a.doc)"),
    ),
    "entities": (
        ("article_id", "a.id"), ("entity_id", "t.eid"), ("type", "t.type"), ("canonical", "t.canonical"),
        ("role", "t.role"), ("country", "t.country"), ("latin", "t.latin"), ("mentions", "t.n_mentions"),
    ),
    "mentions": (
        ("article_id", "a.id"), ("entity_id", "t.eid"), ("start", "t.start_char"), ("end", "t.end_char"),
        ("text", "t.text"), ("type", "t.type"), ("kind", "t.kind"),
    ),
    "quotes": (
        ("article_id", "a.id"), ("kind", "t.kind"), ("start", "t.start_char"), ("end", "t.end_char"),
        ("content", "t.content"), ("speaker", "t.speaker"), ("speaker_entity", "t.speaker_eid"),
        ("cue", "t.cue"), ("venue", "t.venue"),
    ),
    "times": (
        ("article_id", "a.id"), ("start", "t.start_char"), ("end", "t.end_char"), ("text", "t.text"),
        ("type", "t.type"), ("value", "t.value"), ("mod", "t.mod"), ("hijri", "t.hijri"),
    ),
    "quantities": (
        ("article_id", "a.id"), ("start", "t.start_char"), ("end", "t.end_char"), ("text", "t.text"),
        ("value", "t.value"), ("unit", "t.unit"), ("counts", "t.counts"),
    ),
}  # fmt: skip


def _doc_chunks(store: SqlStore, where: list[str], params: list[Any]) -> Iterator[list[int]]:
    """The selected articles' docs, ``CHUNK`` at a time, in insertion order."""
    last = 0
    cond = "".join(f" AND {w}" for w in where)
    while True:
        docs = [
            int(d)
            for (d,) in store._exec(
                f"SELECT a.doc FROM articles a WHERE a.doc > ?{cond} ORDER BY a.doc LIMIT ?",
                [last, *params, CHUNK],
            )
        ]
        if not docs:
            return
        yield docs
        last = docs[-1]


def _table_rows(store: SqlStore, table: str, docs: list[int]) -> list[tuple[Any, ...]]:
    columns = ", ".join(expr for _, expr in TABLES[table])
    test, params = store._in(docs)
    if table == "articles":
        sql = f"SELECT {columns} FROM articles a WHERE a.doc {test} ORDER BY a.doc"
    else:
        sql = f"SELECT {columns} FROM {table} t JOIN articles a ON a.doc = t.doc WHERE t.doc {test} ORDER BY t.doc, t.seq"
    return store._exec(sql, params)


def export(
    store: SqlStore,
    fmt: str,
    out: Path | IO[str],
    *,
    date_from: Day = None,
    date_to: Day = None,
    outlet: str | None = None,
) -> dict[str, int]:
    """Write the (filtered) corpus to ``out``; returns rows written per table.

    ``out`` is a file (or text stream) for ``jsonl`` and a directory for ``csv``
    and ``parquet`` (created if missing).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    where, params = period_filter(date_from, date_to)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    chunks = _doc_chunks(store, where, params)
    if fmt == "jsonl":
        return {"articles": _jsonl(store, chunks, out)}
    if not isinstance(out, Path):
        raise ConfigError(f"{fmt} export writes one file per table: give a directory, not a stream")
    out.mkdir(parents=True, exist_ok=True)
    return _csv(store, chunks, out) if fmt == "csv" else _parquet(store, chunks, out)


def _jsonl(store: SqlStore, chunks: Iterator[list[int]], out: Path | IO[str]) -> int:
    stream = out.open("w", encoding="utf-8") if isinstance(out, Path) else out
    n = 0
    try:
        for docs in chunks:
            loaded = store.load(docs)
            for d in docs:
                stream.write(json.dumps(loaded[d].to_dict(), ensure_ascii=False) + "\n")
                n += 1
    finally:
        if isinstance(out, Path):
            stream.close()
    return n


def _csv(store: SqlStore, chunks: Iterator[list[int]], out: Path) -> dict[str, int]:
    files = {t: (out / f"{t}.csv").open("w", encoding="utf-8", newline="") for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    try:
        writers = {t: csv.writer(f) for t, f in files.items()}
        for t, w in writers.items():
            w.writerow([name for name, _ in TABLES[t]])
        for docs in chunks:
            for t, w in writers.items():
                rows = _table_rows(store, t, docs)
                w.writerows(rows)
                counts[t] += len(rows)
    finally:
        for f in files.values():
            f.close()
    return counts


def _parquet(store: SqlStore, chunks: Iterator[list[int]], out: Path) -> dict[str, int]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ConfigError("parquet export needs pyarrow: pip install 'khabar[parquet]'") from err
    types = {"start": pa.int64(), "end": pa.int64(), "mentions": pa.int64(), "duplicate_cluster": pa.int64()}
    schemas = {
        t: pa.schema(
            [
                (name, types.get(name, pa.float64() if (t, name) == ("quantities", "value") else pa.string()))
                for name, _ in cols
            ]
        )
        for t, cols in TABLES.items()
    }
    writers = {t: pq.ParquetWriter(out / f"{t}.parquet", schemas[t]) for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    try:
        for docs in chunks:
            for t, w in writers.items():
                rows = _table_rows(store, t, docs)
                if rows:
                    columns = list(zip(*rows, strict=True))
                    w.write_table(
                        pa.table(dict(zip(schemas[t].names, columns, strict=True)), schema=schemas[t])
                    )
                counts[t] += len(rows)
    finally:
        for w in writers.values():
            w.close()
    return counts
