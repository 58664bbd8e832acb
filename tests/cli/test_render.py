"""The text rendering of an analysis: estimates are marked with ≈."""

from __future__ import annotations

from khabar.cli.render import render_text
from khabar.model import Analysis, Article, Quantity


def test_estimated_quantities_are_marked() -> None:
    title, body = "كلفة الإعمار", "بلغت الكلفة نحو 450 مليون دولار، وتضرر 35% من المنازل."
    text = f"{title}\n\n{body}"
    money, share = text.index("450 مليون دولار"), text.index("35%")
    analysis = Analysis(
        article=Article(id="a1", title=title, paragraphs=(body,), text=text),
        quantities=(
            Quantity(money, money + 15, "450 مليون دولار", 450_000_000, "USD", None, approx=True),
            Quantity(share, share + 3, "35%", 35, "percent", "المنازل"),
        ),
    )
    out = render_text(analysis)
    assert "- 450 مليون دولار → ≈450000000 USD" in out
    assert "- 35% → 35 percent (المنازل)" in out
