"""The quantity stage: fill ``Analysis.quantities``.

Numbers that belong to a time expression are left to the time layer, so this
stage uses ``analysis.times`` when the time stage has run and finds the time
expressions itself otherwise.
"""

from __future__ import annotations

import dataclasses

from khabar.model import Analysis
from khabar.options import Options
from khabar.quantities.recognize import find_quantities
from khabar.time.recognize import find_times


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Every count, percentage, fraction, rank and amount of money in the article text."""
    del options  # nothing to configure yet
    text = analysis.article.text
    times = analysis.times if analysis.times is not None else find_times(text, analysis.article.published)
    return dataclasses.replace(analysis, quantities=tuple(find_quantities(text, times)))
