"""Calendar dates written out, in every Arab month convention, both calendars and both digit sets."""

from __future__ import annotations

import pytest

from khabar.time.months import gregorian_months, hijri_months
from khabar.time.recognize import find_times

ANCHOR = "2020-10-06"  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # MSA / Egyptian / Gulf
        ("وقعت الحكومة الاتفاق في 12 مارس 2019 بعد مفاوضات.", "12 مارس 2019", "2019-03-12"),
        ("صدر القرار في 3 يناير 2018.", "3 يناير 2018", "2018-01-03"),
        ("تراجعت الأسعار في إبريل 2015 بشدة.", "إبريل 2015", "2015-04"),
        ("تراجعت الأسعار في ابريل 2015 بشدة.", "ابريل 2015", "2015-04"),
        ("عاد السفير في اغسطس 2019 إلى بلاده.", "اغسطس 2019", "2019-08"),
        ("انطلقت الاحتجاجات في 17 اكتوبر 2019 في بيروت.", "17 اكتوبر 2019", "2019-10-17"),
        ("سافر الوفد في 30 يونيه 2013 إلى القاهرة.", "30 يونيه 2013", "2013-06-30"),
        # Levant / Iraq
        ("أقرت الحكومة الموازنة في 5 كانون الثاني 2020.", "5 كانون الثاني 2020", "2020-01-05"),
        ("بدأت الأزمة في تشرين الأول 2019.", "تشرين الأول 2019", "2019-10"),
        ("صدر المرسوم في 2 تشرين ثاني 2018.", "2 تشرين ثاني 2018", "2018-11-02"),
        ("وقع الانفجار في 4 آب 2020 في المرفأ.", "4 آب 2020", "2020-08-04"),
        ("أجريت الانتخابات في أيار 2018.", "أيار 2018", "2018-05"),
        ("انتهت المهلة في 28 شباط 2019.", "28 شباط 2019", "2019-02-28"),
        # Algeria / Tunisia
        ("خرج المحتجون يوم 22 فيفري 2019 إلى الشوارع.", "يوم 22 فيفري 2019", "2019-02-22"),
        ("صادق البرلمان على النص في ١٥ جويلية ٢٠٢٠.", "١٥ جويلية ٢٠٢٠", "2020-07-15"),
        ("ستجرى الامتحانات في جوان 2021.", "جوان 2021", "2021-06"),
        ("عادت الحركة في أوت 2020 إلى طبيعتها.", "أوت 2020", "2020-08"),
        ("أعلنت الحكومة الإجراءات في 4 ماي 2020.", "4 ماي 2020", "2020-05-04"),
        # Morocco
        ("ألقى الملك خطابا في 20 غشت 2016.", "20 غشت 2016", "2016-08-20"),
        ("انطلقت الأشغال في شتنبر 2011.", "شتنبر 2011", "2011-09"),
        ("افتتحت القمة يوم 7 نونبر 2016 في مراكش.", "يوم 7 نونبر 2016", "2016-11-07"),
        ("صادق المجلس على القانون في 10 دجنبر 2019.", "10 دجنبر 2019", "2019-12-10"),
        ("يحتفل المغاربة بعيد العرش في 30 يوليوز 2019.", "30 يوليوز 2019", "2019-07-30"),
    ],
)
def test_month_conventions(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "DATE", None)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("استعرض الجيش أسلحته في يونيو/حزيران 2018 في باكو.", "يونيو/حزيران 2018", "2018-06"),
        ("تولى منصبه في 9 حزيران (يونيو) 2014.", "9 حزيران (يونيو) 2014", "2014-06-09"),
        ("انسحبت القوات في أيلول (سبتمبر) الماضي.", "أيلول (سبتمبر) الماضي", "2020-09"),
        ("دخلت القوات المدينة في 24 فبراير/ شباط 2022.", "24 فبراير/ شباط 2022", "2022-02-24"),
        ("تراجع الإنتاج في تموز-يوليو 2018.", "تموز-يوليو 2018", "2018-07"),
    ],
)
def test_double_forms(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "DATE", None)]


def test_months_without_year_take_the_anchor_and_cues() -> None:
    assert [(t.text, t.value) for t in find_times("عاد السفير في يوليو الماضي.", ANCHOR)] == [
        ("يوليو الماضي", "2020-07")
    ]
    assert [(t.text, t.value) for t in find_times("تعقد القمة في فبراير المقبل.", ANCHOR)] == [
        ("فبراير المقبل", "2021-02")
    ]
    assert [(t.text, t.value) for t in find_times("انتهت المهلة في 30 سبتمبر.", ANCHOR)] == [
        ("30 سبتمبر", "2020-09-30")
    ]
    # A month far after the anchor's is last year's, unless the clause is in the future.
    assert [t.value for t in find_times("صدرت العقوبات في ديسمبر.", "2021-03-10")] == ["2020-12"]
    assert [t.value for t in find_times("ستجرى الانتخابات في مارس.", "2020-10-06")] == ["2021-03"]
    # Without an anchor the year stays unknown, never today's.
    assert [t.value for t in find_times("اجتمع الوزراء في 5 يونيو.", None)] == ["XXXX-06-05"]


@pytest.mark.parametrize(
    "sentence",
    [
        "قالت ماي إن الحكومة ستواصل المفاوضات.",  # Theresa May
        "مارس الضغط على الحكومة لتغيير موقفها.",  # "he exerted"
        "قال رمضان إن الفريق سيعود أقوى.",  # a first name
        "اشترى سيارة نيسان مستعملة.",
    ],
)
def test_ambiguous_month_names_alone_are_not_dates(sentence: str) -> None:
    assert find_times(sentence, ANCHOR) == []


def test_ambiguous_month_names_with_a_day_year_or_cue() -> None:
    assert [t.value for t in find_times("أغلقت الحدود منذ شهر مارس.", ANCHOR)] == ["2020-03"]
    assert [(t.text, t.value, t.mod) for t in find_times("وعدت الحكومة بالرد قبل نهاية ماي.", ANCHOR)] == [
        ("قبل نهاية ماي", "2020-05", "END")
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("عقد المجلس جلسته في الخامس من أكتوبر الجاري.", "الخامس من أكتوبر الجاري", "2020-10-05"),
        ("انتهت الهدنة في الحادي عشر من مارس 2019.", "الحادي عشر من مارس 2019", "2019-03-11"),
        ("جرت الانتخابات في الثالث والعشرين من ديسمبر 2018.", "الثالث والعشرين من ديسمبر 2018", "2018-12-23"),
        ("أعلن الحزب ترشيحه في الأول من نوفمبر 2016.", "الأول من نوفمبر 2016", "2016-11-01"),
        ("سيجرى الاستفتاء في الفاتح من نوفمبر.", "الفاتح من نوفمبر", "2020-11-01"),
        ("تنطلق الدورة في الحادي والثلاثين من يوليو 2015.", "الحادي والثلاثين من يوليو 2015", "2015-07-31"),
    ],
)
def test_ordinal_days(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "DATE", None)]


def test_first_week_of_a_month_is_not_its_first_day(found) -> None:
    assert found("تنطلق الحملة في الأسبوع الأول من نوفمبر.", ANCHOR) == [("نوفمبر", "2020-11", "DATE", None)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("أعلنت الرئاسة الثلاثاء 6 أكتوبر يوم حداد.", "الثلاثاء 6 أكتوبر", "2020-10-06"),
        ("عقدت الجلسة يوم الأحد 10 مارس 2019.", "يوم الأحد 10 مارس 2019", "2019-03-10"),
        ("أدلى الناخبون بأصواتهم يوم الثلاثاء، 8 نوفمبر 2016.", "يوم الثلاثاء، 8 نوفمبر 2016", "2016-11-08"),
        ("جرت المراسم الأحد الموافق 4 أكتوبر.", "الأحد الموافق 4 أكتوبر", "2020-10-04"),
    ],
)
def test_weekday_and_date(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "DATE", None)]


def test_weekday_picks_the_year_of_a_yearless_date() -> None:
    # 1 January 2019 is a Tuesday; 1 January 2018 was a Monday.
    assert [t.value for t in find_times("تبدأ العطلة الثلاثاء 1 يناير.", "2018-12-28")] == ["2019-01-01"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("صدر القرار بتاريخ 2020/12/30 عن المجلس.", "2020/12/30", "2020-12-30"),
        ("وقعت الحادثة بتاريخ 03/03/2019 قرب المدينة.", "03/03/2019", "2019-03-03"),
        ("انتهت المهلة في 30-10-2016 دون رد.", "30-10-2016", "2016-10-30"),
        ("أجريت الانتخابات في ٢٠٢٢/٥/١٥ وسط إقبال ضعيف.", "٢٠٢٢/٥/١٥", "2022-05-15"),
        ("سجلت الشركة بتاريخ 15.03.2022 في السجل.", "15.03.2022", "2022-03-15"),
        ("ولد الكاتب في ٣ مارس ١٩٤٨ في يافا.", "٣ مارس ١٩٤٨", "1948-03-03"),
    ],
)
def test_digits(sentence: str, text: str, value: str, found) -> None:
    assert found(sentence, ANCHOR) == [(text, value, "DATE", None)]


def test_offsets_are_into_the_original_text_with_tashkeel() -> None:
    sentence = "وَقَّعَتْ الحكومةُ الاتفاقَ في ١٢ مارسَ ٢٠١٩ بعد مفاوضات."
    [t] = find_times(sentence, ANCHOR)
    assert (t.start, t.end) == (31, 44)
    assert t.text == "١٢ مارسَ ٢٠١٩"
    assert t.value == "2019-03-12"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "hijri"),
    [
        ("يوافق يوم عرفة 9 ذو الحجة 1440 هـ.", "9 ذو الحجة 1440 هـ", "2019-08-10", "1440-12-09"),
        ("صدر المرسوم بتاريخ 12 ربيع الأول 1442هـ.", "12 ربيع الأول 1442هـ", "2020-10-29", "1442-03-12"),
        ("تبدأ الدراسة في 20 جمادى الآخرة 1439هـ.", "20 جمادى الآخرة 1439هـ", "2018-03-08", "1439-06-20"),
        ("بدأ صيام شهر رمضان 1441 وسط الحجر.", "شهر رمضان 1441", "2020-04-24/2020-05-23", "1441-09"),
        ("صدر نظام الجامعات عام 1441هـ.", "عام 1441هـ", "2019-08-31/2020-08-19", "1441"),
        ("ستقام الاحتفالات في الخامس عشر من شعبان.", "الخامس عشر من شعبان", "2021-03-28", "1442-08-15"),
    ],
)
def test_hijri_dates_keep_both_calendars(sentence: str, text: str, value: str, hijri: str) -> None:
    [t] = find_times(sentence, ANCHOR)
    assert (t.text, t.value, t.hijri) == (text, value, hijri)


def test_cldr_and_data_month_lexicons() -> None:
    months = gregorian_months()
    assert months["يناير"] == months["جانفي"] == months["كانون الثاني"] == 1
    assert months["يوليوز"] == months["جويليه"] == months["تموز"] == months["يوليه"] == 7
    assert months["غشت"] == months["اوت"] == months["اب"] == 8
    assert hijri_months()["ذي الحجه"] == 12
