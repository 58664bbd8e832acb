"""Token features for the CRF name tagger.

A name in Arabic news is told by its neighbours ("الرئيس … ريفلين", "في
باكو") more than by its own letters (no capitals), so each token gets
features of its own word and of two words either side. Words are seen
through three lenses:

- forms: the normalized word (no diacritics, one alef, final yā' and tā'
  marbūṭa folded), its stem with proclitics and the article taken off
  ("وللرئيس" → "رئيس"), and letter prefixes and suffixes ("ـية", "ـيين");
- the lexicon baked into the model at training time (:class:`Lexicon`):
  gazetteer membership (ANERGazet, CLDR country names) and word clusters
  learnt from unlabeled news, which let "ريفلين" borrow evidence from other
  surnames seen in the same contexts;
- shape: Arabic, Latin, digits, punctuation.

Measured and left off by default (:mod:`khabar.entities.train` has the
figures): trigger words from ``data/ner/triggers.tsv`` (``t=``), a memory of
the training names (``n=``), word2vec clusters (``k0=``…) and word2vec
components as weighted features (``v0``…; the token's features are then a
name → value dict).

Clitic stripping here is deliberately the model's own (not
:mod:`khabar.text.clitics`): the features a model was trained with must not
change under it when the text layer's rules improve.

Features are pure functions of the tokens and the lexicon, so tagging is
deterministic; :class:`FeatureExtractor` caches the features of each word
type, which is what makes tagging fast (most tokens in news are frequent words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z.'\-]*$")
_DIGITS = re.compile(r"^[0-9\u0660-\u0669][0-9\u0660-\u0669.,/:%\-]*$")

# Conjunction, then preposition, then article: و+ب+ال+… ("وبالقاهرة").
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


def normalize(word: str) -> str:
    """Fold the spellings that vary between outlets and corpora.

    "إسرائيل", "اسرائيل" and "إسرائيلْ" → "اسرائيل"; "مصطفى" → "مصطفي";
    "الرئاسة" → "الرئاسه". Hamza on wāw/yā' is kept ("مؤتمر"): it is rarely dropped.
    """
    return _DIACRITICS.sub("", word).translate(_ALEFS)


def stem(word: str) -> tuple[str, str]:
    """Split a normalized word into (proclitics, rest), article included in proclitics.

    "وللرئيس" → ("ولل", "رئيس"); "بالقاهره" → ("بال", "قاهره"); "وريفلين" →
    ("و", "ريفلين"). A clitic comes off only when at least three letters
    remain, so short words ("بلد", "ولد") keep theirs. The split is a guess
    ("وليد" → "ليد"); the CRF weighs it against the full word.
    """
    pre = ""
    rest = word
    if len(rest) > 3 and rest[0] in _CONJ:
        pre, rest = rest[0], rest[1:]
    if rest.startswith("لل") and len(rest) > 4:
        # لل = ل + ال with the alef dropped: "للرئيس" is ل + الرئيس
        return pre + "لل", rest[2:]
    if len(rest) > 3 and rest[0] in _PREP and rest[1:3] == "ال":
        pre, rest = pre + rest[0], rest[1:]
    if rest.startswith("ال") and len(rest) > 4:
        pre, rest = pre + "ال", rest[2:]
    elif pre and len(rest) > 3 and rest[0] in _PREP and pre in _CONJ:
        pre, rest = pre + rest[0], rest[1:]
    return pre, rest


def shape(word: str) -> str:
    """Coarse kind of a token: ``ar``, ``lat``, ``num``, ``punct`` or ``mix``."""
    if _ARABIC.match(word):
        return "ar"
    if _DIGITS.match(word):
        return "num"
    if _LATIN.match(word):
        return "lat"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return "mix"


@dataclass(slots=True)
class Lexicon:
    """What the model knows about words beyond the training sentences.

    ``clusters`` maps a normalized word to its cluster ids, coarse to fine
    (e.g. ``("12", "311", "1874")``); ``gazetteer`` maps a normalized word to
    the gazetteer flags it carries (``"LOC"``, ``"PER"``, ``"ORG"``,
    ``"CTRY"``; ``"LOC_p"`` for a word inside a multi-word entry).
    Both are built by :mod:`khabar.entities.train` and stored with the model.
    """

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    vectors: dict[str, tuple[float, ...]] = field(default_factory=dict)
    vclusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)


_BOS = ("BOS",)
_EOS = ("EOS",)


class FeatureExtractor:
    """Turns sentences of tokens into CRF feature lists, caching per word type.

    The cache lives on the instance (one per loaded model), is bounded, and
    only ever holds values that are pure functions of the word, so it cannot
    change results.
    """

    MAX_CACHE = 300_000

    def __init__(
        self,
        lexicon: Lexicon,
        *,
        clusters: bool = True,
        gazetteer: bool = True,
        ngrams: bool = False,
        vectors: bool = True,
        vector_window: int = 1,
        vclusters: bool = True,
    ) -> None:
        self.lexicon = lexicon
        self.ngrams = ngrams
        self.use_clusters = clusters and bool(lexicon.clusters)
        self.use_gazetteer = gazetteer and bool(lexicon.gazetteer)
        self.use_vectors = vectors and bool(lexicon.vectors)
        self.vector_window = vector_window
        self.use_vclusters = vclusters and bool(lexicon.vclusters)
        self._cache: dict[str, tuple[list[str], ...]] = {}
        self._dense: dict[str, tuple[dict[str, float], ...]] = {}

    def word_features(self, word: str) -> list[str]:
        """Features of a word on its own, unprefixed (position 0)."""
        return self._views(word)[0]

    def sentence(self, tokens: Sequence[str]) -> list[list[str]] | list[dict[str, float]]:
        """Feature lists for each token of one sentence, context window ±2.

        With word vectors, each token's features are a dict (name → value,
        1.0 for the symbolic ones), as python-crfsuite takes weighted features.
        """
        feats = self._symbolic(tokens)
        if not self.use_vectors:
            return feats
        dense = [self._dense_views(t) for t in tokens]
        n = len(tokens)
        out: list[dict[str, float]] = []
        for i, fs in enumerate(feats):
            d = dict.fromkeys(fs, 1.0)
            d.update(dense[i][0])
            if self.vector_window:
                if i >= 1:
                    d.update(dense[i - 1][1])
                if i + 1 < n:
                    d.update(dense[i + 1][2])
            out.append(d)
        return out

    def views(self, word: str) -> tuple[tuple[list[str], ...], tuple[dict[str, float], ...], str]:
        """A word's features by role, weighted ones apart, and the key its stem bigrams use.

        Roles: as the token itself, as the word before it (-1), after it (+1),
        two before (-2), two after (+2). :meth:`sentence` gives a token the
        union of its window's roles plus the sentence-edge and stem-bigram
        features, which is what lets :class:`khabar.entities.chain.CrfWeights`
        sum a word's weights once per role. The weighted (vector) features
        exist only for the own, -1 and +1 roles, and only with ``vectors``.
        """
        symbolic = self._views(word)
        dense: tuple[dict[str, float], ...] = ()
        if self.use_vectors:
            own, before, after = self._dense_views(word)
            dense = (own, before, after, {}, {}) if self.vector_window else (own, {}, {}, {}, {})
        return symbolic[:5], dense, symbolic[5][0]

    def _dense_views(self, word: str) -> tuple[dict[str, float], ...]:
        """(own, as -1, as +1) weighted vector features of a word; empty when it has no vector."""
        hit = self._dense.get(word)
        if hit is not None:
            return hit
        norm = normalize(word)
        rest = stem(norm)[1] if shape(norm) == "ar" else norm
        keys = (rest, rest[1:]) if rest[:1] in _PREP and len(rest) > 4 else (rest,)
        vec = next((found for k in keys if (found := self.lexicon.vectors.get(k))), None)
        if vec is None:
            views: tuple[dict[str, float], ...] = ({"v=none": 1.0}, {"-1:v=none": 1.0}, {"+1:v=none": 1.0})
        else:
            views = tuple({f"{p}v{k}": x for k, x in enumerate(vec)} for p in ("", "-1:", "+1:"))
        if len(self._dense) >= self.MAX_CACHE:
            self._dense.clear()
        self._dense[word] = views
        return views

    def _symbolic(self, tokens: Sequence[str]) -> list[list[str]]:
        views = [self._views(t) for t in tokens]
        n = len(views)
        out: list[list[str]] = []
        for i in range(n):
            feats = list(views[i][0])
            feats += views[i - 1][1] if i >= 1 else ["-1:BOS"]
            feats += views[i + 1][2] if i + 1 < n else ["+1:EOS"]
            if i >= 2:
                feats += views[i - 2][3]
            elif i == 1:
                feats.append("-2:BOS")
            if i + 2 < n:
                feats += views[i + 2][4]
            elif i + 2 == n:
                feats.append("+2:EOS")
            if i >= 1:
                feats.append("b-1:" + views[i - 1][5][0] + "|" + views[i][5][0])
            if i + 1 < n:
                feats.append("b+1:" + views[i][5][0] + "|" + views[i + 1][5][0])
            out.append(feats)
        return out

    def _views(self, word: str) -> tuple[list[str], ...]:
        """(own, as -1, as +1, as -2, as +2, [stem]) feature lists of a word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        views = self._compute(word)
        if len(self._cache) >= self.MAX_CACHE:
            self._cache.clear()
        self._cache[word] = views
        return views

    def _compute(self, word: str) -> tuple[list[str], ...]:
        norm = normalize(word)
        kind = shape(norm)
        pre, rest = stem(norm) if kind == "ar" else ("", norm)
        near = [f"w={norm}", f"sh={kind}"]
        if pre:
            near += [f"st={rest}", f"pre={pre}"]
        far = [f"st={rest}"]
        own = [
            "bias",
            f"len={min(len(rest), 8)}",
            f"p2={rest[:2]}",
            f"p3={rest[:3]}",
            f"s1={rest[-1:]}",
            f"s2={rest[-2:]}",
            f"s3={rest[-3:]}",
            f"s4={rest[-4:]}",
        ]
        if pre.endswith("ال") or pre.endswith("لل"):
            own.append("al")
        if self.ngrams and kind == "ar":
            # Letter trigrams inside the stem: transliterated foreign names
            # ("ـيرو", "ـسكي", "فيل") share them wherever they sit.
            own += sorted({f"n3={rest[k : k + 3]}" for k in range(1, len(rest) - 3)})
        # A bare preposition ("لأذربيجان", "بباكو") is not split by stem() (it
        # would break "لبنان"), but lexicon look-ups may fall back to it.
        keys = (norm, rest, rest[1:]) if rest[:1] in _PREP and len(rest) > 4 else (norm, rest)
        if self.use_gazetteer:
            gaz = next((found for k in keys if (found := self.lexicon.gazetteer.get(k))), ())
            gaz_feats = [f"g={flag}" for flag in gaz]
            near += gaz_feats
            far += gaz_feats
        if self.use_clusters:
            ids = next((found for k in keys if (found := self.lexicon.clusters.get(k))), None)
            if ids:
                cl_feats = [f"c{level}={cid}" for level, cid in enumerate(ids)]
                near += cl_feats
                far += cl_feats[:2]
            else:
                near.append("c=none")
        if self.lexicon.triggers:
            # by the stem, else the whole word with its conjunction off ("والتقى": التقى, not ال + تقى)
            bare = norm[1:] if norm[:1] in _CONJ else norm
            trig = self.lexicon.triggers.get(rest) or self.lexicon.triggers.get(bare)
            if trig:
                near.append(f"t={trig}")
                far.append(f"t={trig}")
        if self.lexicon.names:
            known = self.lexicon.names.get(rest)
            if known:
                n_feats = [f"n={flag}" for flag in known]
                near += n_feats
                far += n_feats
        if self.use_vclusters:
            vkeys = (rest, rest[1:]) if rest[:1] in _PREP and len(rest) > 4 else (rest,)
            vids = next((found for k in vkeys if (found := self.lexicon.vclusters.get(k))), None)
            if vids:
                v_feats = [f"k{level}={cid}" for level, cid in enumerate(vids)]
                near += v_feats
                far += v_feats[:2]
        own += near
        return (
            own,
            ["-1:" + f for f in near],
            ["+1:" + f for f in near],
            ["-2:" + f for f in far],
            ["+2:" + f for f in far],
            [rest if kind == "ar" else kind],
        )
