"""HTML pages (trafilatura plus page hints) and HTML fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ingest.reading import read_one

from khabar.errors import IngestError
from khabar.ingest.html import fragment_paragraphs


def test_beirut_page(examples: Path) -> None:
    a = read_one(examples / "beirut-electricity-2025-10-14.html")
    assert a.format == "html"
    assert a.title == "وزير الطاقة اللبناني: خطة لرفع التغذية بالكهرباء إلى 16 ساعة يومياً قبل نهاية العام"
    assert a.published == "2025-10-14T11:20:00+03:00"
    assert a.outlet == "صدى المشرق"
    assert a.byline == "سارة منصور"
    assert a.url == "https://sada-almashreq.example/economy/2025/10/14/lebanon-electricity-plan"
    assert (
        a.description
        == "الحكومة اللبنانية تقر خطة طارئة لرفع ساعات التغذية بالتيار الكهربائي بكلفة 450 مليون دولار."
    )
    assert a.caption == "عمال صيانة في معمل دير عمار لتوليد الكهرباء شمالي لبنان"
    assert (a.photo_credit.photographer, a.photo_credit.agency) == ("جاد الحلبي", "الأناضول")
    assert len(a.paragraphs) == 5
    assert a.paragraphs[0].startswith("أعلن وزير الطاقة والمياه اللبناني")
    assert a.paragraphs[-1].endswith("بنسبة 35%.")
    text = a.text
    for furniture in ("الأكثر قراءة", "جميع الحقوق", "اقرأ أيضاً", "فيسبوك", "منتخب لبنان", "+ الخط -"):
        assert furniture not in text


def test_page_and_scraped_text_give_the_same_body(examples: Path) -> None:
    page = read_one(examples / "beirut-electricity-2025-10-14.html")
    text = read_one(examples / "beirut-electricity-2025-10-14.txt")
    assert page.paragraphs == text.paragraphs
    assert page.id == text.id


def test_credit_in_its_own_element(examples: Path) -> None:
    a = read_one(examples / "cairo-nile-talks-2024-06-19.html")
    assert a.caption == "جانب من الاجتماع الثنائي في مقر وزارة الخارجية المصرية بالقاهرة"
    assert (a.photo_credit.photographer, a.photo_credit.agency) == ("أحمد جمال", "رويترز")
    assert a.published == "2024-06-19"
    assert a.outlet == "النيل اليوم"
    assert len(a.paragraphs) == 4


def test_json_ld_date_and_photo_marker(examples: Path) -> None:
    a = read_one(examples / "jerash-festival-2025-08-03.html")
    assert a.published == "2025-08-03T21:15:00+03:00"
    assert a.byline == "رامي العزة"
    assert (a.photo_credit.photographer, a.photo_credit.agency) == ("يزن الخطيب", None)
    assert a.paragraphs[0].startswith("اختتم مهرجان جرش")  # the dateline label is not a paragraph
    assert len(a.paragraphs) == 4


def test_truncated_page_still_yields_what_it_has(examples: Path, tmp_path: Path) -> None:
    page = (examples / "beirut-electricity-2025-10-14.html").read_text(encoding="utf-8")
    cut = page[: page.index("وأوضح الوزير") + 40]
    path = tmp_path / "cut.html"
    path.write_text(cut, encoding="utf-8")
    a = read_one(path)
    assert a.title.startswith("وزير الطاقة اللبناني")
    assert a.paragraphs[0].startswith("أعلن وزير الطاقة")
    assert a.paragraphs[-1].startswith("وأوضح الوزير أن كلفة")


def test_page_without_article(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>الرئيسية</title></head><body><nav><a href='/'>الرئيسية</a>"
        "<a href='/s'>رياضة</a></nav><ul><li><a href='/1'>خبر أول</a></li><li><a href='/2'>خبر ثان</a></li></ul>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(IngestError, match=r"index\.html: no article text found in the HTML page"):
        read_one(path)


def test_meta_charset_windows_1256(examples: Path, tmp_path: Path) -> None:
    page = (examples / "jerash-festival-2025-08-03.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">').replace("عمّان", "عمان")
    path = tmp_path / "cp1256.html"
    path.write_bytes(page.encode("cp1256"))
    a = read_one(path)
    assert a.title == "مهرجان جرش يختتم دورته بحضور قياسي تجاوز 120 ألف زائر"
    assert a.outlet == "شرفات عمان"


def test_fragment_paragraphs() -> None:
    paragraphs, caption = fragment_paragraphs(
        "<p>الفقرة الأولى من الخبر.</p><figure><img src='a.jpg'><figcaption>مشهد عام للمدينة (رويترز)</figcaption>"
        "</figure><div>الفقرة الثانية<br>والسطر الثالث</div><script>var x = 1;</script>"
    )
    assert paragraphs == ["الفقرة الأولى من الخبر.", "الفقرة الثانية", "والسطر الثالث"]
    assert caption is not None and caption.text == "مشهد عام للمدينة" and caption.credit.agency == "رويترز"


def test_visible_date_line_when_no_metadata_dates_the_page(examples: Path) -> None:
    import re

    page = (examples / "jerash-festival-2025-08-03.html").read_text(encoding="utf-8")
    page = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.S)
    assert read_one(page).published == "2025-08-03"  # from "عمّان - رامي العزة | 3 آب 2025"
    page = (examples / "beirut-electricity-2025-10-14.html").read_text(encoding="utf-8")
    page = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.S)
    page = re.sub(r'<meta property="article:published_time"[^>]*>|\sdatetime="[^"]*"', "", page)
    assert read_one(page).published == "2025-10-14"  # from <time>الثلاثاء 14 تشرين الأول 2025</time>


@pytest.mark.parametrize("junk", ["&#11;", "&#x0B;", "&#8;", "&#xFFFE;", "\uffff", "\x0b"])
def test_characters_xml_cannot_hold_do_not_lose_the_page(junk: str) -> None:
    """One vertical tab pasted from Word used to make the extractor find no text at all."""
    para = "أطلقت الإمارات، فجر الجمعة، قمراً صناعياً جديداً لرصد التغيرات المناخية في المنطقة العربية."
    more = (
        "وقالت وكالة الفضاء الإماراتية إن القمر سيرسل أولى صوره بعد أسبوعين من وصوله إلى مداره.",
        "ويعد هذا القمر الثالث الذي تطلقه الدولة خلال العامين الماضيين ضمن برنامجها الفضائي.",
    )
    page = (
        "<html><head><title>قمر صناعي جديد</title></head><body><article><h1>قمر صناعي جديد</h1>"
        f"<p>{para.replace('الجمعة', 'الجمعة' + junk)}</p><p>{more[0]}</p><p>{more[1]}</p></article></body></html>"
    )
    a = read_one(page)
    assert a.paragraphs == (para, *more)
    # Printable characters written as references are still read.
    assert "فجر A" in read_one(page.replace(junk, "").replace("فجر", "فجر &#65;", 1)).text
