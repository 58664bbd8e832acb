"""Assemble the clean :class:`~khabar.model.Article` every reader returns.

One place decides what ``Article.text`` is (the title, a blank line, then the
paragraphs separated by blank lines), how the id is made, how dates are
written and which warnings an article carries, so that the same story read
from a text file, an HTML page or a JSONL line yields the same text and id.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from khabar.errors import IngestError
from khabar.ingest.credit import Credit
from khabar.ingest.language import detect_language
from khabar.model import Article, PhotoCredit
from khabar.time.publication import iso_datetime

log = logging.getLogger(__name__)

# Invisible characters scrapers carry over: bidi marks and embeddings, zero-width space, BOM.
# and control characters that no text means (XML refuses them too).
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\x00-\x08\x0e-\x1f\x7f]")
# Lone UTF-16 surrogates: JSON escapes such as "\\ud800" decode to them, and no
# encoder will write them, so one would crash every later print or hash.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def tidy(text: str) -> str:
    """One line of display text: NFC, no invisible marks, single spaces.

    Letters, tashkeel and tatweel are kept as written: matching normalization
    is the text layer's job and must not change what offsets index. A lone
    surrogate (from a JSON escape) becomes U+FFFD, the mark of a lost character.
    """
    text = no_surrogates(text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", text))).strip()


def no_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so that it encodes.

    Python decodes the JSON escape "\\ud800" (half of an emoji, cut by a careless
    export) to a lone surrogate; ``str.encode`` refuses it, lxml and feedparser fail.
    """
    return _SURROGATE.sub("\ufffd", text)


def content_id(title: str, paragraphs: Iterable[str]) -> str:
    """A stable 20-hex-digit id: the same story gives the same id from any format."""
    payload = "\n".join([title, *paragraphs]).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=10).hexdigest()


def iso_published(value: str | date | datetime | None) -> str | None:
    """Write a publication date as ISO 8601, or None if it cannot be read.

    Accepts ISO strings ("2020-10-06T09:30:00+03:00"), RFC 822 feed dates
    ("Tue, 06 Oct 2020 09:30:00 +0300") and Arabic date lines ("06 أكتوبر 2020",
    "١٤ تشرين الأول ٢٠٢٥"), the last through :mod:`khabar.time.publication`.
    A date stays a date; a time of day is kept with its zone when given.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return iso_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if _ISO_PREFIX.match(text):
        try:
            return iso_datetime(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            log.debug("not an ISO date-time: %r", text)
    if re.match(r"^[A-Za-z]{3},?\s+\d", text) or re.match(r"^\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        try:
            return iso_datetime(parsedate_to_datetime(text))
        except (TypeError, ValueError):
            log.debug("not an RFC 822 date: %r", text)
    from khabar.time.publication import parse_date_line

    return parse_date_line(text)


def build(
    *,
    source: str,
    fmt: str,
    title: str,
    paragraphs: Iterable[str],
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    byline: str | None = None,
    caption: str | None = None,
    credit: Credit | None = None,
    description: str | None = None,
    warnings: Iterable[str] = (),
    date_expected: bool = True,
) -> Article:
    """Make the article, or raise :class:`IngestError` when it has no body text.

    ``date_expected`` is False when the caller supplies the date itself
    (``Options.published``), so a missing date is not worth a warning.
    """
    title = tidy(title)
    paras = tuple(p for p in (tidy(p) for p in paragraphs) if p)
    if not paras:
        what = "only a title" if title else "no title and no paragraphs"
        raise IngestError(source, f"no article text found ({what}); an article needs at least one paragraph")
    notes = list(warnings)
    if not title and not any("title" in n for n in notes):
        notes.append("no title found")
    text = f"{title}\n\n" + "\n\n".join(paras) if title else "\n\n".join(paras)
    language = detect_language(text)
    if language != "ar":
        notes.append(f"language is {language!r}, not Arabic: entities, quotes and times may be missed")
    if published is None and date_expected:
        notes.append("no publication date found; pass --published to resolve relative dates")
    return Article(
        id=content_id(title, paras),
        title=title,
        paragraphs=paras,
        text=text,
        # A file name that is not UTF-8 reaches here with surrogate escapes ("\udcff"),
        # which JSON output and the store cannot encode.
        source=no_surrogates(source),
        url=_clean(url),
        outlet=_clean(outlet),
        published=published,
        byline=_clean(byline),
        caption=_clean(caption),
        photo_credit=PhotoCredit(
            photographer=_clean(credit.photographer) if credit else None,
            agency=_clean(credit.agency) if credit else None,
        ),
        description=_clean(description),
        language=language,
        format=fmt,
        warnings=tuple(dict.fromkeys(notes)),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = tidy(value)
    return value or None
