"""PostgreSQL-only code: the tsvector literal built for COPY equals the server's own to_tsvector."""

from __future__ import annotations

import pytest

from khabar.store.postgres import tsvector
from khabar.store.search import index_keys

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "قال والمستشار الأذري",
            "وقال للمستشار إن بلاده اشترت أسلحة إسرائيلية بقيمة 5 مليارات دولار عام 2016",
        ),
        ("Meprolight بنادق", "بنادق بنادق بنادق O'Brien"),
        ("", "نص بلا عنوان"),
    ],
)
def test_literal_equals_to_tsvector(pg_url: str, title: str, body: str) -> None:
    import psycopg

    t, b = " ".join(index_keys(title)), " ".join(index_keys(body))
    with psycopg.connect(pg_url, autocommit=True) as conn:
        server, ours = conn.execute(
            "SELECT setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'), %s::tsvector",
            (t, b, tsvector(t, b)),
        ).fetchone()  # type: ignore[misc]
    assert ours == server


def test_literal_caps_positions() -> None:
    literal = tsvector("", " ".join(["كلمة"] * 300))
    assert literal.startswith("'كلمة':1B,2B,")
    assert literal.count("B") == 256
    assert tsvector("it's", "") == "'it''s':1A"
