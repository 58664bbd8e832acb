"""Vague time expressions and recurring ones.

"في الآونة الأخيرة", "مؤخراً", "حالياً", "خلال الأيام الماضية", "منذ سنوات",
"قبل أيام" are found and typed but have no value (None): no date can honestly be
given. Sets ("يومياً", "كل أسبوع", "سنوياً") get a TIMEX3 period (``P1D``).
A dual ("خلال الأسبوعين الماضيين") is not vague: it is ``P2W``.
"""

from __future__ import annotations

from functools import cache

import regex

from khabar.time.candidates import Candidate, Rule, span
from khabar.time.grammar import LEFT, RIGHT, alternation, compile_rule, keywords, words
from khabar.time.offsets import duration_value

# Plural after منذ/خلال/طوال is a stretch of time; after قبل/بعد a point.
_POINT_PREPS = {"قبل", "بعد"}


def _phrase(match: regex.Match[str], _anchor: object, _text: str) -> Candidate | None:
    start, end = span(match)
    kind = words()["vague_phrases"][" ".join(match.group("x").split())]
    return Candidate(start, end, kind, None)


def _stretch(match: regex.Match[str], _anchor: object, _text: str) -> Candidate | None:
    """ "خلال الأيام الماضية" (vague) and "خلال الأسبوعين الماضيين" (P2W)."""
    start, end = span(match)
    plural = " ".join(match.group("pl").split())
    code = words()["units"].get(plural[2:])
    if code and code.endswith("2"):
        return Candidate(start, end, "DURATION", duration_value(2, code[:-1]))
    return Candidate(start, end, "DURATION", None)


def _bare_plural(match: regex.Match[str], _anchor: object, _text: str) -> Candidate | None:
    """ "منذ سنوات", "قبل أيام", "لسنوات طويلة"."""
    start, end = span(match)
    prep = match.group("prep") or "ل"
    return Candidate(start, end, "DATE" if prep in _POINT_PREPS else "DURATION", None)


def _set(match: regex.Match[str], _anchor: object, _text: str) -> Candidate | None:
    start, end = span(match)
    return Candidate(start, end, "SET", words()["sets"][" ".join(match.group("x").split())])


@cache
def rules() -> tuple[Rule, ...]:
    w = words()
    phrases = rf"{LEFT}(?P<x>{alternation(w['vague_phrases'])}){RIGHT}"
    stretch = (
        rf"{LEFT}(?P<x>(?:(?:{alternation(w['vague_preps'])})\s+)?(?P<pl>{alternation(w['vague_plural_units'])})"
        rf"\s+(?:{alternation(w['vague_adjectives'])})){RIGHT}"
    )
    plurals = alternation(w["vague_bare_plurals"])
    adjectives = r"(?:\s+(?:طويله|قليله|عديده|عده|كثيره|معدوده|قليلة)(?!\w))?"
    bare = (
        rf"(?<!\w)(?:[وف](?=\w))?(?P<x>(?:(?P<prep>منذ|قبل|بعد|خلال|طوال|لعده)\s+|ل(?=\w))"
        rf"(?P<pl>{plurals}){RIGHT}{adjectives})"
    )
    sets = rf"{LEFT}(?P<x>{alternation(w['sets'])}){RIGHT}"
    return (
        Rule("vague", compile_rule(phrases), _phrase, keywords(w["vague_phrases"])),
        Rule("vague_stretch", compile_rule(stretch), _stretch, keywords(w["vague_plural_units"])),
        Rule("vague_plural", compile_rule(bare), _bare_plural, keywords(w["vague_bare_plurals"])),
        Rule("set", compile_rule(sets), _set, keywords(w["sets"])),
    )
