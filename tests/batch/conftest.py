"""Fixtures for the batch tests: small corpora written here, the shared news sample, Spark.

The hand-written corpus holds short news-style articles (written for these
tests) with publication dates in two months and none, plus the kinds of bad
record a crawl holds: broken JSON, a record without text, a blank line.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.options import Options
from khabar.pipeline import STAGE_NAMES

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "t-001",
        "title": "وزير الخارجية يبحث مع نظيره الأردني تطورات المنطقة",
        "published": "2020-10-06",
        "outlet": "khabar-test",
        "content": "بحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظيره الأردني أيمن الصفدي "
        "اليوم الثلاثاء تطورات الأوضاع في المنطقة.\n\n"
        "وقال الصفدي في مؤتمر صحفي إن \"الحل السياسي هو السبيل الوحيد لإنهاء الأزمة\".",
    },
    {
        "id": "t-002",
        "title": "ارتفاع أسعار النفط بنسبة 3 في المئة",
        "published": "2020-10-21T09:30:00+03:00",
        "outlet": "khabar-test",
        "content": "ارتفعت أسعار النفط بنسبة 3 في المئة في تعاملات الأربعاء، ليصل سعر خام برنت إلى 42 دولارا للبرميل.\n\n"
        "وأرجع محللون الارتفاع إلى تراجع المخزونات الأمريكية خلال الأسبوع الماضي.",
    },
    {
        "id": "t-003",
        "title": "افتتاح معرض الرياض الدولي للكتاب",
        "published": "2021-03-15",
        "outlet": "khabar-test",
        "content": "افتتح أمير منطقة الرياض مساء الاثنين معرض الرياض الدولي للكتاب بمشاركة 900 دار نشر.\n\n"
        "ويستمر المعرض عشرة أيام، ويضم برنامجا ثقافيا يشمل ندوات وأمسيات شعرية.",
    },
    {"id": "t-004", "title": "خبر بلا نص", "published": "2021-03-16"},
    {
        "id": "t-005",
        "title": "الأمطار تغمر شوارع جدة",
        "outlet": "khabar-test",
        "content": "شهدت مدينة جدة أمطارا غزيرة صباح اليوم أدت إلى تجمع المياه في عدد من الشوارع الرئيسية.\n\n"
        "ودعا الدفاع المدني السكان إلى البقاء في منازلهم وتجنب الأودية.",
    },
    {
        "id": "t-006",
        "title": "المنتخب يستعد لمواجهة حاسمة",
        "published": "2021-03-20",
        "outlet": "khabar-test",
        "content": "يخوض المنتخب الوطني حصة تدريبية أخيرة مساء اليوم استعدادا لمواجهة حاسمة في التصفيات.\n\n"
        "وأكد المدرب أن جميع اللاعبين في حالة جاهزية تامة.",
    },
]


def corpus_lines() -> list[str]:
    """The corpus as JSONL lines, numbered from 1.

    1 t-001, 2 t-002, 3 broken JSON, 4 t-003, 5 t-004 (no text), 6 blank, 7 t-005, 8 t-006.
    """
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines.insert(2, '{"id": "t-bad", "title": "سطر مكسور", "content": ')  # cut off mid-record
    lines.insert(5, "")
    return lines


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "corpus.jsonl"
    path.parent.mkdir()
    path.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def options() -> Options:
    # Every stage: all have landed, and a stage that breaks must fail these tests, not be skipped.
    return Options(stages=STAGE_NAMES)


@pytest.fixture(scope="session")
def news50(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 50 articles of the shared SaudiNewsNet sample, as a gzipped JSONL."""
    import gzip

    source = shared_dir / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    path = tmp_path_factory.mktemp("news") / "news50.jsonl.gz"
    with gzip.open(source, "rb") as f, gzip.open(path, "wb") as out:
        out.writelines(itertools.islice(f, 50))
    return path


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] SparkSession for the whole test session (starting one costs seconds).

    Skipped without pyspark or Java, except under CI=true, where Spark must run.
    """
    missing = []
    if importlib.util.find_spec("pyspark") is None:
        missing.append("pyspark (pip install 'khabar[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("a Java runtime (apt-get install default-jre-headless)")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail("Spark tests must run under CI=true but need " + " and ".join(missing))
        pytest.skip("needs " + " and ".join(missing))
    from khabar.batch.spark import session

    spark, _owned = session("local[2]", {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"})
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()
