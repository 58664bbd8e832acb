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
from collections.abc import Sequence

from khabar.entities import nationality, places, references
from khabar.entities.resolver import Cluster, Resolver, name_tokens
from khabar.entities.titles import Role, function_words, is_title_adjective, title_at
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
    starts = _sentence_starts(analysis, text)

    def sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    words = references.build_words(tokens, names, text)
    kept = [m for m in names if not references.adjectival_country(m, words)]
    if len(kept) != len(names):
        names = kept
        words = references.build_words(tokens, names, text)
    resolver = Resolver()
    cluster_of: dict[Mention, Cluster] = {}
    for item in references.items(words, names, text, sentence, len(analysis.article.title)):
        kind, type_ = item.mention.kind, item.mention.type
        if kind == "title":
            cluster_of[item.mention] = resolver.add_title(item)
        elif type_ == "PERSON":
            cluster_of[item.mention] = resolver.add_name(item)
        else:
            cluster_of[item.mention] = resolver.add_keyed(item, type_)
    for a, b in references.org_appositions(words, names):
        resolver.merge(cluster_of[names[a]], cluster_of[names[b]])
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
    """Trim titles and adjectives the tagger swept into names, retype place names it got
    wrong, and add country names it missed."""
    out: list[Mention] = []
    texts = [t.text for t in tokens]
    starts = [t.start for t in tokens]
    for m in _split_coordinated(names, text):
        trimmed = _trim(m, tokens, texts, starts, text)
        if trimmed is None:
            continue
        m = trimmed
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


def _trim(
    m: Mention, tokens: Sequence[Token], texts: list[str], starts: list[int], text: str
) -> Mention | None:
    """ "محمد بن سلمان ولي" → "محمد بن سلمان" (the title runs on past the name: "ولي ولي العهد");
    "الرئيس عبد ربه" → "عبد ربه"; "كوباني السورية" → "كوباني" (the adjective is a nisba
    mention of its own). A name that is all title ("ولي ولي") is dropped."""
    first = bisect.bisect_right(starts, m.start) - 1
    toks = [k for k in range(max(first, 0), len(tokens)) if tokens[k].start < m.end]
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
        word = arabic[i].text
        keys = [
            places.key(("ا" if word[p - 1 : p + 1] == "لل" else "") + word[p:])
            for p in [0, *_clitic_splits(word)]
        ]
        if not any(k in firsts or references.is_state_word(k) for k in keys):
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


def _clitic_splits(word: str) -> list[int]:
    return sorted({sp.prefix for sp in nationality.splits(word, False) if sp.prefix})


def _gap(text: str, a: Token, b: Token) -> bool:
    return bool(text[a.end : b.start].strip())


def _reads_adjective_at(arabic: Sequence[Token], i: int) -> bool:
    prev = arabic[i - 1].text if i > 0 else None
    prev2 = arabic[i - 2].text if i > 1 else None
    return nationality.reads_as_adjective(arabic[i].text, prev, prev2)


# -- entities -------------------------------------------------------------------------------------


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
    """The entity's role: its name's appositive title ("مستشار نائبة رئيس أذربيجان"),
    else its most specific title mention; a bare courtesy title ("الأمير") gives way
    to an office named after the name ("الأمير محمد بن سلمان ولي ولي العهد")."""
    appositive: list[Role] = []
    for it in c.items:
        if it.mention.kind == "name":
            roles = list(it.roles)
            if len(roles) > 1 and _courtesy(roles[0]):
                roles = roles[1:] + roles[:1]
            appositive.extend(roles)
    titles = [it.role for it in c.items if it.mention.kind == "title" and it.role is not None]
    for group in (appositive, [r for r in titles if r.definite]):
        for r in group:
            if not r.counterpart:
                return r.text
    for r in appositive + titles:
        return r.text
    return None


def _courtesy(role: Role) -> bool:
    return role.cls in ("royal", "honorific") and not role.complement and role.country is None


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
