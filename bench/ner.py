"""Name tagger accuracy (entity-level exact P/R/F1) and speed.

    python -m bench.ner                          # ANERcorp test + AQMAR test, speed on one core
    python -m bench.ner --model DIR              # score another model directory
    python -m bench.ner --quick --min-f1 0.75    # CI gate: first 200 ANERcorp test sentences

Scoring follows seqeval's default: a predicted chunk counts only if its
start, end and type equal a gold chunk's (:func:`khabar.entities.conll.evaluate`).

- ANERcorp test (CAMeL Lab split, 25,008 tokens): scored over all four types,
  as the published figures are, and over PERSON/ORG/LOC alone.
- AQMAR test (Wikipedia, 20 articles): PERSON/ORG/LOC (its MIS classes are
  article-specific and dropped; MISC predictions are ignored).
- ``*_doc``: the pipeline's path (:meth:`Tagger.tag_document`, names spread
  to their repeats), over blocks of 10 consecutive sentences standing for
  articles, since neither corpus marks document boundaries here.

Speed is tokens/s tagging ANERcorp test, feature extraction included, pinned
to one core: ``cold`` with a fresh feature cache (first pass), ``warm`` the
median of three later passes, ``detect`` the pipeline path (marginals and
document pass). Each is given by the wall clock and per CPU-second of the
process (``*_cpu``): on a shared machine the wall clock also counts the time
other jobs hold the core.
Writes ``bench/out/ner.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.tagger import MODEL_DIR, Tagger, open_tagger

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "ner.json"
PLO = ("PERSON", "ORG", "LOC")
BLOCK = 10  # ANERcorp has no document boundaries: 10 consecutive sentences stand for an article


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cores[-1]})


def score(
    tagger: Tagger, sents: list[conll.Tagged], types: tuple[str, ...] | None, *, block: int = 0
) -> dict[str, Any]:
    """Score sentence by sentence, or (``block`` > 0) as documents of ``block`` sentences."""
    if block:
        pred: list[list[str]] = []
        for k in range(0, len(sents), block):
            pred += tagger.tag_document([s.tokens for s in sents[k : k + block]])[0]
    else:
        pred = tagger.tag([s.tokens for s in sents])
    result = conll.evaluate([s.tags for s in sents], pred, types)
    return {
        t: {"p": round(s.precision, 4), "r": round(s.recall, 4), "f1": round(s.f1, 4), "n": s.tp + s.fn}
        for t, s in result.items()
    }


def speed(model_dir: Path, sents: list[conll.Tagged]) -> dict[str, float]:
    """Tokens per second, wall clock and per CPU-second of this process (the machine is shared)."""
    tokens = [s.tokens for s in sents]
    n = sum(len(t) for t in tokens)

    def timed(run: Any) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        return n / (time.perf_counter() - wall), n / (time.process_time() - cpu)

    tagger = open_tagger(model_dir)  # fresh feature cache
    cold = timed(lambda: tagger.tag(tokens))
    warm = [timed(lambda: tagger.tag(tokens)) for _ in range(3)]

    def documents() -> None:
        for k in range(0, len(tokens), BLOCK):
            tagger.tag_document(tokens[k : k + BLOCK])

    detect = timed(documents)
    return {
        "tokens": n,
        "cold": round(cold[0]),
        "warm": round(statistics.median(w for w, _ in warm)),
        "detect": round(detect[0]),
        "cold_cpu": round(cold[1]),
        "warm_cpu": round(statistics.median(c for _, c in warm)),
        "detect_cpu": round(detect[1]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ner", description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model directory")
    parser.add_argument("--quick", action="store_true", help="first 200 ANERcorp test sentences, no speed")
    parser.add_argument("--min-f1", type=float, help="exit 1 if ANERcorp overall F1 is below this")
    parser.add_argument("--data", type=Path, help="shared data directory (default ../shared/data)")
    args = parser.parse_args(argv)
    data = args.data or conll.shared_data_dir()
    _pin_one_core()
    tagger = open_tagger(args.model)
    anercorp = conll.anercorp("test", data)
    report: dict[str, Any] = {"model": str(args.model), "meta": tagger.meta}
    if args.quick:
        anercorp = anercorp[:200]
    report["anercorp_test"] = score(tagger, anercorp, None)
    report["anercorp_test_plo"] = score(tagger, anercorp, PLO)
    report["anercorp_test_doc"] = score(tagger, anercorp, None, block=BLOCK)
    if not args.quick:
        aqmar = conll.aqmar("test", data)
        report["aqmar_test"] = score(tagger, aqmar, PLO)
        report["aqmar_test_doc"] = score(tagger, aqmar, PLO, block=BLOCK)
        report["speed_tokens_per_s"] = speed(args.model, anercorp)

    print("| set | type | P | R | F1 | gold |\n|---|---|---|---|---|---|")
    for name in ("anercorp_test", "anercorp_test_plo", "anercorp_test_doc", "aqmar_test", "aqmar_test_doc"):
        for typ, s in report.get(name, {}).items():
            print(f"| {name} | {typ} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {s['n']} |")
    if "speed_tokens_per_s" in report:
        sp = report["speed_tokens_per_s"]
        print(
            f"\nspeed (one core, {sp['tokens']} tokens): cold {sp['cold']:,} tok/s, "
            f"warm {sp['warm']:,} tok/s, detect path {sp['detect']:,} tok/s (wall clock); "
            f"per CPU-second: cold {sp['cold_cpu']:,}, warm {sp['warm_cpu']:,}, detect {sp['detect_cpu']:,}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    overall = report["anercorp_test"]["ALL"]["f1"]
    if args.min_f1 is not None and overall < args.min_f1:
        print(f"FAIL: ANERcorp F1 {overall:.3f} < {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
