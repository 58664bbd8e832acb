"""The batch output directory: Parquet files named by unit, so reruns overwrite, never duplicate.

Layout (Hive-style partitions, read as-is by Spark, DuckDB, pandas, pyarrow)::

    out/articles/month=2015-07/part-<unit>.parquet
    out/articles/month=unknown/part-<unit>.parquet
    out/entities/... mentions/... quotes/... times/... quantities/...
    out/failures/part-<unit>.parquet
    out/_report.json

A unit's files are named by its key (input file + line range), so running the
same inputs again replaces them. Before writing, a unit removes every file of
its key in every month (an article whose date now parses differently must not
stay in its old month), and the driver removes files left by an earlier cut of
the same input into other ranges (:func:`remove_stale`). Files are written under
a dot-name and renamed into place, so readers (which skip dot-files) never see
half a file, and a retried task simply writes again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from khabar.batch.tables import LAYER_TABLES, TABLES, Row, arrow_schema

log = logging.getLogger(__name__)

REPORT = "_report.json"
_PREFIX = "part-"
_SUFFIX = ".parquet"


def part_name(key: str) -> str:
    return f"{_PREFIX}{key}{_SUFFIX}"


def write_unit(out: str | Path, key: str, tables: dict[str, dict[str, list[Row]]], failures: list[Row]) -> int:
    """Replace unit ``key``'s files with these rows; return how many files were written."""
    root = Path(out)
    name = part_name(key)
    for table in TABLES:
        for old in _unit_files(root / table, name):
            old.unlink()
    written = 0
    for table in LAYER_TABLES:
        for month, rows in sorted(tables.get(table, {}).items()):
            if rows:
                _write(root / table / f"month={month}" / name, table, rows)
                written += 1
    if failures:
        _write(root / "failures" / name, "failures", failures)
        written += 1
    return written


def remove_stale(out: str | Path, groups: Iterable[str], keep: set[str]) -> int:
    """Remove files of these input groups whose unit is not in ``keep`` (an earlier, other cut)."""
    root = Path(out)
    prefixes = tuple(f"{_PREFIX}{g}-" for g in groups)
    names = {part_name(k) for k in keep}
    removed = 0
    for table in TABLES:
        for path in _all_files(root / table):
            if path.name.startswith(prefixes) and path.name not in names:
                log.info("removing %s, left by an earlier run that cut its input differently", path)
                path.unlink()
                removed += 1
    return removed


def unit_parts(out: str | Path) -> list[tuple[str, str]]:
    """Every (month, file name) holding articles, in a stable order."""
    root = Path(out) / "articles"
    return sorted((p.parent.name.removeprefix("month="), p.name) for p in _all_files(root))


def read_part(out: str | Path, month: str, name: str) -> dict[str, list[Row]]:
    """The rows of every layer table in one unit's file for one month."""
    import pyarrow.parquet as pq

    rows: dict[str, list[Row]] = {}
    for table in LAYER_TABLES:
        path = Path(out) / table / f"month={month}" / name
        rows[table] = pq.read_table(path).to_pylist() if path.exists() else []
    return rows


def read_table(out: str | Path, table: str) -> Any:
    """One whole table as a pyarrow Table (``month`` from the directory names)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    path = Path(out) / table
    schema = arrow_schema(table)
    if table != "failures":
        schema = schema.append(pa.field("month", pa.string()))
    if not path.is_dir():  # no unit had a row for it (a stage that did not run)
        return schema.empty_table()
    partitioning = None if table == "failures" else "hive"
    return ds.dataset(path, format="parquet", partitioning=partitioning, schema=schema).to_table()


def _write(path: Path, table: str, rows: list[Row]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(data, tmp, compression="zstd")
    os.replace(tmp, path)


def _unit_files(table_dir: Path, name: str) -> Iterator[Path]:
    if not table_dir.is_dir():
        return
    direct = table_dir / name
    if direct.exists():
        yield direct
    for month in table_dir.iterdir():
        candidate = month / name
        if month.is_dir() and candidate.exists():
            yield candidate


def _all_files(table_dir: Path) -> Iterator[Path]:
    if not table_dir.is_dir():
        return
    for entry in sorted(table_dir.iterdir()):
        if entry.is_dir():
            yield from (p for p in sorted(entry.iterdir()) if _is_part(p))
        elif _is_part(entry):
            yield entry


def _is_part(path: Path) -> bool:
    return path.name.startswith(_PREFIX) and path.name.endswith(_SUFFIX)
