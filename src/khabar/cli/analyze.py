"""``khabar analyze`` and ``khabar schema``: parse arguments, call the Python API, format.

Anything done here can be done from Python with :func:`khabar.analyze_many`;
this module only adds argument parsing, a progress bar and the run summary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, NoReturn

import typer

from khabar.cli.render import render_text
from khabar.errors import KhabarError

EXAMPLES = """
Examples:

  khabar analyze examples/azerbaijan-scraped.txt

  khabar analyze --format json --tokens article.html

  khabar analyze --format jsonl --output out.jsonl feeds/*.xml crawl.warc.gz

  cat article.txt | khabar analyze --published 2020-10-06 -
"""


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def parse_published(value: str | None) -> date | datetime | None:
    """Accept ``2020-10-06`` or an ISO date-time such as ``2020-10-06T09:30+03:00``."""
    if value is None:
        return None
    try:
        if "T" in value or " " in value.strip():
            return datetime.fromisoformat(value)
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2020-10-06") from None


def register(app: typer.Typer) -> None:
    @app.command(epilog=EXAMPLES)
    def analyze(
        paths: Annotated[
            list[str],
            typer.Argument(help="Files, directories or globs to analyse; '-' reads standard input."),
        ],
        format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
        ] = None,
        published: Annotated[
            str | None,
            typer.Option(help="Publication date (ISO) to resolve relative dates against; overrides the article's."),
        ] = None,
        tokens: Annotated[bool, typer.Option("--tokens", help="Also output tokens and sentences.")] = False,
        max_bytes: Annotated[
            int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.")
        ] = 20 * 1024 * 1024,
    ) -> None:
        """Analyse Arabic news articles: clean text, entities, quotes, dates and quantities.

        Text, HTML, RSS/Atom, WARC and JSONL inputs are recognised by content, in any
        common encoding (UTF-8, UTF-16, windows-1256, ISO-8859-6). Inputs that fail are
        reported one line each; the run goes on and exits with status 1 at the end.
        """
        from khabar.ingest.reader import expand
        from khabar.options import Options
        from khabar.pipeline import analyze_many

        options = Options(published=parse_published(published), tokens=tokens, max_bytes=max_bytes)
        try:
            inputs = expand(paths)
        except (KhabarError, OSError) as err:
            _fail(str(err))
        if not inputs:
            _fail("no input files found in: " + " ".join(paths))
        out_cm: IO[str] | nullcontext[IO[str]] = (
            output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)
        )
        ok, failures = 0, []
        with out_cm as out:
            writer = _Writer(out, format, tokens, many=len(inputs) > 1)
            with _progress(len(inputs)) as advance:
                for path in inputs:
                    for item in analyze_many([path], options):
                        if isinstance(item, Exception):
                            failures.append(str(item))
                            typer.echo(f"error: {item}", err=True)
                        else:
                            ok += 1
                            writer.write(item)
                    advance()
            writer.close()
        if len(inputs) > 1 or failures:
            typer.echo(f"{ok} ok, {len(failures)} failed", err=True)
        if failures:
            raise typer.Exit(1)

    @app.command()
    def schema() -> None:
        """Print the JSON Schema of the analysis output (the JSON contract of --format json)."""
        from khabar.schema import json_schema

        typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


class _Writer:
    """Writes analyses as they come: one JSON object, a JSON array, JSON lines or text."""

    def __init__(self, out: IO[str], fmt: Format, tokens: bool, *, many: bool) -> None:
        self.out, self.fmt, self.tokens, self.many = out, fmt, tokens, many
        self.count = 0

    def write(self, analysis: object) -> None:
        from khabar.model import Analysis

        assert isinstance(analysis, Analysis)
        if self.fmt is Format.text:
            if self.count:
                self.out.write("\n" + "═" * 60 + "\n\n")
            self.out.write(render_text(analysis))
        elif self.fmt is Format.jsonl:
            self.out.write(json.dumps(analysis.to_dict(tokens=self.tokens), ensure_ascii=False) + "\n")
        else:
            body = json.dumps(analysis.to_dict(tokens=self.tokens), ensure_ascii=False, indent=2)
            if self.many:
                self.out.write(("[\n" if self.count == 0 else ",\n") + body)
            else:
                self.out.write(body + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt is Format.json and self.many:
            self.out.write("\n]\n" if self.count else "[]\n")


class _progress:
    """A rich progress bar on stderr when there is more than one input, else nothing."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.enabled = total > 1 and sys.stderr.isatty()

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.progress import Progress

        bar = self._bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("analysing", total=self.total)
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._bar.stop()


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)
