"""What each word is, and the references the resolver groups: names, titles, nationality adjectives.

:func:`build_words` reads every token once (its name mention, title, nisba,
function), then :func:`items` produces one :class:`~khabar.entities.resolver.Item`
per reference, in text order:

- a name mention, with its appositive roles: the title phrase before it
  ("السفير الأرميني لدى إسرائيل أرمان سمبتيان") and the ones after it
  ("محمد بن سلمان ولي ولي العهد وزير الدفاع", "أرمان سركيسيان، الرئيس الأرميني");
  titles in apposition are roles, not mentions of their own;
- a title phrase standing for a person ("المستشار الأذري", "نظيره الإسرائيلي");
- a nationality adjective standing for its country ("الدعم التركي"), not
  inside a person's name ("تركي الفيصل") or a place's ("الأراضي الفلسطينية").

Name mentions of organizations and places get a grouping key: the ISO code of
the country they name (also through "الجمهورية الفرنسية" = designator +
nisba), a known organization's canonical name, or their words without the
article and a leading designator ("وزارة", "صحيفة").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from khabar.entities import nationality, places
from khabar.entities.nationality import NisbaMatch
from khabar.entities.resolver import Item
from khabar.entities.titles import (
    Role,
    TitleHit,
    Word,
    function_words,
    is_title_adjective,
    may_start_title,
    norm_word,
    phrase_at,
    role_before,
    title_at,
)
from khabar.model import Mention, Token
from khabar.text.clitics import mention_text, segment
from khabar.text.normalize import normalize

_COMMAS = ("،", ",")
_OPEN = ("(", "«", '"', "“")
_CLOSE = (")", "»", '"', "”")
# Words that make "designator + nationality adjective" a country: "الجمهورية الفرنسية".
_PATRONYMIC = frozenset({"بن", "ابن", "بنت"})
_STATE_ADJECTIVES = frozenset({"العربيه", "الاسلاميه", "الاتحاديه", "الديمقراطيه", "الشعبيه", "الهاشميه"})
_STATE_WORDS = frozenset({"جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "امارات"})


def build_words(tokens: Sequence[Token], names: Sequence[Mention], text: str) -> list[Word]:
    """One :class:`Word` per token, with its name mention, title, nisba and function.

    What depends on the word's letters alone (nisba, article, function, title
    adjective) is computed once per word type (:func:`_lexical`); tokens and
    mentions are both in text order, so one sweep finds each token's mention.
    """
    texts = [t.text for t in tokens]
    countries: dict[int, str | None] = {}
    out: list[Word] = []
    k = 0  # the first mention that may still cover a token
    prev_end = -1
    for i, t in enumerate(tokens):
        while k < len(names) and names[k].end <= t.start:
            k += 1
        mention_id: int | None = None
        # Mentions are sorted by start; a token overlaps at most the next two (one ending
        # inside it, one starting inside it), and the earlier one wins.
        for j in (k, k + 1):
            if j < len(names) and names[j].start < t.end and t.start < names[j].end:
                mention_id = j
                break
        mention = names[mention_id] if mention_id is not None else None
        arabic = t.kind == "arabic"
        nisba, definite, fn, adjective, titled = (
            _lexical(t.text) if arabic else (None, False, _fn(t.text), False, False)
        )
        country: str | None = None
        if mention is not None and mention.type == "LOC":
            assert mention_id is not None
            if mention_id not in countries:
                countries[mention_id] = loc_country(mention.text)
            country = countries[mention_id]
        out.append(
            Word(
                start=t.start,
                end=t.end,
                text=t.text,
                punct=t.kind == "punct",
                mention=mention.type if mention else None,
                mention_id=mention_id,
                title=title_at(texts, i) if titled else None,
                nisba=nisba if mention is None or mention.type == "ORG" else None,
                country=country,
                definite=definite,
                fn=fn,
                adjective=adjective,
                newline=i > 0 and "\n" in text[prev_end : t.start],
            )
        )
        prev_end = t.end
    return out


def _fn(word: str) -> frozenset[str]:
    return function_words().get(norm_word(word), frozenset())


@lru_cache(maxsize=65536)
def _lexical(word: str) -> tuple[NisbaMatch | None, bool, frozenset[str], bool, bool]:
    """What an Arabic word is by its letters alone: (nisba, definite, function kinds, title
    adjective, may start a title)."""
    return (
        nationality.match(word),
        _definite(word),
        _fn(word),
        is_title_adjective(word),
        may_start_title(word),
    )


def _definite(word: str) -> bool:
    """Carries the article, as the clitic segmenter reads it ("ألمانيا", "الذي" do not)."""
    return "ال" in segment(word).proclitics


def loc_country(text: str) -> str | None:
    """ISO code of a place mention that names a country: by name ("أميركا") or as a
    state word and a nationality adjective ("الجمهورية اليمنية", "المملكة المغربية")."""
    c = places.country_named(text)
    if c:
        return c.code
    words = text.split()
    if len(words) == 2 and is_state_word(places.key(words[0])):
        m = nationality.match(words[1])
        if m and m.gender == "f" and m.prefix == 0:
            return m.code
    # "مصر العربية", "جمهورية مصر العربية": a country name inside the state's long form.
    while words and is_state_word(places.key(words[0])):
        words = words[1:]
    while len(words) > 1 and places.key(words[-1]) in _STATE_ADJECTIVES:
        words = words[:-1]
    if words and len(words) < len(text.split()):
        c = places.country_named(" ".join(words))
        return c.code if c else None
    return None


def cited_text(m: Mention, text: str) -> str:
    """The mention as a reader cites it: the span of "للسعودية" starts at the
    article's lam ("لسعودية", offsets exact) and is cited "السعودية"; the span
    of "للبنان" is the name itself ("لبنان", ل + لبنان), as the segmenter reads it."""
    if not m.text.startswith("ل") or text[m.start - 1 : m.start] != "ل":
        return m.text
    first, sep, rest = m.text.partition(" ")
    return mention_text("ل" + first) + sep + rest


def is_state_word(key: str) -> bool:
    """ "الجمهورية", "مملكة" (as :func:`khabar.entities.places.key`): a state's designator."""
    return key.removeprefix("ال") in _STATE_WORDS


def key_of(m: Mention, text: str) -> str | None:
    """Grouping key of a place or organization mention (None for persons)."""
    if m.type == "PERSON":
        return None
    surface = cited_text(m, text)
    if m.type == "LOC":
        # "النيبال", "للنيبال": a country CLDR names without the article
        code = loc_country(surface) or (loc_country(surface[2:]) if surface.startswith("ال") else None)
        if code:
            return code
    if m.type == "ORG":
        org = places.org_named(surface)
        if org:
            return "org:" + org.name
        return _strip_designator(places.key(surface))
    return _strip_article(places.key(surface))


def _strip_designator(k: str) -> str:
    first, _, rest = k.partition(" ")
    if rest and first in _designators():
        return rest
    return k


@cache
def _designators() -> frozenset[str]:
    return frozenset(places.key(w) for w, kinds in function_words().items() if "org_designator" in kinds)


def _strip_article(k: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in k.split())


def items(
    words: list[Word], names: Sequence[Mention], text: str, sentence: Callable[[int], int], title_len: int
) -> list[Item]:
    """Every reference to resolve, in text order."""
    first_word: dict[int, int] = {}
    for k, w in enumerate(words):
        if w.mention_id is not None:
            first_word.setdefault(w.mention_id, k)
    roles: dict[int, Role] = {}
    in_role: set[int] = set()
    ends = [w.end for w in words]
    for mid, m in enumerate(names):
        if m.type == "PERSON" and mid in first_word:
            role = role_before(words, first_word[mid], text)
            if role is not None:
                roles[mid] = role
                k = bisect.bisect_right(ends, role.start)  # the first word ending inside the role
                while k < len(words) and words[k].start < role.end:
                    in_role.add(k)
                    k += 1
    extra: dict[int, list[Role]] = {}
    titles = _title_items(words, names, text, in_role, extra, sentence, title_len)
    out = [
        Item(
            m,
            sentence(m.start),
            roles.get(mid),
            key_of(m, text),
            m.start < title_len,
            tuple(extra.get(mid, ())),
            _nationality_before(words, first_word.get(mid)) if m.type == "PERSON" else None,
        )
        for mid, m in enumerate(names)
    ]
    out.extend(titles)
    out.extend(_nisba_items(words, sentence, title_len))
    return sorted(out, key=lambda it: (it.mention.start, -it.mention.end))


def _nationality_before(words: Sequence[Word], k: int | None) -> str | None:
    """A nationality adjective right before a name is the person's: "البرازيلي رونالدو"."""
    if k is None or k == 0:
        return None
    w = words[k - 1]
    return w.nisba.code if w.nisba is not None and w.nisba.definite and not w.newline else None


def _title_items(
    words: list[Word],
    names: Sequence[Mention],
    text: str,
    in_role: set[int],
    extra: dict[int, list[Role]],
    sentence: Callable[[int], int],
    title_len: int,
) -> list[Item]:
    """Standalone title phrases; those in apposition after a name become its roles (in ``extra``).

    A bare title word that is the family name of a person named in the article
    ("فهد السلطان" … "وأضاف السلطان") is that name; a bare feminine title right
    after an organization or place ("حماس الحاكمة في القطاع") is its adjective.
    """
    out: list[Item] = []
    surnames = {
        places.key(m.text.split()[-1]) for m in names if m.type == "PERSON" and len(m.text.split()) > 1
    }
    chain_owner: int | None = None
    chain_end = -1
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
        hit = words[k].title
        assert hit is not None
        if end == k + hit.n and not role.complement and role.country is None:
            if places.key(role.text) in surnames:
                mention = Mention(role.start, role.end, role.text, "PERSON")
                out.append(Item(mention, sentence(role.start), None, None, role.start < title_len))
                k = end
                continue
            if _adjective_of_name(words, k, hit):
                k = end
                continue
        nxt = end + 1 if end < len(words) and words[end].text in _COMMAS else end
        if nxt < len(words) and words[nxt].mention == "PERSON":
            k = end  # the title of the name that follows (role_before has it)
            continue
        owner = _appositive_owner(words, k, role, chain_owner if k == chain_end else None)
        if owner is not None and names[owner].type == "PERSON":
            extra.setdefault(owner, []).append(role)
            chain_owner, chain_end = owner, end
            k = end
            continue
        mention = Mention(role.start, role.end, role.text, "PERSON", kind="title")
        out.append(Item(mention, sentence(role.start), role, None, role.start < title_len))
        k = end
    return out


def _adjective_of_name(words: Sequence[Word], k: int, hit: TitleHit) -> bool:
    """ "حماس الحاكمة", "الحكومة المؤقتة"-like: a feminine title word with the article, right
    after an organization or place name, agrees with it as an adjective."""
    prev = words[k - 1] if k > 0 else None
    return (
        prev is not None
        and prev.mention in ("ORG", "LOC")
        and hit.gender == "f"
        and hit.prefix == 0
        and hit.definite
        and not hit.possessive
    )


def _appositive_owner(words: Sequence[Word], k: int, role: Role, chained: int | None) -> int | None:
    """The name that the title phrase at ``k`` stands in apposition to, if any.

    After a comma any title phrase ("أرمان سركيسيان، الرئيس الأرميني"); right
    after the name only a construct title ("باراك أوباما رئيس الولايات المتحدة"),
    since "استقبل الملك سلمان الرئيس الفرنسي" has the title as the object; and
    any title continuing such a chain ("ولي ولي العهد النائب الثاني ...").
    """
    if role.counterpart:
        return None
    if chained is not None:
        return chained
    w = words[k]
    if k >= 2 and words[k - 1].text in _COMMAS and words[k - 2].mention == "PERSON":
        return words[k - 2].mention_id
    clitic = w.title is not None and w.title.prefix > 0  # "كارتر لخادم الحرمين": not an apposition
    if k >= 1 and words[k - 1].mention == "PERSON" and w.title is not None and not w.definite and not clitic:
        return words[k - 1].mention_id
    return None


def org_appositions(words: Sequence[Word], names: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs of name mentions where the second restates the first in brackets or quotes:
    "وزارة الدفاع الأمريكية (البنتاجون)", "الهيئة السعودية للمدن الصناعية «مدن»"."""
    pairs: list[tuple[int, int]] = []
    for k in range(1, len(words) - 2):
        a, opener, b = words[k - 1], words[k], words[k + 1]
        if a.mention_id is None or b.mention_id is None or a.mention_id == b.mention_id:
            continue
        if opener.text not in _OPEN or names[a.mention_id].type != names[b.mention_id].type:
            continue
        if names[a.mention_id].type == "PERSON":
            continue
        j = k + 1
        while j < len(words) and words[j].mention_id == b.mention_id:
            j += 1
        if j < len(words) and words[j].text in _CLOSE:
            pairs.append((a.mention_id, b.mention_id))
    return pairs


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
            start = w.start + _prefix(w.text)
            surface = " ".join([w.text[start - w.start :], *texts[k + 1 : k + n]])
            m = Mention(start, words[k + n - 1].end, surface, "LOC", kind="nisba")
            out.append(Item(m, sentence(start), None, code, start < title_len))
            k += n
            continue
        if w.nisba is not None and _is_nisba_use(words, k):
            start = w.start + w.nisba.prefix
            m = Mention(start, w.end, w.text[w.nisba.prefix :], "LOC", kind="nisba")
            out.append(Item(m, sentence(start), None, w.nisba.code, start < title_len))
        k += 1
    return out


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
    return not (nxt is not None and normalize(nxt.text) in _PATRONYMIC)  # "تركي بن طلال"


def adjectival_country(m: Mention, words: Sequence[Word], starts: Sequence[int] | None = None) -> bool:
    """A LOC mention "السعودية" in "الحكومة السعودية" is the adjective, not the country.

    ``starts`` (each word's start offset) lets a caller checking many mentions build it once.
    """
    if m.type != "LOC" or " " in m.text.strip():
        return False
    # Words are in text order: bisect instead of scanning (linear per mention made
    # long pages quadratic).
    k = bisect.bisect_right(starts if starts is not None else [w.start for w in words], m.start) - 1
    if k <= 0 or not (words[k].start <= m.start < words[k].end):
        return False
    w = words[k]
    if nationality.match(w.text) is None:
        return False
    prev = words[k - 1]
    if prev.punct:
        return False
    prev2 = words[k - 2].text if k > 1 and not words[k - 2].punct else None
    return nationality.reads_as_adjective(w.text, prev.text, prev2)
