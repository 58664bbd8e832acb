"""Latin forms: letter rules with vowel heuristics, known names, exonyms."""

from __future__ import annotations

import pytest

from khabar.entities.transliterate import latin_of, romanize, romanize_word


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("رؤوفين ريفلين", "Rufin Riflin"),
        ("أيلتشين أمير بايوف", "Aylchin Amir Bayov"),
        ("أرمان سركيسيان", "Arman Sarkisyan"),
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("عادل الجبير", "Adel al-Jubeir"),
        ("سيرغي لافروف", "Sergei Lavrov"),
        ("أحمد عسيري", "Ahmed Asiri"),
        ("مارتن كوبلر", "Martin Kublir"),
    ],
)
def test_romanize(arabic: str, latin: str) -> None:
    assert romanize(arabic) == latin


def test_letter_rules() -> None:
    assert romanize_word("ريفلين") == "Riflin"  # ي between consonants is a vowel
    assert romanize_word("بايوف") == "Bayov"  # the Slavic ending
    assert romanize_word("الحربي") == "al-Harbi"  # the article
    assert romanize_word("ويندي") == "Windi"  # initial و is a glide


def test_latin_by_entity_type() -> None:
    assert latin_of("باكو", "LOC") == "Baku"
    assert latin_of("أذربيجان", "LOC") == "Azerbaijan"
    assert latin_of("مينيسوتا", "LOC") is None  # no exonym: no letter-rule guess ("Minisuta")
    assert latin_of("فرانس برس", "ORG") == "Agence France-Presse"
    assert latin_of("وزارة الخارجية", "ORG") is None
    assert latin_of("رؤوفين ريفلين", "PERSON") == "Rufin Riflin"
