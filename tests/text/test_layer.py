"""The text stage fills tokens and sentences for Article.text."""

from __future__ import annotations

from pathlib import Path

from khabar.model import Analysis, Article
from khabar.options import Options
from khabar.text.clitics import segment
from khabar.text.layer import annotate


def _analysis(text: str) -> Analysis:
    title, _, body = text.partition("\n\n")
    article = Article(id="t", title=title, paragraphs=tuple(body.split("\n\n")), text=text)
    return Analysis(article=article)


def test_annotate_fills_both_layers() -> None:
    text = "مسؤول أذري يزور تل أبيب\n\nوصل المستشار إلى المدينة. وقال إن بلاده تستورد بنادقMeprolight M21."
    out = annotate(_analysis(text), Options())
    assert out.tokens is not None and out.sentences is not None
    assert [t.text for t in out.tokens][-5:] == ["تستورد", "بنادق", "Meprolight", "M21", "."]
    assert [text[s.start : s.end] for s in out.sentences] == [
        "مسؤول أذري يزور تل أبيب",
        "وصل المستشار إلى المدينة.",
        "وقال إن بلاده تستورد بنادقMeprolight M21.",
    ]
    for t in out.tokens:
        assert text[t.start : t.end] == t.text


def test_seed_article_tokens(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    out = annotate(_analysis(text), Options())
    assert out.tokens is not None
    texts = [t.text for t in out.tokens]
    i = texts.index("Meprolight")
    # "وبنادقMeprolight M21": glued in the text, separate tokens; the tokenizer
    # keeps clitics, the clitic layer finds the stem "بنادق".
    assert texts[i - 1 : i + 2] == ["وبنادق", "Meprolight", "M21"]
    assert out.tokens[i - 1].end == out.tokens[i].start
    assert segment(texts[i - 1]).stem == "بنادق"
    assert "موجهاً" in texts
