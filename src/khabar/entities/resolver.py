"""Coreference decisions: which mentions name the same real-world referent.

No pronouns, only what a news story repeats: full names and later surnames
("رؤوفين ريفلين" … "ريفلين"), title phrases ("المستشار الأذري"), counterparts
("نظيره الإسرائيلي": the person holding the current subject's office in
Israel), and nationality adjectives standing for their country.

The decisions are plain functions so that tests can assert each one:

- :func:`name_matches`: a person name is a contiguous part of another that
  keeps its family name ("أمير بايوف", "ريفلين"), never a given name alone;
- :func:`same_office` / :func:`compatible`: a title phrase may refer to an
  entity if the office, the nationality and the gender (where visible) agree;
- :func:`choose_antecedent`: among the compatible entities, the most recent
  (the one mentioned last before the title phrase).

Title phrases with no antecedent yet open a "title-only" entity; when a name
later arrives with a compatible role ("نظيره الأرميني، أرمان سركيسيان"), the
name joins it. That covers news writing that names a person only after
referring to them ("الرئيس الأرميني" … then the name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from khabar.entities import places
from khabar.entities.titles import Role, function_words, title_at
from khabar.model import Mention


@dataclass(frozen=True, slots=True)
class Office:
    head: str
    complement: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    generic: bool = False


@dataclass(frozen=True, slots=True)
class EntityState:
    """A snapshot of what the resolver knows about an entity when it decides."""

    index: int
    type: str
    names: tuple[tuple[str, ...], ...] = ()
    offices: tuple[Office, ...] = ()
    gender: str | None = None
    country: str | None = None
    last: int = -1

    @property
    def named(self) -> bool:
        return bool(self.names)


@dataclass(frozen=True, slots=True)
class Item:
    """One mention to resolve, in text order.

    ``role`` is the appositive title of a name mention, or for a title mention
    the title phrase itself. ``key`` groups LOC/ORG/MISC mentions and nisbas
    (a country's ISO code, a known organization's canonical name).
    """

    mention: Mention
    sentence: int = 0
    role: Role | None = None
    key: str | None = None
    headline: bool = False
    extra_roles: tuple[Role, ...] = ()  # titles in apposition after the name
    nationality: str | None = None  # a nationality adjective before the name ("الألماني توماس باخ")

    @property
    def roles(self) -> tuple[Role, ...]:
        return ((self.role,) if self.role else ()) + self.extra_roles


@dataclass(slots=True)
class Cluster:
    """The resolver's working record of one entity (mutable while resolving)."""

    index: int
    type: str
    items: list[Item] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    key: str | None = None

    def state(self) -> EntityState:
        last = max((it.mention.end for it in self.items), default=-1)
        return EntityState(
            index=self.index,
            type=self.type,
            names=tuple(self.names),
            offices=tuple(self.offices),
            gender=self.gender,
            country=self.country,
            last=last,
        )


def name_tokens(text: str) -> tuple[str, ...]:
    """Matching-form words of a name ("رؤوفين ريفلين" → ("رووفين", "ريفلين"))."""
    return tuple(places.key(text).split())


def _connective(word: str) -> bool:
    return "connective" in function_words().get(word, frozenset())


def _patronymic(word: str) -> bool:
    return "patronymic" in function_words().get(word, frozenset())


def name_matches(tokens: Sequence[str], entity: EntityState) -> bool:
    """Does the person name ``tokens`` name ``entity``?

    One is a contiguous run of the other, and the shorter is not a given name
    alone: "أمير بايوف" and "بايوف" match "أيلتشين أمير بايوف", "أيلتشين"
    does not (given names are shared by too many people), nor does a lone
    connective ("بن"), nor a run right after "بن" (the father: "سلمان بن
    عبدالعزيز" in "محمد بن سلمان بن عبدالعزيز").
    """
    tokens = tuple(tokens)
    for name in entity.names:
        short, long_ = (tokens, name) if len(tokens) <= len(name) else (name, tokens)
        if not short:
            continue
        if short == long_:
            return True
        n = len(short)
        content = sum(1 for t in short if not _connective(t))
        for i in range(len(long_) - n + 1):
            # From the first word on, only a name of two content words ("محمد بن سلمان"),
            # never a given name alone.
            if long_[i : i + n] == short and content >= (2 if i == 0 else 1):
                if i > 0 and _patronymic(long_[i - 1]):
                    continue
                return True
    return False


@cache
def _is_title_lemma(word: str) -> bool:
    return title_at([word], 0) is not None


def office_of(role: Role) -> Office:
    return Office(role.head, role.complement, role.flags, generic=role.cls == "generic")


def _offices(role: Role) -> list[Office]:
    """The role's office and the courtesy royal titles before the name ("الملك")."""
    return [office_of(role)] + [Office(lemma) for lemma in role.also]


def _org_tokens(key: str) -> tuple[str, ...]:
    return tuple(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in key.split())


def org_matches(tokens: Sequence[str], names: Sequence[tuple[str, ...]]) -> bool:
    """Does an organization name match one already seen?

    Same head word, and one name's words appear in order in the other:
    "السلطة الفلسطينية" / "السلطة الوطنية الفلسطينية", "الائتلاف" / "الائتلاف
    السوري المعارض", "لوكهيد" / "لوكهيد مارتن". Articles are ignored.
    """
    tokens = tuple(tokens)
    for name in names:
        if not tokens or not name or tokens[0] != name[0]:
            continue
        short, long_ = (tokens, name) if len(tokens) <= len(name) else (name, tokens)
        it = iter(long_)
        if all(any(t == x for x in it) for t in short):
            return True
    return False


def same_office(ref: Office, office: Office) -> bool:
    """Can a title naming office ``ref`` refer to someone holding ``office``?

    The heads must agree; a bare title refers to a fuller office ("الوزير" to
    "وزير الخارجية", "المستشار" to "مستشار نائبة رئيس ..."), except for titles
    whose bare form is an office of its own ("الرئيس" is not "رئيس الوزراء").
    A generic title ("مسؤول") fits any office.
    """
    if ref.generic or office.generic:
        return True
    if ref.head != office.head:
        return False
    if ref.complement == office.complement:
        return True
    if not ref.complement:
        return "distinct" not in ref.flags or all(_is_title_lemma(c) for c in office.complement)
    return not office.complement


def narrower_office(ref: Office, office: Office) -> bool:
    """Is ``ref`` a shortened form of ``office``: same head, its complement words in order
    among the office's?

    Headlines and later references shorten a full title: "وزير الطاقة" for
    "وزير الطاقة والمياه", "رئيس الوزراء" for "رئيس مجلس الوزراء". A title word in
    the complement whose bare form is an office of its own must end both or
    neither: "نائب الرئيس" (vice-president) is not "نائب رئيس الوزراء". Weaker
    evidence than :func:`same_office`, so the resolver takes it only when one
    entity fits (:func:`choose_antecedent`).
    """
    if ref.generic or office.generic or ref.head != office.head:
        return False
    short, long_ = ref.complement, office.complement
    if not short or len(short) >= len(long_):
        return False
    k = 0
    for i, word in enumerate(short):
        while k < len(long_) and long_[k] != word:
            k += 1
        if k == len(long_):
            return False
        last_short, last_long = i == len(short) - 1, k == len(long_) - 1
        if last_short != last_long and _is_distinct_title(word):
            return False
        k += 1
    return True


@cache
def _is_distinct_title(word: str) -> bool:
    hit = title_at([word], 0)
    return hit is not None and "distinct" in hit.entry.flags


def compatible(
    ref: Role, entity: EntityState, *, subject: EntityState | None = None, narrower: bool = False
) -> bool:
    """May the title phrase ``ref`` refer to ``entity``?

    Persons only; the office must fit (for a counterpart, the subject's
    office); the nationality must not contradict (a counterpart needs one and
    it must match); the gender must not contradict where both are known.
    With ``narrower``, the title may also be a shortened form of the office
    (:func:`narrower_office`).
    """
    if entity.type != "PERSON":
        return False
    if ref.counterpart:
        if subject is None or entity.index == subject.index or ref.country is None:
            return False
        if entity.country != ref.country:
            return False
        if subject.offices and entity.offices:
            return any(same_office(s, o) for s in subject.offices for o in entity.offices)
        return True
    if ref.country and entity.country and ref.country != entity.country:
        return False
    if ref.gender and entity.gender and ref.gender != entity.gender:
        return False
    ref_office = office_of(ref)
    if any(
        same_office(ref_office, o) or (narrower and narrower_office(ref_office, o)) for o in entity.offices
    ):
        return True
    # The office a fixed title stands for ("خادم الحرمين الشريفين" → "الملك سلمان").
    return any(same_office(Office(lemma), o) for lemma in ref.also for o in entity.offices)


def choose_antecedent(
    ref: Role, entities: Sequence[EntityState], *, subject: EntityState | None = None
) -> EntityState | None:
    """The entity ``ref`` refers to: compatible, agreeing on nationality if it has one, most recent.

    Failing that, the one entity whose office ``ref`` shortens ("وزير الطاقة
    اللبناني" for "وزير الطاقة والمياه اللبناني"); if two fit, neither is chosen.
    """
    cands = [e for e in entities if compatible(ref, e, subject=subject)]
    if not cands:
        loose = [e for e in entities if compatible(ref, e, subject=subject, narrower=True)]
        return loose[0] if len(loose) == 1 else None
    return max(cands, key=lambda e: (ref.country is not None and e.country == ref.country, e.last))


def _subject(clusters: Sequence[Cluster], sentence: int, before: int) -> Cluster | None:
    """The person the current sentence is about: the last one mentioned in it so far,
    else the last person mentioned before."""
    best: tuple[int, Cluster] | None = None
    fallback: tuple[int, Cluster] | None = None
    for c in clusters:
        if c.type != "PERSON":
            continue
        for it in c.items:
            if it.mention.start >= before:
                continue
            if it.sentence == sentence and (best is None or it.mention.start > best[0]):
                best = (it.mention.start, c)
            if fallback is None or it.mention.start > fallback[0]:
                fallback = (it.mention.start, c)
    chosen = best or fallback
    return chosen[1] if chosen else None


class Resolver:
    """Groups items (fed in text order) into clusters."""

    def __init__(self, items: Sequence[Item] = ()) -> None:
        """``items``: the whole document's references, if known, so that a title read
        before any name (a headline) can tell whether later names make it ambiguous."""
        self.clusters: list[Cluster] = []
        self._by_key: dict[tuple[str, str], Cluster] = {}
        self._named_roles = [
            (name_tokens(it.mention.text), it.roles)
            for it in items
            if it.mention.kind == "name" and it.mention.type == "PERSON" and it.roles
        ]

    def _new(self, type_: str, key: str | None = None) -> Cluster:
        c = Cluster(index=len(self.clusters), type=type_, key=key)
        self.clusters.append(c)
        if key is not None:
            self._by_key[(type_, key)] = c
        return c

    def _add(self, c: Cluster, item: Item) -> None:
        c.items.append(item)
        for role in item.roles:
            if not role.counterpart:
                for office in _offices(role):
                    if office not in c.offices:
                        c.offices.append(office)
                if c.gender is None and role.cls != "generic":
                    c.gender = role.gender
            elif c.gender is None and role.gender == "f":
                c.gender = "f"  # "نظيرته": the counterpart is a woman
            if c.country is None and role.country:
                c.country = role.country
        if c.country is None and item.nationality:
            c.country = item.nationality

    def merge(self, keep: Cluster, other: Cluster) -> None:
        """Fold ``other`` into ``keep`` ("وزارة الدفاع الأمريكية (البنتاجون)")."""
        if keep is other:
            return
        keep.items.extend(other.items)
        keep.names.extend(n for n in other.names if n not in keep.names)
        keep.offices.extend(o for o in other.offices if o not in keep.offices)
        keep.country = keep.country or other.country
        keep.gender = keep.gender or other.gender
        other.items.clear()
        for k, c in list(self._by_key.items()):
            if c is other:
                self._by_key[k] = keep

    def _persons(self, named: bool | None = None) -> list[EntityState]:
        return [
            c.state()
            for c in self.clusters
            if c.type == "PERSON" and (named is None or bool(c.names) == named)
        ]

    def by_key(self, type_: str, key: str) -> Cluster:
        """The cluster grouped under ``key`` (a country code, an org name), created if new."""
        return self._by_key.get((type_, key)) or self._new(type_, key)

    def add_keyed(self, item: Item, type_: str) -> Cluster:
        """A place, organization or nisba, grouped by key; an organization also by
        :func:`org_matches` ("الائتلاف" → "الائتلاف السوري المعارض")."""
        assert item.key is not None
        c = self._by_key.get((type_, item.key))
        if c is None and type_ == "ORG" and item.mention.kind == "name":
            tokens = _org_tokens(item.key)
            matches = [
                x for x in self.clusters if x.type == "ORG" and x.items and org_matches(tokens, x.names)
            ]
            if matches:
                c = max(matches, key=lambda x: max(it.mention.end for it in x.items))
                self._by_key[(type_, item.key)] = c
        if c is None:
            c = self.by_key(type_, item.key)
        if type_ == "ORG":
            tokens = _org_tokens(item.key)
            if tokens and tokens not in c.names:
                c.names.append(tokens)
        c.items.append(item)
        return c

    def add_name(self, item: Item) -> Cluster:
        """A person's name, with its appositive role if any."""
        tokens = name_tokens(item.mention.text)
        role = item.role
        target: Cluster | None = None
        if role is not None and role.counterpart:
            subject = _subject(self.clusters, item.sentence, item.mention.start)
            st = choose_antecedent(role, self._persons(), subject=subject.state() if subject else None)
            if st is not None and (not st.named or name_matches(tokens, st)):
                target = self.clusters[st.index]
            if subject is not None and target is not None:
                for o in subject.offices:
                    if o not in target.offices:
                        target.offices.append(o)
        if target is None:
            matches = [st for st in self._persons(named=True) if name_matches(tokens, st)]
            if matches:
                target = self.clusters[max(matches, key=lambda s: s.last).index]
        if target is None:
            target = self._title_only_for(item)
        if target is None:
            target = self._new("PERSON")
        if tokens not in target.names:
            target.names.append(tokens)
        self._add(target, item)
        return target

    def _title_only_for(self, item: Item) -> Cluster | None:
        """The unnamed entity (opened by a title phrase) that a named person's roles fit, most recent.

        Failing that, the one unnamed entity whose title shortens the person's role
        (the headline's "وزير الطاقة اللبناني" for "وزير الطاقة والمياه اللبناني
        نزار عبد الساتر"); two such entities are ambiguous and neither is taken.
        """
        best: Cluster | None = None
        loose: list[Cluster] = []
        for c in self.clusters:
            if c.type != "PERSON" or c.names or not c.items:
                continue
            for role in item.roles:
                if role.counterpart:
                    continue
                if role.country and c.country and role.country != c.country:
                    continue
                if role.gender and c.gender and role.gender != c.gender:
                    continue
                mine = _offices(role)
                if any(same_office(o, m) for o in c.offices for m in mine):
                    if best is None or c.state().last > best.state().last:
                        best = c
                elif c not in loose and any(narrower_office(o, m) for o in c.offices for m in mine):
                    loose.append(c)
        if best is None and len(loose) == 1 and self._one_holder(loose[0]):
            return loose[0]
        return best

    def _one_holder(self, c: Cluster) -> bool:
        """Do the document's named persons whose roles ``c``'s title shortens all name one person?

        "وزير الطاقة" in a headline over "وزير الطاقة والمياه سليم العمري" and "وزير
        الطاقة والتعدين كريم العلي" could be either: it joins neither.
        """
        holders: list[tuple[str, ...]] = []
        for tokens, roles in self._named_roles:
            fits = any(
                narrower_office(o, m) for role in roles if not role.counterpart for o in c.offices
                for m in _offices(role)
            )  # fmt: skip
            if fits and not any(name_matches(tokens, EntityState(0, "PERSON", names=(h,))) for h in holders):
                holders.append(tokens)
        return len(holders) <= 1

    def add_title(self, item: Item) -> Cluster:
        """A title phrase standing for a person ("الرئيس الأرميني", "نظيره الإسرائيلي")."""
        role = item.role
        assert role is not None
        subject = None
        if role.counterpart:
            subject = _subject(self.clusters, item.sentence, item.mention.start)
        target: Cluster | None = None
        if role.definite or item.headline:
            st = choose_antecedent(role, self._persons(), subject=subject.state() if subject else None)
            target = self.clusters[st.index] if st is not None else None
        if target is None:
            target = self._new("PERSON")
            if role.counterpart and subject is not None:
                target.offices.extend(subject.offices)
        self._add(target, item)
        return target
