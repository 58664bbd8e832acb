"""Page furniture left in scraped article text, recognised by general rules.

A scraper that keeps the visible text of a news page keeps its widgets too:
the font-size control ("+ الخط -"), share buttons and counters ("شارك", "12
مشاركة"), "اقرأ أيضاً" boxes with the titles they link to, "تابعونا" footers,
contributor boxes ("المساهمون"). Three rules find them without knowing any one
site:

1. vocabulary: a short line whose letters (punctuation, digits and symbols
   removed, spelling folded) are a widget phrase or only widget words
   (``data/ingest/widgets.json``); a line with no letters at all;
2. shape: prose has sentences; a line with fewer than eight words and no
   sentence-final punctuation is a label, not a paragraph;
3. position: labels before the first paragraph and after the last one are
   furniture; between paragraphs they are subheadings and stay.

"شارك" is also a verb ("شارك الوزير في القمة"), which is why vocabulary only
decides for whole short lines and never cuts words out of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.ingest.credit import Caption, merge, photo_line, split_caption
from khabar.ingest.vocab import core, fold, fold_with_offsets, widgets

_WORDS = re.compile(r"\S*\w\S*")
_TERMINAL = ".!?؟…"
_QUOTES = "\"'»”’)]"
_COUNTER = re.compile(r"^[\d٠-٩.,]+\s*[KkMmكم]?\s*(?P<unit>[^\d٠-٩]*)$")
_BREADCRUMB = re.compile(r"\s+[>»›|/]\s+")
_LEADING_WIDGET = re.compile(r"^\W*\s*(?P<w>[^\W\d]+(?:\s[^\W\d]+){0,2})\s*[-+|•·]+\s*(?=\w)")
_SEP_AFTER_MARKER = re.compile(r"^\s*[:：\-–—]?\s*")
_SENTENCE_GAP = re.compile(r"(?<=[.!?؟…»”\"])\s+")
PROSE_WORDS = 8


def words(line: str) -> int:
    return len(_WORDS.findall(line))


def ends_sentence(line: str) -> bool:
    tail = line.rstrip().rstrip(_QUOTES).rstrip()
    return (bool(tail) and tail[-1] in _TERMINAL) or line.rstrip().endswith(('"', "»", "”"))


def is_prose(line: str) -> bool:
    """A paragraph rather than a label: eight words, or three ending with a full stop
    (five ending with a closing quote: "لندن: «الشرق الأوسط»" is a dateline)."""
    n = words(line)
    if n >= PROSE_WORDS:
        return True
    tail = line.rstrip().rstrip(_QUOTES).rstrip()
    if n >= 3 and tail and tail[-1] in _TERMINAL:
        return True
    return n >= 5 and ends_sentence(line)


def is_widget(line: str) -> bool:
    """A share button, counter, font control, footer line or breadcrumb.

    ``is_widget("+ الخط -")``, ``is_widget("شارك عبر واتساب")`` and
    ``is_widget("1.2K مشاركة")`` are true; ``is_widget("شارك الوزير في القمة.")`` is not.
    """
    if len(line) > 160:
        return False  # longer than any widget line; skip the folding
    vocab = widgets()
    c = core(line)
    if not c:
        return True
    ws = c.split()
    if len(ws) > 8:
        return False
    if c in vocab.phrases or c in vocab.contributors:
        return True
    # "فيسبوك وتويتر": the conjunction و may be glued to a platform name.
    platforms = [w if w in vocab.words else w[1:] if w.startswith("و") else w for w in ws]
    if all(w in vocab.words for w in platforms) and any(
        w not in ("علي", "عبر", "في", "on", "via") for w in ws
    ):
        return True
    m = _COUNTER.match(line.strip())
    if m and all(w in vocab.counters or w in vocab.phrases for w in core(m.group("unit")).split()):
        return True
    # Breadcrumbs: "الرئيسية › اقتصاد", "أخبار | محليات | الرياض".
    parts = _BREADCRUMB.split(line.strip())
    if len(parts) < 2 or not all(0 < words(p) <= 3 for p in parts):
        return False
    return len(parts) >= 3 or any(core(p) in vocab.phrases for p in parts)


def related_marker(line: str) -> str | None:
    """ "alone" for an "اقرأ أيضاً" line, "inline" when the linked title follows on it."""
    short = len(line) <= 80
    c = core(line if short else line[:80])
    for phrase in widgets().related:
        if short and c == phrase:
            return "alone"
        if c.startswith(phrase + " ") and words(line) <= 30:
            return "inline"
    return None


def byline_of(line: str) -> str | None:
    """The name in a byline line: "بقلم: سمر الخطيب" -> "سمر الخطيب"."""
    stripped = line.strip()
    if words(stripped) > 8 or ends_sentence(stripped):
        return None
    folded, offsets = fold_with_offsets(stripped)
    for marker in widgets().byline_markers:
        if folded.startswith(marker) and len(folded) > len(marker) and not folded[len(marker)].isalpha():
            name = _SEP_AFTER_MARKER.sub("", stripped[offsets[len(marker)] :]).strip(" -–—|")
            if name and 1 <= words(name) <= 6:
                return name
    return None


def is_contributors(line: str) -> bool:
    return len(line) <= 60 and core(line) in widgets().contributors


def strip_glued(line: str) -> str:
    """Cut a widget label glued to a paragraph by a lost line break.

    "... بنادقMeprolight M21. المساهمون" -> "... بنادقMeprolight M21."; a leading
    "+ الخط - قال ..." loses its font control. A label is cut only where it
    follows a sentence end or is fenced off by symbols, so verbs like "شارك"
    inside a sentence are never touched.
    """
    vocab = widgets()
    line = _cut_related_tail(line)
    tokens = line.rstrip().split(" ")
    for k in (3, 2, 1):
        if len(tokens) <= k:
            continue
        head, tail = " ".join(tokens[:-k]), " ".join(tokens[-k:])
        glued = re.match(r"^(.*[.!?؟…\"»”])(\S+)$", tokens[-k]) if k == 1 else None
        if glued and core(glued.group(2)) in vocab.phrases | vocab.contributors:
            return " ".join([*tokens[:-1], glued.group(1)]).rstrip()
        if (
            ends_sentence(head)
            and core(tail)
            and (core(tail) in vocab.phrases or core(tail) in vocab.contributors)
        ):
            return head.rstrip()
    m = _LEADING_WIDGET.match(line)
    if m and core(m.group("w")) in vocab.phrases:
        return line[m.end() :]
    return line


def _cut_related_tail(line: str) -> str:
    """Cut a link box glued after the last sentences of a paragraph.

    "... ثلاثة ملايين دولار. رابط الخبر بصحيفة الوئام: <العنوان>" loses
    everything from "رابط الخبر": the marker must follow a sentence end and
    start a short tail (the linked title), so prose is never cut mid-sentence.
    """
    for m in list(_SENTENCE_GAP.finditer(line))[-4:]:
        rest = line[m.end() :]
        if words(rest) <= 30 and related_marker(rest):
            return line[: m.start()].rstrip()
    return line


@dataclass(slots=True)
class Body:
    paragraphs: list[str]
    byline: str | None = None
    captions: list[Caption] = field(default_factory=list)
    dropped: int = 0


def same_line(a: str, b: str) -> bool:
    if not a or not b or abs(len(a) - len(b)) > max(8, len(b) // 4):
        return False  # folding never changes a length by this much
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def clean_body(lines: list[str], *, title: str = "") -> Body:
    """Keep the paragraphs of an article body, dropping furniture by the module's rules.

    Used by every reader: scraped text after its header, and the paragraphs
    that HTML, RSS and JSONL sources give, since those leak widgets too.
    """
    body = Body(paragraphs=[])
    kept: list[str] = []
    link_titles = 0
    contributor_next = False
    for raw in lines:
        line = strip_glued(raw.strip())
        if not line or same_line(line, title):
            body.dropped += bool(line)
            continue
        if (
            contributor_next
            and words(line) <= 6
            and line.rstrip()[-1] not in _TERMINAL
            and not is_widget(line)
        ):
            body.byline = body.byline or line
            contributor_next = False
            body.dropped += 1
            continue
        contributor_next = is_contributors(line)
        if len(line) <= 40 and core(line) in widgets().tail_markers and any(is_prose(k) for k in kept):
            # The comments or most-read box: what follows is not the article.
            body.dropped += 1
            break
        marker = related_marker(line)
        if marker:
            link_titles = 3 if marker == "alone" else 0
            body.dropped += 1
            continue
        # The titles an "اقرأ أيضاً" box links to: headlines, so no sentence-final stop;
        # after the first, only short comma-less ones, lest a paragraph be taken for a link.
        first_link = link_titles == 3
        limit = 20 if first_link else 12
        if (
            link_titles
            and not ends_sentence(line)
            and words(line) <= limit
            and (first_link or "،" not in line)
        ):
            link_titles -= 1
            body.dropped += 1
            continue
        link_titles = 0
        if is_widget(line) and not ends_sentence(line):
            body.dropped += 1
            continue
        photo = photo_line(line)
        if photo is not None:
            merged = merge(body.captions[-1], photo) if body.captions else photo
            if body.captions and merged is not body.captions[-1]:
                body.captions[-1] = merged  # the other half of the caption just before
            else:
                body.captions.append(photo)
            body.dropped += 1
            continue
        # Between paragraphs only a sure credit makes a caption, and a caption is one phrase.
        caption = split_caption(line, least="known")
        if caption is not None and not ends_sentence(caption.text) and ". " not in caption.text:
            body.captions.append(caption)
            body.dropped += 1
            continue
        kept.append(line)
    prose = [i for i, line in enumerate(kept) if is_prose(line)]
    if not prose:
        body.paragraphs = kept
        return body
    first, last = prose[0], prose[-1]
    for line in kept[:first]:
        body.byline = body.byline or byline_of(line)
    tail = kept[last + 1 :]
    for line in tail:
        body.byline = body.byline or byline_of(line)
    body.dropped += first + len(tail)
    body.paragraphs = kept[first : last + 1]
    return body
