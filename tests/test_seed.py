"""End to end on the seed article: every fact of ``../shared/seed/expected.json``.

Matching is loose on form, as the file says: strings are compared after Arabic
normalization, quotes by content containment. Each stage also has its own
seed test; this one checks that the stages agree when run together.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Analysis
from khabar.pipeline import analyze
from khabar.text.normalize import normalize


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Analysis:
    return analyze(seed_path)


def n(s: str) -> str:
    return normalize(s).strip()


def test_article(seed: Analysis, seed_expected: dict) -> None:
    exp = seed_expected["article"]
    a = seed.article
    assert a.title == exp["title"]
    assert a.published == exp["published"]
    assert a.caption == exp["caption"]
    assert a.photo_credit.photographer == exp["photo_credit"]["photographer"]
    assert a.photo_credit.agency == exp["photo_credit"]["agency"]
    assert len(a.paragraphs) == exp["body_paragraphs"]
    assert a.paragraphs[0].startswith(exp["first_paragraph_starts"])
    assert a.paragraphs[-1].endswith(exp["last_paragraph_ends"])
    body = "\n\n".join(a.paragraphs)
    for debris in exp["boilerplate_absent_from_body"]:
        assert debris not in body
    assert exp["title"] not in body
    assert a.text == a.title + "\n\n" + body


def _entity(seed: Analysis, canonical: str):  # type: ignore[no-untyped-def]
    for e in seed.entities or ():
        if n(e.canonical) == n(canonical):
            return e
    return None


def test_entities(seed: Analysis, seed_expected: dict) -> None:
    missing, wrong = [], []
    for exp in seed_expected["entities"]:
        e = _entity(seed, exp["canonical"])
        if e is None:
            missing.append(exp["canonical"])
            continue
        if e.type != exp["type"]:
            wrong.append(f"{exp['canonical']}: type {e.type} != {exp['type']}")
        forms = {n(m.text) for m in e.mentions}
        for mention in exp["mentions"]:
            # The caption's photographer and agency are not in article.text: such entities
            # have no mentions (khabar.entities.canonical documents why).
            if mention not in seed.article.text:
                continue
            if n(mention) not in forms:
                wrong.append(f"{exp['canonical']}: mention {mention!r} not grouped (has {sorted(forms)})")
        if exp.get("role") and exp["role"] != "photographer" and (e.role is None or n(exp["role"]) not in n(e.role)):
            wrong.append(f"{exp['canonical']}: role {e.role!r} != {exp['role']!r}")
        if exp.get("nationality") and (e.country is None or n(e.country.name) != n(exp["nationality"])):
            wrong.append(f"{exp['canonical']}: country {e.country} != {exp['nationality']}")
    assert not missing and not wrong, {"missing": missing, "wrong": wrong}


def test_mentions_exclude_clitics(seed: Analysis) -> None:
    text = seed.article.text
    for e in seed.entities or ():
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    az = _entity(seed, "أذربيجان")
    assert az is not None
    assert all(m.text == "أذربيجان" for m in az.mentions if m.kind == "name")
    assert sum(1 for m in az.mentions if m.kind == "name") >= 15


def _speaker_name(seed: Analysis, q) -> str | None:  # type: ignore[no-untyped-def]
    if q is None:
        return None
    by_id = {e.id: e for e in seed.entities or ()}
    if q.entity and q.entity in by_id:
        return by_id[q.entity].canonical
    return q.text


def test_quotes(seed: Analysis, seed_expected: dict) -> None:
    problems = []
    for exp in seed_expected["quotes"]:
        needle = n(exp.get("content_exact") or exp["content_contains"])
        found = [q for q in seed.quotes or () if needle in n(q.content.text)]
        want = n(exp["speaker"])
        match = [q for q in found if (_speaker_name(seed, q.speaker) and n(_speaker_name(seed, q.speaker)) == want)]
        if not match:
            problems.append(f"{exp['content_contains' if 'content_contains' in exp else 'content_exact'][:40]}: "
                            f"speakers {[_speaker_name(seed, q.speaker) for q in found]}")
            continue
        q = match[0]
        if q.kind != exp["kind"]:
            problems.append(f"{needle[:30]}: kind {q.kind} != {exp['kind']}")
        if exp.get("cue") and (q.cue is None or n(exp["cue"]) not in n(q.cue.text)):
            problems.append(f"{needle[:30]}: cue {q.cue} != {exp['cue']}")
        if exp.get("speaker_type") == "media" and q.speaker and q.speaker.kind != "media":
            problems.append(f"{needle[:30]}: speaker kind {q.speaker.kind} != media")
        if exp.get("venue") and (q.venue is None or n(exp["venue"]) not in n(q.venue)):
            problems.append(f"{needle[:30]}: venue {q.venue!r}")
        if exp.get("nested_speaker"):
            nested = [
                r for r in seed.quotes or ()
                if r.reported_by is not None
                and _speaker_name(seed, r.speaker) and n(_speaker_name(seed, r.speaker)) == n(exp["nested_speaker"])
                and (r.content.start >= q.content.start and r.content.end <= q.content.end + 1)
            ]
            if not nested:
                problems.append(f"{needle[:30]}: no nested quote of {exp['nested_speaker']}")
    assert not problems, problems


def test_times(seed: Analysis, seed_expected: dict) -> None:
    got = [(t.text, t.value) for t in seed.times or ()]
    for exp in seed_expected["time_expressions"]:
        if exp.get("role") == "publication date":
            assert seed.article.published == exp["value"]
            continue
        # loose on form: the expression found may be wider ("بين عامي 2013-2017")
        assert any(exp["text"] in text and value == exp["value"] for text, value in got), (exp, got)


def test_quantities(seed: Analysis, seed_expected: dict) -> None:
    text = seed.article.text
    for exp in seed_expected["quantities"]:
        match = [q for q in seed.quantities or () if exp["text"] in q.text or q.text in exp["text"]]
        assert match, (exp, [q.text for q in seed.quantities or ()])
        q = match[0]
        assert abs(q.value - exp["value"]) < 1e-3 and q.unit == exp["unit"]
        if exp.get("context_contains"):
            window = text[max(0, q.start - 80) : q.end + 80]
            assert exp["context_contains"] in window


def test_text_hygiene(seed: Analysis, seed_path: Path) -> None:
    from khabar.text.tokenize import tokenize

    words = [t.text for t in tokenize(seed.article.text)]
    assert "بنادق" in words and "Meprolight" in words
    assert n("موجهاً") == n("موجها") and n("يستمرّ") == n("يستمر")
