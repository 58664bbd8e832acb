"""The entities stage: from name mentions to canonical entities with roles, countries, Latin names.

Input: ``analysis.mentions`` (name mentions from the tagger) and the tokens.
Output: ``analysis.entities`` and the final ``analysis.mentions``: the name
mentions (corrected), title mentions ("المستشار الأذري", kind ``title``) and
nationality adjectives standing for their country ("التركي", kind ``nisba``).

Steps, each general rather than tuned to one article:

1. correct the tagger with the place tables: a country name tagged PERSON or
   ORG is a LOC ("مصر"); a big city tagged PERSON is a LOC; an unambiguous
   country name it missed is added ("السعودية" when it reads as a noun);
2. read every word: its title, its nisba, its function ("لدى", "في");
3. attach appositive roles to person names and find standalone title phrases
   (:mod:`khabar.entities.titles`); nationality adjectives become nisba
   mentions of their country (a country mentioned only as "الدعم التركي" is
   still a LOC entity);
4. group everything with :mod:`khabar.entities.resolver`;
5. build :class:`~khabar.model.Entity` records: canonical name (the fullest
   name; the CLDR name for a country), role, country, Latin form.

The photo credit of the caption is not in ``article.text``: its photographer
becomes a PERSON entity with role "photographer" and its agency an ORG entity,
both with no mentions unless the text names them too (then they merge).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import re
from collections.abc import Callable, Sequence

from khabar.entities import nationality, places
from khabar.entities.resolver import Cluster, Item, Resolver, name_tokens
from khabar.entities.titles import (
    Role,
    Word,
    function_words,
    is_title_adjective,
    phrase_at,
    role_before,
    title_at,
)
from khabar.entities.transliterate import latin_of
from khabar.model import Analysis, Country, Entity, Mention, Token
from khabar.options import Options
from khabar.text.normalize import normalize

log = logging.getLogger(__name__)

PHOTOGRAPHER = "photographer"
_BIG_CITY = 1_000_000
_SENTENCE_END = re.compile(r"[.!?؟]+|\n+")


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``analysis.entities`` and replace ``analysis.mentions`` with the final list."""
    text = analysis.article.text
    tokens = analysis.tokens if analysis.tokens is not None else _tokenize(text)
    names = correct_types([m for m in analysis.mentions or () if m.kind == "name"], tokens, text)
    sentence_starts = _sentence_starts(analysis, text)
    words = build_words(tokens, names)
    names = [m for m in names if not _adjectival_country(m, words)]
    words = build_words(tokens, names)
    items = _items(words, names, text, sentence_starts, len(analysis.article.title))
    resolver = Resolver()
    for item in items:
        kind, type_ = item.mention.kind, item.mention.type
        if kind == "title":
            resolver.add_title(item)
        elif type_ == "PERSON":
            resolver.add_name(item)
        else:
            resolver.add_keyed(item, type_)
    entities = _entities(resolver.clusters, analysis)
    mentions = tuple(sorted({m for e in entities for m in e.mentions}, key=lambda m: (m.start, -m.end)))
    return dataclasses.replace(analysis, entities=tuple(entities), mentions=mentions)


def _tokenize(text: str) -> tuple[Token, ...]:
    from khabar.text.tokenize import tokenize

    return tokenize(text)


def _sentence_starts(analysis: Analysis, text: str) -> list[int]:
    if analysis.sentences:
        return [s.start for s in analysis.sentences]
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


# -- 1. correcting the tagger ------------------------------------------------------------------------


def correct_types(names: Sequence[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """Retype place names the tagger got wrong and add country names it missed."""
    out: list[Mention] = []
    for m in names:
        new_type = m.type
        if m.type != "LOC" and places.country_named(m.text) and not _after_designator(m, tokens):
            new_type = "LOC"
        elif m.type == "PERSON":
            city = places.city_named(m.text)
            if places.place_named(m.text) or (city and (city.capital or city.population >= _BIG_CITY)):
                new_type = "LOC"
        out.append(m if new_type == m.type else dataclasses.replace(m, type=new_type))
    out.extend(_missed_countries(tokens, out, text))
    return sorted(out, key=lambda m: (m.start, -m.end))


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
    i = 0
    while i < len(arabic):
        found = False
        for n in lengths:
            span = arabic[i : i + n]
            if len(span) < n or any(_gap(text, a, b) for a, b in itertools.pairwise(span)):
                continue
            for prefix in [0, *_clitic_splits(span[0].text)]:
                start = span[0].start + prefix
                surface = text[start : span[-1].end]
                lookup = ("ا" + surface) if text[start - 1 : start + 1] == "لل" else surface
                country = places.country_named(lookup)
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


def _clitic_splits(word: str) -> list[int]:
    return sorted({sp.prefix for sp in nationality.splits(word, False) if sp.prefix})


def _gap(text: str, a: Token, b: Token) -> bool:
    return bool(text[a.end : b.start].strip())


def _reads_adjective_at(arabic: Sequence[Token], i: int) -> bool:
    prev = arabic[i - 1].text if i > 0 else None
    prev2 = arabic[i - 2].text if i > 1 else None
    return nationality.reads_as_adjective(arabic[i].text, prev, prev2)


def _adjectival_country(m: Mention, words: Sequence[Word]) -> bool:
    """A LOC mention "السعودية" in "الحكومة السعودية" is the adjective, not the country."""
    if m.type != "LOC" or " " in m.text.strip():
        return False
    idx = [k for k, w in enumerate(words) if w.start <= m.start < w.end]
    if not idx or idx[0] == 0:
        return False
    k = idx[0]
    w = words[k]
    if nationality.match(w.text) is None:
        return False
    prev = words[k - 1]
    if prev.punct:
        return False
    prev2 = words[k - 2].text if k > 1 and not words[k - 2].punct else None
    return nationality.reads_as_adjective(w.text, prev.text, prev2)


# -- 2. words ----------------------------------------------------------------------------------------


def build_words(tokens: Sequence[Token], names: Sequence[Mention]) -> list[Word]:
    """One :class:`Word` per token, with its name mention, title, nisba and function."""
    texts = [t.text for t in tokens]
    starts = [m.start for m in names]
    fn = function_words()
    out: list[Word] = []
    for i, t in enumerate(tokens):
        mention_id: int | None = None
        j = bisect.bisect_right(starts, t.start) - 1
        for k in (j, j + 1):
            if 0 <= k < len(names) and names[k].start < t.end and t.start < names[k].end:
                mention_id = k
                break
        mention = names[mention_id] if mention_id is not None else None
        arabic = t.kind == "arabic"
        country = None
        if mention is not None and mention.type == "LOC":
            c = places.country_named(mention.text)
            country = c.code if c else None
        out.append(
            Word(
                start=t.start,
                end=t.end,
                text=t.text,
                punct=t.kind == "punct",
                mention=mention.type if mention else None,
                mention_id=mention_id,
                title=title_at(texts, i) if arabic else None,
                nisba=nationality.match(t.text) if arabic and mention is None else None,
                country=country,
                definite=arabic and _definite(t.text),
                fn=fn.get(normalize(t.text), frozenset()),
                adjective=arabic and is_title_adjective(t.text),
            )
        )
    return out


def _definite(word: str) -> bool:
    """Has the article, after any clitics, judged on the surface form ("ألمانيا" has none)."""
    for clitic in ("", "و", "ف", "ب", "ك", "وب", "فب", "وك"):
        if word.startswith(clitic + "ال") and len(word) > len(clitic) + 3:
            return True
    return any(word.startswith(c + "لل") and len(word) > len(c) + 4 for c in ("", "و", "ف"))


# -- 3. items ----------------------------------------------------------------------------------------


def _items(
    words: list[Word], names: Sequence[Mention], text: str, sentence_starts: list[int], title_len: int
) -> list[Item]:
    def sentence(pos: int) -> int:
        return bisect.bisect_right(sentence_starts, pos) - 1

    first_word: dict[int, int] = {}
    for k, w in enumerate(words):
        if w.mention_id is not None:
            first_word.setdefault(w.mention_id, k)
    roles: dict[int, Role] = {}
    in_role: set[int] = set()
    for mid, m in enumerate(names):
        if m.type == "PERSON" and mid in first_word:
            role = role_before(words, first_word[mid], text)
            if role is not None:
                roles[mid] = role
                in_role.update(k for k, w in enumerate(words) if role.start <= w.start < role.end + 1)
    items: list[Item] = []
    for mid, m in enumerate(names):
        items.append(Item(m, sentence(m.start), roles.get(mid), _key(m), m.start < title_len))
    items.extend(_title_items(words, names, text, roles, in_role, sentence, title_len))
    items.extend(_nisba_items(words, sentence, title_len))
    return sorted(items, key=lambda it: (it.mention.start, -it.mention.end))


def _title_items(
    words: list[Word],
    names: Sequence[Mention],
    text: str,
    roles: dict[int, Role],
    in_role: set[int],
    sentence: Callable[[int], int],
    title_len: int,
) -> list[Item]:
    out: list[Item] = []
    k = 0
    while k < len(words):
        if k in in_role or words[k].title is None:
            k += 1
            continue
        found = phrase_at(words, k, text)
        if found is None:
            k += 1
            continue
        role, end = found
        nxt = end + 1 if end < len(words) and words[end].text in ("،", ",") else end
        if nxt < len(words) and words[nxt].mention == "PERSON":
            k = end  # the title of the name that follows (role_before has it)
            continue
        prev_name = _name_before(words, k)
        if prev_name is not None and (end >= len(words) or words[end].punct):
            mid = prev_name
            if names[mid].type == "PERSON" and mid not in roles and not role.counterpart:
                roles[mid] = role  # post-apposition: "أرمان سركيسيان، الرئيس الأرميني،"
                k = end
                continue
        mention = Mention(role.start, role.end, role.text, "PERSON", kind="title")
        out.append(Item(mention, sentence(role.start), role, None, role.start < title_len))
        k = end
    return out


def _name_before(words: Sequence[Word], k: int) -> int | None:
    if k >= 2 and words[k - 1].text in ("،", ",") and words[k - 2].mention == "PERSON":
        return words[k - 2].mention_id
    return None


def _nisba_items(words: list[Word], sentence: Callable[[int], int], title_len: int) -> list[Item]:
    out: list[Item] = []
    texts = [w.text for w in words]
    k = 0
    while k < len(words):
        w = words[k]
        if w.mention in ("PERSON", "LOC") or w.punct:
            k += 1
            continue
        phrase = nationality.phrase_at(texts, k)
        if phrase is not None:
            code, n = phrase
            last = words[k + n - 1]
            start = w.start + _prefix(w.text)
            m = Mention(start, last.end, " ".join(texts[k : k + n]), "LOC", kind="nisba")
            m = dataclasses.replace(m, text=_surface(words, k, k + n, start))
            out.append(Item(m, sentence(start), None, code, start < title_len))
            k += n
            continue
        if w.nisba is not None and _is_nisba_use(words, k):
            start = w.start + w.nisba.prefix
            m = Mention(start, w.end, w.text[w.nisba.prefix :], "LOC", kind="nisba")
            out.append(Item(m, sentence(start), None, w.nisba.code, start < title_len))
        k += 1
    return out


def _surface(words: Sequence[Word], a: int, b: int, start: int) -> str:
    parts = [words[a].text[start - words[a].start :]] + [w.text for w in words[a + 1 : b]]
    return " ".join(parts)


def _prefix(word: str) -> int:
    m = nationality.match(word)
    if m:
        return m.prefix
    for sp in nationality.splits(word):
        if sp.definite:
            return sp.prefix
    return 0


def _is_nisba_use(words: Sequence[Word], k: int) -> bool:
    """Is the nisba-shaped word an adjective here, not a name or the country itself?"""
    w = words[k]
    assert w.nisba is not None
    prev = words[k - 1] if k > 0 and not words[k - 1].punct else None
    bare = w.text[w.nisba.prefix :]
    if places.country_named(bare) or places.country_named("ال" + bare):
        prev2 = words[k - 2].text if k > 1 and prev is not None and not words[k - 2].punct else None
        if not nationality.reads_as_adjective(w.text, prev.text if prev else None, prev2):
            return False
    if not w.nisba.definite:
        if prev is None:
            return False  # adjectives do not open a sentence: "تركي" there is a name
        if prev.title is not None and prev.title.definite and prev.title.entry.cls in ("honorific", "royal"):
            return False  # "الأمير تركي"
    nxt = words[k + 1] if k + 1 < len(words) else None
    return not (nxt is not None and "connective" in nxt.fn)


def _key(m: Mention) -> str | None:
    if m.type == "PERSON":
        return None
    if m.type == "LOC":
        c = places.country_named(m.text)
        if c:
            return c.code
    if m.type == "ORG":
        org = places.org_named(m.text)
        if org:
            return "org:" + org.name
        return _strip_designator(places.key(m.text))
    return _strip_article(places.key(m.text))


def _strip_designator(k: str) -> str:
    first, _, rest = k.partition(" ")
    if rest and "org_designator" in function_words().get(first, frozenset()):
        return rest
    return k


def _strip_article(k: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in k.split())


# -- 5. entities -------------------------------------------------------------------------------------


def _entities(clusters: Sequence[Cluster], analysis: Analysis) -> list[Entity]:
    built: list[tuple[int, Entity]] = []
    for c in clusters:
        if not c.items:
            continue
        built.append((min(it.mention.start for it in c.items), _entity(c)))
    built.sort(key=lambda pair: pair[0])
    entities = [dataclasses.replace(e, id=f"E{i}") for i, (_, e) in enumerate(built, 1)]
    return _with_credit(entities, analysis)


def _entity(c: Cluster) -> Entity:
    mentions = tuple(sorted({it.mention for it in c.items}, key=lambda m: (m.start, -m.end)))
    names = [m for m in mentions if m.kind == "name"]
    role: str | None = None
    country = None
    if c.type == "PERSON":
        canonical = _fullest(names) or _title_text(c) or mentions[0].text
        role = _role_text(c)
        country = places.country(c.country) if c.country else None
    elif c.type == "LOC" and c.key and len(c.key) == 2 and c.key.isupper():
        country = places.country(c.key)
        canonical = country.name if country else (_fullest(names) or mentions[0].text)
    else:
        # Known organizations keep the article's own (fullest) spelling as canonical;
        # the table gives their English name and country.
        canonical = _fullest(names) or mentions[0].text
        org = places.org_named(c.key[4:]) if c.type == "ORG" and c.key and c.key.startswith("org:") else None
        if org is not None:
            country = places.country(org.code) if org.code else None
        elif c.type == "ORG":
            country = _org_country(names)
    latin = latin_of(canonical, c.type) if (c.type != "PERSON" or names) else None
    return Entity(
        id="", type=c.type, canonical=canonical, mentions=mentions, role=role, country=country, latin=latin
    )


def _fullest(names: Sequence[Mention]) -> str | None:
    if not names:
        return None
    best = max(names, key=lambda m: (len(name_tokens(m.text)), len(m.text), -m.start))
    return best.text


def _role_text(c: Cluster) -> str | None:
    appositive = [it.role for it in c.items if it.mention.kind == "name" and it.role is not None]
    titles = [it.role for it in c.items if it.mention.kind == "title" and it.role is not None]
    for group in (appositive, [r for r in titles if r.definite]):
        for r in group:
            if not r.counterpart:
                return r.text
    for r in appositive + titles:
        return r.text
    return None


def _title_text(c: Cluster) -> str | None:
    return _role_text(c)


def _org_country(names: Sequence[Mention]) -> Country | None:
    for m in names:
        for word in m.text.split():
            found = nationality.country_of(word)
            if found:
                return found
    return None


def _with_credit(entities: list[Entity], analysis: Analysis) -> list[Entity]:
    """Entities for the caption's photo credit (not in ``article.text``)."""
    credit = analysis.article.photo_credit
    out = list(entities)
    for value, type_, role in ((credit.photographer, "PERSON", PHOTOGRAPHER), (credit.agency, "ORG", None)):
        if not value:
            continue
        match = _find(out, value, type_)
        if match is not None:
            i, e = match
            if role and e.role is None:
                out[i] = dataclasses.replace(e, role=role)
            continue
        org = places.org_named(value) if type_ == "ORG" else None
        canonical = org.name if org else value.strip()
        out.append(
            Entity(
                id=f"E{len(out) + 1}",
                type=type_,
                canonical=canonical,
                mentions=(),
                role=role,
                country=places.country(org.code) if org and org.code else None,
                latin=latin_of(canonical, type_),
            )
        )
    return out


def _find(entities: Sequence[Entity], value: str, type_: str) -> tuple[int, Entity] | None:
    org = places.org_named(value) if type_ == "ORG" else None
    k = places.key(org.name if org else value)
    for i, e in enumerate(entities):
        if e.type == type_ and places.key(e.canonical) == k:
            return i, e
    return None
