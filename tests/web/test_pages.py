"""Server-rendered pages: RTL, escaping of untrusted article text, charts present."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from khabar.api.app import create_app
from khabar.api.settings import ApiSettings, hash_key
from khabar.web.charts import Bar, Node, network_svg, timeline_svg
from khabar.web.highlight import Mark, highlight

KEY = "k"
EVIL = (
    'مقال فيه <script>alert("x")</script> خبيث\n\n'
    'قال المتحدث باسم الوزارة <img src=x onerror="alert(1)"> إن "الوضع <b>هادئ</b>" في عمّان.'
)


def _client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(ApiSettings(db_url=f"sqlite:///{tmp_path / 'w.db'}", write_key_hashes=(hash_key(KEY),))))


def test_highlight_escapes_and_handles_crossing_spans() -> None:
    text = "قال <b>الوزير</b> أمس"
    html = highlight(text, [Mark(4, 16, "ent ent-PERSON", "PERSON", "E1"), Mark(10, 20, "time", "DATE")])
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count('data-entity="E1"') == 2  # split at the crossing point, both parts linked
    assert 'class="ent ent-PERSON time"' in html


def test_charts_render_elements() -> None:
    svg = timeline_svg([Bar("2020-09", 3, 1), Bar("2020-10", 5, 2)])
    assert svg.count("<rect") == 4
    net = network_svg(Node("c", "ريفلين", "PERSON", 3), [Node("a", "أرمينيا", "LOC", 2, "/entities/x")], [("c", "a", 2)])
    assert net.count("<circle") == 2 and "<line" in net


def test_pages_are_rtl_and_escape_article_text(tmp_path: Path) -> None:
    with _client(tmp_path) as c:
        r = c.post("/v1/articles", json={"text": EVIL, "published": "2022-01-05"}, headers={"X-API-Key": KEY})
        assert r.status_code == 201, r.text
        art_id = r.json()["id"]
        page = c.get(f"/articles/{art_id}")
        assert page.status_code == 200
        assert '<html lang="ar" dir="rtl">' in page.text
        assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
        assert "<img src=x" not in page.text and 'onerror="alert' not in page.text
        search = c.get("/", params={"q": "خبيث"})
        assert search.status_code == 200 and "<script>alert" not in search.text
        pasted = c.post("/analyze", data={"text": EVIL, "published": "2022-01-05"})
        assert pasted.status_code == 200 and "<script>alert" not in pasted.text


def test_entity_page_has_chart_and_graph(tmp_path: Path) -> None:
    text = (
        "الصفدي يلتقي نظيره المصري في عمّان\n\n"
        "التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمّان أمس.\n\n"
        "وقال الصفدي إن البلدين يعملان معاً."
    )
    with _client(tmp_path) as c:
        c.post("/v1/articles", json={"text": text, "published": "2022-01-05"}, headers={"X-API-Key": KEY})
        ents = c.get("/v1/top", params={"type": "PERSON"}).json()["items"]
        assert ents, "no person stored"
        name = ents[0]["canonical"]
        page = c.get("/entities/" + quote(name, safe=""))
        assert page.status_code == 200
        assert 'class="chart timeline"' in page.text and "<rect" in page.text
        assert 'class="chart network"' in page.text and "<circle" in page.text
