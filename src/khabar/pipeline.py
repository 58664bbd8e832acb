"""The pipeline: ingest an input, then run each stage over the :class:`Analysis`.

Each stage is a pure function ``f(analysis, options) -> Analysis`` that declares
the layers it ``requires`` and the layers it ``assigns`` (as spaCy components
do). :func:`process` checks both, so a stage that runs out of order fails early
and by name instead of producing an empty layer.

Stage modules are imported on first use, so ``import khabar`` stays cheap and a
user who only wants tokens never loads the NER model.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from khabar.errors import ExtractionError, IngestError, KhabarError
from khabar.model import Analysis, Article
from khabar.options import Options

log = logging.getLogger(__name__)

StageFn = Callable[[Analysis, Options], Analysis]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    target: str  # "module:function", imported lazily
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def load(self) -> StageFn:
        module, _, func = self.target.partition(":")
        fn: StageFn = getattr(importlib.import_module(module), func)
        return fn


STAGES: tuple[Stage, ...] = (
    Stage("text", "khabar.text.layer:annotate", (), ("tokens", "sentences")),
    Stage("times", "khabar.time.annotate:annotate", (), ("times",)),
    Stage("quantities", "khabar.quantities.annotate:annotate", ("tokens",), ("quantities",)),
    Stage("mentions", "khabar.entities.detect:annotate", ("tokens", "sentences"), ("mentions",)),
    Stage("entities", "khabar.entities.canonical:annotate", ("mentions",), ("entities",)),
    Stage("quotes", "khabar.quotes.annotate:annotate", ("entities", "sentences"), ("quotes",)),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def _selected(options: Options) -> tuple[Stage, ...]:
    if options.stages is None:
        return STAGES
    unknown = set(options.stages) - set(STAGE_NAMES)
    if unknown:
        raise ExtractionError(
            f"unknown stage(s) {sorted(unknown)}; choose from {', '.join(STAGE_NAMES)}"
        )
    return tuple(s for s in STAGES if s.name in options.stages)


def process(article: Article, options: Options | None = None) -> Analysis:
    """Run the selected stages over one clean article."""
    options = options or Options()
    if options.published is not None:
        article = dataclasses.replace(article, published=_iso(options.published))
    analysis = Analysis(article=article)
    for stage in _selected(options):
        missing = [layer for layer in stage.requires if not analysis.has(layer)]
        if missing:
            raise ExtractionError(
                f"stage {stage.name!r} needs layer(s) {missing}, which no earlier stage "
                f"assigned; add the stage that assigns them to Options.stages"
            )
        analysis = stage.load()(analysis, options)
        unassigned = [layer for layer in stage.assigns if not analysis.has(layer)]
        if unassigned:
            raise ExtractionError(f"stage {stage.name!r} did not assign {unassigned}")
    return analysis


def analyze(
    source: str | bytes | Path,
    *,
    published: date | datetime | None = None,
    options: Options | None = None,
) -> Analysis:
    """Analyse one article.

    ``source`` is article text (a ``str`` is never taken as a path), raw
    ``bytes`` whose format and encoding are detected, or a :class:`Path`.
    ``published`` supplies or overrides the publication date. Raises
    :class:`IngestError` if the input holds no article or more than one (use
    :func:`analyze_many` for feeds, JSONL and WARC files).
    """
    from khabar.ingest.reader import read

    options = options or Options()
    if published is not None:
        options = dataclasses.replace(options, published=published)
    name = str(source) if isinstance(source, Path) else ("<bytes>" if isinstance(source, bytes) else "<text>")
    articles: list[Article] = []
    for item in read(source, options):
        if isinstance(item, IngestError):
            raise item
        articles.append(item)
        if len(articles) > 1:
            raise IngestError(name, "holds more than one article; use khabar.analyze_many()")
    if not articles:
        raise IngestError(name, "no article found")
    return process(articles[0], options)


def analyze_many(
    sources: Iterable[str | Path], options: Options | None = None
) -> Iterator[Analysis | IngestError]:
    """Analyse every article in the given paths, directories or globs (``-`` is stdin).

    Failures are yielded as :class:`IngestError` values, not raised, so that one
    bad file does not stop a run over thousands.
    """
    from khabar.ingest.reader import expand, read

    options = options or Options()
    for path in expand(sources):
        try:
            for item in read(path, options):
                yield item if isinstance(item, IngestError) else _process_one(item, options, path)
        except IngestError as err:
            yield err


def _process_one(article: Article, options: Options, path: Path) -> Analysis | IngestError:
    """:func:`process`, with a stage's unexpected exception turned into this article's failure.

    A bug in one stage on one article (a date it cannot parse) must not end a
    run over a 15,000-article JSONL file: the article is reported, named and with
    where the bug is, and the run goes on. khabar's own errors (a stage that is
    not installed, a missing layer) still raise: they would fail every article.
    """
    try:
        return process(article, options)
    except KhabarError:
        raise
    except Exception as err:  # a stage bug, reported as this article's failure (batch does the same)
        frame = traceback.extract_tb(err.__traceback__)[-1]
        where = f"{Path(frame.filename).parent.name}/{Path(frame.filename).name}:{frame.lineno}"
        log.debug("%s: analysis failed", article.source, exc_info=True)
        return IngestError(
            article.source or str(path),
            f"analysis failed ({type(err).__name__}: {err} at {where}); a bug in khabar, please report it",
        )


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def tune_for_long_runs() -> None:
    """Let CPython's cyclic garbage collector run less often, for a process that analyses a lot.

    The pipeline allocates millions of small, short-lived objects (tokens,
    spans, mentions) that reference counting frees at once; with the default
    youngest-generation threshold (700) the collector still walks them every
    few hundred allocations. A threshold of 50,000 took 7-13% off the CPU time
    of 600-1,000 news articles with byte-identical output. This changes an
    interpreter-wide setting, so the library never calls it itself: the
    ``khabar`` command and the batch workers do (not the worker processes
    ``khabar serve --workers N`` spawns, where requests are short anyway).
    """
    import gc

    gc.set_threshold(50_000, 50, 100)
