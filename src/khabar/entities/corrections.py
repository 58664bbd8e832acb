"""Corrections to the tagger's name mentions, from the entity tables and the title lexicon.

A statistical tagger makes predictable mistakes that the entity stage can see:
a title swept into a name ("محمد بن سلمان ولي" before "ولي العهد"), two names
joined ("بوتين وبلاتر"), a nationality adjective tagged as a name ("الأرميني")
or glued to a place ("كوباني السورية"), a country typed PERSON ("مصر"), a known
organization typed MISC ("رفائيل"), and country names it missed ("في
السعودية", "الجمهورية اليمنية"). :func:`correct_types` fixes these before
resolution; everything it adds or cuts is a general rule, not a list of cases.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from khabar.entities import nationality, places, references
from khabar.entities.titles import function_words, is_title_adjective, title_at
from khabar.model import Mention, Quantity, Token
from khabar.quantities.money import currencies
from khabar.text.normalize import lexicon_key, normalize
from khabar.time.grammar import words
from khabar.time.months import weekdays

_BIG_CITY = 1_000_000
_LETTER = re.compile(r"[\u0621-\u064a]")


def correct_types(
    names: Sequence[Mention], tokens: Sequence[Token], text: str, quantities: Sequence[Quantity] = ()
) -> list[Mention]:
    """Trim titles and adjectives the tagger swept into names, retype place names it got
    wrong, add country names it missed, and drop currencies (``quantities``: the
    article's quantities layer, whose amounts of money own their currency word)."""
    out: list[Mention] = []
    texts = [t.text for t in tokens]
    starts = [t.start for t in tokens]
    money = [(q.start, q.end) for q in quantities if q.unit and _is_currency_code(q.unit)]
    for m in _join_known_names(_split_coordinated(names, text), tokens, starts, text):
        m = _theophoric_name(m, tokens, starts, text) or m
        if _is_currency(m, money) or _common_word(m):
            continue
        trimmed: Mention | None = m
        while trimmed is not None:  # "الرئيس الأرميني" → "الأرميني" → nothing
            again = _trim(trimmed, tokens, texts, starts, text)
            if again == trimmed:
                break
            trimmed = again
        if trimmed is None or _nisba_alone(trimmed):
            continue
        m = trimmed
        new_type = m.type
        if m.type != "LOC" and places.country_named(m.text) and not _after_designator(m, tokens):
            new_type = "LOC"
        elif m.type != "ORG" and places.org_named(m.text) and not places.country_named(m.text):
            new_type = "ORG"  # "رفائيل" tagged MISC
        elif m.type == "PERSON":
            city = places.city_named(m.text)
            if places.place_named(m.text) or (city and (city.capital or city.population >= _BIG_CITY)):
                new_type = "LOC"
        out.append(m if new_type == m.type else dataclasses.replace(m, type=new_type))
    out.extend(_missed_countries(tokens, out, text))
    out.extend(_missed_orgs(out, text))
    out.extend(_national_media(tokens, out, text))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _join_known_names(
    names: Sequence[Mention], tokens: Sequence[Token], starts: Sequence[int], text: str
) -> list[Mention]:
    """A place or organization cut in pieces, or cut short, is its listed name: "خميس" + "مشيط"
    → LOC "خميس مشيط", "مجلس التعاون" → ORG "مجلس التعاون الخليجي" (when listed).

    Only from a LOC/ORG/MISC mention that starts the listed name and only when the
    name runs past it; person names are left alone ("عبد الله" opens city names too).
    """
    out: list[Mention] = []
    skip_to = -1
    for m in names:
        if m.start < skip_to:
            continue  # inside a name joined just before
        joined = None
        if m.type != "PERSON":
            joined = _known_extension(m, tokens, starts, text) or _construct_place(m, tokens, starts, text)
        if joined is None:
            out.append(m)
            continue
        while out and out[-1].end > joined.start:
            out.pop()
        out.append(joined)
        skip_to = joined.end
    return out


def _known_extension(m: Mention, tokens: Sequence[Token], starts: Sequence[int], text: str) -> Mention | None:
    k = bisect.bisect_right(starts, m.start) - 1
    if k < 0 or tokens[k].end <= m.start:
        return None
    words = [text[m.start : tokens[k].end]]
    j = k + 1
    while j < len(tokens) and j - k < 8 and not _gap(text, tokens[j - 1], tokens[j]):
        words.append(tokens[j].text)
        j += 1
    n = places.known_name_words(words)
    if n < 2:
        return None
    end = tokens[k + n - 1].end
    if end <= m.end:
        return None
    surface = text[m.start : end]
    type_ = "ORG" if places.org_named(surface) and not places.place_kind(surface) else "LOC"
    return Mention(m.start, end, surface, type_, kind=m.kind, score=m.score)


def _construct_place(m: Mention, tokens: Sequence[Token], starts: Sequence[int], text: str) -> Mention | None:
    """A place tagged as the bare form of a city ("رياض" for "الرياض") right before a definite
    noun is the first word of a construct name ("رياض الخبراء"), not that city: the mention
    runs over the noun, unless it is a place, title, nationality or function word itself."""
    if m.type != "LOC" or not places.bare_form_of_city(m.text):
        return None
    k = bisect.bisect_left(starts, m.start)
    if k + 1 >= len(tokens) or tokens[k].end != m.end or _gap(text, tokens[k], tokens[k + 1]):
        return None
    nxt = tokens[k + 1].text
    if (
        not normalize(nxt).startswith("ال")
        or function_words().get(normalize(nxt))
        or _not_a_name([nxt], 0)
        or nationality.match(nxt) is not None
        or places.place_kind(nxt)
        or _time_word(nxt)
    ):
        return None
    end = tokens[k + 1].end
    return Mention(m.start, end, text[m.start : end], "LOC", kind=m.kind, score=m.score)


def _time_word(word: str) -> bool:
    """A weekday or a relative day ("الخميس", "اليوم"): the time of the sentence, not a name's word."""
    k = lexicon_key(word)
    return k in weekdays() or k in words()["relative_days"]


def _theophoric_name(m: Mention, tokens: Sequence[Token], starts: Sequence[int], text: str) -> Mention | None:
    """ "الله" tagged alone inside a name ("مد الله العليان", "فتح الله كولن") is the name: its
    first word ("مد", "فتح", listed as ``theophoric``) and a family name with the article
    right after, if any. Elsewhere ("رحمه الله") "الله" is no name (:func:`_common_word`)."""
    fw = function_words()
    if normalize(m.text) != "الله":
        return None
    k = bisect.bisect_left(starts, m.start)
    if k == 0 or k >= len(tokens) or tokens[k].start != m.start or _gap(text, tokens[k - 1], tokens[k]):
        return None
    prev = tokens[k - 1].text
    cuts = [c for c in (0, 1) if c == 0 or (len(prev) > 2 and prev[0] in "وف")]
    found = [c for c in cuts if "theophoric" in fw.get(normalize(prev[c:]), frozenset())]
    if not found:
        return None
    cut = found[0]  # "فتح" is the name's own word before it is ف + "تح"
    start, end = tokens[k - 1].start + cut, m.end
    if k + 1 < len(tokens) and not _gap(text, tokens[k], tokens[k + 1]):
        nxt = tokens[k + 1].text
        if (
            normalize(nxt).startswith("ال")
            and not fw.get(normalize(nxt))
            and title_at([nxt], 0) is None
            and nationality.match(nxt) is None
        ):
            end = tokens[k + 1].end
    return Mention(start, end, text[start:end], "PERSON", kind=m.kind, score=m.score)


def _common_word(m: Mention) -> bool:
    """Not a name at all: a word with the accusative ending ("جيلاً", "يومياً": names do not
    take it in news), or a word listed as never a name ("الله")."""
    if " " in m.text.strip():
        return False
    if m.text.endswith(("اً", "ًا", "ً")):
        return True
    return "not_name" in function_words().get(normalize(m.text), frozenset())


def _is_currency_code(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _is_currency(m: Mention, money: Sequence[tuple[int, int]]) -> bool:
    """Is the mention a currency ("دولار", "الليرة اللبنانية", "اليورو")? Then it is the unit of
    a quantity, not an entity: a reader looks for it among the amounts of money.

    Inside an amount ("450 مليون دولار") any tagged name is the unit. Elsewhere a
    currency word from the quantities' currency table, with the article and any
    nationality adjectives ("الدولار الأمريكي"), unless typed ORG: "الريال" alone is
    also the football club.
    """
    if any(s < m.end and m.start < e for s, e in money):
        return True
    if m.type == "ORG":
        return False
    words = places.key(m.text).split()
    if not words:
        return False
    table = currencies()
    for first in dict.fromkeys((words[0], words[0].removeprefix("ال"))):
        rest = words[1:]
        if " ".join([first, *rest]) in table:
            return True
        if first in table and all(nationality.match(w) is not None for w in rest):
            return True
    return False


def _national_media(tokens: Sequence[Token], names: Sequence[Mention], text: str) -> list[Mention]:
    """A broadcaster or agency named by its country: "الإذاعة الإسرائيلية العامة",
    "التلفزيون السوري الرسمي" (a singular designator, a nationality adjective, and
    "العامة"/"الرسمي"-like adjectives). "الصحف الإسرائيلية" (plural) is no name."""
    fw = function_words()
    covered = [(m.start, m.end) for m in names]
    out: list[Mention] = []
    for i, t in enumerate(tokens[:-1]):
        if not _media_designator(t.text):
            continue
        nisba = nationality.match(tokens[i + 1].text)
        if nisba is None or nisba.prefix or _gap(text, t, tokens[i + 1]):
            continue
        j = i + 2
        while j < len(tokens) and "media_adjective" in fw.get(normalize(tokens[j].text), frozenset()):
            j += 1
        start, end = t.start + _clitic_len(t.text), tokens[j - 1].end
        if any(s < end and start < e for s, e in covered):
            continue
        out.append(Mention(start, end, text[start:end], "ORG"))
    return out


@lru_cache(maxsize=65536)
def _media_designator(word: str) -> bool:
    """ "الإذاعة", "والتلفزيون": a broadcaster's designator, after any clitics."""
    return "media_designator" in function_words().get(normalize(word[_clitic_len(word) :]), frozenset())


def _clitic_len(word: str) -> int:
    """Length of the conjunction/preposition clitics before an ال-word ("بالإذاعة" → 1)."""
    for n in (2, 1):
        if (
            len(word) > n + 2
            and word[:n] in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
            and word[n:].startswith("ال")
        ):
            return n
    return 0


def _nisba_alone(m: Mention) -> bool:
    """A name that is only a definite nationality adjective ("الأرميني") is that adjective."""
    if " " in m.text.strip():
        return False
    hit = nationality.match(m.text)
    return hit is not None and hit.definite and references.loc_country(m.text) is None


def _missed_orgs(names: Sequence[Mention], text: str) -> list[Mention]:
    """Known organizations of two words or more that the tagger missed ("الصناعات الجوية").
    One-word names are left to the tagger: "الجزيرة", "فتح", "سبق" are common words too."""
    covered = [(m.start, m.end) for m in names]
    out: list[Mention] = []
    for name in places.org_names(min_words=2):
        if name not in text:
            continue
        for hit in re.finditer(re.escape(name), text):
            start, end = hit.span()
            if end < len(text) and _LETTER.match(text[end]):
                continue
            if start > 0 and _LETTER.match(text[start - 1]) and text[start - 1] not in "وبل":
                continue
            if any(s < end and start < e for s, e in covered):
                continue
            covered.append((start, end))
            out.append(Mention(start, end, name, "ORG"))
    return out


def _trim(
    m: Mention, tokens: Sequence[Token], texts: list[str], starts: list[int], text: str
) -> Mention | None:
    """ "محمد بن سلمان ولي" → "محمد بن سلمان" (the title runs on past the name: "ولي ولي العهد");
    "الرئيس عبد ربه" → "عبد ربه"; "كوباني السورية" → "كوباني" (the adjective is a nisba
    mention of its own). A name that is all title ("ولي ولي") is dropped."""
    first = bisect.bisect_right(starts, m.start) - 1
    stop = bisect.bisect_left(starts, m.end)  # tokens starting before the mention ends
    toks = list(range(max(first, 0), stop))
    if not toks:
        return m
    if m.type == "PERSON" and all(_not_a_name(texts, k) for k in toks):
        return None  # "الثاني", "مساعد", "الله": a title, an ordinal or God, not a person's name
    if m.type == "PERSON":
        for pos, k in enumerate(toks):
            hit = title_at(texts, k)
            if hit is None:
                continue
            if k + hit.n > toks[-1] + 1:
                if pos == 0:
                    return None
                end = tokens[toks[pos - 1]].end
                return dataclasses.replace(m, end=end, text=text[m.start : end])
            if pos == 0 and hit.definite and not hit.possessive and hit.n < len(toks):
                start = tokens[toks[hit.n]].start
                return dataclasses.replace(m, start=start, text=text[start : m.end])
            break
    lookup = ("ا" + m.text) if text[m.start - 1 : m.start + 1] == "لل" else m.text
    if m.type == "LOC" and len(toks) >= 2 and references.loc_country(lookup) is None:
        last = tokens[toks[-1]]
        nisba = nationality.match(last.text)
        if nisba is not None and nisba.definite and nisba.prefix == 0 and not places.place_named(m.text):
            end = tokens[toks[-2]].end
            return dataclasses.replace(m, end=end, text=text[m.start : end])
    return m


def _split_coordinated(names: Sequence[Mention], text: str) -> list[Mention]:
    """ "بوتين وبلاتر" tagged as one person is two when "بلاتر" names someone elsewhere in the text."""
    known = {w for m in names if m.type == "PERSON" for w in m.text.split()}
    out: list[Mention] = []
    for m in names:
        cut = None
        if m.type == "PERSON":
            for hit in re.finditer(r"\sو(\S+)", m.text):
                if hit.group(1) in known and hit.group(1) not in m.text.split():
                    cut = hit
                    break
        if cut is None:
            out.append(m)
            continue
        left_end = m.start + cut.start()
        right_start = m.start + cut.start(1)
        out.append(dataclasses.replace(m, end=left_end, text=text[m.start : left_end]))
        out.append(dataclasses.replace(m, start=right_start, text=text[right_start : m.end]))
    return out


def _not_a_name(texts: list[str], k: int) -> bool:
    word = texts[k]
    return (
        title_at(texts, k) is not None
        or is_title_adjective(word)
        or "not_name" in function_words().get(normalize(word), frozenset())
    )


def _after_designator(m: Mention, tokens: Sequence[Token]) -> bool:
    """A country name after "منتخب" or "صحيفة" names a team or a newspaper."""
    i = bisect.bisect_left([t.start for t in tokens], m.start)
    if i == 0:
        return False
    prev = normalize(tokens[i - 1].text)
    return "org_designator" in function_words().get(prev, frozenset())


def _missed_countries(tokens: Sequence[Token], names: Sequence[Mention], text: str) -> list[Mention]:
    covered = [(m.start, m.end) for m in names]
    arabic = [t for t in tokens if t.kind == "arabic"]
    lengths = sorted(places.country_name_lengths(), reverse=True)
    out: list[Mention] = []
    firsts = places.country_first_words()
    i = 0
    while i < len(arabic):
        found = False
        if not _may_start_country(arabic[i].text, firsts):
            i += 1
            continue
        for n in lengths:
            span = arabic[i : i + n]
            if len(span) < n or any(_gap(text, a, b) for a, b in itertools.pairwise(span)):
                continue
            for prefix in [0, *_clitic_splits(span[0].text)]:
                start = span[0].start + prefix
                surface = text[start : span[-1].end]
                lookup = ("ا" + surface) if text[start - 1 : start + 1] == "لل" else surface
                country = references.loc_country(lookup)
                if country is None or places.is_ambiguous_name(lookup):
                    continue
                if any(s < span[-1].end and start < e for s, e in covered):
                    continue
                if n == 1 and nationality.match(span[0].text) and _reads_adjective_at(arabic, i):
                    continue
                out.append(Mention(start, span[-1].end, surface, "LOC"))
                found = True
                break
            if found:
                i += n
                break
        if not found:
            i += 1
    return out


@lru_cache(maxsize=65536)
def _may_start_country(word: str, firsts: frozenset[str]) -> bool:
    """Could a country name start at this word, after its clitics? (A cheap test before a scan.)"""
    keys = [
        places.key(("ا" if word[p - 1 : p + 1] == "لل" else "") + word[p:])
        for p in [0, *_clitic_splits(word)]
    ]
    return any(k in firsts or references.is_state_word(k) for k in keys)


@lru_cache(maxsize=65536)
def _clitic_splits(word: str) -> tuple[int, ...]:
    return tuple(sorted({sp.prefix for sp in nationality.splits(word, False) if sp.prefix}))


def _gap(text: str, a: Token, b: Token) -> bool:
    return bool(text[a.end : b.start].strip())


def _reads_adjective_at(arabic: Sequence[Token], i: int) -> bool:
    prev = arabic[i - 1].text if i > 0 else None
    prev2 = arabic[i - 2].text if i > 1 else None
    return nationality.reads_as_adjective(arabic[i].text, prev, prev2)
