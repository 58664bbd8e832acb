"""Institutions named by a designator noun (khabar.entities.institutions), on sentences written for these tests."""

from __future__ import annotations

from khabar.entities import institutions
from khabar.model import Mention
from khabar.text.tokenize import tokenize


def names(text: str, tagged: list[Mention] | None = None) -> list[tuple[str, str]]:
    found = institutions.find(tokenize(text))
    return [(m.text, m.type) for m in institutions.merge(found, tagged or [], text)]


def test_ministries_authorities_and_their_long_names() -> None:
    assert names("وأكدت وزارة الصحة أن الوضع مستقر") == [("وزارة الصحة", "ORG")]
    assert names("وقال متحدث باسم وزارة الشؤون الإسلامية والدعوة والإرشاد إن") == [
        ("وزارة الشؤون الإسلامية والدعوة والإرشاد", "ORG")
    ]
    assert names("وأوضحت المديرية العامة للجوازات أن المهلة انتهت") == [("المديرية العامة للجوازات", "ORG")]
    assert names("وبحسب الهيئة السعودية للتخصصات الصحية فإن") == [("الهيئة السعودية للتخصصات الصحية", "ORG")]


def test_clitics_stay_out_and_references_are_not_names() -> None:
    assert names("وأعلنت لوزارة الصحة") == [("وزارة الصحة", "ORG")]
    assert names("وقررت الوزارة الجديدة تأجيل القرار") == []  # a reference, not a name
    assert names("تلقت غرفة العمليات بلاغا") == []  # a room, not a chamber


def test_a_name_the_tagger_cut_is_joined_and_one_inside_is_replaced() -> None:
    text = "أعلنت جامعة الملك سعود عن برنامج، وقالت بلدية الطائف إن الطرق سالكة"
    king = text.index("جامعة الملك")
    saud = text.index("سعود")
    taif = text.index("الطائف")
    tagged = [
        Mention(king, king + len("جامعة الملك"), "جامعة الملك", "ORG"),
        Mention(saud, saud + len("سعود"), "سعود", "PERSON"),
        Mention(taif, taif + len("الطائف"), "الطائف", "LOC"),
    ]
    assert names(text, tagged) == [("جامعة الملك سعود", "ORG"), ("بلدية الطائف", "ORG")]


def test_a_mention_crossing_the_edge_keeps_the_taggers_reading() -> None:
    text = "وقال رئيس هيئة الرياضة خالد العلي إن"
    start = text.index("الرياضة")
    tagged = [Mention(start, start + len("الرياضة خالد"), "الرياضة خالد", "PERSON")]
    assert names(text, tagged) == [("الرياضة خالد", "PERSON")]
