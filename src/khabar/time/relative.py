"""Days, weekdays and periods named relative to the publication date.

"اليوم", "أمس", "أول أمس", "غداً", "بعد غد", "الليلة الماضية", "صباح اليوم
الثلاثاء", "مساء أمس الاثنين", a bare weekday ("الأحد": the most recent one, on
or before the anchor, since news reports what happened; the next one after a
future-tense cue or with "المقبل/القادم"), and "الأسبوع/الشهر/العام الماضي،
المقبل، الجاري", "الربع الثالث من العام الجاري", "الصيف الماضي". A part of the
day ("صباح", "مساء") does not change the value: it stays the day. Without an
anchor (or with one too coarse) the value is None.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import regex

from khabar.quantities.words import parse_ordinal
from khabar.time.candidates import Candidate, Rule, span
from khabar.time.context import looks_future, next_word, prev_words
from khabar.time.grammar import (
    LEFT,
    RIGHT,
    YEAR4,
    alternation,
    compile_rule,
    cue,
    direction_of,
    keywords,
    ordinal,
    weekday_alt,
    words,
)
from khabar.time.months import weekdays
from khabar.time.resolve import (
    DAY,
    MONTH,
    YEAR,
    Anchor,
    add_months,
    format_at,
    shift,
    valid_date,
    weekday_near,
)

_PERIOD_UNITS = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y", "العقد": "DE", "القرن": "CE"}
_NEEDS = {"W": DAY, "M": MONTH, "Y": YEAR, "DE": YEAR, "CE": YEAR}
# Words before a bare "الاثنين" that make it "the two" rather than Monday.
_NOT_MONDAY_BEFORE = {"بين", "كلا", "هذين", "من", "مع", "الي", "علي", "عن", "لدي", "ان", "ولكن", "في", "ب"}
# A period word after these is a month/week of the calendar, not "الشهر الكريم" (Ramadan).
_PERIOD_PARTS = r"مطلع|منتصف|نهايه|بدايه|اواخر|اوايل|اواسط|مستهل|ختام|اخر"
# Words before "الغد" that make it tomorrow ("حزب الغد" is a party).
_TOMORROW_BEFORE = {"من", "في", "حتي", "بعد", "يوم", "صباح", "مساء", "ظهر", "فجر", "عصر", "ليله", "اعتبارا"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _relative_day(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    rel = " ".join(match.group("rel").split())
    start, end = span(match)
    if rel == "اليوم" and not match.group("wd") and next_word(text, end) in words()["not_today"]:
        return None
    # "في أمس الحاجة" is "in direst need": أمس + a definite noun is a superlative.
    if rel in ("امس", "الامس") and not match.group("wd") and next_word(text, end).startswith("ال"):
        return None
    if rel == "الغد" and not match.group("dp"):
        prev = prev_words(text, match.start("rel"), 1)
        if not prev or prev[0] not in _TOMORROW_BEFORE:
            return None
    if anchor is None or not anchor.knows(DAY):
        return Candidate(start, end, "DATE", None)
    day = anchor.date + timedelta(days=words()["relative_days"][rel])
    wd = match.group("wd")
    if wd:
        target = weekdays()[" ".join(wd.split())]
        # Trust the weekday when it is within two days of the relative word: a
        # piece written late on Monday and dated Tuesday still says "أمس الأحد".
        delta = (target - day.isoweekday() + 3) % 7 - 3
        if abs(delta) <= 2:
            day = day + timedelta(days=delta)
    return Candidate(start, end, "DATE", day.isoformat(), parts={"daypart": match.group("dp")})


def _weekday(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    name = " ".join(match.group("wd").split())
    direction = direction_of().get(" ".join((match.group("dir") or "").split()))
    start, end = span(match)
    if name == "الاثنين" and not (match.group("dp") or match.group("yawm") or direction):
        prev = prev_words(text, start, 1)
        if (prev and prev[0] in _NOT_MONDAY_BEFORE) or next_word(text, end) in ("معا", "من", "في"):
            return None
    if anchor is None or not anchor.knows(DAY):
        return Candidate(start, end, "DATE", None)
    if direction == "past":
        mode = "past"
    elif direction == "future":
        mode = "future"
    else:
        mode = "coming" if looks_future(text, start) else "recent"
    day = weekday_near(anchor.date, weekdays()[name], mode)
    if match.group("before_last"):
        day -= timedelta(days=7)
    return Candidate(start, end, "DATE", day.isoformat(), parts={"daypart": match.group("dp")})


def _period(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    unit_word = " ".join((match.group("p1") or match.group("p2") or match.group("p3")).split())
    unit = _PERIOD_UNITS[unit_word]
    if match.group("p1") or match.group("p3"):
        direction = "current"
    else:
        direction = direction_of()[" ".join(match.group("dir").split())]
    start, end = span(match)
    if anchor is None or not anchor.knows(_NEEDS[unit]):
        return Candidate(start, end, "DATE", None)
    step = {"past": -1, "future": 1, "current": 0}[direction]
    if match.group("before_last"):
        step -= 1
    return Candidate(start, end, "DATE", format_at(shift(anchor.date, step, unit), unit))


def _day_of_month(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    """ "26 من الشهر الماضي", "الخامس من الشهر الجاري": a day of a month named relatively."""
    day = int(match.group("dn")) if match.group("dn") else parse_ordinal(" ".join(match.group("do").split()))
    if day is None or not 1 <= day <= 31:
        return None
    start, end = span(match)
    if anchor is None or not anchor.knows(MONTH):
        return Candidate(start, end, "DATE", None)
    direction = direction_of().get(" ".join((match.group("dir") or "").split()), "current")
    month = add_months(anchor.date.replace(day=1), {"past": -1, "future": 1, "current": 0}[direction])
    d = valid_date(month.year, month.month, day)
    return Candidate(start, end, "DATE", d.isoformat()) if d else None


def _part_of_year(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    """ "الربع الثالث من العام الجاري" → 2016-Q3; "النصف الأول من 2020" → 2020-H1."""
    kind = "Q" if match.group("q") in ("الربع", "الفصل") else "H"
    which = match.group("ord")
    number = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}.get(which)
    if which == "الاخير":
        number = 4 if kind == "Q" else 2
    if number is None or (kind == "H" and number > 2):
        return None
    start, end = span(match)
    if match.group("y"):
        year: int | None = int(match.group("y"))
    elif anchor is None:
        year = None
    else:
        step = 0
        if match.group("dir"):
            step = {"past": -1, "future": 1, "current": 0}[
                direction_of()[" ".join(match.group("dir").split())]
            ]
        year = anchor.date.year + step
    value = f"{year:04d}-{kind}{number}" if year is not None else None
    return Candidate(start, end, "DATE", value)


def _season(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    code = words()["seasons"][match.group("s")]
    start, end = span(match)
    if match.group("y"):
        return Candidate(start, end, "DATE", f"{match.group('y')}-{code}")
    if anchor is None or not anchor.knows(MONTH):
        return Candidate(start, end, "DATE", None)
    direction = direction_of()[" ".join(match.group("dir").split())]
    return Candidate(start, end, "DATE", _season_value(anchor.date, code, direction))


def _season_value(anchor: date, code: str, direction: str) -> str:
    """The year of the last season of that name (past), the next one (future) or the current one.

    A season is written with the year it starts in: winter 2020 (``2020-WI``)
    runs from December 2020 to February 2021.
    """
    begin = _SEASON_START[code]
    year = anchor.year if anchor >= date(anchor.year, begin, 1) else anchor.year - 1
    inside = anchor < add_months(date(year, begin, 1), 3)
    if direction == "past":
        year = year - 1 if inside else year
    elif direction == "future" or not inside:
        year += 1
    return f"{year:04d}-{code}"


@cache
def rules() -> tuple[Rule, ...]:
    w = words()
    dayparts = alternation(w["dayparts"])
    rel = alternation(w["relative_days"])
    past, future, current = cue("past"), cue("future"), cue("current")
    dirs = f"{past}|{future}|{current}"
    before_last = r"(?:\s+(?P<before_last>قبل\s+الماضي(?:ه)?))?"
    relative_day = (
        rf"{LEFT}(?P<x>(?:(?P<dp>{dayparts})\s+(?:من\s+)?(?:يوم\s+)?)?(?:يوم\s+)?(?P<rel>{rel}){RIGHT}"
        rf"(?:\s*[,،(]?\s*(?:يوم\s+)?(?P<wd>{weekday_alt()}){RIGHT}\s*\)?)?)"
    )
    weekday = (
        rf"{LEFT}(?P<x>(?:(?P<dp>{dayparts})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<wd>{weekday_alt()}){RIGHT}"
        rf"(?:\s+(?P<dir>{past}|{future}){RIGHT}{before_last})?)"
    )
    units = alternation(_PERIOD_UNITS)
    period = (
        rf"{LEFT}(?P<x>(?:هذا|هذه)\s+(?P<p1>{units}){RIGHT}"
        rf"|(?P<p2>{units})\s+(?P<dir>{dirs}){RIGHT}{before_last}"
        rf"|(?<=(?:{_PERIOD_PARTS})\s+)(?P<p3>العام|الشهر|الاسبوع|السنه){RIGHT}"
        rf"(?!\s+(?:\d|{dirs}|{ordinal()}|الكريم|المبارك|الفضيل|الفضيل|الهجري|الدراسي|المالي){RIGHT}))"
    )
    year_ref = (
        rf"(?:(?:عام|العام|سنه|السنه)\s+)?(?P<y>{YEAR4})"
        rf"|(?:العام|السنه)\s+(?P<dir>{dirs}){RIGHT}|(?:هذا|هذه)\s+(?:العام|السنه)|(?:العام|السنه)"
    )
    part_of_year = (
        rf"{LEFT}(?P<x>(?P<q>الربع|الفصل|النصف)\s+(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)\s+"
        rf"(?:من\s+)?(?:{year_ref})){RIGHT}"
    )
    day_of_month = (
        rf"{LEFT}(?P<x>(?:يوم\s+)?(?:ال)?(?:(?P<dn>[0-3]?\d)(?!\d)|(?P<do>{ordinal()}))\s+من\s+(?:(?:هذا|هذه)\s+)?"
        rf"(?:ال)?شهر(?:\s+(?P<dir>{dirs}))?){RIGHT}"
    )
    seasons = alternation(w["seasons"])
    season = rf"{LEFT}(?P<x>(?P<s>{seasons})\s+(?:(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<y>{YEAR4})|(?P<dir>{dirs}))){RIGHT}"
    return (
        Rule("relative_day", compile_rule(relative_day), _relative_day, keywords(w["relative_days"])),
        Rule("weekday", compile_rule(weekday), _weekday, keywords(weekdays())),
        Rule("period", compile_rule(period), _period, keywords(_PERIOD_UNITS)),
        Rule("part_of_year", compile_rule(part_of_year), _part_of_year, ("الربع", "الفصل", "النصف")),
        Rule("day_of_month", compile_rule(day_of_month), _day_of_month, ("الشهر",)),
        Rule("season", compile_rule(season), _season, keywords(w["seasons"])),
    )
