"""Quantities: exact value + unit, counted noun and precision on hand-written news sentences.

    python -m bench.quantities                        # test split
    python -m bench.quantities --split dev --errors   # dev split with khabar's misses (tune on dev only)
    python -m bench.quantities --quick --min-accuracy 0.9   # CI gate

Gold: ``bench/gold/quantities_{dev,test}.jsonl``, authored sentences with every
quantity in them (text, value, unit, counts), each tagged with a category;
``negative`` sentences hold none (a year, a model name "F-35", a label "رقم 2231").

**Exact**: a gold quantity is matched by a predicted one whose span overlaps it;
exact when the value agrees to 1e-3 relative and the unit is the same.
**Counts**: among exact matches whose gold names a counted noun, the share where
khabar names the same word. **Precision**: the share of predicted quantities
that overlap a gold one (negatives make false positives count). Speed is
sentences per second over the split. Writes ``bench/out/quantities.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from khabar.quantities.recognize import find_quantities
from khabar.time.recognize import find_times

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"
OUT = ROOT / "bench" / "out" / "quantities.json"
QUICK = 40


def load(split: str) -> list[dict[str, Any]]:
    path = GOLD / f"quantities_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(sentence: str) -> list[Any]:
    return find_quantities(sentence, find_times(sentence, None))


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Any]:
    for case in cases[:5]:
        predict(case["sentence"])
    started = time.perf_counter()
    outputs = [predict(case["sentence"]) for case in cases]
    elapsed = time.perf_counter() - started
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    counts_ok = counts_n = hits = total_pred = 0
    errors = []
    for case, preds in zip(cases, outputs, strict=True):
        sentence = case["sentence"]
        spans = []
        for gold in case["quantities"]:
            start = sentence.find(gold["text"])
            end = start + len(gold["text"])
            spans.append((start, end))
            over = [p for p in preds if p.start < end and start < p.end]
            good = [
                p
                for p in over
                if math.isclose(p.value, gold["value"], rel_tol=1e-3) and p.unit == gold["unit"]
            ]
            per_cat[case["category"]][0] += bool(good)
            per_cat[case["category"]][1] += 1
            if good and gold["counts"]:
                counts_n += 1
                counts_ok += good[0].counts == gold["counts"]
            if not good:
                got = [(p.text, p.value, p.unit) for p in over]
                errors.append(f"{case['id']}: {gold['text']!r} want {gold['value']} {gold['unit']} got {got}")
        for p in preds:
            total_pred += 1
            inside = any(p.start < e and s < p.end for s, e in spans)
            hits += inside
            if not inside:
                errors.append(f"{case['id']}: spurious {p.text!r} {p.value} {p.unit}")
        per_cat.setdefault(case["category"], [0, 0])
    n = sum(v[1] for v in per_cat.values())
    correct = sum(v[0] for v in per_cat.values())
    return {
        "exact": correct / n if n else 0.0,
        "quantities": n,
        "categories": {
            k: {"exact": v[0] / v[1] if v[1] else None, "n": v[1]} for k, v in sorted(per_cat.items())
        },
        "counts_accuracy": counts_ok / counts_n if counts_n else 0.0,
        "precision": hits / total_pred if total_pred else 0.0,
        "sentences_per_s": len(cases) / elapsed if elapsed else 0.0,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--min-accuracy", type=float, default=None)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    cases = load(args.split)
    if args.quick:
        cases = cases[:: max(1, len(cases) // QUICK)][:QUICK]
    result = evaluate(cases)
    print(f"quantities, {args.split} split\n\n| category | n | exact |\n|---|---|---|")
    for cat, row in result["categories"].items():
        shown = f"{row['exact']:.1%}" if row["exact"] is not None else "-"
        print(f"| {cat} | {row['n']} | {shown} |")
    print(f"| **all** | {result['quantities']} | **{result['exact']:.1%}** |")
    print(f"| counted noun | | {result['counts_accuracy']:.1%} |")
    print(f"| precision | | {result['precision']:.1%} |")
    print(f"| sentences/s | | {result['sentences_per_s']:,.0f} |")
    if args.errors:
        print("\n".join(result["errors"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    slim = {k: v for k, v in result.items() if k != "errors"}
    OUT.write_text(json.dumps({"split": args.split, "quick": args.quick, **slim}, indent=1), encoding="utf-8")
    if args.min_accuracy is not None and result["exact"] < args.min_accuracy:
        print(f"FAIL: exact {result['exact']:.3f} < {args.min_accuracy}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
