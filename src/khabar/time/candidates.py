"""Candidate time expressions and how overlapping ones are chosen.

Each recognizer proposes :class:`Candidate` spans on the matching form of the
text; :func:`select` keeps the longest non-overlapping ones, so "بين عامي 2014
و2018" wins over the "2014" inside it, and "06 أكتوبر 2020" over "أكتوبر 2020".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from khabar.time.resolve import Anchor


@dataclass(slots=True)
class Candidate:
    """A time expression found in the matching form, offsets into that form.

    ``parts`` keeps what the expression said explicitly (year, month, day, ...)
    so that later steps can merge neighbours: "من 5 إلى 10 أكتوبر" borrows the
    month of its end, a clock time joins the day before it.
    """

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    hijri: str | None = None
    rule: str = ""
    parts: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[regex.Match[str], Anchor | None, str], Candidate | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the handler that turns its match into a candidate (or rejects it).

    The pattern's group ``x`` (if any) is the expression's span; text around it
    (a preposition that licenses a bare month) is context only.
    """

    name: str
    pattern: regex.Pattern[str]
    handler: Handler
    # Substrings (matching form) of which every match contains at least one; the
    # rule only runs on sentences holding one. Empty: run everywhere.
    triggers: tuple[str, ...] = ()


def run(rules: Iterable[Rule], folded: str, anchor: Anchor | None) -> list[Candidate]:
    """Every candidate of every rule over the whole of ``folded`` (short texts: date lines)."""
    out: list[Candidate] = []
    for rule in rules:
        for match in rule.pattern.finditer(folded):
            found = apply(rule, match, anchor, folded)
            if found is not None:
                found.rule = found.rule or rule.name
                out.append(found)
    return out


def apply(rule: Rule, match: regex.Match[str], anchor: Anchor | None, folded: str) -> Candidate | None:
    """Run one rule's handler; an anchor near the ends of the calendar (0001-01-01 is a
    common "no date" placeholder in exported data) cannot be shifted, so the
    expression is kept with no value rather than crashing the article."""
    try:
        return rule.handler(match, anchor, folded)
    except OverflowError:
        start, end = span(match)
        return Candidate(start, end, "DATE", None)


def span(match: regex.Match[str]) -> tuple[int, int]:
    """The span of group ``x`` when the pattern marks one (context matched but not kept), else the match."""
    if "x" in match.re.groupindex and match.start("x") >= 0:
        return match.start("x"), match.end("x")
    return match.start(), match.end()


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest; drop any candidate overlapping a kept one."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if cand.end <= cand.start:
            continue
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        kept.append(cand)
        taken.append((cand.start, cand.end))
    kept.sort(key=lambda c: c.start)
    return kept
