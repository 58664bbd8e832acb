"""The server backend: PostgreSQL via psycopg 3, tsvector + GIN + ts_rank.

The index is a ``tsvector`` built with the ``simple`` configuration from the
same keys SQLite indexes (:mod:`khabar.store.search`): ``simple`` only
lower-cases and splits, so PostgreSQL ranks exactly the tokens khabar made.
PostgreSQL's own ``arabic`` snowball configuration stems but does not strip
proclitics (it misses "والمستشار" for "المستشار"); ``bench/store.py`` measures
both on the same queries.

Writers take a transaction-scoped advisory lock, so concurrent ingests (two
``khabar ingest`` runs, the API and a batch job) queue up instead of racing for
the same ``doc`` numbers; readers are never blocked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from khabar.errors import StoreError
from khabar.store import dedup
from khabar.store.schema import POSTGRES
from khabar.store.search import Query
from khabar.store.sqlstore import SqlStore

log = logging.getLogger(__name__)

_WRITE_LOCK = 0x6B686162  # "khab": one advisory lock key for every khabar writer
# ts_rank weights for {D, C, B, A}: the title is A, the body B; a title word counts
# five times a body word, as in SQLite (bm25 column weights), chosen on the dev queries.
_WEIGHTS = "{0.1, 0.2, 0.2, 1.0}"
# Matches ranked on their full vector after the first, title-only stage.
RERANK = 200


@cache
def _pg(sql: str) -> str:
    """``?`` placeholders → psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    dialect = POSTGRES
    waits_on_server = True
    _index_table = ("article_tsv", "doc")

    def __init__(self, url: str, params: dedup.Params | None = None) -> None:
        super().__init__(url, params)
        import psycopg

        self._errors = psycopg.Error
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            raise StoreError(f"{_redact(url)}: cannot connect to PostgreSQL: {err}") from err
        self.url = _redact(url)
        self._open()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cur = self._conn.execute(_pg(sql), params, prepare=False)
            return cur.fetchall() if cur.description else []
        except self._errors as err:
            raise StoreError(f"{self.url}: {err} in: {sql[:120]}") from err

    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self._conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)
        except self._errors as err:
            raise StoreError(f"{self.url}: {err} in: {sql[:120]}") from err

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY instead of INSERT: one stream per table and batch, several times faster."""
        if not rows:
            return
        try:
            with (
                self._conn.cursor() as cur,
                cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        except self._errors as err:
            raise StoreError(f"{self.url}: {err} while copying into {table}") from err

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self._conn.transaction():
                self._exec("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))
                yield
        except self._errors as err:
            raise StoreError(f"{self.url}: transaction failed: {err}") from err

    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return "= ANY(?)", [list(values)]

    def _index_insert(self, rows: list[tuple[int, str, str]]) -> None:
        self._insert_rows(
            "article_tsv",
            ("doc", "title_tsv", "tsv"),
            [(d, tsvector(t, ""), tsvector(t, b)) for d, t, b in rows],
        )

    def _index_delete(self, docs: Sequence[int]) -> None:
        test, params = self._in(docs)
        self._exec(f"DELETE FROM article_tsv WHERE doc {test}", params)

    def _index_search(
        self, query: Query, where: str, params: list[Any], limit: int
    ) -> list[tuple[int, float]]:
        # Two stages. ts_rank needs each matching article's whole tsvector, which
        # PostgreSQL keeps out of line (TOAST): ranking the 8,000 articles that hold
        # a common word reads and decompresses 8,000 vectors (150 ms at 100,000
        # articles). So the matches (found by the GIN index alone) are first ranked
        # on their small in-row title vector, newest first on ties, and only the
        # best RERANK of them are ranked on the full vector.
        join = "JOIN articles a ON a.doc = t.doc" if where else ""
        sql = (
            "WITH q AS (SELECT to_tsquery('simple', ?) AS q), c AS ("
            f"SELECT t.doc FROM article_tsv t {join}, q WHERE t.tsv @@ q.q {'AND ' + where if where else ''} "
            f"ORDER BY ts_rank('{_WEIGHTS}', t.title_tsv, q.q, 1) DESC, t.doc DESC LIMIT {RERANK}) "
            f"SELECT t.doc, ts_rank('{_WEIGHTS}', t.tsv, q.q, 1) AS score FROM c JOIN article_tsv t ON t.doc = c.doc, q "
            "ORDER BY score DESC, t.doc LIMIT ?"
        )
        return [(int(d), float(s)) for d, s in self._exec(sql, [query.tsquery(), *params, limit])]

    def size_bytes(self) -> int:
        rows = self._exec(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = current_schema()"
        )
        return int(rows[0][0])

    def close(self) -> None:
        self._conn.close()


_MAX_POS = 16383  # PostgreSQL's largest tsvector position
_MAX_POSITIONS = 256  # and most positions kept per lexeme, as to_tsvector keeps


def tsvector(title_keys: str, body_keys: str) -> str:
    """The tsvector literal of the index keys: title words weighted A, body words B.

    The same value as ``setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('simple', body), 'B')`` (keys are lower-case single
    words, which 'simple' keeps as they are), but built here so the rows can be
    COPYed: ``tsvector("مستشار وزير", "وزير")`` is ``'مستشار':1A 'وزير':2A,3B``.
    """
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, keys in (("A", title_keys), ("B", body_keys)):
        for key in keys.split():
            pos = min(pos + 1, _MAX_POS)
            seen = positions.setdefault(key, [])
            if len(seen) < _MAX_POSITIONS:
                seen.append(f"{pos}{weight}")
    return " ".join(
        "'" + key.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(dict.fromkeys(p))
        for key, p in positions.items()
    )


def _redact(url: str) -> str:
    """The URL without its password, for messages and ``Store.url``."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
