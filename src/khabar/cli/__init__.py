"""The ``khabar`` command line: thin commands that parse, call the Python API, format."""

from __future__ import annotations

import typer

from khabar.cli import analyze, batch, corpus, serve

app = typer.Typer(
    name="khabar",
    help="Structured knowledge from Arabic news: who said what, about whom, where and when.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from khabar import __version__

        typer.echo(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Structured knowledge from Arabic news: who said what, about whom, where and when."""

analyze.register(app)
serve.register(app)
corpus.register(app)
batch.register(app)


def main() -> None:
    from khabar.pipeline import tune_for_long_runs

    tune_for_long_runs()
    app()
