"""Matching normalization: spelling variants meet, offsets map back exactly."""

from __future__ import annotations

import pytest

from khabar.text.normalize import lexicon_key, normalize, normalize_with_offsets


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("موجهاً", "موجها"),
        ("يستمرّ", "يستمر"),
        ("الـعـربـي", "العربي"),
        ("أذربيجان", "اذربيجان"),
        ("إسرائيل", "اسرائيل"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("هٰذا", "هذا"),
        ("عامَ ٢٠٢٠", "عام 2020"),
        ("۱۳٪", "13%"),
        ("2٫5", "2.5"),
        ("ﻻ", "لا"),
        ("کتاب", "كتاب"),
        ("فی", "في"),
    ],
)
def test_variants_meet(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_exact_forms() -> None:
    assert normalize("موجهاً") == "موجها"
    assert normalize("قالَ المُستشارُ الأذريُّ") == "قال المستشار الاذري"
    assert normalize("الحكومة") == "الحكومة"
    assert normalize("الحكومة", taa=True) == "الحكومه"
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert normalize("جزء شيء") == "جزء شيء"  # the lone hamza is a letter, kept
    assert normalize("Meprolight M21, 13%") == "Meprolight M21, 13%"


def test_invisible_marks_removed() -> None:
    assert normalize("كلم\u200cة\u200f") == "كلمة"


def test_offsets_example() -> None:
    norm, offsets = normalize_with_offsets("موجهاً")
    assert norm == "موجها"
    assert offsets == [0, 1, 2, 3, 4, 6]


@pytest.mark.parametrize(
    "text",
    [
        "وقالَ المستشارُ الأذريُّ إنّ بلادَه تستوردُ ٣٠٪ من أسلحتها",
        "الـعـربـي الجديد ﻻ يتوقف",
        "",
        "بدون تشكيل",
        "ـــ",
    ],
)
@pytest.mark.parametrize("taa", [False, True])
def test_offsets_map_back(text: str, taa: bool) -> None:
    norm, offsets = normalize_with_offsets(text, taa=taa)
    assert norm == normalize(text, taa=taa)
    assert len(offsets) == len(norm) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    # Every normalized character comes from the original character it points at.
    for i, ch in enumerate(norm):
        assert ch in normalize(text[offsets[i]], taa=taa)
    # Each normalized word maps back to an original word with the same matching form.
    pos = 0
    for word in norm.split(" "):
        if word:
            original = text[offsets[pos] : offsets[pos + len(word)]]
            assert normalize(original, taa=taa) == word
            assert " " not in original
        pos += len(word) + 1


def test_offsets_include_marks_of_last_letter() -> None:
    text = "قال إنّ بلادَه تستورد"
    norm, offsets = normalize_with_offsets(text)
    i = norm.index("بلاده")
    assert text[offsets[i] : offsets[i + len("بلاده")]] == "بلادَه"
    j = norm.index("ان")
    assert text[offsets[j] : offsets[j + 2]] == "إنّ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تشرين  الأول", "تشرين الاول"),
        (" ثلاثة آلاف\n", "ثلاثه الاف"),
        ("ريالٌ قطريّ", "ريال قطري"),
    ],
)
def test_lexicon_key(text: str, expected: str) -> None:
    assert lexicon_key(text) == expected


def test_offsets_only_when_characters_move() -> None:
    from khabar.text.normalize import normalize_with_offsets_if_moved

    assert normalize_with_offsets_if_moved("قالت الحكومة إن ٣ وزراء") == ("قالت الحكومة ان 3 وزراء", None)
    assert normalize_with_offsets_if_moved("الحكومة", taa=True) == ("الحكومه", None)
    assert normalize_with_offsets_if_moved("قالَ ﻻ") == ("قال لا", [0, 1, 2, 4, 5, 5, 6])
