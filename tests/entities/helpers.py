"""Build entity-stage inputs from a sentence and the names a tagger would have found."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from khabar.entities.bilstm import Encoder
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


def random_bilstm_weights(
    enc: Encoder, tags: Sequence[str], *, word_dims: int, seed: int, extra_inputs: int = 0
) -> dict[str, Any]:
    """Small random BiLSTM-CRF weights (hidden size 4) of the shipped layout, for tests of the math."""
    rng = np.random.default_rng(seed)
    hid, dims = 4, word_dims + 32 + 64 + enc.dims + extra_inputs

    def r(*shape: int) -> Any:
        return rng.normal(0, 0.3, shape).astype(np.float32)

    return {
        "word_emb": r(len(enc.words), word_dims),
        "cluster_emb": r(1025, 32),
        "char_emb": np.vstack([np.zeros((1, 32), np.float32), r(len(enc.chars) - 1, 32)]),
        "conv": r(3 * 32, 64),
        "conv_b": r(64),
        "ih": r(dims, 8 * hid),
        "b": r(8 * hid),
        "hh_f": r(hid, 4 * hid),
        "hh_b": r(hid, 4 * hid),
        "out": r(2 * hid, len(tags)),
        "out_b": r(len(tags)),
        "trans": r(len(tags), len(tags)),
    }
