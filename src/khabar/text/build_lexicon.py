"""Build the word-frequency table the clitic segmenter decides with.

Run from the repository root (reads the news corpus beside the clone)::

    python -m khabar.text.build_lexicon            # writes src/khabar/data/text/wordfreq.tsv.gz
    python -m khabar.text.build_lexicon --corpus PATH.jsonl.gz --min-count 2 --out FILE

Source: ``../shared/data/news/saudinewsnet-2015-07.jsonl.gz`` (SaudiNewsNet, 15,041
articles from 12 Saudi newspapers, July 2015; CC BY-NC-SA 4.0, Mazen Abdulaziz
Alhagri 2015). Only aggregate counts of word types leave the corpus, no text.

The table has one line per word type, in matching form (:func:`normalize`):
``word<TAB>count<TAB>hamza_count``. ``hamza_count`` is how many of the
occurrences were written with an initial أ, إ or آ: the segmenter uses it to
tell the article ال from a stem that begins with hamza-alef whose hamza the
writer dropped ("المانيا" is "ألمانيا", not ال+مانيا). Types seen fewer than
``--min-count`` times are left out, which keeps the file near 1 MB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.devdata import shared_dir
from khabar.text.normalize import normalize
from khabar.text.tokenize import word_spans

log = logging.getLogger(__name__)

DEFAULT_CORPUS = Path("data") / "news" / "saudinewsnet-2015-07.jsonl.gz"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "text" / "wordfreq.tsv.gz"
_HAMZA_ALEF = "أإآ"


def _texts(corpus: Path) -> Iterator[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for key in ("title", "content"):
                if record.get(key):
                    yield record[key]


def count_words(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Count Arabic word types by surface form, then fold them to matching form.

    Returns (counts, hamza_counts), both keyed by the normalized word.
    """
    surface: Counter[str] = Counter()
    for text in texts:
        surface.update(text[s:e] for s, e in word_spans(text))
    counts: Counter[str] = Counter()
    hamza: Counter[str] = Counter()
    for word, n in surface.items():
        key = normalize(word)
        if not key:
            continue
        counts[key] += n
        if word[0] in _HAMZA_ALEF:
            hamza[key] += n
    return counts, hamza


def write_table(counts: Counter[str], hamza: Counter[str], out: Path, min_count: int) -> int:
    rows = [(w, n) for w, n in counts.items() if n >= min_count]
    rows.sort(key=lambda r: (-r[1], r[0]))
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes reproducible, so a rebuild shows no diff.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for w, n in rows:
            gz.write(f"{w}\t{n}\t{hamza.get(w, 0)}\n".encode())
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL.gz news corpus")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = args.corpus or shared_dir() / DEFAULT_CORPUS
    if not corpus.is_file():
        parser.error(f"{corpus}: not found (set KHABAR_SHARED or pass --corpus)")
    counts, hamza = count_words(_texts(corpus))
    kept = write_table(counts, hamza, args.out, args.min_count)
    print(
        f"{corpus.name}: {sum(counts.values())} words, {len(counts)} types; wrote {kept} types to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
