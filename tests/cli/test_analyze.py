"""``khabar analyze`` end to end through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from khabar.cli import app
from khabar.schema import json_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("khabar ")


def test_schema_is_valid_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_seed_json_output(seed_path: Path, seed_expected: dict) -> None:
    result = runner.invoke(app, ["analyze", "--format", "json", str(seed_path)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    jsonschema.validate(out, json_schema())
    art = out["article"]
    assert art["title"] == seed_expected["article"]["title"]
    assert art["published"] == "2020-10-06"
    assert len(art["paragraphs"]) == seed_expected["article"]["body_paragraphs"]


def test_several_inputs_give_an_array_and_a_summary(seed_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["analyze", "--format", "json", str(seed_path), str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert "1 ok, 1 failed" in result.stderr
    out = json.loads(result.stdout)
    assert isinstance(out, list) and len(out) == 1


def test_jsonl_with_tokens(seed_path: Path) -> None:
    result = runner.invoke(app, ["analyze", "--format", "jsonl", "--tokens", str(seed_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    d = json.loads(lines[0])
    text = d["article"]["text"]
    assert d["tokens"] and all(text[t["start"] : t["end"]] == t["text"] for t in d["tokens"])
    assert any(t["text"] == "Meprolight" for t in d["tokens"])


def test_published_option_is_validated(seed_path: Path) -> None:
    result = runner.invoke(app, ["analyze", "--published", "أمس", str(seed_path)])
    assert result.exit_code != 0
    assert "not an ISO date" in result.output


def test_text_format_on_every_example() -> None:
    files = sorted(p for p in EXAMPLES.glob("*") if p.suffix in {".txt", ".html"})
    assert len(files) >= 5
    result = runner.invoke(app, ["analyze", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("# ") >= len(files)
