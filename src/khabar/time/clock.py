"""Clock times: "الساعة الخامسة مساءً", "عند الساعة 17:30 بتوقيت غرينتش", "14:30", "منتصف الليل".

The value is TIMEX3 ``T17:30``, with the zone when the text states one whose
offset is fixed ("بتوقيت غرينتش" → ``Z``, "بتوقيت مكة" → ``+03:00``; see
``data/time/zones.tsv``). A clock time next to a day ("مساء أمس عند الساعة
الخامسة") is joined to it later, in :mod:`khabar.time.recognize`.
"""

from __future__ import annotations

from functools import cache

import regex

from khabar.quantities.words import parse_ordinal
from khabar.time.candidates import Candidate, Rule, span
from khabar.time.grammar import LEFT, RIGHT, compile_rule, ordinal, weekday_alt, zone_alt
from khabar.time.months import zones
from khabar.time.resolve import Anchor

_AM = {"صباحا", "صباح", "ص", "فجرا", "فجر", "الفجر", "الصباح", "صبيحه", "am", "AM"}
_PM = {
    "مساء",
    "مساءا",
    "المساء",
    "عصرا",
    "عصر",
    "العصر",
    "م",
    "pm",
    "PM",
    "بعد الظهر",
    "بعد الظهيره",
    "بعد ظهر",
}
_NOON = {"ظهرا", "ظهر", "الظهر", "ظهيره", "الظهيره"}
_NIGHT = {"ليلا", "ليل", "الليل", "ليله"}
_NUMERIC_ZONE = regex.compile(r"([+-])(\d\d):?(\d\d)")
_DAYPARTS = sorted(_AM | _PM | _NOON | _NIGHT, key=len, reverse=True)


def clock_value(
    hour: int, minute: int, seconds: str | None = None, daypart: str | None = None, zone: str | None = None
) -> str | None:
    """TIMEX3 clock value ("T17:30", "T05:00Z"), or None for an impossible time.

    ``daypart`` moves a 12-hour reading into the afternoon ("الخامسة مساءً" → 17)
    and ``zone`` is a written offset or zone phrase.
    """
    if daypart:
        part = " ".join(daypart.split())
        afternoon = (
            (part in _PM and hour < 12)
            or (part in _NOON and hour < 11)
            or (part in _NIGHT and 6 <= hour < 12)
        )
        if afternoon:
            hour += 12
        elif hour == 12 and (part in _NIGHT or part in _AM):
            hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    out = f"T{hour:02d}:{minute:02d}"
    if seconds and int(seconds):
        out += f":{int(seconds):02d}"
    return out + (_zone(zone) or "")


def _zone(zone: str | None) -> str | None:
    if not zone:
        return None
    z = " ".join(zone.split())
    if z in ("Z", "GMT", "UTC"):
        return "Z"
    m = _NUMERIC_ZONE.fullmatch(z)
    if m:
        return "Z" if m.group(2) == "00" and m.group(3) == "00" else f"{m.group(1)}{m.group(2)}:{m.group(3)}"
    return zones().get(z)


def _minutes(match: regex.Match[str]) -> int:
    frac = match.group("frac")
    minutes = int(match.group("mm") or 0)
    if frac:
        if "نصف" in frac:
            minutes += 30
        elif "ربع" in frac:
            minutes += 15
        elif "ثلث" in frac:
            minutes += 20
        elif match.group("fm"):
            minutes += int(match.group("fm"))
    neg = match.group("neg")
    if neg:
        minutes -= 15 if "ربع" in neg else 20 if "ثلث" in neg else int(match.group("nm") or 0)
    return minutes


def _clock(match: regex.Match[str], _anchor: Anchor | None, _text: str) -> Candidate | None:
    if match.group("midnight"):
        start, end = span(match)
        return Candidate(start, end, "TIME", "T24:00", parts={"clock": True})
    has_word = bool(match.group("saa"))
    if match.group("hw"):
        hour = parse_ordinal(" ".join(match.group("hw").split()))
        # "في التاسعة مساءً" needs no "الساعة"; a bare "التاسعة" is any ordinal.
        if hour is None or not (has_word or match.group("dp")) or hour > 12:
            return None
    else:
        hour = int(match.group("hh"))
        # "5 مساء" counts; a bare "5" does not; "14:30" does.
        if not (has_word or match.group("mm") or match.group("dp")):
            return None
        # "ص"/"م" abbreviate a.m./p.m. only after a written clock ("2:30 م"); "5 م" is five metres.
        if match.group("dp") in ("ص", "م") and not match.group("mm"):
            return None
    minutes = _minutes(match)
    if minutes < 0:
        hour, minutes = hour - 1, minutes + 60
    zone = match.group("zone") or match.group("zone2")
    value = clock_value(hour, minutes, None, match.group("dp"), zone)
    if value is None:
        return None
    start, end = span(match)
    parts = {"clock": True, "hour": hour, "minute": minutes, "zone": zone, "daypart": match.group("dp")}
    return Candidate(start, end, "TIME", value, parts=parts)


@cache
def rules() -> tuple[Rule, ...]:
    dayparts = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in _DAYPARTS)
    hour = rf"(?:(?P<hh>[01]?\d|2[0-4])(?::(?P<mm>[0-5]\d))?(?!\d)|(?P<hw>{ordinal()}))"
    frac = (
        r"(?:\s+و\s*(?P<frac>النصف|نصف|الربع|ربع|الثلث|ثلث|(?P<fm>\d{1,2})\s+دقيقه|عشر\s+دقايق|خمس\s+دقايق))"
    )
    neg = r"(?:\s+(?:الا|سوي)\s+(?P<neg>ربعا|ربع|ثلثا|ثلث|(?P<nm>\d{1,2})\s+دقايق))"
    # "الساعة السابعة من مساء أمس": "مساء أمس" is left to the day recognizer, and the
    # two are joined later, so the clock does not swallow the day's daypart.
    day_words = rf"(?:اليوم|امس|الامس|البارحه|غد|الغد|يوم|{weekday_alt()}){RIGHT}"
    part = rf"(?:\s+(?:من\s+)?(?:(?P<dp>{dayparts})){RIGHT}(?!\s+{day_words}))"
    zone = rf"(?:\s+(?:ب|حسب\s+)?(?:ال)?توقيت\s+(?:(?P<zone>{zone_alt()}){RIGHT}|المحلي{RIGHT})|\s*(?P<zone2>GMT|UTC|Z(?!\w)))"
    clock = (
        rf"{LEFT}(?P<x>(?:(?P<saa>(?:ال)?ساعه)\s+(?:ال)?)?{hour}{frac}?{neg}?{part}?{zone}?"
        rf"|(?P<midnight>منتصف\s+(?:ال)?ليل(?:ه)?)){RIGHT}"
    )
    triggers = ("ساعه", ":", "منتصف", *(p for p in _DAYPARTS if len(p) > 2))
    return (Rule("clock", compile_rule(clock), _clock, triggers),)
