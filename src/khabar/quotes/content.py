"""Where reported content ends.

The content of a quote starts at its complement (found by
:mod:`khabar.quotes.indirect`) and runs to the end of the reported clause:

- a quotation in marks ends at its closing mark;
- content after "أن/إن" or a preposition ends with its sentence, including any
  "وأن …" continuations ("أمله بتعزيز العلاقات … وأن يعود السفير"), and runs
  on past the sentence end only to close a quotation it opened ("إنه «لم يحدث
  … . لقد أشعل …»");
- colon content without marks ("وقال: نحن نحمل أمانة …") is the speaker's own
  words and may run to the end of its paragraph;
- in every case it stops earlier where the reporting does: at the next cue of
  the same level ("…، مضيفاً أن", "… وأكد أن"), cut back over the comma and
  the connective that join the two (:func:`cut_before`).
"""

from __future__ import annotations

import bisect

from khabar.quotes.cues import lookup
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.hit import CueHit
from khabar.quotes.lexicon import lexicon, strip_proclitic
from khabar.quotes.narration import narration_end, perfect_gender
from khabar.quotes.venue import venue_at

_TRAILING = " \t\r\n.،,؛;:-–—"
_EXCERPT_GAP = frozenset(" .…-–—")


def trim(doc: QuoteDoc, start: int, end: int) -> int:
    """``end`` moved left over spaces and clause punctuation, never before ``start``."""
    text = doc.text
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def provisional_end(doc: QuoteDoc, hit: CueHit) -> int:
    """End of the content of ``hit`` before any later cue is taken into account."""
    if hit.direct is not None:
        return chained_end(doc, hit.direct)
    start = hit.content_start
    if hit.comp == "before":
        return cut_before(doc, hit.i, start)
    end = doc.paragraph_end(start) if hit.comp in ("colon", "bare") else doc.sentence_of(start).end
    para_end = doc.paragraph_end(start)
    for d in doc.direct:
        if start <= d.open < end and d.outer_end > end and d.outer_end <= para_end:
            end = d.outer_end
    if hit.comp not in ("colon", "bare"):
        end = _reported_clause_end(doc, start, end)
        end = narration_end(doc, hit, start, end)
    return trim(doc, start, end)


def chained_end(doc: QuoteDoc, first: DirectSpan) -> int:
    """End of a quotation together with the ones that follow it with nothing but
    dots or dashes between: 'قال: “…”… “…”.. “…”' is one statement cut into
    excerpts by the writer, not several quotes."""
    end, outer = first.end, first.outer_end
    for d in doc.direct:
        if d.open < outer or d.words < 2:
            continue
        gap = doc.text[outer : d.open]
        if not gap.strip() or any(ch not in _EXCERPT_GAP for ch in gap) or not any(ch in ".…" for ch in gap):
            break
        end, outer = d.end, d.outer_end
    return end


def _reported_clause_end(doc: QuoteDoc, start: int, end: int) -> int:
    """Reported content stops before a contrast or gloss the writer adds after a
    comma ("…، لكن كليهما لم يجد آذاناً صاغية", "…، وذلك في رده على").

    The stopping tokens of the whole article are found in one pass and each cue
    looks up the first one after its content start, so a paragraph of thousands
    of cues (a scraped page that lost its full stops) stays linear."""
    if doc.clause_stops is None:
        doc.clause_stops = _clause_stops(doc)
    i = doc.token_at(start)
    stop = doc.token_at(end)
    n = bisect.bisect_right(doc.clause_stops, i)
    if n < len(doc.clause_stops) and doc.clause_stops[n] < stop:
        before = doc.clause_stops[n] - 1
        # a comma is left out; a closing quotation mark or a word ("… في حين") stays
        keep = _closes_quotation(doc, before) or doc.is_word(before)
        return doc.tokens[before].end if keep else doc.tokens[before].start
    return end


def _clause_stops(doc: QuoteDoc) -> list[int]:
    """Tokens (outside quotations) that open a contrast or a writer's gloss after a comma."""
    quoted = doc.quoted
    lex = lexicon()
    # after a quotation of a few words (not a quoted name: 'أداة «المجوب» وهي أداة')
    after_quotation = {doc.token_at(d.outer_end) for d in doc.direct if d.close is not None and d.words >= 3}
    return [
        k
        for k in range(1, len(doc))
        if not quoted[k]
        and (
            (
                doc.is_comma(k - 1)
                and (
                    (doc.norms[k] in lex.contrast_words and not _condition(doc, k))
                    or _verb_with_named_subject(doc, k)
                    or doc.norms[k] in lex.impersonal_openers
                    or _writer_aside(doc, k)
                    or circumstantial(doc, k)
                )
            )
            or _whereas(doc, k)
            or (k in after_quotation and doc.norms[k] in lex.after_quotation)
            or _contrast_then_cue(doc, k)
        )
    ]


def _contrast_then_cue(doc: QuoteDoc, k: int) -> bool:
    """"أكد زلاتان سعادته في صفوف باريس سان جيرمان لكنه ألمح إلى أن …": a contrast
    word right before a reporting verb (no comma needed) starts a new statement."""
    if doc.norms[k] not in lexicon().contrast_words or k + 1 >= len(doc):
        return False
    return any(f.tense != "participle" for f in lookup(doc.tokens[k + 1].text))


def _verb_with_named_subject(doc: QuoteDoc, k: int) -> bool:
    """"…، وأشاد هوساوي بانضباط اللاعبين": after a comma, و + a perfect verb whose
    subject is named right after it is the writer narrating a new act."""
    w = doc.norms[k]
    if not w.startswith("و") or len(w) < 4 or k + 1 >= len(doc) or perfect_gender(w[1:]) is None:
        return False
    j = k + 1
    while j < min(k + 4, len(doc) - 1) and (doc.norms[j] in lexicon().name_prefixes or doc.tokens[j].text == "."):
        j += 1  # "وقدم د. الرميح شكره": a title or its abbreviation before the name
    if doc.norms[j].startswith("ال") and strip_proclitic(doc.norms[j], lexicon().person_heads) is not None:
        return True  # "، وشكر المحافظ أمين عام الجمعية": a title names the subject too
    return doc.name_starts(j, ("PERSON",))


def _condition(doc: QuoteDoc, k: int) -> bool:
    """"…، إلا إذا كانت الخدمات متطورة": "unless" keeps the speaker's condition."""
    return doc.norms[k] == "الا" and k + 1 < len(doc) and doc.norms[k + 1] in ("اذا", "في", "بعد", "من")


def circumstantial(doc: QuoteDoc, k: int) -> bool:
    """"…، سائلاً المولى أن يوفقهم", "…، مشيداً بالأداء": after a comma, an
    indefinite accusative active participle (مُفعِلاً and the derived forms, or
    فاعلاً) is a circumstantial clause the writer adds about the speaker, not
    part of what was reported. Reporting participles (مضيفاً) are cues and end
    the content anyway; this covers the others (سائلاً، مثمناً، شاكراً). The
    participles of doubled roots are four letters ("معدا أن"، "عادا أن"): with a
    that-clause right after them they open a statement of their own too."""
    w = doc.norms[k]
    if _plural_participle(doc, k):
        return True
    doubled = len(w) == 4 and k + 1 < len(doc) and doc.norms[k + 1] in lexicon().complementizers
    if (len(w) < 5 and not doubled) or not w.endswith("ا") or w.startswith(("ال", "و", "ف", "ب", "ل")) or w in lexicon().participle_adverbs:
        return False
    if w.endswith("ها"):
        return False  # "…، مهمتها التأكد": a pronoun suffix, not the accusative ending
    if doc.tokens[k].kind != "arabic" or lookup(doc.tokens[k].text):
        return False  # a reporting participle is a cue of its own (khabar.quotes.annotate)
    return w[0] == "م" or (w[1] == "ا" and len(w) in (4, 5))


def _plural_participle(doc: QuoteDoc, k: int) -> bool:
    """"…، مثمّنين لجامعة جازان إتاحة الفرصة": the plural of such a participle
    (مُفعِّلين), when the word is no person noun ("مسؤولين", "مواطنين") and no
    reporting participle (those are cues)."""
    w = doc.norms[k]
    if len(w) < 6 or w[0] != "م" or not w.endswith("ين") or doc.tokens[k].kind != "arabic":
        return False
    lex = lexicon()
    if w in lex.plural_heads or strip_proclitic(w[:-2], lex.person_heads) is not None or lookup(doc.tokens[k].text):
        return False
    return k + 1 < len(doc) and doc.is_word(k + 1)


def _whereas(doc: QuoteDoc, k: int) -> bool:
    """"… معظمها إلى ناها في حين ألغت الخطوط اليابانية 17 رحلة": "في حين" with a
    verb clause sets another party's action against the reported one, in the
    writer's voice ("في حين أن …" keeps a clause of the speaker's own)."""
    if doc.norms[k] not in ("في", "وفي") or k + 2 >= len(doc) or doc.norms[k + 1] != "حين":
        return False
    return doc.norms[k + 2] not in lexicon().complementizers and doc.is_word(k + 2)


def _closes_quotation(doc: QuoteDoc, k: int) -> bool:
    """Whether token ``k`` is the closing mark of a quotation (the last quoted token)."""
    quoted = doc.quoted
    return doc.is_punct(k) and quoted[k] and (k + 1 >= len(doc) or not quoted[k + 1])


def _writer_aside(doc: QuoteDoc, k: int) -> bool:
    """"…، وذلك في رده على سؤال", "…، وذلك خلال المؤتمر", "…، وهو ما يعني": the
    writer's gloss on what was said. "…، وذلك من خلال …" stays: it is still the
    speaker's clause."""
    w = doc.norms[k]
    nxt = doc.norms[k + 1] if k + 1 < len(doc) else ""
    if w in ("وهو", "وهذا") and nxt == "ما":
        return True
    if w == "علي" and nxt == "ما" and k + 2 < len(doc) and doc.norms[k + 2].startswith("يبدو"):
        return True  # "…، على ما يبدو": the writer's guess
    if w != "وذلك" or k + 2 >= len(doc):
        return False
    return venue_at(doc, k + 1) is not None or (nxt == "في" and doc.norms[k + 2].startswith("رد"))


def cut_before(doc: QuoteDoc, i: int, floor: int) -> int:
    """Content end when a sibling cue at token ``i`` interrupts it.

    Walks back over the comma, "و" and connectives ("كما"، "فيما") that join
    the interrupting clause: "… ليس موجهاً ضد أحد، مضيفاً أن" ends before "،".
    """
    lex = lexicon()
    k = i - 1
    while k >= 0 and doc.tokens[k].start >= floor:
        w = doc.norms[k]
        if doc.is_comma(k) or (
            doc.is_punct(k) and doc.direct_opening(k) is None and doc.tokens[k].text not in '»”")'
        ):
            k -= 1
            continue
        if w in lex.clause_openers or w in lex.kana or w in ("و", "ف", "ثم"):
            k -= 1
            continue
        break
    if k < 0 or doc.tokens[k].start < floor:
        return floor
    topic = _fronted_topic(doc, k, floor)
    if topic is not None:
        k = topic
    return trim(doc, floor, doc.tokens[k].end)


_MAX_TOPIC = 12


def _fronted_topic(doc: QuoteDoc, k: int, floor: int) -> int | None:
    """The last token before a topic phrase fronted to the interrupting cue, if
    the words from the last comma up to token ``k`` are one ("، وعن انخفاض مستوى
    المحترف البرازيلي قال"); they belong to the next statement."""
    j = k
    while j >= 0 and doc.tokens[j].start >= floor and k - j < _MAX_TOPIC:
        if doc.is_comma(j) or doc.is_terminal(j):
            break
        if not doc.is_word(j) and doc.direct_opening(j) is None and doc.tokens[j].text not in '»”")(':
            return None
        j -= 1
    first = j + 1
    if first > k or doc.norms[first] not in lexicon().topic_openers or not (doc.is_comma(j) or doc.is_terminal(j)):
        return None
    return j - 1 if j - 1 >= 0 and doc.tokens[j - 1].start >= floor else None
