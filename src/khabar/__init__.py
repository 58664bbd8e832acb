"""khabar: structured knowledge from Arabic news.

Importing khabar is cheap: models, lexicons and heavy libraries load on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "KhabarError",
    "Options",
    "__version__",
    "analyze",
    "analyze_many",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from khabar.errors import KhabarError
    from khabar.model import Analysis, Article
    from khabar.options import Options
    from khabar.pipeline import analyze, analyze_many


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep ``import khabar`` from importing the pipeline's stages.
    if name in ("analyze", "analyze_many"):
        from khabar import pipeline

        return getattr(pipeline, name)
    if name in ("Analysis", "Article"):
        from khabar import model

        return getattr(model, name)
    if name == "Options":
        from khabar.options import Options

        return Options
    if name == "KhabarError":
        from khabar.errors import KhabarError

        return KhabarError
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")
