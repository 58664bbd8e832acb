"""Numbers written in digits: "13", "1,500", "2.5", "2,5", "٣٠٠" (already folded to ASCII).

Arabic news writes thousands with a comma ("1,500") and decimals with a dot
("2.5"), but Maghreb and French-influenced sources write decimals with a comma
("2,5 مليار"). A comma followed by exactly three digits is read as a thousands
separator, any other comma as a decimal point.
"""

from __future__ import annotations

import regex

# Digits not preceded by a decimal, a date or a ratio; a letter just before them
# is a proclitic ("بـ200" folds to "ب200"), and Latin names ("M21") are refused later.
DIGITS = r"(?<![\d.,/:\-_])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?!\d|[.,]\d)"
_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_digits(text: str) -> float:
    """``parse_digits("1,500") == 1500``; ``parse_digits("2,5") == 2.5``; ``parse_digits("13") == 13``."""
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))
