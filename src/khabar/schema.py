"""The JSON Schema of :meth:`khabar.model.Analysis.to_dict`, shipped as package data.

Kept as a JSON file rather than generated from the dataclasses so that the
contract is reviewed as a document: a change to it is a visible diff, and
``schema_version`` in the model must move with it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _schema_text() -> str:
    return files("khabar").joinpath("data/schema.json").read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """A fresh copy of the schema (callers may mutate it)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
