"""The corpus commands end to end through typer's CliRunner, on a SQLite file."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.store.base import open_store

runner = CliRunner()


def _load_corpus() -> Any:
    """The store tests' hand-made corpus (tests/store/corpus.py), loaded by path."""
    path = Path(__file__).resolve().parents[1] / "store" / "corpus.py"
    spec = importlib.util.spec_from_file_location("khabar_test_store_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


news = _load_corpus().news

RECORDS = [
    {
        "title": "مجلس الشورى يناقش نظام المستشارين القانونيين",
        "text": "ناقش مجلس الشورى أمس مشروع نظام المستشارين القانونيين، واستمع الأعضاء للمستشار القانوني "
        "للمجلس الذي قدم ملاحظاته على المواد المقترحة.",
        "url": "https://example.org/shura",
        "outlet": "alwatan",
        "published": "2015-07-27",
    },
    {
        "title": "افتتاح معرض الكتاب في جدة",
        "text": "افتتح أمير المنطقة معرض الكتاب في جدة بمشاركة أكثر من 400 دار نشر من 25 دولة.",
        "url": "https://example.org/book-fair",
        "outlet": "okaz",
        "published": "2015-07-28",
    },
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'corpus.db'}"


@pytest.fixture
def filled_db(db: str) -> str:
    with open_store(db) as store:
        store.add(news())
    return db


def _jsonl(tmp_path: Path, records: list[dict], name: str = "in.jsonl") -> Path:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_then_reingest(db: str, tmp_path: Path) -> None:
    path = _jsonl(tmp_path, RECORDS)
    first = runner.invoke(app, ["ingest", "--db", db, "--stages", "none", str(path)])
    assert first.exit_code == 0, first.output
    assert "2 added, 0 updated, 0 unchanged, 0 failed; 2 articles" in first.output
    again = runner.invoke(app, ["ingest", "--db", db, "--stages", "none", str(path)])
    assert "0 added, 0 updated, 2 unchanged, 0 failed; 2 articles" in again.output
    found = runner.invoke(app, ["search", "--db", db, "المستشار", "--json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert [h["title"] for h in hits] == [RECORDS[0]["title"]]
    marks = [hits[0]["snippet"]["text"][a:b] for a, b in hits[0]["snippet"]["marks"]]
    assert marks == ["المستشارين", "المستشارين", "للمستشار"]  # title, then body


def test_search_finds_waw_and_lam_forms(db: str, tmp_path: Path) -> None:
    """The issue's example: ``khabar search "المستشار"`` finds "والمستشار" and "للمستشار"."""
    records = [
        {
            "title": "لقاء في الديوان",
            "text": "استقبل الوزير والمستشار الاقتصادي وفدا من رجال الأعمال أمس.",
            "url": "https://example.org/a",
        },
        {
            "title": "رسالة رسمية",
            "text": "نقل السفير للمستشار رسالة خطية من رئيس بلاده.",
            "url": "https://example.org/b",
        },
        {
            "title": "طقس حار",
            "text": "تتوقع الأرصاد طقسا حارا على معظم المناطق اليوم.",
            "url": "https://example.org/c",
        },
    ]
    assert (
        runner.invoke(
            app, ["ingest", "--db", db, "--stages", "none", str(_jsonl(tmp_path, records))]
        ).exit_code
        == 0
    )
    result = runner.invoke(app, ["search", "--db", db, "المستشار", "--json"])
    hits = json.loads(result.stdout)
    assert sorted(h["url"] for h in hits) == ["https://example.org/a", "https://example.org/b"]
    marked = sorted(h["snippet"]["text"][a:b] for h in hits for a, b in h["snippet"]["marks"])
    assert marked == ["للمستشار", "والمستشار"]


def test_ingest_uses_khabar_db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("KHABAR_DB", url)
    result = runner.invoke(app, ["ingest", "--stages", "none", str(_jsonl(tmp_path, RECORDS[:1]))])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()


def test_ingest_reports_bad_lines_and_exits_1(db: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RECORDS[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--db", db, "--stages", "none", str(path)])
    assert result.exit_code == 1
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in result.output
    assert "bad.jsonl: line 2" in result.output


def test_ingest_refuses_unknown_stage(db: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", "--db", db, "--stages", "nonsense", str(_jsonl(tmp_path, RECORDS))]
    )
    assert result.exit_code == 1
    assert "unknown stage" in result.output


def test_search_listing_and_filters(filled_db: str) -> None:
    result = runner.invoke(app, ["search", "--db", filled_db, "الرياض", "--outlet", "okaz"])
    assert result.exit_code == 0, result.output
    assert "1. الجبير: الحل السياسي في اليمن يمر عبر الحوار" in result.output
    assert "okaz · 2015-07-22 · a-jubeir" in result.output
    assert "الهلال" not in result.output
    none = runner.invoke(app, ["search", "--db", filled_db, "كوكب المريخ"])
    assert none.exit_code == 0 and "no match" in none.output
    bad = runner.invoke(app, ["search", "--db", filled_db, "الرياض", "--from", "yesterday"])
    assert bad.exit_code == 1
    assert "error: --from 'yesterday' is not a date" in bad.output


def test_quotes(filled_db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", filled_db, "--speaker", "الجبير"])
    assert result.exit_code == 0, result.output
    assert "عادل الجبير (indirect, وقال): «المملكة حريصة على الحل السياسي في اليمن»" in result.output
    about = runner.invoke(app, ["quotes", "--db", filled_db, "--about", "ألمانيا", "--json"])
    assert [q["article_id"] for q in json.loads(about.stdout)] == ["d-merkel-wire", "b-merkel"]
    assert runner.invoke(app, ["quotes", "--db", filled_db]).exit_code == 1


def test_entity(filled_db: str) -> None:
    result = runner.invoke(app, ["entity", "--db", filled_db, "ميركل"])
    assert result.exit_code == 0, result.output
    assert "أنغيلا ميركل (PERSON): 2 articles, 7 mentions" in result.output
    assert "2015-07-23" in result.output
    assert "Roles: المستشارة الألمانية (2)" in result.output
    assert "برلين (LOC): 2 articles" in result.output
    missing = runner.invoke(app, ["entity", "--db", filled_db, "لا أحد"])
    assert missing.exit_code == 1
    assert "no stored entity matches" in missing.output


def test_top(filled_db: str) -> None:
    result = runner.invoke(app, ["top", "--db", filled_db, "--type", "PERSON", "--json", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"canonical": "أنغيلا ميركل", "type": "PERSON", "articles": 2, "mentions": 7}
    ]
    table = runner.invoke(app, ["top", "--db", filled_db])
    assert "أنغيلا ميركل" in table.output


def test_dups(filled_db: str) -> None:
    result = runner.invoke(app, ["dups", "--db", filled_db, "--json"])
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.stdout)
    assert [[m["article_id"] for m in c["members"]] for c in clusters] == [["b-merkel", "d-merkel-wire"]]
    listing = runner.invoke(app, ["dups", "--db", filled_db])
    assert "(2 articles)" in listing.output


def test_export_jsonl(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    result = runner.invoke(app, ["export", "--db", filled_db, "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["article"]["id"] for d in lines] == [
        "a-jubeir",
        "b-merkel",
        "c-oil",
        "d-merkel-wire",
        "e-football",
    ]
    assert lines[0] == news()[0].to_dict()
    stdout = runner.invoke(app, ["export", "--db", filled_db, "--from", "2015-07-24", "--to", "2015-07-24"])
    assert [json.loads(x)["article"]["id"] for x in stdout.stdout.splitlines()] == ["c-oil"]


def test_export_csv(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(app, ["export", "--db", filled_db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv", "entities.csv", "mentions.csv", "quantities.csv", "quotes.csv", "times.csv",
    ]  # fmt: skip
    with (out / "articles.csv").open(encoding="utf-8") as f:
        articles = list(csv.DictReader(f))
    assert [a["article_id"] for a in articles] == [
        "a-jubeir",
        "b-merkel",
        "c-oil",
        "d-merkel-wire",
        "e-football",
    ]
    assert articles[1]["duplicate_cluster"] == articles[3]["duplicate_cluster"] != ""
    with (out / "quantities.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == [
            {
                "article_id": "c-oil",
                "start": "212",
                "end": "214",
                "text": "2%",
                "value": "2.0",
                "unit": "percent",
                "counts": "",
            },
            {
                "article_id": "c-oil",
                "start": "224",
                "end": "233",
                "text": "55 دولارا",
                "value": "55.0",
                "unit": "USD",
                "counts": "",
            },
        ]
    assert runner.invoke(app, ["export", "--db", filled_db, "--format", "csv"]).exit_code == 1


def test_export_parquet(filled_db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "pq"
    result = runner.invoke(app, ["export", "--db", filled_db, "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert [(q["article_id"], q["speaker"]) for q in quotes] == [
        ("a-jubeir", "الجبير"), ("b-merkel", "ميركل"), ("c-oil", "محللون"), ("d-merkel-wire", "أنغيلا ميركل"),
    ]  # fmt: skip
    entities = pq.read_table(out / "entities.parquet")
    assert entities.num_rows == 5 + 4 + 1 + 4 + 4
    assert entities.schema.field("mentions").type == "int64"
