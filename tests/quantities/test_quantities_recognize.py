"""Quantities in news sentences: value, unit, counted noun and exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Analysis, Article
from khabar.options import Options
from khabar.pipeline import analyze
from khabar.quantities.annotate import annotate
from khabar.quantities.recognize import find_quantities
from khabar.time.recognize import find_times

ANCHOR = "2020-10-06"


def quantities(sentence: str) -> list[tuple[str, float, str | None, str | None]]:
    out = []
    for q in find_quantities(sentence, find_times(sentence, ANCHOR)):
        assert sentence[q.start : q.end] == q.text
        out.append((q.text, q.value, q.unit, q.counts))
    return out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل 17 جنديا في الهجوم.", [("17", 17, None, "جنديا")]),
        ("قتل ثلاثة آلاف جندي في المعارك.", [("ثلاثة آلاف", 3000, None, "جندي")]),
        ("يعيش مليون ونصف لاجئ في المخيمات.", [("مليون ونصف", 1_500_000, None, "لاجئ")]),
        ("شارك نحو 1,500 متظاهر في المسيرة.", [("1,500", 1500, None, "متظاهر")]),
        ("وصل عشرات المحتجين إلى الساحة.", [("عشرات", 10, None, "المحتجين")]),
        ("نزح مئات الآلاف من السكان.", [("مئات الآلاف", 100_000, None, None)]),
        ("سجلت البلاد ٣٠٠ إصابة جديدة.", [("٣٠٠", 300, None, "إصابة")]),
        ("تراجعت الصادرات بنسبة 13% في العام الماضي.", [("13%", 13, "percent", None)]),
        ("ارتفع التضخم إلى 15 بالمئة.", [("15 بالمئة", 15, "percent", None)]),
        ("تراجع الناتج خمسة في المائة.", [("خمسة في المائة", 5, "percent", None)]),
        ("ارتفعت الأسعار ٣٫٥٪ خلال الربع.", [("٣٫٥٪", 3.5, "percent", None)]),
        ("ذهب 13% من إجمالي الصادرات إلى الهند.", [("13%", 13, "percent", "الصادرات")]),
        ("تستورد البلاد ثلثي غازها من الخارج.", [("ثلثي", 0.6667, "fraction", "غازها")]),
        ("يعيش نصف السكان تحت خط الفقر.", [("نصف", 0.5, "fraction", "السكان")]),
        ("خسر ثلث الناخبين ثقتهم بالحكومة.", [("ثلث", 0.3333, "fraction", "الناخبين")]),
        ("سيطر الجيش على ربع المدينة.", [("ربع", 0.25, "fraction", "المدينة")]),
        ("يشكل الشباب ثلاثة أرباع السكان.", [("ثلاثة أرباع", 0.75, "fraction", "السكان")]),
        ("فر نصف مليون شخص من المدينة.", [("نصف مليون", 500_000, None, "شخص")]),
        ("حلّت المملكة ثاني دولة في الترتيب العالمي للصادرات.", [("ثاني", 2, "rank", "دولة")]),
        ("حل الفريق في المركز الثالث.", [("الثالث", 3, "rank", "المركز")]),
        ("احتفلت الجامعة بالذكرى الحادية عشرة لتأسيسها.", [("الحادية عشرة", 11, "rank", "بالذكرى")]),
        ("بلغت قيمة الصفقة 2.5 مليار دولار.", [("2.5 مليار دولار", 2_500_000_000, "USD", None)]),
        ("أنفقت الحكومة 20 مليون يورو.", [("20 مليون يورو", 20_000_000, "EUR", None)]),
        (
            "دفع 500 ريال قطري ثم 200 ريال.",
            [("500 ريال قطري", 500, "QAR", None), ("200 ريال", 200, "QAR", None)],
        ),
        ("بلغت الغرامة ألف جنيه.", [("ألف جنيه", 1000, "EGP", None)]),
        ("ارتفع سعر الخبز إلى 1500 ليرة لبنانية.", [("1500 ليرة لبنانية", 1500, "LBP", None)]),
        ("تبلغ قيمة القرض 300 مليون دينار أردني.", [("300 مليون دينار أردني", 300_000_000, "JOD", None)]),
        ("حصل على 50 ألف درهم.", [("50 ألف درهم", 50_000, "AED", None)]),
        ("بلغت قيمة المساعدات 45 مليون شيكل.", [("45 مليون شيكل", 45_000_000, "ILS", None)]),
        (
            "خصصت الحكومة مئات الملايين من الدولارات للإعمار.",
            [("مئات الملايين من الدولارات", 100_000_000, "USD", None)],
        ),
    ],
)
def test_quantities(sentence: str, expected: list) -> None:
    assert quantities(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "وتسلّم الجيش مقاتلات من طراز F-16 وصواريخM31.",  # model names
        "اشترت القوات الجوية طائرات F-16 جديدة.",
        "تراجعت الإصابات بفيروس كوفيد-19 هذا الشهر.",
        "تبنى مجلس الأمن القرار رقم 2254 بالإجماع.",
        "وقعت الحكومة الاتفاق عام 2018.",  # the year is a time expression
        "وقع الانفجار قبل ثلاثة أيام.",  # so is this duration
        "زادت نسبة ثاني أكسيد الكربون في الجو.",
        "ليس التعاون موجها ضد دولة ثالثة\n\nقال المستشار",
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert quantities(sentence) == []


def test_stage_uses_the_time_layer() -> None:
    text = "الاقتصاد في 2020\n\nتراجع الناتج 4% عام 2020 وخسر مليون شخص عملهم."
    article = Article(id="q1", title="الاقتصاد في 2020", paragraphs=(text.split("\n\n")[1],), text=text)
    out = annotate(Analysis(article=article), Options())
    assert out.quantities is not None
    assert [(q.start, q.end, q.text, q.value, q.unit, q.counts) for q in out.quantities] == [
        (31, 33, "4%", 4.0, "percent", None),
        (48, 53, "مليون", 1_000_000.0, None, "شخص"),
    ]


def test_seed_quantities(seed_path: Path, seed_expected: dict) -> None:
    analysis = analyze(seed_path, options=Options(stages=("text", "times", "quantities")))
    assert analysis.quantities is not None
    text = analysis.article.text
    for expected in seed_expected["quantities"]:
        matches = [
            q
            for q in analysis.quantities
            if q.text in expected["text"] and q.value == expected["value"] and q.unit == expected["unit"]
        ]
        assert len(matches) == 1, (expected, analysis.quantities)
        q = matches[0]
        context = text[max(0, q.start - 80) : q.end + 80]
        assert expected.get("context_contains", q.text) in context


def test_a_run_of_hundreds_of_digits_is_not_an_infinite_quantity() -> None:
    from khabar.quantities.recognize import find_quantities

    assert find_quantities("بلغت الخسائر " + "9" * 400 + " مليار دولار.") == []
    assert find_quantities("ارتفعت بنسبة " + "9" * 320 + "%.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (text, value, counts, approx) of each quantity
        ("تظاهر عشرات الآلاف ومئات الطلاب أمام البرلمان.",
         [("عشرات الآلاف", 10_000, None, True), ("مئات", 100, "الطلاب", True)]),
        ("نزح آلاف السكان من القرى الحدودية.", [("آلاف", 1000, "السكان", True)]),
        ("نشرت الوزارة ثلاثة آلاف شرطي في العاصمة.", [("ثلاثة آلاف", 3000, "شرطي", False)]),
        ("تبرع المحسن بمليون ونصف ريال للمستشفى.", [("مليون ونصف ريال", 1_500_000, None, False)]),
        # Hedges make an estimate; a bound ("أكثر من") does not.
        ("تبلغ كلفة المشروع نحو 450 مليون دولار.", [("450 مليون دولار", 450_000_000, None, True)]),
        ("ارتفعت الصادرات بنحو 5% هذا العام.", [("5%", 5, None, True)]),
        ("يسكن المدينة 5 ملايين نسمة تقريباً.", [("5 ملايين", 5_000_000, "نسمة", True)]),
        ("أصيب أكثر من 300 جندي في المعارك.", [("300", 300, "جندي", False)]),
    ],
)
def test_vague_numerals_are_approx_and_never_joined(sentence: str, expected: list[tuple[str, float, str | None, bool]]) -> None:
    got = [(q.text, q.value, q.counts, q.approx) for q in find_quantities(sentence)]
    assert got == expected
