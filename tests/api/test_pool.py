"""The store pool: handles are reused between requests, never shared, closed when broken."""

from __future__ import annotations

from pathlib import Path

from khabar.api.pool import StorePool


def test_pool_reuses_a_released_handle(tmp_path: Path) -> None:
    pool = StorePool(f"sqlite:///{tmp_path}/pool.db", keep=1)
    first = pool.acquire()
    second = pool.acquire()  # the first is in use: a new handle
    assert second is not first
    pool.release(first)
    pool.release(second)  # one idle handle is kept: this one is closed
    assert pool.acquire() is first
    pool.close()


def test_pool_closes_a_broken_handle(tmp_path: Path) -> None:
    pool = StorePool(f"sqlite:///{tmp_path}/pool.db")
    store = pool.acquire()
    pool.release(store, broken=True)
    again = pool.acquire()
    assert again is not store
    assert again.count() == 0
    pool.close()
