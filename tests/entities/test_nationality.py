"""Nationality adjectives → country: forms, clitics, derivation rules, country/adjective context."""

from __future__ import annotations

import pytest

from khabar.entities import nationality
from khabar.entities.nationality import country_of, derive_stems, match, phrase_at, reads_as_adjective


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("الأذري", "AZ"),
        ("أذرية", "AZ"),
        ("الآذريين", "AZ"),
        ("الأذربيجاني", "AZ"),
        ("الأرميني", "AM"),
        ("الأرمينية", "AM"),
        ("الإسرائيلية", "IL"),
        ("إسرائيلي", "IL"),
        ("التركي", "TR"),
        ("الأتراك", "TR"),
        ("المصري", "EG"),
        ("المصريون", "EG"),
        ("الأمريكي", "US"),
        ("الأميركية", "US"),
        ("الأمريكان", "US"),
        ("البريطانيين", "GB"),
        ("السعودي", "SA"),
        ("الإماراتية", "AE"),
        ("اليمنيين", "YE"),
        ("النمساوي", "AT"),
        ("الروس", "RU"),
        ("الأفغاني", "AF"),
        ("الباكستانية", "PK"),
        ("الفلسطينيات", "PS"),
        ("القطريتين", "QA"),
        ("والإسرائيلية", "IL"),
        ("بالسعودية", "SA"),
        ("للإسرائيلي", "IL"),
        ("للبنانيين", "LB"),
        ("فالإيرانيون", "IR"),
        ("أذريه", "AZ"),  # ة written as ه
    ],
)
def test_country_of(word: str, code: str) -> None:
    country = country_of(word)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    "word", ["الحكومة", "المالية", "المالي", "اليمنى", "الوطني", "الدولية", "العربي", "أمير"]
)
def test_not_a_nationality(word: str) -> None:
    assert country_of(word) is None


def test_country_record() -> None:
    c = country_of("الأذرية")
    assert c is not None
    assert (c.code, c.name, c.name_en) == ("AZ", "أذربيجان", "Azerbaijan")


def test_match_reports_clitic_gender_number() -> None:
    m = match("والأذريات")
    assert m == nationality.NisbaMatch(code="AZ", prefix=1, definite=True, gender="f", number="pl")
    m = match("للإسرائيلي")
    assert m is not None and (m.prefix, m.definite) == (1, True)  # the mention is "لإسرائيلي", as in clitics


@pytest.mark.parametrize(
    ("name", "stems"),
    [
        ("تركيا", ["تركي"]),
        ("كندا", ["كندي"]),
        ("مصر", ["مصري"]),
        ("الأردن", ["اردني"]),
        ("ألمانيا", ["الماني"]),  # the surface has no article: "أل" is part of the name
        ("أفغانستان", ["افغانستاني", "افغاني"]),
        ("سورية", ["سوري"]),
        ("سنغافورة", ["سنغافوري"]),
        ("كوسوفو", ["كوسوفي"]),
        ("تشيلي", ["تشيلي"]),
        ("جنوب السودان", []),
    ],
)
def test_derive_stems(name: str, stems: list[str]) -> None:
    assert derive_stems(name) == stems


def test_coverage_at_least_150_countries() -> None:
    assert len(nationality.stems_by_country()) >= 150


def test_phrases() -> None:
    assert phrase_at(["الزعيم", "الكوري", "الشمالي"], 1) == ("KP", 2)
    assert phrase_at(["حكومة", "جنوب", "أفريقيا"], 1) is None
    assert phrase_at(["الشركة", "الكورية", "الجنوبية"], 1) == ("KR", 2)


@pytest.mark.parametrize(
    ("word", "prev", "prev2", "adjective"),
    [
        ("السعودية", "في", None, False),
        ("السعودية", "الحكومة", None, True),
        ("السعودية", "العربية", "المملكة", False),
        ("السعودية", "سفير", None, False),
        ("السعودية", "أعلنت", None, False),
        ("السعودية", None, None, False),
        ("بالسعودية", "الحكومة", None, False),
        ("والسعودية", "الإماراتية", None, True),
        ("والسعودية", "الرياض", None, False),
        ("سورية", "مصادر", None, True),
        ("سورية", "في", None, False),
    ],
)
def test_country_or_adjective(word: str, prev: str | None, prev2: str | None, adjective: bool) -> None:
    assert reads_as_adjective(word, prev, prev2) is adjective
