"""Scraped-text reader: header (title, date line, caption, byline), debris, body."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ingest.reading import read_one

from khabar.errors import IngestError
from khabar.ingest.text import lines_of


def test_seed_article(seed_path: Path, seed_expected: dict) -> None:
    expected = seed_expected["article"]
    a = read_one(seed_path)
    assert a.format == "text"
    assert a.title == expected["title"]
    assert a.published == expected["published"] == "2020-10-06"
    assert a.caption == expected["caption"]
    assert a.photo_credit.photographer == "دافيد غهرمانيان" == expected["photo_credit"]["photographer"]
    assert a.photo_credit.agency == "فرانس برس" == expected["photo_credit"]["agency"]
    assert len(a.paragraphs) == expected["body_paragraphs"] == 10
    assert a.paragraphs[0].startswith(expected["first_paragraph_starts"])
    assert a.paragraphs[-1].endswith(expected["last_paragraph_ends"])
    body = "\n\n".join(a.paragraphs)
    for debris in expected["boilerplate_absent_from_body"]:
        assert debris not in body
    assert a.title not in body
    assert a.text == a.title + "\n\n" + body
    assert a.language == "ar"
    assert a.warnings == ()
    assert len(a.id) == 20


EXAMPLES = {
    "beirut-electricity-2025-10-14.txt": dict(
        title="وزير الطاقة اللبناني: خطة لرفع التغذية بالكهرباء إلى 16 ساعة يومياً قبل نهاية العام",
        published="2025-10-14",
        caption="عمال صيانة في معمل دير عمار لتوليد الكهرباء شمالي لبنان",
        photographer="جاد الحلبي",
        agency="الأناضول",
        byline="سارة منصور",
        paragraphs=5,
        first="أعلن وزير الطاقة والمياه اللبناني نزار عبد الساتر",
        last="التي ارتفعت اشتراكاتها بنسبة 35%.",
    ),
    "tunis-harvest-2025-07-13.txt": dict(
        title="تونس تتوقع تراجع صابة الحبوب بنسبة 20% بسبب الجفاف",
        published="2025-07-13",
        caption="فلاح يجمع سنابل القمح في ولاية باجة شمال غربي تونس",
        photographer="منير الطرابلسي",
        agency="فرانس برس",
        byline=None,
        paragraphs=4,
        first="توقعت وزارة الفلاحة والموارد المائية",
        last="عن مناقصة دولية لشراء 100 ألف طن.",
    ),
    "cairo-nile-talks-2024-06-19.txt": dict(
        title="مصر والسودان تطالبان إثيوبيا باتفاق ملزم قبل الملء الجديد لسد النهضة",
        published="2024-06-19",
        caption="جانب من الاجتماع الثنائي في مقر وزارة الخارجية المصرية بالقاهرة",
        photographer="أحمد جمال",
        agency="رويترز",
        byline=None,
        paragraphs=4,
        first="طالب وزيرا الخارجية المصري والسوداني",
        last="بنحو 4.2 مليارات دولار.",
    ),
    "jeddah-rain-1447-04-05.txt": dict(
        title="الأرصاد السعودية تحذّر من أمطار رعدية وسيول على منطقة مكة المكرمة",
        published="2025-09-27",  # السبت 5 ربيع الآخر 1447هـ (Umm al-Qura)
        caption="سحب ركامية فوق محافظة جدة غربي السعودية",
        photographer=None,
        agency="واس",
        byline=None,
        paragraphs=4,
        first="نبّه المركز الوطني للأرصاد في السعودية",
        last="أكثر من 1300 بلاغ احتجاز في الأودية.",
    ),
    "cairo-rates-2024-11-21.txt": dict(
        title="البنك المركزي المصري يبقي أسعار الفائدة دون تغيير للمرة الرابعة على التوالي",
        published="2024-11-21",  # الخميس ٢١ نوفمبر ٢٠٢٤
        caption="مقر البنك المركزي المصري في العاصمة الإدارية الجديدة",
        photographer="كريم صلاح",
        agency="أسوشييتد برس",
        byline="ليلى الشافعي",
        paragraphs=4,
        first="قررت لجنة السياسة النقدية في البنك المركزي المصري",
        last='"إذا واصل التضخم تباطؤه كما تشير التقديرات".',
    ),
}
# The legacy-encoded copies must read to the very same article.
EXAMPLES["tunis-harvest-2025-07-13.cp1256.txt"] = EXAMPLES["tunis-harvest-2025-07-13.txt"]
EXAMPLES["jeddah-rain-1447-04-05.utf16.txt"] = EXAMPLES["jeddah-rain-1447-04-05.txt"]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples(examples: Path, name: str) -> None:
    want = EXAMPLES[name]
    a = read_one(examples / name)
    assert a.title == want["title"]
    assert a.published == want["published"]
    assert a.caption == want["caption"]
    assert (a.photo_credit.photographer, a.photo_credit.agency) == (want["photographer"], want["agency"])
    assert a.byline == want["byline"]
    assert len(a.paragraphs) == want["paragraphs"]
    assert a.paragraphs[0].startswith(want["first"])
    assert a.paragraphs[-1].endswith(want["last"])
    assert a.warnings == ()
    for p in a.paragraphs:
        assert "\n" not in p
        assert p != a.title


def test_encoded_copies_have_the_same_id(examples: Path) -> None:
    assert (
        read_one(examples / "tunis-harvest-2025-07-13.cp1256.txt").id
        == read_one(examples / "tunis-harvest-2025-07-13.txt").id
    )
    assert (
        read_one(examples / "jeddah-rain-1447-04-05.utf16.txt").id
        == read_one(examples / "jeddah-rain-1447-04-05.txt").id
    )


def test_related_box_and_its_link_title_are_dropped(examples: Path) -> None:
    a = read_one(examples / "beirut-electricity-2025-10-14.txt")
    assert not any("البنك الدولي يوافق" in p for p in a.paragraphs)
    assert not any(p.startswith("اقرأ") for p in a.paragraphs)


SCRAPED = """\
الرئيسية › اقتصاد
ارتفاع صادرات الفوسفات الأردنية بنسبة 12% في النصف الأول

نشر في: 05/08/2025 - 14:20
حجم الخط
عمال في منجم الشيدية جنوبي الأردن (الأرشيف)

قالت شركة مناجم الفوسفات الأردنية، الثلاثاء، إن صادراتها ارتفعت بنسبة 12% خلال النصف الأول من العام مقارنة بالفترة ذاتها من العام الماضي.

وأضاف المدير العام للشركة في بيان أن الطلب الهندي "ما زال المحرك الأول للمبيعات".

عناوين فرعية مهمة

وتوقعت الشركة أن تتجاوز أرباحها السنوية 500 مليون دينار.
345 مشاركة
شارك عبر واتساب
"""


def test_general_rules_on_an_unseen_layout() -> None:
    a = read_one(SCRAPED)
    assert a.title == "ارتفاع صادرات الفوسفات الأردنية بنسبة 12% في النصف الأول"
    assert a.published == "2025-08-05T14:20:00"
    # "(الأرشيف)" marks an archive photo: a caption that credits no one.
    assert a.caption == "عمال في منجم الشيدية جنوبي الأردن"
    assert (a.photo_credit.photographer, a.photo_credit.agency) == (None, None)
    assert a.paragraphs == (
        "قالت شركة مناجم الفوسفات الأردنية، الثلاثاء، إن صادراتها ارتفعت بنسبة 12% خلال النصف الأول من العام مقارنة بالفترة ذاتها من العام الماضي.",
        'وأضاف المدير العام للشركة في بيان أن الطلب الهندي "ما زال المحرك الأول للمبيعات".',
        "عناوين فرعية مهمة",  # a subheading between paragraphs stays
        "وتوقعت الشركة أن تتجاوز أرباحها السنوية 500 مليون دينار.",
    )
    assert a.source == "<text>"


def test_caption_right_under_the_date_line_may_name_one_unknown_agency() -> None:
    a = read_one(
        "وفد تجاري سوري يزور بغداد\n\n١٢ آذار ٢٠٢٥\nأعضاء الوفد لدى وصولهم إلى مطار بغداد (وكالة الأنباء العراقية)\n\n"
        "وصل وفد تجاري سوري يضم ثلاثين رجل أعمال إلى بغداد، الأربعاء، في زيارة تستمر ثلاثة أيام."
    )
    assert a.published == "2025-03-12"
    assert a.caption == "أعضاء الوفد لدى وصولهم إلى مطار بغداد"
    assert a.photo_credit.agency == "وكالة الأنباء العراقية"
    assert a.photo_credit.photographer is None


def test_footer_glued_to_the_last_paragraph_is_cut() -> None:
    a = read_one(
        "انطلاق معرض الرياض للكتاب\n\n"
        "افتتح معرض الرياض الدولي للكتاب أبوابه أمام الزوار بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.المساهمون"
    )
    assert a.paragraphs == (
        "افتتح معرض الرياض الدولي للكتاب أبوابه أمام الزوار بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.",
    )


def test_byline_marker_in_the_header() -> None:
    a = read_one(
        "الجزائر تفتتح أطول جسر في البلاد\n\nكتب: كريم بن صالح\n\n"
        "افتتح الوزير الأول الجزائري، السبت، جسراً بطول ثلاثة كيلومترات يربط ضفتي وادي الرمال في قسنطينة."
    )
    assert a.byline == "كريم بن صالح"
    assert len(a.paragraphs) == 1


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = (
        "تمديد العمل بالتوقيت الصيفي في مصر\n\n"
        "قررت الحكومة المصرية تمديد العمل بالتوقيت الصيفي حتى نهاية\n"
        "شهر أكتوبر المقبل، وذلك لترشيد استهلاك الكهرباء في أشهر الصيف\n"
        "الحارة، بحسب بيان صادر عن مجلس الوزراء.\n"
    )
    a = read_one(text)
    assert a.paragraphs == (
        "قررت الحكومة المصرية تمديد العمل بالتوقيت الصيفي حتى نهاية شهر أكتوبر المقبل، وذلك لترشيد "
        "استهلاك الكهرباء في أشهر الصيف الحارة، بحسب بيان صادر عن مجلس الوزراء.",
    )


def test_header_block_without_blank_lines_is_not_joined() -> None:
    lines = lines_of(
        "عنوان الخبر الذي يتجاوز عدة كلمات في سطر واحد طويل\n06 أكتوبر 2020\nتعليق الصورة (رويترز)\n",
        titled=True,
    )
    assert lines == [
        "عنوان الخبر الذي يتجاوز عدة كلمات في سطر واحد طويل",
        "06 أكتوبر 2020",
        "تعليق الصورة (رويترز)",
    ]


def test_a_single_sentence_is_a_body_without_title() -> None:
    a = read_one("قال وزير الخارجية العماني إن بلاده مستعدة لاستضافة جولة جديدة من المحادثات.")
    assert a.title == ""
    assert a.text == a.paragraphs[0]
    assert "a single line: read as the body, with no title" in a.warnings


def test_title_only_is_refused() -> None:
    with pytest.raises(IngestError, match=r"^<text>: no article text found \(only a title\)"):
        read_one("عنوان بلا نص\n\n+ الخط -\nشارك\n")


def test_crlf_and_nbsp_and_bidi_marks_are_tidied() -> None:
    a = read_one(
        "\u200fعنوان\u00a0الخبر القصير\r\n\r\nقال المتحدث باسم الوزارة\u00a0إن\u200f الاجتماع سيعقد الأسبوع المقبل في عمان.\r\n"
    )
    assert a.title == "عنوان الخبر القصير"
    assert a.paragraphs == ("قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في عمان.",)


BBC_STYLE = """\
مظاهرات في بغداد احتجاجاً على انقطاع الكهرباء - بي بي سي نيوز عربي
مظاهرات في بغداد احتجاجاً على انقطاع الكهرباء

منذ 3 ساعات
صدر الصورة، Getty Images
التعليق على الصورة، متظاهرون يغلقون طريقاً رئيسياً في حي الكرادة

خرج مئات المتظاهرين إلى شوارع العاصمة العراقية بغداد، مساء الأحد، احتجاجاً على الانقطاع المتكرر للتيار الكهربائي مع تجاوز درجات الحرارة خمسين درجة مئوية.

وقال أحد المحتجين لبي بي سي إن "الناس لم تعد تحتمل".

التعليقات
سامر: هذا الوضع مستمر منذ سنوات طويلة ولا أحد يحاسب المسؤولين عن الفساد في وزارة الكهرباء.
"""


def test_caption_and_credit_on_their_own_lines_and_a_comments_tail() -> None:
    a = read_one(BBC_STYLE)
    assert a.title == "مظاهرات في بغداد احتجاجاً على انقطاع الكهرباء"  # the site suffix is dropped
    assert a.caption == "متظاهرون يغلقون طريقاً رئيسياً في حي الكرادة"
    assert (a.photo_credit.photographer, a.photo_credit.agency) == (None, "Getty Images")
    assert len(a.paragraphs) == 2  # readers' comments are not the article
    assert a.paragraphs[1] == 'وقال أحد المحتجين لبي بي سي إن "الناس لم تعد تحتمل".'


def test_site_label_before_a_repeated_title() -> None:
    a = read_one(
        "صحيفة الوادي\nسياسة\nالبرلمان الليبي يقر قانون الانتخابات بالأغلبية\n\n"
        "البرلمان الليبي يقر قانون الانتخابات بالأغلبية\n\n"
        "أقر مجلس النواب الليبي، الاثنين، قانون الانتخابات الرئاسية والبرلمانية بأغلبية الأعضاء الحاضرين في جلسة عقدت في بنغازي."
    )
    assert a.title == "البرلمان الليبي يقر قانون الانتخابات بالأغلبية"
    assert len(a.paragraphs) == 1 and a.paragraphs[0].startswith("أقر مجلس النواب")


def test_a_doubled_first_paragraph_is_not_taken_for_the_title() -> None:
    """Scraped headlines repeat (page <title> and <h1>); a repeated sentence is a doubled paragraph."""
    title = "أمطار غزيرة على عسير"
    para = "توقعت الهيئة العامة للأرصاد هطول أمطار غزيرة على منطقة عسير اليوم."
    a = read_one(f"{title}\n\n{para}\n\n{para}\n")
    assert a.title == title
    assert a.paragraphs == (para, para)
