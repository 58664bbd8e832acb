"""Spark local[2] and the local process pool write the same files with the same rows.

Marked ``spark``: select with ``-m spark``. Skipped without pyspark or Java,
except under CI=true (see the ``spark`` fixture).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from khabar.batch import run_batch
from khabar.batch.output import read_table
from khabar.batch.tables import TABLES
from khabar.options import Options

pytestmark = [pytest.mark.spark, pytest.mark.shared]


def _rows(out: Path, table: str) -> list[dict[str, Any]]:
    rows = read_table(out, table).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False, default=str))


def _files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))


def test_spark_and_local_engines_give_the_same_rows(
    spark: Any, news50: Path, corpus: Path, tmp_path: Path, options: Options
) -> None:
    inputs = [news50, corpus]
    local = run_batch(inputs, tmp_path / "local", workers=2, chunk=20, options=options)
    on_spark = run_batch(inputs, tmp_path / "spark", engine="spark", master="local[2]", chunk=20, options=options)
    assert local["articles"] == 55 and local["failed"] == 2
    for key in ("units", "records", "articles", "failed", "rows", "months", "failures_by_stage", "failures"):
        assert on_spark[key] == local[key], key
    assert on_spark["engine"] == "spark" and on_spark["master"] == "local[2]"
    # Python workers are reused across tasks, so models load once per worker, not per unit.
    assert on_spark["units"] == 4 and on_spark["worker_processes"] <= 2
    assert local["worker_processes"] <= 2
    assert _files(tmp_path / "spark") == _files(tmp_path / "local")
    for table in TABLES:
        assert _rows(tmp_path / "spark", table) == _rows(tmp_path / "local", table), table
    assert spark.sparkContext.master == "local[2]"  # the test session's Spark was reused, not stopped


def test_spark_reads_the_tables(spark: Any, corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, engine="spark", master="local[2]", options=options)
    df = spark.read.parquet(str(out / "articles"))
    months = {(r["month"], r["n"]) for r in df.groupBy("month").count().withColumnRenamed("count", "n").collect()}
    assert months == {("2020-10", 2), ("2021-03", 2), ("unknown", 1)}
    failures = spark.read.parquet(str(out / "failures")).orderBy("line").collect()
    assert [(f["line"], f["stage"]) for f in failures] == [(3, "ingest"), (5, "ingest")]


@pytest.mark.slow
def test_spark_submit_runs_the_driver_script(spark: Any, corpus: Path, tmp_path: Path, options: Options) -> None:
    """The docs/batch.md command: spark-submit with khabar.batch.submit as the Python file."""
    import os
    import shutil
    import subprocess
    import sys

    import khabar.batch.submit

    submit = shutil.which("spark-submit") or str(Path(sys.executable).parent / "spark-submit")
    out = tmp_path / "out"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    command = [
        submit,
        "--master",
        "local[1]",
        "--conf",
        "spark.ui.enabled=false",
        khabar.batch.submit.__file__,
        str(corpus),
        "--out",
        str(out),
        "--stages",
        ",".join(options.stages or ()),
        "--json",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    assert (report["engine"], report["master"], report["articles"], report["failed"]) == ("spark", "local[1]", 5, 2)
