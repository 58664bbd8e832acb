"""The run report: what went in, what came out, how fast, and every failure with its reason.

Written to ``out/_report.json`` (the leading underscore keeps Spark and pyarrow
from taking it for data) and printed as a summary by the CLI.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from khabar.batch.output import REPORT
from khabar.batch.partition import UnitResult
from khabar.batch.tables import TABLES

MAX_FAILURES_LISTED = 1000


def build(results: Iterable[UnitResult], *, seconds: float, **run: Any) -> dict[str, Any]:
    """Sum the unit results; ``run`` adds the settings (engine, inputs, out...) as given."""
    ordered = sorted(results, key=lambda r: r.unit)
    rows: Counter[str] = Counter()
    months: Counter[str] = Counter()
    for r in ordered:
        rows.update(r.rows)
        months.update(r.months)
    failures = [f for r in ordered for f in r.failures]
    articles = rows["articles"]
    return {
        **run,
        "seconds": round(seconds, 3),
        "units": len(ordered),
        "worker_processes": len({r.pid for r in ordered if r.records}),
        "worker_peak_rss_mb": max((r.peak_rss_mb for r in ordered), default=0.0),
        "records": sum(r.records for r in ordered),
        "articles": articles,
        "failed": len(failures),
        "articles_per_second": round(articles / seconds, 2) if seconds > 0 else None,
        # Units' CPU and wall time summed: cpu/seconds is the cores actually used,
        # unit_seconds/seconds the workers busy at once.
        "cpu_seconds": round(sum(r.cpu_seconds for r in ordered), 2),
        "unit_seconds": round(sum(r.seconds for r in ordered), 2),
        "rows": {t: rows[t] for t in TABLES},
        "months": dict(sorted(months.items())),
        "failures_by_stage": dict(sorted(Counter(f["stage"] for f in failures).items())),
        "failures": [
            {k: f[k] for k in ("source", "line", "stage", "reason")} for f in failures[:MAX_FAILURES_LISTED]
        ],
        "failures_listed": min(len(failures), MAX_FAILURES_LISTED),
    }


def write(out: str | Path, report: dict[str, Any]) -> Path:
    path = Path(out) / REPORT
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def summary(report: dict[str, Any]) -> str:
    """A few lines for the terminal: totals, speed, rows per table, the first failures."""
    lines = [
        f"{report['articles']:,} articles from {report['records']:,} records in {report['units']} units, "
        f"{report['failed']:,} failed; {report['seconds']:.1f} s "
        f"({report['articles_per_second'] or 0:.1f} articles/s, engine {report.get('engine')})",
        "rows: " + ", ".join(f"{t} {n:,}" for t, n in report["rows"].items()),
    ]
    for f in report["failures"][:5]:
        where = f"{f['source']}: line {f['line']}" if f["line"] is not None else f["source"]
        lines.append(f"  failed: {where}: {f['reason']}")
    if report["failed"] > 5:
        lines.append(f"  ... {report['failed'] - 5:,} more in the failures table")
    return "\n".join(lines)
