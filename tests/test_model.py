"""The JSON contract: round-trips, offsets, and schema validity of hand-built analyses."""

from __future__ import annotations

import json

import jsonschema
import pytest

from khabar.model import (
    Analysis,
    Article,
    Country,
    Entity,
    Mention,
    PhotoCredit,
    Quantity,
    Quote,
    Sentence,
    Span,
    Speaker,
    TimeExpr,
    Token,
)
from khabar.schema import json_schema

TITLE = "وزير الخارجية الأردني: لا حل دون دولة فلسطينية"
BODY = (
    "قال وزير الخارجية الأردني أيمن الصفدي، الأحد، إن الحل يمر عبر دولة فلسطينية مستقلة.",
    "وأضاف الصفدي أن 60% من المساعدات لم تصل بعد.",
)
TEXT = TITLE + "\n\n" + "\n\n".join(BODY)


def _span(needle: str, start_at: int = 0) -> Span:
    i = TEXT.index(needle, start_at)
    return Span(i, i + len(needle), needle)


def _analysis() -> Analysis:
    name = _span("أيمن الصفدي")
    surname = _span("الصفدي", name.end)
    mentions = (
        Mention(name.start, name.end, name.text, "PERSON"),
        Mention(surname.start, surname.end, surname.text, "PERSON"),
    )
    person = Entity(
        id="E1",
        type="PERSON",
        canonical="أيمن الصفدي",
        mentions=mentions,
        role="وزير الخارجية الأردني",
        country=Country("JO", "الأردن", "Jordan"),
        latin="Ayman al-Safadi",
    )
    cue = _span("قال", len(TITLE))
    content = _span("الحل يمر عبر دولة فلسطينية مستقلة")
    quote = Quote(
        kind="indirect",
        content=content,
        speaker=Speaker(name.text, name.start, name.end, entity="E1"),
        cue=cue,
    )
    sunday = _span("الأحد")
    pct = _span("60%")
    article = Article(
        id="0123456789abcdef",
        title=TITLE,
        paragraphs=BODY,
        text=TEXT,
        published="2023-05-14",
        caption="الصفدي في مؤتمر صحافي",
        photo_credit=PhotoCredit("خليل مزرعاوي", "فرانس برس"),
        format="text",
    )
    return Analysis(
        article=article,
        tokens=(Token(0, 4, "وزير"),),
        sentences=(Sentence(0, len(TITLE)),),
        mentions=mentions,
        entities=(person,),
        quotes=(quote,),
        times=(TimeExpr(sunday.start, sunday.end, sunday.text, "DATE", "2023-05-14"),),
        quantities=(Quantity(pct.start, pct.end, pct.text, 60.0, "percent"),),
    )


def test_offsets_index_article_text() -> None:
    a = _analysis()
    d = a.to_dict()
    text = d["article"]["text"]
    for item in (*d["times"], *d["quantities"], *[m for e in d["entities"] for m in e["mentions"]]):
        assert text[item["start"] : item["end"]] == item["text"]
    q = d["quotes"][0]
    assert text[q["content"]["start"] : q["content"]["end"]] == q["content"]["text"]


def test_to_dict_validates_against_schema() -> None:
    d = _analysis().to_dict(tokens=True)
    jsonschema.validate(d, json_schema())
    assert d["schema_version"] == "1.1"
    assert d["quantities"][0]["value"] == 60 and isinstance(d["quantities"][0]["value"], int)


def test_round_trip_through_json() -> None:
    a = _analysis()
    d = a.to_dict(tokens=True)
    back = Analysis.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
    assert back.to_dict(tokens=True) == d
    assert back.entities == a.entities
    assert back.quotes == a.quotes


def test_empty_layers_serialize_as_empty_lists() -> None:
    a = Analysis(article=_analysis().article)
    d = a.to_dict()
    assert d["entities"] == d["quotes"] == d["times"] == d["quantities"] == []
    assert "tokens" not in d
    jsonschema.validate(d, json_schema())


def test_schema_rejects_a_malformed_quote() -> None:
    d = _analysis().to_dict()
    d["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, json_schema())
