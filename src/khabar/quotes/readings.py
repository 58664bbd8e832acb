"""Which readings of a word are cues, and which found cues are plausible.

A surface word may read as several cue forms (:func:`khabar.quotes.cues.lookup`);
:func:`candidate_forms` drops the readings its context rules out (the speaker's
own first person, a counted noun after a number, a passive, "اطلع" without the
hamza of أطلع), and :func:`plausible` the found cues whose subject cannot be a
source or whose ambiguous form ("بين", "عبر") is the preposition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from khabar.quotes.cues import CueForm, lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon
from khabar.quotes.speakers import source_head, source_like

if TYPE_CHECKING:
    from khabar.quotes.hit import CueHit


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


def candidate_forms(doc: QuoteDoc, i: int) -> list[CueForm]:
    forms = []
    prev = doc.norms[i - 1] if i > 0 else ""
    word = doc.tokens[i].text
    for form in lookup(word):
        if form.suffix and not form.lemma.object and prev not in ("ما", "وما", "بما", "مما", "كما", "فيما"):
            continue
        if _first_person(word, form) or _subjunctive_first_person(doc, i, form):
            continue
        if (
            form.tense == "present"
            and form.lemma.weak == "y"
            and word.endswith("ى")
            and not (form.lemma.present or "").endswith("ى")
        ):
            continue  # "ويدعى محمد", "ويروى أن": the passive (يُدعى), not يدّعي/يروي (يرى is active)
        if form.tense != "participle" and _after_number(doc, i):
            continue  # "38 طالباً": a counted noun, not the dual of طالب
        if warada(form) and _next_is(doc, i, ("في", "فيه", "فيها", "من", "الي")):
            continue  # "ورد في البيان", "ما وردها من معلومات": ورد "appeared", not و+ردّ
        if form.lemma.hamza and not word[len(form.proclitic) :].startswith("أ"):
            continue  # "اطلع الوفد على": اطّلع (viewed), not أطلع (informed)
        forms.append(form)
    return forms


def warada(form: CueForm) -> bool:
    """Whether ``form`` reads ورد as و + ردّ "and replied"; the same letters are the
    verb ورد "came, appeared" ("ورد في البيان", "على ما ورد من الوزارة")."""
    return form.lemma.past == "ردّ" and form.proclitic == "و"


def _next_is(doc: QuoteDoc, i: int, words: tuple[str, ...]) -> bool:
    return i + 1 < len(doc) and doc.norms[i + 1] in words


def plausible(doc: QuoteDoc, found: CueHit) -> bool:
    """Reject readings whose subject cannot be a source: an ambiguous form (بين،
    عبر) or a relay verb (نقل is also the noun "transfer") needs one that looks
    like it, unless its complement is right there."""
    lemma = found.form.lemma
    if found.form.tense == "masdar":
        # "تأكيد مصادر سلام عدم التوصل": the verbal noun reports only with its
        # subject as genitive, a source, and its own complement after it
        return (
            found.subject is not None
            and found.comp not in ("colon", "quote", "bare", "before")
            and source_head(doc, *found.subject)
        )
    # "بين الطرفين", "من بين الحرفيين": the bare form reads as a cue only before a
    # complementizer, colon or quotation; a written shadda ("عبّر", "بيّن") marks the verb
    ambiguous = found.form.ambiguous and not _shadda_verb(doc, found) and not _own_preposition_next(doc, found)
    if (
        ambiguous
        and found.comp not in ("that", "colon", "quote")
        and found.comp in lemma.complements
        and found.subject is not None
        and _opens_clause(doc, found.i)
    ):
        # "وعبر الخضيري عن شكره": opening its clause, with a subject and then the
        # verb's own preposition, the bare form is the verb (the preposition "via"
        # is not followed by a name and عن)
        return source_head(doc, *found.subject)
    if ambiguous and (
        found.comp not in ("that", "colon", "quote")
        or (found.i > 0 and doc.norms[found.i - 1] in ("من", "في"))
        or _correlative(doc, found.i)
        or _alternatives(doc, found)
        or _after_a_noun(doc, found)
    ):
        return False
    if found.subject is None:
        return True
    if ambiguous and not lemma.relay and _colon_before(doc, found):
        return True  # "وتابع هداف الدوري (27 هدفاً): «…»": a colon and a quotation are speech
    if (
        ambiguous
        and found.comp == "that"
        and found.subject[1] - found.subject[0] <= 3
        and _opens_clause(doc, found.i)
        and doc.norms[found.i - 1] in lexicon().clause_links
    ):
        return True  # "كما ذكر قوطالي أن": after كما/وقد the bare form is the verb
    if ambiguous or (lemma.relay and found.source is None):
        return source_like(doc, *found.subject)
    return True


def _own_preposition_next(doc: QuoteDoc, found: CueHit) -> bool:
    """"وعبر عن استغرابه": the verb's own preposition right after the bare form, with
    its verbal noun, makes it the verb (the preposition عبر "via" is not followed by عن)."""
    i = found.i
    return (
        found.comp_i == i + 1
        and found.comp in found.form.lemma.complements
        and found.comp not in ("that", "colon", "quote", "np")
        and i + 2 < len(doc)
        and doc.norms[i + 2].endswith(("ه", "ها", "هم"))
    )


def _alternatives(doc: QuoteDoc, found: CueHit) -> bool:
    """"خيرته بين الانتقال لنجران أو البقاء …": two things joined by أو after the
    bare form make it "between", not the verb بيّن."""
    if found.subject is None:
        return False
    return any(doc.norms[k] in ("او", "ام") for k in range(*found.subject))


def _after_a_noun(doc: QuoteDoc, found: CueHit) -> bool:
    """"الاحتقان الكبير بين اللاعب صاحب الكرة ومدربه، قرر المدرب أن": a bare "بين"
    after a word that opens no clause, with "و" joining a second party a few
    words on, is the preposition "between X and Y", not the verb بيّن ("وفي
    السياق نفسه بين المهندس أنه" opens on a fronted phrase and joins no one)."""
    i = found.i
    if found.form.proclitic or doc.norms[i] != "بين" or i == 0 or not doc.is_word(i - 1):
        return False
    if _opens_clause(doc, i) or doc.norms[i - 1] in lexicon().relatives:
        return False
    for k in range(i + 1, min(i + 7, found.comp_i, len(doc))):
        if doc.is_punct(k):
            return False
        w = doc.norms[k]
        if w.startswith("و") and len(w) > 3 and not w.startswith(("وان", "وقد")):
            return True
    return False


def _opens_clause(doc: QuoteDoc, i: int) -> bool:
    """Whether token ``i`` opens its sentence or a clause (after a comma or a linking word)."""
    if i == doc.sentence_start_token(i):
        return True
    return doc.is_comma(i - 1) or doc.norms[i - 1] in lexicon().clause_links


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
