"""``import khabar`` must stay cheap: no model, web framework, database driver or Spark."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pyspark", "fastapi", "psycopg", "pycrfsuite", "trafilatura", "datasketch", "pyarrow", "uvicorn")


def test_import_khabar_loads_nothing_heavy() -> None:
    code = (
        "import sys, khabar\n"
        f"heavy = [m for m in sys.modules if m.split('.')[0] in {HEAVY!r}]\n"
        "stages = [m for m in sys.modules if m.startswith('khabar.') ]\n"
        "print(sorted(set(h.split('.')[0] for h in heavy)), sorted(stages))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    heavy, _, stages = out.partition("] ")
    assert heavy == "[", f"heavy modules imported by `import khabar`: {out}"
    assert "khabar.pipeline" not in stages


def test_lazy_public_api_resolves() -> None:
    import khabar

    assert callable(khabar.analyze)
    assert khabar.Analysis.__name__ == "Analysis"
    assert issubclass(khabar.KhabarError, Exception)
