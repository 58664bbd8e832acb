"""The quotes stage on news-style sentences written for these tests."""

from __future__ import annotations

from khabar.model import Quote

from .helpers import article, brief, entity, quotes, run

TITLE = "أخبار محلية"


def only(found: tuple[Quote, ...]) -> Quote:
    assert len(found) == 1, [brief(q) for q in found]
    return found[0]


def test_vso_subject_venue_and_offsets() -> None:
    body = "قال وزير الخارجية الأردني أيمن الصفدي، في مؤتمر صحافي عقده أمس، إن المفاوضات ستستأنف الأسبوع المقبل."
    a = article(TITLE, body)
    q = only(quotes(a))
    text = a.article.text
    assert brief(q) == ("indirect", "قال", "وزير الخارجية الأردني أيمن الصفدي", "المفاوضات ستستأنف الأسبوع المقبل")
    assert q.venue == "في مؤتمر صحافي عقده"
    assert q.cue is not None and (q.cue.start, q.cue.end) == (13, 16)
    assert text[q.content.start : q.content.end] == q.content.text
    assert q.content.start == text.index("المفاوضات")
    assert q.speaker is not None and (q.speaker.start, q.speaker.end, q.speaker.kind) == (17, 50, "person")


def test_continuation_follows_gender() -> None:
    found = run(
        TITLE,
        "قالت وزيرة الصحة سارة الأحمد إن المستشفى الجديد سيفتتح قريباً.",
        "وقال مدير المستشفى خالد العمر إن الأجهزة وصلت.",
        "وأضافت أن الوزارة خصصت ميزانية إضافية للمشروع.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "قالت", "وزيرة الصحة سارة الأحمد", "المستشفى الجديد سيفتتح قريباً"),
        ("indirect", "وقال", "مدير المستشفى خالد العمر", "الأجهزة وصلت"),
        ("indirect", "وأضافت", "وزيرة الصحة سارة الأحمد", "الوزارة خصصت ميزانية إضافية للمشروع"),
    ]


def test_participle_splits_the_content_and_keeps_the_speaker() -> None:
    found = run(TITLE, "أكد رئيس البلدية أن العمل في الجسر سينتهي في مارس، مضيفاً أن الطريق سيفتح بعده بأسبوع.")
    assert [brief(q) for q in found] == [
        ("indirect", "أكد", "رئيس البلدية", "العمل في الجسر سينتهي في مارس"),
        ("indirect", "مضيفاً", "رئيس البلدية", "الطريق سيفتح بعده بأسبوع"),
    ]


def test_content_runs_across_wa_anna_continuation() -> None:
    q = only(run(TITLE, "وأعرب المدير عن أمله بنجاح الموسم وأن تزيد أعداد الزوار."))
    assert brief(q) == ("indirect", "وأعرب", "المدير", "أمله بنجاح الموسم وأن تزيد أعداد الزوار")


def test_direct_quotes_after_colon() -> None:
    found = run(TITLE, "وقال المتحدث باسم الشرطة: «ألقينا القبض على المشتبه بهم الثلاثة». وأضاف: «التحقيق مستمر».")
    assert [brief(q) for q in found] == [
        ("direct", "وقال", "المتحدث باسم الشرطة", "ألقينا القبض على المشتبه بهم الثلاثة"),
        ("direct", "وأضاف", "المتحدث باسم الشرطة", "التحقيق مستمر"),
    ]


def test_direct_quote_with_the_cue_after_it() -> None:
    q = only(run(TITLE, "«سنواصل العمل حتى آخر يوم في الموسم»، قال المدرب بعد المباراة."))
    assert brief(q) == ("direct", "قال", "المدرب", "سنواصل العمل حتى آخر يوم في الموسم")


def test_standalone_quote_continues_the_speaker() -> None:
    found = run(
        TITLE,
        "وقال رئيس النادي إن الفريق جاهز.",
        "«نحن نثق باللاعبين ونعرف أنهم سيقدمون مباراة كبيرة أمام الجمهور».",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وقال", "رئيس النادي", "الفريق جاهز"),
        ("direct", None, "رئيس النادي", "نحن نثق باللاعبين ونعرف أنهم سيقدمون مباراة كبيرة أمام الجمهور"),
    ]


def test_quote_spanning_two_paragraphs() -> None:
    q = only(run(TITLE, "وقال المحافظ: «الأمطار كانت أغزر من المتوقع.", "«لكن فرق الإنقاذ وصلت إلى كل الأحياء»."))
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "المحافظ"
    assert q.content.text == "الأمطار كانت أغزر من المتوقع.\n\n«لكن فرق الإنقاذ وصلت إلى كل الأحياء"


def test_mixed_quote() -> None:
    q = only(run(TITLE, "وقال الناطق باسم الجيش إن القوات «تتقدم بثبات نحو المدينة» منذ الصباح."))
    assert brief(q) == ("mixed", "وقال", "الناطق باسم الجيش", "القوات «تتقدم بثبات نحو المدينة» منذ الصباح")


def test_media_report_with_a_nested_quote() -> None:
    outer, inner = run(TITLE, 'وذكرت صحيفة "الغد" أن رئيس الوزراء أعلن عن خطة جديدة لدعم المزارعين.')
    assert brief(outer) == ("indirect", "وذكرت", "الغد", "رئيس الوزراء أعلن عن خطة جديدة لدعم المزارعين")
    assert outer.speaker is not None and outer.speaker.kind == "media"
    assert brief(inner) == ("indirect", "أعلن", "رئيس الوزراء", "خطة جديدة لدعم المزارعين")
    assert inner.reported_by is not None and inner.reported_by.text == "الغد"


def test_relayed_speaker() -> None:
    q = only(run(TITLE, "ونقلت وكالة الأنباء عن مصدر أمني قوله إن الهجوم استهدف نقطة تفتيش."))
    assert brief(q) == ("indirect", "ونقلت", "مصدر أمني", "الهجوم استهدف نقطة تفتيش")
    assert q.reported_by is not None and (q.reported_by.text, q.reported_by.kind) == ("وكالة الأنباء", "media")


def test_naqlan_an_inside_a_cue() -> None:
    q = only(run(TITLE, "وأفادت مصادر أمنية نقلاً عن شهود عيان بأن المسلحين فروا باتجاه الجبال."))
    assert brief(q) == ("indirect", "وأفادت", "شهود عيان", "المسلحين فروا باتجاه الجبال")
    assert q.reported_by is not None and q.reported_by.text == "مصادر أمنية"


def test_attribution_phrases() -> None:
    head = only(run(TITLE, "وبحسب الإحصاءات الرسمية، فإن عدد الزوار ارتفع بنسبة عشرة في المئة."))
    assert brief(head) == ("indirect", "وبحسب", "الإحصاءات الرسمية", "عدد الزوار ارتفع بنسبة عشرة في المئة")
    tail = only(run(TITLE, "وقتل ثلاثة أشخاص في الانفجار، بحسب مصادر طبية."))
    assert brief(tail) == ("indirect", "بحسب", "مصادر طبية", "وقتل ثلاثة أشخاص في الانفجار")
    verb = only(run(TITLE, "وأغلقت المدارس أبوابها، حسبما أفاد مسؤولون محليون."))
    assert brief(verb) == ("indirect", "أفاد", "مسؤولون محليون", "وأغلقت المدارس أبوابها")
    lam = only(run(TITLE, "وارتفعت الأسعار خمسة في المئة وفقاً لهيئة الإحصاء."))
    assert brief(lam) == ("indirect", "وفقاً", "هيئة الإحصاء", "وارتفعت الأسعار خمسة في المئة")


def test_according_to_a_rule_is_no_attribution() -> None:
    assert run(TITLE, "وتصرف المكافأة شهرياً بحسب نظام الجامعة.") == ()


def test_preposition_complements() -> None:
    report = only(run(TITLE, "وأشار التقرير إلى ارتفاع معدلات البطالة بين الشباب."))
    assert brief(report) == ("indirect", "وأشار", "التقرير", "ارتفاع معدلات البطالة بين الشباب")
    assert report.speaker is not None and report.speaker.kind == "unknown"
    ministry = only(run(TITLE, "وكشفت الوزارة في بيان لها عن خطة لتطوير المدارس."))
    assert brief(ministry) == ("indirect", "وكشفت", "الوزارة", "خطة لتطوير المدارس")
    assert ministry.venue == "في بيان لها"
    assert ministry.speaker is not None and ministry.speaker.kind == "org"


def test_not_quotes() -> None:
    assert run(TITLE, "ويذكر أن الشركة تأسست عام 1990.") == ()
    assert run(TITLE, "وشارك الفريق في بطولة تحت عنوان «كأس الصداقة» وفاز بها.") == ()
    assert run(TITLE, "وأعتقد أن الوزارة تستطيع تحسين الخدمة.") == ()
    assert run(TITLE, "ويأتي المهرجان بين فعاليات الصيف التي تستمر شهرين.") == ()
    assert run(TITLE, "ودفع النادي مبلغاً يبلغ مليون ريال.") == ()


def test_speaker_resolves_to_the_entity_named_in_the_subject() -> None:
    a = article(TITLE, "أكد وزير النفط الكويتي علي العمير أن الأسعار ستتحسن.")
    minister = entity(a.article.text, "E1", "PERSON", "علي العمير", "علي العمير")
    q = only(quotes(a, minister))
    assert brief(q) == ("indirect", "أكد", "علي العمير", "الأسعار ستتحسن")
    assert q.speaker is not None and q.speaker.entity == "E1"


def test_title_mention_resolves_through_the_entities() -> None:
    a = article(
        TITLE,
        "أكد وزير النفط الكويتي علي العمير أن الأسعار ستتحسن.",
        "ورفض الوزير الكويتي تحديد موعد، قائلاً: «السوق لا يمكن التنبؤ به».",
    )
    minister = entity(a.article.text, "E1", "PERSON", "علي العمير", "علي العمير", "title:الوزير الكويتي")
    _, second = quotes(a, minister)
    assert brief(second) == ("direct", "قائلاً", "الوزير الكويتي", "السوق لا يمكن التنبؤ به")
    assert second.speaker is not None and second.speaker.entity == "E1"


def test_named_medium_is_media() -> None:
    a = article(TITLE, "وقال موقع «ميدل إيست آي» إن المفاوضات تعثرت.")
    site = entity(a.article.text, "E1", "ORG", "ميدل إيست آي", "ميدل إيست آي")
    q = only(quotes(a, site))
    assert q.speaker is not None and (q.speaker.text, q.speaker.entity, q.speaker.kind) == ("ميدل إيست آي", "E1", "media")


def test_headline_quote_resolves_to_the_body_speaker() -> None:
    a = article(
        "مسؤول مصري: المعبر سيفتح أمام المسافرين يوم السبت",
        "قال مدير الإدارة العامة للمعابر المصرية محمود فوزي، في تصريح لقناة النيل، إن المعبر سيفتح أمام "
        "المسافرين يوم السبت لمدة ثلاثة أيام.",
        "من جهة أخرى، قال المتحدث باسم الخارجية الفلسطينية إن الاتصالات مستمرة مع الجانب المصري.",
    )
    official = entity(a.article.text, "E1", "PERSON", "محمود فوزي", "محمود فوزي")
    head, first, _ = quotes(a, official)
    assert brief(head) == ("headline", None, "مسؤول مصري", "المعبر سيفتح أمام المسافرين يوم السبت")
    assert head.speaker is not None and (head.speaker.start, head.speaker.end, head.speaker.entity) == (0, 10, "E1")
    assert first.venue == "في تصريح لقناة النيل"


def test_titles_that_are_not_headline_quotes() -> None:
    assert [q.kind for q in run("عاجل: انقطاع الكهرباء عن أحياء في جدة", "وعادت الكهرباء بعد ساعتين.")] == []
    assert [q.kind for q in run("الموعد 10:30 صباحاً", "وتبدأ الدراسة غداً.")] == []


def test_bayyana_with_a_long_subject_and_between_as_preposition() -> None:
    found = run(
        TITLE,
        "وبين المتحدث الرسمي لشرطة منطقة الرياض العقيد فواز الميمان أن الحادث وقع فجر اليوم.",
        "وتراوحت الأعمار بين العشرين والثلاثين عاماً بحسب مصادر طبية.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وبين", "المتحدث الرسمي لشرطة منطقة الرياض العقيد فواز الميمان", "الحادث وقع فجر اليوم"),
        ("indirect", "بحسب", "مصادر طبية", "وتراوحت الأعمار بين العشرين والثلاثين عاماً"),
    ]


def test_noun_phrase_content_opens_on_a_possessive() -> None:
    q = only(run(TITLE, "وأبدى المواطنون استياءهم من تأخر المشروع."))
    assert brief(q) == ("indirect", "وأبدى", "المواطنون", "استياءهم من تأخر المشروع")


def test_audience_and_medium_are_not_the_speaker() -> None:
    said = only(run(TITLE, "وقال للصحفيين إن الاتفاق سيوقع غداً."))
    assert said.speaker is None and said.content.text == "الاتفاق سيوقع غداً"
    told = only(run(TITLE, 'وذكرت المديرة في حديثها إلى "الرياض" أن المعرض يستمر أسبوعين.'))
    assert brief(told) == ("indirect", "وذكرت", "المديرة", "المعرض يستمر أسبوعين")
    assert told.venue == 'في حديثها إلى "الرياض"'


def test_a_cue_describing_a_noun_is_no_quote() -> None:
    assert run(TITLE, "وعرض الفنان لوحات في صورة تعبر عن الأصالة.") == ()
    assert run(TITLE, "وأضاف اللاعب الهدف الثاني في الدقيقة العشرين.") == ()


def test_dotted_acronym_does_not_end_the_sentence() -> None:
    q = only(run(TITLE, "وقالت جيه.إل.إل إن أسعار المنازل تراجعت ثمانية في المئة."))
    assert brief(q) == ("indirect", "وقالت", "جيه.إل.إل", "أسعار المنازل تراجعت ثمانية في المئة")


def test_participle_takes_the_subject_of_the_verb_before_it() -> None:
    q = only(run(TITLE, "وعلق المدير التنفيذي للشركة على النتائج قائلاً: «هذا أفضل عام في تاريخنا»."))
    assert brief(q) == ("direct", "قائلاً", "المدير التنفيذي للشركة", "هذا أفضل عام في تاريخنا")


def test_venue_with_a_possessive() -> None:
    q = only(run(TITLE, "وأشارت الوزارة في تقريرها السنوي إلى تراجع المبيعات."))
    assert brief(q) == ("indirect", "وأشارت", "الوزارة", "تراجع المبيعات")
    assert q.venue == "في تقريرها السنوي"


def test_object_of_a_preposition_is_not_the_subject() -> None:
    found = run(TITLE, "قال رئيس النادي إن الفريق جاهز.", "وأشار في حديثه إلى أهمية دعم الجماهير.")
    # "حديثه" belongs to في; the speaker is the one quoted before
    assert [brief(x)[2] for x in found] == ["رئيس النادي", "رئيس النادي"]


def test_backward_attribution_through_a_verb() -> None:
    ala_ma = only(run(TITLE, "وأطلقت الشرطة النار على سيارة اقتحمت الحاجز، على ما أفاد مصدر أمني."))
    assert brief(ala_ma) == ("indirect", "أفاد", "مصدر أمني", "وأطلقت الشرطة النار على سيارة اقتحمت الحاجز")
    huwa_ma = run(
        TITLE, "وارتفع عدد البلاغات في رمضان، وهو ما أكده المتحدث باسم الهلال الأحمر مضيفاً أن الفرق باشرت 300 حالة."
    )
    assert [brief(q) for q in huwa_ma] == [
        ("indirect", "أكده", "المتحدث باسم الهلال الأحمر", "وارتفع عدد البلاغات في رمضان"),
        ("indirect", "مضيفاً", "المتحدث باسم الهلال الأحمر", "الفرق باشرت 300 حالة"),
    ]
    assert run(TITLE, "وتأخر افتتاح الطريق، وهو ما يهدد أمن السكان.") == ()
    assert run(TITLE, "وتراجعت الأسعار، على ما يبدو، بسبب ضعف الطلب.") == ()


def test_excerpts_of_one_statement_are_one_quote() -> None:
    q = only(
        run(TITLE, "وقال الوزير في مقابلة تلفزيونية: “لن نقبل بهذا القرار”.. “سنواصل العمل مع شركائنا”… “الحل سياسي في النهاية”.")
    )
    assert brief(q) == (
        "direct",
        "وقال",
        "الوزير",
        "لن نقبل بهذا القرار”.. “سنواصل العمل مع شركائنا”… “الحل سياسي في النهاية",
    )


def test_relay_noun_before_a_colon_quotation() -> None:
    q = only(run(TITLE, "ونقلت وكالة الأنباء عن المتحدث باسم الوزارة قوله: «الاتفاق لم يوقع بعد»."))
    assert brief(q) == ("direct", "ونقلت", "المتحدث باسم الوزارة", "الاتفاق لم يوقع بعد")


def test_venue_does_not_use_up_the_participle_window() -> None:
    qs = run(
        TITLE,
        "وقال الشاعر إن الجائزة تكريم له، مؤكداً في لقاء أجراه معه الإعلامي المعروف في برنامج «بيت القصيد» المسائي"
        " بأن الراحل ترك فراغاً كبيراً.",
    )
    assert [brief(q)[1:] for q in qs] == [
        ("وقال", "الشاعر", "الجائزة تكريم له"),
        ("مؤكداً", "الشاعر", "الراحل ترك فراغاً كبيراً"),
    ]
    assert qs[1].venue == "في لقاء أجراه معه الإعلامي المعروف في برنامج «بيت القصيد» المسائي"


def test_content_stops_at_the_writers_gloss() -> None:
    reply = only(run(TITLE, "وكشف رئيس اللجنة أنه لم يتلق أي طلب حتى الآن، وذلك في رده على سؤال حول انتقال اللاعب."))
    assert brief(reply) == ("indirect", "وكشف", "رئيس اللجنة", "لم يتلق أي طلب حتى الآن")
    means = only(run(TITLE, "وأوضح رئيس النادي أن البرنامج يهدف إلى جمع الطلاب، وذلك من خلال أنشطة أسبوعية."))
    assert brief(means)[3] == "البرنامج يهدف إلى جمع الطلاب، وذلك من خلال أنشطة أسبوعية"


def test_shadda_marks_the_verb_of_an_ambiguous_form() -> None:
    q = only(run(TITLE, "وعبّر الطلاب المشاركون عن سعادتهم بما تعلموه في البرنامج."))
    assert brief(q) == ("indirect", "وعبّر", "الطلاب المشاركون", "سعادتهم بما تعلموه في البرنامج")
    assert run(TITLE, "ووصل الطلاب عبر الحدود عن طريق البر.") == ()


def test_justification_cue() -> None:
    q = only(run(TITLE, "وبرّر الباحثون هذا التراجع بأن الزواج الثاني أصبح أقل قبولاً."))
    assert brief(q) == ("indirect", "وبرّر", "الباحثون", "الزواج الثاني أصبح أقل قبولاً")


def test_present_cue_after_a_governing_verb() -> None:
    paper = run(
        TITLE,
        "وذكرت الصحيفة أن المحققين استجوبوا مسؤولين في ثلاثة بنوك. وتابعت الصحيفة تقول إن التحقيقات لا تزال في بدايتها.",
    )
    assert brief(paper[1]) == ("indirect", "تقول", "الصحيفة", "التحقيقات لا تزال في بدايتها")
    going_on = run(TITLE, "وقال الوزير إن الخطة جاهزة. ومضى يقول إن التنفيذ يبدأ الشهر المقبل.")
    assert [brief(q)[1:] for q in going_on] == [
        ("وقال", "الوزير", "الخطة جاهزة"),
        ("يقول", "الوزير", "التنفيذ يبدأ الشهر المقبل"),
    ]
    assert run(TITLE, "وشارك في المهرجان فنانون في صورة تعبر عن الأصالة.") == ()


def test_place_before_the_title_colon_is_a_dateline_unless_it_speaks_in_the_first_person() -> None:
    def headlines(title: str, body: str) -> list[tuple[str, str | None, str | None, str]]:
        art = article(title, body)
        place = title.split(":")[0]
        loc = entity(art.article.text, "e1", "LOC", place, place)
        return [brief(q) for q in quotes(art, loc) if q.kind == "headline"]

    assert headlines("العراق: مقتل 15 من «داعش» بينهم قناصة عرب", "وقتل 15 مسلحا في الرمادي.") == []
    assert headlines("جدة: القبض على أحد المتحرشين", "وقبضت الشرطة على متحرش.") == []
    assert headlines("طهران: موجوداتنا المجمدة في الخارج تبلغ 29 مليار دولار", "وقال المسؤول إنها مجمدة.") == [
        ("headline", None, "طهران", "موجوداتنا المجمدة في الخارج تبلغ 29 مليار دولار")
    ]
