"""The times stage on whole articles, and the seed article's eight time expressions."""

from __future__ import annotations

from pathlib import Path

from khabar.model import Analysis, Article
from khabar.options import Options
from khabar.pipeline import analyze, process
from khabar.text.normalize import normalize
from khabar.time.annotate import annotate

TEXT = "وزير الخارجية يزور القاهرة\n\nوصل وزير الخارجية إلى القاهرة مساء أمس الاثنين، في زيارة تستمر يومين."


def _article(published: str | None) -> Article:
    title, _, body = TEXT.partition("\n\n")
    return Article(id="t1", title=title, paragraphs=(body,), text=TEXT, published=published)


def test_stage_resolves_against_the_publication_date() -> None:
    out = annotate(Analysis(article=_article("2020-10-06")), Options())
    assert out.times is not None
    assert [(t.start, t.end, t.text, t.type, t.value) for t in out.times] == [
        (58, 74, "مساء أمس الاثنين", "DATE", "2020-10-05"),
        (91, 96, "يومين", "DURATION", "P2D"),
    ]
    for t in out.times:
        assert TEXT[t.start : t.end] == t.text


def test_stage_without_a_publication_date_never_guesses() -> None:
    out = annotate(Analysis(article=_article(None)), Options())
    assert out.times is not None
    assert [t.value for t in out.times] == [None, "P2D"]


def test_options_published_overrides_the_article() -> None:
    from datetime import date

    out = process(_article("2020-10-06"), Options(published=date(2021, 1, 5), stages=("times",)))
    assert out.times is not None
    assert out.times[0].value == "2021-01-04"


def test_seed_time_expressions(seed_path: Path, seed_expected: dict) -> None:
    analysis = analyze(seed_path, options=Options(stages=("times",)))
    assert analysis.times is not None
    expected = {e["text"]: e["value"] for e in seed_expected["time_expressions"]}
    publication = next(e for e in seed_expected["time_expressions"] if e.get("role") == "publication date")
    # The date line becomes Article.published (parsed by khabar.time.publication).
    assert analysis.article.published == publication["value"]
    found = {normalize(t.text): t.value for t in analysis.times}
    for text, value in expected.items():
        if text == publication["text"]:
            continue
        matches = [v for t_text, v in found.items() if normalize(text) in t_text]
        assert matches == [value], (text, found)
