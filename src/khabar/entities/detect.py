"""The mentions stage: name mentions from the CRF tagger, clitics left out of the span.

For each sentence of the text layer the tagger labels the surface tokens
(clitics attached, as ANERcorp has them: "وريفلين" is B-PERSON); each chunk
becomes a :class:`~khabar.model.Mention` of kind ``name`` whose span starts
after the conjunction/preposition clitics of its first word
(:func:`khabar.text.clitics.mention_start`): "وأكد ريفلين" gives "ريفلين",
"لأذربيجان" gives "أذربيجان", "والرئيس" keeps its article, and "للرئيس"
starts at the article's lam ("لرئيس": the alef is elided in writing).

Institutions named by a designator noun ("وزارة الصحة", "المديرية العامة
للجوازات"), which the tagger mostly misses, are added by
:mod:`khabar.entities.institutions`.

The article is tagged as one document (:meth:`Tagger.tag_document`): a name
tagged confidently once is also found where it repeats ("ريفلين" after
"رؤوفين ريفلين"). ``score`` is the mean marginal probability of the chunk's
tags, so later stages can drop doubtful mentions. The model is loaded on the first call,
not on import.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence

from khabar.entities import institutions, places
from khabar.entities.conll import spans
from khabar.entities.tagger import load_tagger
from khabar.entities.titles import function_words
from khabar.entities.transliterate import is_listed_name
from khabar.errors import ExtractionError
from khabar.model import Analysis, Mention, Sentence, Token
from khabar.options import Options
from khabar.text.clitics import mention_start
from khabar.text.normalize import normalize

log = logging.getLogger(__name__)


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``analysis.mentions`` with the tagger's name mentions, in text order."""
    if analysis.tokens is None or analysis.sentences is None:
        raise ExtractionError("entity detection needs the tokens and sentences layers (run the text stage)")
    return dataclasses.replace(
        analysis, mentions=tuple(detect(analysis.article.text, analysis.tokens, analysis.sentences))
    )


def detect(text: str, tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[Mention]:
    """Name mentions in ``text``, one sentence at a time."""
    groups = _by_sentence(tokens, sentences)
    all_tags, all_probs = load_tagger().tag_document([[t.text for t in g] for g in groups])
    chunks = [
        (group, first, last, typ, probs)
        for group, tags, probs in zip(groups, all_tags, all_probs, strict=True)
        for first, last, typ in spans(tags)
    ]
    inner = _inner_name_words(group[first:last] for group, first, last, _, _ in chunks)
    out: list[Mention] = []
    for group, first, last, typ, probs in chunks:
        mention = _mention(text, group[first:last], typ, probs[first:last], group[first : last + 8], inner)
        if mention is not None:
            out.append(mention)
    # ministries, authorities, universities the tagger leaves out or cuts ("وزارة الصحة")
    return institutions.merge(institutions.find(tokens), out, text)


def _by_sentence(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[list[Token]]:
    """Tokens grouped by the sentence holding them; stray tokens form their own groups.

    Tokens and sentences are both in text order, so one pass suffices.
    """
    groups: list[list[Token]] = []
    stray: list[Token] = []
    k = 0
    current: list[Token] = []
    for tok in tokens:
        while k < len(sentences) and sentences[k].end <= tok.start:
            if current:
                groups.append(current)
                current = []
            k += 1
        if k < len(sentences) and sentences[k].start <= tok.start:
            if stray:
                groups.append(stray)
                stray = []
            current.append(tok)
        else:
            if current:
                groups.append(current)
                current = []
            stray.append(tok)
    for rest in (current, stray):
        if rest:
            groups.append(rest)
    return groups


def _inner_name_words(chunks: Iterable[Sequence[Token]]) -> frozenset[str]:
    """Words found after the first word of a multi-word name in this article.

    No clitic attaches there, so such a word is whole wherever it recurs: the
    surname in "الفنان أحمد فلمبان" shows that a later "فلمبان" alone is the
    name, not ف + ل + "مبان"."""
    return frozenset(normalize(t.text) for toks in chunks for t in toks[1:] if t.kind == "arabic")


def _mention(
    text: str,
    toks: Sequence[Token],
    typ: str,
    probs: Sequence[float],
    ahead: Sequence[Token],
    inner: frozenset[str] = frozenset(),
) -> Mention | None:
    """The chunk ``toks`` as a mention; ``ahead`` is the chunk and the words after
    it, ``inner`` the words seen inside longer names of the article."""
    first = toks[0]
    start = first.start
    if first.kind == "arabic" and normalize(first.text) not in inner:
        start += _clitic_length(first.text, ahead)
    end = toks[-1].end
    if start >= end:
        log.debug("dropped an empty mention at %d", first.start)
        return None
    score = round(sum(probs) / len(probs), 4)
    return Mention(start=start, end=end, text=text[start:end], type=typ, kind="name", score=score)


def _clitic_length(word: str, ahead: Sequence[Token]) -> int:
    """Clitic letters before the mention in its first word, none if the word starts a listed name.

    The segmenter decides per word type, so the و of "وول ستريت جورنال" reads as
    the conjunction; when the words from the unstripped first word on spell a
    known name (and the stripped ones do not), or the word is a listed given name
    ("وائل", "فادي", in ``names_latin.tsv``), the letter belongs to the name.
    """
    n = mention_start(word)
    if n == 0:
        return 0
    words = [t.text for t in ahead]
    if places.known_name_words(words) and not places.known_name_words([word[n:], *words[1:]]):
        return 0
    if is_listed_name(word) and not is_listed_name(word[n:]):
        return 0  # "وائل", "فادي": given names, not و + "ائل"
    if n == 1 and _stub(word[1:]):
        return 0  # "فان غال", "باير ليفركوزن", "كام": not ف + "ان", ب + "اير", ك + "ام"
    return n


def _stub(rest: str) -> bool:
    """Is ``rest`` too short to be a name left by a clitic: a bare alef and one or two letters?

    Names written without hamza after a clitic are longer ("لاسرائيل", "واحمد");
    a foreign name whose first letter is ب/ف/ك/ل/و leaves a stub ("ان", "اير", "ادي").
    A name's connective ("وابو", "وابن") is a real clitic reading; another function
    word ("ان", "ام") cannot open a name, so it is a stub too.
    """
    return (
        2 <= len(rest) <= 3
        and rest[0] == "ا"
        and not rest.startswith("ال")
        and "connective" not in function_words().get(normalize(rest), frozenset())
    )
