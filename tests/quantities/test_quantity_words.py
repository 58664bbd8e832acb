"""Arabic number words: cardinals and ordinals, in the matching form."""

from __future__ import annotations

import pytest

from khabar.quantities.words import parse_cardinal, parse_ordinal
from khabar.text.normalize import lexicon_key


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("خمسة وعشرين", 25),
        ("مئة", 100),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10_000),
        ("مئة ألف", 100_000),
        ("ثلاثمئة وخمسين ألفا", 350_000),
        ("مليون", 1_000_000),
        ("مليون ونصف", 1_500_000),
        ("مليونين وخمسمئة ألف", 2_500_000),
        ("عشرات", 10),
        ("عشرات الآلاف", 10_000),
        ("مئات الآلاف", 100_000),
    ],
)
def test_cardinals(phrase: str, value: float) -> None:
    assert parse_cardinal(lexicon_key(phrase)) == value


@pytest.mark.parametrize("phrase", ["أحد", "رئيس", ""])
def test_not_cardinals(phrase: str) -> None:
    assert parse_cardinal(lexicon_key(phrase)) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("الأول", 1),
        ("أول", 1),
        ("الأولى", 1),
        ("الفاتح", 1),
        ("ثاني", 2),
        ("الخامسة", 5),
        ("الحادي عشر", 11),
        ("الثانية عشرة", 12),
        ("التاسع عشر", 19),
        ("العشرين", 20),
        ("الحادي والعشرين", 21),
        ("الثالث والعشرين", 23),
        ("الحادي والثلاثين", 31),
    ],
)
def test_ordinals(phrase: str, value: int) -> None:
    assert parse_ordinal(lexicon_key(phrase)) == value
