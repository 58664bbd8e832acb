"""Can a sequence labeller learn quote content from the annotated dev articles?

    python -m bench.quotes_learned        # table + bench/out/quotes_learned.json (about 2 minutes)

The quote rules are written by hand; the dev split now holds about 2,000
annotated quotes, and two annotators agree on them at 0.96
(:mod:`bench.quotes_agreement`). This measures the obvious learned
alternative before anyone builds it into the package: a linear-chain CRF
(python-crfsuite, already a dependency) labelling every token B/I/O for
"inside reported content", one sequence per paragraph, with the word, its
neighbours (±2), punctuation, quotation marks, complementizers and cue-lexicon
membership as features.

Two readings, both by cross-validation over annotation batches (five folds of
whole batches, so no article's neighbours in its own batch train its model):

- **CRF alone**: its content spans against the gold ones (content overlap at
  least half of the longer span, as in :mod:`bench.quotes`), next to the
  rules' content spans on the same articles. Speakers are not learned here,
  so only detection is compared.
- **CRF on the rules**: the same features plus the rules' own B/I/O labels
  and cue tokens; each rule quote then takes the end of the CRF span that
  overlaps it (its start and speaker stay). Scored speaker-attributed, as the
  quote benchmark is.

The rules were tuned on these dev articles, which flatters them in both
readings; the CRF's figures are what it learns from this much data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pycrfsuite
from bench.quotes import _overlap, _prf, analyse, load_articles, load_gold, locate, one_to_one, score_article

from khabar.model import Analysis, Span
from khabar.quotes.annotate import extract
from khabar.quotes.cues import lookup
from khabar.quotes.doc import QuoteDoc

OUT = Path(__file__).resolve().parents[1] / "bench" / "out" / "quotes_learned.json"
FOLDS = 5
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "فان"})


def _labels(doc: QuoteDoc, spans: list[tuple[int, int]]) -> list[str]:
    """B/I/O per token; a span nested in another overwrites it (it is written last)."""
    lab = ["O"] * len(doc)
    for s, e in sorted(spans, key=lambda x: x[1] - x[0], reverse=True):
        k = doc.token_at(s)
        first = True
        while k < len(doc) and doc.tokens[k].start < e:
            lab[k] = "B" if first else "I"
            first = False
            k += 1
    return lab


def _features(doc: QuoteDoc, rules: list[str] | None, cue_tokens: set[int]) -> list[list[str]]:
    quoted = doc.quoted
    out = []
    for k, tok in enumerate(doc.tokens):
        w = doc.norms[k]
        f = ["bias", "w=" + w[:12], "kind=" + tok.kind, f"q={int(quoted[k])}"]
        if doc.is_punct(k):
            f.append("p=" + tok.text[:1])
        if w[:1] == "و" and len(w) > 3:
            f.append("waw")
        if w in _COMPLEMENTIZERS:
            f.append("comp")
        if k in cue_tokens:
            f.append("cue")
        elif lookup(tok.text):
            f.append("lexicon_cue")
        if rules is not None:
            f.append("r=" + rules[k])
        for d in (-2, -1, 1, 2):
            j = k + d
            if not 0 <= j < len(doc):
                f.append(f"{d}:edge")
                continue
            f.append(f"{d}:w={doc.norms[j][:12]}")
            if doc.is_punct(j):
                f.append(f"{d}:p={doc.tokens[j].text[:1]}")
            if j in cue_tokens:
                f.append(f"{d}:cue")
            elif lookup(doc.tokens[j].text):
                f.append(f"{d}:lexicon_cue")
            if rules is not None:
                f.append(f"{d}:r={rules[j]}")
        out.append(f)
    return out


def _paragraphs(doc: QuoteDoc) -> list[list[int]]:
    chunks: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(doc.tokens):
        if current and "\n" in doc.text[doc.tokens[k - 1].end : tok.start]:
            chunks.append(current)
            current = []
        current.append(k)
    if current:
        chunks.append(current)
    return chunks


def _spans(doc: QuoteDoc, labels: list[str], chunk: list[int]) -> list[tuple[int, int]]:
    out = []
    current: list[int] | None = None
    for k in chunk:
        lab = labels[k]
        if lab == "B" or (lab == "I" and current is None):
            if current:
                out.append(current)
            current = [k, k]
        elif lab == "I" and current is not None:
            current[1] = k
        elif current:
            out.append(current)
            current = None
    if current:
        out.append(current)
    return [(doc.tokens[a].start, doc.tokens[b].end) for a, b in out]


def _detected(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    pairs = sorted(((_overlap(g, p), 0, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    return len(one_to_one(pairs))


def _rebound(analysis: Analysis, spans: list[tuple[int, int]]) -> Analysis:
    """Each rule quote ends where the CRF span that overlaps it most ends (its start
    within 30 characters of the rule's); start, cue and speaker are the rules'."""
    quotes = []
    text = analysis.article.text
    for q in analysis.quotes or ():
        s, e = q.content.start, q.content.end
        hits = [sp for sp in spans if min(sp[1], e) > max(sp[0], s)]
        if hits:
            best = max(hits, key=lambda sp: min(sp[1], e) - max(sp[0], s))
            if abs(best[0] - s) <= 30 and best[1] > s:
                e = best[1]
        quotes.append(dataclasses.replace(q, content=Span(s, e, text[s:e])))
    return dataclasses.replace(analysis, quotes=tuple(quotes))


def run() -> dict[str, Any]:
    gold = load_gold("dev")
    by_id = load_articles({g["id"] for g in gold})
    analyses = analyse([by_id[g["id"]] for g in gold], True)
    analyses = [dataclasses.replace(a, quotes=extract(a)) for a in analyses]
    rows = []
    for g, a in zip(gold, analyses, strict=True):
        doc = QuoteDoc(a)
        gold_spans = [sp for sp in (locate(a.article.text, q["start"], q["end"]) for q in g["quotes"]) if sp]
        rule_spans = [(q.content.start, q.content.end) for q in a.quotes or ()]
        cue_tokens = {doc.token_at(q.cue.start) for q in a.quotes or () if q.cue}
        rows.append(
            {
                "batch": g.get("batch") or 0,
                "gold": g,
                "analysis": a,
                "doc": doc,
                "gold_spans": gold_spans,
                "rule_spans": rule_spans,
                "labels": _labels(doc, gold_spans),
                "alone": _features(doc, None, cue_tokens),
                "stacked": _features(doc, _labels(doc, rule_spans), cue_tokens),
                "chunks": _paragraphs(doc),
            }
        )
    groups = sorted({r["batch"] for r in rows})
    random.Random(20261125).shuffle(groups)
    folds = [set(groups[i::FOLDS]) for i in range(FOLDS)]
    totals = dict.fromkeys(
        ("gold", "crf_pred", "crf_tp", "rule_pred", "rule_tp", "pred", "speaker_tp", "stacked_pred", "stacked_tp"), 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n, fold in enumerate(folds):
            taggers = {}
            for kind in ("alone", "stacked"):
                trainer = pycrfsuite.Trainer(verbose=False)
                for r in rows:
                    if r["batch"] in fold:
                        continue
                    for chunk in r["chunks"]:
                        trainer.append([r[kind][k] for k in chunk], [r["labels"][k] for k in chunk])
                trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
                path = f"{tmp}/{kind}{n}.crf"
                trainer.train(path)
                tagger = pycrfsuite.Tagger()
                tagger.open(path)
                taggers[kind] = tagger
            for r in rows:
                if r["batch"] not in fold:
                    continue
                doc = r["doc"]
                found = {}
                for kind, tagger in taggers.items():
                    labels = ["O"] * len(doc)
                    for chunk in r["chunks"]:
                        for k, lab in zip(chunk, tagger.tag([r[kind][k] for k in chunk]), strict=True):
                            labels[k] = lab
                    found[kind] = [sp for chunk in r["chunks"] for sp in _spans(doc, labels, chunk)]
                totals["gold"] += len(r["gold_spans"])
                totals["crf_pred"] += len(found["alone"])
                totals["crf_tp"] += _detected(r["gold_spans"], found["alone"])
                totals["rule_pred"] += len(r["rule_spans"])
                totals["rule_tp"] += _detected(r["gold_spans"], r["rule_spans"])
                base = score_article(r["analysis"], r["gold"])
                stacked = score_article(_rebound(r["analysis"], found["stacked"]), r["gold"])
                totals["pred"] += base["pred"]
                totals["speaker_tp"] += base["speaker_tp"]
                totals["stacked_pred"] += stacked["pred"]
                totals["stacked_tp"] += stacked["speaker_tp"]
    return {
        "articles": len(rows),
        "folds": FOLDS,
        "detection_crf_alone": _prf(totals["crf_tp"], totals["crf_pred"], totals["gold"]),
        "detection_rules": _prf(totals["rule_tp"], totals["rule_pred"], totals["gold"]),
        "speaker_attributed_rules": _prf(totals["speaker_tp"], totals["pred"], totals["gold"]),
        "speaker_attributed_rules_crf_ends": _prf(totals["stacked_tp"], totals["stacked_pred"], totals["gold"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    result = run()
    print(f"dev, {result['articles']} articles, {result['folds']}-fold cross-validation by annotation batch\n")
    print("| reading | P | R | F1 |")
    print("|---|---|---|---|")
    for key, label in (
        ("detection_crf_alone", "content detection, CRF alone"),
        ("detection_rules", "content detection, rules"),
        ("speaker_attributed_rules", "speaker-attributed, rules"),
        ("speaker_attributed_rules_crf_ends", "speaker-attributed, rules with the stacked CRF's ends"),
    ):
        m = result[key]
        print(f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwritten to {OUT.relative_to(OUT.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
