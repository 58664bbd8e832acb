"""Tokenizer: exact tokens and offsets on news-style sentences."""

from __future__ import annotations

import pytest

from khabar.text.tokenize import tokenize, word_spans


def _texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_latin_glued_to_arabic() -> None:
    text = "وتشمل الصفقة بنادقMeprolight M21 الإسرائيلية."
    toks = tokenize(text)
    assert [(t.text, t.kind) for t in toks] == [
        ("وتشمل", "arabic"),
        ("الصفقة", "arabic"),
        ("بنادق", "arabic"),
        ("Meprolight", "latin"),
        ("M21", "latin"),
        ("الإسرائيلية", "arabic"),
        (".", "punct"),
    ]
    assert [(t.start, t.end) for t in toks][2:5] == [(13, 18), (18, 28), (29, 32)]
    for t in toks:
        assert text[t.start : t.end] == t.text


def test_conjunction_glued_to_digits() -> None:
    assert [(t.text, t.kind) for t in tokenize("بين 2013 و2018")] == [
        ("بين", "arabic"),
        ("2013", "number"),
        ("و", "arabic"),
        ("2018", "number"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفعت الصادرات 13% خلال عام", ["ارتفعت", "الصادرات", "13%", "خلال", "عام"]),
        ("في الفترة 2013-2017،", ["في", "الفترة", "2013-2017", "،"]),
        ("نحو 2.5 مليار", ["نحو", "2.5", "مليار"]),
        ("في تمام الساعة 17:30.", ["في", "تمام", "الساعة", "17:30", "."]),
        ("قرابة 1,000 جندي", ["قرابة", "1,000", "جندي"]),
        ("بنسبة 12.75%.", ["بنسبة", "12.75%", "."]),
        ("بلغ ٢٠١٨ و٣٠٪", ["بلغ", "٢٠١٨", "و", "٣٠٪"]),
        ("نحو 2ر5 مليون ريال", ["نحو", "2ر5", "مليون", "ريال"]),
        ("بـ13% فقط", ["بـ", "13%", "فقط"]),
        ("يوم 2015-07-21 أو 12/10/2020", ["يوم", "2015-07-21", "أو", "12/10/2020"]),
        ("طائرات F-16 وطائرات", ["طائرات", "F-16", "وطائرات"]),
    ],
)
def test_numbers_stay_whole(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_arabic_punctuation_and_quotes() -> None:
    text = "وقال: «نحن مستعدون»، وأضاف “لن نتراجع”؛ فهل يصمد الاتفاق؟"
    assert _texts(text) == [
        "وقال", ":", "«", "نحن", "مستعدون", "»", "،", "وأضاف", "“", "لن", "نتراجع", "”",
        "؛", "فهل", "يصمد", "الاتفاق", "؟",
    ]  # fmt: skip
    assert {t.kind for t in tokenize(text) if not t.text[0].isalpha()} == {"punct"}


def test_ascii_quotes_and_brackets() -> None:
    assert _texts('قال "داعش" (التنظيم) [سابقا] \'نعم\'') == [
        "قال", '"', "داعش", '"', "(", "التنظيم", ")", "[", "سابقا", "]", "'", "نعم", "'",
    ]  # fmt: skip


def test_tashkeel_and_tatweel_stay_in_word() -> None:
    assert _texts("قالَ الـمستشارُ إنّ") == ["قالَ", "الـمستشارُ", "إنّ"]


def test_runs_of_punctuation() -> None:
    assert _texts("ماذا بعد؟! ربما...") == ["ماذا", "بعد", "؟!", "ربما", "..."]


def test_invisible_marks_are_not_tokens() -> None:
    toks = tokenize("\u200fالرياض \u200e(واس)")
    assert [t.text for t in toks] == ["الرياض", "(", "واس", ")"]
    assert toks[0].start == 1


def test_symbols_are_other() -> None:
    toks = tokenize("سعر $ 5")
    assert [(t.text, t.kind) for t in toks] == [("سعر", "arabic"), ("$", "other"), ("5", "number")]


def test_clitics_are_not_split() -> None:
    assert _texts("والمستشار للرئيس") == ["والمستشار", "للرئيس"]


def test_word_spans() -> None:
    assert word_spans("قال M21 إن 5") == [(0, 3), (8, 10)]
