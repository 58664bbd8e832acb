"""Offsets and durations: "قبل ثلاثة أيام", "بعد أسبوعين", "منذ شهرين", "لمدة عامين", "72 ساعة".

An offset from the publication date is a DATE at the granularity of its unit:
"قبل ثلاثة أيام" → the day, "قبل أسبوع" → the ISO week, "منذ شهرين" → the month
(mod START: Arabic "منذ" + a length reads "for/since ... ago"), "قبل عامين" →
the year. When the length is measured from another event ("بعد ثلاثة أيام من
الهجوم") it is a DURATION, since the event's date is not known here. A length
alone or after "خلال/لمدة/طوال" is a DURATION (``P3D``, ``P2W``, ``PT72H``).
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import regex

from khabar.quantities.words import cardinal_pattern, parse_cardinal
from khabar.time.candidates import Candidate, Rule, span
from khabar.time.grammar import LEFT, RIGHT, alternation, compile_rule, cue, keywords, words
from khabar.time.resolve import DAY, MONTH, YEAR, Anchor, format_at, shift

_AGO = {"قبل": -1, "منذ": -1, "بعد": 1}
_NEEDS = {"D": DAY, "W": DAY, "M": MONTH, "Y": YEAR, "DE": YEAR, "CE": YEAR, "H": DAY, "MIN": DAY}
# "بعد ثلاثة أيام من الآن" is still measured from now.
_FROM_NOW = regex.compile(r"\s+من\s+(?:الان|اليوم|الحين|الساعه)(?!\w)")
_FROM_EVENT = regex.compile(r"\s+(?:من|علي)\s+\w")
# Compiled once here: regex's module-level functions look patterns up in a 500-entry
# cache that the other stages' patterns keep evicting, so each call there recompiled.
_DECIMAL = regex.compile(r"\d+(?:[.,]\d+)?")
_YEAR_AFTER = regex.compile(r"\s*\d")
_PLURALS = {"ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "عقود", "قرون", "ساعات", "دقايق"}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}


def duration_value(amount: float, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, P1.5Y, P2DE, PT72H, PT30M."""
    if unit in ("DE", "CE") and not float(amount).is_integer():
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    number = int(amount) if float(amount).is_integer() else amount
    if unit == "H":
        return f"PT{number}H"
    if unit == "MIN":
        return f"PT{number}M"
    return f"P{number}{unit}"


def _amount(match: regex.Match[str], unit_code: str) -> float | None:
    """How many units: the written number, 2 for a dual ("يومين"), 1 for a lone singular ("قبل يوم")."""
    num = match.group("num")
    if unit_code.endswith("2"):
        return None if num else 2.0
    if num is None:
        return None if " ".join(match.group("unit").split()) in _PLURALS else 1.0
    num = " ".join(num.split())
    if num in _FRACTIONS:
        return _FRACTIONS[num]
    if _DECIMAL.fullmatch(num):
        return float(num.replace(",", "."))
    return parse_cardinal(num[2:] if num.startswith("ال") else num)


def _offset(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    unit_word = " ".join(match.group("unit").split())
    code = words()["units"][unit_word]
    amount = _amount(match, code)
    if amount is None or amount <= 0:
        return None
    if match.group("half"):
        amount += _FRACTIONS[match.group("half")]
    unit = code.rstrip("2")
    prep = " ".join((match.group("prep") or "").split())
    start, end = span(match)
    after = "" if match.group("now") else text[end : end + 30]
    # "منذ عام 2010", "قبل سنة 2000", "ملايين عام 1980": the unit word introduces a year.
    if code in ("Y", "M", "D") and _YEAR_AFTER.match(after):
        return None
    from_event = prep in ("قبل", "بعد") and _FROM_EVENT.match(after) and not _FROM_NOW.match(after)
    if prep not in _AGO or from_event:
        if not prep and not match.group("num") and (not code.endswith("2") or unit == "DE"):
            return None  # a lone "يوم" is not a duration, nor "عقدين" (two contracts?) alone
        return Candidate(start, end, "DURATION", duration_value(amount, unit), parts={"amount": amount})
    mod = "START" if prep == "منذ" else None
    if unit == "Y" and not float(amount).is_integer() and float(amount * 12).is_integer():
        amount, unit = amount * 12, "M"  # "بعد عام ونصف" is eighteen months on
    if anchor is None or not anchor.knows(_NEEDS[unit]) or not float(amount).is_integer():
        return Candidate(start, end, "DATE", None, mod=mod)
    step = _AGO[prep] * int(amount)
    if unit in ("H", "MIN"):
        hours = step if unit == "H" else step / 60
        day = anchor.date + timedelta(days=int(hours / 24))
        return Candidate(start, end, "DATE", day.isoformat(), mod=mod)
    value = format_at(shift(anchor.date, step, unit), unit if unit not in ("DE", "CE") else "Y")
    return Candidate(start, end, "DATE", value, mod=mod)


def _definite(match: regex.Match[str], _anchor: Anchor | None, _text: str) -> Candidate | None:
    """ "خلال الأيام الثلاثة الماضية", "الـ48 ساعة الماضية": the last N units, a duration."""
    unit_word = " ".join(match.group("unit").split())
    code = words()["units"].get(unit_word[2:] if unit_word.startswith("ال") else unit_word)
    if code is None:
        return None
    amount = _amount(match, code)
    if amount is None:
        return None
    start, end = span(match)
    return Candidate(start, end, "DURATION", duration_value(amount, code.rstrip("2")))


@cache
def rules() -> tuple[Rule, ...]:
    w = words()
    units = alternation(w["units"])
    definite_units = alternation(["ال" + u for u in w["units"]])
    number = rf"(?:\d+(?:[.,]\d+)?|{cardinal_pattern()}|نصف|ربع)"
    preps = r"قبل|بعد|منذ|خلال|لمده|مده|مدتها|مدته|طوال|طيله|علي\s+مدي|علي\s+مدار|في\s+غضون"
    # Only و/ف are stripped before the span: "لمدة" and "بعد" start with what looks
    # like a clitic, and "لثلاثة أيام" keeps its ل inside the span.
    offset = (
        rf"(?<!\w)(?:[وف](?=\w))?(?P<x>(?:(?P<prep>{preps})\s+|[لب](?=\w))?(?:(?P<num>{number})\s*)?"
        rf"(?P<unit>{units}){RIGHT}(?:\s+و\s*(?P<half>نصف|ربع){RIGHT})?(?P<now>\s+من\s+(?:الان|الحين){RIGHT})?)"
    )
    adjectives = "|".join(
        (
            cue("past"),
            cue("future"),
            alternation(["الاخيره", "الاخير", "الاخيرين", "الماضيين", "المقبلين", "القادمين"]),
        )
    )
    definite = (
        rf"{LEFT}(?P<x>(?:(?:{preps})\s+)?(?:(?P<unit>{definite_units})\s+(?:ال)?(?P<num>{number})"
        rf"|ال(?P<num2>\d+)\s*(?P<unit2>{units}))\s+(?:{adjectives})){RIGHT}"
    )
    return (
        Rule("offset", compile_rule(offset), _offset, keywords(w["units"])),
        Rule("duration_definite", compile_rule(definite), _definite_or_digits, keywords(w["units"])),
    )


def _definite_or_digits(match: regex.Match[str], anchor: Anchor | None, text: str) -> Candidate | None:
    if match.group("unit2"):
        code = words()["units"][" ".join(match.group("unit2").split())]
        start, end = span(match)
        return Candidate(start, end, "DURATION", duration_value(float(match.group("num2")), code.rstrip("2")))
    return _definite(match, anchor, text)
