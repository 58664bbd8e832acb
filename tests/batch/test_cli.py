"""``khabar batch`` and ``khabar load`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app
from khabar.options import Options

runner = CliRunner()


def test_batch_then_load(corpus: Path, tmp_path: Path, options: Options) -> None:
    out = tmp_path / "out"
    stages = ",".join(options.stages or ())
    result = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--workers", "1", "--stages", stages])
    assert result.exit_code == 0, result.output
    assert "5 articles from 7 records in 1 units, 2 failed" in result.output
    assert f"{corpus}: line 3: invalid JSON" in result.output
    first_files = len(list(out.rglob("*.parquet")))
    result = runner.invoke(
        app, ["batch", str(corpus), "-o", str(out), "-w", "1", "--stages", stages, "--chunk", "4", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["units"], report["articles"], report["stale_files_removed"]) == (2, 5, first_files)
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["load", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "5 added, 0 updated, 0 unchanged, 0 failed"
    result = runner.invoke(app, ["load", str(out), "--db", db, "--json"])
    assert json.loads(result.output)["unchanged"] == 5


def test_bad_options_are_one_line_and_status_1(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "o"), "--master", "local[2]"])
    assert result.exit_code == 1
    assert "error: --master is for --engine spark" in result.output
    result = runner.invoke(app, ["load", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'c.db'}"])
    assert result.exit_code == 1
    assert "not a khabar batch output" in result.output
