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
Where the subject ends and the object begins is told by
:mod:`khabar.quotes.phrases`; which readings of a word count as cues, by
:mod:`khabar.quotes.readings`; which words can be a complement, by
:mod:`khabar.quotes.complements`; the readings without a complement word, by
:mod:`khabar.quotes.objects`.
"""

from __future__ import annotations

from khabar.entities.titles import may_start_title
from khabar.quotes.complements import (
    clitic_complement,
    complement_ahead,
    keeps_preposition,
    masdar_after_ba,
)
from khabar.quotes.content import circumstantial
from khabar.quotes.cues import CueForm, first_person
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon, strip_proclitic
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
from khabar.quotes.readings import candidate_forms, plausible
from khabar.quotes.speakers import left_subject
from khabar.quotes.venue import venue_at

WINDOW = 32
WINDOW_PARTICIPLE = 8
WINDOW_AMBIGUOUS = 14


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
    """Look right of cue ``i`` for its complement; None if it introduces nothing."""
    lex = lexicon()
    lemma = form.lemma
    comps = lemma.complements
    participle = form.tense == "participle"
    end = doc.sentence_end_token(i)
    span = WINDOW_PARTICIPLE if participle else WINDOW_AMBIGUOUS if form.ambiguous else WINDOW
    limit = _word_limit(doc, i, end, span)
    subj: list[int] = []
    # "هولاند الذي أكّد له دعم باريس": after a relative pronoun the subject stands
    # before the verb, and a noun after it is the object
    relative = (
        i > 0
        and doc.norms[i - 1] in lex.relatives
        and ("np" in comps or lemma.object)
        and not resumptive_subject(doc, i + 1)
    )
    # "كما قالوا، الأمن العالمي": a verb marked plural or dual has a pronoun subject
    # (after its subject the verb is singular), so what follows it is not one
    closed = participle or relative or form.number in ("p", "d")
    object_split = False  # the object was told from the subject by its form
    appositive: list[int] | None = None  # words after the comma that closed the subject
    np_start: int | None = i + 1 if participle else None
    venue: tuple[int, int] | None = None
    source_from: int | None = None
    source_end: int | None = None

    def hit(comp: str, comp_i: int, start: int, direct: DirectSpan | None = None) -> CueHit:
        if appositive and name_like(doc, appositive):
            subj.extend(appositive)
        subject = (subj[0], subj[-1] + 1) if subj else None
        source = (source_from, source_end or comp_i) if source_from is not None else None
        return CueHit(i, form, comp, comp_i, start, subject, source, venue, direct)

    def addressed(start: int) -> int:
        """"دعا الوزير المواطنين إلى الترشيد": the content of a verb with a person
        object and إلى opens on that object, whom the call is addressed to (the
        annotated articles mostly do so; "طالب الجميع ببذل" opens on ب)."""
        if not lemma.object or np_start is None or np_start >= j or not doc.is_word(np_start):
            return start
        if prep(doc, np_start) is not None or (venue is not None and doc.tokens[np_start].start < venue[1]):
            return start
        return doc.tokens[np_start].start

    def close() -> None:
        nonlocal closed, appositive
        if subj and not closed:
            closed = True
        if appositive and name_like(doc, appositive):
            subj.extend(appositive)  # "مدير المستشفى، الدكتور سعد القحطاني في تصريح"
        appositive = None

    j = i + 1
    if form.proclitic == "ب":
        lead = verbal_noun_subject(doc, i)
        if lead is not None:
            subj.extend(range(*lead))  # "واكتفى الناطق باسمها بالقول، إن": the verb's subject
    if participle and not subj:
        named = named_subject(doc, i + 1, end)
        if named is not None:
            # "مؤكداً وزير الدفاع الأميركي حرص واشنطن": the participle names its subject
            subj.extend(range(i + 1, named))
            np_start = named
            j = named
    while j < limit:
        if j in stoppers:
            split = (
                object_split
                or possessive_split(doc, subj) is not None
                or (venue is not None and np_start is not None)
            )
            if "np" in comps and subj and split:
                # "وأبدى المدير شكره …، داعياً", 'أكد … البرقان لـ"الوطن" صحة انتقال …،
                # منوهاً': the later cue has its own content, the object ends before it
                break
            return None
        w = doc.norms[j]
        d = doc.direct_opening(j)
        if d is not None:
            after = doc.token_at(d.outer_end)
            named = (
                d.close is not None
                and d.words <= 6
                and after < len(doc)
                and doc.norms[after] in lex.complementizers
            )
            if d.close is not None and (d.words <= 3 or named) and not (j > 0 and doc.is_colon(j - 1)):
                # a quoted name inside the subject or venue: 'ونقل موقع "يديعوت أحرونوت"';
                # after a preposition it is that preposition's object, not the subject
                k = doc.token_at(d.outer_end)
                after_prep = j > 0 and (
                    doc.norms[j - 1] in lex.adjunct_starts or prep(doc, j - 1) is not None
                )
                if not closed and not after_prep:
                    subj.extend(range(j, k))
                j = k
                continue
            if "quote" in comps or "colon" in comps:
                return hit("quote", j, d.start, d)
            return None
        if doc.is_colon(j):
            if "colon" not in comps and "quote" not in comps:
                return None
            k = j + 1
            if k >= len(doc):
                return None
            d2 = doc.direct_opening(k)
            if d2 is not None and (d2.close is not None or d2.words >= 2):
                return hit("quote", j, d2.start, d2)
            if doc.norms[k] in lex.complementizers and k + 1 < len(doc):
                return hit("that", k, doc.tokens[k + 1].start)
            return hit("colon", j, doc.tokens[k].start)
        if complementizer_at(doc, j) and not w.startswith("ف") and doc.norms[j - 1] not in lex.not_complement:
            if object_split and np_start is not None and any(doc.is_comma(k) for k in range(np_start, j)):
                break  # "أكد المدير أهمية المشروع، سائلاً المولى أن": the أن is a later verb's
            if ("that" in comps or source_from is not None) and j + 1 < len(doc):
                return hit("that", j, doc.tokens[j + 1].start)
            if "np" in comps and subj and (object_split or possessive_split(doc, subj) is not None):
                break  # "وأبدى المدير شكره …، مؤكداً أن": the أن belongs to a later verb
            if "np" in comps and participle and np_start is not None:
                break  # "مبدياً ثقته في المدرب بأن": the participle's object came first
            return None
        if j == i + 1 and lemma.object and w in lex.divine_addressees:
            # "ودعا الله أن يرحمهما": God is whom the prayer is addressed to
            closed = True
            j += 1
            while j < limit and doc.norms[j] in lex.divine_praise:
                j += 1
            continue
        if j == i + 1 and w in lex.back_references:
            # "صرح بذلك مدير المستشفى": what he stated came before the verb, and
            # its subject follows; the words after "بذلك" are not the statement
            j += 1
            continue
        preposition = prep(doc, j)
        if preposition is not None:
            if (
                subj
                and not closed
                and doc.norms[subj[-1]] in lex.np_prep_heads
                and keeps_preposition(doc.norms[subj[-1]], doc.norms[j])
                and not (preposition in comps and not complement_ahead(doc, j + 1, limit, preposition))
                and not (
                    preposition in comps and j + 1 < limit and possessed_noun(doc, j + 1)
                )  # "المسؤول عن أمله"
            ):
                # "القائمون على الشركة", "مصدر مقرب من الحكومة"; but "وأشار المسؤول إلى
                # ضرورة", "وأعرب المسؤول عن قلقه": the verb's own preposition, with
                # no other complement after it
                subj.append(j)
                j += 1
                continue
            if lemma.relay and preposition == (lemma.source_prep or "عن") and source_from is None:
                source_from = j + 1
                close()
                closed = True
                j += 1
                continue
            if relative and np_start is not None and not lemma.object:
                break  # "الذي أكّد له دعم باريس … على ما يبدو": the object came first
            if preposition in comps and j + 1 < limit and doc.norms[j + 1] in lex.period_nouns:
                # "كشفت النشرة عن شهر مايو الماضي، عن بلوغ": the period covered, not the content
                close()
                j += 1
                continue
            if preposition in comps and object_split and not lemma.object and "np" in comps:
                break  # "وكشف البلوشي فيها تطور الأندية … عن بقية": inside the noun object
            if preposition in comps and j + 1 < len(doc) and doc.norms[j + 1] in lex.adjunct_nouns:
                # "أكد على هامش المؤتمر أن", "أكد في تغريدة على حسابه أن": a setting, not the content
                close()
                j = noun_phrase_end(doc, j + 1, limit)
                continue
            if preposition in comps:
                nxt = j + 1
                if nxt < len(doc) and doc.norms[nxt] in lex.complementizers and nxt + 1 < len(doc):
                    return hit("that", nxt, doc.tokens[nxt + 1].start)
                if nxt < len(doc):
                    return hit(preposition, j, addressed(doc.tokens[nxt].start))
                return None
            if preposition == "من" and subj and not closed and doc.norms[subj[-1]] in lex.quantity_nouns:
                subj.append(j)  # "عدد من المواطنين"
                j += 1
                continue
            close()
            j += 1
            if not subj and not participle:
                # "ويعتقد على نطاق واسع أن": the preposition's object is not the subject
                j = noun_phrase_end(doc, j, limit)
            continue
        if source_from is not None and w in lex.relay_nouns:
            source_end = j  # "عن مصدر أمني قوله": the source ends before قوله
            while source_end > source_from and doc.is_comma(source_end - 1):
                source_end -= 1
            k = j + 1
            # "عن المدير قوله اليوم إن": a time or a comma may stand before the words
            while k < len(doc) and (doc.is_comma(k) or doc.is_colon(k) or doc.norms[k] in lex.time_words):
                k += 1
            if k < len(doc) and doc.norms[k] in lex.complementizers and k + 1 < len(doc):
                return hit("that", k, doc.tokens[k + 1].start)
            d = doc.direct_opening(k) if k < len(doc) else None
            if d is not None and (d.close is not None or d.words >= 2):
                return hit("quote", k, d.start, d)  # "عن المتحدث قوله: «…»"
            if k < len(doc):
                return hit("relay", j, doc.tokens[k].start)
            return None
        # After its object, a verb with a person object takes any ب/ل noun ("طالب الجميع
        # ببذل"); right after the verb, so does any verb with ب ("يفيد بنشوب"، "أهاب
        # بقائدي"). After a subject that is still open, only a verbal noun is the
        # content: "المتحدث … بالحدود الشمالية" is part of the subject.
        loose = (lemma.object and (bool(subj) or participle or closed)) or (not subj and not participle)
        # "…، وأستاذ الفقه المقارن بالمعهد العالي": inside a title the subject took after a
        # comma, a ب/ل phrase belongs to that title
        in_title = (
            appositive is not None and bool(appositive) and may_start_title(doc.tokens[appositive[0]].text)
        )
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
        if (
            (not subj or closed or lemma.object or participle or unmistakable)
            and not in_title
            and not genitive
            and clitic_complement(w, comps, loose)
        ):
            if (object_split or np_start is not None) and not lemma.object and "np" in comps:
                break  # "أكد النادي تمسكه باللاعب": the ب phrase is inside the noun object
            if lemma.praise and w[0] == "ب" and w[1:] not in lex.never_in_subject:
                return None  # "ونوه المدير بجهود الفريق": praise, not a statement
            return hit(w[0], j, doc.tokens[j].start)
        if not subj and not closed and "ل" not in comps and w.startswith("لل") and len(w) > 4:
            # "قال للملك سلمان إن": whom the words were addressed to, not who spoke
            j = addressee_end(doc, j, limit)
            continue
        if not subj and not closed and "ل" not in comps:
            named = addressed_name_end(doc, j)
            if named is not None:
                j = named  # "أكد لأرسنال تمسكه", "قال لرويترز إن": ل + a name is the addressee
                continue
        if (
            not subj
            and not relative
            and w in lex.bare_openers
            and "colon" in comps
            and (not participle or j == i + 1)
            and not mention_starts(doc, j)
            and not quotation_ahead(doc, j, limit)
        ):
            return hit("bare", j, doc.tokens[j].start)
        if (
            subj
            and not closed
            and not participle
            and w in lex.detached_pronouns
            and "colon" in comps
            and j + 1 < end
            and doc.is_word(j + 1)
            and doc.norms[j + 1] not in lex.emphatic_words
            and doc.norms[j + 1] not in lex.complementizers
        ):
            # "قال الصولي هما تعتبران مدانتين": a pronoun cannot continue the subject
            # (no genitive or adjective is a pronoun); it opens the reported clause
            return hit("bare", j, doc.tokens[j].start)
        if subj and w in lex.detached_pronouns and j + 1 < limit and doc.norms[j + 1] in lex.emphatic_words - lex.relatives:
            close()  # "وقال الوزير هو الآخر إن": the emphasis is not part of the subject
            j += 2
            continue
        if subj and not closed and circumstantial(doc, j) and not in_name(doc, j):
            # "وقال زوج المعلمة متحفظاً على اسمه إن": the accusative participle is a
            # circumstance of the speaker, the subject (nominative) ended before it
            close()
            j += 1
            continue
        if w in lex.prepositional_pronouns:
            j += 1  # "فقال له:", "أعلنت فيه أنها": never the subject
            if subj and not closed and "np" in comps and not lemma.object and j < limit and doc.is_word(j):
                # "وكشف البلوشي فيها تطور الأندية": a subject does not run on past the
                # verb's pronoun complement; what follows is the object
                closed = True
                np_start = j
                object_split = True
            continue
        if doc.is_comma(j):
            if appositive:
                if name_like(doc, appositive):
                    subj.extend(appositive)  # "مدير عام …، عبدالله المرشد، أن"
                appositive = None
            elif subj and appositive is None and np_start is None and not venue:
                closed = True
                appositive = []
            j += 1
            continue
        v = venue_at(doc, j)
        if v is not None and v > j:
            venue = (doc.tokens[j].start, doc.tokens[v - 1].end)
            close()
            # the venue's words do not count against the window ("مؤكداً في لقاء
            # أجراه معه الشاعر … في برنامج «…»، بأن")
            limit = min(end, limit + (v - j))
            j = v
            continue
        bare = w[1:] if w[:1] == "و" and len(w) > 3 else w
        if (w in lex.time_words or bare in lex.time_words) and not adjective_of_title(doc, j):
            if appositive is not None and not appositive:
                j += 1
                continue
            close()
            j += 1
            continue
        if w in lex.adjunct_starts or w in lex.temporal_words or w in lex.attribution_words:
            continues_np = (
                w == "في"
                and subj
                and not closed
                and len(subj) <= 3
                and strip_proclitic(doc.norms[subj[0]], lex.np_in_heads)
            ) or (
                # "لاعب خط وسط الهلال": after an indefinite noun وسط is a noun in construct
                w == "وسط"
                and subj
                and not closed
                and not looks_definite(doc, j - 1)
                and not in_name(doc, j - 1)
            )
            if not continues_np:
                close()
                j += 1
                if subj and np_start is None and w == "مع":
                    # "أعلنت الأمانة بالتعاون مع إدارة المرور إغلاق": the partner is no object
                    j = noun_phrase_end(doc, j, limit)
                    continue
                if not subj:
                    # "وأشار في تقريره إلى", "وقد قال في قمة مجموعة السبع إن": with no
                    # subject yet, the words after the preposition are its object, up to
                    # the next boundary ("من جانبه الوزير": only the discourse word)
                    while j < limit and doc.is_word(j) and doc.norms[j] not in lex.complementizers:
                        if prep(doc, j) is not None or venue_at(doc, j) is not None:
                            break
                        j += 1
                        if doc.norms[j - 1] in lex.side_words:
                            break
                continue
        if w in lex.company_words and subj and np_start is None:
            # "أعلن مجلس الإدارة برئاسة محمود طاهر رفضه": the chair is not the subject
            close()
            closed = True
            j += 1
            if j < limit and doc.norms[j] == "مع":
                j += 1
            j = noun_phrase_end(doc, j, limit)
            continue
        if w in lex.relatives and subj:
            close()
        if w in lex.demonstratives and subj and not closed and doc.norms[subj[-1]].startswith(("ال", "وال")):
            # "برّر الباحثون هذا التراجع بأن": after a definite noun the demonstrative
            # opens the object ("رئيس هذه الجمعية" keeps it: the noun before is a construct)
            close()
            closed = True
        if (
            not subj
            and not closed
            and "np" in comps
            and not participle
            and possessed_noun(doc, j)
            and left_subject(doc, i) is not None
        ):
            # "دورتموند أكد لأرسنال تمسكه باللاعب": the subject came before the
            # verb, so a possessed noun after it opens the object
            closed = True
            np_start = j
            object_split = True
        if not closed and subj and "np" in comps and w in lex.object_nouns:
            # "تأكيد مصادر حكومية عدم التوصل", "أكد مسؤولون ضرورة": these nouns head
            # what is affirmed, never a source's genitive or adjective
            closed = True
            np_start = j
            object_split = True
        if (
            not closed
            and subj
            and (lemma.object or ("np" in comps and definite_phrase(doc, without_gloss(doc, subj))))
            and object_starts(doc, without_gloss(doc, subj)[-1], j, lemma.object)
        ):
            # "أبلغ وزير الداخلية الصحفيين أن": the verb's object follows its subject
            closed = True
            np_start = j
            object_split = True
        if not closed:
            subj.append(j)
        elif appositive is not None:
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
                appositive = None
                np_start = j
                object_split = True
                j += 1
                continue
            appositive.append(j)
            if len(appositive) > MAX_APPOSITIVE:
                appositive = None
        elif np_start is None:
            np_start = j
        j += 1
    if appositive:
        np_start = appositive[0]
    return without_complement(doc, i, form, subj, closed, np_start, venue)




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
