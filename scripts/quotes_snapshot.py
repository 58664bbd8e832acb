"""Every quote the pipeline finds in the annotated dev articles, for refactoring safely.

    python scripts/quotes_snapshot.py before.json     # write a snapshot
    python scripts/quotes_snapshot.py after.json --compare before.json

A change meant to leave the quotes stage's output as it is (moving word lists
to data, splitting a function) is checked by taking a snapshot before and
after it: ``--compare`` lists every article whose quotes differ and exits 1
if any does. Each quote is recorded with its kind, content offsets, cue
offsets, speaker (text and entity), ``reported_by`` and venue.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quotes import analyse, load_articles, load_gold  # noqa: E402

from khabar.quotes.annotate import extract  # noqa: E402


def snapshot() -> dict[str, list[list[object]]]:
    gold = load_gold("dev")
    articles = load_articles({g["id"] for g in gold})
    out: dict[str, list[list[object]]] = {}
    for g, analysis in zip(gold, analyse([articles[g["id"]] for g in gold], True), strict=True):
        out[g["id"]] = [
            [
                q.kind,
                q.content.start,
                q.content.end,
                [q.cue.start, q.cue.end] if q.cue else None,
                [q.speaker.text, q.speaker.entity] if q.speaker else None,
                q.reported_by.text if q.reported_by else None,
                q.venue,
            ]
            for q in extract(analysis)
        ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="where to write this snapshot")
    parser.add_argument("--compare", type=Path, default=None, help="an earlier snapshot to compare with")
    args = parser.parse_args(argv)
    now = snapshot()
    args.out.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{sum(len(v) for v in now.values())} quotes in {len(now)} articles written to {args.out}")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = sorted(k for k in now.keys() | before.keys() if now.get(k) != before.get(k))
    for article in changed:
        print(f"differs: {article} ({len(before.get(article, []))} -> {len(now.get(article, []))} quotes)")
    print("identical" if not changed else f"{len(changed)} articles differ")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
