"""The time stage: fill ``Analysis.times`` from the article text and its publication date."""

from __future__ import annotations

import dataclasses

from khabar.model import Analysis
from khabar.options import Options
from khabar.time.recognize import find_times


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Every time expression of ``analysis.article.text``, resolved against ``article.published``.

    ``options.published`` has already replaced ``article.published`` in
    :func:`khabar.pipeline.process`; with neither, relative expressions get
    value None rather than a guess from today's date.
    """
    del options  # the anchor travels on the article
    times = find_times(analysis.article.text, analysis.article.published)
    return dataclasses.replace(analysis, times=tuple(times))
