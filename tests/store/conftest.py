"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when ``KHABAR_TEST_PG`` is set.

``KHABAR_TEST_PG`` is a server URL (``scripts/pg-test-server.sh`` prints one).
Each test gets its own PostgreSQL schema, dropped afterwards, so tests never
see each other's rows. Without the variable the PostgreSQL cases skip, except
under ``CI=true``, where a missing server is a failure.

The articles are in :mod:`tests.store.corpus`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from khabar.model import Analysis
from khabar.store.base import Store, open_store

from .corpus import news

PG_ENV = "KHABAR_TEST_PG"


def pg_base_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{PG_ENV} is not set; under CI=true the PostgreSQL tests must run (scripts/pg-test-server.sh)"
        )
    pytest.skip(f"no PostgreSQL server: set {PG_ENV} to a URL (scripts/pg-test-server.sh starts one)")


def with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


@contextmanager
def _pg_schema() -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards; yields its URL."""
    base = pg_base_url()
    assert base is not None
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'khabar.db'}"
        return
    with _pg_schema() as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema, for tests of PostgreSQL-only code."""
    with _pg_schema() as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


@pytest.fixture
def corpus() -> list[Analysis]:
    return news()


@pytest.fixture
def filled(store: Store, corpus: list[Analysis]) -> Store:
    store.add(corpus)
    return store
