"""Hijri (Umm al-Qura) conversion, via ``hijridate``.

Gulf and religious news date by the lunar calendar ("15 رمضان 1441 هـ",
"1442هـ"). khabar keeps what was written in ``TimeExpr.hijri`` and gives the
Gregorian equivalent in ``value``: a day for a full date, a day range for a
month or a year ("رمضان 1441" → "2020-04-24/2020-05-23"). The Umm al-Qura table
covers 1343-1500 AH (1924-2077); outside it the value is None.
"""

from __future__ import annotations

import logging
from datetime import date

log = logging.getLogger(__name__)


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date, or None outside the table or for a bad day."""
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError) as err:
        log.debug("hijri %d-%d-%d not convertible: %s", year, month, day, err)
        return None
    return date(g.year, g.month, g.day)


def month_range(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month."""
    from hijridate import Hijri

    try:
        first = Hijri(year, month, 1)
        a = first.to_gregorian()
        b = Hijri(year, month, first.month_length()).to_gregorian()
    except (ValueError, OverflowError) as err:
        log.debug("hijri month %d-%d not convertible: %s", year, month, err)
        return None
    return date(a.year, a.month, a.day), date(b.year, b.month, b.day)


def year_range(year: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri year."""
    first = month_range(year, 1)
    last = month_range(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def hijri_of(d: date) -> tuple[int, int, int] | None:
    """The Hijri (year, month, day) of a Gregorian date, or None outside the table."""
    from hijridate import Gregorian

    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError) as err:
        log.debug("gregorian %s not convertible: %s", d, err)
        return None
    return h.year, h.month, h.day


def year_for_month(anchor: date, month: int) -> int | None:
    """The Hijri year of a Hijri month named without one ("في شهر رمضان"): the nearest occurrence."""
    h = hijri_of(anchor)
    if h is None:
        return None
    year, current, _ = h
    if month - current >= 7:
        return year - 1
    if current - month >= 6:
        return year + 1
    return year
