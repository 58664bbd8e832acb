"""Nationality adjectives (nisba) → country: "الأذري", "أذرية", "الآذريين" → AZ.

No licensed Arabic demonym list exists, so the lexicon is *derived* from the
CLDR country names (see :mod:`khabar.entities.places`) by the rules of
:func:`derive_stems`, plus the hand-written exceptions of
``data/entities/countries.tsv`` (أذري for أذربيجان, أمريكي/أميركي, بريطاني,
نمساوي, broken plurals such as أتراك). Every masculine singular stem is then
inflected (ـية, ـيون, ـيين, ـيات, duals) and matched under any proclitic
(و ف ب ل ك) and the article (ال, and لل where ل swallows its alef).

Matching uses the matching form of :mod:`khabar.text.normalize` with ة folded
to ه: a nisba never carries a pronoun suffix, so the fold loses nothing and
catches the "أذريه" spelling.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from khabar.entities import places
from khabar.model import Country
from khabar.text.normalize import normalize_with_offsets

log = logging.getLogger(__name__)

# Proclitic letter sequences that can stand before a noun or adjective, longest
# first within each length. "س" (future) attaches to verbs only.
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# Nisba suffixes on the masculine singular stem (which ends in ي), with the
# gender and number each signals: ا (accusative tanween), ة (folded to ه),
# ون/ين plural (ين also the oblique dual), ي (construct plural), ات feminine
# plural, ان/تان/تين duals.
_SUFFIXES: dict[str, tuple[str, str]] = {
    "": ("m", "sg"),
    "ا": ("m", "sg"),  # accusative tanween alef: "شابا فلسطينيا"
    "ه": ("f", "sg"),
    "ي": ("m", "pl"),  # construct plural: "كويتيي الجنسية"
    "ون": ("m", "pl"),
    "ين": ("m", "pl"),
    "ات": ("f", "pl"),
    "ان": ("m", "du"),
    "تان": ("f", "du"),
    "تين": ("f", "du"),
}
_MIN_STEM = 4  # normalized letters; shorter derived stems collide with common words


@dataclass(frozen=True, slots=True)
class Split:
    """One reading of a surface word: clitics, article, and the normalized stem.

    ``prefix`` counts characters of the *surface* word before the mention starts
    (the clitics); ``definite`` says an article was present; ``base`` is the
    normalized stem without clitics or article. For "لل" (ل + ال with its alef
    dropped) the mention starts after the first lam: "للإسرائيلي" → "لإسرائيلي".
    """

    prefix: int
    definite: bool
    base: str


@dataclass(frozen=True, slots=True)
class NisbaMatch:
    code: str
    prefix: int
    definite: bool
    gender: str  # m | f
    number: str  # sg | du | pl


@lru_cache(maxsize=65536)
def splits(word: str, taa: bool = True) -> tuple[Split, ...]:
    """Every clitic/article reading of ``word``, the bare reading first.

    ``splits("والإسرائيلية")`` contains ``Split(prefix=1, definite=True, base="اسراييليه")``.
    ``taa=False`` keeps ة apart from ه, which titles need ("نائبة" / "نائبه" = his deputy).
    """
    if taa:
        # Folding ة into ه maps one letter to one: the same splits with folded bases,
        # without normalizing the word a second time.
        return tuple(Split(sp.prefix, sp.definite, sp.base.replace("ة", "ه")) for sp in splits(word, False))
    norm, offsets = normalize_with_offsets(word)
    out: list[Split] = []
    for clitic in _PROCLITICS:
        if not norm.startswith(clitic):
            continue
        rest = norm[len(clitic) :]
        if len(rest) < 3:
            continue
        start = offsets[len(clitic)]
        out.append(Split(start, False, rest))
        if rest.startswith("ال") and len(rest) > 4:
            out.append(Split(start, True, rest[2:]))
        elif clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 3:
            # ل + ال → "لل": the article's lam follows the clitic and stays in the
            # mention, as in khabar.text.clitics.mention_start ("للإسرائيلي" → "لإسرائيلي").
            out.append(Split(start, True, rest[1:]))
    return tuple(out)


def _strip_article(name: str) -> str:
    # On the surface form: "ألمانيا" must not lose "أل" (its matching form starts with "ال").
    return name[2:] if name.startswith("ال") and len(name) > 4 else name


def derive_stems(name: str) -> list[str]:
    """Masculine singular nisba stems derived from a one-word country name.

    Rules (surface article stripped, then on the matching form):
    ``…ستان`` → both "…ستاني" and "…ي" (أفغانستان → أفغانستاني, أفغاني);
    ``…يا`` → drop ا (تركيا → تركي); ``…ا`` → ا becomes ي (كندا → كندي);
    ``…ية`` → drop ة (سورية → سوري); ``…ة`` → ة becomes ي (سنغافورة → سنغافوري);
    ``…و`` → و becomes ي (كوسوفو → كوسوفي); ``…ي`` → unchanged (تشيلي);
    otherwise add ي (مصر → مصري, الأردن → أردني). Multi-word names derive nothing.
    """
    bare = _strip_article(name.strip())
    if " " in bare or "-" in bare or "(" in bare:
        return []
    n = places.key(bare)
    if n.endswith("ستان") and len(n) > 6:
        stems = [n + "ي", n[:-4] + "ي"]
    elif n.endswith("يا"):
        stems = [n[:-1]]
    elif n.endswith("ا"):
        stems = [n[:-1] + "ي"]
    elif n.endswith("يه"):
        stems = [n[:-1]]
    elif n.endswith("ه") or n.endswith("و"):
        stems = [n[:-1] + "ي"]
    elif n.endswith("ي"):
        stems = [n]
    else:
        stems = [n + "ي"]
    return [s for s in stems if len(s) >= _MIN_STEM]


@cache
def _lexicon() -> tuple[dict[str, tuple[str, str, str]], dict[tuple[str, ...], str]]:
    """Inflected single-word forms → (code, gender, number); multi-word stems → code.

    Hand-listed stems beat derived ones; two countries deriving the same form
    (a collision) keep neither, since a guess would be wrong half the time.
    """
    hand: dict[str, str] = {}
    derived: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    words: dict[str, tuple[str, str, str]] = {}
    for rec in places.country_records().values():
        if "nonisba" in rec.flags:
            continue
        for stem in rec.nisba:
            k = places.key(stem)
            if " " in k:
                phrases[tuple(k.split())] = rec.code
            else:
                hand[k] = rec.code
        for w in rec.words:
            words[places.key(w)] = (rec.code, "m", "pl")
        if "noderive" not in rec.flags:
            for name in rec.names:
                for stem in derive_stems(name):
                    derived.setdefault(stem, set()).add(rec.code)
    stems = dict(hand)
    for stem, codes in derived.items():
        if stem in stems:
            continue
        if len(codes) > 1:
            log.debug("nisba %r derives from %s; left out", stem, sorted(codes))
            continue
        stems[stem] = next(iter(codes))
    forms: dict[str, tuple[str, str, str]] = {}
    names = {places.key(n) for rec in places.country_records().values() for n in rec.names}
    for stem, code in stems.items():
        for suffix, (gender, number) in _SUFFIXES.items():
            if suffix == "ا" and stem + suffix in names:
                continue  # "روسيا" is the country, not the accusative of "روسي"
            forms.setdefault(stem + suffix, (code, gender, number))
    forms.update(words)
    return forms, phrases


def stems_by_country() -> dict[str, set[str]]:
    """Masculine singular stems per ISO code (for coverage reports and tests)."""
    forms, _ = _lexicon()
    out: dict[str, set[str]] = {}
    for form, (code, gender, number) in forms.items():
        if gender == "m" and number == "sg":
            out.setdefault(code, set()).add(form)
    return out


@lru_cache(maxsize=65536)
def match(word: str) -> NisbaMatch | None:
    """Read ``word`` as a nationality adjective, with its clitics and article.

    A word ending in alef maqsura ("اليمنى", the right hand) is not a nisba
    even though its matching form is "اليمني".
    """
    forms, _ = _lexicon()
    for sp in splits(word):
        hit = forms.get(sp.base)
        if hit is None:
            continue
        code, gender, number = hit
        if number == "sg" and gender == "m" and word.endswith("ى"):
            return None
        return NisbaMatch(code, sp.prefix, sp.definite, gender, number)
    return None


def country_of(word: str) -> Country | None:
    """The country a nationality adjective refers to.

    ``country_of("والإسرائيلية").code == "IL"``; ``country_of("الآذريين").code == "AZ"``;
    ``country_of("الحكومة") is None``.
    """
    m = match(word)
    return places.country(m.code) if m else None


@cache
def _phrase_firsts() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _lexicon()[1])


@lru_cache(maxsize=65536)
def _bases(word: str) -> frozenset[str]:
    """Stems of ``word`` with any nisba suffix removed ("الشمالية" → "شمالي")."""
    out: set[str] = set()
    for sp in splits(word):
        out.add(sp.base)
        for suffix in _SUFFIXES:
            # Not the accusative ا: "جنوب أفريقيا" is the country, not "جنوب أفريقي".
            if suffix not in ("", "ا") and sp.base.endswith(suffix) and sp.base[: -len(suffix)].endswith("ي"):
                out.add(sp.base[: -len(suffix)])
    return frozenset(out)


def phrase_at(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """A multi-word nisba starting at ``words[i]``: (ISO code, word count).

    "الكوري الشمالي" → ("KP", 2); "جنوب أفريقية" → ("ZA", 2).
    """
    _, phrases = _lexicon()
    if _phrase_firsts().isdisjoint(_bases(words[i])):
        return None
    for phrase, code in phrases.items():
        n = len(phrase)
        if i + n > len(words):
            continue
        if all(phrase[j] in _bases(words[i + j]) for j in range(n)):
            return code, n
    return None


@cache
def _prepositions() -> frozenset[str]:
    rows = places.data_rows("function_words.tsv")
    return frozenset(places.key(r["word"]) for r in rows if r["kind"] == "preposition")


def _definite_noun(word: str) -> bool:
    return any(sp.definite and sp.prefix == 0 for sp in splits(word))


def reads_as_adjective(word: str, prev: str | None, prev2: str | None = None) -> bool:
    """Decide whether a word that is both a country name and a nisba is the adjective.

    "السعودية" is the country in "في السعودية", "أعلنت السعودية", "سفير السعودية"
    and "المملكة العربية السعودية", and the adjective in "الحكومة السعودية"
    (a definite adjective after a definite noun), but not right after another
    adjective ("زار الرئيس المصري السعودية"). "سورية" without the article
    is the adjective after a noun ("مصادر سورية") and the country after a
    preposition ("في سورية"). A prepositional clitic ("بالسعودية") makes it the
    noun; with و it is an adjective only when coordinated with another nisba
    ("الإماراتية والسعودية").
    """
    m = match(word)
    if m is None or prev is None:
        return False
    clitic = places.key(word[: m.prefix])
    if any(c in clitic for c in "بلك"):
        return False
    if clitic:
        return match(prev) is not None
    if match(prev) is not None:
        return False  # "الرئيس المصري السعودية": after an adjective, the country is the object
    for tail in ((prev, word), (prev2, prev, word)):
        if None not in tail and places.country_named(" ".join(w for w in tail if w)):
            return False
    if m.definite:
        return _definite_noun(prev) and places.key(prev) not in _prepositions()
    return places.key(prev) not in _prepositions()
