"""Currency names and symbols → ISO 4217 codes, from ``data/quantities/currencies.tsv``.

"دولار" → USD, "ريال قطري" → QAR, "$" → USD. A bare name several countries use
("ريال", "دينار", "جنيه") takes the code of a qualified mention of the same name
elsewhere in the article when there is one ("10 ملايين ريال قطري … 5 ملايين
ريال" → both QAR), else the default listed in the data file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.text.normalize import lexicon_key

SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


@cache
def currencies() -> dict[str, tuple[str, bool]]:
    """Matching form → (ISO code, is a bare name that other countries share)."""
    text = resources.files("khabar.data").joinpath("quantities/currencies.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, bool]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, code, bare = line.split("\t")
        out[lexicon_key(form)] = (code, bare == "1")
    return out


def head(form: str) -> str:
    """The currency word of a form ("ريال قطري" → "ريال", "ريالا قطريا" → "ريال")."""
    word = form.split()[0]
    return word[:-1] if word.endswith("ا") and word[:-1] in currencies() else word


def resolve(form: str, qualified: dict[str, str]) -> str:
    """ISO code of a matched currency form, using the article's qualified mentions for bare names."""
    code, bare = currencies()[form]
    if bare:
        return qualified.get(head(form), code)
    return code
