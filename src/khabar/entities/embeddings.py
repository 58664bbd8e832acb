"""Word vectors learnt from unlabeled text, a feature for the name tagger.

ANERcorp's 125K training tokens name few of the people and organizations in
tomorrow's news. word2vec (skip-gram, gensim) over 5.7M tokens of unlabeled
text places an unseen surname near the surnames the CRF did see, so the
tagger can carry over what it learnt about them. The text: SaudiNewsNet July
2015 (4.4M words), the ANERcorp train sentences and the WikiFANE sentences
that do not overlap any evaluation set (ANERcorp test, AQMAR), all as the
tagger sees words: normalized (:func:`khabar.entities.features.normalize`)
and clitic-stripped (:func:`khabar.entities.features.stem`), so "وللرئيس"
and "الرئيس" share one vector.

The vectors reach the CRF in two ways (see :mod:`khabar.entities.train` for
what each is worth): as k-means cluster ids at three granularities (64, 256,
1,024 clusters; symbolic features ``k0=``, ``k1=``, ``k2=``), and optionally as
a few PCA dimensions used as weighted features. Only those are shipped, in
the model's lexicon (:func:`khabar.entities.tagger.write_lexicon`): the raw
vectors are not. gensim, numpy and scipy are needed to build them (the
``train`` extra), not to use them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.clusters import _kmeans, news_tokens
from khabar.entities.features import normalize, shape, stem

log = logging.getLogger(__name__)


def key(token: str) -> str:
    """The form a word is looked up by: normalized, clitics and article off for Arabic words."""
    norm = normalize(token)
    return stem(norm)[1] if shape(norm) == "ar" else norm


def corpus(data: Path, held_out: Sequence[conll.Tagged]) -> list[list[str]]:
    """Sentences of lookup forms: news paragraphs, ANERcorp train, WikiFANE minus ``held_out``."""
    sents = [
        [stem(t)[1] if shape(t) == "ar" else t for t in toks]
        for toks in news_tokens(data / "news" / "saudinewsnet-2015-07.jsonl.gz")
    ]
    sents += [[key(t) for t in s.tokens] for s in conll.anercorp("train", data)]
    wiki = conll.drop_overlap(conll.fane("wikifane", data), held_out)
    sents += [[key(t) for t in s.tokens] for s in wiki]
    log.info("embeddings: %d sentences, %d tokens", len(sents), sum(map(len, sents)))
    return sents


# the skip-gram settings both kinds of vectors share, so that they differ only in
# whether a word's letters count
_SKIP_GRAM: dict[str, int] = {"window": 5, "min_count": 3, "sg": 1, "negative": 10, "workers": 2, "epochs": 5}


def train_vectors(sents: list[list[str]], *, dims: int = 100, seed: int = 13) -> tuple[list[str], Any]:
    """Skip-gram vectors (window 5, 10 negatives, 5 epochs); returns words by frequency and their matrix."""
    import numpy as np
    from gensim.models import Word2Vec

    model = Word2Vec(sents, vector_size=dims, seed=seed, **_SKIP_GRAM)
    words = list(model.wv.index_to_key)
    return words, np.asarray(model.wv.vectors, dtype=np.float64)


def train_subword_vectors(
    sents: list[list[str]], extra: Sequence[str], *, dims: int = 100, seed: int = 13
) -> tuple[list[str], Any]:
    """fastText skip-gram vectors (letter 3- to 5-grams, same window, negatives
    and epochs as :func:`train_vectors`): a word too rare for word2vec, or not
    in the unlabeled text at all, gets a vector from its letters. ``extra``
    words (the tagged sentences' words the vocabulary lacks) are appended after
    the vocabulary with their subword vectors.

    An experiment (``python -m khabar.entities.train --dev --subword-vectors``):
    it scored below word2vec (see :mod:`khabar.entities.train`), and the n-gram
    table it would need at tagging time is not shipped."""
    import numpy as np
    from gensim.models import FastText

    model = FastText(sents, vector_size=dims, seed=seed, min_n=3, max_n=5, bucket=500_000, **_SKIP_GRAM)
    words = list(model.wv.index_to_key)
    known = set(words)
    added = [w for w in dict.fromkeys(extra) if w not in known]
    vecs = np.vstack([model.wv.vectors, np.array([model.wv[w] for w in added]).reshape(-1, dims)])
    return words + added, np.asarray(vecs, dtype=np.float64)


def vector_clusters(
    words: Sequence[str], vecs: Any, *, top: int, sizes: tuple[int, ...] = (64, 256, 1024), seed: int = 13
) -> dict[str, tuple[str, ...]]:
    """Spherical k-means over the ``top`` most frequent words; word → ids coarse to fine."""
    import numpy as np

    x = vecs[:top] / (np.linalg.norm(vecs[:top], axis=1, keepdims=True) + 1e-9)
    fine, centroids = _kmeans(x, sizes[-1], seed)
    levels = [fine]
    for size in reversed(sizes[:-1]):
        coarse, _ = _kmeans(centroids, size, seed)
        levels.append(coarse[fine])
    levels.reverse()
    return {w: tuple(str(int(level[i])) for level in levels) for i, w in enumerate(words[:top])}


def dense_features(
    words: Sequence[str], vecs: Any, *, top: int, dims: int, scale: float
) -> dict[str, tuple[float, ...]]:
    """The first ``dims`` principal components of the unit vectors, rounded to 2 decimals.

    Scaled so each component has a standard deviation of about ``scale / 3``
    (CRF weights are shared across the dimensions' magnitudes; values near
    ±1 train well with the L1/L2 penalties used for the symbolic features).
    """
    import numpy as np

    x = vecs[:top] / (np.linalg.norm(vecs[:top], axis=1, keepdims=True) + 1e-9)
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    low = centred @ vt[:dims].T
    low /= np.linalg.norm(low, axis=1, keepdims=True) + 1e-9
    q = np.round(low * scale * np.sqrt(dims) / 3, 2)
    return {w: tuple(float(v) for v in q[i]) for i, w in enumerate(words[:top])}
