"""The shipped name tagger: a CRF over :mod:`khabar.entities.features`, loaded once.

The model directory (``src/khabar/data/ner/``, written by
``python -m khabar.entities.train``) holds ``crf.model`` (python-crfsuite),
``lexicon.tsv.gz`` (word → cluster ids and gazetteer flags, baked in at
training time) and ``meta.json`` (which features the model was trained with).
Nothing is read until :func:`load_tagger` is first called.
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities.conll import spans
from khabar.entities.features import FeatureExtractor, Lexicon, normalize, stem
from khabar.errors import ExtractionError

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"


class Tagger:
    """BIO tags over PERSON/ORG/LOC/MISC for tokenized sentences.

    One crfsuite tagger keeps the last sequence for :meth:`tag_with_scores`,
    so calls are serialized with a lock (the API serves from threads).
    """

    def __init__(self, crf: Any, extractor: FeatureExtractor, meta: dict[str, Any]) -> None:
        self._crf = crf
        self._lock = threading.Lock()
        self.extractor = extractor
        self.meta = meta

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag each sentence: ``[["قال", "الرئيس", "ريفلين"]]`` → ``[["O", "O", "B-PERSON"]]``."""
        out: list[list[str]] = []
        for tokens in sentences:
            feats = self.extractor.sentence(tokens) if tokens else []
            if not feats:
                out.append([])
                continue
            with self._lock:
                out.append(list(self._crf.tag(feats)))
        return out

    def tag_with_scores(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags of one sentence and the marginal probability of each token's tag."""
        if not tokens:
            return [], []
        feats = self.extractor.sentence(tokens)
        with self._lock:
            tags = list(self._crf.tag(feats))
            return tags, [self._crf.marginal(tag, i) for i, tag in enumerate(tags)]

    def tag_document(
        self, sentences: Sequence[Sequence[str]], *, threshold: float = 0.7
    ) -> tuple[list[list[str]], list[list[float]]]:
        """Tag the sentences of one article, then spread confident names to missed repeats.

        A news article names someone in full once ("الرئيس الإسرائيلي رؤوفين
        ريفلين") and by surname after ("وأكد ريفلين"), where a sentence-level
        tagger has less context. Every name tagged with all its token
        marginals ≥ ``threshold`` is remembered by its clitic-free stems; an
        untagged repeat of the whole name, or of one word (4+ letters) of a
        PERSON name, is tagged the same. Measured on ANERcorp dev in blocks of
        10 sentences: F1 0.719 → 0.729 (precision 0.79, recall +0.03).
        """
        tags: list[list[str]] = []
        probs: list[list[float]] = []
        for tokens in sentences:
            t, p = self.tag_with_scores(tokens)
            tags.append(t)
            probs.append(p)
        memory: dict[tuple[str, ...], tuple[str, float]] = {}
        keys = [[_key(w) for w in tokens] for tokens in sentences]
        for k, t, p in zip(keys, tags, probs, strict=True):
            for i, j, typ in spans(t):
                if min(p[i:j]) < threshold:
                    continue
                score = sum(p[i:j]) / (j - i)
                if j - i > 1 or k[i]:
                    memory.setdefault(tuple(k[i:j]), (typ, score))
                if typ == "PERSON":
                    for w in k[i:j]:
                        if len(w) >= 4:
                            memory.setdefault((w,), (typ, score))
        if not memory:
            return tags, probs
        longest = max(len(m) for m in memory)
        for k, t, p in zip(keys, tags, probs, strict=True):
            for size in range(min(longest, 3), 0, -1):
                for i in range(len(k) - size + 1):
                    hit = memory.get(tuple(k[i : i + size]))
                    if hit is None or any(x != "O" for x in t[i : i + size]):
                        continue
                    typ, score = hit
                    t[i : i + size] = [f"B-{typ}"] + [f"I-{typ}"] * (size - 1)
                    p[i : i + size] = [score] * size
        return tags, probs


def _key(word: str) -> str:
    """Clitic-free stem a name is remembered by; empty for a definite nisba adjective.

    "الأرميني", "الإسرائيلية" are nationality adjectives far more often than
    names (ANERcorp tags them O), and one mistagged occurrence must not spread
    to every other: they are never remembered on their own.
    """
    pre, rest = stem(normalize(word))
    if pre.endswith(("ال", "لل")) and rest.endswith(("ي", "يه", "يين", "يون")):
        return ""
    return rest


def read_lexicon(path: Path) -> Lexicon:
    """Read ``word<TAB>cluster ids (comma)<TAB>gazetteer flags (comma)`` lines."""
    lex = Lexicon()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, clusters, flags = line.rstrip("\n").split("\t")
            if clusters:
                lex.clusters[word] = tuple(clusters.split(","))
            if flags:
                lex.gazetteer[word] = tuple(flags.split(","))
    return lex


def write_lexicon(lex: Lexicon, path: Path) -> None:
    """Write the lexicon sorted and with a fixed gzip timestamp, so rebuilds diff cleanly."""
    words = sorted(set(lex.clusters) | set(lex.gazetteer))
    text = "".join(
        f"{w}\t{','.join(lex.clusters.get(w, ()))}\t{','.join(lex.gazetteer.get(w, ()))}\n" for w in words
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(text.encode("utf-8"))


def open_tagger(model_dir: Path) -> Tagger:
    """Load a tagger from a model directory (uncached; see :func:`load_tagger`)."""
    import pycrfsuite

    crf_path = model_dir / "crf.model"
    if not crf_path.is_file():
        raise ExtractionError(
            f"{crf_path}: NER model missing; build it with `python -m khabar.entities.train`"
        )
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    lexicon = read_lexicon(model_dir / "lexicon.tsv.gz")
    feats = meta.get("features", {})
    extractor = FeatureExtractor(
        lexicon,
        clusters=feats.get("clusters", True),
        gazetteer=feats.get("gazetteer", True),
        ngrams=feats.get("ngrams", False),
    )
    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(crf_path))
    except (OSError, ValueError) as err:
        raise ExtractionError(f"{crf_path}: cannot open NER model ({err}); rebuild it") from err
    log.info("loaded NER model %s (%d lexicon words)", model_dir, len(lexicon.clusters))
    return Tagger(crf, extractor, meta)


@functools.cache
def load_tagger() -> Tagger:
    """The shipped tagger, loaded on first call and shared afterwards."""
    return open_tagger(MODEL_DIR)
