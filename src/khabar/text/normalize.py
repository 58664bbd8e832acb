"""Matching normalization for Arabic: one spelling per word, for comparing and looking up.

News writers spell the same word many ways: with or without tashkeel ("موجهاً" /
"موجها"), shadda ("يستمرّ"), tatweel ("الـعـربي"), hamza seats ("أذربيجان" /
"اذربيجان"), final yaa ("مستشفى" / "مستشفي"), taa marbuta ("الحكومة" / "الحكومه")
and three digit sets. :func:`normalize` maps all of these to one *matching form*
used for lexicon look-ups, gazetteers and search. It is never used to change the
display text: stages match on the normalized string and map spans back to the
original with :func:`normalize_with_offsets`.

What the matching form does:

- removes tashkeel: fathatan, dammatan, kasratan (tanween), fatha, damma, kasra,
  shadda, sukun, the combining maddah/hamza marks (U+0653-U+065F), superscript
  alef (U+0670), the small Quranic annotation signs, and tatweel;
- removes invisible format characters (ZWNJ, ZWJ, LRM, RLM, bidi embeddings,
  BOM), which scraped text carries inside words;
- folds every hamza *on a carrier* to its carrier: أ إ آ ٱ → ا, ؤ → و, ئ → ي.
  Writers drop or misplace hamza freely ("اسرائيل", "مسئول" / "مسؤول"), and search
  wants hamza forms ignored, so the seat letters are the stable part. The lone
  hamza ء is kept: it is a letter of its own ("جزء", "شيء") and dropping it
  would merge distinct words. Known limit: "مسئول" → "مسيول" and "مسؤول" →
  "مسوول" stay distinct;
- ى → ي (alef maksura and yaa are interchanged in Egyptian and scraped text),
  Persian yeh ی → ي and keheh ک → ك;
- with ``taa=True``, ة → ه (off by default because the distinction is reliable
  in edited news and keeps "قاعدة" apart from pronoun-suffixed forms);
- Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII, and the Arabic decimal
  separator ٫, thousands separator ٬ and percent sign ٪ → ``.`` ``,`` ``%``;
- Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF, e.g. the ligature ﻻ)
  are expanded by NFKC first, so one original character may yield two.

Everything else (Latin, punctuation, spaces) passes through unchanged, so the
normalized string has the same word boundaries as the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Characters deleted from the matching form.
_TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_QURANIC = "".join(chr(c) for c in range(0x0610, 0x061B)) + "".join(
    chr(c)
    for c in range(0x06D6, 0x06EE)
    if c not in (0x06E5, 0x06E6)  # small waw/yeh are letters-ish
)
_TATWEEL = "\u0640"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_DELETE = _TASHKEEL + _QURANIC + _TATWEEL + _INVISIBLE

# One-to-one replacements (the digits are added in _table).
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ی": "ي",  # Persian yeh U+06CC
    "ک": "ك",  # keheh U+06A9
    "٫": ".",
    "٬": ",",
    "٪": "%",
}

# Scanning with a compiled class is C speed; a per-character Python test was most
# of the time normalize() took on a news article.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_DELETED_RUN = re.compile(f"[{re.escape(_DELETE)}]+")


@cache
def _table(taa: bool) -> dict[int, str | None]:
    """The ``str.translate`` table of the matching form, presentation forms included.

    A presentation form maps to its NFKC expansion, folded in turn, so one
    ``translate`` does what NFKC-then-fold did in two passes. The blocks news text
    is written in map to themselves explicitly: ``translate`` raises and catches
    a ``LookupError`` for every character missing from the table, which made a
    miss cost several times a hit.
    """
    table: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic
        table[0x06F0 + i] = str(i)  # Persian
    table.update({ord(c): None for c in _DELETE})
    if taa:
        table[ord("ة")] = "ه"
    folded = dict(table)
    for c in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        table[c] = unicodedata.normalize("NFKC", chr(c)).translate(folded)
    for c in (*range(0x0900), *range(0x2000, 0x2070)):  # Latin ... Arabic, punctuation
        table.setdefault(c, chr(c))
    return table


def _is_presentation(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def normalize_with_offsets_if_moved(text: str, *, taa: bool = False) -> tuple[str, list[int] | None]:
    """:func:`normalize_with_offsets`, with ``None`` for offsets that would be ``0, 1, 2, ...``.

    A text with no mark to drop and no presentation form to expand keeps every
    character in place, and its offset list (one int per character) is not
    built. Either way the text is translated once: the time and quantity stages
    used to translate it, compare lengths, and translate it again with offsets.
    """
    if _PRESENTATION.search(text) is None and _DELETED_RUN.search(text) is None:
        return text.translate(_table(taa)), None
    return normalize_with_offsets(text, taa=taa)


def normalize(text: str, *, taa: bool = False) -> str:
    """Return the matching form of ``text`` (see the module docstring).

    ``normalize("موجهاً") == normalize("موجها") == "موجها"``;
    ``normalize("أذربيجان") == "اذربيجان"``; ``normalize("٢٠٢٠") == "2020"``.
    """
    return text.translate(_table(taa))


def normalize_with_offsets(text: str, *, taa: bool = False) -> tuple[str, list[int]]:
    """Return the matching form and, for each of its characters, the index in ``text``.

    The offset list has one entry per normalized character plus a final entry
    ``len(text)``, so a span ``[i, j)`` found in the normalized string covers
    ``text[offsets[i]:offsets[j]]`` in the original. ``offsets[j]`` is where the
    next kept character sits, so marks written on the span's last letter (the
    tanween of "موجهاً", a shadda, tatweel) fall inside the mapped span, as a
    reader would expect.

    Example: for "موجهاً" the normalized form is "موجها" and the offsets are
    ``[0, 1, 2, 3, 4, 6]``.
    """
    table = _table(taa)
    if not _PRESENTATION.search(text):
        # Every kept character maps to exactly one, so the offsets are the
        # positions between the runs of deleted marks.
        offsets: list[int] = []
        start = 0
        for run in _DELETED_RUN.finditer(text):
            offsets.extend(range(start, run.start()))
            start = run.end()
        offsets.extend(range(start, len(text) + 1))
        return text.translate(table), offsets
    out: list[str] = []
    offsets = []
    for i, ch in enumerate(text):
        if _is_presentation(ch):
            expanded = table[ord(ch)] or ""  # the NFKC expansion, folded
            for sub in expanded:
                out.append(sub)
                offsets.append(i)
            continue
        mapped = table.get(ord(ch), ch)
        if mapped is None:
            continue
        out.append(mapped)
        offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def lexicon_key(text: str) -> str:
    """The key a lexicon entry is stored and looked up under: matching form, ة folded, one space.

    Every lexicon of phrases (month names, number words, currencies, time words)
    is keyed this way, so an entry typed "تشرين الأول" in a data file and the
    text "تشرين  الاول" in an article meet: ``lexicon_key("تشرين  الأول") ==
    "تشرين الاول"``; ``lexicon_key("ثلاثة") == "ثلاثه"``.
    """
    return " ".join(normalize(text, taa=True).split())
