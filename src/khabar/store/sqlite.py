"""The embedded backend: one SQLite file, FTS5 with bm25 over pre-computed keys.

Settings chosen for a corpus that is written in batches and read a lot:

- WAL journal with ``synchronous=NORMAL``: readers never block the writer, and
  a killed process loses at most its open transaction (the WAL is replayed or
  ignored on the next open, never half-applied);
- ``BEGIN IMMEDIATE`` for writes, so two ingests into one file queue up instead
  of failing half-way with "database is locked" (``busy_timeout`` waits);
- the FTS5 table splits on spaces only (``unicode61`` over keys made by
  :mod:`khabar.store.search`), and ranks with ``bm25`` weighting the title.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from khabar.errors import StoreError
from khabar.store import dedup
from khabar.store.schema import SQLITE
from khabar.store.search import Query
from khabar.store.sqlstore import SqlStore

log = logging.getLogger(__name__)

# bm25 column weights: a title word counts five times a body word. Chosen on the dev
# queries of bench/gold/search.jsonl (MRR 0.95 at 2, 0.97 at 5, flat up to 12).
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
# Most matching articles ranked by bm25 (see SqliteStore._index_search). PostgreSQL
# bounds its ranking work too, title first (khabar.store.postgres.RERANK).
RERANK = 1000


class SqliteStore(SqlStore):
    dialect = SQLITE
    _index_table = ("article_fts", "rowid")

    def __init__(self, url: str, path: str, params: dedup.Params | None = None) -> None:
        super().__init__(url, params)
        self.path = path
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as err:
            raise StoreError(f"{url}: cannot open SQLite database: {err}") from err
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "busy_timeout=60000",
            "cache_size=-65536",
            "temp_store=MEMORY",
            "mmap_size=268435456",
        ):
            self._conn.execute(f"PRAGMA {pragma}")
        self._open()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"{self.url}: {err} in: {sql[:120]}") from err

    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.Error as err:
            raise StoreError(f"{self.url}: {err} in: {sql[:120]}") from err

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._exec("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._exec("COMMIT")

    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return "IN (" + ",".join("?" * len(values)) + ")", list(values)

    def _index_insert(self, rows: list[tuple[int, str, str]]) -> None:
        self._execmany("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)", rows)

    def _index_delete(self, docs: Sequence[int]) -> None:
        test, params = self._in(docs)
        self._exec(f"DELETE FROM article_fts WHERE rowid {test}", params)

    def _index_search(
        self, query: Query, where: str, params: list[Any], limit: int
    ) -> list[tuple[int, float]]:
        # bm25 is lower-is-better; negate it so every backend returns higher-is-better.
        # FTS5 computes bm25 for every matching row before it can sort: 28 ms for the
        # 35,000 of 100,000 articles that hold "الرئيس". When more than RERANK
        # articles match, only the RERANK most recently stored of them are ranked:
        # their floor doc id is one cheap step down the doclist (FTS5 walks it in
        # rowid order without scoring), and the rowid bound lets FTS5 skip the rest.
        # A query that common ranks little anyway; the date filter reaches older ones.
        join = "JOIN articles a ON a.doc = f.rowid" if where else ""
        cond = f"article_fts MATCH ? {'AND ' + where if where else ''}"
        args = [query.fts5(), *params]
        floor = self._exec(
            f"SELECT f.rowid FROM article_fts f {join} WHERE {cond} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
            [*args, RERANK - 1],
        )
        bound = "AND f.rowid >= ?" if floor else ""
        sql = (
            f"SELECT f.rowid, -bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM article_fts f {join} WHERE {cond} {bound} ORDER BY score DESC LIMIT ?"
        )
        rows = self._exec(sql, [*args, *([floor[0][0]] if floor else []), limit])
        return [(int(d), float(s)) for d, s in rows]

    def size_bytes(self) -> int:
        if self.path != ":memory:":
            self._exec("PRAGMA wal_checkpoint(TRUNCATE)")  # count what the WAL still holds
        pages = self._exec("PRAGMA page_count")[0][0]
        return int(pages) * int(self._exec("PRAGMA page_size")[0][0])

    def close(self) -> None:
        self._conn.close()
