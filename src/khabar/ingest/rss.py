"""Read the items of an RSS or Atom feed as articles (feedparser).

Arabic news feeds often carry only a summary; an item with a summary and no
full text is still an article (short, but its quotes and names count). Full
text in ``content:encoded`` or Atom ``<content>`` is HTML and goes through the
fragment reader. One bad item is reported and the rest are read.
"""

from __future__ import annotations

import calendar
import io
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from khabar.errors import IngestError
from khabar.ingest.article import build, iso_published, tidy
from khabar.ingest.debris import clean_body
from khabar.ingest.html import fragment_paragraphs
from khabar.ingest.text import lines_of
from khabar.model import Article
from khabar.options import Options
from khabar.time.publication import iso_datetime

log = logging.getLogger(__name__)


def read_feed(data: bytes, *, source: str, options: Options) -> Iterator[Article | IngestError]:
    """Yield one article per item; raise :class:`IngestError` if the feed is unreadable."""
    import feedparser

    # A BytesIO, never a str: feedparser fetches strings that look like URLs or paths.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = str(parsed.get("bozo_exception", "")).strip() or "malformed XML"
            raise IngestError(source, f"not a readable RSS/Atom feed ({problem}); is the file complete?")
        raise IngestError(source, "the feed has no items")
    outlet = tidy(parsed.feed.get("title", "")) or None
    items: list[Article | IngestError] = []
    for n, entry in enumerate(parsed.entries, 1):
        try:
            items.append(_item(entry, source=source, outlet=outlet, options=options))
        except IngestError as err:
            items.append(IngestError(source, f"item {n}: {err.problem}"))
    if parsed.get("bozo") and not any(isinstance(i, Article) for i in items):
        # A feed cut off mid-item parses to empty husks: report the file, not each husk.
        problem = str(parsed.get("bozo_exception", "")).strip() or "malformed XML"
        raise IngestError(source, f"not a readable RSS/Atom feed ({problem}); is the file complete?")
    yield from items


def _item(entry: Any, *, source: str, outlet: str | None, options: Options) -> Article:
    title = tidy(entry.get("title", ""))
    content = max(entry.get("content", []), key=lambda c: len(c.get("value", "")), default=None)
    summary = entry.get("summary_detail") or {}
    main = content or summary
    caption = None
    if not main.get("value"):
        paragraphs: list[str] = []
    elif "html" in (main.get("type") or "text/html"):
        paragraphs, caption = fragment_paragraphs(main["value"])
    else:
        paragraphs = lines_of(main["value"])
    body = clean_body(paragraphs, title=title)
    description = None
    if content and summary.get("value"):
        description = " ".join(fragment_paragraphs(summary["value"])[0]) or None
    caption = caption or (body.captions[0] if body.captions else None)
    return build(
        source=source,
        fmt="rss",
        title=title,
        paragraphs=body.paragraphs,
        url=entry.get("link"),
        outlet=outlet,
        published=_published(entry),
        byline=entry.get("author") or body.byline,
        caption=caption.text if caption and caption.text else None,
        credit=caption.credit if caption else None,
        description=description,
        date_expected=options.published is None,
    )


def _published(entry: Any) -> str | None:
    """The item's date with its own zone when the raw text can be read, else feedparser's UTC."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            value = iso_published(raw)
            if value:
                return value
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                return iso_datetime(datetime.fromtimestamp(calendar.timegm(parsed), UTC))
            except (OverflowError, OSError, ValueError):  # "0000-00-00T00:00:00Z" placeholders
                log.debug("feed date out of range: %r", raw)
    return None
