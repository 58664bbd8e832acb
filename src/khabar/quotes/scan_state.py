"""The state of the walk right of a cue, shared by the token readers.

:mod:`khabar.quotes.scan` walks from the word after a cue to the end of its
window; what it has learnt so far lives on one :class:`ScanState`: the
subject's tokens, whether the subject is closed, where a noun object starts, a
venue, a relayed source, words in apposition after a comma. A token reader
returns a :class:`Done` (the cue is settled: what it introduces, or nothing),
:data:`STOP` (stop walking: what was read so far decides), :data:`NEXT` (the
token is read, go on) or None (the next reader takes the token).
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.cues import CueForm
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import Lexicon, lexicon
from khabar.quotes.phrases import name_like, prep, resumptive_subject

WINDOW = 32
WINDOW_PARTICIPLE = 8
WINDOW_AMBIGUOUS = 14


@dataclass(frozen=True, slots=True)
class Done:
    """The cue is settled: ``hit`` is what it introduces, None if nothing."""

    hit: CueHit | None


NEXT = object()  # the token is read; go on with ``ScanState.j``
STOP = object()  # stop walking; what was read so far decides (a noun object or nothing)
Step = Done | object | None  # None: this reader leaves the token to the next


def _word_limit(doc: QuoteDoc, i: int, end: int, words: int) -> int:
    """The token index after ``words`` word tokens following ``i`` (punctuation and
    quotation marks do not count: "ذكر في حوار لـ«الشرق الأوسط» أنه")."""
    k = i + 1
    seen = 0
    while k < end and seen < words:
        if doc.is_word(k):
            seen += 1
        k += 1
    return k


class ScanState:
    """What the walk right of one cue has learnt so far."""

    def __init__(self, doc: QuoteDoc, i: int, form: CueForm, stoppers: set[int]) -> None:
        self.doc = doc
        self.i = i
        self.form = form
        self.stoppers = stoppers
        self.lex: Lexicon = lexicon()
        self.lemma = form.lemma
        self.comps = form.lemma.complements
        self.participle = form.tense == "participle"
        self.end = doc.sentence_end_token(i)
        span = WINDOW_PARTICIPLE if self.participle else WINDOW_AMBIGUOUS if form.ambiguous else WINDOW
        self.limit = _word_limit(doc, i, self.end, span)
        self.subj: list[int] = []
        # "هولاند الذي أكّد له دعم باريس": after a relative pronoun the subject stands
        # before the verb, and a noun after it is the object
        self.relative = (
            i > 0
            and doc.norms[i - 1] in self.lex.relatives
            and ("np" in self.comps or self.lemma.object)
            and not resumptive_subject(doc, i + 1)
        )
        # "كما قالوا، الأمن العالمي": a verb marked plural or dual has a pronoun subject
        # (after its subject the verb is singular), so what follows it is not one
        self.closed = self.participle or self.relative or form.number in ("p", "d")
        self.object_split = False  # the object was told from the subject by its form
        self.appositive: list[int] | None = None  # words after the comma that closed the subject
        self.np_start: int | None = i + 1 if self.participle else None
        self.venue: tuple[int, int] | None = None
        self.source_from: int | None = None
        self.source_end: int | None = None
        self.j = i + 1

    def _hit(self, comp: str, comp_i: int, start: int, direct: DirectSpan | None = None) -> Done:
        """The cue settled with its complement; words in apposition that name a
        person join the subject ("مدير المستشفى، الدكتور سعد القحطاني، أن")."""
        if self.appositive and name_like(self.doc, self.appositive):
            self.subj.extend(self.appositive)
        subject = (self.subj[0], self.subj[-1] + 1) if self.subj else None
        source = (self.source_from, self.source_end or comp_i) if self.source_from is not None else None
        return Done(CueHit(self.i, self.form, comp, comp_i, start, subject, source, self.venue, direct))

    def _addressed(self, start: int) -> int:
        """"دعا الوزير المواطنين إلى الترشيد": the content of a verb with a person
        object and إلى opens on that object, whom the call is addressed to (the
        annotated articles mostly do so; "طالب الجميع ببذل" opens on ب)."""
        doc, np_start = self.doc, self.np_start
        if not self.lemma.object or np_start is None or np_start >= self.j or not doc.is_word(np_start):
            return start
        if prep(doc, np_start) is not None or (self.venue is not None and doc.tokens[np_start].start < self.venue[1]):
            return start
        return doc.tokens[np_start].start

    def _close(self) -> None:
        """The subject ends here (a preposition, a venue, a time came after it)."""
        if self.subj and not self.closed:
            self.closed = True
        if self.appositive and name_like(self.doc, self.appositive):
            self.subj.extend(self.appositive)  # "مدير المستشفى، الدكتور سعد القحطاني في تصريح"
        self.appositive = None

    def _open_object(self, j: int) -> None:
        """Token ``j`` opens the verb's noun object: the subject is over."""
        self.closed = True
        self.np_start = j
        self.object_split = True

