"""Near-duplicate detection: MinHash over word shingles, LSH bands kept in the store.

A wire story (SPA, Reuters, AFP) reaches a dozen outlets, each of which trims
the intro, adds a dateline or a sentence, and re-spells a name. Comparing word
3-shingles of the *index keys* (normalized, clitic-free, light-stemmed words)
ignores those spelling differences; MinHash estimates the Jaccard similarity of
two shingle sets from 128 hash minima, and LSH banding (``b`` bands of ``r``
rows, from datasketch's optimum for the threshold) turns "find every stored
article above the threshold" into equality look-ups on band keys.

Unlike datasketch's in-memory ``MinHashLSH``, the band keys live in the store
(table ``lsh_keys``), next to the signatures and the cluster of each article, so
the state survives restarts, is written in the same transaction as the article
and needs no module-level index. Clusters are stars around their first article
(:func:`choose`), written by :mod:`khabar.store.clusters`.

Measured (``python -m bench.dedup`` on ``bench/gold/dup_pairs.jsonl``, 120
hand-labelled cross-outlet pairs): at the threshold 0.35 copies of one text are
found with precision 0.97-1.0 and recall 0.87-0.90 (dev/test, whole corpus).
Known limit: templated bulletins (a daily weather report, royal cables that
differ by a name) share most of their words across days and cluster together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np

NUM_PERM = 128
SHINGLE = 3
# Chosen on the dev half of bench/gold/dup_pairs.jsonl by bench/dedup.py
# (choose_threshold): dev P 0.97, R 0.92 for copies; see that script for test.
THRESHOLD = 0.35
# LSH bands favour recall (weights: false positives 0.2, false negatives 0.8):
# candidates are verified on the full signature anyway, and a news corpus has
# about one candidate per article, so the extra look-ups cost little. With 128
# permutations this gives 42 bands of 3 rows: a pair at the threshold is a
# candidate with probability 0.84, one at 0.5 with 0.996.
LSH_WEIGHTS = (0.2, 0.8)
# Below this many words an article is all headline and boilerplate: two such
# items share shingles by chance, so they are not clustered.
MIN_WORDS = 25


@dataclass(frozen=True, slots=True)
class Params:
    threshold: float = THRESHOLD
    shingle: int = SHINGLE
    num_perm: int = NUM_PERM
    min_words: int = MIN_WORDS


@cache
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(b, r)``: datasketch's band layout minimising weighted false positives and negatives."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


@lru_cache(maxsize=500_000)
def _word_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest(), "little")


def shingles(keys: Sequence[str], size: int) -> np.ndarray:
    """32-bit hashes of the word ``size``-shingles of a key sequence (one shingle if shorter).

    Each word is hashed once (and cached across articles); a shingle's hash
    combines its words' hashes in order with multiply-add steps, vectorized,
    which is ~5x faster than hashing every shingle's text.
    """
    if not keys:
        return np.zeros(0, dtype=np.uint64)
    hashed = {k: _word_hash(k) for k in dict.fromkeys(keys)}
    words = np.array([hashed[k] for k in keys], dtype=np.uint64)
    size = min(size, len(words))
    n = len(words) - size + 1
    h = np.zeros(n, dtype=np.uint64)
    for i in range(size):
        h = (h * np.uint64(0x9E3779B1) + words[i : i + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(h)


def _identity(value: int) -> int:
    return value


@cache
def _template(num_perm: int) -> Any:
    """One MinHash whose permutations (seed 1) every signature reuses, instead of redrawing them."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, hashfunc=_identity)


def signature(keys: Sequence[str], params: Params) -> np.ndarray | None:
    """The MinHash of an article's key sequence, or None if it is too short to compare."""
    if len(keys) < params.min_words:
        return None
    from datasketch import MinHash

    # The shingle hashes are already 32-bit values: datasketch pre-mixes them.
    template = _template(params.num_perm)
    mh = MinHash(
        num_perm=params.num_perm,
        hashfunc=_identity,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    mh.update_batch(shingles(keys, params.shingle).tolist())
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_keys(sig: np.ndarray, params: Params) -> list[int]:
    """One signed 64-bit key per LSH band (the band number is hashed in)."""
    b, r = bands(params.threshold, params.num_perm)
    raw = sig.astype("<u4")
    out = []
    for i in range(b):
        digest = hashlib.blake2b(
            raw[i * r : (i + 1) * r].tobytes(), digest_size=8, salt=i.to_bytes(8, "little")
        )
        out.append(int.from_bytes(digest.digest(), "little", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def choose(
    sims: dict[int, float], clusters: dict[int, int], center_sims: dict[int, float], threshold: float
) -> tuple[int, float] | None:
    """The cluster a new article joins: ``(center, similarity)``, or None.

    Clusters are stars, not chains: an article joins a cluster only if it is
    similar enough to the cluster's *center* (its first article), never
    through a member alone, so a run of templated reports ("القيادة تهنئ رئيس
    ...") cannot link unrelated stories link by link. ``sims`` holds the
    similarity to each candidate, ``clusters`` the center of each clustered
    candidate, ``center_sims`` the similarity to those centers. An unclustered
    candidate is a center of its own. The most similar center wins; ties go
    to the older (smaller) doc.
    """
    best: tuple[float, int] | None = None
    for cand, sim in sims.items():
        center = clusters.get(cand, cand)
        s = sim if center == cand else center_sims.get(center, 0.0)
        if s >= threshold and (best is None or (s, -center) > (best[0], -best[1])):
            best = (s, center)
    return (best[1], best[0]) if best else None
