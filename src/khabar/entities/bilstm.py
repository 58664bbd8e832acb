"""A BiLSTM-CRF name tagger run in numpy, the CRF's partner in the ensemble.

The CRF sees a word through sparse features of a ±2 window; a bidirectional
LSTM reads the whole sentence and sees each word through dense inputs that
generalize to words it never saw: a word2vec vector learnt on unlabeled news
(:mod:`khabar.entities.embeddings`), kept fixed; an embedding of the word's
PPMI cluster (:mod:`khabar.entities.clusters`); a character CNN over the
normalized token (clitics included: "وريفلين"); and the gazetteer flags,
clitic class and shape the CRF also uses. The two err differently (the LSTM
finds more unseen PERSON names, the CRF more ORG), so their per-token tag
marginals are averaged (:class:`khabar.entities.tagger.Tagger`). Not in the
shipped model (too slow for the pipeline; :mod:`khabar.entities.train` has
the figures): a directory built with ``--bilstm`` has it.

It is trained with PyTorch (:mod:`khabar.entities.bilstm_train`, the
``train`` extra) and shipped as plain arrays (``bilstm.npz``), so tagging
needs numpy only. Everything before the recurrence is a function of the word
alone, so the input projections of both directions are cached per word type,
and sentences are run together as one batch: that keeps it fast on one core.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


class BiLSTM:
    """Numpy forward pass of the trained network: emissions, CRF marginals."""

    MAX_CACHE = 300_000

    def __init__(self, weights: dict[str, Any], encoder: Encoder, tags: Sequence[str]) -> None:
        import numpy as np
        from threadpoolctl import ThreadpoolController

        self.np = np
        self.w = {k: v.astype(np.float32) for k, v in weights.items()}
        # BLAS runs single-threaded here: these products are small, and OpenBLAS
        # threads spinning on a busy machine made tagging 100× slower (measured).
        self._blas = ThreadpoolController()
        self.encoder = encoder
        self.tags = list(tags)
        self.hidden = self.w["hh_f"].shape[0]
        self._cache: dict[str, Any] = {}

    def _inputs(self, word: str) -> Any:
        """Both directions' input projections (8H) of a word, cached per type."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        np, w = self.np, self.w
        wid, cid, active, chars = self.encoder.encode(word)
        emb = w["char_emb"][np.array(chars + [0] * (MAX_CHARS - len(chars)))]  # (20, 32), id 0 is zero
        padded = np.concatenate(
            [np.zeros((1, emb.shape[1]), np.float32), emb, np.zeros((1, emb.shape[1]), np.float32)]
        )
        windows = np.concatenate([padded[:-2], padded[1:-1], padded[2:]], axis=1)  # (20, 3*32)
        conv = np.maximum(windows @ w["conv"] + w["conv_b"], 0).max(axis=0)
        flags = np.zeros(self.encoder.dims, np.float32)
        flags[active] = 1.0
        x = np.concatenate([w["word_emb"][wid], w["cluster_emb"][cid], conv, flags])
        proj = x @ w["ih"] + w["b"]
        if len(self._cache) >= self.MAX_CACHE:
            self._cache.clear()
        self._cache[word] = proj
        return proj

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per-token tag scores of each sentence (n × tags).

        Sentences run in batches of :data:`BATCH` of similar length, so little
        work is spent on padding and memory stays small on long inputs.
        """
        np = self.np
        out: list[Any] = [np.zeros((0, len(self.tags)), np.float32)] * len(sentences)
        live = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        with self._blas.limit(limits=1, user_api="blas"):
            for k in range(0, len(live), BATCH):
                group = live[k : k + BATCH]
                for i, scores in zip(group, self._batch([sentences[i] for i in group]), strict=True):
                    out[i] = scores
        return out

    def _batch(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        np, w = self.np, self.w
        h4 = 4 * self.hidden
        lengths = [len(s) for s in sentences]
        fwd_in = np.zeros((len(sentences), max(lengths), h4), np.float32)
        bwd_in = np.zeros_like(fwd_in)
        for b, tokens in enumerate(sentences):
            proj = np.stack([self._inputs(t) for t in tokens])
            fwd_in[b, : lengths[b]] = proj[:, :h4]
            bwd_in[b, : lengths[b]] = proj[::-1, h4:]  # each sentence reversed, still left-aligned
        fwd = self._run(fwd_in, w["hh_f"])
        bwd = self._run(bwd_in, w["hh_b"])
        out = []
        for b, n in enumerate(lengths):
            states = np.concatenate([fwd[b, :n], bwd[b, :n][::-1]], axis=1)
            out.append(states @ w["out"] + w["out_b"])
        return out

    def _run(self, proj: Any, hh: Any) -> Any:
        """One LSTM direction over a batch of left-aligned sequences (steps past a sequence's end are ignored)."""
        np = self.np
        size, longest, _ = proj.shape
        hid = self.hidden
        h = np.zeros((size, hid), np.float32)
        c = np.zeros((size, hid), np.float32)
        out = np.empty((size, longest, hid), np.float32)
        for step in range(longest):
            gates = proj[:, step] + h @ hh
            sig = _sigmoid(np, gates)
            c = sig[:, hid : 2 * hid] * c + sig[:, :hid] * np.tanh(gates[:, 2 * hid : 3 * hid])
            h = sig[:, 3 * hid :] * np.tanh(c)
            out[:, step] = h
        return out

    def marginals(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per-token tag marginals (n × tags) under the network's CRF layer (forward-backward).

        Run over each batch of padded emissions at once: a step is one array
        operation for all its sentences, which is what keeps this fast.
        """
        np = self.np
        trans = self.w["trans"][None, :, :]
        out: list[Any] = [np.zeros((0, len(self.tags)), np.float32)] * len(sentences)
        live = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for k in range(0, len(live), BATCH):
            group = live[k : k + BATCH]
            with self._blas.limit(limits=1, user_api="blas"):
                ems = self._batch([sentences[i] for i in group])
            lengths = np.array([len(e) for e in ems])
            size, longest = len(ems), int(lengths.max())
            em = np.zeros((size, longest, len(self.tags)), np.float32)
            for b, e in enumerate(ems):
                em[b, : len(e)] = e
            alpha = np.empty_like(em)
            beta = np.zeros_like(em)
            alpha[:, 0] = em[:, 0]
            for t in range(1, longest):
                alpha[:, t] = _logsumexp(np, alpha[:, t - 1, :, None] + trans, 1) + em[:, t]
            for t in range(longest - 2, -1, -1):
                step = _logsumexp(np, trans + (em[:, t + 1] + beta[:, t + 1])[:, None, :], 2)
                beta[:, t] = np.where((t < lengths - 1)[:, None], step, 0.0)
            z = _logsumexp(np, alpha[np.arange(size), lengths - 1], 1)
            probs = np.exp(np.minimum(alpha + beta - z[:, None, None], 0.0))  # padding may overflow
            for b, i in enumerate(group):
                out[i] = probs[b, : lengths[b]]
        return out


def _sigmoid(np: Any, x: Any) -> Any:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _logsumexp(np: Any, x: Any, axis: int) -> Any:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


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
