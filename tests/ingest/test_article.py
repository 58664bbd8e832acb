"""Article assembly: the text contract, the content id, dates, warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from khabar.errors import IngestError
from khabar.ingest.article import build, content_id, iso_published, tidy


def test_text_is_title_blank_line_paragraphs() -> None:
    a = build(
        source="x.txt",
        fmt="text",
        title="  افتتاح  مستشفى جديد في صلالة ",
        paragraphs=["افتتح وزير الصحة العماني مستشفى جديداً في صلالة.", "", "ويضم المستشفى 300 سرير."],
        published="2024-02-01",
    )
    assert a.title == "افتتاح مستشفى جديد في صلالة"
    assert a.paragraphs == ("افتتح وزير الصحة العماني مستشفى جديداً في صلالة.", "ويضم المستشفى 300 سرير.")
    assert (
        a.text
        == "افتتاح مستشفى جديد في صلالة\n\nافتتح وزير الصحة العماني مستشفى جديداً في صلالة.\n\nويضم المستشفى 300 سرير."
    )
    start = a.text.index(a.paragraphs[1])
    assert a.text[start : start + len(a.paragraphs[1])] == a.paragraphs[1]
    assert a.id == content_id(a.title, a.paragraphs)
    assert len(a.id) == 20 and int(a.id, 16) >= 0
    assert a.warnings == ()


def test_id_ignores_spacing_but_not_words() -> None:
    assert content_id("عنوان", ["نص الخبر."]) != content_id("عنوان", ["نص آخر."])
    a = build(
        source="a",
        fmt="text",
        title="عنوان  الخبر",
        paragraphs=["نص\u00a0الخبر هنا."],
        published="2024-01-01",
    )
    b = build(
        source="b", fmt="html", title="عنوان الخبر", paragraphs=["نص الخبر هنا."], published="2024-01-01"
    )
    assert a.id == b.id


def test_no_paragraphs_is_an_error() -> None:
    with pytest.raises(IngestError, match=r"^feed\.xml: no article text found \(only a title\)"):
        build(source="feed.xml", fmt="rss", title="عنوان", paragraphs=[" "])


def test_warnings() -> None:
    a = build(source="a", fmt="text", title="", paragraphs=["The minister said the plan was approved."])
    assert a.language == "en"
    assert a.warnings == (
        "no title found",
        "language is 'en', not Arabic: entities, quotes and times may be missed",
        "no publication date found; pass --published to resolve relative dates",
    )
    assert build(source="a", fmt="text", title="t", paragraphs=["p"], date_expected=False).warnings[-1] != (
        "no publication date found; pass --published to resolve relative dates"
    )


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-10-06", "2020-10-06"),
        ("2020-10-06T09:30:00+03:00", "2020-10-06T09:30:00+03:00"),
        ("2020-10-06T06:30:00Z", "2020-10-06T06:30:00+00:00"),
        ("2020-10-06 09:30:00.123", "2020-10-06T09:30:00"),
        ("Tue, 06 Oct 2020 09:30:00 +0300", "2020-10-06T09:30:00+03:00"),
        ("06 أكتوبر 2020", "2020-10-06"),
        ("١٤ تشرين الأول ٢٠٢٥", "2025-10-14"),
        (date(2021, 3, 9), "2021-03-09"),
        (datetime(2021, 3, 9, 8, 0, tzinfo=UTC), "2021-03-09T08:00:00+00:00"),
        ("غداً", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_published(value: object, iso: str | None) -> None:
    assert iso_published(value) == iso  # type: ignore[arg-type]


def test_tidy_keeps_letters_and_marks() -> None:
    assert tidy("يستمرّ\u200f  القتال\tموجهاً\n") == "يستمرّ القتال موجهاً"


def test_tidy_replaces_lone_surrogates() -> None:
    # json.loads('"\\ud800"') gives a lone surrogate, which no encoder writes.
    assert tidy("قال \ud800 الوزير\udc00") == "قال \ufffd الوزير\ufffd"
    assert content_id(tidy("عنوان\ud83d"), [tidy("فقرة")]) == content_id("عنوان\ufffd", ["فقرة"])
