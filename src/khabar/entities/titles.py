"""Titles and roles: "مستشار نائبة رئيس أذربيجان" before a name, "المستشار الأذري" for one.

Arabic news names a person with an appositive title phrase in front of the name
("السفير الأرميني لدى إسرائيل أرمان سمبتيان") and later refers back with a title
phrase alone ("السفير الأرميني"). Both are built from the same pieces: a title
word from ``data/entities/titles.tsv`` (with its feminine, clitics, article or a
possessive pronoun: "نظيره"), then genitive complements ("رئيس الوزراء",
"رئيس أذربيجان") and adjectives (nationality adjectives, "العام", "السابق").

This module works on :class:`Word` records that :mod:`khabar.entities.canonical`
builds from the tokens (each knows its name mention, title and nisba), so the
grammar here is plain sequence logic that tests can drive directly.

A title phrase is summarized as a :class:`Role`: its head lemma ("رئيس"), the
complement that narrows the office ("وزراء" in "رئيس الوزراء"), gender, and
country: the first nationality adjective or country in the phrase that is not
after a host preposition ("السفير الأرميني لدى إسرائيل" → AM, not IL).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from khabar.entities import places
from khabar.entities.nationality import NisbaMatch, Split, splits
from khabar.text.clitics import segment
from khabar.text.normalize import normalize

_POSSESSIVES = ("هما", "هم", "هن", "ها", "ه")
_HAMZA = frozenset("أإآ")
# Brackets and quotes may enclose an acronym inside a title phrase:
# "مدير عام الهيئة السعودية للمدن الصناعية «مدن» المهندس صالح الرشيد".
_QUOTES = frozenset('«»()"“”')
_MAX_ROLE_WORDS = 18
_MAX_GENITIVE_WORDS = 3


@dataclass(frozen=True, slots=True)
class TitleEntry:
    lemma: str  # matching form of the masculine title, words joined by one space
    words: tuple[str, ...]
    fem: tuple[str, ...] | None
    cls: str
    flags: frozenset[str]
    office: str | None = None  # matching form of the office this title always stands for ("ملك")
    country: str | None = None  # the one country whose office it is
    hamza: str | None = None  # the written hamza of a first letter أ/إ/آ ("إمام"), kept apart by it


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A title found at a word: which entry, how many words, and how it is marked."""

    entry: TitleEntry
    gender: str  # m | f
    n: int  # words covered
    prefix: int  # clitic characters before the title in its first word
    definite: bool  # article or possessive pronoun
    possessive: bool


class Word(NamedTuple):
    """A token with what the entity stage knows about it.

    A named tuple, not a frozen dataclass: one is built per token of every
    article, and a frozen dataclass's ``__init__`` (one ``object.__setattr__``
    per field) was a sixth of the entities stage.
    """

    start: int
    end: int
    text: str
    punct: bool = False
    mention: str | None = None  # type of the name mention covering the word
    mention_id: int | None = None
    title: TitleHit | None = None
    nisba: NisbaMatch | None = None
    country: str | None = None  # ISO code when the word lies in a mention naming a country
    definite: bool = False
    fn: frozenset[str] = frozenset()
    adjective: bool = False  # a title adjective ("العام", "السابق")
    newline: bool = False  # a line break separates it from the word before (titles never span one)


@dataclass(frozen=True, slots=True)
class Role:
    """A title phrase, where it is and what office it names."""

    start: int
    end: int
    text: str
    head: str
    complement: tuple[str, ...]
    gender: str
    country: str | None
    cls: str
    flags: frozenset[str]
    definite: bool = True
    # Lemmas of further offices held: courtesy royal titles dropped from the end
    # ("الملك"), the office a fixed title stands for ("خادم الحرمين الشريفين" → "ملك").
    also: tuple[str, ...] = ()

    @property
    def counterpart(self) -> bool:
        return self.cls == "counterpart"


@lru_cache(maxsize=65536)
def norm_word(text: str) -> str:
    """Matching form of a word or phrase, spaces squeezed (ة kept apart from ه)."""
    return " ".join(normalize(text).split())


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@cache
def _lexicon() -> dict[str, list[TitleEntry]]:
    """Title entries indexed by their first word (article-free), longest first."""
    index: dict[str, list[TitleEntry]] = {}
    for row in places.data_rows("titles.tsv"):
        words = tuple(norm_word(row["form"]).split())
        words = (_strip_article(words[0]), *words[1:])
        fem = None
        if row["fem"]:
            fw = tuple(norm_word(row["fem"]).split())
            fem = (_strip_article(fw[0]), *fw[1:])
        office = _strip_article(norm_word(row["office"])) if row["office"] else None
        entry = TitleEntry(
            " ".join(words),
            words,
            fem,
            row["class"],
            frozenset(row["flags"].split("|")) - {""},
            office,
            row["country"] or None,
            row["form"][0] if row["form"][:1] in _HAMZA else None,
        )
        index.setdefault(words[0], []).append(entry)
        if fem:
            index.setdefault(fem[0], []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.words))
    return index


@cache
def _title_adjectives() -> frozenset[str]:
    out: set[str] = set()
    for row in places.data_rows("title_adjectives.tsv"):
        w = _strip_article(norm_word(row["word"]))
        out.update({w, w + "ة"})
    return frozenset(out)


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Function word (matching form) → its kinds (preposition, host, role_link, stop, connective)."""
    kinds: dict[str, set[str]] = {}
    for row in places.data_rows("function_words.tsv"):
        kinds.setdefault(norm_word(row["word"]), set()).add(row["kind"])
    return {w: frozenset(k) for w, k in kinds.items()}


@lru_cache(maxsize=65536)
def is_title_adjective(word: str) -> bool:
    return any(sp.base in _title_adjectives() for sp in splits(word, False) if sp.definite)


def _rest_matches(entry_words: tuple[str, ...], texts: Sequence[str], i: int) -> bool:
    """Later words of a fixed title, with or without the article ("أمين عام" / "الأمين العام")."""
    if i + len(entry_words) > len(texts):
        return False
    return all(
        _strip_article(norm_word(texts[i + k])) == _strip_article(entry_words[k])
        for k in range(1, len(entry_words))
    )


@dataclass(frozen=True, slots=True)
class _Reading:
    """A way the first word of a title can be read: entry, form words, clitics, marking."""

    entry: TitleEntry
    words: tuple[str, ...]
    fem: bool
    prefix: int
    definite: bool
    possessive: bool


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[_Reading, ...]:
    """Every title entry ``word`` can start, longest entry first (cached per word)."""
    index = _lexicon()
    out: list[_Reading] = []
    for sp in splits(word, False):
        base = sp.base
        candidates: list[tuple[str, bool]] = [(base, False)]
        for suffix in _POSSESSIVES:
            if base.endswith(suffix) and len(base) > len(suffix) + 2:
                stem = base[: -len(suffix)]
                candidates.append((stem, True))
                if stem.endswith("ت"):
                    candidates.append((stem[:-1] + "ة", True))
        written = _first_letter(word, sp)
        for form, possessive in candidates:
            if possessive and sp.definite:
                continue
            for entry in index.get(form, ()):
                if entry.hamza and written in _HAMZA and written != entry.hamza:
                    continue  # "أمام الجمهور" (before) is not "إمام" (imam)
                is_fem = entry.fem is not None and entry.fem[0] == form and entry.words[0] != form
                words = entry.fem if is_fem and entry.fem else entry.words
                if possessive and len(words) > 1:
                    continue
                out.append(_Reading(entry, words, is_fem, sp.prefix, sp.definite, possessive))
    return tuple(out)


def _first_letter(word: str, sp: Split) -> str:
    """The written first letter of the split's base (after clitics and the article)."""
    rest = word[sp.prefix :]
    if sp.definite and rest.startswith("ال"):
        rest = rest[2:]
    return rest[:1]


def may_start_title(word: str) -> bool:
    """Can a title start at this word? (A cheap, cached test before :func:`title_at`.)"""
    return bool(_readings(word))


def title_at(texts: Sequence[str], i: int) -> TitleHit | None:
    """The title starting at word ``i`` of ``texts`` (surface words), longest entry first.

    ``title_at(["ووزير", "الخارجية"], 0)`` is "وزير" after the clitic و;
    ``title_at(["نظيره"], 0)`` is the counterpart title with a possessive.
    """
    for r in _readings(texts[i]):
        if not _rest_matches(r.words, texts, i):
            continue
        # "ولي العهد", "خادم الحرمين الشريفين": definite through a later word.
        inner = any(norm_word(texts[i + k]).startswith("ال") for k in range(1, len(r.words)))
        return TitleHit(
            entry=r.entry,
            gender="f" if r.fem else "m",
            n=len(r.words),
            prefix=r.prefix,
            definite=r.definite or r.possessive or inner,
            possessive=r.possessive,
        )
    return None


def _summarize(words: Sequence[Word], s: int, e: int, text: str) -> Role:
    """Role of the title phrase ``words[s..e]`` (inclusive); ``words[s]`` carries the title."""
    hit = words[s].title
    assert hit is not None
    complement: list[str] = []
    country: str | None = None
    after_host = False
    closed = False
    genitive = False
    k = s + hit.n
    while k <= e:
        w = words[k]
        if "host" in w.fn or "role_link" in w.fn or norm_word(w.text) in _ON_BEHALF:
            after_host = after_host or "host" in w.fn
            closed = True
        if not after_host and not w.nisba and not w.adjective and (w.definite or w.mention in ("LOC", "ORG")):
            genitive = True
        code = w.nisba.code if w.nisba else w.country
        if code:
            if country is None and not after_host:
                country = code
            closed = True
        elif not closed and not w.adjective:
            if w.title:
                complement.append(w.title.entry.lemma)
                k += w.title.n
                continue
            complement.append(_strip_article(norm_word(w.text[_clitics(w) :])))
        k += 1
    return Role(
        start=words[s].start + hit.prefix,
        end=words[e].end,
        text=text[words[s].start + hit.prefix : words[e].end],
        head=hit.entry.lemma,
        complement=tuple(complement),
        gender=hit.gender,
        country=country or hit.entry.country,
        cls=hit.entry.cls,
        flags=hit.entry.flags,
        definite=hit.definite or genitive,
        # A fixed title that always names one office ("خادم الحرمين الشريفين" = the
        # Saudi king) also holds it, so "الملك سلمان" and the title alone can meet.
        also=(hit.entry.office,) if hit.entry.office and not complement else (),
    )


def _clitics(w: Word) -> int:
    sps = splits(w.text, False)
    for sp in sps:
        if sp.definite:
            return sp.prefix
    return 0


def _prepositional(w: Word) -> bool:
    """Carries a ب or ل proclitic ("بمكتب", "لشؤون"): a complement inside a title phrase."""
    return any(sp.prefix and w.text[: sp.prefix].lstrip("وف") in ("ب", "ل") for sp in splits(w.text, False))


def _fits_in_role(w: Word, prev: Word) -> bool:
    """May ``w`` continue a title phrase after ``prev``? (Between the title and the name.)"""
    if w.newline:
        return False
    if w.punct:
        return w.text in _QUOTES
    if "stop" in w.fn or w.mention == "PERSON":
        return False
    if w.title or w.nisba or w.definite or w.mention in ("LOC", "ORG", "MISC") or w.adjective:
        return True
    if "role_link" in w.fn or "host" in w.fn or _prepositional(w):
        return True
    # A bare word inside a construct chain: "رئيس مجلس إدارة الشركة".
    return bool(prev.title or (not prev.definite and prev.mention is None and not prev.nisba))


def role_before(words: Sequence[Word], j: int, text: str) -> Role | None:
    """The appositive title phrase that ends right before the name at ``words[j]``.

    "صرّح مستشار نائبة رئيس كازاخستان نور بيك ..." → "مستشار نائبة رئيس كازاخستان";
    a comma between title and name is an apposition ("نظيره الأرميني، أرمان").
    Honorifics at the end are not part of the role ("ولي العهد الأمير محمد" →
    "ولي العهد"); a role of honorifics only is none. After a comma, a name joined
    by a conjunction ("أمين عام النادي، وعبد الله الفوزان") starts a new conjunct:
    the title before it is someone else's.
    """
    e = j - 1
    if e >= 0 and words[e].punct and words[e].text in ("،", ","):
        if j < len(words) and _conjoined(words[j].text):
            return None  # not without the comma: "الفنان وائل كفوري" reads و+ائل too
        e -= 1
    if e < 0:
        return None
    best: int | None = None
    k = e
    while k >= 0 and e - k < _MAX_ROLE_WORDS:
        w = words[k]
        if (w.punct and w.text not in _QUOTES) or "stop" in w.fn or w.mention == "PERSON":
            break
        if w.title and w.title.entry.cls != "generic" and _valid(words, k, e):
            best = k
        if w.newline:
            break
        k -= 1
    if best is None:
        return None
    # Drop leading honorifics ("معالي الأمين العام") and trailing honorifics and
    # courtesy royals ("ولي العهد الأمير"); the royal title is kept as an office.
    while best <= e and (hit := words[best].title) is not None and hit.entry.cls == "honorific":
        best += hit.n
    also: list[str] = []
    end = e
    while end >= best:
        w = words[end]
        if w.punct:  # a quote opening the name: "الممثلة “جودي جارلاند”"
            end -= 1
            continue
        if w.title and (w.title.entry.cls == "honorific" or (w.title.entry.cls == "royal" and end > best)):
            if w.title.entry.cls == "royal":
                also.append(w.title.entry.lemma)
            end -= 1
            continue
        if _inside_title(words, end, best):
            end -= 1
            continue
        break
    if end < best or words[best].title is None:
        return None
    if _construct_with_name(words, best, end, j):
        return None
    role = _summarize(words, best, end, text)
    if not also:
        return role
    return dataclasses.replace(role, also=tuple(dict.fromkeys(role.also + tuple(also))))


def _construct_with_name(words: Sequence[Word], s: int, e: int, j: int) -> bool:
    """Is the title at ``words[s..e]`` a bare indefinite title whose genitive is the name?

    "خايمي تابيا محامي كارلوس تشافيز" (Chávez's lawyer), "مستشار أوباما للأمن
    القومي" (Obama's adviser): an indefinite noun right before a name governs
    it, so the title is someone else's. A definite title ("الرئيس أوباما") or one
    with its own complement ("وزير الخارجية جون كيري") stands in apposition.
    """
    hit = words[s].title
    if hit is None or e != s + hit.n - 1 or e != j - 1:
        return False
    return not hit.definite and hit.entry.cls not in ("honorific", "royal", "military")


@lru_cache(maxsize=65536)
def _conjoined(word: str) -> bool:
    """Does the word carry the conjunction و/ف ("وعبد", "فمحمد"), as the clitic segmenter reads it?"""
    return bool(set(segment(word).proclitics) & {"و", "ف"})


def _inside_title(words: Sequence[Word], k: int, start: int) -> bool:
    """Is ``words[k]`` a later word of a fixed title that starts after ``start``
    and is itself being dropped? (Only honorific multi-word titles: "صاحب السمو".)"""
    for j in range(max(start, k - 3), k):
        hit = words[j].title
        if hit and j + hit.n > k and hit.entry.cls == "honorific":
            return True
    return False


def _valid(words: Sequence[Word], s: int, e: int) -> bool:
    hit = words[s].title
    k = s + (hit.n if hit else 1)
    if k - 1 > e:
        return False
    while k <= e:
        if not _fits_in_role(words[k], words[k - 1]):
            return False
        k += 1
    return True


_ON_BEHALF = frozenset({"باسم", "باسمه", "باسمها", "باسمهم", "باسمهما"})


def _on_behalf_of(words: Sequence[Word], j: int) -> int:
    """Past "باسم X" after a title phrase: "الناطق باسمها", "المتحدث باسم وزارة الخارجية".

    After "باسم" the phrase runs to the end of a name mention, or of a construct
    chain up to its first definite word (at most three words).
    """
    if j >= len(words) or words[j].newline or norm_word(words[j].text) not in _ON_BEHALF:
        return j
    if norm_word(words[j].text) != "باسم":
        return j + 1
    k = j + 1
    if k < len(words) and words[k].mention in ("ORG", "LOC"):
        mid = words[k].mention_id
        while k < len(words) and words[k].mention_id == mid:
            k += 1
        return k
    while k < len(words) and k - j <= 3:
        w = words[k]
        if w.punct or w.newline or w.mention == "PERSON" or "stop" in w.fn:
            break
        k += 1
        if w.definite:
            return k
    return j  # "باسم" without a complement we can read: leave it out


def _relational(w: Word, hit: TitleHit) -> bool:
    """A relational adjective after a title with the article: "الخبير الاقتصادي",
    "المتحدث الرسمي", "المحللة السياسية" (definite, no clitic, ending in ي/ية as the
    title's gender; not a name, title or function word)."""
    if not w.definite or w.mention is not None or w.title is not None or w.fn or w.punct:
        return False
    if w.text[:2] not in ("ال", "ٱل"):
        return False  # a clitic before the article: "والاقتصادي" starts a new phrase
    return w.text.endswith("ية") if hit.gender == "f" else w.text.endswith("ي")


def phrase_at(words: Sequence[Word], i: int, text: str) -> tuple[Role, int] | None:
    """A title phrase standing for a person at ``words[i]``: (role, index past its end).

    "الرئيس الأرميني", "نظيره الإسرائيلي", "وزير الخارجية السعودي", "مسؤول أذري";
    not a honorific, not a title that needs a name ("الفريق"), and a generic
    title ("مسؤول") only with a nationality.
    """
    w = words[i]
    hit = w.title
    if hit is None or w.mention is not None:
        return None
    if hit.entry.cls in ("honorific", "military") or "needs_name" in hit.entry.flags:
        return None
    j = i + hit.n
    if not hit.definite:
        g = j
        while g < len(words) and g - j < _MAX_GENITIVE_WORDS:
            nxt = words[g]
            if (
                nxt.newline
                or nxt.punct
                or "stop" in nxt.fn
                or nxt.mention == "PERSON"
                or nxt.fn & {"preposition", "host", "role_link"}
            ):
                break
            if nxt.nisba:
                break
            if nxt.definite or nxt.mention or (nxt.title and nxt.title.definite):
                mid = nxt.mention_id
                while nxt.mention is not None and g + 1 < len(words) and words[g + 1].mention_id == mid:
                    g += 1
                j = g + 1
                break
            g += 1
    while (
        j < len(words)
        and (words[j].nisba or words[j].adjective or (w.definite and _relational(words[j], hit)))
        and words[j].mention != "PERSON"
        and not words[j].newline
    ):
        j += 1
    if j == i + hit.n and not hit.definite:
        return None
    k = _on_behalf_of(words, j)
    if k != j:  # "باسم وزارة الخارجية الأردنية": the nationality after the complement
        j = k
        while j < len(words) and words[j].nisba and words[j].mention != "PERSON" and not words[j].newline:
            j += 1
    if j < len(words) and "relative" in words[j].fn:
        return None  # "الرئيس الذي يبيع وطنه": a description, not a reference
    role = _summarize(words, i, j - 1, text)
    if hit.entry.cls == "generic" and role.country is None:
        return None
    return role, j
