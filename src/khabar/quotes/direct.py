"""Quotation-mark spans: « », “ ”, "…" and '…', closed or not, within or across paragraphs.

Scraped Arabic news is loose with its marks, so pairing is by position, not by
glyph: writers type ” to open ("قال :” مورا لم يوقع"), close « with « ("نتيجة
«الأملاح «"), and leave the last quote of a paragraph unclosed. The rules:

- guillemets nest and pair with a stack; a « followed by a space (not a word)
  closes the open one;
- double marks (" “ ” „) pair left to right within a paragraph; with an odd
  count, the mark that reads as an opener (space before, word after) is the
  unclosed one;
- single marks (' ‘ ’) count only next to Arabic letters (never inside
  "O'Brien") and pair within a paragraph;
- a quote left open at the end of a paragraph continues into the next one when
  that paragraph opens with the same kind of mark (the convention for quotes
  of several paragraphs) or closes it before opening another; otherwise it ends
  with its paragraph.

Each :class:`DirectSpan` gives the marks' offsets and the content between them,
trimmed of spaces and final punctuation. Whether a span is speech (and whose)
is decided by :mod:`khabar.quotes.annotate`, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GUILLEMET_OPEN, _GUILLEMET_CLOSE = "«", "»"
_DOUBLE = frozenset('"“”„‟')
_SINGLE = frozenset("'‘’‛")
_TRAILING = " \t\r\n.،,؛;:"
_WORD = re.compile(r"\w+")
_MAX_INNER_WORDS = 5
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


@dataclass(frozen=True, slots=True)
class DirectSpan:
    """One quotation: ``open``/``close`` are the offsets of its marks (``close`` is
    None when it runs unclosed to the end of a paragraph); ``start``/``end`` bound
    its trimmed content."""

    open: int
    close: int | None
    start: int
    end: int
    mark: str
    paragraphs: int = 1
    words: int = 0

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or past the content if unclosed)."""
        return self.close + 1 if self.close is not None else self.end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _make(text: str, open_: int, close: int | None, end_limit: int, paragraphs: int) -> DirectSpan | None:
    start = open_ + 1
    end = close if close is not None else end_limit
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end <= start:
        return None
    words = len(_WORD.findall(text[start:end]))
    return DirectSpan(open_, close, start, end, text[open_], paragraphs, words)


def _first_char(text: str, ps: int, pe: int) -> str:
    for pos in range(ps, pe):
        if not text[pos].isspace():
            return text[pos]
    return ""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _reads_as_opener(text: str, pos: int, ps: int, pe: int) -> bool:
    before = text[pos - 1] if pos > ps else " "
    after = text[pos + 1] if pos + 1 < pe else " "
    return not _is_word_char(before) and (_is_word_char(after) or after in "«\"“")


def _reads_as_closer(text: str, pos: int, ps: int, pe: int) -> bool:
    before = text[pos - 1] if pos > ps else " "
    after = text[pos + 1] if pos + 1 < pe else " "
    return not before.isspace() and not _is_word_char(after)


def _guillemets(text: str, paras: list[tuple[int, int]]) -> list[DirectSpan]:
    spans: list[DirectSpan] = []
    carry: int | None = None
    carry_end = 0
    carry_paras = 1
    for ps, pe in paras:
        stack: list[int] = []
        positions = [ps + m.start() for m in re.finditer("[«»]", text[ps:pe])]
        if carry is not None:
            first = _first_char(text, ps, pe)
            closes_first = bool(positions) and text[positions[0]] == _GUILLEMET_CLOSE
            if first == _GUILLEMET_OPEN:
                positions = positions[1:]  # the re-opening mark of a continued quote
                stack = [carry]
                carry_paras += 1
            elif closes_first:
                stack = [carry]
                carry_paras += 1
            else:
                span = _make(text, carry, None, carry_end, carry_paras)
                if span:
                    spans.append(span)
            carry = None
        for pos in positions:
            ch = text[pos]
            if ch == _GUILLEMET_OPEN and stack and not _is_word_char(text[pos + 1] if pos + 1 < pe else " "):
                ch = _GUILLEMET_CLOSE
            if ch == _GUILLEMET_OPEN:
                stack.append(pos)
            elif stack:
                o = stack.pop()
                span = _make(text, o, pos, pos, carry_paras if not stack and o < ps else 1)
                if span:
                    spans.append(span)
                if o < ps:
                    carry_paras = 1
        if stack:
            carry, carry_end = stack[0], pe
            if carry >= ps:
                carry_paras = 1
    if carry is not None:
        span = _make(text, carry, None, carry_end, carry_paras)
        if span:
            spans.append(span)
    return spans


def _pair_marks(text: str, paras: list[tuple[int, int]], chars: frozenset[str], single: bool) -> list[DirectSpan]:
    spans: list[DirectSpan] = []
    carry: int | None = None
    carry_end = 0
    carry_paras = 1
    for ps, pe in paras:
        marks = [ps + k for k, ch in enumerate(text[ps:pe]) if ch in chars]
        if single:
            marks = [
                p
                for p in marks
                if _ARABIC.match(text[p + 1] if p + 1 < pe else " ") or _ARABIC.match(text[p - 1] if p > ps else " ")
            ]
        if carry is not None:
            first = _first_char(text, ps, pe)
            if marks and (first in chars or (len(marks) % 2 == 1 and _reads_as_closer(text, marks[0], ps, pe))):
                carry_paras += 1
                if first in chars:
                    marks = marks[1:]
                if marks:
                    span = _make(text, carry, marks[0], marks[0], carry_paras)
                    if span:
                        spans.append(span)
                    marks = marks[1:]
                    carry = None
                else:
                    carry_end = pe
                    continue
            else:
                span = _make(text, carry, None, carry_end, carry_paras)
                if span:
                    spans.append(span)
                carry = None
            carry_paras = 1
        if not single:
            inner, marks = _nested_pairs(text, marks, ps, pe)
            for a, b in inner:
                span = _make(text, a, b, b, 1)
                if span:
                    spans.append(span)
        unpaired: int | None = None
        if len(marks) % 2 == 1:
            unpaired = marks[-1] if _reads_as_opener(text, marks[-1], ps, pe) else None
            if unpaired is None:
                openers = [p for p in marks if _reads_as_opener(text, p, ps, pe)]
                unpaired = openers[-1] if openers else marks[-1]
            marks = [p for p in marks if p != unpaired]
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            span = _make(text, a, b, b, 1)
            if span:
                spans.append(span)
        # An unpaired opener after every pair runs on (to the paragraph end, or into the next one).
        if unpaired is not None and not single and (not marks or marks[-1] < unpaired):
            carry, carry_end = unpaired, pe
    if carry is not None:
        span = _make(text, carry, None, carry_end, carry_paras)
        if span:
            spans.append(span)
    return spans


def _nested_pairs(text: str, marks: list[int], ps: int, pe: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Short quotations inside an open one, written with the same mark:
    '"… كحد أدنى لـ"3000" ريال، ولا …"'. Read left to right, a mark where a
    quotation is already open and a word follows cannot close it: with a closer
    a few words on and an outer closer after that, the two make an inner pair.
    Returns the inner pairs and the marks left to pair as usual."""
    inner: list[tuple[int, int]] = []
    rest: list[int] = []
    is_open = False
    k = 0
    while k < len(marks):
        p = marks[k]
        if (
            is_open
            and k + 2 < len(marks)
            and p + 1 < pe
            and _is_word_char(text[p + 1])
            and _reads_as_closer(text, marks[k + 1], ps, pe)
            and len(_WORD.findall(text[p : marks[k + 1]])) <= _MAX_INNER_WORDS
        ):
            inner.append((p, marks[k + 1]))
            k += 2
            continue
        rest.append(p)
        is_open = not is_open
        k += 1
    return inner, rest


def find_direct_spans(text: str) -> tuple[DirectSpan, ...]:
    """Every quotation in ``text``, ordered by opening offset.

    ``find_direct_spans('قال: «لن نتراجع».')`` gives one span whose content is
    "لن نتراجع" (offsets 6–15).
    """
    paras = _paragraphs(text)
    spans = _guillemets(text, paras)
    spans += _pair_marks(text, paras, _DOUBLE, single=False)
    spans += _pair_marks(text, paras, _SINGLE, single=True)
    spans.sort(key=lambda s: (s.open, -(s.outer_end)))
    return tuple(spans)
