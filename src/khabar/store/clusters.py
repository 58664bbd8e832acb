"""Near-duplicate clusters kept in the store: add new articles, forget removed ones.

Runs inside the write transaction of :class:`~khabar.store.sqlstore.SqlStore`
(the MinHash signatures and band keys were computed before it opened). Tables:
``signatures`` (doc → MinHash), ``lsh_keys`` (band key, doc; primary key on
both, so a look-up by key is an index range) and ``duplicates`` (doc → cluster
label, the smallest doc of the cluster).

Clusters are stars (see :func:`khabar.store.dedup.choose`): each has a center,
its first article, and every member was similar enough to it. Look-ups go by
band key only, and only centers and unclustered articles keep band keys. The
writer knows the new articles' keys; deleting an article recomputes its keys
from its stored signature with the store's own dedup parameters (saved in
``settings`` when the store was made, so a later khabar with other defaults
still finds them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from khabar.store import dedup

if TYPE_CHECKING:
    from khabar.store.rows import ArticleRows
    from khabar.store.sqlstore import SqlStore


def add(store: SqlStore, new: dict[int, ArticleRows]) -> None:
    """Store the new docs' sketches and put each in the cluster of its most similar center."""
    if not new:
        return
    store._insert_rows("signatures", ("doc", "minhash"), [(d, r.signature) for d, r in new.items()])
    by_key: dict[int, list[int]] = defaultdict(list)
    for d in sorted(new):
        for k in set(new[d].lsh_keys):
            by_key[k].append(d)
    candidates: dict[int, set[int]] = {d: set() for d in new}
    for key, doc in store._select_in("SELECT key, doc FROM lsh_keys WHERE key", list(by_key)):
        for d in by_key[int(key)]:
            candidates[d].add(int(doc))
    for docs in by_key.values():  # earlier new docs of this batch are candidates too
        for i, d in enumerate(docs):
            candidates[d].update(docs[:i])
    stored = sorted({c for cs in candidates.values() for c in cs if c not in new})
    clusters = {
        int(d): int(c) for d, c in store._select_in("SELECT doc, cluster FROM duplicates WHERE doc", stored)
    }
    sigs = {d: dedup.from_bytes(r.signature) for d, r in new.items() if r.signature is not None}
    wanted = sorted(set(stored) | set(clusters.values()))
    for d, s in store._select_in("SELECT doc, minhash FROM signatures WHERE doc", wanted):
        sigs[int(d)] = dedup.from_bytes(bytes(s))
    rows: list[tuple[int, int, float]] = []
    for d in sorted(new):
        sims = {c: dedup.similarity(sigs[d], sigs[c]) for c in candidates[d] if c in sigs}
        centers = {clusters[c] for c in sims if c in clusters}
        choice = dedup.choose(
            sims,
            clusters,
            {c: dedup.similarity(sigs[d], sigs[c]) for c in centers if c in sigs},
            store.params.threshold,
        )
        if choice is None:
            continue
        center, sim = choice
        if center not in clusters:
            clusters[center] = center
            rows.append((center, center, 1.0))
        clusters[d] = center
        rows.append((d, center, sim))
    store._insert_rows("duplicates", ("doc", "cluster", "similarity"), rows)
    # Only centers and unclustered docs are looked up, so a doc that joined a
    # cluster keeps no band keys: a cluster of a thousand templated reports
    # then costs one look-up row per band, not a thousand.
    store._insert_rows(
        "lsh_keys",
        ("key", "doc"),
        [(k, d) for k, ds in by_key.items() for d in ds if clusters.get(d, d) == d],
    )


def _keys(store: SqlStore, docs: Sequence[int]) -> list[tuple[int, int]]:
    """``(band key, doc)`` of the docs, recomputed from their stored signatures."""
    rows = store._select_in("SELECT doc, minhash FROM signatures WHERE doc", list(docs))
    return [
        (k, int(d)) for d, s in rows for k in set(dedup.band_keys(dedup.from_bytes(bytes(s)), store.params))
    ]


def forget(store: SqlStore, docs: Sequence[int]) -> None:
    """Remove the docs' sketches and cluster rows.

    A cluster whose center goes is re-centered on its oldest remaining member
    (which gets its band keys back); a cluster left with one member is dissolved.
    """
    store._execmany("DELETE FROM lsh_keys WHERE key = ? AND doc = ?", _keys(store, docs))
    test, params = store._in(docs)
    store._exec(f"DELETE FROM signatures WHERE doc {test}", params)
    labels = [
        int(c) for (c,) in store._exec(f"SELECT DISTINCT cluster FROM duplicates WHERE doc {test}", params)
    ]
    store._exec(f"DELETE FROM duplicates WHERE doc {test}", params)
    gone = set(docs)
    revived: list[int] = []
    for label in labels:
        left = [
            int(d)
            for (d,) in store._exec("SELECT doc FROM duplicates WHERE cluster = ? ORDER BY doc", (label,))
        ]
        if len(left) < 2:
            store._exec("DELETE FROM duplicates WHERE cluster = ?", (label,))
            revived.extend(d for d in left if d != label)
        elif label in gone:
            store._exec("UPDATE duplicates SET cluster = ? WHERE cluster = ?", (left[0], label))
            store._exec("UPDATE duplicates SET similarity = 1.0 WHERE doc = ?", (left[0],))
            revived.append(left[0])
    store._execmany(
        "INSERT INTO lsh_keys (key, doc) VALUES (?, ?) ON CONFLICT DO NOTHING", _keys(store, revived)
    )
