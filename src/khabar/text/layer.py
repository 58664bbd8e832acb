"""The text stage: tokens and sentences for ``Article.text``.

Runs first in the pipeline (``khabar.pipeline.STAGES``): quantities read the
tokens, entity detection reads tokens and sentences, quotes read sentences.
Clitic segmentation is not stored as a layer; stages that need stems call
:mod:`khabar.text.clitics` on the tokens they care about.
"""

from __future__ import annotations

import dataclasses

from khabar.model import Analysis
from khabar.options import Options
from khabar.text.sentences import split_sentences
from khabar.text.tokenize import tokenize


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``tokens`` and ``sentences`` for ``analysis.article.text``."""
    text = analysis.article.text
    tokens = tokenize(text)
    return dataclasses.replace(analysis, tokens=tokens, sentences=split_sentences(text, tokens))
