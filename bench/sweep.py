"""Robustness sweep: the whole pipeline over real news, counting crashes, broken invariants and speed.

    python -m bench.sweep                 # first 2,000 articles of the SaudiNewsNet sample
    python -m bench.sweep --limit 500     # fewer
    python -m bench.sweep --quick         # CI gate: 200 articles, exit 1 on any crash or violation

Each JSONL line of ``../shared/data/news/saudinewsnet-2015-07.jsonl.gz`` is
ingested on its own (``khabar.ingest.reader.read`` on the line's bytes), then
every stage of ``khabar.pipeline.STAGES`` runs and is timed individually. A
stage that raises is recorded with its traceback and the stages needing its
layers are skipped for that article, so one broken stage does not hide the
others. The finished analysis is checked by :func:`check_invariants`: the
contract every consumer (UI highlighting, store, API) relies on.

Reports crashes per stage, invariant violations, articles/s for the whole
pipeline and for each stage, and how many entities, quotes, times and
quantities an article gets (mean, median, p90, max, % of articles with none).
Writes ``bench/out/sweep.json``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import os
import statistics
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "sweep.json"
NEWS = "data/news/saudinewsnet-2015-07.jsonl.gz"
LAYERS = ("entities", "quotes", "times", "quantities")


def shared_dir() -> Path:
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


# -- the invariants ---------------------------------------------------------


@cache
def _validator() -> Any:
    import jsonschema

    from khabar.schema import json_schema

    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _span(where: str, text: str, start: Any, end: Any, surface: str | None) -> list[str]:
    """A span's offsets lie inside the text and, when it carries its text, slice to it."""
    if not isinstance(start, int) or not isinstance(end, int):
        return [f"{where}: offsets are not integers ({start!r}, {end!r})"]
    if not 0 <= start <= end <= len(text):
        return [f"{where}: offsets [{start}, {end}) outside 0..{len(text)}"]
    if surface is not None and text[start:end] != surface:
        return [f"{where}: text {surface!r} but article.text[{start}:{end}] is {text[start:end]!r}"]
    return []


def _speaker(where: str, text: str, speaker: Any) -> list[str]:
    if speaker is None:
        return []
    if (speaker.start is None) != (speaker.end is None):
        return [f"{where}: only one of start/end is set ({speaker.start}, {speaker.end})"]
    if speaker.start is None:
        return []
    return _span(where, text, speaker.start, speaker.end, speaker.text)


def check_invariants(analysis: Any) -> list[str]:
    """Every broken invariant of one analysis, as one line each (empty when all hold).

    Offsets of every layer index ``article.text`` and slice to the text the
    record carries; tokens are non-empty, ordered and disjoint; sentences are
    ordered, disjoint and never cross a paragraph break ("\\n\\n");
    quantities are finite numbers; ``to_dict()`` validates against the JSON
    Schema and survives ``json`` and :meth:`Analysis.from_dict` unchanged.
    """
    from khabar.model import QUOTE_KINDS, TIME_TYPES, Analysis

    text = analysis.article.text
    bad: list[str] = []
    art = analysis.article
    parts = [art.title, *art.paragraphs] if art.title else list(art.paragraphs)
    if text != "\n\n".join(parts):
        bad.append("article: text is not the title and paragraphs joined by blank lines")
    if any(not p or "\n" in p or p != p.strip() for p in parts[1 if art.title else 0 :]):
        bad.append("article: a paragraph is empty, spans lines or has outer spaces")
    prev_end = 0
    for i, tok in enumerate(analysis.tokens or ()):
        bad += _span(f"token {i}", text, tok.start, tok.end, tok.text)
        if tok.start >= tok.end:
            bad.append(f"token {i}: empty [{tok.start}, {tok.end})")
        if tok.start < prev_end:
            bad.append(f"token {i}: starts at {tok.start}, before the previous token ends ({prev_end})")
        prev_end = max(prev_end, tok.end)
    prev_end = 0
    for i, sent in enumerate(analysis.sentences or ()):
        bad += _span(f"sentence {i}", text, sent.start, sent.end, None)
        if "\n\n" in text[sent.start : sent.end]:
            bad.append(f"sentence {i}: [{sent.start}, {sent.end}) crosses a paragraph break")
        if sent.start < prev_end:
            bad.append(f"sentence {i}: starts at {sent.start}, inside the previous sentence")
        prev_end = max(prev_end, sent.end)
    for i, m in enumerate(analysis.mentions or ()):
        bad += _span(f"mention {i} {m.type}", text, m.start, m.end, m.text)
    ids = Counter(e.id for e in analysis.entities or ())
    bad += [f"entity id {k!r} used {n} times" for k, n in ids.items() if n > 1]
    for e in analysis.entities or ():
        for j, m in enumerate(e.mentions):
            bad += _span(f"entity {e.id} mention {j}", text, m.start, m.end, m.text)
    for i, q in enumerate(analysis.quotes or ()):
        if q.kind not in QUOTE_KINDS:
            bad.append(f"quote {i}: kind {q.kind!r} not in {QUOTE_KINDS}")
        bad += _span(f"quote {i} content", text, q.content.start, q.content.end, q.content.text)
        if q.cue is not None:
            bad += _span(f"quote {i} cue", text, q.cue.start, q.cue.end, q.cue.text)
        for role, who in (("speaker", q.speaker), ("reported_by", q.reported_by)):
            bad += _speaker(f"quote {i} {role}", text, who)
            if who is not None and who.entity is not None and who.entity not in ids:
                bad.append(f"quote {i} {role}: entity {who.entity!r} is not an entity of this analysis")
    for i, t in enumerate(analysis.times or ()):
        bad += _span(f"time {i}", text, t.start, t.end, t.text)
        if t.type not in TIME_TYPES:
            bad.append(f"time {i}: type {t.type!r} not in {TIME_TYPES}")
    for i, q in enumerate(analysis.quantities or ()):
        bad += _span(f"quantity {i}", text, q.start, q.end, q.text)
        if not isinstance(q.value, int | float) or not math.isfinite(q.value):
            bad.append(f"quantity {i} {q.text!r}: value {q.value!r} is not a finite number")
    if bad:
        return bad  # the serialisation checks below would only repeat them
    for tokens in (True, False):
        try:
            d = analysis.to_dict(tokens=tokens)
            if tokens:  # the output with tokens holds every part of the one without
                errors = sorted(_validator().iter_errors(d), key=lambda e: list(e.path))
                bad += [f"schema: {'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5]]
            again = json.loads(json.dumps(d, ensure_ascii=False, allow_nan=False))
            if Analysis.from_dict(again).to_dict(tokens=tokens) != d:
                bad.append(f"round trip (tokens={tokens}): from_dict(to_dict()) changes the output")
        except (TypeError, ValueError, KeyError) as err:
            bad.append(f"serialisation (tokens={tokens}): {type(err).__name__}: {err}")
    return bad


# -- the sweep ----------------------------------------------------------------


def news_lines(path: Path, limit: int) -> Iterator[tuple[str, bytes]]:
    """(record id, raw line) for the first ``limit`` lines of a JSONL(.gz) file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        for n, line in enumerate(itertools.islice(f, limit), 1):
            try:
                rid = str(json.loads(line).get("id", n))
            except ValueError:
                rid = f"line {n}"
            yield rid, line


def run_one(raw: bytes, rid: str, options: Any, rec: dict[str, Any]) -> Any:
    """Ingest and analyse one record stage by stage, recording times and crashes in ``rec``."""
    from khabar.errors import IngestError
    from khabar.ingest.reader import read
    from khabar.model import Analysis
    from khabar.pipeline import STAGES

    t0 = time.perf_counter()
    try:
        items = list(read(raw, options))
    except IngestError as err:
        items = [err]
    except Exception:  # a crash, not a reported failure: record it and go on
        _crash(rec, "ingest", rid)
        return None
    finally:
        rec["seconds"]["ingest"] += time.perf_counter() - t0
    articles = [a for a in items if not isinstance(a, IngestError)]
    if not articles:
        rec["ingest_errors"].append(f"{rid}: {items[0] if items else 'no article'}")
        return None
    analysis = Analysis(article=articles[0])
    for stage in STAGES:
        if not all(analysis.has(layer) for layer in stage.requires):
            rec["skipped"][stage.name] += 1
            continue
        fn = stage.load()
        t0 = time.perf_counter()
        try:
            analysis = fn(analysis, options)
        except Exception:  # a crash, not a reported failure: record it and go on
            _crash(rec, stage.name, rid)
        finally:
            rec["seconds"][stage.name] += time.perf_counter() - t0
    return analysis


def _crash(rec: dict[str, Any], stage: str, rid: str) -> None:
    tb = traceback.format_exc()
    last = tb.strip().splitlines()[-1]
    rec["crashes"][stage] += 1
    sig = f"{stage}: {last}"
    if sig not in rec["crash_examples"]:
        rec["crash_examples"][sig] = {"stage": stage, "count": 0, "ids": [], "traceback": tb}
    ex = rec["crash_examples"][sig]
    ex["count"] += 1
    if len(ex["ids"]) < 5:
        ex["ids"].append(rid)


def _dist(values: list[int]) -> dict[str, float]:
    if not values:
        return {"mean": 0.0, "median": 0.0, "p90": 0.0, "max": 0, "zero_pct": 0.0}
    ordered = sorted(values)
    return {
        "mean": round(statistics.fmean(values), 2),
        "median": statistics.median(values),
        "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "max": ordered[-1],
        "zero_pct": round(100 * sum(v == 0 for v in values) / len(values), 1),
    }


def sweep(path: Path, limit: int) -> dict[str, Any]:
    """Run the sweep over the first ``limit`` records of ``path``; the report as a dict."""
    from khabar.options import Options
    from khabar.pipeline import STAGE_NAMES, STAGES

    options = Options()
    for stage in STAGES:  # load models before the clock starts
        stage.load()
    rec: dict[str, Any] = {
        "seconds": Counter({name: 0.0 for name in ("ingest", *STAGE_NAMES)}),
        "crashes": Counter({name: 0 for name in ("ingest", *STAGE_NAMES)}),
        "skipped": Counter(),
        "crash_examples": {},
        "ingest_errors": [],
    }
    counts: dict[str, list[int]] = {layer: [] for layer in LAYERS}
    violations: dict[str, list[str]] = {}
    chars = tokens = n = analysed = 0
    wall = time.perf_counter()
    slowest: list[tuple[float, str, int]] = []
    for rid, raw in news_lines(path, limit):
        n += 1
        before = sum(rec["seconds"].values())
        analysis = run_one(raw, rid, options, rec)
        slowest = sorted([*slowest, (sum(rec["seconds"].values()) - before, rid, len(raw))], reverse=True)[:5]
        if analysis is None:
            continue
        analysed += 1
        chars += len(analysis.article.text)
        tokens += len(analysis.tokens or ())
        for layer in LAYERS:
            counts[layer].append(len(getattr(analysis, layer) or ()))
        try:
            bad = check_invariants(analysis)
        except Exception:  # the checker itself tripped on the analysis: that is a finding too
            bad = [f"invariant check raised: {traceback.format_exc().strip().splitlines()[-1]}"]
        if bad:
            violations[rid] = bad
    wall = time.perf_counter() - wall
    seconds = rec["seconds"]
    total = sum(seconds.values())
    return {
        "source": str(path),
        "articles": n,
        "analysed": analysed,
        "chars": chars,
        "tokens": tokens,
        "wall_seconds": round(wall, 2),
        # The machine is shared: a low articles/s next to a high load is the neighbours.
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "pipeline_seconds": round(total, 2),
        "articles_per_s": round(n / total, 1) if total else None,
        "stages": {
            name: {
                "seconds": round(secs, 3),
                "share_pct": round(100 * secs / total, 1) if total else 0.0,
                "articles_per_s": round(n / secs, 1) if secs else None,
                "crashes": rec["crashes"][name],
                "skipped": rec["skipped"][name],
            }
            for name, secs in seconds.items()
        },
        "crashes": sum(rec["crashes"].values()),
        "crash_examples": list(rec["crash_examples"].values()),
        "ingest_errors": rec["ingest_errors"],
        "violations": sum(len(v) for v in violations.values()),
        "articles_with_violations": len(violations),
        "violation_examples": {rid: v[:5] for rid, v in itertools.islice(violations.items(), 20)},
        "per_article": {layer: _dist(values) for layer, values in counts.items()},
        "slowest": [{"id": rid, "seconds": round(secs, 3), "bytes": size} for secs, rid, size in slowest],
    }


def table(report: dict[str, Any]) -> str:
    lines = [
        f"sweep: {report['articles']} articles ({report['analysed']} analysed), "
        f"{report['chars']:,} chars, {report['tokens']:,} tokens; "
        f"{report['articles_per_s']} articles/s for the whole pipeline "
        f"({report['pipeline_seconds']} s in stages, {report['wall_seconds']} s wall; "
        f"load average {report['load_average']})",
        "",
        "| stage | seconds | share | articles/s | crashes | skipped |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s in report["stages"].items():
        lines.append(
            f"| {name} | {s['seconds']:.2f} | {s['share_pct']:.1f}% | {s['articles_per_s']} "
            f"| {s['crashes']} | {s['skipped']} |"
        )
    lines += [
        "",
        "| per article | mean | median | p90 | max | % with none |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for layer, d in report["per_article"].items():
        lines.append(
            f"| {layer} | {d['mean']} | {d['median']} | {d['p90']} | {d['max']} | {d['zero_pct']}% |"
        )
    lines += [
        "",
        f"crashes: {report['crashes']}; invariant violations: {report['violations']} "
        f"in {report['articles_with_violations']} articles; ingest errors: {len(report['ingest_errors'])}",
    ]
    lines.append(
        "slowest: " + ", ".join(f"{x['id']} {x['seconds']:.2f} s ({x['bytes']:,} bytes)" for x in report["slowest"])
    )
    for ex in report["crash_examples"]:
        lines.append(f"  CRASH x{ex['count']} in {ex['stage']} (e.g. {', '.join(ex['ids'])}):")
        lines += ["    " + line for line in ex["traceback"].strip().splitlines()[-4:]]
    for rid, msgs in report["violation_examples"].items():
        lines += [f"  VIOLATION {rid}: {m}" for m in msgs]
    lines += [f"  INGEST {e}" for e in report["ingest_errors"][:10]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000, help="articles to sweep (default 2,000)")
    parser.add_argument(
        "--quick", action="store_true", help="CI gate: 200 articles, exit 1 on any crash or violation"
    )
    parser.add_argument("--input", type=Path, help="a JSONL(.gz) file instead of the SaudiNewsNet sample")
    args = parser.parse_args(argv)
    path = args.input or shared_dir() / NEWS
    if not path.exists():
        print(f"error: {path} not found (set KHABAR_SHARED to the shared data directory)", file=sys.stderr)
        return 2
    limit = 200 if args.quick else args.limit
    report = sweep(path, limit)
    print(table(report))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.quick and (report["crashes"] or report["violations"]):
        print("gate failed: crashes or invariant violations", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
