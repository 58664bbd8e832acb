"""The CRF's tag marginals as inputs of the BiLSTM (stacking), jackknifed over the training set.

Averaging the two models' marginals lets each overrule the other only by
being more confident. Given the CRF's marginals as nine more inputs per
token, the network learns where the CRF is to be trusted (it finds ORG names
the network misses, the network more unseen PERSON names). Marginals the CRF
gives its own training sentences are near certain and would teach the
network to copy them, so each training sentence gets the marginals of a CRF
trained without its fold, as test text gets those of a CRF that never saw it.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.chain import CrfWeights, marginals, pad
from khabar.entities.features import FeatureExtractor

log = logging.getLogger(__name__)


def crf_marginals(
    model: Path, extractor: FeatureExtractor, sents: Sequence[conll.Tagged], tags: Sequence[str]
) -> list[Any]:
    """Per-token marginals (n × tags, in ``tags`` order) of a crfsuite model over ``sents``."""
    import numpy as np
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    weights = CrfWeights(crf, extractor)
    cols = [weights.labels.index(t) for t in tags]
    out = []
    for s in sents:
        if not s.tokens:
            out.append(np.zeros((0, len(tags))))
            continue
        em, lengths = pad(np, [weights.emissions(s.tokens)], len(weights.labels))
        out.append(marginals(np, em[None], lengths, weights.trans[None])[0, 0][:, cols])
    return out


def jackknifed(
    sents: Sequence[conll.Tagged], extractor: FeatureExtractor, tags: Sequence[str], *, folds: int, **crf: Any
) -> dict[int, Any]:
    """``id(sentence)`` → CRF marginals from a CRF trained on the other ``folds`` - 1 contiguous blocks.

    ``crf`` holds :func:`khabar.entities.train.train_crf`'s parameters.
    """
    from khabar.entities.train import train_crf

    out: dict[int, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            lo, hi = k * len(sents) // folds, (k + 1) * len(sents) // folds
            path = Path(tmp) / f"fold{k}.crf"
            train_crf([*sents[:lo], *sents[hi:]], extractor, path, **crf)
            held = sents[lo:hi]
            for s, m in zip(held, crf_marginals(path, extractor, held, tags), strict=True):
                out[id(s)] = m
            log.info("stacking: fold %d of %d", k + 1, folds)
    return out
