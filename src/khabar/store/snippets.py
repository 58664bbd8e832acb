"""Search snippets: the stretch of an article where the query's words sit, matches marked.

The index holds keys, not text, so the backends' own snippet functions would
show stems ("مستشار"). Snippets are made here instead, on the stored text of the
few hits shown: every word is keyed as the index keys it, the window of words
holding the most distinct query keys wins (earliest on ties, so a match in the
title or lead is preferred), and the matches are returned as offsets into the
snippet so each caller marks them its own way (rich, HTML, brackets).
"""

from __future__ import annotations

from khabar.store.results import Snippet
from khabar.store.search import iter_index_spans

WINDOW = 32  # words shown


def snippet(text: str, keys: frozenset[str], window: int = WINDOW) -> Snippet:
    """The best window of ``window`` words of ``text`` for the query ``keys``.

    "… أكد [المستشار] في تصريح [للمستشار] …": both surface forms are marked
    for the key "مستشار".
    """
    spans, hits = _scan(text, keys, window)
    if not spans:
        return Snippet(text[:200])
    start = 0
    if hits:
        best = (-1, 0)
        for first in hits:
            inside = {spans[j][2] for j in hits if first <= j < first + window}
            score = (len(inside), -first)
            if score > best:
                best, start = score, first
        # Open a few words before the first match, for context.
        start = max(0, min(start - 4, len(spans) - window))
    end = min(len(spans), start + window)
    lo = spans[start][0]
    hi = spans[end - 1][1]
    # Extend to the punctuation that closes the last word ("الخارجية." / "قال:").
    while hi < len(text) and not text[hi].isspace() and hi - spans[end - 1][1] < 3:
        hi += 1
    raw = text[lo:hi]
    mapping = _collapse_map(raw)
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    shift = len(prefix)
    marks = tuple(
        (shift + mapping[s - lo], shift + mapping[e - lo]) for s, e, key in spans[start:end] if key in keys
    )
    return Snippet(prefix + " ".join(raw.split()) + suffix, marks)


def _scan(text: str, keys: frozenset[str], window: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The keyed words of ``text`` and which of them match, read only as far as needed.

    The winner is the window holding the most distinct query keys, earliest on
    ties; so the first window that holds all of them wins, and nothing after it
    can change the snippet. Reading stops once such a window is complete: a
    search page makes a snippet for every hit, and most queries are matched in
    the title or lead of a long article (snippets were a fifth of a search's CPU time).
    """
    spans: list[tuple[int, int, str]] = []
    hits: list[int] = []
    closing = 0  # the next hit whose window is not complete yet
    for span in iter_index_spans(text):
        spans.append(span)
        if span[2] in keys:
            hits.append(len(spans) - 1)
        while closing < len(hits) and len(spans) - hits[closing] >= window:
            first = hits[closing]
            if len({spans[j][2] for j in hits[closing:] if j < first + window}) == len(keys):
                return spans, hits
            closing += 1
    return spans, hits


def _collapse_map(text: str) -> list[int]:
    """Offset of each character of ``text`` (and of its end) in ``" ".join(text.split())``.

    ``text`` starts and ends on a non-space, so every run of whitespace becomes
    exactly one space.
    """
    mapping = []
    pos = 0
    prev_space = False
    for ch in text:
        mapping.append(pos)
        space = ch.isspace()
        if not space or not prev_space:
            pos += 1
        prev_space = space
    mapping.append(pos)
    return mapping
