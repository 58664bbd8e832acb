"""``khabar analyze`` over a mix of good and bad inputs: the good ones are output, each bad
one is reported on one line naming the file (and the line, for JSONL), then a summary, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app

runner = CliRunner()

ARTICLE = (
    "افتتاح محطة لتحلية المياه في جدة\n\n"
    "افتتحت المؤسسة العامة لتحلية المياه المالحة أمس محطة جديدة في جدة بطاقة 400 ألف متر مكعب "
    "يومياً، بحسب ما أعلنه المتحدث باسم المؤسسة.\n"
)
RECORDS = (
    {
        "id": "r1",
        "title": "أمطار غزيرة على عسير",
        "content": "توقعت الهيئة العامة للأرصاد هطول أمطار غزيرة على منطقة عسير اليوم الأحد، "
        "ودعت السكان إلى الحذر.",
    },
    {
        "id": "r3",
        "title": "السوق السعودية ترتفع",
        "content": "ارتفع مؤشر السوق السعودية بنسبة 2 في المئة في ختام تداولات الأسبوع، وفق بيانات السوق.",
    },
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(RECORDS[0], ensure_ascii=False), '{"id": "r2", "title": "مقطوع', json.dumps(RECORDS[1])]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"good": good, "empty": empty, "png": png, "corpus": corpus}


def test_each_bad_input_is_one_error_line_and_the_good_ones_are_output(inputs: dict[str, Path]) -> None:
    paths = [str(inputs[k]) for k in ("good", "empty", "png", "corpus")]
    result = runner.invoke(app, ["analyze", "--format", "jsonl", *paths])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["title"] for d in out] == [
        "افتتاح محطة لتحلية المياه في جدة",
        "أمطار غزيرة على عسير",
        "السوق السعودية ترتفع",
    ]
    corpus = inputs["corpus"]
    assert [d["article"]["source"] for d in out[1:]] == [f"{corpus}#r1", f"{corpus}#r3"]
    assert _errors(result.stderr) == [
        f"error: {inputs['empty']}: empty file (0 bytes); nothing to analyse",
        f"error: {inputs['png']}: binary file (PNG image), not an article; "
        "give khabar article text, HTML, RSS/Atom, JSONL or WARC",
        f"error: {corpus}: line 2: invalid JSON (Unterminated string starting at at column 23); "
        "each line must be one JSON object",
    ]
    assert result.stderr.splitlines()[-1] == "3 ok, 3 failed"


def test_a_directory_of_mixed_files(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.html").write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    (root / "sub" / "c.txt").write_bytes(PNG)  # a PNG misnamed as text
    (root / "sub" / "d.jsonl").write_text(json.dumps(RECORDS[1]) + "\n[1]\n", encoding="utf-8")
    (root / "photo.png").write_bytes(PNG)  # not an article extension: not read at all
    (root / "notes.md").write_text("# ملاحظات", encoding="utf-8")
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--format", "json", str(root)])
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert [d["article"]["title"] for d in out] == ["افتتاح محطة لتحلية المياه في جدة", "السوق السعودية ترتفع"]
    errors = _errors(result.stderr)
    assert len(errors) == 3
    assert errors[0].startswith(f"error: {root / 'sub' / 'b.html'}: no article text found")
    assert errors[1].startswith(f"error: {root / 'sub' / 'c.txt'}: binary file (PNG image)")
    assert errors[2] == f"error: {root / 'sub' / 'd.jsonl'}: line 2: a JSON list where an object was expected"
    assert result.stderr.splitlines()[-1] == "2 ok, 3 failed"


def test_text_format_reports_the_same_failures(inputs: dict[str, Path]) -> None:
    result = runner.invoke(app, ["analyze", str(inputs["good"]), str(inputs["png"])])
    assert result.exit_code == 1
    assert result.stdout.startswith("# افتتاح محطة لتحلية المياه في جدة")
    assert len(_errors(result.stderr)) == 1
    assert result.stderr.splitlines()[-1] == "1 ok, 1 failed"


def test_only_bad_inputs(inputs: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["analyze", "--format", "json", str(inputs["empty"]), str(missing)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert _errors(result.stderr)[1] == f"error: {missing}: no such file or directory"
    assert result.stderr.splitlines()[-1] == "0 ok, 2 failed"


def test_jsonl_with_lone_surrogates_and_bad_dates(tmp_path: Path) -> None:
    """Careless exports must give articles, not a crash of the whole run."""
    path = tmp_path / "export.jsonl"
    rows = [
        {**RECORDS[0], "title": "أمطار \ud83d غزيرة", "date": 1e300},
        {**RECORDS[1], "photo_credit": {"photographer": 7}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["title"] for d in out] == ["أمطار \ufffd غزيرة", "السوق السعودية ترتفع"]


def test_glob_that_matches_nothing(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.jsonl")
    result = runner.invoke(app, ["analyze", pattern])
    assert result.exit_code == 1
    assert _errors(result.stderr) == [f"error: {pattern}: no such file or directory"]



def test_a_stage_bug_on_one_article_does_not_end_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stage that raises on one record fails that record, named, and the run goes on."""
    import khabar.quantities.annotate as stage

    real = stage.annotate

    def flaky(analysis, options):  # type: ignore[no-untyped-def]
        if "عسير" in analysis.article.text:
            raise ZeroDivisionError("division by zero")
        return real(analysis, options)

    monkeypatch.setattr(stage, "annotate", flaky)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (*RECORDS, RECORDS[1])) + "\n")
    result = runner.invoke(app, ["analyze", "--format", "jsonl", str(corpus)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    (error,) = _errors(result.stderr)
    assert error.startswith(f"error: {corpus}#r1: analysis failed (ZeroDivisionError: division by zero at ")
    assert error.endswith("a bug in khabar, please report it")
    assert result.stderr.splitlines()[-1] == "2 ok, 1 failed"
