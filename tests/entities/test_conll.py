"""Corpus readers and the entity-level scorer used by training and bench/ner.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.entities import conll


def test_spans_seqeval_reading() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert list(conll.spans(tags)) == [(0, 2, "PERSON"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]
    assert list(conll.spans(["B-MISC"])) == [(0, 1, "MISC")]
    assert list(conll.spans([])) == []


def test_repair_bio() -> None:
    assert conll.repair_bio(["O", "I-ORG", "I-ORG", "I-LOC"]) == ("O", "B-ORG", "I-ORG", "B-LOC")


def test_evaluate_exact_match() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PERSON", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-MISC"]]
    scores = conll.evaluate(gold, pred)
    assert (scores["ALL"].tp, scores["ALL"].fp, scores["ALL"].fn) == (2, 2, 1)
    assert scores["PERSON"].f1 == 0.0
    assert scores["LOC"].f1 == 1.0
    assert scores["ALL"].precision == pytest.approx(0.5)
    assert scores["ALL"].recall == pytest.approx(2 / 3)
    plo = conll.evaluate(gold, pred, ("PERSON", "ORG", "LOC"))
    assert (plo["ALL"].tp, plo["ALL"].fp, plo["ALL"].fn) == (2, 1, 1)


def test_desegment_fane() -> None:
    toks = ["و", "حزب", "الله", "اكد", "عاصمة", "ها", "ل", "الاتحاد", "الاوروبي"]
    tags = [
        "O",
        "I-Non-Governmental",
        "I-Non-Governmental",
        "O",
        "O",
        "O",
        "O",
        "B-GPE-Cluster",
        "I-GPE-Cluster",
    ]
    assert conll.desegment(toks, tags) == (
        ["وحزب", "الله", "اكد", "عاصمةها", "للاتحاد", "الاوروبي"],
        ["B-Non-Governmental", "I-Non-Governmental", "O", "O", "B-GPE-Cluster", "I-GPE-Cluster"],
    )


def test_desegment_keeps_conjunction_inside_a_name() -> None:
    toks, tags = conll.desegment(["محمد", "و", "احمد"], ["B-Artist", "I-Artist", "I-Artist"])
    assert (toks, tags) == (["محمد", "واحمد"], ["B-Artist", "I-Artist"])


def test_fane_mapping_follows_anercorp() -> None:
    assert conll.FANE_COARSE["Politician"] == "PERSON"
    assert conll.FANE_COARSE["Nation"] == "LOC"
    assert conll.FANE_COARSE["Media"] == "ORG"
    assert "Group" not in conll.FANE_COARSE  # "العرب", "الإسرائيليين": O in ANERcorp


def test_drop_overlap() -> None:
    held = [conll.Tagged(("وقال", "الرئيس", "الإسرائيلي", "رؤوفين", "ريفلين", "أمس"), ("O",) * 6)]
    same = conll.Tagged(("و", "قال", "الرئيس", "الاسرائيلي", "رؤوفين", "ريفلين", "امس", "."), ("O",) * 8)
    other = conll.Tagged(("زار", "وزير", "الخارجية", "التركي", "العاصمة", "باكو", "اليوم"), ("O",) * 7)
    assert conll.drop_overlap([same, other], held) == [other]


def test_read_conll(tmp_path: Path) -> None:
    path = tmp_path / "x.conll"
    path.write_text("قال\tO\nريفلين\tB-PERS\n\nالصالحية ونايفة\tO\n", encoding="utf-8")
    assert conll.read_conll(path) == [(["قال", "ريفلين"], ["O", "B-PERS"]), (["الصالحية ونايفة"], ["O"])]


def test_anercorp_and_aqmar_mapping(shared_dir: Path) -> None:
    data = shared_dir / "data"
    train = conll.anercorp("train", data)
    assert len(train) == 4165
    assert train[1].tokens[3:5] == ("برند", "جوتشولك")
    assert train[1].tags[3:5] == ("B-PERSON", "I-PERSON")
    fit, dev = conll.train_dev(train)
    assert (len(fit), len(dev)) == (3749, 416)
    tags = {t for s in conll.aqmar("test", data) for t in s.tags}
    assert tags == {"O", "B-PERSON", "I-PERSON", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}
