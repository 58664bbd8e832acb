"""Who speaks a cue's quote (khabar.quotes.attach), on sentences written for these tests."""

from __future__ import annotations

from .helpers import article, brief, entity, quotes, run

TITLE = "أخبار"


def test_topic_of_amma_is_the_speaker() -> None:
    found = run(
        TITLE,
        "ورحب النائب بالقرار. أما المحلل السياسي سعيد المري فأشار إلى أن الانتخابات ستؤجل، وقال «لا أحد يريدها الآن».",
        "أما وزارة الصحة فقد أكدت أن الوباء تحت السيطرة.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "فأشار", "المحلل السياسي سعيد المري", "الانتخابات ستؤجل"),
        ("direct", "وقال", "المحلل السياسي سعيد المري", "لا أحد يريدها الآن"),
        ("indirect", "أكدت", "وزارة الصحة", "الوباء تحت السيطرة"),
    ]


def test_topic_before_an_object_verb() -> None:
    found = run(TITLE, "أما الكاتب فهد العمري فقد برر غيابه بأنه كان مريضا.")
    assert [brief(q) for q in found] == [("indirect", "برر", "الكاتب فهد العمري", "كان مريضا")]


def test_participle_continues_the_subject_after_the_opening_verb() -> None:
    from .helpers import article, entity, quotes

    body = "انتقدت دولة الكويت تصريحات الوزير السابق سمير الأحمد، معتبرة أنها تسيء إلى العلاقات بين البلدين."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "LOC", "الكويت", "الكويت"),
        entity(text, "E2", "PERSON", "سمير الأحمد", "سمير الأحمد"),
    )
    assert [brief(q) for q in found] == [
        ("indirect", "معتبرة", "دولة الكويت", "تسيء إلى العلاقات بين البلدين"),
    ]


def test_possessed_noun_after_the_name_is_the_object() -> None:
    from .helpers import article, entity, quotes

    body = "واتهم المنتج فهد السالم زميله خالد الرومي باستنساخ شخصياته."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "فهد السالم", "فهد السالم"),
        entity(text, "E2", "PERSON", "خالد الرومي", "خالد الرومي"),
    )
    assert [q.speaker.entity if q.speaker else None for q in found] == ["E1"]
    assert found[0].content.text == "باستنساخ شخصياته"


def test_plural_participle_is_not_said_by_the_one_person_named() -> None:
    from .helpers import article, entity, quotes

    body = "وهاجم مغردون وزير التعليم سالم العمر، معتبرين أن قراره سيضر بالطلاب."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم العمر", "title:وزير التعليم سالم العمر"))
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None) for q in found] == [
        ("معتبرين", None)
    ]


def test_dateline_is_not_the_subject_a_participle_continues() -> None:
    from .helpers import article, entity, quotes

    body = "سبق- جدة: ثمن السفير أحمد السالم دعم الشركة للمستشفيات، مؤكداً أن المبادرة ستتسع."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "LOC", "جدة", "جدة"),
        entity(text, "E2", "PERSON", "أحمد السالم", "أحمد السالم"),
    )
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None) for q in found] == [
        ("مؤكداً", "E2")
    ]


def test_subject_before_qad_wins_over_the_object_after_the_verb() -> None:
    found = run(TITLE, "وكان اللاعب قد كتب سلسلة تغريدات: أنا مرتبط بعقد مع النادي حتى نهاية الموسم.")
    assert [brief(q) for q in found] == [
        ("direct", "كتب", "اللاعب", "أنا مرتبط بعقد مع النادي حتى نهاية الموسم"),
    ]


def test_demonstrative_and_noun_before_the_cue() -> None:
    found = run(TITLE, "عاش البلد أياما صعبة، لكن هذا الشعب أكد أنه لا يرضى بالهزيمة. وهذه المساعدات تؤكد التزام الدولة.")
    assert [brief(q) for q in found] == [("indirect", "أكد", "هذا الشعب", "لا يرضى بالهزيمة")]


def test_study_as_a_headline_speaker() -> None:
    from khabar.model import Quote

    found: tuple[Quote, ...] = run("دراسة: الأطفال ينامون أقل في الصيف", "رصد معهد الأبحاث تراجعا في ساعات النوم.")
    assert [(q.kind, q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("headline", "دراسة", "الأطفال ينامون أقل في الصيف")
    ]


def test_lawyer_speaks_not_his_client() -> None:
    from .helpers import article, entity, quotes

    body = "وقال المحامي سامر العلي محامي خالد الحربي: «نطالب بقاض محايد»."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "سامر العلي", "سامر العلي"),
        entity(text, "E2", "PERSON", "خالد الحربي", "خالد الحربي"),
    )
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [("E1", "نطالب بقاض محايد")]


def test_relative_clause_of_an_object_verb_and_a_resumptive_subject() -> None:
    from .helpers import article, entity, quotes

    body = (
        "ورفض الوزير تصريحات النائب سامي الجابر الذي اتهم الحكومة بدعم الفساد. "
        "وتحدث عن نيجيريا التي حذر رئيسها الولايات المتحدة من أن سياستها تضر بالجهود."
    )
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي الجابر", "سامي الجابر"))
    assert [(q.cue.text if q.cue else None, q.content.text) for q in found] == [
        ("اتهم", "بدعم الفساد"),
        ("حذر", "سياستها تضر بالجهود"),
    ]
    assert found[0].speaker is not None and found[0].speaker.entity == "E1"
    assert found[1].speaker is not None and found[1].speaker.text.startswith("رئيسها")


def test_a_name_that_spoke_before_is_a_source() -> None:
    found = run(
        TITLE,
        "ورأى الخرينج أن التصريح لا يخدم الاستقرار. ودعا الخرينج إلى التعاون بين دول المنطقة.",
    )
    assert [(q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in found] == [
        ("ورأى", "الخرينج"),
        ("ودعا", "الخرينج"),
    ]


def test_plural_participle_agrees_with_the_group_named_before_it() -> None:
    """The video cannot demand: "مطالبين" is said by the users named just before it."""
    found = run("أخبار", "وأثار القرار موجة من الغضب بين رواد مواقع التواصل الاجتماعي، مطالبين بإلغائه فورا.")
    assert [brief(q) for q in found] == [("indirect", "مطالبين", "رواد مواقع التواصل الاجتماعي", "بإلغائه فورا")]


def test_participle_subject_is_the_title_not_a_country_after_between() -> None:
    """"بين مصر وفرنسا" is the preposition, not the verb بيّن with مصر as its subject."""
    body = "وأشاد وزير الدفاع المصري بالتعاون القائم بين مصر وفرنسا، مشيرا إلى وجود فرص كثيرة للتعاون."
    a = article("أخبار", body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "وزير الدفاع المصري", "title:وزير الدفاع المصري"),
        entity(text, "E2", "LOC", "مصر", "مصر"),
        entity(text, "E3", "LOC", "فرنسا", "فرنسا"),
    )
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("وزير الدفاع المصري", "وجود فرص كثيرة للتعاون")
    ]


def test_family_name_alone_is_the_person_named_in_full_before() -> None:
    body = (
        "وطالب القيادي ياسر الرعيني الحكومة بالعمل الجاد. "
        "وأكد الرعيني في تصريحات لـ«عكاظ» على ضرورة الاهتمام بالنازحين، معتبرا أن المقاومة حققت نقلة نوعية."
    )
    a = article("أخبار", body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "ياسر الرعيني", "ياسر الرعيني"))
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("وطالب", "E1", "بالعمل الجاد"),
        ("وأكد", "E1", "ضرورة الاهتمام بالنازحين"),
        ("معتبرا", "E1", "المقاومة حققت نقلة نوعية"),
    ]


def test_plural_relative_refers_to_the_plural_noun_not_the_person_named_last() -> None:
    body = "وانتقد معارضون في البرلمان، وزير المالية خالد العلي، الذين يقولون إن قراره كان متسرعا."
    a = article("أخبار", body)
    found = quotes(a, entity(a.article.text, "E1", "PERSON", "خالد العلي", "خالد العلي"))
    assert [brief(q) for q in found] == [("indirect", "يقولون", "معارضون في البرلمان", "قراره كان متسرعا")]


def test_verb_after_kama_does_not_repeat_a_participle_before_it() -> None:
    found = run(
        "أخبار",
        "وأثار المقطع الغضب بين رواد مواقع التواصل، مطالبين بمحاسبة الشابين، كما طالبوا بتطبيق نظام صارم ضد التحرش.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "مطالبين", "رواد مواقع التواصل", "بمحاسبة الشابين"),
        ("indirect", "طالبوا", "رواد مواقع التواصل", "بتطبيق نظام صارم ضد التحرش"),
    ]


def test_name_opening_the_subject_wins_over_a_name_in_its_apposition() -> None:
    body = "وقال سامر الحلبي المدير الإقليمي لدى شركة فيصل حداد للعقارات “نتوقع أن ترتفع أسعار الإيجارات هذا العام”."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "سامر الحلبي", "سامر الحلبي"),
        entity(text, "E2", "PERSON", "فيصل حداد", "فيصل حداد"),
    )
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "نتوقع أن ترتفع أسعار الإيجارات هذا العام")
    ]


def test_a_cue_with_its_own_colon_ends_the_colon_statement_before_it() -> None:
    body = (
        "وقال المدرب في المؤتمر: أتمنى الفوز غدا وأعرف المنافس جيدا، وعن مستوى المهاجم البرازيلي قال "
        "المدرب الروماني: المهاجم لاعب مهم ولم يتراجع مستواه، واختتم المدرب حديثه بقوله: يجب أن نركز في الوسط."
    )
    assert [brief(q) for q in run(TITLE, body)] == [
        ("direct", "وقال", "المدرب", "أتمنى الفوز غدا وأعرف المنافس جيدا"),
        ("direct", "قال", "المدرب الروماني", "المهاجم لاعب مهم ولم يتراجع مستواه"),
        ("direct", "بقوله", "المدرب", "يجب أن نركز في الوسط"),
    ]


def test_a_second_speaker_in_his_turn_and_the_closing_words_of_the_first() -> None:
    body = (
        "وأكد الوزير أن الخطة ناجحة، وبدوره أكد لاعب خط وسط الفريق سالم الدوسري أن المباراة صعبة، "
        "واختتم الدوسري حديثه بقوله: أنا جاهز لما يطلبه المدرب."
    )
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم الدوسري", "سالم الدوسري", "الدوسري"))
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("وأكد", None, "الخطة ناجحة"),
        ("أكد", "E1", "المباراة صعبة"),
        ("بقوله", "E1", "أنا جاهز لما يطلبه المدرب"),
    ]


def test_a_participle_continues_an_untagged_subject_after_the_opening_verb() -> None:
    found = run(TITLE, "عززت وزارة العمل استعداداتها لموسم الحج، مؤكدة على استمرار حملات التفتيش.")
    assert [brief(q) for q in found] == [("indirect", "مؤكدة", "وزارة العمل", "استمرار حملات التفتيش")]


def test_bare_abar_before_an_and_its_verbal_noun_is_the_verb() -> None:
    body = "أعرب الأمين العام سالم العلي عن أسفه للحادث. وعبر عن استغرابه من التصريحات، مؤكدا أن التدخل مرفوض."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم العلي", "سالم العلي"))
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None) for q in found] == [
        ("أعرب", "E1"),
        ("وعبر", "E1"),
        ("مؤكدا", "E1"),
    ]


def test_a_closing_tag_by_the_same_speaker_is_no_second_quote() -> None:
    body = "وقال سالم العلي إن الورشة تصلح الأسلحة المعطوبة، حسب ما أفاد."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم العلي", "سالم العلي"))
    assert [(q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None) for q in found] == [("وقال", "E1")]


def test_a_relative_clause_whose_object_is_its_antecedent_reports_nothing() -> None:
    body = "ويأتي ذلك وسط رفض شعبي في صنعاء لدعوات التعبئة التي أعلن عنها زعيم الحركة عبدالملك الحوثي."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a, entity(text, "E1", "LOC", "صنعاء", "صنعاء"), entity(text, "E2", "PERSON", "عبدالملك الحوثي", "عبدالملك الحوثي")
    )
    assert found == ()


def test_the_passive_tu_tabar_and_la_siyyama_report_nothing_of_their_own() -> None:
    found = run(TITLE, "وأوضح المشرف أن الرحلة تعتبر من أوجه الخير للأبناء لا سيما أنها مكنتهم من زيارة المسجد.")
    assert [brief(q)[1] for q in found] == ["وأوضح"]


def test_a_date_after_the_verb_is_not_its_subject() -> None:
    found = run(TITLE, "وكانت العائلة أعلنت نهاية يونيو أن الفتاة نقلت إلى مركز للرعاية.")
    assert [brief(q) for q in found] == [("indirect", "أعلنت", "العائلة", "الفتاة نقلت إلى مركز للرعاية")]


def test_the_latter_is_the_person_named_last() -> None:
    body = "والتقى الوزير خالد العمر بالسفير أحمد سالم، وأكد الأخير أن العلاقات قوية."
    a = article("أخبار", body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "خالد العمر", "خالد العمر"),
        entity(text, "E2", "PERSON", "أحمد سالم", "أحمد سالم"),
    )
    assert [brief(q) for q in found] == [("indirect", "وأكد", "أحمد سالم", "العلاقات قوية")]
    assert found[0].speaker is not None and found[0].speaker.entity == "E2"


def test_feminine_verb_shares_the_subject_of_the_feminine_verb_opening_the_sentence() -> None:
    a = article(
        "أخبار",
        "وأصدرت جامعة تبوك بيانا تبرأت فيه من أي علاقة بالوفاة، وقالت إن الوفاة لا علاقة لها بالقبول.",
        "وصدقت جهات رقابية أوروبية أمس على عقار جديد، وقالت إنه آمن وفعال.",
    )
    found = quotes(a, entity(a.article.text, "E1", "ORG", "جامعة تبوك", "جامعة تبوك"))
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("جامعة تبوك", "الوفاة لا علاقة لها بالقبول"),
        ("جهات رقابية أوروبية", "آمن وفعال"),
    ]


def test_subject_before_the_verb_with_a_relative_clause() -> None:
    found = run(
        "أخبار",
        "استشاري أمراض القلب بالمستشفى الذي يختبر التقنية الجديدة قال «العلاج يمثل تقدما كبيرا».",
        "العمليات الإرهابية التي شهدتها المنطقة تؤكد خطورة الوضع.",
    )
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("استشاري أمراض القلب بالمستشفى", "العلاج يمثل تقدما كبيرا"),
    ]


def test_coordinated_cue_after_a_contrast_shares_the_contrast_clauses_subject() -> None:
    found = run(
        "أخبار",
        "وتدخل اللاعب أربيولا لتهدئة زميله، بيد أن النجم البرتغالي استمر في ثورته، وقال: «دائما ما ترى العيوب فينا».",
        "وحاول المدرب تهدئة اللاعب، لكن اللاعب واصل احتجاجه، وقال إن الحكم ظلمه.",
    )
    assert [q.speaker.text if q.speaker else None for q in found] == ["النجم البرتغالي", "اللاعب"]


def test_coordinated_cue_reaches_the_name_after_a_long_title() -> None:
    a = article(
        "أخبار",
        "واختتم صالح الغتم المنافسات بتحقيقه المركز الثالث.",
        "ورفع نائب رئيس الوفد السعودي المشارك في الدورة خالد الأحمد التهاني لرئيس اللجنة، "
        'وقال: "نجح أبطالنا في تحقيق تطلعات الجميع".',
    )
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "صالح الغتم", "صالح الغتم"),
        entity(text, "E2", "PERSON", "خالد الأحمد", "خالد الأحمد"),
    )
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found][-1] == (
        "E2",
        "نجح أبطالنا في تحقيق تطلعات الجميع",
    )


def test_a_relative_clause_cue_needs_a_source_as_its_antecedent() -> None:
    assert run("أخبار", "وهي فكرة طرحت في ظل مشكلات المياه التي تهدد بتقويض قطاع الغذاء.") == ()
    found = run("أخبار", "وانتشر المقطع بين رواد شبكات التواصل الذين طالبوا بإنزال أشد العقاب بالمتحرشين.")
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("رواد شبكات التواصل", "بإنزال أشد العقاب بالمتحرشين")
    ]


def test_cue_opening_a_sentence_shares_the_subject_of_the_narrated_sentence_before() -> None:
    # the man quoted first has left the scene; the feminine cue still continues the minister
    narrated = "من جهته، رفع محمد العتيبي التهاني للطلاب بمناسبة التخرج."
    art = article(TITLE, "وقال الوزير إن المشروع سيكتمل العام المقبل.", narrated, "وأكد في كلمته أن الجامعة ستفتح كليات جديدة.")
    person = entity(art.article.text, "e1", "PERSON", "محمد العتيبي", "محمد العتيبي")
    assert [brief(q)[2] for q in quotes(art, person)] == ["الوزير", "محمد العتيبي"]
    art = article(
        TITLE, "وقالت الوزيرة إن المشروع سيكتمل العام المقبل.", narrated, "وأكدت في كلمتها أن الجامعة ستفتح كليات جديدة."
    )
    person = entity(art.article.text, "e1", "PERSON", "محمد العتيبي", "محمد العتيبي")
    assert [brief(q)[2] for q in quotes(art, person)] == ["الوزيرة", "الوزيرة"]


def test_coordinated_verb_after_fima_shares_the_long_titled_subject() -> None:
    art = article(
        TITLE,
        "وقال الوزير إن المشروع سيكتمل العام المقبل.",
        "فيما رفع شيخ قبيلة البلاهدة في وادي كتنة الشيخ عواض بن عايض البلاهدي، الشكر للقيادة، "
        "وهنأ الطلاب ودعاهم إلى مواصلة الجهد.",
    )
    person = entity(art.article.text, "e1", "PERSON", "عواض بن عايض البلاهدي", "عواض بن عايض البلاهدي")
    assert [brief(q)[2] for q in quotes(art, person)] == ["الوزير", "عواض بن عايض البلاهدي"]


def test_definite_word_then_bare_noun_after_the_cue_is_subject_then_object() -> None:
    found = run(TITLE, "ونفى المتهم ارتكاب أي خطأ.", "وأعلن الطرفان توقيع الاتفاق.")
    assert [brief(q) for q in found] == [
        ("indirect", "ونفى", "المتهم", "ارتكاب أي خطأ"),
        ("indirect", "وأعلن", "الطرفان", "توقيع الاتفاق"),
    ]


def test_subject_before_a_pluperfect_kana_after_li_anna() -> None:
    art = article(
        TITLE,
        "وتراجعت الحكومة عن موقفها لأن النائب العام السابق خيسيوس موريلو كان قد قال في يناير (كانون الثاني) "
        "إن المكسيك لا تنوي تسليمه.",
    )
    person = entity(art.article.text, "e1", "PERSON", "خيسيوس موريلو", "خيسيوس موريلو")
    assert [brief(q)[1:3] for q in quotes(art, person)] == [("قال", "خيسيوس موريلو")]
    # a present-tense cue after لأن inside a quote stays part of it
    found = run(TITLE, "وقال الوزير إن الحكومة تراجعت لأن المعارضة أكدت أن القانون ظالم.")
    assert [brief(q)[3] for q in found] == ["الحكومة تراجعت لأن المعارضة أكدت أن القانون ظالم"]


def test_first_name_alone_before_the_cue_is_the_person_named_earlier() -> None:
    art = article(
        TITLE,
        "وخرجت شقيقته الفنانة مها أبو عوف لتوضح حقيقة مرضه.",
        "مها أكدت أن شقيقها لا يعاني من أي مرض عضوي.",
    )
    person = entity(art.article.text, "e1", "PERSON", "مها أبو عوف", "مها أبو عوف")
    found = quotes(art, person)
    assert [(brief(q)[2], q.speaker.entity if q.speaker else None) for q in found] == [("مها", "e1")]
    # a word that names no one earlier is not taken for a subject
    found = run(TITLE, "سعاد أكدت أن شقيقها لا يعاني من أي مرض عضوي.")
    assert [brief(q) for q in found] == [("indirect", "أكدت", None, "شقيقها لا يعاني من أي مرض عضوي")]


def test_cue_coordinated_with_a_relative_clause_verb_is_said_by_the_antecedent() -> None:
    art = article(
        TITLE,
        "وقال المدرب إن اللاعبين جاهزون.",
        "وكان في استقبال البعثة مدير الكرة منصور البلوي الذي أشاد باللاعبين وانتظامهم في التمارين، "
        "وطالبهم بتحقيق الفائدة الكبرى من المعسكر.",
    )
    person = entity(art.article.text, "e1", "PERSON", "منصور البلوي", "منصور البلوي")
    assert [brief(q)[1:3] for q in quotes(art, person)] == [("وقال", "المدرب"), ("وطالبهم", "منصور البلوي")]


def test_plural_cue_coordinated_with_the_opening_verb_shares_its_plural_subject() -> None:
    found = run(TITLE, "وأطلق العلماء على اللاصق اسم «جيكو»، وأوضحوا أن حجمه سيكون صغيرا.")
    assert [brief(q) for q in found] == [("indirect", "وأوضحوا", "العلماء", "حجمه سيكون صغيرا")]


def test_first_name_alone_after_the_cue_is_the_person_named_earlier() -> None:
    art = article(
        TITLE,
        "وقالت الفنانة رؤى الصبان إن الدور صعب.",
        "وقال المخرج فارس إن العمل جاهز.",
        "وأضافت رؤى أنها تحمست للمشاركة.",
    )
    person = entity(art.article.text, "e1", "PERSON", "رؤى الصبان", "رؤى الصبان")
    found = quotes(art, person)
    assert [(brief(q)[1:3], q.speaker.entity if q.speaker else None) for q in found] == [
        (("وقالت", "رؤى الصبان"), "e1"),
        (("وقال", "المخرج فارس"), None),
        (("وأضافت", "رؤى"), "e1"),
    ]


def test_participle_after_a_definite_subject_closed_by_a_comma() -> None:
    art = article(TITLE, "ومن جهته اتهم الزوج، جامعة تبوك بتغيير رغبات ابنته، مضيفاً بأن لديه مستندات تؤكد ذلك.")
    uni = entity(art.article.text, "e1", "ORG", "جامعة تبوك", "جامعة تبوك")
    assert [brief(q)[1:3] for q in quotes(art, uni)] == [("مضيفاً", "الزوج")]


def test_name_written_with_madda_is_no_complementizer() -> None:
    art = article(TITLE, "قالت آن بوفيرت، الرئيس التنفيذي للمنظمة، إن المنظمة مستمرة في التحدث مع الشركات.")
    person = entity(art.article.text, "e1", "PERSON", "آن بوفيرت", "بوفيرت")
    assert [brief(q)[1:] for q in quotes(art, person)] == [
        ("قالت", "بوفيرت", "المنظمة مستمرة في التحدث مع الشركات")
    ]


def test_participle_inside_a_relative_clause_is_said_by_its_antecedent() -> None:
    art = article(
        TITLE, "وغادر بينيتيز الملعب تاركا رونالدو، الذي كان مستمرا في توجيه حديثه للمدرب قائلا: «أنت تعادي البرتغاليين»."
    )
    people = (
        entity(art.article.text, "e1", "PERSON", "بينيتيز", "بينيتيز"),
        entity(art.article.text, "e2", "PERSON", "رونالدو", "رونالدو"),
    )
    assert [brief(q)[1:3] for q in quotes(art, *people)] == [("قائلا", "رونالدو")]
    # after a comma the relative clause is closed: the participle goes with the main verb
    art = article(TITLE, "وتحدث لوبيز عن الحارس كيكو الذي كان رفيقه في النادي، قائلا: «كيكو صديق».")
    people = (
        entity(art.article.text, "e1", "PERSON", "لوبيز", "لوبيز"),
        entity(art.article.text, "e2", "PERSON", "كيكو", "كيكو"),
    )
    assert [brief(q)[1:3] for q in quotes(art, *people)] == [("قائلا", "لوبيز")]


def test_plural_group_noun_is_a_source() -> None:
    # with names tagged in the article, a subject must look like a source to speak
    art = article(
        TITLE,
        "وأشار خالد المالكي إلى أن الحفل تضمن مسابقات وهدايا.",
        "وعبّر العمال عن سعادتهم بهذه المبادرة.",
    )
    person = entity(art.article.text, "e1", "PERSON", "خالد المالكي", "خالد المالكي")
    assert [brief(q)[1:3] for q in quotes(art, person)] == [("وأشار", "خالد المالكي"), ("وعبّر", "العمال")]


def test_venue_of_an_earlier_verb_stops_at_a_later_cue() -> None:
    # "في الحديث" reads as a venue; the participle after it, not تابع ("watched"), owns the colon
    art = article(
        TITLE, "وتابع بينيتيز مبتسمًا انفعالات رونالدو، الذي كان مستمرا في الحديث قائلا: «أنت تعادي البرتغاليين»."
    )
    people = (
        entity(art.article.text, "e1", "PERSON", "بينيتيز", "بينيتيز"),
        entity(art.article.text, "e2", "PERSON", "رونالدو", "رونالدو"),
    )
    assert [brief(q)[1:3] for q in quotes(art, *people)] == [("قائلا", "رونالدو")]
