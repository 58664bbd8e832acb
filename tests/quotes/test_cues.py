"""The cue lexicon: forms are generated from lemmas, and every reading is exact."""

from __future__ import annotations

import pytest

from khabar.quotes.cues import find_lemma, first_person, inflect, lemmas, lookup, surface_forms
from khabar.text.normalize import normalize


def texts(past: str, tense: str) -> list[str]:
    return [f.text for f in inflect(find_lemma(past)) if f.tense == tense]


def test_sound_verb_paradigm() -> None:
    assert texts("قال", "past") == ["قال", "قالت", "قالوا", "قالا", "قالتا"]
    assert texts("قال", "present") == ["يقول", "تقول", "يقولون", "يقولان", "تقولان"]
    assert texts("أضاف", "participle") == ["مضيفاً", "مضيفة", "مضيفين", "مضيفات", "مضيفتين"]


def test_final_weak_verbs() -> None:
    assert texts("دعا", "past") == ["دعا", "دعت", "دعوا", "دعوا", "دعتا"]
    assert texts("نفى", "past") == ["نفى", "نفت", "نفوا", "نفيا", "نفتا"]
    assert texts("رأى", "present") == ["يرى", "ترى", "يرون", "يريان", "تريان"]
    assert texts("نفى", "present") == ["ينفي", "تنفي", "ينفون", "ينفيان", "تنفيان"]
    assert texts("دعا", "present")[:3] == ["يدعو", "تدعو", "يدعون"]
    assert texts("دعا", "participle") == ["داعياً", "داعية", "داعين", "داعيات"]


@pytest.mark.parametrize(
    ("word", "past", "tense", "gender", "number", "proclitic"),
    [
        ("قال", "قال", "past", "m", "s", ""),
        ("وقالت", "قال", "past", "f", "s", "و"),
        ("فقالوا", "قال", "past", "m", "p", "ف"),
        ("وأكّد", "أكد", "past", "m", "s", "و"),
        ("واكد", "أكد", "past", "m", "s", "و"),
        ("وأضافت", "أضاف", "past", "f", "s", "و"),
        ("تقول", "قال", "present", "f", "s", ""),
        ("يؤكدون", "أكد", "present", "m", "p", ""),
        ("قائلاً", "قال", "participle", "m", "s", ""),
        ("قائلًا", "قال", "participle", "m", "s", ""),
        ("قائلا", "قال", "participle", "m", "s", ""),
        ("مشيرةً", "أشار", "participle", "f", "s", ""),
        ("مؤكدين", "أكد", "participle", "m", "p", ""),
        ("صرّح", "صرّح", "past", "m", "s", ""),
        ("داعين", "دعا", "participle", "m", "p", ""),
    ],
)
def test_lookup_reads_clitics_tashkeel_and_hamza(
    word: str, past: str, tense: str, gender: str, number: str, proclitic: str
) -> None:
    readings = lookup(word)
    assert readings, word
    cue = readings[0]
    assert (normalize(cue.lemma.past), cue.tense, cue.gender, cue.number, cue.proclitic) == (
        normalize(past),
        tense,
        gender,
        number,
        proclitic,
    )


def test_object_pronouns() -> None:
    (told,) = lookup("أبلغه")
    assert (normalize(told.lemma.past), told.suffix) == (normalize("أبلغ"), "ه")
    (said,) = lookup("قاله")
    assert said.suffix == "ه"
    (denied,) = lookup("نفاه")
    assert normalize(denied.lemma.past) == normalize("نفى")


@pytest.mark.parametrize(
    "word",
    [
        "قلت",  # the writer's own voice
        "نعتقد",
        "يشار",  # impersonal passive
        "تبين",  # "it became clear", not بيّن
        "يبلغ",  # "amounts to", not أبلغ
        "مبلغاً",  # a sum of money
        "ليؤكد",  # purpose clause
        "سيعلن",  # a forecast, not a report
        "متهمين",  # "accused" (plural noun), though متهماً is a cue
        "ذاكرة",  # memory
        "قول",
        "عدن",  # Aden, not a feminine plural of عدّ
    ],
)
def test_not_cues(word: str) -> None:
    assert lookup(word) == ()


def test_ambiguous_forms_are_marked() -> None:
    assert [c.ambiguous for c in lookup("بين")] == [True]
    assert [c.ambiguous for c in lookup("بيّنت")] == [False]
    assert [c.ambiguous for c in lookup("عبر")] == [True]


def test_lexicon_is_generated_not_listed() -> None:
    keys = [lemma.key for lemma in lemmas()]
    assert len(keys) == len(set(keys)) >= 55
    for lemma in lemmas():
        assert len(surface_forms(lemma)) >= 15, lemma.past


def test_wishing_and_hoping_report_but_the_noun_hope_does_not() -> None:
    assert {f.lemma.past for f in lookup("متمنياً")} == {"تمنّى"}
    assert [(f.tense, f.gender) for f in lookup("وتأمل")] == [("present", "f")]
    assert lookup("أمل") == () and lookup("وأمل") == ()  # the noun "hope" far more often


def test_first_person_reporting_verbs_are_the_quoted_speakers_own() -> None:
    assert first_person("وأتمنى") and first_person("نؤكد") and first_person("أقول")
    # "أوضح" is also "he explained", "أكد" only "he confirmed": neither is taken
    assert not first_person("أوضح") and not first_person("أكد") and not first_person("قال")


def test_prayer_participle_and_denial_verb() -> None:
    # "سائلاً المولى أن يعيده …" reports a prayer like "دعا الله أن"; أنكر denies like نفى
    assert texts("سأل", "participle")[:2] == ["سائلاً", "سائلة"]
    assert [f.lemma.past for f in lookup("وأنكر")] == ["أنكر"]
    assert "that" in find_lemma("سأل").complements


def test_hamza_on_waw_belongs_to_a_root_with_hamza() -> None:
    # "رؤى" (a name, "visions") folds to روى but is never that verb; "يؤكد" stays أكد
    assert lookup("رؤى") == ()
    assert [f.lemma.past for f in lookup("يؤكد")] == ["أكد"]
    assert [f.lemma.past for f in lookup("روى")] == ["روى"]
