"""Attribution phrases: "بحسب X"، "وفقاً لـX"، "نقلاً عن X"، "على لسان X"، "كما جاء في X".

Unlike a cue verb, an attribution phrase attributes a clause it is attached to:

- at the head of its clause ("وبحسب الإحصاءات الرسمية، فإن عدد …") the source
  runs to the comma (or to فإن/فقد) and the content is the rest of the sentence;
- after its clause ("قتل 50 شخصاً، بحسب حاكم المنطقة") the content is the
  clause before it and the source the rest;
- "حسبما أفاد X" / "بحسب ما أكده X" take the verb as cue and its subject as source;
- "على حد قوله" points back to the speaker quoted last;
- "في تصريح لـX" attributes only when X is not a medium (for a medium it is the
  venue of a cue: "قال في تصريح لـ«عكاظ»").

A bare "حسب/بحسب/وفق" is also "in accordance with" ("حسب الخبرة", "بحسب نظام
فيفا"), so the source must look like one: a known mention, a source, media,
organization or document noun, or a quoted name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.model import Speaker
from khabar.quotes.content import trim
from khabar.quotes.cues import CueForm, lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.phrases import adjective_of_title, appositive_end, complementizer_at
from khabar.quotes.readings import warada
from khabar.quotes.record import Record
from khabar.quotes.speakers import resolve_phrase, source_head, source_like
from khabar.text.normalize import normalize

_MAX_SOURCE = 10


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    link: str | None = None
    self_ref: bool = False
    needs_verb: bool = False


@cache
def phrases() -> tuple[Phrase, ...]:
    """The phrases of ``data/quotes/attributions.json`` in matching form, longest first."""
    path = resources.files("khabar") / "data" / "quotes" / "attributions.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    out = [
        Phrase(
            tuple(normalize(w) for w in p["words"]),
            normalize(p["link"]) if p.get("link") else None,
            bool(p.get("self")),
            bool(p.get("verb")),
        )
        for p in raw["phrases"]
    ]
    return tuple(sorted(out, key=lambda p: -len(p.words)))


@cache
def _by_first_word() -> dict[str, tuple[Phrase, ...]]:
    """The phrases keyed by their first word, longest first within each key, so that
    a token is compared only with the few phrases that can start there."""
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases():
        index.setdefault(phrase.words[0], []).append(phrase)
    return {w: tuple(ps) for w, ps in index.items()}


def _match(doc: QuoteDoc, i: int) -> tuple[Phrase, int] | None:
    """The phrase starting at token ``i`` and the index of its source's first token."""
    n = len(doc)
    first = doc.norms[i]
    index = _by_first_word()
    candidates = index.get(first, ())
    if first.startswith("و") and len(first) > 1:
        # "وبحسب", "ووفقا": the conjunction is written on the phrase's first word
        candidates += index.get(first[1:], ())
    for phrase in sorted(candidates, key=lambda p: -len(p.words)) if len(candidates) > 1 else candidates:
        k = len(phrase.words)
        if i + k > n:
            continue
        if any(doc.norms[i + m] != phrase.words[m] for m in range(1, k)):
            continue
        s = i + k
        if phrase.link is None:
            return phrase, s
        if s >= n:
            continue
        if phrase.link == "ل-":
            w = doc.norms[s]
            if w == "ل":
                return phrase, s + 1
            if w == "لما":
                return phrase, s  # "وفقاً لما أظهرته البيانات": ل + ما, read as "بحسب ما"
            if w.startswith("ل") and len(w) > 2:
                return phrase, s
            continue
        if doc.norms[s] == phrase.link or (phrase.link == "الي" and doc.norms[s] == "الى"):
            return phrase, s + 1
    return None


def _source_end(doc: QuoteDoc, s: int, end: int) -> int:
    lex = lexicon()
    k = s
    while k < end and k - s < _MAX_SOURCE:
        w = doc.norms[k]
        d = doc.direct_opening(k)
        if d is not None and d.close is not None and d.words <= 4:
            k = doc.token_at(d.outer_end)
            continue
        named = _media_name_end(doc, k)
        if named is not None:
            k = named  # "حسب موقع سي إن إن": إن inside the name is no complementizer
            continue
        if doc.is_comma(k) and k > s:
            after = appositive_end(doc, k + 1, end)
            if after is not None:
                k = after  # "بحسب مدير المستشفى، الدكتور سعد القحطاني، فإن": the name in apposition
                continue
        if doc.is_comma(k) or doc.is_colon(k) or doc.is_terminal(k) or complementizer_at(doc, k) or w in lexicon().content_openers:
            break
        if k > s and w in lex.time_words and not adjective_of_title(doc, k):
            break  # "لما أظهرته بيانات حكومية الأسبوع الماضي": when, not who
        forms = lookup(doc.tokens[k].text)
        if forms and k > s + 1 and not forms[0].ambiguous and any(f.tense in ("past", "present") for f in forms):
            break  # "وفق بيان للأمم المتحدة أشار إلى": a clause describing the source
        if forms and (doc.norms[k][:1] in ("و", "ف") or any(f.tense == "participle" for f in forms)):
            # "بحسب صحيفة الوطن وأوضحت الإحصائية أن", "وهو ما أكده المتحدث مضيفاً أن":
            # a cue starts the next clause
            break
        k += 1
    return k


def _media_name_end(doc: QuoteDoc, k: int) -> int | None:
    """The token after a media name of two or three words starting at ``k``."""
    names = lexicon().media_names
    for n in (3, 2):
        if k + n <= len(doc) and " ".join(doc.norms[k : k + n]) in names:
            return k + n
    return None


def _trimmed_source(doc: QuoteDoc, s: int, k: int) -> Speaker | None:
    speaker = resolve_phrase(doc, s, k)
    if speaker is None:
        return None
    tok = doc.tokens[s]
    if speaker.start == tok.start and doc.norms[s].startswith("ل") and len(doc.norms[s]) > 2 and tok.text[0] == "ل":
        cut = 1
        # "وفقاً للمسؤول": like a mention, the span starts at the article's lam ("لمسؤول")
        speaker = Speaker(doc.text[tok.start + cut : speaker.end], tok.start + cut, speaker.end, speaker.entity, speaker.kind)
    return speaker


def find_phrases(doc: QuoteDoc) -> list[tuple[int, Phrase, int]]:
    """Every attribution phrase in the body: (token index, phrase, first source token)."""
    out = []
    for i in range(len(doc)):
        tok = doc.tokens[i]
        if tok.kind != "arabic" or doc.in_title(tok.start):
            continue
        if i > 0 and doc.norms[i - 1] in ("ما", "بما", "مما", "لما"):
            continue  # "بما وفق الله إليه عباده": the verb وفّق, not "according to"
        found = _match(doc, i)
        if found is not None:
            out.append((i, *found))
    return out


def _enclosing(records: list[Record], pos: int) -> Record | None:
    inside = [r for r in records if r.contains(pos)]
    return max(inside, key=lambda r: r.start) if inside else None


def parenthetical_source(doc: QuoteDoc, phrase: Phrase, s: int, limit: int) -> Speaker | None:
    """The source of a phrase set between a cue and its complement ("وقال الناطق،
    حسب وكالة الصحافة الفرنسية، إنه", "وأوضح سيف حسبما نقل عنه التلفزيون الرسمي
    أن"): the medium the words come through, not another statement. ``limit`` is
    the complement's token."""
    if phrase.self_ref or phrase.needs_verb or s >= limit or phrase.words[0] not in lexicon().relay_phrase_words:
        return None  # "في تصريح لـ«عكاظ»" is where it was said (a venue), not through whom
    if doc.norms[s] in ("ما", "لما") and s + 1 < limit:
        s += 1
    if _finite_cue_forms(doc, s):
        s += 1
        while s < limit and doc.norms[s] in ("عنه", "عنها", "عنهم"):
            s += 1  # "حسبما نقل عنه التلفزيون": whom it was taken from is the speaker
    k = _source_end(doc, s, limit)
    while k > s and doc.is_comma(k - 1):
        k -= 1
    if k <= s or not source_head(doc, s, k) or _is_rule(doc, s):
        return None
    return _trimmed_source(doc, s, k)


def attribution_record(doc: QuoteDoc, i: int, phrase: Phrase, s: int, records: list[Record]) -> Record | None:
    """The quote an attribution phrase at token ``i`` carries, given the quotes so far.

    The record is nested in the quote whose content holds the phrase and its
    clause ("وأضاف أنه ووفقاً للإحصاءات … فإن"); a phrase closing a clause that
    holds another quote's cue ("ذكرت تقارير أن …، بحسب صحيفة غلف نيوز") wraps
    that quote instead: the caller cuts it and marks it as reported by the source.
    """
    end = doc.sentence_end_token(i)
    s0 = doc.sentence_start_token(i)
    outer = _enclosing(records, doc.tokens[i].start)
    cue_span = (doc.tokens[i].start, doc.tokens[s - 1].end if s > i else doc.tokens[i].end)
    speaker: Speaker | None = None
    gender: str | None = None
    k = s
    if phrase.self_ref:
        before = [r for r in records if r.anchor < doc.tokens[i].start and r.speaker is not None]
        if not before:
            return None
        speaker = before[-1].speaker
    else:
        if s >= end:
            return None
        verb = _finite_cue_forms(doc, s)
        if doc.norms[s] in ("ما", "لما") and s + 2 < end:
            # "بحسب ما نشرت «عكاظ»", "حسب ما أكده الاتحاد": the verb after ما is the cue
            lama = doc.norms[s] == "لما"
            s += 1
            verb = _finite_cue_forms(doc, s)
            if lama and not any(f.tense == "past" or "colon" in f.lemma.complements for f in verb):
                return None  # "وفقاً لما تقرره اللجنة": what it will decide, a rule, not a report
            cue_span = (doc.tokens[s].start, doc.tokens[s].end)
            s += 1
        elif verb:
            cue_span = (doc.tokens[s].start, doc.tokens[s].end)
            s += 1
        if phrase.needs_verb and not any(f.tense == "past" for f in verb):
            return None  # "على ما يبدو", "وهو ما يهدد أمن المواطن": no report, no source
        if verb:
            gender = verb[0].gender
        k = _source_end(doc, s, end)
        if phrase.needs_verb and not source_like(doc, s, k):
            return None
        if k <= s and verb:
            # "حسبما يدّعي": the verb's subject is the one the sentence is about
            speaker = _sentence_person(doc, s0, i)
            if speaker is None:
                return None
        else:
            if k <= s:
                return None
            if not verb and (not source_head(doc, s, k) or _is_rule(doc, s)):
                return None
            speaker = _trimmed_source(doc, s, k)
            if speaker is None:
                return None
        if phrase.link == "ل-" and phrase.words[0] == "في" and (speaker.kind == "media" or _has_cue(doc, s0, end, i)):
            return None
    head = doc.tokens[i].start
    floor = doc.tokens[s0].start
    if outer is not None and outer.start > floor:
        inner = [t for t in range(doc.token_at(outer.start), i) if doc.is_word(t)]
        if not inner or outer.bounded or outer.anchor < floor:
            # clause-initial inside the outer quote ("أنه ووفقاً للإحصاءات … فإن"),
            # or the outer quote began before this sentence
            floor = outer.start
    before_words = [t for t in range(doc.token_at(floor), i) if doc.is_word(t)]
    after = _content_after(doc, k, end)
    if before_words and after is not None and len(before_words) <= 3 and doc.is_comma(i - 1):
        # "ومن المرجح، حسب التقارير الطبية، أن يكون …": a parenthesis inside the clause
        before_words = []
    if before_words and after is not None and _fa_inna(doc, k, end):
        # "… للعمالة الوافدة ووفقاً للناطق الإعلامي … فإن المتهمين": فإن opens the
        # attributed clause after the source, whatever stands before the phrase
        before_words = []
    if before_words:
        start = doc.tokens[before_words[0]].start
        last = before_words[-1]
        while last > before_words[0] and doc.norms[last] in ("وذلك", "وهذا", "وهو"):
            last -= 1  # "… الأسبوع الماضي وذلك وفقاً لما أظهرته": the writer's link
        stop = trim(doc, start, doc.tokens[last].end if last < before_words[-1] else head)
    else:
        c = k
        while c < end and (doc.is_comma(c) or doc.norms[c] in lexicon().content_openers):
            c += 1
        if any(doc.is_word(t) for t in range(c, end)):
            start = doc.tokens[c].start
            stop = trim(doc, start, doc.sentence_of(head).end)
        else:
            # "… . بحسب موقع العربية نت." on its own: it attributes the sentence before.
            prev = doc.sentence_of(max(0, floor - 1))
            if prev.start >= floor or doc.paragraph_start(prev.start) != doc.paragraph_start(floor):
                return None
            start, stop = prev.start, trim(doc, prev.start, prev.end)
    if stop <= start:
        return None
    rec = Record("indirect", start, stop, head, cue_span, speaker, gender)
    if outer is not None and outer.speaker is not None and start >= outer.start:
        _nest_in(rec, outer)
    return rec


def _finite_cue_forms(doc: QuoteDoc, k: int) -> list[CueForm]:
    """The cue readings of token ``k`` as a finite verb ("أفاد" after "حسبما")."""
    return [f for f in lookup(doc.tokens[k].text) if f.tense != "participle" and not warada(f)]


def _nest_in(rec: Record, outer: Record) -> None:
    rec.reported_by = outer.speaker
    rec.parent = outer


def _sentence_person(doc: QuoteDoc, start_token: int, i: int) -> Speaker | None:
    """The first person mentioned in the sentence before token ``i``."""
    for ref in doc.mentions_in(doc.tokens[start_token].start, doc.tokens[i].start):
        etype = ref.entity.type if ref.entity is not None else ref.mention.type
        if etype == "PERSON" and ref.mention.kind != "nisba":
            a, b = doc.token_at(ref.mention.start), doc.token_at(ref.mention.end)
            return resolve_phrase(doc, a, max(b, a + 1))
    return None


def _fa_inna(doc: QuoteDoc, k: int, end: int) -> bool:
    """Whether the source ending at ``k`` is followed (past a comma) by فإن."""
    c = k
    while c < end and doc.is_comma(c):
        c += 1
    return c < end and doc.norms[c] in ("فان", "فانه", "فانها")


def _content_after(doc: QuoteDoc, k: int, end: int) -> int | None:
    """The first content token after a source ending at ``k`` ("، فإن …", "، أن …")."""
    c = k
    while c < end and (doc.is_comma(c) or doc.norms[c] in lexicon().content_openers):
        c += 1
    return c if any(doc.is_word(t) for t in range(c, end)) else None


def _is_rule(doc: QuoteDoc, s: int) -> bool:
    """"بحسب نظام فيفا", "وفق الاتفاقية": "in accordance with" a rule, not a source."""
    lex = lexicon()
    w = doc.norms[s]
    if w.startswith("ل") and len(w) > 3:
        w = "ال" + w[2:] if w.startswith("لل") else w[1:]
    if strip_proclitic(w, lex.rule_nouns) is None:
        return False
    # "حسب موقع «سي إن إن»": a website named, not "the position of"
    named_medium = strip_proclitic(w, lex.media_nouns) is not None and s + 1 < len(doc) and _names_medium(doc, s + 1)
    return not named_medium


def _names_medium(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` opens a name: a short quotation, a media name, or a mention."""
    d = doc.direct_opening(k)
    if d is not None and d.close is not None and d.words <= 4:
        return True
    if doc.norms[k] in lexicon().media_names or _media_name_end(doc, k) is not None:
        return True
    tok = doc.tokens[k]
    return any(r.mention.start == tok.start and r.mention.kind == "name" for r in doc.mentions_in(tok.start, tok.end))


def _has_cue(doc: QuoteDoc, lo: int, hi: int, skip: int) -> bool:
    return any(k != skip and lookup(doc.tokens[k].text) for k in range(lo, hi))

