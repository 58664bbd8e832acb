"""How far two people annotating the same articles blind agree on their quotes.

    python -m bench.quotes_agreement            # table + bench/out/quotes_agreement.json

The quote benchmark (:mod:`bench.quotes`) scores the system against one
annotator. Whether its 0.85 target is within reach depends on how well a
second annotator, following the same written rules, would score against the
first: that is the ceiling the system's figure can be read against.

``bench/gold/quotes_agreement.jsonl`` holds a second, independent annotation
of dev articles (batches 13 and 16 of ``quotes_dev.jsonl``, 44 articles), made
by annotators who saw neither the first annotation nor any system output. Each
line names the article and, in ``"of_batch"``, the dev batch it re-annotates.
It is scored against the dev annotation with the benchmark's own measures
(content overlap of at least half the longer span, one-to-one, best overlap
first; the speaker by name or alias, word for word or one inside the other),
taking the first annotation as the reference. Detection F1 is symmetric; the
speaker measure nearly so (aliases are pooled per speaker on both sides).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench.quotes import GOLD, _overlap, _prf, load_articles, load_gold, locate, one_to_one, speaker_ok

OUT = Path(__file__).resolve().parents[1] / "bench" / "out" / "quotes_agreement.json"


def _spans(text: str, quotes: list[dict[str, Any]]) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """Each quote with its span; aliases pooled per speaker, as bench.quotes does."""
    pooled: dict[str, set[str]] = {}
    for q in quotes:
        pooled.setdefault(q["speaker"], set()).update(q.get("aliases", []))
    out = []
    for q in quotes:
        q = {**q, "aliases": sorted(pooled[q["speaker"]])}
        span = locate(text, q["start"], q["end"])
        if span is not None:
            out.append((q, span))
    return out


def compare(text: str, first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, int]:
    """Matches between two annotations of one article (``first`` as the reference)."""
    ref = _spans(text, first)
    other = _spans(text, second)
    pairs = sorted(
        (
            (round(_overlap(rs, os_), 3), speaker_ok(r, [o["speaker"], *o["aliases"]]), ri, oi)
            for ri, (r, rs) in enumerate(ref)
            for oi, (o, os_) in enumerate(other)
        ),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    matches = one_to_one(pairs)
    speaker = sum(1 for ri, oi in matches if speaker_ok(ref[ri][0], [other[oi][0]["speaker"], *other[oi][0]["aliases"]]))
    return {"first": len(ref), "second": len(other), "matched": len(matches), "speaker": speaker}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    lines = (GOLD / "quotes_agreement.jsonl").read_text(encoding="utf-8").splitlines()
    second = [json.loads(line) for line in lines if line.strip()]
    first = {g["id"]: g for g in load_gold("dev")}
    missing = [s["id"] for s in second if s["id"] not in first]
    if missing:
        raise SystemExit(f"re-annotated articles missing from quotes_dev.jsonl: {missing}")
    articles = load_articles({s["id"] for s in second})
    rows: dict[str, dict[str, int]] = {}
    for s in second:
        art = articles[s["id"]]
        counts = compare(art.text, first[s["id"]]["quotes"], s["quotes"])
        key = f"batch {s.get('of_batch', '?')}"
        for k in (key, "all"):
            acc = rows.setdefault(k, {"articles": 0, "first": 0, "second": 0, "matched": 0, "speaker": 0})
            acc["articles"] += 1
            for name, value in counts.items():
                acc[name] += value
    print("| articles | quotes (first / second) | detection P / R / F1 | speaker-attributed P / R / F1 |")
    print("|---|---|---|---|")
    result = {}
    for key, acc in rows.items():
        det = _prf(acc["matched"], acc["second"], acc["first"])
        spk = _prf(acc["speaker"], acc["second"], acc["first"])
        result[key] = {**acc, "detection": det, "speaker_attributed": spk}
        print(
            f"| {key}: {acc['articles']} | {acc['first']} / {acc['second']} | "
            f"{det['precision']:.3f} / {det['recall']:.3f} / **{det['f1']:.3f}** | "
            f"{spk['precision']:.3f} / {spk['recall']:.3f} / **{spk['f1']:.3f}** |"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwritten to {OUT.relative_to(OUT.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
