"""Draw a fresh batch of articles to annotate by hand for the quote benchmark.

    python bench/gold/select_quotes_batch.py --seed 20261125 --batch 6 > /tmp/batch6.jsonl

Prints one skeleton gold line per drawn article (``{"id", "quotes": [],
"batch"}``) for the annotator to fill in by reading the article, so the draw
is reproducible from the seed alone and no one chooses articles that suit the
rules. An article qualifies when its raw ``content`` has 500-1800 characters
and contains one of the reporting words most quotes hang on (قال، أكد، أوضح،
أشار، أضاف، «، بحسب، وفق, with or without hamza), and when no gold file
(quotes or entities, dev or test) names it already: a test article must never
reappear in dev, and a dev article annotated twice would weigh double. Two
articles are drawn per outlet so that no one outlet's house style dominates
the batch. The batch's own gold lines (and later batches') are not excluded,
so rerunning the command after annotation gives the same draw, as long as no
entities gold has been added since.

From batch 9 on, a near-copy of an annotated article (the same wire story
under another id: word 3-shingle Jaccard 0.5 or more) is excluded too; batch 8
drew one (snn-2015-07-25-00675, a copy of dev snn-2015-07-25-00601). Earlier
batches are drawn as they were, so their draws stay reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "gold"
CUES = re.compile(r"قال|[أا]كد|[أا]وضح|[أا]شار|[أا]ضاف|«|بحسب|وفق")
NEAR_COPY = 0.5  # word 3-shingle Jaccard from which two articles are one story
FIRST_BATCH_WITHOUT_COPIES = 9


def shingles(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def near_copies(records: dict[str, str], annotated: set[str]) -> set[str]:
    """Ids of ``records`` (id -> content) that nearly copy an annotated article."""
    owners: dict[str, set[str]] = {}
    sizes: dict[str, int] = {}
    for aid in annotated & records.keys():
        sh = shingles(records[aid])
        sizes[aid] = len(sh)
        for s in sh:
            owners.setdefault(s, set()).add(aid)
    out = set()
    for aid, content in records.items():
        if aid in annotated:
            continue
        sh = shingles(content)
        shared: dict[str, int] = {}
        for s in sh:
            for owner in owners.get(s, ()):
                shared[owner] = shared.get(owner, 0) + 1
        if any(n / (len(sh) + sizes[o] - n) >= NEAR_COPY for o, n in shared.items()):
            out.add(aid)
    return out


def _shared() -> Path:
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def annotated_ids(batch: int) -> set[str]:
    """Article ids that gold files named before this batch.

    Quote gold lines of this batch or a later one do not count, so that the
    draw can be repeated after the batch has been added to the gold.
    """
    ids: set[str] = set()
    for path in sorted(GOLD.glob("quotes_*.jsonl")) + sorted(GOLD.glob("entities_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if path.name.startswith("quotes_") and rec.get("batch", 0) >= batch:
                continue
            ids.add(rec["id"])
    return ids


def candidates(low: int, high: int, exclude: set[str], *, copies: bool = True) -> dict[str, list[str]]:
    """Qualifying article ids by outlet, each list sorted so the draw depends on the seed only.

    With ``copies=False``, near-copies of the excluded (annotated) articles are left out too.
    """
    path = _shared() / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    outlets: dict[str, str] = {}
    contents: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            content = rec.get("content") or ""
            if rec["id"] in exclude or (low <= len(content) <= high and CUES.search(content)):
                outlets[rec["id"]] = rec["outlet"]
                contents[rec["id"]] = content
    dropped = set() if copies else near_copies(contents, exclude)
    by_outlet: dict[str, list[str]] = {}
    for aid, outlet in outlets.items():
        if aid not in exclude and aid not in dropped:
            by_outlet.setdefault(outlet, []).append(aid)
    return {outlet: sorted(ids) for outlet, ids in by_outlet.items()}


def draw(seed: int, batch: int, per_outlet: int, low: int, high: int) -> list[str]:
    rng = random.Random(seed)
    pools = candidates(low, high, annotated_ids(batch), copies=batch < FIRST_BATCH_WITHOUT_COPIES)
    chosen: list[str] = []
    for outlet in sorted(pools):
        pool = pools[outlet]
        chosen.extend(rng.sample(pool, min(per_outlet, len(pool))))
    return sorted(chosen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--batch", type=int, required=True, help="batch number written on each line")
    ap.add_argument("--per-outlet", type=int, default=2)
    ap.add_argument("--min-chars", type=int, default=500)
    ap.add_argument("--max-chars", type=int, default=1800)
    args = ap.parse_args(argv)
    for article_id in draw(args.seed, args.batch, args.per_outlet, args.min_chars, args.max_chars):
        print(json.dumps({"id": article_id, "quotes": [], "batch": args.batch}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
