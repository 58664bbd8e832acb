"""Tell what an input is (format, encoding) from its bytes, before any reader runs.

Arabic news reaches khabar as files saved by many tools: UTF-8 with or without a
BOM, UTF-16 from Windows editors, windows-1256 from older Arabic sites and
ISO-8859-6 from older mail and feeds. Content decides, not the file name: a
``.txt`` holding HTML is read as HTML. Binary files are refused by name
("PNG image") so that a run over a directory explains what it skipped.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import zlib

log = logging.getLogger(__name__)

FORMATS = ("text", "html", "rss", "jsonl", "warc")

# Magic numbers of files people drop by mistake into a folder of articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x7fELF", "executable"),
    (b"BZh9", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_GZIP = b"\x1f\x8b"
# Every byte but the C0 controls that never occur in text (tab, newlines, form feed do).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I | re.S
)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
# " ال" starts roughly a third of Arabic words; a wrong single-byte code page turns it into other pairs.
_AL = re.compile(r"(?:^|\s)\u0627\u0644")


def binary_kind(head: bytes) -> str | None:
    """Name the kind of a binary file from its first bytes, or None for text.

    UTF-16 text holds NUL bytes too, so it is recognised first and never
    called binary.
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head.startswith(_GZIP) or bom_encoding(head) or utf16_without_bom(head):
        return None
    if head.lstrip().startswith(b"WARC/"):
        return None  # a crawl archive: its image and PDF records hold binary payloads
    sample = head[:8192]
    if b"\x00" in sample:
        return "unknown binary data"
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > 0.02:
        return "unknown binary data"
    return None


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by where its zero and Arabic high bytes fall.

    In UTF-16 every Arabic letter has the high byte 0x06 and every ASCII
    character 0x00, so one byte of each pair is nearly always one of those.
    """
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8 or b"\x00" not in sample:
        return None  # UTF-16 text always has zero bytes (every space is 20 00)
    evens, odds = sample[0::2], sample[1::2]

    def share(half: bytes) -> float:
        return (len(half) - len(half.translate(None, b"\x00\x06\x20\xfe\xfb"))) / len(half)

    if share(odds) > 0.9 and share(evens) < 0.5:
        return "utf-16-le"
    if share(evens) > 0.9 and share(odds) < 0.5:
        return "utf-16-be"
    return None


def gunzip_head(data: bytes, size: int = 65536) -> bytes:
    """The first ``size`` decompressed bytes of gzip data, for sniffing only."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, size)
    except zlib.error:
        return b""


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes (already decompressed)."""
    if head.startswith(b"WARC/") or head.lstrip().startswith(b"WARC/"):
        return "warc"
    encoding = bom_encoding(head) or utf16_without_bom(head)
    start = head.decode(encoding or "utf-8", errors="ignore")[:8192].lstrip("\ufeff \t\r\n")
    return sniff_text_format(start)


def sniff_text_format(start: str) -> str:
    """Guess the format of already decoded text from its beginning."""
    start = start.lstrip("\ufeff \t\r\n")
    if start.startswith("WARC/"):
        return "warc"
    if start.startswith("<"):
        if start.startswith("<?xml") and _FEED_ROOT.search(start[:4096]):
            return "rss"
        if _FEED_ROOT.match(start):
            return "rss"
        if _HTML_START.match(start) or start.lower().startswith("<?xml"):
            return "html"
    if start.startswith("{"):
        first = start.split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            # A pretty-printed object spans lines; a truncated sniff window cannot be parsed.
            if re.match(r'\{\s*"', start):
                return "jsonl"
    if re.match(r"\[\s*\{", start):
        return "jsonl"
    return "text"


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if Python knows it."""
    m = _XML_ENCODING.search(head[:1024]) or _META_CHARSET.search(head[:16384])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        log.debug("unknown declared charset %r", name)
        return None


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; return ``(text, encoding)``.

    Order: a BOM; BOM-less UTF-16; valid UTF-8 (stray cp1256 bytes almost
    never form valid UTF-8, so this beats a wrong ``<meta>``); the declared
    charset; then the best of windows-1256, ISO-8859-6 and charset-normalizer's
    guess, judged by how Arabic the result reads.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace").lstrip("\ufeff"), bom
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode the input", declared)
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    candidates: dict[str, str] = {}
    for enc in ("cp1256", "iso8859_6"):
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in candidates:
        try:
            candidates[best.encoding] = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            log.debug("charset-normalizer guessed %s, which does not decode", best.encoding)
    if not candidates:
        return data.decode("utf-8", errors="replace"), "utf-8"
    scored = {enc: arabic_score(text) for enc, text in candidates.items()}
    top = max(scored, key=lambda e: scored[e])
    if scored[top] > 0.05:
        return candidates[top], top
    # Not Arabic: trust charset-normalizer, which knows the other languages.
    if best is not None and best.encoding in candidates:
        return candidates[best.encoding], best.encoding
    enc = next(iter(candidates))
    return candidates[enc], enc


def arabic_score(text: str) -> float:
    """How plausibly Arabic a decoding is: the share of words that start with "ال",
    weighted by the share of letters that are Arabic."""
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return 0.0
    arabic = len(_ARABIC_LETTER.findall(sample)) / letters
    words = max(1, len(sample.split()))
    return arabic * len(_AL.findall(sample)) / words
