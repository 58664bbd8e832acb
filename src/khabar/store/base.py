"""The corpus store's interface and how a database URL picks a backend.

``open_store(url)`` returns a :class:`Store`: SQLite (embedded, the default,
nothing to set up) or PostgreSQL (a server, for many writers and readers). Both
hold the same schema and answer the same calls; tests run every one on both.

The URL comes from the caller (``--db``), then the ``KHABAR_DB`` environment
variable, then ``sqlite:///khabar.db`` (a file in the working directory)::

    sqlite:///khabar.db          relative path
    sqlite:////data/khabar.db    absolute path
    sqlite:///:memory:           in memory (tests)
    corpus.db                    a bare path means SQLite too
    postgresql://user@host:5432/db?options=-csearch_path%3Dkhabar
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Protocol

from khabar.errors import ConfigError, IngestError
from khabar.model import Analysis
from khabar.store.dedup import Params
from khabar.store.results import (
    DupCluster,
    EntityCount,
    EntityReport,
    IngestReport,
    QuoteHit,
    SearchHit,
)

DEFAULT_URL = "sqlite:///khabar.db"
ENV_VAR = "KHABAR_DB"

Day = date | str | None


class Store(Protocol):
    """A corpus of analysed articles: write, search, query, export."""

    url: str
    # True when a query waits on another process (a database server) rather than
    # computing in this one; the API hands such queries to a worker thread.
    waits_on_server: bool

    def add(
        self,
        items: Iterable[Analysis | IngestError],
        *,
        batch_size: int = 500,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Store analyses, ``batch_size`` per transaction (errors are counted, not raised)."""
        ...

    def get(self, article_id: str) -> Analysis | None: ...

    def delete(self, article_ids: Sequence[str]) -> int:
        """Remove articles and everything stored about them; returns how many were stored."""
        ...

    def count(self) -> int: ...

    def iter_analyses(self, *, chunk: int = 500) -> Iterator[Analysis]: ...

    def check(self) -> list[str]:
        """Consistency problems (partial articles, index rows missing): empty when sound."""
        ...

    def search(
        self,
        query: str,
        *,
        date_from: Day = None,
        date_to: Day = None,
        entity: str | None = None,
        outlet: str | None = None,
        limit: int = 10,
    ) -> list[SearchHit]: ...

    def quotes(
        self,
        speaker: str | None = None,
        *,
        about: str | None = None,
        date_from: Day = None,
        date_to: Day = None,
        limit: int = 50,
    ) -> list[QuoteHit]: ...

    def entity(
        self, name: str, *, date_from: Day = None, date_to: Day = None, limit: int = 10
    ) -> EntityReport | None: ...

    def top(
        self, *, type: str | None = None, date_from: Day = None, date_to: Day = None, limit: int = 20
    ) -> list[EntityCount]: ...

    def dups(self, *, min_size: int = 2, limit: int = 50) -> list[DupCluster]: ...

    def export(
        self,
        fmt: str,
        out: Path | IO[str],
        *,
        date_from: Day = None,
        date_to: Day = None,
        outlet: str | None = None,
    ) -> dict[str, int]:
        """Write the corpus as ``jsonl`` (one file) or ``csv``/``parquet`` tables (a directory)."""
        ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$KHABAR_DB``, else the default."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL


def sqlite_path(url: str) -> str:
    """The file path (or ``:memory:``) of a SQLite URL or bare path."""
    if "://" not in url:
        return url
    rest = url.split("://", 1)[1]
    if rest in ("", "/"):
        return ":memory:"
    if not rest.startswith("/"):
        raise ConfigError(f"{url}: a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path")
    path = rest[1:]
    return path or ":memory:"


def open_store(url: str | None = None, *, dedup: Params | None = None) -> Store:
    """Open (creating or upgrading if needed) the store at ``url``; see the module docstring.

    ``dedup`` sets the near-duplicate parameters of a *new* store; an existing
    store keeps the ones it was made with (its band keys depend on them).
    """
    url = resolve_url(url)
    scheme = url.split("://", 1)[0].lower() if "://" in url else "sqlite"
    if scheme == "sqlite":
        from khabar.store.sqlite import SqliteStore

        path = sqlite_path(url)
        if path != ":memory:":
            parent = Path(path).parent
            if not parent.is_dir():
                raise ConfigError(f"{url}: directory {parent} does not exist")
        return SqliteStore(url, path, dedup)
    if scheme in ("postgresql", "postgres"):
        from khabar.store.postgres import PostgresStore

        return PostgresStore(url, dedup)
    raise ConfigError(f"{url}: unknown database scheme {scheme!r}; use sqlite:///FILE or postgresql://...")
