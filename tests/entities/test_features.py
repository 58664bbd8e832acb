"""Features of the name tagger: exact forms, stems, shapes, and determinism."""

from __future__ import annotations

import pytest

from khabar.entities.features import FeatureExtractor, Lexicon, normalize, shape, stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("إسرائيل", "اسرائيل"),
        ("أذربيجان", "اذربيجان"),
        ("مصطفى", "مصطفي"),
        ("الرئاسة", "الرئاسه"),
        ("مُؤْتَمَر", "مؤتمر"),
        ("القاهـــرة", "القاهره"),
    ],
)
def test_normalize(word: str, expected: str) -> None:
    assert normalize(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وللرئيس", ("ولل", "رئيس")),
        ("للرئيس", ("لل", "رئيس")),
        ("الرئيس", ("ال", "رئيس")),
        ("بالقاهرة", ("بال", "قاهره")),
        ("وبالقاهرة", ("وبال", "قاهره")),
        ("وريفلين", ("و", "ريفلين")),
        ("فالأمم", ("فال", "امم")),
        ("لأذربيجان", ("", "لاذربيجان")),  # a bare preposition is left to the lexicon look-up
        ("بلد", ("", "بلد")),
        ("ولد", ("", "ولد")),
    ],
)
def test_stem(word: str, expected: tuple[str, str]) -> None:
    assert stem(normalize(word)) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("ريفلين", "ar"),
        ("2020", "num"),
        ("12/10/2020", "num"),
        ("Knesset", "lat"),
        ("،", "punct"),
        ("F16ب", "mix"),
    ],
)
def test_shape(token: str, expected: str) -> None:
    assert shape(token) == expected


def _lexicon() -> Lexicon:
    return Lexicon(
        clusters={"ريفلين": ("3", "17", "201"), "رئيس": ("5", "40", "77"), "اذربيجان": ("2", "9", "88")},
        gazetteer={"اذربيجان": ("CTRY",), "رؤوفين": ("PER",)},
    )


def test_word_features_exact() -> None:
    fx = FeatureExtractor(_lexicon())
    assert fx.word_features("وريفلين") == [
        "bias",
        "len=6",
        "p2=ري",
        "p3=ريف",
        "s1=ن",
        "s2=ين",
        "s3=لين",
        "s4=فلين",
        "w=وريفلين",
        "sh=ar",
        "st=ريفلين",
        "pre=و",
        "c0=3",
        "c1=17",
        "c2=201",
    ]


def test_lexicon_lookup_falls_back_to_bare_preposition() -> None:
    feats = FeatureExtractor(_lexicon()).word_features("لأذربيجان")
    assert "g=CTRY" in feats
    assert "c2=88" in feats


def test_unknown_word_is_marked() -> None:
    assert "c=none" in FeatureExtractor(_lexicon()).word_features("باكو")


def test_lexicon_switches() -> None:
    feats = FeatureExtractor(_lexicon(), clusters=False, gazetteer=False).word_features("أذربيجان")
    assert not any(f.startswith(("c", "g=")) for f in feats)


def test_context_window_and_boundaries() -> None:
    sent = FeatureExtractor(_lexicon()).sentence(["قال", "الرئيس", "رؤوفين", "ريفلين"])
    assert len(sent) == 4
    assert "-1:BOS" in sent[0] and "-2:BOS" not in sent[0]
    assert "-2:BOS" in sent[1]
    third = sent[2]
    assert "-1:w=الرئيس" in third
    assert "-1:st=رئيس" in third
    assert "-1:c0=5" in third
    assert "-2:st=قال" in third
    assert "+1:w=ريفلين" in third
    assert "+2:EOS" in third
    assert "g=PER" in third
    assert "b-1:رئيس|رؤوفين" in third
    assert "+1:EOS" in sent[3]


def test_features_are_deterministic() -> None:
    tokens = ["وأكد", "الرئيس", "الإسرائيلي", "رؤوفين", "ريفلين", "دعم", "بلاده", "لأذربيجان", "."]
    a = FeatureExtractor(_lexicon())
    b = FeatureExtractor(_lexicon())
    first = a.sentence(tokens)
    assert a.sentence(tokens) == first  # from the cache
    assert b.sentence(tokens) == first  # from a fresh extractor
    assert a.sentence(list(reversed(tokens)))[::-1] != first  # and they do depend on context


def test_empty_sentence() -> None:
    assert FeatureExtractor(_lexicon()).sentence([]) == []


def test_trigger_name_memory_and_vector_clusters() -> None:
    lex = _lexicon()
    lex.triggers = {"رئيس": "per_title", "التقي": "per_verb"}
    lex.names = {"ريفلين": ("PERSON",)}
    lex.vclusters = {"ريفلين": ("7", "70", "700")}
    sent = FeatureExtractor(lex).sentence(["والتقى", "الرئيس", "ريفلين"])
    assert isinstance(sent[2], list)
    assert "-1:t=per_title" in sent[2]
    assert "-2:t=per_verb" in sent[2]  # found by the full form: "التقي" is not an article + "تقي"
    assert {"n=PERSON", "k0=7", "k1=70", "k2=700"} <= set(sent[2])
    assert "+1:n=PERSON" in sent[1] and "+1:k2=700" in sent[1]
    assert "+2:k1=70" in sent[0] and "+2:k2=700" not in sent[0]  # only coarse clusters at ±2
    plain = FeatureExtractor(lex, vclusters=False).word_features("ريفلين")
    assert not any(f.startswith("k") for f in plain)


def test_vectors_make_weighted_features() -> None:
    lex = _lexicon()
    lex.vectors = {"ريفلين": (0.5, -0.25), "رئيس": (1.0, 0.0)}
    sent = FeatureExtractor(lex).sentence(["للرئيس", "ريفلين", "غدا"])
    assert isinstance(sent[1], dict)
    assert sent[1]["bias"] == 1.0
    assert (sent[1]["v0"], sent[1]["v1"]) == (0.5, -0.25)
    assert (sent[1]["-1:v0"], sent[1]["+1:v=none"]) == (1.0, 1.0)
    assert sent[2]["v=none"] == 1.0
    no_window = FeatureExtractor(lex, vector_window=0).sentence(["للرئيس", "ريفلين"])
    assert isinstance(no_window[1], dict)
    assert "-1:v0" not in no_window[1]
    assert FeatureExtractor(lex, vectors=False).sentence(["ريفلين"]) == FeatureExtractor(_lexicon()).sentence(
        ["ريفلين"]
    )
