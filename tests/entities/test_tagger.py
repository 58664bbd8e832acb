"""The ensemble tagger: CRF and BiLSTM marginals averaged, the O factor, label agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.entities.bilstm import BiLSTM, Encoder
from khabar.entities.chain import CrfWeights, marginals, pad
from khabar.entities.conll import repair_bio
from khabar.entities.features import FeatureExtractor, Lexicon
from khabar.entities.tagger import Tagger
from khabar.errors import ExtractionError

from .helpers import random_bilstm_weights

np = pytest.importorskip("numpy")
pycrfsuite = pytest.importorskip("pycrfsuite")

TRAIN = [
    ("استقبل الرئيس رؤوفين ريفلين وفدا في القدس .", "O O B-PERSON I-PERSON O O B-LOC O"),
    ("وقال ريفلين إن إسرائيل تدعم أذربيجان .", "O B-PERSON O B-LOC O B-LOC O"),
    ("وتصاعد القتال في ناغورنو كاراباخ أمس .", "O O O B-LOC I-LOC O O"),
    ("وزار مولود جاويش أوغلو باكو .", "O B-PERSON I-PERSON I-PERSON B-LOC O"),
]
SENTENCES = [
    ["والتقى", "ريفلين", "في", "باكو", "."],
    ["وقال", "الرئيس", "إن", "القدس", "تدعم", "أذربيجان", "."],
]


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrfWeights, FeatureExtractor, BiLSTM]:
    lexicon = Lexicon(gazetteer={"باكو": ("LOC",)}, clusters={"ريفلين": ("1", "2", "3")})
    extractor = FeatureExtractor(lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in TRAIN:
        trainer.append(extractor.sentence(text.split()), tags.split())
    trainer.set_params({"c2": 0.1, "max_iterations": 40, "feature.possible_transitions": True})
    path: Path = tmp_path_factory.mktemp("crf") / "crf.model"
    trainer.train(str(path))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    tags = sorted({t for _, ts in TRAIN for t in ts.split()})
    return CrfWeights(crf, extractor), extractor, _bilstm(lexicon, tags)


def _bilstm(lexicon: Lexicon, tags: list[str], extra: int = 0) -> BiLSTM:
    chars = ["<pad>", "<unk>", *sorted(set("".join(t for s, _ in TRAIN for t in s.split())))]
    enc = Encoder(lexicon, ["<pad>", "<unk>", "ريفلين", "باكو"], chars, ["LOC"])
    weights = random_bilstm_weights(enc, tags, word_dims=8, seed=7, extra_inputs=extra)
    return BiLSTM(weights, enc, tags)


def test_ensemble_averages_the_marginals(parts: tuple[CrfWeights, FeatureExtractor, BiLSTM]) -> None:
    crf, extractor, bilstm = parts
    tagger = Tagger(crf, extractor, {"ensemble_weight": 0.3, "decode": "argmax"}, bilstm)
    labels = tagger.labels
    cols = [crf.labels.index(t) for t in labels]
    neural = bilstm.marginals(SENTENCES)
    for tokens, theirs, (tags, scores) in zip(
        SENTENCES, neural, tagger.tag_many_with_scores(SENTENCES), strict=True
    ):
        em, lengths = pad(np, [crf.emissions(tokens)], len(labels))
        ours = marginals(np, em[None], lengths, crf.trans[None])[0, 0][:, cols]
        expected = 0.3 * ours + 0.7 * theirs
        best = expected.argmax(axis=1)
        np.testing.assert_allclose(scores, expected[np.arange(len(tokens)), best], atol=1e-4)
        assert tags == list(repair_bio(labels[k] for k in best))


def test_a_lower_o_weight_finds_more_names(parts: tuple[CrfWeights, FeatureExtractor, BiLSTM]) -> None:
    crf, extractor, bilstm = parts
    names = []
    for o_weight in (1.0, 0.5, 1e-6):
        tagger = Tagger(crf, extractor, {"decode": "segment", "o_weight": o_weight}, bilstm)
        names.append(sum(t != "O" for tags in tagger.tag(SENTENCES) for t in tags))
    assert names[0] <= names[1] <= names[2] == sum(map(len, SENTENCES))


def test_models_must_agree_on_labels(parts: tuple[CrfWeights, FeatureExtractor, BiLSTM]) -> None:
    crf, extractor, bilstm = parts
    other = _bilstm(bilstm.encoder.lexicon, ["B-ORG", "I-ORG", "O"])
    with pytest.raises(ExtractionError, match="disagree on labels"):
        Tagger(crf, extractor, {}, other)


def test_stacked_network_reads_the_crf_marginals(parts: tuple[CrfWeights, FeatureExtractor, BiLSTM]) -> None:
    crf, extractor, bilstm = parts
    stacked = _bilstm(bilstm.encoder.lexicon, bilstm.tags, extra=len(bilstm.tags))
    assert stacked.extra_dims == len(bilstm.tags)
    tagger = Tagger(crf, extractor, {"ensemble_weight": 0.4, "decode": "argmax"}, stacked)
    cols = [crf.labels.index(t) for t in tagger.labels]
    for tokens, (_, scores) in zip(SENTENCES, tagger.tag_many_with_scores(SENTENCES), strict=True):
        em, lengths = pad(np, [crf.emissions(tokens)], len(cols))
        ours = marginals(np, em[None], lengths, crf.trans[None])[0, 0][:, cols]
        net_em, _ = stacked.scores([tokens], [ours])
        theirs = stacked.network_marginals(net_em, lengths)[0, 0]
        expected = 0.4 * ours + 0.6 * theirs
        np.testing.assert_allclose(scores, expected.max(axis=1), atol=1e-4)
        blind, _ = stacked.scores([tokens], [np.zeros_like(ours)])
        assert not np.allclose(blind, net_em)  # the marginals change the network's scores
