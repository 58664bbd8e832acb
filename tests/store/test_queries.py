"""Search, who-said-what, entity profiles, top entities and duplicate clusters, on both backends."""

from __future__ import annotations

import pytest

from khabar.errors import ConfigError
from khabar.store.base import Store

from .corpus import build


def _ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.article_id for h in hits]


def test_search_finds_clitic_forms(filled: Store) -> None:
    """ "المستشار" finds "والمستشار" (Merkel stories) and "للمستشار" (the Jubeir story)."""
    hits = filled.search("المستشار")
    assert set(_ids(hits)) == {"a-jubeir", "b-merkel", "d-merkel-wire"}
    jubeir = next(h for h in hits if h.article_id == "a-jubeir")
    marked = [jubeir.snippet.text[a:b] for a, b in jubeir.snippet.marks]
    assert marked == ["المستشار", "للمستشار"]
    merkel = next(h for h in hits if h.article_id == "b-merkel")
    assert [merkel.snippet.text[a:b] for a, b in merkel.snippet.marks] == ["المستشارة"]


def test_search_finds_waw_form_alone(store: Store) -> None:
    only_waw = build(
        "w1",
        "لقاء في الديوان",
        ["التقى الوزير والمستشار الاقتصادي وفدا من المستثمرين."],
        outlet="sabq",
        published=None,
    )
    store.add([only_waw])
    hit = store.search("المستشار")[0]
    assert hit.article_id == "w1"
    assert [hit.snippet.text[a:b] for a, b in hit.snippet.marks] == ["والمستشار"]


def test_search_ignores_hamza_tashkeel_and_suffixes(filled: Store) -> None:
    assert _ids(filled.search("اسعار النّفط")) == ["c-oil"]
    assert _ids(filled.search("الصادرات الايرانيه")) == ["c-oil"]
    assert _ids(filled.search("لاجئ")) != []


def test_articles_missing_one_word_fill_a_short_page(filled: Store) -> None:
    # No article holds all three words; the Merkel stories hold two of them.
    assert set(_ids(filled.search("ميركل برلين الرياض"))) == {"b-merkel", "d-merkel-wire"}
    # One article holds all three: it comes first, the two-word ones after it.
    hits = _ids(filled.search("الرياض اليمن الحوار"))
    assert hits[0] == "a-jubeir"
    assert filled.search("الرياض اليمن الحوار", limit=1)[0].article_id == "a-jubeir"
    # Two words are never loosened (one common word alone would match most articles).
    assert _ids(filled.search("أوبك الهلال")) == []


def test_search_ranks_title_matches_first(filled: Store) -> None:
    hits = filled.search("اليمن")
    assert _ids(hits) == ["a-jubeir"]
    assert hits[0].score > 0
    assert _ids(filled.search("ميركل اللاجئين"))[0] in ("b-merkel", "d-merkel-wire")


def test_phrase_query(filled: Store) -> None:
    assert _ids(filled.search('"وزير الخارجية"')) == ["a-jubeir"]
    assert _ids(filled.search('"الخارجية وزير"')) == []
    assert _ids(filled.search("«خام برنت»")) == ["c-oil"]


def test_search_filters(filled: Store) -> None:
    assert set(_ids(filled.search("الرياض"))) == {"a-jubeir", "e-football"}
    assert _ids(filled.search("الرياض", outlet="arreyadi")) == ["e-football"]
    assert _ids(filled.search("الرياض", date_from="2015-07-25")) == ["e-football"]
    assert _ids(filled.search("الرياض", date_to="2015-07-24")) == ["a-jubeir"]
    assert _ids(filled.search("الرياض", entity="الهلال")) == ["e-football"]
    assert _ids(filled.search("الرياض", entity="لا أحد")) == []
    assert len(filled.search("ميركل", limit=1)) == 1
    assert filled.search("، ؟") == []
    with pytest.raises(ConfigError, match="--from"):
        filled.search("الرياض", date_from="أمس")


def test_quotes_by_speaker(filled: Store) -> None:
    found = filled.quotes("الجبير")
    assert len(found) == 1
    q = found[0]
    assert (q.article_id, q.speaker, q.speaker_text, q.cue) == ("a-jubeir", "عادل الجبير", "الجبير", "وقال")
    assert q.content == "المملكة حريصة على الحل السياسي في اليمن"
    assert q.published == "2015-07-22"
    # Both Merkel stories, newest day first then latest stored.
    assert [x.article_id for x in filled.quotes("ميركل")] == ["d-merkel-wire", "b-merkel"]
    assert [x.speaker for x in filled.quotes("محللون")] == ["محللون"]


def test_quotes_about_and_period(filled: Store) -> None:
    assert [q.article_id for q in filled.quotes(about="اليمن")] == ["a-jubeir"]
    assert [q.article_id for q in filled.quotes("ميركل", about="ألمانيا")] == ["d-merkel-wire", "b-merkel"]
    assert filled.quotes("ميركل", about="اليمن") == []
    assert filled.quotes("ميركل", date_from="2015-07-24") == []
    assert filled.quotes("مجهول") == []


def test_entity_report(filled: Store) -> None:
    report = filled.entity("ميركل")
    assert report is not None
    assert [(n.canonical, n.type, n.articles, n.mentions) for n in report.names] == [
        ("أنغيلا ميركل", "PERSON", 2, 7)
    ]
    assert report.timeline == (("2015-07-23", 2, 7),)
    assert report.roles == (("المستشارة الألمانية", 2),)
    # Ties (same articles and mentions) in code-point order of the name.
    assert [(c.canonical, c.articles, c.mentions) for c in report.cooccurring] == [
        ("برلين", 2, 3),
        ("ألمانيا", 2, 2),
        ("فيرنر فايمان", 2, 2),
    ]
    assert len(report.quotes_by) == 2
    assert report.quotes_about == ()
    assert filled.entity("لا أحد") is None


def test_entity_quotes_about(filled: Store) -> None:
    report = filled.entity("اليمن")
    assert report is not None
    assert report.names[0].mentions == 3
    assert [q.speaker for q in report.quotes_about] == ["عادل الجبير"]


def test_top(filled: Store) -> None:
    people = filled.top(type="PERSON", limit=2)
    assert [(p.canonical, p.articles, p.mentions) for p in people] == [
        ("أنغيلا ميركل", 2, 7),
        ("فيرنر فايمان", 2, 2),
    ]
    places = filled.top(type="LOC", date_from="2015-07-22", date_to="2015-07-22")
    assert [(p.canonical, p.articles) for p in places] == [("اليمن", 1), ("الرياض", 1)]
    assert filled.top(date_from="2016-01-01") == []


def test_dups_cluster_the_wire_story(filled: Store) -> None:
    clusters = filled.dups()
    assert len(clusters) == 1
    members = clusters[0].members
    assert [m.article_id for m in members] == ["b-merkel", "d-merkel-wire"]
    assert all(0.5 <= m.similarity <= 1.0 for m in members)
    assert filled.dups(min_size=3) == []


def test_sqlite_ranks_only_the_most_recent_matches_of_a_very_common_query(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past RERANK matches, bm25 ranks the newest RERANK: the best-scoring old story drops out."""
    from khabar.store import sqlite
    from khabar.store.base import open_store

    stories = [build("old", "النفط النفط النفط", ["أسعار النفط ترتفع."], outlet="sabq", published="2015-07-01")]
    stories += [
        build(f"new{i}", f"تقرير اقتصادي رقم {i}", [f"تحدث التقرير {i} عن الزراعة ثم عن النفط مرة واحدة."],
              outlet="sabq", published="2015-07-02")
        for i in range(4)
    ]
    with open_store(f"sqlite:///{tmp_path}/rerank.db") as store:
        store.add(stories)
        assert _ids(store.search("النفط"))[0] == "old"
        monkeypatch.setattr(sqlite, "RERANK", 3)
        assert set(_ids(store.search("النفط"))) == {"new1", "new2", "new3"}
        # Up to the bound nothing changes: "أسعار" matches the old story alone.
        assert _ids(store.search("أسعار")) == ["old"]
