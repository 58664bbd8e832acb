"""Every command has help text and is documented in the README (after sqlite-utils' test_docs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.core
import typer.main

from khabar.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, typer.core.TyperCommand]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_command_has_help(name: str) -> None:
    command = _commands()[name]
    assert command.help and len(command.help.strip()) > 20, f"khabar {name} has no help text"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_command_is_in_readme(name: str) -> None:
    assert f"khabar {name}" in README, f"README.md does not document `khabar {name}`"
