"""Batch throughput: local process pool with 1 and 2 workers vs Spark local[1] and local[2].

    python -m bench.batch                          # 5,000 news articles, all four runs, one table
    python -m bench.batch --articles 8000 --repeat 2   # best of two per configuration
    python -m bench.batch --quick --min-scaling 1.3    # CI gate: 300 articles, exit 1 below the floor

All four runs analyse the same first ``--articles`` records of
``../shared/data/news/saudinewsnet-2015-07.jsonl.gz`` (copied to a plain JSONL
under a temporary directory so that units seek straight to their lines), with
the same stages and the same units, and the bench checks that the four outputs
hold the same rows. Times are wall-clock for the whole ``run_batch`` call:
planning, starting the workers (each loads its models once), analysing, writing
Parquet. For Spark the session start (JVM) is timed apart: ``job`` excludes it
(a long-lived cluster pays it once), ``with start`` includes it.

The machine is shared: the table reports the load average and how busy all CPUs
were during each run (from /proc/stat), how many workers were running at once
("busy workers") and how much CPU they actually got ("cores used"), so a poor
scaling figure can be told from a busy machine; from those it also prints a
projection (labelled as such) of the scaling with two free cores. The bench runs
a copy of ``src/khabar`` taken at its start, so edits landing meanwhile do not
mix versions. Writes ``bench/out/batch.json``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "batch.json"
NEWS = "data/news/saudinewsnet-2015-07.jsonl.gz"
CONFIGS = (("local", 1), ("local", 2), ("spark", 1), ("spark", 2))


def _shared() -> Path:
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot; (0, 0) where /proc/stat is missing."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def snapshot_code(folder: Path) -> Path:
    """Run a copy of ``src/khabar`` taken now, in this process and every worker.

    The working tree may change while the bench runs (others commit); the four
    runs must measure, and compare the rows of, one version of the code.
    """
    dest = folder / "code"
    shutil.copytree(ROOT / "src" / "khabar", dest / "khabar", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(dest))
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(dest), os.environ.get("PYTHONPATH")) if p)
    return dest


def make_input(n: int, folder: Path) -> Path:
    source = _shared() / NEWS
    if not source.is_file():
        sys.exit(f"bench.batch: {source} not found (set KHABAR_SHARED to the shared data directory)")
    path = folder / f"news-{n}.jsonl"
    with gzip.open(source, "rb") as f, path.open("wb") as out:
        out.writelines(itertools.islice(f, n))
    return path


def run_one(
    engine: str, cores: int, data: Path, out: Path, stages: tuple[str, ...], chunk: int
) -> dict[str, Any]:
    from khabar.batch import run_batch
    from khabar.options import Options

    options = Options(stages=stages)
    load_before = os.getloadavg()[0]
    busy0, total0 = _cpu_times()
    start_seconds = 0.0
    spark = None
    if engine == "spark":
        from khabar.batch.spark import session

        t = time.perf_counter()
        spark, _ = session(f"local[{cores}]", {"spark.ui.enabled": "false"})
        spark.sparkContext.setLogLevel("ERROR")
        start_seconds = time.perf_counter() - t
        report = run_batch(
            [data], out, engine="spark", master=f"local[{cores}]", chunk=chunk, options=options
        )
        spark.stop()
    else:
        report = run_batch([data], out, workers=cores, chunk=chunk, options=options)
    busy1, total1 = _cpu_times()
    job = report["seconds"]
    return {
        "engine": engine,
        "cores": cores,
        "articles": report["articles"],
        "failed": report["failed"],
        "units": report["units"],
        "worker_processes": report["worker_processes"],
        "job_seconds": round(job, 2),
        "start_seconds": round(start_seconds, 2),
        "articles_per_second": round(report["articles"] / job, 2),
        "articles_per_second_with_start": round(report["articles"] / (job + start_seconds), 2),
        "cpu_seconds": report["cpu_seconds"],
        "cores_used": round(report["cpu_seconds"] / job, 2),
        # Workers busy at once on average (unit wall time summed / job wall time): how
        # well the engine keeps its workers fed, whatever share of the CPUs they got.
        "busy_workers": round(report["unit_seconds"] / job, 2),
        "articles_per_cpu_second": round(report["articles"] / report["cpu_seconds"], 2),
        "failures_by_stage": report["failures_by_stage"],
        "failure_reasons": dict(Counter(f["reason"][:80] for f in report["failures"]).most_common(5)),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "machine_cpu_busy": round((busy1 - busy0) / (total1 - total0), 3) if total1 > total0 else None,
    }


def same_rows(outs: list[Path]) -> bool:
    """Whether every output holds exactly the same rows in every table."""
    from khabar.batch.output import read_table
    from khabar.batch.tables import TABLES

    def rows(out: Path, table: str) -> list[str]:
        return sorted(
            json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
            for r in read_table(out, table).to_pylist()
        )

    for table in TABLES:
        first = rows(outs[0], table)
        for out in outs[1:]:
            other = rows(out, table)
            if other != first:
                only = sorted(set(first) ^ set(other))
                print(
                    f"bench.batch: table {table} differs between {outs[0].name} and {out.name} "
                    f"({len(only)} rows in one only), e.g. {only[0][:300]}",
                    file=sys.stderr,
                )
                return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=int, default=5000, help="records from the news sample (default 5000)"
    )
    parser.add_argument("--chunk", type=int, default=250, help="records per unit (default 250)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration, best kept")
    parser.add_argument("--stages", help="comma-separated stages (default: every stage that runs)")
    parser.add_argument("--quick", action="store_true", help="300 articles, for CI")
    parser.add_argument(
        "--min-scaling", type=float, help="exit 1 if local 2-worker/1-worker speedup is lower"
    )
    parser.add_argument(
        "--max-spark-overhead", type=float, help="exit 1 if Spark job time exceeds local by more (0.2 = 20%%)"
    )
    args = parser.parse_args(argv)
    from khabar.pipeline import STAGE_NAMES

    n = 300 if args.quick else args.articles
    chunk = min(args.chunk, 50) if args.quick else args.chunk

    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="khabar-bench-batch-") as tmp:
        snapshot_code(Path(tmp))
        stages = tuple(s for s in args.stages.split(",") if s) if args.stages else STAGE_NAMES
        data = make_input(n, Path(tmp))
        best: dict[tuple[str, int], dict[str, Any]] = {}
        outs: dict[tuple[str, int], Path] = {}
        for r in range(args.repeat):
            for engine, cores in CONFIGS:
                out = Path(tmp) / f"out-{engine}-{cores}-{r}"
                result = run_one(engine, cores, data, out, stages, chunk)
                runs.append(result)
                print(
                    f"  {engine} x{cores}: {result['articles_per_second']:.1f} articles/s "
                    f"(load {result['load_before']:.1f}, machine CPU busy {result['machine_cpu_busy']})",
                    file=sys.stderr,
                )
                key = (engine, cores)
                if key not in best or result["job_seconds"] < best[key]["job_seconds"]:
                    best[key] = result
                    outs[key] = out
        identical = same_rows([outs[k] for k in CONFIGS])

    def ratio(a: tuple[str, int], b: tuple[str, int], field: str = "job_seconds") -> float:
        return round(best[b][field] / best[a][field], 3)

    scaling_local = ratio(("local", 2), ("local", 1))
    # What 1 → 2 workers would give with two free cores: the engine's concurrency
    # times the change in CPU cost per article. A projection, printed as such.
    projected = {
        engine: round(
            best[(engine, 2)]["busy_workers"]
            / best[(engine, 1)]["busy_workers"]
            * best[(engine, 2)]["articles_per_cpu_second"]
            / best[(engine, 1)]["articles_per_cpu_second"],
            3,
        )
        for engine in ("local", "spark")
    }
    scaling_spark = ratio(("spark", 2), ("spark", 1))
    overhead = {
        f"{c}_cores": round(best[("spark", c)]["job_seconds"] / best[("local", c)]["job_seconds"] - 1, 3)
        for c in (1, 2)
    }
    overhead_with_start = {
        f"{c}_cores": round(
            (best[("spark", c)]["job_seconds"] + best[("spark", c)]["start_seconds"])
            / best[("local", c)]["job_seconds"]
            - 1,
            3,
        )
        for c in (1, 2)
    }
    result = {
        "articles": n,
        "chunk": chunk,
        "stages": list(stages),
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "best": [best[k] for k in CONFIGS],
        "runs": runs,
        "scaling_local_1_to_2": scaling_local,
        "scaling_spark_1_to_2": scaling_spark,
        "spark_overhead": overhead,
        "spark_overhead_with_start": overhead_with_start,
        "projected_scaling_with_free_cores": projected,
        "same_rows": identical,
        "targets": {"scaling": 1.8, "spark_overhead": 0.2},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(
        f"\nbatch throughput: {n} articles, stages {','.join(stages)}, chunk {chunk}, best of {args.repeat}\n"
    )
    print(
        "| engine | cores | articles | failed | job s | articles/s | start s | articles/s with start "
        "| busy workers | cores used | articles/CPU-s | load before | machine CPU busy |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k in CONFIGS:
        b = best[k]
        print(
            f"| {b['engine']} | {b['cores']} | {b['articles']} | {b['failed']} | {b['job_seconds']:.1f} | "
            f"{b['articles_per_second']:.1f} | {b['start_seconds']:.1f} | {b['articles_per_second_with_start']:.1f} | "
            f"{b['busy_workers']:.2f} | {b['cores_used']:.2f} | {b['articles_per_cpu_second']:.1f} | "
            f"{b['load_before']:.1f} | {b['machine_cpu_busy']} |"
        )
    print(f"\nscaling 1 → 2 cores: local {scaling_local:.2f}x, spark {scaling_spark:.2f}x (target ≥ 1.8x)")
    print(
        f"spark overhead vs local (job): 1 core {overhead['1_cores']:+.1%}, 2 cores {overhead['2_cores']:+.1%} "
        f"(target ≤ +20%); with session start: 1 core {overhead_with_start['1_cores']:+.1%}, "
        f"2 cores {overhead_with_start['2_cores']:+.1%}"
    )
    print(
        f"projected 1 → 2 scaling with two free cores (busy workers × CPU cost per article; not measured): "
        f"local {projected['local']:.2f}x, spark {projected['spark']:.2f}x"
    )
    print(
        "busy workers = units' wall seconds / job seconds (workers running at once); cores used = their CPU "
        "seconds / job seconds: below busy workers, other processes held the CPUs (see load, machine CPU busy)"
    )
    print(f"same rows from all four runs: {identical}")
    print(f"wrote {OUT.relative_to(ROOT)}")

    failed = not identical
    if args.min_scaling is not None and scaling_local < args.min_scaling:
        print(f"GATE FAILED: local scaling {scaling_local:.2f}x < {args.min_scaling}", file=sys.stderr)
        failed = True
    if args.max_spark_overhead is not None and max(overhead.values()) > args.max_spark_overhead:
        print(
            f"GATE FAILED: Spark overhead {max(overhead.values()):+.1%} > {args.max_spark_overhead:+.0%}",
            file=sys.stderr,
        )
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
