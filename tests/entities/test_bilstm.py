"""The numpy BiLSTM-CRF: encoding of words, batching independence, marginals, BIO decoding."""

from __future__ import annotations

import itertools

import pytest

from khabar.entities.bilstm import MAX_CHARS, NETWORK_KEYS, PROCLITICS, SHAPES, BiLSTM, Encoder, pack
from khabar.entities.chain import bio_constraints, viterbi
from khabar.entities.features import Lexicon

from .helpers import random_bilstm_weights

np = pytest.importorskip("numpy")

TAGS = ["B-LOC", "B-PERSON", "I-LOC", "I-PERSON", "O"]


def _encoder() -> Encoder:
    lex = Lexicon(
        clusters={"ريفلين": ("3", "17", "201"), "اذربيجان": ("2", "9", "88")},
        gazetteer={"اذربيجان": ("CTRY",), "رؤوفين": ("PER",)},
    )
    chars = ["<pad>", "<unk>", *sorted(set("وريفلينالرئيسذبجانؤ"))]
    return Encoder(lex, ["<pad>", "<unk>", "رئيس", "ريفلين", "اذربيجان"], chars, ["CTRY", "PER"])


def test_encode_exact() -> None:
    enc = _encoder()
    wid, cid, active, chars = enc.encode("وريفلين")
    assert (wid, cid) == (3, 202)  # the stem's word id; finest cluster id + 1
    assert active == [2 + SHAPES.index("ar"), 2 + len(SHAPES) + PROCLITICS.index("و")]
    assert len(chars) == 7 and all(c > 1 for c in chars)
    # a bare preposition falls back to the word after it; gazetteer flag first
    wid, cid, active, _ = enc.encode("لأذربيجان")
    assert (wid, cid, active[0]) == (4, 89, 0)
    # unknown word, Latin shape, unknown characters
    wid, cid, active, chars = enc.encode("Baku")
    assert (wid, cid) == (1, 0)
    assert active == [2 + SHAPES.index("lat"), 2 + len(SHAPES) + PROCLITICS.index("")]
    assert chars == [1, 1, 1, 1]
    assert len(enc.encode("ا" * 30)[3]) == MAX_CHARS


def _weights(seed: int = 3) -> dict[str, object]:
    return random_bilstm_weights(_encoder(), TAGS, word_dims=100, seed=seed)


def _model(seed: int = 3) -> BiLSTM:
    return BiLSTM(_weights(seed), _encoder(), TAGS)


def test_batching_does_not_change_scores() -> None:
    model = _model()
    short = ["قال", "ريفلين"]
    long = ["وأكد", "الرئيس", "رؤوفين", "ريفلين", "في", "أذربيجان", "."]
    together = model.emissions([long, [], short])
    assert together[1].shape == (0, len(TAGS))
    fresh = _model()
    np.testing.assert_allclose(together[2], fresh.emissions([short])[0], atol=1e-5)
    np.testing.assert_allclose(together[0], fresh.emissions([long])[0], atol=1e-5)


def test_marginals_are_distributions() -> None:
    probs = _model().marginals([["وأكد", "الرئيس", "ريفلين", "."]])[0]
    assert probs.shape == (4, len(TAGS))
    np.testing.assert_allclose(probs.sum(axis=1), np.ones(4), atol=1e-5)


def test_bio_viterbi_only_well_formed() -> None:
    # I-PERSON scores highest everywhere, but may not start a name or follow a LOC
    scores = np.log(
        np.array(
            [
                [0.1, 0.3, 0.05, 0.5, 0.05],
                [0.6, 0.1, 0.05, 0.2, 0.05],
                [0.05, 0.05, 0.05, 0.8, 0.05],
            ]
        )
    )
    trans, start = bio_constraints(np, TAGS)
    path = [TAGS[k] for k in viterbi(np, scores[None], np.array([3]), trans, start)[0]]
    assert path[0] != "I-PERSON"
    for prev, cur in itertools.pairwise(path):
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:]
    assert path == ["B-PERSON", "I-PERSON", "I-PERSON"]


def test_pack_exact() -> None:
    rows, offsets, width = pack([3, 7, 2, 4, 5])
    assert width == 7
    # longest first, each into the emptiest row it fits: 7 | 5+2 | 4+3
    assert list(zip(rows, offsets, strict=True)) == [(2, 4), (0, 0), (1, 5), (2, 0), (1, 0)]


def test_packed_rows_reset_between_sentences() -> None:
    """A sentence's scores do not depend on the sentences packed into its row."""
    model = _model()
    sents = [["قال", "ريفلين"], ["وأكد", "الرئيس", "رؤوفين", "ريفلين", "في", "أذربيجان", "."], ["باكو"]]
    together = model.emissions(sents)
    for tokens, scores in zip(sents, together, strict=True):
        np.testing.assert_allclose(scores, _model().emissions([tokens])[0], atol=1e-5)


def test_stacked_networks_average_their_marginals() -> None:
    one, two = _weights(3), _weights(5)
    stacked = {k: np.stack([one[k], two[k]]) if k in NETWORK_KEYS else one[k] for k in one}
    stacked["word_emb"] = one["word_emb"]
    sent = [["وأكد", "الرئيس", "ريفلين", "في", "باكو", "."]]
    expected = (
        BiLSTM(one, _encoder(), TAGS).marginals(sent)[0]
        + BiLSTM({**two, "word_emb": one["word_emb"]}, _encoder(), TAGS).marginals(sent)[0]
    ) / 2
    np.testing.assert_allclose(BiLSTM(stacked, _encoder(), TAGS).marginals(sent)[0], expected, atol=1e-5)
