"""Reader throughput: articles/s for each input format, on real news rendered into that format.

    python -m bench.ingest                    # 1,000 articles per reader, table + bench/out/ingest.json
    python -m bench.ingest --quick            # 200 articles (CI)
    python -m bench.ingest --quick --min-rate text=300,jsonl=300,html=50   # gate: exit 1 below a floor

Articles come from ``../shared/data/news/saudinewsnet-2015-07.jsonl.gz`` (sampled
evenly across the file, so every outlet is in), rendered into a temporary
directory the way each format arrives in practice:

- ``text``: one file per article in the scraped form (title twice, a date line in
  one of four month-name systems, a caption with a "(photographer/agency)"
  credit, font and share widgets, an "اقرأ أيضاً" box, a contributors footer);
- ``jsonl``: one JSON Lines file in the corpus's own field names;
- ``html``: one page per article with site furniture (navigation, OpenGraph and
  JSON-LD metadata, figure and caption, share bar, related and most-read boxes,
  footer, an inline script and style), about 25 KB a page;
- ``rss``: one RSS 2.0 feed holding every article as an item (``content:encoded``);
- ``warc``: one gzipped WARC written with warcio: a request and a response per
  page, plus an image response every tenth page (skipped by the reader).

Each reader runs once to warm up, then ``--repeats`` timed passes on one core
(``sched_setaffinity``); the table gives the median rate and its spread, in
articles per second of this process's CPU time (steady on a shared machine, and
what the gate checks) and of wall-clock time (which includes file I/O). "same
body" is the share of articles whose paragraphs equal what the JSONL reader
reads from the same record: a check that the speed is not bought by dropping
text.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from khabar.devdata import shared_dir
from khabar.errors import IngestError
from khabar.ingest.reader import read
from khabar.model import Article
from khabar.options import Options

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "ingest.json"
READERS = ("text", "jsonl", "html", "rss", "warc")
TARGETS = {"text": 300.0, "jsonl": 300.0, "html": 50.0}
# Month 7 in four naming systems, to exercise the date-line grammar as real sites do.
JULY = ("يوليو", "تموز", "جويلية", "يوليو/تموز")


def load_records(n: int) -> list[dict[str, Any]]:
    """``n`` corpus records with text, spread evenly over the file."""
    path = shared_dir() / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path} not found: the benchmark needs ../shared (or set KHABAR_SHARED)")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows = [r for r in rows if (r.get("content") or "").strip() and (r.get("title") or "").strip()]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def _paragraphs(record: dict[str, Any]) -> list[str]:
    return [p.strip() for p in record["content"].split("\n") if p.strip()]


def render_text(record: dict[str, Any], i: int) -> str:
    day = int(record["date_extracted"][8:10])
    lines = [
        record["title"],
        "",
        record["title"],
        "",
        f"{day:02d} {JULY[i % len(JULY)]} 2015",
        "جانب من الحدث الذي يتناوله الخبر (مصور الصحيفة/واس)",
        "+ الخط -",
        "شارك",
        "",
    ]
    for n, p in enumerate(_paragraphs(record)):
        lines += [p, ""]
        if n == 1:
            lines += ["اقرأ أيضاً", "السعودية تطلق مبادرة جديدة لدعم المشاريع الصغيرة", ""]
    lines += ["المساهمون", record.get("author") or "المحرر", "تابعونا على فيسبوك وتويتر"]
    return "\n".join(lines)


_NAV = "".join(f'<li><a href="/section/{k}">قسم {k}</a></li>' for k in range(30))
_FOOTER = "".join(f'<a href="/page/{k}">صفحة {k}</a> ' for k in range(20))
_SCRIPT = "var cfg = {" + ",".join(f'"k{k}": "{"v" * 40}"' for k in range(100)) + "};"
_STYLE = " ".join(f".c{k} {{ margin: {k}px; padding: {k}px; color: #{k:03x}; }}" for k in range(80))


def render_html(record: dict[str, Any], i: int) -> str:
    title = html.escape(record["title"])
    author = html.escape(record.get("author") or "")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(record))
    related = "".join(
        f'<li><a href="/n/{i}-{k}">عنوان خبر آخر رقم {k} من أخبار اليوم في الصحيفة</a></li>'
        for k in range(10)
    )
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": record["title"],
            "datePublished": record["date_extracted"].replace(" ", "T") + "+03:00",
            "author": {"@type": "Person", "name": record.get("author") or ""},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | {html.escape(record["outlet"])}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{html.escape(record["outlet"])}">
<meta property="og:url" content="{html.escape(record["url"])}"><meta name="author" content="{author}">
<script type="application/ld+json">{ld}</script><style>{_STYLE}</style><script>{_SCRIPT}</script></head>
<body><header><a class="logo" href="/">{html.escape(record["outlet"])}</a><nav><ul>{_NAV}</ul></nav></header>
<main><article><h1>{title}</h1><div class="meta"><span class="author">{author}</span></div>
<figure><img src="/img/{i}.jpg"><figcaption>جانب من الحدث (مصور الصحيفة/واس)</figcaption></figure>
<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a> <span>+ الخط -</span></div>
<div class="body">{body}</div><div class="tags">الوسوم: <a>أخبار</a> <a>محليات</a></div></article>
<aside><h3>الأكثر قراءة</h3><ul>{related}</ul></aside></main>
<footer>{_FOOTER}<p>جميع الحقوق محفوظة</p></footer><script>{_SCRIPT}</script></body></html>"""


def render_rss(records: list[dict[str, Any]]) -> str:
    items = []
    for r in records:
        content = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(r))
        items.append(
            f"<item><title>{html.escape(r['title'])}</title><link>{html.escape(r['url'])}</link>"
            f"<pubDate>Tue, 21 Jul 2015 08:00:00 +0300</pubDate><dc:creator>{html.escape(r.get('author') or '')}</dc:creator>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>صحف سعودية</title><link>https://example.com/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def render_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for k, (url, page) in enumerate(pages):
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            ok = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(url, "response", payload=io.BytesIO(page.encode()), http_headers=ok)
            )
            if k % 10 == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                w.write_record(
                    w.create_warc_record(
                        url + ".jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff" * 500), http_headers=img
                    )
                )


def render(records: list[dict[str, Any]], tmp: Path) -> dict[str, list[Path]]:
    (tmp / "text").mkdir()
    (tmp / "html").mkdir()
    texts, pages = [], []
    for i, r in enumerate(records):
        p = tmp / "text" / f"{i:05d}.txt"
        p.write_text(render_text(r, i), encoding="utf-8")
        texts.append(p)
        h = tmp / "html" / f"{i:05d}.html"
        h.write_text(render_html(r, i), encoding="utf-8")
        pages.append(h)
    jsonl = tmp / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    rss = tmp / "feed.rss"
    rss.write_text(render_rss(records), encoding="utf-8")
    warc = tmp / "crawl.warc.gz"
    render_warc(
        warc, [(r["url"], p.read_text(encoding="utf-8")) for r, p in zip(records, pages, strict=True)]
    )
    return {"text": texts, "jsonl": [jsonl], "html": pages, "rss": [rss], "warc": [warc]}


def run(paths: Iterable[Path], options: Options) -> tuple[list[Article], list[IngestError]]:
    arts: list[Article] = []
    errs: list[IngestError] = []
    for path in paths:
        try:
            for item in read(path, options):
                (errs if isinstance(item, IngestError) else arts).append(item)  # type: ignore[arg-type]
        except IngestError as err:
            errs.append(err)
    return arts, errs


def timed(fn: Callable[[], tuple[list[Article], list[IngestError]]], repeats: int) -> dict[str, Any]:
    arts, errs = fn()  # warm-up: imports, lexicons, caches
    rates, walls = [], []
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        arts, errs = fn()
        rates.append(len(arts) / (time.process_time() - cpu))
        walls.append(len(arts) / (time.perf_counter() - wall))
    return {
        "articles": len(arts),
        "errors": len(errs),
        "articles_per_s": statistics.median(rates),
        "stdev": statistics.stdev(rates) if len(rates) > 1 else 0.0,
        "wall_articles_per_s": statistics.median(walls),
        "runs": rates,
        "wall_runs": walls,
        "_articles": arts,
        "_errors": errs,
    }


def _pin_one_core() -> int | None:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return cpu
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="articles per reader (default 1,000)")
    parser.add_argument("--quick", action="store_true", help="200 articles, 1 timed pass (CI)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per reader (default 3)")
    parser.add_argument("--min-rate", default="", help="gate, e.g. text=300,jsonl=300,html=50: exit 1 below")
    args = parser.parse_args(argv)
    n = 200 if args.quick else args.articles
    repeats = 1 if args.quick else args.repeats
    cpu = _pin_one_core()
    records = load_records(n)
    options = Options()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="khabar-bench-ingest-") as tmp:
        files = render(records, Path(tmp))
        for name in READERS:
            results[name] = timed(lambda name=name: run(files[name], options), repeats)  # type: ignore[misc]
    reference = {tuple(a.paragraphs) for a in results["jsonl"]["_articles"]}
    for res in results.values():
        arts = res.pop("_articles")
        errs = res.pop("_errors")
        res["same_body_as_jsonl"] = sum(tuple(a.paragraphs) in reference for a in arts) / max(1, len(arts))
        res["error_samples"] = [str(e) for e in errs[:5]]

    print(
        f"\n## Ingest throughput ({len(records)} SaudiNewsNet articles, one core{f' (cpu {cpu})' if cpu is not None else ''})\n"
    )
    print(
        "| reader | articles | errors | articles/s (CPU) | ± | articles/s (wall) | same body as JSONL | target |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        target = f"≥ {TARGETS[name]:.0f}" if name in TARGETS else ""
        print(
            f"| {name} | {r['articles']} | {r['errors']} | {r['articles_per_s']:,.0f} | {r['stdev']:,.0f} | "
            f"{r['wall_articles_per_s']:,.0f} | {r['same_body_as_jsonl']:.1%} | {target} |"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {"articles": len(records), "repeats": repeats, "cpu": cpu, "readers": results},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    failed = []
    for spec in filter(None, args.min_rate.split(",")):
        name, _, floor = spec.partition("=")
        if results[name.strip()]["articles_per_s"] < float(floor):
            failed.append(f"{name}: {results[name.strip()]['articles_per_s']:,.0f} < {floor} articles/s")
    for line in failed:
        print(f"GATE FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
