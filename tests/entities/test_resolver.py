"""The resolver's decisions, one function at a time."""

from __future__ import annotations

from khabar.entities.resolver import (
    EntityState,
    Office,
    choose_antecedent,
    compatible,
    name_matches,
    name_tokens,
    narrower_office,
    org_matches,
    same_office,
)
from khabar.entities.titles import Role
from khabar.text.normalize import normalize


def n(text: str) -> str:
    return normalize(text)


def person(index: int, *, names: tuple[str, ...] = (), offices: tuple[Office, ...] = (), **kw) -> EntityState:  # type: ignore[no-untyped-def]
    return EntityState(
        index=index, type="PERSON", names=tuple(name_tokens(x) for x in names), offices=offices, **kw
    )


def title(text: str, head: str, *, country: str | None = None, gender: str = "m", cls: str = "office",
          complement: tuple[str, ...] = (), flags: frozenset[str] = frozenset()) -> Role:  # fmt: skip
    return Role(0, len(text), text, n(head), complement, gender, country, cls, flags)


PRESIDENT = Office(n("رئيس"), flags=frozenset({"distinct"}))
PM = Office(n("رئيس"), (n("وزراء"),), frozenset({"distinct"}))
ADVISER_TO_VP = Office(n("مستشار"), (n("نائب"), n("رئيس")))
FOREIGN_MINISTER = Office(n("وزير"), ("خارجية",))


def test_surname_and_family_name_match_the_full_name() -> None:
    amirbayov = person(0, names=("أيلتشين أمير بايوف",))
    assert name_matches(name_tokens("أمير بايوف"), amirbayov)
    assert name_matches(name_tokens("بايوف"), amirbayov)
    assert not name_matches(name_tokens("أيلتشين"), amirbayov)  # a given name alone
    mbs = person(1, names=("محمد بن سلمان بن عبدالعزيز",))
    assert name_matches(name_tokens("محمد بن سلمان"), mbs)
    assert not name_matches(name_tokens("بن"), mbs)
    assert not name_matches(name_tokens("محمد بن نايف"), mbs)


def test_a_longer_name_matches_an_earlier_surname() -> None:
    assert name_matches(name_tokens("رؤوفين ريفلين"), person(0, names=("ريفلين",)))


def test_same_office() -> None:
    assert same_office(Office(n("مستشار")), ADVISER_TO_VP)  # "المستشار" for the VP's adviser
    assert same_office(Office(n("وزير")), FOREIGN_MINISTER)  # "الوزير" for the foreign minister
    assert not same_office(PRESIDENT, PM)  # "الرئيس" is not the prime minister
    assert same_office(Office(n("مسؤول"), generic=True), PM)
    assert not same_office(FOREIGN_MINISTER, Office(n("سفير")))


def test_compatible_checks_nationality_and_gender() -> None:
    adviser = person(0, offices=(ADVISER_TO_VP,), country="AZ", gender="m")
    assert compatible(title("المستشار الأذري", "مستشار", country="AZ"), adviser)
    assert not compatible(title("المستشار الأرميني", "مستشار", country="AM"), adviser)
    assert not compatible(title("المستشارة الأذرية", "مستشار", country="AZ", gender="f"), adviser)
    assert not compatible(title("السفير الأذري", "سفير", country="AZ"), adviser)
    place = EntityState(index=1, type="LOC", country="AZ")
    assert not compatible(title("المستشار الأذري", "مستشار", country="AZ"), place)


def test_counterpart_is_the_subjects_office_in_the_other_country() -> None:
    rivlin = person(0, names=("رؤوفين ريفلين",), offices=(PRESIDENT,), country="IL", last=100)
    armenian = person(1, offices=(PRESIDENT,), country="AM", last=200)
    armenian_pm = person(2, offices=(PM,), country="AM", last=300)
    ref = title("نظيره الأرميني", "نظير", country="AM", cls="counterpart")
    assert compatible(ref, armenian, subject=rivlin)
    assert not compatible(ref, armenian_pm, subject=rivlin)
    assert not compatible(ref, rivlin, subject=rivlin)
    assert not compatible(ref, armenian)  # no subject, no counterpart
    back = title("نظيره الإسرائيلي", "نظير", country="IL", cls="counterpart")
    assert choose_antecedent(back, [rivlin, armenian, armenian_pm], subject=armenian) == rivlin


def test_choose_the_most_recent_compatible_entity() -> None:
    first = person(0, offices=(FOREIGN_MINISTER,), country="SA", last=50)
    second = person(1, offices=(FOREIGN_MINISTER,), country="US", last=300)
    ref = title("الوزير", "وزير")
    assert choose_antecedent(ref, [first, second]) == second
    saudi = title("الوزير السعودي", "وزير", country="SA")
    assert choose_antecedent(saudi, [first, second]) == first
    assert choose_antecedent(title("السفير", "سفير"), [first, second]) is None


ENERGY = Office(n("وزير"), ("طاقة",))
ENERGY_WATER = Office(n("وزير"), ("طاقة", "مياه"))
ENERGY_MINING = Office(n("وزير"), ("طاقة", "تعدين"))


def test_a_shortened_title_is_a_narrower_office() -> None:
    assert narrower_office(ENERGY, ENERGY_WATER)  # "وزير الطاقة" for "وزير الطاقة والمياه"
    assert not narrower_office(ENERGY_WATER, ENERGY)  # not the other way round
    assert not narrower_office(ENERGY, ENERGY)  # equal offices are same_office's business
    assert not narrower_office(Office(n("وزير")), ENERGY)  # a bare title is same_office's too
    assert not narrower_office(ENERGY, Office(n("سفير"), ("طاقة", "مياه")))
    # "رئيس الوزراء" shortens "رئيس مجلس الوزراء" (its words in order, one skipped)
    assert narrower_office(PM, Office(n("رئيس"), (n("مجلس"), n("وزراء")), frozenset({"distinct"})))
    # "نائب الرئيس" (the vice-president) is not "نائب رئيس الوزراء"
    vice_president = Office(n("نائب"), (n("رئيس"),))
    assert not narrower_office(vice_president, Office(n("نائب"), (n("رئيس"), n("وزراء"))))
    deputy_pm = Office(n("نائب"), (n("رئيس"), n("وزراء")))
    assert narrower_office(deputy_pm, Office(n("نائب"), (n("رئيس"), n("مجلس"), n("وزراء"))))


def test_a_shortened_title_refers_only_to_a_unique_entity() -> None:
    lebanese = person(0, offices=(ENERGY_WATER,), country="LB", last=100)
    jordanian = person(1, offices=(ENERGY_MINING,), country="JO", last=200)
    ref = title("وزير الطاقة اللبناني", "وزير", country="LB", complement=("طاقة",))
    assert not compatible(ref, lebanese)
    assert compatible(ref, lebanese, narrower=True)
    assert not compatible(ref, jordanian, narrower=True)  # the nationality contradicts
    assert choose_antecedent(ref, [lebanese, jordanian]) == lebanese
    # Without a nationality both ministers fit: ambiguous, neither is chosen.
    bare = title("وزير الطاقة", "وزير", complement=("طاقة",))
    assert choose_antecedent(bare, [lebanese, jordanian]) is None
    assert choose_antecedent(bare, [lebanese]) == lebanese
    # An exact office still wins by recency over a shortened one.
    energy = person(2, offices=(ENERGY,), country="LB", last=50)
    assert choose_antecedent(ref, [lebanese, energy]) == energy


def test_organization_names() -> None:
    assert org_matches(("سلطه", "فلسطينيه"), [("سلطه", "وطنيه", "فلسطينيه")])
    assert org_matches(("لوكهيد",), [("لوكهيد", "مارتن")])
    assert not org_matches(("مجلس", "امن"), [("مجلس", "وزراء")])


def test_a_name_after_bin_is_the_fathers() -> None:
    king = person(0, names=("سلمان بن عبدالعزيز",))
    assert not name_matches(name_tokens("محمد بن سلمان بن عبدالعزيز"), king)  # his son
    assert not name_matches(name_tokens("عبدالعزيز"), person(1, names=("خالد بن عبدالعزيز",)))
    assert name_matches(name_tokens("بن لادن"), person(2, names=("أسامة بن لادن",)))
    assert name_matches(name_tokens("سلمان بن عبدالعزيز آل سعود"), king)
