"""Where the development data sets live: ``../shared`` beside the clone, or ``$KHABAR_SHARED``.

The seed article, the news corpus and the gazetteers are never committed (they
are not ours to ship), so lexicon builders, model trainers, benchmarks and
tests find them here at run time. The library itself never reads them: this
module is for the tools around it, and the one place that knows the layout.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """``$KHABAR_SHARED`` when set, else ``shared/`` next to the repository (it may not exist)."""
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else REPO.parent / "shared"
