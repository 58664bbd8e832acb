"""What may stand as a cue's complement, and what may not: word classes and tests.

:mod:`khabar.quotes.scan` reads the words after a cue one by one; these
tell it whether a ب/ل word is the verb's own preposition glued to a verbal noun
("بضرورة", "بالإعلان") or part of the subject ("بمنطقة الرياض", "باسم
الوزارة"), whether a subject head keeps a preposition ("المسؤول عن الملف") or
leaves it to the verb ("وأشار المسؤول إلى"), and which nouns open an object or
set the scene ("أهمية", "على هامش").
"""

from __future__ import annotations

from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon
from khabar.quotes.phrases import prep
from khabar.text.clitics import segment


def masdar_after_ba(word: str) -> bool:
    """"بالإعلان", "بالالتزام", "بالاستمرار", "بالتنسيق", "بالتعاون": ب + a definite
    verbal noun of a derived form (إفعال، افتعال، استفعال، تفعيل، تفاعل), which never
    continues a subject (unlike "بالمنطقة", "بالحدود الشمالية")."""
    if not word.startswith("بال"):
        return False
    stem = word[3:]
    if stem in ("اتحاد", "تقرير", "تجارة", "تجاره", "امارة"):
        return False  # nouns of those shapes: "رئيس لجنة الحكام بالاتحاد السعودي"
    n = len(stem)
    if stem.startswith("است"):
        return n == 7 and stem[5] == "ا"
    if stem[:1] == "ا":
        return (n == 5 and stem[3] == "ا") or (n == 6 and stem[2] in "تطد" and stem[4] == "ا")
    if stem[:1] == "ت":
        return n == 5 and (stem[3] == "ي" or stem[2] == "ا")
    return False


def clitic_complement(word: str, comps: frozenset[str], loose: bool) -> bool:
    """"بسرعة التدخل", "بالمرونة", "لمراجعتها": a preposition glued to a verbal noun.

    ``loose`` (a verb with a person object, after its object: "طالب الجميع ببذل",
    "دعت الشركة الراغبين لإرسال") accepts any noun; otherwise the noun must be
    definite or a known verbal noun, since names start with ب and ل too (بايوف).
    """
    if len(word) < 4:
        return False
    letter, rest = word[0], word[1:]
    if letter not in ("ب", "ل") or letter not in comps or word in lexicon().not_clitic:
        return False
    split = segment(word).proclitics
    if not split or split[0] != letter:
        return False  # "بعضهم", "بشأن", "بندر": the ب belongs to the word
    return loose or rest.startswith("ال") or rest in lexicon().masdar_like or rest.startswith("ان")


# the preposition each head of np_prep_heads governs ("مسؤول عن", "مقرب من")
_HEAD_PREPOSITIONS = {
    "قايم": "علي",
    "مسوول": "عن",
    "مشرف": "علي",
    "مطلع": "علي",
    "مقرب": "من",
    "قريب": "من",
    "نقلا": "عن",
}


def keeps_preposition(head: str, preposition: str) -> bool:
    """Whether ``head`` (of np_prep_heads) governs ``preposition``: "المسؤول عن
    الملف" does, "المسؤول إلى" does not (that إلى is the verb's)."""
    stem = head[2:] if head.startswith("ال") else head
    for base, prep_ in _HEAD_PREPOSITIONS.items():
        if stem.startswith(base):
            return preposition == prep_
    return True


def complement_ahead(doc: QuoteDoc, j: int, limit: int, preposition: str) -> bool:
    """Whether the verb's complement comes later: the same preposition again, a
    complementizer or a colon before ``limit`` ("أعرب المسؤول عن الملف عن قلقه")."""
    lex = lexicon()
    for k in range(j, limit):
        if doc.is_colon(k) or doc.norms[k] in lex.complementizers or prep(doc, k) == preposition:
            return True
    return False
