"""``khabar analyze`` and ``khabar schema``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def schema() -> None:
        """Print the JSON Schema of the analysis output."""
        raise NotImplementedError
