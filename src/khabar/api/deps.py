"""Shared request dependencies: settings, the store, key checks, pagination.

They are ``async def`` although none awaits anything: FastAPI runs a plain
``def`` dependency in a worker thread, and a search request has six of them,
so six thread hand-offs cost more CPU than the bm25 ranking of the query. None
of them blocks (a store is taken from the pool, opened only when the pool is
empty). Endpoints read the store through :func:`query`, which decides per
backend whether a query runs on the loop or in a worker thread.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from khabar.api.pool import StorePool
from khabar.api.settings import ApiSettings, hash_key
from khabar.store.base import Store

T = TypeVar("T")

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


async def get_settings(request: Request) -> ApiSettings:
    """The settings create_app() was built with (kept on app.state, not in a global)."""
    settings: ApiSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[ApiSettings, Depends(get_settings)]


def _matches(key: str | None, hashes: tuple[str, ...]) -> bool:
    if not key:
        return False
    digest = hash_key(key)
    # compare_digest against every configured hash, without an early exit, so
    # timing does not reveal which (or whether any) key prefix matched.
    found = False
    for h in hashes:
        found |= hmac.compare_digest(digest, h)
    return found


async def require_read(settings: SettingsDep, key: Annotated[str | None, Depends(_key_header)]) -> None:
    """Reading is open unless read keys are configured; a write key may read too."""
    if not settings.read_key_hashes:
        return
    if not key:
        raise HTTPException(401, "this server needs an API key to read: send it in X-API-Key",
                            headers={"WWW-Authenticate": "ApiKey"})
    if not (_matches(key, settings.read_key_hashes) or _matches(key, settings.write_key_hashes)):
        raise HTTPException(403, "this API key may not read")


async def require_write(settings: SettingsDep, key: Annotated[str | None, Depends(_key_header)]) -> None:
    """Writing is closed unless write keys are configured: a fresh server cannot be filled by anyone."""
    if not settings.write_key_hashes:
        raise HTTPException(403, "writing is disabled: the server has no write keys (KHABAR_WRITE_KEYS)")
    if not key:
        raise HTTPException(401, "storing articles needs a write key: send it in X-API-Key",
                            headers={"WWW-Authenticate": "ApiKey"})
    if not _matches(key, settings.write_key_hashes):
        raise HTTPException(403, "this API key may not write")


async def get_store(request: Request) -> AsyncIterator[Store]:
    """A store handle for this request alone, from the app's pool (see :mod:`khabar.api.pool`)."""
    pool: StorePool = request.app.state.store_pool
    store = pool.acquire()
    broken = True
    try:
        yield store
        broken = False
    finally:
        pool.release(store, broken=broken)


StoreDep = Annotated[Store, Depends(get_store)]
ReadAccess = Depends(require_read)
WriteAccess = Depends(require_write)


async def query(store: Store, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a read query of ``store`` from an ``async`` endpoint.

    A SQLite query is CPU work on pages already in memory: it runs right here,
    on the event loop. Handing it to a worker thread cost a thread switch and a
    fight for the GIL between that thread and the loop that parses the next
    requests: search at 20 concurrent clients on 100,000 articles went from
    3.2 to 2.5 ms of CPU and from p95 ~70 to ~45 ms (``bench/load.py``). A
    PostgreSQL query waits on the server, so it goes to a thread and the loop
    serves other requests meanwhile.
    """
    if store.waits_on_server:
        return await run_in_threadpool(fn, *args, **kwargs)
    return fn(*args, **kwargs)


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int

    def window(self, items: list[T]) -> tuple[list[T], int | None]:
        """Cut a list fetched with ``fetch`` rows down to this page, and say where the next starts."""
        page = items[self.offset : self.offset + self.limit]
        more = len(items) > self.offset + self.limit
        return page, (self.offset + self.limit if more else None)

    @property
    def fetch(self) -> int:
        return self.offset + self.limit + 1


async def paging(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, description="page size")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000, description="rows to skip")] = 0,
) -> Paging:
    """Limit and offset of a listing, capped by the server's ``max_page_size``."""
    size = settings.page_size if limit is None else limit
    if size > settings.max_page_size:
        raise HTTPException(422, f"limit must be at most {settings.max_page_size}")
    return Paging(size, offset)


PagingDep = Annotated[Paging, Depends(paging)]
