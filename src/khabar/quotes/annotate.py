"""The quotes stage: who said what, with which verb, where, and through whom.

``annotate(analysis, options)`` fills ``analysis.quotes`` from the text layer
(tokens, sentences) and, when present, the entity layer. The work, in order:

1. cue verbs with their complements (:mod:`khabar.quotes.indirect`) and
   attribution phrases (:mod:`khabar.quotes.attribution`), taken in text order
   so that each can continue, nest in or end the quotes before it: its speaker
   and place come from :mod:`khabar.quotes.attach`, the speaker of a cue
   without a subject from :mod:`khabar.quotes.continuation`;
2. quotations in marks that no cue introduced (:mod:`khabar.quotes.standalone`);
3. the headline quote (:mod:`khabar.quotes.headline`).

Nesting. "وذكرت الصحف الإسرائيلية أن الرئيس الأرميني أعرب عن قلق بلاده" holds
two quotes: the papers', whose content is the whole clause, and the
president's, reported by the papers (``reported_by``). A quote nested in one by
the same speaker ("قال إنه يعتقد أن …") is dropped: it repeats its parent.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging

from khabar.model import Analysis, Quote
from khabar.options import Options
from khabar.quotes.attach import attach, end_stack
from khabar.quotes.attribution import Phrase, attribution_record, find_phrases, parenthetical_source
from khabar.quotes.content import provisional_end, trim
from khabar.quotes.doc import QuoteDoc
from khabar.quotes.headline import headline_quote
from khabar.quotes.hit import CueHit
from khabar.quotes.indirect import find_cues
from khabar.quotes.record import Record
from khabar.quotes.speakers import same
from khabar.quotes.standalone import direct_only
from khabar.quotes.venue import venue_at, venue_text

log = logging.getLogger(__name__)

MAX_OPEN = 16


def annotate(analysis: Analysis, options: Options) -> Analysis:
    """Fill ``analysis.quotes`` (see the module docstring)."""
    return dataclasses.replace(analysis, quotes=extract(analysis))


def extract(analysis: Analysis) -> tuple[Quote, ...]:
    """The quotes of one analysed article, ordered by position (headline first)."""
    doc = QuoteDoc(analysis)
    records = _from_cues(doc, find_cues(doc))
    records += direct_only(doc, records)
    records.sort(key=lambda r: r.anchor)
    records = _finish(doc, records)
    head = headline_quote(doc, records)
    if head is not None:
        records.insert(0, head)
    return tuple(r.to_quote(doc.text) for r in records)


# -- cue quotes -------------------------------------------------------------------


def _from_cues(doc: QuoteDoc, hits: list[CueHit]) -> list[Record]:
    """Cue and attribution quotes in text order, so that each one can continue,
    nest in, or end the ones before it."""
    events: list[tuple[int, CueHit | tuple[Phrase, int]]] = [(h.i, h) for h in hits]
    taken = {h.i for h in hits}
    starts = [h.i for h in hits]  # find_cues returns them in text order
    # a phrase between a cue and its complement names the medium the words came
    # through ("وقال الناطق، حسب وكالة الصحافة الفرنسية، إنه"), not a quote of its own;
    # a cue's complement lies within its scan window, so only the cues just before
    # the phrase can hold it (linear, not quadratic, on pages of thousands of cues)
    relayed: dict[int, tuple[Phrase, int]] = {}
    for i, phrase, s in find_phrases(doc):
        if i in taken:
            continue
        n = bisect.bisect_left(starts, i)
        around = [h for h in hits[max(0, n - MAX_OPEN) : n] if h.i < i < h.comp_i]
        if around:
            relayed.setdefault(around[-1].i, (phrase, s))
        else:
            events.append((i, (phrase, s)))
    events.sort(key=lambda e: e[0])
    records: list[Record] = []
    # Content ends only ever move left, so a record that ends before one event
    # ends before every later one: keep the open ones apart. Real reporting nests
    # a few levels deep; a scraped page that lost its full stops can chain
    # thousands of cues into one sentence, so only the innermost MAX_OPEN stay
    # open (linear, not quadratic, in paragraph length).
    live: list[Record] = []
    for i, event in events:
        pos = doc.tokens[i].start
        live = [r for r in live[-MAX_OPEN:] if r.end > pos]
        stack = sorted((r for r in live if r.start <= pos), key=lambda r: r.start)
        if isinstance(event, CueHit):
            rec = _cue_record(doc, event, stack, records)
            if rec is not None and event.i in relayed and rec.reported_by is None:
                phrase, s = relayed[event.i]
                medium = parenthetical_source(doc, phrase, s, event.comp_i)
                if medium is not None and not same(medium, rec.speaker):
                    rec.reported_by = medium
        else:
            phrase, source = event
            rec = attribution_record(doc, i, phrase, source, records)
            if rec is not None and rec.start < pos:
                # "…، بحسب المصدر": the phrase closes the clause it attributes, and
                # a quote whose cue is in that clause is reported by the source
                wrapped = [r for r in stack if r is not rec.parent]
                end_stack(doc, wrapped, i, rec)
                for r in wrapped:
                    if rec.start <= r.anchor and r.reported_by is None:
                        r.reported_by = rec.speaker
        if rec is not None:
            records.append(rec)
            live.append(rec)
    return records


def _cue_record(doc: QuoteDoc, hit: CueHit, stack: list[Record], records: list[Record]) -> Record | None:
    tok = doc.tokens[hit.i]
    end = provisional_end(doc, hit)
    if end <= hit.content_start:
        return None
    kind = "direct" if hit.comp in ("quote", "colon", "bare") else "indirect"
    rec = Record(kind, hit.content_start, end, tok.start, (tok.start, tok.end), gender=hit.form.gender)
    rec.bounded = hit.direct is not None and hit.direct.close is not None  # an unclosed mark bounds nothing
    rec.venue = _venue(doc, hit)
    return rec if attach(doc, hit, rec, stack, records) else None


def _venue(doc: QuoteDoc, hit: CueHit) -> str | None:
    if hit.venue is not None:
        return doc.text[hit.venue[0] : hit.venue[1]]
    s0 = doc.sentence_start_token(hit.i)
    for k in range(s0, min(hit.i, s0 + 3)):
        v = venue_at(doc, k)
        if v is not None and v <= hit.i:
            return venue_text(doc, k, v)
    return None


# -- finishing ----------------------------------------------------------------------


def _finish(doc: QuoteDoc, records: list[Record]) -> list[Record]:
    out: list[Record] = []
    seen: set[tuple[int, int]] = set()
    for r in records:
        r.end = trim(doc, r.start, r.end)
        if r.end <= r.start or (r.start, r.end) in seen:
            continue
        if r.parent is not None and same(r.speaker, r.parent.speaker):
            continue  # "قال إنه يعتقد أن …": the speaker reporting himself adds nothing
        if r.end <= r.anchor and any(
            q is not r and r.start <= q.anchor < r.end and same(r.speaker, q.speaker) for q in records
        ):
            continue  # "وقال سليم إنه يعيد …، حسب ما أفاد": the tag repeats the quote it closes
        if r.kind == "indirect" and any(
            r.start <= d.open and d.outer_end <= r.end + 1 and d.words >= 2 for d in doc.direct
        ):
            r.kind = "mixed"
        seen.add((r.start, r.end))
        out.append(r)
    return out
