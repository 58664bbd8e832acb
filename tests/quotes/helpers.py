"""Build analysed articles for the quote tests from sentences written for them."""

from __future__ import annotations

import dataclasses
import re

from khabar.model import Analysis, Article, Entity, Mention, Quote
from khabar.options import Options
from khabar.quotes.annotate import annotate
from khabar.text import layer


def article(title: str, *body: str) -> Analysis:
    """The text layer of an article with this title and these paragraphs."""
    text = title + "\n\n" + "\n\n".join(body)
    art = Article(id="t", title=title, paragraphs=tuple(body), text=text)
    return layer.annotate(Analysis(article=art), Options())


def entity(text: str, eid: str, etype: str, canonical: str, *surfaces: str, role: str | None = None) -> Entity:
    """An entity with a mention at every whole-word occurrence of each surface.

    A surface written as "title:المستشار الأذري" makes a title mention.
    """
    mentions = []
    for surface in surfaces:
        kind, _, words = surface.rpartition(":")
        for m in re.finditer(re.escape(words), text):
            after = text[m.end() : m.end() + 1]
            if after and re.match(r"[\u0621-\u064a]", after):
                continue
            mentions.append(Mention(m.start(), m.end(), words, etype, kind or "name"))
    mentions.sort(key=lambda m: m.start)
    return Entity(eid, etype, canonical, tuple(mentions), role=role)


def quotes(analysis: Analysis, *entities: Entity) -> tuple[Quote, ...]:
    if entities:
        analysis = dataclasses.replace(
            analysis, entities=entities, mentions=tuple(m for e in entities for m in e.mentions)
        )
    result = annotate(analysis, Options()).quotes
    assert result is not None
    return result


def run(title: str, *body: str) -> tuple[Quote, ...]:
    return quotes(article(title, *body))


def brief(q: Quote) -> tuple[str, str | None, str | None, str]:
    """(kind, cue, speaker text, content) for compact assertions."""
    return (q.kind, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None, q.content.text)
