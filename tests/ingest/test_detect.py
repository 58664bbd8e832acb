"""Format and encoding detection on bytes: BOMs, UTF-16 without BOM, Arabic code pages, binaries."""

from __future__ import annotations

import codecs

import pytest

from khabar.ingest.detect import arabic_score, binary_kind, declared_charset, decode, sniff_format

ARTICLE = (
    "انخفاض أسعار الذهب في الأسواق المحلية\n\n"
    "تراجعت أسعار الذهب في الأسواق المحلية، صباح الأحد، متأثرة بارتفاع الدولار الأمريكي، "
    "وقال تجار في سوق الصاغة إن الإقبال على الشراء ما زال ضعيفاً منذ بداية الشهر.\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1256"), "cp1256"),
        (ARTICLE.encode("iso8859_6"), "iso8859_6"),
    ],
)
def test_decode(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == ARTICLE
    assert codecs.lookup(found).name == codecs.lookup(encoding).name


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>خبر عاجل</p></body></html>'
    data = page.encode("cp1256")
    assert declared_charset(data) == "cp1256"
    assert decode(data, declared="cp1256") == (page, "cp1256")


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>خبر عاجل</p></body></html>'
    assert decode(page.encode("utf-8"), declared="cp1256") == (page, "utf-8")


def test_arabic_score_prefers_the_right_code_page() -> None:
    data = ARTICLE.encode("cp1256")
    assert arabic_score(data.decode("cp1256")) > arabic_score(data.decode("iso8859_6", errors="replace"))


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive or Office document"),
        (b"\x00\x01\x02\x03binary", "unknown binary data"),
    ],
)
def test_binary_kinds(head: bytes, kind: str) -> None:
    assert binary_kind(head) == kind


def test_text_is_not_binary() -> None:
    assert binary_kind(ARTICLE.encode("utf-16-le")) is None
    assert binary_kind(ARTICLE.encode("cp1256")) is None


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "rss"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "rss"),
        (b"<!DOCTYPE html>\n<html lang='ar'>", "html"),
        (b"<div class='story'><p>\xd9\x86\xd8\xb5</p></div>", "html"),
        (b'{"title": "x", "text": "y"}\n{"title": "z"}\n', "jsonl"),
        (b'[{"title": "x"}]', "jsonl"),
        (ARTICLE.encode("utf-8"), "text"),
        (codecs.BOM_UTF16_LE + "<html><body>".encode("utf-16-le"), "html"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt
