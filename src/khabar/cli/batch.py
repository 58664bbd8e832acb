"""``khabar batch`` (inputs → Parquet tables, on local cores or Spark) and ``khabar load`` (→ store).

Both parse, call :func:`khabar.batch.run_batch` / :func:`khabar.batch.load_batch`,
and print the summary; a khabar error (a bad option, no pyspark) is one line on
stderr and exit status 1. Records that fail do not fail the command: they are in
the ``failures`` table and the report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from khabar.errors import KhabarError

EXAMPLES = """\
Examples:

  khabar batch crawl/ --out out/                       # all local cores

  khabar batch news.jsonl.gz --out out/ --workers 2

  khabar batch crawl/ --out out/ --engine spark --master local[2]

  khabar load out/ --db sqlite:///corpus.db
"""


class Engine(StrEnum):
    local = "local"
    spark = "spark"


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _conf(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{pair!r} is not KEY=VALUE (e.g. spark.executor.memory=4g)")
        out[key.strip()] = value.strip()
    return out


def _stages(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(s.strip() for s in value.split(",") if s.strip())


def register(app: typer.Typer) -> None:
    @app.command(epilog=EXAMPLES)
    def batch(
        inputs: Annotated[
            list[str], typer.Argument(help="Files, directories or globs: JSONL(.gz), WARC(.gz), text, HTML, RSS.")
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="Output directory of Parquet tables.")],
        engine: Annotated[Engine, typer.Option("--engine", help="local (process pool) or spark.")] = Engine.local,
        workers: Annotated[
            int | None, typer.Option("--workers", "-w", min=1, help="Local engine: processes (default: all cores).")
        ] = None,
        master: Annotated[
            str | None,
            typer.Option("--master", help="Spark master: local[2], spark://host:7077, yarn (default: spark-submit's)."),
        ] = None,
        conf: Annotated[
            list[str] | None, typer.Option("--conf", help="Spark setting KEY=VALUE (repeatable).")
        ] = None,
        chunk: Annotated[
            int, typer.Option("--chunk", min=1, help="Records per unit of work (one output file per unit and month).")
        ] = 500,
        stages: Annotated[
            str | None, typer.Option("--stages", help="Comma-separated stages to run (default: all).")
        ] = None,
        record_timeout: Annotated[
            float, typer.Option("--record-timeout", min=0, help="Seconds one article may take; 0 for no limit.")
        ] = 120.0,
        max_bytes: Annotated[
            int, typer.Option("--max-bytes", help="Refuse records larger than this many bytes.")
        ] = 20 * 1024 * 1024,
        as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
    ) -> None:
        """Analyse a corpus into Parquet tables on all local cores or on Apache Spark.

        Writes articles, entities, mentions, quotes, times and quantities (partitioned
        by publication month: month=2020-10, month=unknown), a failures table (source,
        line, reason) and _report.json. Rerunning into the same directory replaces the
        same files. Both engines run the same code per unit and write the same rows.
        """
        from khabar.batch import run_batch
        from khabar.batch.report import summary
        from khabar.options import Options

        options = Options(stages=_stages(stages), max_bytes=max_bytes)
        try:
            with _progress(engine == Engine.local and not as_json) as (on_plan, advance):
                report = run_batch(
                    inputs,
                    out,
                    engine=engine.value,
                    workers=workers,
                    master=master,
                    conf=_conf(conf or []),
                    chunk=chunk,
                    options=options,
                    record_timeout=record_timeout or None,
                    progress=advance,
                    on_plan=on_plan,
                )
        except KhabarError as err:
            _fail(str(err))
        if as_json:
            typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            typer.echo(summary(report))
            typer.echo(f"tables in {report['out']}, report in {Path(report['out']) / '_report.json'}")

    @app.command(epilog=EXAMPLES)
    def load(
        out: Annotated[Path, typer.Argument(help="A `khabar batch` output directory.")],
        db: Annotated[
            str | None,
            typer.Option(
                "--db",
                help="Database URL (sqlite:///FILE or postgresql://...); default $KHABAR_DB or sqlite:///khabar.db.",
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    ) -> None:
        """Import `khabar batch` output into the corpus store; loading twice adds nothing new.

        Articles the store already holds (same content) are counted unchanged; a new
        version of an article (same id or URL) replaces the old one.
        """
        from khabar.batch import load_batch

        try:
            report = load_batch(out, db)
        except KhabarError as err:
            _fail(str(err))
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(
                f"{report.added:,} added, {report.updated:,} updated, {report.unchanged:,} unchanged, "
                f"{report.failed:,} failed"
            )
            for error in report.errors[:5]:
                typer.echo(f"  failed: {error}", err=True)


@contextmanager
def _progress(enabled: bool) -> Iterator[tuple[Callable[[int], None], Callable[[object], None]]]:
    """A progress bar over units (local engine, not --json); silent callbacks otherwise."""
    if not enabled:
        yield (lambda _n: None), (lambda _r: None)
        return
    from rich.progress import Progress, TaskID

    task: list[TaskID] = []
    with Progress(transient=True) as bar:

        def on_plan(n: int) -> None:
            task.append(bar.add_task("units", total=n))

        def advance(_result: object) -> None:
            if task:
                bar.advance(task[0])

        yield on_plan, advance
