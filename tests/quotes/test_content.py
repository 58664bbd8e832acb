"""Where reported content ends (khabar.quotes.content), including on pages that lost their full stops."""

from __future__ import annotations

from .helpers import article, brief, quotes, run

TITLE = "أخبار البلدية"
STATEMENT = "وقال المتحدث باسم البلدية إن الطريق سيفتح قريبا، لكن الأمطار أخرت العمل، وأضاف أن الجسر سيكتمل في الصيف، "


def test_contrast_after_comma_ends_the_content() -> None:
    found = quotes(article(TITLE, STATEMENT.rstrip("، ") + "."))
    assert [brief(q) for q in found] == [
        ("indirect", "وقال", "المتحدث باسم البلدية", "الطريق سيفتح قريبا"),
        ("indirect", "وأضاف", "المتحدث باسم البلدية", "الجسر سيكتمل في الصيف"),
    ]


def test_paragraph_of_a_thousand_statements_without_full_stops() -> None:
    """A scraped page whose full stops were lost makes one sentence of 100 KB:
    every statement is still found with its own bounds and speaker (this took
    minutes when each cue rescanned the paragraph to its end)."""
    repeats = 1000
    a = article(TITLE, STATEMENT * repeats)
    text = a.article.text
    found = quotes(a)
    assert len(text) > 100_000
    assert len(found) == 2 * repeats
    assert {brief(q) for q in found} == {
        ("indirect", "وقال", "المتحدث باسم البلدية", "الطريق سيفتح قريبا"),
        ("indirect", "وأضاف", "المتحدث باسم البلدية", "الجسر سيكتمل في الصيف"),
    }
    last = found[-1]
    assert last.content.start == text.rindex("الجسر سيكتمل")
    assert last.content.end == len(text) - len("، ")
    assert last.speaker is not None and last.speaker.start == text.rindex("المتحدث باسم البلدية")


def test_writer_comment_after_a_quotation_ends_the_content() -> None:
    found = quotes(article(TITLE, "وأوضح المحافظ أن “المشروع كلف 20 مليون ريال” وهذا الرقم أقل من التقديرات."))
    assert [brief(q) for q in found] == [("mixed", "وأوضح", "المحافظ", "“المشروع كلف 20 مليون ريال”")]


def test_quoted_name_does_not_end_the_content() -> None:
    found = quotes(article(TITLE, "وأشار الحرفي إلى أداة «المجوب» وهي أداة حديدية لحفر الجريد."))
    assert [q.content.text for q in found] == ["أداة «المجوب» وهي أداة حديدية لحفر الجريد"]


def test_circumstantial_participle_after_a_comma_ends_the_content() -> None:
    found = run(
        TITLE,
        "وأوضح الوزير أن المشروع سيكتمل العام المقبل، سائلا المولى أن يوفق العاملين فيه.",
        "وأكد المدرب أن الموسم كان ناجحا، مشيدا بجهود اللاعبين والجهاز الفني.",
        "وقال المتحدث إن الاتفاق سيوقع، مجددا، في الرياض الشهر المقبل.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وأوضح", "الوزير", "المشروع سيكتمل العام المقبل"),
        ("indirect", "سائلا", "الوزير", "يوفق العاملين فيه"),
        ("indirect", "وأكد", "المدرب", "الموسم كان ناجحا"),
        ("indirect", "وقال", "المتحدث", "الاتفاق سيوقع، مجددا، في الرياض الشهر المقبل"),
    ]


def test_a_noun_with_a_possessive_after_a_comma_stays_in_the_content() -> None:
    found = run(TITLE, "وأوضح المدير أن هناك لجنة طبية ستعمل مع اللجان، مهمتها التأكد من سلامة المرشح.")
    assert [brief(q) for q in found] == [
        ("indirect", "وأوضح", "المدير", "هناك لجنة طبية ستعمل مع اللجان، مهمتها التأكد من سلامة المرشح")
    ]


def test_an_impersonal_verb_after_a_comma_is_the_writer_speaking() -> None:
    found = run(TITLE, "وذكرت الشرطة أن السائق هرب بعد الحادث، ويتبين من الصور أن الحافلة انقلبت.")
    assert [brief(q) for q in found] == [("indirect", "وذكرت", "الشرطة", "السائق هرب بعد الحادث")]


def test_unless_keeps_the_speakers_condition() -> None:
    found = run(TITLE, "وأفاد المدير أن السياحة لا يمكن تطويرها، إلا إذا كانت الخدمات متطورة وراقية.")
    assert [brief(q)[3] for q in found] == ["السياحة لا يمكن تطويرها، إلا إذا كانت الخدمات متطورة وراقية"]


def test_asked_whether_and_a_participle_with_its_object_first() -> None:
    found = run(
        TITLE,
        "وتساءل الكاتب عمّا إذا كان أحد المسؤولين قد استنكر الهجوم على المملكة. "
        "وأكد المدرب أن الفريق جاهز، مبدياً ثقته في اللاعبين بأن لديهم برنامجاً متكاملاً.",
    )
    assert [(brief(q)[1], brief(q)[3]) for q in found] == [
        ("وتساءل", "إذا كان أحد المسؤولين قد استنكر الهجوم على المملكة"),
        ("وأكد", "الفريق جاهز"),
        ("مبدياً", "ثقته في اللاعبين بأن لديهم برنامجاً متكاملاً"),
    ]


def test_an_unclosed_quotation_ends_where_the_writer_takes_over() -> None:
    found = run(
        TITLE,
        'وقال اللاعب "لم أتخيل نفسي خارج هذا النادي، الحمد لله تم التجديد، مشدداً بأنه سيبذل ما بوسعه لخدمة ناديه.',
    )
    assert [(brief(q)[1], brief(q)[3]) for q in found] == [
        ("وقال", "لم أتخيل نفسي خارج هذا النادي، الحمد لله تم التجديد"),
        ("مشدداً", "سيبذل ما بوسعه لخدمة ناديه"),
    ]


def test_a_verb_with_its_own_named_subject_after_a_comma_is_the_writer() -> None:
    body = "وأبان المدرب سالم العلي أن أمور المعسكر تسير على خير ما يرام، وأشاد سالم العلي بانضباط اللاعبين."
    a = article(TITLE, body)
    text = a.article.text
    from .helpers import entity

    found = quotes(a, entity(text, "E1", "PERSON", "سالم العلي", "سالم العلي"))
    assert [brief(q)[3] for q in found] == ["أمور المعسكر تسير على خير ما يرام"]


def test_a_verb_whose_subject_is_a_title_or_an_abbreviated_name() -> None:
    from .helpers import entity

    a = article(
        TITLE,
        "وأشار المحافظ إلى جهود المكتب في توعية الشباب، وشكر المحافظ أمين عام الجمعية على النجاحات. "
        "وأوضح المشرف أن الدراسة ستبدأ يوم الأحد، وقدم د. سالم العلي شكره لمدير الجامعة.",
    )
    found = quotes(a, entity(a.article.text, "E1", "PERSON", "سالم العلي", "سالم العلي"))
    assert [brief(q)[3] for q in found] == ["جهود المكتب في توعية الشباب", "الدراسة ستبدأ يوم الأحد"]


def test_contrast_word_before_a_cue_starts_a_new_statement() -> None:
    found = run(TITLE, "وقال الوزير إن المشروع تأخر لكنه أكد أن العمل سيكتمل قريبا.")
    assert [brief(q) for q in found] == [
        ("indirect", "وقال", "الوزير", "المشروع تأخر"),
        ("indirect", "أكد", "الوزير", "العمل سيكتمل قريبا"),
    ]
    # a contrast inside the reported clause, with no reporting verb after it, stays in it
    found = run(TITLE, "وقال الوزير إن المشروع تأخر لكنه سيكتمل قريبا.")
    assert [brief(q)[3] for q in found] == ["المشروع تأخر لكنه سيكتمل قريبا"]


def test_plural_circumstantial_participle_after_a_comma_ends_the_content() -> None:
    found = run(TITLE, "وعبّر الطلاب المشاركون عن سعادتهم بما تعلموه في البرنامج، مثمّنين لجامعة جازان إتاحة الفرصة لهم.")
    assert [brief(q) for q in found] == [
        ("indirect", "وعبّر", "الطلاب المشاركون", "سعادتهم بما تعلموه في البرنامج")
    ]
    # a plural person noun after the comma is no participle
    found = run(TITLE, "وقال الوزير إن الضحايا من المدنيين، مواطنين ومقيمين.")
    assert [brief(q)[3] for q in found] == ["الضحايا من المدنيين، مواطنين ومقيمين"]
