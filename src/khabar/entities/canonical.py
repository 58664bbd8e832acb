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
import logging
import re
from collections.abc import Sequence

from khabar.entities import corrections, nationality, places, references
from khabar.entities.resolver import Cluster, Resolver, name_tokens
from khabar.entities.titles import Role
from khabar.entities.transliterate import latin_of
from khabar.model import Analysis, Country, Entity, Mention, Token
from khabar.options import Options

log = logging.getLogger(__name__)

PHOTOGRAPHER = "photographer"
_BIG_CITY = 1_000_000
_SENTENCE_END = re.compile(r"[.!?؟]+|\n+")


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``analysis.entities`` and replace ``analysis.mentions`` with the final list."""
    text = analysis.article.text
    tokens = analysis.tokens if analysis.tokens is not None else _tokenize(text)
    names = corrections.correct_types(
        [m for m in analysis.mentions or () if m.kind == "name"], tokens, text, analysis.quantities or ()
    )
    starts = _sentence_starts(analysis, text)

    def sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    words = references.build_words(tokens, names, text)
    starts = [w.start for w in words]
    kept = [m for m in names if not references.adjectival_country(m, words, starts)]
    if len(kept) != len(names):
        names = kept
        words = references.build_words(tokens, names, text)
    refs = references.items(words, names, text, sentence, len(analysis.article.title))
    resolver = Resolver(refs)
    cluster_of: dict[Mention, Cluster] = {}
    for item in refs:
        kind, type_ = item.mention.kind, item.mention.type
        if kind == "title":
            cluster_of[item.mention] = resolver.add_title(item)
        elif type_ == "PERSON":
            cluster_of[item.mention] = resolver.add_name(item)
        else:
            cluster_of[item.mention] = resolver.add_keyed(item, type_)
    for a, b in references.org_appositions(words, names):
        resolver.merge(cluster_of[names[a]], cluster_of[names[b]])
    _merge_across_types(resolver)
    entities = _entities(resolver.clusters, analysis)
    mentions = tuple(sorted({m for e in entities for m in e.mentions}, key=lambda m: (m.start, -m.end)))
    return dataclasses.replace(analysis, entities=tuple(entities), mentions=mentions)


def _merge_across_types(resolver: Resolver) -> None:
    """One name, one entity: the tagger typing "ريتويت" ORG once and MISC once makes two
    clusters for one referent. Non-person clusters whose names are the same merge into
    the one with more name mentions (its type wins; the earlier one on a tie).
    Persons stay apart: "عباس" the president and "عباس" a town are told apart by type.
    """
    by_name: dict[str, Cluster] = {}
    for c in resolver.clusters:
        if c.type == "PERSON" or not c.items:
            continue
        names = {places.key(it.mention.text) for it in c.items if it.mention.kind == "name"}
        if len(names) != 1:
            continue
        name = names.pop()
        other = by_name.get(name)
        if other is None or other.type == c.type:
            by_name.setdefault(name, c)
            continue
        keep, gone = (other, c) if _name_count(other) >= _name_count(c) else (c, other)
        resolver.merge(keep, gone)
        keep.items = [
            dataclasses.replace(it, mention=dataclasses.replace(it.mention, type=keep.type))
            if it.mention.kind == "name" and it.mention.type != keep.type
            else it
            for it in keep.items
        ]
        by_name[name] = keep


def _name_count(c: Cluster) -> int:
    return sum(1 for it in c.items if it.mention.kind == "name")


def _tokenize(text: str) -> tuple[Token, ...]:
    from khabar.text.tokenize import tokenize

    return tokenize(text)


def _sentence_starts(analysis: Analysis, text: str) -> list[int]:
    if analysis.sentences:
        return [s.start for s in analysis.sentences]
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


# -- entities -------------------------------------------------------------------------------------


def _entities(clusters: Sequence[Cluster], analysis: Analysis) -> list[Entity]:
    built: list[tuple[int, Entity]] = []
    for c in clusters:
        if not c.items:
            continue
        built.append((min(it.mention.start for it in c.items), _entity(c, analysis.article.text)))
    built.sort(key=lambda pair: pair[0])
    entities = [dataclasses.replace(e, id=f"E{i}") for i, (_, e) in enumerate(built, 1)]
    return _with_credit(entities, analysis)


def _entity(c: Cluster, text: str) -> Entity:
    mentions = tuple(sorted({it.mention for it in c.items}, key=lambda m: (m.start, -m.end)))
    names = [_as_cited(m, text) for m in mentions if m.kind == "name"]
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


def _as_cited(m: Mention, text: str) -> Mention:
    """The mention as :func:`khabar.entities.references.cited_text` writes it."""
    cited = references.cited_text(m, text)
    return m if cited == m.text else dataclasses.replace(m, text=cited)


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
