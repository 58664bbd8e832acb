"""Render article text with its spans highlighted, in the spirit of displaCy.

Spans may nest (a name inside a quote) or even cross (a date that straddles a
quote's end), so the text is cut at every span boundary and each segment is
wrapped once, with the classes of every span that covers it. Text is escaped
here, in one place: article text is untrusted input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from khabar.model import Analysis


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str  # class names, e.g. "ent ent-PERSON"
    label: str  # tooltip
    link: str | None = None  # entity id to link / group by


def marks_of(analysis: Analysis) -> list[Mark]:
    out: list[Mark] = []
    for e in analysis.entities or ():
        for m in e.mentions:
            out.append(Mark(m.start, m.end, f"ent ent-{e.type}", f"{e.type}: {e.canonical}", e.id))
    for q in analysis.quotes or ():
        who = q.speaker.text if q.speaker else "?"
        out.append(Mark(q.content.start, q.content.end, f"quote quote-{q.kind}", f"{q.kind} — {who}"))
        if q.cue:
            out.append(Mark(q.cue.start, q.cue.end, "cue", f"cue: {q.cue.text}"))
    for t in analysis.times or ():
        out.append(Mark(t.start, t.end, "time", f"{t.type}: {t.value or '?'}"))
    for n in analysis.quantities or ():
        about = "≈" if n.approx else ""  # an estimate: "نحو 450 مليون", "عشرات"
        out.append(Mark(n.start, n.end, "qty", f"{n.unit or 'number'}: {about}{n.value:g}"))
    return out


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """HTML for ``text[start:end]`` with every mark that overlaps it."""
    end = len(text) if end is None else end
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    parts: list[str] = []
    for a, b in pairwise(cuts):
        seg = escape(text[a:b])
        active = [m for m in inside if m.start <= a and m.end >= b]
        if not active:
            parts.append(str(seg))
            continue
        classes = " ".join(dict.fromkeys(c for m in active for c in m.css.split()))
        title = " | ".join(dict.fromkeys(m.label for m in active))
        link = next((m.link for m in active if m.link), None)
        attrs = f' class="{escape(classes)}" title="{escape(title)}"'
        if link:
            attrs += f' data-entity="{escape(link)}"'
        parts.append(f"<span{attrs}>{seg}</span>")
    return Markup("".join(parts))


def paragraphs_html(analysis: Analysis) -> list[Markup]:
    """The title and each paragraph as highlighted HTML, using offsets into ``article.text``."""
    text = analysis.article.text
    marks = marks_of(analysis)
    out: list[Markup] = []
    pos = 0
    for block in text.split("\n\n"):
        out.append(highlight(text, marks, pos, pos + len(block)))
        pos += len(block) + 2
    return out
