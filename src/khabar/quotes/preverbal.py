"""Subjects written before the cue, and the antecedents of relative pronouns.

"أن ريفلين أبلغ", "الفحوصات أكدت عدم تمكنه", "لكن هذا الشعب أكد أنه": the
subject stands before the verb, bounded on the left by a complementizer, كان,
a contrast, an attribution phrase or the sentence start (:func:`left_subject`).
"المسؤول الذي قال", "سياسيون …، الذين يقولون": a cue after a relative pronoun
speaks for the noun phrase the pronoun refers to (:func:`relative_antecedent`),
a plural pronoun for the nearest plural noun.
"""

from __future__ import annotations

from khabar.quotes.cues import lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.speakers import entity_type, named_earlier, source_head

_MAX_LEFT = 8


def _is_cue(doc: QuoteDoc, k: int) -> bool:
    return bool(lookup(doc.tokens[k].text))


def left_subject(doc: QuoteDoc, i: int) -> tuple[int, int, int] | None:
    """The subject written before cue ``i`` as ``(a, b, boundary)`` token indices.

    ``boundary`` is the token that closes it on the left (a complementizer for a
    reported clause, "أن ريفلين أبلغ"; -1 for the sentence start). Only a cue
    without a proclitic can have one: "وأكد" continues a clause, "أكد" after a
    noun phrase predicates it.
    """
    lex = lexicon()
    s0 = doc.sentence_start_token(i)
    j = i - 1
    while j >= s0 and doc.norms[j] in ("قد", "لقد"):
        j -= 1  # "X قد أعلن"
    pluperfect = j > s0 and j < i - 1 and doc.norms[j] in ("كان", "كانت", "كانوا", "كانا") and doc.is_word(j - 1)
    if pluperfect:
        j -= 1  # "لأن النائب العام كان قد قال": the subject stands before كان
    if j >= s0 and doc.is_comma(j):
        j -= 1
    b = j + 1
    boundary = s0 - 1
    limit = _MAX_LEFT
    crossed = False
    relative_seen = False
    while j >= s0:
        w = doc.norms[j]
        if w in lex.relatives and j - 1 >= s0 and doc.is_comma(j - 1) and limit == _MAX_LEFT:
            # "جونز وشقيقته، التي أدينت أيضاً، زعما": step over the relative clause.
            limit = _MAX_LEFT + 8
            j -= 2
            continue
        if doc.is_comma(j) and j > s0 and not crossed and 0 < b - j - 1 <= 4 and _appositive_end(doc, j + 1, b):
            # "إحدى الصحف الإماراتية، «إرم»، قد أشارت": step over a short appositive
            crossed = True
            j -= 1
            continue
        if doc.complementizer_at(j) or w in lex.kana or doc.is_colon(j) or doc.is_comma(j) or doc.is_terminal(j):
            boundary = j
            break
        if w in lexicon().attribution_left and j < i - 1:
            boundary = j  # "وفق بيان للأمم المتحدة أشار إلى": the statement is the verb's subject
            break
        if w in ("لكن", "ولكن") and j < i - 1:
            boundary = j  # "…، لكن هذا الشعب أكد أنه": the contrast opens a clause with its subject
            break
        if w in lex.relatives and not relative_seen and j - 1 >= s0 and doc.is_word(j - 1) and j < i - 1:
            # "استشاري أمراض القلب … الذي يختبر التكنولوجيا الجديدة قال": the relative
            # clause describes the subject, which ends before the pronoun
            relative_seen = True
            b = j
            limit = _MAX_LEFT
            j -= 1
            continue
        if pluperfect and w in ("لان", "ولان"):
            # "لأن النائب العام السابق كان قد قال": a causal clause in the past of the
            # narration opens with its own subject (a present "لأن المعارضة أكدت"
            # inside a quote stays part of it)
            boundary = j
            break
        if w in lex.relatives or strip_proclitic(w, lex.clause_openers) is not None or w in lex.subordinators:
            return None
        if _is_cue(doc, j) and not doc.in_name(j):  # "بان كي مون" is no أبان
            return None
        j -= 1
    a = j + 1
    if boundary >= s0 and doc.norms[boundary] in lex.complementizers and source_head(doc, j + 1, b):
        limit += 4  # a reported clause may open with a long title phrase ("الأمير فيصل بن تركي رئيس النادي …")
    if a >= b or b - a > limit:
        return None
    first_word = doc.norms[a]
    if boundary >= s0 and doc.is_comma(boundary) and not (first_word[:1] in ("و", "ف") and first_word[1:3] == "ال"):
        return None  # after a comma only a new clause ("، فالمثل يقول") has its own subject
    if boundary > s0 and doc.norms[boundary] in lex.complementizers and doc.norms[boundary - 1] in lexicon().not_reported:
        return None
    first = doc.norms[a]
    bare = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
    if bare in ("هذا", "هذه") and b - a == 2 and doc.norms[a + 1].startswith("ال"):
        return a, b, boundary  # "لكن هذا الشعب أكد أنه": a demonstrative and its noun
    if (
        strip_proclitic(first, lex.adjunct_starts) is not None
        or first in lexicon().left_prepositions  # "إلى ذلك، أكد": an adverbial, no subject
        or first in lexicon().discourse_words
        or bare in lexicon().discourse_words
        or first in lex.time_words
        or not doc.is_word(a)
    ):
        return None
    # A subject opens on a source (a mention, or a source/title/organization noun);
    # a short definite noun phrase ("فالمثل", "البيانات") is trusted by its shape.
    # (not after a relative clause: "العمليات الإرهابية التي … تؤكد" is a thing)
    short_definite = b - a <= 2 and (bare.startswith("ال") or first.startswith("ال")) and not relative_seen
    if not short_definite and not source_head(doc, a, b) and named_earlier(doc, a, b) is None:
        return None
    return a, b, boundary


def _appositive_end(doc: QuoteDoc, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` (between a comma and the cue) are a name in apposition:
    a quoted name or a mention, not a clause."""
    d = doc.direct_opening(a)
    if d is not None and d.close is not None and d.words <= 3:
        return True
    return bool(doc.mentions_in(doc.tokens[a].start, doc.tokens[b - 1].end))


def _plural_antecedent(doc: QuoteDoc, s0: int, r: int) -> tuple[int, int] | None:
    """For "سياسيون في دولة الغابون، مهاجم برشلونة ليونيل ميسي، الذين يقولون": a
    plural relative agrees with a plural noun, not with the one person named
    last. The nearest word before it in the sentence with a plural head (a
    listed broken plural or a sound masculine plural) opens the antecedent,
    which runs to the next comma."""
    lex = lexicon()
    for j in range(r - 1, s0 - 1, -1):
        w = doc.norms[j]
        bare = w[1:] if w.startswith("و") and len(w) > 4 else w
        if not doc.is_word(j) or _in_long_name(doc, j):
            continue
        if strip_proclitic(bare, lex.plural_heads) is not None or (bare.endswith(("ون", "ين")) and len(bare) >= 6 and not bare.startswith(("ب", "ل"))):
            k = j + 1
            while k < r and not doc.is_comma(k) and doc.is_word(k):
                k += 1
            return j, k
    return None


def _in_long_name(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` lies in a name other than a lone word tagged as a person
    (a "سياسيون" the tagger took for a name is still a plural noun; "الغابون" is not)."""
    tok = doc.tokens[k]
    ref = doc.mention_covering(tok.start, tok.end)
    if ref is None or ref.mention.kind != "name":
        return False
    return entity_type(ref) != "PERSON" or " " in ref.mention.text.strip()


def relative_antecedent(doc: QuoteDoc, i: int) -> tuple[int, int] | None:
    """For "… الذي قال": the noun phrase the relative pronoun refers to."""
    lex = lexicon()
    r = i - 1
    if r < 0 or doc.norms[r] not in lex.relatives:
        return None
    s0 = doc.sentence_start_token(i)
    if doc.norms[r] in lexicon().plural_relatives:
        plural = _plural_antecedent(doc, s0, r)
        if plural is not None:
            return plural
    before = doc.tokens[r].start
    refs = [ref for ref in doc.mentions_in(doc.tokens[max(s0, r - 8)].start, before) if ref.mention.kind != "nisba"]
    people = [ref for ref in refs if entity_type(ref) == "PERSON"]
    if people or refs:
        # "تشونغ، نائب رئيس فيفا السابق الذي كشف": the person, not the organization
        m = max(people or refs, key=lambda ref: ref.mention.end).mention
        return doc.token_at(m.start), doc.token_at(m.end)
    j = r - 1
    while j >= s0 and r - j <= 6 and doc.is_word(j):
        j -= 1
    if j + 1 >= r:
        return None
    return j + 1, r
