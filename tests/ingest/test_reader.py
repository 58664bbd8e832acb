"""The entry point: what each input type means, bad inputs, the size limit, expand(), stdin."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from tests.ingest.reading import read_all, read_one

from khabar.errors import IngestError
from khabar.ingest.reader import expand, read
from khabar.model import Article
from khabar.options import Options

ARTICLE = (
    "إطلاق قمر صناعي عربي جديد لرصد المناخ\n\n"
    "أطلقت الإمارات، فجر الجمعة، قمراً صناعياً جديداً لرصد التغيرات المناخية في المنطقة العربية، "
    "بحسب ما أعلنته وكالة الفضاء الإماراتية.\n"
)


def _raises(source: str | bytes | Path, pattern: str, options: Options | None = None) -> IngestError:
    with pytest.raises(IngestError, match=pattern) as info:
        read_all(source, options)
    message = str(info.value)
    assert "\n" not in message
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = _raises(path, "empty file")
    assert str(err) == f"{path}: empty file (0 bytes); nothing to analyse"


def test_whitespace_only(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\n\t ")
    _raises(path, r"blank\.txt: empty file \(only whitespace\)")


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    ],
)
def test_binary_files(tmp_path: Path, name: str, head: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(head + os.urandom(2048))
    err = _raises(path, "binary file")
    assert str(err) == (
        f"{path}: binary file ({kind}), not an article; give khabar article text, HTML, RSS/Atom, JSONL or WARC"
    )


def test_binary_misnamed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    _raises(path, r"binary file \(PNG image\)")


def test_100_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("قال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة. " * 20 + "\n").encode("utf-8")
    with path.open("wb") as f:
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size >= 100 * 1024 * 1024
    err = _raises(path, "over the 20.0 MB limit")
    assert str(err).startswith(f"{path}: input is 100.0 MB, over the 20.0 MB limit for one article")
    assert "--max-bytes" in str(err)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _raises(path, r"over the 100 bytes limit", Options(max_bytes=100))
    assert read_one(path, Options(max_bytes=10_000)).title == "إطلاق قمر صناعي عربي جديد لرصد المناخ"


def test_gzip_bomb_is_stopped_at_the_limit() -> None:
    import gzip

    data = gzip.compress(b"<html><body><p>" + b"a" * 5_000_000 + b"</p></body></html>")
    _raises(data, r"<bytes>: input is over 1\.0 MB", Options(max_bytes=1024 * 1024))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    _raises(tmp_path / "nope.txt", r"nope\.txt: no such file or directory$")
    _raises(tmp_path, "is a directory")


def test_non_arabic_article_is_read_and_flagged() -> None:
    a = read_one(
        "Lebanon approves power plan\n\n"
        "The Lebanese government approved an emergency plan on Tuesday to raise electricity supply to 16 hours "
        "a day by the end of the year, the energy minister said.\n"
    )
    assert a.language == "en"
    assert "language is 'en', not Arabic: entities, quotes and times may be missed" in a.warnings
    assert a.title == "Lebanon approves power plan"


def test_str_is_text_never_a_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    a = read_one(f"{path}\n\nهذا نص وليس مساراً، حتى لو بدأ سطره الأول بما يشبه اسم ملف.")
    assert a.title == str(path)
    assert a.source == "<text>"


def test_str_html_is_read_as_html(examples: Path) -> None:
    page = (examples / "cairo-nile-talks-2024-06-19.html").read_text(encoding="utf-8")
    a = read_one(page)
    assert a.format == "html" and a.source == "<text>" and len(a.paragraphs) == 4


def test_bytes_in_every_encoding() -> None:
    ids = set()
    for data in (
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("cp1256"),
        ARTICLE.encode("iso8859_6"),
    ):
        a = read_one(data)
        assert a.title == "إطلاق قمر صناعي عربي جديد لرصد المناخ"
        assert a.source == "<bytes>"
        ids.add(a.id)
    assert len(ids) == 1


def test_type_error_for_other_inputs() -> None:
    with pytest.raises(TypeError, match="khabar reads str"):
        list(read(42, Options()))  # type: ignore[arg-type]


def test_stdin(monkeypatch: pytest.MonkeyPatch, examples: Path) -> None:
    data = (examples / "tunis-harvest-2025-07-13.cp1256.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    a = read_one(Path("-"))
    assert a.source == "<stdin>"
    assert a.published == "2025-07-13"


def test_stdin_jsonl_is_streamed(monkeypatch: pytest.MonkeyPatch, examples: Path) -> None:
    data = (examples / "articles.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = read_all(Path("-"), Options(max_bytes=4096))
    assert len(items) == 3 and all(isinstance(i, Article) for i in items)
    assert items[0].source == "<stdin>#ex-0001"  # type: ignore[union-attr]


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8") * 100)))
    _raises(Path("-"), r"^<stdin>: input is over 1\.0 KB", Options(max_bytes=1024))


def test_expand(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("x")
    (tmp_path / "b" / "a.txt").write_text("x")
    (tmp_path / "b" / "photo.png").write_bytes(b"x")
    (tmp_path / "b" / ".hidden.txt").write_text("x")
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "b" / "deep" / "c.jsonl.gz").write_bytes(b"x")
    (tmp_path / "one.rss").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    got = expand(
        [tmp_path / "b", str(tmp_path / "*.rss"), "-", tmp_path / "notes.md", tmp_path / "missing.txt"]
    )
    assert got == [
        tmp_path / "b" / "a.txt",
        tmp_path / "b" / "deep" / "c.jsonl.gz",
        tmp_path / "b" / "z.html",
        tmp_path / "one.rss",
        Path("-"),
        tmp_path / "notes.md",  # named explicitly, so read whatever its extension
        tmp_path / "missing.txt",  # kept, so that reading it reports the failure
    ]
    assert expand([str(tmp_path / "b" / "*.txt"), tmp_path / "b" / "a.txt"]) == [tmp_path / "b" / "a.txt"]
    assert expand([str(tmp_path / "*.nothing")]) == [tmp_path / "*.nothing"]


def test_every_example_reads_without_error(examples: Path) -> None:
    paths = expand([examples])
    assert len(paths) >= 12
    for path in paths:
        for item in read(path, Options()):
            assert isinstance(item, Article), item
            assert item.language == "ar"


def test_lone_surrogates_in_str_input_become_replacement_marks() -> None:
    """A str decoded from JSON may hold half an emoji ("\\ud83d"); no reader may choke on it."""
    body = "أطلقت الإمارات قمراً صناعياً جديداً \ud83d لرصد التغيرات المناخية في المنطقة العربية."
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title>'
        f"<item><title>قمر صناعي \ud800 جديد</title><description>{body}</description></item>"
        "</channel></rss>"
    )
    a = read_one(feed)
    assert a.format == "rss" and a.title == "قمر صناعي \ufffd جديد"
    assert "\ufffd لرصد" in a.text
    assert read_one(f"قمر صناعي جديد\n\n{body}\n").paragraphs == (body.replace("\ud83d", "\ufffd"),)


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xffnews.txt"))
    path.write_text(ARTICLE, encoding="utf-8")
    a = read_one(path)
    assert a.source == f"{tmp_path}/\ufffdnews.txt"
