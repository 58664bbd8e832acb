"""Fixtures shared by the time tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.time.recognize import find_times

Found = list[tuple[str, str | None, str, str | None]]


@pytest.fixture
def found() -> Callable[[str, str | None], Found]:
    """(text, value, type, mod) of every expression, after checking each span's offsets."""

    def run(sentence: str, anchor: str | None) -> Found:
        out = []
        for t in find_times(sentence, anchor):
            assert sentence[t.start : t.end] == t.text
            out.append((t.text, t.value, t.type, t.mod))
        return out

    return run
