"""Where a cue's subject ends and what comes after it: the object, an addressee, a name.

:mod:`khabar.quotes.scan` reads the words after a cue one by one; these
predicates answer the questions it asks about them, from the shape of Arabic
noun phrases (definiteness, possessive pronouns, construct chains) and from the
mentions the entity stage found:

- an indefinite noun after a definite subject, a definite plural after a
  singular one, or a possessed noun after a name opens the object
  ("اتهمت السلطات تنظيم الدولة", "أبلغ الوزير الصحفيين", "اتهم X زميله");
- a person mention right after a participle is its subject ("مؤكداً وزير الدفاع");
- "لل…" right after the verb names whom the words were addressed to;
- a construct chain runs to its first definite word and that word's adjectives.
"""

from __future__ import annotations

from khabar.entities.titles import may_start_title
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.speakers import source_like
from khabar.text.clitics import segment

MAX_APPOSITIVE = 5
_PREPOSITIONS = {"عن": "عن", "عما": "عن", "الي": "إلى", "علي": "على", "من": "من"}


def prep(doc: QuoteDoc, j: int) -> str | None:
    """The preposition (عن، إلى، على، من) that token ``j`` is, in its written form
    ("عمّا" is عن + ما: "تساءل عما إذا كان")."""
    return _PREPOSITIONS.get(doc.norms[j])


_POSSESSIVE = ("ه", "ها", "هم", "هما", "هن")
# a definite word, bare or after ل ("اللجنة التنفيذية للانتخابات"): a bare indefinite
# noun after it cannot be its genitive
_DEFINITE = ("ال", "وال", "لل")


def looks_definite(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` carries the article ال. The matching form folds hamza,
    so the masdar إفعال of a verb with first radical ل ("إلقاء القبض", "إلغاء 56
    رحلة") reads "ال…" there; the written hamza tells it apart, and so does the
    shape ال + C + اء when it is written without one ("الغاء")."""
    w = doc.norms[k]
    if not w.startswith(("ال", "وال")):
        return False
    surface = doc.tokens[k].text
    bare = surface[1:] if surface.startswith("و") else surface
    if bare.startswith("إ"):
        return False
    core = w[1:] if w.startswith("و") else w
    return not (len(core) == 5 and core.endswith("اء") and core[2] not in ("م", "د"))


def complementizer_at(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` is a complementizer, not a name written like one ("بان كي مون")."""
    return doc.complementizer_at(k)


def mention_starts(doc: QuoteDoc, j: int) -> bool:
    """Whether a person or organization mention starts at token ``j`` ("لا كازيت"
    is a name, not the negation that opens a quoted clause)."""
    return doc.name_starts(j, ("PERSON", "ORG"))


def resumptive_subject(doc: QuoteDoc, j: int) -> bool:
    """"نيجيريا التي حذر رئيسها الولايات المتحدة": a title with a pronoun pointing
    back to the antecedent is the relative clause's own subject."""
    if j >= len(doc):
        return False
    w = doc.norms[j]
    for suffix in ("ها", "هم", "ه"):
        if w.endswith(suffix) and strip_proclitic(w[: -len(suffix)], lexicon().person_heads) is not None:
            return True
    return False


def verbal_noun_subject(doc: QuoteDoc, i: int) -> tuple[int, int] | None:
    """For "بالقول"/"بقوله" at ``i``: the subject of the verb that governs it, the
    words between that verb (the first word of the clause) and the noun."""
    s0 = doc.sentence_start_token(i)
    k = i - 1
    while k > s0 and i - k <= 10 and not doc.is_comma(k - 1) and not doc.is_colon(k - 1):
        k -= 1
    # k is the clause's first word, its verb ("واكتفى"); the subject follows it
    a, b = k + 1, i
    lex = lexicon()
    for m in range(a, i):
        if doc.norms[m] in lex.adjunct_starts or prep(doc, m) is not None:
            b = m  # "ورد الوزير على الانتقادات بقوله": the subject ends before the preposition
            break
    while b > a and not doc.is_word(b - 1):
        b -= 1
    if b - a > 1 and b == i and possessed_noun(doc, b - 1):
        b -= 1  # "واختتم المدرب حديثه بقوله": حديثه is the verb's object, not the subject
    if a >= b or not source_like(doc, a, b):
        return None
    return a, b


def quotation_ahead(doc: QuoteDoc, j: int, limit: int) -> bool:
    """Whether a colon or quotation follows within the window: then "وختم لا كازيت
    قائلا: «…»" names its subject with "لا", it does not open a bare clause."""
    return any(doc.is_colon(k) or doc.direct_opening(k) is not None for k in range(j + 1, limit))


def named_subject(doc: QuoteDoc, j: int, end: int) -> int | None:
    """The token after a person mention (name or title) that starts at ``j``, if
    one does: the subject written right after a participle."""
    if j >= end:
        return None
    tok = doc.tokens[j]
    refs = [
        r
        for r in doc.mentions_in(tok.start, doc.tokens[min(j + 8, end - 1)].end)
        if r.mention.start == tok.start and (r.entity.type if r.entity else r.mention.type) == "PERSON"
    ]
    if not refs:
        return None
    k = doc.token_at(max(r.mention.end for r in refs))
    return k if k < end else None


def addressed_name_end(doc: QuoteDoc, j: int) -> int | None:
    """The token after a name written with ل at token ``j`` ("لأرسنال", "لرويترز"),
    or None: right after a reporting verb, ل + a name is whom it was said to."""
    tok = doc.tokens[j]
    if tok.kind != "arabic" or not doc.norms[j].startswith("ل") or doc.norms[j].startswith("لل"):
        return None
    refs = [
        r
        for r in doc.mentions_in(tok.start, tok.end)
        if r.mention.start == tok.start + 1 and r.mention.kind == "name"
    ]
    if not refs:
        return None
    return doc.token_at(max(r.mention.end for r in refs))


def addressee_end(doc: QuoteDoc, j: int, limit: int) -> int:
    """The token after an addressee phrase starting at ``j`` ("للملك سلمان",
    "للصحفيين"): the ل-noun and a name that follows it."""
    k = j + 1
    if k < limit:
        tok = doc.tokens[k]
        refs = [
            r
            for r in doc.mentions_in(tok.start, doc.tokens[min(k + 6, limit - 1)].end)
            if r.mention.start == tok.start
        ]
        if refs:
            k = doc.token_at(max(r.mention.end for r in refs))
    return k


def definite_phrase(doc: QuoteDoc, subj: list[int]) -> bool:
    """Whether the subject so far is definite nouns only ("الوزير", "التحقيقات
    والأدلة") or ends a name ("مديرية الدفاع المدني بمنطقة عسير"): a bare
    indefinite noun after it cannot be its genitive or adjective."""
    if all(doc.norms[k].startswith(_DEFINITE) for k in subj if doc.is_word(k)):
        return True
    tok = doc.tokens[subj[-1]]
    ref = doc.mention_covering(tok.start, tok.end)
    if ref is None or ref.mention.end != tok.end or ref.mention.kind != "name":
        return False
    # a person's name closes even a long title ("خادم الحرمين الشريفين الملك سلمان بن
    # عبد العزيز"); a long phrase ending in another name is more often a genitive chain
    person = (ref.entity.type if ref.entity else ref.mention.type) == "PERSON"
    return len(subj) <= (12 if person else 6)


def object_starts(doc: QuoteDoc, last: int, j: int, person_object: bool = True) -> bool:
    """Whether word ``j`` opens the object of a verb whose subject ended at ``last``:
    a definite plural or dual ("الصحفيين", "الجماعتين") after a definite word that
    is not itself plural (an adjective would agree with it, a genitive follows an
    indefinite noun), or a noun that names an audience."""
    w = doc.norms[j]
    lex = lexicon()
    if strip_proclitic(w, lex.audience_nouns) is not None and w.startswith("ال"):
        return True
    if not person_object and may_start_title(doc.tokens[j].text) and _name_follows(doc, j):
        # "نفى الناطق الرسمي باسم التعليم مدير العلاقات العامة ناصر النهاري صحة": a
        # title followed by a name is the subject's apposition, not a noun object
        return False
    if _with_possessive(doc, j) and (ends_person(doc, last) or ends_name(doc, last)):
        # "اتهم حسن عسيري زميله المالكي بـ", "أكد نادي دورتموند تمسكه باللاعب": a
        # possessed noun after a name opens the object (a name takes no pronoun)
        return True
    if (
        ends_person(doc, last)
        and indefinite_noun(doc, j)
        and w not in lex.complementizers
        and not segment(w).proclitics
        and strip_proclitic(w, lex.person_heads) is None
        and not may_start_title(doc.tokens[j].text)
        and w not in lexicon().name_links
    ):
        # "أكد الملك سلمان بن عبد العزيز تنديد السعودية": after a person's name an
        # indefinite noun that cannot start a title ("وزير", "مدير") opens the object
        return True
    prev = doc.norms[last]
    definite = (
        prev.startswith(_DEFINITE)
        and (
            strip_proclitic(prev, lex.person_heads) is None or w.endswith("ة")
        )  # "الأمير فيصل": a name follows
        and not in_name(doc, last)
    )
    if (
        (definite or ends_name(doc, last))
        and indefinite_noun(doc, j)
        and not (w[0] in ("ب", "ل", "ك") and segment(w).proclitics)  # "بمنطقة عسير": a prepositional phrase
    ):
        # "اتهمت السلطات تنظيم الدولة بـ", "كشفت مديرية الدفاع المدني بعسير تفاصيل
        # الحادثة": an indefinite noun after a definite one or a name opens the object
        return True
    if not person_object:
        return False
    return (
        w.startswith("ال")
        and w.endswith("ين")
        and len(w) > 5
        and prev.startswith(("ال", "وال"))
        and not prev.endswith(("ين", "ون"))
        and doc.is_word(last)
    )


def indefinite_noun(doc: QuoteDoc, j: int) -> bool:
    """Whether token ``j`` is an Arabic word without the article that could head a
    noun phrase: not a demonstrative, relative pronoun or part of a name."""
    w = doc.norms[j]
    return (
        not looks_definite(doc, j)
        and doc.is_word(j)
        and doc.tokens[j].kind == "arabic"
        and len(w) >= 3
        and w not in lexicon().demonstratives
        and w not in lexicon().relatives
        and not in_name(doc, j)
    )


def _name_follows(doc: QuoteDoc, j: int, window: int = 8) -> bool:
    """Whether a person's name starts within ``window`` words after token ``j``."""
    for k in range(j + 1, min(len(doc), j + 1 + window)):
        if not doc.is_word(k) or complementizer_at(doc, k):
            return False
        if doc.name_starts(k, ("PERSON",)):
            return True
    return False


def noun_phrase_end(doc: QuoteDoc, j: int, limit: int) -> int:
    """The token after the noun phrase starting at ``j``: a construct chain runs
    through indefinite heads to its first definite word and that word's
    adjectives ("إدارة مرور المنطقة الشرقية"); the next indefinite word starts
    something new ("… إغلاق الطريق")."""
    seen_definite = False
    k = j
    while k < limit and doc.is_word(k) and doc.norms[k] not in lexicon().complementizers:
        definite = doc.norms[k].startswith(("ال", "لل", "بال", "وال")) or in_name(doc, k)
        if seen_definite and not definite:
            break
        seen_definite = seen_definite or definite
        k += 1
    return k


def leading_name_end(doc: QuoteDoc, subj: list[int]) -> int | None:
    """The token after a person or organization mention that opens the subject and
    ends before its last word, if there is one."""
    first = doc.tokens[subj[0]]
    refs = [
        r
        for r in doc.mentions_in(first.start, doc.tokens[subj[-1]].end)
        if r.mention.start == first.start
        and (r.entity.type if r.entity else r.mention.type) in ("PERSON", "ORG")
    ]
    if not refs:
        return None
    k = doc.token_at(max(r.mention.end for r in refs))
    return k if subj[0] < k <= subj[-1] else None


def in_name(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` lies in a name mention (of any type)."""
    return doc.in_name(k)


def adjective_of_title(doc: QuoteDoc, j: int) -> bool:
    """"المدير العام", "الأمين العام": after a title noun, العام is "general", not "the year"."""
    if j == 0 or doc.norms[j] not in ("العام", "العامة"):
        return False
    return strip_proclitic(doc.norms[j - 1], lexicon().person_heads) is not None


def ends_name(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` ends an organization or place name mention."""
    return _ends_name_of(doc, k, ("ORG", "LOC"))


def ends_person(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` ends a person's name mention."""
    return _ends_name_of(doc, k, ("PERSON",))


def _ends_name_of(doc: QuoteDoc, k: int, types: tuple[str, ...]) -> bool:
    tok = doc.tokens[k]
    ref = doc.mention_covering(tok.start, tok.end)
    return (
        ref is not None
        and ref.mention.end == tok.end
        and ref.mention.kind == "name"
        and (ref.entity.type if ref.entity else ref.mention.type) in types
    )


def without_gloss(doc: QuoteDoc, subj: list[int]) -> list[int]:
    """The subject without a closing parenthetical gloss ("حلف شمال الأطلسي (الناتو)"):
    the name before it decides what the next word is."""
    if len(subj) < 3 or doc.tokens[subj[-1]].text != ")":
        return subj
    for n in range(len(subj) - 2, 0, -1):
        if doc.tokens[subj[n]].text == "(":
            return subj[:n]
    return subj


def possessed_noun(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` is a noun with a possessive pronoun ("تمسكه", "رفضها"),
    not a person noun that could be a subject itself ("محاميه", "والده")."""
    if not _with_possessive(doc, k):
        return False
    w = doc.norms[k]
    stem = w[:-2] if w.endswith(("ها", "هم", "هن")) else w[:-3] if w.endswith("هما") else w[:-1]
    lex = lexicon()
    return (
        strip_proclitic(stem, lex.person_heads) is None
        and strip_proclitic(stem + "ة", lex.person_heads) is None
    )


def possessive_split(doc: QuoteDoc, subj: list[int]) -> int | None:
    """Index of the first noun with a possessive pronoun after the subject's head
    ("المواطنون | استياءهم", "الشركة | عزمها")."""
    for k in subj[1:]:
        if _with_possessive(doc, k):
            return k
    return None


def _with_possessive(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` is a word ending in a possessive pronoun ("شكره", "عزمها")
    and not part of a name ("عبدالله", "طه"); the first letter is no preposition or
    conjunction ("به", "وله")."""
    w = doc.norms[k]
    return (
        len(w) >= 4
        and w.endswith(_POSSESSIVE)
        and w[0] not in ("ب", "ل", "و", "ف")
        and doc.is_word(k)
        and not in_name(doc, k)
    )


def name_like(doc: QuoteDoc, tokens: list[int]) -> bool:
    """Whether the words after a subject's comma name it ("، عبدالله بن عبدالملك
    المرشد،"): a person mention, or a title word, or a name with بن/أبو/آل."""
    if not tokens or len(tokens) > MAX_APPOSITIVE:
        return False
    start, end = doc.tokens[tokens[0]].start, doc.tokens[tokens[-1]].end
    refs = doc.mentions_in(start, end)
    if any((r.entity.type if r.entity else r.mention.type) == "PERSON" for r in refs):
        return True
    lex = lexicon()
    words = [doc.norms[k] for k in tokens if doc.is_word(k)]
    if not words:
        return False
    return strip_proclitic(words[0], lex.person_heads) is not None or any(
        w in ("بن", "ابو", "ال", "ابن") for w in words[1:]
    )


def appositive_end(doc: QuoteDoc, a: int, end: int) -> int | None:
    """The token after a name in apposition starting at ``a`` (up to the next comma,
    full stop or complementizer), when the words there name a person."""
    b = a
    while b < end and b - a <= MAX_APPOSITIVE and doc.is_word(b) and not complementizer_at(doc, b):
        b += 1
    if b == a or b - a > MAX_APPOSITIVE or not name_like(doc, list(range(a, b))):
        return None
    if b < end and not (doc.is_comma(b) or doc.is_terminal(b)):
        return None
    return b
