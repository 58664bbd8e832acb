"""Quote constructions: which ways of reporting speech khabar reads, on sentences built from templates.

    python -m bench.quote_constructions                 # table by construction + bench/out/quote_constructions.json
    python -m bench.quote_constructions --examples 2    # also print failing sentences per construction
    python -m bench.quote_constructions --min-rate 0.95 # CI gate: exit 1 below the floor

The annotated articles of ``bench/quotes.py`` measure khabar on real news, but
each construction appears there a handful of times, so a construction the
rules miss entirely (every present-tense "يرى" once; "وأشار المسؤول إلى" whose
إلى went into the subject as in "المسؤول عن") costs a point spread over many
articles and is hard to see. This benchmark crosses hand-written subjects
(names with titles, bare titles, organizations, unnamed sources, feminine and
masculine), scene-setting phrases (venues, times, tweets, "على هامش") and
reporting constructions (cue verb before or after its subject, participles,
colons, quotation marks, attribution phrases, relays, كان … قد, continuations,
person and noun objects, where the content ends) and checks, for each sentence,
that the full pipeline (tagger included) finds the reported content exactly and
attributes it to the subject (its key word appears in the speaker's text); for
negated, impersonal and writer's constructions, that nothing is reported. The sentences are written for khabar; none
comes from a corpus, and the rules were not written against them one by one:
the benchmark is a coverage check, a failing family is a hole to fix in
general, not a sentence to special-case.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.model import Article, Quote
from khabar.options import Options
from khabar.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "quote_constructions.json"

CONTENT = "العمل في المشروع سيبدأ مطلع العام المقبل"
LEAD = "افتتح المعرض الدولي للكتاب أبوابه أمس."


@dataclass(frozen=True)
class Subject:
    phrase: str
    gender: str  # m | f
    key: str  # a word the speaker's text must contain


SUBJECTS = (
    Subject("المسؤول", "m", "المسؤول"),
    Subject("وزير الصحة أحمد الغامدي", "m", "الغامدي"),
    Subject("المتحدث الرسمي باسم الوزارة العقيد سالم المري", "m", "المري"),
    Subject("مصدر مسؤول", "m", "مصدر"),
    Subject("الشركة", "f", "الشركة"),
    Subject("مدير عام التعليم بمنطقة الرياض", "m", "مدير"),
    Subject("رئيس النادي", "m", "رئيس النادي"),
    Subject("الدكتور خالد السعيد", "m", "السعيد"),
    Subject("أمير المنطقة الأمير فيصل بن خالد", "m", "فيصل"),
    Subject("الأمين العام للأمم المتحدة بان كي مون", "m", "بان"),
    Subject("وكالة الأنباء السعودية", "f", "الأنباء"),
    Subject("صحيفة الحياة", "f", "الحياة"),
    Subject("وزارة الداخلية", "f", "وزارة الداخلية"),
    Subject("مدير المستشفى، الدكتور سعد القحطاني", "m", "القحطاني"),
    Subject("مدير المستشفى، الدكتور سعد القحطاني،", "m", "القحطاني"),
)
SETTINGS = (
    "",
    "في تصريح لـ«الوطن»",
    "خلال مؤتمر صحفي عقده أمس",
    "في بيان صحفي",
    "أمس",
    "في حديث لـ«عكاظ»",
    "على هامش افتتاح المعرض",
    "في تغريدة على حسابه في تويتر",
    "يوم الأحد",
)
# (masculine, feminine, what introduces the content)
CUES = (
    ("قال", "قالت", "إن"),
    ("أكد", "أكدت", "أن"),
    ("أوضح", "أوضحت", "أن"),
    ("أضاف", "أضافت", "أن"),
    ("ذكر", "ذكرت", "أن"),
    ("أشار", "أشارت", "إلى أن"),
    ("كشف", "كشفت", "أن"),
    ("بيّن", "بيّنت", "أن"),
    ("أعلن", "أعلنت", "أن"),
    ("شدد", "شددت", "على أن"),
    ("لفت", "لفتت", "إلى أن"),
    ("يرى", "ترى", "أن"),
)


def _g(s: Subject, masculine: str, feminine: str) -> str:
    return masculine if s.gender == "m" else feminine


def _li(phrase: str) -> str:
    """The preposition ل before a phrase: "للأمين", "لصحيفة"."""
    return "لل" + phrase[2:] if phrase.startswith("ال") else "ل" + phrase


C = CONTENT
TEMPLATES: dict[str, Callable[[Subject], str]] = {
    "verb first, then subject (every cue × setting)": lambda s: "",  # expanded in cases()
    "أما … فقد": lambda s: f"{LEAD} أما {s.phrase} {_g(s, 'فقد أكد', 'فقد أكدت')} أن {C}.",
    "subject opens the paragraph": lambda s: f"{LEAD}\n{s.phrase} {_g(s, 'أكد', 'أكدت')} أن {C}.",
    "من جانبه، verb subject": lambda s: f"{LEAD} {_g(s, 'من جانبه', 'من جانبها')}، {_g(s, 'أكد', 'أكدت')} {s.phrase} أن {C}.",
    "بدوره verb subject": lambda s: f"{LEAD} {_g(s, 'بدوره', 'بدورها')} {_g(s, 'قال', 'قالت')} {s.phrase} إن {C}.",
    "كان … قد": lambda s: f"{LEAD} {_g(s, 'وكان', 'وكانت')} {s.phrase} قد {_g(s, 'أكد', 'أكدت')} أن {C}.",
    "time after the subject": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase} مساء أمس الأحد إن {C}.",
    "colon and «»": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase}: «{C}».",
    "«» without colon": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase} «{C}».",
    'colon and ""': lambda s: f'{LEAD} {_g(s, "وقال", "وقالت")} {s.phrase}: "{C}".',
    "colon, no marks": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase}: {C}.",
    "quotation first, then cue": lambda s: f"{LEAD} «{C}»، {_g(s, 'قال', 'قالت')} {s.phrase}.",
    "continuation (وأضاف أن)": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase} إن المعرض ناجح. "
    f"{_g(s, 'وأضاف', 'وأضافت')} أن {C}.",
    "continuation in a new paragraph": lambda s: f"{LEAD} {_g(s, 'وقال', 'وقالت')} {s.phrase} إن المعرض ناجح.\n"
    f"{_g(s, 'وأضاف', 'وأضافت')}: «{C}».",
    "participle after a cue": lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أن المعرض ناجح، "
    f"{_g(s, 'مضيفاً', 'مضيفة')} أن {C}.",
    "participle after إلى أن": lambda s: f"{LEAD} {_g(s, 'وأوضح', 'وأوضحت')} {s.phrase} أنه لا صحة للشائعات، "
    f"{_g(s, 'لافتاً', 'لافتة')} إلى أن {C}.",
    "بحسب X، فإن": lambda s: f"{LEAD} وبحسب {s.phrase}، فإن {C}.",
    "وفقاً لـX، فإن": lambda s: f"{LEAD} ووفقاً {_li(s.phrase)}، فإن {C}.",
    "…، بحسب X": lambda s: f"{LEAD} {C}، بحسب {s.phrase}.",
    "نقلت … عن X قوله": lambda s: f"{LEAD} ونقلت صحيفة الرياض عن {s.phrase} قوله إن {C}.",
}


# Constructions whose content is not CONTENT: (template, the content expected, or
# None when any quote by the subject will do: its extent is the verb's own object).
OTHER_CONTENT: dict[str, tuple[Callable[[Subject], str], str | None]] = {
    "person object, then أن (أبلغ)": (
        lambda s: f"{LEAD} {_g(s, 'وأبلغ', 'وأبلغت')} {s.phrase} الصحفيين أن {C}.",
        C,
    ),
    "person object, then ب (طالب)": (
        lambda s: f"{LEAD} {_g(s, 'وطالب', 'وطالبت')} {s.phrase} المواطنين بضرورة الالتزام بالأنظمة.",
        "بضرورة الالتزام بالأنظمة",
    ),
    "person object, then إلى (دعا)": (
        lambda s: f"{LEAD} {_g(s, 'ودعا', 'ودعت')} {s.phrase} الجميع إلى الالتزام بالأنظمة.",
        "الالتزام بالأنظمة",
    ),
    "noun object (أكد أهمية)": (
        lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أهمية الالتزام بالأنظمة.",
        "أهمية الالتزام بالأنظمة",
    ),
    "noun object (نفى صحة)": (
        lambda s: f"{LEAD} {_g(s, 'ونفى', 'ونفت')} {s.phrase} صحة الأنباء المتداولة عن إغلاق المعرض.",
        "صحة الأنباء المتداولة عن إغلاق المعرض",
    ),
    "possessed noun object (أعلن عزمه)": (
        lambda s: f"{LEAD} {_g(s, 'وأعلن', 'وأعلنت')} {s.phrase} {_g(s, 'عزمه', 'عزمها')} إطلاق برنامج جديد للشباب.",
        None,
    ),
    "أعرب عن أمله في أن": (
        lambda s: f"{LEAD} {_g(s, 'وأعرب', 'وأعربت')} {s.phrase} عن {_g(s, 'أمله', 'أملها')} في أن يبدأ العمل قريبا.",
        None,
    ),
    "present tense (يقول)": (lambda s: f"{LEAD} {_g(s, 'ويقول', 'وتقول')} {s.phrase} إن {C}.", C),
    "cue in a relative clause (الذي أكد)": (
        lambda s: f"{LEAD} وكان {s.phrase} {_g(s, 'الذي', 'التي')} {_g(s, 'أكد', 'أكدت')} أن {C} قد زار المعرض.",
        None,
    ),
    "content ends before مضيفاً": (
        lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أن {C}، {_g(s, 'مضيفاً', 'مضيفة')} أن الخطة جاهزة.",
        C,
    ),
    "content ends before كما أشار": (
        lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أن {C}، كما {_g(s, 'أشار', 'أشارت')} إلى أن الخطة جاهزة.",
        C,
    ),
    # annotators keep the context the speaker gives ("، وذلك بعد الانتقادات")
    "content keeps ، وذلك خلال": (
        lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أن {C}، وذلك خلال زيارته للمعرض.",
        C + "، وذلك خلال زيارته للمعرض",
    ),
    "content runs on over وأن": (
        lambda s: f"{LEAD} {_g(s, 'وأكد', 'وأكدت')} {s.phrase} أن {C} وأن الخطة جاهزة.",
        C + " وأن الخطة جاهزة",
    ),
    "nested in a paper's report": (
        lambda s: f"{LEAD} وذكرت صحيفة الرياض أن {s.phrase} {_g(s, 'أكد', 'أكدت')} أن {C}.",
        C,
    ),
}
# Constructions that report nothing: no quote may hold CONTENT.
NO_QUOTE: dict[str, Callable[[Subject], str]] = {
    "negated cue (لم يؤكد)": lambda s: f"{LEAD} ولم {_g(s, 'يؤكد', 'تؤكد')} {s.phrase} أن {C}.",
    "impersonal (ويذكر أن)": lambda s: f"{LEAD} ويذكر أن {C}.",
    "writer's note (يشار إلى أن)": lambda s: f"{LEAD} ويشار إلى أن {C}.",
}


def cases() -> list[tuple[str, Subject, str]]:
    """(construction, subject, sentence) for every template and subject."""
    out: list[tuple[str, Subject, str]] = []
    for s, setting, (masc, fem, comp) in itertools.product(SUBJECTS, SETTINGS, CUES):
        verb = _g(s, masc, fem)
        verb = verb if verb.startswith(("ي", "ت")) else "و" + verb
        middle = f" {setting}" if setting else ""
        out.append(("verb first, then subject (every cue × setting)", s, f"{LEAD} {verb} {s.phrase}{middle} {comp} {C}."))
    for name, build in TEMPLATES.items():
        if name.startswith("verb first"):
            continue
        out.extend((name, s, build(s)) for s in SUBJECTS)
    for name, (build, _) in OTHER_CONTENT.items():
        out.extend((name, s, build(s)) for s in SUBJECTS)
    for name, negative in NO_QUOTE.items():
        out.extend((name, s, negative(s)) for s in SUBJECTS)
    return [(name, s, _tidy(sentence)) for name, s, sentence in out]


def _tidy(sentence: str) -> str:
    """One comma where a subject's closing comma meets the template's."""
    return sentence.replace("،،", "،").replace("،.", ".").replace("، .", ".")


def analyse(sentence: str) -> tuple[Quote, ...]:
    paragraphs = tuple(sentence.split("\n"))
    title = "أخبار محلية"
    text = title + "\n\n" + "\n\n".join(paragraphs)
    analysis = process(Article(id="c", title=title, paragraphs=paragraphs, text=text), Options())
    return analysis.quotes or ()


def judge(name: str, subject: Subject, quotes: tuple[Quote, ...]) -> str:
    """ok | speaker | content: the content found exactly, and by whom (for the
    constructions that report nothing: ok when no quote holds the content)."""
    if name in NO_QUOTE:
        return "content" if any(CONTENT in q.content.text for q in quotes) else "ok"
    wanted: str | None = OTHER_CONTENT[name][1] if name in OTHER_CONTENT else CONTENT
    if wanted is None:
        found = [q for q in quotes if q.speaker is not None and _names(subject.key, q.speaker.text)]
    else:
        found = [q for q in quotes if q.content.text.strip(' «»"') == wanted]
    if not found:
        return "content"
    speaker = found[0].speaker
    return "ok" if speaker is not None and _names(subject.key, speaker.text) else "speaker"


def _names(key: str, text: str) -> bool:
    """Whether the speaker's text holds the key word; after ل the article's alef is not
    written, so "للمسؤول" gives the span "لمسؤول"."""
    return key in text or (key.startswith("ال") and key[1:] in text)


def run(examples: int) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    all_cases = cases()
    for name, subject, sentence in all_cases:
        quotes = analyse(sentence)
        verdict = judge(name, subject, quotes)
        row = rows.setdefault(name, {"n": 0, "ok": 0, "content": 0, "speaker": 0, "examples": []})
        row["n"] += 1
        row[verdict] += 1
        if verdict != "ok" and len(row["examples"]) < examples:
            got = [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes]
            row["examples"].append({"sentence": sentence, "verdict": verdict, "found": got})
    total = {k: sum(r[k] for r in rows.values()) for k in ("n", "ok", "content", "speaker")}
    return {
        "constructions": rows,
        "total": total,
        "rate": round(total["ok"] / total["n"], 4),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def table(result: dict[str, Any]) -> str:
    lines = ["| construction | sentences | right | content missed | wrong speaker |", "|---|---|---|---|---|"]
    for name, r in result["constructions"].items():
        lines.append(f"| {name} | {r['n']} | {r['ok'] / r['n']:.3f} | {r['content']} | {r['speaker']} |")
    t = result["total"]
    lines.append(f"| **all** | {t['n']} | **{result['rate']:.3f}** | {t['content']} | {t['speaker']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=0, help="failing sentences to print per construction")
    ap.add_argument("--min-rate", type=float, default=None, help="exit 1 if the share right is below")
    args = ap.parse_args(argv)
    result = run(args.examples)
    print(table(result))
    print(f"\n{result['total']['n']} sentences in {result['seconds']} s")
    for name, r in result["constructions"].items():
        for ex in r["examples"]:
            print(f"[{name}] {ex['verdict']}: {ex['sentence']}\n    found: {ex['found']}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.min_rate is not None and result["rate"] < args.min_rate:
        print(f"FAIL: {result['rate']} < {args.min_rate}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
