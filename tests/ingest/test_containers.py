"""Container formats: JSONL (streamed, bad lines by number), RSS/Atom, WARC."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from tests.ingest.reading import read_all, read_one
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.errors import IngestError
from khabar.model import Article
from khabar.options import Options

RECORD = {
    "title": "افتتاح أول محطة لشحن السيارات الكهربائية في الكويت",
    "text": "افتتحت شركة نفط الكويت أول محطة عامة لشحن السيارات الكهربائية في منطقة الأحمدي، الأحد.\n\n"
    "وقال المتحدث باسم الشركة إن عشر محطات أخرى ستفتتح قبل نهاية العام.",
    "url": "https://example.com/kw/ev",
    "published": "2024-05-12T10:00:00+03:00",
    "outlet": "خليج واير",
}


def test_jsonl_examples(examples: Path) -> None:
    items = read_all(examples / "articles.jsonl")
    assert all(isinstance(a, Article) for a in items)
    kuwait, rabat, baghdad = items
    assert isinstance(kuwait, Article) and isinstance(rabat, Article) and isinstance(baghdad, Article)
    assert kuwait.source == f"{examples / 'articles.jsonl'}#ex-0001"
    assert kuwait.format == "jsonl"
    assert kuwait.published == "2025-07-21T09:40:00+03:00"
    assert (kuwait.outlet, kuwait.byline) == ("خليج واير", "منى العنزي")
    assert len(kuwait.paragraphs) == 3
    # SaudiNewsNet field names: content, author; date_extracted is a crawl date, not publication.
    assert rabat.published is None
    assert rabat.byline == "الرباط: يوسف بنعلي"
    assert rabat.paragraphs[1].startswith("وأوضح مدير البحث")
    # An html field, a Hijri date with Arabic-Indic digits, a figcaption credit, a share widget.
    assert baghdad.published == "2025-03-10"
    assert baghdad.caption == "القطار الجديد في محطة بغداد المركزية"
    assert (baghdad.photo_credit.photographer, baghdad.photo_credit.agency) == ("علي حسين", "فرانس برس")
    assert len(baghdad.paragraphs) == 2


def test_invalid_jsonl_line_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(RECORD, ensure_ascii=False), '{"title": "مقطوع", ', "", "[1, 2]", json.dumps(RECORD)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "IngestError", "Article"]
    bad, wrong = items[1], items[2]
    assert isinstance(bad, IngestError) and bad.line == 2
    assert str(bad) == (
        f"{path}: line 2: invalid JSON (Expecting property name enclosed in double quotes at column 19); "
        "each line must be one JSON object"
    )
    assert str(wrong) == f"{path}: line 4: a JSON list where an object was expected"


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"title": "عنوان فقط", "url": "https://example.com/x"}\n', encoding="utf-8")
    (err,) = read_all(path)
    assert isinstance(err, IngestError)
    assert str(err) == f"{path}: line 1: no text: expected a field text, content, body or html"


def test_jsonl_gz_streams_records_larger_files_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for _ in range(50):
            f.write(json.dumps(RECORD, ensure_ascii=False) + "\n")
    small = Options(max_bytes=2000)  # the file is far larger, each record is smaller
    items = read_all(path, small)
    assert len(items) == 50 and all(isinstance(a, Article) for a in items)


def test_jsonl_record_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    long = dict(RECORD, text=RECORD["text"] * 50)
    path.write_text(
        json.dumps(RECORD) + "\n" + json.dumps(long) + "\n" + json.dumps(RECORD) + "\n", encoding="utf-8"
    )
    items = read_all(path, Options(max_bytes=4000))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]
    assert "line 2: record is over the 4,000-byte limit; raise it with --max-bytes" in str(items[1])


def test_jsonl_in_utf16_and_as_bytes() -> None:
    data = "\ufeff" + json.dumps(RECORD, ensure_ascii=False) + "\n"
    a = read_one(data.encode("utf-16-le"))
    assert a.title == RECORD["title"]
    assert a.source == "<bytes>:1"


def test_json_array(tmp_path: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([RECORD, {"title": "بلا نص"}], ensure_ascii=False), encoding="utf-8")
    items = read_all(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError) and str(items[1]).endswith(
        "item 2: no text: expected a field text, content, body or html"
    )


def test_rss_example(examples: Path) -> None:
    items = read_all(examples / "feed.rss")
    assert len(items) == 3 and all(isinstance(a, Article) for a in items)
    qatar, oman, bahrain = items
    assert isinstance(qatar, Article) and isinstance(oman, Article) and isinstance(bahrain, Article)
    assert qatar.format == "rss"
    assert qatar.outlet == "أنباء الخليج التجريبية"
    assert qatar.published == "2025-02-12T14:30:00+03:00"
    assert qatar.byline == "نورة الكواري"
    assert qatar.caption == "ناقلة غاز مسال في ميناء راس لفان"
    assert (qatar.photo_credit.photographer, qatar.photo_credit.agency) == ("هانز مولر", "غيتي")
    assert qatar.description == "الدوحة وبرلين توقعان اتفاقية طويلة الأمد لتوريد مليوني طن سنوياً."
    assert len(qatar.paragraphs) == 2  # "شارك على:" is a widget
    # A summary-only item is still an article.
    assert oman.published == "2025-02-11T09:05:00+04:00"
    assert len(oman.paragraphs) == 1 and "الأمن الغذائي" not in oman.paragraphs[0]
    assert bahrain.url == "https://gulf-news-demo.example/2025/02/10/bahrain-visa"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>نشرة الأخبار</title>
  <entry>
    <title>ليبيا تعيد فتح معبر رأس جدير الحدودي</title>
    <link href="https://example.com/ly/1"/>
    <published>2024-07-01T08:00:00+02:00</published>
    <summary>أعادت السلطات الليبية فتح معبر رأس جدير الحدودي مع تونس أمام حركة المسافرين بعد إغلاق دام ثلاثة أشهر.</summary>
  </entry>
  <entry>
    <title>عنوان بلا نص</title>
    <link href="https://example.com/ly/2"/>
  </entry>
</feed>"""


def test_atom_feed_with_an_empty_item() -> None:
    items = read_all(ATOM.encode("utf-8"))
    first, second = items
    assert isinstance(first, Article)
    assert first.published == "2024-07-01T08:00:00+02:00"
    assert first.outlet == "نشرة الأخبار"
    assert isinstance(second, IngestError)
    assert str(second).startswith("<bytes>: item 2: no article text found (only a title)")


def test_broken_feed() -> None:
    import pytest

    with pytest.raises(IngestError, match="not a readable RSS/Atom feed"):
        read_all(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>')


def _warc(tmp_path: Path, examples: Path, gz: bool) -> Path:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=gz)

        def response(
            uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK"
        ) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        w.write_record(w.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test\r\n")))
        response("https://example.com/a", (examples / "beirut-electricity-2025-10-14.html").read_bytes())
        response("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n....", ctype="image/png")
        response("https://example.com/gone", b"<html><body>not here</body></html>", status="404 Not Found")
        response("https://example.com/", b"<html><body><nav><a href='/'>\xd8\xa7</a></nav></body></html>")
        response("https://example.com/b", (examples / "jerash-festival-2025-08-03.html").read_bytes())
    return path


def test_warc_reads_html_responses_and_skips_the_rest(tmp_path: Path, examples: Path) -> None:
    for gz in (False, True):
        path = _warc(tmp_path, examples, gz)
        items = read_all(path)
        assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]
        first, err, second = items
        assert isinstance(first, Article) and isinstance(second, Article)
        assert first.format == "warc" and first.url == "https://example.com/a"
        assert first.source == str(path)
        assert first.paragraphs == read_one(examples / "beirut-electricity-2025-10-14.html").paragraphs
        assert second.published == "2025-08-03T21:15:00+03:00"
        assert str(err).startswith(f"{path}: record 5 <https://example.com/>: no article text found")


def test_warc_from_bytes(tmp_path: Path, examples: Path) -> None:
    data = _warc(tmp_path, examples, True).read_bytes()
    assert sum(isinstance(i, Article) for i in read_all(data)) == 2


def test_jsonl_fields_of_the_wrong_kind_are_read_or_reported(tmp_path: Path) -> None:
    """Careless exports: lone surrogate escapes, epoch dates out of range, numbers as credits."""
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({**RECORD, "id": "a\ud800", "title": "عنوان \ud800 الخبر"}),
        json.dumps({**RECORD, "published": 1e300}),
        json.dumps({**RECORD, "published": float("nan")}),
        json.dumps({**RECORD, "published": -(10**14)}),
        json.dumps({**RECORD, "photo_credit": {"photographer": 5, "agency": ["واس"]}}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert all(isinstance(i, Article) for i in items), items
    first = items[0]
    assert isinstance(first, Article)
    assert first.title == "عنوان \ufffd الخبر" and first.source == f"{path}#a\ufffd"
    for dated in items[1:4]:
        assert isinstance(dated, Article) and dated.published is None
        assert any("is not a date khabar can read" in w for w in dated.warnings)
    credited = items[4]
    assert isinstance(credited, Article)
    assert (credited.photo_credit.photographer, credited.photo_credit.agency) == ("5", "واس")


def test_jsonl_html_character_references_in_plain_fields() -> None:
    record = {
        **RECORD,
        "title": "مكافأة مقابل حذاء الممثلة &#8220;جودي جارلاند&#8221; &amp; فستانها",
        "url": "https://example.com/a?x=1&copy=2&amp;y=3",
    }
    a = read_one(json.dumps(record, ensure_ascii=False))
    assert a.title == "مكافأة مقابل حذاء الممثلة “جودي جارلاند” & فستانها"
    assert a.url == "https://example.com/a?x=1&copy=2&amp;y=3"


def test_feed_with_a_placeholder_date() -> None:
    """"0000-00-00" is a CMS's empty date: the item is read without one, not a crash."""
    body = "أطلقت الإمارات، فجر الجمعة، قمراً صناعياً جديداً لرصد التغيرات المناخية في المنطقة العربية."
    feed = (
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>قمر صناعي جديد</title>"
        f"<updated>0000-00-00T00:00:00Z</updated><content type='text'>{body}</content></entry></feed>"
    )
    a = read_one(feed)
    assert a.title == "قمر صناعي جديد" and a.paragraphs == (body,)
    assert a.published is None


def test_uncompressed_warc_with_an_image_first_is_not_called_binary(tmp_path: Path, examples: Path) -> None:
    """Crawls store images as records; NUL bytes near the start must not refuse the archive."""
    path = tmp_path / "crawl.warc"
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=False)
        for uri, body, ctype in (
            ("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(600), "image/png"),
            ("https://example.com/b", (examples / "jerash-festival-2025-08-03.html").read_bytes(), "text/html"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article"]
    assert items[0].url == "https://example.com/b"  # type: ignore[union-attr]
