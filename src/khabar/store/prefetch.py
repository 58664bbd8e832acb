"""Run an iterator ahead of its consumer in a thread, so producing and writing overlap.

``Store.add`` analyses and prepares the next batch while the current one is
being written: SQLite releases the GIL inside each statement and PostgreSQL
works in its own process, so on two cores the Python work of the next batch
(analysis, index keys, MinHash) runs while the database writes this one. At
most ``depth`` items wait in between, so memory stays bounded, and the
producer stops as soon as the consumer does (error, interrupt, or simply
leaving the loop). An exception in the producer is re-raised in the consumer.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_DONE = object()


class Prefetch(Generic[T]):
    """``with Prefetch(items) as it: for x in it: ...`` consumes ``items`` from a worker thread."""

    def __init__(self, items: Iterable[T], depth: int = 1) -> None:
        self._items = items
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="khabar-prefetch", daemon=True)

    def _put(self, value: object) -> bool:
        """Hand ``value`` over unless the consumer has gone; False if it has."""
        while not self._stop.is_set():
            try:
                self._queue.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for item in self._items:
                if not self._put(item):
                    return
        except BaseException as err:  # handed to the consumer, which re-raises it
            self._put(_Failure(err))
            return
        self._put(_DONE)

    def __enter__(self) -> Iterator[T]:
        self._thread.start()
        return self._iterate()

    def _iterate(self) -> Iterator[T]:
        while True:
            value = self._queue.get()
            if value is _DONE:
                return
            if isinstance(value, _Failure):
                raise value.error
            yield value  # type: ignore[misc]

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class _Failure:
    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error
