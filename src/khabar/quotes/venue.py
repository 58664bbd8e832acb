"""Where a statement was made: "في مقابلة مع الإذاعة الإسرائيلية العامة", "لـ«عكاظ»", "في بيان".

Venue phrases sit between a cue verb and its content, before or after the
subject ("وأكد لـ«عكاظ» الشيخ …، أن"; "قال الوزير في مؤتمر صحافي إن"), so the
subject scanner must step over them; this module recognises one at a given
token and says where it ends. Two shapes:

- a preposition (في، خلال، عبر، على هامش …) followed within two words by a
  venue noun (مقابلة، حديث، تصريح، مؤتمر، بيان، كلمة، تغريدة، حساب …); the
  phrase runs to the next comma, complementizer, colon, time word or
  content preposition (عن، إلى، على: "في بيان لها عن خطة"), at most twelve
  words: "في مقابلة مع الإذاعة الإسرائيلية العامة";
- the dative of the medium spoken to: لـ + a quoted name ("لـ«عكاظ»",
  'ل"الرياض"') or ل + a media noun or name ("لوكالة الأنباء الألمانية",
  "لرويترز").
"""

from __future__ import annotations

from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic

_MAX_WORDS = 12


def _is_media_word(word: str) -> bool:
    lex = lexicon()
    return strip_proclitic(word, lex.media_nouns) is not None or word in lex.media_names


def _dative_end(doc: QuoteDoc, j: int) -> int | None:
    """End (exclusive token index) of a "لـ + medium" phrase starting at token ``j``."""
    lex = lexicon()
    w = doc.norms[j]
    if w == "ل" and j + 1 < len(doc):
        d = doc.direct_opening(j + 1)
        if d is not None and d.close is not None and d.words <= 5:
            return doc.token_at(d.outer_end)
        if _is_media_word(doc.norms[j + 1]):
            return _media_phrase_end(doc, j + 1)
        return None
    if not w.startswith("ل") or len(w) < 3:
        return None
    rest = w[1:]
    if rest.startswith("ل") and "ال" + rest[1:] in lex.audience_nouns:
        return j + 1  # "قال للصحفيين": whom he spoke to
    if rest in lex.media_names or ("ال" + rest[1:] in lex.media_nouns if rest.startswith("ل") else rest in lex.media_nouns):
        return _media_phrase_end(doc, j)
    return None


def _media_phrase_end(doc: QuoteDoc, j: int) -> int:
    """A media noun and the name or adjectives after it ("وكالة الأنباء الألمانية")."""
    end = doc.sentence_end_token(j)
    k = j + 1
    while k < end and k - j <= 5:
        d = doc.direct_opening(k)
        if d is not None and d.close is not None and d.words <= 5:
            first = doc.token_at(d.start)
            if first < len(doc) and doc.norms[first] in lexicon().complementizers:
                break  # 'للوكالة «أن المدينة غارقة …»': what was said, not the medium's name
            return doc.token_at(d.outer_end)
        w = doc.norms[k]
        if not doc.is_word(k) or w in lexicon().complementizers or w in lexicon().adjunct_starts:
            break
        if not (w.startswith("ال") or doc.tokens[k].kind == "latin" or w in lexicon().media_names):
            break
        k += 1
    return k


def _unpossessed(word: str) -> str:
    """"تقريره" → "تقرير", "كلمتها" → "كلمة": a venue noun with a possessive pronoun."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem[:-1] + "ة" if stem.endswith("ت") else stem
    return word


def venue_at(doc: QuoteDoc, j: int) -> int | None:
    """If a venue phrase starts at token ``j``, the token index just past it."""
    lex = lexicon()
    dative = _dative_end(doc, j)
    if dative is not None:
        return dative
    w = doc.norms[j]
    if strip_proclitic(w, lex.venue_starts) is None:
        return None
    end = doc.sentence_end_token(j)
    window = [doc.norms[k] for k in range(j + 1, min(j + 3, end))]
    if not any(strip_proclitic(_unpossessed(x), lex.venue_nouns) is not None for x in window):
        return None
    k = j + 1
    while k < end and k - j <= _MAX_WORDS:
        x = doc.norms[k]
        if x in lexicon().venue_closers and k + 1 < end and (doc.direct_opening(k + 1) is not None or _is_media_word(doc.norms[k + 1])):
            k += 1  # "في حديثها إلى "الرياض"": the medium spoken to is part of the venue
            continue
        if doc.is_comma(k) or doc.is_colon(k) or x in lex.complementizers or x in lex.time_words or x in lexicon().venue_closers:
            break
        d = doc.direct_opening(k)
        if d is not None:
            if d.close is None or d.words > 5:
                break
            k = doc.token_at(d.outer_end)
            continue
        k += 1
    return k


def venue_text(doc: QuoteDoc, j: int, k: int) -> str:
    """The text of tokens ``[j, k)``, as written."""
    return doc.text[doc.tokens[j].start : doc.tokens[k - 1].end]
