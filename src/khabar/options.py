"""Options threaded through every stage, instead of twenty keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True, frozen=True)
class Options:
    """How to analyse.

    ``published`` supplies or overrides the publication date that relative time
    expressions are resolved against. ``max_bytes`` is the largest input read
    whole: larger files are refused with an :class:`~khabar.errors.IngestError`
    (container formats such as JSONL and WARC are streamed record by record and
    the limit applies to each record).
    """

    published: date | datetime | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    tokens: bool = False
    # Stages to run; ``None`` means all of them.
    stages: tuple[str, ...] | None = None
