"""Fixtures for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def examples() -> Path:
    """The committed example articles (written for khabar, see examples/)."""
    return EXAMPLES
