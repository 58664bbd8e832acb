"""Reporting verbs ("cues") and every written form they take in news text.

``data/quotes/cues.json`` lists each verb once, as a lemma with a small
paradigm spec (perfect, imperfect, active participle, final weak radical);
:func:`inflect` generates the forms reported speech actually uses, so that the
lexicon stays one line per verb and a new verb is one new line:

- perfect, 3rd person: قال قالت قالوا قالا قالتا (دعا → دعت دعوا; نفى → نفت نفوا نفيا);
  no feminine plural, which is rare in news and whose hollow forms change stem
  (قلن), while the regular suffix makes false words ("عدّن" reads as عدن, Aden);
- imperfect, 3rd person: يقول تقول يقولون يقولان تقولان (يرى → يرون يريان;
  يدعو → يدعون; ينفي → ينفون);
- the active participle used as a circumstantial adverb, in the accusative only:
  قائلاً قائلة قائلين قائلات (قائلون, nominative, is a noun) (tanween is dropped by normalization, so قائلاً = قائلا = قائلًا);
- proclitics: و and ف on every finite form, و on participles (never ل or
  the future س: "لتشير إلى" is a purpose clause, "سيعلن" a forecast);
- object pronouns on finite forms ("أبلغه", "ما قاله", "أكدته"); callers decide
  when a suffixed form is a cue (object-taking verbs, or after "ما").

Everything is matched in the matching form of :mod:`khabar.text.normalize`
(hamza seats folded, ى → ي, no tashkeel), so "أكّد", "اكد" and "أكد" are one key.
First-person forms (قلت، أعتقد) are deliberately absent: in news they are the
writer's own voice, not a quote.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.text.normalize import normalize

log = logging.getLogger(__name__)

_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
_FINITE_CLITICS = ("", "و", "ف")
# No ل (a purpose clause: "لتشير إلى" = so as to show) and no future س ("سيعلن",
# "فسيقول له الطبيب"): neither reports what was said.
_PRESENT_CLITICS: tuple[str, ...] = ()
_PARTICIPLE_CLITICS = ("", "و")
_MASDAR_CLITICS = ("", "و", "ب", "وب", "ل", "ول")


@dataclass(frozen=True, slots=True)
class Lemma:
    """One reporting verb and what may introduce its reported content."""

    past: str
    present: str | None
    participle: str | None
    complements: frozenset[str]
    weak: str | None = None
    object: bool = False
    impersonal: bool = False
    ambiguous: frozenset[str] = frozenset()
    relay: bool = False
    exclude: frozenset[str] = frozenset()
    source_prep: str | None = None
    hamza: bool = False
    noun: str | None = None
    masdar: str | None = None
    # with ب the verb praises ("نوّه بالدور", "نوّه بجهود"): only ب + a verbal noun
    # of necessity or a that-clause reports ("نوّه بضرورة", "نوّه بأن")
    praise: bool = False

    @property
    def key(self) -> str:
        """The lemma in matching form ("اكد"), used to compare cues."""
        return normalize(self.past)


@dataclass(frozen=True, slots=True)
class Form:
    """One inflected form before clitics: ``tense`` is past | present | participle;
    ``gender`` m | f; ``number`` s | d | p."""

    text: str
    tense: str
    gender: str
    number: str


@dataclass(frozen=True, slots=True)
class CueForm:
    """What a surface word is, as a cue: its lemma, inflection and attachments."""

    lemma: Lemma
    tense: str
    gender: str
    number: str
    proclitic: str = ""
    suffix: str = ""
    ambiguous: bool = False


@cache
def lemmas() -> tuple[Lemma, ...]:
    """The lexicon of ``data/quotes/cues.json``, loaded once."""
    path = resources.files("khabar") / "data" / "quotes" / "cues.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in raw["lemmas"]:
        out.append(
            Lemma(
                past=entry["past"],
                present=entry["present"],
                participle=entry.get("participle"),
                complements=frozenset(entry["complements"]),
                weak=entry.get("weak"),
                object=bool(entry.get("object", False)),
                impersonal=bool(entry.get("impersonal", False)),
                ambiguous=frozenset(normalize(w) for w in entry.get("ambiguous", ())),
                relay=bool(entry.get("relay", False)),
                exclude=frozenset(normalize(w) for w in entry.get("exclude", ())),
                source_prep=normalize(entry["source_prep"]) if entry.get("source_prep") else None,
                hamza=bool(entry.get("hamza", False)),
                noun=entry.get("noun"),
                masdar=entry.get("masdar"),
                praise=bool(entry.get("praise", False)),
            )
        )
    log.debug("loaded %d cue lemmas", len(out))
    return tuple(out)


def _past(lemma: Lemma) -> list[Form]:
    p = lemma.past
    if lemma.weak in ("a", "y"):
        stem = p[:-1]
        dual = stem + ("يا" if lemma.weak == "y" else "وا")
        return [
            Form(p, "past", "m", "s"),
            Form(stem + "ت", "past", "f", "s"),
            Form(stem + "وا", "past", "m", "p"),
            Form(dual, "past", "m", "d"),
            Form(stem + "تا", "past", "f", "d"),
        ]
    return [
        Form(p, "past", "m", "s"),
        Form(p + "ت", "past", "f", "s"),
        Form(p + "وا", "past", "m", "p"),
        Form(p + "ا", "past", "m", "d"),
        Form(p + "تا", "past", "f", "d"),
    ]


def _present(lemma: Lemma) -> list[Form]:
    r = lemma.present
    if not r:
        return []
    fem = "ت" + r[1:]
    last = r[-1]
    if last in "يىو":
        plural = r[:-1] + "ون"
        dual = r[:-1] + "يان" if last == "ى" else r + "ان"
    else:
        plural = r + "ون"
        dual = r + "ان"
    return [
        Form(r, "present", "m", "s"),
        Form(fem, "present", "f", "s"),
        Form(plural, "present", "m", "p"),
        Form(dual, "present", "m", "d"),
        Form("ت" + dual[1:], "present", "f", "d"),
    ]


def _participle(lemma: Lemma) -> list[Form]:
    a = lemma.participle
    if not a:
        return []
    # Only the accusative forms: a participle reports as a circumstantial adverb
    # (قائلين، مؤكدين), and the nominative plural is a noun ("وقال مدعون إن":
    # prosecutors, the subject of قال).
    if a.endswith("ي"):
        # defective: داعياً داعية, plural داعين
        return [
            Form(a + "اً", "participle", "m", "s"),
            Form(a + "ة", "participle", "f", "s"),
            Form(a[:-1] + "ين", "participle", "m", "p"),
            Form(a + "ات", "participle", "f", "p"),
        ]
    return [
        Form(a + "اً", "participle", "m", "s"),
        Form(a + "ة", "participle", "f", "s"),
        Form(a + "ين", "participle", "m", "p"),
        Form(a + "ات", "participle", "f", "p"),
        Form(a + "تين", "participle", "f", "d"),
    ]


def inflect(lemma: Lemma) -> list[Form]:
    """Every bare form of ``lemma`` (no clitics, no pronoun suffix).

    ``[f.text for f in inflect(قال)]`` starts with قال قالت قالوا قالا قالتا.
    """
    return _past(lemma) + _present(lemma) + _participle(lemma)


def _suffix_base(form: Form) -> str | None:
    """The stem an object pronoun attaches to, or None if the form takes none here.

    Only singular finite forms carry one in reporting ("أبلغه"، "أكدته"،
    "ما قالوه" is rare enough to leave out); final ى turns to ا ("نفاه").
    """
    if form.tense == "participle" or form.number != "s":
        return None
    text = form.text
    return text[:-1] + "ا" if text.endswith("ى") else text


@cache
def _table() -> dict[str, tuple[CueForm, ...]]:
    table: dict[str, list[CueForm]] = {}

    def add(surface: str, cue: CueForm) -> None:
        table.setdefault(normalize(surface), []).append(cue)

    for lemma in lemmas():
        for form in inflect(lemma):
            if normalize(form.text) in lemma.exclude:
                continue
            clitics: tuple[str, ...] = _PARTICIPLE_CLITICS if form.tense == "participle" else _FINITE_CLITICS
            if form.tense == "present":
                clitics = clitics + _PRESENT_CLITICS
            base = _suffix_base(form)
            for clitic in clitics:
                vague = normalize(form.text) in lemma.ambiguous
                add(clitic + form.text, CueForm(lemma, form.tense, form.gender, form.number, clitic, "", vague))
                if base is None:
                    continue
                for pronoun in _PRONOUNS:
                    add(
                        clitic + base + pronoun,
                        CueForm(lemma, form.tense, form.gender, form.number, clitic, pronoun),
                    )
        if lemma.noun:
            # "بالقول" and "بقوله، بقولها، بقولهم": the verbal noun after ب reports like
            # the participle, continuing the subject of its clause
            noun = lemma.noun
            add("بال" + noun, CueForm(lemma, "participle", "m", "s", "ب"))
            for pronoun, gender, number in (("ه", "m", "s"), ("ها", "f", "s"), ("هم", "m", "p"), ("هما", "m", "d")):
                add("ب" + noun + pronoun, CueForm(lemma, "participle", gender, number, "ب"))
        if lemma.masdar:
            # "رغم تأكيد مصادر سلام عدم التوصل", "بعد تأكيد الوزارة أن": the verbal
            # noun, indefinite, in construct with its subject (the genitive after it);
            # khabar.quotes.readings keeps it only with a source for that genitive
            for clitic in _MASDAR_CLITICS:
                add(clitic + lemma.masdar, CueForm(lemma, "masdar", "m", "s", clitic))
    return {key: tuple(dict.fromkeys(values)) for key, values in table.items()}


def lookup(word: str) -> tuple[CueForm, ...]:
    """Every cue reading of a surface word ("وأكدت" → أكد, past, f, s, proclitic و).

    The word may carry tashkeel or any hamza spelling; an empty tuple means it is
    not a cue.
    """
    forms = _table().get(normalize(word), ())
    if forms and "ؤ" in word:
        # "رؤى" (visions, a name) folds to روى: a written hamza on و belongs to a root
        # with a hamza ("يؤكد"), never to one without
        forms = tuple(f for f in forms if any(ch in "أإؤئء" for ch in f.lemma.past + (f.lemma.present or "")))
    return forms


@cache
def _first_person_table() -> frozenset[str]:
    keys = set()
    for lemma in lemmas():
        if not lemma.present:
            continue
        for person in ("أ", "ن"):
            for clitic in _FINITE_CLITICS:
                keys.add(normalize(clitic + person + lemma.present[1:]))
    return frozenset(k for k in keys if k not in _table())


def first_person(word: str) -> bool:
    """Whether ``word`` is the speaker's own reporting verb ("وأتمنى"، "نؤكد"):
    the imperfect of a cue in the first person, which only a quoted speaker
    uses. Forms that also read as a third person ("أوضح" he explained / I
    explain) are left out."""
    return normalize(word) in _first_person_table()


def surface_forms(lemma: Lemma) -> frozenset[str]:
    """All matching-form keys that read as ``lemma``; for tests and diagnostics."""
    return frozenset(key for key, cues in _table().items() if any(c.lemma == lemma for c in cues))


def find_lemma(past: str) -> Lemma:
    """The lemma whose perfect is ``past`` ("قال"); raises KeyError if absent."""
    key = normalize(past)
    for lemma in lemmas():
        if lemma.key == key:
            return lemma
    raise KeyError(past)
