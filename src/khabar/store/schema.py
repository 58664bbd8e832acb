"""The corpus schema and its versioned migrations, for SQLite and PostgreSQL alike.

One logical schema serves both backends; only column types and the full-text
index differ, so each migration is written once per dialect, side by side, and
a test checks that both dialects create the same tables and columns.

The version lives in ``schema_version`` (one row per applied migration). Opening
a store applies the missing migrations in order, each in its own transaction,
so a crash during an upgrade leaves the database at the last complete version.
A database newer than this khabar is refused instead of being misread.

Tables (``doc`` is the store's integer key for an article; offsets are
``start_char``/``end_char`` because ``end`` is reserved in SQL):

- ``articles``: one row per stored article version, known by ``id`` (the
  content hash from ingest), ``content_hash`` (recomputed here) and ``url``.
- ``entities``, ``mentions``, ``quotes``, ``times``, ``quantities``: the
  analysis layers, keyed by ``(doc, seq)`` or ``(doc, eid)``.
- the search index: ``article_fts`` (SQLite FTS5) or ``article_tsv``
  (PostgreSQL tsvector with GIN), both over pre-normalized index tokens.
- ``signatures``, ``lsh_keys``, ``duplicates``: near-duplicate state (MinHash
  signature, LSH band keys, cluster membership); ``settings`` keeps the dedup
  parameters the keys were made with.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from khabar.errors import StoreError

if TYPE_CHECKING:
    from khabar.store.sqlstore import SqlStore

log = logging.getLogger(__name__)

SQLITE = "sqlite"
POSTGRES = "postgres"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]

    def statements(self, dialect: str) -> tuple[str, ...]:
        return self.sqlite if dialect == SQLITE else self.postgres


def _core(text: str, real: str) -> tuple[str, ...]:
    """The layer tables, identical on both backends except for two type names."""
    return (
        f"""CREATE TABLE articles (
            doc BIGINT PRIMARY KEY,
            id {text} NOT NULL UNIQUE,
            content_hash {text} NOT NULL UNIQUE,
            url {text} UNIQUE,
            outlet {text},
            published {text},
            day {text},
            title {text} NOT NULL,
            text {text} NOT NULL,
            meta {text} NOT NULL,
            layers {text} NOT NULL,
            n_mentions INTEGER NOT NULL,
            n_entities INTEGER NOT NULL,
            n_quotes INTEGER NOT NULL,
            n_times INTEGER NOT NULL,
            n_quantities INTEGER NOT NULL,
            ingested {text} NOT NULL
        )""",
        "CREATE INDEX articles_day ON articles (day)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        f"""CREATE TABLE entities (
            doc BIGINT NOT NULL,
            eid {text} NOT NULL,
            seq INTEGER NOT NULL,
            type {text} NOT NULL,
            canonical {text} NOT NULL,
            name_key {text} NOT NULL,
            role {text},
            country {text},
            country_name {text},
            country_en {text},
            latin {text},
            n_mentions INTEGER NOT NULL,
            PRIMARY KEY (doc, eid)
        )""",
        "CREATE INDEX entities_name_key ON entities (name_key)",
        "CREATE INDEX entities_type ON entities (type, doc)",
        f"""CREATE TABLE mentions (
            doc BIGINT NOT NULL,
            seq INTEGER NOT NULL,
            eid {text},
            in_layer INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text {text} NOT NULL,
            type {text} NOT NULL,
            kind {text} NOT NULL,
            score {real},
            PRIMARY KEY (doc, seq)
        )""",
        f"""CREATE TABLE quotes (
            doc BIGINT NOT NULL,
            seq INTEGER NOT NULL,
            kind {text} NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            content {text} NOT NULL,
            speaker {text},
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_eid {text},
            speaker_kind {text},
            speaker_key {text},
            cue_start INTEGER,
            cue_end INTEGER,
            cue {text},
            venue {text},
            reported_by {text},
            PRIMARY KEY (doc, seq)
        )""",
        "CREATE INDEX quotes_speaker_key ON quotes (speaker_key)",
        f"""CREATE TABLE times (
            doc BIGINT NOT NULL,
            seq INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text {text} NOT NULL,
            type {text} NOT NULL,
            value {text},
            mod {text},
            hijri {text},
            PRIMARY KEY (doc, seq)
        )""",
        f"""CREATE TABLE quantities (
            doc BIGINT NOT NULL,
            seq INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text {text} NOT NULL,
            value {real} NOT NULL,
            unit {text},
            counts {text},
            PRIMARY KEY (doc, seq)
        )""",
    )


def _dedup(blob: str, without_rowid: str) -> tuple[str, ...]:
    return (
        f"CREATE TABLE signatures (doc BIGINT PRIMARY KEY, minhash {blob} NOT NULL)",
        f"CREATE TABLE lsh_keys (key BIGINT NOT NULL, doc BIGINT NOT NULL, PRIMARY KEY (key, doc)){without_rowid}",
        "CREATE TABLE duplicates (doc BIGINT PRIMARY KEY, cluster BIGINT NOT NULL, similarity REAL NOT NULL)",
        "CREATE INDEX duplicates_cluster ON duplicates (cluster)",
        # Store-wide settings fixed at creation, e.g. the dedup parameters the band keys depend on.
        "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, analysis layers and the full-text index",
        sqlite=(
            *_core("TEXT", "REAL"),
            # Title and body are separate columns so bm25 can weight the title.
            "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 0')",
        ),
        postgres=(
            *_core("TEXT", "DOUBLE PRECISION"),
            # title_tsv is small and stays in the row: the cheap first ranking stage
            # (see khabar.store.postgres); tsv (title and body) is TOASTed.
            "CREATE TABLE article_tsv (doc BIGINT PRIMARY KEY, title_tsv TSVECTOR NOT NULL, tsv TSVECTOR NOT NULL)",
            "CREATE INDEX article_tsv_gin ON article_tsv USING GIN (tsv)",
        ),
    ),
    Migration(
        2,
        "near-duplicate state: MinHash signatures, LSH band keys, clusters",
        sqlite=_dedup("BLOB", " WITHOUT ROWID"),
        postgres=_dedup("BYTEA", ""),
    ),
    Migration(
        3,
        "quantities.approx: vague numerals (عشرات، آلاف) flagged",
        sqlite=("ALTER TABLE quantities ADD COLUMN approx INTEGER NOT NULL DEFAULT 0",),
        postgres=("ALTER TABLE quantities ADD COLUMN approx SMALLINT NOT NULL DEFAULT 0",),
    ),
)

LATEST = MIGRATIONS[-1].version

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)"


def migrate(store: SqlStore, target: int = LATEST) -> int:
    """Apply the missing migrations up to ``target``, each in its own transaction.

    Checks the version first without a write lock, so opening an up-to-date
    store (every API request does) never waits for a running ingest.
    """
    try:
        current = store.schema_version()
    except StoreError:
        current = -1  # a new database: no schema_version table yet
    if current == target:
        return current
    if current < 0:
        with store._transaction():
            store._exec(VERSION_TABLE)
        current = store.schema_version()
    if current > LATEST:
        raise StoreError(
            f"{store.url}: the database has schema version {current}, newer than this khabar "
            f"understands ({LATEST}); upgrade khabar"
        )
    for m in MIGRATIONS:
        if m.version > target:
            break
        with store._transaction():
            if store.schema_version() >= m.version:
                continue  # another process applied it while we waited for the lock
            log.info("%s: migrating to schema version %d (%s)", store.url, m.version, m.description)
            for stmt in m.statements(store.dialect):
                store._exec(stmt)
            store._exec(
                "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)",
                (m.version, m.description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    return store.schema_version()
