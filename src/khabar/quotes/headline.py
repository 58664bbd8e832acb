"""Headline quotes: "SPEAKER: CONTENT" in the title ("مسؤول أذري: تعاوننا العسكري …").

The title is the first line of ``Article.text``. It holds a quote when it
splits at a colon into a short speaker phrase (one to six words, not a label
such as "عاجل" or "بالفيديو", not a clock time) and a content of two words or
more. A trailing cue verb ("X يؤكد: …") or venue ("X لـ«عكاظ»: …") is peeled off
the speaker phrase.

The speaker is often a description, not a name ("مسؤول أذري", "وكيل اللاعب"),
standing for someone the body names. It is resolved to the body quote that
best fits: the one whose content shares the most words with the headline, and
whose speaker's role shares words with the description and whose country
agrees with its nationality adjective ("أذري" → AZ). A name in the headline
("الجبير: …") resolves directly through its mention.
"""

from __future__ import annotations

import re

from khabar.model import Speaker
from khabar.quotes.cues import lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon
from khabar.quotes.record import Record
from khabar.quotes.speakers import resolve_phrase
from khabar.quotes.venue import venue_at
from khabar.text.normalize import normalize

_MAX_SPEAKER_WORDS = 6
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(normalize(text, taa=True)):
        if w in lexicon().headline_stop_words or len(w) < 3:
            continue
        out.add(w[2:] if w.startswith("ال") and len(w) > 4 else w)
    return out


def _speaker_tokens(doc: QuoteDoc, colon: int) -> tuple[int, int, tuple[int, int] | None] | None:
    a = 0
    b = doc.token_at(colon)
    while a < b and not doc.is_word(a):
        a += 1
    words = [k for k in range(a, b) if doc.is_word(k)]
    if not words or len(words) > _MAX_SPEAKER_WORDS + 2:
        return None
    if doc.norms[words[0]] in lexicon().headline_labels or doc.tokens[words[-1]].kind == "number":
        return None
    cue = None
    for k in range(a, b):
        v = venue_at(doc, k)
        if v is not None and v >= b:
            b = k
            break
    last = b - 1
    while last >= a and not doc.is_word(last):
        last -= 1
    if last > a and any(f.tense != "participle" for f in lookup(doc.tokens[last].text)):
        cue = (doc.tokens[last].start, doc.tokens[last].end)
        b = last
    if sum(1 for k in range(a, b) if doc.is_word(k)) > _MAX_SPEAKER_WORDS or a >= b:
        return None
    return a, b, cue


def _dateline(doc: QuoteDoc, a: int, b: int) -> bool:
    """Whether the phrase before the title's colon is a bare place name ("جدة",
    "الكويت", "المدينة المنورة"): a place mention and nothing else."""
    words = [k for k in range(a, b) if doc.is_word(k)]
    if not words or len(words) > 2:
        return False
    refs = doc.mentions_in(doc.tokens[words[0]].start, doc.tokens[words[-1]].end)
    return bool(refs) and all((r.entity.type if r.entity else r.mention.type) == "LOC" for r in refs) and (
        min(r.mention.start for r in refs) <= doc.tokens[words[0]].start
        and max(r.mention.end for r in refs) >= doc.tokens[words[-1]].end
    )


_FIRST_PERSON = re.compile(r"(?:^|\s)(?:نحن|أنا|انا|لن ن\w+|لم ن\w+|لا ن\w+|سن\w+|\w{2,}نا)(?=$|[\s،.!؟:«»\"])")


def _first_person(content: str) -> bool:
    """Words in the first person ("موجوداتنا المجمدة", "لن نسمح", "نحن"): a
    place that speaks them is its government."""
    return bool(_FIRST_PERSON.search(content))


def _country_codes(text: str) -> set[str]:
    from khabar.entities.nationality import country_of

    codes = set()
    for w in _WORD.findall(text):
        country = country_of(w)
        if country is not None:
            codes.add(country.code)
    return codes


def _score(doc: QuoteDoc, rec: Record, described: set[str], content: set[str], codes: set[str]) -> float:
    assert rec.speaker is not None
    body = _words(doc.text[rec.start : rec.end])
    overlap = len(content & body) / max(1, len(content))
    about = _words(rec.speaker.text)
    entity = doc.entities_by_id.get(rec.speaker.entity or "")
    if entity is not None:
        about |= _words(entity.role or "") | _words(entity.canonical)
        if codes and entity.country is not None:
            overlap += 0.5 if entity.country.code in codes else -0.5
    overlap += 0.3 * len(described & about)
    return overlap


def resolve_headline(doc: QuoteDoc, a: int, b: int, content: tuple[int, int], records: list[Record]) -> Speaker | None:
    """The headline speaker phrase ``[a, b)`` resolved against the body quotes."""
    phrase = resolve_phrase(doc, a, b)
    if phrase is None:
        return None
    if phrase.entity is not None and phrase.kind == "person":
        return phrase
    body = [r for r in records if r.speaker is not None and r.kind != "headline"]
    if not body:
        return phrase
    start, end = doc.tokens[a].start, doc.tokens[b - 1].end
    left = doc.text[start:end]
    described = _words(left)
    words = _words(doc.text[content[0] : content[1]])
    codes = _country_codes(left) if doc.analysis.entities else set()
    scored = [(_score(doc, r, described, words, codes), -k, r) for k, r in enumerate(body)]
    score, _, best = max(scored, key=lambda t: (t[0], t[1]))
    if score <= 0:
        best = body[0]
    chosen = best.speaker
    assert chosen is not None
    if phrase.entity is not None and chosen.entity != phrase.entity and score <= 0:
        return phrase
    return Speaker(text=left, start=start, end=end, entity=chosen.entity, kind=chosen.kind)


def headline_quote(doc: QuoteDoc, records: list[Record]) -> Record | None:
    """The title's quote, if it has the "SPEAKER: CONTENT" shape."""
    title = doc.text[: doc.title_end]
    colon = title.find(":")
    if colon <= 0:
        return None
    found = _speaker_tokens(doc, colon)
    if found is None:
        return None
    a, b, cue = found
    start = colon + 1
    end = doc.title_end
    while start < end and title[start].isspace():
        start += 1
    while end > start and (title[end - 1].isspace() or title[end - 1] in ".،"):
        end -= 1
    whole = [d for d in doc.direct if d.open == start and d.outer_end >= end]
    if whole:
        start, end = whole[0].start, whole[0].end
    if len(_WORD.findall(title[start:end])) < 2:
        return None
    peeled = any(doc.is_word(k) for k in range(b, doc.token_at(colon)))  # "شالكه لـ «السيدة العجوز»:"
    if cue is None and not peeled and _dateline(doc, a, b) and not _first_person(title[start:end]):
        return None  # "العراق: مقتل 15 من «داعش»": the place of a news item, not a speaker
    speaker = resolve_headline(doc, a, b, (start, end), records)
    return Record("headline", start, end, 0, cue, speaker)
