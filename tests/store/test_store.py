"""The store's write path and round trip, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.errors import IngestError, StoreError
from khabar.model import Analysis
from khabar.store.base import Store, open_store
from khabar.store.dedup import NUM_PERM, Params
from khabar.store.schema import LATEST

from .corpus import build


def test_add_then_get_round_trips_every_layer(store: Store, corpus: list[Analysis]) -> None:
    report = store.add(corpus)
    assert (report.added, report.updated, report.unchanged, report.failed) == (5, 0, 0, 0)
    assert store.count() == 5
    for analysis in corpus:
        assert store.get(analysis.article.id) == analysis
    assert store.get("no-such-id") is None
    assert store.check() == []


def test_layers_never_run_stay_none(store: Store, corpus: list[Analysis]) -> None:
    bare = dataclasses.replace(corpus[2], entities=None, mentions=None, quotes=None)
    store.add([bare])
    got = store.get("c-oil")
    assert got is not None
    assert got.entities is None and got.quotes is None and got.mentions is None
    assert got.times == corpus[2].times
    assert got.quantities == corpus[2].quantities


def test_reingest_changes_nothing(filled: Store, corpus: list[Analysis]) -> None:
    before = [filled.get(a.article.id) for a in corpus]
    report = filled.add(corpus)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 5)
    assert filled.count() == 5
    assert [filled.get(a.article.id) for a in corpus] == before
    assert filled.check() == []


def test_updated_url_replaces_old_version(filled: Store, corpus: list[Analysis]) -> None:
    old = corpus[2]
    title = "أسعار النفط تواصل التراجع للأسبوع الثالث"
    new_article = dataclasses.replace(
        old.article, id="c-oil-v2", title=title, text=old.article.text.replace(old.article.title, title, 1)
    )
    new = Analysis(article=new_article, entities=(), mentions=(), quotes=(), times=(), quantities=())
    report = filled.add([new])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    assert filled.count() == 5
    assert filled.get("c-oil") is None
    got = filled.get("c-oil-v2")
    assert got is not None and got.article.title == title and got.quotes == ()
    assert [h.article_id for h in filled.search("أوبك")] == ["c-oil-v2"]
    assert filled.quotes("محللون") == []
    assert filled.check() == []


def test_two_versions_of_one_url_in_one_batch_keep_the_later(store: Store, corpus: list[Analysis]) -> None:
    first = corpus[2]
    second = dataclasses.replace(
        first, article=dataclasses.replace(first.article, id="c-oil-v2", text=first.article.text + " تحديث")
    )
    report = store.add([first, second])
    assert (report.added, report.updated) == (1, 1)
    assert store.count() == 1
    assert store.get("c-oil-v2") is not None


def test_same_content_twice_in_one_batch_is_stored_once(store: Store, corpus: list[Analysis]) -> None:
    report = store.add([corpus[0], corpus[0]])
    assert (report.added, report.unchanged) == (1, 1)
    assert store.count() == 1


def test_ingest_errors_are_counted_not_raised(store: Store, corpus: list[Analysis]) -> None:
    report = store.add([IngestError("feed.jsonl", "invalid JSON", line=3), corpus[0]])
    assert (report.added, report.failed) == (1, 1)
    assert report.errors == ["feed.jsonl: line 3: invalid JSON"]


def test_batches_commit_separately(store: Store, corpus: list[Analysis]) -> None:
    """A failing batch rolls back alone: the batches before it stay stored."""

    def items():  # type: ignore[no-untyped-def]
        yield from corpus[:2]
        raise RuntimeError("reader crashed")

    with pytest.raises(RuntimeError):
        store.add(items(), batch_size=1)
    assert store.count() == 2
    assert store.check() == []


def test_delete_removes_everything(filled: Store) -> None:
    assert filled.delete(["b-merkel", "nope"]) == 1
    assert filled.count() == 4
    assert filled.get("b-merkel") is None
    assert "b-merkel" not in [h.article_id for h in filled.search("ميركل")]
    assert filled.dups() == []  # its twin is alone now: no cluster left
    assert filled.check() == []


def test_iter_analyses_in_insertion_order(filled: Store, corpus: list[Analysis]) -> None:
    assert [a.article.id for a in filled.iter_analyses(chunk=2)] == [a.article.id for a in corpus]


def test_reopen_keeps_data_and_schema_version(store_url: str, corpus: list[Analysis]) -> None:
    with open_store(store_url) as s:
        s.add(corpus)
        assert s.schema_version() == LATEST
    with open_store(store_url) as s:
        assert s.count() == 5
        assert s.schema_version() == LATEST


def test_migrations_apply_stepwise(store_url: str, corpus: list[Analysis]) -> None:
    """A database at version 1 is upgraded in place when opened."""
    with open_store(store_url) as s:
        pass
    # Simulate an old database: undo what migrations 2 and 3 made, and their version rows.
    with open_store(store_url) as s, s._transaction():
        for table in ("signatures", "lsh_keys", "duplicates", "settings"):
            s._exec(f"DROP TABLE {table}")
        s._exec("ALTER TABLE quantities DROP COLUMN approx")
        s._exec("DELETE FROM schema_version WHERE version >= 2")
    with open_store(store_url) as s:
        assert s.schema_version() == LATEST == 3
        s.add(corpus)
        assert [len(c.members) for c in s.dups()] == [2]


def test_vague_quantities_keep_their_approx_flag(store: Store) -> None:
    """Schema 3: "آلاف" is stored as approximate, "ثلاثة آلاف" as exact."""
    analysis = build(
        "q1", "نزوح من القرى", ["نزح آلاف السكان، وعاد ثلاثة آلاف منهم."], outlet="sabq",
        published="2015-07-03", quantities=[("آلاف", 1000, None), ("ثلاثة آلاف", 3000, None)],
    )
    quantities = analysis.quantities or ()
    analysis = dataclasses.replace(
        analysis, quantities=(dataclasses.replace(quantities[0], approx=True), quantities[1])
    )
    store.add([analysis])
    got = store.get("q1")
    assert got is not None
    assert [(q.text, q.approx) for q in got.quantities or ()] == [("آلاف", True), ("ثلاثة آلاف", False)]


def test_newer_schema_is_refused(store_url: str) -> None:
    with open_store(store_url) as s, s._transaction():
        s._exec(
            "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)",
            (LATEST + 1, "from the future", "2099-01-01"),
        )
    with pytest.raises(StoreError, match="newer than this khabar"):
        open_store(store_url)


def test_size_is_reported(filled: Store) -> None:
    assert filled.size_bytes() > 0


def test_articles_without_url_are_known_by_hash(store: Store) -> None:
    a = build("x1", "خبر بلا رابط", ["نص قصير جدا عن الطقس في جدة."], outlet="sabq", published=None)
    b = build("x2", "خبر آخر بلا رابط", ["نص قصير آخر عن الطقس في مكة."], outlet="sabq", published=None)
    assert store.add([a, b]).added == 2
    assert store.add([a, b]).unchanged == 2
    assert store.count() == 2


def test_dedup_parameters_are_fixed_at_creation(store_url: str) -> None:
    with open_store(store_url, dedup=Params(threshold=0.9)) as s:
        assert s.params.threshold == 0.9
    with open_store(store_url) as s:
        assert s.params.threshold == 0.9
        assert s.params.num_perm == NUM_PERM


def test_replacing_a_clustered_article_removes_its_band_keys(filled: Store, corpus: list[Analysis]) -> None:
    keys_before = filled._exec("SELECT COUNT(*) FROM lsh_keys")[0][0]
    merkel = corpus[1]
    newer = dataclasses.replace(
        merkel, article=dataclasses.replace(merkel.article, id="b2", text=merkel.article.text + " (محدث)")
    )
    assert filled.add([newer]).updated == 1
    assert filled._exec("SELECT COUNT(*) FROM lsh_keys")[0][0] <= keys_before
    assert filled.check() == []
    assert [[m.article_id for m in c.members] for c in filled.dups()] == [["d-merkel-wire", "b2"]]


def test_deleting_a_center_recenters_its_cluster(filled: Store, corpus: list[Analysis]) -> None:
    merkel = corpus[1]
    third = dataclasses.replace(
        merkel,
        article=dataclasses.replace(
            merkel.article, id="b3", url="https://x.example/3", text=merkel.article.text + " (نقلا عن وكالات)"
        ),
    )
    filled.add([third])
    assert [[m.article_id for m in c.members] for c in filled.dups()] == [["b-merkel", "d-merkel-wire", "b3"]]
    assert filled.dups()[0].members[0].similarity == 1.0  # the center
    filled.delete(["b-merkel"])
    (cluster,) = filled.dups()
    assert [m.article_id for m in cluster.members] == ["d-merkel-wire", "b3"]
    assert cluster.members[0].similarity == 1.0
    # The new center can be found again: a fourth copy joins it.
    fourth = dataclasses.replace(
        third, article=dataclasses.replace(third.article, id="b4", url=None, text=third.article.text + ".")
    )
    filled.add([fourth])
    assert [m.article_id for m in filled.dups()[0].members] == ["d-merkel-wire", "b3", "b4"]
    assert filled.check() == []
