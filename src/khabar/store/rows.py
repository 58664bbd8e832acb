"""Analysis ↔ table rows, converted in this one place.

The store never lets the model's dataclasses reach SQL nor SQL rows reach the
model: :func:`to_rows` flattens an :class:`~khabar.model.Analysis` into plain
tuples (one per row, columns in the order of the ``*_COLUMNS`` names), and
:func:`from_rows` rebuilds the same Analysis. A round-trip test keeps them
inverse. Everything here is pure, so it runs before the write transaction opens.

What is kept outside the typed columns goes into ``articles.meta`` (JSON): byline,
caption, credit, description, format, warnings, and the paragraphs only when they
cannot be recomputed from ``text`` (they almost always can, which halves the size).
``layers`` records which layers the analysis had, so a stored "ran and found
nothing" (an empty tuple) stays distinct from "never ran" (``None``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khabar.model import (
    LAYERS,
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
from khabar.store.search import name_key

Row = tuple[Any, ...]

ARTICLE_COLUMNS = (
    "doc",
    "id",
    "content_hash",
    "url",
    "outlet",
    "published",
    "day",
    "title",
    "text",
    "meta",
    "layers",
    "n_mentions",
    "n_entities",
    "n_quotes",
    "n_times",
    "n_quantities",
    "ingested",
)
ENTITY_COLUMNS = (
    "doc",
    "eid",
    "seq",
    "type",
    "canonical",
    "name_key",
    "role",
    "country",
    "country_name",
    "country_en",
    "latin",
    "n_mentions",
)
MENTION_COLUMNS = (
    "doc",
    "seq",
    "eid",
    "in_layer",
    "start_char",
    "end_char",
    "text",
    "type",
    "kind",
    "score",
)
QUOTE_COLUMNS = (
    "doc",
    "seq",
    "kind",
    "start_char",
    "end_char",
    "content",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_eid",
    "speaker_kind",
    "speaker_key",
    "cue_start",
    "cue_end",
    "cue",
    "venue",
    "reported_by",
)
TIME_COLUMNS = ("doc", "seq", "start_char", "end_char", "text", "type", "value", "mod", "hijri")
QUANTITY_COLUMNS = ("doc", "seq", "start_char", "end_char", "text", "value", "unit", "counts", "approx")

LAYER_TABLES = {
    "entities": ENTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "times": TIME_COLUMNS,
    "quantities": QUANTITY_COLUMNS,
}


@dataclass(slots=True)
class ArticleRows:
    """One article's rows without the ``doc`` key, which the writer assigns."""

    article: Row
    layers: dict[str, list[Row]]
    title_keys: str = ""
    body_keys: str = ""
    signature: bytes | None = None
    lsh_keys: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.article[0])

    @property
    def content_hash(self) -> str:
        return str(self.article[1])

    @property
    def url(self) -> str | None:
        url = self.article[2]
        return str(url) if url is not None else None


def content_hash(article: Article) -> str:
    """SHA-256 of title and text: what makes two article versions the same.

    Recomputed here rather than trusting ``Article.id`` so that any reader's id
    scheme works; the metadata (url, outlet) is not part of it.
    """
    h = hashlib.sha256()
    h.update(article.title.encode("utf-8"))
    h.update(b"\x00")
    h.update(article.text.encode("utf-8"))
    return h.hexdigest()


def day_of(published: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or date-time (None if not a valid date)."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def body_of(title: str, text: str) -> str:
    """The text after the title and its blank line (the search index's body column)."""
    prefix = title + "\n\n"
    if text.startswith(prefix):
        return text[len(prefix) :]
    return "" if text == title else text


def _paragraphs_derivable(article: Article) -> bool:
    return article.text == "\n\n".join((article.title, *article.paragraphs)) and all(
        "\n\n" not in p and p for p in article.paragraphs
    )


def to_rows(analysis: Analysis, ingested: str) -> ArticleRows:
    """Flatten an analysis; index keys and the MinHash are added by the caller's prepare step."""
    a = analysis.article
    meta: dict[str, Any] = {
        "source": a.source,
        "byline": a.byline,
        "caption": a.caption,
        "photo_credit": a.photo_credit.to_dict(),
        "description": a.description,
        "language": a.language,
        "format": a.format,
        "warnings": list(a.warnings),
    }
    if not _paragraphs_derivable(a):
        meta["paragraphs"] = list(a.paragraphs)
    layers = [name for name in LAYERS if analysis.has(name) and name not in ("tokens", "sentences")]
    entities = analysis.entities or ()
    quotes = analysis.quotes or ()
    times = analysis.times or ()
    quantities = analysis.quantities or ()
    mentions = _mention_rows(analysis.mentions or (), entities)
    article_row: Row = (
        a.id,
        content_hash(a),
        a.url,
        a.outlet,
        a.published,
        day_of(a.published),
        a.title,
        a.text,
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")),
        ",".join(layers),
        len(mentions),
        len(entities),
        len(quotes),
        len(times),
        len(quantities),
        ingested,
    )
    by_id = {e.id: e for e in entities}
    return ArticleRows(
        article=article_row,
        layers={
            "entities": [_entity_row(i, e) for i, e in enumerate(entities)],
            "mentions": mentions,
            "quotes": [_quote_row(i, q, by_id) for i, q in enumerate(quotes)],
            "times": [
                (i, t.start, t.end, t.text, t.type, t.value, t.mod, t.hijri) for i, t in enumerate(times)
            ],
            "quantities": [
                (i, q.start, q.end, q.text, q.value, q.unit, q.counts, int(q.approx))
                for i, q in enumerate(quantities)
            ],
        },
    )


def _entity_row(seq: int, e: Entity) -> Row:
    c = e.country
    return (
        e.id,
        seq,
        e.type,
        e.canonical,
        name_key(e.canonical),
        e.role,
        c.code if c else None,
        c.name if c else None,
        c.name_en if c else None,
        e.latin,
        len(e.mentions),
    )


def _mention_rows(layer: Sequence[Mention], entities: Sequence[Entity]) -> list[Row]:
    """The mentions layer plus entity mentions, each once, linked to its entity.

    A mention in the layer that an entity also holds is one row with that
    entity's ``eid``; an entity mention missing from the layer gets a row with
    ``in_layer = 0`` so the entity reads back whole.
    """
    owner: dict[tuple[int, int, str], str] = {}
    extra: list[tuple[str, Mention]] = []
    for e in entities:
        for m in e.mentions:
            key = (m.start, m.end, m.text)
            if key in owner:
                extra.append((e.id, m))
            else:
                owner[key] = e.id
    rows: list[Row] = []
    seen: set[tuple[int, int, str]] = set()
    for m in layer:
        key = (m.start, m.end, m.text)
        seen.add(key)
        rows.append((len(rows), owner.get(key), 1, m.start, m.end, m.text, m.type, m.kind, m.score))
    for e in entities:
        for m in e.mentions:
            key = (m.start, m.end, m.text)
            if key not in seen and owner.get(key) == e.id:
                seen.add(key)
                rows.append((len(rows), e.id, 0, m.start, m.end, m.text, m.type, m.kind, m.score))
    for eid, m in extra:
        rows.append((len(rows), eid, 0, m.start, m.end, m.text, m.type, m.kind, m.score))
    return rows


def _quote_row(seq: int, q: Quote, entities: dict[str, Entity]) -> Row:
    s = q.speaker
    speaker_name = None
    if s is not None:
        ent = entities.get(s.entity) if s.entity else None
        speaker_name = ent.canonical if ent else s.text
    return (
        seq,
        q.kind,
        q.content.start,
        q.content.end,
        q.content.text,
        s.text if s else None,
        s.start if s else None,
        s.end if s else None,
        s.entity if s else None,
        s.kind if s else None,
        name_key(speaker_name) if speaker_name else None,
        q.cue.start if q.cue else None,
        q.cue.end if q.cue else None,
        q.cue.text if q.cue else None,
        q.venue,
        json.dumps(q.reported_by.to_dict(), ensure_ascii=False) if q.reported_by else None,
    )


def from_rows(article: Row, layers: Mapping[str, Sequence[Row]]) -> Analysis:
    """Rebuild the Analysis from an ``articles`` row and its layer rows (``doc`` first in each)."""
    col = dict(zip(ARTICLE_COLUMNS, article, strict=True))
    meta = json.loads(col["meta"])
    title, text = col["title"], col["text"]
    paragraphs = meta.get("paragraphs")
    if paragraphs is None:
        body = body_of(title, text)
        paragraphs = body.split("\n\n") if body else []
    art = Article(
        id=col["id"],
        title=title,
        paragraphs=tuple(paragraphs),
        text=text,
        source=meta.get("source"),
        url=col["url"],
        outlet=col["outlet"],
        published=col["published"],
        byline=meta.get("byline"),
        caption=meta.get("caption"),
        photo_credit=PhotoCredit.from_dict(meta.get("photo_credit")),
        description=meta.get("description"),
        language=meta.get("language", "ar"),
        format=meta.get("format"),
        warnings=tuple(meta.get("warnings", ())),
    )
    present = set(filter(None, col["layers"].split(",")))
    mention_rows = sorted(layers.get("mentions", ()), key=lambda r: r[1])
    by_eid: dict[str, list[Mention]] = {}
    layer_mentions = []
    for r in mention_rows:
        m = Mention(r[4], r[5], r[6], r[7], r[8], r[9])
        if r[2] is not None:
            by_eid.setdefault(r[2], []).append(m)
        if r[3]:
            layer_mentions.append(m)
    entities = tuple(
        Entity(
            id=r[1],
            type=r[3],
            canonical=r[4],
            mentions=tuple(by_eid.get(r[1], ())),
            role=r[6],
            country=Country(r[7], r[8] or "", r[9]) if r[7] else None,
            latin=r[10],
        )
        for r in sorted(layers.get("entities", ()), key=lambda r: int(r[2]))
    )

    def layer(name: str, items: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return items if name in present else None

    return Analysis(
        article=art,
        mentions=layer("mentions", tuple(layer_mentions)),
        entities=layer("entities", entities),
        quotes=layer("quotes", tuple(_quote(r) for r in sorted(layers.get("quotes", ()), key=_seq))),
        times=layer(
            "times",
            tuple(
                TimeExpr(r[2], r[3], r[4], r[5], r[6], r[7], r[8])
                for r in sorted(layers.get("times", ()), key=_seq)
            ),
        ),
        quantities=layer(
            "quantities",
            tuple(
                Quantity(r[2], r[3], r[4], float(r[5]), r[6], r[7], bool(r[8]))
                for r in sorted(layers.get("quantities", ()), key=_seq)
            ),
        ),
    )


def _seq(row: Row) -> int:
    return int(row[1])


def _quote(r: Row) -> Quote:
    speaker = None
    if r[6] is not None:
        speaker = Speaker(text=r[6], start=r[7], end=r[8], entity=r[9], kind=r[10] or "person")
    cue = Span(r[12], r[13], r[14]) if r[14] is not None else None
    reported = Speaker.from_dict(json.loads(r[16])) if r[16] else None
    return Quote(
        kind=r[2], content=Span(r[3], r[4], r[5]), speaker=speaker, cue=cue, venue=r[15], reported_by=reported
    )
