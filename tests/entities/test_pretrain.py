"""Language-model pretraining of the BiLSTM encoder: text cutting, training, hand-over to the NER training."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from khabar.entities import conll
from khabar.entities.bilstm import Encoder, load_bilstm
from khabar.entities.features import Lexicon

np = pytest.importorskip("numpy")
torch = pytest.importorskip("torch")

from khabar.entities.bilstm_train import PRETRAINED, load_pretrained, network, train_bilstm, unit_rows  # noqa: E402
from khabar.entities.pretrain import lm_text, pretrain_encoder  # noqa: E402

WORDS = ["قال", "الرئيس", "ريفلين", "في", "باكو", "وزير", "الخارجية", "ان", "اذربيجان", "."]


def _encoder(chars: str = "") -> Encoder:
    lex = Lexicon(
        clusters={w: ("1", "2", str(k * 7)) for k, w in enumerate(WORDS)},
        gazetteer={"باكو": ("LOC",), "ريفلين": ("PER",)},
    )
    alphabet = chars or "".join(sorted({c for w in WORDS for c in w}))
    return Encoder(lex, ["<pad>", "<unk>", *WORDS], ["<pad>", "<unk>", *alphabet], ["LOC", "PER"])


def _vectors() -> object:
    return np.random.default_rng(5).normal(size=(len(WORDS), 8))


def _text() -> list[conll.Tagged]:
    base = [
        ("قال", "الرئيس", "ريفلين", "في", "باكو", "."),
        ("قال", "وزير", "الخارجية", "ان", "اذربيجان", "."),
    ]
    return [conll.Tagged(base[k % 2], ()) for k in range(16)]


def test_lm_text_cuts_sentences(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl.gz"
    rows = [
        {"title": "زيارة ريفلين", "content": "قال الرئيس ريفلين في باكو. وأكد وزير الخارجية ذلك\nنعم"},
        {"title": "", "content": "وصل الوزير إلى أذربيجان اليوم"},
    ]
    with gzip.open(news, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    text = lm_text(news, max_len=4, min_len=2)
    assert [s.tokens for s in text] == [
        ("زياره", "ريفلين"),
        ("قال", "الرئيس", "ريفلين", "في"),
        ("باكو", "."),
        ("واكد", "وزير", "الخارجيه", "ذلك"),
        ("وصل", "الوزير", "الي", "اذربيجان"),
        # "اليوم" alone is shorter than min_len
    ]
    assert all(s.tags == () for s in text)
    # the limit stops after the paragraph that reaches it (the title: 2 tokens; the first line: 10 more)
    assert len(lm_text(news, max_len=4, min_len=2, limit=2)) == 1
    assert len(lm_text(news, max_len=4, min_len=2, limit=3)) == 4


def test_pretraining_learns_and_hands_over(tmp_path: Path) -> None:
    enc = _encoder()
    path = tmp_path / "pretrained.npz"
    record = pretrain_encoder(enc, _vectors(), _text(), path, seconds=60, epochs=40, batch_size=4, lr=0.02)
    assert record["batches"] == 160 and record["tokens"] == 160 * 4 * 6
    assert record["loss_last"] < record["loss_first"] - 1.0
    with np.load(path) as npz:
        saved = {k: npz[k] for k in npz.files}
    assert set(saved) == {"vocab_chars", "cluster.weight", "char.weight", "conv.weight", "conv.bias"} | {
        k for k in saved if k.startswith("lstm.")
    }
    assert all(k.startswith(PRETRAINED) for k in saved if k != "vocab_chars")
    # a network over a reordered alphabet gets each character's row, the rest as saved
    alphabet = "".join(reversed(sorted({c for w in WORDS for c in w}))) + "ژ"
    other = _encoder(alphabet)
    net = network(other, unit_rows(other, _vectors()), 5)
    fresh_row = net.state_dict()["char.weight"][other.chars["ژ"]].clone()
    load_pretrained(net, path, other)
    state = net.state_dict()
    for c, k in other.chars.items():
        if c in enc.chars:
            assert np.array_equal(state["char.weight"][k].numpy(), saved["char.weight"][enc.chars[c]])
    assert torch.equal(state["char.weight"][other.chars["ژ"]], fresh_row)
    assert np.array_equal(state["lstm.weight_hh_l0"].numpy(), saved["lstm.weight_hh_l0"])
    assert np.array_equal(state["cluster.weight"].numpy(), saved["cluster.weight"])


def test_pretraining_on_words_too(tmp_path: Path) -> None:
    enc = _encoder()
    clusters = pretrain_encoder(
        enc, _vectors(), _text(), tmp_path / "c.npz", seconds=60, epochs=10, batch_size=4
    )
    record = pretrain_encoder(
        enc, _vectors(), _text(), tmp_path / "w.npz", seconds=60, epochs=10, batch_size=4, words=6
    )
    # the word heads add their own loss (about ln 6 per direction at the start) and learn
    assert record["loss_first"] > clusters["loss_first"] + 2.0
    assert record["loss_last"] < record["loss_first"] - 1.0
    with np.load(tmp_path / "c.npz") as a, np.load(tmp_path / "w.npz") as b:
        assert a.files == b.files


def test_ner_training_starts_from_pretrained(tmp_path: Path) -> None:
    enc = _encoder()
    path = tmp_path / "pretrained.npz"
    pretrain_encoder(enc, _vectors(), _text(), path, seconds=60, epochs=2, batch_size=4)
    sents = [
        conll.Tagged(
            ("قال", "الرئيس", "ريفلين", "في", "باكو", "."), ("O", "O", "B-PERSON", "O", "B-LOC", "O")
        ),
        conll.Tagged(("وزير", "الخارجية", "في", "اذربيجان"), ("O", "O", "O", "B-LOC")),
    ]
    out = tmp_path / "bilstm.npz"
    train_bilstm(sents, enc, _vectors(), out, epochs=1, init=path)
    model = load_bilstm(out, enc.lexicon)
    assert model.tags == ["B-LOC", "B-PERSON", "O"]
    assert model.emissions([["قال", "ريفلين"]])[0].shape == (2, 3)
    # at a zero learning rate for the pretrained arrays they ship as pretrained
    frozen = tmp_path / "frozen.npz"
    train_bilstm(sents, enc, _vectors(), frozen, epochs=1, init=path, init_lr=0.0)
    with np.load(path) as pre, np.load(frozen) as got, np.load(out) as moved:
        assert np.array_equal(got["cluster_emb"], pre["cluster.weight"])
        assert np.array_equal(got["hh_f"], pre["lstm.weight_hh_l0"].T)
        assert not np.array_equal(moved["hh_f"], pre["lstm.weight_hh_l0"].T)
    # untagged text beside the tagged sentences: language-model batches move the encoder too
    with_lm = tmp_path / "with_lm.npz"
    train_bilstm(sents, enc, _vectors(), with_lm, epochs=1, init=path, lm=_text(), lm_share=2.0)
    with np.load(out) as a, np.load(with_lm) as b:
        assert a["out"].shape == b["out"].shape
        assert not np.allclose(a["ih"], b["ih"])
    # a pretrained file that does not fit the network is refused
    bad = tmp_path / "bad.npz"
    with np.load(path) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["cluster.weight"] = arrays["cluster.weight"][:, :16]
    np.savez(bad, **arrays)
    with pytest.raises(ValueError, match=r"cluster\.weight"):
        train_bilstm(sents, enc, _vectors(), out, epochs=1, init=bad)
