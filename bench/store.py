"""Corpus store benchmark: ingest rate, search latency at 100,000 articles, relevance, size.

    python -m bench.store                       # SQLite, and PostgreSQL with --pg URL (or $KHABAR_TEST_PG)
    python -m bench.store --quick               # CI slice: 2,000 base articles, 10,000 in the latency store
    python -m bench.store --quick --min-rate 500 --max-p95-ms 50 --min-recall 0.75   # gate: exit 1 below

What it measures, on each backend:

- **ingest, analysis excluded**: ``Store.add`` of analyses computed beforehand
  with the full pipeline (entities, quotes, times, quantities: every row the
  store writes), articles/s. This is the figure the ≥ 500 articles/s target is
  about: the store's write path, index keys and MinHash included.
- **ingest, analysis included**: the same articles analysed inside ``Store.add``
  (its worker thread analyses the next batch while the current one is written;
  the pipeline dominates, and ``khabar batch`` + ``khabar load`` parallelize it).
- **relevance**: recall@10 and MRR of ``Store.search`` on ``bench/gold/search.jsonl``
  (70 hand-written queries, each with the articles that must come first) over the
  whole news corpus (14,505 distinct articles), per dev/test split. Recall@10 is
  the share of a query's relevant articles in its first 10 hits (out of at most
  10). On PostgreSQL the same queries also run against PostgreSQL's own
  ``arabic`` text-search configuration over the raw text (``websearch_to_tsquery``),
  without khabar's keys: the baseline the issue asks to measure.
- **latency**: the base corpus is extended to 100,000 articles with variants of
  its articles (a dateline added, a paragraph dropped, another outlet and day,
  so they are near-duplicates, as syndicated news is), then the gold queries
  and 130 title-word queries run, one in five with a date filter; p50/p95 of
  ``Store.search`` (ranking, fetching, snippets).
- **size**: bytes on disk per 1,000 articles, at the base corpus and at scale.

Articles come from ``../shared/data/news`` through khabar's own JSONL reader;
the parsed articles are cached in ``bench/out/`` (keyed by the corpus file and
the reader's source) so later runs start in seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import pickle
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from khabar.model import Analysis, Article
from khabar.options import Options

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "bench" / "out"
OUT = OUT_DIR / "store.json"
GOLD = ROOT / "bench" / "gold" / "search.jsonl"
TARGET_RATE = 500.0
TARGET_P95_MS = 50.0
OUTLETS = ("aawsat", "alriyadh", "okaz", "sabq", "alwatan", "alyaum", "almadina", "aljazirah")
DATELINES = ("الرياض - واس:", "جدة - الوطن:", "الدمام - اليوم:", "مكة المكرمة:", "وكالات:")


def shared() -> Path:
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def corpus_path() -> Path:
    path = shared() / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path} not found: the benchmark needs ../shared (or set KHABAR_SHARED)")
    return path


def _cache_key(path: Path) -> str:
    """The corpus file's size and time plus the reader's source: a new reader re-parses."""
    h = hashlib.sha256(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    for src in sorted((ROOT / "src" / "khabar" / "ingest").glob("*.py")):
        h.update(src.read_bytes())
    return h.hexdigest()[:16]


def load_news() -> list[tuple[str, Article]]:
    """``(corpus id, Article)`` for every readable record, parsed by khabar's reader (cached)."""
    from khabar.errors import IngestError
    from khabar.ingest.reader import read

    path = corpus_path()
    cache = OUT_DIR / f"news-articles-{_cache_key(path)}.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    out = []
    for item in read(path, Options(stages=())):
        if isinstance(item, IngestError):
            continue
        # The reader names the record it read: "<file>#<corpus id>".
        out.append(((item.source or "").rsplit("#", 1)[-1], item))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for stale in OUT_DIR.glob("news-articles-*.pkl"):
        stale.unlink()  # parsed by an older reader
    with cache.open("wb") as f:
        pickle.dump(out, f)
    return out


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def distinct(news: list[tuple[str, Article]]) -> list[Article]:
    """One article per content hash (the corpus repeats some articles verbatim)."""
    seen: dict[str, Article] = {}
    for _, a in news:
        seen.setdefault(a.id, a)
    return list(seen.values())


def variants(base: list[Article], total: int, seed: int = 7) -> Iterator[Analysis]:
    """Articles beyond ``base`` up to ``total``: each a lightly changed copy of a base article."""
    rnd = random.Random(seed)
    n = 0
    v = 0
    while True:
        v += 1
        for i, a in enumerate(base):
            if n >= total - len(base):
                return
            paras = list(a.paragraphs)
            if len(paras) >= 3:
                del paras[rnd.randrange(1, len(paras))]
            if paras:
                paras[0] = f"{DATELINES[(i + v) % len(DATELINES)]} {paras[0]}"
            # The edition line keeps every variant's text distinct (no content-hash repeats).
            paras.append(f"الطبعة {v} - {OUTLETS[(i + v) % len(OUTLETS)]}")
            text = "\n\n".join([a.title, *paras])
            art = dataclasses.replace(
                a,
                id=hashlib.sha256(text.encode()).hexdigest()[:20],
                paragraphs=tuple(paras),
                text=text,
                url=f"{a.url or 'https://bench.example/' + a.id}?v={v}",
                outlet=OUTLETS[(i + v) % len(OUTLETS)],
                published=f"2015-07-{21 + (i + v) % 10:02d}",
            )
            n += 1
            yield Analysis(article=art)


def latency_queries(
    base: list[Article], gold: list[dict[str, Any]], n: int, seed: int = 11
) -> list[dict[str, Any]]:
    """The gold queries plus ``n`` queries of 2-3 words from random titles; one in five dated."""
    from khabar.store.search import parse_query

    rnd = random.Random(seed)
    queries = [g["query"] for g in gold]
    while len(queries) < len(gold) + n:
        words = [w for w in rnd.choice(base).title.split() if len(w) > 3]
        if len(words) >= 2:
            q = " ".join(rnd.sample(words, min(len(words), rnd.choice((2, 3)))))
            if parse_query(q):
                queries.append(q)
    out = []
    for i, q in enumerate(queries):
        spec: dict[str, Any] = {"query": q}
        if i % 5 == 4:
            day = 21 + rnd.randrange(8)
            spec["date_from"], spec["date_to"] = f"2015-07-{day:02d}", f"2015-07-{day + 2:02d}"
        out.append(spec)
    return out


def relevance(
    search: Callable[[str], list[str]], gold: list[dict[str, Any]], to_article: dict[str, str]
) -> dict[str, Any]:
    """recall@10 and MRR per split; ``search`` returns article ids best first."""
    per: dict[str, list[tuple[float, float]]] = {"dev": [], "test": []}
    misses = []
    for g in gold:
        relevant = {to_article[r] for r in g["relevant"] if r in to_article}
        hits = search(g["query"])[:10]
        found = len(relevant & set(hits))
        recall = found / min(len(relevant), 10)
        rank = next((i for i, h in enumerate(hits, 1) if h in relevant), None)
        per[g["split"]].append((recall, 1.0 / rank if rank else 0.0))
        if recall < 1.0:
            misses.append({"id": g["id"], "query": g["query"], "recall": round(recall, 3), "rank": rank})
    out: dict[str, Any] = {}
    for split, rows in (*per.items(), ("all", per["dev"] + per["test"])):
        if not rows:
            continue
        out[split] = {
            "queries": len(rows),
            "recall@10": round(statistics.mean(r for r, _ in rows), 4),
            "mrr": round(statistics.mean(m for _, m in rows), 4),
        }
    out["misses"] = misses
    return out


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def _pg_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


class Backend:
    """Fresh, empty stores on one backend: a SQLite file per store, or a PostgreSQL schema."""

    def __init__(self, name: str, pg: str | None, workdir: Path) -> None:
        self.name, self.pg, self.workdir = name, pg, workdir
        self.schemas: list[str] = []

    def fresh(self) -> str:
        if self.pg is None:
            path = self.workdir / f"store-{uuid.uuid4().hex[:8]}.db"
            return f"sqlite:///{path}"
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(self.pg, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        return _pg_url(self.pg, schema)

    def cleanup(self) -> None:
        if self.pg is None:
            for p in self.workdir.glob("store-*.db*"):
                p.unlink()
            return
        import psycopg

        with psycopg.connect(self.pg, autocommit=True) as conn:
            for schema in self.schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def arabic_relevance(url: str, gold: list[dict[str, Any]], to_article: dict[str, str]) -> dict[str, Any]:
    """The gold queries against PostgreSQL's own ``arabic`` configuration over the raw text."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE bench_arabic AS SELECT doc, "
            "setweight(to_tsvector('arabic', title), 'A') || setweight(to_tsvector('arabic', text), 'B') AS tsv "
            "FROM articles"
        )
        conn.execute("CREATE INDEX bench_arabic_gin ON bench_arabic USING GIN (tsv)")

        def search(q: str) -> list[str]:
            rows = conn.execute(
                "SELECT a.id FROM bench_arabic t JOIN articles a ON a.doc = t.doc, "
                "websearch_to_tsquery('arabic', %s) q WHERE t.tsv @@ q "
                "ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', t.tsv, q, 1) DESC, t.doc LIMIT 10",
                (q,),
            ).fetchall()
            return [r[0] for r in rows]

        result = relevance(search, gold, to_article)
        conn.execute("DROP TABLE bench_arabic")
    return result


def run_backend(
    backend: Backend,
    analysed: list[Analysis],
    base: list[Article],
    scale: int,
    gold: list[dict[str, Any]],
    to_article: dict[str, str],
    queries: list[dict[str, Any]],
) -> dict[str, Any]:
    from khabar.store.base import open_store

    res: dict[str, Any] = {}
    log = lambda msg: print(f"[{backend.name}] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    with open_store(backend.fresh()) as store:
        # Warm up first: one-time costs (importing datasketch and scipy, loading the
        # clitic lexicon) belong to starting a process, not to the write rate.
        warm = [
            dataclasses.replace(
                a,
                article=dataclasses.replace(a.article, id=f"warm-{i}", url=None, text=a.article.text + " ."),
            )
            for i, a in enumerate(analysed[:50])
        ]
        store.add(warm)
        store.delete([a.article.id for a in warm])  # type: ignore[attr-defined]
        _, t = _timed(lambda: store.add(analysed))
        res["write_rate"] = round(len(analysed) / t, 1)
        log(f"analysed articles written: {res['write_rate']} articles/s")

    # Analysis included: the same articles analysed inside Store.add, whose worker
    # thread analyses the next batch while the current one is written.
    sample = [a.article for a in analysed]
    with open_store(backend.fresh()) as store:
        _, t = _timed(lambda: store.add(_analysed(sample)))
        res["included_rate"] = round(len(sample) / t, 1)
        log(f"analysed and written: {res['included_rate']} articles/s")

    url = backend.fresh()
    with open_store(url) as store:
        _, t = _timed(lambda: store.add(Analysis(article=a) for a in base))
        res["base"] = {"articles": store.count(), "rate": round(len(base) / t, 1)}
        res["base"]["bytes_per_1000"] = round(store.size_bytes() / store.count() * 1000)
        log(f"base corpus: {res['base']}")

        def search(q: str) -> list[str]:
            return [h.article_id for h in store.search(q, limit=10)]

        res["relevance"] = relevance(search, gold, to_article)
        log(f"relevance: {res['relevance']['all']}")
        if backend.pg is not None:
            res["relevance_pg_arabic"] = arabic_relevance(url, gold, to_article)
            log(f"relevance, PostgreSQL 'arabic' config: {res['relevance_pg_arabic']['all']}")

        more = scale - store.count()
        _, t = _timed(lambda: store.add(variants(base, scale)))
        res["scale"] = {"articles": store.count(), "rate": round(more / t, 1)}
        res["scale"]["bytes_per_1000"] = round(store.size_bytes() / store.count() * 1000)
        log(f"scale store: {res['scale']}")

        for spec in queries:  # warm the caches (SQLite pages, PostgreSQL buffers)
            store.search(spec["query"], date_from=spec.get("date_from"), date_to=spec.get("date_to"))
        times = []
        for spec in queries:
            _, t = _timed(
                lambda s=spec: store.search(
                    s["query"], date_from=s.get("date_from"), date_to=s.get("date_to")
                )
            )
            times.append(t * 1000)
        times.sort()
        res["latency"] = {
            "articles": store.count(),
            "queries": len(times),
            "p50_ms": round(times[len(times) // 2], 2),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
            "max_ms": round(times[-1], 2),
        }
        log(f"latency: {res['latency']}")
    return res


def _analysed(articles: list[Article]) -> Iterator[Analysis]:
    from khabar.pipeline import process

    for a in articles:
        try:
            yield process(a, Options())
        except Exception:  # the stage bug analyse() reports; same fallback here
            yield process(a, Options(stages=("text",)))


def analyse(articles: list[Article]) -> tuple[list[Analysis], float, dict[str, Any]]:
    """Run the full pipeline over ``articles``, timed.

    An article on which a stage raises (a bug in that stage, not the store's
    concern here) is analysed with the text layer only and counted, so one
    broken stage does not stop the benchmark; the failures are reported.
    """
    from khabar.pipeline import process

    out: list[Analysis] = []
    failures: dict[str, int] = {}
    examples: list[str] = []
    t0 = time.perf_counter()
    for a in articles:
        try:
            out.append(process(a, Options()))
        except Exception as err:  # a stage's bug: counted and reported below, never hidden
            key = f"{type(err).__name__}: {err}"[:120]
            failures[key] = failures.get(key, 0) + 1
            if len(examples) < 5:
                examples.append(f"{a.source}: {key}")
            out.append(process(a, Options(stages=("text",))))
    seconds = time.perf_counter() - t0
    for e in examples:
        print(f"analysis failed on {e}", file=sys.stderr)
    return out, seconds, {"failed": sum(failures.values()), "errors": failures}


def table(result: dict[str, Any]) -> str:
    lines = [
        "| backend | ingest analysed (writes) art/s | ingest incl. analysis art/s | base ingest art/s "
        "| recall@10 dev/test | MRR dev/test | search p50 / p95 ms @ N | KB per 1,000 (base / scale) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in result["backends"].items():
        rel = r["relevance"]
        lines.append(
            f"| {name} | {r['write_rate']} | {r['included_rate']} | {r['base']['rate']} "
            f"| {rel['dev']['recall@10']:.3f} / {rel['test']['recall@10']:.3f} "
            f"| {rel['dev']['mrr']:.3f} / {rel['test']['mrr']:.3f} "
            f"| {r['latency']['p50_ms']} / {r['latency']['p95_ms']} @ {r['latency']['articles']:,} "
            f"| {r['base']['bytes_per_1000'] // 1000:,} / {r['scale']['bytes_per_1000'] // 1000:,} |"
        )
        if "relevance_pg_arabic" in r:
            ar = r["relevance_pg_arabic"]
            lines.append(
                f"| {name}, built-in `arabic` config | | | | {ar['dev']['recall@10']:.3f} / {ar['test']['recall@10']:.3f} "
                f"| {ar['dev']['mrr']:.3f} / {ar['test']['mrr']:.3f} | | |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small slice for CI")
    ap.add_argument(
        "--pg",
        default=os.environ.get("KHABAR_TEST_PG"),
        help="PostgreSQL server URL (default $KHABAR_TEST_PG)",
    )
    ap.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    ap.add_argument(
        "--scale", type=int, help="articles in the latency store (default 100,000; 10,000 with --quick)"
    )
    ap.add_argument(
        "--analysed",
        type=int,
        help="articles run through the full pipeline (default 1,000; 200 with --quick)",
    )
    ap.add_argument("--min-rate", type=float, help="gate: fail below this many analysed articles/s written")
    ap.add_argument("--max-p95-ms", type=float, help="gate: fail above this search p95")
    ap.add_argument("--min-recall", type=float, help="gate: fail below this recall@10 (all queries)")
    args = ap.parse_args(argv)

    gold = load_gold()
    news = load_news()
    to_article = {cid: a.id for cid, a in news}
    base = distinct(news)
    if args.quick:
        wanted = {to_article[r] for g in gold for r in g["relevant"] if r in to_article}
        rnd = random.Random(3)
        others = [a for a in base if a.id not in wanted]
        base = [a for a in base if a.id in wanted] + rnd.sample(others, max(0, 2000 - len(wanted)))
    scale = args.scale or (10_000 if args.quick else 100_000)
    n_analysed = args.analysed or (200 if args.quick else 1000)
    sample = random.Random(5).sample(base, min(n_analysed, len(base)))
    analysed, analysis_seconds, failures = analyse(sample)
    print(
        f"analysis: {len(sample) / analysis_seconds:.1f} articles/s, {failures['failed']} failed",
        file=sys.stderr,
    )
    queries = latency_queries(base, gold, 130)

    result: dict[str, Any] = {
        "corpus": {"records": len(news), "distinct": len(distinct(news)), "base": len(base), "scale": scale},
        "analysis": {"articles": len(sample), "rate": round(len(sample) / analysis_seconds, 1), **failures},
        "targets": {"write_rate": TARGET_RATE, "p95_ms": TARGET_P95_MS},
        "backends": {},
    }
    backends = []
    workdir = OUT_DIR / "store-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.no_sqlite:
        backends.append(Backend("sqlite", None, workdir))
    if args.pg:
        backends.append(Backend("postgres", args.pg, workdir))
    for b in backends:
        try:
            result["backends"][b.name] = run_backend(b, analysed, base, scale, gold, to_article, queries)
        finally:
            b.cleanup()

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(result))
    print(
        f"\nanalysis (all stages, one process): {result['analysis']['rate']} articles/s, "
        f"{result['analysis']['failed']} of {len(sample)} failed in a stage; written to {OUT.relative_to(ROOT)}"
    )

    failed = []
    for name, r in result["backends"].items():
        if args.min_rate is not None and r["write_rate"] < args.min_rate:
            failed.append(f"{name}: {r['write_rate']} analysed articles/s written < {args.min_rate}")
        if args.max_p95_ms is not None and r["latency"]["p95_ms"] > args.max_p95_ms:
            failed.append(f"{name}: search p95 {r['latency']['p95_ms']} ms > {args.max_p95_ms}")
        if args.min_recall is not None and r["relevance"]["all"]["recall@10"] < args.min_recall:
            failed.append(f"{name}: recall@10 {r['relevance']['all']['recall@10']} < {args.min_recall}")
    for f in failed:
        print(f"GATE FAILED: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
