"""The local engine end to end: Parquet tables by month, report, idempotent reruns, dead workers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from khabar.batch import run_batch
from khabar.batch.local import run_local
from khabar.batch.output import read_table
from khabar.batch.partition import Job, UnitResult, run_unit
from khabar.batch.sources import Unit, plan
from khabar.options import Options


def _files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))


def _rows(out: Path, table: str) -> list[dict]:
    rows = read_table(out, table).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False, default=str))


def test_batch_writes_tables_by_month_and_a_report(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    report = run_batch([corpus.parent], out, workers=2, chunk=3, options=options)
    units = plan([corpus], chunk=3)
    assert [(u.start, u.stop) for u in units] == [(0, 3), (3, 6), (6, 8)]
    keys = [u.key for u in units]
    assert [f for f in _files(out) if f.startswith(("articles/", "failures/"))] == [
        f"articles/month=2020-10/part-{keys[0]}.parquet",
        f"articles/month=2021-03/part-{keys[1]}.parquet",
        f"articles/month=2021-03/part-{keys[2]}.parquet",
        f"articles/month=unknown/part-{keys[2]}.parquet",
        f"failures/part-{keys[0]}.parquet",
        f"failures/part-{keys[1]}.parquet",
    ]
    articles = _rows(out, "articles")
    assert sorted((r["source"].rsplit("#")[1], r["month"], r["line"]) for r in articles) == [
        ("t-001", "2020-10", 1),
        ("t-002", "2020-10", 2),
        ("t-003", "2021-03", 4),
        ("t-005", "unknown", 7),
        ("t-006", "2021-03", 8),
    ]
    failures = sorted((r["line"], r["stage"]) for r in _rows(out, "failures"))
    assert failures == [(3, "ingest"), (5, "ingest")]
    saved = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    assert saved == report
    assert (report["units"], report["records"], report["articles"], report["failed"]) == (3, 7, 5, 2)
    assert report["months"] == {"2020-10": 2, "2021-03": 2, "unknown": 1}
    assert report["rows"]["articles"] == 5 and report["rows"]["failures"] == 2
    assert report["failures_by_stage"] == {"ingest": 2}
    assert [f["line"] for f in report["failures"]] == [3, 5]
    assert report["articles_per_second"] > 0
    assert report["engine"] == "local" and report["workers"] == 2
    assert report["stages"] == list(options.stages or ())


def test_rerun_is_idempotent_and_a_new_cut_replaces_the_old(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, chunk=3, options=options)
    files, articles = _files(out), _rows(out, "articles")
    again = run_batch([corpus], out, workers=1, chunk=3, options=options)
    assert _files(out) == files
    assert _rows(out, "articles") == articles
    assert again["stale_files_removed"] == 0
    recut = run_batch([corpus], out, workers=1, chunk=100, options=options)
    (recut_key,) = (u.key for u in plan([corpus], chunk=100))
    assert recut["stale_files_removed"] == len(files)
    assert recut["units"] == 1
    assert [f for f in _files(out) if f.startswith(("articles/", "failures/"))] == [
        f"articles/month={m}/part-{recut_key}.parquet" for m in ("2020-10", "2021-03", "unknown")
    ] + [f"failures/part-{recut_key}.parquet"]
    assert all(recut_key in f for f in _files(out))
    assert _rows(out, "articles") == articles


def test_another_input_into_the_same_directory_is_added(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps(
            {"id": "o-1", "title": "هطول أمطار على مكة", "published": "2020-11-02", "content": "هطلت أمطار متوسطة على مكة المكرمة مساء الأحد."},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    run_batch([corpus], out, workers=1, options=options)
    run_batch([other], out, workers=1, options=options)
    assert sorted(r["month"] for r in _rows(out, "articles")) == ["2020-10", "2020-10", "2020-11", "2021-03", "2021-03", "unknown"]


def dies_on_second_unit(unit: Unit, job: Job) -> UnitResult:
    """A runner whose worker process dies on the unit starting at line 4 (a stand-in for a segfault)."""
    if unit.start == 3:
        os._exit(3)
    return run_unit(unit, job)


@pytest.mark.slow
def test_a_dead_worker_fails_its_unit_only(
    corpus: Path, tmp_path: Path, options: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The spawned workers must import this module to unpickle the runner (spawn copies sys.path).
    depth = dies_on_second_unit.__module__.count(".")
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[depth]))
    units = plan([corpus], chunk=3)
    job = Job(out=str(tmp_path / "out"), options=options)
    results = run_local(units, job, workers=2, runner=dies_on_second_unit)
    by_unit = {r.unit: r for r in results}
    assert len(results) == 3
    assert by_unit[units[0].key].rows["articles"] == 2
    assert by_unit[units[2].key].rows["articles"] == 2
    (failure,) = by_unit[units[1].key].failures
    assert (failure["source"], failure["line"], failure["stage"]) == (str(corpus), 4, "unit")
    assert failure["reason"].startswith("the worker process died")
    assert [r["line"] for r in _rows(Path(job.out), "failures")] == [3, 4]


def test_engine_errors_are_config_errors(corpus: Path, tmp_path: Path) -> None:
    from khabar.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine"):
        run_batch([corpus], tmp_path / "o", engine="dask")
    with pytest.raises(ConfigError, match="--master is for --engine spark"):
        run_batch([corpus], tmp_path / "o", master="local[2]")
