"""Quotation-mark spans in the untidy forms news text has them."""

from __future__ import annotations

from khabar.quotes.direct import find_direct_spans


def contents(text: str) -> list[tuple[str, bool, int]]:
    return [(text[d.start : d.end], d.close is not None, d.paragraphs) for d in find_direct_spans(text)]


def test_guillemets_with_offsets() -> None:
    text = "وقال الوزير: «لن نتراجع عن قرارنا»."
    (span,) = find_direct_spans(text)
    assert (span.open, span.close, span.start, span.end) == (13, 33, 14, 33)
    assert text[span.start : span.end] == "لن نتراجع عن قرارنا"
    assert span.words == 4


def test_nested_guillemets() -> None:
    text = "قال: «سمّينا الخطة «الأمل» وسننفذها»"
    assert contents(text) == [("سمّينا الخطة «الأمل» وسننفذها", True, 1), ("الأمل", True, 1)]


def test_guillemet_closed_with_an_opening_mark() -> None:
    assert contents("بسبب التهاب نتيجة «الأملاح « وسيعود") == [("الأملاح", True, 1)]


def test_straight_and_curly_double_marks_pair_in_order() -> None:
    text = 'وقال "سالم"، في بيان، إن "المشروع سيكتمل قريباً"، وأضاف :” لا تأخير بعد اليوم ”'
    assert contents(text) == [
        ("سالم", True, 1),
        ("المشروع سيكتمل قريباً", True, 1),
        ("لا تأخير بعد اليوم", True, 1),
    ]


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    text = "وقال المدرب: “سنلعب للفوز في كل مباراة\n\nوانتهى المؤتمر"
    assert contents(text) == [("سنلعب للفوز في كل مباراة", False, 1)]


def test_quote_over_paragraphs_reopened_by_convention() -> None:
    text = "وقال: «الوضع صعب جداً.\n\n«لكننا سنتجاوزه معاً» وختم حديثه."
    assert contents(text) == [("الوضع صعب جداً.\n\n«لكننا سنتجاوزه معاً", True, 2)]


def test_quote_over_paragraphs_closed_in_the_next() -> None:
    text = "وقال: «الوضع صعب جداً.\n\nلكننا سنتجاوزه معاً» وختم حديثه."
    assert contents(text) == [("الوضع صعب جداً.\n\nلكننا سنتجاوزه معاً", True, 2)]


def test_single_quotes_only_next_to_arabic() -> None:
    text = "O'Neil wrote it, وقال المعلق 'هذا هدف رائع' بعد المباراة"
    assert contents(text) == [("هذا هدف رائع", True, 1)]


def test_short_quotation_inside_one_with_the_same_mark() -> None:
    text = 'وأضاف: "لم نحصل على الحد الأدنى لـ"4000" ريال منذ عامين، ونطالب بحل عاجل". وتابع "نحن صابرون"و"ننتظر"'
    assert contents(text) == [
        ('لم نحصل على الحد الأدنى لـ"4000" ريال منذ عامين، ونطالب بحل عاجل', True, 1),
        ("4000", True, 1),
        ("نحن صابرون", True, 1),
        ("ننتظر", True, 1),
    ]
