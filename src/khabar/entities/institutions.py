"""Institutions named by a designator noun: "وزارة الصحة", "المديرية العامة للجوازات".

The tagger learned its organizations from ANERcorp, whose news is not the
Saudi and Gulf press khabar reads; it leaves most ministries, authorities,
universities and municipalities untagged ("وكدت وزارة الصحة أن …": no
mention) or cuts them at a word that also names a person ("جامعة الملك" +
"سعود"). Their names follow one shape, which this module reads:

- a designator noun without the article (:file:`data/entities/institutions.tsv`)
  and then definite words, adjectives, "و"-joined definite words and names:
  "وزارة الشؤون الإسلامية والدعوة والإرشاد", "جامعة الملك سعود", "بلدية الطائف";
- or the designator with the article, adjectives, and a genitive with ل:
  "المديرية العامة للجوازات", "الهيئة السعودية للتخصصات الصحية".

The name stops at a preposition, a verb, punctuation or an indefinite word.
Mentions the tagger found inside such a name are replaced by it; a mention that
crosses its edge leaves the tagger's reading in place.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

from khabar.entities import places
from khabar.entities.titles import function_words
from khabar.model import Mention, Token
from khabar.text.clitics import segment
from khabar.text.normalize import normalize

MAX_WORDS = 7
_STOP = frozenset({"في", "من", "علي", "عن", "الي", "مع", "بين", "الذي", "التي", "الذين", "ان", "او"})


@cache
def _designators() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word designators, two-word designators) in matching form."""
    one: set[str] = set()
    two: set[str] = set()
    for row in places.data_rows("institutions.tsv"):
        words = normalize(row["designator"]).split()
        (one if len(words) == 1 else two).add(" ".join(words))
    return frozenset(one), frozenset(two)


def _bare(word: str) -> tuple[str, bool]:
    """(the word without clitics and article, whether it had the article)."""
    seg = segment(word)
    stem = normalize(seg.stem)
    return stem, "ال" in seg.proclitics


def find(tokens: Sequence[Token]) -> list[Mention]:
    """ORG mentions of institutions named in ``tokens`` (see the module docstring)."""
    one, two = _designators()
    out: list[Mention] = []
    k = 0
    n = len(tokens)
    while k < n:
        tok = tokens[k]
        if tok.kind != "arabic":
            k += 1
            continue
        stem, definite = _bare(tok.text)
        width = 1
        if k + 1 < n and f"{stem} {_bare(tokens[k + 1].text)[0]}" in two and not definite:
            width = 2
        elif stem not in one:
            k += 1
            continue
        end = _name_end(tokens, k + width, definite)
        if end is not None:
            first = tok.start + _clitic_length(tok.text)
            out.append(Mention(first, tokens[end - 1].end, "", "ORG", "name", 1.0))
            k = end
        else:
            k += 1
    return out


def _clitic_length(word: str) -> int:
    """Letters of و/ف/ب/ل before the designator; the article stays in the name."""
    seg = segment(word)
    return sum(len(p) for p in seg.proclitics if p != "ال")


def _name_end(tokens: Sequence[Token], j: int, definite: bool) -> int | None:
    """The token after the name that starts with a designator before ``j``, or None."""
    n = len(tokens)
    k = j
    genitive = False
    while k < n and k - j < MAX_WORDS:
        tok = tokens[k]
        if tok.kind != "arabic":
            break
        word = normalize(tok.text)
        if word in _STOP or "preposition" in function_words().get(tok.text, frozenset()):
            break
        seg = segment(tok.text)
        procs = seg.proclitics
        if "ال" not in procs:
            break  # an indefinite word (or a name: "جامعة الملك سعود" is joined by the tagger's mention)
        if procs and procs[0] == "و" and k == j:
            break
        if procs and procs[0] in ("ب", "ف"):
            break
        if procs and procs[0] == "ل":
            genitive = True
        k += 1
    if k == j:
        return None
    if definite and not genitive:
        return None  # "الوزارة الجديدة": a reference, not a name
    return k


def merge(found: Sequence[Mention], names: Sequence[Mention], text: str) -> list[Mention]:
    """``names`` with the institutions of ``found`` added: a name mention inside one is
    replaced by it, a person's name right after one is absorbed when the tagger cut
    the institution there ("جامعة الملك" + "سعود"); a mention crossing an
    institution's edge otherwise keeps the tagger's reading."""
    names = sorted(names, key=lambda m: m.start)
    starts = [m.start for m in names]
    drop: set[int] = set()
    add: list[Mention] = []
    for inst in found:
        lo = bisect.bisect_left(starts, inst.start - 1)
        inside: list[int] = []
        crossing = False
        end = inst.end
        for idx in range(max(0, lo - 1), len(names)):
            m = names[idx]
            if m.start >= end:
                if m.start <= end + 1 and idx - 1 in inside and m.type == "PERSON" and m.kind == "name":
                    inside.append(idx)  # "جامعة الملك" + "سعود": the name the tagger cut off
                    end = m.end
                    continue
                break
            if m.end <= inst.start:
                continue
            if inst.start <= m.start and m.end <= end:
                inside.append(idx)
            else:
                crossing = True
        if crossing:
            continue
        drop.update(inside)
        add.append(Mention(inst.start, end, text[inst.start : end], "ORG", "name", inst.score))
    kept = [m for i, m in enumerate(names) if i not in drop]
    return sorted(kept + add, key=lambda m: (m.start, -m.end))
