"""Linear-chain CRF arithmetic in numpy, run over a whole document at once.

python-crfsuite tags one sentence per call and gives marginals one
(label, position) pair per call: on the pipeline's path, where an article's
sentences are tagged together and the ensemble needs every label's marginal,
those Python calls cost more than the arithmetic. So the tagger reads the
CRF's weights out of ``crf.model`` once (:class:`CrfWeights`) and scores with
arrays instead:

- a token's emission scores are the sum of the weights of its features, and
  every feature but the two stem bigrams is a function of one word of the
  ±2 window (:meth:`khabar.entities.features.FeatureExtractor.views`), so
  each word type's five contributions (as the token, as its left and right
  neighbours, two away) are summed once and cached;
- sentences are padded into one (sentences × longest × labels) array, and
  forward-backward and Viterbi step through positions, not sentences.

The results are crfsuite's (same model, float64 arithmetic; weights as
crfsuite's dump prints them, to 6 decimals): the tests compare both.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from khabar.entities.features import FeatureExtractor

log = logging.getLogger(__name__)

NEG = -1e9


def pad(np: Any, rows: Sequence[Any], width: int) -> tuple[Any, Any]:
    """Stack (n_i × width) arrays into a zero-padded (batch × longest × width) array and the lengths."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    out = np.zeros((len(rows), int(lengths.max()) if len(rows) else 0, width))
    for b, r in enumerate(rows):
        out[b, : len(r)] = r
    return out, lengths


def marginals(np: Any, em: Any, lengths: Any, trans: Any) -> Any:
    """Per-position label marginals of left-aligned padded sequences under G chains at once.

    ``em`` (G × batch × longest × labels) holds emission scores, ``trans``
    (G × labels × labels) each chain's transition scores (``trans[g, a, b]``:
    label ``a`` followed by ``b``; no start or end scores, as in crfsuite);
    all G chains share the batch's ``lengths``. Forward-backward in
    probability space, each step rescaled to sum to one (a label's marginal
    is the product of the two messages, normalized per position): a step is
    a few small matrix products instead of log-sum-exps over labels².
    Rows past a sequence's end are garbage, to be sliced off by the caller.
    """
    longest = em.shape[2]
    e = np.exp(em - em.max(axis=3, keepdims=True))
    step = np.exp(trans - trans.max(axis=(1, 2), keepdims=True))  # (G, labels, labels)
    back_step = step.transpose(0, 2, 1)
    alpha = np.empty_like(e)
    beta = np.ones_like(e)
    a = e[:, :, 0] / e[:, :, 0].sum(axis=2, keepdims=True)
    alpha[:, :, 0] = a
    for t in range(1, longest):
        a = (a @ step) * e[:, :, t]
        a /= a.sum(axis=2, keepdims=True)
        alpha[:, :, t] = a
    inside = (np.arange(longest)[None, :] < lengths[:, None] - 1)[None, :, :, None]  # (1, batch, longest, 1)
    for t in range(longest - 2, -1, -1):
        b = (e[:, :, t + 1] * beta[:, :, t + 1]) @ back_step
        b /= b.sum(axis=2, keepdims=True)
        beta[:, :, t] = np.where(inside[:, :, t], b, 1.0)
    probs = alpha * beta
    return probs / probs.sum(axis=3, keepdims=True)


def viterbi(np: Any, scores: Any, lengths: Any, trans: Any, start: Any = None) -> Any:
    """Best label path of each padded sequence (batch × longest label ids; padding repeats the last).

    ``start`` adds scores to the first position (e.g. forbidding ``I-``).
    Past a sequence's end the step keeps the label unchanged at no cost, so
    one backward pass over the whole batch recovers every path.
    """
    size, longest, labels = scores.shape
    keep = np.full((labels, labels), NEG)
    np.fill_diagonal(keep, 0.0)
    best = scores[:, 0] + (0.0 if start is None else start)
    back = np.zeros((size, longest, labels), dtype=np.int64)
    for t in range(1, longest):
        live = (t < lengths)[:, None, None]
        cand = best[:, :, None] + np.where(live, trans, keep)
        back[:, t] = cand.argmax(1)
        best = cand.max(1) + np.where(live[:, :, 0], scores[:, t], 0.0)
    path = np.zeros((size, longest), dtype=np.int64)
    path[:, -1] = best.argmax(1)
    rows = np.arange(size)
    for t in range(longest - 1, 0, -1):
        path[:, t - 1] = back[rows, t, path[:, t]]
    return path


class CrfWeights:
    """A crfsuite model's weights as arrays, with per-word-type emission contributions cached.

    ``labels`` is the order of the columns (crfsuite's own label order);
    :meth:`emissions` reproduces the scores crfsuite gives the features of
    :meth:`FeatureExtractor.sentence`.
    """

    MAX_CACHE = 300_000

    def __init__(self, crf: Any, extractor: FeatureExtractor) -> None:
        import numpy as np

        self.np = np
        self.extractor = extractor
        self.labels: list[str] = list(crf.labels())
        col = {t: k for k, t in enumerate(self.labels)}
        info = crf.info()
        index: dict[str, int] = {}
        rows: list[tuple[int, int, float]] = []
        for (attr, label), w in info.state_features.items():
            rows.append((index.setdefault(attr, len(index)), col[label], w))
        self.index = index
        self.matrix = np.zeros((len(index) + 1, len(self.labels)))  # the last row: no feature
        r, c, w = zip(*rows, strict=True) if rows else ((), (), ())
        self.matrix[list(r), list(c)] = w
        self.trans = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), w in info.transitions.items():
            self.trans[col[a], col[b]] = w
        none = len(index)
        self._edge = {f: self.matrix[index.get(f, none)] for f in ("-1:BOS", "+1:EOS", "-2:BOS", "+2:EOS")}
        self._cache: dict[str, Any] = {}
        log.info("CRF weights: %d attributes, %d labels", len(index), len(self.labels))

    def prepare(self, words: Sequence[str]) -> None:
        """Cache the (5 × labels) contributions of the words not seen yet, in one array operation.

        Roles: own, as -1, as +1, as -2, as +2; each is the weighted sum of
        the matrix rows of the word's features in that role.
        """
        np, index, none = self.np, self.index, len(self.index)
        new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) >= self.MAX_CACHE:
            self._cache.clear()
        rows: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        keys: list[str] = []
        for word in new:
            symbolic, dense, key = self.extractor.views(word)
            keys.append(key)
            for role, feats in enumerate(symbolic):
                starts.append(len(rows))
                ids = [k for k in map(index.get, feats) if k is not None]
                rows.append(none)  # every role sums at least the empty row
                rows += ids
                values += [0.0] + [1.0] * len(ids)
                for f, x in dense[role].items() if dense else ():
                    k = index.get(f)
                    if k is not None:
                        rows.append(k)
                        values.append(x)
        summed = np.add.reduceat(self.matrix[rows] * np.array(values)[:, None], starts, axis=0)
        summed = summed.reshape(len(new), 5, len(self.labels))
        for word, contrib, key in zip(new, summed, keys, strict=True):
            self._cache[word] = (contrib, key)

    def emissions(self, tokens: Sequence[str]) -> Any:
        """Emission scores (n × labels) of one non-empty sentence."""
        np, index, matrix, edge = self.np, self.index, self.matrix, self._edge
        self.prepare(tokens)
        cache = self._cache
        words = [cache[t] for t in tokens]
        n = len(words)
        rows = np.stack([w for w, _ in words])
        em = rows[:, 0].copy()
        em[1:] += rows[:-1, 1]
        em[:-1] += rows[1:, 2]
        em[2:] += rows[:-2, 3]
        em[:-2] += rows[2:, 4]
        em[0] += edge["-1:BOS"]
        em[n - 1] += edge["+1:EOS"]
        if n >= 2:
            em[1] += edge["-2:BOS"]
            em[n - 2] += edge["+2:EOS"]
        keys = [k for _, k in words]
        for i in range(1, n):
            bigram = keys[i - 1] + "|" + keys[i]
            k = index.get("b-1:" + bigram)
            if k is not None:
                em[i] += matrix[k]
            k = index.get("b+1:" + bigram)
            if k is not None:
                em[i - 1] += matrix[k]
        return em


def bio_constraints(np: Any, labels: Sequence[str]) -> tuple[Any, Any]:
    """(transition, start) scores that forbid ``I-X`` anywhere but after ``B-X``/``I-X``."""
    trans = np.array(
        [[NEG if b.startswith("I-") and a[2:] != b[2:] else 0.0 for b in labels] for a in labels]
    )
    start = np.array([NEG if t.startswith("I-") else 0.0 for t in labels])
    return trans, start
