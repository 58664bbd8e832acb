"""The numpy CRF: same scores, marginals and paths as python-crfsuite; batching and padding change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from khabar.entities.chain import CrfWeights, bio_constraints, marginals, pad, viterbi
from khabar.entities.features import FeatureExtractor, Lexicon
from khabar.entities.tagger import Tagger

np = pytest.importorskip("numpy")
pycrfsuite = pytest.importorskip("pycrfsuite")

TRAIN = [
    ("استقبل الرئيس رؤوفين ريفلين وفدا في القدس .", "O O B-PERSON I-PERSON O O B-LOC O"),
    ("وقال ريفلين إن إسرائيل تدعم أذربيجان .", "O B-PERSON O B-LOC O B-LOC O"),
    ("وزار وزير الخارجية مولود جاويش أوغلو باكو .", "O O O B-PERSON I-PERSON I-PERSON B-LOC O"),
    ("وأعلنت الأمم المتحدة في نيويورك أن المجلس سيجتمع .", "O B-ORG I-ORG O B-LOC O O O O"),
    ("وقال جاويش أوغلو إن أنقرة تدعم باكو .", "O B-PERSON I-PERSON O B-LOC O B-LOC O"),
    ("وتصاعد القتال في ناغورنو كاراباخ أمس .", "O O O B-LOC I-LOC O O"),
]
SENTENCES = [
    ["والتقى", "ريفلين", "وزير", "الخارجية", "في", "باكو", "."],
    ["أذربيجان"],
    ["قال", "الرئيس", "إن", "الأمم", "المتحدة", "تدعم", "إسرائيل", "وأذربيجان", "."],
]


def _train(tmp_path_factory: pytest.TempPathFactory, vectors: bool) -> tuple[Any, FeatureExtractor]:
    lexicon = Lexicon(gazetteer={"باكو": ("LOC",), "ريفلين": ("PER",)}, clusters={"ريفلين": ("1", "2", "3")})
    if vectors:
        lexicon.vectors = {"ريفلين": (0.5, -0.25), "باكو": (-0.5, 0.75), "رئيس": (0.1, 0.1)}
    extractor = FeatureExtractor(lexicon, vectors=vectors)
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in TRAIN:
        trainer.append(extractor.sentence(text.split()), tags.split())
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 60, "feature.possible_transitions": True})
    path: Path = tmp_path_factory.mktemp("crf") / "crf.model"
    trainer.train(str(path))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return crf, extractor


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, FeatureExtractor]:
    return _train(tmp_path_factory, vectors=False)


@pytest.mark.parametrize("vectors", [False, True])
def test_matches_crfsuite(tmp_path_factory: pytest.TempPathFactory, vectors: bool) -> None:
    crf, extractor = _train(tmp_path_factory, vectors)
    weights = CrfWeights(crf, extractor)
    em, lengths = pad(np, [weights.emissions(s) for s in SENTENCES], len(weights.labels))
    probs = marginals(np, em[None], lengths, weights.trans[None])[0]
    paths = viterbi(np, em, lengths, weights.trans)
    for b, tokens in enumerate(SENTENCES):
        crf.set(extractor.sentence(tokens))
        expected = [[crf.marginal(t, i) for t in weights.labels] for i in range(len(tokens))]
        np.testing.assert_allclose(probs[b, : len(tokens)], expected, atol=1e-5)
        assert [weights.labels[k] for k in paths[b, : len(tokens)]] == crf.tag()


def test_batching_changes_nothing(model: tuple[Any, FeatureExtractor]) -> None:
    crf, extractor = model
    tagger = Tagger(CrfWeights(crf, extractor), extractor, {})
    together = tagger.tag_many_with_scores([*SENTENCES, []])
    assert together[-1] == ([], [])
    for tokens, (tags, scores) in zip(SENTENCES, together, strict=False):
        alone = tagger.tag_with_scores(tokens)
        assert alone[0] == tags
        np.testing.assert_allclose(alone[1], scores, atol=1e-9)
        assert all(0.0 < p <= 1.0 for p in scores)


def test_viterbi_keeps_the_last_label_through_padding() -> None:
    labels = ["B-LOC", "I-LOC", "O"]
    trans, start = bio_constraints(np, labels)
    scores = np.log(
        np.array(
            [
                [[0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]],
                [[0.1, 0.1, 0.8], [0.9, 0.05, 0.05], [0.9, 0.05, 0.05]],  # two tokens, then padding
            ]
        )
    )
    path = viterbi(np, scores, np.array([3, 2]), trans, start)
    assert path[0].tolist() == [0, 1, 2]  # I-LOC may not start a sentence
    assert path[1].tolist() == [2, 0, 0]


def test_segment_decoding_keeps_a_name_whole(model: tuple[Any, FeatureExtractor]) -> None:
    """Two models agree "ناغورنو كاراباخ" is one name, not on its type: label by label it would be cut."""
    crf, extractor = model
    tagger = Tagger(CrfWeights(crf, extractor), extractor, {})
    labels = tagger.labels
    rows = [
        {"O": 1.0},
        {"B-PERSON": 0.45, "B-LOC": 0.45, "O": 0.1},
        {"I-PERSON": 0.33, "I-LOC": 0.32, "O": 0.35},
    ]
    probs = np.array([[[row.get(t, 0.0) for t in labels] for row in rows]])
    path = tagger._segment(probs, np.array([3]))
    assert [labels[k] for k in path[0]] == ["O", "B-PERSON", "I-PERSON"]
    trans, start = bio_constraints(np, labels)
    labelwise = viterbi(np, np.log(probs + 1e-9), np.array([3]), trans, start)
    assert [labels[k] for k in labelwise[0]][2] == "O"
