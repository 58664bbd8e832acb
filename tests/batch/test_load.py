"""``load_batch``: batch output into the store, the same analyses, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.batch import load_batch, run_batch
from khabar.batch.load import iter_analyses
from khabar.errors import ConfigError, IngestError
from khabar.model import Analysis
from khabar.options import Options
from khabar.pipeline import analyze_many
from khabar.store.base import open_store


def test_batch_output_holds_the_pipeline_analyses(corpus: Path, tmp_path: Path, options: Options) -> None:
    run_batch([corpus], tmp_path / "out", workers=1, chunk=3, options=options)
    loaded = [a for a in iter_analyses(tmp_path / "out")]
    direct = [a for a in analyze_many([corpus], options) if isinstance(a, Analysis)]
    assert all(isinstance(a, Analysis) for a in loaded)
    key = lambda a: a.article.id  # noqa: E731
    assert [a.to_dict() for a in sorted(loaded, key=key)] == [a.to_dict() for a in sorted(direct, key=key)]


def test_load_twice_adds_nothing_new(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, options=options)
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    first = load_batch(out, db)
    assert (first.added, first.updated, first.unchanged, first.failed) == (5, 0, 0, 0)
    run_batch([corpus], out, workers=1, options=options)  # a rerun rewrites the same rows
    second = load_batch(out, db)
    assert (second.added, second.updated, second.unchanged, second.failed) == (0, 0, 5, 0)
    with open_store(db) as store:
        assert store.count() == 5
        stored = {a.article.id: a for a in store.iter_analyses()}
    for analysis in iter_analyses(out):
        assert isinstance(analysis, Analysis)
        assert stored[analysis.article.id].article.title == analysis.article.title


def test_a_damaged_file_is_reported_and_the_rest_loads(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, chunk=3, options=options)
    damaged = sorted((out / "articles" / "month=2020-10").glob("*.parquet"))[0]
    damaged.write_bytes(b"PAR1 not parquet")
    items = list(iter_analyses(out))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and "unreadable batch output" in errors[0].problem
    assert sum(isinstance(i, Analysis) for i in items) == 3
    report = load_batch(out, f"sqlite:///{tmp_path / 'c.db'}")
    assert (report.added, report.failed) == (3, 1)


def test_load_refuses_a_directory_that_is_not_batch_output(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a khabar batch output"):
        load_batch(tmp_path, f"sqlite:///{tmp_path / 'c.db'}")
