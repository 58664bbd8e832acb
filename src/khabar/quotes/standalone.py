"""Quotations that no cue introduced: a cue after them, or none at all.

'«…»، قال الوزير' takes the cue that follows the closing mark and the subject
after it. A quotation standing as a sentence of its own, six words or more
("«نحن نثق باللاعبين …»."), is spoken by whoever was speaking. Shorter quoted
words without a cue are names, titles or scare quotes, not speech.
"""

from __future__ import annotations

from khabar.quotes.continuation import antecedent
from khabar.quotes.cues import lookup
from khabar.quotes.direct import DirectSpan
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.lexicon import lexicon
from khabar.quotes.phrases import adjective_of_title, appositive_end
from khabar.quotes.record import Record
from khabar.quotes.speakers import points_back, resolve_phrase
from khabar.quotes.venue import venue_at

STANDALONE_MIN_WORDS = 6
_TRAILING_SUBJECT = 8


def direct_only(doc: QuoteDoc, records: list[Record]) -> list[Record]:
    out: list[Record] = []
    for d in doc.direct:
        if doc.in_title(d.open) or d.words < 2:
            continue
        if any(r.start <= d.start < r.end or d.open <= r.anchor < d.outer_end for r in records + out):
            continue
        if any(r.speaker is not None and r.speaker.start is not None and d.open <= r.speaker.start < d.outer_end for r in records):
            continue  # 'حسب موقع "سي إن إن بالعربية"': the quoted words name the source
        rec = _trailing_cue(doc, d, records + out) or _standalone(doc, d, records + out)
        if rec is not None:
            out.append(rec)
    return out


def _trailing_cue(doc: QuoteDoc, d: DirectSpan, records: list[Record]) -> Record | None:
    """'«…»، قال الوزير' and '"…" وأضاف': the cue comes after the quotation."""
    k = doc.token_at(d.outer_end)
    skipped = 0
    while k < len(doc) and doc.is_punct(k) and skipped < 2:
        k += 1
        skipped += 1
    if k >= len(doc) or doc.paragraph_end(d.outer_end) < doc.tokens[k].start:
        return None
    forms = [f for f in lookup(doc.tokens[k].text) if "quote" in f.lemma.complements and not f.suffix]
    if not forms:
        return None
    form = forms[0]
    end = doc.sentence_end_token(k)
    lex = lexicon()
    tok = doc.tokens[k]
    if any(r.cue is not None and r.cue[0] == tok.start for r in records):
        return None  # '«حي الديرة»، أوضح أن …': the cue introduces its own content
    if k + 1 < end and (doc.norms[k + 1] in lex.complementizers or doc.is_colon(k + 1)):
        return None
    j = k + 1
    while j < end and j - k <= _TRAILING_SUBJECT and doc.is_word(j):
        w = doc.norms[j]
        timed = w in lex.time_words and not adjective_of_title(doc, j)  # "الأمين العام" is no time
        if w in lex.adjunct_starts or timed or w in lex.prepositional_pronouns or venue_at(doc, j):
            break  # "، قال المدرب بعد المباراة"
        j += 1
    if j > k + 1 and j < end and doc.is_comma(j):
        j = appositive_end(doc, j + 1, end) or j  # "، قال مدير المستشفى، الدكتور سعد القحطاني."
    rec = Record("direct", d.start, d.end, d.open, (tok.start, tok.end), gender=form.gender, bounded=True)
    speaker = resolve_phrase(doc, k + 1, j) if j > k + 1 and form.tense != "participle" else None
    if speaker is None or points_back(doc, k + 1, j):
        speaker, source = antecedent(doc, rec, form.tense == "participle", records)
        if source is not None:
            rec.reported_by = source.reported_by
    rec.speaker = speaker
    return rec


def _standalone(doc: QuoteDoc, d: DirectSpan, records: list[Record]) -> Record | None:
    """A quotation that is a sentence of its own, spoken by the current speaker."""
    if d.words < STANDALONE_MIN_WORDS:
        return None
    first = doc.token_at(d.open)
    s0 = doc.sentence_start_token(first)
    lead = [k for k in range(s0, first) if doc.is_word(k) and doc.norms[k] not in ("و", "ف")]
    if lead:
        return None
    rec = Record("direct", d.start, d.end, d.open, None, bounded=True)
    speaker, source = antecedent(doc, rec, False, records)
    rec.speaker = speaker
    if source is not None:
        rec.reported_by = source.reported_by
    return rec
