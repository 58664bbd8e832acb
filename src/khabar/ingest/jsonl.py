"""Read JSON Lines corpora: one article per line, streamed, bad lines reported by number.

Field names differ between corpora, so each role accepts the common
spellings: the body is ``text``, ``content``, ``body`` or ``html``; the date is
``published``, ``date``, ``datePublished``... SaudiNewsNet's ``date_extracted``
is when the page was crawled, not when it was published, and is ignored. A
record's ``id`` is kept in ``Article.source`` (``corpus.jsonl#snn-2015-07-21-00000``)
so annotations can name the article they belong to.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from khabar.errors import IngestError
from khabar.ingest.article import build, iso_published, tidy
from khabar.ingest.credit import Caption, Credit, parse_credit
from khabar.ingest.debris import clean_body
from khabar.ingest.detect import decode
from khabar.ingest.text import lines_of
from khabar.model import Article
from khabar.options import Options
from khabar.time.publication import iso_datetime

log = logging.getLogger(__name__)

TITLE = ("title", "headline")
TEXT = ("text", "content", "body", "article", "maintext", "article_text")
HTML = ("html", "content_html", "body_html", "raw_html")
URL = ("url", "link", "source_url")
PUBLISHED = (
    "published",
    "date",
    "datePublished",
    "date_published",
    "published_at",
    "publishedAt",
    "pubDate",
    "publication_date",
)
OUTLET = ("outlet", "source", "site", "sitename", "site_name", "publisher", "newspaper")
BYLINE = ("byline", "author", "authors")
DESCRIPTION = ("description", "summary", "lead", "standfirst")
_TAG = re.compile(r"<(p|div|br|span|a|h[1-6]|figure|img|ul|li)\b", re.I)
_PAGE = re.compile(r"<(html|body|head)\b", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_jsonl(
    stream: IO[bytes] | gzip.GzipFile, *, source: str, options: Options, encoding: str = "utf-8"
) -> Iterator[Article | IngestError]:
    """Yield an article or an error for each line of a binary stream."""
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        yield from _records(_text_lines(stream, encoding, options.max_bytes), source, options)
    else:
        yield from _records(_byte_lines(stream, options.max_bytes), source, options)


def read_json_text(text: str, *, source: str, options: Options) -> Iterator[Article | IngestError]:
    """Records from already decoded text: JSON Lines, one JSON object, or a JSON array of objects."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except ValueError as err:
            raise IngestError(
                source, f"invalid JSON array ({err}); expected JSON Lines or an array of objects"
            ) from err
        for n, item in enumerate(items, 1):
            yield _safe(item, n, source, options, what="item")
        return
    if "\n" in stripped.strip() and not _one_per_line(stripped):
        try:
            item = json.loads(stripped)
        except ValueError:
            item = None
        if isinstance(item, dict):
            yield _safe(item, 1, source, options, what="line")
            return
    yield from _records(((n, line, None) for n, line in enumerate(stripped.split("\n"), 1)), source, options)


def _one_per_line(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


Line = tuple[int, str | None, str | None]  # number, text, or a problem instead of text


def _byte_lines(stream: IO[bytes] | gzip.GzipFile, limit: int) -> Iterator[Line]:
    n = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
            yield n, None, f"record is over the {limit:,}-byte limit; raise it with --max-bytes"
            continue
        if n == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield n, raw.decode("utf-8"), None
        except UnicodeDecodeError:
            text, enc = decode(raw)
            log.debug("line %d is not UTF-8; read as %s", n, enc)
            yield n, text, None


def _text_lines(stream: IO[bytes] | gzip.GzipFile, encoding: str, limit: int) -> Iterator[Line]:
    reader = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
    for n, line in enumerate(reader, 1):
        if len(line) > limit:
            yield n, None, f"record is over the {limit:,}-byte limit; raise it with --max-bytes"
        else:
            yield n, line.lstrip("\ufeff"), None


def _records(lines: Iterable[Line], source: str, options: Options) -> Iterator[Article | IngestError]:
    for n, line, problem in lines:
        if problem is not None:
            yield IngestError(source, problem, line=n)
            continue
        if line is None or not line.strip():
            continue
        try:
            record = json.loads(line.strip())
        except ValueError as err:
            msg = getattr(err, "msg", str(err))
            col = getattr(err, "colno", None)
            where = f" at column {col}" if col else ""
            yield IngestError(
                source, f"invalid JSON ({msg}{where}); each line must be one JSON object", line=n
            )
            continue
        yield _safe(record, n, source, options, what="line")


def _safe(record: Any, n: int, source: str, options: Options, *, what: str) -> Article | IngestError:
    line = n if what == "line" else None
    prefix = "" if line else f"{what} {n}: "
    if not isinstance(record, dict):
        return IngestError(
            source, f"{prefix}a JSON {type(record).__name__} where an object was expected", line=line
        )
    try:
        return article_from_record(record, source=source, n=n, options=options)
    except IngestError as err:
        return IngestError(source, prefix + err.problem, line=line)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any, *, entities: bool = True) -> str | None:
    """A display field as text; ``entities`` decodes HTML character references.

    Scraped exports often keep them in plain-text fields (SaudiNewsNet titles
    read "حذاء الممثلة &#8220;جودي جارلاند&#8221;"). Only complete references
    ending in ";" are decoded, and never in URLs, where "&copy=2" is a parameter.
    """
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v.get("name", "")) if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    text = str(value)
    if entities and "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return tidy(text) or None


def article_from_record(record: dict[str, Any], *, source: str, n: int, options: Options) -> Article:
    """One article from one JSON object; raise :class:`IngestError` naming what is missing."""
    title = _text(_first(record, TITLE)) or ""
    rec_id = record.get("id")
    rec_name = tidy(str(rec_id)) if isinstance(rec_id, str | int) else ""
    where = f"{source}#{rec_name}" if rec_name else f"{source}:{n}"
    url = _text(_first(record, URL), entities=False)
    html = _first(record, HTML)
    body_text = _first(record, TEXT)
    caption: Caption | None = None
    if isinstance(html, str) and _PAGE.search(html[:2000]):
        from khabar.ingest.html import read_html

        page = read_html(html, source=where, options=options, url=url, fmt="jsonl")
        return page if title in ("", page.title) else _with_title(page, title)
    if isinstance(html, str):
        paragraphs, caption = _fragment(html)
    elif isinstance(body_text, list):
        paragraphs = [str(p) for p in body_text]
    elif isinstance(body_text, str):
        if _TAG.search(body_text[:2000]):
            paragraphs, caption = _fragment(body_text)
        else:
            paragraphs = lines_of(body_text)
    else:
        raise IngestError(source, "no text: expected a field text, content, body or html")
    body = clean_body(paragraphs, title=title)
    warnings: list[str] = []
    raw_date = _first(record, PUBLISHED)
    published = _date(raw_date)
    if raw_date is not None and published is None:
        warnings.append(f"published {raw_date!r} is not a date khabar can read")
    credit = _credit(record.get("photo_credit"))
    if caption is None and isinstance(record.get("caption"), str):
        caption = Caption(text=record["caption"], credit=credit or Credit())
    caption = caption or (body.captions[0] if body.captions else None)
    return build(
        source=where,
        fmt="jsonl",
        title=title,
        paragraphs=body.paragraphs,
        url=url,
        outlet=_text(_first(record, OUTLET)),
        published=published,
        byline=_text(_first(record, BYLINE)) or body.byline,
        caption=caption.text if caption and caption.text else None,
        credit=(credit or caption.credit) if caption else credit,
        description=_text(_first(record, DESCRIPTION)),
        warnings=warnings,
        date_expected=options.published is None,
    )


def _fragment(markup: str) -> tuple[list[str], Caption | None]:
    from khabar.ingest.html import fragment_paragraphs

    return fragment_paragraphs(markup)


def _with_title(article: Article, title: str) -> Article:
    import dataclasses

    from khabar.ingest.article import content_id

    text = f"{title}\n\n" + "\n\n".join(article.paragraphs)
    return dataclasses.replace(article, title=title, text=text, id=content_id(title, article.paragraphs))


def _date(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # epoch milliseconds or seconds
        try:
            return iso_datetime(datetime.fromtimestamp(seconds, UTC))
        except (OverflowError, OSError, ValueError):  # NaN, or beyond the years datetime holds
            log.debug("not an epoch time: %r", value)
            return None
    if isinstance(value, str):
        return iso_published(value)
    return None


def _credit(value: Any) -> Credit | None:
    if isinstance(value, dict):
        photographer, agency = value.get("photographer"), value.get("agency")
        # Either may be a number or a list in a careless export: read both as text.
        photographer, agency = _text(photographer), _text(agency)
        return (
            Credit(photographer=photographer, agency=agency, strength="known")
            if photographer or agency
            else None
        )
    if isinstance(value, str):
        return parse_credit(value)
    return None
