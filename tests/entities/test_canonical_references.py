"""The entities stage end to end: references that need what the title table knows about an office."""

from __future__ import annotations

from .test_canonical import entity, forms, run


def test_the_saudi_kings_title_alone_joins_the_king_named_earlier() -> None:
    a = run(
        "السعودية وباكستان تبحثان تعزيز العلاقات",
        [
            "استقبل الملك سلمان بن عبدالعزيز في الرياض أمس رئيس الوزراء الباكستاني نواز شريف.",
            "وأكد خادم الحرمين الشريفين خلال اللقاء حرص المملكة على تعزيز العلاقات.",
        ],
        [("سلمان بن عبدالعزيز", "PERSON"), ("الرياض", "LOC"), ("نواز شريف", "PERSON")],
    )
    king = entity(a, "سلمان بن عبدالعزيز")
    assert forms(king) == [
        ("سلمان بن عبدالعزيز", "name"),
        ("خادم الحرمين الشريفين", "title"),
    ]
    assert king.country is not None and king.country.code == "SA"
    assert "خادم الحرمين الشريفين" not in [e.canonical for e in a.entities or ()]


def test_a_king_named_after_the_title_joins_the_title() -> None:
    a = run(
        "خادم الحرمين الشريفين يطلق مبادرة للإسكان",
        ["أطلق الملك سلمان بن عبدالعزيز أمس مبادرة جديدة للإسكان في جدة."],
        [("سلمان بن عبدالعزيز", "PERSON"), ("جدة", "LOC")],
    )
    assert forms(entity(a, "سلمان بن عبدالعزيز")) == [
        ("خادم الحرمين الشريفين", "title"),
        ("سلمان بن عبدالعزيز", "name"),
    ]


def test_the_title_of_one_country_does_not_join_another_countrys_king() -> None:
    a = run(
        "العاهل الأردني في جدة",
        [
            "وصل العاهل الأردني الملك عبدالله الثاني إلى جدة أمس.",
            "وأكد خادم الحرمين الشريفين دعم المملكة للأردن.",
            "وقال العاهل الأردني إن العلاقات متينة.",
        ],
        [("عبدالله الثاني", "PERSON"), ("جدة", "LOC"), ("الأردن", "LOC")],
    )
    jordan = entity(a, "عبدالله الثاني")
    assert [m.text for m in jordan.mentions if m.kind == "title"] == ["العاهل الأردني", "العاهل الأردني"]
    assert forms(entity(a, "خادم الحرمين الشريفين")) == [("خادم الحرمين الشريفين", "title")]


def test_a_monarch_is_a_king() -> None:
    a = run(
        "زيارة رسمية إلى مصر",
        ["وصل الملك سلمان بن عبدالعزيز إلى القاهرة أمس.", "وقال العاهل السعودي إن العلاقات متينة."],
        [("سلمان بن عبدالعزيز", "PERSON"), ("القاهرة", "LOC")],
    )
    assert forms(entity(a, "سلمان بن عبدالعزيز")) == [
        ("سلمان بن عبدالعزيز", "name"),
        ("العاهل السعودي", "title"),
    ]


def test_a_bare_city_form_before_a_definite_noun_is_a_construct_name() -> None:
    from khabar.entities import corrections
    from khabar.model import Mention
    from khabar.text.tokenize import tokenize

    text = "قال محافظ رياض الخبراء إن الأمطار غمرت رياض المهندس ووصل الوفد إلى رياض الخميس، ثم إلى الرياض"

    def at(surface: str, nth: int = 0) -> Mention:
        i = -1
        for _ in range(nth + 1):
            i = text.index(surface, i + 1)
        return Mention(i, i + len(surface), surface, "LOC")

    tagged = [at("رياض"), at("رياض", 1), at("رياض", 2), at("الرياض")]
    fixed = corrections.correct_types(tagged, tokenize(text), text)
    assert [(m.text, m.type, m.start) for m in fixed] == [
        ("رياض الخبراء", "LOC", 10),  # a town, not Riyadh
        ("رياض", "LOC", 39),  # a title follows: not part of the name
        ("رياض", "LOC", 67),  # nor is a weekday
        ("الرياض", "LOC", 87),
    ]


def test_the_son_named_after_his_father_is_another_person() -> None:
    a = run(
        "زيارة رسمية",
        [
            "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز أمس الوفد بحضور "
            "ولي ولي العهد الأمير محمد بن سلمان بن عبدالعزيز.",
            "وأكد خادم الحرمين الشريفين دعم المملكة.",
        ],
        [("سلمان بن عبدالعزيز", "PERSON"), ("محمد بن سلمان بن عبدالعزيز", "PERSON")],
    )
    assert forms(entity(a, "سلمان بن عبدالعزيز")) == [
        ("سلمان بن عبدالعزيز", "name"),
        ("خادم الحرمين الشريفين", "title"),
    ]
    prince = entity(a, "محمد بن سلمان بن عبدالعزيز")
    assert forms(prince) == [("محمد بن سلمان بن عبدالعزيز", "name")]
    assert prince.role == "ولي ولي العهد"


def test_a_demonstrative_ends_a_title_phrase() -> None:
    a = run(
        "تهنئة بالعيد",
        [
            "ورفع الوزير التهاني بهذه المناسبة لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، وولي العهد.",
            "وأكد خادم الحرمين الشريفين دعمه.",
        ],
        [("سلمان بن عبدالعزيز", "PERSON")],
    )
    king = entity(a, "سلمان بن عبدالعزيز")
    assert king.role == "خادم الحرمين الشريفين"  # not "الوزير التهاني بهذه المناسبة لخادم ..."
    assert forms(king) == [("سلمان بن عبدالعزيز", "name"), ("خادم الحرمين الشريفين", "title")]
