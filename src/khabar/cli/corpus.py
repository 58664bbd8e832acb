"""Corpus commands: ``khabar ingest``, ``search``, ``quotes``, ``entity``, ``top``, ``dups``, ``export``.

Each parses its arguments, calls the store's Python API
(:func:`khabar.store.base.open_store` and the :class:`~khabar.store.base.Store`
methods) and formats the answer with rich, or as JSON with ``--json``. The
database comes from ``--db``, else ``$KHABAR_DB``, else ``sqlite:///khabar.db``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from khabar.errors import KhabarError

if TYPE_CHECKING:
    from rich.console import Console

    from khabar.store.base import Store
    from khabar.store.results import QuoteHit, Snippet

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///FILE or postgresql://...); default $KHABAR_DB or sqlite:///khabar.db.",
    ),
]
From = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD), inclusive.")]
To = Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD), inclusive.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a formatted listing.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results.")]


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """Open the store; any khabar error becomes one line on stderr and exit status 1."""
    from khabar.store.base import open_store

    try:
        with open_store(db) as store:
            yield store
    except KhabarError as err:
        _fail(str(err))


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _marked(snippet: Snippet) -> Any:
    from rich.text import Text

    text = Text(snippet.text)
    for start, end in snippet.marks:
        text.stylize("bold yellow", start, end)
    return text


def _quote_lines(console: Console, quotes: tuple[QuoteHit, ...] | list[QuoteHit]) -> None:
    for q in quotes:
        console.print(f"[dim]{q.published or 'undated'} · {q.outlet or '-'} · {q.article_id}[/dim]")
        who = f"[bold]{q.speaker}[/bold]" if q.speaker else "[dim](unattributed)[/dim]"
        console.print(f"  {who} ({q.kind}{', ' + q.cue if q.cue else ''}): «{q.content}»")


def register(app: typer.Typer) -> None:
    @app.command(epilog="Example: khabar ingest --stages text,times news/*.jsonl")
    def ingest(
        paths: Annotated[
            list[str], typer.Argument(help="Files, directories or globs; '-' reads standard input.")
        ],
        db: Db = None,
        stages: Annotated[
            str | None,
            typer.Option(
                help="Comma-separated stages to run (default: all), e.g. text,times; 'none' stores the clean articles only."
            ),
        ] = None,
        batch_size: Annotated[
            int, typer.Option("--batch-size", min=1, help="Articles per write transaction.")
        ] = 500,
    ) -> None:
        """Analyse articles and store them; already stored articles are skipped.

        An article is known by its content hash: ingesting it again changes
        nothing, and a new version of a stored URL replaces the old one. Each batch
        is one transaction, so an interrupted ingest can simply be run again.
        """
        from khabar.options import Options
        from khabar.pipeline import analyze_many
        from khabar.store.results import IngestReport

        chosen: tuple[str, ...] | None = None
        if stages is not None:
            chosen = (
                () if stages.strip() == "none" else tuple(s.strip() for s in stages.split(",") if s.strip())
            )
        report = IngestReport()
        with _store(db) as store:
            try:
                items = analyze_many(paths, Options(stages=chosen))
                with _ingest_progress(report):
                    store.add(items, batch_size=batch_size, report=report)
            except KhabarError as err:
                _fail(str(err))
            total = store.count()
        for message in report.errors:
            typer.echo(f"error: {message}", err=True)
        typer.echo(
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.failed} failed; {total} articles in {store.url}",
            err=True,
        )
        if report.failed:
            raise typer.Exit(1)

    @app.command(
        epilog="Examples: khabar search المستشار   khabar search '\"وزير الخارجية\" إيران' --from 2015-07-01"
    )
    def search(
        query: Annotated[str, typer.Argument(help='Words (all must match); "quoted words" form a phrase.')],
        db: Db = None,
        date_from: From = None,
        date_to: To = None,
        entity: Annotated[str | None, typer.Option(help="Only articles mentioning this entity.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
        limit: Limit = 10,
        as_json: Json = False,
    ) -> None:
        """Ranked full-text search; clitics, suffixes, hamza forms and tashkeel are ignored."""
        with _store(db) as store:
            hits = store.search(
                query, date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, limit=limit
            )
        if as_json:
            _print_json([h.to_dict() for h in hits])
            return
        console = _console()
        if not hits:
            console.print("no match")
        for i, h in enumerate(hits, 1):
            console.print(f"[bold]{i}. {h.title}[/bold]")
            console.print(
                f"   [dim]{h.outlet or '-'} · {h.published or 'undated'} · {h.article_id} · {h.score:.3f}[/dim]"
            )
            console.print("   ", _marked(h.snippet))

    @app.command(epilog="Example: khabar quotes --speaker لافروف --about إيران --from 2015-07-01")
    def quotes(
        speaker: Annotated[str | None, typer.Option(help="Who said it (any part of the name).")] = None,
        about: Annotated[str | None, typer.Option(help="An entity named inside the quote.")] = None,
        db: Db = None,
        date_from: From = None,
        date_to: To = None,
        limit: Limit = 50,
        as_json: Json = False,
    ) -> None:
        """Who said what, about whom, when."""
        if not speaker and not about:
            _fail("give --speaker NAME, --about NAME or both")
        with _store(db) as store:
            found = store.quotes(speaker, about=about, date_from=date_from, date_to=date_to, limit=limit)
        if as_json:
            _print_json([q.to_dict() for q in found])
            return
        console = _console()
        if not found:
            console.print("no quote found")
        _quote_lines(console, found)

    @app.command(epilog="Example: khabar entity 'عادل الجبير'")
    def entity(
        name: Annotated[str, typer.Argument(help="An entity name (a part of it matches whole words).")],
        db: Db = None,
        date_from: From = None,
        date_to: To = None,
        limit: Limit = 10,
        as_json: Json = False,
    ) -> None:
        """An entity's profile: mentions over time, roles seen, co-occurring entities, quotes by and about it."""
        with _store(db) as store:
            report = store.entity(name, date_from=date_from, date_to=date_to, limit=limit)
        if report is None:
            _fail(f"no stored entity matches {name!r}")
        if as_json:
            _print_json(report.to_dict())
            return
        console = _console()
        for n in report.names:
            console.print(
                f"[bold]{n.canonical}[/bold] ({n.type}): {n.articles} articles, {n.mentions} mentions"
            )
        console.print("\n[bold]Mentions over time[/bold]")
        peak = max((a for _, a, _ in report.timeline), default=1)
        for day, arts, ments in report.timeline:
            bar = "█" * max(1, round(30 * arts / peak))
            console.print(f"  {day or 'undated':10}  {bar} {arts} articles, {ments} mentions")
        if report.roles:
            console.print("\n[bold]Roles[/bold]: " + "، ".join(f"{r} ({n})" for r, n in report.roles))
        if report.cooccurring:
            console.print("\n[bold]Mentioned with[/bold]")
            for c in report.cooccurring:
                console.print(f"  {c.canonical} ({c.type}): {c.articles} articles")
        if report.quotes_by:
            console.print("\n[bold]Quotes by[/bold]")
            _quote_lines(console, report.quotes_by)
        if report.quotes_about:
            console.print("\n[bold]Quotes about[/bold]")
            _quote_lines(console, report.quotes_about)

    @app.command(epilog="Example: khabar top --type PERSON --from 2015-07-20 --to 2015-07-31")
    def top(
        type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, LOC or MISC.")] = None,
        db: Db = None,
        date_from: From = None,
        date_to: To = None,
        limit: Limit = 20,
        as_json: Json = False,
    ) -> None:
        """The entities mentioned in the most articles in a period."""
        with _store(db) as store:
            rows = store.top(type=type, date_from=date_from, date_to=date_to, limit=limit)
        if as_json:
            _print_json([r.to_dict() for r in rows])
            return
        from rich.table import Table

        table = Table("#", "entity", "type", "articles", "mentions")
        for i, r in enumerate(rows, 1):
            table.add_row(str(i), r.canonical, r.type, str(r.articles), str(r.mentions))
        _console().print(table)

    @app.command()
    def dups(
        db: Db = None,
        min_size: Annotated[int, typer.Option("--min-size", min=2, help="Smallest cluster listed.")] = 2,
        limit: Limit = 20,
        as_json: Json = False,
    ) -> None:
        """Near-duplicate clusters: the same story as published by several outlets, largest first."""
        with _store(db) as store:
            clusters = store.dups(min_size=min_size, limit=limit)
        if as_json:
            _print_json([c.to_dict() for c in clusters])
            return
        console = _console()
        if not clusters:
            console.print("no near-duplicates stored")
        for c in clusters:
            console.print(f"[bold]cluster {c.cluster}[/bold] ({len(c.members)} articles)")
            for m in c.members:
                console.print(
                    f"  {m.similarity:.2f}  {m.outlet or '-':12} {m.published or 'undated':10}  {m.title}  [dim]{m.article_id}[/dim]"
                )

    @app.command(
        epilog="Examples: khabar export --format jsonl -o corpus.jsonl   khabar export --format parquet -o tables/"
    )
    def export(
        format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
        output: Annotated[
            str,
            typer.Option(
                "--output",
                "-o",
                help="A file for jsonl ('-' is standard output); a directory for csv/parquet.",
            ),
        ] = "-",
        db: Db = None,
        date_from: From = None,
        date_to: To = None,
        outlet: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    ) -> None:
        """Export the corpus for research: analyses as JSON lines, or one CSV/Parquet table per layer."""
        if format != "jsonl" and output == "-":
            _fail(f"--format {format} writes one file per table: give a directory with --output")
        out: Path | Any = sys.stdout if output == "-" else Path(output)
        with _store(db) as store:
            try:
                counts = store.export(format, out, date_from=date_from, date_to=date_to, outlet=outlet)
            except (KhabarError, OSError) as err:
                _fail(str(err))
        typer.echo(", ".join(f"{n} {t}" for t, n in counts.items()) + f" exported to {output}", err=True)


@contextmanager
def _ingest_progress(report: Any) -> Iterator[None]:
    """A live count on stderr while ingesting (only on a terminal)."""
    if not sys.stderr.isatty():
        yield
        return
    import threading

    from rich.console import Console
    from rich.live import Live

    stop = threading.Event()
    with Live(console=Console(stderr=True), transient=True, refresh_per_second=4) as live:

        def refresh() -> None:
            while not stop.wait(0.25):
                live.update(
                    f"stored: {report.added} added, {report.updated} updated, "
                    f"{report.unchanged} unchanged, {report.failed} failed"
                )

        thread = threading.Thread(target=refresh, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
