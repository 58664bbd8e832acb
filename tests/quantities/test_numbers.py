"""Digits with thousands separators and decimal points or commas."""

from __future__ import annotations

import pytest

from khabar.quantities.numbers import parse_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13", 13),
        ("1,500", 1500),
        ("1,500,000", 1_500_000),
        ("2.5", 2.5),
        ("2,5", 2.5),
        ("12,75", 12.75),
        ("0.3", 0.3),
    ],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value
