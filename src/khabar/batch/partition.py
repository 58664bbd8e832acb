"""The one code path every engine runs for one unit: records in, rows out, failures kept.

The local process pool and Spark executors both call :func:`run_unit`, so the
two engines cannot disagree about what a record becomes. A record that fails
(unreadable JSON, a stage that raises, a stage that runs past the time limit)
becomes a row of the ``failures`` table and the unit goes on; only the records
after a broken stream (a truncated gzip) are lost, and that too is a failure
row, never an exception out of the worker.

Models load once per worker process: the stages cache them with
``functools.cache`` and both engines keep their worker processes for the whole
run (no fork per record), so only a worker's first record pays for loading.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, cast

from khabar.batch.sources import Unit
from khabar.batch.tables import LAYER_TABLES, Row, analysis_rows, failure_row, month_of
from khabar.errors import IngestError
from khabar.model import Article
from khabar.options import Options

log = logging.getLogger(__name__)

DEFAULT_RECORD_TIMEOUT = 120.0


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs besides its unit; small and picklable (it is shipped per task)."""

    out: str
    options: Options = field(default_factory=Options)
    # Seconds one article may spend in the pipeline; None or 0 for no limit.
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT


@dataclass(slots=True)
class UnitRows:
    """The rows of one unit, by table and publication month, plus its failures."""

    tables: dict[str, dict[str, list[Row]]] = field(default_factory=lambda: {t: {} for t in LAYER_TABLES})
    failures: list[Row] = field(default_factory=list)
    records: int = 0

    def add(self, rows: dict[str, list[Row]], month: str) -> None:
        for table, items in rows.items():
            if items:
                self.tables[table].setdefault(month, []).extend(items)

    def count(self, table: str) -> int:
        return sum(len(v) for v in self.tables[table].values())


@dataclass(slots=True)
class UnitResult:
    """What a worker sends back to the driver: counts only, the rows are on disk."""

    unit: str
    label: str
    records: int
    rows: dict[str, int]
    months: dict[str, int]
    failures: list[Row]
    seconds: float
    pid: int
    files: int = 0
    # Peak resident memory of the worker so far, to size executors (0 where unknown).
    peak_rss_mb: float = 0.0
    # CPU time the worker spent on the unit: on a shared machine, wall time alone
    # cannot tell a slow engine from a busy machine.
    cpu_seconds: float = 0.0


def run_unit(unit: Unit, job: Job) -> UnitResult:
    """Analyse one unit and write its Parquet files (replacing any earlier ones)."""
    from khabar.batch.output import write_unit
    from khabar.pipeline import tune_for_long_runs

    tune_for_long_runs()  # this runs in a worker process (local pool or Spark executor)

    started = time.perf_counter()
    cpu = time.process_time()
    rows = analyse_unit(unit, job.options, record_timeout=job.record_timeout)
    files = write_unit(job.out, unit.key, rows.tables, rows.failures)
    return UnitResult(
        unit=unit.key,
        label=unit.label,
        records=rows.records,
        rows={t: rows.count(t) for t in LAYER_TABLES} | {"failures": len(rows.failures)},
        months={m: len(items) for m, items in sorted(rows.tables["articles"].items())},
        failures=rows.failures,
        seconds=time.perf_counter() - started,
        pid=os.getpid(),
        files=files,
        peak_rss_mb=_peak_rss_mb(),
        cpu_seconds=time.process_time() - cpu,
    )


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
    return round(kilobytes / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def unit_failed(unit: Unit, job: Job, reason: str) -> UnitResult:
    """Record a unit that produced no result as one failure row (replacing any old rows of it)."""
    from khabar.batch.output import write_unit

    start = unit.start + 1 if unit.kind == "lines" else None
    failures = [failure_row(unit.paths[0], start, reason, stage="unit", unit=unit.key)]
    files = write_unit(job.out, unit.key, {}, failures)
    return UnitResult(
        unit=unit.key,
        label=unit.label,
        records=0,
        rows={t: 0 for t in LAYER_TABLES} | {"failures": 1},
        months={},
        failures=failures,
        seconds=0.0,
        pid=os.getpid(),
        files=files,
    )


def analyse_unit(unit: Unit, options: Options, *, record_timeout: float | None = None) -> UnitRows:
    """Read the unit's records with the ingest code and run the pipeline on each."""
    from khabar.pipeline import process

    out = UnitRows()
    for source, line, item in _records(unit, options, out):
        out.records += 1
        if isinstance(item, IngestError):
            out.failures.append(
                failure_row(item.source, item.line, item.problem, stage="ingest", unit=unit.key)
            )
            continue
        try:
            with _time_limit(record_timeout):
                doc = process(item, options).to_dict()
            rows = analysis_rows(doc, line=line)
        except (Exception, RecordTimeout) as err:  # one bad record must not stop the other thousands
            log.warning("%s: line %s: %s: %s", item.source or source, line, type(err).__name__, err)
            out.failures.append(
                failure_row(
                    item.source or source,
                    line,
                    f"{type(err).__name__}: {err}",
                    stage="process",
                    unit=unit.key,
                    article_id=item.id,
                )
            )
            continue
        out.add(rows, month_of(doc["article"].get("published")))
    return out


Record = tuple[str, int | None, Article | IngestError]


def _records(unit: Unit, options: Options, out: UnitRows) -> Iterator[Record]:
    """Every record of the unit; a stream that breaks becomes a failure row, not an exception."""
    from khabar.ingest.reader import read

    if unit.kind == "lines":
        yield from _line_records(unit, options, out)
        return
    for path in unit.paths:
        try:
            for item in read(Path(path), options):
                yield path, None, item
        except IngestError as err:  # the whole file is unreadable: it counts as one record
            out.records += 1
            out.failures.append(failure_row(err.source, err.line, err.problem, stage="ingest", unit=unit.key))
        except Exception as err:  # a reader bug on one file must not lose the others
            out.records += 1
            log.warning("%s: reading failed: %s: %s", path, type(err).__name__, err)
            out.failures.append(
                failure_row(path, None, f"{type(err).__name__}: {err}", stage="read", unit=unit.key)
            )


def _line_records(unit: Unit, options: Options, out: UnitRows) -> Iterator[Record]:
    """A line range of a JSONL file through the JSONL reader, with true line numbers.

    The reader sees the file's own lines, those before the range replaced by
    empty lines (which it skips but counts), so its line numbers, error
    messages and ``file#id`` sources are those of the whole file. If the reader
    raises on a line (a bug, not a bad record: those it yields as errors), the
    line becomes a failure and reading resumes after it.
    """
    from khabar.batch.sources import open_window
    from khabar.ingest.jsonl import read_jsonl

    path = unit.paths[0]
    current = unit
    while True:
        window = open_window(current)
        try:
            for item in read_jsonl(cast(IO[bytes], window), source=path, options=options):
                yield path, window.line, item
        except Exception as err:  # resume after the line, so one bug loses one record
            log.warning("%s: line %d: reader failed: %s: %s", path, window.line, type(err).__name__, err)
            out.failures.append(
                failure_row(path, window.line or None, f"{type(err).__name__}: {err}", stage="read", unit=unit.key)
            )
            if window.line <= current.start or (current.stop is not None and window.line >= current.stop):
                return
            current = replace(current, start=window.line, offset=None)
            continue
        finally:
            window.close()
        if window.broken is not None:
            out.failures.append(
                failure_row(
                    path,
                    window.line + 1,
                    f"the input breaks off ({type(window.broken).__name__}: {window.broken}); "
                    f"lines {window.line + 1}-{current.stop or 'end'} are lost",
                    stage="read",
                    unit=unit.key,
                )
            )
        return


class RecordTimeout(BaseException):
    """An article spent longer than ``Job.record_timeout`` in the pipeline.

    A ``BaseException``, like ``KeyboardInterrupt``, so that a stage's own
    ``except Exception`` cannot swallow it and let the record run on unlimited.
    """


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt a runaway record (a pathological regex) with SIGALRM.

    Only where a signal can be delivered: the main thread of a Unix process,
    which is where both the pool's and Spark's Python workers run tasks.
    Elsewhere the record runs without a limit. Python runs the handler between
    bytecodes, so a long call inside a C extension is stopped when it returns.
    """
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise RecordTimeout(f"took longer than {seconds:g} s in the pipeline (--record-timeout)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
