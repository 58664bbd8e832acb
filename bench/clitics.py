"""Proclitic segmentation accuracy and speed on hand-annotated news words.

    python -m bench.clitics                      # table for dev and test, speed on news text
    python -m bench.clitics --errors             # also list the dev errors (never tune on test)
    python -m bench.clitics --quick --min-accuracy 0.95   # CI gate: exit 1 below the floor

Gold: ``bench/gold/clitics_{dev,test}.tsv`` (word<TAB>segmentation<TAB>article id),
annotated by hand. A word counts as correct when the whole segmentation matches
("و+ال+مستشار"). Per-clitic precision/recall count each proclitic occurrence.
Speed is measured on Arabic tokens of ``../shared/data/news`` (or the gold words
repeated when the corpus is absent). Writes ``bench/out/clitics.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from khabar.devdata import shared_dir
from khabar.text.clitics import _analyse, segment
from khabar.text.tokenize import word_spans

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"
OUT = ROOT / "bench" / "out" / "clitics.json"
CLITICS = ("و", "ف", "ب", "ك", "ل", "س", "ال")


def load_gold(split: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in (GOLD / f"clitics_{split}.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, seg, article = line.split("\t")
            rows.append((word, seg, article))
    return rows


def predict(word: str) -> str:
    s = segment(word)
    return "+".join((*s.proclitics, s.stem))


def evaluate(rows: list[tuple[str, str, str]]) -> dict:
    correct = 0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors = []
    for word, gold, _ in rows:
        pred = predict(word)
        if pred == gold:
            correct += 1
        else:
            errors.append({"word": word, "gold": gold, "pred": pred})
        g = Counter(gold.split("+")[:-1])
        p = Counter(pred.split("+")[:-1])
        for c in CLITICS:
            tp[c] += min(g[c], p[c])
            fp[c] += max(0, p[c] - g[c])
            fn[c] += max(0, g[c] - p[c])
    per = {}
    for c in CLITICS:
        prec = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else None
        rec = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else None
        per[c] = {"precision": prec, "recall": rec, "support": tp[c] + fn[c]}
    return {"words": len(rows), "accuracy": correct / len(rows), "per_clitic": per, "errors": errors}


def _news_words(limit: int) -> list[str]:
    path = shared_dir() / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    words: list[str] = []
    if not path.is_file():
        return words
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["content"] or ""
            words.extend(text[s:e] for s, e in word_spans(text))
            if len(words) >= limit:
                break
    return words[:limit]


def speed(
    words: list[str], fn: Callable[[str], object], repeats: int = 3, clear: Callable[[], None] | None = None
) -> dict:
    """Words/s over ``words``; ``clear`` empties the word cache before each run (cold speed)."""
    fn(words[0])  # loads the lexicon outside the timing
    rates = []
    for _ in range(repeats):
        if clear is not None:
            clear()
        t0 = time.perf_counter()
        for w in words:
            fn(w)
        rates.append(len(words) / (time.perf_counter() - t0))
    return {
        "words": len(words),
        "words_per_s": statistics.mean(rates),
        "stdev": statistics.stdev(rates) if len(rates) > 1 else 0.0,
    }


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small speed sample (CI gate)")
    parser.add_argument("--min-accuracy", type=float, default=None, help="exit 1 if test accuracy is below")
    parser.add_argument("--errors", action="store_true", help="list dev errors")
    args = parser.parse_args(argv)

    results = {split: evaluate(load_gold(split)) for split in ("dev", "test")}
    words = _news_words(5_000 if args.quick else 100_000)
    source = "news"
    if not words:
        words = [w for w, _, _ in load_gold("dev")] * 20
        source = "gold words"
    repeats = 1 if args.quick else 3
    perf = {
        "cold": speed(words, segment, repeats, clear=_analyse.cache_clear),
        "warm": speed(words, segment, repeats),
        "source": source,
    }

    print("| split | words | accuracy |")
    print("|---|---|---|")
    for split, r in results.items():
        print(f"| {split} | {r['words']} | {r['accuracy']:.3f} |")
    print()
    print("| clitic | dev P | dev R | test P | test R | test support |")
    print("|---|---|---|---|---|---|")
    for c in CLITICS:
        d, t = results["dev"]["per_clitic"][c], results["test"]["per_clitic"][c]
        print(
            f"| {c} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | "
            f"{_fmt(t['precision'])} | {_fmt(t['recall'])} | {t['support']} |"
        )
    print()
    for mode in ("cold", "warm"):
        p = perf[mode]
        print(
            f"speed ({mode} word cache): {p['words_per_s']:,.0f} words/s "
            f"(± {p['stdev']:,.0f}) on {p['words']} {source} tokens"
        )
    if args.errors:
        print("\ndev errors (word: gold / predicted):")
        for e in results["dev"]["errors"]:
            print(f"  {e['word']}: {e['gold']} / {e['pred']}")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"splits": results, "speed": perf}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    if args.min_accuracy is not None and results["test"]["accuracy"] < args.min_accuracy:
        print(f"FAIL: test accuracy {results['test']['accuracy']:.3f} < {args.min_accuracy}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
