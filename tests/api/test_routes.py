"""REST API behaviour, including every error path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from khabar.api.app import create_app
from khabar.api.settings import ApiSettings, hash_key
from khabar.schema import json_schema

WRITE_KEY = "test-write-key-5b1f"
READ_KEY = "test-read-key-93aa"

ARTICLE = (
    "وزير الخارجية الأردني: لا استقرار دون حل عادل\n\n"
    "قال وزير الخارجية الأردني أيمن الصفدي، صباح اليوم الثلاثاء، إن المنطقة لن تعرف الاستقرار دون حل عادل.\n\n"
    "وأضاف الصفدي أن بلاده ستواصل اتصالاتها مع الأطراف كافة خلال الأسبوع المقبل."
)


def make_client(tmp_path: Path, **overrides: object) -> TestClient:
    settings = ApiSettings(
        db_url=f"sqlite:///{tmp_path / 'api.db'}",
        write_key_hashes=(hash_key(WRITE_KEY),),
        **overrides,  # type: ignore[arg-type]
    )
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path) as c:
        yield c


def test_health(client: TestClient) -> None:
    r = client.get("/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["articles"] == 0


def test_analyze_plain_text_resolves_against_published(client: TestClient) -> None:
    r = client.post("/v1/analyze", json={"text": ARTICLE, "published": "2023-05-16"})
    assert r.status_code == 200, r.text
    body = r.json()
    jsonschema.validate(body, json_schema())
    assert body["article"]["title"].startswith("وزير الخارجية الأردني")
    values = {t["text"]: t["value"] for t in body["times"]}
    assert values.get("صباح اليوم الثلاثاء") == "2023-05-16"
    assert client.get("/v1/health").json()["articles"] == 0  # analyse does not store


def test_analyze_accepts_text_plain_and_html(client: TestClient) -> None:
    r = client.post("/v1/analyze", content=ARTICLE.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    html = (
        "<html><head><title>الصفدي يدعو إلى حل عادل</title></head><body><article><h1>الصفدي يدعو إلى حل عادل</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
        + "</article></body></html>"
    )
    r = client.post("/v1/analyze", content=html.encode(), headers={"content-type": "text/html"})
    assert r.status_code == 200, r.text
    assert "الصفدي" in r.json()["article"]["text"]


def test_invalid_inputs_are_422_with_json_body(client: TestClient) -> None:
    r = client.post("/v1/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    assert "not valid JSON" in str(r.json()["detail"])
    r = client.post("/v1/analyze", json={"text": ARTICLE, "html": "<p>x</p>"})
    assert r.status_code == 422 and "exactly one" in str(r.json()["detail"])
    r = client.post("/v1/analyze", json={"text": ARTICLE, "published": "أمس"})
    assert r.status_code == 422
    r = client.post("/v1/analyze", content=b"", headers={"content-type": "text/plain"})
    assert r.status_code == 422
    r = client.post("/v1/analyze", content=b"x", headers={"content-type": "image/png"})
    assert r.status_code == 415
    assert "Traceback" not in r.text


def test_body_limit_gives_413(tmp_path: Path) -> None:
    with make_client(tmp_path, max_body_bytes=1000) as c:
        r = c.post("/v1/analyze", json={"text": "أ" * 2000})
        assert r.status_code == 413
        assert r.json()["error"] == "payload_too_large"


def test_store_needs_a_write_key(client: TestClient) -> None:
    r = client.post("/v1/articles", json={"text": ARTICLE})
    assert r.status_code == 401
    r = client.post("/v1/articles", json={"text": ARTICLE}, headers={"X-API-Key": "wrong"})
    assert r.status_code == 403
    r = client.post("/v1/articles", json={"text": ARTICLE, "published": "2023-05-16"}, headers={"X-API-Key": WRITE_KEY})
    assert r.status_code == 201, r.text
    art_id = r.json()["id"]
    assert r.json()["status"] == "added"
    again = client.post("/v1/articles", json={"text": ARTICLE, "published": "2023-05-16"}, headers={"X-API-Key": WRITE_KEY})
    assert again.json()["status"] == "unchanged"
    got = client.get(f"/v1/articles/{art_id}")
    assert got.status_code == 200 and got.json()["article"]["id"] == art_id
    assert client.get("/v1/articles/nope").status_code == 404


def test_search_quotes_entities_and_paging(client: TestClient) -> None:
    client.post("/v1/articles", json={"text": ARTICLE, "published": "2023-05-16"}, headers={"X-API-Key": WRITE_KEY})
    r = client.get("/v1/search", params={"q": "الخارجية"})
    assert r.status_code == 200
    assert r.json()["items"] and r.json()["items"][0]["title"].startswith("وزير")
    assert client.get("/v1/search").status_code == 422
    assert client.get("/v1/search", params={"q": "حل", "limit": 100000}).status_code == 422
    assert client.get("/v1/search", params={"q": "حل", "from": "yesterday"}).status_code == 422
    r = client.get("/v1/quotes", params={"limit": 1})
    assert r.status_code == 200 and len(r.json()["items"]) <= 1
    assert client.get("/v1/entities/" + "اسم غير موجود").status_code == 404


def test_read_keys_when_configured(tmp_path: Path) -> None:
    with make_client(tmp_path, read_key_hashes=(hash_key(READ_KEY),)) as c:
        assert c.get("/v1/search", params={"q": "حل"}).status_code == 401
        assert c.get("/v1/search", params={"q": "حل"}, headers={"X-API-Key": "bad"}).status_code == 403
        assert c.get("/v1/search", params={"q": "حل"}, headers={"X-API-Key": READ_KEY}).status_code == 200
        assert c.get("/v1/health").status_code == 200


def test_writing_disabled_without_write_keys(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient as TC

    from khabar.api.app import create_app

    with TC(create_app(ApiSettings(db_url=f"sqlite:///{tmp_path / 'x.db'}"))) as c:
        r = c.post("/v1/articles", json={"text": ARTICLE}, headers={"X-API-Key": "anything"})
        assert r.status_code == 403


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.get("/v1/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_openapi_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/analyze", "/v1/articles", "/v1/articles/{article_id}", "/v1/search", "/v1/quotes", "/v1/health"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_settings_from_env_hashes_keys() -> None:
    s = ApiSettings.from_env({"KHABAR_WRITE_KEYS": "a, b", "KHABAR_MAX_BODY": "1024"})
    assert s.write_key_hashes == (hash_key("a"), hash_key("b"))
    assert "a" not in s.write_key_hashes and s.max_body_bytes == 1024
