"""The working record of one quote while the rules fill it in.

Rules find a quote in stages (cue, speaker, nesting, end), and a later cue can
still shorten an earlier quote's content, so the record is mutable here and
becomes a frozen :class:`khabar.model.Quote` only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.model import Quote, Span, Speaker


@dataclass(slots=True, eq=False)
class Record:
    """``start``/``end`` bound the content; ``anchor`` is the character offset the
    quote is attached at (its cue, or its opening mark), used for ordering and for
    "the speaker quoted last"."""

    kind: str
    start: int
    end: int
    anchor: int
    cue: tuple[int, int] | None = None
    speaker: Speaker | None = None
    gender: str | None = None
    # "p" when the source is known to be several (وأكدوا, "الأهالي"), "s" when
    # known to be one, None when the text does not show it.
    number: str | None = None
    venue: str | None = None
    reported_by: Speaker | None = None
    parent: Record | None = None
    # Content bounded by quotation marks: a cue inside it is quoted speech, never
    # the start of a new statement that would cut it short.
    bounded: bool = False

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def to_quote(self, text: str) -> Quote:
        cue = Span(self.cue[0], self.cue[1], text[self.cue[0] : self.cue[1]]) if self.cue else None
        return Quote(
            kind=self.kind,
            content=Span(self.start, self.end, text[self.start : self.end]),
            speaker=self.speaker,
            cue=cue,
            venue=self.venue,
            reported_by=self.reported_by,
        )
