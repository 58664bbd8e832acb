"""Photo credits: "(photographer/agency)", agency alone, wire order, markers, notes, dates refused."""

from __future__ import annotations

import pytest

from khabar.ingest.credit import parse_credit, split_caption


@pytest.mark.parametrize(
    ("raw", "photographer", "agency", "strength"),
    [
        ("دافيد غهرمانيان/فرانس برس", "دافيد غهرمانيان", "فرانس برس", "known"),
        ("فرانس برس", None, "فرانس برس", "known"),
        ("Getty", None, "Getty", "known"),
        ("Reuters/Ahmed Jadallah", "Ahmed Jadallah", "Reuters", "known"),
        ("AFP/Getty Images", None, "AFP/Getty Images", "known"),
        ("محمد حمود/الأناضول/غيتي", "محمد حمود", "الأناضول/غيتي", "known"),
        ("تصوير: يزن الخطيب", "يزن الخطيب", None, "known"),
        ("تَصْوِير: يزن الخطيب", "يزن الخطيب", None, "known"),  # tashkeel inside the marker
        ("أرشيفية", None, None, "known"),
        ("سامي الحلو/وكالة محلية", "سامي الحلو", "وكالة محلية", "slash"),
        ("وكالة الأنباء العراقية", None, "وكالة الأنباء العراقية", "weak"),
    ],
)
def test_parse_credit(raw: str, photographer: str | None, agency: str | None, strength: str) -> None:
    credit = parse_credit(raw)
    assert credit is not None
    assert (credit.photographer, credit.agency, credit.strength) == (photographer, agency, strength)


@pytest.mark.parametrize(
    "raw",
    ["13 نيسان/ابريل", "الأول من حزيران/يونيو", "2020", "قال، ثم أضاف", "يونيو/حزيران"],
)
def test_not_credits(raw: str) -> None:
    assert parse_credit(raw) is None


def test_split_caption() -> None:
    cap = split_caption("مشيعون في جنازة الضحايا بمدينة الموصل (زيد العبيدي/فرانس برس)")
    assert cap is not None
    assert cap.text == "مشيعون في جنازة الضحايا بمدينة الموصل"
    assert cap.credit.photographer == "زيد العبيدي"


def test_wire_paragraph_ending_with_agency_is_not_a_caption() -> None:
    line = (
        "قالت الشرطة إن الانفجار وقع قرب سوق شعبية مزدحمة في وسط المدينة وأسفر عن سقوط عدد من "
        "الجرحى نقلوا إلى المستشفيات القريبة. (رويترز)"
    )
    assert split_caption(line) is None


def test_weak_credit_needs_the_caller_to_accept_it() -> None:
    line = "الوفد لدى وصوله إلى المطار (مكتب الإعلام)"
    assert split_caption(line) is None
    cap = split_caption(line, least="weak")
    assert cap is not None and cap.credit.agency == "مكتب الإعلام"


def test_photo_lines_and_merge() -> None:
    from khabar.ingest.credit import merge, photo_line

    credit = photo_line("صدر الصورة، Getty Images")
    caption = photo_line("التعليق على الصورة، متظاهرون يغلقون طريقاً رئيسياً")
    assert credit is not None and credit.text == "" and credit.credit.agency == "Getty Images"
    assert caption is not None and caption.text == "متظاهرون يغلقون طريقاً رئيسياً"
    both = merge(credit, caption)
    assert (both.text, both.credit.agency) == ("متظاهرون يغلقون طريقاً رئيسياً", "Getty Images")
    assert merge(caption, credit) == both
    assert photo_line("تصوير: هالة يوسف").credit.photographer == "هالة يوسف"  # type: ignore[union-attr]
    assert photo_line("مصدر الصورة: وزارة الداخلية").credit.agency == "وزارة الداخلية"  # type: ignore[union-attr]
    assert photo_line("الصورة التي نشرتها الوزارة أثارت جدلاً واسعاً") is None
