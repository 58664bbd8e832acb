"""Which language an article is written in, so non-Arabic input is flagged, not mangled.

khabar's later stages are built for Arabic. An English or French article that
lands in a run is still analysed, but it carries its language code and a
warning. Script decides first (Arabic letters, Cyrillic, Hebrew, ...); among
Latin-script languages, counts of very frequent function words decide.
Persian and Urdu share the Arabic script and are told apart by the letters
Arabic does not use (پ چ ژ گ ک ی; ٹ ڈ ڑ ں ے).
"""

from __future__ import annotations

import json
import re
from functools import cache

from khabar.ingest.vocab import DATA

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]+")
_ARABIC_LETTERS = re.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+"
)
_PERSIAN = re.compile("[پچژگکی]")
_URDU = re.compile("[ٹڈڑںےہ]")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    raw = json.loads((DATA / "stopwords.json").read_text("utf-8"))
    return {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}


def _script(c: str) -> str | None:
    o = ord(c)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "arabic"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF:
        return "han"
    if 0xAC00 <= o <= 0xD7AF:
        return "hangul"
    if 0x0900 <= o <= 0x097F:
        return "devanagari"
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, ``und`` when it cannot tell.

    ``detect_language("قال وزير الخارجية إن المحادثات ستستأنف")`` is ``"ar"``.
    """
    sample = text[:3000]
    runs = _LETTER.findall(sample)
    total = sum(map(len, runs))
    if not total:
        return "und"
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    if arabic * 2 > total:
        # The common case, decided without a per-character loop.
        return _arabic_script_language(sample, arabic)
    counts: dict[str, int] = {}
    for c in "".join(runs):
        s = _script(c)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "und"
    script = max(counts, key=lambda k: counts[k])
    if script == "arabic":
        return _arabic_script_language(sample, counts["arabic"])
    if script == "latin":
        return _by_stopwords(sample, ("en", "fr", "es", "de", "it", "pt", "tr", "id"))
    if script == "cyrillic":
        return _by_stopwords(sample, ("ru", "uk"), default="ru")
    if script == "kana":
        return "ja"
    if script == "han":
        return "ja" if counts.get("kana", 0) > counts["han"] * 0.1 else "zh"
    return {"hebrew": "he", "greek": "el", "hangul": "ko", "devanagari": "hi"}.get(script, "und")


def _arabic_script_language(sample: str, arabic: int) -> str:
    persian = len(_PERSIAN.findall(sample))
    urdu = len(_URDU.findall(sample))
    if urdu > arabic * 0.02 and urdu >= persian * 0.3:
        return "ur"
    if persian > arabic * 0.02:
        return "fa"
    return "ar"


def _by_stopwords(sample: str, langs: tuple[str, ...], default: str = "und") -> str:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return default
    table = _stopwords()
    scores = {lang: sum(1 for w in words if w in table[lang]) for lang in langs}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, len(words) * 0.05):
        return default
    return best
