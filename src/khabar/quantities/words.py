"""Arabic number words: cardinals ("ثلاثة آلاف", "مليون ونصف") and ordinals ("الحادي عشر").

Shared by the quantity stage and the time stage ("قبل ثلاثة أيام", "الخامس من
أكتوبر"). Everything works on the matching form of
:func:`khabar.text.normalize.lexicon_key` (hamza seats, ى and ة
folded), which is what both stages match on. The lexicon lives in
``data/quantities/number_words.tsv`` and ``ordinal_words.tsv``; the grammar
(units add, "مئة" multiplies a bare unit before it, scales multiply everything
before them, "ونصف" adds half of the last scale) lives here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.text.alternation import trie_alternation
from khabar.text.normalize import lexicon_key

# Words that are numbers only inside a compound: "أحد عشر" is 11, but "أحد" alone
# is "someone" and "الأحد" Sunday.
_COMPOUND_ONLY = {"احد": 1, "احدي": 1}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("khabar.data").joinpath(f"quantities/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def cardinal_words() -> dict[str, tuple[str, float]]:
    """Matching form → (kind, value) for every cardinal word."""
    return {lexicon_key(form): (kind, float(value)) for form, kind, value in _rows("number_words.tsv")}


@cache
def ordinal_stems() -> dict[str, int]:
    """Matching form → value for the ordinal stems 1-10."""
    return {lexicon_key(form): int(value) for form, value in _rows("ordinal_words.tsv")}


@cache
def vague_words() -> frozenset[str]:
    """Matching forms of the vague numerals of ``data/quantities/vague.txt`` ("عشرات", "آلاف")."""
    return frozenset(lexicon_key(row[0].strip()) for row in _rows("vague.txt"))


def is_vague(phrase: str) -> bool:
    """True when a cardinal phrase (matching form) opens with a vague numeral: "عشرات الالاف"."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return first in vague_words()


def _alternation(words: list[str]) -> str:
    """Longest-first alternation of literal words (as a trie: see :mod:`khabar.text.alternation`)."""
    return trie_alternation(words)


@cache
def cardinal_pattern() -> str:
    """Regex source matching a run of cardinal words joined by spaces or "و".

    "ثلاثة آلاف", "خمسة وعشرين", "مليون ونصف", "أحد عشر". The caller adds the
    word boundaries. Half/quarter ("ونصف", "وربع") are accepted only after a word,
    and a vague numeral never after "و": "عشرات الآلاف ومئات" is two quantities.
    """
    words = list(cardinal_words()) + list(_COMPOUND_ONLY)
    word = f"(?:{_alternation(words)})(?!\\w)"
    joined = f"(?:{_alternation([w for w in words if w not in vague_words()])})(?!\\w)"
    return f"{word}(?:\\s+{word}|\\s+و\\s*{joined}|\\s+و\\s*(?:نصف|ربع)(?!\\w))*"


def parse_cardinal(phrase: str) -> float | None:
    """Value of a cardinal phrase in matching form, or None if it is not one.

    ``parse_cardinal("ثلاثه الاف") == 3000``; ``parse_cardinal("مليون ونصف") ==
    1_500_000``; ``parse_cardinal("خمسه وعشرين") == 25``.
    """
    lexicon = cardinal_words()
    total = 0.0
    current = 0.0
    last_scale = 1.0
    seen = False
    compound_pending = False
    for raw in phrase.split():
        word = raw[1:] if raw.startswith("و") and raw not in lexicon and raw[1:] else raw
        if word in ("نصف", "ربع"):
            frac = 0.5 if word == "نصف" else 0.25
            if current:
                current += frac
            else:
                total += frac * last_scale
            continue
        if word in _COMPOUND_ONLY:
            current += _COMPOUND_ONLY[word]
            compound_pending = True
            seen = True
            continue
        entry = lexicon.get(word)
        if entry is None:
            return None
        kind, value = entry
        seen = True
        if kind in ("unit", "ten"):
            current += value
        elif kind == "hundred":
            current = current * value if 0 < current < 10 and value == 100 else current + value
        else:  # scale
            current = (current or 1.0) * value if value in (1e3, 1e6, 1e9, 1e12) else current + value
            total += current
            current = 0.0
            last_scale = value if value in (1e3, 1e6, 1e9, 1e12) else value / 2
        compound_pending = False
    if not seen or compound_pending:
        return None
    return total + current


@cache
def ordinal_pattern() -> str:
    """Regex source for an ordinal: "الخامس", "الحادي عشر", "الحادي والعشرين", "العشرين"."""
    stems = _alternation(list(ordinal_stems()))
    tens = [w for w, (kind, _) in cardinal_words().items() if kind == "ten"]
    tens_alt = _alternation(["ال" + w for w in tens] + tens)
    teen = "(?:\\s+عشر(?:ه)?)"
    return f"(?:(?:{stems})(?!\\w)(?:{teen}|\\s+و\\s*(?:{tens_alt}))?(?!\\w)|(?:{tens_alt})(?!\\w))"


def parse_ordinal(phrase: str) -> int | None:
    """Value of an ordinal phrase in matching form ("الحادي عشر" → 11), or None."""
    stems = ordinal_stems()
    words = cardinal_words()
    parts = phrase.split()
    if not parts:
        return None
    head = parts[0]
    value = stems.get(head)
    if value is None:
        ten = words.get(head[2:] if head.startswith("ال") else head)
        if ten is not None and ten[0] == "ten" and len(parts) == 1:
            return int(ten[1])
        return None
    if len(parts) == 1:
        return value
    rest = " ".join(parts[1:])
    if rest in ("عشر", "عشره") and value < 10:
        return value + 10
    rest = rest[1:].strip() if rest.startswith("و") else rest
    rest = rest[2:] if rest.startswith("ال") else rest
    ten = words.get(rest)
    if ten is not None and ten[0] == "ten" and value < 10:
        return value + int(ten[1])
    return None
