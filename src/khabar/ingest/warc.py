"""Read the HTML pages archived in a WARC (or WARC.gz) file, one record at a time (warcio).

A crawl holds far more than articles: requests, metadata, images, scripts.
Only HTML responses (status 2xx) are read; the rest are skipped without an
error and counted in the log. A page with no article is reported by record
number and the run goes on. Records stream from disk, so the file may be far
larger than memory; each record must fit ``Options.max_bytes``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from khabar.errors import IngestError
from khabar.ingest.detect import declared_charset, decode
from khabar.ingest.html import read_html
from khabar.model import Article
from khabar.options import Options

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], *, source: str, options: Options) -> Iterator[Article | IngestError]:
    """Yield an article or an error for each HTML response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = skipped = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            if not _is_html_response(record):
                skipped += 1
                continue
            yield _record(record, n, source, options)
    except ArchiveLoadFailed as err:
        if n == 0:
            raise IngestError(source, f"not a readable WARC file ({err}); is it complete?") from err
        yield IngestError(source, f"record {n + 1}: unreadable, the rest of the file is skipped ({err})")
    log.info("%s: %d WARC records, %d skipped (not HTML responses)", source, n, skipped)


def _is_html_response(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode()
        if status and not str(status).startswith("2"):
            return False
        ctype = headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return ctype.split(";")[0].strip().lower() in _HTML_TYPES


def _record(record: Any, n: int, source: str, options: Options) -> Article | IngestError:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"record {n} <{uri}>" if uri else f"record {n}"
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return IngestError(
            source, f"{where}: page is over the {options.max_bytes:,}-byte limit; raise it with --max-bytes"
        )
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    charset = None
    if ctype and "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    text, _ = decode(data, declared=charset or declared_charset(data))
    try:
        return read_html(text, source=source, options=options, url=uri, fmt="warc")
    except IngestError as err:
        return IngestError(source, f"{where}: {err.problem}")
