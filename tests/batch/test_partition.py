"""One unit: good records become rows by month, bad ones failure rows with source, line, reason."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from khabar.batch.partition import analyse_unit
from khabar.batch.sources import plan
from khabar.options import Options


def _months(rows) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {m: sorted(r["source"].rsplit("#", 1)[1] for r in items) for m, items in rows.tables["articles"].items()}


def test_unit_rows_by_month_and_failures(corpus: Path, options: Options) -> None:
    (unit,) = plan([corpus])
    rows = analyse_unit(unit, options)
    assert rows.records == 7  # eight lines, one blank
    assert _months(rows) == {"2020-10": ["t-001", "t-002"], "2021-03": ["t-003", "t-006"], "unknown": ["t-005"]}
    lines = {r["source"].rsplit("#", 1)[1]: r["line"] for items in rows.tables["articles"].values() for r in items}
    assert lines == {"t-001": 1, "t-002": 2, "t-003": 4, "t-005": 7, "t-006": 8}
    failures = [(f["source"], f["line"], f["stage"]) for f in rows.failures]
    assert failures == [(str(corpus), 3, "ingest"), (str(corpus), 5, "ingest")]
    assert "invalid JSON" in rows.failures[0]["reason"]
    assert "no text" in rows.failures[1]["reason"]
    assert {f["unit"] for f in rows.failures} == {unit.key}


def test_line_ranges_give_the_rows_of_the_whole_file(corpus: Path, options: Options) -> None:
    (whole,) = plan([corpus])
    parts = plan([corpus], chunk=3)
    assert len(parts) == 3
    split = [analyse_unit(u, options) for u in parts]
    one = analyse_unit(whole, options)

    def articles(rows):  # type: ignore[no-untyped-def]
        return sorted((r for items in rows.tables["articles"].values() for r in items), key=lambda r: r["line"])

    assert [r for p in split for r in articles(p)] == articles(one)
    assert [(f["line"], f["reason"]) for p in split for f in p.failures] == [
        (f["line"], f["reason"]) for f in one.failures
    ]


def test_a_record_the_pipeline_cannot_process_is_a_failure(corpus: Path) -> None:
    (unit,) = plan([corpus])
    rows = analyse_unit(unit, Options(stages=("quantities",)))  # needs tokens, which no stage assigns
    assert not any(rows.tables["articles"].values())
    process = [f for f in rows.failures if f["stage"] == "process"]
    assert [f["line"] for f in process] == [1, 2, 4, 7, 8]
    assert process[0]["source"] == f"{corpus}#t-001"
    assert process[0]["reason"].startswith("ExtractionError: stage 'quantities' needs layer(s) ['tokens']")
    assert process[0]["article_id"]


def test_a_record_over_the_time_limit_is_a_failure(
    corpus: Path, options: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    import khabar.pipeline

    real = khabar.pipeline.process

    def slow_on_rain(article, opts):  # type: ignore[no-untyped-def]
        if "الأمطار" in article.title:
            time.sleep(5)
        return real(article, opts)

    monkeypatch.setattr(khabar.pipeline, "process", slow_on_rain)
    (unit,) = plan([corpus])
    started = time.perf_counter()
    rows = analyse_unit(unit, options, record_timeout=0.3)
    assert time.perf_counter() - started < 4
    timeouts = [f for f in rows.failures if f["stage"] == "process"]
    assert [(f["line"], f["reason"]) for f in timeouts] == [
        (7, "RecordTimeout: took longer than 0.3 s in the pipeline (--record-timeout)")
    ]
    assert sum(len(v) for v in rows.tables["articles"].values()) == 4


def test_a_truncated_gzip_keeps_the_records_before_the_break(tmp_path: Path, options: Options) -> None:
    record = '{"id": "n%d", "title": "خبر محلي رقم %d", "content": "افتتح أمير المنطقة مشروعا جديدا اليوم بتكلفة %d مليون ريال."}'
    data = gzip.compress(("\n".join(record % (i, i, i) for i in range(1, 3001)) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: int(len(data) * 0.6)])
    (unit,) = plan([path], chunk=5000)
    assert (unit.start, unit.stop) == (0, None)  # read as far as the file goes
    rows = analyse_unit(unit, Options(stages=options.stages[:1]))
    kept = sum(len(v) for v in rows.tables["articles"].values())
    assert 0 < kept < 3000
    (failure,) = rows.failures
    assert (failure["source"], failure["stage"], failure["line"]) == (str(path), "read", kept + 1)
    assert failure["reason"].startswith("the input breaks off (EOFError")
    assert failure["reason"].endswith(f"lines {kept + 1}-end are lost")


def test_a_missing_file_in_a_group_is_a_failure_and_the_others_are_read(tmp_path: Path, options: Options) -> None:
    good = tmp_path / "a.txt"
    good.write_text("افتتاح مهرجان الجنادرية\n\nافتتح المهرجان أبوابه للزوار مساء أمس بحضور جماهيري كبير.", encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    (unit,) = plan([tmp_path])
    rows = analyse_unit(unit, options)
    assert sum(len(v) for v in rows.tables["articles"].values()) == 1
    assert [(f["source"], f["stage"]) for f in rows.failures] == [(str(empty), "ingest")]
    assert "empty file" in rows.failures[0]["reason"]


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{date}"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>وأضاف المسؤول أن العمل سيستمر خلال الأشهر المقبلة وفق الخطة المعتمدة.</p></article></body></html>"""


def test_a_warc_file_is_read_by_the_warc_reader(tmp_path: Path, options: Options) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            (
                "https://news.example/a",
                PAGE.format(
                    title="افتتاح مستشفى جديد في الدمام",
                    date="2021-03-02",
                    body="افتتح وزير الصحة اليوم مستشفى جديدا في مدينة الدمام بسعة ثلاثمئة سرير لخدمة سكان المنطقة الشرقية.",
                ),
            ),
            (
                "https://news.example/b",
                PAGE.format(
                    title="انطلاق موسم الحج",
                    date="2020-07-28",
                    body="بدأ ضيوف الرحمن التوافد على مشعر منى اليوم مع انطلاق أولى مناسك الحج وسط إجراءات صحية مشددة.",
                ),
            ),
        ],
    )
    (unit,) = plan([tmp_path])
    assert unit.kind == "file"
    rows = analyse_unit(unit, options)
    assert rows.failures == []
    assert {m: [r["url"] for r in items] for m, items in rows.tables["articles"].items()} == {
        "2021-03": ["https://news.example/a"],
        "2020-07": ["https://news.example/b"],
    }
