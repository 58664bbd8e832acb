"""Entity clustering and nationality benchmark on hand-annotated SaudiNewsNet articles.

Gold: ``bench/gold/entities_{dev,test}.jsonl``, one article a line, named by its
``id`` in ``../shared/data/news/saudinewsnet-2015-07.jsonl.gz`` (the text is
read from there at run time and built into ``Article.text`` by khabar's own
JSONL reader). Each entity lists its mentions as surface strings:

    {"id": "snn-…", "entities": [
        {"type": "PERSON", "canonical": "عادل الجبير", "role": "وزير الخارجية", "country": "SA",
         "names": ["عادل الجبير", "الجبير"], "titles": ["الوزير السعودي"]}, …],
     "nisba": {"السعودي": "SA", "الأمريكية#2": "US"}}

A string stands for every occurrence of it in the text as a whole word, after
any proclitics (و ف ب ك ل; "الرئيس" also matches "للرئيس" from its second
lam, as :func:`khabar.text.clitics.mention_start` does); "X#k" for the k-th
occurrence only (1-based). Longer strings win over the shorter ones inside
them, within each layer (names, titles, nationality adjectives); layers may
nest. Nationality adjectives count as mentions of their country's LOC entity.

Annotation conventions: names exclude clitics and honorifics ("الأمير",
"الدكتور"); title phrases are mentions only when they stand for a person on
their own ("وأكد الأمين العام"), not when in apposition to a name (then they
are its role); common-noun references ("المملكة", "البلاد", "الوزارة") and
plural descriptions ("مسؤولون محليون") are not annotated; nationality
adjectives are annotated everywhere except inside a person's or a place's name.

Scores: B³ (twinless mentions added as singletons to the other side, Cai &
Strube 2010) and MUC over all mentions, B³ over name and title mentions only,
and nationality accuracy (gold adjectives found with the right country).
Mention input: ``gold`` feeds the annotated name mentions to the entity stage
(isolating it from the tagger); ``tagger`` runs the whole pipeline.

    python -m bench.entities                    # test split, both modes
    python -m bench.entities --split dev
    python -m bench.entities --quick --min-b3 0.93 --min-nisba 0.93   # CI gate (bench/gates.sh)
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from khabar.model import Analysis, Article, Mention
from khabar.options import Options

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "bench" / "gold"
OUT = REPO / "bench" / "out"
_PROCLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"}
_ARABIC = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u0640\u064b-\u065f\u0670]")


def shared_dir() -> Path:
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def load_gold(split: str) -> list[dict[str, Any]]:
    with (GOLD / f"entities_{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def news_records(ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = set(ids)
    out: dict[str, dict[str, Any]] = {}
    path = shared_dir() / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                out[rec["id"]] = rec
                if len(out) == len(wanted):
                    break
    return out


def article_of(record: dict[str, Any]) -> Article:
    """The article exactly as khabar builds it from a news-corpus record."""
    from khabar.ingest.jsonl import article_from_record

    return article_from_record(record, source="saudinewsnet", n=0, options=Options())


# -- resolving annotations to spans ------------------------------------------------------------------


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface`` after proclitics, as (start, end) spans."""
    spans: list[tuple[int, int]] = []
    needles = [(surface, 0)]
    if surface.startswith("ال"):
        needles.append(("ل" + surface[2:], 1))  # "للرئيس": the mention is "لرئيس"
    for needle, lam in needles:
        for m in re.finditer(re.escape(needle), text):
            start, end = m.start(), m.end()
            if end < len(text) and _ARABIC.match(text[end]):
                continue
            ws = start
            while ws > 0 and _ARABIC.match(text[ws - 1]):
                ws -= 1
            prefix = text[ws:start]
            if lam:
                if not prefix.endswith("ل") or prefix[:-1] not in _PROCLITICS:
                    continue
            elif prefix not in _PROCLITICS:
                continue
            spans.append((start, end))
    return sorted(set(spans))


def _pick(text: str, spec: str) -> list[tuple[int, int]]:
    surface, _, nth = spec.partition("#")
    spans = occurrences(text, surface)
    if nth:
        k = int(nth)
        if k > len(spans):
            raise ValueError(f"{spec!r}: only {len(spans)} occurrence(s)")
        return [spans[k - 1]]
    return spans


def _layer(text: str, specs: list[tuple[str, Any]]) -> dict[tuple[int, int], Any]:
    """Resolve (spec, label) pairs to spans, longest first, without overlaps."""
    out: dict[tuple[int, int], Any] = {}
    taken: list[tuple[int, int]] = []
    for spec, label in sorted(specs, key=lambda p: -len(p[0].partition("#")[0])):
        spans = _pick(text, spec)
        if not spans:
            raise ValueError(f"{spec!r} does not occur in the text")
        for s, e in spans:
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            out[(s, e)] = label
    return out


@dataclasses.dataclass
class Gold:
    clusters: dict[tuple[int, int], str]  # span → entity key (all mentions)
    names: list[Mention]  # name mentions with gold types (for the gold-mention mode)
    kinds: dict[tuple[int, int], str]  # span → name | title | nisba
    nisba: dict[tuple[int, int], str]  # span → ISO code


def resolve(record: dict[str, Any], text: str) -> Gold:
    name_specs: list[tuple[str, Any]] = []
    title_specs: list[tuple[str, Any]] = []
    loc_by_country: dict[str, str] = {}
    for i, ent in enumerate(record["entities"]):
        key = f"e{i}"
        if ent["type"] == "LOC" and ent.get("country"):
            loc_by_country[ent["country"]] = key
        for s in ent.get("names", []):
            name_specs.append((s, (key, "name", ent["type"])))
        for s in ent.get("titles", []):
            title_specs.append((s, (key, "title", ent["type"])))
    # Names and titles are separate layers: "مجلس الأمة" is a name inside the title
    # mention "رئيس مجلس الأمة الكويتي", as the system also reports them.
    layer = _layer(text, name_specs)
    for span, label in _layer(text, title_specs).items():
        layer.setdefault(span, label)
    nisba = _layer(text, list(record.get("nisba", {}).items()))
    # The convention: no nationality adjective inside a person's or a place's name
    # ("المملكة العربية السعودية", "محمد المصري"), wherever the annotation's string matched.
    inside = [span for span, lab in layer.items() if lab[1] == "name" and lab[2] in ("PERSON", "LOC")]
    nisba = {sp: c for sp, c in nisba.items() if not any(s <= sp[0] and sp[1] <= e for s, e in inside)}
    clusters = {span: lab[0] for span, lab in layer.items()}
    kinds = {span: lab[1] for span, lab in layer.items()}
    for span, code in nisba.items():
        clusters.setdefault(span, loc_by_country.get(code, f"country:{code}"))
        kinds.setdefault(span, "nisba")
    names = [Mention(s, e, text[s:e], lab[2]) for (s, e), lab in sorted(layer.items()) if lab[1] == "name"]
    return Gold(clusters, names, kinds, nisba)


# -- scoring -----------------------------------------------------------------------------------------


def _groups(assign: dict[tuple[int, int], str]) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for span, key in assign.items():
        out.setdefault(key, set()).add(span)
    return out


def b_cubed(gold: dict[tuple[int, int], str], system: dict[tuple[int, int], str]) -> tuple[float, float, int]:
    """Sums of per-mention precision and recall, and the mention count (twinless as singletons)."""
    g, s = dict(gold), dict(system)
    for span in set(g) - set(s):
        s[span] = f"missing:{span}"
    for span in set(s) - set(g):
        g[span] = f"extra:{span}"
    gg, sg = _groups(g), _groups(s)
    p = r = 0.0
    for span in g:
        gc, sc = gg[g[span]], sg[s[span]]
        inter = len(gc & sc)
        p += inter / len(sc)
        r += inter / len(gc)
    return p, r, len(g)


def muc(gold: dict[tuple[int, int], str], system: dict[tuple[int, int], str]) -> tuple[int, int, int, int]:
    """MUC numerators and denominators: (recall num, recall den, precision num, precision den)."""

    def side(key: dict[tuple[int, int], str], response: dict[tuple[int, int], str]) -> tuple[int, int]:
        num = den = 0
        for cluster in _groups(key).values():
            parts = {response.get(span, f"alone:{span}") for span in cluster}
            num += len(cluster) - len(parts)
            den += len(cluster) - 1
        return num, den

    rn, rd = side(gold, system)
    pn, pd = side(system, gold)
    return rn, rd, pn, pd


def system_assign(analysis: Analysis, kinds: set[str] | None = None) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    for e in analysis.entities or ():
        for m in e.mentions:
            if kinds is None or m.kind in kinds:
                out[(m.start, m.end)] = e.id
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run_entities(article: Article, gold: Gold, mode: str) -> Analysis:
    from khabar.entities import canonical
    from khabar.pipeline import process
    from khabar.text import layer

    if mode == "gold":
        base = layer.annotate(Analysis(article=article), Options())
        base = dataclasses.replace(base, mentions=tuple(gold.names))
        return canonical.annotate(base, Options())
    return process(article, Options(stages=("text", "mentions", "entities")))


def evaluate(records: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    news = news_records(r["id"] for r in records)
    totals = {"b3_p": 0.0, "b3_r": 0.0, "n": 0, "nt_p": 0.0, "nt_r": 0.0, "nt_n": 0}
    muc_sum = [0, 0, 0, 0]
    nisba_gold = nisba_right = nisba_sys = nisba_sys_right = 0
    errors: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for rec in records:
        article = article_of(news[rec["id"]])
        gold = resolve(rec, article.text)
        analysis = run_entities(article, gold, mode)
        sys_all = system_assign(analysis)
        p, r, n = b_cubed(gold.clusters, sys_all)
        totals["b3_p"] += p
        totals["b3_r"] += r
        totals["n"] += n
        g_nt = {s: k for s, k in gold.clusters.items() if gold.kinds[s] != "nisba"}
        s_nt = system_assign(analysis, {"name", "title"})
        p, r, n = b_cubed(g_nt, s_nt)
        totals["nt_p"] += p
        totals["nt_r"] += r
        totals["nt_n"] += n
        for i, v in enumerate(muc(gold.clusters, sys_all)):
            muc_sum[i] += v
        sys_nisba = {
            (m.start, m.end): (e.country.code if e.country else None)
            for e in analysis.entities or ()
            for m in e.mentions
            if m.kind == "nisba"
        }
        nisba_gold += len(gold.nisba)
        nisba_sys += len(sys_nisba)
        for span, code in gold.nisba.items():
            if sys_nisba.get(span) == code:
                nisba_right += 1
            else:
                errors.append(
                    {
                        "id": rec["id"],
                        "nisba": article.text[span[0] : span[1]],
                        "gold": code,
                        "system": sys_nisba.get(span),
                    }
                )
        nisba_sys_right += sum(1 for span, code in sys_nisba.items() if gold.nisba.get(span) == code)
    elapsed = time.perf_counter() - t0
    b3p, b3r = totals["b3_p"] / max(totals["n"], 1), totals["b3_r"] / max(totals["n"], 1)
    ntp, ntr = totals["nt_p"] / max(totals["nt_n"], 1), totals["nt_r"] / max(totals["nt_n"], 1)
    mr = muc_sum[0] / max(muc_sum[1], 1)
    mp = muc_sum[2] / max(muc_sum[3], 1)
    return {
        "mode": mode,
        "articles": len(records),
        "mentions": totals["n"],
        "articles_per_s": round(len(records) / elapsed, 1) if elapsed else None,
        "b3": {"p": b3p, "r": b3r, "f1": _f1(b3p, b3r)},
        "b3_names_titles": {"p": ntp, "r": ntr, "f1": _f1(ntp, ntr)},
        "muc": {"p": mp, "r": mr, "f1": _f1(mp, mr)},
        "nationality": {
            "gold": nisba_gold,
            "accuracy": nisba_right / max(nisba_gold, 1),
            "system": nisba_sys,
            "precision": nisba_sys_right / max(nisba_sys, 1),
        },
        "nisba_errors": errors,
    }


def _tagger_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("khabar.entities.detect") is not None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--mode", choices=("gold", "tagger", "both"), default="both")
    ap.add_argument("--quick", action="store_true", help="first 8 articles, gold mentions only (CI gate)")
    ap.add_argument("--min-b3", type=float, default=None, help="exit 1 if B3 F1 (gold mentions) is below")
    ap.add_argument("--min-nisba", type=float, default=None, help="exit 1 if nationality accuracy is below")
    args = ap.parse_args(argv)
    records = load_gold(args.split)
    modes = ["gold", "tagger"] if args.mode == "both" else [args.mode]
    if args.quick:
        records, modes = records[:8], ["gold"]
    results = []
    for mode in modes:
        if mode == "tagger" and not _tagger_available():
            print("tagger mode skipped: khabar.entities.detect is not available", file=sys.stderr)
            continue
        results.append(evaluate(records, mode))
    print(f"\n## Entities, {args.split} split ({len(records)} articles)\n")
    print(
        "| mentions from | mentions | B³ P | B³ R | B³ F1 | B³ F1 names+titles | MUC F1 | nationality acc | nisba P | articles/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['mode']} | {r['mentions']} | {r['b3']['p']:.3f} | {r['b3']['r']:.3f} | {r['b3']['f1']:.3f} | "
            f"{r['b3_names_titles']['f1']:.3f} | {r['muc']['f1']:.3f} | "
            f"{r['nationality']['accuracy']:.3f} ({r['nationality']['gold']}) | {r['nationality']['precision']:.3f} | "
            f"{r['articles_per_s']} |"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "entities.json").write_text(
        json.dumps({"split": args.split, "results": results}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    gold_res = next((r for r in results if r["mode"] == "gold"), None)
    failed = False
    if gold_res and args.min_b3 is not None and gold_res["b3"]["f1"] < args.min_b3:
        print(f"FAIL: B3 F1 {gold_res['b3']['f1']:.3f} < {args.min_b3}", file=sys.stderr)
        failed = True
    if gold_res and args.min_nisba is not None and gold_res["nationality"]["accuracy"] < args.min_nisba:
        print(
            f"FAIL: nationality accuracy {gold_res['nationality']['accuracy']:.3f} < {args.min_nisba}",
            file=sys.stderr,
        )
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
