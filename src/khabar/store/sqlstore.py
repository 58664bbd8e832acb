"""The store both backends share: migrations, the batched write path, reads.

SQL here is written once in the subset SQLite and PostgreSQL agree on, with
``?`` placeholders; each backend (:mod:`khabar.store.sqlite`,
:mod:`khabar.store.postgres`) supplies the connection, the write transaction,
``IN`` lists and the full-text index, which is where they differ.

Writes are idempotent and crash-safe:

- analysis, index keys and MinHash are computed *before* a batch's transaction
  opens (:func:`prepare` is pure), so the transaction only writes;
- each batch is one transaction: a kill -9 loses at most the open batch, never
  part of an article, and the rerun skips what was committed;
- an article whose content hash is stored is skipped; one whose URL (or id) is
  stored with other content replaces the old version in the same transaction.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from khabar.errors import IngestError
from khabar.model import Analysis
from khabar.store import clusters, dedup
from khabar.store.base import Day
from khabar.store.prefetch import Prefetch
from khabar.store.results import DupCluster, EntityCount, EntityReport, IngestReport, QuoteHit, SearchHit
from khabar.store.rows import ARTICLE_COLUMNS, LAYER_TABLES, ArticleRows, body_of, from_rows, to_rows
from khabar.store.schema import LATEST, migrate
from khabar.store.search import Query, index_keys

log = logging.getLogger(__name__)

MAX_ERRORS_KEPT = 100
IN_CHUNK = 5000


def prepare(analysis: Analysis, params: dedup.Params, ingested: str) -> ArticleRows:
    """Everything a batch writes for one analysis, computed outside any transaction."""
    rows = to_rows(analysis, ingested)
    a = analysis.article
    body = index_keys(body_of(a.title, a.text))
    rows.title_keys = " ".join(index_keys(a.title))
    rows.body_keys = " ".join(body)
    sig = dedup.signature(body, params)
    if sig is not None:
        rows.signature = dedup.to_bytes(sig)
        rows.lsh_keys = dedup.band_keys(sig, params)
    return rows


class SqlStore(ABC):
    """A :class:`~khabar.store.base.Store` over a DB-API connection (one per store, one thread)."""

    dialect = ""
    waits_on_server = False

    def __init__(self, url: str, params: dedup.Params | None = None) -> None:
        self.url = url
        self.params = params or dedup.Params()

    # ---- backend hooks -------------------------------------------------

    @abstractmethod
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement (``?`` placeholders); its rows, or ``[]``."""

    @abstractmethod
    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows (PostgreSQL overrides this with COPY)."""
        if rows:
            self._execmany(_insert_sql(table, columns), rows)

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction that excludes other writers (rolled back on error)."""

    @abstractmethod
    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """An ``IN`` test and its parameters: ``("IN (?,?)", [a, b])`` or ``("= ANY(?)", [[a, b]])``."""

    @abstractmethod
    def _index_insert(self, rows: list[tuple[int, str, str]]) -> None:
        """Index ``(doc, title keys, body keys)``."""

    @abstractmethod
    def _index_delete(self, docs: Sequence[int]) -> None: ...

    @abstractmethod
    def _index_search(
        self, query: Query, where: str, params: list[Any], limit: int
    ) -> list[tuple[int, float]]:
        """``(doc, score)`` best first; ``where`` filters on ``articles a`` (empty: no filter)."""

    _index_table = ("", "")  # (table, doc column) of the full-text index

    @abstractmethod
    def size_bytes(self) -> int:
        """Bytes the store's tables and indexes take on disk."""

    @abstractmethod
    def close(self) -> None: ...

    # ---- lifecycle -------------------------------------------------------

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    def _open(self) -> None:
        """Bring the schema up to date and read the settings fixed when the store was made."""
        self.migrate()
        rows = self._exec("SELECT value FROM settings WHERE name = 'dedup'")
        if rows:
            self.params = dedup.Params(**json.loads(rows[0][0]))
            return
        with self._transaction():
            if not self._exec("SELECT 1 FROM settings WHERE name = 'dedup'"):
                value = json.dumps(dataclasses.asdict(self.params))
                self._exec("INSERT INTO settings (name, value) VALUES ('dedup', ?)", (value,))
        self.params = dedup.Params(
            **json.loads(self._exec("SELECT value FROM settings WHERE name = 'dedup'")[0][0])
        )

    def schema_version(self) -> int:
        rows = self._exec("SELECT MAX(version) FROM schema_version")
        return int(rows[0][0] or 0)

    def migrate(self, target: int = LATEST) -> int:
        """Apply the missing migrations up to ``target`` (see :func:`khabar.store.schema.migrate`)."""
        return migrate(self, target)

    # ---- writes --------------------------------------------------------

    def add(
        self,
        items: Iterable[Analysis | IngestError],
        *,
        batch_size: int = 500,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Store analyses in transactions of ``batch_size`` articles.

        ``items`` is usually the lazy ``khabar.analyze_many(...)``: each article
        is analysed, and its rows prepared, in a worker thread while no
        transaction is open and while the previous batch is being written (see
        :mod:`khabar.store.prefetch`). :class:`IngestError` values are counted in
        ``report.failed``. Pass ``report`` to watch progress: it is updated after
        every committed batch.
        """
        report = report if report is not None else IngestReport()
        with Prefetch(self._batches(items, batch_size, report)) as batches:
            for batch in batches:
                self._write(batch, report)
        return report

    def _batches(
        self, items: Iterable[Analysis | IngestError], batch_size: int, report: IngestReport
    ) -> Iterator[list[ArticleRows]]:
        batch: list[ArticleRows] = []
        for item in items:
            if isinstance(item, IngestError):
                report.failed += 1
                if len(report.errors) < MAX_ERRORS_KEPT:
                    report.errors.append(str(item))
                continue
            batch.append(prepare(item, self.params, _now()))
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _select_in(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """``sql`` ending in "WHERE col" run for ``col IN values``, in chunks (SQLite caps parameters)."""
        out: list[tuple[Any, ...]] = []
        for i in range(0, len(values), IN_CHUNK):
            test, params = self._in(values[i : i + IN_CHUNK])
            out.extend(self._exec(f"{sql} {test}", params))
        return out

    def _write(self, batch: list[ArticleRows], report: IngestReport) -> None:
        with self._transaction():
            known = {
                h
                for (h,) in self._select_in(
                    "SELECT content_hash FROM articles WHERE content_hash", [r.content_hash for r in batch]
                )
            }
            fresh: dict[str, ArticleRows] = {}
            owner: dict[str, str] = {}  # "url:..."/"id:..." -> content hash in this batch
            superseded = unchanged = 0
            for r in batch:
                if r.content_hash in known or r.content_hash in fresh:
                    unchanged += 1
                    continue
                keys = [f"id:{r.id}"] + ([f"url:{r.url}"] if r.url else [])
                # Two versions of one URL (or id) in a batch: the later wins.
                for earlier in {owner[k] for k in keys if k in owner and owner[k] in fresh}:
                    del fresh[earlier]
                    superseded += 1
                for k in keys:
                    owner[k] = r.content_hash
                fresh[r.content_hash] = r
            rows = list(fresh.values())
            old_urls = self._select_in(
                "SELECT doc, url FROM articles WHERE url", [r.url for r in rows if r.url]
            )
            old_ids = self._select_in("SELECT doc, id FROM articles WHERE id", [r.id for r in rows])
            replaced_urls = {u for _, u in old_urls}
            replaced_ids = {i for _, i in old_ids}
            self._delete_docs(sorted({d for d, _ in old_urls} | {d for d, _ in old_ids}))
            start = int(self._exec("SELECT COALESCE(MAX(doc), 0) FROM articles")[0][0]) + 1
            docs = list(range(start, start + len(rows)))
            self._insert(docs, rows)
            updated = sum(1 for r in rows if r.url in replaced_urls or r.id in replaced_ids)
        report.unchanged += unchanged
        report.updated += updated + superseded
        report.added += len(rows) - updated

    def _insert(self, docs: list[int], rows: list[ArticleRows]) -> None:
        if not rows:
            return
        self._insert_rows(
            "articles", ARTICLE_COLUMNS, [(d, *r.article) for d, r in zip(docs, rows, strict=True)]
        )
        for table, columns in LAYER_TABLES.items():
            self._insert_rows(
                table,
                columns,
                [(d, *row) for d, r in zip(docs, rows, strict=True) for row in r.layers[table]],
            )
        self._index_insert([(d, r.title_keys, r.body_keys) for d, r in zip(docs, rows, strict=True)])
        clusters.add(self, {d: r for d, r in zip(docs, rows, strict=True) if r.signature is not None})

    def _delete_docs(self, docs: Sequence[int]) -> None:
        if not docs:
            return
        clusters.forget(self, docs)
        test, params = self._in(docs)
        for table in LAYER_TABLES:
            self._exec(f"DELETE FROM {table} WHERE doc {test}", params)
        self._index_delete(docs)
        self._exec(f"DELETE FROM articles WHERE doc {test}", params)

    def delete(self, article_ids: Sequence[str]) -> int:
        """Remove articles (by id) and everything stored about them; returns how many."""
        with self._transaction():
            docs = [d for (d,) in self._select_in("SELECT doc FROM articles WHERE id", list(article_ids))]
            self._delete_docs(docs)
        return len(docs)

    # ---- reads ---------------------------------------------------------

    def count(self) -> int:
        return int(self._exec("SELECT COUNT(*) FROM articles")[0][0])

    def get(self, article_id: str) -> Analysis | None:
        rows = self._exec("SELECT doc FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        return self.load([int(rows[0][0])])[int(rows[0][0])]

    def load(self, docs: Sequence[int]) -> dict[int, Analysis]:
        """Rebuild the analyses of the given docs (one query per table)."""
        arts = self._select_in(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE doc", list(docs))
        layers: dict[int, dict[str, list[tuple[Any, ...]]]] = {int(a[0]): {} for a in arts}
        for table, columns in LAYER_TABLES.items():
            for row in self._select_in(f"SELECT {', '.join(columns)} FROM {table} WHERE doc", list(docs)):
                layers[int(row[0])].setdefault(table, []).append(row)
        return {int(a[0]): from_rows(a, layers[int(a[0])]) for a in arts}

    def iter_analyses(self, *, chunk: int = 500) -> Iterator[Analysis]:
        """Every stored analysis in insertion order, ``chunk`` at a time."""
        last = 0
        while True:
            docs = [
                int(d)
                for (d,) in self._exec(
                    "SELECT doc FROM articles WHERE doc > ? ORDER BY doc LIMIT ?", (last, chunk)
                )
            ]
            if not docs:
                return
            loaded = self.load(docs)
            for d in docs:
                yield loaded[d]
            last = docs[-1]

    def check(self) -> list[str]:
        """Problems that would mean a partial write; the crash tests expect none."""
        problems = []
        for table, counter in (
            ("mentions", "n_mentions"),
            ("entities", "n_entities"),
            ("quotes", "n_quotes"),
            ("times", "n_times"),
            ("quantities", "n_quantities"),
        ):
            bad = self._exec(
                f"SELECT COUNT(*) FROM articles a WHERE a.{counter} <> (SELECT COUNT(*) FROM {table} t WHERE t.doc = a.doc)"
            )[0][0]
            if bad:
                problems.append(f"{bad} article(s) whose {table} rows do not match {counter}")
        for table in (*LAYER_TABLES, "signatures", "lsh_keys", "duplicates"):
            orphans = self._exec(
                f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc = t.doc)"
            )[0][0]
            if orphans:
                problems.append(f"{orphans} {table} row(s) of no stored article")
        index, col = self._index_table
        missing = self._exec(
            f"SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM {index} i WHERE i.{col} = a.doc)"
        )[0][0]
        extra = self._exec(
            f"SELECT COUNT(*) FROM {index} i WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc = i.{col})"
        )[0][0]
        if missing:
            problems.append(f"{missing} article(s) missing from the search index")
        if extra:
            problems.append(f"{extra} search index row(s) of no stored article")
        return problems

    # ---- queries (khabar.store.queries) ------------------------------------

    def search(
        self,
        query: str,
        *,
        date_from: Day = None,
        date_to: Day = None,
        entity: str | None = None,
        outlet: str | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        from khabar.store import queries

        return queries.search(
            self, query, date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, limit=limit
        )

    def quotes(
        self,
        speaker: str | None = None,
        *,
        about: str | None = None,
        date_from: Day = None,
        date_to: Day = None,
        limit: int = 50,
    ) -> list[QuoteHit]:
        from khabar.store import queries

        return queries.quotes(self, speaker, about=about, date_from=date_from, date_to=date_to, limit=limit)

    def entity(
        self, name: str, *, date_from: Day = None, date_to: Day = None, limit: int = 10
    ) -> EntityReport | None:
        from khabar.store import queries

        return queries.entity(self, name, date_from=date_from, date_to=date_to, limit=limit)

    def top(
        self, *, type: str | None = None, date_from: Day = None, date_to: Day = None, limit: int = 20
    ) -> list[EntityCount]:
        from khabar.store import queries

        return queries.top(self, type=type, date_from=date_from, date_to=date_to, limit=limit)

    def dups(self, *, min_size: int = 2, limit: int = 50) -> list[DupCluster]:
        from khabar.store import queries

        return queries.dups(self, min_size=min_size, limit=limit)

    def export(
        self,
        fmt: str,
        out: Path | IO[str],
        *,
        date_from: Day = None,
        date_to: Day = None,
        outlet: str | None = None,
    ) -> dict[str, int]:
        """See :func:`khabar.store.export.export`."""
        from khabar.store.export import export

        return export(self, fmt, out, date_from=date_from, date_to=date_to, outlet=outlet)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
