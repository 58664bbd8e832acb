"""Pretrain the BiLSTM's encoder as a bidirectional language model on unlabeled news.

ANERcorp's 125K training tokens teach the BiLSTM-CRF
(:mod:`khabar.entities.bilstm_train`) what a name's context looks like from
a few thousand names only. News text has millions of contexts: the same
network (word2vec and cluster inputs, character CNN, gazetteer/shape/clitic
flags, one BiLSTM layer) is first trained to predict, from its forward half,
the next word and, from its backward half, the previous word — as their PPMI
cluster id (:mod:`khabar.entities.clusters`, 1,024 classes plus "rare
word"), which keeps the softmax small on one CPU core. The NER training then
starts its encoder from these weights (``--pretrain`` in
:mod:`khabar.entities.train`); the output layer and transitions start fresh.
The architecture does not change, so neither does tagging
(:mod:`khabar.entities.bilstm`). What it is worth is measured in
:mod:`khabar.entities.train`.

torch is imported here only (the ``train`` extra).
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.bilstm import Encoder
from khabar.entities.bilstm_train import HIDDEN, PRETRAINED, network, tensors, unit_rows
from khabar.entities.clusters import news_tokens

log = logging.getLogger(__name__)

CLASSES = 1 + 1024  # cluster ids after "no cluster" (0), as Encoder.encode gives them
_END = re.compile(r"^[.!؟?؛]$")


def lm_text(news: Path, *, max_len: int = 50, min_len: int = 4, limit: int = 0) -> list[conll.Tagged]:
    """Untagged sentences of the news paragraphs: cut after sentence-final marks, at most ``max_len`` tokens.

    ``limit`` (tokens, 0: all) keeps the first paragraphs only, to bound a run.
    """
    out: list[conll.Tagged] = []
    total = 0
    for toks in news_tokens(news):
        start = 0
        for i, tok in enumerate(toks):
            if _END.match(tok) or i + 1 == len(toks) or i + 1 - start == max_len:
                piece = tuple(toks[start : i + 1])
                start = i + 1
                if len(piece) >= min_len:
                    out.append(conll.Tagged(piece, ()))
                    total += len(piece)
        if limit and total >= limit:
            break
    log.info("language-model text: %d sentences, %d tokens", len(out), total)
    return out


def lm_heads(words: int = 0) -> Any:
    """Output layers of the language model, forward then backward: neighbouring word's cluster; with
    ``words``, also the word itself among the ``words`` most frequent (adaptive softmax, the rest as one
    "rare word" class).
    """
    from torch import nn

    heads: list[nn.Module] = [nn.Linear(HIDDEN, CLASSES), nn.Linear(HIDDEN, CLASSES)]
    if words:
        cutoffs = [min(2_000, words // 4), min(8_000, words // 2)]
        heads += [nn.AdaptiveLogSoftmaxWithLoss(HIDDEN, words, cutoffs, div_value=4.0) for _ in range(2)]
    return nn.ModuleList(heads)


def lm_loss(net: Any, heads: Any, batch: tuple[Any, ...]) -> Any:
    """Cross-entropy of both directions' predictions over a batch of :func:`khabar.entities.bilstm_train.tensors`.

    The forward state at position i has read words 0..i and predicts the
    cluster of word i+1; the backward state has read i..n-1 and predicts
    word i-1's. The two directions are separate recurrences, so neither sees
    its target. Word targets (four heads): class k is the word of id k + 1
    (ids follow word2vec's frequency order after padding and unknown), 0 an
    unknown or rarer word.
    """
    from torch import nn

    wid, flags, chars, mask, _, lengths = batch
    h = net.drop(net.states(wid, flags, chars, lengths))
    valid = mask[:, 1:]
    fwd, bwd = h[:, :-1, :HIDDEN][valid], h[:, 1:, HIDDEN:][valid]
    after, before = wid[:, 1:][valid], wid[:, :-1][valid]
    loss = nn.functional.cross_entropy(heads[0](fwd), after[:, 1]) + nn.functional.cross_entropy(
        heads[1](bwd), before[:, 1]
    )
    if len(heads) == 4:
        words = heads[2].n_classes
        for head, state, ids in ((heads[2], fwd, after[:, 0]), (heads[3], bwd, before[:, 0])):
            loss = loss + head(state, (ids - 1).where((ids > 1) & (ids <= words), 0)).loss
    return loss


def pretrain_encoder(
    encoder: Encoder,
    vectors: Any,
    text: Sequence[conll.Tagged],
    path: Path,
    *,
    seconds: float,
    epochs: int = 1,
    batch_size: int = 64,
    lr: float = 2e-3,
    dropout: float = 0.2,
    words: int = 0,
    seed: int = 13,
) -> dict[str, float]:
    """Train the encoder on ``text`` for ``epochs`` passes or ``seconds``, whichever ends first; write ``path``.

    ``words``: predict the neighbouring words themselves too (:func:`lm_heads`).

    ``path`` (npz) holds the :data:`~khabar.entities.bilstm_train.PRETRAINED` arrays by their PyTorch names and
    the character vocabulary (``vocab_chars``), the form
    :func:`khabar.entities.bilstm_train.load_pretrained` reads. Returns the
    mean loss (nats, over both directions) of the first and last hundred
    batches and the tokens read.
    """
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rnd = random.Random(seed)
    net = network(encoder, unit_rows(encoder, vectors), 1)
    net.drop.p = dropout
    heads = lm_heads(words)
    params = [p for p in [*net.parameters(), *heads.parameters()] if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    cache: dict[str, tuple[int, int, list[int], list[int]]] = {}
    order = sorted(range(len(text)), key=lambda k: len(text[k].tokens))
    groups = [[text[k] for k in order[j : j + batch_size]] for j in range(0, len(order), batch_size)]
    losses: list[float] = []
    tokens = 0
    started = time.perf_counter()
    net.train()
    for epoch in range(epochs):
        rnd.shuffle(groups)
        for group in groups:
            if time.perf_counter() - started > seconds:
                break
            batch = tensors(group, encoder, cache, {}, {}, 0)
            loss = lm_loss(net, heads, batch)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            losses.append(loss.item())
            tokens += int(batch[-1].sum())
            if len(losses) % 200 == 0:
                log.info(
                    "pretrain epoch %d: %d batches, %d tokens, loss %.3f (%.0f s)",
                    epoch,
                    len(losses),
                    tokens,
                    float(np.mean(losses[-200:])),
                    time.perf_counter() - started,
                )
    state = {k: v.detach().numpy() for k, v in net.state_dict().items() if k.startswith(PRETRAINED)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        np.savez_compressed(fh, vocab_chars=np.array(list(encoder.chars)), **state)
    window = max(1, min(100, len(losses) // 4))
    return {
        "loss_first": round(float(np.mean(losses[:window])), 4) if losses else 0.0,
        "loss_last": round(float(np.mean(losses[-window:])), 4) if losses else 0.0,
        "batches": float(len(losses)),
        "tokens": float(tokens),
        "seconds": round(time.perf_counter() - started, 1),
    }
