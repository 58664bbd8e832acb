"""Read scraped article text: the visible text of a news page, saved as plain text.

Such a file starts with a header and ends with a footer around the paragraphs::

    <title>                      (often twice: the page <title> and the <h1>)
    06 أكتوبر 2020               (a date line, in any month system or digits)
    <caption> (photographer/agency)
    + الخط -                     (widgets)
    <paragraphs>
    المساهمون                    (footer)

The header is read in order until the first paragraph of prose: the first
date line gives ``published``, the first line ending with a credit gives the
caption, "بقلم: ..." lines the byline; every other label there is furniture.
The body goes through :func:`khabar.ingest.debris.clean_body`.
"""

from __future__ import annotations

import logging
import re

from khabar.errors import IngestError
from khabar.ingest.article import build, tidy
from khabar.ingest.credit import Caption, merge, photo_line, split_caption
from khabar.ingest.debris import (
    byline_of,
    clean_body,
    ends_sentence,
    is_prose,
    is_widget,
    related_marker,
    same_line,
    words,
)
from khabar.model import Article
from khabar.options import Options

log = logging.getLogger(__name__)

_DIGIT = re.compile(r"[\d٠-٩۰-۹]")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—]\s+[^|\-–—]{1,40}$")
MAX_TITLE_WORDS = 30


def date_of(line: str) -> str | None:
    """The ISO date a short date line gives ("06 أكتوبر 2020" -> "2020-10-06"), else None."""
    if words(line) > 14 or not _DIGIT.search(line) or (is_prose(line) and words(line) > 10):
        return None
    from khabar.time.publication import parse_date_line

    return parse_date_line(line)


def lines_of(text: str, *, titled: bool = False) -> list[str]:
    """Logical lines: hard-wrapped paragraphs joined, blank lines dropped.

    ``titled`` says the first line is a title, which is never joined to the
    lines under it even when no blank line separates them.
    """
    raw = [tidy(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks: list[list[str]] = [[]]
    for line in raw:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    out: list[str] = []
    for block in blocks:
        if not block:
            continue
        if (out or not titled) and _wrapped(block):
            out.append(" ".join(block))
        elif titled and not out and len(block) > 2 and _wrapped(block[1:]):
            # The first line is the title; never glue it to what follows.
            out.extend([block[0], " ".join(block[1:])])
        else:
            out.extend(block)
    return out


def _wrapped(block: list[str]) -> bool:
    """Whether a block is one paragraph broken at a fixed width.

    Its lines but the last are long, of similar length and mostly do not end
    sentences; a header block (title, date, caption) has none of these traits.
    """
    if len(block) < 3:
        # One long line over a short one is as often a paragraph and a label as a wrap.
        return False
    body = block[:-1]
    sizes = [len(line) for line in body]
    if min(sizes) < 30 or max(sizes) - min(sizes) > 0.35 * max(sizes):
        return False
    if sum(ends_sentence(line) for line in body) > len(body) / 2:
        return False
    last = block[-1]
    return not (is_widget(last) or split_caption(last) or (words(last) <= 8 and _DIGIT.search(last)))


def _title_like(line: str) -> bool:
    n = words(line)
    return 0 < n <= MAX_TITLE_WORDS and len(line) <= 250 and not (line.endswith(".") and n >= 12)


def _repeated_title(lines: list[str], start: int) -> int:
    """Where the title is when a site name or section label precedes it.

    Scraped pages print the headline twice (the page ``<title>`` and the
    ``<h1>``); a line repeated just below is the title even when a label like
    "العربي الجديد" comes first. Without a repeat the first line is the title.
    """
    for j in range(start, min(start + 4, len(lines))):
        if j > start and ends_sentence(lines[j]):
            # A headline has no full stop; a sentence repeated below the first line is
            # a paragraph the scraper doubled, and taking it for the title loses the body.
            continue
        if _title_like(lines[j]) and any(_repeats_title(line, lines[j]) for line in lines[j + 1 : j + 4]):
            return j
        bare = _TITLE_SUFFIX.sub("", lines[j])
        if bare != lines[j] and any(same_line(line, bare) for line in lines[j + 1 : j + 4]):
            return j
    return start


def _repeats_title(line: str, title: str) -> bool:
    """The title again, alone or with the site name appended ("... | العربي الجديد")."""
    if not title:
        return False
    return same_line(line, title) or same_line(_TITLE_SUFFIX.sub("", line), title)


def read_text(text: str, *, source: str, options: Options) -> Article:
    """Read one scraped article; raise :class:`IngestError` when it holds none."""
    lines = lines_of(text, titled=True)
    if not lines:
        raise IngestError(source, "empty input (only whitespace); nothing to analyse")
    warnings: list[str] = []
    published: str | None = None
    i = 0
    # Furniture and a date line may come before the title.
    while i < len(lines) and (is_widget(lines[i]) or related_marker(lines[i]) or date_of(lines[i])):
        published = published or date_of(lines[i])
        i += 1
    if i == len(lines):
        raise IngestError(source, "no article text found (only page furniture); is this a news article?")
    i = _repeated_title(lines, i)
    title = lines[i] if _title_like(lines[i]) and i + 1 < len(lines) else ""
    if title:
        i += 1
        # A page <title> with the site appended, then the headline itself: keep the headline.
        bare = _TITLE_SUFFIX.sub("", title)
        if bare != title and any(same_line(line, bare) for line in lines[i : i + 3]):
            title = bare
    elif i + 1 < len(lines):
        warnings.append("first line is a paragraph, not a title; title left empty")
    else:
        warnings.append("a single line: read as the body, with no title")
    has_prose = any(is_prose(line) for line in lines[i:])
    caption: Caption | None = None
    byline: str | None = None
    after_anchor = True  # right after the title or the date line, where a caption sits
    while i < len(lines):
        line = lines[i]
        if _repeats_title(line, title):
            i += 1
            continue
        date = date_of(line) if published is None else None
        if date:
            published, after_anchor = date, True
            i += 1
            continue
        found = split_caption(line, least="weak" if after_anchor else "slash") if caption is None else None
        if found is not None:
            caption, after_anchor = found, False
            i += 1
            continue
        photo = photo_line(line)
        if photo is not None:
            caption = merge(caption, photo)
            i += 1
            continue
        after_anchor = False
        name = byline_of(line)
        if name:
            byline = byline or name
            i += 1
            continue
        if is_widget(line) or related_marker(line):
            i += 1
            continue
        if is_prose(line) or not has_prose:
            break
        log.debug("%s: header label dropped: %r", source, line)
        i += 1
    body = clean_body([line for line in lines[i:] if not _repeats_title(line, title)], title=title)
    for found_later in body.captions:
        caption = merge(caption, found_later)
    return build(
        source=source,
        fmt="text",
        title=title,
        paragraphs=body.paragraphs,
        published=published,
        byline=byline or body.byline,
        caption=caption.text if caption and caption.text else None,
        credit=caption.credit if caption else None,
        warnings=warnings,
        date_expected=options.published is None,
    )
