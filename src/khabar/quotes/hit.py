"""A cue verb with its complement: what :mod:`khabar.quotes.indirect` finds and the
rest of the quotes stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.cues import CueForm
from khabar.quotes.direct import DirectSpan


@dataclass(slots=True)
class CueHit:
    """A cue verb with its complement: token indices into the doc, ``content_start``
    a character offset. ``subject`` is the phrase after the verb (may be empty),
    ``source`` the relayed speaker of "نقل X عن Y قوله"."""

    i: int
    form: CueForm
    comp: str
    comp_i: int
    content_start: int
    subject: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    venue: tuple[int, int] | None = None
    direct: DirectSpan | None = None
    np_after_subject: bool = False
