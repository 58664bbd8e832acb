"""Photo captions and their credits: "يستمرّ القتال ... (دافيد غهرمانيان/فرانس برس)".

Arabic news sites end a caption with its credit in parentheses: photographer
and agency split by a slash, or the agency alone. English-style wire credits put
the agency first ("Reuters/Ahmed Jadallah"), so the side that names a known
agency is the agency, whichever side it is on. Parenthesised notes such as
"(أرشيفية)" make a line a caption without naming anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.ingest.vocab import agencies, core, fold_with_offsets, widgets

_TRAILING_CREDIT = re.compile(
    r"^(?P<text>.*?)\s*[(\[（](?P<credit>[^()\[\]（）]{1,90})[)\]）]\s*\.?\s*$", re.S
)
_SEPARATORS = re.compile(r"\s*[/\\|]\s*")
_MARKER_SEP = re.compile(r"^\s*[:：،,\-–—]?\s*")
_CAPTION_SEP = re.compile(r"^\s*[:：،,\-–—]\s*")
# Sentence punctuation never appears inside a credit ("أ.ف.ب" is an abbreviation, handled by the list).
_PROSE = re.compile(r"[،؛؟!?]|\.\s")
_DIGITS = re.compile(r"\d")
_TERMINAL = ".!?؟…"


@dataclass(frozen=True, slots=True)
class Credit:
    photographer: str | None = None
    agency: str | None = None
    # How sure the credit is: "known" (a known agency, a "تصوير:" marker or a note such as
    # "أرشيفية"), "slash" (two unknown names "X/Y") or "weak" (one unknown name).
    strength: str = "weak"


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: Credit


def is_agency(name: str) -> bool:
    return core(name) in agencies()


def parse_credit(raw: str) -> Credit | None:
    """Read a credit's parts; None when the parenthesis does not look like a credit.

    ``parse_credit("دافيد غهرمانيان/فرانس برس")`` gives photographer
    "دافيد غهرمانيان" and agency "فرانس برس"; ``parse_credit("الأناضول")`` the
    agency alone; ``parse_credit("الاثنين")`` a weak agency that only a caller
    sure of the position should accept.
    """
    text = " ".join(raw.split())
    vocab = widgets()
    marker = _marker(text, vocab.credit_markers)
    marked = marker is not None
    by_photographer = marked and core(text[: marker or 0]) in vocab.photographer_markers
    if marker is not None:
        text = _MARKER_SEP.sub("", text[marker:])
    if text.startswith("©"):
        text, marked = text[1:].strip(), True
    if not text or len(text.split()) > 9 or _PROSE.search(text) or _DIGITS.search(text):
        return None
    if core(text) in vocab.photo_notes:
        return Credit(strength="known")
    parts = [p for p in _SEPARATORS.split(text) if p]
    if not parts or any(len(p) > 60 or len(p.split()) > 5 or _is_month(p) for p in parts):
        # "(13 نيسان/ابريل)" and "(الأول من حزيران/يونيو)" are dates, not credits.
        return None
    known = [is_agency(p) for p in parts]
    if len(parts) == 1:
        if known[0]:
            return Credit(agency=parts[0], strength="known")
        if by_photographer:
            return Credit(photographer=parts[0], strength="known")
        if marked:
            # "مصدر الصورة: وزارة الداخلية" names a source, not a person.
            return Credit(agency=parts[0], strength="known")
        return Credit(agency=parts[0], strength="weak")
    people = [p for p, k in zip(parts, known, strict=True) if not k and core(p) not in vocab.photo_notes]
    if not any(known):
        # No agency we know: the brief convention "photographer/agency".
        return Credit(photographer=parts[0], agency="/".join(parts[1:]), strength="slash")
    agency = "/".join(p for p, k in zip(parts, known, strict=True) if k)
    return Credit(photographer=people[0] if people else None, agency=agency, strength="known")


def _marker(text: str, markers: tuple[str, ...]) -> int | None:
    """Length in ``text`` of the marker that starts it ("تصوير:", "صدر الصورة،"), or None.

    Markers are matched folded; the offsets map the folded length back onto
    ``text``, which may carry tashkeel or tatweel inside the marker ("تَصْوِير:").
    """
    folded, offsets = fold_with_offsets(text)
    for marker in markers:
        if folded.startswith(marker) and (len(folded) == len(marker) or not folded[len(marker)].isalpha()):
            return offsets[len(marker)]
    return None


def photo_line(line: str) -> Caption | None:
    """A line that is only a caption or only a credit, as BBC-style pages print them.

    "صدر الصورة، Getty Images" gives a credit with empty text; "التعليق على
    الصورة، متظاهرون في ساحة التحرير" a caption with no credit yet.
    """
    if len(line) > 300:
        return None
    vocab = widgets()
    cut = _marker(line, vocab.caption_markers)
    if cut is not None:
        text = _CAPTION_SEP.sub("", line[cut:]).strip()
        return Caption(text=text, credit=Credit()) if text else None
    if _marker(line, vocab.credit_markers) is not None:
        credit = parse_credit(line)
        if credit is not None and (credit.photographer or credit.agency):
            return Caption(text="", credit=credit)
    return None


def merge(first: Caption | None, second: Caption) -> Caption:
    """Join a caption line and a credit line printed apart; otherwise keep the first."""
    if first is None:
        return second
    has_credit = first.credit.photographer or first.credit.agency
    if not first.text and second.text and has_credit:
        return Caption(text=second.text, credit=first.credit)
    if first.text and not has_credit and not second.text:
        return Caption(text=first.text, credit=second.credit)
    return first


def _is_month(part: str) -> bool:
    from khabar.text.normalize import lexicon_key
    from khabar.time.months import gregorian_months, hijri_months

    tail = lexicon_key(part).split()
    ends = (" ".join(tail[-k:]) for k in (1, 2) if len(tail) >= k)
    return any(end in gregorian_months() or end in hijri_months() for end in ends)


_STRENGTH = {"weak": 0, "slash": 1, "known": 2}


def split_caption(line: str, *, least: str = "slash") -> Caption | None:
    """Split a caption line into text and credit, or None if it is not one.

    A caption is short (at most ~45 words), ends with its credit, and its text
    does not end a sentence before the credit: "قال الوزير إن ... (رويترز)." with
    a full stop inside is a wire paragraph, not a caption. ``least`` is the
    weakest credit accepted (see :class:`Credit`): a caller sure of the
    position (the line under the date line) takes "weak".
    """
    m = _TRAILING_CREDIT.match(line.strip())
    if not m:
        return None
    text = m.group("text").strip(" -–—|")
    credit = parse_credit(m.group("credit"))
    if credit is None or _STRENGTH[credit.strength] < _STRENGTH[least]:
        return None
    if len(text.split()) > 45 or (text and text[-1] in _TERMINAL and len(text.split()) > 12):
        return None
    return Caption(text=text, credit=credit)
