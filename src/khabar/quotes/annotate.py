"""The quotes stage: who said what, with which verb, where, and through whom.

``annotate(analysis, options)`` fills ``analysis.quotes`` from the text layer
(tokens, sentences) and, when present, the entity layer. The work, in order:

1. cue verbs with their complements (:mod:`khabar.quotes.indirect`), each
   given a speaker and a place in the nesting of reported speech (below);
2. quotations in marks that no cue introduced: with a cue after them
   ('«…»، قال الوزير') or standing alone as a sentence of six words or more,
   spoken by whoever was speaking;
3. attribution phrases (:mod:`khabar.quotes.attribution`);
4. the headline quote (:mod:`khabar.quotes.headline`).

Nesting. "وذكرت الصحف الإسرائيلية أن الرئيس الأرميني أعرب عن قلق بلاده" holds
two quotes: the papers', whose content is the whole clause, and the
president's, reported by the papers. A cue inside an open quote's content is
nested when its subject opens that content ("أن الرئيس … أعرب"), or when it
continues a speaker nested there ("…، مضيفاً أن" after "أن ريفلين أبلغ");
otherwise it is a new statement and ends the quotes it interrupts. Quotation
marks always keep a cue inside them nested.
"""

from __future__ import annotations

import dataclasses
import logging

from khabar.model import Analysis, Quote, Speaker
from khabar.options import Options
from khabar.quotes.attribution import Phrase, attribution_record, find_phrases
from khabar.quotes.content import cut_before, provisional_end, trim
from khabar.quotes.cues import lookup
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.headline import headline_quote
from khabar.quotes.indirect import CueHit, find_cues
from khabar.quotes.lexicon import lexicon
from khabar.quotes.record import Record
from khabar.quotes.speakers import (
    agrees,
    left_subject,
    plural_phrase,
    points_back,
    relative_antecedent,
    resolve_phrase,
    same,
    source_like,
)
from khabar.quotes.venue import venue_at, venue_text

log = logging.getLogger(__name__)

STANDALONE_MIN_WORDS = 6
_TRAILING_SUBJECT = 8


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``analysis.quotes`` (see the module docstring)."""
    return dataclasses.replace(analysis, quotes=extract(analysis))


def extract(analysis: Analysis) -> tuple[Quote, ...]:
    """The quotes of one analysed article, ordered by position (headline first)."""
    doc = QuoteDoc(analysis)
    records = _from_cues(doc, find_cues(doc))
    records += _direct_only(doc, records)
    records.sort(key=lambda r: r.anchor)
    records = _finish(doc, records)
    head = headline_quote(doc, records)
    if head is not None:
        records.insert(0, head)
    return tuple(r.to_quote(doc.text) for r in records)


# -- cue quotes -------------------------------------------------------------------


def _from_cues(doc: QuoteDoc, hits: list[CueHit]) -> list[Record]:
    """Cue and attribution quotes in text order, so that each one can continue,
    nest in, or end the ones before it."""
    events: list[tuple[int, CueHit | tuple[Phrase, int]]] = [(h.i, h) for h in hits]
    taken = {h.i for h in hits}
    inside_cue = [(h.i, h.comp_i) for h in hits]
    events += [
        (i, (phrase, s))
        for i, phrase, s in find_phrases(doc)
        if i not in taken and not any(a < i < b for a, b in inside_cue)
    ]
    events.sort(key=lambda e: e[0])
    records: list[Record] = []
    for i, event in events:
        pos = doc.tokens[i].start
        stack = sorted((r for r in records if r.contains(pos)), key=lambda r: r.start)
        if isinstance(event, CueHit):
            rec = _cue_record(doc, event, stack, records)
        else:
            phrase, source = event
            rec = attribution_record(doc, i, phrase, source, records)
            if rec is not None and rec.start < pos:
                # "…، بحسب المصدر": the phrase closes the clause it attributes, and
                # a quote whose cue is in that clause is reported by the source
                wrapped = [r for r in stack if r is not rec.parent]
                _end_stack(doc, wrapped, i, rec)
                for r in wrapped:
                    if rec.start <= r.anchor and r.reported_by is None:
                        r.reported_by = rec.speaker
        if rec is not None:
            records.append(rec)
    return records


def _cue_record(doc: QuoteDoc, hit: CueHit, stack: list[Record], records: list[Record]) -> Record | None:
    tok = doc.tokens[hit.i]
    end = provisional_end(doc, hit)
    if end <= hit.content_start:
        return None
    kind = "direct" if hit.comp in ("quote", "colon", "bare") else "indirect"
    rec = Record(kind, hit.content_start, end, tok.start, (tok.start, tok.end), gender=hit.form.gender)
    rec.bounded = hit.direct is not None
    rec.venue = _venue(doc, hit)
    return rec if _attach(doc, hit, rec, stack, records) else None


def _venue(doc: QuoteDoc, hit: CueHit) -> str | None:
    if hit.venue is not None:
        return doc.text[hit.venue[0] : hit.venue[1]]
    s0 = doc.sentence_start_token(hit.i)
    for k in range(s0, min(hit.i, s0 + 3)):
        v = venue_at(doc, k)
        if v is not None and v <= hit.i:
            return venue_text(doc, k, v)
    return None


def _inside_marks(doc: QuoteDoc, rec: Record, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that is part of ``rec``'s content."""
    if rec.bounded:
        return True
    return any(rec.start <= d.open and d.outer_end <= rec.end + 1 and d.start <= pos < d.end for d in doc.direct)


def _end_stack(doc: QuoteDoc, stack: list[Record], i: int, rec: Record) -> None:
    """A new statement at token ``i`` ends the quotes it interrupts, except quoted ones."""
    pos = doc.tokens[i].start
    for r in reversed(stack):
        if _inside_marks(doc, r, pos):
            if rec.parent is None:
                _nest(rec, r)
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


def _attach(doc: QuoteDoc, hit: CueHit, rec: Record, stack: list[Record], records: list[Record]) -> bool:
    """Give ``rec`` its speaker and place in the nesting; False if it is no quote."""
    form = hit.form
    i = hit.i
    if hit.source is not None and hit.source[1] > hit.source[0]:
        rec.speaker = resolve_phrase(doc, *hit.source)
        rec.reported_by = resolve_phrase(doc, *hit.subject) if hit.subject else None
        rec.gender = None
        _end_stack(doc, stack, i, rec)
        return True
    relayed = _naqlan(doc, hit)
    if relayed is not None:
        rec.speaker, rec.reported_by = relayed
        rec.gender = None
        _end_stack(doc, stack, i, rec)
        return True
    lex = lexicon()
    prev = doc.norms[i - 1] if i > 0 else ""
    explicit = hit.subject if hit.subject and not points_back(doc, *hit.subject) else None
    participle = form.tense == "participle"
    left = None if participle or form.proclitic else left_subject(doc, i)
    subordinate = prev in lex.subordinators
    if prev in lex.complementizers and prev[-1:] in ("ه", "ا", "م") and not form.proclitic:
        # "أكد أنه يتوقع انضمام …": the pronoun of أنه is the subject, what follows the object
        explicit = left = None
    if prev in lex.relatives and (explicit is None or hit.comp == "np"):
        if form.tense == "present" and form.lemma.impersonal:
            return False  # "الكوكب الذي يُعتقد أنه أكبر": impersonal passive
        antecedent = relative_antecedent(doc, i)
        if antecedent is not None and hit.comp == "np" and not source_like(doc, *antecedent):
            return False  # "المجموعة التي أعلنت ولاءها": no source, no quote
        if antecedent is not None:
            # "تغريدات ذلك المستخدم التي زعم فيها بيع …": the antecedent speaks
            rec.speaker = resolve_phrase(doc, *antecedent)
            if hit.comp == "np":
                k = i + 1
                while k < len(doc) and doc.norms[k] in lex.prepositional_pronouns:
                    k += 1
                rec.start = doc.tokens[k].start
            _place(doc, rec, stack, i, subordinate=True)
            return True
    if explicit is None and prev in ("ما", "بما", "مما", "وما") and not form.suffix:
        return False  # "بما يعبر عن …": the subject is a thing, not a speaker
    if (
        explicit is None
        and left is None
        and form.tense == "present"
        and not form.proclitic
        and i > 0
        and doc.tokens[i - 1].kind == "arabic"
        and prev not in lex.kana | lex.complementizers | lex.subordinators | lex.clause_openers | lex.relatives
    ):
        return False  # "في صورة تعبر عن الأصالة": a clause describing the noun before it
    if (
        explicit is not None
        and (left is None or not (form.lemma.object or hit.comp == "np"))
        and hit.comp not in ("that", "colon", "quote", "bare", "before")
        and doc.mentions
        and not source_like(doc, *explicit)
    ):
        return False  # "ما تنتجه بيشة … يؤكد أهميتها": a thing "confirms", nobody speaks
    if explicit is not None and (left is None or not (form.lemma.object or hit.comp == "np")):
        rec.speaker = resolve_phrase(doc, *explicit)
        rec.number = _number(doc, rec)
        _place(doc, rec, stack, i, subordinate)
        return True
    if left is not None:
        a, b, boundary = left
        rec.speaker = resolve_phrase(doc, a, b)
        rec.number = "p" if form.number in ("p", "d") else "s"  # the verb agrees fully after its subject
        if hit.comp == "np" and hit.subject is not None:
            rec.start = doc.tokens[i + 1].start
        parent = _opened_by(doc, boundary, stack)
        if parent is not None:
            rec.parent = parent
            rec.reported_by = parent.speaker
        else:
            _end_stack(doc, stack, i, rec)
        return True
    antecedent = relative_antecedent(doc, i)
    if antecedent is not None:
        rec.speaker = resolve_phrase(doc, *antecedent)
        _end_stack(doc, stack, i, rec)
        return True
    if form.tense == "present" and form.lemma.impersonal:
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
        _end_stack(doc, stack, i, rec)
        return True
    if participle:
        rec.number = "p" if form.number in ("p", "d") else "s"
    elif form.number in ("p", "d"):
        rec.number = "p"
    speaker, source = _antecedent(doc, rec, participle, records)
    rec.speaker = speaker
    if source is not None and rec.number is None:
        rec.number = source.number
    if source is not None and source in stack:
        deeper = stack[stack.index(source) :]
        _end_stack(doc, deeper, i, rec)
        if rec.parent is None:
            rec.parent = source.parent
            rec.reported_by = source.reported_by
    else:
        _end_stack(doc, stack, i, rec)
        if source is not None and rec.reported_by is None:
            rec.reported_by = source.reported_by
    return True


def _repeated_subject(doc: QuoteDoc, i: int, key: str) -> tuple[int, int] | None:
    """The subject after an earlier occurrence of the same cue in the sentence."""
    s0 = doc.sentence_start_token(i)
    for k in range(i - 1, s0 - 1, -1):
        if any(f.lemma.key == key for f in lookup(doc.tokens[k].text)):
            j = k + 1
            while j < i and doc.is_word(j) and doc.norms[j] not in lexicon().adjunct_starts:
                j += 1
            return (k + 1, j) if j > k + 1 else None
    return None


def _place(doc: QuoteDoc, rec: Record, stack: list[Record], i: int, subordinate: bool) -> None:
    """Nest ``rec`` in the innermost open quote when its cue is part of that
    quote's clause ("… عندما أقرّ هو وشقيقته", "… يوصيه بالحذر ويردّ سامي عليه
    أنه"); otherwise it is a new statement that ends the quotes it interrupts."""
    if stack and (subordinate or _in_clause(doc, i)):
        _nest(rec, stack[-1])
    else:
        _end_stack(doc, stack, i, rec)


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


def _nest(rec: Record, parent: Record) -> None:
    rec.parent = parent
    rec.reported_by = parent.speaker


def _opened_by(doc: QuoteDoc, boundary: int, stack: list[Record]) -> Record | None:
    """The open quote whose content a left subject starts: its own complementizer
    ("أن ريفلين أبلغ") or a "وأن" continuation of it; "إلا أن" and "بعد أن" open
    no reported clause."""
    if boundary < 0 or doc.norms[boundary] not in lexicon().complementizers:
        return None
    after = doc.tokens[boundary].end
    for r in reversed(stack):
        if abs(r.start - after) <= 1 or (doc.norms[boundary].startswith("و") and r.contains(after)):
            return r
    return None


def _antecedent(
    doc: QuoteDoc, rec: Record, participle: bool, records: list[Record]
) -> tuple[Speaker | None, Record | None]:
    """Who a cue without a subject continues: for a participle the subject of its
    clause, otherwise the speaker quoted last whose gender agrees (a source whose
    gender was never shown is taken only when no other agrees)."""
    pos = rec.anchor
    sentence = doc.sentence_of(pos)
    earlier = [r for r in records if r.anchor < pos and r.speaker is not None]
    if participle:
        for strict in (True, False):
            for r in reversed(earlier):
                if r.anchor >= sentence.start and _fits(r, rec, strict):
                    return r.speaker, r
        mentioned = _clause_subject(doc, sentence.start, pos) or _kana_subject(doc, sentence.start, pos)
        if mentioned is not None:
            return mentioned, None
    if not any(r.anchor >= sentence.start for r in earlier) and doc.tokens[doc.sentence_start_token(
        doc.token_at(pos)
    )].start < pos:
        # "دوّن مدرب الاتحاد بولوني ملاحظاته …، وطالب الجميع ببذل …": the verb is
        # coordinated with the sentence's first one and shares its subject
        mentioned = _clause_subject(doc, sentence.start, pos)
        if mentioned is not None and mentioned.kind == "person" and rec.gender != "f":
            return mentioned, None
    for top, strict in ((True, True), (False, True), (False, False)):
        # a statement of its own continues a speaker of the story, not one quoted
        # inside another's words, unless only such a speaker agrees
        for r in reversed(earlier):
            if (not top or r.parent is None) and _fits(r, rec, strict):
                return r.speaker, r
    previous = doc.sentence_of(max(0, sentence.start - 1)).start
    return _clause_subject(doc, previous, pos), None


def _kana_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """"وكانت جموع غفيرة من المسؤولين، قد توافدوا …، داعين": the noun phrase after
    a sentence-initial كان is the subject of its clause."""
    k = doc.token_at(start)
    stop = doc.token_at(end)
    if k >= stop or doc.norms[k] not in lexicon().kana:
        return None
    j = k + 1
    while j < stop and j - k <= 8 and doc.is_word(j) and doc.norms[j] not in ("قد", "لقد"):
        j += 1
    return resolve_phrase(doc, k + 1, j) if j > k + 1 else None


def _fits(antecedent: Record, rec: Record, strict: bool) -> bool:
    """Whether ``rec``'s cue can continue ``antecedent``. Strictly: the same gender
    and, when both are known, the same number ("وأكدوا" continues "الأهالي", not
    the man quoted last); leniently, a source whose gender was never shown fits."""
    if strict and rec.gender is not None:
        if antecedent.gender != rec.gender:
            return False
        return antecedent.number is None or rec.number is None or antecedent.number == rec.number
    return agrees(antecedent.gender, rec.gender)


def _clause_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """The first person (else organization) mentioned in ``[start, end)``."""
    refs = [r for r in doc.mentions_in(start, end) if r.mention.kind != "nisba"]
    for wanted in ("PERSON", "ORG"):
        for ref in refs:
            etype = ref.entity.type if ref.entity is not None else ref.mention.type
            if etype == wanted:
                a = doc.token_at(ref.mention.start)
                b = doc.token_at(ref.mention.end)
                return resolve_phrase(doc, a, max(b, a + 1))
    return None


# -- quotations without a cue before them -------------------------------------


def _direct_only(doc: QuoteDoc, records: list[Record]) -> list[Record]:
    out: list[Record] = []
    for d in doc.direct:
        if doc.in_title(d.open) or d.words < 2:
            continue
        if any(r.start <= d.start < r.end or d.open <= r.anchor < d.outer_end for r in records + out):
            continue
        rec = _trailing_cue(doc, d, records + out) or _standalone(doc, d, records + out)
        if rec is not None:
            out.append(rec)
    return out


def _trailing_cue(doc: QuoteDoc, d: DirectSpan, records: list[Record]) -> Record | None:
    """'«…»، قال الوزير' and '"…" وأضاف': the cue comes after the quotation."""
    k = doc.token_at(d.outer_end)
    skipped = 0
    while k < len(doc) and doc.is_punct(k) and skipped < 2:
        k += 1
        skipped += 1
    if k >= len(doc) or doc.paragraph_end(d.outer_end) < doc.tokens[k].start:
        return None
    forms = [f for f in lookup(doc.tokens[k].text) if "quote" in f.lemma.complements and not f.suffix]
    if not forms:
        return None
    form = forms[0]
    end = doc.sentence_end_token(k)
    lex = lexicon()
    j = k + 1
    while j < end and j - k <= _TRAILING_SUBJECT and doc.is_word(j):
        w = doc.norms[j]
        if w in lex.adjunct_starts or w in lex.time_words or w in lex.prepositional_pronouns or venue_at(doc, j):
            break  # "، قال المدرب بعد المباراة"
        j += 1
    tok = doc.tokens[k]
    rec = Record("direct", d.start, d.end, d.open, (tok.start, tok.end), gender=form.gender, bounded=True)
    speaker = resolve_phrase(doc, k + 1, j) if j > k + 1 and form.tense != "participle" else None
    if speaker is None or points_back(doc, k + 1, j):
        speaker, source = _antecedent(doc, rec, form.tense == "participle", records)
        if source is not None:
            rec.reported_by = source.reported_by
    rec.speaker = speaker
    return rec


def _standalone(doc: QuoteDoc, d: DirectSpan, records: list[Record]) -> Record | None:
    """A quotation that is a sentence of its own, spoken by the current speaker."""
    if d.words < STANDALONE_MIN_WORDS:
        return None
    first = doc.token_at(d.open)
    s0 = doc.sentence_start_token(first)
    lead = [k for k in range(s0, first) if doc.is_word(k) and doc.norms[k] not in ("و", "ف")]
    if lead:
        return None
    rec = Record("direct", d.start, d.end, d.open, None, bounded=True)
    speaker, source = _antecedent(doc, rec, False, records)
    rec.speaker = speaker
    if source is not None:
        rec.reported_by = source.reported_by
    return rec


# -- finishing ----------------------------------------------------------------------


def _finish(doc: QuoteDoc, records: list[Record]) -> list[Record]:
    out: list[Record] = []
    seen: set[tuple[int, int]] = set()
    for r in records:
        r.end = trim(doc, r.start, r.end)
        if r.end <= r.start or (r.start, r.end) in seen:
            continue
        if r.parent is not None and same(r.speaker, r.parent.speaker):
            continue  # "قال إنه يعتقد أن …": the speaker reporting himself adds nothing
        if r.kind == "indirect" and any(
            r.start <= d.open and d.outer_end <= r.end + 1 and d.words >= 2 for d in doc.direct
        ):
            r.kind = "mixed"
        seen.add((r.start, r.end))
        out.append(r)
    return out
