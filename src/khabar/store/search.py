"""Index tokens and query parsing for Arabic full-text search.

Arabic glues conjunctions, prepositions and the article to the word and adds
pronoun and plural suffixes, so a search engine that indexes surface words
finds "المستشار" but misses "والمستشار", "للمستشار" and "المستشارين". Both
backends therefore index *keys*, computed here once and the same way for
documents and queries:

1. the matching form (:func:`khabar.text.normalize.normalize`: no tashkeel,
   tatweel or hamza seats);
2. the proclitics removed (:func:`khabar.text.clitics.segment`:
   "والمستشار" → و + ال + مستشار);
3. a light stem (:func:`stem`): pronoun, plural and feminine suffixes removed,
   as Larkey's *light10* does, but keeping at least three letters; a ة left
   over becomes ه, so "قوة" and "قوه" meet.

SQLite's FTS5 and PostgreSQL's ``simple`` text-search configuration then only
split the keys on spaces, so both backends rank the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from khabar.text.normalize import normalize

# Arabic letter runs (with marks and tatweel), other letter runs, digit runs. Arabic
# and Latin glued together ("بنادقMeprolight") are two words, as in the tokenizer.
_WORD = re.compile(
    r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u06e5\u06e6\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+"
    r"|[^\W\d_\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+"
    r"|[\d\u0660-\u0669\u06f0-\u06f9]+"
)
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+)')

# Suffixes, as in Larkey's light10: at most one pronoun, then each ending once,
# in this order ("سياساتها" → "سياسات" → "سياس"; "عمليات" → "عملي" → "عمل").
# "ان" is left out: it ends more names than duals (سلمان، لبنان، ايران).
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه")
_ENDINGS = ("ات", "ون", "ين", "ية", "يه", "ة", "ه", "ي")
_MIN_STEM = 3
# A final alif that is not tanween: pronouns (ها نا هما كما) and the verb ending وا.
_ALIF_ENDINGS = ("ها", "نا", "هما", "كما", "وا")
_LONE_CLITICS = frozenset("وفبكلس")
_CLITIC_ARTICLE = re.compile("(?:[وف]?[بك]ال|[وف]ال|[وف]?لل)")


def stem(word: str) -> str:
    """Light-stem a normalized word that has no proclitics left.

    ``stem("مستشارين") == "مستشار"``, ``stem("سياساتها") == "سياس"``,
    ``stem("عاما") == "عام"`` (the alif of tanween: "عاماً"; so "سوريا" meets "سوري"),
    ``stem("حكومته") == stem("حكومات") == "حكوم"`` (a ت left before a pronoun is
    the ة of the noun). Stems keep at least three letters, so "بيته" → "بيت" and
    short words ("دول", "قال") stay whole; names that only look suffixed
    ("البحرين" is not a plural of "بحر") are listed in ``data/store/unstemmed.txt``.
    """
    if len(word) <= _MIN_STEM or not _is_arabic(word[-1]) or word in _unstemmed():
        return word
    if word.endswith("ا") and not word.endswith(_ALIF_ENDINGS):
        # The alif of tanween fatha ("عاماً", "مؤشراً"): nothing else follows it.
        word = word[:-1]
        return word if len(word) <= _MIN_STEM else _strip_endings(word)
    for suffix in _PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            if word.endswith("ت") and not word.endswith("ات") and len(word) > _MIN_STEM + 1:
                word = word[:-1] + "ة"
            elif word.endswith("ا") and len(word) > _MIN_STEM:
                word = word[:-1]  # ى before a pronoun is written ا: "مستواها" is "مستوى" + ها
            break
    return _strip_endings(word)


def _strip_endings(word: str) -> str:
    for suffix in _ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
    return word


@cache
def _unstemmed() -> frozenset[str]:
    return frozenset(_data_lines("unstemmed.txt"))


def _data_lines(name: str) -> list[str]:
    from importlib.resources import files

    text = files("khabar.data").joinpath(f"store/{name}").read_text(encoding="utf-8")
    lines = (line.split("#")[0].strip() for line in text.splitlines())
    return [normalize(line) for line in lines if line]


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


@lru_cache(maxsize=500_000)
def index_key(word: str) -> str:
    """The search key of one surface word (empty for a lone clitic).

    ``index_key("والمستشار") == index_key("للمستشار") == index_key("المستشار")
    == "مستشار"``; Latin is lower-cased, digits become ASCII.
    """
    norm = normalize(word)
    if not norm:
        return ""
    if not _is_arabic(norm[0]):
        return norm.lower()
    rest = _strip_proclitics(norm)
    if len(rest) == 1 and rest in _LONE_CLITICS:
        return ""  # "و" cut off by a digit ("و2018") or a typo: a clitic, not a word
    return stem(rest).replace("ة", "ه") if rest else ""


def _strip_proclitics(word: str) -> str:
    """The stem left after the proclitics, as the text layer's segmenter decides.

    The segmenter splits only onto stems its frequency lexicon knows, so a rare
    word keeps even an unmistakable conjunction/preposition + article
    ("بالحنطور"). For search, a word opening with one of those letter runs
    (و ف ب ك, then ال, or لل) and leaving three letters or more is split anyway:
    no common Arabic word starts that way by itself.
    """
    from khabar.text.clitics import segment

    seg = segment(word)
    if seg.proclitics:
        return seg.stem
    m = _CLITIC_ARTICLE.match(word)
    return word[m.end() :] if m and len(word) - m.end() >= _MIN_STEM else seg.stem


def iter_index_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, key)`` for every word of ``text`` that has a key, lazily."""
    for m in _WORD.finditer(text):
        key = index_key(m.group())
        if key:
            yield m.start(), m.end(), key


def index_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for every word of ``text`` that has a key."""
    return list(iter_index_spans(text))


def index_keys(text: str) -> list[str]:
    """The keys of the words of ``text``, in order: what both backends index."""
    words = _WORD.findall(text)
    keyed = {w: index_key(w) for w in dict.fromkeys(words)}  # each distinct word once
    return [k for w in words if (k := keyed[w])]


def name_key(name: str) -> str:
    """The lookup form of a person or entity name: normalized words, one space apart.

    Clitics and suffixes are kept (names are stored without clitics, and stemming
    would merge "محمد" with "محمدي"); ``name_key("وزيرُ الخارجيّة") == "وزير الخارجيه"``.
    """
    return " ".join(normalize(m.group(), taa=True).lower() for m in _WORD.finditer(name))


@cache
def stopwords() -> frozenset[str]:
    """Keys of function words dropped from a query's loose terms (not from phrases)."""
    return frozenset(index_key(w) for w in _data_lines("stopwords.txt"))


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search query: groups of keys, a group of several keys being a phrase.

    Every group must match; a query :meth:`loosened` for the fallback of
    :func:`khabar.store.queries.search` lets one group be missing.
    """

    groups: tuple[tuple[str, ...], ...]
    all_but_one: bool = False

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for g in self.groups for k in g)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def loosened(self) -> Query | None:
        """The query satisfied by all groups but one (None below three groups).

        "حريق فندق جدة" loosened matches articles with any two of the three
        words. With two groups that would be either word alone, which on a
        common word is most of the corpus and ranks nothing useful.
        """
        return Query(self.groups, all_but_one=True) if len(self.groups) >= 3 else None

    def _alternatives(self) -> list[tuple[tuple[str, ...], ...]]:
        if not self.all_but_one:
            return [self.groups]
        return [self.groups[:i] + self.groups[i + 1 :] for i in range(len(self.groups))]

    def fts5(self) -> str:
        """The FTS5 MATCH expression: ``"مستشار" AND "وزير خارج"``."""
        alts = [
            " AND ".join('"' + " ".join(g).replace('"', '""') + '"' for g in alt)
            for alt in self._alternatives()
        ]
        return alts[0] if len(alts) == 1 else " OR ".join(f"({a})" for a in alts)

    def tsquery(self) -> str:
        """The ``to_tsquery('simple', ...)`` expression: ``'مستشار' & ('وزير' <-> 'خارج')``."""
        alts = []
        for alt in self._alternatives():
            parts = []
            for g in alt:
                quoted = [_ts_quote(k) for k in g]
                parts.append(quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")")
            alts.append(" & ".join(parts))
        return alts[0] if len(alts) == 1 else " | ".join(f"({a})" for a in alts)


def _ts_quote(key: str) -> str:
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


def parse_query(text: str) -> Query:
    """Parse a user query: loose words, and phrases in "..." or «...».

    Loose words are ANDed; function words among them ("في", "من") are dropped
    unless nothing else is left. ``parse_query('المستشار "وزير الخارجية"')``
    gives the groups ``("مستشار",)`` and ``("وزير", "خارج")``.
    """
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []
    for m in _PHRASE.finditer(text):
        quoted = m.group(1) or m.group(2) or m.group(3)
        if quoted is not None:
            keys = tuple(k for w in _WORD.findall(quoted) if (k := index_key(w)))
            if len(keys) == 1:
                loose.extend(keys)
            elif keys:
                phrases.append(keys)
        else:
            loose.extend(k for w in _WORD.findall(m.group(4)) if (k := index_key(w)))
    content = [k for k in loose if k not in stopwords()]
    if content or phrases:
        loose = content
    groups: list[tuple[str, ...]] = []
    for key in loose:
        if (key,) not in groups:
            groups.append((key,))
    groups.extend(p for p in phrases if p not in groups)
    return Query(tuple(groups))
