"""Read the words right of one cue for its subject, venue and complement.

:func:`scan` walks from the word after the cue to the end of its window (the
sentence, or a few words for participles and ambiguous forms), one token at a
time. What it has learnt so far is the state of a :class:`_Scan`: the subject's
tokens, whether the subject is closed, where a noun object starts, a venue, a
relayed source, words in apposition after a comma. Each kind of token is read
by one method, which either settles the cue (a :class:`CueHit`, or nothing
reported), stops the walk, moves on, or leaves the token to the next reader;
the order of the readers is the order of precedence. The module docstring of
:mod:`khabar.quotes.indirect` lists the complements; :mod:`khabar.quotes.phrases`
tells where a subject ends and an object begins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from khabar.entities.titles import may_start_title
from khabar.quotes.complements import (
    clitic_complement,
    complement_ahead,
    keeps_preposition,
    masdar_after_ba,
)
from khabar.quotes.content import circumstantial
from khabar.quotes.cues import CueForm
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import Lexicon, lexicon, strip_proclitic
from khabar.quotes.objects import without_complement
from khabar.quotes.phrases import (
    MAX_APPOSITIVE,
    addressed_name_end,
    addressee_end,
    adjective_of_title,
    complementizer_at,
    definite_phrase,
    ends_person,
    in_name,
    looks_definite,
    mention_starts,
    name_like,
    named_subject,
    noun_phrase_end,
    object_starts,
    possessed_noun,
    possessive_split,
    prep,
    quotation_ahead,
    resumptive_subject,
    verbal_noun_subject,
    without_gloss,
)
from khabar.quotes.speakers import left_subject
from khabar.quotes.venue import venue_at

WINDOW = 32
WINDOW_PARTICIPLE = 8
WINDOW_AMBIGUOUS = 14


@dataclass(frozen=True, slots=True)
class _Done:
    """The cue is settled: ``hit`` is what it introduces, None if nothing."""

    hit: CueHit | None


_NEXT = object()  # the token is read; go on with ``_Scan.j``
_STOP = object()  # stop walking; what was read so far decides (a noun object or nothing)
_Step = _Done | object | None  # None: this reader leaves the token to the next


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


def scan(doc: QuoteDoc, i: int, form: CueForm, stoppers: set[int]) -> CueHit | None:
    """Look right of cue ``i`` for its complement; None if it introduces nothing.
    ``stoppers`` are later cues already found: the walk does not cross them."""
    return _Scan(doc, i, form, stoppers).run()


class _Scan:
    """The walk right of one cue and what it has learnt so far."""

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
        # the token readers, in order of precedence
        self._readers: tuple[Callable[[str], _Step], ...] = (
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
            if step is _NEXT:
                continue
            if step is _STOP:
                break
            assert isinstance(step, _Done)
            return step.hit
        if self.appositive:
            self.np_start = self.appositive[0]
        return without_complement(doc, i, self.form, self.subj, self.closed, self.np_start, self.venue)

    def _step(self) -> _Step:
        if self.j in self.stoppers:
            return self._at_stopper()
        w = self.doc.norms[self.j]
        for reader in self._readers:
            step = reader(w)
            if step is not None:
                return step
        self._word(w)
        return _NEXT

    # -- what settles the cue --------------------------------------------------------

    def _hit(self, comp: str, comp_i: int, start: int, direct: DirectSpan | None = None) -> _Done:
        if self.appositive and name_like(self.doc, self.appositive):
            self.subj.extend(self.appositive)
        subject = (self.subj[0], self.subj[-1] + 1) if self.subj else None
        source = (self.source_from, self.source_end or comp_i) if self.source_from is not None else None
        return _Done(CueHit(self.i, self.form, comp, comp_i, start, subject, source, self.venue, direct))

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
        if self.subj and not self.closed:
            self.closed = True
        if self.appositive and name_like(self.doc, self.appositive):
            self.subj.extend(self.appositive)  # "مدير المستشفى، الدكتور سعد القحطاني في تصريح"
        self.appositive = None

    def _at_stopper(self) -> _Step:
        split = (
            self.object_split
            or possessive_split(self.doc, self.subj) is not None
            or (self.venue is not None and self.np_start is not None)
        )
        if "np" in self.comps and self.subj and split:
            # "وأبدى المدير شكره …، داعياً", 'أكد … البرقان لـ"الوطن" صحة انتقال …،
            # منوهاً': the later cue has its own content, the object ends before it
            return _STOP
        return _Done(None)

    # -- the readers, in order of precedence ------------------------------------------

    def _quotation(self, w: str) -> _Step:
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
            return _NEXT
        if "quote" in self.comps or "colon" in self.comps:
            return self._hit("quote", j, d.start, d)
        return _Done(None)

    def _colon(self, w: str) -> _Step:
        doc, j = self.doc, self.j
        if not doc.is_colon(j):
            return None
        if "colon" not in self.comps and "quote" not in self.comps:
            return _Done(None)
        k = j + 1
        if k >= len(doc):
            return _Done(None)
        d2 = doc.direct_opening(k)
        if d2 is not None and (d2.close is not None or d2.words >= 2):
            return self._hit("quote", j, d2.start, d2)
        if doc.norms[k] in self.lex.complementizers and k + 1 < len(doc):
            return self._hit("that", k, doc.tokens[k + 1].start)
        return self._hit("colon", j, doc.tokens[k].start)

    def _complementizer(self, w: str) -> _Step:
        doc, j, comps = self.doc, self.j, self.comps
        if not complementizer_at(doc, j) or w.startswith("ف") or doc.norms[j - 1] in self.lex.not_complement:
            return None
        np_start = self.np_start
        if self.object_split and np_start is not None and any(doc.is_comma(k) for k in range(np_start, j)):
            return _STOP  # "أكد المدير أهمية المشروع، سائلاً المولى أن": the أن is a later verb's
        if ("that" in comps or self.source_from is not None) and j + 1 < len(doc):
            return self._hit("that", j, doc.tokens[j + 1].start)
        if "np" in comps and self.subj and (self.object_split or possessive_split(doc, self.subj) is not None):
            return _STOP  # "وأبدى المدير شكره …، مؤكداً أن": the أن belongs to a later verb
        if "np" in comps and self.participle and np_start is not None:
            return _STOP  # "مبدياً ثقته في المدرب بأن": the participle's object came first
        return _Done(None)

    def _right_after_verb(self, w: str) -> _Step:
        if self.j != self.i + 1:
            return None
        lex = self.lex
        if self.lemma.object and w in lex.divine_addressees:
            # "ودعا الله أن يرحمهما": God is whom the prayer is addressed to
            self.closed = True
            self.j += 1
            while self.j < self.limit and self.doc.norms[self.j] in lex.divine_praise:
                self.j += 1
            return _NEXT
        if w in lex.back_references:
            # "صرح بذلك مدير المستشفى": what he stated came before the verb, and
            # its subject follows; the words after "بذلك" are not the statement
            self.j += 1
            return _NEXT
        return None

    def _preposition(self, w: str) -> _Step:
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
            return _NEXT
        if lemma.relay and preposition == (lemma.source_prep or "عن") and self.source_from is None:
            self.source_from = j + 1
            self._close()
            self.closed = True
            self.j += 1
            return _NEXT
        if self.relative and self.np_start is not None and not lemma.object:
            return _STOP  # "الذي أكّد له دعم باريس … على ما يبدو": the object came first
        if preposition in comps and j + 1 < limit and doc.norms[j + 1] in lex.period_nouns:
            # "كشفت النشرة عن شهر مايو الماضي، عن بلوغ": the period covered, not the content
            self._close()
            self.j += 1
            return _NEXT
        if preposition in comps and self.object_split and not lemma.object and "np" in comps:
            return _STOP  # "وكشف البلوشي فيها تطور الأندية … عن بقية": inside the noun object
        if preposition in comps and j + 1 < len(doc) and doc.norms[j + 1] in lex.adjunct_nouns:
            # "أكد على هامش المؤتمر أن", "أكد في تغريدة على حسابه أن": a setting, not the content
            self._close()
            self.j = noun_phrase_end(doc, j + 1, limit)
            return _NEXT
        if preposition in comps:
            nxt = j + 1
            if nxt < len(doc) and doc.norms[nxt] in lex.complementizers and nxt + 1 < len(doc):
                return self._hit("that", nxt, doc.tokens[nxt + 1].start)
            if nxt < len(doc):
                return self._hit(preposition, j, self._addressed(doc.tokens[nxt].start))
            return _Done(None)
        if preposition == "من" and subj and not self.closed and doc.norms[subj[-1]] in lex.quantity_nouns:
            subj.append(j)  # "عدد من المواطنين"
            self.j += 1
            return _NEXT
        self._close()
        self.j += 1
        if not subj and not self.participle:
            # "ويعتقد على نطاق واسع أن": the preposition's object is not the subject
            self.j = noun_phrase_end(doc, self.j, limit)
        return _NEXT

    def _relay_noun(self, w: str) -> _Step:
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
        return _Done(None)

    def _clitic_complement(self, w: str) -> _Step:
        doc, j, lex, lemma, subj, closed = self.doc, self.j, self.lex, self.lemma, self.subj, self.closed
        # After its object, a verb with a person object takes any ب/ل noun ("طالب الجميع
        # ببذل"); right after the verb, so does any verb with ب ("يفيد بنشوب"، "أهاب
        # بقائدي"). After a subject that is still open, only a verbal noun is the
        # content: "المتحدث … بالحدود الشمالية" is part of the subject.
        loose = (lemma.object and (bool(subj) or self.participle or closed)) or (not subj and not self.participle)
        # "…، وأستاذ الفقه المقارن بالمعهد العالي": inside a title the subject took after a
        # comma, a ب/ل phrase belongs to that title
        appositive = self.appositive
        in_title = appositive is not None and bool(appositive) and may_start_title(doc.tokens[appositive[0]].text)
        # "وأكد المسؤول بضرورة": a few verbal nouns never continue a subject
        unmistakable = bool(subj) and len(w) > 3 and (w[1:] in lex.never_in_subject or masdar_after_ba(w))
        # "دعا الأمين العام للأمم المتحدة الجميع": ل+ال after an open subject is its genitive
        genitive = (
            bool(subj)
            and not closed
            and (
                (w.startswith("لل") and not in_name(doc, subj[-1]))
                or (w[:1] == "ب" and w[1:] in lex.place_nouns)  # "مدير التعليم بمنطقة الرياض"
            )
        )
        if not (
            (not subj or closed or lemma.object or self.participle or unmistakable)
            and not in_title
            and not genitive
            and clitic_complement(w, self.comps, loose)
        ):
            return None
        if (self.object_split or self.np_start is not None) and not lemma.object and "np" in self.comps:
            return _STOP  # "أكد النادي تمسكه باللاعب": the ب phrase is inside the noun object
        if lemma.praise and w[0] == "ب" and w[1:] not in lex.never_in_subject:
            return _Done(None)  # "ونوه المدير بجهود الفريق": praise, not a statement
        return self._hit(w[0], j, doc.tokens[j].start)

    def _addressee(self, w: str) -> _Step:
        if self.subj or self.closed or "ل" in self.comps:
            return None
        doc, j = self.doc, self.j
        if w.startswith("لل") and len(w) > 4:
            # "قال للملك سلمان إن": whom the words were addressed to, not who spoke
            self.j = addressee_end(doc, j, self.limit)
            return _NEXT
        named = addressed_name_end(doc, j)
        if named is not None:
            self.j = named  # "أكد لأرسنال تمسكه", "قال لرويترز إن": ل + a name is the addressee
            return _NEXT
        return None

    def _bare_clause(self, w: str) -> _Step:
        doc, j, lex = self.doc, self.j, self.lex
        if (
            not self.subj
            and not self.relative
            and w in lex.bare_openers
            and "colon" in self.comps
            and (not self.participle or j == self.i + 1)
            and not mention_starts(doc, j)
            and not quotation_ahead(doc, j, self.limit)
        ):
            return self._hit("bare", j, doc.tokens[j].start)
        if (
            self.subj
            and not self.closed
            and not self.participle
            and w in lex.detached_pronouns
            and "colon" in self.comps
            and j + 1 < self.end
            and doc.is_word(j + 1)
            and doc.norms[j + 1] not in lex.emphatic_words
            and doc.norms[j + 1] not in lex.complementizers
        ):
            # "قال الصولي هما تعتبران مدانتين": a pronoun cannot continue the subject
            # (no genitive or adjective is a pronoun); it opens the reported clause
            return self._hit("bare", j, doc.tokens[j].start)
        return None

    def _pronoun(self, w: str) -> _Step:
        lex, j = self.lex, self.j
        if (
            self.subj
            and w in lex.detached_pronouns
            and j + 1 < self.limit
            and self.doc.norms[j + 1] in lex.emphatic_words
            and self.doc.norms[j + 1] not in lex.relatives
        ):
            self._close()  # "وقال الوزير هو الآخر إن": the emphasis is not part of the subject
            self.j += 2
            return _NEXT
        return None

    def _circumstance(self, w: str) -> _Step:
        if self.subj and not self.closed and circumstantial(self.doc, self.j) and not in_name(self.doc, self.j):
            # "وقال زوج المعلمة متحفظاً على اسمه إن": the accusative participle is a
            # circumstance of the speaker, the subject (nominative) ended before it
            self._close()
            self.j += 1
            return _NEXT
        return None

    def _prepositional_pronoun(self, w: str) -> _Step:
        if w not in self.lex.prepositional_pronouns:
            return None
        self.j += 1  # "فقال له:", "أعلنت فيه أنها": never the subject
        j = self.j
        if (
            self.subj
            and not self.closed
            and "np" in self.comps
            and not self.lemma.object
            and j < self.limit
            and self.doc.is_word(j)
        ):
            # "وكشف البلوشي فيها تطور الأندية": a subject does not run on past the
            # verb's pronoun complement; what follows is the object
            self.closed = True
            self.np_start = j
            self.object_split = True
        return _NEXT

    def _comma(self, w: str) -> _Step:
        if not self.doc.is_comma(self.j):
            return None
        if self.appositive:
            if name_like(self.doc, self.appositive):
                self.subj.extend(self.appositive)  # "مدير عام …، عبدالله المرشد، أن"
            self.appositive = None
        elif self.subj and self.appositive is None and self.np_start is None and not self.venue:
            self.closed = True
            self.appositive = []
        self.j += 1
        return _NEXT

    def _venue(self, w: str) -> _Step:
        doc, j = self.doc, self.j
        v = venue_at(doc, j)
        if v is None or v <= j:
            return None
        self.venue = (doc.tokens[j].start, doc.tokens[v - 1].end)
        self._close()
        # the venue's words do not count against the window ("مؤكداً في لقاء
        # أجراه معه الشاعر … في برنامج «…»، بأن")
        self.limit = min(self.end, self.limit + (v - j))
        self.j = v
        return _NEXT

    def _time(self, w: str) -> _Step:
        lex = self.lex
        bare = w[1:] if w[:1] == "و" and len(w) > 3 else w
        if not (w in lex.time_words or bare in lex.time_words) or adjective_of_title(self.doc, self.j):
            return None
        if self.appositive is not None and not self.appositive:
            self.j += 1
            return _NEXT
        self._close()
        self.j += 1
        return _NEXT

    def _adjunct(self, w: str) -> _Step:
        doc, lex, subj = self.doc, self.lex, self.subj
        if not (w in lex.adjunct_starts or w in lex.temporal_words or w in lex.attribution_words):
            return None
        j = self.j
        continues_np = (
            w == "في"
            and subj
            and not self.closed
            and len(subj) <= 3
            and strip_proclitic(doc.norms[subj[0]], lex.np_in_heads)
        ) or (
            # "لاعب خط وسط الهلال": after an indefinite noun وسط is a noun in construct
            w == "وسط"
            and subj
            and not self.closed
            and not looks_definite(doc, j - 1)
            and not in_name(doc, j - 1)
        )
        if continues_np:
            return None
        self._close()
        self.j += 1
        if subj and self.np_start is None and w == "مع":
            # "أعلنت الأمانة بالتعاون مع إدارة المرور إغلاق": the partner is no object
            self.j = noun_phrase_end(doc, self.j, self.limit)
            return _NEXT
        if not subj:
            # "وأشار في تقريره إلى", "وقد قال في قمة مجموعة السبع إن": with no
            # subject yet, the words after the preposition are its object, up to
            # the next boundary ("من جانبه الوزير": only the discourse word)
            while self.j < self.limit and doc.is_word(self.j) and doc.norms[self.j] not in lex.complementizers:
                if prep(doc, self.j) is not None or venue_at(doc, self.j) is not None:
                    break
                self.j += 1
                if doc.norms[self.j - 1] in lex.side_words:
                    break
        return _NEXT

    def _company(self, w: str) -> _Step:
        if w not in self.lex.company_words or not self.subj or self.np_start is not None:
            return None
        # "أعلن مجلس الإدارة برئاسة محمود طاهر رفضه": the chair is not the subject
        self._close()
        self.closed = True
        self.j += 1
        if self.j < self.limit and self.doc.norms[self.j] == "مع":
            self.j += 1
        self.j = noun_phrase_end(self.doc, self.j, self.limit)
        return _NEXT

    def _word(self, w: str) -> None:
        """Any other word: it continues the subject, opens the object, or joins the
        words in apposition."""
        doc, j, lex, lemma, comps, subj = self.doc, self.j, self.lex, self.lemma, self.comps, self.subj
        if w in lex.relatives and subj:
            self._close()
        if w in lex.demonstratives and subj and not self.closed and doc.norms[subj[-1]].startswith(("ال", "وال")):
            # "برّر الباحثون هذا التراجع بأن": after a definite noun the demonstrative
            # opens the object ("رئيس هذه الجمعية" keeps it: the noun before is a construct)
            self._close()
            self.closed = True
        if (
            not subj
            and not self.closed
            and "np" in comps
            and not self.participle
            and possessed_noun(doc, j)
            and left_subject(doc, self.i) is not None
        ):
            # "دورتموند أكد لأرسنال تمسكه باللاعب": the subject came before the
            # verb, so a possessed noun after it opens the object
            self._open_object(j)
        if not self.closed and subj and "np" in comps and (w in lex.object_nouns):
            # "تأكيد مصادر حكومية عدم التوصل", "أكد مسؤولون ضرورة": these nouns head
            # what is affirmed, never a source's genitive or adjective
            self._open_object(j)
        if (
            not self.closed
            and subj
            and (lemma.object or ("np" in comps and definite_phrase(doc, without_gloss(doc, subj))))
            and object_starts(doc, without_gloss(doc, subj)[-1], j, lemma.object)
        ):
            # "أبلغ وزير الداخلية الصحفيين أن": the verb's object follows its subject
            self._open_object(j)
        if not self.closed:
            subj.append(j)
        elif self.appositive is not None:
            appositive = self.appositive
            if (
                appositive
                and ("np" in comps or lemma.object)
                and ends_person(doc, appositive[-1])
                and not in_name(doc, j)
                and name_like(doc, appositive)
            ):
                # "وأكد مدير المستشفى، الدكتور سعد القحطاني أهمية": the name in
                # apposition ends the subject, the object follows it
                subj.extend(appositive)
                self.appositive = None
                self.np_start = j
                self.object_split = True
                self.j += 1
                return
            appositive.append(j)
            if len(appositive) > MAX_APPOSITIVE:
                self.appositive = None
        elif self.np_start is None:
            self.np_start = j
        self.j += 1

    def _open_object(self, j: int) -> None:
        self.closed = True
        self.np_start = j
        self.object_split = True
