"""The Spark engine: the same units and the same per-unit code, scheduled by Spark.

Spark is used as a distributed scheduler, not as a data-frame writer: one Spark
partition holds one :class:`~khabar.batch.sources.Unit` (a few bytes: a path and
a line range), the executor's Python worker reads the records itself with the
ingest code and writes the unit's Parquet files under their deterministic names,
and only counts travel back to the driver. This keeps the local and Spark
outputs identical file for file, and a retried or speculative task rewrites the
same files instead of adding duplicates (Spark's own writer names files by job
UUID). Input and output paths must therefore be visible at the same path on
every executor (a shared filesystem); see ``docs/batch.md``.

Python workers are reused across tasks (``spark.python.worker.reuse``), so each
loads the models once. pyspark is imported only inside these functions.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

from khabar.batch.partition import Job, UnitResult, run_unit, unit_failed
from khabar.batch.sources import Unit
from khabar.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_CONF = {
    "spark.python.worker.reuse": "true",
    "spark.ui.showConsoleProgress": "false",
}

Progress = Callable[[UnitResult], None]


def run_spark(
    units: list[Unit],
    job: Job,
    *,
    master: str | None = None,
    conf: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    about: dict[str, Any] | None = None,
) -> list[UnitResult]:
    """Run every unit as one Spark task; reuse the active session or start (and stop) one.

    ``about``, if given, is filled with the master and Spark version actually used
    (under ``spark-submit`` the master is not known until the session starts).
    """
    if not units:
        return []
    spark, owned = session(master, conf)
    try:
        sc = spark.sparkContext
        if about is not None:
            about.update(master=sc.master, spark_version=sc.version, default_parallelism=sc.defaultParallelism)
        sc.setJobDescription(f"khabar batch: {len(units)} units → {job.out}")
        rdd = sc.parallelize(units, numSlices=len(units))
        results: list[UnitResult] = rdd.map(lambda unit: _task(unit, job)).collect()
    finally:
        if owned:
            spark.stop()
    if progress:
        for result in results:
            progress(result)
    return results


def session(master: str | None = None, conf: Mapping[str, str] | None = None) -> tuple[Any, bool]:
    """The active SparkSession (if its master matches) or a new one; True if new (caller stops it).

    With no ``master`` the session takes it from ``spark-submit`` or
    ``spark-defaults.conf``. For a ``local`` master the workers run this very
    Python, so that they import the same khabar.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise ConfigError(
            "the spark engine needs pyspark: pip install 'khabar[spark]' (and a Java 17+ runtime)"
        ) from err
    active = SparkSession.getActiveSession()
    if active is not None:
        if master is None or active.sparkContext.master == master:
            return active, False
        raise ConfigError(
            f"a Spark session on {active.sparkContext.master} is already running in this process; "
            f"stop it before asking for {master}"
        )
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("khabar batch")
    if master:
        builder = builder.master(master)
    for key, value in {**DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate(), True


def _task(unit: Unit, job: Job) -> UnitResult:
    """Runs on an executor: a unit that raises becomes a failure row, not a failed stage."""
    try:
        return run_unit(unit, job)
    except Exception as err:  # the run must finish; the unit is reported instead
        log.error("%s: %s: %s", unit.label, type(err).__name__, err)
        return unit_failed(unit, job, f"the unit failed: {type(err).__name__}: {err}")
