"""Time expressions: khabar against dateparser on the same hand-written news sentences.

    python -m bench.time                          # test split, both systems
    python -m bench.time --split dev --errors     # dev split, list khabar's misses (tune on dev only)
    python -m bench.time --quick --min-accuracy 0.9   # CI gate: first cases of test, exit 1 below the floor

Gold: ``bench/gold/time_{dev,test}.jsonl``, one authored sentence a line with its
publication date (``anchor``, or null) and every time expression in it (text,
value, type, mod), each case tagged with a ``category``.

**Exact.** A gold expression is matched by a system expression whose span
overlaps it. It counts as exact when that expression's value, written at the
granularity of the gold value, equals the gold value:

- khabar's values are ISO/TIMEX3 strings and are compared as they are;
- dateparser (``search_dates(sentence, languages=['ar'], settings={'RELATIVE_BASE':
  anchor})``) returns datetimes, mapped to the gold granularity: ``2020-10-06``
  → the date, ``2020-10`` → year-month, ``2020`` → year, ``2020-W40`` → ISO
  week, ``2020-Q3``/``2020-H1``/``2020-SU`` → quarter/half/season of the month,
  ``199X``/``19XX`` → decade/century of the year, ``T17:30`` → hour:minute (+ zone),
  ``XXXX-06-05`` → month-day. A range ``a/b`` needs two dateparser hits inside
  the gold span, mapped to ``a`` and ``b``. Durations (``P3D``) and null values
  (vague expressions, relative ones without an anchor) cannot be expressed by
  dateparser, so it is never exact on them; this is stated, not hidden.

Also reported: precision (share of a system's expressions that overlap a gold
expression; every expression in a gold sentence is annotated) and speed
(gold expressions per second over the whole split, after a warm-up). Writes
``bench/out/time.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khabar.time.recognize import find_times

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"
OUT = ROOT / "bench" / "out" / "time.json"
QUICK = 80

Prediction = tuple[int, int, Any]  # start, end, value (str | datetime | None)


def load(split: str) -> list[dict[str, Any]]:
    path = GOLD / f"time_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(case: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    cursor = 0
    for t in case["times"]:
        start = case["sentence"].find(t["text"], cursor)
        if start < 0:
            start = case["sentence"].find(t["text"])
        out.append((start, start + len(t["text"]), t))
        cursor = start + len(t["text"])
    return out


def run_khabar(case: dict[str, Any]) -> list[Prediction]:
    return [(t.start, t.end, t.value) for t in find_times(case["sentence"], case["anchor"])]


def run_dateparser(case: dict[str, Any]) -> list[Prediction]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if case["anchor"]:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(case["anchor"])
    hits = search_dates(case["sentence"], languages=["ar"], settings=settings) or []
    out = []
    cursor = 0
    for text, dt in hits:
        start = case["sentence"].find(text, cursor)
        if start < 0:
            start = case["sentence"].find(text)
        if start < 0:
            continue
        out.append((start, start + len(text), dt))
        cursor = start + len(text)
    return out


def _as(dt: datetime | date, gold: str) -> str | None:
    """``dt`` written at the granularity of the gold value ``gold``."""
    if gold.startswith("P"):
        return None
    if gold.startswith("T"):
        if not isinstance(dt, datetime):
            return None
        zone = ""
        if dt.tzinfo is not None:
            off = dt.utcoffset()
            zone = "Z" if off is not None and not off.total_seconds() else dt.strftime("%z")
            zone = zone if zone == "Z" else f"{zone[:3]}:{zone[3:]}"
        return dt.strftime("T%H:%M") + zone
    if "T" in gold:
        head, _, tail = gold.partition("T")
        a, b = _as(dt, head), _as(dt, "T" + tail)
        return f"{a}{b}" if a and b else None
    if gold.startswith("XXXX-"):
        return dt.strftime("XXXX-%m-%d")
    if gold.endswith("XX"):
        return f"{dt.year // 100:02d}XX"
    if gold.endswith("X"):
        return f"{dt.year // 10:03d}X"
    if "-W" in gold:
        iso = dt.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if "-Q" in gold:
        return f"{dt.year:04d}-Q{(dt.month - 1) // 3 + 1}"
    if "-H" in gold:
        return f"{dt.year:04d}-H{1 if dt.month <= 6 else 2}"
    if gold[-2:] in ("SP", "SU", "FA", "WI"):
        code = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}.get(
            dt.month, "WI"
        )
        year = dt.year - 1 if dt.month < 3 else dt.year
        return f"{year:04d}-{code}"
    if len(gold) == 4:
        return f"{dt.year:04d}"
    if len(gold) == 7:
        return f"{dt.year:04d}-{dt.month:02d}"
    return dt.strftime("%Y-%m-%d")


def exact(gold: dict[str, Any], span: tuple[int, int], preds: list[Prediction], kind: str) -> bool:
    start, end = span
    over = [p for p in preds if p[0] < end and start < p[1]]
    value = gold["value"]
    if kind == "khabar":
        return any(p[2] == value for p in over)
    if value is None or not over:
        return False
    if "/" in value:
        first, second = value.split("/")
        vals = [p[2] for p in over if isinstance(p[2], date)]
        return len(vals) >= 2 and _as(vals[0], first) == first and _as(vals[-1], second) == second
    return any(isinstance(p[2], date) and _as(p[2], value) == value for p in over)


def evaluate(
    cases: list[dict[str, Any]], name: str, runner: Callable[[dict[str, Any]], list[Prediction]]
) -> dict[str, Any]:
    for case in cases[:5]:  # warm-up: compile patterns, load lexicons
        runner(case)
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    preds_all = 0
    preds_hit = 0
    errors = []
    started = time.perf_counter()
    outputs = [runner(case) for case in cases]
    elapsed = time.perf_counter() - started
    n_expr = 0
    for case, preds in zip(cases, outputs, strict=True):
        spans = gold_spans(case)
        for start, end, gold in spans:
            n_expr += 1
            ok = exact(gold, (start, end), preds, name)
            per_cat[case["category"]][0] += ok
            per_cat[case["category"]][1] += 1
            if not ok:
                got = [
                    (case["sentence"][p[0] : p[1]], str(p[2])) for p in preds if p[0] < end and start < p[1]
                ]
                errors.append({"id": case["id"], "gold": gold["text"], "want": gold["value"], "got": got})
        for p in preds:
            preds_all += 1
            preds_hit += any(p[0] < e and s < p[1] for s, e, _ in spans)
    correct = sum(v[0] for v in per_cat.values())
    return {
        "exact": correct / n_expr if n_expr else 0.0,
        "expressions": n_expr,
        "categories": {k: {"exact": v[0] / v[1], "n": v[1]} for k, v in sorted(per_cat.items())},
        "precision": preds_hit / preds_all if preds_all else 0.0,
        "predictions": preds_all,
        "seconds": elapsed,
        "expressions_per_s": n_expr / elapsed if elapsed else 0.0,
        "errors": errors,
    }


def table(results: dict[str, dict[str, Any]], split: str) -> str:
    names = list(results)
    lines = [
        f"time expressions, {split} split: exact-value accuracy per category",
        "",
        "| category | n | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    cats = sorted(results[names[0]]["categories"])
    for cat in cats:
        row = [f"{results[n]['categories'][cat]['exact']:.1%}" for n in names]
        lines.append(f"| {cat} | {results[names[0]]['categories'][cat]['n']} | " + " | ".join(row) + " |")
    lines.append(
        f"| **all** | {results[names[0]]['expressions']} | "
        + " | ".join(f"**{results[n]['exact']:.1%}**" for n in names)
        + " |"
    )
    lines.append("| precision | | " + " | ".join(f"{results[n]['precision']:.1%}" for n in names) + " |")
    lines.append(
        "| expressions/s | | " + " | ".join(f"{results[n]['expressions_per_s']:,.0f}" for n in names) + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK} cases, khabar only")
    parser.add_argument("--min-accuracy", type=float, default=None)
    parser.add_argument("--errors", action="store_true", help="list khabar's misses (use on dev)")
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args(argv)
    cases = load(args.split)
    if args.quick:
        cases = cases[:: max(1, len(cases) // QUICK)][:QUICK]
    results = {"khabar": evaluate(cases, "khabar", run_khabar)}
    if not (args.quick or args.no_dateparser):
        results["dateparser"] = evaluate(cases, "dateparser", run_dateparser)
    print(table(results, args.split))
    if args.errors:
        for e in results["khabar"]["errors"]:
            print(f"{e['id']}: {e['gold']!r} want {e['want']} got {e['got']}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    slim = {k: {kk: vv for kk, vv in v.items() if kk != "errors"} for k, v in results.items()}
    OUT.write_text(json.dumps({"split": args.split, "quick": args.quick, **slim}, indent=1), encoding="utf-8")
    if args.min_accuracy is not None and results["khabar"]["exact"] < args.min_accuracy:
        print(f"FAIL: khabar exact {results['khabar']['exact']:.3f} < {args.min_accuracy}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
