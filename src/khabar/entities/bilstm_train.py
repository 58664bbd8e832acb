"""Train the BiLSTM-CRF of :mod:`khabar.entities.bilstm` with PyTorch and export it to numpy.

Called by :mod:`khabar.entities.train` (``--bilstm``). Architecture: word
embedding (word2vec, 100 d, fixed unless ``--bilstm-fine-tune``; 60K words), cluster embedding (32 d,
the 1,024 PPMI clusters), character CNN (32 d chars, 64 filters of width 3,
max-pooled over 20 positions), gazetteer/shape/clitic one-hots → dropout 0.5
→ one BiLSTM layer (128 per direction) → dropout → tag scores → linear-chain
CRF (transition matrix, no start/end scores). Adam (lr 2e-3, cosine decay),
batches of 32 sentences of similar length, gradient norm clipped at 5, one
thread. The encoder (everything below the tag scores) can start from a
language model pretrained on the news (:mod:`khabar.entities.pretrain`,
``init``). torch is imported here only; the shipped model needs numpy alone.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.bilstm import MAX_CHARS, Encoder
from khabar.entities.features import Lexicon

log = logging.getLogger(__name__)

HIDDEN = 128
# Arrays a pretrained encoder hands over (not the word table: word2vec, fixed).
PRETRAINED = ("cluster.", "char.", "conv.", "lstm.")


def build_encoder(
    lexicon: Lexicon, words: Sequence[str], sents: Sequence[conll.Tagged], vocab: int
) -> Encoder:
    """Vocabularies: the ``vocab`` most frequent embedded words, the training characters, all flags."""
    from khabar.entities.features import normalize

    chars = sorted({c for s in sents for t in s.tokens for c in normalize(t)})
    flags = sorted({f for fs in lexicon.gazetteer.values() for f in fs})
    return Encoder(lexicon, ["<pad>", "<unk>", *words[:vocab]], ["<pad>", "<unk>", *chars], flags)


def train_bilstm(
    sents: Sequence[conll.Tagged],
    encoder: Encoder,
    vectors: Any,
    path: Path,
    *,
    epochs: int,
    fine_tune: bool = False,
    seed: int = 13,
    dev: Sequence[conll.Tagged] = (),
    aux: Sequence[conll.Tagged] = (),
    aux_share: float = 1.0,
    extra: dict[int, Any] | None = None,
    init: Path | None = None,
    lm: Sequence[conll.Tagged] = (),
    lm_share: float = 0.0,
    init_lr: float = 1.0,
) -> dict[str, float]:
    """Fit the network on ``sents`` and write ``path`` (npz); returns dev F1 by epoch when ``dev`` is given.

    The word2vec embeddings stay fixed unless ``fine_tune``: measured on dev,
    tuning them lets the training words drift away from the unseen words
    near them, and the LSTM then does worse on exactly those.
    ``vectors`` holds the word2vec rows of ``encoder``'s words after the two
    reserved ids (padding, unknown), in the same order. ``init``: a pretrained
    encoder to start from (:func:`load_pretrained`), its arrays learning at
    ``init_lr`` times the rate of the rest. ``lm``: untagged text
    the encoder keeps learning to predict neighbouring words' clusters from
    (:func:`khabar.entities.pretrain.lm_loss`), ``lm_share`` of its batches
    per tagged batch in an epoch.
    """
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rnd = random.Random(seed)
    tags = sorted({t for s in sents for t in s.tags})
    tag_id = {t: i for i, t in enumerate(tags)}
    extra_of = {k: np.asarray(v, dtype=np.float32) for k, v in (extra or {}).items()}
    width = next(iter(extra_of.values())).shape[1] if extra_of else 0
    emb = unit_rows(encoder, vectors)
    cache: dict[str, tuple[int, int, list[int], list[int]]] = {}

    def batch(group: Sequence[conll.Tagged]) -> tuple[Any, ...]:
        return tensors(group, encoder, cache, tag_id, extra_of, width)

    net = network(encoder, emb, len(tags), width, fine_tune=fine_tune)
    if init is not None:
        load_pretrained(net, init, encoder)
    heads = None
    if lm:
        from khabar.entities.pretrain import lm_heads, lm_loss

        heads = lm_heads()
    trained = [p for p in [*net.parameters(), *(heads.parameters() if heads else ())] if p.requires_grad]
    slow = {id(p) for k, p in net.named_parameters() if init is not None and k.startswith(PRETRAINED)}
    param_groups: list[dict[str, Any]] = [
        {"params": [p for p in trained if id(p) not in slow]},
        {"params": [p for p in trained if id(p) in slow], "lr": 2e-3 * init_lr},
    ]
    opt = torch.optim.Adam(param_groups, lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    groups = [(0, g) for g in _groups(sents)]
    aux_groups = [(1, g) for g in _groups(aux)]
    lm_groups = [(2, g) for g in _groups(lm)]
    history: dict[str, float] = {}
    started = time.perf_counter()
    for epoch in range(epochs):
        net.train()
        rnd.shuffle(aux_groups)
        rnd.shuffle(lm_groups)
        todo = groups + aux_groups[: int(aux_share * len(groups))] + lm_groups[: int(lm_share * len(groups))]
        rnd.shuffle(todo)
        total = 0.0
        for head, group in todo:
            tensors_ = batch(group)
            if head == 2:
                loss = lm_loss(net, heads, tensors_)
            else:
                wid, flags, chars, mask, gold, lengths = tensors_
                loss = net.nll(net.emissions(wid, flags, chars, lengths, head), gold, mask, head)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trained, 5.0)
            opt.step()
            total += loss.item()
        sched.step()
        log.info("bilstm epoch %d loss %.1f (%.0f s)", epoch, total, time.perf_counter() - started)
        if dev:
            _export(net, encoder, tags, path)
            from khabar.entities.bilstm import load_bilstm

            model = load_bilstm(path, encoder.lexicon)
            pred = [
                _viterbi(em, model.w["trans"][0], tags) for em in model.emissions([s.tokens for s in dev])
            ]
            f1 = conll.evaluate([s.tags for s in dev], pred)["ALL"].f1
            history[str(epoch)] = round(f1, 4)
            log.info("bilstm epoch %d dev F1 %.4f", epoch, f1)
    _export(net, encoder, tags, path)
    return history


def tensors(
    group: Sequence[conll.Tagged],
    encoder: Encoder,
    cache: dict[str, tuple[int, int, list[int], list[int]]],
    tag_id: dict[str, int],
    extra_of: dict[int, Any],
    width: int,
) -> tuple[Any, ...]:
    """A batch as tensors: (word, cluster) ids, flags, char ids, mask, gold tag ids, lengths.

    Sentences without tags (language-model text) get tag id 0 throughout;
    ``cache`` keeps each token's encoding across batches.
    """
    import torch

    longest = max(len(s.tokens) for s in group)
    size = len(group)
    wid = torch.zeros(size, longest, 2, dtype=torch.long)
    flags = torch.zeros(size, longest, encoder.dims + width)
    chars = torch.zeros(size, longest, MAX_CHARS, dtype=torch.long)
    gold = torch.zeros(size, longest, dtype=torch.long)
    mask = torch.zeros(size, longest, dtype=torch.bool)
    for b, s in enumerate(group):
        for i, tok in enumerate(s.tokens):
            enc = cache.get(tok)
            if enc is None:
                enc = cache[tok] = encoder.encode(tok)
            wid[b, i, 0], wid[b, i, 1] = enc[0], enc[1]
            flags[b, i, enc[2]] = 1.0
            chars[b, i, : len(enc[3])] = torch.tensor(enc[3])
            mask[b, i] = True
            gold[b, i] = tag_id.get(s.tags[i], tag_id.get("O", 0)) if s.tags else 0
        if width:
            flags[b, : len(s.tokens), encoder.dims :] = torch.from_numpy(extra_of[id(s)])
    return wid, flags, chars, mask, gold, torch.tensor([len(s.tokens) for s in group])


def network(encoder: Encoder, emb: Any, n_tags: int, width: int = 0, *, fine_tune: bool = False) -> Any:
    """The PyTorch BiLSTM-CRF (an ``nn.Module``) over ``emb``, the unit-length word2vec rows of ``encoder``'s words.

    :meth:`states` is the encoder shared with :mod:`khabar.entities.pretrain`
    (the BiLSTM's outputs, forward half first), :meth:`emissions` the tag
    scores on top of it.
    """
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=not fine_tune)
            self.cluster = nn.Embedding(1 + 1024, 32)
            self.char = nn.Embedding(len(encoder.chars), 32, padding_idx=0)
            self.conv = nn.Conv1d(32, 64, 3, padding=1)
            self.drop = nn.Dropout(0.5)
            self.lstm = nn.LSTM(
                emb.shape[1] + 32 + 64 + encoder.dims + width, HIDDEN, batch_first=True, bidirectional=True
            )
            self.out = nn.Linear(2 * HIDDEN, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            # the auxiliary corpus's own head: its conventions differ, its text teaches the encoder
            self.aux_out = nn.Linear(2 * HIDDEN, n_tags)
            self.aux_trans = nn.Parameter(torch.zeros(n_tags, n_tags))

        def states(self, wid: Any, flags: Any, chars: Any, lengths: Any) -> Any:
            size, longest, width = chars.shape
            c = self.char(chars.view(size * longest, width)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(2).values.view(size, longest, -1)
            x = torch.cat([self.word(wid[..., 0]), self.cluster(wid[..., 1]), c, flags], -1)
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            return nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=longest)[0]

        def emissions(self, wid: Any, flags: Any, chars: Any, lengths: Any, head: int = 0) -> Any:
            h = self.states(wid, flags, chars, lengths)
            return (self.aux_out if head else self.out)(self.drop(h))

        def nll(self, em: Any, gold: Any, mask: Any, head: int = 0) -> Any:
            trans = self.aux_trans if head else self.trans
            score = em[:, 0].gather(1, gold[:, :1]).squeeze(1)
            alpha = em[:, 0]
            for i in range(1, em.shape[1]):
                m = mask[:, i]
                step = em[:, i].gather(1, gold[:, i : i + 1]).squeeze(1) + trans[gold[:, i - 1], gold[:, i]]
                score = score + torch.where(m, step, torch.zeros_like(score))
                nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), 1) + em[:, i]
                alpha = torch.where(m.unsqueeze(1), nxt, alpha)
            return (torch.logsumexp(alpha, 1) - score).mean()

    return Net()


def unit_rows(encoder: Encoder, vectors: Any) -> Any:
    """The word embedding table: zero rows for padding and unknown, then ``vectors`` scaled to unit length."""
    import numpy as np

    emb = np.zeros((len(encoder.words), vectors.shape[1]), np.float32)
    emb[2:] = vectors[: len(encoder.words) - 2]
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-6
    return emb


def load_pretrained(net: Any, path: Path, encoder: Encoder) -> None:
    """Start ``net``'s encoder from the weights :func:`khabar.entities.pretrain.pretrain_encoder` wrote.

    The cluster embedding, character CNN and BiLSTM are copied; the output
    layer and transitions start fresh. Character rows are matched by
    character (the pretraining run may have seen another training set's
    alphabet); the other inputs must have the same shape.
    """
    import numpy as np
    import torch

    with np.load(path, allow_pickle=False) as npz:
        saved = {k: npz[k] for k in npz.files}
    chars = [str(c) for c in saved.pop("vocab_chars")]
    state = net.state_dict()
    char_rows = state["char.weight"].clone()
    for c, row in zip(chars, saved.pop("char.weight"), strict=True):
        if c in encoder.chars:
            char_rows[encoder.chars[c]] = torch.from_numpy(row)
    update = {"char.weight": char_rows}
    for key, value in saved.items():
        if key not in state or tuple(state[key].shape) != value.shape:
            raise ValueError(f"pretrained {path}: {key} {value.shape} does not fit the network")
        update[key] = torch.from_numpy(value)
    net.load_state_dict(update, strict=False)
    log.info("encoder initialized from %s (%d arrays)", path, len(update))


def _groups(sents: Sequence[conll.Tagged], size: int = 32) -> list[list[conll.Tagged]]:
    """Batches of ``size`` non-empty sentences of similar length."""
    order = sorted((k for k in range(len(sents)) if sents[k].tokens), key=lambda k: len(sents[k].tokens))
    return [[sents[k] for k in order[j : j + size]] for j in range(0, len(order), size)]


def _viterbi(em: Any, trans: Any, tags: Sequence[str]) -> list[str]:
    import numpy as np

    best = em[0].copy()
    back = []
    for k in range(1, len(em)):
        scores = best[:, None] + trans
        back.append(scores.argmax(0))
        best = scores.max(0) + em[k]
    path = [int(best.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return [tags[i] for i in np.array(path[::-1])]


def _export(net: Any, encoder: Encoder, tags: Sequence[str], path: Path) -> None:
    """Write the weights as numpy arrays in the layout :class:`khabar.entities.bilstm.BiLSTM` reads."""
    import numpy as np

    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    conv = sd["conv.weight"]  # (filters, chars dim, width)
    arrays = {
        "word_emb": sd["word.weight"].astype(np.float16),
        "cluster_emb": sd["cluster.weight"],
        "char_emb": sd["char.weight"],
        "conv": conv.transpose(2, 1, 0).reshape(-1, conv.shape[0]),
        "conv_b": sd["conv.bias"],
        "ih": np.concatenate([sd["lstm.weight_ih_l0"].T, sd["lstm.weight_ih_l0_reverse"].T], axis=1),
        "b": np.concatenate(
            [
                sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
                sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
            ]
        ),
        "hh_f": sd["lstm.weight_hh_l0"].T,
        "hh_b": sd["lstm.weight_hh_l0_reverse"].T,
        "out": sd["out.weight"].T,
        "out_b": sd["out.bias"],
        "trans": sd["trans"],
        "vocab_words": np.array(list(encoder.words)),
        "vocab_chars": np.array(list(encoder.chars)),
        "vocab_flags": np.array(list(encoder.flags)),
        "tags": np.array(list(tags)),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        np.savez_compressed(fh, **arrays)
