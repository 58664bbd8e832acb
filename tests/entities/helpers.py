"""Build entity-stage inputs from a sentence and the names a tagger would have found."""

from __future__ import annotations

import re

from khabar.entities.references import build_words
from khabar.entities.titles import Word
from khabar.model import Mention
from khabar.text.tokenize import tokenize

_LETTER = re.compile(r"[\u0621-\u064a]")
_CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"}


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface``, possibly after proclitics ("لأذربيجان")."""
    spans = []
    for m in re.finditer(re.escape(surface), text):
        start, end = m.span()
        if end < len(text) and _LETTER.match(text[end]):
            continue
        ws = start
        while ws > 0 and _LETTER.match(text[ws - 1]):
            ws -= 1
        if text[ws:start] in _CLITICS:
            spans.append((start, end))
    return spans


def names_in(text: str, spec: list[tuple[str, str]]) -> list[Mention]:
    """Every whole-word occurrence of each (surface, type) in ``text``, longest first, as name mentions."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for surface, type_ in sorted(spec, key=lambda p: -len(p[0])):
        for start, end in occurrences(text, surface):
            if not any(s < end and start < e for s, e in taken):
                out.append(Mention(start, end, surface, type_))
                taken.append((start, end))
    return sorted(out, key=lambda m: m.start)


def words_of(text: str, spec: list[tuple[str, str]]) -> list[Word]:
    return build_words(tokenize(text), names_in(text, spec), text)


def index_of(words: list[Word], surface: str, nth: int = 1) -> int:
    """Index of the ``nth`` word whose text is ``surface``."""
    seen = 0
    for k, w in enumerate(words):
        if w.text == surface:
            seen += 1
            if seen == nth:
                return k
    raise ValueError(surface)
