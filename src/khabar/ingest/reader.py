"""The one entry point to ingest: any input in, clean articles (or per-record errors) out.

``read`` takes what a user has: article text (a ``str``, never a path), raw
``bytes`` of unknown format and encoding, or a ``Path`` (``Path("-")`` is
stdin). A failure of the whole input (empty, binary, too large, no article)
raises :class:`IngestError`; inside containers (JSONL, WARC, feeds) a bad
record is yielded as an :class:`IngestError` and reading goes on, so a run
over a corpus reports every failure and loses no good article.

Files are never read whole before their size is checked: text, HTML and feeds
over ``Options.max_bytes`` are refused; JSONL and WARC stream record by record.
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from khabar.errors import IngestError
from khabar.ingest.article import no_surrogates
from khabar.ingest.detect import (
    binary_kind,
    bom_encoding,
    declared_charset,
    decode,
    gunzip_head,
    sniff_format,
    sniff_text_format,
    utf16_without_bom,
)
from khabar.model import Article
from khabar.options import Options

log = logging.getLogger(__name__)

SUFFIXES = (
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".xml",
    ".rss",
    ".atom",
    ".jsonl",
    ".ndjson",
    ".json",
    ".warc",
    ".arc",
)
_SNIFF = 65536
_GZIP = b"\x1f\x8b"
_FORMATS_HINT = "give khabar article text, HTML, RSS/Atom, JSONL or WARC"

Item = Article | IngestError


def expand(sources: Iterable[str | Path]) -> list[Path]:
    """Files to read, in a stable order: files as given, directories walked (known
    extensions, sorted), glob patterns expanded, ``-`` kept for stdin.

    A path that does not exist is kept, so that reading it reports "no such
    file" in the run summary instead of it silently vanishing.
    """
    out: list[Path] = []
    for src in sources:
        text = str(src)
        path = Path(src)
        if text == "-":
            out.append(Path("-"))
        elif path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and _known(p)))
        elif path.exists():
            out.append(path)
        elif glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            if not matches:
                out.append(path)
            for m in matches:
                out.extend(
                    sorted(p for p in m.rglob("*") if p.is_file() and _known(p)) if m.is_dir() else [m]
                )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _known(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(SUFFIXES) and not path.name.startswith(".")


def read(source: str | bytes | Path, options: Options) -> Iterator[Item]:
    """Read one input; see the module docstring for what each type means."""
    if isinstance(source, Path):
        if str(source) == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", options)
        else:
            yield from _read_path(source, options)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > options.max_bytes and sniff_format(_head(data)) not in ("jsonl", "warc"):
            raise _too_large("<bytes>", len(data), options)
        yield from _read_bytes(data, "<bytes>", options)
    elif isinstance(source, str):
        yield from _read_str(source, "<text>", options)
    else:
        raise TypeError(
            f"khabar reads str (article text), bytes or pathlib.Path, not {type(source).__name__}"
        )


def _read_path(path: Path, options: Options) -> Iterator[Item]:
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(
                name,
                "is a directory; pass it to khabar.analyze_many() or `khabar analyze`, which walk directories",
            )
        with path.open("rb") as f:
            head = f.read(_SNIFF)
            fmt, gz = _classify(head, name)
            if fmt in ("warc", "jsonl"):
                f.seek(0)
                yield from _read_container(f, fmt, gz, head, name, options)
                return
            if size > options.max_bytes:
                raise _too_large(name, size, options)
            data = head + f.read()
    except FileNotFoundError as err:
        raise IngestError(name, "no such file or directory") from err
    except PermissionError as err:
        raise IngestError(name, "permission denied") from err
    except IsADirectoryError as err:
        raise IngestError(name, "is a directory") from err
    yield from _read_bytes(data, name, options)


def _read_stream(stream: IO[bytes], name: str, options: Options) -> Iterator[Item]:
    """stdin: peek at the head, stream containers, refuse anything else over the limit."""
    head = stream.read(_SNIFF)
    fmt, gz = _classify(head, name)
    joined = _Prefixed(head, stream)
    if fmt in ("warc", "jsonl"):
        yield from _read_container(io.BufferedReader(joined), fmt, gz, head, name, options)
        return
    data = io.BufferedReader(joined).read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise _too_large(name, len(data), options, exact=False)
    yield from _read_bytes(data, name, options)


def _classify(head: bytes, name: str) -> tuple[str, bool]:
    """(format, gzipped) of an input from its first bytes; raise for empty or binary input."""
    if not head:
        raise IngestError(name, "empty file (0 bytes); nothing to analyse")
    kind = binary_kind(head)
    if kind:
        raise IngestError(name, f"binary file ({kind}), not an article; {_FORMATS_HINT}")
    if head.startswith(_GZIP):
        inner = gunzip_head(head)
        if not inner:
            raise IngestError(name, "a gzip file that does not decompress; is it complete?")
        kind = binary_kind(inner)
        if kind:
            raise IngestError(name, f"gzip of a binary file ({kind}), not an article; {_FORMATS_HINT}")
        return sniff_format(inner), True
    return sniff_format(head), False


def _read_container(
    f: IO[bytes], fmt: str, gz: bool, head: bytes, name: str, options: Options
) -> Iterator[Item]:
    if fmt == "warc":
        from khabar.ingest.warc import read_warc

        yield from read_warc(f, source=name, options=options)
        return
    from khabar.ingest.jsonl import read_jsonl

    inner = gunzip_head(head) if gz else head
    if inner.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        # A JSON array cannot be streamed line by line: read it whole, within the limit.
        data = (gzip.GzipFile(fileobj=f) if gz else f).read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise _too_large(name, len(data), options, exact=False)
        yield from _read_bytes(data, name, options)
        return
    encoding = bom_encoding(inner) or utf16_without_bom(inner) or "utf-8"
    stream: IO[bytes] | gzip.GzipFile = gzip.GzipFile(fileobj=f) if gz else f
    try:
        yield from read_jsonl(stream, source=name, options=options, encoding=encoding)
    except (OSError, EOFError, zlib.error) as err:
        yield IngestError(name, f"the gzip stream breaks off ({err}); records after this point are lost")


def _read_bytes(data: bytes, name: str, options: Options) -> Iterator[Item]:
    fmt, gz = _classify(data[:_SNIFF], name)
    if gz:
        data = _gunzip(data, name, options) if fmt != "warc" else data
    if fmt == "warc":
        from khabar.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), source=name, options=options)
        return
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise IngestError(name, "empty file (only whitespace); nothing to analyse")
    if fmt == "rss":
        from khabar.ingest.rss import read_feed

        yield from read_feed(data, source=name, options=options)
        return
    declared = declared_charset(data[:_SNIFF]) if fmt == "html" else None
    text, encoding = decode(data, declared=declared)
    log.debug("%s: %s, %s", name, fmt, encoding)
    yield from _read_str(text, name, options, fmt=fmt)


def _read_str(text: str, name: str, options: Options, *, fmt: str | None = None) -> Iterator[Item]:
    text = no_surrogates(text)
    fmt = fmt or sniff_text_format(text[:8192])
    if not text.strip():
        raise IngestError(name, "empty input (only whitespace); nothing to analyse")
    if fmt == "html":
        from khabar.ingest.html import read_html

        yield read_html(text, source=name, options=options)
    elif fmt == "jsonl":
        from khabar.ingest.jsonl import read_json_text

        yield from read_json_text(text, source=name, options=options)
    elif fmt == "rss":
        yield from _read_bytes(text.encode("utf-8"), name, options)
    elif fmt == "warc":
        raise IngestError(name, "WARC data must be given as bytes or a file path, not text")
    else:
        from khabar.ingest.text import read_text

        yield read_text(text, source=name, options=options)


def _gunzip(data: bytes, name: str, options: Options) -> bytes:
    """Decompress whole, but never past the size limit (a small .gz can hide gigabytes)."""
    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(data, options.max_bytes + 1)
    except zlib.error as err:
        raise IngestError(name, f"the gzip data is corrupt ({err})") from err
    if len(out) > options.max_bytes or d.unconsumed_tail:
        raise _too_large(name, len(out), options, exact=False)
    return out


def _head(data: bytes) -> bytes:
    return gunzip_head(data[:_SNIFF]) if data.startswith(_GZIP) else data[:_SNIFF]


def _too_large(name: str, size: int, options: Options, *, exact: bool = True) -> IngestError:
    amount = _human(size) if exact else f"over {_human(options.max_bytes)}"
    return IngestError(
        name,
        f"input is {amount}, over the {_human(options.max_bytes)} limit for one article "
        f"(Options.max_bytes); raise it with --max-bytes, or split the file "
        f"(JSONL and WARC files are streamed and may be any size)",
    )


def _human(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (the sniffed head) before the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
