"""kill -9 a running ``khabar ingest`` of 10,000 articles, run it again: exactly 10,000, none partial.

The articles are small and generated (seeded random sentences from a short
word list, so no two are near-duplicates) and only the cheap ``text`` stage
runs: this is a test of the write path, and it goes through the real CLI in a
real subprocess on each backend.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.store.base import open_store

N = 10_000
BATCH = 500
WORDS = [
    "قال",
    "أكد",
    "الوزير",
    "الرئيس",
    "الحكومة",
    "المملكة",
    "مجلس",
    "الشورى",
    "الاقتصاد",
    "النفط",
    "الأسواق",
    "المستثمرين",
    "الأسهم",
    "التعليم",
    "الجامعة",
    "الطلاب",
    "الصحة",
    "المستشفى",
    "المرضى",
    "الرياض",
    "جدة",
    "الدمام",
    "مكة",
    "المدينة",
    "الأمن",
    "الحدود",
    "المشروع",
    "التنمية",
    "الطاقة",
    "المياه",
    "الكهرباء",
    "الطرق",
    "النقل",
    "المطار",
    "الموسم",
    "الصيف",
    "الحج",
    "الزوار",
    "الفريق",
    "المباراة",
    "الدوري",
    "البطولة",
    "المدرب",
    "اللاعبين",
    "الجمهور",
    "الثقافة",
    "المعرض",
    "الكتاب",
    "المهرجان",
    "الفنانين",
    "اليوم",
    "أمس",
    "الأسبوع",
    "الماضي",
    "المقبل",
    "خلال",
    "بعد",
    "قبل",
    "إطار",
    "ضمن",
    "نحو",
    "أكثر",
    "أقل",
    "ارتفاع",
    "انخفاض",
    "زيادة",
]


def _write_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            rnd = random.Random(i)
            body = " ".join(rnd.choice(WORDS) for _ in range(40)) + f" (رقم {i})."
            record = {
                "title": f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i}",
                "text": body,
                "url": f"https://example.org/news/{i}",
                "outlet": "test",
                "published": "2015-07-21",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ingest(url: str, corpus: Path) -> subprocess.Popen[str]:
    cmd = [
        sys.executable, "-c", "from khabar.cli import main; main()",
        "ingest", "--db", url, "--stages", "text", "--batch-size", str(BATCH), str(corpus),
    ]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_kill_during_ingest_then_rerun(store_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    _write_corpus(corpus)
    with open_store(store_url) as store:  # create the schema before racing the writer
        proc = _ingest(store_url, corpus)
        deadline = time.monotonic() + 120
        while store.count() < 2 * BATCH:
            assert proc.poll() is None, f"ingest ended before it was killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        stored = store.count()
    assert 2 * BATCH <= stored < N
    with open_store(store_url) as store:
        # Batches are atomic: a killed batch leaves nothing behind.
        assert store.count() % BATCH == 0
        assert store.check() == []

    rerun = _ingest(store_url, corpus)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{N - stored} added, 0 updated, {stored} unchanged, 0 failed" in err
    with open_store(store_url) as store:
        assert store.count() == N
        assert store.check() == []
        assert store.search("رقم 9999")[0].title.endswith(" 9999")
