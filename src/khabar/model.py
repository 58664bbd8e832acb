"""The one data model every stage reads and extends.

An :class:`Analysis` flows through the pipeline the way a spaCy ``Doc`` flows
through its components: ingest builds the clean :class:`Article`, and each later
stage returns a copy with one more layer filled (tokens, entities, quotes, ...).
Every span-like record carries ``start``/``end`` character offsets into
``Article.text`` so that the UI can highlight it and tests can assert it.

All records are frozen, slotted dataclasses holding plain data only (no parse
trees, no model objects), so they pickle cheaply across processes (batch) and
convert to JSON in one place (:meth:`Analysis.to_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.1"

# Entity and expression types are plain strings (documented enumerations) so the
# JSON contract stays readable and stages can add finer values without a schema bump.
ENTITY_TYPES = ("PERSON", "ORG", "LOC", "MISC")
QUOTE_KINDS = ("direct", "indirect", "headline", "mixed")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(slots=True, frozen=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"], text=d["text"])


@dataclass(slots=True, frozen=True)
class PhotoCredit:
    photographer: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"photographer": self.photographer, "agency": self.agency}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> PhotoCredit:
        d = d or {}
        return cls(photographer=d.get("photographer"), agency=d.get("agency"))


@dataclass(slots=True, frozen=True)
class Article:
    """The clean article.

    ``text`` is what every offset indexes: the title, a blank line, then the
    body paragraphs separated by blank lines. Caption and credit are fields,
    not part of ``text``. ``published`` is ISO 8601: a date (``2020-10-06``),
    or a date-time with zone when the source gives one.
    """

    id: str
    title: str
    paragraphs: tuple[str, ...]
    text: str
    source: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    caption: str | None = None
    photo_credit: PhotoCredit = field(default_factory=PhotoCredit)
    description: str | None = None
    language: str = "ar"
    # Which reader produced it (text, html, rss, warc, jsonl) and what it noticed
    # but did not treat as an error ("no date line found", "language: en").
    format: str | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "caption": self.caption,
            "photo_credit": self.photo_credit.to_dict(),
            "description": self.description,
            "language": self.language,
            "format": self.format,
            "warnings": list(self.warnings),
            "paragraphs": list(self.paragraphs),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            title=d["title"],
            paragraphs=tuple(d["paragraphs"]),
            text=d["text"],
            source=d.get("source"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            published=d.get("published"),
            byline=d.get("byline"),
            caption=d.get("caption"),
            photo_credit=PhotoCredit.from_dict(d.get("photo_credit")),
            description=d.get("description"),
            language=d.get("language", "ar"),
            format=d.get("format"),
            warnings=tuple(d.get("warnings", ())),
        )


@dataclass(slots=True, frozen=True)
class Token:
    """A surface token. ``kind`` is one of: arabic, latin, number, punct, other."""

    start: int
    end: int
    text: str
    kind: str = "arabic"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True, frozen=True)
class Mention:
    """One surface mention of an entity, clitics excluded from the span.

    ``kind`` says how it refers: ``name`` (a proper name), ``title`` ("المستشار
    الأذري"), ``nisba`` (a nationality adjective standing for its country).
    """

    start: int
    end: int
    text: str
    type: str
    kind: str = "name"
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(slots=True, frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # Arabic name (CLDR)
    name_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "name_en": self.name_en}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Country | None:
        if not d:
            return None
        return cls(code=d["code"], name=d["name"], name_en=d.get("name_en"))


@dataclass(slots=True, frozen=True)
class Entity:
    """A real-world referent with every mention of it in the article."""

    id: str
    type: str
    canonical: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    country: Country | None = None
    latin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "canonical": self.canonical,
            "role": self.role,
            "country": self.country.to_dict() if self.country else None,
            "latin": self.latin,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            type=d["type"],
            canonical=d["canonical"],
            role=d.get("role"),
            country=Country.from_dict(d.get("country")),
            latin=d.get("latin"),
            mentions=tuple(
                Mention(m["start"], m["end"], m["text"], d["type"], m.get("kind", "name"))
                for m in d["mentions"]
            ),
        )


@dataclass(slots=True, frozen=True)
class Speaker:
    """Who a quote is attributed to: a resolved entity id when known, the surface
    mention that names it, and whether it is a person/organization or a medium."""

    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    kind: str = "person"  # person | org | media | unknown

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Speaker | None:
        if not d:
            return None
        return cls(
            text=d["text"],
            start=d.get("start"),
            end=d.get("end"),
            entity=d.get("entity"),
            kind=d.get("kind", "person"),
        )


@dataclass(slots=True, frozen=True)
class Quote:
    kind: str
    content: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    venue: str | None = None
    reported_by: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "venue": self.venue,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            kind=d["kind"],
            content=Span.from_dict(d["content"]),
            speaker=Speaker.from_dict(d.get("speaker")),
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            venue=d.get("venue"),
            reported_by=Speaker.from_dict(d.get("reported_by")),
        )


@dataclass(slots=True, frozen=True)
class TimeExpr:
    """A time expression normalized to TIMEX3-style ISO ``value``.

    ``value`` is None for vague expressions and for relative ones without an
    anchor (never guessed from today's date). ``hijri`` keeps the Hijri date
    as written (``1441-09-15``) when the source used that calendar.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    hijri: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "hijri": self.hijri,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            type=d["type"],
            value=d.get("value"),
            mod=d.get("mod"),
            hijri=d.get("hijri"),
        )


@dataclass(slots=True, frozen=True)
class Quantity:
    """A number, percentage, fraction, ordinal or amount of money.

    ``unit`` is ``percent``, ``fraction``, ``rank``, an ISO 4217 code for money,
    or None for a bare count; ``counts`` is the adjacent noun it counts.
    ``approx`` marks an estimate: a vague numeral ("عشرات", "آلاف الأشخاص"),
    whose ``value`` is the order of magnitude, or a hedged number ("نحو 450
    مليون دولار", "ألف شخص تقريباً").
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    counts: str | None = None
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": value,
            "unit": self.unit,
            "counts": self.counts,
            "approx": self.approx,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            value=float(d["value"]),
            unit=d.get("unit"),
            counts=d.get("counts"),
            approx=bool(d.get("approx", False)),
        )


@dataclass(slots=True, frozen=True)
class Analysis:
    """An article and every layer the pipeline has added to it.

    Layers not yet computed are ``None`` (so ``pipeline`` can tell "not run"
    from "ran and found nothing"); ``to_dict`` writes them as empty lists.
    """

    article: Article
    tokens: tuple[Token, ...] | None = None
    sentences: tuple[Sentence, ...] | None = None
    mentions: tuple[Mention, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    times: tuple[TimeExpr, ...] | None = None
    quantities: tuple[Quantity, ...] | None = None

    def has(self, layer: str) -> bool:
        return getattr(self, layer) is not None

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities or ()],
            "quotes": [q.to_dict() for q in self.quotes or ()],
            "times": [t.to_dict() for t in self.times or ()],
            "quantities": [q.to_dict() for q in self.quantities or ()],
        }
        if tokens:
            out["tokens"] = [t.to_dict() for t in self.tokens or ()]
            out["sentences"] = [s.to_dict() for s in self.sentences or ()]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        article = Article.from_dict(d["article"])
        toks = d.get("tokens")
        sents = d.get("sentences")
        entities = tuple(Entity.from_dict(e) for e in d.get("entities", ()))
        return cls(
            article=article,
            tokens=tuple(Token(t["start"], t["end"], t["text"], _kind(t["text"])) for t in toks)
            if toks is not None
            else None,
            sentences=tuple(Sentence(s["start"], s["end"]) for s in sents) if sents is not None else None,
            mentions=tuple(m for e in entities for m in e.mentions),
            entities=entities,
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            times=tuple(TimeExpr.from_dict(t) for t in d.get("times", ())),
            quantities=tuple(Quantity.from_dict(q) for q in d.get("quantities", ())),
        )


def _kind(text: str) -> str:
    """Re-derive a token kind when reading JSON (the JSON keeps only offsets and text)."""
    if not text:
        return "other"
    c = text[0]
    if c.isdigit():
        return "number"
    if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f":
        return "arabic"
    if c.isalpha():
        return "latin"
    if not c.isalnum():
        return "punct"
    return "other"


LAYERS = tuple(f.name for f in fields(Analysis) if f.name != "article")
