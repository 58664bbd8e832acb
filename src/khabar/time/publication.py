"""The publication date of an article, from the date line its page prints.

Every reader (text, HTML, RSS, WARC, JSONL) hands its date line here, so one
grammar decides what a date is: "06 أكتوبر 2020", "الثلاثاء 6 تشرين الأول
2020", "١٥ جويلية ٢٠٢٠", "2020/10/06", "6-10-2020 | 14:30", "الأحد 15 رمضان
1441 هـ - 7 يونيو 2020", "يونيو/حزيران 2018", and machine forms (ISO 8601,
RFC 2822 from feeds). A line that is not mostly a date ("قال الرئيس في 6 أكتوبر
2020 إن …") is refused: a reader that guessed wrong should get None, not a date
lifted from a sentence.
"""

from __future__ import annotations

import logging
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources

import regex

from khabar.text.normalize import lexicon_key, normalize_with_offsets
from khabar.time import absolute, clock
from khabar.time.candidates import Candidate, run, select

log = logging.getLogger(__name__)

_MAX_LINE = 200
_WORD = regex.compile(r"\w+")
_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = regex.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_RFC2822 = regex.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


@cache
def _labels() -> frozenset[str]:
    text = resources.files("khabar.data").joinpath("time/dateline_labels.txt").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            out.update(lexicon_key(line).lower().split())
    return frozenset(out)


def parse_date_line(line: str) -> str | None:
    """ISO date (or date-time, with zone when the line gives one) of a date line, else None.

    ``parse_date_line("06 أكتوبر 2020") == "2020-10-06"``;
    ``parse_date_line("6-10-2020 | 14:30") == "2020-10-06T14:30:00"`` (see :func:`iso_datetime`);
    ``parse_date_line("يونيو/حزيران 2018") == "2018-06"``. When a line gives
    both calendars the Gregorian date is returned; a Hijri-only line is
    converted (Umm al-Qura).
    """
    line = line.strip()
    if not line or len(line) > _MAX_LINE:
        return None
    machine = _machine(line)
    if machine is not None:
        return machine
    folded, _ = normalize_with_offsets(line, taa=True)
    found = select(run((*absolute.rules(), *clock.rules()), folded, None))
    dates = [c for c in found if c.rule != "clock" and c.value and not c.value.startswith("XXXX")]
    if not dates or not _mostly_date(folded, found):
        return None
    best = min(dates, key=_preference)
    value = best.value
    assert value is not None
    if "T" not in value and "/" not in value and len(value) >= 10:
        clocks = [c for c in found if c.rule == "clock" and c.start >= best.end and c.value]
        if clocks and clocks[0].value and clocks[0].value != "T24:00":
            value += clocks[0].value
    if "T" in value and "/" not in value:
        try:
            return iso_datetime(datetime.fromisoformat(value))
        except ValueError:
            log.debug("not a date-time: %r", value)
            return value[:10]
    return value


def _preference(cand: Candidate) -> tuple[int, int]:
    """Gregorian day dates first, then converted Hijri days, then months; earliest first."""
    value = cand.value or ""
    hijri = bool(cand.parts.get("hijri"))
    is_day = len(value) >= 10 and "/" not in value
    return (0 if is_day else 2) + (1 if hijri else 0), cand.start


def _mostly_date(folded: str, found: list[Candidate]) -> bool:
    """True when the words outside the found expressions are few and dateline labels at most.

    A stray number is never allowed: in "31 فبراير 2020" only "فبراير 2020" is a
    date, and the line must not pass as February 2020.
    """
    covered = 0
    leftover = 0
    labels = _labels()
    for m in _WORD.finditer(folded):
        inside = any(c.start <= m.start() and m.end() <= c.end for c in found)
        if inside:
            covered += len(m.group())
        elif m.group().isdigit():
            return False
        elif m.group().lower() not in labels:
            leftover += len(m.group())
    return leftover <= 4 or leftover * 2 <= covered


def _machine(line: str) -> str | None:
    """ISO 8601 and RFC 2822 (RSS ``pubDate``) strings, returned in ISO form."""
    text = line.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            return None
    if _ISO_DATETIME.fullmatch(text):
        try:
            return iso_datetime(datetime.fromisoformat(text))
        except ValueError:
            return None
    if _RFC2822.match(text):
        try:
            return iso_datetime(parsedate_to_datetime(text))
        except (TypeError, ValueError) as err:
            log.debug("not an RFC 2822 date %r: %s", text, err)
            return None
    return None


def iso_datetime(dt: datetime) -> str:
    """The one written form of a publication date-time: ISO 8601 to the second, zone as ±HH:MM.

    Every reader writes ``Article.published`` through this (HTML ``<time>``, RSS
    ``pubDate``, JSONL fields and text date lines alike), so stored dates sort
    and compare as strings: "2020-10-06T14:30:00+00:00", "2020-10-06T14:30:00"
    when no zone was given. (Time *expressions* in the text keep TIMEX-style
    values such as "T17:30Z"; they are not dates of record.)
    """
    return dt.replace(microsecond=0).isoformat(timespec="seconds")
