"""Whom a cue without a subject continues ("وأضاف أن …", "…، مضيفاً أن").

A participle continues the subject of its own clause: a speaker quoted earlier
in the sentence, else the subject of the sentence's opening verb
(:mod:`khabar.quotes.opening`), else the first person (then organization) the
sentence mentions, else the noun phrase after a sentence-initial كان. A finite
verb coordinated by و with a relative clause's verb continues the pronoun's
antecedent; one coordinated with the sentence's opening verb shares its
subject; one that opens a sentence after a narrated sentence with no quote
continues that sentence's named subject; otherwise it continues the speaker
quoted last, preferring a speaker of the story over one quoted inside
another's words, and agreeing in gender and, when known, number ("وأضافت"
continues a woman or an organization; "وأكدوا" a plural source).
"""

from __future__ import annotations

from khabar.model import Speaker
from khabar.quotes.cues import CueForm, lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.narration import perfect_gender
from khabar.quotes.opening import feminine_lead, kana_subject, lead_subject, past_openers, plural_after
from khabar.quotes.phrases import leading_name_end, mention_starts, noun_phrase_end
from khabar.quotes.preverbal import relative_antecedent
from khabar.quotes.record import Record
from khabar.quotes.speakers import agrees, resolve_phrase, source_head, source_like
from khabar.quotes.venue import venue_at
from khabar.text.normalize import normalize

LOOKBACK = 64


def antecedent(
    doc: QuoteDoc, rec: Record, participle: bool, records: list[Record]
) -> tuple[Speaker | None, Record | None]:
    """Who a cue without a subject continues: for a participle the subject of its
    clause, otherwise the speaker quoted last whose gender agrees (a source whose
    gender was never shown is taken only when no other agrees)."""
    pos = rec.anchor
    sentence = doc.sentence_of(pos)
    # the speaker continued is one of the last few quoted: looking further back
    # than LOOKBACK quotes would only make a page of thousands of cues quadratic
    earlier = [r for r in records[-LOOKBACK:] if r.anchor < pos and r.speaker is not None]
    if participle:
        for strict in (True, False):
            for r in reversed(earlier):
                if r.anchor >= sentence.start and _fits(r, rec, strict):
                    return r.speaker, r
        relative = _relative_clause_subject(doc, rec, sentence.start, pos, participle=True)
        if relative is not None:
            return relative, None
        mentioned = (
            (_plural_antecedent(doc, sentence.start, pos) if rec.number == "p" else None)
            or _governing_subject(doc, sentence.start, pos)
            or lead_subject(doc, sentence.start, pos)
            or clause_subject(doc, sentence.start, pos)
            or kana_subject(doc, sentence.start, pos)
        )
        if mentioned is not None and rec.number == "p" and _one_person(doc, mentioned):
            # "معتبرين أن …" is said by several: not by the one person the sentence names
            mentioned = None
        if mentioned is not None:
            return mentioned, None
    relative = _relative_clause_subject(doc, rec, sentence.start, pos)
    if relative is not None:
        return relative, None
    # "دوّن مدرب الاتحاد بولوني ملاحظاته …، وطالب الجميع ببذل …": the verb is
    # coordinated with the sentence's first one and shares its subject, the
    # person named right after that first verb
    lead = past_openers(doc, doc.token_at(sentence.start), doc.token_at(pos))
    if not any(r.anchor >= sentence.start for r in earlier) and doc.tokens[lead].start < pos:
        # a title after the verb puts the name further on ("ورفع نائب رئيس الوفد
        # السعودي المشارك في الدورة خالد الأحمد التهاني")
        titled = lead + 1 < len(doc) and strip_proclitic(doc.norms[lead + 1], lexicon().person_heads) is not None
        reach = lead + (11 if titled else 4)
        if titled:
            # a long title runs to the comma that closes the subject ("فيما رفع شيخ قبيلة
            # "البلاهدة" أهالي قرى وادي «كتنة» بني الحارث الشيخ عواض بن عايض البلاهدي،")
            comma = next((c for c in range(lead + 2, min(lead + 24, len(doc))) if doc.is_comma(c)), None)
            reach = max(reach, comma) if comma is not None else reach
        window_end = doc.tokens[min(reach, len(doc) - 1)].end
        mentioned = _contrast_subject(doc, lead, doc.token_at(pos)) or clause_subject(
            doc, sentence.start, min(pos, window_end)
        )
        if (
            mentioned is not None
            and mentioned.kind == "person"
            and rec.gender != "f"
            and not (rec.number == "p" and _one_person(doc, mentioned))
        ):
            return mentioned, None
        if rec.gender == "f" and rec.number != "p":
            # "وأصدرت جامعة تبوك بياناً …، وقالت إن": a feminine verb shares the
            # subject of the feminine verb that opens the sentence, an organization
            # or a group as often as a woman
            opener = feminine_lead(doc, lead, doc.token_at(pos))
            if opener is not None:
                return opener, None
        if rec.number == "p" and mentioned is None:
            # "وأطلق العلماء على اللاصق اسم «جيكو»، وأوضحوا أن": a plural verb shares
            # the plural subject of the verb that opens the sentence
            group = lead_subject(doc, sentence.start, pos) or plural_after(doc, lead, doc.token_at(pos))
            if group is not None and not _one_person(doc, group):
                return group, None
    agent = _previous_agent(doc, rec, sentence.start, earlier)
    if agent is not None:
        return agent, None
    for top, strict in ((True, True), (False, True), (False, False)):
        # a statement of its own continues a speaker of the story, not one quoted
        # inside another's words, unless only such a speaker agrees
        for r in reversed(earlier):
            if (not top or r.parent is None) and _fits(r, rec, strict):
                return r.speaker, r
    previous = doc.sentence_of(max(0, sentence.start - 1)).start
    fallback = clause_subject(doc, previous, pos)
    if fallback is not None and rec.number == "p" and _one_person(doc, fallback):
        return None, None
    return fallback, None


def _contrast_subject(doc: QuoteDoc, lead: int, stop: int) -> Speaker | None:
    """"…، بيد أن النجم البرتغالي استمر في ثورته، وقال": after a contrast the verb
    is coordinated with the contrast's clause, whose subject follows "بيد أن",
    "إلا أن" or "لكن"; the last such clause before the cue counts."""
    lex = lexicon()
    for k in range(stop - 2, lead, -1):
        w = doc.norms[k]
        if not (w in lex.contrast_openers or (w == "ان" and doc.norms[k - 1] in lex.contrast_heads)):
            continue
        start = k + 1
        end = noun_phrase_end(doc, start, stop)
        if end <= start or not source_like(doc, start, end):
            return None
        return resolve_phrase(doc, start, end)
    return None


def _governing_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """"وصرّح لـ«سبق» مدير المركز خالد العلي قائلاً: …", "وختم الوزير حديثه قائلاً":
    the participle's subject is that of the reporting verb before it, which
    introduced nothing itself."""
    lex = lexicon()
    lo = doc.token_at(start)
    k = doc.token_at(end) - 1
    while k >= lo:
        finite = [f for f in lookup(doc.tokens[k].text) if f.tense != "participle"]
        if finite and not _preposition_like(doc, k, finite):
            break
        k -= 1
    else:
        return None
    j = k + 1
    stop = doc.token_at(end)
    subj: list[int] = []
    while j < stop and len(subj) < 8:
        w = doc.norms[j]
        v = venue_at(doc, j)
        if v is not None and v > j:
            if subj:
                break
            j = v
            continue
        if not doc.is_word(j) or w in lex.adjunct_starts or w in lex.time_words or w in lex.complementizers:
            if subj:
                break
            j += 1
            continue
        subj.append(j)
        j += 1
    if not subj or not source_head(doc, subj[0], subj[-1] + 1):
        return None
    named = leading_name_end(doc, subj)
    if named is not None and not mention_starts(doc, named):
        # "وأشار وزير الدفاع المصري بالتعاون … بين مصر وفرنسا، مشيرا": the subject is
        # the mention the verb opens on, not a name in the phrase after it
        subj = [k for k in subj if k < named]
    return resolve_phrase(doc, subj[0], subj[-1] + 1)


def _plural_antecedent(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """"وأثار الفيديو الغضب بين رواد مواقع التواصل، مطالبين بمحاسبة …": a plural
    participle agrees with the group of people named last before it in its
    sentence, not with the singular subject of the verb (the video cannot demand)."""
    plurals = lexicon().plural_heads
    lo = doc.token_at(start)
    stop = doc.token_at(end)
    for k in range(stop - 1, max(lo, stop - 12) - 1, -1):
        w = doc.norms[k]
        bare = strip_proclitic(w, plurals)
        if bare is None and not (w.startswith(("ال", "وال")) and w.endswith("ون") and len(w) > 6):
            continue
        e = k + 1
        while e < stop and e - k < 6 and doc.is_word(e) and not doc.is_comma(e):
            e += 1
        return resolve_phrase(doc, k, e)
    return None


def _preposition_like(doc: QuoteDoc, k: int, forms: list[CueForm]) -> bool:
    """"بين مصر وفرنسا", "عبر الهاتف": without its written shadda a doubled verb
    that spells a preposition (بيّن، عبّر: cues.json ``ambiguous``) is that preposition."""
    if "\u0651" in doc.tokens[k].text:
        return False
    bare = doc.norms[k][1:] if doc.norms[k][:1] in ("و", "ف") else doc.norms[k]
    return all(bare in {normalize(a) for a in f.lemma.ambiguous} for f in forms)


def _one_person(doc: QuoteDoc, speaker: Speaker) -> bool:
    """Whether the speaker is a single named person."""
    entity = doc.entities_by_id.get(speaker.entity) if speaker.entity else None
    if entity is not None:
        return entity.type == "PERSON"
    if speaker.start is None or speaker.end is None:
        return False
    return any(
        r.mention.start == speaker.start and r.mention.end == speaker.end and r.mention.type == "PERSON"
        for r in doc.mentions_in(speaker.start, speaker.end)
    )


def _relative_clause_subject(
    doc: QuoteDoc, rec: Record, start: int, pos: int, participle: bool = False
) -> Speaker | None:
    """"… مدير الكرة منصور البلوي الذي أشاد باللاعبين …، وطالبهم بتحقيق …": a cue
    coordinated by و right after a relative clause that opens on a perfect verb of
    the same gender continues that clause, whose subject is the pronoun's
    antecedent; so does a participle inside such a clause ("انفعالات رونالدو،
    الذي كان لا يزال مستمرا في توجيه حديثه للمدرب قائلا: …")."""
    cue = doc.token_at(pos)
    if not (participle or doc.norms[cue].startswith("و")) or rec.number == "p":
        return None
    s0 = doc.token_at(start)
    lex = lexicon()
    for r in range(cue - 1, max(s0, cue - 16) - 1, -1):
        w = doc.norms[r]
        if doc.is_terminal(r) or w in lex.complementizers or bool(lookup(doc.tokens[r].text)):
            return None  # another statement, or a reported clause, stands in between
        if participle and doc.is_comma(r):
            return None  # "… الذي كان رفيقه، قائلا:": the comma closed the relative clause
        if w not in lex.relatives or w in lex.plural_relatives or r == cue - 1:
            continue
        verb = doc.norms[r + 1]
        gender = perfect_gender(verb) or ({"كان": "m", "كانت": "f"}.get(verb) if participle else None)
        if gender is None or (rec.gender is not None and gender != rec.gender):
            return None
        referent = relative_antecedent(doc, r + 1)
        if referent is None or not source_like(doc, *referent):
            return None
        return resolve_phrase(doc, *referent)
    return None


def _previous_agent(doc: QuoteDoc, rec: Record, start: int, earlier: list[Record]) -> Speaker | None:
    """"من جهته، رفع … الشيخ خالد اليوسف أسمى آيات التهاني …. وأكد في كلمة …": a
    verb with no subject that opens its sentence shares the subject of the sentence
    before when that one reports nothing and opens on a verb whose subject is a
    named person of the same gender; the person quoted earlier has left the scene."""
    if rec.gender == "f" or rec.number == "p" or start == 0:
        return None
    if doc.token_at(start) != doc.token_at(rec.anchor):
        return None  # the cue does not open its sentence
    k = start - 1
    while k >= 0 and doc.text[k].isspace():
        k -= 1
    if k >= 0 and doc.text[k] not in (".", "!", "؟", "?"):
        return None  # a clause after a colon or a dash, not a new sentence
    previous = doc.sentence_of(start - 1)
    if any(previous.start <= r.anchor < start for r in earlier):
        return None
    subject = lead_subject(doc, previous.start, previous.end)
    if subject is None or not _one_person(doc, subject):
        return None
    return subject


def _fits(antecedent: Record, rec: Record, strict: bool) -> bool:
    """Whether ``rec``'s cue can continue ``antecedent``. Strictly: the same gender
    and, when both are known, the same number ("وأكدوا" continues "الأهالي", not
    the man quoted last); leniently, a source whose gender was never shown fits."""
    if strict and rec.gender is not None:
        if antecedent.gender != rec.gender:
            return False
        return antecedent.number is None or rec.number is None or antecedent.number == rec.number
    return agrees(antecedent.gender, rec.gender)


def clause_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
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
