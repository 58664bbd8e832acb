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
