"""Who speaks a cue's quote, and where the quote sits among the ones around it.

A cue's speaker is, in order of preference: the source relayed by "نقل X عن Y"
or "نقلاً عن Y"; the subject written after the verb ("قال الرئيس"); the subject
written before it ("أن ريفلين أبلغ"); the antecedent of a relative pronoun
("… الذي كشف"); or, with no subject at all, whoever is speaking already
(:mod:`khabar.quotes.continuation`).

Where it sits: a cue inside another quote's content is nested in it (reported
by that quote's speaker) when its subject opens that content, when it continues
the clause ("… يوصيه بالحذر ويردّ سامي"), or when marks enclose it; otherwise it
is a new statement and ends the quotes it interrupts, whose content is cut
before it (:func:`khabar.quotes.content.cut_before`).
"""

from __future__ import annotations

from khabar.model import Speaker
from khabar.quotes.content import cut_before
from khabar.quotes.continuation import antecedent
from khabar.quotes.cues import CueForm, lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.preverbal import left_subject, relative_antecedent
from khabar.quotes.record import Record
from khabar.quotes.speakers import plural_phrase, points_back, resolve_phrase, source_like


def _inside_marks(doc: QuoteDoc, rec: Record, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that is part of ``rec``'s content."""
    if rec.bounded:
        return True
    return any(rec.start <= d.open and d.outer_end <= rec.end + 1 and d.start <= pos < d.end for d in doc.direct)


def end_stack(doc: QuoteDoc, stack: list[Record], i: int, rec: Record) -> None:
    """A new statement at token ``i`` ends the quotes it interrupts, except quoted ones."""
    pos = doc.tokens[i].start
    for r in reversed(stack):
        if _inside_marks(doc, r, pos):
            if rec.parent is None:
                nest(rec, r)
            break
        r.end = min(r.end, cut_before(doc, i, r.start))


def _naqlan(doc: QuoteDoc, hit: CueHit) -> tuple[Speaker | None, Speaker | None] | None:
    """"وأفادت مصادر أمنية نقلاً عن الموقوفين بأن": the detainees speak, the sources relay."""
    for k in range(hit.i + 1, hit.comp_i - 1):
        if doc.norms[k] in ("نقلا", "ونقلا") and doc.norms[k + 1] == "عن":
            speaker = resolve_phrase(doc, k + 2, hit.comp_i)
            relay = resolve_phrase(doc, hit.i + 1, k) if k > hit.i + 1 else None
            return speaker, relay
    return None


_LATTER = {"الاخير": ("PERSON",), "الاخيرة": ("PERSON", "ORG")}


def _latter(doc: QuoteDoc, hit: CueHit) -> Speaker | None:
    """The speaker of a subject "الأخير"/"الأخيرة" (the latter): the person (or,
    feminine, the organization) named last before the cue."""
    if hit.subject is None or hit.subject[1] - hit.subject[0] != 1:
        return None
    word = doc.norms[hit.subject[0]]
    types = _LATTER.get(word[1:] if word[:1] in ("و", "ف") else word)
    if types is None:
        return None
    cue_start = doc.tokens[hit.i].start
    before = [
        r
        for r in doc.mentions
        if r.mention.end <= cue_start
        and r.mention.kind == "name"
        and (r.entity.type if r.entity is not None else r.mention.type) in types
    ]
    if not before:
        return None
    last = max(before, key=lambda r: r.mention.end)
    return resolve_phrase(doc, doc.token_at(last.mention.start), doc.token_at(last.mention.end))


def attach(doc: QuoteDoc, hit: CueHit, rec: Record, stack: list[Record], records: list[Record]) -> bool:
    """Give ``rec`` its speaker and place in the nesting; False if it is no quote."""
    form = hit.form
    i = hit.i
    if hit.source is not None and hit.source[1] > hit.source[0]:
        rec.speaker = resolve_phrase(doc, *hit.source)
        rec.reported_by = resolve_phrase(doc, *hit.subject) if hit.subject else None
        rec.gender = None
        end_stack(doc, stack, i, rec)
        return True
    relayed = _naqlan(doc, hit)
    if relayed is not None:
        rec.speaker, rec.reported_by = relayed
        rec.gender = None
        end_stack(doc, stack, i, rec)
        return True
    lex = lexicon()
    prev = doc.norms[i - 1] if i > 0 else ""
    topic = _topic(doc, i)
    if topic is not None:
        # "أما المحلل خالد العلكمي فأشار إلى": the topic is the subject, and any noun
        # phrase after the verb its object
        rec.speaker = resolve_phrase(doc, *topic)
        if hit.comp == "np" and hit.subject is not None:
            rec.start = doc.tokens[i + 1].start
        end_stack(doc, stack, i, rec)
        return True
    latter = _latter(doc, hit)
    if latter is not None:
        # "بعد أن أعلن الأخير عن دعمه": the one named last, not the story's main speaker
        rec.speaker = latter
        end_stack(doc, stack, i, rec)
        return True
    explicit = hit.subject if hit.subject and not points_back(doc, *hit.subject) else None
    participle = form.tense == "participle"
    left = None if participle or form.proclitic else left_subject(doc, i)
    if left is not None and prev in ("قد", "لقد") and hit.comp in ("quote", "colon", "that"):
        # "وكان هزازي قد كتب سلسلة تغريدات: …": the subject stands before قد, what
        # follows the verb is its object
        explicit = None
    subordinate = prev in lex.subordinators
    if prev in lex.complementizers and prev[-1:] in ("ه", "ا", "م") and not form.proclitic:
        # "أكد أنه يتوقع انضمام …": the pronoun of أنه is the subject, what follows the object
        explicit = left = None
    if (
        prev in lex.relatives
        and hit.comp == "np"
        and i + 1 < len(doc)
        and doc.norms[i + 1] in lex.prepositional_pronouns
        and not doc.norms[i + 1].startswith("ل")  # "الذي أكّد له دعم باريس": له is whom it was said to
    ):
        return False  # "دعوات التعبئة التي أعلن عنها زعيم الحوثيين": what was announced is the antecedent
    if prev in lex.relatives and (explicit is None or hit.comp == "np"):
        if _impersonal(form):
            return False  # "الكوكب الذي يُعتقد أنه أكبر": impersonal passive
        referent = relative_antecedent(doc, i)
        if referent is not None and hit.comp not in ("that", "colon", "quote") and not source_like(doc, *referent):
            # "المجموعة التي أعلنت ولاءها", "مشكلات المياه التي تهدد بتقويض القطاع": no
            # source, no quote
            return False
        if referent is not None:
            # "تغريدات ذلك المستخدم التي زعم فيها بيع …": the antecedent speaks
            rec.speaker = resolve_phrase(doc, *referent)
            if hit.comp == "np":
                k = i + 1
                while k < len(doc) and doc.norms[k] in lex.prepositional_pronouns:
                    k += 1
                rec.start = doc.tokens[k].start
            _place(doc, rec, stack, i, subordinate=True)
            return True
    if explicit is None and prev in ("ما", "بما", "مما", "وما") and not form.suffix:
        return False  # "بما يعبر عن …": the subject is a thing, not a speaker
    if explicit is None and left is None and form.tense == "present" and not form.proclitic and i > 1:
        governing = _governing_verb(doc, i)
        if governing == i - 2 and doc.is_word(i - 1) and prev not in lex.complementizers:
            # "وتابعت الصحيفة تقول إن": the present verb goes with the verb before it
            # ("وأبان أنه يأمل أن": أنه is no subject, the clause is the speaker's own)
            explicit = (i - 1, i)
    if (
        explicit is None
        and left is None
        and form.tense == "present"
        and not form.proclitic
        and i > 0
        and doc.tokens[i - 1].kind == "arabic"
        and _governing_verb(doc, i) != i - 1
        and prev not in lex.kana | lex.complementizers | lex.subordinators | lex.clause_openers | lex.relatives
    ):
        return False  # "في صورة تعبر عن الأصالة": a clause describing the noun before it
    if (
        explicit is not None
        and (left is None or not (form.lemma.object or hit.comp == "np"))
        and hit.comp not in ("that", "colon", "quote", "bare", "before")
        and doc.mentions
        and not source_like(doc, *explicit)
        and not _spoke_before(doc, explicit, records)
    ):
        return False  # "ما تنتجه بيشة … يؤكد أهميتها": a thing "confirms", nobody speaks
    if explicit is not None and (left is None or not (form.lemma.object or hit.comp == "np")):
        rec.speaker = resolve_phrase(doc, *explicit)
        rec.number = _number(doc, rec)
        # "…، واختتم الحمد حديثه بقوله:": the clause opens at the verb that governs
        # a verbal-noun cue, not at the verbal noun itself
        at = hit.subject[0] - 1 if form.proclitic == "ب" and hit.subject is not None and hit.subject[0] > 0 else i
        if stack and hit.comp in ("colon", "quote") and stack[-1].kind == "direct" and not stack[-1].bounded:
            # "…: أتأمل الفوز … قال المدرب الروماني: نيفيز لاعب مهم": words after a
            # colon have no marks to close them; a cue naming its speaker with a
            # colon of its own starts the next statement
            end_stack(doc, stack, at, rec)
        else:
            _place(doc, rec, stack, at, subordinate)
        return True
    if left is not None:
        a, b, boundary = left
        if hit.comp == "np" and doc.norms[a] in ("هذا", "هذه", "وهذا", "وهذه"):
            return False  # "هذه المساعدات تؤكد التزام المملكة": a thing shows, nobody says
        rec.speaker = resolve_phrase(doc, a, b)
        rec.number = "p" if form.number in ("p", "d") else "s"  # the verb agrees fully after its subject
        if hit.comp == "np" and hit.subject is not None:
            rec.start = doc.tokens[i + 1].start
        parent = _opened_by(doc, boundary, stack)
        if parent is not None:
            rec.parent = parent
            rec.reported_by = parent.speaker
        else:
            end_stack(doc, stack, i, rec)
        return True
    referent = relative_antecedent(doc, i)
    if referent is not None:
        rec.speaker = resolve_phrase(doc, *referent)
        end_stack(doc, stack, i, rec)
        return True
    if _impersonal(form):
        return False
    if stack and not participle and not form.proclitic and _in_clause(doc, i) and not _inside_marks(doc, stack[-1], rec.anchor):
        # "وذكر أنه كان يوصيه بالحذر": a verb of the reported clause itself. Its
        # subject is the pronoun of "أنه", nearly always the speaker: the record
        # would repeat its parent, so it is no quote of its own.
        return False
    repeated = None if participle else _repeated_subject(doc, i, form.lemma.key)
    if repeated is not None:
        # "أظهرت إحصائية صادرة عن …، أظهرت أن": the verb is repeated after a long subject
        rec.speaker = resolve_phrase(doc, *repeated)
        end_stack(doc, stack, i, rec)
        return True
    if participle:
        rec.number = "p" if form.number in ("p", "d") else "s"
    elif form.number in ("p", "d"):
        rec.number = "p"
    speaker, source = antecedent(doc, rec, participle, records)
    rec.speaker = speaker
    if source is not None and rec.number is None:
        rec.number = source.number
    if source is not None and source in stack:
        deeper = stack[stack.index(source) :]
        end_stack(doc, deeper, i, rec)
        if rec.parent is None:
            rec.parent = source.parent
            rec.reported_by = source.reported_by
    else:
        end_stack(doc, stack, i, rec)
        if source is not None and rec.reported_by is None:
            rec.reported_by = source.reported_by
    return True


def _impersonal(form: CueForm) -> bool:
    """"يُذكر أن", "يُعتقد أن", "الرحلة تُعتبر من …": the passive imperfect is singular;
    "يعتقدون" and "يتوقعان" always have a subject, even an unwritten one."""
    return form.tense == "present" and form.lemma.impersonal and form.number == "s"


def _spoke_before(doc: QuoteDoc, phrase: tuple[int, int], records: list[Record]) -> bool:
    """Whether the subject phrase names a source already quoted in the article
    ("ورأى الخرينج أن …" then "ودعا الخرينج إلى التعاون"), even if no entity
    tagger knows the name."""
    text = doc.text[doc.tokens[phrase[0]].start : doc.tokens[phrase[1] - 1].end]
    return any(r.speaker is not None and r.speaker.text == text for r in records)


_MAX_TOPIC = 10


def _topic(doc: QuoteDoc, i: int) -> tuple[int, int] | None:
    """The topic of "أما X فـقال" / "أما X فقد قال" as a token range, when cue ``i``
    is its comment."""
    form_f = doc.norms[i].startswith("ف") and any(f.proclitic == "ف" for f in lookup(doc.tokens[i].text))
    end = i
    if not form_f:
        if i == 0 or doc.norms[i - 1] != "فقد":
            return None
        end = i - 1
    s0 = doc.sentence_start_token(i)
    for k in range(end - 1, max(s0, end - _MAX_TOPIC) - 1, -1):
        if doc.norms[k] in lexicon().topic_particles:
            b = end
            while b > k + 1 and doc.is_comma(b - 1):
                b -= 1
            return (k + 1, b) if b > k + 1 and source_like(doc, k + 1, b) else None
    return None


def _governing_verb(doc: QuoteDoc, i: int) -> int | None:
    """The perfect verb a present cue goes with ("وأضاف يقول", "ومضى يقول",
    "وتابعت الصحيفة تقول"): the token index of that verb, one or two tokens back."""
    for k in (i - 1, i - 2):
        if k < 0:
            return None
        if doc.norms[k] in lexicon().going_on_verbs or any(f.tense == "past" and not f.suffix for f in lookup(doc.tokens[k].text)):
            return k
    return None


def _repeated_subject(doc: QuoteDoc, i: int, key: str) -> tuple[int, int] | None:
    """The subject after an earlier occurrence of the same cue in the sentence: the
    verb repeated after a long subject restates it. A participle before it
    ("مطالبين بمحاسبة الشابين، كما طالبوا") has no subject after it, and a verb
    after "كما/ثم" opens a new clause."""
    s0 = doc.sentence_start_token(i)
    if i > 0 and strip_proclitic(doc.norms[i - 1], lexicon().clause_openers) is not None:
        return None
    for k in range(i - 1, s0 - 1, -1):
        forms = [f for f in lookup(doc.tokens[k].text) if f.lemma.key == key]
        if forms and all(f.tense == "participle" for f in forms):
            return None
        if forms:
            j = k + 1
            lex = lexicon()
            while j < i and doc.is_word(j) and doc.norms[j] not in lex.adjunct_starts and doc.norms[j] not in lex.complementizers:
                j += 1
            return (k + 1, j) if j > k + 1 else None
    return None


def _place(doc: QuoteDoc, rec: Record, stack: list[Record], i: int, subordinate: bool) -> None:
    """Nest ``rec`` in the innermost open quote when its cue is part of that
    quote's clause ("… عندما أقرّ هو وشقيقته", "… يوصيه بالحذر ويردّ سامي عليه
    أنه"); otherwise it is a new statement that ends the quotes it interrupts."""
    if stack and (subordinate or _in_clause(doc, i)):
        nest(rec, stack[-1])
    else:
        end_stack(doc, stack, i, rec)


def _number(doc: QuoteDoc, rec: Record) -> str | None:
    plural = plural_phrase(doc, rec.speaker)
    return "p" if plural else None


def _in_clause(doc: QuoteDoc, i: int) -> bool:
    """Whether cue ``i`` continues the clause before it rather than opening a new
    one: no comma, full stop or connective ("فيما"، "كما") stands in between
    ("أنه بعد الانتصارات … أكدت مصادرنا"; "يوصيه بالحذر ويردّ سامي")."""
    if i == 0 or not doc.is_word(i - 1):
        return False
    prev = doc.norms[i - 1]
    lex = lexicon()
    return prev not in lex.clause_openers and prev not in lex.subordinators


def nest(rec: Record, parent: Record) -> None:
    rec.parent = parent
    rec.reported_by = parent.speaker


def _opened_by(doc: QuoteDoc, boundary: int, stack: list[Record]) -> Record | None:
    """The open quote whose content a left subject starts: its own complementizer
    ("أن ريفلين أبلغ") or a "وأن" continuation of it; "إلا أن" and "بعد أن" open
    no reported clause."""
    if boundary >= 0 and doc.norms[boundary] in lexicon().kana:
        # "بحسب رويترز، كان كارتر قد قال": the attributed clause opens on كان
        at = doc.tokens[boundary].start
        return next((r for r in reversed(stack) if r.start == at), None)
    if boundary < 0 or doc.norms[boundary] not in lexicon().complementizers:
        return None
    after = doc.tokens[boundary].end
    for r in reversed(stack):
        if abs(r.start - after) <= 1 or (doc.norms[boundary].startswith("و") and r.contains(after)):
            return r
    return None
