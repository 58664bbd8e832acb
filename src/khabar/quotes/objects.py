"""Readings of a cue without a complement word: a noun-phrase object, or the clause before "كما".

:func:`without_complement` is called by :func:`khabar.quotes.scan.scan` when
the words after a cue reach the end of its window without a complementizer,
colon or preposition: "نفى المتحدث ما تم تداوله" reports its noun object,
"الفحوصات أكدت عدم تمكنه" its object after a subject written before the verb,
"… كما أعلنت المحكمة" the clause before كما.
"""

from __future__ import annotations

from khabar.quotes.cues import CueForm
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon
from khabar.quotes.phrases import (
    complementizer_at,
    in_name,
    indefinite_noun,
    leading_name_end,
    looks_definite,
    possessed_noun,
    possessive_split,
    prep,
)
from khabar.quotes.preverbal import left_subject
from khabar.quotes.speakers import source_like


def without_complement(
    doc: QuoteDoc,
    i: int,
    form: CueForm,
    subj: list[int],
    closed: bool,
    np_start: int | None,
    venue: tuple[int, int] | None,
) -> CueHit | None:
    """Readings without a complement word.

    ``before``: "… كما أعلنت المحكمة" attributes the clause before كما.
    ``np``: a bare object after a subject that is clearly closed (by a comma, a
    venue, or the end of a known mention) and looks like a source, or right
    after a cue whose subject stands before it ("الفحوصات أكدت عدم تمكنه").
    """
    end = doc.sentence_end_token(i)
    prev = doc.norms[i - 1] if i > 0 else ""
    if subj and np_start is not None and doc.norms[np_start] in lexicon().relatives:
        later = _object_after_relative(doc, np_start, end)
        named_end = leading_name_end(doc, subj)
        if later is not None:
            # "أعلن اتليتيكو مدريد الذي ينافس في الدوري … توصله لاتفاق": the relative
            # clause describes the subject, the possessed verbal noun after it is the object
            np_start = later
        elif named_end is not None:
            # "نفت وزارة الداخلية الأنباء التي ترددت": the relative clause describes the
            # object, which starts where the subject's name ends
            np_start = named_end
            subj = [k for k in subj if k < named_end]
    subject = (subj[0], subj[-1] + 1) if subj else None
    quoted = any(d.start <= doc.tokens[i].start < d.end for d in doc.direct)
    if (
        prev in ("كما", "وكما")
        and form.tense != "participle"
        and subject is not None
        and not quoted
        and source_like(doc, *subject)
    ):
        s0 = doc.sentence_start_token(i)
        first = next((k for k in range(s0, i - 1) if doc.is_word(k)), None)
        if first is not None:
            return CueHit(i, form, "before", first, doc.tokens[first].start, subject, None, venue)
        # "كما أكد محلب أهمية …" opens its sentence: nothing before it to attribute
    if "np" not in form.lemma.complements:
        return None
    if (
        not subj
        and np_start is not None
        and prev in lexicon().relatives
        and np_start < end
        and doc.is_word(np_start)
    ):
        # "هولاند الذي أكّد له دعم باريس": the antecedent speaks (khabar.quotes.attach)
        return CueHit(i, form, "np", np_start, doc.tokens[np_start].start, None, None, venue, None, True)
    if form.tense != "participle":
        if not form.proclitic and left_subject(doc, i) is not None and i + 1 < end and doc.is_word(i + 1):
            # the object starts after an addressee the scan stepped over ("أكد لأرسنال تمسكه")
            first = np_start if not subj and np_start is not None and np_start < end else i + 1
            return CueHit(i, form, "np", first, doc.tokens[first].start, None, None, venue)
        if not subj:
            return None
        if form.proclitic and not source_like(doc, subj[0], subj[-1] + 1) and i + 1 < end:
            head = subj if len(subj) > 1 or np_start is None else [*subj, np_start]
            split = definite_subject_split(doc, head)
            if split is not None:
                # "ونفى المتهم ارتكاب أي خطأ": verb, definite subject, object
                return CueHit(
                    i, form, "np", split, doc.tokens[split].start, (subj[0], split), None, venue, None, True
                )
            # "وأكد عدم توفر دلائل …": no subject, the noun phrase is the content
            return CueHit(i, form, "np", i + 1, doc.tokens[i + 1].start, None, None, venue)
        refs = doc.mentions_in(doc.tokens[subj[0]].start, doc.tokens[subj[-1]].end)
        person = [r for r in refs if (r.entity.type if r.entity else r.mention.type) in ("PERSON", "ORG")]
        split = possessive_split(doc, subj)
        if split is not None and source_like(doc, subj[0], split):
            # "أبدى المواطنون استياءهم من …", "وأبدى مدير الشركة رضا الغزاوي شكره": the
            # object opens on its possessive noun
            return CueHit(
                i, form, "np", split, doc.tokens[split].start, (subj[0], split), None, venue, None, True
            )
        if not closed or form.ambiguous:
            if not person:
                return None
            last = max(r.mention.end for r in person)
            k = doc.token_at(last)
            subj = [t for t in subj if doc.tokens[t].end <= last]
            while k < end and (doc.norms[k] in lexicon().time_words or doc.is_comma(k)):
                k += 1
            np_start = k
        elif not source_like(doc, subj[0], subj[-1] + 1):
            return None
    if np_start is None or np_start >= end or not doc.is_word(np_start):
        return None
    if prep(doc, np_start) is not None:
        return None  # "وعادا إلى الرياض": a noun object never opens on a preposition
    subject = (subj[0], subj[-1] + 1) if subj else None
    return CueHit(i, form, "np", np_start, doc.tokens[np_start].start, subject, None, venue, None, True)


def _object_after_relative(doc: QuoteDoc, rel: int, end: int) -> int | None:
    """A verbal noun with a possessive pronoun that agrees with the relative pronoun
    at ``rel`` ("الذي … توصله", "التي … عزمها"), within the clause after it."""
    suffix = {"الذي": "ه", "التي": "ها", "الذين": "هم"}.get(doc.norms[rel])
    if suffix is None:
        return None
    for k in range(rel + 2, min(end, rel + 16)):
        if not doc.is_word(k) or complementizer_at(doc, k):
            return None
        w = doc.norms[k]
        if possessed_noun(doc, k) and w.endswith(suffix) and (suffix != "ه" or not w.endswith(("ها", "هم"))):
            return k
    return None


def definite_subject_split(doc: QuoteDoc, subj: list[int]) -> int | None:
    """Where the object starts when a cue is followed by one definite word and a
    bare noun ("ونفى المتهم | ارتكاب أي خطأ", "وأعلن الطرفان | توقيع الاتفاق"):
    an adjective of a definite noun carries ال too, so a bare noun after it starts
    the verb's object, and the definite word before it is the subject (VSO). Not
    when the bare word is a preposition, an adverb of time, a word pointing back
    ("المصدر نفسه") or part of a name."""
    if len(subj) < 2 or subj[1] != subj[0] + 1 or not looks_definite(doc, subj[0]):
        return None
    k = subj[1]
    lex = lexicon()
    w = doc.norms[k]
    if (
        not indefinite_noun(doc, k)
        or prep(doc, k) is not None
        or w in lex.time_words
        or w in lex.anaphors
        or w in lex.discourse_words
        or w.startswith(("ب", "ل", "ك", "و", "ف"))
        or in_name(doc, subj[0])
    ):
        return None
    return k
