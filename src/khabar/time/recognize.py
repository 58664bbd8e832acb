"""Find and resolve every time expression in a text.

All recognizers run over the matching form of the text (one folded copy, one
pass per compiled pattern); :func:`~khabar.time.candidates.select` keeps the
longest non-overlapping candidates; then three joins that need neighbours:
ranges ("من 5 إلى 10 ديسمبر", "من مارس إلى يونيو 2018"), clock + day ("الساعة
السابعة من مساء أمس" → ``2022-05-31T19:00``) and modifiers before an expression
("منذ", "مطلع", "أواخر", "قبل", "نحو" → ``mod``). Offsets are mapped back to the
original text at the end.
"""

from __future__ import annotations

import bisect
from functools import cache, lru_cache
from typing import Any

import regex

from khabar.model import TimeExpr
from khabar.text.normalize import normalize_with_offsets_if_moved
from khabar.time import absolute, clock, offsets, ranges, relative, vague
from khabar.time.candidates import Candidate, Rule, apply, select
from khabar.time.clock import clock_value
from khabar.time.grammar import alternation, months_g, words
from khabar.time.months import gregorian_months
from khabar.time.resolve import Anchor, parse_anchor, valid_date

_PROCLITICS = regex.compile(r"[وف]?[بلك]?(?:ال)?|[وف]?لل")
_SENTENCE_END = regex.compile(r"[.!؟?]+(?=\s)|\n+")
_RANGE_JOIN = regex.compile(r"\s*(?:الي|حتي|و|-|–)\s*")
_OPENER = regex.compile(r"(?<!\w)(?:ما\s+)?(?:من|بين)\s+(?:(?:يوم|شهر|عام|العام|عامي)\s+)?$")
_CLOCK_GAP = regex.compile(r"\s*(?:[,،]\s*)?(?:(?:من|في|يوم|عند|من\s+يوم|ليوم)\s+)?")


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every recognizer, in priority order (earlier wins a tie on length)."""
    return (
        *absolute.rules(),
        *ranges.rules(),
        *relative.rules(),
        *offsets.rules(),
        *clock.rules(),
        *vague.rules(),
    )


@lru_cache(maxsize=4)
def fold(text: str) -> tuple[str, list[int] | None]:
    """The matching form and its offset map (None when offsets are unchanged, the common case).

    Cached for the few latest texts: the time and quantity stages both fold the
    same article text. The offset list is shared, so callers must not change it.
    """
    return normalize_with_offsets_if_moved(text, taa=True)


def find_times(text: str, published: str | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved against ``published`` (ISO) when given.

    ``find_times("قتل ثلاثة أشخاص أمس", "2020-10-06")`` → one DATE ``2020-10-05``.
    Relative expressions get value None without ``published``.
    """
    folded, offs = fold(text)
    anchor = parse_anchor(published)
    found = candidates(folded, anchor)
    out = []
    for c in found:
        start = offs[c.start] if offs is not None else c.start
        end = offs[c.end] if offs is not None else c.end
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(TimeExpr(start, end, text[start:end], c.type, c.value, c.mod, c.hijri))
    return out


def candidates(folded: str, anchor: Anchor | None) -> list[Candidate]:
    """Selected, joined and modified candidates over the matching form."""
    found: list[Candidate] = []
    for rule, windows in _windows(folded):
        for start, end in windows:
            for match in rule.pattern.finditer(folded, start, end):
                cand = apply(rule, match, anchor, folded)
                if cand is not None:
                    cand.rule = cand.rule or rule.name
                    found.append(cand)
    kept = select(found)
    kept = _join_ranges(kept, folded, anchor)
    kept = _join_clocks(kept, folded)
    return [_with_mod(c, folded) for c in kept]


@cache
def _trigger_index() -> Any:
    """One Aho-Corasick automaton over every rule's triggers: trigger → indices of the rules it wakes."""
    import ahocorasick

    wakes: dict[str, set[int]] = {}
    for i, rule in enumerate(all_rules()):
        for trigger in rule.triggers:
            wakes.setdefault(trigger, set()).add(i)
    automaton = ahocorasick.Automaton()
    for trigger, ids in wakes.items():
        automaton.add_word(trigger, (trigger, tuple(sorted(ids))))
    automaton.make_automaton()
    return automaton


def _whole_word(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` is a word, possibly after proclitics ("والساعه", "بالامس")."""
    if end < len(folded) and folded[end].isalpha():
        return False
    begin = start
    while begin > 0 and folded[begin - 1].isalpha():
        begin -= 1
    return _PROCLITICS.fullmatch(folded[begin:start]) is not None


def _windows(folded: str) -> list[tuple[Rule, list[tuple[int, int]]]]:
    """Each rule with the stretches of text it must scan.

    Sentences (split at ". ", "!", "؟", newlines) are scanned by a rule only if
    they hold one of its triggers: most sentences hold no month name, no
    weekday, no clock word, and scanning them with every pattern was most of
    the stage's time. Rules without triggers scan the whole text.
    """
    bounds = [m.end() for m in _SENTENCE_END.finditer(folded)]
    starts = [0, *bounds]
    woken: dict[int, set[int]] = {}
    for end, (trigger, ids) in _trigger_index().iter(folded):
        if trigger[0].isalpha() and not _whole_word(folded, end + 1 - len(trigger), end + 1):
            continue
        sentence = bisect.bisect_right(bounds, end)
        for i in ids:
            woken.setdefault(i, set()).add(sentence)
    out = []
    for i, rule in enumerate(all_rules()):
        if not rule.triggers:
            out.append((rule, [(0, len(folded))]))
            continue
        spans: list[tuple[int, int]] = []
        for s in sorted(woken.get(i, ())):
            begin = starts[s]
            stop = bounds[s] if s < len(bounds) else len(folded)
            if spans and spans[-1][1] == begin:
                spans[-1] = (spans[-1][0], stop)
            else:
                spans.append((begin, stop))
        if spans:
            out.append((rule, spans))
    return out


def _is_point(c: Candidate) -> bool:
    return c.type == "DATE" and c.value is not None and "/" not in c.value and not c.value.startswith("P")


def _join_ranges(kept: list[Candidate], folded: str, anchor: Anchor | None) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(kept):
        c = kept[i]
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        opener = _opener(folded, c.start)
        if (
            nxt is not None
            and opener is not None
            and _is_point(c)
            and _is_point(nxt)
            and _RANGE_JOIN.fullmatch(folded[c.end : nxt.start])
        ):
            first = _borrow_year(c, nxt, anchor)
            out.append(Candidate(opener, nxt.end, "DATE", f"{first}/{nxt.value}", rule="range"))
            i += 2
            continue
        partial = _partial_start(c, folded, anchor) if _is_point(c) else None
        out.append(partial or c)
        i += 1
    return out


def _opener(folded: str, pos: int) -> int | None:
    """Start of "من"/"بين"/"ما بين" right before ``pos``, if any."""
    m = _OPENER.search(folded[max(0, pos - 30) : pos])
    return pos - (len(folded[max(0, pos - 30) : pos]) - m.start()) if m else None


def _borrow_year(first: Candidate, second: Candidate, anchor: Anchor | None) -> str:
    """ "من 5 أكتوبر إلى 10 نوفمبر 2020": the start takes the end's year when it has none of its own."""
    value = first.value or ""
    parts, other = first.parts, second.parts
    if "year" in parts or "year" not in other or "month" not in parts:
        return value
    year = int(other["year"])
    if "day" in parts:
        d = valid_date(year, int(parts["month"]), int(parts["day"]))
        return d.isoformat() if d else value
    return f"{year:04d}-{int(parts['month']):02d}"


@cache
def _partial_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<!\w)(?:ما\s+)?(?:من|بين)\s+(?:(?:يوم|شهر)\s+)?"
        rf"(?:(?P<d>[0-3]?\d)|(?P<m>{months_g()})(?:\s*/\s*(?:{months_g()}))?)\s*(?:الي|حتي|و|-|–)\s*$"
    )


def _partial_start(c: Candidate, folded: str, anchor: Anchor | None) -> Candidate | None:
    """ "من 5 إلى 10 ديسمبر" and "من مارس إلى يونيو 2018": a start that is only a day or a month."""
    window = folded[max(0, c.start - 60) : c.start]
    m = _partial_pattern().search(window)
    if not m or c.value is None:
        return None
    begin = c.start - (len(window) - m.start())
    if m.group("d") and len(c.value) == 10:
        # Without an anchor the end has no year ("XXXX-12-10"); the start shares it.
        year = int(c.value[:4]) if c.value[:4].isdigit() else 2000  # a leap year, to check the day only
        d = valid_date(year, int(c.value[5:7]), int(m.group("d")))
        if d is None or d.isoformat()[4:] >= c.value[4:]:
            return None
        return Candidate(begin, c.end, "DATE", f"{c.value[:4]}{d.isoformat()[4:]}/{c.value}", rule="range")
    if m.group("m") and len(c.value) == 7 and c.value[:4].isdigit():
        month = gregorian_months()[" ".join(m.group("m").split())]
        year = int(c.value[:4])
        if month > int(c.value[5:7]) and anchor is not None:
            year -= 1
        return Candidate(begin, c.end, "DATE", f"{year:04d}-{month:02d}/{c.value}", rule="range")
    return None


def _join_clocks(kept: list[Candidate], folded: str) -> list[Candidate]:
    """A clock time next to a day ("مساء أمس الساعة السابعة") becomes one date-time."""
    out: list[Candidate] = []
    i = 0
    while i < len(kept):
        c = kept[i]
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and _CLOCK_GAP.fullmatch(folded[c.end : nxt.start]):
            pair = (c, nxt) if c.parts.get("clock") else (nxt, c)
            tick, day = pair
            if tick.parts.get("clock") and _is_point(day) and len(day.value or "") == 10 and tick.value:
                value = tick.value
                if not tick.parts.get("daypart") and day.parts.get("daypart") and "hour" in tick.parts:
                    value = (
                        clock_value(
                            int(tick.parts["hour"]),
                            int(tick.parts["minute"]),
                            None,
                            day.parts["daypart"],
                            tick.parts["zone"],
                        )
                        or value
                    )
                if value != "T24:00":
                    out.append(Candidate(c.start, nxt.end, "TIME", f"{day.value}{value}", rule="datetime"))
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


@cache
def _mod_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)[وف]?(?P<m>{alternation(words()['mods'])})\s+(?:من\s+)?$")


def _with_mod(c: Candidate, folded: str) -> Candidate:
    """Take in "منذ", "مطلع", "أواخر", "قبل", "نحو" ... written before the expression."""
    if c.rule in ("vague", "vague_stretch", "vague_plural", "set", "offset"):
        return c
    table = words()["mods"]
    for _ in range(2):
        window = folded[max(0, c.start - 20) : c.start]
        m = _mod_pattern().search(window)
        if not m:
            break
        mod = table[m.group("m")]
        if c.type == "DURATION" and mod != "APPROX":
            break
        c.start -= len(window) - m.start("m")
        c.mod = c.mod or mod
    return c
