"""Proclitic segmentation: "والمستشار" → و+ال+مستشار, but "وزير" and "فلسطين" stay whole.

Arabic writes the conjunctions و ف, the prepositions ب ك ل, the future marker س
and the article ال glued to the next word. Entity mentions, gazetteer look-ups
and search need the stem, but a letter-stripping rule ruins names and common
words that merely *start* with those letters ("بلاده", "فلسطين", "كتاب",
"لبنان", "واشنطن", "سوريا"). So each split is decided with word frequencies
measured on a news corpus (``data/text/wordfreq.tsv.gz``, built by
:mod:`khabar.text.build_lexicon`):

- **و ف ب ك ل** split off when the rest is an attested word and the whole is
  not much more frequent than the rest would explain: "وقال" (5.9k) against
  "قال" (3.0k) splits, "وزير" (3.6k) against "زير" (1) does not. Each clitic
  has its own ceiling on that ratio (و is common, ك rare). A whole that itself
  takes the article ("الوزير", "الولاية", "الكلية") is a noun of its own and
  stays whole, as does one seen after ب/ل/ك ("لولي": those follow a
  conjunction, never precede it). A rest is counted as spelled: "باتوا"
  would be ب+أتوا with a dropped hamza, and "أتوا" is nearly always written
  with it, so it stays whole. ب and ل also split before a pronoun ("لها" → ل+ها).
- **س** splits only before an imperfect verb prefix (ي ت ن أ) whose rest is
  attested and is not a noun (nouns take the article; verbs do not):
  "سيكون" → س+يكون, but "سيارة", "ستة", "سيد" stay whole.
- **ال** is the article unless the word is a closed-class one ("الذي", "الله",
  "إلى"), begins with hamza-alef ("ألف", "إلا"), or is a hamza word whose
  hamza the writer dropped ("المانيا", measured by how often the corpus
  spells it with أ/إ/آ), or leaves fewer than two letters.
- **لل** is ل+ال (the article's alef is elided); when the stem itself begins
  with ل one lam is dropped too, so "للجنة" is ل+ال+لجنة, and "للبنان" is
  ل+لبنان. The stem is always a suffix of the word.

Order: at most one of و/ف, then one of ب/ك/ل (or س), then ال.
Function words and connectives listed in ``data/text/clitics.json`` ("لكن",
"كما", "ليس", "لدى", "بين") are single lexical items and never split.

Decisions are per word type, not per occurrence, so genuinely ambiguous
types get their commoner reading ("وجد" found, not و+جد; "فعلنا" is missed).
Accuracy on 230 hand-annotated test words: 97.4% (``python -m bench.clitics``).
The table is measured on news only (no ``wordfreq`` dependency): the domain
matches, and 4.4M words attest the stems that matter.
"""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from khabar.text.normalize import normalize, normalize_with_offsets_if_moved

log = logging.getLogger(__name__)

# Largest ratio count(whole) / count(rest) at which a clitic is still split off.
# Measured on the dev gold list (bench/gold/clitics_dev.tsv).
_MAX_RATIO = {"و": 10.0, "ف": 1.0, "ب": 3.0, "ك": 0.6, "ل": 3.0, "س": 1.0}
# A rest that starts with the article ("والمستشار" → "المستشار") is strong
# evidence on its own; allow a larger ratio there.
_MAX_RATIO_ARTICLE = 20.0
# The whole is a noun of its own when "ال"+whole is at least this common.
_NOUN_SHARE = 0.05
_NOUN_MIN = 3
# Share of hamza-initial spellings above which "الX" is a hamza word, not ال+X.
_HAMZA_SHARE = 0.25
# Evidence a rest gets from its own confident split: rare "وبتكلفة" is backed by
# "تكلفة" at the rate ب+X words occur, rare "والتشريد" by "تشريد" at the rate of ال+X.
_NESTED_RATE = 0.05
_NESTED_RATE_ARTICLE = 0.5
# Weight of hamza spellings when the word drops the hamza ("واصدقاء" for "وأصدقاء"):
# news writers often do, but a rest seen almost only with hamza is doubtful.
_DROPPED_HAMZA = 0.2
# Longest word (in normalized letters) that is segmented. Arabic words with all
# their clitics stay under 20 letters ("وبالاستثمارات" has 13); longer runs are
# debris ("ببببب…", letters glued without spaces), and the clitic checks recurse
# once per letter on them.
MAX_WORD = 40


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A word split into proclitics (canonical forms, in order) and its stem.

    ``stem`` is the word's own surface suffix (tashkeel kept). For "للرئيس":
    proclitics ``("ل", "ال")``, stem "رئيس".
    """

    proclitics: tuple[str, ...]
    stem: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    counts: dict[str, int]
    hamza: dict[str, int]
    whole: frozenset[str]
    not_article: frozenset[str]
    pronouns: frozenset[str]
    future: frozenset[str]

    def f(self, word: str) -> int:
        return self.counts.get(word, 0)


@cache
def _lexicon() -> _Lexicon:
    data = resources.files("khabar") / "data" / "text"
    counts: dict[str, int] = {}
    hamza: dict[str, int] = {}
    with gzip.open(data.joinpath("wordfreq.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
        for line in f:
            word, n, h = line.rstrip("\n").split("\t")
            counts[word] = int(n)
            if h != "0":
                hamza[word] = int(h)
    closed = json.loads(data.joinpath("clitics.json").read_text(encoding="utf-8"))

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(normalize(w) for w in closed[key])

    log.debug("clitic lexicon: %d types", len(counts))
    return _Lexicon(
        counts=counts,
        hamza=hamza,
        whole=norm_set("whole"),
        not_article=norm_set("not_article"),
        pronouns=norm_set("pronouns"),
        future=frozenset(closed["future_prefixes"]),
    )


def _is_noun(lex: _Lexicon, word: str, rest_count: float = 0.0) -> bool:
    """True when ``word`` is commonly seen with the article ("وزير" → "الوزير").

    ``rest_count`` is how common the word left after the clitic is: a definite
    form that is rare beside it ("الكاسرة" beside "أسرة") is no evidence.
    """
    n = lex.f("ال" + word)
    return n >= _NOUN_MIN and n >= _NOUN_SHARE * max(lex.f(word), rest_count)


def _takes_prepositions(lex: _Lexicon, word: str, rest_count: float) -> bool:
    """True when ``word`` is seen after ب, ل, ك or ال ("لولي", "بوسام").

    Those come after a conjunction, never before it, so "لولي" shows that the
    و of "ولي" belongs to the word. Used only when the whole outnumbers the rest.
    """
    n = sum(lex.f(q + word) for q in ("ال", "ب", "ل", "ك"))
    return n >= _NOUN_MIN and n >= _NOUN_SHARE * rest_count


def _as_spelled(lex: _Lexicon, rest: str, light_rest: str) -> float:
    """Count of ``rest`` spelled as in this word, as far as its initial hamza goes.

    "باتوا" leaves "اتوا" with a bare alef, but the corpus writes that word
    "أتوا" nearly always, so ب+اتوا would need a dropped hamza: count only the
    bare spellings (plus a fraction of the others, for writers who drop hamza).
    A rest written with its hamza ("كأسرة") counts those.
    """
    n = lex.f(rest)
    if rest[:1] != "ا":
        return n
    h = lex.hamza.get(rest, 0)
    return h if light_rest[:1] in "أإآ" else (n - h) + _DROPPED_HAMZA * h


def _evidence(lex: _Lexicon, rest: str, light_rest: str) -> float:
    """How well attested ``rest`` is as a free word, counting its own clitic split."""
    n = float(_as_spelled(lex, rest, light_rest))
    if n == 0 and len(rest) > 3:
        procs, stem, mention = _split(lex, rest, light_rest)
        if procs:
            n = _NESTED_RATE * lex.f(rest[mention:]) if mention else _NESTED_RATE_ARTICLE * lex.f(rest[stem:])
    return n


def _clitic_ok(lex: _Lexicon, clitic: str, whole: str, light: str) -> bool:
    """Should ``clitic`` (و ف ب ك ل, the first letter of ``whole``) be split off?"""
    rest, light_rest = whole[1:], light[1:]
    if whole in lex.whole:
        return False
    if clitic in "بل" and rest in lex.pronouns:
        return True
    if clitic in "وف" and rest in lex.whole:  # "ولكن", "فلن", "ولعلنا"
        return True
    if len(rest) < 2:
        return False
    attested = _evidence(lex, rest, light_rest)
    if attested <= 0 or _is_noun(lex, whole, attested):
        return False
    if clitic in "وف" and lex.f(whole) >= attested and _takes_prepositions(lex, whole, attested):
        return False
    ceiling = _MAX_RATIO[clitic]
    if rest.startswith("ال") or (len(rest) > 3 and _split(lex, rest, light_rest)[2] > 0):
        # The rest is itself clitic + word ("والمستشار", "وبالتالي"): a lexeme
        # rarely begins that way, so the clitic in front is one too.
        ceiling = _MAX_RATIO_ARTICLE
    return lex.f(whole) <= ceiling * attested


def _future_ok(lex: _Lexicon, rest: str, whole: str, light_first: str) -> bool:
    """س + imperfect verb: "سيكون" → س+يكون; "سيارة", "ستة" stay whole."""
    if whole in lex.whole or len(rest) < 3:
        return False
    if light_first not in lex.future:  # needs ي ت ن, or أ written with its hamza
        return False
    n = lex.f(rest)
    if n <= 0 or lex.f("ال" + rest) > 0.2 * n or _is_noun(lex, whole):
        return False
    return lex.f(whole) <= _MAX_RATIO["س"] * n


def _article_ok(lex: _Lexicon, word: str, light: str) -> bool:
    """Is the leading ال of ``word`` (normalized; ``light`` keeps hamza) the article?"""
    if len(word) < 4 or light[0] != "ا":
        return False
    if word in lex.not_article:
        return False
    total = lex.f(word)
    return not (total and lex.hamza.get(word, 0) > _HAMZA_SHARE * total)


def _lam_lam(lex: _Lexicon, rest: str, light_rest: str) -> tuple[tuple[str, ...], int]:
    """Read "لل"+``rest``: ل+ال+rest, ل+ال+لrest, or ل+لrest. Returns (proclitics, stem start)."""
    if "الل" + rest in lex.not_article:  # "لله", "للذين": ل + a whole ال-word
        return ("ل",), 1
    if light_rest[:1] in "أإآ":  # "للأزمة": a stem starting لأ is all but unknown
        return ("ل", "ال"), 2
    options = [
        (lex.f("ال" + rest) if len(rest) >= 2 else -1, ("ل", "ال"), 2),
        (lex.f("الل" + rest), ("ل", "ال"), 1),
        (lex.f("ل" + rest) if not _is_noun(lex, "ل" + rest) else -1, ("ل",), 1),
    ]
    best = max(options, key=lambda o: o[0])
    if best[0] <= 0:
        return (("ل", "ال"), 2) if len(rest) >= 2 else ((), 0)
    return best[1], best[2]


def _split(lex: _Lexicon, word: str, light: str) -> tuple[tuple[str, ...], int, int]:
    """Segment a normalized word (``light``: same letters with hamza kept).

    Returns (proclitics, stem start, mention start), indices into ``word``; the
    mention start is the stem start moved back over a written article.
    """
    procs: list[str] = []
    pos = 0
    if len(word) >= 3 and word[0] in "وف" and _clitic_ok(lex, word[0], word, light):
        procs.append(word[0])
        pos = 1
    rest = word[pos:]
    if rest.startswith("لل") and len(rest) >= 3 and rest not in lex.whole:
        lam, skip = _lam_lam(lex, rest[2:], light[pos + 2 :])
        if lam:
            return (*procs, *lam), pos + skip, pos + 1
        return tuple(procs), pos, pos
    if len(rest) >= 3 and rest[0] in "بكل" and _clitic_ok(lex, rest[0], rest, light[pos:]):
        procs.append(rest[0])
        pos += 1
    elif len(rest) >= 4 and rest[0] == "س" and _future_ok(lex, rest[1:], rest, light[pos + 1]):
        return (*procs, "س"), pos + 1, pos + 1
    mention = pos
    if word.startswith("ال", pos) and _article_ok(lex, word[pos:], light[pos:]):
        procs.append("ال")
        pos += 2
    return tuple(procs), pos, mention


@lru_cache(maxsize=1 << 16)
def _analyse(word: str) -> tuple[tuple[str, ...], int, int]:
    """Proclitics of ``word``, and the offsets in ``word`` of its stem and mention.

    Cached: a pure function of the word, and news repeats its words a lot.
    """
    norm, offsets = normalize_with_offsets_if_moved(word)
    if not 3 <= len(norm) <= MAX_WORD:
        return (), 0, 0
    if offsets is None:  # no mark dropped: the letters are the word's own
        procs, stem, mention = _split(_lexicon(), norm, word)
        return (procs, stem, mention) if procs else ((), 0, 0)
    light = "".join(word[i] for i in offsets[:-1])
    if len(light) != len(norm):  # presentation forms expanded: no hamza view
        light = norm
    procs, stem, mention = _split(_lexicon(), norm, light)
    if not procs:
        return (), 0, 0
    return procs, offsets[stem], offsets[mention]


def segment(word: str) -> Segmentation:
    """Split ``word`` into proclitics and stem.

    ``segment("والمستشار")`` → ``Segmentation(("و", "ال"), "مستشار")``;
    ``segment("وزير")`` → ``Segmentation((), "وزير")``.
    """
    procs, start, _ = _analyse(word)
    return Segmentation(procs, word[start:])


def strip_proclitics(word: str) -> int:
    """Offset in ``word`` where the stem starts, after every proclitic (0 if none).

    "للرئيس" → 2 (stem "رئيس"); "والمستشار" → 3; "وزير" → 0.
    """
    return _analyse(word)[1]


def mention_start(word: str) -> int:
    """Offset after the conjunction/preposition/future clitics, keeping the article.

    This is where an entity mention starts: "والمستشار" → 1 ("المستشار"),
    "لأذربيجان" → 1, "وريفلين" → 1, "بلاده" → 0. After ل the article's alef is
    elided in writing, so "للرئيس" gives 1 and the exact span is "لرئيس" (the
    article's lam plus the stem); "للجنة" gives 1 too (stem "لجنة", the
    article has no letter left). Use :func:`mention_text` for the display form.
    """
    return _analyse(word)[2]


def mention_text(word: str) -> str:
    """The mention as a reader would cite it: clitics dropped, article restored.

    "للرئيس" → "الرئيس"; "والمستشار" → "المستشار"; "للجنة" → "اللجنة"; "بلاده" → "بلاده".
    """
    procs, start, mention = _analyse(word)
    if procs and procs[-1] == "ال":
        return "ال" + word[start:]
    return word[mention:]
