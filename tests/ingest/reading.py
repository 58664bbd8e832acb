"""Helpers for the ingest tests: read an input to its one article, or to all its items."""

from __future__ import annotations

from pathlib import Path

from khabar.errors import IngestError
from khabar.ingest.reader import read
from khabar.model import Article
from khabar.options import Options


def read_one(source: str | bytes | Path, options: Options | None = None) -> Article:
    """The single article an input holds (fails the test on anything else)."""
    items = list(read(source, options or Options()))
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Article), item
    return item


def read_all(source: str | bytes | Path, options: Options | None = None) -> list[Article | IngestError]:
    return list(read(source, options or Options()))
