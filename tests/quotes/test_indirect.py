"""Cue verbs and what they introduce (khabar.quotes.indirect), on sentences written for these tests."""

from __future__ import annotations

from .helpers import article, brief, entity, quotes, run

TITLE = "أخبار"


def test_ambiguous_cue_with_colon_and_quotation_is_speech() -> None:
    found = run(TITLE, "وتابع مدرب الفريق (55 عاما): «لن نتنازل عن اللقب».")
    assert [brief(q) for q in found] == [("direct", "وتابع", "مدرب الفريق (55 عاما)", "لن نتنازل عن اللقب")]


def test_correlative_wa_bayna_is_not_the_verb() -> None:
    assert run(TITLE, "وجرى الحديث عن الخلاف بينه وبين النادي «نحن متفقون على كل شيء».") == ()


def test_hamza_form_after_an_inside_a_quotation_is_the_speaker_himself() -> None:
    found = run(TITLE, "وقال اللاعب: «أريد أن أظهر للناس أن المال لا يهمني».")
    assert [brief(q) for q in found] == [("direct", "وقال", "اللاعب", "أريد أن أظهر للناس أن المال لا يهمني")]


def test_addressee_after_the_verb_is_not_the_speaker() -> None:
    body = "وكان المدير قد قال للوزير خالد العمر إن المشروع متأخر."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "PERSON", "خالد العمر", "خالد العمر"),
    )
    assert [brief(q) for q in found] == [("indirect", "قال", "المدير", "المشروع متأخر")]


def test_participle_followed_by_its_subject() -> None:
    body = "واختتم الاجتماع أعماله مؤكداً وزير الخارجية سامي العلي دعم بلاده للحل السياسي."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي العلي", "title:وزير الخارجية سامي العلي"))
    assert [brief(q) for q in found] == [
        ("indirect", "مؤكداً", "وزير الخارجية سامي العلي", "دعم بلاده للحل السياسي"),
    ]
    assert found[0].speaker is not None and found[0].speaker.entity == "E1"


def test_name_starting_with_la_before_a_quotation() -> None:
    found = run(TITLE, "وختم لا سانا حديثه قائلا: «سنعود أقوى».")
    assert [(q.kind, q.content.text) for q in found] == [("direct", "سنعود أقوى")]


def test_negated_cue_reports_nothing() -> None:
    assert run(TITLE, "ولم يوضح المدرب ما إذا كان اللاعب سيبقى. ولن تعلن الوزارة أن المشروع توقف.") == ()


def test_ittala_without_hamza_is_viewing_not_informing() -> None:
    found = run(TITLE, "واطلع الوفد على مراحل المشروع. وأطلع المدير الوفد على أن العمل سينتهي قريبا.")
    assert [brief(q) for q in found] == [("indirect", "وأطلع", "المدير الوفد", "العمل سينتهي قريبا")]


def test_classify_admit_and_rule_out_take_a_that_clause() -> None:
    found = run(
        TITLE,
        "وصنف الوزير الجماعتين بأنهما خطر على الأمن. وأقر المدرب بأن الفريق لعب بشكل سيئ. واستبعد المحلل أن ترتفع الأسعار.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وصنف", "الوزير", "خطر على الأمن"),
        ("indirect", "وأقر", "المدرب", "الفريق لعب بشكل سيئ"),
        ("indirect", "واستبعد", "المحلل", "ترتفع الأسعار"),
    ]


def test_clause_attributed_by_bihasab_opens_on_kana() -> None:
    found = run(TITLE, "وبحسب وكالة «رويترز»، كان الوزير قد قال للصحفيين إن الاتفاق قريب.")
    assert [(brief(q), q.reported_by.text if q.reported_by else None) for q in found] == [
        (("indirect", "وبحسب", "رويترز", "كان الوزير قد قال للصحفيين إن الاتفاق قريب"), None),
        (("indirect", "قال", "الوزير", "الاتفاق قريب"), "رويترز"),
    ]


def test_object_after_the_subject_of_an_object_verb() -> None:
    found = run(
        TITLE, "أبلغ وزير الداخلية الصحفيين أن الحدود ستغلق غدا. وحث مدير الشرطة المواطنين على الإبلاغ."
    )
    assert [brief(q) for q in found] == [
        ("indirect", "أبلغ", "وزير الداخلية", "الحدود ستغلق غدا"),
        # with إلى/على the content opens on whom the call is addressed to
        ("indirect", "وحث", "مدير الشرطة", "المواطنين على الإبلاغ"),
    ]


def test_nominative_plural_participle_is_a_noun_subject() -> None:
    found = run(TITLE, "وقال مدعون إن المتهمين غادروا البلاد.")
    assert [brief(q) for q in found] == [("indirect", "وقال", "مدعون", "المتهمين غادروا البلاد")]


def test_cue_after_a_quotation_with_its_own_content_is_not_a_trailing_cue() -> None:
    found = run(
        TITLE,
        "وفيما يتعلق بمشروع «حي الديرة التاريخي»، أوضح المدير أن العمل انتهى. متابعاً بأن «الافتتاح قريب».",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "أوضح", "المدير", "العمل انتهى"),
        ("mixed", "متابعاً", "المدير", "«الافتتاح قريب»"),
    ]


def test_indefinite_noun_after_a_definite_subject_opens_the_object() -> None:
    found = run(TITLE, "واتهمت السلطات تنظيم الدولة بأنه نفذ الهجوم.")
    assert [brief(q) for q in found] == [("indirect", "واتهمت", "السلطات", "نفذ الهجوم")]


def test_partner_phrase_is_not_the_object_and_general_is_not_a_year() -> None:
    found = run(
        TITLE,
        "أعلنت أمانة المنطقة بالتعاون مع إدارة مرور المنطقة الشرقية إغلاق الطريق.",
        "وأوضح المدير العام للأمانة خالد السعد أن الجسر سيفتتح قريبا.",
    )
    assert [(q.cue.text if q.cue else None, q.content.text) for q in found] == [
        ("أعلنت", "إغلاق الطريق"),
        ("وأوضح", "الجسر سيفتتح قريبا"),
    ]
    assert found[1].speaker is not None and found[1].speaker.text == "المدير العام للأمانة خالد السعد"


def test_quoted_name_before_the_complementizer_is_the_subject() -> None:
    found = run(TITLE, 'وذكر المشرف على الفعالية "الدكتور سعد بن علي العمري" أن الجناح استقبل ألف زائر.')
    assert [(q.kind, q.content.text) for q in found] == [("indirect", "الجناح استقبل ألف زائر")]
    assert found[0].speaker is not None and "سعد بن علي العمري" in found[0].speaker.text


def test_impersonal_present_with_a_prepositional_phrase_is_no_quote() -> None:
    assert run(TITLE, "ويعتقد على نطاق واسع أن المدينة بنيت قبل ألف عام.") == ()


def test_counted_noun_and_except_are_not_cues() -> None:
    found = run(TITLE, "وتخرج 38 طالبا بكلية العلوم. لن تصلوا لشيء عدا أنكم كشفتم جبنكم.")
    assert found == ()


def test_chair_of_the_subject_is_not_the_speaker() -> None:
    body = "أعلن مجلس إدارة النادي برئاسة سامي الخالد رفضه التام للقرار."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي الخالد", "سامي الخالد"))
    assert [brief(q) for q in found] == [("indirect", "أعلن", "مجلس إدارة النادي", "رفضه التام للقرار")]


def test_possessed_object_before_a_later_cue() -> None:
    body = "وأبدى مدير الشركة سالم الغامدي شكره لجميع المشاركين، داعيا أن يعيد الله العيد على الجميع."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم الغامدي", "سالم الغامدي"))
    assert [
        (q.cue.text if q.cue else None, q.speaker.entity if q.speaker else None, q.content.text)
        for q in found
    ] == [
        ("وأبدى", "E1", "شكره لجميع المشاركين"),
        ("داعيا", "E1", "يعيد الله العيد على الجميع"),
    ]


def test_passive_present_of_a_weak_verb_is_not_a_cue() -> None:
    found = run(TITLE, "وروى أحد السكان ويدعى محمد السالم للوكالة «أن المدينة غارقة في الفوضى».")
    assert [(q.cue.text if q.cue else None, q.content.text) for q in found] == [
        ("وروى", "أن المدينة غارقة في الفوضى")
    ]


def test_noun_object_after_a_one_word_subject() -> None:
    found = run(
        TITLE, "وأكد الوزير أهمية التعاون بين البلدين. وأبدت الجامعة إمكانية تحويل قبولها إلى كلية الطب."
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وأكد", "الوزير", "أهمية التعاون بين البلدين"),
        ("indirect", "وأبدت", "الجامعة", "إمكانية تحويل قبولها إلى كلية الطب"),
    ]


def test_relative_clause_describes_the_object_not_the_subject() -> None:
    body = "نفت وزارة الداخلية الأنباء التي ترددت عن منع دخول المواطنين."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "ORG", "وزارة الداخلية", "وزارة الداخلية"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "الأنباء التي ترددت عن منع دخول المواطنين")
    ]


def test_object_of_a_cue_after_a_relative_pronoun() -> None:
    body = "وتلقى الرئيس اتصالا من الرئيس الفرنسي فرنسوا هولاند الذي أكد له دعم باريس للبنان، على ما يبدو."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "فرنسوا هولاند", "فرنسوا هولاند"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "دعم باريس للبنان")
    ]


def test_period_after_an_preposition_is_not_the_content() -> None:
    found = run(TITLE, "وكشفت النشرة الشهرية للمصرف عن شهر مايو الماضي، عن بلوغ التضخم أعلى مستوى.")
    assert [brief(q) for q in found] == [
        ("indirect", "وكشفت", "النشرة الشهرية للمصرف", "بلوغ التضخم أعلى مستوى")
    ]


def test_verbal_noun_after_ba_reports_for_the_governing_verbs_subject() -> None:
    found = run(
        TITLE,
        "ولم تتهم الوزارة أي طرف، واكتفى الناطق باسمها سعد الفهد بالقول، إن «الأجهزة تحقق في الحادث».",
        "ورد الوزير على الانتقادات بقوله: «نحن نعمل بصمت». وقام اللاعب بقول الحقيقة أمام الجميع.",
    )
    assert [brief(q) for q in found] == [
        ("mixed", "بالقول", "الناطق باسمها سعد الفهد", "«الأجهزة تحقق في الحادث»"),
        ("direct", "بقوله", "الوزير", "نحن نعمل بصمت"),
    ]


def test_indefinite_object_after_a_definite_phrase_or_an_organization() -> None:
    body = "وكشفت التحقيقات والأدلة صحة اتهام الفتاة. وكشفت مديرية الدفاع المدني بمنطقة عسير تفاصيل حادثة الحريق."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a, entity(text, "E1", "ORG", "مديرية الدفاع المدني بمنطقة عسير", "مديرية الدفاع المدني بمنطقة عسير")
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وكشفت", "التحقيقات والأدلة", "صحة اتهام الفتاة"),
        ("indirect", "وكشفت", "مديرية الدفاع المدني بمنطقة عسير", "تفاصيل حادثة الحريق"),
    ]


def test_wafaqa_as_a_verb_is_no_attribution() -> None:
    assert run(TITLE, "وتقام المبادرة ليشارك الأيتام الفرحة بما وفق الله إليه عباده المؤمنين.") == ()


def test_indefinite_noun_after_a_definite_prepositional_phrase_opens_the_object() -> None:
    """ "للانتخابات" is definite (ل + ال): the bare noun after it is the object, not its genitive."""
    found = run("أخبار", "وأرجعت اللجنة العليا للانتخابات مسؤولية التأخير إلى البلديات.")
    assert [brief(q) for q in found] == [
        ("indirect", "وأرجعت", "اللجنة العليا للانتخابات", "مسؤولية التأخير إلى البلديات")
    ]


def test_also_cue_opening_its_sentence_reads_its_own_object() -> None:
    """ "كما أكد X …" with nothing before it in the sentence has no clause to attribute backwards."""
    found = run("أخبار", "وصل الوزير إلى باريس. كما أكد الوزير أهمية التنسيق بين البلدين.")
    assert [brief(q) for q in found] == [("indirect", "أكد", "الوزير", "أهمية التنسيق بين البلدين")]


def test_detached_pronoun_after_the_subject_opens_the_reported_clause() -> None:
    found = run(
        TITLE,
        "وعن المقطع الجديد قال المتحدث هما مدانتان، ويجب على الجميع احترام الأنظمة. وقال الوزير هو الآخر إن الاتفاق قريب.",
    )
    assert [brief(q) for q in found] == [
        ("direct", "قال", "المتحدث", "هما مدانتان، ويجب على الجميع احترام الأنظمة"),
        ("indirect", "وقال", "الوزير", "الاتفاق قريب"),
    ]


def test_pronoun_complement_closes_the_subject_before_a_noun_object() -> None:
    found = run(TITLE, "وكشف الباحث فيها تطور أندية كوريا الجنوبية عن بقية الاتحادات الأخرى.")
    assert [brief(q) for q in found] == [
        ("indirect", "وكشف", "الباحث", "تطور أندية كوريا الجنوبية عن بقية الاتحادات الأخرى")
    ]


def test_bare_abbar_opening_its_clause_with_a_subject_and_an_is_the_verb() -> None:
    found = run(
        TITLE,
        "وعبر مدير النادي عن شكره للجماهير على حضورها. وعبر الهاتف تحدث الموظف عن خطته.",
    )
    assert [brief(q) for q in found] == [("indirect", "وعبر", "مدير النادي", "شكره للجماهير على حضورها")]


def test_masdar_of_a_lam_initial_verb_is_no_definite_noun() -> None:
    found = run(
        TITLE,
        "وأعلنت الشرطة إلقاء القبض على ثلاثة مشتبه بهم. وأعلنت الشركة الغاء 56 رحلة معظمها إلى جدة في حين ألغت شركة أخرى 17 رحلة.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وأعلنت", "الشرطة", "إلقاء القبض على ثلاثة مشتبه بهم"),
        ("indirect", "وأعلنت", "الشركة", "الغاء 56 رحلة معظمها إلى جدة"),
    ]


def test_verbal_noun_reports_with_a_source_as_its_genitive() -> None:
    found = run(
        TITLE,
        "وتعقد الحكومة جلستها اليوم رغم تأكيد مصادر حكومية عدم التوصل إلى اتفاق. "
        "وجاء القرار بعد تأكيد الوزارة أن المدارس ستفتح في موعدها. "
        "ويهدف البرنامج إلى تأكيد أهمية القراءة.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "تأكيد", "مصادر حكومية", "عدم التوصل إلى اتفاق"),
        ("indirect", "تأكيد", "الوزارة", "المدارس ستفتح في موعدها"),
    ]


def test_noun_object_after_a_venue_ends_before_a_later_participle_cue() -> None:
    found = run(
        TITLE,
        'أكد رئيس لجنة الاحتراف لـ"الوطن" صحة انتقال اللاعب إلى نادي الاتحاد، منوها بعدم اختصاص اللجنة بعقده السابق.',
    )
    assert [brief(q) for q in found] == [
        ("indirect", "أكد", "رئيس لجنة الاحتراف", "صحة انتقال اللاعب إلى نادي الاتحاد"),
        ("indirect", "منوها", "رئيس لجنة الاحتراف", "بعدم اختصاص اللجنة بعقده السابق"),
    ]


def test_subject_before_the_verb_an_addressee_and_a_possessed_object() -> None:
    body = "لكن الأهلي أكد لبرشلونة تمسكه باللاعب وعدم الموافقة على رحيله."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a, entity(text, "E1", "ORG", "الأهلي", "الأهلي"), entity(text, "E2", "ORG", "برشلونة", "برشلونة")
    )
    assert [brief(q) for q in found] == [
        ("indirect", "أكد", "الأهلي", "تمسكه باللاعب وعدم الموافقة على رحيله")
    ]


def test_possessed_noun_after_an_organization_opens_the_object() -> None:
    body = "وأكد اتحاد الكرة الإماراتي تمسكه بالمدرب حتى نهاية الموسم."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "ORG", "اتحاد الكرة الإماراتي", "اتحاد الكرة الإماراتي"))
    assert [brief(q) for q in found] == [
        ("indirect", "وأكد", "اتحاد الكرة الإماراتي", "تمسكه بالمدرب حتى نهاية الموسم")
    ]


def test_a_possessed_person_noun_is_a_subject() -> None:
    found = run(TITLE, "وقال محاميه إن موكله بريء من التهم.")
    assert [brief(q) for q in found] == [("indirect", "وقال", "محاميه", "موكله بريء من التهم")]


def test_a_long_royal_title_and_name_then_the_object() -> None:
    body = "أكد خادم الحرمين الشريفين الملك سلمان بن عبد العزيز تنديد المملكة بالهجوم الذي استهدف المصلين."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سلمان بن عبد العزيز", "سلمان بن عبد العزيز"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "تنديد المملكة بالهجوم الذي استهدف المصلين")
    ]


def test_a_title_after_a_name_is_not_the_object() -> None:
    body = "وأكد سالم العتيبي مدير إدارة المرور أهمية الالتزام بالأنظمة."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سالم العتيبي", "سالم العتيبي"))
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("سالم العتيبي", "أهمية الالتزام بالأنظمة")
    ]


def test_an_acronym_in_brackets_after_the_name_and_an_adverbial_before_the_verb() -> None:
    body = "إلى ذلك، أكد حلف شمال الأطلسي (الناتو) تضامنه مع تركيا في حربها على الإرهاب."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(
        a,
        entity(text, "E1", "ORG", "حلف شمال الأطلسي", "حلف شمال الأطلسي"),
        entity(text, "E2", "ORG", "الناتو", "الناتو"),
    )
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "تضامنه مع تركيا في حربها على الإرهاب")
    ]


def test_form_two_lammaha_hints_like_almaha() -> None:
    found = run(TITLE, "لكن الرئيس لمّح، في تصريحات منفصلة، إلى أنه قد يترشح لولاية ثانية.")
    assert [brief(q) for q in found] == [("indirect", "لمّح", "الرئيس", "قد يترشح لولاية ثانية")]


def test_yara_is_active_though_written_with_alif_maqsura() -> None:
    found = run(TITLE, "ويرى الخبير الاقتصادي سامي النمر أن الأسعار ستنخفض العام المقبل.")
    assert [brief(q) for q in found] == [("indirect", "ويرى", "الخبير الاقتصادي سامي النمر", "الأسعار ستنخفض العام المقبل")]


def test_inda_opens_an_adverbial_not_the_subject() -> None:
    body = "وكان وزير الخارجية سامي النمر قال عند وصوله إلى الاجتماع: «نأمل أن تنجح المفاوضات»."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي النمر", "سامي النمر"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "نأمل أن تنجح المفاوضات")
    ]


def test_a_prepositional_phrase_inside_a_title_after_a_comma_is_not_the_complement() -> None:
    body = (
        "طالب الشيخ سامي النمر عضو مجلس الشورى، وأستاذ الفقه بالمعهد العالي للقضاء، "
        "وسائل الإعلام بتجاهل الشائعات."
    )
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سامي النمر", "سامي النمر"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [("E1", "بتجاهل الشائعات")]


def test_a_head_keeps_only_its_own_preposition() -> None:
    found = run(
        TITLE,
        "وأشار المسؤول إلى ضرورة الالتزام بالأنظمة. وأعرب المسؤول عن الملف عن قلقه من التأخير. "
        "وأكد المسؤول بضرورة الإسراع في التنفيذ.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وأشار", "المسؤول", "ضرورة الالتزام بالأنظمة"),
        ("indirect", "وأعرب", "المسؤول عن الملف", "قلقه من التأخير"),
        ("indirect", "وأكد", "المسؤول", "بضرورة الإسراع في التنفيذ"),
    ]


def test_scene_setting_after_the_verbs_own_preposition() -> None:
    found = run(
        TITLE,
        "وأكد الوزير على هامش افتتاح المعرض أن المشروع سيبدأ قريبا. "
        "وأكدت الوزارة في تغريدة على حسابها في تويتر أن الدراسة ستبدأ في موعدها.",
    )
    assert [brief(q) for q in found] == [
        ("indirect", "وأكد", "الوزير", "المشروع سيبدأ قريبا"),
        ("indirect", "وأكدت", "الوزارة", "الدراسة ستبدأ في موعدها"),
    ]


def test_ban_opening_a_name_is_no_complementizer() -> None:
    body = "وقال الأمين العام للأمم المتحدة بان كي مون إن المفاوضات ستستأنف."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "بان كي مون", "بان كي مون"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [("E1", "المفاوضات ستستأنف")]


def test_a_plural_verb_has_a_pronoun_subject() -> None:
    body = "وحسب أحد المنظمين، فإن الآلاف تجمعوا للتنديد بالاتفاق الذي يهدد، كما قالوا، الأمن العالمي وأمن إسرائيل."
    a = article(TITLE, body)
    found = quotes(a, entity(a.article.text, "E1", "LOC", "إسرائيل", "إسرائيل"))
    assert all(q.speaker is None or "الأمن" not in q.speaker.text for q in found), [brief(q) for q in found]


def test_a_place_after_the_title_and_a_name_in_apposition_before_the_object() -> None:
    found = run(
        TITLE,
        "وطالب مدير عام التعليم بمنطقة الرياض المواطنين بضرورة الالتزام بالأنظمة. "
        "وأكد مدير المستشفى، الدكتور سعد القحطاني، أهمية الالتزام بالمواعيد.",
    )
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in found] == [
        ("مدير عام التعليم بمنطقة الرياض", "بضرورة الالتزام بالأنظمة"),
        ("مدير المستشفى، الدكتور سعد القحطاني", "أهمية الالتزام بالمواعيد"),
    ]


def test_an_appositive_name_without_its_closing_comma_ends_the_subject() -> None:
    body = "وأكد مدير المستشفى، الدكتور سعد القحطاني أهمية الالتزام بالمواعيد."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "سعد القحطاني", "سعد القحطاني"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "أهمية الالتزام بالمواعيد")
    ]


def test_ban_in_a_name_before_the_verb() -> None:
    body = "الأمين العام للأمم المتحدة بان كي مون أكد أن المفاوضات ستستأنف."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "بان كي مون", "بان كي مون"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [("E1", "المفاوضات ستستأنف")]


def test_a_relative_clause_describing_the_subject_before_its_possessed_object() -> None:
    body = "وأعلن نادي الاتحاد الذي ينافس في الدوري اليوم الأربعاء توصله لاتفاق لبيع لاعبه."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "ORG", "الاتحاد", "الاتحاد"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "توصله لاتفاق لبيع لاعبه")
    ]


def test_brothers_after_the_subject_are_whom_the_call_was_addressed_to() -> None:
    found = run(TITLE, "ودعت المديرية العامة للجوازات الأخوة اليمنيين إلى سرعة مراجعة مراكز التصحيح.")
    assert [brief(q) for q in found] == [
        ("indirect", "ودعت", "المديرية العامة للجوازات", "الأخوة اليمنيين إلى سرعة مراجعة مراكز التصحيح")
    ]


def test_a_title_and_name_in_apposition_after_a_definite_subject() -> None:
    body = "نفى الناطق الرسمي باسم التعليم مدير العلاقات العامة ناصر النهاري صحة ما تناولته بعض الصحف."
    a = article(TITLE, body)
    text = a.article.text
    found = quotes(a, entity(text, "E1", "PERSON", "ناصر النهاري", "ناصر النهاري"))
    assert [(q.speaker.entity if q.speaker else None, q.content.text) for q in found] == [
        ("E1", "صحة ما تناولته بعض الصحف")
    ]


def test_bayna_between_two_alternatives_is_no_cue() -> None:
    body = "واجتمعت الإدارة مع اللاعب وخيرته بين الانتقال لنجران أو البقاء، خصوصا أن العرض يفوق العروض الأخرى."
    a = article(TITLE, body)
    found = quotes(a, entity(a.article.text, "E1", "ORG", "نجران", "نجران"))
    assert [brief(q)[1] for q in found] == []


def test_ba_and_a_derived_verbal_noun_after_the_subject_is_the_content() -> None:
    found = run(
        TITLE,
        "وتعهدت المؤسسة بالإعلان بكل شفافية عن نتائج التحقيق. "
        "وقال رئيس لجنة الحكام بالاتحاد السعودي إن التحكيم تطور.",
    )
    assert [(brief(q)[2], brief(q)[3]) for q in found] == [
        ("المؤسسة", "بالإعلان بكل شفافية عن نتائج التحقيق"),
        ("رئيس لجنة الحكام بالاتحاد السعودي", "التحكيم تطور"),
    ]


def test_bi_dhalika_after_the_verb_points_back_and_the_subject_follows() -> None:
    # "صرح بذلك المدير": the statement came before; "بذلك مدير المستشفى" is not its content
    a = article(
        TITLE,
        "وأكد المتحدث باسم الدفاع المدني أن الحريق اندلع في المستودع. وتعرض ثلاثة أطفال لكسور. "
        "صرح بذلك مدير المستشفى عطية المالكي، موضحا أن الحالات وصلت سريعا.",
    )
    found = quotes(a, entity(a.article.text, "E1", "PERSON", "عطية المالكي", "عطية المالكي"))
    assert [brief(q) for q in found] == [
        ("indirect", "وأكد", "المتحدث باسم الدفاع المدني", "الحريق اندلع في المستودع"),
        ("indirect", "موضحا", "عطية المالكي", "الحالات وصلت سريعا"),
    ]


def test_that_clause_of_a_first_person_verb_is_not_an_earlier_cues() -> None:
    # the أن belongs to "وأتمنى", the letter writer's own verb, not to "وجدت" before it
    assert run(TITLE, "وأشكر ما وجدت فيكم من روح المحبة وأتمنى منكم أن تسامحوني على التقصير.") == ()


def test_present_verb_after_anna_with_a_pronoun_is_the_speakers_own_clause() -> None:
    found = run(TITLE, "وقال النائب إن المنطقة آمنة. وأبان أنه يأمل أن يتم الكشف عن الحقيقة قريبا.")
    assert [brief(q) for q in found] == [
        ("indirect", "وقال", "النائب", "المنطقة آمنة"),
        ("indirect", "وأبان", "النائب", "يأمل أن يتم الكشف عن الحقيقة قريبا"),
    ]


def test_plural_document_nouns_are_sources_after_a_quantifier() -> None:
    found = run(TITLE, "وتؤكد بعض الدراسات الحديثة صحة هذه النتائج.")
    assert [brief(q) for q in found] == [("indirect", "وتؤكد", "بعض الدراسات الحديثة", "صحة هذه النتائج")]


def test_accusative_participle_after_the_subject_is_not_part_of_it() -> None:
    found = run(TITLE, "وقال زوج المعلمة متحفظاً على اسمه إن ابنته حاصلة على نسبة عالية.")
    assert [brief(q) for q in found] == [("indirect", "وقال", "زوج المعلمة", "ابنته حاصلة على نسبة عالية")]


def test_participle_of_adda_reports_and_the_dual_returned_does_not() -> None:
    found = run(TITLE, "وأوضح المدير أن الرعاية تأتي دعما للثقافة، عادا هذا الدعم بداية تعاون مستقبلي.")
    assert [brief(q) for q in found] == [
        ("indirect", "وأوضح", "المدير", "الرعاية تأتي دعما للثقافة"),
        ("indirect", "عادا", "المدير", "هذا الدعم بداية تعاون مستقبلي"),
    ]
    assert run(TITLE, "وعادا إلى الرياض بعد الزيارة.") == ()


def test_content_ends_before_a_doubled_root_participle_with_its_own_that_clause() -> None:
    found = run(TITLE, "وأكد مصدر مطلع أن القرار تسمية الإدارة باسم جديد، معدا أن هذا القرار يأتي في إطار التطوير.")
    assert [q.content.text for q in found][:1] == ["القرار تسمية الإدارة باسم جديد"]


def test_cue_in_a_time_clause_after_an_reports() -> None:
    # "بعد أن" is the أنْ of a time clause, not the conditional "إنْ" spelled alike when folded
    for body in ("وتراجع السهم بعد أن أكد الوزير أن المشروع متأخر.", "وتراجع السهم بعد ان أكد الوزير أن المشروع متأخر."):
        assert [brief(q) for q in run(TITLE, body)] == [("indirect", "أكد", "الوزير", "المشروع متأخر")]


def test_ashara_with_a_colon_or_a_quotation() -> None:
    found = run(TITLE, "وأشار المدرب في تصريحات صحفية: «الفريق جاهز للمباراة».")
    assert [brief(q) for q in found] == [("direct", "وأشار", "المدرب", "الفريق جاهز للمباراة")]


def test_god_after_da_a_is_whom_the_prayer_is_addressed_to() -> None:
    found = run(TITLE, "وقال المحافظ إن الشهيدين قدما أرواحهما للوطن. ودعا الله عز وجل أن يرحمهما.")
    assert [(q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in found] == [
        ("وقال", "المحافظ"),
        ("ودعا", "المحافظ"),
    ]


def test_that_clause_after_a_noun_object_and_a_comma_belongs_to_a_later_verb() -> None:
    # the prayer "سائلا المولى أن …" is a quote of its own, like "دعا الله أن …"
    found = run(TITLE, "وأكد المدير أهمية المشروع، سائلا المولى أن يوفق الجميع.")
    assert [brief(q) for q in found] == [
        ("indirect", "وأكد", "المدير", "أهمية المشروع"),
        ("indirect", "سائلا", "المدير", "يوفق الجميع"),
    ]


def test_bayna_between_two_parties_is_the_preposition() -> None:
    body = "وبدا الاحتقان الكبير بين اللاعب صاحب الكرة الذهبية ومدربه، وقرر المدرب أن يتدرب اللاعبون."
    assert run(TITLE, body) == ()
    found = run(TITLE, "وفي السياق نفسه بين المهندس أنه سيتم البدء في الأعمال.")
    assert [(q.cue.text if q.cue else None, q.content.text) for q in found] == [("بين", "سيتم البدء في الأعمال")]


def test_nawwaha_with_ba_praises_unless_a_necessity_or_a_that_clause_follows() -> None:
    assert run(TITLE, "ونوه المدير بجهود الفريق.") == ()
    found = run(TITLE, "ونوه المدير بضرورة الالتزام بالتعليمات. ونوه المدير بأن الطريق مغلق.")
    assert [q.content.text for q in found] == ["بضرورة الالتزام بالتعليمات", "الطريق مغلق"]


def test_ambiguous_form_after_kama_with_a_that_clause_is_the_verb() -> None:
    # ذكر is also "male"; after كما, with a short subject and أن, it is the verb
    found = run(TITLE, "وندرس إنشاء خطوط تجميع. كما ذكر قوطالي أن روسيا وتونس تدرسان المسألة.")
    assert [brief(q) for q in found] == [("indirect", "ذكر", "قوطالي", "روسيا وتونس تدرسان المسألة")]


def test_responsibility_opens_the_object_not_a_subject_with_an() -> None:
    # "المسؤولية عن" is the claim, not "المسؤول عن" inside a subject
    found = run(TITLE, "وأعلن التنظيم المسؤولية عن التفجير.")
    assert [brief(q) for q in found] == [("indirect", "وأعلن", "التنظيم", "المسؤولية عن التفجير")]
