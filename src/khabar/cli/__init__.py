"""The ``khabar`` command line: thin commands that parse, call the Python API, format."""

from __future__ import annotations

import typer

from khabar.cli import analyze

app = typer.Typer(
    name="khabar",
    help="Structured knowledge from Arabic news: who said what, about whom, where and when.",
    no_args_is_help=True,
    add_completion=False,
)

analyze.register(app)


def main() -> None:
    app()
