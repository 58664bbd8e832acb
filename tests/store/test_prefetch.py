"""The producer thread behind Store.add: order, errors, early exit."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from khabar.store.prefetch import Prefetch


def test_items_arrive_in_order() -> None:
    with Prefetch(iter(range(100)), depth=3) as it:
        assert list(it) == list(range(100))


def test_producer_error_is_raised_in_the_consumer() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ValueError("bad record")

    with pytest.raises(ValueError, match="bad record"), Prefetch(items()) as it:
        assert next(it) == 1
        next(it)


def test_leaving_early_stops_the_producer() -> None:
    produced = []

    def items() -> Iterator[int]:
        for i in range(1_000_000):
            produced.append(i)
            yield i

    with Prefetch(items(), depth=1) as it:
        assert next(it) == 0
    # The producer ran at most a couple of items ahead, then stopped.
    assert len(produced) <= 4
    assert not any(t.name == "khabar-prefetch" for t in threading.enumerate())


def test_consumer_error_stops_the_producer() -> None:
    with pytest.raises(RuntimeError), Prefetch(iter(range(10**9))) as it:
        for i in it:
            if i == 5:
                raise RuntimeError("write failed")
    assert not any(t.name == "khabar-prefetch" for t in threading.enumerate())
