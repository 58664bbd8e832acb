"""Where the writer's narration takes over from reported content (khabar.quotes.narration)."""

from __future__ import annotations

from khabar.quotes.narration import perfect_gender

from .helpers import article, brief, quotes

TITLE = "أخبار المحاكم"


def test_verb_agreeing_with_the_speaker_not_the_clause_ends_the_content() -> None:
    found = quotes(article(TITLE, "وقالت المحكمة إن المتهم الأول سوري وحددت موعد الجلسة المقبلة في سبتمبر."))
    assert [brief(q) for q in found] == [("indirect", "وقالت", "المحكمة", "المتهم الأول سوري")]


def test_verb_agreeing_with_the_clause_subject_stays_in_the_content() -> None:
    found = quotes(article(TITLE, "وقال المحامي إن المحكمة رفضت الطعن وحددت موعد الجلسة المقبلة."))
    assert [brief(q) for q in found] == [
        ("indirect", "وقال", "المحامي", "المحكمة رفضت الطعن وحددت موعد الجلسة المقبلة")
    ]


def test_same_gender_for_both_subjects_runs_on() -> None:
    """ "أعلن أنه …، وأطلق": either subject could do it; the content runs on."""
    found = quotes(article(TITLE, "وأعلن الوزير أنه يدعم الاتفاق، وأطلق حملة لشرحه."))
    assert [brief(q) for q in found] == [("indirect", "وأعلن", "الوزير", "يدعم الاتفاق، وأطلق حملة لشرحه")]


def test_also_with_a_perfect_verb_after_an_object_is_the_speakers_next_act() -> None:
    found = quotes(article(TITLE, "وأعرب الرئيس عن دعم بلاده للحكومة الجديدة كما بحث معه ملف الانتخابات."))
    assert [brief(q) for q in found] == [("indirect", "وأعرب", "الرئيس", "دعم بلاده للحكومة الجديدة")]


def test_also_with_a_present_verb_goes_on_describing() -> None:
    found = quotes(article(TITLE, "وأعرب الرئيس عن دعم بلاده للحكومة كما يدعم جهودها في الإصلاح."))
    assert [brief(q) for q in found] == [
        ("indirect", "وأعرب", "الرئيس", "دعم بلاده للحكومة كما يدعم جهودها في الإصلاح")
    ]


def test_a_reporting_verb_after_an_object_ends_it() -> None:
    found = quotes(article(TITLE, "وألمح النائب إلى أخطاء في التقرير، وكتب مغرداً “التقرير لم يكتمل بعد”."))
    assert [brief(q) for q in found] == [("indirect", "وألمح", "النائب", "أخطاء في التقرير")]


def test_a_coordinated_verbal_noun_stays_in_a_noun_object() -> None:
    found = quotes(article(TITLE, "وطالب النائب بوضع حد للتأخير وحسم الملف قبل نهاية العام."))
    assert [brief(q) for q in found] == [
        ("indirect", "وطالب", "النائب", "بوضع حد للتأخير وحسم الملف قبل نهاية العام")
    ]


def test_perfect_verb_shapes() -> None:
    assert [perfect_gender(w) for w in ("اطلق", "عرفت", "يرتفع", "تتابع", "المحكمة", "صلت", "حملات")] == [
        "m",
        "f",
        None,
        None,
        None,
        None,
        None,
    ]
