"""Years, ranges, decades and centuries.

"عام 2018", "في 2015", "2013-2017", "بين عامي 2014 و2018" (``2014/2018``), "من
5 إلى 10 ديسمبر" (``2020-12-05/2020-12-10``), "التسعينيات" (``199X``),
"ثمانينيات القرن الماضي" (``198X``), "القرن العشرين" (``19XX``). A bare
four-digit number is a year only where a year is expected (after "عام", "في",
"منذ", "حتى", ...); "بلغ عدد الإصابات 2020 إصابة" is a count.
"""

from __future__ import annotations

from functools import cache

import regex

from khabar.quantities.words import parse_ordinal
from khabar.time.candidates import Candidate, Rule, span
from khabar.time.grammar import (
    AD,
    LEFT,
    RIGHT,
    YEAR4,
    alternation,
    compile_rule,
    cue,
    direction_of,
    ordinal,
    words,
)
from khabar.time.resolve import Anchor

_DECADES = {
    "عشرين": 20,
    "ثلاثين": 30,
    "اربعين": 40,
    "خمسين": 50,
    "ستين": 60,
    "سبعين": 70,
    "ثمانين": 80,
    "تسعين": 90,
}
# Every year from 1600 to 2099 starts with one of these.
_YEAR_TRIGGERS = ("16", "17", "18", "19", "20")
# Words after which a bare four-digit number is a year.
_PERCENT_AFTER = regex.compile(r"\s*%")
_YEAR_PREPS = (
    "في|منذ|حتي|قبل|بعد|خلال|مطلع|منتصف|نهايه|بدايه|اواخر|اوايل|اواسط|مستهل|بحلول|ربيع|صيف|خريف|شتاء|"
    "مع|طوال|عقب|اثر|غضون|لعام|ختام|موسم"
)


def _year(match: regex.Match[str], _anchor: Anchor | None, text: str) -> Candidate | None:
    start, end = span(match)
    if not (match.group("yw") or match.group("prep") or match.group("ad").strip()):
        return None
    if _PERCENT_AFTER.match(text[end : end + 3]):
        return None
    year = int(match.group("y"))
    return Candidate(start, end, "DATE", f"{year:04d}", parts={"year": year})


def _year_range(match: regex.Match[str], _anchor: Anchor | None, _text: str) -> Candidate | None:
    first = int(match.group("y1"))
    second_text = match.group("y2")
    second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
    if second <= first or second - first > 200:
        return None
    start, end = span(match)
    return Candidate(start, end, "DATE", f"{first:04d}/{second:04d}")


def _century_base(match: regex.Match[str], anchor: Anchor | None) -> int | None:
    """First year of the century a decade or century expression names (1900 for "القرن العشرين")."""
    if match.group("cdir"):
        if anchor is None:
            return None
        step = {"past": -1, "future": 1, "current": 0}[direction_of()[" ".join(match.group("cdir").split())]]
        return (anchor.date.year // 100 + step) * 100
    if match.group("cord"):
        number = parse_ordinal(" ".join(match.group("cord").split()))
        return (number - 1) * 100 if number else None
    if match.group("cnum"):
        return (int(match.group("cnum")) - 1) * 100
    return None


def _decade(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    decade = _DECADES[match.group("dec")]
    start, end = span(match)
    if match.group("cent"):
        base = _century_base(match, anchor)
        if base is None:
            return Candidate(start, end, "DATE", None)
    elif anchor is not None:
        # The most recent such decade that has begun: "العشرينيات" in 2021 is the 2020s.
        base = (anchor.date.year // 100) * 100
        if base + decade > anchor.date.year:
            base -= 100
    else:
        base = 1900
    return Candidate(start, end, "DATE", f"{(base + decade) // 10:03d}X")


def _century(match: regex.Match[str], anchor: Anchor | None, _text: str) -> Candidate | None:
    if match.group("hijri"):
        start, end = span(match)
        return Candidate(start, end, "DATE", None)
    base = _century_base(match, anchor)
    start, end = span(match)
    if base is None:
        return Candidate(start, end, "DATE", None) if match.group("cdir") else None
    return Candidate(start, end, "DATE", f"{base // 100:02d}XX")


@cache
def rules() -> tuple[Rule, ...]:
    dirs = "|".join((cue("past"), cue("future"), cue("current")))
    mods = alternation(words()["mods"])
    year = (
        rf"{LEFT}(?:(?P<prep>{_YEAR_PREPS}|{mods})\s+)?(?P<x>(?:(?P<yw>عام|العام|سنه|السنه|عامي|سنتي)\s+)?"
        rf"(?P<y>{YEAR4})(?P<ad>{AD}))(?!\w|[.,/\-]\d)"
    )
    span_words = r"(?:عامي|العامين|الاعوام|السنوات|سنوات|اعوام|الفتره|الموسم|موسم)"
    year_range = (
        rf"{LEFT}(?P<x>(?:(?:ما\s+)?بين\s+)?(?:{span_words}\s+)?(?<![\d/])(?P<y1>{YEAR4})\s*[-–—]\s*(?P<y2>{YEAR4}|\d\d)"
        rf"|(?:ما\s+)?بين\s+(?:(?:عامي|عام|العام|سنتي|سنه)\s+)?(?P<y1>{YEAR4})\s+و\s*(?:(?:عام|العام|سنه)\s+)?(?P<y2>{YEAR4})"
        rf"|من\s+(?:(?:عام|العام|سنه)\s+)?(?P<y1>{YEAR4})\s+(?:الي|حتي|ل)\s*(?:(?:عام|العام|سنه)\s+)?(?P<y2>{YEAR4})"
        rf")(?!\w|[-/]\d)"
    )
    century_ref = (
        rf"القرن\s+(?:(?P<cdir>{dirs}){RIGHT}|(?P<cord>{ordinal()})|(?:ال)?(?P<cnum>\d{{1,2}})(?!\d))"
        rf"(?:\s+(?:الميلادي|للميلاد|(?P<hijri>الهجري|للهجره))(?!\w))?"
    )
    decade = (
        rf"{LEFT}(?P<x>(?:عقد\s+)?(?:ال)?(?P<dec>{'|'.join(_DECADES)})(?:ي)?ات"
        rf"(?:\s+(?:من\s+)?(?P<cent>{century_ref}))?){RIGHT}"
    )
    century = rf"{LEFT}(?P<x>{century_ref}){RIGHT}"
    return (
        Rule("year", compile_rule(year), _year, _YEAR_TRIGGERS),
        Rule("year_range", compile_rule(year_range), _year_range, _YEAR_TRIGGERS),
        Rule(
            "decade",
            compile_rule(decade),
            _decade,
            tuple(d + suffix for d in _DECADES for suffix in ("يات", "ات")),
        ),
        Rule("century", compile_rule(century), _century, ("القرن",)),
    )
