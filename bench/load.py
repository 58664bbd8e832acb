"""Bounded load test of the REST API on 127.0.0.1.

Starts ``uvicorn`` on a free loopback port against the store given by
``--db`` (build a large one with ``bench/store.py``), runs N concurrent
clients for T seconds per endpoint, stops by itself, and prints req/s and
latency percentiles for ``/v1/search`` and ``/v1/analyze``. Only loopback is
ever contacted.

    python -m bench.load --db sqlite:///bench/out/load-100k.db --build 100000 --clients 20 --seconds 20

``--build N`` first fills an empty store with N articles: the distinct news
articles of ``../shared/data/news`` plus lightly varied copies, as ``bench/store.py``
builds its latency corpus (clean articles with no analysis layers: the search
index is the same, and building stays minutes, not hours).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"

QUERIES = [
    "الرئيس", "وزير الخارجية", "المستشار", "السعودية", "النفط", "الاقتصاد", "مجلس الأمن",
    "\"ولي العهد\"", "الحوثيين", "اليمن", "الأمم المتحدة", "الرياض", "كرة القدم", "الهلال",
    "أسعار", "التعليم", "وزارة الصحة", "المملكة", "إيران", "الاتفاق النووي",
]
ARTICLE = (
    "وزير الخارجية الأردني: لا استقرار دون حل عادل\n\n"
    "قال وزير الخارجية الأردني أيمن الصفدي، صباح اليوم الثلاثاء، إن المنطقة لن تعرف الاستقرار دون حل عادل "
    "وشامل، مشيراً إلى أن بلاده ستواصل اتصالاتها مع الأطراف كافة خلال الأسبوع المقبل.\n\n"
    "وأضاف الصفدي في مؤتمر صحافي عقده في عمّان مع نظيره المصري سامح شكري أن 60% من المساعدات لم تصل بعد."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(http: httpx.AsyncClient, endpoint: str, deadline: float, lat: list[float], errors: list[int]) -> None:
    rng = random.Random(id(lat) ^ len(lat))
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        if endpoint == "search":
            r = await http.get("/v1/search", params={"q": rng.choice(QUERIES), "limit": 10})
        else:
            r = await http.post("/v1/analyze", json={"text": ARTICLE, "published": "2023-05-16"})
        lat.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            errors.append(r.status_code)


async def _run(base: str, endpoint: str, clients: int, seconds: float) -> dict[str, float]:
    lat: list[float] = []
    errors: list[int] = []
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await http.get("/v1/health")
        deadline = time.perf_counter() + seconds
        t0 = time.perf_counter()
        await asyncio.gather(*(_client(http, endpoint, deadline, lat, errors) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return {
        "requests": len(lat),
        "errors": len(errors),
        "req_per_s": round(len(lat) / elapsed, 1),
        "p50_ms": round(q[49], 1),
        "p95_ms": round(q[94], 1),
        "max_ms": round(lat[-1], 1),
    }


def build(db: str, total: int) -> int:
    """Fill ``db`` up to ``total`` articles (nothing happens if it already holds that many)."""
    from bench.store import distinct, load_news, variants

    from khabar.model import Analysis
    from khabar.store.base import open_store

    with open_store(db) as store:
        have = store.count()
        if have >= total:
            return have
        base = distinct(load_news())
        t0 = time.perf_counter()
        store.add(Analysis(article=a) for a in base[:total])
        if total > len(base):
            store.add(variants(base, total))
        print(f"built {store.count()} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return store.count()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="store URL to serve (its article count is reported)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--endpoints", default="search,analyze")
    ap.add_argument("--build", type=int, default=0, help="first fill an empty store with this many articles")
    ap.add_argument("--max-search-p95-ms", type=float, help="gate: fail above this search p95")
    args = ap.parse_args()
    if args.build:
        build(args.db, args.build)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KHABAR_DB": args.db}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "khabar.api.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers), "--log-level", "warning"],
        env=env,
    )
    try:
        for _ in range(300):
            try:
                health = httpx.get(base + "/v1/health", timeout=2).json()
                break
            except (httpx.TransportError, ValueError):
                time.sleep(0.1)
        else:
            print("server did not start", file=sys.stderr)
            return 1
        results = {"db": args.db, "articles": health.get("articles"), "clients": args.clients,
                   "seconds": args.seconds, "workers": args.workers, "endpoints": {}}
        for endpoint in args.endpoints.split(","):
            results["endpoints"][endpoint] = asyncio.run(_run(base, endpoint, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(15)

    print(f"store: {results['articles']} articles; {args.clients} clients × {args.seconds:g} s; {args.workers} workers")
    print(f"{'endpoint':<10} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, r in results["endpoints"].items():
        print(f"{name:<10} {r['requests']:>9} {r['errors']:>7} {r['req_per_s']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    search = results["endpoints"].get("search")
    if args.max_search_p95_ms is not None and search and search["p95_ms"] > args.max_search_p95_ms:
        print(f"gate failed: search p95 {search['p95_ms']} ms > {args.max_search_p95_ms} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
