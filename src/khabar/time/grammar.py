"""Regex fragments shared by the time recognizers, built once from the lexicons.

Recognizers match on the matching form of the text (``normalize(taa=True)``:
hamza seats, ى and ة folded, tashkeel and tatweel dropped, digits ASCII), so a
fragment lists one spelling per word. Every fragment is built on first use and
cached; nothing is compiled at import.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import regex

from khabar.quantities.words import ordinal_pattern
from khabar.text.alternation import trie_alternation
from khabar.text.normalize import lexicon_key
from khabar.time.months import gregorian_months, hijri_months, weekdays, zones

# A match may start after a proclitic ("و2018", "بيونيو", "وفي") but never inside a word.
LEFT = r"(?<!\w)(?:[وفبلك]{1,2}(?=\w))?"
RIGHT = r"(?!\w)"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
# "2018م", "2018 م", "2018 ميلادي", "2018 للميلاد".
AD = r"(?:\s*م(?!\w)|\s+ميلادي(?:ه)?(?!\w)|\s+للميلاد(?!\w))?"
AH = r"\s*(?:ه|هجري(?:ه)?|للهجره)(?!\w)"


def alternation(forms: Any) -> str:
    """Longest-first alternation (as a trie); spaces inside a form match any run of spaces."""
    return trie_alternation(forms, flexible_spaces=True)


@cache
def words() -> dict[str, Any]:
    """``data/time/words.json`` with every form folded."""
    raw = json.loads(resources.files("khabar.data").joinpath("time/words.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            out[key] = {lexicon_key(k): v for k, v in value.items()}
        else:
            out[key] = [lexicon_key(v) for v in value]
    return out


@cache
def months_g() -> str:
    return alternation(gregorian_months())


@cache
def months_h() -> str:
    return alternation(hijri_months())


@cache
def weekday_alt() -> str:
    return alternation(weekdays())


@cache
def ordinal() -> str:
    return ordinal_pattern()


@cache
def zone_alt() -> str:
    return alternation(zones())


def cue(kind: str) -> str:
    """Alternation of the past/future/current adjectives ("الماضي", "المقبل", "الجاري")."""
    return alternation(words()[kind])


@cache
def direction_of() -> dict[str, str]:
    """Folded cue adjective → past | future | current."""
    out = {}
    for kind in ("past", "future", "current"):
        for form in words()[kind]:
            out[form] = kind
    return out


@cache
def double_month(name: str = "m") -> str:
    """One Gregorian month, or two conventions side by side.

    "يونيو/حزيران", "حزيران (يونيو)", "أيار - مايو": groups ``{name}1`` and
    ``{name}2``; the caller checks both name the same month.
    """
    m = months_g()
    return (
        f"(?P<{name}1>{m}){RIGHT}"
        f"(?:\\s*[/\\\\|-]\\s*(?P<{name}2>{m}){RIGHT}|\\s*\\(\\s*(?P<{name}2b>{m})\\s*\\))?"
    )


def month_number(match: regex.Match[str], name: str = "m") -> int | None:
    """The month a :func:`double_month` match names, or None if its two forms disagree."""
    table = gregorian_months()
    first = table[" ".join(match.group(f"{name}1").split())]
    second = match.group(f"{name}2") or match.group(f"{name}2b")
    if second and table[" ".join(second.split())] != first:
        return None
    return first


def keywords(forms: Any) -> tuple[str, ...]:
    """The longest word of each form: a match of the form contains it ("اول من امس" → "امس")."""
    return tuple(sorted({max(form.split(), key=len) for form in forms}))


@cache
def compile_rule(source: str) -> regex.Pattern[str]:
    return regex.compile(source, regex.V0)
