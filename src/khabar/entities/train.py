"""Train the shipped name tagger: ``python -m khabar.entities.train``.

One command rebuilds ``src/khabar/data/ner/`` from ``../shared/data``:

1. word clusters from the unlabeled news (:mod:`khabar.entities.clusters`);
2. gazetteer flags from ANERGazet (locations, organizations, person name
   parts) and the CLDR Arabic territory names, read here and baked into the
   model's lexicon (the lists themselves are not copied into the repository);
3. a CRF (python-crfsuite, L-BFGS with elastic net) on the ANERcorp train
   split, optionally with NewsFANE/WikiFANE mapped by :mod:`khabar.entities.conll`;
4. word2vec vectors over the news, ANERcorp train and WikiFANE text
   (:mod:`khabar.entities.embeddings`, gensim), and on them a BiLSTM-CRF
   (:mod:`khabar.entities.bilstm_train`, PyTorch, exported to numpy) whose
   tag marginals the tagger averages with the CRF's (``--no-bilstm``: the
   CRF alone).

About 25 minutes on one core (word2vec 8, CRF 3, BiLSTM 20 epochs 7-13);
``--vectors-from``/``--clusters-from`` reuse vectors and clusters built before.

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
+ WikiFANE names as gazetteer flags (the CRF shipped)              0.719
  + document pass (:meth:`Tagger.tag_document`, 10-sentence blocks) 0.729
=================================================================  =====

Second round (same dev set; "CRF" = the 0.719 CRF above, trained again: 0.719,
document pass 0.729; P 0.795, R 0.657):

=====================================================================  =====  =====
configuration                                                          dev    doc
=====================================================================  =====  =====
CRF + trigger words before/after (``--triggers``, titles, speech        0.717  0.728
verbs, organization/place heads; ``data/ner/triggers.tsv``)
CRF + training-name memory, 5-fold jackknife (``--names``)              0.723  0.733
CRF + word2vec k-means clusters 64/256/1,024 (``--vclusters``)          0.718  0.727
CRF + 16 word2vec PCA components as weighted features, token and ±1     0.717  0.727
(``--vector-dims 16``; tagging 35% slower)
CRF + triggers + names + word2vec clusters                             0.719  0.728
CRF with ``feature.possible_states``                                   0.717  0.723
CRF + triggers + names, trained by this script                         0.726  —
BiLSTM-CRF alone, word2vec fine-tuned, 15 epochs (best epoch 0.700)     0.681  —
  averaged with the CRF + triggers + names, CRF weight 0.5 · 0.6        0.726 · 0.732
BiLSTM-CRF alone, word2vec frozen, no cluster input, 20 epochs          0.721  —
(a first version)
  averaged with the CRF, CRF weight 0.3 · 0.5 · 0.7                     0.738 · 0.740 · 0.722
BiLSTM-CRF alone, word2vec frozen, cluster input, 20 epochs            0.723  —
(the BiLSTM shipped; last epoch)
  averaged with the CRF, CRF weight 0.3 · 0.4 · 0.5 · 0.6 · 0.7         0.733 · 0.738 · 0.739 · 0.732 · 0.730
  weight 0.5 (P 0.816, R 0.675), with the document pass                 0.739  0.747
=====================================================================  =====  =====

Third round: the ensemble ("ens" = that CRF and BiLSTM, weight 0.5). Label by
label, its BIO Viterbi cut names the two models type differently ("في ناغورنو
كاراباخ": CRF PERSON, BiLSTM LOC → B-LOC O), so ``--decode segment`` finds
names on the marginals summed over types, then gives each its type
(:meth:`Tagger._segment`). The doc column uses the document pass threshold
0.7 down to the threshold row and 0.6 (shipped) after it:

=====================================================================  =====  =====
configuration                                                          dev    doc
=====================================================================  =====  =====
ens, label-wise BIO Viterbi (the second round's)                       0.739  0.747
ens, segment decoding, weight 0.4 · 0.5 · 0.6                           0.742 · 0.738 · 0.736  0.745 · 0.744 · 0.741
+ O marginal × 0.9 · 0.8 · 0.7 · 0.6 before decoding (``--o-weight``;   0.742 · 0.747 · **0.750** · 0.752  0.747 · 0.751 · **0.754** · 0.754
weight 0.5; at 0.7 P 0.803 R 0.705; the shipped model)
  same at weight 0.4 · 0.6, O × 0.7                                     0.749 · 0.740  0.752 · 0.746
  document pass threshold 0.8 · 0.7 · 0.6 · 0.5 (shipped: 0.6; in     —      0.753 · 0.754 · **0.759** · 0.758
  blocks of 20 sentences 0.751 · 0.753 · 0.758 · 0.759)
ens + a second BiLSTM seed (marginals of the two averaged), segment     0.741  0.745
(label-wise Viterbi 0.736 / 0.742; the second seed alone 0.725)
BiLSTM learning WikiFANE too, through its own output layer and          0.724  —
transitions (``--aux-corpora wikifane``; best epoch 0.731)
  ens with it, segment decoding, weight 0.4 · 0.5                       0.745 · 0.740  0.750 · 0.744
CRF + guide features: the Viterbi labels (at -1, 0, +1) of a CRF        0.723  —
trained on WikiFANE (alone 0.588 on dev PERSON/ORG/LOC), CRF alone
CRF self-trained: + 3,000 · 8,138 news sentences the dev ensemble       0.721 · 0.720  —
tagged with every marginal ≥ 0.9 (4,000 articles), CRF alone
  ens with it, weight 0.5                                               0.739 · 0.738  0.744 · 0.743
BiLSTM self-trained: + the 8,138 news sentences, 15 epochs, alone       0.723  —
  ens with it (weight 0.4 · 0.5, O × 0.7; the shipped recipe 0.750)     0.741 · 0.741  0.745 · 0.744
CRF c1/c2 0.05/0.2 · 0/0.5 · 0.3/0.1 in the ens (0.1/0.05: 0.750)       0.741 · 0.735 · 0.743  0.744 · 0.738 · 0.753
BiLSTM given the CRF's marginals as inputs, jackknifed over 5 folds     0.736  0.746
(``--stack``, :mod:`khabar.entities.stacking`; 15 epochs), alone
  averaged with the CRF, weight 0.3 · 0.5 (O × 0.7)                      0.745 · 0.738  0.749 · 0.744
  averaged with the CRF and the plain BiLSTM, 0.4/0.3/0.3 · thirds        0.756 · 0.754  —
  (O × 0.7; a second network costs the speed target)
=====================================================================  =====  =====

Every lever of the third round but the decoding moves dev F1 by less than
0.01, the noise of a dev set of ~900 names: a second seed, WikiFANE through
a second head, guide features, self-training of either model, other CRF
penalties and stacking all land at 0.74-0.75. Stacking makes the network
alone as good as the average (0.736), but not the average better. The
ensemble's errors are names it gives no mass at all (unseen sports clubs
and companies as ORG, first names of foreigners, programme titles as MISC),
not threshold effects: lowering the O marginal past 0.6 trades precision
for no recall.

Fourth round: transfer from unlabeled text through language modelling
(:mod:`khabar.entities.pretrain`). The BiLSTM's encoder (the same inputs and
128-unit BiLSTM, so tagging does not change) first learns to predict, from
its forward half, the next word's PPMI cluster (1,024 + "rare") and, from its
backward half, the previous word's, over the SaudiNewsNet paragraphs cut into
sentences of at most 50 tokens (194,797 sentences, 5.07M tokens; dropout
0.2, Adam 2e-3, batches of 64, one thread, 20 minutes at most); the NER
training then starts from it, or reads news batches beside the tagged ones
(multi-task). Same CRF and dev set; "ens" = the shipped recipe (weight 0.5,
O × 0.7, segment decoding), "doc" its document pass (threshold 0.6), "w 0.4"
ens · doc at CRF weight 0.4:

=====================================================================  =====  =====  =====  ===========
configuration                                                          alone  ens    doc    w 0.4
=====================================================================  =====  =====  =====  ===========
BiLSTM as shipped, no pretraining (trained again)                      0.723  0.750  0.759  0.749 0.752
pretrained 35 s (300K tokens)                                          0.723  0.744  0.748  0.746 0.750
pretrained 20 min (``--pretrain-seconds 1200``: 9.25M tokens, 1.8      0.713  0.755  0.759  0.739 0.743
passes; loss of both directions 10.96 → 8.41 nats)
  pretrained arrays at ¼ of the learning rate (``--pretrained-lr``)    0.650  0.733  0.738  0.711 0.716
  + news batches while tagging, one per tagged one (``--lm-share 1``)  0.731  0.746  0.751  0.744 0.748
no pretraining, ``--lm-share 1`` over 2M news tokens (multi-task;      0.730  0.753  0.757  0.749 0.751
training twice as slow)
pretrained 20 min on the words too (20K, adaptive softmax;             0.709  0.741  0.745  0.731 0.733
``--pretrain-words 20000``: 6.94M tokens, 1.4 passes; 26.81 → 20.91)
=====================================================================  =====  =====  =====  ===========

No pretraining setting moves the ensemble by the 0.01 asked of it: the
network alone ends within ±0.01 of the plain one at the full learning rate
(the tagging loss overwrites what the language model taught; training loss
ends higher, 330 against 305), much worse when the pretrained arrays move
slowly (the language model's encoder is a worse start for tags), and the
ensemble stays at 0.74-0.76, the noise of this dev set. A 128-unit
language model on 5M tokens learns the words' contexts, which the word2vec
and cluster inputs (learnt on the same news) already bring; it does not
reach the names the ensemble gives no mass to. The options stay, off by
default; the shipped model is unchanged.

Fifth round: subword vectors (``--subword-vectors``,
:func:`khabar.entities.embeddings.train_subword_vectors`). The misses are
names never seen in training, so fastText vectors (letter 3- to 5-grams, the
same corpus, window, negatives and epochs as word2vec) replaced word2vec as
the BiLSTM's fixed input, and every word of the tagged sentences the
vocabulary lacked (3,446 of ANERcorp train's) got a vector from its letters,
dev words included, as tagging would give them. Same dev set and recipe:

=====================================================================  =====  =====  =====
configuration                                                          alone  ens    doc
=====================================================================  =====  =====  =====
word2vec, as shipped (fourth round's figures)                          0.723  0.750  0.759
fastText subword vectors (twice: 0.715 / 0.742 / 0.745 and             0.714  0.743  0.747
0.714 / 0.743 / 0.747; PERSON 0.755, ORG 0.665, LOC 0.864, MISC 0.520)
=====================================================================  =====  =====  =====

Vectors built from letters do not bring the unseen names closer to the
right type than the BiLSTM's own character CNN already does; they are not
used (the 200 MB n-gram table would also have to ship).

Speed comes from scoring in numpy (:mod:`khabar.entities.chain`): the CRF's
weights are read out of ``crf.model``, emission scores are summed once per
word type, a document's sentences go through forward-backward and Viterbi
together, and the BiLSTM runs both directions in one step over sentences
packed into rows. The shipped ensemble (this command's defaults: CRF, BiLSTM
seed 13 without an auxiliary corpus, weight 0.5, O × 0.7, segment decoding,
document pass threshold 0.6)
tags at 26K tokens/s cold, 75K warm and 28K on the pipeline's document path
per CPU-second of one core (the CRF alone about 90K); the tagger loads in
0.5 s.

On ANERcorp test (``python -m bench.ner``, read once, for the shipped model)
it scores 0.727 (P 0.789, R 0.675; PERSON/ORG/LOC 0.748) and 0.737 with the
document pass, against 0.705 / 0.724 for the CRF alone; AQMAR 0.560 (CRF
0.532). The ensemble the second round built (label-wise decoding, no O
factor) had scored 0.726 / 0.742 there: the dev gains of the decoding did not
carry over to test beyond the noise, but the ensemble is ahead of the CRF
either way and no longer cuts names the two models type differently.

FANE as training data hurts because its conventions differ (no currencies
or religions as MISC, governments and groups tagged), and NewsFANE is the
ANERcorp text itself. The 0.80 target is not reached; recall is the weak
side, PERSON and ORG names never seen in training above all.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.entities import conll
from khabar.entities.clusters import build_clusters
from khabar.entities.features import FeatureExtractor, Lexicon, normalize, stem
from khabar.entities.tagger import MODEL_DIR, open_tagger, read_triggers, write_lexicon

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


def name_words(sents: Sequence[conll.Tagged], min_count: int = 2) -> dict[str, tuple[str, ...]]:
    """Clitic-free words used inside names of a type ≥ ``min_count`` times and at least half the time.

    A memory of the training names ("محمد" PERSON, "مجلس" ORG) that the CRF
    weighs as one feature instead of thousands of word identities.
    """
    total: Counter[str] = Counter()
    typed: Counter[tuple[str, str]] = Counter()
    for sent in sents:
        words = [stem(normalize(t))[1] for t in sent.tokens]
        total.update(words)
        for i, j, typ in conll.spans(sent.tags):
            for w in words[i:j]:
                typed[w, typ] += 1
    flags: dict[str, set[str]] = {}
    for (w, typ), n in typed.items():
        if len(w) > 2 and n >= min_count and n * 2 >= total[w]:
            flags.setdefault(w, set()).add(typ)
    return {w: tuple(sorted(f)) for w, f in flags.items()}


def fold_extractors(
    sents: Sequence[conll.Tagged], lexicon: Lexicon, folds: int, **options: Any
) -> list[FeatureExtractor]:
    """One extractor per sentence whose name memory leaves out that sentence's fold.

    Trained with a memory that includes the sentence itself, the name feature
    would always be right and the CRF would lean on it alone; cut into
    ``folds`` contiguous blocks (neighbouring sentences come from one
    article), each block sees the names of the others only, as test text sees
    the training names.
    """
    out: list[FeatureExtractor] = []
    for k in range(folds):
        lo, hi = k * len(sents) // folds, (k + 1) * len(sents) // folds
        memory = name_words([*sents[:lo], *sents[hi:]])
        extractor = FeatureExtractor(dataclasses.replace(lexicon, names=memory), **options)
        out += [extractor] * (hi - lo)
    return out


def train_crf(
    sents: Sequence[conll.Tagged],
    extractor: FeatureExtractor | Sequence[FeatureExtractor],
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
    extractors = [extractor] * len(sents) if isinstance(extractor, FeatureExtractor) else extractor
    for s, ext in zip(sents, extractors, strict=True):
        feats: Any = ext.sentence(s.tokens)
        if rare:
            feats = [
                _drop_identity(fs) if normalize(tok) in rare else fs
                for tok, fs in zip(s.tokens, feats, strict=True)
            ]
        trainer.append(feats, list(s.tags))
    params: dict[str, object] = {"max_iterations": max_iterations, "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params.update(c1=c1, c2=c2)
    trainer.set_params(params)
    trainer.train(str(path))


def _drop_identity(feats: Any) -> Any:
    if isinstance(feats, dict):
        return {f: v for f, v in feats.items() if not f.startswith(_IDENTITY)}
    return [f for f in feats if not f.startswith(_IDENTITY)]


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
    words: list[str] = []
    vecs: Any = None
    if args.vclusters or args.vector_dims or args.bilstm:
        from khabar.entities import embeddings

        if args.vectors_from:
            from gensim.models import KeyedVectors

            kv = KeyedVectors.load(args.vectors_from)
            words, vecs = list(kv.index_to_key), kv.vectors
        else:
            held = conll.anercorp("test", data) + conll.aqmar("test", data) + conll.aqmar("dev", data)
            text = embeddings.corpus(data, held + dev_part)
            if args.subword_vectors:
                tagged = [embeddings.key(t) for s in sents + dev_part for t in s.tokens]
                words, vecs = embeddings.train_subword_vectors(text, tagged)
            else:
                words, vecs = embeddings.train_vectors(text)
        if args.vclusters:
            lexicon.vclusters = embeddings.vector_clusters(words, vecs, top=args.vector_vocab)
        if args.vector_dims:
            lexicon.vectors = embeddings.dense_features(
                words, vecs, top=args.vector_vocab, dims=args.vector_dims, scale=args.vector_scale
            )
    if args.triggers:
        lexicon.triggers = read_triggers(MODEL_DIR / "triggers.tsv")
    out = Path(args.out) if args.out else (Path(tempfile.mkdtemp()) if args.dev else MODEL_DIR)
    out.mkdir(parents=True, exist_ok=True)
    if args.triggers and out.resolve() != MODEL_DIR.resolve():
        shutil.copy(MODEL_DIR / "triggers.tsv", out / "triggers.tsv")
    options: dict[str, Any] = {
        "ngrams": args.ngrams,
        "vectors": bool(args.vector_dims),
        "vector_window": args.vector_window,
        "vclusters": args.vclusters,
    }
    extractor: FeatureExtractor | list[FeatureExtractor] = FeatureExtractor(lexicon, **options)
    if args.names:
        extractor = fold_extractors(sents, lexicon, args.name_folds, **options)
        lexicon.names = name_words(sents)
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
    history: dict[str, float] = {}
    if args.bilstm:
        from khabar.entities.bilstm_train import build_encoder, train_bilstm
        from khabar.entities.pretrain import lm_text

        # subword vectors cover every word of the tagged sentences: keep them all
        vocab = len(words) if args.subword_vectors else args.vector_vocab
        encoder = build_encoder(lexicon, words, sents, vocab)
        aux: list[conll.Tagged] = []
        if args.aux_corpora:
            held = (
                conll.anercorp("test", data) + conll.aqmar("test", data) + conll.aqmar("dev", data) + dev_part
            )
            for name in args.aux_corpora:
                aux += conll.drop_overlap(conll.fane(name, data), held)
            aux = [s for s in aux if 0 < len(s.tokens) <= 120]
        extra = None
        if args.stack:
            from khabar.entities.stacking import jackknifed

            extra = jackknifed(
                sents,
                FeatureExtractor(lexicon, **options),
                sorted({t for s in sents for t in s.tags}),
                folds=args.stack_folds,
                c1=args.c1,
                c2=args.c2,
                max_iterations=args.max_iterations,
            )
        init, pretrained = pretrain(args, data, encoder, vecs)
        history = train_bilstm(
            sents,
            encoder,
            vecs[:vocab],
            out / "bilstm.npz",
            epochs=args.bilstm_epochs,
            fine_tune=args.bilstm_fine_tune,
            seed=args.bilstm_seed,
            dev=() if args.stack else dev_part,  # its per-epoch scoring has no CRF beside it
            aux=aux,
            aux_share=args.aux_share,
            extra=extra,
            init=init,
            lm=lm_text(data / "news" / "saudinewsnet-2015-07.jsonl.gz", limit=args.lm_tokens)
            if args.lm_share
            else (),
            lm_share=args.lm_share,
            init_lr=args.pretrained_lr,
        )
    else:
        (out / "bilstm.npz").unlink(missing_ok=True)
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
            "triggers": args.triggers,
            "names": args.names,
            "name_folds": args.name_folds,
            "vector_vocab": args.vector_vocab,
            "vector_dims": args.vector_dims,
            "vector_scale": args.vector_scale,
            **options,
        },
        "cluster_vocab": args.cluster_vocab,
        "bilstm": {
            "epochs": args.bilstm_epochs,
            "fine_tune": args.bilstm_fine_tune,
            "seed": args.bilstm_seed,
            "aux_corpora": list(args.aux_corpora),
            "aux_share": args.aux_share,
            "stack": args.stack,
            "stack_folds": args.stack_folds,
            "pretrain": pretrained,
            "pretrained_lr": args.pretrained_lr,
            "lm_share": args.lm_share,
            "lm_tokens": args.lm_tokens,
            "dev_by_epoch": history,
        }
        if args.bilstm
        else None,
        "ensemble_weight": args.ensemble_weight,
        "o_weight": args.o_weight,
        "decode": args.decode,
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.dev:
        tagger = open_tagger(out)
        gold = [s.tags for s in dev_part]
        scores = conll.evaluate(gold, tagger.tag([s.tokens for s in dev_part]))
        meta["dev"] = {t: round(s.f1, 4) for t, s in scores.items()}
        meta["dev_pr"] = [round(scores["ALL"].precision, 4), round(scores["ALL"].recall, 4)]
        pred: list[list[str]] = []
        for k in range(0, len(dev_part), 10):
            pred += tagger.tag_document([s.tokens for s in dev_part[k : k + 10]])[0]
        meta["dev_doc"] = round(conll.evaluate(gold, pred)["ALL"].f1, 4)
        if tagger.bilstm is not None:
            by_weight = {}
            for decode in ("viterbi", "segment"):
                tagger.decode = decode
                for weight in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0):
                    tagger.weight = weight
                    by_weight[f"{decode} {weight}"] = round(
                        conll.evaluate(gold, tagger.tag([s.tokens for s in dev_part]))["ALL"].f1, 4
                    )
            meta["dev_by_weight"] = by_weight
        print(json.dumps(meta, ensure_ascii=False))
    log.info("wrote %s in %.0f s", out, time.perf_counter() - started)
    return meta


def pretrain(
    args: argparse.Namespace, data: Path, encoder: Any, vecs: Any
) -> tuple[Path | None, dict[str, Any]]:
    """The pretrained encoder the BiLSTM starts from (:mod:`khabar.entities.pretrain`), if any, and its record.

    ``--pretrained-from`` reuses one written before; ``--pretrain-seconds``
    trains one on the news into a temporary directory (not shipped; kept, its
    path logged, for a later ``--pretrained-from``).
    """
    if args.pretrained_from:
        return Path(args.pretrained_from), {"from": args.pretrained_from}
    if not args.pretrain_seconds:
        return None, {}
    from khabar.entities.pretrain import lm_text, pretrain_encoder

    text = lm_text(data / "news" / "saudinewsnet-2015-07.jsonl.gz", limit=args.pretrain_tokens)
    path = Path(tempfile.mkdtemp()) / "pretrained.npz"
    record: dict[str, Any] = pretrain_encoder(
        encoder,
        vecs[: args.vector_vocab],
        text,
        path,
        seconds=args.pretrain_seconds,
        epochs=args.pretrain_epochs,
        words=args.pretrain_words,
        seed=args.bilstm_seed,
    )
    log.info("pretrained encoder %s: %s", path, record)
    return path, {
        **record,
        "max_seconds": args.pretrain_seconds,
        "epochs": args.pretrain_epochs,
        "words": args.pretrain_words,
    }


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
    parser.add_argument(
        "--vectors-from",
        help="reuse word2vec vectors saved by gensim (KeyedVectors.save) instead of training",
    )
    parser.add_argument("--cluster-vocab", type=int, default=60_000, help="words clustered")
    parser.add_argument(
        "--vclusters", action="store_true", help="word2vec cluster features (64/256/1,024 k-means)"
    )
    parser.add_argument(
        "--vector-dims",
        type=int,
        default=0,
        help="word2vec principal components as weighted features (0: none)",
    )
    parser.add_argument(
        "--vector-scale", type=float, default=1.0, help="size of the weighted vector features"
    )
    parser.add_argument(
        "--vector-window", type=int, default=1, choices=(0, 1), help="vectors of ±1 words too"
    )
    parser.add_argument("--vector-vocab", type=int, default=60_000, help="words given word2vec features")
    parser.add_argument(
        "--triggers", action="store_true", help="trigger-word features (data/ner/triggers.tsv)"
    )
    parser.add_argument("--names", action="store_true", help="training-name memory, jackknifed")
    parser.add_argument("--name-folds", type=int, default=5, help="folds for the training-name memory")
    parser.add_argument(
        "--no-bilstm",
        dest="bilstm",
        action="store_false",
        help="the CRF alone, without the BiLSTM-CRF beside it",
    )
    parser.add_argument(
        "--subword-vectors",
        action="store_true",
        help="fastText vectors (letter n-grams) for the BiLSTM, unseen words included (experiment)",
    )
    parser.add_argument("--bilstm-epochs", type=int, default=20)
    parser.add_argument("--bilstm-seed", type=int, default=13)
    parser.add_argument("--bilstm-fine-tune", action="store_true", help="fine-tune the word2vec embeddings")
    parser.add_argument(
        "--aux-corpora",
        nargs="*",
        default=[],
        choices=("newsfane", "wikifane"),
        help="corpora the BiLSTM also learns from, through a second output layer (none: no flag value)",
    )
    parser.add_argument(
        "--aux-share", type=float, default=1.0, help="auxiliary batches per ANERcorp batch in an epoch"
    )
    parser.add_argument(
        "--stack",
        action="store_true",
        help="give the BiLSTM the CRF's marginals as inputs (jackknifed over the training set)",
    )
    parser.add_argument("--stack-folds", type=int, default=5, help="folds for --stack")
    parser.add_argument(
        "--pretrain-seconds",
        type=float,
        default=0,
        help="pretrain the BiLSTM's encoder as a language model on the news this long first (0: no)",
    )
    parser.add_argument(
        "--pretrain-epochs", type=int, default=3, help="at most this many passes over the news"
    )
    parser.add_argument(
        "--pretrain-tokens", type=int, default=0, help="news tokens the language model reads (0: all)"
    )
    parser.add_argument(
        "--pretrain-words",
        type=int,
        default=0,
        help="the language model predicts the words too, the N most frequent (0: their clusters only)",
    )
    parser.add_argument("--pretrained-from", help="reuse an encoder pretrained before (pretrained.npz)")
    parser.add_argument(
        "--pretrained-lr",
        type=float,
        default=1.0,
        help="learning rate of the pretrained encoder's arrays, relative to the rest",
    )
    parser.add_argument(
        "--lm-share",
        type=float,
        default=0.0,
        help="language-model batches of news per tagged batch while the BiLSTM trains (0: none)",
    )
    parser.add_argument(
        "--lm-tokens", type=int, default=2_000_000, help="news tokens those batches are drawn from"
    )
    parser.add_argument(
        "--decode",
        default="segment",
        choices=("segment", "viterbi", "argmax"),
        help="ensemble decoding: names first then types, label-wise BIO Viterbi, or argmax",
    )
    parser.add_argument(
        "--ensemble-weight", type=float, default=0.5, help="CRF share of the averaged marginals"
    )
    parser.add_argument(
        "--o-weight",
        type=float,
        default=0.7,
        help="factor on the ensemble's O marginal before decoding (below 1: more names, higher recall)",
    )
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
