"""Calendar dates written out: month names in every convention, numeric dates, Hijri dates.

"06 أكتوبر 2020", "الثلاثاء 6 تشرين الأول 2020", "الخامس من أكتوبر", "١٥ جويلية
٢٠٢٠", "يونيو/حزيران 2018", "2020/10/06", "6-10-2020", "15 رمضان 1441 هـ",
"1442هـ". A date without a year takes the anchor's year (see
:func:`khabar.time.resolve.year_for_month`), or ``XXXX`` when there is no
anchor. A bare month name counts only when it cannot be an ordinary word: after
"شهر", a preposition, or before a cue ("مارس الماضي"); the names listed in
``data/time/ambiguous_months.txt`` ("ماي", "مارس", "رمضان") need more than a
preposition.
"""

from __future__ import annotations

from functools import cache

import regex

from khabar.quantities.words import parse_ordinal
from khabar.time import hijri
from khabar.time.candidates import Candidate, Rule, span
from khabar.time.context import looks_future
from khabar.time.grammar import (
    AD,
    AH,
    LEFT,
    RIGHT,
    YEAR4,
    compile_rule,
    cue,
    direction_of,
    double_month,
    keywords,
    month_number,
    months_h,
    ordinal,
    weekday_alt,
)
from khabar.time.months import ambiguous_months, gregorian_months, hijri_months, weekdays
from khabar.time.resolve import DAY, Anchor, valid_date, year_for_month

_PERIOD_BEFORE = regex.compile(
    r"(?<!\w)(?:الاسبوع|الاسبوعين|الشهر|الربع|النصف|الثلث|العشر|الفصل|الاسابيع|الايام)\s+$"
)
_YEAR_WORD = r"(?:من\s+)?(?:عام|العام|سنه|السنه)?\s*"
_MONTH_PREPS = r"في|خلال|منذ|حتي|مع|قبل|بعد|من|الي|طوال|بحلول"
# Part-of-month words license even an ambiguous name: "أواخر آب", "نهاية ماي".
_MONTH_PARTS = r"مطلع|منتصف|اواخر|اوايل|اواسط|بدايه|نهايه|مستهل|ختام|اخر"


def _day(match: regex.Match[str]) -> int | None:
    if match.group("dn"):
        return int(match.group("dn"))
    if match.group("do"):
        return parse_ordinal(" ".join(match.group("do").split()))
    return None


def _direction(match: regex.Match[str]) -> str | None:
    word = match.groupdict().get("dir")
    return direction_of().get(" ".join(word.split())) if word else None


def _year_by_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """ "الثلاثاء 1 يناير": of this, last and next year, the one where the day is that weekday."""
    for candidate in (year, year - 1, year + 1):
        d = valid_date(candidate, month, day)
        if d is not None and d.isoweekday() == weekday:
            return candidate
    return year


def _gregorian(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    """Day (digits or ordinal word) + month [+ year], and month + year."""
    month = month_number(match)
    if month is None:
        return None
    groups = match.groupdict()
    day = _day(match) if "dn" in groups else None
    year_text = groups.get("y")
    start, end = span(match)
    parts: dict[str, object] = {"month": month}
    if year_text:
        year: int | None = int(year_text)
        parts["year"] = year
    elif anchor is not None:
        year = year_for_month(anchor, month, _direction(match), looks_future(text, match.start()))
        if day is not None and groups.get("wd"):
            year = _year_by_weekday(year, month, day, weekdays()[" ".join(groups["wd"].split())])
    else:
        year = None
    if day is not None:
        parts["day"] = day
        if not 1 <= day <= 31:
            return None
        # "الأسبوع الأول من أغسطس" is a week, not the first of August.
        if groups.get("do") and _PERIOD_BEFORE.search(text, max(0, match.start() - 20), match.start("x")):
            return None
        if year is None:
            return Candidate(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", parts=parts)
        d = valid_date(year, month, day)
        if d is None:
            return None
        return Candidate(start, end, "DATE", d.isoformat(), parts=parts)
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return Candidate(start, end, "DATE", value, parts=parts)


def _bare_month(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    """A month with no day or year: needs "شهر", a preposition or a cue to count."""
    name = " ".join(match.group("m1").split())
    has_month_word = bool(match.group("shahr"))
    has_cue = bool(match.group("dir"))
    double = bool(match.group("m2") or match.group("m2b"))
    licensed = has_month_word or has_cue or double
    strong = bool(match.group("part"))
    if not licensed and not strong and (not match.group("prep") or name in ambiguous_months()):
        return None
    return _gregorian(match, anchor, text)


def _numeric(match: regex.Match[str], _anchor: Anchor | None, _text: str) -> Candidate | None:
    """2020/10/06, 2020-10-06, 06/10/2020, 6-10-2020 (day first, the Arab convention)."""
    g = match.groupdict()
    if g["Y"]:
        year, month, day = int(g["Y"]), int(g["M"]), int(g["D"])
    else:
        year, first, second = int(g["y2"]), int(g["d2"]), int(g["m2"])
        # Day first unless that is impossible and month first is not (US-style 10/26/2020).
        day, month = (first, second) if second <= 12 else (second, first)
    d = valid_date(year, month, day)
    if d is None:
        return None
    start, end = span(match)
    parts: dict[str, object] = {"year": year, "month": month, "day": day}
    if not g["hh"]:
        return Candidate(start, end, "DATE", d.isoformat(), parts=parts)
    from khabar.time.clock import clock_value

    clock = clock_value(int(g["hh"]), int(g["mm"]), g["ss"], g["ampm"], g["tz"])
    if clock is None:
        return Candidate(start, end, "DATE", d.isoformat(), parts=parts)
    return Candidate(start, end, "TIME", d.isoformat() + clock, parts=parts)


def _hijri(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    """[day] Hijri month [year] [هـ]: the Gregorian value and the Hijri date as written."""
    name = " ".join(match.group("hm").split())
    month = hijri_months()[name]
    day = _day(match)
    year_text = match.group("hy")
    if day is None and not year_text and not match.group("shahr"):
        return None
    if name in ambiguous_months() and day is None and not year_text and not match.group("shahr"):
        return None
    start, end = span(match)
    if year_text:
        year: int | None = int(year_text)
    elif anchor is not None and anchor.knows(DAY):
        year = hijri.year_for_month(anchor.date, month)
    else:
        year = None
    if year is None:
        written = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        return Candidate(start, end, "DATE", None, hijri=written)
    if day is not None:
        g = hijri.to_gregorian(year, month, day)
        written = f"{year:04d}-{month:02d}-{day:02d}"
        return Candidate(
            start, end, "DATE", g.isoformat() if g else None, hijri=written, parts={"hijri": True}
        )
    rng = hijri.month_range(year, month)
    value = f"{rng[0].isoformat()}/{rng[1].isoformat()}" if rng else None
    return Candidate(start, end, "DATE", value, hijri=f"{year:04d}-{month:02d}", parts={"hijri": True})


def _hijri_year(match: regex.Match[str], _anchor: Anchor | None, _text: str) -> Candidate | None:
    year = int(match.group("hy"))
    rng = hijri.year_range(year)
    value = f"{rng[0].isoformat()}/{rng[1].isoformat()}" if rng else None
    start, end = span(match)
    return Candidate(start, end, "DATE", value, hijri=f"{year:04d}", parts={"hijri": True})


def _day_part() -> str:
    return rf"(?:ال)?(?:(?P<dn>[0-3]?\d)(?!\d)|(?P<do>{ordinal()}))"


def _weekday_prefix() -> str:
    return rf"(?:يوم\s+)?(?:(?P<wd>{weekday_alt()}){RIGHT}\s*[,،]?\s*(?:الموافق\s+(?:ل\s*)?)?)?(?:يوم\s+)?"


@cache
def rules() -> tuple[Rule, ...]:
    """The absolute-date recognizers, compiled on first use."""
    cues = "|".join((cue("past"), cue("future"), cue("current")))
    months = keywords(gregorian_months())
    dm_sep = r"(?:\s*[-/.]\s*|\s+من(?:\s+شهر)?\s+|\s+شهر\s+|\s*)"
    year_tail = rf"(?:\s*[,،]?\s*{_YEAR_WORD}(?P<y>{YEAR4}){AD})"
    day_month_year = (
        rf"{LEFT}(?P<x>{_weekday_prefix()}{_day_part()}{dm_sep}{double_month()}"
        rf"(?:\s+(?P<dir>{cues}){RIGHT})?{year_tail}?){RIGHT}"
    )
    month_year = rf"{LEFT}(?P<x>(?:شهر\s+)?{double_month()}{year_tail}){RIGHT}"
    bare_month = (
        rf"{LEFT}(?:(?P<part>{_MONTH_PARTS})\s+|(?P<prep>{_MONTH_PREPS})\s+)?(?P<x>(?P<shahr>شهر\s+)?{double_month()}"
        rf"(?:\s+(?P<dir>{cues}){RIGHT})?){RIGHT}"
    )
    time_tail = (
        r"(?:(?:T|\s*[|،,\-–]?\s*(?:الساعه\s*)?)(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?:\.\d+)?"
        r"(?:\s*(?P<ampm>صباحا|مساء|ص|م|AM|PM|am|pm)(?!\w))?(?P<tz>Z|\s*[+-]\d\d:?\d\d)?)?"
    )
    numeric = (
        r"(?<![\w/.\-])(?P<x>(?:(?P<Y>\d{4})(?P<s1>[-/.])(?P<M>\d{1,2})(?P=s1)(?P<D>\d{1,2})"
        r"|(?P<d2>\d{1,2})(?P<s2>[-/.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))"
        rf"{time_tail})(?![\w/]|[.\-]\d)"
    )
    hijri_date = (
        rf"{LEFT}(?P<x>{_weekday_prefix()}(?:{_day_part()}(?:\s+من)?\s*)?(?P<shahr>شهر\s+)?"
        rf"(?P<hm>{months_h()}){RIGHT}(?:\s+(?:المبارك|الحرام|المعظم|الخير){RIGHT})?"
        rf"(?:\s*[,،]?\s*{_YEAR_WORD}(?P<hy>1[34]\d\d)(?:{AH})?)?){RIGHT}"
    )
    hijri_year = rf"{LEFT}(?P<x>(?:(?:عام|العام|سنه|السنه)\s+)?(?P<hy>1[34]\d\d){AH})"
    return (
        Rule("date_dmy", compile_rule(day_month_year), _gregorian, months),
        Rule("date_my", compile_rule(month_year), _gregorian, months),
        Rule("date_m", compile_rule(bare_month), _bare_month, months),
        Rule("date_numeric", compile_rule(numeric), _numeric),
        Rule("date_hijri", compile_rule(hijri_date), _hijri, keywords(hijri_months())),
        Rule("year_hijri", compile_rule(hijri_year), _hijri_year, ("13", "14")),
    )
