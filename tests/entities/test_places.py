"""Place and organization look-ups that correct the tagger and give Latin names."""

from __future__ import annotations

import pytest

from khabar.entities import places


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("أذربيجان", "AZ"),
        ("اذربيجان", "AZ"),
        ("أميركا", "US"),
        ("الولايات المتحدة الأمريكية", "US"),
        ("المملكة العربية السعودية", "SA"),
        ("السعودية", "SA"),
        ("بريطانيا", "GB"),
        ("فلسطين", "PS"),
        ("سورية", "SY"),
        ("جمهورية مصر العربية", "EG"),
    ],
)
def test_country_named(name: str, code: str) -> None:
    c = places.country_named(name)
    assert c is not None and c.code == code


def test_country_record_names() -> None:
    assert places.country("SA") == places.country_named("السعودية")
    us = places.country("US")
    assert us is not None and (us.name, us.name_en) == ("الولايات المتحدة", "United States")
    assert places.country("EU") is None  # a grouping, not a country
    assert len(places.country_records()) > 240


def test_ambiguous_country_names() -> None:
    assert places.is_ambiguous_name("المغرب")  # also the sunset prayer
    assert not places.is_ambiguous_name("مصر")


def test_place_kinds_and_exonyms() -> None:
    assert places.place_kind("مصر") == "country"
    assert places.place_kind("باكو") == "capital"
    assert places.place_kind("جدة") == "city"
    assert places.place_kind("الضفة الغربية") == "area"
    assert places.place_kind("الحكومة") is None
    assert places.exonym("باكو") == "Baku"
    assert places.exonym("الضفة الغربية") == "West Bank"
    assert places.exonym("أذربيجان") == "Azerbaijan"
    city = places.city_named("الرياض")
    assert city is not None and (city.code, city.capital) == ("SA", True)


def test_known_organizations() -> None:
    afp = places.org_named("وكالة الصحافة الفرنسية")
    assert afp is not None and (afp.name, afp.name_en, afp.code) == (
        "فرانس برس",
        "Agence France-Presse",
        "FR",
    )
    assert places.org_named("أ ف ب") == afp
    assert places.org_named("وزارة الخارجية") is None


def test_bare_form_of_a_city_written_with_the_article() -> None:
    assert places.bare_form_of_city("رياض")  # GeoNames lists it for "الرياض"
    assert places.bare_form_of_city("دمام")
    assert not places.bare_form_of_city("الرياض")
    assert not places.bare_form_of_city("جدة")  # written without the article
    assert not places.bare_form_of_city("الخبراء")
