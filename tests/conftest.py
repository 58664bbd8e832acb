"""Shared fixtures.

``../shared`` (the seed article and the data sets) lives beside the clone and is
never committed. Tests that need it take the ``shared_dir`` fixture: they skip
with a reason when it is absent, except under ``CI=true``, where its absence is
a failure (CI always has it, so a skip there would hide a regression).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khabar.devdata import shared_dir as shared_path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if not (path / "seed").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing; under CI=true the shared data must be present")
        pytest.skip(f"shared data not found at {path} (set KHABAR_SHARED to its location)")
    return path


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "alaraby-2020-10-06-azerbaijan-israel.txt"


@pytest.fixture(scope="session")
def seed_expected(shared_dir: Path) -> dict:
    import json

    return json.loads((shared_dir / "seed" / "expected.json").read_text(encoding="utf-8"))
