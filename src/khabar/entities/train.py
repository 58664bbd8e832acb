"""Train the shipped name tagger: ``python -m khabar.entities.train``.

One command rebuilds ``src/khabar/data/ner/`` from ``../shared/data``:

1. word clusters from the unlabeled news (:mod:`khabar.entities.clusters`);
2. gazetteer flags from ANERGazet (locations, organizations, person name
   parts) and the CLDR Arabic territory names, read here and baked into the
   model's lexicon (the lists themselves are not copied into the repository);
3. a CRF (python-crfsuite, L-BFGS with elastic net) on the ANERcorp train
   split, optionally with NewsFANE/WikiFANE mapped by :mod:`khabar.entities.conll`.

``--dev`` holds out the last 10% of ANERcorp train, trains on the rest and
prints dev scores: every choice below was made that way. ANERcorp test is
read only by ``bench/ner.py``.

Measured (dev = last 416 sentences of ANERcorp train, entity-level exact F1
over PERSON/ORG/LOC/MISC; 2 shared cores):

=================================================================  =====
configuration                                                      dev F1
=================================================================  =====
forms, stems, affixes, shape, window ±2 (no lexicon)               0.673
+ ANERGazet/CLDR gazetteer flags                                   0.690
+ word clusters only                                               0.699
+ both (c1 0.05, c2 0.01)                                          0.712
  c1/c2 0.1/0.05 · 0.2/0.01 · 0.05/0.1 · 0.5/0.5 · 300 iterations  0.715 · 0.708 · 0.712 · 0.702 · 0.711
  clusters over 150K words instead of 60K                          0.696
  + NewsFANE sentences (test/dev overlap dropped)                  0.702 (MISC 0.52 → 0.34)
  + WikiFANE sentences                                             0.683
  rare training words as unknown (≤1; ≤2 with c1 0.3)              0.713 · 0.704
  letter trigrams inside the word                                  0.714
  averaged perceptron, 15 epochs                                   0.704
  top-2 news neighbours (PPMI) of each word as features             0.719
+ WikiFANE names as gazetteer flags (shipped)                      0.719
  + document pass (:meth:`Tagger.tag_document`, 10-sentence blocks) 0.729
=================================================================  =====

Differences under ~0.01 are within noise (the dev set has ~900 names).
FANE as training data hurts because its conventions differ (no currencies
or religions as MISC, governments and groups tagged), and NewsFANE is the
ANERcorp text itself. The shipped model, trained on all of ANERcorp train,
scores 0.705 on ANERcorp test (0.724 with the document pass) at 23K-100K
tokens/s on one core: see ``python -m bench.ner``. The 0.80 target is not
reached; recall (0.63) is the weak side, PERSON and ORG names never seen in
training above all.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from khabar.entities import conll
from khabar.entities.clusters import build_clusters
from khabar.entities.features import FeatureExtractor, Lexicon, normalize, stem
from khabar.entities.tagger import MODEL_DIR, open_tagger, write_lexicon

log = logging.getLogger(__name__)

CORPORA = ("anercorp", "newsfane", "wikifane")
_IDENTITY = ("w=", "st=", "b-1:", "b+1:")


def build_gazetteer(data: Path) -> dict[str, tuple[str, ...]]:
    """Normalized word → flags from ANERGazet and CLDR territory names.

    A single-word entry gives its type (``LOC``, ``ORG``, ``PER``; ``CTRY`` for
    a CLDR country); each word of a longer entry gives ``<type>_p``. Entries
    with the article are also indexed without it ("الاردن" → "اردن") because
    look-ups strip clitics.
    """
    flags: dict[str, set[str]] = {}

    def add(entry: str, typ: str) -> None:
        words = [normalize(w) for w in entry.split()]
        if not words:
            return
        if len(words) == 1:
            keys = {words[0], stem(words[0])[1]}
            for k in keys:
                flags.setdefault(k, set()).add(typ)
            return
        for w in words:
            if len(w) > 2:
                flags.setdefault(w, set()).add(typ + "_p")

    gaz = data / "gazetteers" / "anergazet"
    for name, typ in (("Loc", "LOC"), ("Org", "ORG"), ("Pers", "PER")):
        for line in (gaz / f"Aligned{name}Gazetteer.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("====", "****")):
                add(line, typ)
    cldr = data / "gazetteers" / "cldr_territories_ar" / "territories_ar.tsv"
    for row in cldr.read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name_ar = row.split("\t")
        add(name_ar, "CTRY" if code.isalpha() and len(code) == 2 else "LOC")
    return {w: tuple(sorted(f)) for w, f in flags.items()}


def wiki_gazetteer(data: Path, held_out: Sequence[conll.Tagged]) -> dict[str, tuple[str, ...]]:
    """Words that WikiFANE mostly uses inside names, with the name's type (``W`` + type).

    WikiFANE's tagging conventions differ from ANERcorp's too much to train on
    (see the measurements above), but its 36K names are a good list: a word
    gets ``WPERSON`` (etc.) when at least half of its WikiFANE occurrences are
    inside names of that type, ``_p`` marking a word of a multi-word name.
    Sentences overlapping the evaluation sets are left out.
    """
    total: Counter[str] = Counter()
    typed: Counter[tuple[str, str]] = Counter()
    for sent in conll.drop_overlap(conll.fane("wikifane", data), held_out):
        words = [stem(normalize(t))[1] for t in sent.tokens]
        total.update(words)
        for i, j, typ in conll.spans(sent.tags):
            for w in words[i:j]:
                typed[w, typ + ("_p" if j - i > 1 else "")] += 1
    flags: dict[str, set[str]] = {}
    for (w, typ), n in typed.items():
        if len(w) > 2 and n * 2 >= total[w]:
            flags.setdefault(w, set()).add("W" + typ)
    return {w: tuple(sorted(f)) for w, f in flags.items()}


def load_corpora(
    names: Sequence[str], data: Path, *, dev: bool
) -> tuple[list[conll.Tagged], list[conll.Tagged]]:
    """Training sentences and (with ``dev``) the dev sentences.

    FANE sentences overlapping ANERcorp test, AQMAR, or the dev part are
    dropped (NewsFANE re-annotates the whole ANERcorp text).
    """
    train = conll.anercorp("train", data)
    dev_part: list[conll.Tagged] = []
    if dev:
        train, dev_part = conll.train_dev(train)
    held_out = conll.anercorp("test", data) + conll.aqmar("test", data) + conll.aqmar("dev", data) + dev_part
    out = list(train) if "anercorp" in names else []
    for name in names:
        if name in ("newsfane", "wikifane"):
            out += conll.drop_overlap(conll.fane(name, data), held_out)
        elif name != "anercorp":
            raise SystemExit(f"unknown corpus {name!r}; choose from {', '.join(CORPORA)}")
    return out, dev_part


def train_crf(
    sents: Sequence[conll.Tagged],
    extractor: FeatureExtractor,
    path: Path,
    *,
    c1: float,
    c2: float,
    max_iterations: int,
    unk_threshold: int = 0,
    algorithm: str = "lbfgs",
) -> None:
    """Fit the CRF and write it to ``path``.

    Words seen at most ``unk_threshold`` times in training lose their identity
    features (word, stem, bigrams) there, so the model learns what a name
    looks like when it has never seen it, as most names at tagging time are.
    """
    import pycrfsuite

    freq: Counter[str] = Counter(normalize(t) for s in sents for t in s.tokens)
    rare = {w for w, n in freq.items() if n <= unk_threshold}
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for s in sents:
        feats = extractor.sentence(s.tokens)
        if rare:
            feats = [
                [f for f in fs if not f.startswith(_IDENTITY)] if normalize(tok) in rare else fs
                for tok, fs in zip(s.tokens, feats, strict=True)
            ]
        trainer.append(feats, list(s.tags))
    params: dict[str, object] = {"max_iterations": max_iterations, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params.update(c1=c1, c2=c2)
    trainer.set_params(params)
    trainer.train(str(path))


def score_dir(model_dir: Path, sents: Sequence[conll.Tagged]) -> dict[str, conll.Score]:
    tagger = open_tagger(model_dir)
    pred = tagger.tag([s.tokens for s in sents])
    return conll.evaluate([s.tags for s in sents], pred)


def run(args: argparse.Namespace) -> dict[str, object]:
    data = Path(args.data) if args.data else conll.shared_data_dir()
    started = time.perf_counter()
    lexicon = Lexicon()
    if not args.no_gazetteer:
        lexicon.gazetteer = build_gazetteer(data)
        if args.wiki_gazetteer:
            held = conll.anercorp("test", data) + conll.aqmar("test", data) + conll.aqmar("dev", data)
            for w, f in wiki_gazetteer(data, held).items():
                lexicon.gazetteer[w] = tuple(sorted(set(lexicon.gazetteer.get(w, ())) | set(f)))
    if not args.no_clusters:
        if args.clusters_from:
            from khabar.entities.clusters import read_clusters

            lexicon.clusters = read_clusters(Path(args.clusters_from))
        else:
            news = data / "news" / "saudinewsnet-2015-07.jsonl.gz"
            lexicon.clusters = build_clusters(news, vocab=args.cluster_vocab)
    sents, dev_part = load_corpora(args.corpora, data, dev=args.dev)
    out = Path(args.out) if args.out else (Path(tempfile.mkdtemp()) if args.dev else MODEL_DIR)
    out.mkdir(parents=True, exist_ok=True)
    extractor = FeatureExtractor(lexicon, ngrams=args.ngrams)
    log.info("training on %d sentences (%s)", len(sents), ",".join(args.corpora))
    train_crf(
        sents,
        extractor,
        out / "crf.model",
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        unk_threshold=args.unk_threshold,
        algorithm=args.algorithm,
    )
    write_lexicon(lexicon, out / "lexicon.tsv.gz")
    meta: dict[str, object] = {
        "command": "python -m khabar.entities.train",
        "corpora": list(args.corpora),
        "sentences": len(sents),
        "params": {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iterations,
            "unk_threshold": args.unk_threshold,
            "algorithm": args.algorithm,
        },
        "features": {
            "clusters": not args.no_clusters,
            "gazetteer": not args.no_gazetteer,
            "wiki_gazetteer": args.wiki_gazetteer,
            "ngrams": args.ngrams,
        },
        "cluster_vocab": args.cluster_vocab,
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.dev:
        scores = score_dir(out, dev_part)
        meta["dev"] = {t: round(s.f1, 4) for t, s in scores.items()}
        print(json.dumps(meta, ensure_ascii=False))
    log.info("wrote %s in %.0f s", out, time.perf_counter() - started)
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m khabar.entities.train",
        description="Train khabar's NER model from ../shared/data into src/khabar/data/ner/.",
    )
    parser.add_argument("--out", help="model directory (default: the shipped one, or a temp dir with --dev)")
    parser.add_argument(
        "--data", help="shared data directory (default: ../shared/data or $KHABAR_SHARED/data)"
    )
    parser.add_argument(
        "--corpora", nargs="+", default=["anercorp"], choices=CORPORA, help="training corpora"
    )
    parser.add_argument(
        "--dev", action="store_true", help="hold out the last 10%% of ANERcorp train and score it"
    )
    parser.add_argument("--no-clusters", action="store_true", help="train without word-cluster features")
    parser.add_argument("--no-gazetteer", action="store_true", help="train without gazetteer features")
    parser.add_argument("--ngrams", action="store_true", help="letter trigrams inside the word")
    parser.add_argument(
        "--no-wiki-gazetteer", dest="wiki_gazetteer", action="store_false", help="leave WikiFANE names out"
    )
    parser.add_argument("--clusters-from", help="reuse a clusters.tsv.gz instead of rebuilding (experiments)")
    parser.add_argument("--cluster-vocab", type=int, default=60_000, help="words clustered")
    parser.add_argument("--c1", type=float, default=0.1, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    parser.add_argument("--max-iterations", type=int, default=150)
    parser.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "ap", "pa", "l2sgd"))
    parser.add_argument(
        "--unk-threshold",
        type=int,
        default=0,
        help="train rarer words as unknown (identity features dropped)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    run(args)


if __name__ == "__main__":
    main()
