"""The readers of ordinary words in the walk right of a cue.

Quotation marks, colons, complementizers and prepositions settle or steer the
walk (:mod:`khabar.quotes.scan`); the words read here decide where the subject
ends: a clitic complement ("بضرورة"), an addressee ("للصحفيين"), a bare
clause, a pronoun, a circumstantial participle, a comma and the words in
apposition after it, a venue, a time, an adjunct, the company kept
("بحضور"), and any other word, which continues the subject or opens the object.
"""

from __future__ import annotations

from khabar.entities.titles import may_start_title
from khabar.quotes.complements import (
    clitic_complement,
    masdar_after_ba,
)
from khabar.quotes.content import circumstantial
from khabar.quotes.lexicon import strip_proclitic
from khabar.quotes.phrases import (
    MAX_APPOSITIVE,
    addressed_name_end,
    addressee_end,
    adjective_of_title,
    definite_phrase,
    ends_person,
    in_name,
    looks_definite,
    mention_starts,
    name_like,
    noun_phrase_end,
    object_starts,
    possessed_noun,
    prep,
    quotation_ahead,
    without_gloss,
)
from khabar.quotes.preverbal import left_subject
from khabar.quotes.scan_state import NEXT, STOP, Done, ScanState, Step
from khabar.quotes.venue import venue_at


class WordReaders(ScanState):
    """Readers of ordinary words; see the module docstring."""

    def _clitic_complement(self, w: str) -> Step:
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
            return STOP  # "أكد النادي تمسكه باللاعب": the ب phrase is inside the noun object
        if lemma.praise and w[0] == "ب" and w[1:] not in lex.never_in_subject:
            return Done(None)  # "ونوه المدير بجهود الفريق": praise, not a statement
        return self._hit(w[0], j, doc.tokens[j].start)

    def _addressee(self, w: str) -> Step:
        if self.subj or self.closed or "ل" in self.comps:
            return None
        doc, j = self.doc, self.j
        if w.startswith("لل") and len(w) > 4:
            # "قال للملك سلمان إن": whom the words were addressed to, not who spoke
            self.j = addressee_end(doc, j, self.limit)
            return NEXT
        named = addressed_name_end(doc, j)
        if named is not None:
            self.j = named  # "أكد لأرسنال تمسكه", "قال لرويترز إن": ل + a name is the addressee
            return NEXT
        return None

    def _bare_clause(self, w: str) -> Step:
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

    def _pronoun(self, w: str) -> Step:
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
            return NEXT
        return None

    def _circumstance(self, w: str) -> Step:
        if self.subj and not self.closed and circumstantial(self.doc, self.j) and not in_name(self.doc, self.j):
            # "وقال زوج المعلمة متحفظاً على اسمه إن": the accusative participle is a
            # circumstance of the speaker, the subject (nominative) ended before it
            self._close()
            self.j += 1
            return NEXT
        return None

    def _prepositional_pronoun(self, w: str) -> Step:
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
        return NEXT

    def _comma(self, w: str) -> Step:
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
        return NEXT

    def _venue(self, w: str) -> Step:
        doc, j = self.doc, self.j
        v = venue_at(doc, j)
        if v is None or v <= j:
            return None
        # a later cue already found ends the venue: "في الحديث قائلا:" gives the
        # colon to قائلا, not to a verb before it ("وتابع بينيتيز … في الحديث قائلا: …")
        v = next((k for k in range(j + 1, v) if k in self.stoppers), v)
        self.venue = (doc.tokens[j].start, doc.tokens[v - 1].end)
        self._close()
        # the venue's words do not count against the window ("مؤكداً في لقاء
        # أجراه معه الشاعر … في برنامج «…»، بأن")
        self.limit = min(self.end, self.limit + (v - j))
        self.j = v
        return NEXT

    def _time(self, w: str) -> Step:
        lex = self.lex
        bare = w[1:] if w[:1] == "و" and len(w) > 3 else w
        if not (w in lex.time_words or bare in lex.time_words) or adjective_of_title(self.doc, self.j):
            return None
        if self.appositive is not None and not self.appositive:
            self.j += 1
            return NEXT
        self._close()
        self.j += 1
        return NEXT

    def _adjunct(self, w: str) -> Step:
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
            return NEXT
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
        return NEXT

    def _company(self, w: str) -> Step:
        if w not in self.lex.company_words or not self.subj or self.np_start is not None:
            return None
        # "أعلن مجلس الإدارة برئاسة محمود طاهر رفضه": the chair is not the subject
        self._close()
        self.closed = True
        self.j += 1
        if self.j < self.limit and self.doc.norms[self.j] == "مع":
            self.j += 1
        self.j = noun_phrase_end(self.doc, self.j, self.limit)
        return NEXT

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
