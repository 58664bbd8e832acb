"""Split batch inputs into units of work that any worker, on any machine, can read.

A :class:`Unit` names its records instead of holding them, so the driver ships
a few bytes per unit and each worker reads its own records with the same ingest
code as ``khabar analyze``:

- a JSONL file (``.jsonl``, ``.ndjson``, optionally ``.gz``) becomes line ranges
  of ``chunk`` records (an uncompressed file is entered by byte offset; a
  gzipped one is decompressed and skipped up to the range, which costs little
  next to analysing the records);
- a WARC file (``.warc``, ``.warc.gz``) is one unit (its records are read in one
  pass by the WARC reader);
- other files (text, HTML, RSS) are grouped ``chunk`` files to a unit, in path
  order.

The plan depends only on the inputs and ``chunk``, never on the engine or the
number of workers, so every engine writes the same files under the same names.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 500
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_BLOCK = 1 << 16


@dataclass(frozen=True, slots=True)
class Unit:
    """One partition of the input.

    ``kind`` is ``lines`` (lines ``start``..``stop`` of ``paths[0]``, 0-based,
    stop exclusive; ``offset`` is the byte offset of ``start`` when the file is
    seekable), ``file`` (all of ``paths[0]``) or ``files`` (each of ``paths``).
    ``group`` identifies the input the unit was cut from, so a rerun with another
    ``chunk`` can find and remove the files the old cut wrote.
    """

    kind: str
    paths: tuple[str, ...]
    group: str
    start: int = 0
    stop: int | None = None
    offset: int | None = None

    @property
    def key(self) -> str:
        """Deterministic name of this unit's output files: ``<group>-<range>``."""
        if self.kind == "lines":
            stop = "end" if self.stop is None else f"{self.stop:010d}"
            return f"{self.group}-{self.start:010d}-{stop}"
        if self.kind == "file":
            return f"{self.group}-file"
        return f"{self.group}-{_digest(chr(0).join(self.paths))}"

    @property
    def label(self) -> str:
        """Human-readable name for logs and reports: ``news.jsonl.gz:1001-1500``."""
        if self.kind == "lines":
            return f"{self.paths[0]}:{self.start + 1}-{self.stop or 'end'}"
        if self.kind == "file":
            return self.paths[0]
        return f"{Path(self.paths[0]).parent}/ ({len(self.paths)} files from {Path(self.paths[0]).name})"


def plan(inputs: Iterable[str | Path], *, chunk: int = DEFAULT_CHUNK) -> list[Unit]:
    """Cut the given files, directories and globs into units of at most ``chunk`` records."""
    from khabar.errors import ConfigError

    if chunk < 1:
        raise ConfigError(f"chunk must be at least 1 record per unit, got {chunk}")
    inputs = [str(i) for i in inputs]
    if "-" in inputs:
        raise ConfigError("batch reads files, not stdin ('-'); save the input to a file first")
    units: list[Unit] = []
    loose: dict[str, list[str]] = {}
    for path in sorted({os.path.abspath(p) for p in _expand(inputs)}):
        name = path.lower()
        if name.endswith(JSONL_SUFFIXES) and _splittable(path):
            units.extend(_line_units(path, chunk))
        elif name.endswith(JSONL_SUFFIXES + WARC_SUFFIXES):
            units.append(Unit("file", (path,), _digest(path)))
        else:
            loose.setdefault(os.path.dirname(path), []).append(path)
    for folder, paths in sorted(loose.items()):
        group = _digest(folder)
        for i in range(0, len(paths), chunk):
            units.append(Unit("files", tuple(paths[i : i + chunk]), group))
    return units


def _splittable(path: str) -> bool:
    """Whether a JSONL file can be cut at b"\\n": UTF-8 lines, not a JSON array or UTF-16.

    A file that cannot be opened is left to one ``file`` unit, whose reader then
    reports the problem as a failure of that input.
    """
    from khabar.ingest.detect import bom_encoding, utf16_without_bom

    try:
        with _open(path) as f:
            head = f.read(4096)
    except (OSError, EOFError, zlib.error):
        return False
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding and not encoding.replace("-", "").lower().startswith("utf8"):
        return False
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def _line_units(path: str, chunk: int) -> Iterator[Unit]:
    """Line ranges of ``chunk`` lines; blank lines count, so ranges are physical lines.

    If the file breaks off (a truncated gzip), the last unit reads to wherever it
    can (``stop=None``), so its worker meets the break and records it as a
    failure of this input.
    """
    group = _digest(path)
    seekable = not path.lower().endswith(".gz")
    offsets = [0]
    lines = 0
    pos = 0
    tail = b"\n"
    broken = False
    try:
        with _open(path) as f:
            while block := f.read(_BLOCK):
                start = 0
                while (nl := block.find(b"\n", start)) != -1:
                    lines += 1
                    start = nl + 1
                    if lines % chunk == 0:
                        offsets.append(pos + start)
                pos += len(block)
                tail = block[-1:]
    except (OSError, EOFError, zlib.error) as err:
        log.warning("%s: the input breaks off after line %d or later (%s)", path, lines, err)
        broken = True
    if tail != b"\n" and not broken:
        lines += 1  # a last line without its newline is still a record
    starts = list(range(0, lines, chunk)) or [0]
    for i, first in enumerate(starts):
        last = i == len(starts) - 1
        yield Unit(
            "lines",
            (path,),
            group,
            start=first,
            stop=None if broken and last else min(first + chunk, lines),
            offset=offsets[i] if seekable else None,
        )


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _expand(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Every input file, by the same rules as ``khabar analyze`` (directories, globs)."""
    from khabar.ingest.reader import expand

    for p in expand([str(i) for i in inputs]):
        yield str(p)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def open_window(unit: Unit) -> LineWindow:
    """A stream over a ``lines`` unit for the JSONL reader; see :class:`LineWindow`."""
    return LineWindow(unit)


class LineWindow:
    """A read-only stream showing only lines ``start``..``stop`` of a file.

    Lines before the range read as empty lines, so a reader that numbers lines
    numbers them as in the whole file (and skips them as blank). ``line`` is the
    number (from 1) of the line most recently read; a stream that breaks off (a
    truncated gzip) ends the window early and leaves the error in ``broken``.
    """

    def __init__(self, unit: Unit) -> None:
        self._unit = unit
        self._file = _open(unit.paths[0])
        self._index = 0  # 0-based index of the line being read
        self._skip_by_reading = True
        if unit.offset is not None:
            self._file.seek(unit.offset)
            self._skip_by_reading = False
        self.line = 0
        self.broken: Exception | None = None

    def readable(self) -> bool:
        return True

    def readline(self, size: int = -1) -> bytes:
        unit = self._unit
        if self.broken is not None or (unit.stop is not None and self._index >= unit.stop):
            return b""
        try:
            if self._index < unit.start:
                if self._skip_by_reading and not self._discard_line():
                    return b""
                self._index += 1
                self.line = self._index
                return b"\n"
            chunk = self._file.readline(size)
        except (OSError, EOFError, zlib.error) as err:
            self.broken = err
            return b""
        if chunk:
            self.line = self._index + 1
        if chunk.endswith(b"\n"):
            self._index += 1
        return chunk

    def _discard_line(self) -> bool:
        while chunk := self._file.readline(_BLOCK):
            if chunk.endswith(b"\n"):
                return True
        return False

    def close(self) -> None:
        self._file.close()
