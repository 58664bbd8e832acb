"""Word clusters learnt from unlabeled news, a feature for the name tagger.

ANERcorp has 125K training tokens; most names in tomorrow's news are not in
it. Clusters over a larger news corpus (SaudiNewsNet, 4.4M words) group a
word with others used in the same contexts ("ريفلين" with other surnames
after "الرئيس", "باكو" with capitals after "في"), so the CRF can transfer
what it learnt about the known members.

Method (no downloads, numpy/scipy only, about a minute on one core): counts
of each of the 60K most frequent normalized words against the 3,000 most
frequent words at each of the positions −2, −1, +1, +2; positive PMI with
context smoothing (α = 0.75); a rank-100 truncated SVD; then spherical
k-means into 1,024 fine clusters, and k-means over the fine centroids into
256 and 64 coarser ones, so each word gets a path of three ids, coarse to
fine, like the prefixes of a Brown cluster bit string.

The table is a derived artefact written next to the model
(``src/khabar/data/ner/clusters.tsv.gz``: ``word<TAB>c64<TAB>c256<TAB>c1024``);
numpy and scipy are needed to build it, not to use it.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.entities.features import normalize

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0640]+|[A-Za-z]+|[0-9\u0660-\u0669]+|[^\s\w]")


def news_tokens(path: Path) -> Iterator[list[str]]:
    """Normalized tokens of each paragraph of a SaudiNewsNet-style JSONL.gz file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for para in [rec.get("title") or "", *(rec.get("content") or "").split("\n")]:
                toks = [normalize(t) for t in _TOKEN.findall(para)]
                if toks:
                    yield toks


def build_clusters(
    news: Path,
    *,
    vocab: int = 60_000,
    contexts: int = 3_000,
    dims: int = 100,
    sizes: tuple[int, ...] = (64, 256, 1024),
    seed: int = 13,
) -> dict[str, tuple[str, ...]]:
    """Cluster the ``vocab`` most frequent words of ``news``; returns word → ids coarse to fine."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.linalg import svds

    counts: Counter[str] = Counter()
    paragraphs = []
    for toks in news_tokens(news):
        counts.update(toks)
        paragraphs.append(toks)
    words = [w for w, c in counts.most_common(vocab) if c >= 3]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter(
        (index.get(t, -1) for toks in paragraphs for t in [*toks, "\x00"]), dtype=np.int64
    )  # "\x00" separates paragraphs so windows never cross them
    log.info("clusters: %d tokens, %d word types kept", len(ids), len(words))
    offsets = (-2, -1, 1, 2)
    blocks = []
    for k, d in enumerate(offsets):
        w = ids[max(0, -d) : len(ids) - max(0, d)]
        c = ids[max(0, d) : len(ids) - max(0, -d) if d < 0 else len(ids)]
        keep = (w >= 0) & (c >= 0) & (c < contexts)
        blocks.append((w[keep], c[keep] + k * contexts))
    rows = np.concatenate([b[0] for b in blocks])
    cols = np.concatenate([b[1] for b in blocks])
    mat = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(words), contexts * len(offsets))
    ).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    p_w = np.asarray(mat.sum(axis=1)).ravel() / total
    c_counts = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    p_c = c_counts / c_counts.sum()
    coo = mat.tocoo()
    pmi = np.log(coo.data / total / (p_w[coo.row] * p_c[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape)
    u, s, _ = svds(ppmi, k=dims, random_state=seed)
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    fine, centroids = _kmeans(vecs, sizes[-1], seed)
    levels = [fine]
    for size in reversed(sizes[:-1]):
        coarse, _ = _kmeans(centroids, size, seed)
        levels.append(coarse[fine])
    levels.reverse()
    return {w: tuple(str(int(level[i])) for level in levels) for i, w in enumerate(words)}


def _kmeans(x: Any, k: int, seed: int, iterations: int = 25) -> tuple[Any, Any]:
    """Spherical k-means (cosine) with k-means++-style seeding; returns (labels, centroids)."""
    import numpy as np
    from scipy import sparse

    rng = np.random.default_rng(seed)
    n = len(x)
    centers = [int(rng.integers(n))]
    dist = 1.0 - x @ x[centers[0]]
    for _ in range(1, k):
        probs = np.clip(dist, 0, None) ** 2
        nxt = int(rng.choice(n, p=probs / probs.sum())) if probs.sum() > 0 else int(rng.integers(n))
        centers.append(nxt)
        dist = np.minimum(dist, 1.0 - x @ x[nxt])
    cent = x[centers].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ cent.T, axis=1)
        onehot = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
        sums = np.asarray(onehot @ x)
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0  # an emptied cluster keeps its old centre
        cent[filled] = sums[filled] / norms[filled, None]
    return labels, cent


def write_clusters(table: dict[str, tuple[str, ...]], path: Path) -> None:
    """Write ``word<TAB>id…`` lines, gzip-compressed, sorted for stable diffs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write("".join(f"{w}\t{chr(9).join(ids)}\n" for w, ids in sorted(table.items())).encode("utf-8"))


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a table written by :func:`write_clusters`."""
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table
