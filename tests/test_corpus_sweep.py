"""150 real news articles through the whole pipeline: no crash, no broken invariant.

Runs each stage of ``khabar.pipeline.STAGES`` on the first 150 records of the
SaudiNewsNet sample (``../shared``) the way ``bench/sweep.py`` does, so a
failure names the stage, the article and the traceback. Empty records (a title
and no text) are legitimate ingest errors, not crashes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bench.sweep import NEWS, check_invariants, news_lines, run_one

from khabar.options import Options

ARTICLES = 150


@pytest.mark.slow
def test_news_sample_has_no_crash_and_no_violation(shared_dir: Path) -> None:
    rec: dict = {
        "seconds": Counter(),
        "crashes": Counter(),
        "skipped": Counter(),
        "crash_examples": {},
        "ingest_errors": [],
    }
    violations: dict[str, list[str]] = {}
    analysed = 0
    for rid, raw in news_lines(shared_dir / NEWS, ARTICLES):
        analysis = run_one(raw, rid, Options(), rec)
        if analysis is None:
            continue
        analysed += 1
        bad = check_invariants(analysis)
        if bad:
            violations[rid] = bad[:3]
    crashes = [
        f"{ex['stage']} x{ex['count']} ({', '.join(ex['ids'])}):\n{ex['traceback']}"
        for ex in rec["crash_examples"].values()
    ]
    assert not crashes, "\n".join(crashes)
    assert not violations, violations
    assert not rec["skipped"], rec["skipped"]
    # Ingest may refuse a record only for having no text; the sample has few of those.
    assert all("no article text found" in e for e in rec["ingest_errors"]), rec["ingest_errors"]
    assert analysed >= ARTICLES - 5
