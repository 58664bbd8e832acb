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
from urllib.parse import urlencode

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


def query_pool(size: int, seed: int = 20261125) -> list[str]:
    """The hand-written queries plus ``size`` drawn from the corpus's own titles.

    Twenty fixed queries would let SQLite's page cache hold every posting list
    they touch; words and word pairs drawn from real titles (seeded) spread the
    load over the index the way a newsroom's searches do: mostly content words,
    some very common ("السعودية", "الرئيس") and many rare.
    """
    from bench.store import load_news

    from khabar.store.search import index_key, stopwords

    rng = random.Random(seed)
    titles = [a.title for _, a in load_news() if a.title]
    stop = stopwords()
    pool = list(QUERIES)
    while len(pool) < len(QUERIES) + size:
        words = [w for w in rng.choice(titles).split() if len(w) > 2 and index_key(w) and index_key(w) not in stop]
        if not words:
            continue
        i = rng.randrange(len(words))
        pool.append(" ".join(words[i : i + rng.choice((1, 1, 2))]))
    return pool


class _Connection:
    """One keep-alive HTTP/1.1 connection, as a browser or a client library holds.

    Written on asyncio streams rather than with httpx: the load generator runs
    on the same two cores as the server, and httpx spends about a millisecond
    of CPU per request that the server then does not get.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        if body:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        status_line = await self.reader.readuntil(b"\r\n")
        status = int(status_line.split()[1])
        length = None
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"{target}: response without Content-Length")
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def _client(
    port: int, endpoint: str, queries: list[str], seed: int, deadline: float, lat: list[float], errors: list[int]
) -> None:
    rng = random.Random(seed)
    conn = _Connection(port)
    body = json.dumps({"text": ARTICLE, "published": "2023-05-16"}).encode()
    try:
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            if endpoint == "search":
                target = "/v1/search?" + urlencode({"q": rng.choice(queries), "limit": 10})
                status, _ = await conn.request("GET", target)
            else:
                status, _ = await conn.request("POST", "/v1/analyze", body)
            lat.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                errors.append(status)
    finally:
        await conn.close()


def _stat_cpu(stat: str) -> float:
    """User + system CPU seconds from the text of a /proc/<pid>/stat file."""
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and all its descendants, from /proc."""
    total = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            total += _stat_cpu(Path(f"/proc/{p}/stat").read_text())
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return total


def _database_cpu_seconds() -> float:
    """CPU time of every local PostgreSQL server process (0 when there are none).

    With a PostgreSQL store part of each search runs in the server's backends,
    which the uvicorn workers' own CPU time does not show.
    """
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if text.partition("(")[2].startswith("postgres"):
            total += _stat_cpu(text)
    return total


async def _warm_up(port: int, endpoint: str, queries: list[str], clients: int) -> None:
    """Five unmeasured requests per client: each worker's first ones load lexicons and models."""

    async def one(i: int) -> None:
        conn = _Connection(port)
        for q in queries[i * 5 : i * 5 + 5]:
            if endpoint == "search":
                await conn.request("GET", "/v1/search?" + urlencode({"q": q}))
            else:
                await conn.request("POST", "/v1/analyze", json.dumps({"text": ARTICLE}).encode())
        await conn.close()

    await asyncio.gather(*(one(i) for i in range(clients)))


async def _run(
    port: int, endpoint: str, clients: int, seconds: float, queries: list[str], server: int, postgres: bool
) -> dict[str, float]:
    lat: list[float] = []
    errors: list[int] = []
    await _warm_up(port, endpoint, queries, clients)
    database_cpu = _database_cpu_seconds if postgres else lambda: 0.0
    cpu0, own0, db0 = _cpu_seconds(server), time.process_time(), database_cpu()
    deadline = time.perf_counter() + seconds
    t0 = time.perf_counter()
    await asyncio.gather(*(_client(port, endpoint, queries, i, deadline, lat, errors) for i in range(clients)))
    elapsed = time.perf_counter() - t0
    server_cpu, own_cpu = _cpu_seconds(server) - cpu0, time.process_time() - own0
    db_cpu = database_cpu() - db0
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return {
        "requests": len(lat),
        "errors": len(errors),
        "req_per_s": round(len(lat) / elapsed, 1),
        "p50_ms": round(q[49], 1),
        "p95_ms": round(q[94], 1),
        "max_ms": round(lat[-1], 1),
        "server_cpu_ms_per_req": round(1000 * server_cpu / max(1, len(lat)), 2),
        "client_cpu_ms_per_req": round(1000 * own_cpu / max(1, len(lat)), 2),
        "database_cpu_ms_per_req": round(1000 * db_cpu / max(1, len(lat)), 2),
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
    ap.add_argument("--uvicorn-args", default="", help='extra uvicorn options, e.g. "--loop asyncio --http h11"')
    ap.add_argument("--queries", type=int, default=400, help="search queries drawn from corpus titles")
    ap.add_argument("--max-search-p95-ms", type=float, help="gate: fail above this search p95")
    ap.add_argument(
        "--max-search-cpu-ms", type=float,
        help="gate: fail above this server CPU time per search (steadier than latency on a shared machine)",
    )
    args = ap.parse_args()
    if args.build:
        build(args.db, args.build)
    queries = query_pool(args.queries)
    load_before = os.getloadavg()[0]

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KHABAR_DB": args.db}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "khabar.api.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers), "--log-level", "warning", *args.uvicorn_args.split()],
        env=env,
    )
    try:
        for _ in range(600):
            try:
                health = httpx.get(base + "/v1/health", timeout=2).json()
                break
            except (httpx.TransportError, ValueError):
                time.sleep(0.1)
        else:
            print("server did not start", file=sys.stderr)
            return 1
        results = {"db": args.db, "articles": health.get("articles"), "clients": args.clients,
                   "seconds": args.seconds, "workers": args.workers, "queries": len(queries),
                   "cpus": os.cpu_count(), "load_before": round(load_before, 2), "endpoints": {}}
        for endpoint in args.endpoints.split(","):
            results["endpoints"][endpoint] = asyncio.run(
                _run(port, endpoint, args.clients, args.seconds, queries, server.pid, args.db.startswith("postgres"))
            )
    finally:
        server.terminate()
        server.wait(15)

    print(
        f"store: {results['articles']} articles; {args.clients} clients × {args.seconds:g} s; "
        f"{args.workers} workers; {len(queries)} distinct queries; {os.cpu_count()} CPUs, "
        f"load average {load_before:.2f} before the run (other jobs on the machine slow every figure)"
    )
    print(f"{'endpoint':<10} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
          f" {'server CPU ms/req':>18} {'PostgreSQL CPU ms/req':>22} {'client CPU ms/req':>18}")
    for name, r in results["endpoints"].items():
        print(f"{name:<10} {r['requests']:>9} {r['errors']:>7} {r['req_per_s']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8}"
              f" {r['max_ms']:>8} {r['server_cpu_ms_per_req']:>18} {r['database_cpu_ms_per_req']:>22}"
              f" {r['client_cpu_ms_per_req']:>18}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    search = results["endpoints"].get("search")
    if args.max_search_p95_ms is not None and search and search["p95_ms"] > args.max_search_p95_ms:
        print(f"gate failed: search p95 {search['p95_ms']} ms > {args.max_search_p95_ms} ms", file=sys.stderr)
        return 1
    if (args.max_search_cpu_ms is not None and search
            and search["server_cpu_ms_per_req"] > args.max_search_cpu_ms):
        print(f"gate failed: {search['server_cpu_ms_per_req']} ms of server CPU per search "
              f"> {args.max_search_cpu_ms} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
