"""The subject of the verb that opens a sentence, for cues that share it.

"استنكرت مملكة البحرين تصريحات المالكي …، معتبرة أن": a participle or a
coordinated verb with no subject of its own continues the subject written
right after the sentence's first verb, once what opens the sentence before
that verb is passed over ("فيما رفع …", "من جهته، اتهم …", "بدوره قال …").
:mod:`khabar.quotes.continuation` decides when such a subject is the speaker;
this module only finds it.
"""

from __future__ import annotations

from khabar.model import Speaker
from khabar.quotes.cues import lookup
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.narration import perfect_gender
from khabar.quotes.phrases import noun_phrase_end, prep
from khabar.quotes.speakers import resolve_phrase, source_head, source_like


def feminine_lead(doc: QuoteDoc, lead: int, stop: int) -> Speaker | None:
    """The subject right after a feminine perfect verb that opens the sentence at
    ``lead`` ("وأصدرت جامعة تبوك", "صدقت جهات رقابية أوروبية"), if it names a source."""
    w = doc.norms[lead]
    verb = w[1:] if w[:1] in ("و", "ف") and len(w) > 4 else w
    if perfect_gender(verb) != "f" or lookup(doc.tokens[lead].text) or lead + 1 >= stop:
        return None
    lex = lexicon()
    end = lead + 1
    limit = noun_phrase_end(doc, lead + 1, stop)
    while end < limit and doc.is_word(end) and doc.norms[end] not in lex.time_words:
        if doc.norms[end] in lex.adjunct_starts or prep(doc, end) is not None:
            break  # "صدقت جهات رقابية أمس على عقار": the phrase ends before the time and the object
        end += 1
    if end <= lead + 1 or not source_like(doc, lead + 1, end):
        return None
    return resolve_phrase(doc, lead + 1, end)


def lead_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """"استنكرت مملكة البحرين تصريحات نوري المالكي …، معتبرة أن": in a sentence that
    opens on its verb, the name right after the verb is the subject the participle
    continues, not the first person the sentence mentions."""
    lex = lexicon()
    k = doc.token_at(start)
    stop = doc.token_at(end)
    colons = [c for c in range(k, min(stop, k + 6)) if doc.is_colon(c)]
    if colons:
        k = colons[-1] + 1  # "سبق- جدة: ثمّن السفير …": the clause starts after the dateline
    k = past_openers(doc, k, stop)
    if k + 1 >= stop or not doc.is_word(k) or not doc.is_word(k + 1):
        return None
    first = doc.norms[k]
    if (
        first.startswith(("ال", "وال"))
        or first in lex.kana
        or doc.mentions_in(doc.tokens[k].start, doc.tokens[k].end)
    ):
        return None
    j = k + 1
    while j < stop and doc.norms[j] in ("قد", "وقد", "لقد"):
        j += 1
    if j >= stop:
        return None
    # the name itself or after one head noun ("مملكة البحرين", "وزارة الصحة")
    starts = {doc.tokens[j].start} | (
        {doc.tokens[j + 1].start} if j + 1 < stop and doc.is_word(j + 1) else set()
    )
    refs = [
        r
        for r in doc.mentions_in(doc.tokens[j].start, doc.tokens[stop - 1].end)
        if r.mention.start in starts
        and r.mention.kind != "nisba"
        and (r.entity.type if r.entity else r.mention.type) != "MISC"
    ]
    if not refs:
        verb = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
        if (
            j + 1 < stop
            and doc.is_comma(j + 1)
            and doc.norms[j].startswith("ال")
            and doc.is_word(j)
            and (perfect_gender(verb) is not None or any(f.tense == "past" for f in lookup(doc.tokens[k].text)))
        ):
            # "ومن جهته اتهم الزوج، جامعة تبوك …، مضيفاً": a definite noun the comma
            # closes right after the verb is its subject
            return resolve_phrase(doc, j, j + 1)
        # "عززت وزارة العمل استعداداتها …، مؤكدة": no name was tagged, but a source
        # noun right after the opening verb heads its subject
        if not source_head(doc, j, j + 1) or (
            strip_proclitic(doc.norms[j], lex.person_heads) is None and not org_head(doc, j)
        ):
            return None
        b = min(noun_phrase_end(doc, j, stop), j + 4)
        return resolve_phrase(doc, j, max(b, j + 1))
    b = doc.token_at(max(r.mention.end for r in refs))
    return resolve_phrase(doc, j, max(b, j + 1))


def plural_after(doc: QuoteDoc, lead: int, stop: int) -> Speaker | None:
    """The plural noun phrase right after the verb at ``lead`` ("وأطلق العلماء …")."""
    j = lead + 1
    if j >= stop or not doc.is_word(j) or strip_proclitic(doc.norms[j], lexicon().plural_heads) is None:
        return None
    return resolve_phrase(doc, j, max(min(noun_phrase_end(doc, j, stop), j + 4), j + 1))


def past_openers(doc: QuoteDoc, k: int, stop: int) -> int:
    """The first token after what opens a sentence before its verb: "فيما",
    "بينما", "بدوره", "من جهته،", "من جانبها،" ("فيما رفع شيخ القبيلة الشكر …")."""
    lex = lexicon()
    while k < stop:
        w = doc.norms[k]
        if w in lex.verb_first_openers:
            k += 1
        elif w in ("من", "ومن") and k + 1 < stop and doc.norms[k + 1] in lex.side_words:
            k += 2
        elif doc.is_comma(k):
            k += 1
        else:
            return k
    return k


def org_head(doc: QuoteDoc, k: int) -> bool:
    lex = lexicon()
    return (
        strip_proclitic(doc.norms[k], lex.org_nouns) is not None
        or strip_proclitic(doc.norms[k], lex.media_nouns) is not None
    )


def kana_subject(doc: QuoteDoc, start: int, end: int) -> Speaker | None:
    """"وكانت جموع غفيرة من المسؤولين، قد توافدوا …، داعين": the noun phrase after
    a sentence-initial كان is the subject of its clause."""
    k = doc.token_at(start)
    stop = doc.token_at(end)
    if k >= stop or doc.norms[k] not in lexicon().kana:
        return None
    j = k + 1
    while j < stop and j - k <= 8 and doc.is_word(j) and doc.norms[j] not in ("قد", "لقد"):
        j += 1
    return resolve_phrase(doc, k + 1, j) if j > k + 1 else None
