"""Calendar arithmetic against the publication date (the anchor).

A relative expression ("أمس", "الأسبوع الماضي", "الأحد") means nothing without
the date the article was published, so every resolver takes an :class:`Anchor`
and returns None when there is none or when it is too coarse (an anchor known
only to the month cannot resolve "أمس"). Nothing here ever falls back to
today's date: an analysis must give the same result whenever it is run.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date, with how much of it is known."""

    date: date
    precision: str = DAY  # day | month | year

    def knows(self, precision: str) -> bool:
        order = {YEAR: 0, MONTH: 1, DAY: 2}
        return order[self.precision] >= order[precision]


def parse_anchor(published: str | None) -> Anchor | None:
    """The anchor of an ISO ``published`` value ("2020-10-06", "2020-10-06T14:30+03:00", "2018-06")."""
    if not published:
        return None
    m = _ISO_PREFIX.match(published.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return Anchor(date(int(year), int(month), int(day)), DAY)
        if month:
            return Anchor(date(int(year), int(month), 1), MONTH)
        return Anchor(date(int(year), 1, 1), YEAR)
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the month's length (31 March - 1 month → 28/29 February)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def shift(d: date, amount: int, unit: str) -> date | None:
    """``d`` moved by ``amount`` units (D, W, M, Y, DE, CE); None outside years 1-9999 ("قبل 3000 عام")."""
    try:
        if unit == "D":
            return d + timedelta(days=amount)
        if unit == "W":
            return d + timedelta(weeks=amount)
        factor = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit]
        return add_months(d, factor * amount)
    except (ValueError, OverflowError):
        return None


def format_at(d: date | None, unit: str) -> str | None:
    """``d`` written at the granularity of ``unit``: D → 2020-10-06, W → 2020-W40, M → 2020-10, Y → 2020."""
    if d is None:
        return None
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}X"
    return f"{d.year // 100:02d}XX"


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` near ``anchor``.

    ``direction``: ``past`` = strictly before, ``future`` = strictly after,
    ``recent`` = on or before (a bare "الأحد" in news reports the last one),
    ``coming`` = on or after (a bare weekday after a future-tense verb).
    """
    delta = (anchor.isoweekday() - weekday) % 7
    if direction == "past":
        return anchor - timedelta(days=delta or 7)
    if direction == "recent":
        return anchor - timedelta(days=delta)
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "future":
        return anchor + timedelta(days=ahead or 7)
    return anchor + timedelta(days=ahead)


def year_for_month(anchor: Anchor, month: int, direction: str | None = None, future: bool = False) -> int:
    """The year a month named without one ("في مارس", "أكتوبر الماضي") falls in.

    With a cue, the last (``past``) or next (``future``) such month, or the
    anchor's own year (``current``). Without one, news mostly reports the recent
    past: a month three or more months after the anchor's is last year's ("في
    يونيو" in a January article), one ten or more before it next year's
    ("يناير" in a December article), otherwise the anchor's year. In a clause
    in the future tense ("ستجرى الانتخابات في مارس") a month already past this
    year is next year's.
    """
    year, current = anchor.date.year, anchor.date.month
    if direction == "past":
        return year if month < current else year - 1
    if direction == "future":
        return year if month > current else year + 1
    if direction == "current" or not anchor.knows(MONTH):
        return year
    diff = month - current
    if future:
        return year + 1 if diff < -1 else year
    if diff >= 3:
        return year - 1
    if diff <= -10:
        return year + 1
    return year
