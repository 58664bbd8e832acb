"""Sentence splitting: abbreviations, quotes, numbers, paragraphs."""

from __future__ import annotations

from khabar.text.sentences import MAX_QUOTE_CHARS, split_sentences
from khabar.text.tokenize import tokenize


def _sents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_do_not_split() -> None:
    text = "قال د. خالد العتيبي إن م. سعد زار الموقع. وأضاف أن التقرير في ص. 12 من الملف."
    assert _sents(text) == [
        "قال د. خالد العتيبي إن م. سعد زار الموقع.",
        "وأضاف أن التقرير في ص. 12 من الملف.",
    ]


def test_compound_abbreviations() -> None:
    text = "حاضر أ.د. محمد عن القرن الثالث ق.م في الجامعة. ثم غادر."
    assert _sents(text) == ["حاضر أ.د. محمد عن القرن الثالث ق.م في الجامعة.", "ثم غادر."]


def test_era_mark_after_a_year_ends_the_sentence() -> None:
    assert _sents("تأسست الشركة عام 1990 م. وتوسعت لاحقا.") == ["تأسست الشركة عام 1990 م.", "وتوسعت لاحقا."]


def test_decimals_and_percent_do_not_split() -> None:
    assert _sents("نما الاقتصاد 2.5 في المائة و13.7% في القطاع. وهذا جيد.") == [
        "نما الاقتصاد 2.5 في المائة و13.7% في القطاع.",
        "وهذا جيد.",
    ]


def test_short_quote_is_not_split() -> None:
    text = "وقال الوزير: «لن نتراجع. هذا موقفنا». وأضاف أن المفاوضات مستمرة."
    assert _sents(text) == ["وقال الوزير: «لن نتراجع. هذا موقفنا».", "وأضاف أن المفاوضات مستمرة."]


def test_ascii_quotes() -> None:
    text = 'ونقل موقع "الخبر. نت" أن الوفد وصل. ثم عاد.'
    assert _sents(text) == ['ونقل موقع "الخبر. نت" أن الوفد وصل.', "ثم عاد."]


def test_quote_closing_on_its_own_stop_ends_the_sentence() -> None:
    assert _sents("قال: «نحن مستعدون.» وأضاف أن الوفد جاهز.") == [
        "قال: «نحن مستعدون.»",
        "وأضاف أن الوفد جاهز.",
    ]


def test_full_stop_after_a_quote_that_closed_on_its_own_mark() -> None:
    """"«...؟»." is common in opinion pieces; the dot belongs to the sentence, not one of its own."""
    assert _sents("وتساءل: «كيف يمكن تعليم التفلسف دون تعليم الفلسفة؟». وأضاف أن الأمر صعب.") == [
        "وتساءل: «كيف يمكن تعليم التفلسف دون تعليم الفلسفة؟».",
        "وأضاف أن الأمر صعب.",
    ]
    assert _sents("وصرخوا: «أنقذونا!».") == ["وصرخوا: «أنقذونا!»."]


def test_long_quote_is_split() -> None:
    first = "إن الحكومة ماضية في خطتها " + "وفي تنفيذ برامجها " * 20
    text = f"وقال: «{first.strip()}. ولن نتراجع عن ذلك». وانتهى المؤتمر."
    assert len(text) > MAX_QUOTE_CHARS
    sents = _sents(text)
    assert len(sents) == 3
    assert sents[0].endswith("برامجها.")
    assert sents[1] == "ولن نتراجع عن ذلك»."


def test_unclosed_quote_suppresses_nothing() -> None:
    assert _sents("قال «نحن هنا. وهم هناك.") == ["قال «نحن هنا.", "وهم هناك."]


def test_never_crosses_a_paragraph() -> None:
    text = "عنوان الخبر بلا نقطة\n\nالفقرة الأولى تنتهي هنا\n\n«اقتباس يبدأ هنا\n\nويستمر هنا». نهاية."
    assert _sents(text) == [
        "عنوان الخبر بلا نقطة",
        "الفقرة الأولى تنتهي هنا",
        "«اقتباس يبدأ هنا",
        "ويستمر هنا».",
        "نهاية.",
    ]


def test_question_and_exclamation_runs() -> None:
    assert _sents("هل انتهت الأزمة؟! لا أحد يعرف... ربما!") == [
        "هل انتهت الأزمة؟!",
        "لا أحد يعرف...",
        "ربما!",
    ]


def test_urls_latin_abbreviations_and_glued_stops() -> None:
    text = "نشرت www.spa.gov.sa البيان أمس.وقال Dr. Smith إن J. K. Rowling حضرت."
    assert _sents(text) == ["نشرت www.spa.gov.sa البيان أمس.", "وقال Dr. Smith إن J. K. Rowling حضرت."]


def test_list_numbers() -> None:
    assert _sents("1. البند الأول\n2. البند الثاني") == ["1. البند الأول", "2. البند الثاني"]


def test_offsets_cover_all_tokens_in_order() -> None:
    text = "قال د. أحمد: «نعم». ثم غادر!\n\nفقرة ثانية؟ نعم."
    tokens = tokenize(text)
    sents = split_sentences(text, tokens)
    assert [(s.start, s.end) for s in sents] == [(0, 19), (20, 28), (30, 41), (42, 46)]
    covered = [t for t in tokens if any(s.start <= t.start and t.end <= s.end for s in sents)]
    assert covered == list(tokens)


def test_empty_text() -> None:
    assert split_sentences("") == ()
    assert split_sentences("   \n\n ") == ()


def test_latin_initials_spelled_in_arabic_do_not_split() -> None:
    text = "وقال ديفيد إيه. تومسون رئيس المؤتمر إن البطاطا مهمة. وكتبت جيه. كيه. رولينغ روايتها."
    assert _sents(text) == [
        "وقال ديفيد إيه. تومسون رئيس المؤتمر إن البطاطا مهمة.",
        "وكتبت جيه. كيه. رولينغ روايتها.",
    ]
