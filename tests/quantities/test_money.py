"""Currency names to ISO 4217 codes."""

from __future__ import annotations

import pytest

from khabar.quantities.money import resolve
from khabar.text.normalize import lexicon_key


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("دولار", "USD"),
        ("دولارات", "USD"),
        ("يورو", "EUR"),
        ("ريال", "SAR"),
        ("ريال قطري", "QAR"),
        ("ريالا عمانيا", None),
        ("جنيه", "EGP"),
        ("جنيه إسترليني", "GBP"),
        ("درهم", "AED"),
        ("درهم مغربي", "MAD"),
        ("دينار", "KWD"),
        ("دينار أردني", "JOD"),
        ("ليرة لبنانية", "LBP"),
        ("شيكل", "ILS"),
    ],
)
def test_codes(form: str, code: str | None) -> None:
    from khabar.quantities.money import currencies

    if code is None:
        assert lexicon_key(form) not in currencies()
    else:
        assert resolve(lexicon_key(form), {}) == code


def test_a_bare_name_follows_the_article_qualified_mention() -> None:
    assert resolve("ريال", {"ريال": "QAR"}) == "QAR"
    assert resolve("ريال سعودي", {"ريال": "QAR"}) == "SAR"
