"""One exception hierarchy for khabar.

Every error names where it happened (file, line) and what is wrong, and hints
the fix, so that a run over thousands of inputs can report each failure in one
line. Boundaries (CLI, API, batch) translate these; library code never swallows
them.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base of every error khabar raises on purpose."""


class IngestError(KhabarError):
    """An input could not be read as an article.

    ``source`` is the file, URL or ``<stdin>``; ``line`` is set for line-based
    formats (JSONL). The message reads ``source: line N: problem``.
    """

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}: line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ExtractionError(KhabarError):
    """A pipeline stage could not run (a missing layer, a broken model file)."""


class StoreError(KhabarError):
    """The corpus store refused an operation (bad URL, schema mismatch, I/O)."""


class ConfigError(KhabarError):
    """An option or setting has a value khabar cannot use."""
