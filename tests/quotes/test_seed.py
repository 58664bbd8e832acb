"""All ten quotes of the seed article (``../shared/seed/expected.json``) with their speakers.

Two runs: the whole pipeline from the reader (what a user gets), and the same
article with the names a tagger should find handed to the real entity stage,
so that a tagging slip upstream and a quote-stage error fail separately.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from khabar.entities import canonical
from khabar.ingest.reader import read
from khabar.model import Analysis, Article, Mention, Quote, Speaker
from khabar.options import Options
from khabar.pipeline import process
from khabar.quotes.annotate import annotate
from khabar.text import layer
from khabar.text.normalize import normalize


def n(text: str) -> str:
    return " ".join(normalize(text).split())


def _article(seed_path: Path) -> Article:
    article = next(iter(read(seed_path, Options())))
    assert isinstance(article, Article)
    return article


def _name_mentions(expected: dict[str, Any], text: str) -> list[Mention]:
    """Every occurrence of the expected entities' names (not titles) as name mentions."""
    spec = []
    for e in expected["entities"]:
        words = set(e["canonical"].split())
        spec += [(m, e["type"]) for m in e["mentions"] if e["type"] != "PERSON" or set(m.split()) <= words]
    out: list[Mention] = []
    for surface, etype in sorted(spec, key=lambda p: -len(p[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(m.start < end and start < m.end for m in out):
                out.append(Mention(start, end, surface, etype))
            start = text.find(surface, end)
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="module")
def pipeline_run(seed_path: Path) -> Analysis:
    return process(_article(seed_path), Options())


@pytest.fixture(scope="module")
def named_run(seed_path: Path, seed_expected: dict[str, Any]) -> Analysis:
    article = _article(seed_path)
    base = layer.annotate(Analysis(article=article), Options())
    base = Analysis(
        article=article,
        tokens=base.tokens,
        sentences=base.sentences,
        mentions=tuple(_name_mentions(seed_expected, article.text)),
    )
    return annotate(canonical.annotate(base, Options()), Options())


def _who(analysis: Analysis, speaker: Speaker | None) -> str | None:
    if speaker is None:
        return None
    for e in analysis.entities or ():
        if e.id == speaker.entity:
            return e.canonical
    return speaker.text


def problems(analysis: Analysis, expected: dict[str, Any]) -> list[str]:
    found: list[str] = []
    quotes = analysis.quotes or ()
    for exp in expected["quotes"]:
        needle = n(exp.get("content_exact") or exp["content_contains"])
        label = needle[:30]
        same = [q for q in quotes if needle in n(q.content.text) and n(_who(analysis, q.speaker) or "") == n(exp["speaker"])]
        if not same:
            got = [(_who(analysis, q.speaker), q.content.text[:30]) for q in quotes if needle in n(q.content.text)]
            found.append(f"{label}: no quote by {exp['speaker']} (found {got})")
            continue
        q: Quote = same[0]
        if "content_exact" in exp and n(q.content.text) != needle:
            found.append(f"{label}: content {q.content.text!r}")
        if q.kind != exp["kind"]:
            found.append(f"{label}: kind {q.kind}")
        if exp.get("cue") and (q.cue is None or n(exp["cue"]) not in n(q.cue.text)):
            found.append(f"{label}: cue {q.cue}")
        if exp.get("speaker_mention") and (q.speaker is None or n(q.speaker.text) != n(exp["speaker_mention"])):
            found.append(f"{label}: speaker mention {q.speaker}")
        if exp.get("speaker_type") == "media" and (q.speaker is None or q.speaker.kind != "media"):
            found.append(f"{label}: speaker kind {q.speaker.kind if q.speaker else None}")
        if exp.get("venue") and (q.venue is None or n(exp["venue"]) not in n(q.venue)):
            found.append(f"{label}: venue {q.venue!r}")
        if exp.get("nested_speaker"):
            nested = [
                r
                for r in quotes
                if r.reported_by is not None
                and n(_who(analysis, r.reported_by) or "") == n(exp["speaker"])
                and n(_who(analysis, r.speaker) or "") == n(exp["nested_speaker"])
                and q.content.start <= r.content.start
                and r.content.end <= q.content.end
            ]
            if not nested:
                found.append(f"{label}: no quote of {exp['nested_speaker']} reported by {exp['speaker']}")
    return found


def test_seed_quotes_given_the_names(named_run: Analysis, seed_expected: dict[str, Any]) -> None:
    assert problems(named_run, seed_expected) == []


def test_seed_quotes_through_the_pipeline(pipeline_run: Analysis, seed_expected: dict[str, Any]) -> None:
    assert problems(pipeline_run, seed_expected) == []


def test_seed_headline_and_nesting_exactly(named_run: Analysis) -> None:
    quotes = named_run.quotes or ()
    head = quotes[0]
    assert (head.kind, head.speaker and head.speaker.text, head.content.start) == ("headline", "مسؤول أذري", 12)
    reported = [(_who(named_run, q.speaker), _who(named_run, q.reported_by)) for q in quotes if q.reported_by]
    assert reported == [
        ("إسرائيل", "أرمان سمبتيان"),  # "أعلن … أن إسرائيل تعهدت بوقف …": a pledge, reported
        ("أرمان سركيسيان", "الصحف الإسرائيلية"),
        ("أرمان سركيسيان", "يديعوت أحرونوت"),
        ("أرمان سركيسيان", "يديعوت أحرونوت"),
        ("رؤوفين ريفلين", "الصحف الإسرائيلية"),
        ("رؤوفين ريفلين", "الصحف الإسرائيلية"),
    ]
