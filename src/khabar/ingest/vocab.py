"""Lazy loaders for ingest's language data (``khabar/data/ingest/``) and the folding they match with.

Vocabulary is compared after :func:`fold`, so "اقرأ أيضاً", "إقرأ ايضا" and
"اقرا أيضًا" are one entry. The files load on first use, never at import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

_TASHKEEL = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TASHKEEL_RUN = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_NON_LETTER = re.compile(r"[^\w\s]|[\d_]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold spelling variants for matching: "إقرأ أيضاً" -> "اقرا ايضا"."""
    return _TASHKEEL.sub("", text).translate(_FOLD).lower()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`fold`, plus where each folded character (and the end) sits in ``text``.

    Folding drops tashkeel and tatweel, so a marker matched on the folded line
    ("تصوير:") is longer in "تَصْوِير:": the offsets turn a length found after
    folding into the place to cut the original line.
    """
    if "Σ" not in text:
        # Each character folds on its own (only capital sigma lowers by context), so
        # when every kept character folds to exactly one, the offsets are the
        # positions between the runs of dropped marks.
        kept: list[int] = []
        start = 0
        for run in _TASHKEEL_RUN.finditer(text):
            kept.extend(range(start, run.start()))
            start = run.end()
        kept.extend(range(start, len(text) + 1))
        whole = _TASHKEEL_RUN.sub("", text).translate(_FOLD).lower()
        if len(whole) == len(kept) - 1:
            return whole, kept
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if _TASHKEEL.match(ch):
            continue
        for folded in ch.translate(_FOLD).lower():
            out.append(folded)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def core(text: str) -> str:
    """The letters of a line, folded, without digits, punctuation or symbols.

    "+ الخط -" -> "الخط"; "12 مشاركة" -> "مشاركه".
    """
    return _SPACES.sub(" ", _NON_LETTER.sub(" ", fold(text))).strip()


@dataclass(frozen=True, slots=True)
class Widgets:
    phrases: frozenset[str]
    words: frozenset[str]
    counters: frozenset[str]
    related: tuple[str, ...]
    byline_markers: tuple[str, ...]
    contributors: frozenset[str]
    credit_markers: tuple[str, ...]
    photographer_markers: frozenset[str]
    caption_markers: tuple[str, ...]
    tail_markers: frozenset[str]
    photo_notes: frozenset[str]


@cache
def widgets() -> Widgets:
    raw = json.loads((DATA / "widgets.json").read_text("utf-8"))

    def folded(key: str) -> list[str]:
        return [core(p) for p in raw[key] if core(p)]

    # Multi-word platform names ("فيس بوك") count word by word.
    words = {w for p in folded("words") for w in p.split()}
    longest_first = lambda key: tuple(sorted(set(folded(key)), key=len, reverse=True))  # noqa: E731
    return Widgets(
        phrases=frozenset(folded("phrases")),
        words=frozenset(words),
        counters=frozenset(folded("counters")),
        related=longest_first("related"),
        byline_markers=longest_first("byline_markers"),
        contributors=frozenset(folded("contributors")),
        credit_markers=longest_first("credit_markers"),
        photographer_markers=frozenset(folded("photographer_markers")),
        caption_markers=longest_first("caption_markers"),
        tail_markers=frozenset(folded("tail_markers")),
        photo_notes=frozenset(folded("photo_notes")),
    )


@cache
def agencies() -> dict[str, str]:
    """Folded spelling -> display name of the agency (its first spelling)."""
    out: dict[str, str] = {}
    for line in (DATA / "agencies.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("\t") if n.strip()]
        for name in names:
            out.setdefault(core(name), names[0])
    return out
