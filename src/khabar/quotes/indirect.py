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
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.cues import CueForm, lookup
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.speakers import left_subject, source_like
from khabar.quotes.venue import venue_at
from khabar.text.clitics import segment

WINDOW = 32
WINDOW_PARTICIPLE = 8
WINDOW_AMBIGUOUS = 14
_MAX_APPOSITIVE = 5
_SIDE_WORDS = frozenset({"جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "ناحيته", "ناحيتها", "جهة", "ناحية"})
_ATTRIBUTION_WORDS = frozenset({"بحسب", "حسب", "وفقا", "طبقا", "نقلا", "ونقلا", "وبحسب", "حسبما"})
# "على ما أفاد X", "وهو ما أكده X": read as attribution phrases by khabar.quotes.attribution
_BACKWARD = frozenset({"علي", "هو", "وهو", "هذا", "وهذا"})
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"})
_COMPANY = frozenset({"برياسة", "بقيادة", "بحضور", "بمشاركة", "بالتعاون", "وبحضور", "وبمشاركة"})
_PERIOD_NOUNS = frozenset({"شهر", "عام", "سنة", "سنه", "فترة", "فتره", "الفترة", "الفتره", "الربع", "النصف", "موسم", "الموسم"})
_NEGATIONS = frozenset({"لم", "ولم", "فلم", "لن", "ولن", "فلن"})
_PREPOSITIONS = {"عن": "عن", "الي": "إلى", "علي": "على", "من": "من"}
_TEMPORAL = frozenset({"بعد", "قبل", "منذ", "دون", "حتي", "عقب", "لحين", "بدون", "وبعد", "وقبل"})
# Words after which أن/إن is not the cue's complement: "بعد أن" (after), "كما أن" (moreover).
_NOT_COMPLEMENT = _TEMPORAL | frozenset({"كما", "وكما", "رغم", "برغم", "ورغم", "لو", "الا", "غير", "مع"})
_BARE_OPENERS = frozenset(
    {"لم", "لن", "لا", "ليس", "ليست", "نحن", "اننا", "انني", "هناك", "كلنا", "الحمد", "للاسف", "نعم", "كنا", "كنت"}
)
_NOT_CLITIC = frozenset({"لدي", "لكن", "لقد", "لان", "لانه", "لانها", "لذلك", "لهذا", "لهذه", "بعد", "بين", "بعض", "بينما", "لكنه", "لكنها"})
_MASDAR_LIKE = frozenset(
    {"ضروره", "ضرورة", "عدم", "اهمية", "سرعة", "وقف", "اعادة", "عودة", "ان", "انه", "انها", "جميع", "كافة", "كل"}
)


@dataclass(slots=True)
class CueHit:
    """A cue verb with its complement: token indices into the doc, ``content_start``
    a character offset. ``subject`` is the phrase after the verb (may be empty),
    ``source`` the relayed speaker of "نقل X عن Y قوله"."""

    i: int
    form: CueForm
    comp: str
    comp_i: int
    content_start: int
    subject: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    venue: tuple[int, int] | None = None
    direct: DirectSpan | None = None
    np_after_subject: bool = False


def _prep(doc: QuoteDoc, j: int) -> str | None:
    return _PREPOSITIONS.get(doc.norms[j])


def _clitic_complement(word: str, comps: frozenset[str], loose: bool) -> bool:
    """"بسرعة التدخل", "بالمرونة", "لمراجعتها": a preposition glued to a verbal noun.

    ``loose`` (a verb with a person object, after its object: "طالب الجميع ببذل",
    "دعت الشركة الراغبين لإرسال") accepts any noun; otherwise the noun must be
    definite or a known verbal noun, since names start with ب and ل too (بايوف).
    """
    if len(word) < 4:
        return False
    letter, rest = word[0], word[1:]
    if letter not in ("ب", "ل") or letter not in comps or word in _NOT_CLITIC:
        return False
    split = segment(word).proclitics
    if not split or split[0] != letter:
        return False  # "بعضهم", "بشأن", "بندر": the ب belongs to the word
    return loose or rest.startswith("ال") or rest in _MASDAR_LIKE or rest.startswith("ان")


_POSSESSIVE = ("ه", "ها", "هم", "هما", "هن")


def _mention_starts(doc: QuoteDoc, j: int) -> bool:
    """Whether a person or organization mention starts at token ``j`` ("لا كازيت"
    is a name, not the negation that opens a quoted clause)."""
    tok = doc.tokens[j]
    return any(
        r.mention.start == tok.start and (r.entity.type if r.entity else r.mention.type) in ("PERSON", "ORG")
        for r in doc.mentions_in(tok.start, doc.tokens[min(j + 6, len(doc) - 1)].end)
    )


def _resumptive_subject(doc: QuoteDoc, j: int) -> bool:
    """"نيجيريا التي حذر رئيسها الولايات المتحدة": a title with a pronoun pointing
    back to the antecedent is the relative clause's own subject."""
    if j >= len(doc):
        return False
    w = doc.norms[j]
    for suffix in ("ها", "هم", "ه"):
        if w.endswith(suffix) and strip_proclitic(w[: -len(suffix)], lexicon().person_heads) is not None:
            return True
    return False


def _verbal_noun_subject(doc: QuoteDoc, i: int) -> tuple[int, int] | None:
    """For "بالقول"/"بقوله" at ``i``: the subject of the verb that governs it, the
    words between that verb (the first word of the clause) and the noun."""
    s0 = doc.sentence_start_token(i)
    k = i - 1
    while k > s0 and i - k <= 10 and not doc.is_comma(k - 1) and not doc.is_colon(k - 1):
        k -= 1
    # k is the clause's first word, its verb ("واكتفى"); the subject follows it
    a, b = k + 1, i
    lex = lexicon()
    for m in range(a, i):
        if doc.norms[m] in lex.adjunct_starts or _prep(doc, m) is not None:
            b = m  # "ورد الوزير على الانتقادات بقوله": the subject ends before the preposition
            break
    while b > a and not doc.is_word(b - 1):
        b -= 1
    if a >= b or not source_like(doc, a, b):
        return None
    return a, b


def _quotation_ahead(doc: QuoteDoc, j: int, limit: int) -> bool:
    """Whether a colon or quotation follows within the window: then "وختم لا كازيت
    قائلا: «…»" names its subject with "لا", it does not open a bare clause."""
    return any(doc.is_colon(k) or doc.direct_opening(k) is not None for k in range(j + 1, limit))


def _named_subject(doc: QuoteDoc, j: int, end: int) -> int | None:
    """The token after a person mention (name or title) that starts at ``j``, if
    one does: the subject written right after a participle."""
    if j >= end:
        return None
    tok = doc.tokens[j]
    refs = [
        r
        for r in doc.mentions_in(tok.start, doc.tokens[min(j + 8, end - 1)].end)
        if r.mention.start == tok.start and (r.entity.type if r.entity else r.mention.type) == "PERSON"
    ]
    if not refs:
        return None
    k = doc.token_at(max(r.mention.end for r in refs))
    return k if k < end else None


def _addressee_end(doc: QuoteDoc, j: int, limit: int) -> int:
    """The token after an addressee phrase starting at ``j`` ("للملك سلمان",
    "للصحفيين"): the ل-noun and a name that follows it."""
    k = j + 1
    if k < limit:
        tok = doc.tokens[k]
        refs = [r for r in doc.mentions_in(tok.start, doc.tokens[min(k + 6, limit - 1)].end) if r.mention.start == tok.start]
        if refs:
            k = doc.token_at(max(r.mention.end for r in refs))
    return k


def _definite_phrase(doc: QuoteDoc, subj: list[int]) -> bool:
    """Whether the subject so far is definite nouns only ("الوزير", "التحقيقات
    والأدلة") or ends a name ("مديرية الدفاع المدني بمنطقة عسير"): a bare
    indefinite noun after it cannot be its genitive or adjective."""
    if all(doc.norms[k].startswith(("ال", "وال")) for k in subj if doc.is_word(k)):
        return True
    tok = doc.tokens[subj[-1]]
    ref = doc.mention_covering(tok.start, tok.end)
    return ref is not None and ref.mention.end == tok.end and ref.mention.kind == "name" and len(subj) <= 6


def _object_starts(doc: QuoteDoc, last: int, j: int, person_object: bool = True) -> bool:
    """Whether word ``j`` opens the object of a verb whose subject ended at ``last``:
    a definite plural or dual ("الصحفيين", "الجماعتين") after a definite word that
    is not itself plural (an adjective would agree with it, a genitive follows an
    indefinite noun), or a noun that names an audience."""
    w = doc.norms[j]
    lex = lexicon()
    if strip_proclitic(w, lex.audience_nouns) is not None and w.startswith("ال"):
        return True
    if len(w) >= 4 and w.endswith(_POSSESSIVE) and w[0] not in ("ب", "ل", "و", "ف") and _ends_person(doc, last):
        return True  # "اتهم حسن عسيري زميله المالكي بـ": a possessed noun after the name
    prev = doc.norms[last]
    definite = (
        prev.startswith(("ال", "وال"))
        and (strip_proclitic(prev, lex.person_heads) is None or w.endswith("ة"))  # "الأمير فيصل": a name follows
        and not _in_name(doc, last)
    )
    if (
        (definite or _ends_name(doc, last))
        and not w.startswith(("ال", "وال"))
        and doc.is_word(j)
        and doc.tokens[j].kind == "arabic"
        and len(w) >= 3
        and w not in _DEMONSTRATIVES
        and w not in lex.relatives
        and not _in_name(doc, j)
        and not (w[0] in ("ب", "ل", "ك") and segment(w).proclitics)  # "بمنطقة عسير": a prepositional phrase
    ):
        # "اتهمت السلطات تنظيم الدولة بـ", "كشفت مديرية الدفاع المدني بعسير تفاصيل
        # الحادثة": an indefinite noun after a definite one or a name opens the object
        return True
    if not person_object:
        return False
    return (
        w.startswith("ال")
        and w.endswith("ين")
        and len(w) > 5
        and prev.startswith(("ال", "وال"))
        and not prev.endswith(("ين", "ون"))
        and doc.is_word(last)
    )


def _noun_phrase_end(doc: QuoteDoc, j: int, limit: int) -> int:
    """The token after the noun phrase starting at ``j``: a construct chain runs
    through indefinite heads to its first definite word and that word's
    adjectives ("إدارة مرور المنطقة الشرقية"); the next indefinite word starts
    something new ("… إغلاق الطريق")."""
    seen_definite = False
    k = j
    while k < limit and doc.is_word(k) and doc.norms[k] not in lexicon().complementizers:
        definite = doc.norms[k].startswith(("ال", "لل", "بال", "وال")) or _in_name(doc, k)
        if seen_definite and not definite:
            break
        seen_definite = seen_definite or definite
        k += 1
    return k


def _leading_name_end(doc: QuoteDoc, subj: list[int]) -> int | None:
    """The token after a person or organization mention that opens the subject and
    ends before its last word, if there is one."""
    first = doc.tokens[subj[0]]
    refs = [
        r
        for r in doc.mentions_in(first.start, doc.tokens[subj[-1]].end)
        if r.mention.start == first.start and (r.entity.type if r.entity else r.mention.type) in ("PERSON", "ORG")
    ]
    if not refs:
        return None
    k = doc.token_at(max(r.mention.end for r in refs))
    return k if subj[0] < k <= subj[-1] else None


def _in_name(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` lies in a name mention (of any type)."""
    tok = doc.tokens[k]
    ref = doc.mention_covering(tok.start, tok.end)
    return ref is not None and ref.mention.kind == "name"


def _adjective_of_title(doc: QuoteDoc, j: int) -> bool:
    """"المدير العام", "الأمين العام": after a title noun, العام is "general", not "the year"."""
    if j == 0 or doc.norms[j] not in ("العام", "العامة"):
        return False
    return strip_proclitic(doc.norms[j - 1], lexicon().person_heads) is not None


def _ends_name(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` ends an organization or place name mention."""
    tok = doc.tokens[k]
    ref = doc.mention_covering(tok.start, tok.end)
    return (
        ref is not None
        and ref.mention.end == tok.end
        and ref.mention.kind == "name"
        and (ref.entity.type if ref.entity else ref.mention.type) in ("ORG", "LOC")
    )


def _ends_person(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` ends a person's name mention."""
    tok = doc.tokens[k]
    ref = doc.mention_covering(tok.start, tok.end)
    return (
        ref is not None
        and ref.mention.end == tok.end
        and ref.mention.kind == "name"
        and (ref.entity.type if ref.entity else ref.mention.type) == "PERSON"
    )


def _possessive_split(doc: QuoteDoc, subj: list[int]) -> int | None:
    """Index of the first noun with a possessive pronoun after the subject's head
    ("المواطنون | استياءهم", "الشركة | عزمها")."""
    for k in subj[1:]:
        w = doc.norms[k]
        if len(w) >= 4 and w.endswith(_POSSESSIVE) and w[0] not in ("ب", "ل", "و", "ف") and doc.is_word(k):
            if _in_name(doc, k):
                continue  # "عبدالله", "طه": a name, not a possessed noun
            return k
    return None


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


def _name_like(doc: QuoteDoc, tokens: list[int]) -> bool:
    """Whether the words after a subject's comma name it ("، عبدالله بن عبدالملك
    المرشد،"): a person mention, or a title word, or a name with بن/أبو/آل."""
    if not tokens or len(tokens) > _MAX_APPOSITIVE:
        return False
    start, end = doc.tokens[tokens[0]].start, doc.tokens[tokens[-1]].end
    refs = doc.mentions_in(start, end)
    if any((r.entity.type if r.entity else r.mention.type) == "PERSON" for r in refs):
        return True
    lex = lexicon()
    words = [doc.norms[k] for k in tokens if doc.is_word(k)]
    if not words:
        return False
    return strip_proclitic(words[0], lex.person_heads) is not None or any(w in ("بن", "ابو", "ال", "ابن") for w in words[1:])


def _first_person(word: str, form: CueForm) -> bool:
    """"أعتقد" is "I think", not "اعتقد" (he thought): the perfect of these verbs
    starts with a plain alef, so a written hamza marks the first person. The
    matching form folds the two, the surface word does not."""
    if form.tense != "past" or not form.lemma.past.startswith("ا"):
        return False
    return word[len(form.proclitic) :].startswith("أ")


def _subjunctive_first_person(doc: QuoteDoc, i: int, form: CueForm) -> bool:
    """«… وأن أظهر للناس أن المال لا يهمني»: inside a quotation, a hamza-initial
    form right after أنْ is the speaker's own "that I show" (أنّ never takes a verb)."""
    if form.proclitic or form.tense != "past" or not doc.tokens[i].text.startswith("أ"):
        return False
    if i == 0 or doc.norms[i - 1] not in ("ان", "وان"):
        return False
    pos = doc.tokens[i].start
    return any(d.start <= pos < d.end for d in doc.direct)


def _after_number(doc: QuoteDoc, i: int) -> bool:
    """Whether token ``i`` follows a number on the same line."""
    if i == 0 or doc.tokens[i - 1].kind != "number":
        return False
    return "\n" not in doc.text[doc.tokens[i - 1].end : doc.tokens[i].start]


def _candidate_forms(doc: QuoteDoc, i: int) -> list[CueForm]:
    forms = []
    prev = doc.norms[i - 1] if i > 0 else ""
    word = doc.tokens[i].text
    for form in lookup(word):
        if form.suffix and not form.lemma.object and prev not in ("ما", "وما", "بما", "مما", "كما", "فيما"):
            continue
        if _first_person(word, form) or _subjunctive_first_person(doc, i, form):
            continue
        if form.tense == "present" and form.lemma.weak == "y" and word.endswith("ى"):
            continue  # "ويدعى محمد", "ويروى أن": the passive (يُدعى), not يدّعي/يروي
        if form.tense != "participle" and _after_number(doc, i):
            continue  # "38 طالباً": a counted noun, not the dual of طالب
        if form.lemma.hamza and not word[len(form.proclitic) :].startswith("أ"):
            continue  # "اطلع الوفد على": اطّلع (viewed), not أطلع (informed)
        forms.append(form)
    return forms


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
        and not _resumptive_subject(doc, i + 1)
    )
    closed = participle or relative
    object_split = False  # the object was told from the subject by its form
    appositive: list[int] | None = None  # words after the comma that closed the subject
    np_start: int | None = i + 1 if participle else None
    venue: tuple[int, int] | None = None
    source_from: int | None = None
    source_end: int | None = None

    def hit(comp: str, comp_i: int, start: int, direct: DirectSpan | None = None) -> CueHit:
        if appositive and _name_like(doc, appositive):
            subj.extend(appositive)
        subject = (subj[0], subj[-1] + 1) if subj else None
        source = (source_from, source_end or comp_i) if source_from is not None else None
        return CueHit(i, form, comp, comp_i, start, subject, source, venue, direct)

    def close() -> None:
        nonlocal closed, appositive
        if subj and not closed:
            closed = True
        appositive = None

    j = i + 1
    if form.proclitic == "ب":
        lead = _verbal_noun_subject(doc, i)
        if lead is not None:
            subj.extend(range(*lead))  # "واكتفى الناطق باسمها بالقول، إن": the verb's subject
    if participle and not subj:
        named = _named_subject(doc, i + 1, end)
        if named is not None:
            # "مؤكداً وزير الدفاع الأميركي حرص واشنطن": the participle names its subject
            subj.extend(range(i + 1, named))
            np_start = named
            j = named
    while j < limit:
        if j in stoppers:
            if "np" in comps and subj and (object_split or _possessive_split(doc, subj) is not None):
                break  # "وأبدى المدير شكره …، داعياً": the later cue has its own content
            return None
        w = doc.norms[j]
        d = doc.direct_opening(j)
        if d is not None:
            after = doc.token_at(d.outer_end)
            named = d.close is not None and d.words <= 6 and after < len(doc) and doc.norms[after] in lex.complementizers
            if d.close is not None and (d.words <= 3 or named) and not (j > 0 and doc.is_colon(j - 1)):
                # a quoted name inside the subject or venue: 'ونقل موقع "يديعوت أحرونوت"';
                # after a preposition it is that preposition's object, not the subject
                k = doc.token_at(d.outer_end)
                after_prep = j > 0 and (doc.norms[j - 1] in lex.adjunct_starts or _prep(doc, j - 1) is not None)
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
        if w in lex.complementizers and not w.startswith("ف") and doc.norms[j - 1] not in _NOT_COMPLEMENT:
            if ("that" in comps or source_from is not None) and j + 1 < len(doc):
                return hit("that", j, doc.tokens[j + 1].start)
            if "np" in comps and subj and (object_split or _possessive_split(doc, subj) is not None):
                break  # "وأبدى المدير شكره …، مؤكداً أن": the أن belongs to a later verb
            return None
        prep = _prep(doc, j)
        if prep is not None:
            if subj and not closed and doc.norms[subj[-1]] in lex.np_prep_heads:
                subj.append(j)  # "القائمون على الشركة", "مصدر مقرب من الحكومة"
                j += 1
                continue
            if lemma.relay and prep == (lemma.source_prep or "عن") and source_from is None:
                source_from = j + 1
                close()
                closed = True
                j += 1
                continue
            if relative and np_start is not None and not lemma.object:
                break  # "الذي أكّد له دعم باريس … على ما يبدو": the object came first
            if prep in comps and j + 1 < limit and doc.norms[j + 1] in _PERIOD_NOUNS:
                # "كشفت النشرة عن شهر مايو الماضي، عن بلوغ": the period covered, not the content
                close()
                j += 1
                continue
            if prep in comps:
                nxt = j + 1
                if nxt < len(doc) and doc.norms[nxt] in lex.complementizers and nxt + 1 < len(doc):
                    return hit("that", nxt, doc.tokens[nxt + 1].start)
                if nxt < len(doc):
                    return hit(prep, j, doc.tokens[nxt].start)
                return None
            if prep == "من" and subj and not closed and doc.norms[subj[-1]] in lex.quantity_nouns:
                subj.append(j)  # "عدد من المواطنين"
                j += 1
                continue
            close()
            j += 1
            if not subj and not participle:
                # "ويعتقد على نطاق واسع أن": the preposition's object is not the subject
                j = _noun_phrase_end(doc, j, limit)
            continue
        if source_from is not None and w in lex.relay_nouns:
            source_end = j  # "عن مصدر أمني قوله": the source ends before قوله
            while source_end > source_from and doc.is_comma(source_end - 1):
                source_end -= 1
            k = j + 1
            while k < len(doc) and (doc.is_comma(k) or doc.is_colon(k)):
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
        if (not subj or closed or lemma.object or participle) and _clitic_complement(w, comps, loose):
            return hit(w[0], j, doc.tokens[j].start)
        if not subj and not closed and "ل" not in comps and w.startswith("لل") and len(w) > 4:
            # "قال للملك سلمان إن": whom the words were addressed to, not who spoke
            j = _addressee_end(doc, j, limit)
            continue
        if (
            not subj
            and not relative
            and w in _BARE_OPENERS
            and "colon" in comps
            and (not participle or j == i + 1)
            and not _mention_starts(doc, j)
            and not _quotation_ahead(doc, j, limit)
        ):
            return hit("bare", j, doc.tokens[j].start)
        if w in lex.prepositional_pronouns:
            j += 1  # "فقال له:", "أعلنت فيه أنها": never the subject
            continue
        if doc.is_comma(j):
            if appositive:
                if _name_like(doc, appositive):
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
        if (w in lex.time_words or bare in lex.time_words) and not _adjective_of_title(doc, j):
            if appositive is not None and not appositive:
                j += 1
                continue
            close()
            j += 1
            continue
        if w in lex.adjunct_starts or w in _TEMPORAL or w in _ATTRIBUTION_WORDS:
            continues_np = (
                w == "في" and subj and not closed and len(subj) <= 3 and strip_proclitic(doc.norms[subj[0]], lex.np_in_heads)
            )
            if not continues_np:
                close()
                j += 1
                if subj and np_start is None and w == "مع":
                    # "أعلنت الأمانة بالتعاون مع إدارة المرور إغلاق": the partner is no object
                    j = _noun_phrase_end(doc, j, limit)
                    continue
                if not subj:
                    # "وأشار في تقريره إلى", "وقد قال في قمة مجموعة السبع إن": with no
                    # subject yet, the words after the preposition are its object, up to
                    # the next boundary ("من جانبه الوزير": only the discourse word)
                    while j < limit and doc.is_word(j) and doc.norms[j] not in lex.complementizers:
                        if _prep(doc, j) is not None or venue_at(doc, j) is not None:
                            break
                        j += 1
                        if doc.norms[j - 1] in _SIDE_WORDS:
                            break
                continue
        if w in _COMPANY and subj and np_start is None:
            # "أعلن مجلس الإدارة برئاسة محمود طاهر رفضه": the chair is not the subject
            close()
            closed = True
            j += 1
            if j < limit and doc.norms[j] == "مع":
                j += 1
            j = _noun_phrase_end(doc, j, limit)
            continue
        if w in lex.relatives and subj:
            close()
        if w in _DEMONSTRATIVES and subj and not closed and doc.norms[subj[-1]].startswith(("ال", "وال")):
            # "برّر الباحثون هذا التراجع بأن": after a definite noun the demonstrative
            # opens the object ("رئيس هذه الجمعية" keeps it: the noun before is a construct)
            close()
            closed = True
        if (
            not closed
            and subj
            and (lemma.object or ("np" in comps and _definite_phrase(doc, subj)))
            and _object_starts(doc, subj[-1], j, lemma.object)
        ):
            # "أبلغ وزير الداخلية الصحفيين أن": the verb's object follows its subject
            closed = True
            np_start = j
            object_split = True
        if not closed:
            subj.append(j)
        elif appositive is not None:
            appositive.append(j)
            if len(appositive) > _MAX_APPOSITIVE:
                appositive = None
        elif np_start is None:
            np_start = j
        j += 1
    if appositive:
        np_start = appositive[0]
    return _without_complement(doc, i, form, subj, closed, np_start, venue)


def _without_complement(
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
        # "نفت وزارة الداخلية الأنباء التي ترددت": the relative clause describes the
        # object, which starts where the subject's name ends
        named_end = _leading_name_end(doc, subj)
        if named_end is not None:
            np_start = named_end
            subj = [k for k in subj if k < named_end]
    subject = (subj[0], subj[-1] + 1) if subj else None
    quoted = any(d.start <= doc.tokens[i].start < d.end for d in doc.direct)
    if prev in ("كما", "وكما") and form.tense != "participle" and subject is not None and not quoted and source_like(
        doc, *subject
    ):
        s0 = doc.sentence_start_token(i)
        first = next((k for k in range(s0, i - 1) if doc.is_word(k)), None)
        if first is None:
            return None
        return CueHit(i, form, "before", first, doc.tokens[first].start, subject, None, venue)
    if "np" not in form.lemma.complements:
        return None
    if not subj and np_start is not None and prev in lexicon().relatives and np_start < end and doc.is_word(np_start):
        # "هولاند الذي أكّد له دعم باريس": the antecedent speaks (khabar.quotes.attach)
        return CueHit(i, form, "np", np_start, doc.tokens[np_start].start, None, None, venue, None, True)
    if form.tense != "participle":
        if not form.proclitic and left_subject(doc, i) is not None and i + 1 < end and doc.is_word(i + 1):
            return CueHit(i, form, "np", i + 1, doc.tokens[i + 1].start, None, None, venue)
        if not subj:
            return None
        if form.proclitic and not source_like(doc, subj[0], subj[-1] + 1) and i + 1 < end:
            # "وأكد عدم توفر دلائل …": no subject, the noun phrase is the content
            return CueHit(i, form, "np", i + 1, doc.tokens[i + 1].start, None, None, venue)
        refs = doc.mentions_in(doc.tokens[subj[0]].start, doc.tokens[subj[-1]].end)
        person = [r for r in refs if (r.entity.type if r.entity else r.mention.type) in ("PERSON", "ORG")]
        split = _possessive_split(doc, subj)
        if split is not None and source_like(doc, subj[0], split):
            # "أبدى المواطنون استياءهم من …", "وأبدى مدير الشركة رضا الغزاوي شكره": the
            # object opens on its possessive noun
            return CueHit(i, form, "np", split, doc.tokens[split].start, (subj[0], split), None, venue, None, True)
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
    subject = (subj[0], subj[-1] + 1) if subj else None
    return CueHit(i, form, "np", np_start, doc.tokens[np_start].start, subject, None, venue, None, True)


def _plausible(doc: QuoteDoc, found: CueHit) -> bool:
    """Reject readings whose subject cannot be a source: an ambiguous form (بين،
    عبر) or a relay verb (نقل is also the noun "transfer") needs one that looks
    like it, unless its complement is right there."""
    lemma = found.form.lemma
    # "بين الطرفين", "من بين الحرفيين": the bare form reads as a cue only before a
    # complementizer, colon or quotation; a written shadda ("عبّر", "بيّن") marks the verb
    ambiguous = found.form.ambiguous and not _shadda_verb(doc, found)
    if ambiguous and (
        found.comp not in ("that", "colon", "quote")
        or (found.i > 0 and doc.norms[found.i - 1] in ("من", "في"))
        or _correlative(doc, found.i)
    ):
        return False
    if found.subject is None:
        return True
    if ambiguous and not lemma.relay and _colon_before(doc, found):
        return True  # "وتابع هداف الدوري (27 هدفاً): «…»": a colon and a quotation are speech
    if ambiguous or (lemma.relay and found.source is None):
        return source_like(doc, *found.subject)
    return True


def _colon_before(doc: QuoteDoc, found: CueHit) -> bool:
    k = found.comp_i
    return found.comp in ("colon", "quote") and (doc.is_colon(k) or (k > 0 and doc.is_colon(k - 1)))


def _correlative(doc: QuoteDoc, i: int) -> bool:
    """"بينه وبين النادي": "وبين" repeats the preposition بين a few words back,
    it is not the verb بيّن."""
    if not doc.norms[i].startswith("و"):
        return False
    s0 = doc.sentence_start_token(i)
    return any(doc.norms[k].startswith("بين") for k in range(max(s0, i - 6), i))


def _shadda_verb(doc: QuoteDoc, found: CueHit) -> bool:
    """Whether the cue is written with the shadda of its doubled verb ("عبّر" is
    the verb, "عبر" may be the preposition "via")."""
    return "\u0651" in found.form.lemma.past and "\u0651" in doc.tokens[found.i].text


def find_cues(doc: QuoteDoc) -> list[CueHit]:
    """Every cue with a complement, in text order (title excluded)."""
    hits: dict[int, CueHit] = {}
    stoppers: set[int] = set()
    for i in range(len(doc) - 1, -1, -1):
        tok = doc.tokens[i]
        if tok.kind != "arabic" or doc.in_title(tok.start):
            continue
        prev = doc.norms[i - 1] if i > 0 else ""
        prev2 = doc.norms[i - 2] if i > 1 else ""
        if prev in ("حسبما", "وحسبما", "بحسبما") or (prev == "ما" and prev2 in _ATTRIBUTION_WORDS | _BACKWARD):
            continue  # "حسبما أفاد مصدر": an attribution phrase, read by khabar.quotes.attribution
        conditionals = lexicon().conditionals
        if prev in conditionals or (prev == "ما" and prev2 in conditionals):
            continue  # "إذا ما أكدت الوكالة …": hypothetical, nobody said it
        if prev in _NEGATIONS:
            continue  # "لم يوضح ما إذا كان", "ولم تتهم الوزارة أحداً": nothing was said
        for form in _candidate_forms(doc, i):
            found = scan(doc, i, form, stoppers)
            if found is not None and _plausible(doc, found):
                hits[i] = found
                stoppers.add(i)
                break
    return [hits[i] for i in sorted(hits)]
