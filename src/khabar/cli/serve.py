"""``khabar serve``: the REST API and web UI on one port."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        db: Annotated[
            str | None, typer.Option("--db", help="Store URL (default: $KHABAR_DB, then sqlite:///khabar.db).")
        ] = None,
        workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    ) -> None:
        """Serve the REST API (/v1, docs at /docs) and the Arabic web interface.

        Write keys come from KHABAR_WRITE_KEYS (comma-separated; kept only as hashes),
        read keys from KHABAR_READ_KEYS (reading is open when none are set), the body
        limit from KHABAR_MAX_BODY (bytes, default 5 MB), CORS origins from
        KHABAR_CORS_ORIGINS (off by default).
        """
        import os

        import uvicorn

        from khabar.store.base import resolve_url

        os.environ["KHABAR_DB"] = resolve_url(db)
        typer.echo(f"khabar: serving {os.environ['KHABAR_DB']} on http://{host}:{port}", err=True)
        uvicorn.run("khabar.api.app:create_app", factory=True, host=host, port=port, workers=workers)
