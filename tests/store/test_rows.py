"""Analysis ↔ rows conversion, without a database."""

from __future__ import annotations

import dataclasses
import json

from khabar.model import Analysis, Entity, Mention, PhotoCredit, Quote, Span, Speaker
from khabar.store.rows import (
    ARTICLE_COLUMNS,
    LAYER_TABLES,
    body_of,
    content_hash,
    day_of,
    from_rows,
    to_rows,
)

from .corpus import news


def _round_trip(analysis: Analysis) -> Analysis:
    rows = to_rows(analysis, "2015-07-31T00:00:00+00:00")
    doc = 7
    article = (doc, *rows.article)
    layers = {t: [(doc, *r) for r in rows.layers[t]] for t in LAYER_TABLES}
    assert len(article) == len(ARTICLE_COLUMNS)
    for table, columns in LAYER_TABLES.items():
        assert all(len(r) == len(columns) for r in layers[table]), table
    return from_rows(article, layers)


def test_round_trip_of_the_test_corpus() -> None:
    for analysis in news():
        assert _round_trip(analysis) == analysis


def test_round_trip_keeps_metadata_and_odd_paragraphs() -> None:
    a = news()[0]
    art = dataclasses.replace(
        a.article,
        byline="الرياض: مراسل الصحيفة",
        caption="الجبير خلال المؤتمر الصحفي",
        photo_credit=PhotoCredit("فلان", "واس"),
        description="لقاء سعودي فرنسي",
        format="jsonl",
        warnings=("no date line found",),
        source="feed.jsonl",
    )
    assert _round_trip(dataclasses.replace(a, article=art)).article == art
    # Paragraphs that do not rebuild from the text are stored as they are.
    odd = dataclasses.replace(art, paragraphs=("فقرة", ""))
    rows = to_rows(dataclasses.replace(a, article=odd), "t")
    assert json.loads(rows.article[ARTICLE_COLUMNS.index("meta") - 1])["paragraphs"] == ["فقرة", ""]
    assert _round_trip(dataclasses.replace(a, article=odd)).article == odd


def test_mentions_outside_the_layer_and_shared_mentions() -> None:
    a = news()[0]
    jubeir = a.entities[0]  # type: ignore[index]
    extra = Mention(0, 6, a.article.text[0:6], "PERSON", "name")
    # An entity mention the mentions layer lacks, and a mention two entities share.
    e1 = dataclasses.replace(jubeir, mentions=(*jubeir.mentions, extra))
    e2 = Entity("e9", "PERSON", "الجبير", (jubeir.mentions[0],))
    shaped = dataclasses.replace(a, entities=(e1, *a.entities[1:], e2))  # type: ignore[index]
    got = _round_trip(shaped)
    assert got.entities == shaped.entities
    assert got.mentions == shaped.mentions


def test_speaker_key_uses_the_resolved_entity_name() -> None:
    a = news()[0]
    rows = to_rows(a, "t")
    quote = rows.layers["quotes"][0]
    assert quote[5] == "الجبير"  # the surface speaker
    assert quote[10] == "عادل الجبير"  # its lookup key: the canonical name
    unresolved = dataclasses.replace(
        a, quotes=(Quote("direct", Span(0, 6, a.article.text[:6]), Speaker("مصدر مطلع", kind="unknown")),)
    )
    assert to_rows(unresolved, "t").layers["quotes"][0][10] == "مصدر مطلع"


def test_content_hash_ignores_metadata() -> None:
    a = news()[0].article
    assert content_hash(a) == content_hash(dataclasses.replace(a, url=None, outlet="other", id="x"))
    assert content_hash(a) != content_hash(dataclasses.replace(a, text=a.text + "."))
    assert len(content_hash(a)) == 64


def test_day_of() -> None:
    assert day_of("2020-10-06") == "2020-10-06"
    assert day_of("2020-10-06T09:30:00+03:00") == "2020-10-06"
    assert day_of("2020-13-06") is None
    assert day_of(None) is None
    assert day_of("2020") is None


def test_body_of() -> None:
    assert body_of("عنوان", "عنوان\n\nفقرة أولى\n\nفقرة ثانية") == "فقرة أولى\n\nفقرة ثانية"
    assert body_of("عنوان", "عنوان") == ""
    assert body_of("عنوان", "نص بلا عنوان") == "نص بلا عنوان"
