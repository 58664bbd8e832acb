"""The store tests' corpus: five short news articles written for these tests (no text from elsewhere).

Entities, quotes, times and quantities are placed by hand (by finding the given
strings in the text): two articles tell the same Merkel story (a wire copy and
its rewrite), one uses "المستشار" with the و and ل proclitics, the others are
about oil prices and football. The CLI tests load this module by path.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.model import Analysis, Article, Entity, Mention, Quantity, Quote, Span, Speaker, TimeExpr


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + len(surface))
    assert out, f"{surface!r} not in the test article"
    return out


def build(
    id: str,
    title: str,
    paragraphs: list[str],
    *,
    outlet: str,
    published: str | None,
    url: str | None = None,
    entities: Sequence[tuple[str, str, list[str], str | None]] = (),
    quotes: Sequence[tuple[str | None, str, str]] = (),
    times: Sequence[tuple[str, str, str | None]] = (),
    quantities: Sequence[tuple[str, float, str | None]] = (),
) -> Analysis:
    """An analysis whose layers are placed by finding the given strings in the text.

    ``entities``: (canonical, type, surface forms, role); ``quotes``: (speaker
    canonical or None, content, cue); ``times``: (text, type, value);
    ``quantities``: (text, value, unit).
    """
    text = "\n\n".join([title, *paragraphs])
    ents, mentions = [], []
    taken: list[tuple[int, int]] = []
    for n, (canonical, type_, forms, role) in enumerate(entities, 1):
        ms = []
        for form in sorted(forms, key=len, reverse=True):
            for s, e in _spans(text, form):
                if all(e <= ts or s >= te for ts, te in taken):
                    taken.append((s, e))
                    ms.append(Mention(s, e, text[s:e], type_))
        ms.sort(key=lambda m: m.start)
        ents.append(Entity(f"e{n}", type_, canonical, tuple(ms), role=role))
        mentions.extend(ms)
    by_name = {e.canonical: e for e in ents}
    qs = []
    for speaker, content, cue in quotes:
        s, e = _spans(text, content)[0]
        sp = None
        if speaker is not None:
            ent = by_name.get(speaker)
            if ent is not None:
                m = ent.mentions[0]
                sp = Speaker(m.text, m.start, m.end, ent.id)
            else:
                ss, se = _spans(text, speaker)[0]
                sp = Speaker(speaker, ss, se, None, "unknown")
        cs, ce = _spans(text, cue)[0]
        qs.append(Quote("indirect", Span(s, e, content), sp, Span(cs, ce, cue)))
    ts = [TimeExpr(*_spans(text, t)[0], t, type_, value) for t, type_, value in times]
    qn = [Quantity(*_spans(text, t)[0], t, value, unit) for t, value, unit in quantities]
    article = Article(
        id=id,
        title=title,
        paragraphs=tuple(paragraphs),
        text=text,
        url=url,
        outlet=outlet,
        published=published,
    )
    return Analysis(
        article=article,
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        entities=tuple(ents),
        quotes=tuple(qs),
        times=tuple(ts),
        quantities=tuple(qn),
    )


MERKEL_P2 = (
    "وقالت ميركل أمام البرلمان في برلين إن ألمانيا لا تستطيع وحدها تحمل العبء، "
    "وإن على كل دولة أن تتحمل نصيبها من المسؤولية."
)
MERKEL_P3 = (
    "والتقت ميركل والمستشار النمساوي فيرنر فايمان على هامش القمة، واتفقا على تنسيق المواقف "
    "قبل اجتماع وزراء الداخلية الأسبوع المقبل."
)
MERKEL_ENTITIES = [
    ("أنغيلا ميركل", "PERSON", ["أنغيلا ميركل", "ميركل"], "المستشارة الألمانية"),
    ("فيرنر فايمان", "PERSON", ["فيرنر فايمان"], "المستشار النمساوي"),
    ("ألمانيا", "LOC", ["ألمانيا"], None),
    ("برلين", "LOC", ["برلين"], None),
]
MERKEL_QUOTE = ("أنغيلا ميركل", "ألمانيا لا تستطيع وحدها تحمل العبء", "وقالت")


def news() -> list[Analysis]:
    """The five test articles (ids a-jubeir, b-merkel, c-oil, d-merkel-wire, e-football)."""
    return [
        build(
            "a-jubeir",
            "الجبير: الحل السياسي في اليمن يمر عبر الحوار",
            [
                "استقبل وزير الخارجية السعودي عادل الجبير في الرياض يوم الأربعاء نظيره الفرنسي لوران فابيوس، "
                "وبحث الجانبان تطورات الأزمة في اليمن والملف النووي الإيراني.",
                "وقال الجبير في مؤتمر صحفي مشترك إن المملكة حريصة على الحل السياسي في اليمن، "
                "وإن الحوار هو الطريق الوحيد لإنهاء الحرب.",
                "وحضر اللقاء المستشار في الديوان الملكي، كما نقل الوزير الفرنسي للمستشار رسالة من الرئيس "
                "فرانسوا هولاند تتعلق بالتعاون الاقتصادي بين البلدين.",
            ],
            outlet="okaz",
            published="2015-07-22",
            url="https://okaz.example/2015/07/22/jubeir",
            entities=[
                ("عادل الجبير", "PERSON", ["عادل الجبير", "الجبير"], "وزير الخارجية السعودي"),
                ("لوران فابيوس", "PERSON", ["لوران فابيوس"], None),
                ("اليمن", "LOC", ["اليمن"], None),
                ("الرياض", "LOC", ["الرياض"], None),
                ("فرانسوا هولاند", "PERSON", ["فرانسوا هولاند"], "الرئيس"),
            ],
            quotes=[("عادل الجبير", "المملكة حريصة على الحل السياسي في اليمن", "وقال")],
            times=[("يوم الأربعاء", "DATE", "2015-07-22")],
        ),
        build(
            "b-merkel",
            "ميركل تدعو أوروبا إلى خطة مشتركة لاستقبال اللاجئين",
            [
                "دعت المستشارة الألمانية أنغيلا ميركل الدول الأوروبية إلى الاتفاق على خطة مشتركة لتوزيع "
                "اللاجئين، محذرة من أن الأزمة قد تطول أشهرا عدة.",
                MERKEL_P2,
                MERKEL_P3,
            ],
            outlet="aawsat",
            published="2015-07-23",
            url="https://aawsat.example/2015/07/23/merkel",
            entities=MERKEL_ENTITIES,
            quotes=[MERKEL_QUOTE],
            times=[("الأسبوع المقبل", "DATE", "2015-W31")],
        ),
        build(
            "c-oil",
            "أسعار النفط تتراجع إلى أدنى مستوى في ثلاثة أشهر",
            [
                "تراجعت أسعار النفط الخام في تعاملات يوم الجمعة إلى أدنى مستوى لها منذ ثلاثة أشهر، مع تزايد "
                "المخاوف من تخمة المعروض في الأسواق العالمية.",
                "وانخفض سعر خام برنت بنسبة 2% ليصل إلى 55 دولارا للبرميل، فيما قال محللون إن عودة الصادرات "
                "الإيرانية ستزيد الضغوط على الأسعار.",
                "وتوقعت منظمة أوبك في تقريرها الشهري أن يرتفع الطلب العالمي على النفط خلال العام المقبل بوتيرة "
                "أبطأ من التوقعات السابقة.",
            ],
            outlet="alriyadh",
            published="2015-07-24",
            url="https://alriyadh.example/2015/07/24/oil",
            entities=[("أوبك", "ORG", ["أوبك"], None)],
            quotes=[("محللون", "عودة الصادرات الإيرانية ستزيد الضغوط على الأسعار", "قال")],
            times=[("يوم الجمعة", "DATE", "2015-07-24")],
            quantities=[("2%", 2.0, "percent"), ("55 دولارا", 55.0, "USD")],
        ),
        build(
            "d-merkel-wire",
            "المستشارة الألمانية تطالب بخطة أوروبية موحدة للاجئين",
            [
                "برلين - وكالات: دعت المستشارة الألمانية أنغيلا ميركل الدول الأوروبية إلى الاتفاق على خطة "
                "مشتركة لتوزيع اللاجئين، محذرة من أن الأزمة قد تطول عدة أشهر.",
                MERKEL_P2,
                MERKEL_P3,
            ],
            outlet="alyaum",
            published="2015-07-23",
            url="https://alyaum.example/2015/07/23/merkel-refugees",
            entities=MERKEL_ENTITIES,
            quotes=[MERKEL_QUOTE],
        ),
        build(
            "e-football",
            "الهلال يفوز على النصر في ديربي العاصمة",
            [
                "حقق فريق الهلال فوزا ثمينا على منافسه التقليدي النصر بهدفين مقابل هدف واحد في المباراة التي "
                "أقيمت مساء السبت على استاد الملك فهد الدولي في الرياض.",
                "وسجل هدفي الهلال ناصر الشمراني وسالم الدوسري، فيما أحرز محمد السهلاوي هدف النصر الوحيد في "
                "الشوط الثاني.",
                "وقال مدرب الهلال إن لاعبيه قدموا مباراة كبيرة وإن الفوز يمنح الفريق دفعة معنوية قبل انطلاق "
                "الموسم الجديد.",
            ],
            outlet="arreyadi",
            published="2015-07-25",
            url=None,
            entities=[
                ("الهلال", "ORG", ["الهلال"], None),
                ("النصر", "ORG", ["النصر"], None),
                ("الرياض", "LOC", ["الرياض"], None),
                ("ناصر الشمراني", "PERSON", ["ناصر الشمراني"], None),
            ],
        ),
    ]
