"""The entities stage end to end on news-style text, with the names a tagger would find."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.entities import canonical, corrections
from khabar.model import Analysis, Article, Entity, Mention, PhotoCredit
from khabar.options import Options
from khabar.text import layer
from khabar.text.normalize import normalize

from .helpers import names_in


def run(
    title: str, body: list[str], spec: list[tuple[str, str]], credit: PhotoCredit | None = None
) -> Analysis:
    text = title + "\n\n" + "\n\n".join(body)
    article = Article(
        id="t", title=title, paragraphs=tuple(body), text=text, photo_credit=credit or PhotoCredit()
    )
    base = layer.annotate(Analysis(article=article), Options())
    base = Analysis(
        article=article, tokens=base.tokens, sentences=base.sentences, mentions=tuple(names_in(text, spec))
    )
    return canonical.annotate(base, Options())


def entity(a: Analysis, canonical_name: str) -> Entity:
    found = [e for e in a.entities or () if e.canonical == canonical_name]
    assert len(found) == 1, [e.canonical for e in a.entities or ()]
    return found[0]


def forms(e: Entity) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in e.mentions]


MEETING = run(
    "وزير الخارجية الأمريكي يلتقي نظيره الروسي في جنيف",
    [
        "التقى وزير الخارجية الأمريكي جون كيري في جنيف أمس نظيره الروسي، سيرغي لافروف، وبحثا الأزمة السورية.",
        "وقال كيري إن الدعم الإيراني للنظام يطيل الحرب، فيما أكد الوزير الروسي أن موسكو لن تتخلى عن حلفائها.",
        "ونقلت وكالة فرانس برس عن مسؤول أوروبي أن الاجتماع المقبل سيعقد في السعودية.",
    ],
    [
        ("جون كيري", "PERSON"),
        ("كيري", "PERSON"),
        ("سيرغي لافروف", "PERSON"),
        ("جنيف", "LOC"),
        ("موسكو", "LOC"),
        ("فرانس برس", "ORG"),
    ],
    PhotoCredit(photographer="فابريس كوفريني", agency="أ ف ب"),
)


def test_person_with_headline_title_name_and_surname() -> None:
    kerry = entity(MEETING, "جون كيري")
    assert forms(kerry) == [("وزير الخارجية الأمريكي", "title"), ("جون كيري", "name"), ("كيري", "name")]
    assert [(m.start, m.end) for m in kerry.mentions] == [(0, 22), (80, 88), (157, 161)]
    assert (kerry.type, kerry.role, kerry.latin) == ("PERSON", "وزير الخارجية الأمريكي", "John Kerry")
    assert kerry.country is not None and kerry.country.code == "US"


def test_counterpart_and_later_title_join_the_named_person() -> None:
    lavrov = entity(MEETING, "سيرغي لافروف")
    assert forms(lavrov) == [("نظيره الروسي", "title"), ("سيرغي لافروف", "name"), ("الوزير الروسي", "title")]
    assert lavrov.country is not None and lavrov.country.code == "RU"


def test_countries_named_only_by_adjectives_are_entities() -> None:
    syria = entity(MEETING, "سوريا")
    assert (syria.type, forms(syria)) == ("LOC", [("السورية", "nisba")])
    assert syria.country is not None and syria.country.code == "SY"
    assert entity(MEETING, "إيران").latin == "Iran"
    assert len(entity(MEETING, "روسيا").mentions) == 3


def test_places_and_agencies_get_exonyms() -> None:
    assert entity(MEETING, "جنيف").latin == "Geneva"
    assert entity(MEETING, "موسكو").latin == "Moscow"
    afp = entity(MEETING, "فرانس برس")
    assert (afp.latin, afp.mentions[0].start) == ("Agence France-Presse", 265)
    # The untagged country name is added: "في السعودية".
    assert forms(entity(MEETING, "السعودية")) == [("السعودية", "name")]


def test_photo_credit() -> None:
    photographer = entity(MEETING, "فابريس كوفريني")
    assert (photographer.role, photographer.mentions) == ("photographer", ())
    # The agency is the one the text names ("أ ف ب" = "فرانس برس"): no second entity.
    assert sum(1 for e in MEETING.entities or () if e.type == "ORG") == 1


def test_ids_and_final_mentions() -> None:
    ents = MEETING.entities or ()
    assert [e.id for e in ents] == [f"E{i}" for i in range(1, len(ents) + 1)]
    text = MEETING.article.text
    for m in MEETING.mentions or ():
        assert text[m.start : m.end] == m.text
    assert {m.kind for m in MEETING.mentions or ()} == {"name", "title", "nisba"}
    assert "مسؤول أوروبي" not in {m.text for m in MEETING.mentions or ()}  # أوروبي is no country


def test_tagger_corrections_and_country_as_adjective() -> None:
    a = run(
        "مصر والسعودية تبحثان التعاون",
        [
            "أعلنت مصر أن الحكومة السعودية وافقت على تمويل المشروع، وقالت مصادر سعودية إن الاتفاق يوقع في الرياض.",
            "ويزور الرئيس المصري السعودية الشهر المقبل.",
        ],
        [("مصر", "PERSON"), ("الرياض", "LOC")],
    )
    egypt = entity(a, "مصر")
    assert egypt.type == "LOC"  # retyped: a country tagged PERSON
    assert forms(egypt) == [("مصر", "name"), ("مصر", "name"), ("المصري", "nisba")]
    saudi = entity(a, "السعودية")
    assert forms(saudi) == [
        ("السعودية", "name"),  # "والسعودية" in the headline: the clitic is not in the mention
        ("السعودية", "nisba"),  # "الحكومة السعودية"
        ("سعودية", "nisba"),
        ("السعودية", "name"),  # "ويزور الرئيس المصري السعودية": the country
    ]
    assert saudi.mentions[0].start == 5
    president = entity(a, "الرئيس المصري")
    assert (president.role, forms(president)) == ("الرئيس المصري", [("الرئيس المصري", "title")])


def test_headline_title_joins_the_minister_whose_role_it_shortens() -> None:
    a = run(
        "وزير الصحة الأردني: لا إصابات جديدة بالحمى",
        [
            "قال وزير الصحة والسكان الأردني سليم العمري إن الفحوص جاءت سلبية.",
            "وأضاف العمري أن الوزارة ستواصل المراقبة.",
        ],
        [("سليم العمري", "PERSON"), ("العمري", "PERSON")],
    )
    minister = entity(a, "سليم العمري")
    assert forms(minister) == [
        ("وزير الصحة الأردني", "title"),
        ("سليم العمري", "name"),
        ("العمري", "name"),
    ]
    assert minister.role == "وزير الصحة والسكان الأردني"
    assert [e.canonical for e in a.entities or () if e.type == "PERSON"] == ["سليم العمري"]


def test_a_shortened_title_that_fits_two_people_stays_apart() -> None:
    a = run(
        "وزير الطاقة: الأسعار مستقرة",
        [
            "اجتمع وزير الطاقة والمياه سليم العمري مع وزير الطاقة والتعدين كريم العلي في عمان.",
        ],
        [("سليم العمري", "PERSON"), ("كريم العلي", "PERSON"), ("عمان", "LOC")],
    )
    assert forms(entity(a, "سليم العمري")) == [("سليم العمري", "name")]
    assert forms(entity(a, "كريم العلي")) == [("كريم العلي", "name")]
    assert forms(entity(a, "وزير الطاقة")) == [("وزير الطاقة", "title")]


def test_nisba_mentions_exclude_clitics() -> None:
    a = run(
        "مقتل جنديين", ["وقال متحدث إن الجنديين قتلا برصاص القوات الإسرائيلية والمستوطنين الإسرائيليين."], []
    )
    israel = entity(a, "إسرائيل")
    text = a.article.text
    assert [(m.text, text[m.start - 1]) for m in israel.mentions] == [
        ("الإسرائيلية", " "),
        ("الإسرائيليين", " "),
    ]


def test_names_in_persons_are_not_nationalities() -> None:
    a = run(
        "لقاء",
        ["استقبل الأمير تركي بن طلال السفير التركي في مكتبه، بحضور محمد المصري."],
        [("تركي بن طلال", "PERSON"), ("محمد المصري", "PERSON")],
    )
    turkey = entity(a, "تركيا")
    assert forms(turkey) == [("التركي", "nisba")]
    assert "مصر" not in {e.canonical for e in a.entities or ()}
    ambassador = entity(a, "السفير التركي")
    assert ambassador.country is not None and ambassador.country.code == "TR"


# -- the seed article --------------------------------------------------------------------------------


def _seed_names(expected: dict, text: str) -> list[Mention]:
    """Name mentions a tagger would find: the expected mentions that are (parts of) names."""
    spec: list[tuple[str, str]] = []
    for exp in expected["entities"]:
        name_words = set(exp["canonical"].split())
        for m in exp["mentions"]:
            if exp["type"] != "PERSON" or set(m.split()) <= name_words:
                spec.append((m, exp["type"]))
    return names_in(text, spec)


@pytest.fixture(scope="module")
def seed_entities(seed_path: Path, seed_expected: dict) -> Analysis:
    from khabar.ingest.reader import read

    article = next(iter(read(seed_path, Options())))
    assert isinstance(article, Article)
    base = layer.annotate(Analysis(article=article), Options())
    base = Analysis(
        article=article,
        tokens=base.tokens,
        sentences=base.sentences,
        mentions=tuple(_seed_names(seed_expected, article.text)),
    )
    return canonical.annotate(base, Options())


def test_seed_entities(seed_entities: Analysis, seed_expected: dict) -> None:
    """Every expected entity, its mentions grouped (titles and nisbas found by the stage), role, country."""
    by_name = {normalize(e.canonical): e for e in seed_entities.entities or ()}
    problems = []
    for exp in seed_expected["entities"]:
        e = by_name.get(normalize(exp["canonical"]))
        if e is None:
            problems.append(f"missing {exp['canonical']}")
            continue
        got = {normalize(m.text) for m in e.mentions}
        in_text = [m for m in exp["mentions"] if m in seed_entities.article.text]
        problems += [f"{exp['canonical']}: {m}" for m in in_text if normalize(m) not in got]
        problems += [
            f"{exp['canonical']}: nisba {d}"
            for d in exp.get("demonyms_in_text", [])
            if normalize(d) not in got
        ]
        if exp.get("role") and e.role != exp["role"]:
            problems.append(f"{exp['canonical']}: role {e.role}")
        if exp.get("nationality") and (e.country is None or e.country.name != exp["nationality"]):
            problems.append(f"{exp['canonical']}: country {e.country}")
        if exp["type"] != e.type:
            problems.append(f"{exp['canonical']}: type {e.type}")
    assert problems == []


def test_seed_caption_credit_entities(seed_entities: Analysis) -> None:
    photographer = next(e for e in seed_entities.entities or () if e.role == canonical.PHOTOGRAPHER)
    assert (photographer.canonical, photographer.mentions) == ("دافيد غهرمانيان", ())
    afp = next(e for e in seed_entities.entities or () if e.canonical == "فرانس برس")
    assert (afp.type, afp.latin, afp.mentions) == ("ORG", "Agence France-Presse", ())


def test_correcting_tagger_spans() -> None:
    text = "أجرى الأمير محمد بن سلمان ولي ولي العهد اتصالا بحضور بوتين وبلاتر، وقال جوزيف بلاتر إن مدينة كوباني السورية آمنة"
    tagged = [
        Mention(12, 29, "محمد بن سلمان ولي", "PERSON"),
        Mention(53, 65, "بوتين وبلاتر", "PERSON"),
        Mention(72, 83, "جوزيف بلاتر", "PERSON"),
        Mention(93, 107, "كوباني السورية", "LOC"),
    ]
    assert [text[m.start : m.end] for m in tagged] == [m.text for m in tagged]
    from khabar.text.tokenize import tokenize

    fixed = corrections.correct_types(tagged, tokenize(text), text)
    assert [(m.text, m.type, m.start) for m in fixed] == [
        ("محمد بن سلمان", "PERSON", 12),  # "ولي" starts the title "ولي ولي العهد"
        ("بوتين", "PERSON", 53),  # "وبلاتر" names the man called "جوزيف بلاتر" below
        ("بلاتر", "PERSON", 60),
        ("جوزيف بلاتر", "PERSON", 72),
        ("كوباني", "LOC", 93),  # "السورية" is a nationality adjective of its own
    ]
    only_title = [Mention(text.index("ولي ولي"), text.index("ولي ولي") + 7, "ولي ولي", "PERSON")]
    assert corrections.correct_types(only_title, tokenize(text), text) == []


def test_broadcaster_named_by_its_country() -> None:
    from khabar.text.tokenize import tokenize

    text = "وقالت الإذاعة الإسرائيلية العامة إن الصحف الإسرائيلية نقلت عن التلفزيون السوري الرسمي"
    fixed = corrections.correct_types([], tokenize(text), text)
    assert [(m.text, m.type, m.start) for m in fixed] == [
        ("الإذاعة الإسرائيلية العامة", "ORG", 6),
        ("التلفزيون السوري الرسمي", "ORG", 62),
    ]


def test_currencies_are_units_not_entities() -> None:
    from khabar.model import Quantity
    from khabar.text.tokenize import tokenize

    text = "بلغت الكلفة 300 مليون دولار، وتراجعت الليرة اللبنانية أمام اليورو، وفاز الريال على برشلونة."
    tagged = [
        Mention(22, 27, "دولار", "ORG"),  # inside the amount: the unit, whatever its type
        Mention(37, 53, "الليرة اللبنانية", "MISC"),
        Mention(59, 65, "اليورو", "MISC"),
        Mention(72, 78, "الريال", "ORG"),  # the football club
        Mention(83, 90, "برشلونة", "ORG"),
    ]
    assert [text[m.start : m.end] for m in tagged] == [m.text for m in tagged]
    amount = Quantity(12, 27, "300 مليون دولار", 300_000_000.0, "USD")
    fixed = corrections.correct_types(tagged, tokenize(text), text, [amount])
    assert [(m.text, m.type) for m in fixed] == [("الريال", "ORG"), ("برشلونة", "ORG")]
    a = run("تراجع الدولار", ["وتراجعت الليرة التركية أمام الدولار الأمريكي."],
            [("الدولار", "MISC"), ("الليرة التركية", "MISC"), ("الدولار الأمريكي", "MISC")])  # fmt: skip
    assert {(e.canonical, e.type) for e in a.entities or ()} == {
        ("تركيا", "LOC"),
        ("الولايات المتحدة", "LOC"),
    }


def test_a_profession_title_refers_to_the_one_person_holding_it() -> None:
    a = run(
        "خبراء: الأسعار سترتفع",
        [
            "قال الخبير الاقتصادي سامر حداد إن الأسعار سترتفع، فيما رأى وزير المالية كريم العلي أن الخطة كافية.",
            "وأضاف الخبير أن الحكومة تأخرت في التحرك.",
        ],
        [("سامر حداد", "PERSON"), ("كريم العلي", "PERSON")],
    )
    assert forms(entity(a, "سامر حداد")) == [("سامر حداد", "name"), ("الخبير", "title")]
    assert entity(a, "سامر حداد").role == "الخبير الاقتصادي"
    assert forms(entity(a, "كريم العلي")) == [("كريم العلي", "name")]


def test_places_cut_in_pieces_and_common_words() -> None:
    from khabar.text.tokenize import tokenize

    text = "وصل الوفد إلى خميس مشيط وتوارثوا المهنة جيلاً بعد جيل، وقال مجلس التعاون الخليجي إن الله رحيم"

    def at(surface: str, type_: str) -> Mention:
        i = text.index(surface)
        return Mention(i, i + len(surface), surface, type_)

    tagged = [
        at("خميس", "LOC"),
        at("مشيط", "LOC"),
        at("جيلاً", "LOC"),
        at("مجلس التعاون", "ORG"),
        at("الله", "MISC"),
    ]
    fixed = corrections.correct_types(tagged, tokenize(text), text)
    assert [(m.text, m.type, m.start) for m in fixed] == [
        ("خميس مشيط", "LOC", 14),  # one listed city, not two places
        ("مجلس التعاون الخليجي", "ORG", 60),  # the listed name runs past the tagged words
    ]


def test_one_name_typed_two_ways_is_one_entity() -> None:
    title = "تطبيق جديد"
    body = "أطلقت شركة زاجل تطبيقها الجديد، وقالت زاجل إن التطبيق مجاني، وأضافت زاجل أنه متاح للجميع."
    text = title + "\n\n" + body
    article = Article(id="t", title=title, paragraphs=(body,), text=text)
    base = layer.annotate(Analysis(article=article), Options())
    starts = [i for i in range(len(text)) if text.startswith("زاجل", i)]
    tagged = tuple(Mention(s, s + 4, "زاجل", t) for s, t in zip(starts, ("ORG", "MISC", "ORG"), strict=True))
    a = canonical.annotate(
        Analysis(article=article, tokens=base.tokens, sentences=base.sentences, mentions=tagged), Options()
    )
    [zajel] = [e for e in a.entities or () if e.canonical == "زاجل"]
    assert zajel.type == "ORG"
    assert [(m.start, m.type) for m in zajel.mentions] == [(s, "ORG") for s in starts]


def test_a_family_name_that_is_a_title_word_and_an_adjective_after_a_name() -> None:
    a = run(
        "الموسم المقبل",
        [
            "قال مدرب الفريق فهد السلطان إن الموسم كان ناجحا. وأضاف السلطان أن الجمهور كان كبيرا.",
            "وقصفت حماس الحاكمة في القطاع مواقع إسرائيلية، فيما قال الرئيس إن الرد قادم.",
        ],
        [("فهد السلطان", "PERSON"), ("حماس", "ORG")],
    )
    assert forms(entity(a, "فهد السلطان")) == [("فهد السلطان", "name"), ("السلطان", "name")]
    assert forms(entity(a, "حماس")) == [("حماس", "name")]
    persons = [e.canonical for e in a.entities or () if e.type == "PERSON"]
    assert persons == ["فهد السلطان", "الرئيس"]  # no "السلطان", no "الحاكمة"


def test_god_alone_is_no_name_but_a_theophoric_name_is() -> None:
    from khabar.text.tokenize import tokenize

    text = "وأبدى مد الله العليان سعادته، وقال رحمه الله إن فتح الله كولن غادر ونصر الله"
    tagged = [Mention(i, i + 4, "الله", "MISC") for i in range(len(text)) if text.startswith(" الله", i - 1)]
    assert len(tagged) == 4
    fixed = corrections.correct_types(tagged, tokenize(text), text)
    assert [(m.text, m.type, m.start) for m in fixed] == [
        ("مد الله العليان", "PERSON", 6),  # with the family name after it
        ("فتح الله", "PERSON", 48),  # "كولن" has no article: left to the tagger
        ("نصر الله", "PERSON", 68),  # after the conjunction و
    ]


def test_lam_before_the_article_is_cited_with_the_article_back() -> None:
    a = run(
        "مساعدات",
        ["وصلت طائرة المساعدات للنيبال أمس، وقدمت الجمعية دعما للمنطقة الشرقية ثم للبنان، ومنها إلى لبنان."],
        [("لنيبال", "LOC"), ("لمنطقة الشرقية", "LOC"), ("لبنان", "LOC")],
    )
    nepal = entity(a, "نيبال")  # CLDR names it without the article
    assert nepal.country is not None and nepal.country.code == "NP"
    assert forms(nepal) == [("لنيبال", "name")]  # the span stays exact: it starts at the article's lam
    assert forms(entity(a, "المنطقة الشرقية")) == [("لمنطقة الشرقية", "name")]
    assert forms(entity(a, "لبنان")) == [("لبنان", "name"), ("لبنان", "name")]  # ل + لبنان, not "البنان"
