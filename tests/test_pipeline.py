"""The staged pipeline fails early, and by name, when a stage runs out of order."""

from __future__ import annotations

import pytest

from khabar.errors import ExtractionError
from khabar.model import Article
from khabar.options import Options
from khabar.pipeline import STAGE_NAMES, process

TEXT = "أمطار غزيرة في عمّان\n\nهطلت أمطار غزيرة على العاصمة الأردنية عمّان مساء أمس."


def _article() -> Article:
    title, _, body = TEXT.partition("\n\n")
    return Article(id="x", title=title, paragraphs=(body,), text=TEXT)


def test_missing_layer_is_named() -> None:
    with pytest.raises(ExtractionError, match=r"stage 'quotes' needs layer\(s\) \['entities', 'sentences'\]"):
        process(_article(), Options(stages=("quotes",)))


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ExtractionError, match="unknown stage"):
        process(_article(), Options(stages=("sentiment",)))


def test_published_option_overrides_article_date() -> None:
    from datetime import date

    a = process(_article(), Options(stages=(), published=date(2021, 3, 9)))
    assert a.article.published == "2021-03-09"
    assert a.tokens is None


def test_every_stage_is_importable_and_assigns_its_layers() -> None:
    analysis = process(_article())
    for name in ("tokens", "sentences", "mentions", "entities", "quotes", "times", "quantities"):
        assert analysis.has(name), name
    assert set(STAGE_NAMES) >= {"text", "times", "quantities", "mentions", "entities", "quotes"}


def test_long_runs_raise_the_collector_threshold_only_when_asked() -> None:
    import gc

    before = gc.get_threshold()
    try:
        import khabar.pipeline

        assert gc.get_threshold() == before  # importing changes nothing
        khabar.pipeline.tune_for_long_runs()
        assert gc.get_threshold() == (50_000, 50, 100)
    finally:
        gc.set_threshold(*before)
