"""Attribution phrases (khabar.quotes.attribution), on sentences written for these tests."""

from __future__ import annotations

from .helpers import brief, run

TITLE = "أخبار"


def test_a_woman_s_title_opens_a_source() -> None:
    found = run(TITLE, "وبحسب المشرفة العامة على المهرجان، فإن الإقبال كان كبيرا هذا العام.")
    assert [brief(q) for q in found] == [
        ("indirect", "وبحسب", "المشرفة العامة على المهرجان", "الإقبال كان كبيرا هذا العام")
    ]


def test_a_website_named_after_hasab_mawqi_is_the_source() -> None:
    quoted = run(TITLE, "ونشر اللاعب صورة لطفله على حسابه، حسب موقع «سكاي نيوز عربية». وغادر الفريق إلى لندن.")
    assert [brief(q) for q in quoted] == [
        ("indirect", "حسب", "سكاي نيوز عربية", "ونشر اللاعب صورة لطفله على حسابه")
    ]
    named = run(TITLE, "وقتل ثلاثة أشخاص في الانفجار، حسب موقع سي إن إن.")
    assert [brief(q) for q in named] == [("indirect", "حسب", "موقع سي إن إن", "وقتل ثلاثة أشخاص في الانفجار")]
    # without a name after it, موقع is "the location of": no source
    assert run(TITLE, "وتختلف رسوم التسجيل حسب موقع المدرسة وعدد طلابها.") == ()


def test_wafqan_lima_reads_like_bihasab_ma() -> None:
    found = run(
        TITLE,
        "وهبطت مخزونات الخام الأسبوع الماضي وذلك وفقا لما أظهرته بيانات حكومية الأسبوع الماضي. "
        "وسيتم توزيع المنح وفقا لما تقرره اللجنة.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "أظهرته", "بيانات حكومية", "وهبطت مخزونات الخام الأسبوع الماضي")
    ]


def test_a_name_in_apposition_inside_the_source() -> None:
    from .helpers import brief, run

    found = run(
        "أخبار",
        "وبحسب مدير المستشفى، الدكتور سعد القحطاني، فإن المريض غادر العناية المركزة. "
        "«سنفتتح القسم الجديد قريبا»، قال مدير المستشفى، الدكتور سعد القحطاني.",
    )
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("مدير المستشفى، الدكتور سعد القحطاني", "المريض غادر العناية المركزة"),
        ("مدير المستشفى، الدكتور سعد القحطاني", "سنفتتح القسم الجديد قريبا"),
    ]
    assert brief(found[0])[0] == "indirect"


def test_a_source_after_lam_starts_at_the_articles_lam() -> None:
    from .helpers import article, quotes

    a = article("أخبار", "ووفقاً للمسؤول، فإن الطريق سيفتح غدا.")
    (q,) = quotes(a)
    assert q.speaker is not None and q.speaker.text == "لمسؤول"  # like a mention: from the article's lam
    assert a.article.text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_a_clause_describing_the_source_ends_it() -> None:
    from .helpers import run

    found = run("أخبار", "ويزور المسؤول الأممي مخيمات اللاجئين في الجنوب، وفق بيان للأمم المتحدة أشار إلى زيادة الجوع.")
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("بيان للأمم المتحدة", "ويزور المسؤول الأممي مخيمات اللاجئين في الجنوب"),
        ("بيان للأمم المتحدة", "زيادة الجوع"),  # the statement the phrase names is أشار's subject
    ]


def test_a_time_between_the_relayed_words_and_their_complementizer() -> None:
    from .helpers import run

    found = run("أخبار", "ونقلت وكالة الأنباء عن مدير المطار قوله اليوم إن الرحلات ألغيت بسبب البركان.")
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("مدير المطار", "الرحلات ألغيت بسبب البركان")
    ]


def test_warada_after_ma_is_came_not_replied() -> None:
    from .helpers import run

    found = run("أخبار", "وتمت الإحالة إلى التحقيق بناء على ما ورد من وزارة الصحة. وبناء على ما وردها من معلومات قررت الهيئة التحقيق.")
    assert found == ()


def test_fa_inna_after_the_source_opens_the_attributed_clause_mid_sentence() -> None:
    # a paragraph break lost by the reader leaves the phrase mid-sentence; فإن still
    # says the clause attributed is the one after the source
    found = run("أخبار", "أطاحت الشرطة بعصابة من ثلاثة وافدين ووفقاً للناطق الإعلامي فإن المتهمين استهدفوا العمالة.")
    assert [(q.cue.text if q.cue else None, q.content.text) for q in found] == [
        ("ووفقاً", "المتهمين استهدفوا العمالة")
    ]


def test_a_phrase_between_the_cue_and_its_complement_names_the_medium() -> None:
    found = run(
        "أخبار",
        "وقال الناطق باسم النيابة جان تورو، حسب وكالة الصحافة الفرنسية، إنه يشتبه بالرجلين.",
        "واوضح سيف حسبما نقل عنه التلفزيون الرسمي ان 23 مليار دولار هي موارد.",
        "وقال المدير في تصريح لـ«عكاظ» إن المشروع متأخر.",
    )
    assert [(q.speaker.text if q.speaker else None, q.reported_by.text if q.reported_by else None) for q in found] == [
        ("الناطق باسم النيابة جان تورو", "وكالة الصحافة الفرنسية"),
        ("سيف", "التلفزيون الرسمي"),
        ("المدير", None),  # "في تصريح لـ" is where it was said, a venue
    ]
