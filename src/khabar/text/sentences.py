"""Split Arabic news text into sentences, with offsets into the text.

A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``…`` (or a run of them such as
"؟!" or ".."), taking any closing quote or bracket that follows with it, and
always at a line break: ``Article.text`` puts the title and each paragraph on
its own line, so a sentence never crosses a paragraph (or the title). A
terminal mark is *not* an end when:

- it follows an abbreviation: a single Arabic letter ("د." دكتور, "م."
  مهندس, "ص." صفحة, "أ.د.", "ق.م"), a single Latin capital ("J. K. Rowling"),
  or a Latin abbreviation from ``data/text/abbreviations.txt`` ("Dr.", "Inc."),
  or a Latin initial spelled in Arabic (``data/text/letter_names.txt``: "ديفيد
  إيه. تومسون").
  A lone letter after a number is a calendar mark ("عام 2015 م.", "1436 هـ.")
  and does end the sentence;
- it numbers a list item ("1. ...") at the start of a sentence;
- no space follows and it sits inside a Latin run or URL ("www.spa.gov.sa");
- it is inside a short quotation. Quotes in news are mostly one statement
  ("«لن نتراجع. هذا موقفنا»") and splitting them would cut the speech from its
  speaker (a quote that closes on its own full stop, "«...موقفنا.» وأضاف",
  ends the sentence at its closing mark); a quotation longer than :data:`MAX_QUOTE_CHARS` is a passage of
  several sentences and is split like running text. Quotes are « », “ ” and
  paired ASCII ``"``; an unclosed quote suppresses nothing.

Decimal numbers never split ("2.5" is one number token).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.model import Sentence, Token
from khabar.text.normalize import normalize
from khabar.text.tokenize import tokenize

MAX_QUOTE_CHARS = 300
"""A quotation longer than this (in characters) may be split into sentences."""

_TERMINAL = frozenset(".!?؟…۔")
_CLOSERS = frozenset("»”\"')]}’")
_OPEN_CLOSE = {"«": "»", "“": "”"}


@cache
def _word_list(name: str) -> frozenset[str]:
    """The words of ``data/text/<name>``, one per line, ``#`` starting a comment."""
    path = resources.files("khabar") / "data" / "text" / name
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


def _latin_abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in _word_list("abbreviations.txt"))


def _letter_names() -> frozenset[str]:
    return frozenset(normalize(w) for w in _word_list("letter_names.txt"))


def _is_terminal(tok: Token) -> bool:
    return tok.kind == "punct" and all(c in _TERMINAL for c in tok.text)


def _quote_spans(tokens: tuple[Token, ...], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token index pairs (open, close) of the quotes closed within tokens[lo:hi]."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    ascii_open: int | None = None
    for i in range(lo, hi):
        t = tokens[i].text
        if t in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[t], i))
        elif t in ("»", "”"):
            # Close the nearest matching opener; unmatched closers are debris.
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == t:
                    spans.append((stack[k][1], i))
                    del stack[k:]
                    break
        elif t == '"':
            if ascii_open is None:
                ascii_open = i
            else:
                spans.append((ascii_open, i))
                ascii_open = None
    return spans


def _is_abbreviation(text: str, tokens: tuple[Token, ...], i: int) -> bool:
    """Is the "." at tokens[i] the dot of an abbreviation?"""
    if tokens[i].text != "." or i == 0:
        return False
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:
        return False
    if prev.kind == "arabic":
        spaced = i + 1 < len(tokens) and tokens[i + 1].start > tokens[i].end
        if spaced and normalize(prev.text) in _letter_names() and not (i >= 2 and tokens[i - 2].kind == "number"):
            # "ديفيد إيه. تومسون": a Latin initial spelled in Arabic (dotted acronyms
            # written without spaces, "آي.أو.بي.إي", are left as they were)
            return True
        if len(normalize(prev.text)) != 1:
            return False
        # "2015 م." / "1436هـ.": an era mark after a year ends the sentence.
        return not (i >= 2 and tokens[i - 2].kind == "number")
    if prev.kind == "latin":
        return (len(prev.text) == 1 and prev.text.isupper()) or prev.text.lower() in _latin_abbreviations()
    return False


def _ends_sentence(text: str, tokens: tuple[Token, ...], i: int, first: int) -> bool:
    """Is the terminal mark at tokens[i] a sentence end? ``first`` starts the current sentence."""
    tok = tokens[i]
    if _is_abbreviation(text, tokens, i):
        return False
    if tok.text == "." and i == first + 1 and tokens[first].kind == "number":
        return False  # "1." numbering a list item
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.start == tok.end and nxt.text not in _CLOSERS:
        # Glued to what follows: a URL or Latin run ("spa.gov.sa"), unless two
        # Arabic words lost their space ("الماضي.وقال").
        prev = tokens[i - 1] if i else None
        return nxt.kind == "arabic" and prev is not None and prev.kind == "arabic" and len(prev.text) > 1
    return True


def split_sentences(text: str, tokens: tuple[Token, ...] | None = None) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences covering all its tokens.

    ``tokens`` are :func:`~khabar.text.tokenize.tokenize` output for ``text``
    (tokenized here when not given). Each sentence runs from its first token's
    start to its last token's end.

    ``split_sentences("قال د. أحمد إن الوضع مستقر. وأضاف أن ...")`` gives two
    sentences, the first ending after "مستقر.".
    """
    if tokens is None:
        tokens = tokenize(text)
    out: list[Sentence] = []
    n = len(tokens)
    # Paragraphs: runs of tokens with no line break between them.
    para_start = 0
    for i in range(n + 1):
        if i < n and (i == para_start or "\n" not in text[tokens[i - 1].end : tokens[i].start]):
            continue
        _split_paragraph(text, tokens, para_start, i, out)
        para_start = i
    return tuple(out)


def _split_paragraph(text: str, tokens: tuple[Token, ...], lo: int, hi: int, out: list[Sentence]) -> None:
    if lo >= hi:
        return
    inside = [False] * (hi - lo)
    for a, b in _quote_spans(tokens, lo, hi):
        if tokens[b].end - tokens[a].start <= MAX_QUOTE_CHARS:
            for k in range(a + 1, b):
                inside[k - lo] = True
            # A quote that closes on its own full stop ("«نحن هنا.» وأضاف")
            # ends the sentence at its closing mark.
            if b - 1 > a and _is_terminal(tokens[b - 1]):
                inside[b - 1 - lo] = False
    first = lo
    i = lo
    while i < hi:
        tok = tokens[i]
        if _is_terminal(tok) and not inside[i - lo] and _ends_sentence(text, tokens, i, first):
            end = i
            # Closing quotes and brackets go with the sentence, and so does a full stop
            # written after a quote that closed on its own mark ("«...المستقبل؟»."):
            # alone it would be a sentence of one dot.
            while (
                end + 1 < hi
                and tokens[end + 1].start == tokens[end].end
                and (tokens[end + 1].text in _CLOSERS or _is_terminal(tokens[end + 1]))
            ):
                end += 1
            out.append(Sentence(tokens[first].start, tokens[end].end))
            first = i = end + 1
            continue
        i += 1
    if first < hi:
        out.append(Sentence(tokens[first].start, tokens[hi - 1].end))
