"""Cue verbs and what they introduce (khabar.quotes.indirect), on sentences written for these tests."""

from __future__ import annotations

from .helpers import article, brief, entity, quotes, run

TITLE = "أخبار"


def test_ambiguous_cue_with_colon_and_quotation_is_speech() -> None:
    found = run(TITLE, "وتابع مدرب الفريق (55 عاما): «لن نتنازل عن اللقب».")
    assert [brief(q) for q in found] == [("direct", "وتابع", "مدرب الفريق (55 عاما)", "لن نتنازل عن اللقب")]


def test_correlative_wa_bayna_is_not_the_verb() -> None:
    assert run(TITLE, "وجرى الحديث عن الخلاف بينه وبين النادي «نحن متفقون على كل شيء».") == ()


def test_hamza_form_after_an_inside_a_quotation_is_the_speaker_himself() -> None:
    found = run(TITLE, "وقال اللاعب: «أريد أن أظهر للناس أن المال لا يهمني».")
    assert [brief(q) for q in found] == [("direct", "وقال", "اللاعب", "أريد أن أظهر للناس أن المال لا يهمني")]


def test_addressee_after_the_verb_is_not_the_speaker() -> None:
    body = "وكان المدير قد قال للوزير خالد العمر إن المشروع متأخر."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "خالد العمر", "خالد العمر"),
    )
    assert [brief(q) for q in found] == [("indirect", "قال", "المدير", "المشروع متأخر")]


def test_participle_followed_by_its_subject() -> None:
    body = "واختتم الاجتماع أعماله مؤكداً وزير الخارجية سامي العلي دعم بلاده للحل السياسي."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي العلي", "title:وزير الخارجية سامي العلي"))
    assert [brief(q) for q in found] == [
        ("indirect", "مؤكداً", "وزير الخارجية سامي العلي", "دعم بلاده للحل السياسي"),
    ]
    assert found[0].speaker is not None and found[0].speaker.entity == "E1"


def test_name_starting_with_la_before_a_quotation() -> None:
    found = run(TITLE, "وختم لا سانا حديثه قائلا: «سنعود أقوى».")
    assert [(q.kind, q.content.text) for q in found] == [("direct", "سنعود أقوى")]
