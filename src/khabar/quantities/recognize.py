"""Find the quantities of a text: counts, percentages, fractions, ranks and money.

Each is a :class:`~khabar.model.Quantity` with offsets into the text:

- counts in digits or words, with scales: "300", "ثلاثة آلاف", "مليون ونصف",
  "2.5 مليار"; plurals of a scale ("عشرات", "مئات الآلاف") have the scale as
  value (an order of magnitude: عشرات → 10) and are marked ``approx``;
- percentages, unit ``percent``: "13%", "15 بالمئة", "خمسة في المائة";
- fractions, unit ``fraction``: "نصف" 0.5, "ثلث" 0.3333, "ثلثي" 0.6667, "ربع"
  0.25, "ثلاثة أرباع" 0.75 ("نصف مليون" is a count, 500000);
- ranks, unit ``rank``: "ثاني دولة" (2), "المركز الأول" (1), "الحادي عشر" (11);
- money, unit an ISO 4217 code: "2.5 مليار دولار" (USD), "500 ريال قطري" (QAR).

``counts`` is the noun next to the number: the word after a count or a
fraction ("ثلاثة آلاف جندي" → "جندي", "ثلثي نفطها" → "نفطها"), the noun after
"من" for a percentage ("13% من إجمالي الصادرات" → "الصادرات"), the noun before a
definite ordinal ("المركز الثاني" → "المركز") or after a construct one
("ثاني دولة" → "دولة").

Not quantities, by decision: numbers inside a time expression (the year of
"عام 2018", the "ثلاثة" of "قبل ثلاثة أيام": the time layer has them),
numbers glued to Latin letters or a hyphen (model names "M21", "F-16",
"كوفيد-19"), and labels ("القرار رقم 2254", "المادة 5").
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex

from khabar.model import Quantity, TimeExpr
from khabar.quantities.money import SYMBOLS, currencies, head, resolve
from khabar.quantities.numbers import DIGITS, parse_digits
from khabar.quantities.words import (
    cardinal_pattern,
    cardinal_words,
    is_vague,
    ordinal_pattern,
    parse_cardinal,
    parse_ordinal,
)
from khabar.text.normalize import lexicon_key
from khabar.time.grammar import alternation
from khabar.time.recognize import fold

_LEFT = r"(?<!\w)(?:[وفبلك]{1,2}(?=\w))?"
_RIGHT = r"(?!\w)"
# The next word on the same line (a counted noun never sits across a paragraph break).
_WORD = regex.compile(r"[ \t\u00a0]*[«\"(]?[ \t\u00a0]*([^\W\d_][\w]*)")
_SKIP_TOTAL = {"اجمالي", "مجموع", "مجمل", "كامل"}
# Ordinal words that only start a compound ("الحادي عشر", "الواحد والعشرين").
_COMPOUND_ONLY = {"حادي", "الحادي", "حاديه", "الحاديه", "واحد", "الواحد", "واحده", "الواحده"}
_NOT_RANKED = {"اكسيد"}
_DUAL_CONSTRUCT = {"الفا", "مليونا", "مليارا"}
_YEARLIKE = regex.compile(r"1[89]\d\d|20\d\d")
# Compiled once here: regex's module-level functions look patterns up in a 500-entry
# cache that the other stages' patterns keep evicting, so each call there recompiled.
_MIN = regex.compile(r"\s*من\s+")
_LABEL_BEFORE = regex.compile(r"(\w+)\s*:?\s*$")
_WORD_BEFORE = regex.compile(r"(\w+)\s+$")
_DEFINITE = regex.compile(r"(?:[وفبلك]{0,2}ال|لل)\w{2,}")
_PREPOSED = regex.compile(r"(?:[وف]?(?:بال|لل|كال)|[وف]ال)\w")  # "ثاني أكسيد الكربون" is carbon dioxide


def _lines(name: str) -> list[str]:
    text = resources.files("khabar.data").joinpath(f"quantities/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _percent_words() -> tuple[str, ...]:
    return tuple(lexicon_key(x) for x in _lines("percent.txt"))


@cache
def _fractions() -> dict[str, float]:
    return {lexicon_key(f): float(v) for f, v in (line.split("\t") for line in _lines("fractions.tsv"))}


@cache
def _not_counted() -> frozenset[str]:
    return frozenset(lexicon_key(x) for x in _lines("not_counted.txt"))


@cache
def _labels() -> frozenset[str]:
    return frozenset(lexicon_key(x) for x in _lines("not_quantities.txt"))


@cache
def _pattern() -> regex.Pattern[str]:
    scales = alternation([w for w, (kind, _) in cardinal_words().items() if kind == "scale"])
    percent = alternation(_percent_words())
    money = alternation(currencies())
    symbol = "|".join(regex.escape(s) for s in SYMBOLS)
    fractions = alternation(_fractions())
    number = (
        rf"(?:(?P<sym>{symbol})\s*)?(?:(?P<d>{DIGITS})(?:\s*(?P<sc>{scales}){_RIGHT})?"
        rf"|(?P<w>{cardinal_pattern()}){_RIGHT})"
    )
    tail = rf"(?:\s*(?P<pct>{percent})(?!\w)|\s*(?:من\s+)?(?P<cur>{money}){_RIGHT})?"
    # Fractions first: "ثلاثة أرباع" must not stop at the count "ثلاثة".
    return regex.compile(
        rf"{_LEFT}(?P<x>(?P<frac>{fractions}){_RIGHT}(?:\s+(?P<fsc>{scales}){_RIGHT})?(?:\s*(?P<fpct>{percent})(?!\w))?"
        rf"|{number}{tail}"
        rf"|(?P<ord>{ordinal_pattern()}){_RIGHT})"
    )


def find_quantities(text: str, times: Iterable[TimeExpr] = ()) -> list[Quantity]:
    """Every quantity in ``text`` that is not part of one of ``times`` (see the module docstring).

    ``find_quantities("صدّرت 13% من إجمالي الصادرات")`` → one Quantity, value 13,
    unit ``percent``, counts ``الصادرات``.
    """
    folded, offsets = fold(text)
    taken = [(t.start, t.end) for t in times]
    qualified = _qualified_currencies(folded)
    out: list[Quantity] = []
    for match in _pattern().finditer(folded):
        found = _quantity(match, folded, qualified)
        if found is None:
            continue
        fs, fe, value, unit, word = found
        if not math.isfinite(value):
            # Hundreds of digits (a phone or ID number run together) overflow a float;
            # they are not a quantity anyone reads, and inf is not valid JSON.
            continue
        start, end = _back(offsets, fs), _back(offsets, fe)
        if any(start < e and s < end for s, e in taken) or _glued(text, start, end):
            continue
        counts = text[_back(offsets, word[0]) : _back(offsets, word[1])] if word else None
        approx = bool(match.group("w") and is_vague(match.group("w"))) or _hedged(folded, fs, fe)
        out.append(Quantity(start, end, text[start:end], round(value, 4), unit, counts, approx))
    return out


@cache
def _hedges() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Estimate words before a number ("نحو", "ما يقارب") and after it ("تقريبا")."""
    before = [lexicon_key(x) for x in _lines("hedges.txt") if not x.startswith("+")]
    after = [lexicon_key(x[1:]) for x in _lines("hedges.txt") if x.startswith("+")]
    return (
        regex.compile(rf"(?<!\w)[وب]?(?:{alternation(before)})\s*$"),
        regex.compile(rf"^\s*(?:{alternation(after)})(?!\w)"),
    )


def _hedged(folded: str, start: int, end: int) -> bool:
    """True when an estimate word sits next to the quantity: "بنحو 5%", "ألف شخص تقريبا"."""
    before, after = _hedges()
    if before.search(folded[max(0, start - 16) : start]):
        return True
    # "تقريبا" may follow the counted noun: "5 ملايين نسمة تقريبا".
    nxt = _next_word(folded, end)
    return any(after.match(folded[pos : pos + 12]) for pos in (end, nxt[2] if nxt else end))


def _back(offsets: list[int] | None, pos: int) -> int:
    return offsets[pos] if offsets is not None else pos


def _qualified_currencies(folded: str) -> dict[str, str]:
    """Bare currency word → code, from qualified mentions in this text ("ريال قطري" → ريال: QAR)."""
    out: dict[str, str] = {}
    for form, (code, bare) in currencies().items():
        if not bare and " " in form and form in folded:
            out.setdefault(head(form), code)
    return out


def _glued(text: str, start: int, end: int) -> bool:
    """Numbers that are part of a name: "M21", "F-16", "كوفيد-19", "5G"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


Word = tuple[int, int] | None  # a span of the matching form
Found = tuple[int, int, float, str | None, Word]


def _next_word(folded: str, pos: int) -> tuple[str, int, int] | None:
    m = _WORD.match(folded, pos)
    return (m.group(1), m.start(1), m.end(1)) if m else None


def _counted(folded: str, pos: int) -> Word:
    """The noun right after a number; a function word, a prepositional phrase ("بالقرب")
    or the next number ("عشرات الآلاف ومئات الشبان") is not one."""
    nxt = _next_word(folded, pos)
    if nxt is None or nxt[0] in _not_counted() or _PREPOSED.match(nxt[0]):
        return None
    if nxt[0] in cardinal_words() or (nxt[0].startswith("و") and nxt[0][1:] in cardinal_words()):
        return None
    return nxt[1], nxt[2]


def _after_min(folded: str, pos: int) -> Word:
    """The noun after "من" ("13% من إجمالي الصادرات" → "الصادرات")."""
    m = _MIN.match(folded[pos : pos + 8])
    if not m:
        return None
    nxt = _next_word(folded, pos + m.end())
    if nxt and nxt[0] in _SKIP_TOTAL:
        nxt = _next_word(folded, nxt[2])
    return (nxt[1], nxt[2]) if nxt else None


def _quantity(match: regex.Match[str], folded: str, qualified: dict[str, str]) -> Found | None:
    start, end = match.start("x"), match.end("x")
    if _is_label(folded, start):
        return None
    if match.group("ord"):
        return _rank(match, folded)
    if match.group("frac"):
        value = _fractions()[" ".join(match.group("frac").split())]
        if match.group("fsc"):
            scale = cardinal_words()[" ".join(match.group("fsc").split())][1]
            return start, end, value * scale, None, _counted(folded, end)
        if match.group("fpct"):
            return start, end, value, "percent", _after_min(folded, end)
        return start, end, value, "fraction", _counted(folded, end)
    if match.group("d"):
        value = parse_digits(match.group("d"))
        if match.group("sc"):
            value *= _scale(match.group("sc"))
    else:
        words = " ".join(match.group("w").split())
        parsed = parse_cardinal(words)
        if parsed is None or (words in ("واحد", "واحده") and not match.group("cur")):
            return None
        value = parsed
        # "مليونا لاجئ" is two million refugees (a dual in construct); after a number
        # ("عشرين مليونا") the same spelling is the accusative singular.
        if words in _DUAL_CONSTRUCT and not match.group("cur") and _counted(folded, end):
            value *= 2
    if match.group("pct"):
        return start, end, value, "percent", _after_min(folded, end)
    if match.group("cur"):
        return start, end, value, resolve(" ".join(match.group("cur").split()), qualified), None
    if match.group("sym"):
        return start, end, value, SYMBOLS[match.group("sym")], None
    counted = _counted(folded, end)
    # A lone number that reads as a year ("بطولة العالم 2015") is left to the time layer.
    if (
        counted is None
        and match.group("d")
        and not match.group("sc")
        and _YEARLIKE.fullmatch(match.group("d"))
    ):
        return None
    return start, end, value, None, counted


def _scale(word: str) -> float:
    return cardinal_words()[" ".join(word.split())][1]


def _is_label(folded: str, start: int) -> bool:
    m = _LABEL_BEFORE.search(folded[max(0, start - 20) : start])
    return bool(m) and m.group(1) in _labels()


def _rank(match: regex.Match[str], folded: str) -> Found | None:
    """ "ثاني دولة" (construct: the noun follows) and "المركز الثاني" (definite: the noun precedes)."""
    phrase = " ".join(match.group("ord").split())
    if phrase in _COMPOUND_ONLY:
        return None
    value = parse_ordinal(phrase)
    if value is None:
        return None
    start, end = match.start("x"), match.end("x")
    if phrase.startswith("ال"):
        prev = _WORD_BEFORE.search(folded[max(0, start - 30) : start])
        if not prev or not _DEFINITE.match(prev.group(1)):
            return None
        window_start = max(0, start - 30)
        return start, end, float(value), "rank", (window_start + prev.start(1), window_start + prev.end(1))
    nxt = _next_word(folded, end)
    if nxt is None or nxt[0] in _not_counted() or nxt[0] in _NOT_RANKED:
        return None
    return start, end, float(value), "rank", (nxt[1], nxt[2])
