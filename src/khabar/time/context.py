"""The words around a match: what licenses or re-reads a time expression.

A bare weekday or month is resolved forwards or backwards depending on the
clause's tense: "أعلنت الحكومة الأحد" is last Sunday, "ستعقد القمة الأحد" next
Sunday. Arabic marks the future with the prefix "سـ" on the verb ("سيعقد",
"ستزور", "سنعمل") or with "سوف", "من المقرر", "المرتقب"; those are what
:func:`looks_future` looks for in the few words before the expression.
"""

from __future__ import annotations

from functools import cache

import regex

from khabar.time.grammar import words

_FUTURE_VERB = regex.compile(r"^[وف]?س[يتن][^\W\d_]{3,}$")
_CLAUSE_END = regex.compile(r"[.!؟?\n؛;]")
_WORD = regex.compile(r"\w+")
_NEXT_WORD = regex.compile(r"\s*(\w+)")


def prev_words(text: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words before ``pos`` in the same sentence, nearest first."""
    head = _CLAUSE_END.split(text[max(0, pos - 120) : pos])[-1]
    return list(reversed(_WORD.findall(head)))[:n]


def next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos : pos + 40])
    return m.group(1) if m else ""


@cache
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    w = words()
    return frozenset(w["future_cues"]), frozenset(w["not_future"])


def is_future_word(word: str) -> bool:
    """ "سيعقد", "وستزور", "سوف", "المقرر" → True; "سياسي", "سيارة", "ستة" → False."""
    cues, exclude = _cues()
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if word in cues or bare in cues:
        return True
    if word in exclude or bare in exclude or not _FUTURE_VERB.match(word):
        return False
    # Nouns that start like a future verb mostly end in taa marbuta or a feminine plural
    # ("سيارة", "سياسات"); the rest are listed in words.json "not_future".
    return not bare.endswith(("ه", "ات"))


def looks_future(text: str, pos: int, window: int = 6) -> bool:
    """True when a future-tense cue precedes ``pos`` within its clause."""
    return any(is_future_word(word) for word in prev_words(text, pos, window))
