"""MinHash signatures, LSH band keys and cluster merging (no database)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from khabar.store import dedup
from khabar.store.search import index_keys

from .corpus import MERKEL_P2, MERKEL_P3

PARAMS = dedup.Params()


def _keys(text: str) -> list[str]:
    return index_keys(text)


def test_shingles_are_ordered_word_triples() -> None:
    a = dedup.shingles(["ا", "ب", "ج", "د"], 3)
    assert len(a) == 2
    assert len(dedup.shingles(["ا", "ب", "ج", "د"], 3)) == len(set(a.tolist()))
    # Order matters: the same words in another order are other shingles.
    assert set(dedup.shingles(["ب", "ا", "ج", "د"], 3).tolist()).isdisjoint(a.tolist())
    assert len(dedup.shingles(["ا", "ب"], 3)) == 1
    assert len(dedup.shingles([], 3)) == 0


def test_rewrite_is_similar_and_other_story_is_not() -> None:
    story = _keys(MERKEL_P2 + " " + MERKEL_P3)
    rewrite = _keys("برلين - وكالات: " + MERKEL_P2 + " " + MERKEL_P3.replace("الأسبوع المقبل", "في أغسطس"))
    other = _keys(
        "تراجعت أسعار النفط الخام في تعاملات يوم الجمعة إلى أدنى مستوى لها منذ ثلاثة أشهر، مع تزايد "
        "المخاوف من تخمة المعروض في الأسواق العالمية وعودة الصادرات الإيرانية إلى الأسواق."
    )
    s1, s2, s3 = (dedup.signature(k, PARAMS) for k in (story, rewrite, other))
    assert s1 is not None and s2 is not None and s3 is not None
    assert s1.dtype == np.uint32 and len(s1) == dedup.NUM_PERM
    assert dedup.similarity(s1, s2) >= PARAMS.threshold
    assert dedup.similarity(s1, s3) < 0.1
    # Similar signatures share band keys; unrelated ones do not.
    assert set(dedup.band_keys(s1, PARAMS)) & set(dedup.band_keys(s2, PARAMS))
    assert not set(dedup.band_keys(s1, PARAMS)) & set(dedup.band_keys(s3, PARAMS))
    assert dedup.from_bytes(dedup.to_bytes(s1)).tolist() == s1.tolist()


def test_signature_is_stable_across_processes() -> None:
    """Signatures are stored: they must not depend on the process (no salted ``hash()``)."""
    code = (
        "from khabar.store import dedup; from khabar.store.search import index_keys; "
        f"print(dedup.signature(index_keys({MERKEL_P2 + ' ' + MERKEL_P3!r}), dedup.Params())[:8].tolist())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    here = dedup.signature(_keys(MERKEL_P2 + " " + MERKEL_P3), PARAMS)
    assert here is not None
    assert outputs == {f"{here[:8].tolist()}\n"}


def test_short_texts_get_no_signature() -> None:
    assert dedup.signature(_keys("عاجل: انفجار في العاصمة"), PARAMS) is None


def test_bands_favour_recall_at_the_threshold() -> None:
    b, r = dedup.bands(dedup.THRESHOLD, dedup.NUM_PERM)
    assert (b, r) == (42, 3)
    assert b * r <= dedup.NUM_PERM
    # Probability that a pair at the threshold shares a band, hence is verified at all.
    assert 1 - (1 - dedup.THRESHOLD**r) ** b > 0.8


def test_choose_pairs_with_an_unclustered_doc() -> None:
    assert dedup.choose({12: 0.8, 10: 0.5}, {}, {}, 0.35) == (12, 0.8)
    assert dedup.choose({12: 0.2}, {}, {}, 0.35) is None


def test_choose_joins_through_the_center_only() -> None:
    # 5 belongs to the cluster centered on 3. The new doc resembles 5 (0.9) but
    # its center only 0.3: it may not join, so templated reports do not chain.
    assert dedup.choose({5: 0.9}, {5: 3}, {3: 0.3}, 0.35) is None
    assert dedup.choose({5: 0.9}, {5: 3}, {3: 0.6}, 0.35) == (3, 0.6)


def test_choose_prefers_the_most_similar_then_the_older_center() -> None:
    assert dedup.choose({4: 0.5, 7: 0.9}, {4: 2, 7: 6}, {2: 0.5, 6: 0.7}, 0.35) == (6, 0.7)
    assert dedup.choose({9: 0.6, 8: 0.6}, {}, {}, 0.35) == (8, 0.6)
