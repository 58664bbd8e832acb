"""A BiLSTM-CRF name tagger run in numpy, the CRF's partner in the ensemble.

The CRF sees a word through sparse features of a ±2 window; a bidirectional
LSTM reads the whole sentence and sees each word through dense inputs that
generalize to words it never saw: a word2vec vector learnt on unlabeled news
(:mod:`khabar.entities.embeddings`), kept fixed; an embedding of the word's
PPMI cluster (:mod:`khabar.entities.clusters`); a character CNN over the
normalized token (clitics included: "وريفلين"); and the gazetteer flags,
clitic class and shape the CRF also uses. The two err differently (the LSTM
finds more unseen PERSON names, the CRF more ORG), so their per-token tag
marginals are averaged (:class:`khabar.entities.tagger.Tagger`); the
figures are in :mod:`khabar.entities.train`.

It is trained with PyTorch (:mod:`khabar.entities.bilstm_train`, the
``train`` extra) and shipped as plain arrays (``bilstm.npz``), so tagging
needs numpy only. Everything before the recurrence is a function of the word
alone, so the input projections of both directions are computed once per word
type (all of a batch's new words in one product) and cached; the recurrence
runs a document's sentences packed end to end into a few rows, both
directions in one step: that keeps it fast on one core.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities.chain import marginals
from khabar.entities.features import Lexicon, normalize, shape, stem

log = logging.getLogger(__name__)

SHAPES = ("ar", "num", "lat", "punct", "mix")
# Clitic strings stem() returns, as one-hot classes; anything else is the last class.
PROCLITICS = (
    "",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "وال",
    "بال",
    "لل",
    "فال",
    "كال",
    "ولل",
    "وب",
    "ول",
    "فب",
    "فل",
    "وبال",
    "فلل",
)
MAX_CHARS = 20
BATCH = 64
_PREP = ("ب", "ل", "ك")


class Encoder:
    """Word → the model's discrete inputs: (word id, cluster id, active flag dims, char ids).

    ``words`` and ``chars`` are the vocabularies fixed at training time (id 0
    is padding, word id 1 unknown); ``flags`` the gazetteer flags in order.
    Flag dimensions come first, then the shape, then the clitic class.
    """

    def __init__(self, lexicon: Lexicon, words: Sequence[str], chars: Sequence[str], flags: Sequence[str]):
        self.lexicon = lexicon
        self.words = {w: i for i, w in enumerate(words)}
        self.chars = {c: i for i, c in enumerate(chars)}
        self.flags = {f: i for i, f in enumerate(flags)}
        self.dims = len(flags) + len(SHAPES) + len(PROCLITICS) + 1

    def encode(self, token: str) -> tuple[int, int, list[int], list[int]]:
        norm = normalize(token)
        kind = shape(norm)
        pre, rest = stem(norm) if kind == "ar" else ("", norm)
        bare = rest[:1] in _PREP and len(rest) > 4
        wid = next((self.words[k] for k in ((rest, rest[1:]) if bare else (rest,)) if k in self.words), 1)
        keys = (norm, rest, rest[1:]) if bare else (norm, rest)
        gaz = next((found for k in keys if (found := self.lexicon.gazetteer.get(k))), ())
        cl = next((found for k in keys if (found := self.lexicon.clusters.get(k))), None)
        cid = int(cl[-1]) + 1 if cl else 0
        active = [self.flags[f] for f in gaz if f in self.flags]
        active.append(len(self.flags) + SHAPES.index(kind))
        clitic = PROCLITICS.index(pre) if pre in PROCLITICS else len(PROCLITICS)
        active.append(len(self.flags) + len(SHAPES) + clitic)
        chars = [self.chars.get(c, 1) for c in norm[:MAX_CHARS]]
        return wid, cid, active, chars


# Arrays each network of an ensemble has its own of (the word2vec table is shared).
NETWORK_KEYS = (
    "cluster_emb",
    "char_emb",
    "conv",
    "conv_b",
    "ih",
    "b",
    "hh_f",
    "hh_b",
    "out",
    "out_b",
    "trans",
)


class BiLSTM:
    """Numpy forward pass of one or more trained networks (seeds): emissions, CRF marginals.

    Several networks trained from different seeds are stacked along a first
    axis (``hh_f`` is networks × H × 4H) and run as one: the recurrence is a
    loop over positions whose Python cost is the same for one network or
    five, and both directions run in the same step. Their marginals are
    averaged. The weights of the input, forget and output gates are halved at
    load so that one ``tanh`` over all four gates gives the sigmoids too
    (σ(x) = (tanh(x/2) + 1) / 2).
    """

    MAX_CACHE = 300_000

    def __init__(self, weights: dict[str, Any], encoder: Encoder, tags: Sequence[str]) -> None:
        import numpy as np
        from threadpoolctl import ThreadpoolController

        self.np = np
        w = {k: v.astype(np.float32) for k, v in weights.items()}
        if w["hh_f"].ndim == 2:  # a single network
            w.update({k: w[k][None] for k in NETWORK_KEYS})
        self.w = w
        self.networks, self.hidden = w["hh_f"].shape[:2]
        hid = self.hidden
        half = np.ones(4 * hid, np.float32)
        half[: 2 * hid] = 0.5  # input and forget gates
        half[3 * hid :] = 0.5  # output gate; the cell candidate (2H:3H) keeps its tanh
        both = np.concatenate([half, half])
        ih = w["ih"] * both
        own = w["word_emb"].shape[1] + w["cluster_emb"].shape[2] + w["conv"].shape[2] + encoder.dims
        self._ih = ih[:, :own]
        # rows past a word's own inputs: per-token inputs given with the sentences (stacking)
        self._ih_extra = ih[:, own:]
        self.extra_dims = ih.shape[1] - own
        self._b = w["b"] * both
        self._hh = np.concatenate([w["hh_f"], w["hh_b"]]) * half  # (2 networks, H, 4H)
        # BLAS runs single-threaded here: these products are small, and OpenBLAS
        # threads spinning on a busy machine made tagging 100× slower (measured).
        self._blas = ThreadpoolController()
        self.encoder = encoder
        self.tags = list(tags)
        self._cache: dict[str, Any] = {}

    def prepare(self, words: Sequence[str]) -> None:
        """Cache every network's input projections for both directions (networks × 8H) of new words.

        All of a batch's unseen words go through the character CNN and the
        input matrix together: one product per batch instead of one per word.
        """
        np, w = self.np, self.w
        new = [t for t in dict.fromkeys(words) if t not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) >= self.MAX_CACHE:
            self._cache.clear()
        codes = [self.encoder.encode(t) for t in new]
        n, nets = len(new), self.networks
        # a zero column either side: the convolution's padding
        chars = np.zeros((n, MAX_CHARS + 2), dtype=np.int64)
        flags = np.zeros((n, self.encoder.dims), np.float32)
        for k, (_, _, active, ids) in enumerate(codes):
            chars[k, 1 : 1 + len(ids)] = ids
            flags[k, active] = 1.0
        emb = w["char_emb"][:, chars]  # (S, n, 22, 32); id 0 is a zero row
        windows = np.concatenate([emb[:, :, :-2], emb[:, :, 1:-1], emb[:, :, 2:]], axis=3)  # (S, n, 20, 96)
        conv = np.maximum(windows @ w["conv"][:, None] + w["conv_b"][:, None, None], 0).max(axis=2)
        word_ids = np.array([c[0] for c in codes])
        cluster_ids = np.array([c[1] for c in codes])
        x = np.concatenate(
            [
                np.broadcast_to(w["word_emb"][word_ids], (nets, n, w["word_emb"].shape[1])),
                w["cluster_emb"][:, cluster_ids],
                conv,
                np.broadcast_to(flags, (nets, n, flags.shape[1])),
            ],
            axis=2,
        )
        with self._blas.limit(limits=1, user_api="blas"):
            proj = x @ self._ih + self._b[:, None]  # (S, n, 8H)
        for k, word in enumerate(new):
            self._cache[word] = proj[:, k]

    def scores(self, sentences: Sequence[Sequence[str]], extra: Sequence[Any] = ()) -> tuple[Any, Any]:
        """Emission scores of non-empty sentences run as one batch (networks × batch × longest × tags), lengths.

        The sentences are packed end to end into a few rows as long as the
        longest (:func:`pack`), the state reset where each starts: a document's
        sentences vary in length, and padding them all to the longest wastes
        most of the recurrence. The backward direction reads each sentence's
        slot reversed. ``extra`` gives the per-token inputs (n × :attr:`extra_dims`)
        of each sentence when the network was trained with some.
        """
        np = self.np
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        size, longest, h4 = len(sentences), int(lengths.max()), 4 * self.hidden
        words = [t for s in sentences for t in s]
        self.prepare(words)
        proj = np.stack([self._cache[t] for t in words], axis=1)  # (S, tokens, 8H)
        if self.extra_dims:
            proj = proj + np.concatenate(extra).astype(np.float32) @ self._ih_extra
        rows, offsets, width = pack(lengths.tolist())
        sent = np.repeat(np.arange(size), lengths)
        pos = np.concatenate([np.arange(n) for n in lengths.tolist()])
        row = np.array(rows)[sent]
        fwd_at = np.array(offsets)[sent] + pos
        bwd_at = np.array(offsets)[sent] + np.repeat(lengths, lengths) - 1 - pos
        gates = np.zeros((2 * self.networks, max(rows) + 1, width, h4), np.float32)
        gates[: self.networks, row, fwd_at] = proj[:, :, :h4]
        gates[self.networks :, row, bwd_at] = proj[:, :, h4:]
        keep = np.ones((max(rows) + 1, width, 1), np.float32)
        keep[rows, offsets] = 0.0
        with self._blas.limit(limits=1, user_api="blas"):
            states = self._run(gates, keep)
            fwd = np.zeros((self.networks, size, longest, self.hidden), np.float32)
            bwd = np.zeros_like(fwd)
            fwd[:, sent, pos] = states[: self.networks, row, fwd_at]
            bwd[:, sent, pos] = states[self.networks :, row, bwd_at]
            hid, out = self.hidden, self.w["out"]
            em = fwd @ out[:, None, :hid] + bwd @ out[:, None, hid:] + self.w["out_b"][:, None, None]
        return em, lengths

    def _run(self, gates: Any, keep: Any) -> Any:
        """Both directions of every network over packed rows; ``keep`` is 0 where a sentence starts."""
        np = self.np
        hid = self.hidden
        runs, size, longest, _ = gates.shape
        h = np.zeros((runs, size, hid), np.float32)
        c = np.zeros((runs, size, hid), np.float32)
        out = np.empty((runs, size, longest, hid), np.float32)
        resets = (keep[:, :, 0] == 0).any(axis=0).tolist()
        for step in range(longest):
            if step and resets[step]:
                h = h * keep[:, step]
                c = c * keep[:, step]
            g = gates[:, :, step] + h @ self._hh
            np.tanh(g, out=g)
            s = g * 0.5 + 0.5
            c = s[..., hid : 2 * hid] * c + s[..., :hid] * g[..., 2 * hid : 3 * hid]
            h = s[..., 3 * hid :] * np.tanh(c)
            out[:, :, step] = h
        return out

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per-token tag scores of each sentence (n × tags), averaged over the networks."""
        np = self.np
        out: list[Any] = [np.zeros((0, len(self.tags)), np.float32)] * len(sentences)
        for group in batches(sentences):
            em, lengths = self.scores([sentences[i] for i in group])
            for b, i in enumerate(group):
                out[i] = em[:, b, : lengths[b]].mean(axis=0)
        return out

    def marginals(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per-token tag marginals (n × tags) under each network's CRF layer, averaged over the networks."""
        np = self.np
        out: list[Any] = [np.zeros((0, len(self.tags)), np.float32)] * len(sentences)
        for group in batches(sentences):
            em, lengths = self.scores([sentences[i] for i in group])
            probs = self.network_marginals(em, lengths).mean(axis=0)
            for b, i in enumerate(group):
                out[i] = probs[b, : lengths[b]]
        return out

    def network_marginals(self, em: Any, lengths: Any) -> Any:
        """Marginals (networks × batch × longest × tags) of :meth:`scores` output."""
        np = self.np
        return marginals(np, em.astype(np.float64), lengths, self.w["trans"].astype(np.float64))


def batches(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """Indices of the non-empty sentences in groups of :data:`BATCH` of similar length.

    Little work is then spent on padding, and memory stays small on long inputs.
    """
    live = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    return [live[k : k + BATCH] for k in range(0, len(live), BATCH)]


def pack(lengths: Sequence[int]) -> tuple[list[int], list[int], int]:
    """Place sequences end to end in rows as long as the longest: (row, offset) of each, row length.

    Longest first, each into the row that has most room left and fits it,
    else a new row: few rows, little padding.
    """
    width = max(lengths)
    fill: list[int] = []
    rows = [0] * len(lengths)
    offsets = [0] * len(lengths)
    for i in sorted(range(len(lengths)), key=lambda k: -lengths[k]):
        best = min(range(len(fill)), key=fill.__getitem__, default=-1)
        if best < 0 or fill[best] + lengths[i] > width:
            fill.append(0)
            best = len(fill) - 1
        rows[i], offsets[i] = best, fill[best]
        fill[best] += lengths[i]
    return rows, offsets, width


def load_bilstm(path: Path, lexicon: Lexicon) -> BiLSTM:
    """Read ``bilstm.npz`` (weights and vocabularies) written by :mod:`khabar.entities.bilstm_train`."""
    import numpy as np

    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    encoder = Encoder(
        lexicon,
        [str(x) for x in arrays.pop("vocab_words")],
        [str(x) for x in arrays.pop("vocab_chars")],
        [str(x) for x in arrays.pop("vocab_flags")],
    )
    tags = [str(x) for x in arrays.pop("tags")]
    log.info("loaded BiLSTM %s (%d words)", path, len(encoder.words))
    return BiLSTM(arrays, encoder, tags)
