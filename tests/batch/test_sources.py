"""Cutting inputs into units, and reading a unit's lines with the file's own numbering."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from khabar.batch.sources import Unit, open_window, plan
from khabar.errors import ConfigError

LINES = [f'{{"id": "r{i}", "title": "خبر رقم {i}", "content": "نص الخبر رقم {i}."}}' for i in range(1, 8)]


def _jsonl(path: Path, lines: list[str], *, gz: bool = False, newline_at_end: bool = True) -> Path:
    data = ("\n".join(lines) + ("\n" if newline_at_end else "")).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def _read(unit: Unit) -> list[tuple[int, bytes]]:
    window = open_window(unit)
    out = []
    while line := window.readline():
        if line != b"\n":
            out.append((window.line, line))
    window.close()
    return out


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_is_cut_into_line_ranges(tmp_path: Path, gz: bool) -> None:
    path = _jsonl(tmp_path / ("a.jsonl.gz" if gz else "a.jsonl"), LINES, gz=gz)
    units = plan([path], chunk=3)
    assert [(u.kind, u.start, u.stop) for u in units] == [("lines", 0, 3), ("lines", 3, 6), ("lines", 6, 7)]
    assert len({u.key for u in units}) == 3 and len({u.group for u in units}) == 1
    assert units[1].key.endswith("-0000000003-0000000006")
    if gz:
        assert all(u.offset is None for u in units)
    else:
        assert [u.offset for u in units] == [0, sum(len(x.encode()) + 1 for x in LINES[:3]), sum(len(x.encode()) + 1 for x in LINES[:6])]
    got = [_read(u) for u in units]
    assert [[n for n, _ in g] for g in got] == [[1, 2, 3], [4, 5, 6], [7]]
    assert got[1][0][1] == (LINES[3] + "\n").encode()


def test_last_line_without_newline_is_a_record(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", LINES[:4], newline_at_end=False)
    units = plan([path], chunk=2)
    assert [(u.start, u.stop) for u in units] == [(0, 2), (2, 4)]
    assert _read(units[1]) == [(3, (LINES[2] + "\n").encode()), (4, LINES[3].encode())]


def test_plan_is_the_same_from_any_spelling_of_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _jsonl(tmp_path / "a.jsonl", LINES)
    monkeypatch.chdir(tmp_path)
    assert plan(["a.jsonl"], chunk=4) == plan([tmp_path / "a.jsonl"], chunk=4) == plan([tmp_path], chunk=4)


def test_warc_is_one_unit_and_loose_files_are_grouped(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    units = plan([tmp_path], chunk=2)
    assert [(u.kind, [Path(p).name for p in u.paths]) for u in units] == [
        ("file", ["crawl.warc.gz"]),
        ("files", ["0.txt", "1.txt"]),
        ("files", ["2.txt", "3.txt"]),
        ("files", ["4.txt"]),
    ]
    assert len({u.key for u in units}) == 4


def test_a_json_array_or_utf16_jsonl_is_not_cut(tmp_path: Path) -> None:
    (tmp_path / "array.jsonl").write_text('[{"title": "خبر"}]\n', encoding="utf-8")
    (tmp_path / "wide.jsonl").write_bytes(("\n".join(LINES) + "\n").encode("utf-16"))
    assert [u.kind for u in plan([tmp_path], chunk=2)] == ["file", "file"]


def test_bad_plans_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="chunk"):
        plan([tmp_path], chunk=0)
    with pytest.raises(ConfigError, match="stdin"):
        plan(["-"])


def test_truncated_gzip_ends_the_window_with_the_error(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(LINES * 200) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    window = open_window(Unit("lines", (str(path),), "g", start=0, stop=1400))
    lines = 0
    while window.readline():
        lines += 1
    window.close()
    assert 0 < lines < 1400
    assert isinstance(window.broken, EOFError)
