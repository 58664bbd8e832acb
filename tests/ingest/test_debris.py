"""Debris rules: vocabulary on whole short lines, shape, position; never words inside sentences."""

from __future__ import annotations

import pytest

from khabar.ingest.debris import byline_of, clean_body, is_prose, is_widget, related_marker, strip_glued


@pytest.mark.parametrize(
    "line",
    [
        "+ الخط -",
        "حجم الخط",
        "شارك",
        "شارك عبر واتساب",
        "فيسبوك تويتر واتساب",
        "12 مشاركة",
        "١٢٣ تعليقاً",
        "1.2K",
        "تابعونا على فيسبوك وتويتر",
        "المساهمون",
        "جميع الحقوق محفوظة © 2025",
        "|",
        "2025",
        "الرئيسية › اقتصاد",
        "أخبار | محليات | الرياض",
        "A+ A-",
    ],
)
def test_widgets(line: str) -> None:
    assert is_widget(line)


@pytest.mark.parametrize(
    "line",
    [
        "شارك الوزير في القمة.",
        "شارك آلاف المتظاهرين في مسيرة وسط العاصمة احتجاجاً على ارتفاع الأسعار",
        "وزارة الصحة",
        "عناوين فرعية مهمة",
        "مصر والسودان",
    ],
)
def test_not_widgets(line: str) -> None:
    assert not is_widget(line)


def test_related_markers() -> None:
    assert related_marker("اقرأ أيضاً") == "alone"
    assert related_marker("إقرأ ايضا:") == "alone"
    assert related_marker("اقرأ أيضاً: إثيوبيا تعلن بدء توليد الكهرباء") == "inline"
    assert related_marker("قرأ الوزير البيان أمام الصحافيين") is None


def test_byline_markers() -> None:
    assert byline_of("بقلم: سمر الخطيب") == "سمر الخطيب"
    assert byline_of("كتب - حسن العلي") == "حسن العلي"
    assert byline_of("بِقَلَم: سمر الخطيب") == "سمر الخطيب"  # the marks do not shift the cut
    assert byline_of("كتبت الصحيفة أن الوزير سيستقيل.") is None
    assert byline_of("تقريرا مفصلا") is None


def test_prose() -> None:
    assert is_prose("وانتهى الاجتماع دون اتفاق.")
    assert is_prose("قال رئيس الوزراء إن الحكومة ستقدم استقالتها الأسبوع المقبل بعد المشاورات")
    assert not is_prose("عمّان - رامي العزة | 3 آب 2025")
    assert not is_prose("المساهمون")


def test_strip_glued() -> None:
    assert strip_glued("وانتهت الجلسة دون تصويت. المساهمون") == "وانتهت الجلسة دون تصويت."
    assert strip_glued("وانتهت الجلسة دون تصويت.المساهمون") == "وانتهت الجلسة دون تصويت."
    assert strip_glued("+ الخط - قال المتحدث إن الجلسة انتهت.") == "قال المتحدث إن الجلسة انتهت."
    # A widget word inside a sentence is a word, not a widget.
    assert strip_glued("وقال إن بلاده شارك") == "وقال إن بلاده شارك"
    assert strip_glued("شارك الوزير - في القمة.") == "شارك الوزير - في القمة."


def test_clean_body_positions() -> None:
    body = clean_body(
        [
            "الرياض - واس",
            "أعلنت الهيئة العامة للإحصاء ارتفاع معدل التضخم السنوي إلى 2.3% في يونيو.",
            "التضخم في المدن",
            "وسجلت أسعار السكن أعلى زيادة بين المجموعات الرئيسية بنسبة 9.8%.",
            "اقرأ أيضاً",
            "البنك المركزي يرفع الفائدة ربع نقطة مئوية",
            "وتراجعت أسعار النقل بنسبة 1.1% مقارنة بالشهر السابق.",
            "عدسة: ماجد الشمري",
            "المساهمون",
            "نورة القحطاني",
        ],
        title="التضخم في السعودية يرتفع إلى 2.3%",
    )
    assert body.paragraphs == [
        "أعلنت الهيئة العامة للإحصاء ارتفاع معدل التضخم السنوي إلى 2.3% في يونيو.",
        "التضخم في المدن",
        "وسجلت أسعار السكن أعلى زيادة بين المجموعات الرئيسية بنسبة 9.8%.",
        "وتراجعت أسعار النقل بنسبة 1.1% مقارنة بالشهر السابق.",
    ]
    assert body.byline == "نورة القحطاني"


def test_clean_body_drops_captions_between_paragraphs() -> None:
    body = clean_body(
        [
            "قالت الأمم المتحدة إن أكثر من مليون شخص نزحوا بسبب الفيضانات في جنوب السودان.",
            "نازحون ينتظرون توزيع المساعدات في ولاية جونقلي (أسوشييتد برس)",
            "وأضافت المنظمة أن الاحتياجات تفوق بكثير التمويل المتاح حتى الآن.",
        ]
    )
    assert len(body.paragraphs) == 2
    assert body.captions[0].text == "نازحون ينتظرون توزيع المساعدات في ولاية جونقلي"
    assert body.captions[0].credit.agency == "أسوشييتد برس"


def test_clean_body_keeps_short_articles_whole() -> None:
    assert clean_body(["مباراة مؤجلة", "تأجلت المباراة"]).paragraphs == ["مباراة مؤجلة", "تأجلت المباراة"]


def test_link_box_glued_after_the_last_sentence_is_cut() -> None:
    title = "متحف يعرض مكافأة لمن يعيد حذاء مسروقاً"
    para = "وقال مدير المتحف إن الحذاء قد يساوي الآن بين مليوني وثلاثة ملايين دولار."
    body = clean_body([para + " رابط الخبر بصحيفة الوئام: " + title], title=title)
    assert body.paragraphs == [para]
    alone = clean_body([para, "رابط الخبر بصحيفة الوئام: " + title], title=title)
    assert alone.paragraphs == [para]
    # Only after a sentence end: a sentence that merely mentions a link keeps its words.
    kept = "وأوضح أن رابط الخبر الذي نشرته الصحيفة أمس معطل منذ ساعات بسبب عطل فني في الخادم."
    assert clean_body([kept]).paragraphs == [kept]
