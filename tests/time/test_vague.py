"""Vague expressions are found and typed with no value; sets get a period."""

from __future__ import annotations

import pytest

ANCHOR = "2020-10-06"


@pytest.mark.parametrize(
    ("sentence", "text", "type_"),
    [
        ("تصاعد التوتر في الآونة الأخيرة بين البلدين.", "في الآونة الأخيرة", "DATE"),
        ("أعلنت الشركة مؤخراً عن منتج جديد.", "مؤخراً", "DATE"),
        ("تعمل الحكومة حاليا على قانون جديد.", "حاليا", "DATE"),
        ("ستعلن النتائج قريبا.", "قريبا", "DATE"),
        ("أكد الوزير في وقت سابق أن الحكومة لن تستقيل.", "في وقت سابق", "DATE"),
        ("لم تعلن أي جهة مسؤوليتها حتى الآن.", "حتى الآن", "DATE"),
        ("شهدت المنطقة خلال الأيام الماضية اشتباكات.", "خلال الأيام الماضية", "DURATION"),
        ("تضاعفت الأسعار في السنوات الأخيرة.", "في السنوات الأخيرة", "DURATION"),
        ("ستتواصل المشاورات خلال الأسابيع المقبلة.", "خلال الأسابيع المقبلة", "DURATION"),
        ("وقعت حوادث مماثلة قبل سنوات.", "قبل سنوات", "DATE"),
        ("يعيش اللاجئون في المخيم منذ سنوات.", "منذ سنوات", "DURATION"),
        ("عاش في المنفى لسنوات طويلة.", "لسنوات طويلة", "DURATION"),
    ],
)
def test_vague(sentence: str, text: str, type_: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, None, type_, None)]


def test_vague_without_anchor_is_the_same(found) -> None:
    assert found("تزايدت الهجمات في الآونة الأخيرة.", None) == [("في الآونة الأخيرة", None, "DATE", None)]


def test_a_dual_is_not_vague(found) -> None:
    assert found("تراجعت الأسعار خلال الأسبوعين الماضيين.", ANCHOR) == [
        ("خلال الأسبوعين الماضيين", "P2W", "DURATION", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("تتزايد الأسعار يوميا في الأسواق.", "يوميا", "P1D"),
        ("يصدر التقرير سنوياً عن البنك الدولي.", "سنوياً", "P1Y"),
        ("يجتمع المجلس كل أسبوع.", "كل أسبوع", "P1W"),
    ],
)
def test_sets(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "SET", None)]
