"""Near-duplicate clusters kept in the store: add new articles, forget removed ones.

Runs inside the write transaction of :class:`~khabar.store.sqlstore.SqlStore`
(the MinHash signatures and band keys were computed before it opened). Tables:
``signatures`` (doc → MinHash), ``lsh_keys`` (band key, doc; primary key on
both, so a look-up by key is an index range) and ``duplicates`` (doc → cluster
label, the smallest doc of the cluster).

Look-ups go by band key only: the writer knows the new articles' keys, and
deleting an article recomputes its keys from its stored signature with the
store's own dedup parameters (saved in ``settings`` when the store was made,
so a later khabar with other defaults still finds them).
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
    """Store the new docs' sketches and link them to every stored doc above the threshold."""
    if not new:
        return
    store._execmany(
        "INSERT INTO signatures (doc, minhash) VALUES (?, ?)", [(d, r.signature) for d, r in new.items()]
    )
    by_key: dict[int, list[int]] = defaultdict(list)
    for d, r in new.items():
        for k in set(r.lsh_keys):
            by_key[k].append(d)
    store._execmany(
        "INSERT INTO lsh_keys (key, doc) VALUES (?, ?)", [(k, d) for k, ds in by_key.items() for d in ds]
    )
    pairs: set[tuple[int, int]] = set()
    for key, doc in store._select_in("SELECT key, doc FROM lsh_keys WHERE key", list(by_key)):
        for d in by_key[int(key)]:
            if d != int(doc):
                pairs.add((d, int(doc)))
    if not pairs:
        return
    sigs = {d: dedup.from_bytes(r.signature) for d, r in new.items() if r.signature is not None}
    others = sorted({b for _, b in pairs if b not in sigs})
    for d, s in store._select_in("SELECT doc, minhash FROM signatures WHERE doc", others):
        sigs[int(d)] = dedup.from_bytes(bytes(s))
    edges = []
    for a, b in sorted(pairs):
        if b in new and b < a:
            continue  # each pair of new docs once
        sim = dedup.similarity(sigs[a], sigs[b])
        if sim >= store.params.threshold:
            edges.append((a, b, sim))
    if not edges:
        return
    linked = sorted({d for a, b, _ in edges for d in (a, b)})
    known = {
        int(d): int(c) for d, c in store._select_in("SELECT doc, cluster FROM duplicates WHERE doc", linked)
    }
    relabel, members = dedup.merge(edges, known)
    for old, label in relabel.items():
        store._exec("UPDATE duplicates SET cluster = ? WHERE cluster = ?", (label, old))
    store._execmany(
        "INSERT INTO duplicates (doc, cluster, similarity) VALUES (?, ?, ?)",
        [(d, c, s) for d, (c, s) in sorted(members.items())],
    )
    # A new doc that joined an older cluster is found through that cluster's
    # earlier members: dropping its band keys keeps a cluster of a thousand
    # templated reports from making every later look-up return a thousand rows.
    joined = [d for d in new if d in members and members[d][0] not in new]
    store._execmany(
        "DELETE FROM lsh_keys WHERE key = ? AND doc = ?",
        [(k, d) for d in joined for k in set(new[d].lsh_keys)],
    )


def forget(store: SqlStore, docs: Sequence[int]) -> None:
    """Remove the docs' sketches and cluster rows; a cluster left with one member is dissolved."""
    rows = store._select_in("SELECT doc, minhash FROM signatures WHERE doc", list(docs))
    keys = [
        (k, int(d)) for d, s in rows for k in set(dedup.band_keys(dedup.from_bytes(bytes(s)), store.params))
    ]
    store._execmany("DELETE FROM lsh_keys WHERE key = ? AND doc = ?", keys)
    test, params = store._in(docs)
    store._exec(f"DELETE FROM signatures WHERE doc {test}", params)
    labels = [c for (c,) in store._exec(f"SELECT DISTINCT cluster FROM duplicates WHERE doc {test}", params)]
    store._exec(f"DELETE FROM duplicates WHERE doc {test}", params)
    if labels:
        ctest, cparams = store._in(labels)
        store._exec(
            f"DELETE FROM duplicates WHERE cluster {ctest} AND cluster IN "
            "(SELECT cluster FROM duplicates GROUP BY cluster HAVING COUNT(*) < 2)",
            cparams,
        )
