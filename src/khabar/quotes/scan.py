"""Read the words right of one cue for its subject, venue and complement.

:func:`scan` walks from the word after the cue to the end of its window (the
sentence, or a few words for participles and ambiguous forms), one token at a
time, and each token goes to the first reader that takes it. The readers here
handle what settles or steers the walk: a quotation mark, a colon, a
complementizer, a preposition (the verb's own, a relay's source, a setting),
a relay noun ("عن المصدر قوله"). The readers of ordinary words, which decide
where the subject ends, are in :mod:`khabar.quotes.scan_words`; the state they
share, in :mod:`khabar.quotes.scan_state`. The module docstring of
:mod:`khabar.quotes.indirect` lists the complements; :mod:`khabar.quotes.phrases`
tells where a subject ends and an object begins.
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.quotes.complements import (
    complement_ahead,
    keeps_preposition,
)
from khabar.quotes.cues import CueForm
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.objects import without_complement
from khabar.quotes.phrases import (
    complementizer_at,
    named_subject,
    noun_phrase_end,
    possessed_noun,
    possessive_split,
    prep,
    verbal_noun_subject,
)
from khabar.quotes.scan_state import NEXT, STOP, Done, Step
from khabar.quotes.scan_words import WordReaders


def scan(doc: QuoteDoc, i: int, form: CueForm, stoppers: set[int]) -> CueHit | None:
    """Look right of cue ``i`` for its complement; None if it introduces nothing.
    ``stoppers`` are later cues already found: the walk does not cross them."""
    return _Scan(doc, i, form, stoppers).run()


class _Scan(WordReaders):
    """The walk right of one cue: the readers of marks and prepositions, then the
    word readers."""

    def __init__(self, doc: QuoteDoc, i: int, form: CueForm, stoppers: set[int]) -> None:
        super().__init__(doc, i, form, stoppers)
        # the token readers, in order of precedence
        self._readers: tuple[Callable[[str], Step], ...] = (
            self._quotation,
            self._colon,
            self._complementizer,
            self._right_after_verb,
            self._preposition,
            self._relay_noun,
            self._clitic_complement,
            self._addressee,
            self._bare_clause,
            self._pronoun,
            self._circumstance,
            self._prepositional_pronoun,
            self._comma,
            self._venue,
            self._time,
            self._adjunct,
            self._company,
        )

    # -- the walk ---------------------------------------------------------------------

    def run(self) -> CueHit | None:
        doc, i = self.doc, self.i
        if self.form.proclitic == "ب":
            lead = verbal_noun_subject(doc, i)
            if lead is not None:
                self.subj.extend(range(*lead))  # "واكتفى الناطق باسمها بالقول، إن": the verb's subject
        if self.participle and not self.subj:
            named = named_subject(doc, i + 1, self.end)
            if named is not None:
                # "مؤكداً وزير الدفاع الأميركي حرص واشنطن": the participle names its subject
                self.subj.extend(range(i + 1, named))
                self.np_start = named
                self.j = named
        while self.j < self.limit:
            step = self._step()
            if step is NEXT:
                continue
            if step is STOP:
                break
            assert isinstance(step, Done)
            return step.hit
        if self.appositive:
            self.np_start = self.appositive[0]
        return without_complement(doc, i, self.form, self.subj, self.closed, self.np_start, self.venue)

    def _step(self) -> Step:
        if self.j in self.stoppers:
            return self._at_stopper()
        w = self.doc.norms[self.j]
        for reader in self._readers:
            step = reader(w)
            if step is not None:
                return step
        self._word(w)
        return NEXT

    # -- what settles the cue --------------------------------------------------------

    def _at_stopper(self) -> Step:
        split = (
            self.object_split
            or possessive_split(self.doc, self.subj) is not None
            or (self.venue is not None and self.np_start is not None)
        )
        if "np" in self.comps and self.subj and split:
            # "وأبدى المدير شكره …، داعياً", 'أكد … البرقان لـ"الوطن" صحة انتقال …،
            # منوهاً': the later cue has its own content, the object ends before it
            return STOP
        return Done(None)

    # -- the readers, in order of precedence ------------------------------------------

    def _quotation(self, w: str) -> Step:
        doc, j, lex = self.doc, self.j, self.lex
        d = doc.direct_opening(j)
        if d is None:
            return None
        after = doc.token_at(d.outer_end)
        named = d.close is not None and d.words <= 6 and after < len(doc) and doc.norms[after] in lex.complementizers
        if d.close is not None and (d.words <= 3 or named) and not (j > 0 and doc.is_colon(j - 1)):
            # a quoted name inside the subject or venue: 'ونقل موقع "يديعوت أحرونوت"';
            # after a preposition it is that preposition's object, not the subject
            k = doc.token_at(d.outer_end)
            after_prep = j > 0 and (doc.norms[j - 1] in lex.adjunct_starts or prep(doc, j - 1) is not None)
            if not self.closed and not after_prep:
                self.subj.extend(range(j, k))
            self.j = k
            return NEXT
        if "quote" in self.comps or "colon" in self.comps:
            return self._hit("quote", j, d.start, d)
        return Done(None)

    def _colon(self, w: str) -> Step:
        doc, j = self.doc, self.j
        if not doc.is_colon(j):
            return None
        if "colon" not in self.comps and "quote" not in self.comps:
            return Done(None)
        k = j + 1
        if k >= len(doc):
            return Done(None)
        d2 = doc.direct_opening(k)
        if d2 is not None and (d2.close is not None or d2.words >= 2):
            return self._hit("quote", j, d2.start, d2)
        if doc.norms[k] in self.lex.complementizers and k + 1 < len(doc):
            return self._hit("that", k, doc.tokens[k + 1].start)
        return self._hit("colon", j, doc.tokens[k].start)

    def _complementizer(self, w: str) -> Step:
        doc, j, comps = self.doc, self.j, self.comps
        if not complementizer_at(doc, j) or w.startswith("ف") or doc.norms[j - 1] in self.lex.not_complement:
            return None
        np_start = self.np_start
        if self.object_split and np_start is not None and any(doc.is_comma(k) for k in range(np_start, j)):
            return STOP  # "أكد المدير أهمية المشروع، سائلاً المولى أن": the أن is a later verb's
        if ("that" in comps or self.source_from is not None) and j + 1 < len(doc):
            return self._hit("that", j, doc.tokens[j + 1].start)
        if "np" in comps and self.subj and (self.object_split or possessive_split(doc, self.subj) is not None):
            return STOP  # "وأبدى المدير شكره …، مؤكداً أن": the أن belongs to a later verb
        if "np" in comps and self.participle and np_start is not None:
            return STOP  # "مبدياً ثقته في المدرب بأن": the participle's object came first
        return Done(None)

    def _right_after_verb(self, w: str) -> Step:
        if self.j != self.i + 1:
            return None
        lex = self.lex
        if self.lemma.object and w in lex.divine_addressees:
            # "ودعا الله أن يرحمهما": God is whom the prayer is addressed to
            self.closed = True
            self.j += 1
            while self.j < self.limit and self.doc.norms[self.j] in lex.divine_praise:
                self.j += 1
            return NEXT
        if w in lex.back_references:
            # "صرح بذلك مدير المستشفى": what he stated came before the verb, and
            # its subject follows; the words after "بذلك" are not the statement
            self.j += 1
            return NEXT
        return None

    def _preposition(self, w: str) -> Step:
        doc, j, lex, lemma, comps, subj = self.doc, self.j, self.lex, self.lemma, self.comps, self.subj
        preposition = prep(doc, j)
        if preposition is None:
            return None
        limit = self.limit
        if (
            subj
            and not self.closed
            and doc.norms[subj[-1]] in lex.np_prep_heads
            and keeps_preposition(doc.norms[subj[-1]], doc.norms[j])
            and not (preposition in comps and not complement_ahead(doc, j + 1, limit, preposition))
            and not (preposition in comps and j + 1 < limit and possessed_noun(doc, j + 1))  # "المسؤول عن أمله"
        ):
            # "القائمون على الشركة", "مصدر مقرب من الحكومة"; but "وأشار المسؤول إلى
            # ضرورة", "وأعرب المسؤول عن قلقه": the verb's own preposition, with
            # no other complement after it
            subj.append(j)
            self.j += 1
            return NEXT
        if lemma.relay and preposition == (lemma.source_prep or "عن") and self.source_from is None:
            self.source_from = j + 1
            self._close()
            self.closed = True
            self.j += 1
            return NEXT
        if self.relative and self.np_start is not None and not lemma.object:
            return STOP  # "الذي أكّد له دعم باريس … على ما يبدو": the object came first
        if preposition in comps and j + 1 < limit and doc.norms[j + 1] in lex.period_nouns:
            # "كشفت النشرة عن شهر مايو الماضي، عن بلوغ": the period covered, not the content
            self._close()
            self.j += 1
            return NEXT
        if preposition in comps and self.object_split and not lemma.object and "np" in comps:
            return STOP  # "وكشف البلوشي فيها تطور الأندية … عن بقية": inside the noun object
        if preposition in comps and j + 1 < len(doc) and doc.norms[j + 1] in lex.adjunct_nouns:
            # "أكد على هامش المؤتمر أن", "أكد في تغريدة على حسابه أن": a setting, not the content
            self._close()
            self.j = noun_phrase_end(doc, j + 1, limit)
            return NEXT
        if preposition in comps:
            nxt = j + 1
            if nxt < len(doc) and doc.norms[nxt] in lex.complementizers and nxt + 1 < len(doc):
                return self._hit("that", nxt, doc.tokens[nxt + 1].start)
            if nxt < len(doc):
                return self._hit(preposition, j, self._addressed(doc.tokens[nxt].start))
            return Done(None)
        if preposition == "من" and subj and not self.closed and doc.norms[subj[-1]] in lex.quantity_nouns:
            subj.append(j)  # "عدد من المواطنين"
            self.j += 1
            return NEXT
        self._close()
        self.j += 1
        if not subj and not self.participle:
            # "ويعتقد على نطاق واسع أن": the preposition's object is not the subject
            self.j = noun_phrase_end(doc, self.j, limit)
        return NEXT

    def _relay_noun(self, w: str) -> Step:
        doc, j, lex = self.doc, self.j, self.lex
        if self.source_from is None or w not in lex.relay_nouns:
            return None
        source_end = j  # "عن مصدر أمني قوله": the source ends before قوله
        while source_end > self.source_from and doc.is_comma(source_end - 1):
            source_end -= 1
        self.source_end = source_end
        k = j + 1
        # "عن المدير قوله اليوم إن": a time or a comma may stand before the words
        while k < len(doc) and (doc.is_comma(k) or doc.is_colon(k) or doc.norms[k] in lex.time_words):
            k += 1
        if k < len(doc) and doc.norms[k] in lex.complementizers and k + 1 < len(doc):
            return self._hit("that", k, doc.tokens[k + 1].start)
        d = doc.direct_opening(k) if k < len(doc) else None
        if d is not None and (d.close is not None or d.words >= 2):
            return self._hit("quote", k, d.start, d)  # "عن المتحدث قوله: «…»"
        if k < len(doc):
            return self._hit("relay", j, doc.tokens[k].start)
        return Done(None)
