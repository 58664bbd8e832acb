"""The article as the quote rules read it: words in matching form, sentences, paragraphs, mentions.

The rules ask the same questions over and over ("is this word a
complementizer?", "where does this sentence end?", "which entity does this
mention belong to?"); :class:`QuoteDoc` answers them from the layers the
pipeline already built (tokens, sentences, entities) so each rule stays a few
lines of sequence logic. Nothing here decides what a quote is.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from khabar.model import Analysis, Entity, Mention, Sentence, Token
from khabar.quotes.direct import DirectSpan, find_direct_spans
from khabar.quotes.lexicon import lexicon
from khabar.text.normalize import normalize
from khabar.text.tokenize import tokenize

if TYPE_CHECKING:
    from khabar.quotes.narration import NarrationCandidate

COMMAS = frozenset({"،", ",", "؛", ";"})
TERMINALS = frozenset(".!?؟…")


_NAME_ALI = "علي"


def _matching(word: str) -> str:
    """The matching form of a word, except that the name "علي" stays apart from
    the preposition "على" (both fold to علي): "أكد الوزير علي العمير أن" must not
    read as "أكد … على"."""
    norm = normalize(word)
    if norm == "علي" and word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ي"):
        return _NAME_ALI + "·"
    return norm


@dataclass(frozen=True, slots=True)
class MentionRef:
    """A mention with the entity it belongs to (``entity`` is None before entities run)."""

    mention: Mention
    entity: Entity | None


def _last_word_length(text: str, start: int, end: int) -> int:
    words = text[start:end].replace(".", " ").split()
    return len(words[-1]) if words else 0


def _join_acronyms(text: str, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Undo sentence breaks inside dotted names such as "جيه.إل.إل" or "آي.أو.بي.إي":
    a full stop after a word of at most three letters with a letter right after it
    (no space) joins an acronym; "الكاميرون.وأصيب" stays two sentences."""
    out: list[Sentence] = []
    for sent in sentences:
        if out:
            last = out[-1]
            cut = last.end
            if (
                cut == sent.start
                and text[cut - 1 : cut] == "."
                and text[cut : cut + 1].isalpha()
                and 0 < _last_word_length(text, last.start, cut - 1) <= 3
            ):
                out[-1] = Sentence(last.start, sent.end)
                continue
        out.append(sent)
    return tuple(out)


class QuoteDoc:
    """Token-level view of one analysed article (built once per article)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.article.text
        self.tokens: tuple[Token, ...] = analysis.tokens if analysis.tokens is not None else tokenize(self.text)
        self.norms: list[str] = [_matching(t.text) for t in self.tokens]
        self.starts: list[int] = [t.start for t in self.tokens]
        nl = self.text.find("\n")
        self.title_end = len(self.text) if nl < 0 else nl
        sentences = analysis.sentences
        if not sentences:
            sentences = (Sentence(0, len(self.text)),)
        self.sentences: tuple[Sentence, ...] = _join_acronyms(self.text, sentences)
        self._sent_starts = [s.start for s in self.sentences]
        self.direct: tuple[DirectSpan, ...] = tuple(self._clip(d) for d in find_direct_spans(self.text))
        self._open_at = {d.open: d for d in self.direct}
        # tokens where a writer's contrast or gloss ends reported content, filled
        # once per article by khabar.quotes.content (one pass instead of one per cue)
        self.clause_stops: list[int] | None = None
        # coordinated perfect verbs, found once per article (khabar.quotes.narration)
        self.narration: list[NarrationCandidate] | None = None
        self.narration_keys: list[int] | None = None

    def _clip(self, d: DirectSpan) -> DirectSpan:
        """An unclosed quotation within one paragraph is taken to end with its
        sentence: the closing mark was forgotten, not the paragraph quoted."""
        if d.close is not None or d.paragraphs > 1:
            return d
        end = self.sentence_of(d.start).end
        while end > d.start and self.text[end - 1] in " \t.،,؛;:":
            end -= 1
        return replace(d, end=min(d.end, end)) if end > d.start else d

    # -- tokens -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.tokens)

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def is_comma(self, i: int) -> bool:
        return self.tokens[i].text in COMMAS

    def is_colon(self, i: int) -> bool:
        return self.tokens[i].text in (":", "：")

    def is_terminal(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.kind == "punct" and all(c in TERMINALS for c in tok.text)

    def is_punct(self, i: int) -> bool:
        return self.tokens[i].kind in ("punct", "other")

    def is_word(self, i: int) -> bool:
        return self.tokens[i].kind in ("arabic", "latin", "number")

    def direct_opening(self, i: int) -> DirectSpan | None:
        """The quotation that opens at token ``i`` (a quote mark), if any."""
        return self._open_at.get(self.tokens[i].start)

    @cached_property
    def quoted(self) -> list[bool]:
        """For each token, whether it lies inside a quotation (between its marks; a
        mark never closed bounds nothing: the writer's words run on after it)."""
        flags = [False] * len(self.tokens)
        for d in self.direct:
            if d.close is None:
                continue
            for k in range(self.token_at(d.open), self.token_at(d.outer_end)):
                flags[k] = True
        return flags

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    # -- sentences and paragraphs -------------------------------------------------

    def sentence_of(self, pos: int) -> Sentence:
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        return self.sentences[max(k, 0)]

    def sentence_start_token(self, i: int) -> int:
        return self.token_at(self.sentence_of(self.tokens[i].start).start)

    def sentence_end_token(self, i: int) -> int:
        """One past the last token of the sentence holding token ``i``."""
        return self.token_at(self.sentence_of(self.tokens[i].start).end)

    def paragraph_end(self, pos: int) -> int:
        nl = self.text.find("\n", pos)
        return len(self.text) if nl < 0 else nl

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def in_title(self, pos: int) -> bool:
        return pos < self.title_end

    # -- mentions -------------------------------------------------------------------

    @cached_property
    def mentions(self) -> list[MentionRef]:
        """Mentions sorted by offset; entity mentions carry their entity."""
        refs: dict[tuple[int, int], MentionRef] = {}
        for entity in self.analysis.entities or ():
            for m in entity.mentions:
                refs[(m.start, m.end)] = MentionRef(m, entity)
        for m in self.analysis.mentions or ():
            refs.setdefault((m.start, m.end), MentionRef(m, None))
        ordered = sorted(refs.values(), key=lambda r: (r.mention.start, -r.mention.end))
        return self._with_surnames(ordered)

    def _with_surnames(self, refs: list[MentionRef]) -> list[MentionRef]:
        """The mentions plus a person's family name used alone after the full name
        ("ياسر الرعيني … وأكد الرعيني"): news names a person in full once, then by
        the last name, which the tagger often leaves untagged. A last word after
        بن/أبو is the father's name, not the family's; a word also used as a
        nationality adjective (nisba) is left alone."""
        covered = [False] * len(self.tokens)
        for r in refs:
            for k in range(self.token_at(r.mention.start), self.token_at(r.mention.end)):
                covered[k] = True
        nisbas = {normalize(r.mention.text) for r in refs if r.mention.kind == "nisba"}
        first_seen: dict[str, MentionRef] = {}
        for r in refs:
            etype = r.entity.type if r.entity is not None else r.mention.type
            words = r.mention.text.split()
            if etype != "PERSON" or r.mention.kind != "name" or len(words) < 2:
                continue
            last = _matching(words[-1])
            if len(last) < 4 or _matching(words[-2]) in lexicon().patronymics or last in nisbas:
                continue
            first_seen.setdefault(last, r)
        if not first_seen:
            return refs
        added = []
        for k, norm in enumerate(self.norms):
            ref = first_seen.get(norm)
            if ref is None or covered[k] or self.tokens[k].start < ref.mention.end:
                continue
            tok = self.tokens[k]
            added.append(MentionRef(Mention(tok.start, tok.end, tok.text, "PERSON", "name"), ref.entity))
        if not added:
            return refs
        return sorted(refs + added, key=lambda r: (r.mention.start, -r.mention.end))

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [r.mention.start for r in self.mentions]

    @cached_property
    def person_name_parts(self) -> dict[str, MentionRef]:
        """The first and last words of multi-word person names ("مها", "عوف" of
        "مها أبو عوف"), in matching form, each with its first mention."""
        parts: dict[str, MentionRef] = {}
        for ref in self.mentions:
            etype = ref.entity.type if ref.entity is not None else ref.mention.type
            if etype != "PERSON" or ref.mention.kind != "name":
                continue
            words = normalize(ref.mention.text).split()
            if len(words) >= 2:
                parts.setdefault(words[0], ref)
                parts.setdefault(words[-1], ref)
        return parts

    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying wholly inside ``[start, end)``."""
        lo = bisect.bisect_left(self._mention_starts, start)
        out = []
        for ref in self.mentions[lo:]:
            if ref.mention.start >= end:
                break
            if ref.mention.end <= end:
                out.append(ref)
        return out

    def mention_covering(self, start: int, end: int) -> MentionRef | None:
        """The longest mention that contains ``[start, end)``."""
        hi = bisect.bisect_right(self._mention_starts, start)
        best: MentionRef | None = None
        for ref in self.mentions[max(0, hi - 20) : hi]:
            m = ref.mention
            if m.start <= start and m.end >= end and (best is None or m.end - m.start > best.mention.end - best.mention.start):
                best = ref
        return best

    def name_starts(self, k: int, types: tuple[str, ...] = ()) -> bool:
        """Whether a name mention (of one of ``types``, any type if none) starts at
        token ``k``; the mention may run over several tokens ("سالم العلي")."""
        tok = self.tokens[k]
        last = self.tokens[min(k + 6, len(self.tokens) - 1)]
        return any(
            ref.mention.start == tok.start
            and ref.mention.kind == "name"
            and (not types or (ref.entity.type if ref.entity else ref.mention.type) in types)
            for ref in self.mentions_in(tok.start, last.end)
        )

    def complementizer_at(self, k: int) -> bool:
        """Whether token ``k`` is a complementizer (أن، إن، بأن …), not the first word
        of a name written like one ("بان كي مون")."""
        w = self.norms[k]
        if w not in lexicon().complementizers or self.tokens[k].text.startswith("آ"):
            return False  # "قالت آن بوفيرت، …، إن": a name written with madda, never أن/إن
        return not (w == "بان" and self.name_starts(k, ("PERSON", "ORG")))

    def in_name(self, k: int) -> bool:
        """Whether token ``k`` lies in a name mention (of any type)."""
        tok = self.tokens[k]
        ref = self.mention_covering(tok.start, tok.end)
        return ref is not None and ref.mention.kind == "name"

    @cached_property
    def entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.analysis.entities or ()}
