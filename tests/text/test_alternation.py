"""Trie alternations match exactly what a longest-first flat alternation matches."""

from __future__ import annotations

import pytest
import regex

from khabar.text.alternation import trie_alternation

UNITS = ["يوم", "يومين", "ايام", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر", "شهور", "عام", "عامين"]
NUMBERS = ["ثلاث", "ثلاثه", "ثلاثين", "ثلاثمايه", "ثلث", "ثلثي", "مليون", "مليار", "الف", "الفا", "الاف"]
PHRASES = ["تشرين الاول", "تشرين الثاني", "تشرين", "كانون الثاني", "ايار", "ا.ب"]


def _flat(forms: list[str], flexible_spaces: bool) -> str:
    """The longest-first alternation the trie replaces."""
    ordered = sorted(set(forms), key=len, reverse=True)
    if flexible_spaces:
        return "|".join(r"\s+".join(regex.escape(p) for p in f.split()) for f in ordered)
    return "|".join(regex.escape(f) for f in ordered)


def test_shares_prefixes_and_puts_the_end_last() -> None:
    assert trie_alternation(["ثلاث", "ثلاثه", "ثلاثين"]) == "ثلاث(?:ه|ين)?"
    assert trie_alternation(["a.b", "a", "x y", "x"], flexible_spaces=True) == r"(?:a(?:\.b)?|x(?:\s+y)?)"
    assert trie_alternation([]) == ""


@pytest.mark.parametrize(
    ("forms", "flexible", "text"),
    [
        (UNITS, False, "قبل ثلاثة ايام وبعد يومين، منذ اسبوعين وخلال اشهر او شهرين او عامين ونصف"),
        (NUMBERS, False, "ثلاثمائه وثلاثين الفا من الاف اللاجئين وثلثي المليار وثلاث مليون"),
        (PHRASES, True, "في تشرين   الاول وتشرين الثاني وفي تشرين وكانون الثاني و ا.ب وايار"),
    ],
)
def test_same_matches_as_the_flat_alternation(forms: list[str], flexible: bool, text: str) -> None:
    # Inside a larger pattern, so backtracking into the alternation is exercised too.
    template = r"(?<!\w)(?:[وفبل])?(?P<w>{})(?:\s+(?P<n>\w+))?(?!\w)"
    trie = regex.compile(template.format(trie_alternation(forms, flexible_spaces=flexible)))
    flat = regex.compile(template.format(_flat(forms, flexible)))
    found = [(m.span(), m.groupdict()) for m in trie.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in flat.finditer(text)]
    assert len(found) >= 3
