"""Where the writer's narration takes over from reported content in the same sentence.

Arabic news often goes on after a reported clause with a coordinated verb
and no full stop: "وقالت النيابة إن الموقوف جزائري وعرفت عنه باسم …". The
coordinated verb belongs either to the reported clause or to the writer's
sentence around the cue; a linguist tells them apart by its subject. When
the verb has no subject of its own, it agrees with the subject it continues:

- a verb that agrees with the speaker (the cue's gender, singular) but not
  with the reported clause's own subject continues the cue's clause, so the
  content ends before it ("قالت النيابة إن الموقوف … وعرفت عنه");
- after a noun or preposition object ("أكد له دعم باريس للبنان") there is no
  clause for a verb to join, so a verb the writer introduces with "كما",
  "وقد" or "ثم" that agrees with the speaker is the speaker's next act ("…
  كما بحث معه الأزمة"), and so is a reporting verb ("ألمح إلى …، وكتب
  مغرّداً"). Any other verb after a bare "و" is not trusted there: the
  verbal nouns of a coordinated object look like perfect verbs ("بوضع حد …
  وحسم الموضوع").

When both subjects have the speaker's gender ("أعلن أنه ضد الحرب، وأطلق")
the sentence is ambiguous and the content runs on, as annotators mostly do.
Perfect verbs are recognized by shape only (no morphology): a bare word of
three to six letters that is not an imperfect (ي، ن، or a masculine ت), not
definite, and has no nominal ending; after a bare "و" only the feminine
perfect in ت is trusted (a masculine perfect looks like a verbal noun).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from khabar.quotes.cues import lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon

_CLAUSE_COMPS = frozenset({"that"})
_NO_NARRATION = frozenset({"colon", "bare", "before", "quote"})
_NOMINAL_ENDINGS = ("ة", "ات", "ين", "ون", "ية", "اء", "ا", "ه", "هم")


@dataclass(frozen=True, slots=True)
class NarrationCandidate:
    """Token ``k`` opens a coordinated perfect verb of ``gender`` (m | f); ``particle``:
    introduced by كما، وقد or ثم rather than a bare و."""

    k: int
    gender: str
    particle: bool


def perfect_gender(word: str) -> str | None:
    """The gender of a third-person singular perfect verb in matching form, or None
    when the word does not look like one ("اطلق" → m, "عرفت" → f, "يرتفع" → None)."""
    if not 3 <= len(word) <= 6 or word in lexicon().narration_function_words or word.startswith("ال"):
        return None
    if word[0] in "ين" or word.endswith(_NOMINAL_ENDINGS) or (word[0] in "بلك" and word[1:3] == "ال"):
        return None
    if word in lexicon().kana:
        return None
    if word.endswith("ت") and len(word) == 3:
        return None  # "صلت" (of وصلت), "ثبت": no telling
    feminine = word.endswith("ت")
    if word[0] == "ت" and not feminine:
        return None  # "تتابع", "تشير": imperfect
    return "f" if feminine else "m"


def _candidates(doc: QuoteDoc) -> list[NarrationCandidate]:
    """Coordinated perfect verbs outside quotations, in token order: "وأطلق",
    "وقد وجد", "ثم أعلن", "كما بحث"."""
    quoted = doc.quoted
    out: list[NarrationCandidate] = []
    for k in range(1, len(doc) - 1):
        if quoted[k] or not doc.is_word(k):
            continue
        w = doc.norms[k]
        if w in ("كما", "وقد", "ثم"):
            gender = perfect_gender(doc.norms[k + 1])
            if gender is not None:
                out.append(NarrationCandidate(k, gender, True))
        elif w.startswith("و") and len(w) > 3:
            past = [f for f in lookup(doc.tokens[k].text) if f.tense == "past" and f.number == "s"]
            if past:  # a reporting verb is a verb: "…، وكتب مغرّداً"
                out.append(NarrationCandidate(k, past[0].gender, True))
                continue
            gender = perfect_gender(w[1:])
            if gender == "f" and len(w) > 4:
                out.append(NarrationCandidate(k, gender, False))
    return out


def _definite_gender(word: str) -> str | None:
    if not word.startswith(("ال", "وال")):
        return None
    return "f" if word.endswith(("ة", "ات")) else "m"


def clause_subject_gender(doc: QuoteDoc, hit: CueHit) -> str | None:
    """Gender of the reported clause's subject: the pronoun on the complementizer
    ("أنه" m, "أنها" f) or a definite noun right after it ("إن الموقوف" m)."""
    comp = doc.norms[hit.comp_i]
    if comp.endswith(("هم", "هما", "هن")):
        return None
    if comp.endswith("ها"):
        return "f"
    if comp.endswith("ه"):
        return "m"
    k = doc.token_at(hit.content_start)
    return _definite_gender(doc.norms[k]) if k < len(doc) else None


def narration_end(doc: QuoteDoc, hit: CueHit, start: int, end: int) -> int:
    """``end`` moved back to where the writer's narration takes over, if it does."""
    if hit.comp in _NO_NARRATION or hit.form.number != "s":
        return end
    if doc.narration is None or doc.narration_keys is None:
        doc.narration = _candidates(doc)
        doc.narration_keys = [c.k for c in doc.narration]
    keys = doc.narration_keys
    first, stop = doc.token_at(start), doc.token_at(end)
    speaker = hit.form.gender
    clause = clause_subject_gender(doc, hit) if hit.comp in _CLAUSE_COMPS else None
    for n in range(bisect.bisect_right(keys, first), len(keys)):
        cand = doc.narration[n]
        if cand.k >= stop:
            break
        if cand.gender != speaker:
            continue
        if hit.comp in _CLAUSE_COMPS:
            if clause is not None and clause != speaker:
                return doc.tokens[cand.k].start
        elif cand.particle:
            return doc.tokens[cand.k].start
    return end
