"""``load_batch``: import a batch output directory into the corpus store.

The store recognises an article it already holds by its content hash and
replaces an older version of the same id or URL, so loading the same output
twice (or a rerun's output over the first) adds nothing the second time.
Rows are read one unit file at a time, so memory stays bounded by the largest
unit, not the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from khabar.batch.output import REPORT, read_part, unit_parts
from khabar.batch.tables import analysis_from_rows
from khabar.errors import ConfigError, IngestError
from khabar.model import Analysis

if TYPE_CHECKING:
    from khabar.store.results import IngestReport

log = logging.getLogger(__name__)


def load_batch(
    out: str | Path,
    db: str | None = None,
    *,
    batch_size: int = 500,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Add every article of batch output ``out`` to the store at ``db`` (see ``open_store``)."""
    from khabar.store.base import open_store
    from khabar.store.results import IngestReport

    root = Path(out)
    if not (root / "articles").is_dir() and not (root / REPORT).is_file():
        raise ConfigError(f"{out}: not a khabar batch output (no articles/ table, no {REPORT})")
    report = IngestReport()
    with open_store(db) as store:
        for month, name in unit_parts(root):
            store.add(iter_part(root, month, name), batch_size=batch_size, report=report)
            if progress:
                progress(report)
    return report


def iter_analyses(out: str | Path) -> Iterator[Analysis | IngestError]:
    """Every analysis stored in a batch output, unit file by unit file."""
    root = Path(out)
    for month, name in unit_parts(root):
        yield from iter_part(root, month, name)


def iter_part(root: Path, month: str, name: str) -> Iterator[Analysis | IngestError]:
    where = f"{root}/*/month={month}/{name}"
    try:
        docs = analysis_from_rows(read_part(root, month, name))
    except Exception as err:  # a damaged file is reported by the store, the others still load
        log.warning("%s: %s: %s", where, type(err).__name__, err)
        yield IngestError(where, f"unreadable batch output ({type(err).__name__}: {err})")
        return
    for doc in docs:
        try:
            yield Analysis.from_dict(doc)
        except (KeyError, TypeError, ValueError) as err:
            yield IngestError(where, f"article {doc['article'].get('id')}: not a valid analysis ({err})")
