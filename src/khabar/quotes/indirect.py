"""Find cue verbs and what they introduce: subject, venue and the start of the content.

A word that reads as a cue (:func:`khabar.quotes.cues.lookup`) is a quote only
if its reported content follows: after an optional subject, venue and time
phrase, one of the complements its lemma allows must come before the sentence
ends (or within a short window for ambiguous forms such as بين/عبر/ذكر):

- ``that``: أنّ، إنّ، بأن (with pronoun suffixes, "إنه"), also after the lemma's
  preposition ("أشار إلى أن");
- ``colon`` and ``quote``: "وقال: …", 'وقال الوزير "…"';
- a preposition the lemma takes: "أعرب عن"، "دعا إلى"، "حذّر من"، "طالب بـ";
- ``relay``: "نقلت الصحيفة عن الوزير قوله إن" (the source after عن speaks);
- ``bare``: a colon-less direct clause opening with a particle ("وأضاف لم يسبق…");
- ``np``: a bare object ("نفى المتحدث … ما تم تداوله") once the subject is
  clearly closed (by a comma, a venue, or the end of a known mention).

Cues are scanned right to left so that a cue whose complement lies beyond a
later valid cue is rejected ("ذكر 36 عاماً … وأفاد أنه": the أن belongs to أفاد).
The walk right of each cue is :mod:`khabar.quotes.scan`; where the subject
ends and the object begins is told by :mod:`khabar.quotes.phrases`; which readings of a word count as cues, by
:mod:`khabar.quotes.readings`; which words can be a complement, by
:mod:`khabar.quotes.complements`; the readings without a complement word, by
:mod:`khabar.quotes.objects`.
"""

from __future__ import annotations

from khabar.quotes.cues import first_person
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon
from khabar.quotes.readings import candidate_forms, plausible
from khabar.quotes.scan import scan


def _after_an(doc: QuoteDoc, i: int) -> bool:
    """"بعد أن أكد الوزير أن": the أنْ of a time clause, not the conditional إنْ
    that the matching form spells alike. The written hamza tells them apart,
    and so does the time word before a bare "ان"."""
    word = doc.tokens[i - 1].text
    return word in ("أن", "وأن") or (i > 1 and doc.norms[i - 2] in lexicon().time_before_an)


def find_cues(doc: QuoteDoc) -> list[CueHit]:
    """Every cue with a complement, in text order (title excluded)."""
    lex = lexicon()
    hits: dict[int, CueHit] = {}
    stoppers: set[int] = set()
    for i in range(len(doc) - 1, -1, -1):
        tok = doc.tokens[i]
        if tok.kind != "arabic" or doc.in_title(tok.start):
            continue
        prev = doc.norms[i - 1] if i > 0 else ""
        prev2 = doc.norms[i - 2] if i > 1 else ""
        if prev in ("حسبما", "وحسبما", "بحسبما") or (
            prev == "ما" and (prev2 in lex.attribution_words or prev2 in lex.backward_words)
        ):
            continue  # "حسبما أفاد مصدر": an attribution phrase, read by khabar.quotes.attribution
        conditionals = lex.conditionals
        if (prev in conditionals and not _after_an(doc, i)) or (prev == "ما" and prev2 in conditionals):
            continue  # "إذا ما أكدت الوكالة …": hypothetical, nobody said it
        if prev in lex.negations:
            continue  # "لم يوضح ما إذا كان", "ولم تتهم الوزارة أحداً": nothing was said
        if first_person(tok.text) and not doc.in_name(i):
            # "أشكر ما وجدت فيكم … وأتمنى منكم أن": the أن after a quoted speaker's
            # own "أتمنى" is his, not the complement of a verb before it ("أروى",
            # "ألفت" spell such forms too: a name is left alone)
            stoppers.add(i)
            continue
        for form in candidate_forms(doc, i):
            found = scan(doc, i, form, stoppers)
            if found is not None and plausible(doc, found):
                hits[i] = found
                stoppers.add(i)
                break
    return [hits[i] for i in sorted(hits)]
