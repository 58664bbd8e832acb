"""Open stores kept between requests, one per concurrent request at most.

Opening a store per request costs a connection, the schema-version check and,
for SQLite, a cold page cache: about a tenth of a search's CPU time at 100,000
articles. A store handle is still never shared by two requests at once
(SQLite connections are not thread-safe, and a PostgreSQL connection runs one
statement at a time): a request takes an idle handle or opens one, and gives it
back when it ends. A handle whose request failed is closed, not reused, since
the failure may have left it mid-transaction.
"""

from __future__ import annotations

import queue

from khabar.store.base import Store, open_store


class StorePool:
    """Up to ``keep`` idle handles on the store at ``url``, most recently used first."""

    def __init__(self, url: str, keep: int = 8) -> None:
        self.url = url
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue(maxsize=keep)

    def acquire(self) -> Store:
        """An idle handle, or a new one when every handle is in use."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return open_store(self.url)

    def release(self, store: Store, *, broken: bool = False) -> None:
        """Give ``store`` back; closed instead when broken or when enough are idle."""
        if not broken:
            try:
                self._idle.put_nowait(store)
                return
            except queue.Full:
                pass
        store.close()

    def close(self) -> None:
        """Close every idle handle (handles in use are closed when given back)."""
        while True:
            try:
                store = self._idle.get_nowait()
            except queue.Empty:
                return
            store.close()
