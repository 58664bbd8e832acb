"""Readers for the NER corpora in ``../shared/data``, mapped to khabar's types.

Every corpus comes out as a list of :class:`Tagged` sentences: whitespace
tokens with their clitics attached ("وريفلين", "للأمم"), as khabar's
tokenizer produces them, and BIO tags over ``PERSON``/``ORG``/``LOC``/``MISC``.

Each corpus annotates by its own convention, and the evaluation follows
ANERcorp's, so the mappings below bend the others towards it:

- ANERcorp: ``PERS`` → ``PERSON``; the rest as is. Nationality adjectives
  ("الإسرائيلي", "الأمريكية") are ``O`` there, except inside a name
  ("الولايات المتحدة الأمريكية").
- AQMAR: ``PER`` → ``PERSON``. Its ``MIS0``–``MIS3`` classes are defined per
  article (particles in "Atom", clubs in "Real_Madrid"), so they are dropped
  (``O``) and AQMAR is scored on PERSON/ORG/LOC only. Typos (``I--ORG``,
  ``OO``) are repaired.
- NewsFANE/WikiFANE: 50 fine classes, clitic-segmented ("و الصادرات",
  "عاصمة ها") and without hamzas. Segments are glued back onto their host word
  (:func:`desegment`), and fine classes are collapsed by :data:`FANE_COARSE`,
  which was chosen by aligning NewsFANE with ANERcorp (NewsFANE re-annotates
  the ANERcorp text) and keeping, for each fine class, the ANERcorp tag of the
  majority of its mentions: ``Group`` ("العرب", "الإسرائيليين") is ``O`` as in
  ANERcorp; governments, schools, buildings, roads, works and vehicles are
  mostly ``O`` in ANERcorp too.

Because NewsFANE contains the ANERcorp *test* text, :func:`drop_overlap`
removes every FANE sentence that shares a 25-character stretch with a
held-out set before training.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Tagged:
    """One sentence: tokens and their BIO tags, same length."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def shared_data_dir() -> Path:
    """``../shared/data`` beside the repository, or ``$KHABAR_SHARED/data``."""
    env = os.environ.get("KHABAR_SHARED")
    base = Path(env) if env else Path(__file__).resolve().parents[3] / ".." / "shared"
    return base / "data"


def read_conll(path: Path, *, sep: str | None = "\t") -> list[tuple[list[str], list[str]]]:
    """Read ``token<sep>tag`` lines with blank lines between sentences.

    The tag is the last field; the token is the rest (one ANERcorp token keeps
    an inner space). ``sep=None`` splits on the last run of whitespace.
    """
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            if sep is None:
                parts = line.rsplit(maxsplit=1)
                tok, tag = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
            else:
                tok, _, tag = line.rpartition(sep)
            tok = tok.strip()
            if tok:
                toks.append(tok)
                tags.append(tag.strip())
    if toks:
        sents.append((toks, tags))
    return sents


def repair_bio(tags: Iterable[str]) -> tuple[str, ...]:
    """Make BIO well-formed: an ``I-X`` not continuing an ``X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return tuple(out)


def _retype(tags: Iterable[str], mapping: dict[str, str | None]) -> list[str]:
    out = []
    for tag in tags:
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            out.append("O")
            continue
        typ = mapping.get(tag[2:])
        out.append(f"{tag[0]}-{typ}" if typ else "O")
    return out


ANERCORP_TYPES: dict[str, str | None] = {"PERS": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def anercorp(split: str, data: Path | None = None) -> list[Tagged]:
    """ANERcorp ``train`` or ``test`` (the CAMeL Lab split), in khabar types."""
    path = (data or shared_data_dir()) / "anercorp" / f"{split}.conll"
    return [Tagged(tuple(toks), repair_bio(_retype(tags, ANERCORP_TYPES))) for toks, tags in read_conll(path)]


def train_dev(sents: list[Tagged], dev_fraction: float = 0.1) -> tuple[list[Tagged], list[Tagged]]:
    """Split ANERcorp train into train and dev: the last ``dev_fraction`` of sentences is dev."""
    cut = len(sents) - round(len(sents) * dev_fraction)
    return sents[:cut], sents[cut:]


def _aqmar_type(raw: str) -> str | None:
    raw = raw.strip("-`")
    if raw == "PER":
        return "PERSON"
    if raw in ("LOC", "ORG"):
        return raw
    return None  # MIS0-3 and their typos, ENGLISH, SPANISH


def aqmar(split: str, data: Path | None = None) -> list[Tagged]:
    """AQMAR ``dev`` or ``test`` with PER→PERSON and the MIS classes dropped."""
    path = (data or shared_data_dir()) / "aqmar" / f"{split}.conll"
    out = []
    for toks, tags in read_conll(path):
        fixed = []
        for tag in tags:
            if tag[:2] in ("B-", "I-") and len(tag) > 2:
                typ = _aqmar_type(tag[2:])
                fixed.append(f"{tag[0]}-{typ}" if typ else "O")
            else:
                fixed.append("O")  # O, OO, IO
        out.append(Tagged(tuple(toks), repair_bio(fixed)))
    return out


_PER = "Politician Athlete Artist Scientist Businessperson Engineer Lawyer Police Religious_PER Other_PER"
_LOC = (
    "Nation Population-Center State-or-Province County-or-District Continent GPE-Cluster "
    "Water-Body Land-Region-Natural Celestial"
)
_ORG = "Non-Governmental Sports Media Commercial"
FANE_COARSE: dict[str, str | None] = {
    **{c: "PERSON" for c in _PER.split()},
    **{c: "LOC" for c in _LOC.split()},
    **{c: "ORG" for c in _ORG.split()},
}
"""Fine FANE class → khabar type; classes absent here (Group, Government,
Educational, buildings, works, vehicles, weapons) become ``O``, the ANERcorp
majority for them."""

_PROCLITICS = frozenset("وفبلك")
_ENCLITICS = frozenset(["ه", "ها", "هم", "هما", "هن", "ي", "نا", "ني", "كم", "كن", "ك"])
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+$")


def desegment(tokens: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Glue FANE's clitic segments back onto their words, as Arabic is written.

    "و الصادرات" → "والصادرات", "ل الاتحاد" → "للاتحاد"; "عاصمة ها" →
    "عاصمتها" is not attempted (the
    tā' marbūṭa of the host stays), which is harmless for features built on
    normalized forms. A proclitic's tag yields to its host's, except inside a
    name ("A و B"), so "و حزب الله" becomes one ``B-ORG`` word as in ANERcorp.
    """
    out_t: list[str] = []
    out_g: list[str] = []
    pending: list[tuple[str, str]] = []
    for tok, tag in zip(tokens, tags, strict=True):
        if tok in _PROCLITICS:
            pending.append((tok, tag))
            continue
        if pending:
            prefix = "".join(t for t, _ in pending)
            if prefix.endswith("ل") and tok.startswith("ال"):
                tok = tok[1:]  # ل + الاتحاد is written للاتحاد
            first_tag = pending[0][1]
            if tag.startswith("I-") and not first_tag.startswith(("B-", "I-")):
                tag = "B-" + tag[2:]
            elif first_tag.startswith(("B-", "I-")) and tag == "O":
                tag = "O"
            out_t.append(prefix + tok)
            out_g.append(tag)
            pending = []
            continue
        if tok in _ENCLITICS and out_t and _ARABIC_WORD.match(out_t[-1]):
            out_t[-1] += tok
            continue
        out_t.append(tok)
        out_g.append(tag)
    for tok, tag in pending:
        out_t.append(tok)
        out_g.append(tag)
    return out_t, out_g


def fane(name: str, data: Path | None = None) -> list[Tagged]:
    """NewsFANE (``newsfane``) or WikiFANE (``wikifane``), desegmented and collapsed."""
    path = (data or shared_data_dir()) / "fane_gold" / f"{name}_gold.conll"
    out = []
    for toks, tags in read_conll(path):
        toks, tags = desegment(toks, tags)
        out.append(Tagged(tuple(toks), repair_bio(_retype(tags, FANE_COARSE))))
    return out


def _skeleton(tokens: Iterable[str]) -> str:
    """Letters only, hamza and alef variants folded, for matching text across corpora."""
    text = "".join(tokens)
    text = re.sub("[إأآٱا]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"[^\u0621-\u064a0-9A-Za-z]", "", text)


def drop_overlap(sents: list[Tagged], held_out: Iterable[Tagged], width: int = 25) -> list[Tagged]:
    """Drop every sentence sharing a ``width``-letter stretch with ``held_out``.

    Over-dropping a common phrase costs a few training sentences; keeping a
    test sentence would inflate every figure, so the check is generous.
    """
    grams: set[str] = set()
    short: set[str] = set()
    for s in held_out:
        sk = _skeleton(s.tokens)
        if len(sk) < width:
            short.add(sk)
        grams.update(sk[i : i + width] for i in range(len(sk) - width + 1))
    kept = []
    for s in sents:
        sk = _skeleton(s.tokens)
        if len(sk) < width:
            if sk not in short:
                kept.append(s)
        elif not any(sk[i : i + width] in grams for i in range(0, len(sk) - width + 1, 5)):
            kept.append(s)
    log.info("drop_overlap: kept %d of %d sentences", len(kept), len(sents))
    return kept


def spans(tags: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """BIO tags → ``(start, end, type)`` token spans, end exclusive.

    seqeval's default (non-strict) reading: an ``I-X`` after ``O`` or after
    another type opens a new chunk.
    """
    start = -1
    typ = ""
    i = -1
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != typ):
            if start >= 0:
                yield start, i, typ
            start, typ = i, tag[2:]
        elif tag == "O" or not tag.startswith("I-"):
            if start >= 0:
                yield start, i, typ
            start, typ = -1, ""
    if start >= 0:
        yield start, i + 1, typ


@dataclass(slots=True, frozen=True)
class Score:
    """Entity-level exact-match counts for one type (or ``ALL``)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]], types: Iterable[str] | None = None
) -> dict[str, Score]:
    """Chunk-level exact P/R/F1 per type and micro-averaged ``ALL``, as seqeval computes them.

    A predicted entity counts only if its start, end and type all match a
    gold one. ``types`` restricts both sides (AQMAR is scored without MISC).
    """
    keep = set(types) if types is not None else None
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {s for s in spans(g_tags) if keep is None or s[2] in keep}
        p = {s for s in spans(p_tags) if keep is None or s[2] in keep}
        for s in g & p:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    out = {t: Score(tp[t], fp[t], fn[t]) for t in sorted(set(tp) | set(fp) | set(fn))}
    out["ALL"] = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out
