"""Read a news article from an HTML page, and paragraphs from HTML fragments.

Main-text extraction is trafilatura's job (``bare_extraction``): it scores the
page's blocks, drops navigation, asides and footers, and reads title, author,
site name, description and date from ``<meta>``, OpenGraph and JSON-LD. Two
things it leaves out are read here from the same lxml tree: the publication
time with its zone (trafilatura keeps only the day) and the lead photo's
``<figcaption>`` with its credit. Widgets that survive extraction go through
the same debris rules as scraped text.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from khabar.errors import IngestError
from khabar.ingest.article import build, iso_published, tidy
from khabar.ingest.credit import Caption, Credit, parse_credit, split_caption
from khabar.ingest.debris import clean_body, is_prose, same_line
from khabar.model import Article
from khabar.options import Options

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Characters XML cannot hold (trafilatura works on an XML tree, and one of them in a
# paragraph makes it find no text at all): C0 controls, DEL, the noncharacters U+FFFE/U+FFFF,
# written as such or as character references ("&#11;", a vertical tab pasted from Word).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "pre",
    "dd",
    "dt",
)
_DROP = ("script", "style", "noscript", "iframe", "svg", "form", "button", "nav", "aside", "footer", "header")


@dataclass(frozen=True, slots=True)
class PageHints:
    published: str | None
    caption: Caption | None
    lang: str | None


def parse(markup: str) -> HtmlElement:
    """An lxml tree of the page; tolerant of truncation and of an XML declaration."""
    from lxml import html as lxml_html

    markup = _CONTROL.sub("", _XML_DECL.sub("", markup, count=1))
    if "&#" in markup:
        markup = _CHAR_REF.sub(_legal_ref, markup)
    return lxml_html.document_fromstring(markup or "<html></html>")


def _legal_ref(m: re.Match[str]) -> str:
    """A character reference kept, or dropped when it names a character XML cannot hold."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return "" if code < 0x110000 and _CONTROL.match(chr(code)) else m.group()


def read_html(
    markup: str, *, source: str, options: Options, url: str | None = None, fmt: str = "html"
) -> Article:
    """Read one article from a page; raise :class:`IngestError` when the page has none."""
    import trafilatura
    from lxml.etree import LxmlError

    try:
        tree = parse(markup)
    except (LxmlError, ValueError) as err:  # ParserError ("Document is empty"), XMLSyntaxError
        raise IngestError(source, f"not readable as HTML ({err}); is the file complete?") from err
    hints = page_hints(tree)
    # A trafilatura Document (typed loosely upstream as Document | dict).
    doc: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if doc is None or not text or not text.strip():
        raise IngestError(
            source, "no article text found in the HTML page (no main text block); is it an index page?"
        )
    title = tidy(doc.title or "")
    body = clean_body(text.split("\n"), title=title)
    if not any(is_prose(p) for p in body.paragraphs):
        # Menus and link lists survive extraction on index pages; an article has sentences.
        raise IngestError(
            source, "no article text found in the HTML page (only links and labels); is it an index page?"
        )
    caption = hints.caption or (body.captions[0] if body.captions else None)
    published = hints.published or iso_published(doc.date) or _visible_date(tree, text, title)
    return build(
        source=source,
        fmt=fmt,
        title=title,
        paragraphs=body.paragraphs,
        url=url or doc.url,
        outlet=doc.sitename or doc.hostname,
        published=published,
        byline=doc.author or body.byline,
        caption=caption.text if caption and caption.text else None,
        credit=caption.credit if caption else None,
        description=doc.description,
        date_expected=options.published is None,
    )


def page_hints(tree: HtmlElement) -> PageHints:
    return PageHints(published=_published(tree), caption=_figcaption(tree), lang=tree.get("lang"))


def _published(tree: HtmlElement) -> str | None:
    """The publication time with zone, from JSON-LD or ``<meta>`` (in that order)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            found = _find_key(json.loads(script.text), "datePublished")
        except ValueError:
            log.debug("invalid JSON-LD block skipped")
            continue
        value = iso_published(found) if isinstance(found, str) else None
        if value:
            return value
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and meta.get("content"):
            value = iso_published(meta.get("content"))
            if value:
                return value
    return None


def _visible_date(tree: HtmlElement, text: str, title: str) -> str | None:
    """A date line printed on the page ("الثلاثاء 14 تشرين الأول 2025"), when no metadata dates it.

    Looks at ``<time>`` elements, then at the labels above the first paragraph
    of the extracted text, where bylines and date lines sit.
    """
    from khabar.ingest.text import date_of

    for el in tree.iter("time"):
        value = iso_published(el.get("datetime")) or date_of(tidy(el.text_content()))
        if value:
            return value
    for line in text.split("\n")[:8]:
        line = tidy(line)
        if same_line(line, title):
            continue
        if is_prose(line):
            break
        value = date_of(line) or _date_after_separator(line)
        if value:
            return value
    return None


def _date_after_separator(line: str) -> str | None:
    """The date in a "city - byline | date" line: "عمّان - رامي العزة | 3 آب 2025"."""
    from khabar.ingest.text import date_of

    parts = [p for p in re.split(r"\s[|•·]\s", line) if p.strip()]
    return next((d for d in (date_of(p) for p in parts[1:]) if d), None) if len(parts) > 1 else None


def _find_key(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        if key in node:
            return node[key]
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found = _find_key(child, key)
            if found is not None:
                return found
    return None


def _figcaption(tree: HtmlElement) -> Caption | None:
    """The first figure caption with its credit, whether in parentheses or its own element."""
    for fig in tree.iter("figcaption"):
        credit: Credit | None = None
        for child in fig.iter():
            cls = f"{child.get('class') or ''} {child.get('itemprop') or ''}".lower()
            if child is not fig and (child.tag in ("cite", "small") or "credit" in cls or "copyright" in cls):
                credit = parse_credit(tidy(child.text_content()))
                child.drop_tree()
                break
        text = tidy(fig.text_content())
        if not text and credit is None:
            continue
        split = split_caption(text, least="weak")
        if split is not None:
            return split
        return Caption(text=text, credit=credit or Credit())
    return None


def fragment_paragraphs(markup: str) -> tuple[list[str], Caption | None]:
    """Paragraphs of an HTML fragment (an RSS ``content:encoded``, a JSONL ``html`` field).

    Fragments have no page around them, so there is nothing for a main-text
    extractor to choose between: block elements become paragraphs and the
    first ``<figcaption>`` becomes the caption.
    """
    from lxml import html as lxml_html
    from lxml.etree import LxmlError

    markup = _CONTROL.sub("", markup)
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (LxmlError, ValueError) as err:  # malformed markup: fall back to its text
        log.debug("unparsable HTML fragment (%s); using it as text", err)
        return [
            line for line in (tidy(x) for x in re.sub(r"<[^>]+>", "\n", markup).split("\n")) if line
        ], None
    caption = _figcaption(root)
    for fig in list(root.iter("figcaption")):
        fig.drop_tree()
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for el in root.iter():
        if el.tag == "br" or el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    lines = [tidy(line) for line in root.text_content().split("\n")]
    return [line for line in lines if line], caption
