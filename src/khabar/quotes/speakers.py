"""Who said it: turn a subject phrase, or the lack of one, into a :class:`Speaker`.

Arabic news puts the subject after the cue ("قال الرئيس …", "وأكد أمير بايوف
أن"), before it inside a reported clause ("أن ريفلين أبلغ"), or leaves it out
("وأضاف أن …") when the same person goes on speaking. This module answers each
case:

- :func:`resolve_phrase`: a subject phrase → the entity named in it (a person
  name first, then a title mention such as "المستشار الأذري", then an
  organization or place), or the phrase itself when no entity is known. The
  phrase's head noun says whether the source is a medium ("الصحف
  الإسرائيلية", "موقع يديعوت أحرونوت"), an organization, or a document;
- :func:`source_like` / :func:`source_head`: whether a phrase can be a source at all
  (the subject written before the cue is read by :mod:`khabar.quotes.preverbal`);
- :func:`agrees`: the cue's gender must match its antecedent's (أضافت continues
  a woman or an organization, not the man quoted last).
"""

from __future__ import annotations

from functools import cache

from khabar.model import Speaker
from khabar.quotes.doc import MentionRef, QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.text.clitics import mention_start

_TYPE_RANK = {"PERSON": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def same(a: Speaker | None, b: Speaker | None) -> bool:
    """Whether two speakers are one source: same entity, or same phrase."""
    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return a.entity == b.entity
    return (a.start, a.end) == (b.start, b.end) or a.text == b.text


def agrees(gender: str | None, other: str | None) -> bool:
    return gender is None or other is None or gender == other


def plural_phrase(doc: QuoteDoc, speaker: Speaker | None) -> bool | None:
    """Whether a speaker phrase names several people ("الأهالي", "مسؤولون"); None
    when the phrase does not say (a name, an office)."""
    if speaker is None or speaker.entity is not None:
        return None if speaker is None else False
    from khabar.text.normalize import normalize

    words = normalize(speaker.text).split()
    if not words:
        return None
    head = words[0]
    bare = head[2:] if head.startswith("ال") else head
    if head in lexicon().plural_heads or bare in lexicon().plural_heads:
        return True
    if bare.endswith(("ون", "ين")) and len(bare) > 4:
        return True
    return None


def _kind_of_phrase(doc: QuoteDoc, a: int, b: int) -> str:
    """person | org | media | unknown from the phrase's first noun."""
    lex = lexicon()
    while a < b - 1 and doc.norms[a] in lex.quantity_nouns:
        a += 1  # "إحدى الصحف الإماراتية": the head comes after the quantifier
    for k in range(a, min(b, a + 3)):
        w = doc.norms[k]
        if not doc.is_word(k):
            d = doc.direct_opening(k)
            if d is not None and d.close is not None:
                return "media" if _quoted_is_media(doc, d.start, d.end) else "person"
            continue
        if strip_proclitic(w, lex.media_nouns) is not None or w in lex.media_names:
            return "media"
        two = w + " " + doc.norms[k + 1] if k + 1 < len(doc) else w
        if two in lex.media_names or two in lex.media_nouns:
            return "media"
        if strip_proclitic(w, lex.org_nouns) is not None or two in lex.org_nouns:
            return "org"
        if strip_proclitic(w, lex.document_nouns) is not None:
            return "unknown"
        return "person"
    return "person"


def _quoted_is_media(doc: QuoteDoc, start: int, end: int) -> bool:
    from khabar.text.normalize import normalize

    name = normalize(doc.text[start:end]).strip()
    return name in lexicon().media_names


def _phrase_bounds(doc: QuoteDoc, a: int, b: int) -> tuple[int, int]:
    """Drop leading/trailing punctuation tokens from token range ``[a, b)``."""
    while a < b and doc.is_punct(a) and doc.direct_opening(a) is None:
        a += 1
    while b > a and doc.is_punct(b - 1) and doc.tokens[b - 1].text not in "»\"”)":
        b -= 1
    return a, b


def _best_mention(refs: list[MentionRef], opening: int = -1) -> MentionRef | None:
    """The mention a subject phrase is about: a person's name first, the last one
    ("مستشار الرئيس محمود عباس، نبيل شعث" is Shaath: the name closes the title
    phrase), then a person's title mention, then an organization or place, first
    one. A "name" that is a nationality adjective is a tagging slip, not a name.

    A person's name that opens the phrase (at offset ``opening``) is the subject
    and what follows it is its apposition: in "كريج بلمب الرئيس الإقليمي للبحوث
    لدى جيه.إل.إل" a name inside the title (even one the tagger wrongly calls a
    person) names the employer, not the speaker."""

    def rank(ref: MentionRef) -> tuple[int, int, int]:
        m = ref.mention
        etype = ref.entity.type if ref.entity is not None else m.type
        order = -m.start if etype == "PERSON" and m.kind == "name" else m.start
        return (_TYPE_RANK.get(etype, 4), 0 if m.kind == "name" else 1, order)

    refs = [r for r in refs if r.mention.kind != "nisba" and not (entity_type(r) == "PERSON" and _is_nisba(r.mention.text))]
    for r in refs:
        if r.mention.start == opening and r.mention.kind == "name" and entity_type(r) == "PERSON":
            return r
    return min(refs, key=rank) if refs else None


def entity_type(ref: MentionRef) -> str:
    return ref.entity.type if ref.entity is not None else ref.mention.type


def _is_nisba(text: str) -> bool:
    from khabar.entities.nationality import country_of

    return " " not in text.strip() and country_of(text) is not None


def _without_genitives(doc: QuoteDoc, refs: list[MentionRef]) -> list[MentionRef]:
    """"المحامي خايمي تابيا محامي كارلوس تشافيز": a name right after an indefinite
    noun that follows another name is that noun's genitive (the client, not the
    lawyer who speaks); it is dropped while an earlier name remains."""
    names = [r for r in refs if r.mention.kind == "name" and entity_type(r) == "PERSON"]
    if len(names) < 2:
        return refs
    ends = {r.mention.end for r in names}
    drop = set()
    for r in names:
        k = doc.token_at(r.mention.start)
        if k < 2 or not doc.is_word(k - 1) or doc.norms[k - 1].startswith("ال"):
            continue
        if doc.tokens[k - 2].end in ends and doc.mention_covering(doc.tokens[k - 1].start, doc.tokens[k - 1].end) is None:
            drop.add(id(r))
    return [r for r in refs if id(r) not in drop]


def resolve_phrase(doc: QuoteDoc, a: int, b: int) -> Speaker | None:
    """The speaker named by the token range ``[a, b)`` of a subject phrase.

    "مستشار نائبة رئيس أذربيجان أيلتشين أمير بايوف" resolves to the person
    entity of "أيلتشين أمير بايوف" when entities are known, else to the phrase.
    """
    a, b = _phrase_bounds(doc, a, b)
    if a >= b:
        return None
    start, end = doc.tokens[a].start, doc.tokens[b - 1].end
    if doc.norms[a][:1] in ("و", "ف") and doc.norms[a][1:3] == "ال":
        start += 1  # "فالمثل يقول": the speaker is المثل
    kind = _kind_of_phrase(doc, a, b)
    opening = doc.tokens[a].start + mention_start(doc.tokens[a].text)
    best = _best_mention(_without_genitives(doc, doc.mentions_in(start, end)), opening)
    if best is not None:
        etype = best.entity.type if best.entity is not None else best.mention.type
        # An organization or place inside a person phrase ("المتحدث باسم الشرطة")
        # is the speaker only when it opens the phrase.
        opens = best.mention.start <= start + 2
        if etype == "PERSON" or opens or (etype == "ORG" and kind in ("media", "org")):
            if etype == "PERSON":
                kind = "person"
            elif kind != "media":
                kind = "media" if _named_medium(best) else "org"
            m = best.mention
            return Speaker(
                text=m.text,
                start=m.start,
                end=m.end,
                entity=best.entity.id if best.entity is not None else None,
                kind=kind,
            )
    named = _quoted_name(doc, a, b)
    if named is not None and kind in ("media", "org"):
        # 'موقع "يديعوت أحرونوت"', 'صحيفة «الغد»': the quoted name is the source's name
        return Speaker(text=doc.text[named[0] : named[1]], start=named[0], end=named[1], kind=kind)
    earlier = named_earlier(doc, a, b)
    if earlier is not None and earlier.entity is not None:
        return Speaker(text=doc.text[start:end], start=start, end=end, entity=earlier.entity.id, kind="person")
    return Speaker(text=doc.text[start:end], start=start, end=end, kind=kind)


def named_earlier(doc: QuoteDoc, a: int, b: int) -> MentionRef | None:
    """"… شقيقته الفنانة مها أبو عوف …. مها أكدت أن": the person named earlier in
    the article whose first or last word the one word ``[a, b)`` is, where the
    tagger did not mark it."""
    if b - a != 1 or doc.tokens[a].kind != "arabic" or doc.norms[a].startswith("ال"):
        return None
    ref = doc.person_name_parts.get(doc.norms[a])
    return ref if ref is not None and ref.mention.end <= doc.tokens[a].start else None


def _quoted_name(doc: QuoteDoc, a: int, b: int) -> tuple[int, int] | None:
    """Offsets of a short quoted name among the first words of a phrase."""
    for k in range(a, min(b, a + 3)):
        d = doc.direct_opening(k)
        if d is not None and d.close is not None and d.words <= 5 and d.outer_end <= doc.tokens[b - 1].end:
            return d.start, d.end
    return None


def source_head(doc: QuoteDoc, a: int, b: int) -> bool:
    """Public form of :func:`_source_head` for the attribution rules."""
    return _source_head(doc, a, b)


def source_like(doc: QuoteDoc, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` look like a source: a known mention, a quoted name,
    or a source, title, media, organization or document noun among its first words
    ("مصادر", "حاكم المنطقة", "رصد دائرة الأوقاف", "لوكالة الأنباء")."""
    lex = lexicon()
    if a >= b:
        return False
    refs = doc.mentions_in(doc.tokens[a].start, doc.tokens[b - 1].end)
    if any(r.mention.kind != "nisba" for r in refs):
        return True
    d = doc.direct_opening(a)
    if d is not None and d.close is not None and d.words <= 4:
        return True
    if named_earlier(doc, a, min(b, a + 1)) is not None and (b == a + 1 or not doc.is_word(a + 1)):
        return True  # "وأضافت رؤى أنها": a first name of a person named earlier
    classes = lex.source_nouns | lex.media_nouns | lex.org_nouns | lex.document_nouns | lex.person_heads | lex.plural_heads
    words = [k for k in range(a, b) if doc.is_word(k)][:3]
    for n, k in enumerate(words):
        w = doc.norms[k]
        if w.startswith("لل") and len(w) > 4:
            w = "ال" + w[2:]
        if strip_proclitic(w, classes) is not None or w in lex.media_names:
            return True
        if n + 1 < len(words) and w + " " + doc.norms[words[n + 1]] in lex.media_names:
            return True
    return False


def _named_medium(ref: MentionRef) -> bool:
    from khabar.text.normalize import normalize

    return normalize(ref.mention.text) in lexicon().media_names


def points_back(doc: QuoteDoc, a: int, b: int) -> bool:
    """A "subject" that only points back ("هؤلاء", "معاليه", "بدوره", "أيضاً")."""
    a, b = _phrase_bounds(doc, a, b)
    words = [doc.norms[k] for k in range(a, b) if doc.is_word(k)]
    lex = lexicon()
    if words and _time_phrase(words):
        return True  # "وكانت العائلة أعلنت نهاية يونيو أن": when, not who
    return bool(words) and all(w in lex.anaphors or w in lex.discourse_words or w in lex.time_words for w in words)


def _bare_date_word(w: str) -> str:
    from khabar.text.normalize import normalize

    w = normalize(w, taa=True)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


@cache
def _date_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(months and weekdays, part-of-period nouns, time words), article-free, built once."""
    from khabar.time.months import gregorian_months, hijri_months, weekdays

    months = frozenset(_bare_date_word(m) for m in (*gregorian_months(), *hijri_months(), *weekdays()))
    heads = frozenset(_bare_date_word(h) for h in lexicon().time_heads)
    times = frozenset(_bare_date_word(t) for t in lexicon().time_words) | {
        "شهر", "عام", "اسبوع", "يوم", "ماضي", "مقبل", "جاري", "حالي"
    }
    return months, heads, times


def _time_phrase(words: list[str]) -> bool:
    """Whether matching-form ``words`` are a date and nothing else ("نهاية يونيو",
    "مطلع الشهر الجاري", "يوم الأحد", "يونيو الماضي"): months, weekdays, the nouns
    that cut a period, and time words, with at least one month or weekday or a
    part-of-period noun first."""
    months, heads, times = _date_words()
    keys = [_bare_date_word(w) for w in words]
    if not (keys[0] in months or (keys[0] in heads and len(keys) > 1)):
        return False
    return all(k in months or k in heads or k in times or k.isdigit() for k in keys)


def _source_head(doc: QuoteDoc, a: int, b: int) -> bool:
    """Whether the phrase ``[a, b)`` opens on a source: a mention starting there, or
    a source, title, media, organization or document noun as its first word."""
    lex = lexicon()
    if a >= b:
        return False
    start = doc.tokens[a].start
    if any(r.mention.start <= start + 1 and r.mention.kind != "nisba" for r in doc.mentions_in(start, doc.tokens[b - 1].end)):
        return True
    while a < b - 1 and (doc.norms[a] in lex.quantity_nouns or doc.norms[a] == "من"):
        a += 1  # "عدد من المواطنين": the head is the counted noun
    d = doc.direct_opening(a)
    if d is not None and d.close is not None:
        return True
    w = doc.norms[a]
    classes = lex.source_nouns | lex.media_nouns | lex.org_nouns | lex.document_nouns | lex.person_heads
    return strip_proclitic(w, classes) is not None or w in lex.media_names
