"""``run_batch``: plan the units, clear what an earlier cut left, run an engine, write the report.

This is what ``khabar batch`` calls; Python users call it the same way::

    from khabar.batch import run_batch
    report = run_batch(["crawl/"], "out/", engine="spark", master="local[2]")
"""

from __future__ import annotations

import importlib.util
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from khabar.batch.partition import DEFAULT_RECORD_TIMEOUT, Job, UnitResult
from khabar.batch.sources import DEFAULT_CHUNK, plan
from khabar.errors import ConfigError
from khabar.options import Options

log = logging.getLogger(__name__)

ENGINES = ("local", "spark")


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    master: str | None = None,
    conf: Mapping[str, str] | None = None,
    chunk: int = DEFAULT_CHUNK,
    options: Options | None = None,
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT,
    progress: Callable[[UnitResult], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Analyse every article of ``inputs`` into Parquet tables under ``out``; return the report.

    Rerunning with the same inputs and ``chunk`` replaces the same files, so the
    output holds each record once. ``workers`` is for the local engine,
    ``master`` and ``conf`` for Spark. ``on_plan`` is told the number of units.
    """
    from khabar import __version__
    from khabar.batch import report as reports
    from khabar.batch.output import remove_stale

    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; choose {' or '.join(ENGINES)}")
    if engine == "local" and master:
        raise ConfigError("--master is for --engine spark; the local engine takes --workers")
    if importlib.util.find_spec("pyarrow") is None:
        raise ConfigError("khabar batch writes Parquet with pyarrow: pip install 'khabar[parquet]'")
    options = options or Options()
    inputs = [str(i) for i in inputs]
    out_dir = Path(out).resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"{out}: exists and is not a directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    clock = time.perf_counter()
    units = plan(inputs, chunk=chunk)
    if on_plan:
        on_plan(len(units))
    stale = remove_stale(out_dir, {u.group for u in units}, {u.key for u in units})
    job = Job(out=str(out_dir), options=options, record_timeout=record_timeout)
    about: dict[str, Any] = {"master": master} if engine == "spark" else {}
    if engine == "spark":
        from khabar.batch.spark import run_spark

        results = run_spark(units, job, master=master, conf=conf, progress=progress, about=about)
    else:
        from khabar.batch.local import default_workers, run_local

        workers = workers or default_workers()
        results = run_local(units, job, workers=workers, progress=progress)
    seconds = time.perf_counter() - clock
    settings: dict[str, Any] = {
        "khabar_version": __version__,
        "engine": engine,
        "workers": workers if engine == "local" else None,
        "master": about.get("master"),
        "spark_version": about.get("spark_version"),
        "inputs": inputs,
        "out": str(out_dir),
        "chunk": chunk,
        "stages": list(options.stages) if options.stages is not None else "all",
        "started": started.isoformat(timespec="seconds"),
        "stale_files_removed": stale,
    }
    report = reports.build(results, seconds=seconds, **settings)
    reports.write(out_dir, report)
    log.info("%s", reports.summary(report))
    return report
