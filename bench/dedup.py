"""Near-duplicate threshold, measured on hand-labelled article pairs.

    python -m bench.dedup                   # threshold sweep, then the store end to end on the whole corpus
    python -m bench.dedup --quick           # end to end on the labelled pairs' articles only (CI)
    python -m bench.dedup --quick --min-f1 0.85   # gate: exit 1 below

``bench/gold/dup_pairs.jsonl`` holds 120 cross-outlet pairs of the news corpus,
sampled evenly over ten bands of word-3-shingle Jaccard similarity (0.05-1.0)
and labelled by reading both articles:

- ``copy``: the same text, one trimmed, extended or lightly edited (a wire or
  press-agency story as two outlets ran it): what a cluster should join;
- ``rewrite``: the same release or event retold in other words;
- ``different``: different stories, including templated ones (weather
  bulletins of two days, royal cables to two presidents).

The sweep scores the MinHash estimate the store compares (``copy`` positive,
``different`` negative, ``rewrite`` left out, then again with ``rewrite``
counted positive), per dev/test split; the threshold is chosen on dev. "store"
rows run the real thing: every article ingested into an in-memory SQLite store
(LSH candidates, verification, star clusters), a pair predicted a duplicate
when both articles end up in the same cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bench.store import OUT_DIR, ROOT, distinct, load_news

from khabar.model import Analysis, Article
from khabar.store import dedup
from khabar.store.rows import body_of
from khabar.store.search import index_keys

GOLD = ROOT / "bench" / "gold" / "dup_pairs.jsonl"
OUT = OUT_DIR / "dedup.json"
SWEEP = [round(0.2 + 0.05 * i, 2) for i in range(13)]


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "P": round(p, 3),
        "R": round(r, 3),
        "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        "n": len(pred),
    }


def score(rows: list[dict[str, Any]], predict: str, rewrite_positive: bool) -> dict[str, Any]:
    out = {}
    for split in ("dev", "test", "all"):
        sel = [r for r in rows if (split == "all" or r["split"] == split)]
        if not rewrite_positive:
            sel = [r for r in sel if r["label"] != "rewrite"]
        out[split] = prf([bool(r[predict]) for r in sel], [r["label"] != "different" for r in sel])
    return out


def choose_threshold(sweep: list[dict[str, Any]]) -> float:
    """The threshold the dev split supports, robustly.

    Thresholds whose dev F1 (copy pairs) is within 0.01 of the best are ties
    (one pair of 50 moves F1 by more). Among them the most precise win, because
    the sample over-represents similar pairs: the corpus holds far more
    low-similarity pairs than the even bands here, so a low threshold's
    precision is worse in practice than measured. Of those, the middle of the
    range is taken, away from both edges of the plateau.
    """
    best = max(s["copy"]["dev"]["F1"] for s in sweep)
    tied = [s for s in sweep if s["copy"]["dev"]["F1"] >= best - 0.01]
    top_p = max(s["copy"]["dev"]["P"] for s in tied)
    plateau = sorted(s["threshold"] for s in tied if s["copy"]["dev"]["P"] == top_p)
    return float(plateau[len(plateau) // 2])


def store_clusters(articles: list[Article], params: dedup.Params) -> dict[str, int]:
    """Article id → cluster, after ingesting ``articles`` into a fresh in-memory store."""
    from khabar.store.base import open_store

    with open_store("sqlite:///:memory:", dedup=params) as store:
        store.add(Analysis(article=a) for a in articles)
        rows = store._exec(  # type: ignore[attr-defined]
            "SELECT a.id, d.cluster FROM duplicates d JOIN articles a ON a.doc = d.doc"
        )
    return {r[0]: int(r[1]) for r in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="ingest only the labelled pairs' articles")
    ap.add_argument("--min-f1", type=float, help="gate: fail if the store's F1 (copy pairs, all) is below")
    args = ap.parse_args(argv)

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    news = load_news()
    by_cid = dict(news)
    params = dedup.Params()
    rows = []
    for g in gold:
        a, b = by_cid[g["a"]], by_cid[g["b"]]
        ka, kb = (index_keys(body_of(x.title, x.text)) for x in (a, b))
        sa, sb = (
            set(dedup.shingles(ka, params.shingle).tolist()),
            set(dedup.shingles(kb, params.shingle).tolist()),
        )
        ma, mb = dedup.signature(ka, params), dedup.signature(kb, params)
        est = dedup.similarity(ma, mb) if ma is not None and mb is not None else 0.0
        rows.append({**g, "a_id": a.id, "b_id": b.id, "jaccard": len(sa & sb) / len(sa | sb), "minhash": est})

    sweep = []
    for t in SWEEP:
        for r in rows:
            r["pred"] = r["minhash"] >= t
        sweep.append(
            {"threshold": t, "copy": score(rows, "pred", False), "copy+rewrite": score(rows, "pred", True)}
        )
    chosen = choose_threshold(sweep)

    articles = distinct(news)
    if args.quick:
        wanted = {r[k] for r in rows for k in ("a_id", "b_id")}
        articles = [a for a in articles if a.id in wanted]
    clusters = store_clusters(articles, params)
    for r in rows:
        ca, cb = clusters.get(r["a_id"]), clusters.get(r["b_id"])
        r["store"] = r["a_id"] == r["b_id"] or (ca is not None and ca == cb)
    result = {
        "pairs": len(rows),
        "labels": {lab: sum(r["label"] == lab for r in rows) for lab in ("copy", "rewrite", "different")},
        "params": {
            "threshold": params.threshold,
            "shingle": params.shingle,
            "num_perm": params.num_perm,
            "bands": list(dedup.bands(params.threshold, params.num_perm)),
            "min_words": params.min_words,
        },
        "chosen_on_dev": chosen,
        "sweep": sweep,
        "store": {
            "articles": len(articles),
            "copy": score(rows, "store", False),
            "copy+rewrite": score(rows, "store", True),
        },
        "store_errors": [
            {k: r[k] for k in ("a", "b", "label", "split")} | {"minhash": round(r["minhash"], 3)}
            for r in rows
            if r["store"] != (r["label"] == "copy") and r["label"] != "rewrite"
        ],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")

    print(
        f"{len(rows)} labelled pairs: {result['labels']}; shingles of {params.shingle} words, "
        f"{params.num_perm} permutations, LSH {result['params']['bands'][0]} bands x {result['params']['bands'][1]} rows\n"
    )
    print("| threshold | copy P/R/F1 dev | copy P/R/F1 test | copy+rewrite F1 dev / test |")
    print("|---|---|---|---|")
    for s in sweep:
        mark = " (used)" if s["threshold"] == params.threshold else ""
        c, cr = s["copy"], s["copy+rewrite"]
        print(
            f"| {s['threshold']:.2f}{mark} | {c['dev']['P']:.2f} / {c['dev']['R']:.2f} / {c['dev']['F1']:.2f} "
            f"| {c['test']['P']:.2f} / {c['test']['R']:.2f} / {c['test']['F1']:.2f} "
            f"| {cr['dev']['F1']:.2f} / {cr['test']['F1']:.2f} |"
        )
    print(f"\nchosen on dev: {chosen:.2f} (see choose_threshold); the store uses {params.threshold:.2f}\n")
    print(f"| store end to end ({len(articles):,} articles) | P | R | F1 |")
    print("|---|---|---|---|")
    for view in ("copy", "copy+rewrite"):
        for split in ("dev", "test"):
            m = result["store"][view][split]
            print(f"| {view}, {split} | {m['P']:.3f} | {m['R']:.3f} | {m['F1']:.3f} |")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")

    f1 = result["store"]["copy"]["all"]["F1"]
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"GATE FAILED: store F1 {f1} < {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
