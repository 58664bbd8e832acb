"""What the store's queries return: plain frozen records, JSON-ready via ``to_dict``.

They are the store's answer format, not the analysis model: a search hit or a
quote row names its article by ``article_id`` and carries just what a listing
shows. The CLI formats them with rich; the API serializes ``to_dict()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class IngestReport:
    """Counts of one ``Store.add`` run (mutable: it is filled batch by batch)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "errors": list(self.errors),
        }


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of the article text; ``marks`` are ``(start, end)`` of matched words in ``text``."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def marked(self, open_: str = "[", close: str = "]") -> str:
        """The snippet with each match wrapped: ``"قال [المستشار] إن"``."""
        out, last = [], 0
        for start, end in self.marks:
            out += [self.text[last:start], open_, self.text[start:end], close]
            last = end
        out.append(self.text[last:])
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "marks": [list(m) for m in self.marks]}


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str
    score: float
    snippet: Snippet
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than asdict(), which deep-copies: a search page serializes
        # eleven of these per request, and asdict was 4% of a search's CPU time.
        return {
            "article_id": self.article_id,
            "title": self.title,
            "score": self.score,
            "snippet": self.snippet.to_dict(),
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored quote with its article; ``speaker`` is the canonical name when resolved."""

    article_id: str
    title: str
    published: str | None
    outlet: str | None
    kind: str
    content: str
    start: int
    end: int
    speaker: str | None
    speaker_text: str | None
    cue: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity name with the number of articles and mentions it has in a query's scope."""

    canonical: str
    type: str
    articles: int
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityReport:
    """Everything the store knows about one name (``khabar entity``).

    ``names`` are the stored canonical names the query matched; ``timeline``
    holds ``(day, articles, mentions)``, ``day`` None for undated articles.
    """

    query: str
    names: tuple[EntityCount, ...]
    timeline: tuple[tuple[str | None, int, int], ...]
    roles: tuple[tuple[str, int], ...]
    cooccurring: tuple[EntityCount, ...]
    quotes_by: tuple[QuoteHit, ...]
    quotes_about: tuple[QuoteHit, ...]

    @property
    def articles(self) -> int:
        return sum(n for _, n, _ in self.timeline)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "names": [n.to_dict() for n in self.names],
            "timeline": [{"day": d, "articles": a, "mentions": m} for d, a, m in self.timeline],
            "roles": [{"role": r, "count": n} for r, n in self.roles],
            "cooccurring": [c.to_dict() for c in self.cooccurring],
            "quotes_by": [q.to_dict() for q in self.quotes_by],
            "quotes_about": [q.to_dict() for q in self.quotes_about],
        }


@dataclass(frozen=True, slots=True)
class DupMember:
    article_id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DupCluster:
    """Articles telling the same story (a wire copy and its rewrites)."""

    cluster: int
    members: tuple[DupMember, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "size": len(self.members),
            "members": [m.to_dict() for m in self.members],
        }
