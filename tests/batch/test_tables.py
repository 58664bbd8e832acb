"""Analysis → table rows → analysis, exactly, and the month partition of a date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.batch.output import read_part, write_unit
from khabar.batch.tables import analysis_from_rows, analysis_rows, month_of
from khabar.model import (
    Analysis,
    Article,
    Country,
    Entity,
    Mention,
    PhotoCredit,
    Quantity,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)

TITLE = "الصفدي: الحل السياسي هو السبيل الوحيد"
BODY = 'قال وزير الخارجية الأردني أيمن الصفدي الثلاثاء إن "الحل السياسي هو السبيل الوحيد" لإنهاء الأزمة.'
TEXT = f"{TITLE}\n\n{BODY}"


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def _analysis() -> Analysis:
    s1, e1 = _span("الصفدي")
    s2, e2 = _span("أيمن الصفدي")
    sq, eq = _span("الحل السياسي هو السبيل الوحيد", 1)
    sc, ec = _span("قال")
    st, et = _span("الثلاثاء")
    article = Article(
        id="a-0001",
        title=TITLE,
        paragraphs=(BODY,),
        text=TEXT,
        source="corpus.jsonl#t-001",
        outlet="khabar-test",
        published="2020-10-06T09:30:00+03:00",
        photo_credit=PhotoCredit(photographer=None, agency="رويترز"),
        format="jsonl",
        warnings=("no byline",),
    )
    safadi = Entity(
        id="e1",
        type="PERSON",
        canonical="أيمن الصفدي",
        mentions=(Mention(s1, e1, "الصفدي", "PERSON"), Mention(s2, e2, "أيمن الصفدي", "PERSON")),
        role="وزير الخارجية",
        country=Country("JO", "الأردن", "Jordan"),
    )
    quote = Quote(
        kind="direct",
        content=Span(sq, eq, "الحل السياسي هو السبيل الوحيد"),
        speaker=Speaker("أيمن الصفدي", s2, e2, entity="e1"),
        cue=Span(sc, ec, "قال"),
    )
    return Analysis(
        article=article,
        entities=(safadi,),
        quotes=(quote,),
        times=(TimeExpr(st, et, "الثلاثاء", "DATE", "2020-10-06"),),
        quantities=(Quantity(0, 1, "x", 3.0, "percent"), Quantity(0, 1, "x", 2.5)),
    )


def test_rows_hold_each_layer_with_article_id_and_order() -> None:
    rows = analysis_rows(_analysis().to_dict(), line=7)
    assert {k: len(v) for k, v in rows.items()} == {
        "articles": 1,
        "entities": 1,
        "mentions": 2,
        "quotes": 1,
        "times": 1,
        "quantities": 2,
    }
    art = rows["articles"][0]
    assert (art["article_id"], art["line"], art["n_mentions"], art["n_quotes"]) == ("a-0001", 7, 2, 1)
    assert art["photo_credit"] == {"photographer": None, "agency": "رويترز"}
    assert art["extra"] is None
    mention = rows["mentions"][1]
    assert (mention["entity_id"], mention["n"], mention["entity_type"], mention["text"]) == (
        "e1",
        1,
        "PERSON",
        "أيمن الصفدي",
    )
    assert TEXT[mention["start"] : mention["end"]] == "أيمن الصفدي"
    quote = rows["quotes"][0]
    assert quote["speaker"]["entity"] == "e1"
    assert quote["content"]["text"] == "الحل السياسي هو السبيل الوحيد"
    assert (rows["times"][0]["value"], rows["times"][0]["n"]) == ("2020-10-06", 0)
    assert rows["entities"][0]["country"] == {"code": "JO", "name": "الأردن", "name_en": "Jordan"}


def test_rows_round_trip_to_the_same_document() -> None:
    doc = _analysis().to_dict()
    assert analysis_from_rows(analysis_rows(doc)) == [doc]
    assert Analysis.from_dict(analysis_from_rows(analysis_rows(doc))[0]) == Analysis.from_dict(doc)


def test_keys_the_schema_does_not_know_are_kept_in_extra() -> None:
    doc = _analysis().to_dict()
    doc["article"]["section"] = "سياسة"
    doc["quotes"][0]["speaker"]["role"] = "وزير"
    doc["events"] = [{"type": "meeting"}]
    rows = analysis_rows(doc)
    assert json.loads(rows["articles"][0]["extra"]) == {"section": "سياسة", "^events": [{"type": "meeting"}]}
    assert json.loads(rows["quotes"][0]["extra"]) == {"speaker.role": "وزير"}
    assert analysis_from_rows(rows) == [doc]


def test_rows_survive_parquet(tmp_path: Path) -> None:
    doc = _analysis().to_dict()
    rows = analysis_rows(doc, line=1)
    write_unit(tmp_path, "g-1", {t: {"2020-10": r} for t, r in rows.items()}, [])
    back = read_part(tmp_path, "2020-10", "part-g-1.parquet")
    assert analysis_from_rows(back) == [doc]
    assert back["quantities"][0]["value"] == 3.0


@pytest.mark.parametrize(
    ("published", "month"),
    [
        ("2020-10-06", "2020-10"),
        ("2020-10-06T09:30:00+03:00", "2020-10"),
        ("1999-01", "1999-01"),
        (None, "unknown"),
        ("", "unknown"),
        ("2020-13-01", "unknown"),
        ("السادس من أكتوبر", "unknown"),
    ],
)
def test_month_of(published: str | None, month: str) -> None:
    assert month_of(published) == month
