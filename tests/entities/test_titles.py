"""Title words, appositive roles before names, and title phrases standing for a person."""

from __future__ import annotations

import pytest

from khabar.entities.titles import phrase_at, role_before, title_at
from khabar.text.normalize import normalize

from .helpers import index_of, words_of


def test_title_word_after_clitic() -> None:
    hit = title_at(["ووزير", "الخارجية"], 0)
    assert hit is not None
    assert (hit.entry.lemma, hit.prefix, hit.definite, hit.gender) == ("وزير", 1, False, "m")


def test_feminine_and_possessive_titles() -> None:
    fem = title_at(["نائبة"], 0)
    assert fem is not None and (fem.entry.lemma, fem.gender) == (normalize("نائب"), "f")
    counterpart = title_at(["نظيره"], 0)
    assert counterpart is not None
    assert (counterpart.entry.cls, counterpart.possessive, counterpart.definite) == (
        "counterpart",
        True,
        True,
    )
    her = title_at(["نظيرته"], 0)
    assert her is not None and (her.gender, her.possessive) == ("f", True)


def test_fixed_titles_of_several_words() -> None:
    crown = title_at(["ولي", "العهد", "السعودي"], 0)
    assert crown is not None and (crown.n, crown.definite) == (2, True)
    deputy = title_at(["ولي", "ولي", "العهد"], 0)
    assert deputy is not None and deputy.n == 3
    sg = title_at(["الأمين", "العام"], 0)
    assert sg is not None and sg.entry.lemma == normalize("أمين عام")
    assert title_at(["أمين", "بايوف"], 0) is None  # a given name, not "أمين عام"


def _role(text: str, spec: list[tuple[str, str]], name: str):  # type: ignore[no-untyped-def]
    words = words_of(text, spec)
    return role_before(words, index_of(words, name), text)


def test_role_with_country_by_genitive() -> None:
    text = "صرّح مستشار نائبة رئيس كازاخستان نور بيك سلطانوف بأن التعاون مستمر"
    role = _role(text, [("كازاخستان", "LOC"), ("نور بيك سلطانوف", "PERSON")], "نور")
    assert role is not None
    assert (role.text, role.start, role.end) == ("مستشار نائبة رئيس كازاخستان", 5, 32)
    assert (role.head, role.country, role.gender) == (normalize("مستشار"), "KZ", "m")
    assert role.complement == (normalize("نائب"), normalize("رئيس"))


def test_role_country_is_not_the_host_country() -> None:
    text = "وكان السفير الأرميني لدى إسرائيل أرمان سمبتيان أعلن ذلك"
    role = _role(text, [("إسرائيل", "LOC"), ("أرمان سمبتيان", "PERSON")], "أرمان")
    assert role is not None
    assert (role.text, role.country) == ("السفير الأرميني لدى إسرائيل", "AM")


def test_counterpart_in_apposition_after_comma() -> None:
    text = "وأبلغ ريفلين نظيره الأرميني، أرمان سركيسيان أسفه"
    role = _role(text, [("ريفلين", "PERSON"), ("أرمان سركيسيان", "PERSON")], "أرمان")
    assert role is not None
    assert (role.text, role.counterpart, role.country) == ("نظيره الأرميني", True, "AM")


def test_role_stops_at_another_person() -> None:
    text = "التقى الرئيس الأمريكي باراك أوباما وزير الخارجية السعودي عادل الجبير"
    role = _role(text, [("باراك أوباما", "PERSON"), ("عادل الجبير", "PERSON")], "عادل")
    assert role is not None
    assert (role.text, role.country) == ("وزير الخارجية السعودي", "SA")


def test_courtesy_titles_are_dropped_from_the_role() -> None:
    text = "وحضر ولي العهد الأمير محمد بن نايف الاجتماع"
    role = _role(text, [("محمد بن نايف", "PERSON")], "محمد")
    assert role is not None
    assert (role.text, role.also) == ("ولي العهد", (normalize("أمير"),))
    text = "استنكر معالي الأمين العام لمجلس التعاون الدكتور عبداللطيف الزياني التصريحات"
    role = _role(text, [("مجلس التعاون", "ORG"), ("عبداللطيف الزياني", "PERSON")], "عبداللطيف")
    assert role is not None and role.text == "الأمين العام لمجلس التعاون"


def test_no_role_across_a_conjunction() -> None:
    text = "بحضور سامي العلي رئيس النادي، وأمين عام النادي، وخالد الفهد مسؤول الاحتراف"
    spec = [("سامي العلي", "PERSON"), ("خالد الفهد", "PERSON")]
    assert _role(text, spec, "وخالد") is None
    role = _role("بحضور رئيس النادي، خالد الفهد", [("خالد الفهد", "PERSON")], "خالد")
    assert role is not None and role.text == "رئيس النادي"


def test_role_ends_before_a_quote_opening_the_name() -> None:
    text = "وأدت الممثلة “ليلى سالم” الدور الرئيسي"
    role = _role(text, [("ليلى سالم", "PERSON")], "ليلى")
    assert role is not None and role.text == "الممثلة"


def test_no_role_from_honorifics_alone() -> None:
    text = "وصل الدكتور خالد العتيبي إلى الرياض"
    assert _role(text, [("خالد العتيبي", "PERSON"), ("الرياض", "LOC")], "خالد") is None


def test_a_bare_title_governing_the_name_is_not_its_role() -> None:
    # "محامي كارلوس" is Carlos's lawyer, not Carlos; "مستشار سامر" is Samer's adviser.
    text = "وقال خوان بيريز محامي كارلوس غارسيا إن موكله بريء"
    spec = [("خوان بيريز", "PERSON"), ("كارلوس غارسيا", "PERSON")]
    assert _role(text, spec, "كارلوس") is None
    assert _role("وقال مستشار سامر حداد للشؤون المالية إن", [("سامر حداد", "PERSON")], "سامر") is None
    # With the article or a complement the title stands in apposition: the name's role.
    role = _role("وقال المحامي كارلوس غارسيا إن موكله بريء", [("كارلوس غارسيا", "PERSON")], "كارلوس")
    assert role is not None and role.text == "المحامي"
    role = _role("وقال وزير الخارجية جون كيري إن", [("جون كيري", "PERSON")], "جون")
    assert role is not None and role.text == "وزير الخارجية"


def _phrase(text: str, word: str, spec: list[tuple[str, str]] | None = None):  # type: ignore[no-untyped-def]
    words = words_of(text, spec or [])
    found = phrase_at(words, index_of(words, word), text)
    return found[0] if found else None


def test_title_phrase_ends_at_its_adjectives() -> None:
    role = _phrase("ورفض المستشار الأذري الالتزام بذلك", "المستشار")
    assert role is not None
    assert (role.text, role.country, role.definite) == ("المستشار الأذري", "AZ", True)


def test_title_phrase_takes_relational_adjectives() -> None:
    role = _phrase("ورأى الخبير الاقتصادي اللبناني أن الخطة واقعية", "الخبير")
    assert role is not None
    assert (role.text, role.complement, role.country) == ("الخبير الاقتصادي اللبناني", ("اقتصادي",), "LB")
    role = _phrase("وقالت المحللة السياسية إن الحكومة ضعيفة", "المحللة")
    assert role is not None and role.text == "المحللة السياسية"
    # Not the next phrase after a clitic, nor a word of the other gender.
    role = _phrase("وقال الخبير والاقتصادي إن", "الخبير")
    assert role is not None and role.text == "الخبير"
    role = _phrase("وقالت المحللة الاقتصادي", "المحللة")
    assert role is not None and role.text == "المحللة"


def test_title_phrase_on_behalf_of() -> None:
    role = _phrase("وقال الناطق باسمها إن الحركة ترفض ذلك", "الناطق")
    assert role is not None and (role.text, role.complement) == ("الناطق باسمها", ())
    role = _phrase("وقال المتحدث باسم وزارة الخارجية الأردنية إن", "المتحدث")
    assert role is not None
    assert (role.text, role.country) == ("المتحدث باسم وزارة الخارجية الأردنية", "JO")
    role = _phrase("وقال المتحدث باسم حماس إن", "المتحدث", [("حماس", "ORG")])
    assert role is not None and role.text == "المتحدث باسم حماس"


def test_construct_title_phrase() -> None:
    role = _phrase("وأكد وزير الخارجية السعودي أن المملكة", "وزير")
    assert role is not None
    assert (role.text, role.complement, role.country) == ("وزير الخارجية السعودي", ("خارجية",), "SA")


def test_generic_title_needs_a_nationality() -> None:
    role = _phrase("قال مسؤول أذري إن بلاده", "مسؤول")
    assert role is not None and (role.text, role.definite, role.country) == ("مسؤول أذري", False, "AZ")
    assert _phrase("قال مسؤول إن بلاده", "مسؤول") is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وقف أمام القضاء أمس", "أمام"),  # the preposition, not "إمام"
        ("إن الرئيس الذي يبيع وطنه لا يستحق", "الرئيس"),  # a description, not a reference
        ("وقال متحدث باسم الخارجية إن", "متحدث"),  # indefinite
        ("وصل الفريق إلى الملعب", "الفريق"),  # a team, not the rank
    ],
)
def test_not_a_title_mention(text: str, word: str) -> None:
    assert _phrase(text, word) is None


def test_amam_before_is_not_imam() -> None:
    assert title_at(["أمام", "الجمهور"], 0) is None
    hit = title_at(["وإمام", "المسجد"], 0)
    assert hit is not None and hit.entry.lemma == normalize("إمام")
    assert title_at(["امام", "المسجد"], 0) is not None  # written without hamza: either reading


def test_a_clause_is_no_title_phrase() -> None:
    text = "سأسعى للفوز أمام جماهيري غدا لكن لدي إشكالية بسبب مرض عبدالله الزوري"
    assert _role(text, [("عبدالله الزوري", "PERSON")], "عبدالله") is None
    text = "قال إمام المسجد الحرام لكن الشيخ سعود الشريم رفض"
    assert _role(text, [("سعود الشريم", "PERSON")], "سعود") is None
