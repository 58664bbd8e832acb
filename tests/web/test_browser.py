"""The web UI in a real browser: Debian's chromium driven by Playwright.

A uvicorn server runs in a subprocess on a free loopback port with its own
SQLite store; the seed article is stored through the API, then each page is
loaded, checked and screenshotted into ``bench/out/screens/`` for review.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENS = REPO / "bench" / "out" / "screens"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
KEY = "browser-test-key"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run must apt-get install chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    port = _free_port()
    db = tmp_path_factory.mktemp("web") / "browser.db"
    env = {**os.environ, "KHABAR_DB": f"sqlite:///{db}", "KHABAR_WRITE_KEYS": KEY}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "khabar.api.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_id(server: str, seed_path: Path) -> str:
    r = httpx.post(
        server + "/v1/articles",
        content=seed_path.read_bytes(),
        headers={"content-type": "text/plain; charset=utf-8", "X-API-Key": KEY},
        timeout=60,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _page(browser: object, url: str, name: str, width: int = 1280) -> object:
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)
    return page


def test_article_page_highlights_the_seed(browser: object, server: str, seed_id: str) -> None:
    page = _page(browser, f"{server}/articles/{seed_id}", "article")
    persons = page.locator("#article .ent-PERSON").all_inner_texts()  # type: ignore[attr-defined]
    assert any("ريفلين" in t for t in persons)
    assert page.locator("#article .ent-LOC").count() > 5  # type: ignore[attr-defined]
    assert page.locator("#article .time").count() >= 5  # type: ignore[attr-defined]
    assert page.locator("#article .quote").count() >= 5  # type: ignore[attr-defined]
    groups = page.locator("#quotes .speaker-group h4").all_inner_texts()  # type: ignore[attr-defined]
    assert any("أمير بايوف" in g for g in groups)
    _page(browser, f"{server}/articles/{seed_id}", "article-phone", width=390).close()  # type: ignore[attr-defined]


def test_search_page(browser: object, server: str, seed_id: str) -> None:
    page = _page(browser, f"{server}/?q=" + quote("المستشار"), "search")
    assert page.locator("#results .result").count() == 1  # type: ignore[attr-defined]
    assert page.locator("#results mark.hit").count() >= 1  # type: ignore[attr-defined]


def test_entity_page_renders_chart_and_graph(browser: object, server: str, seed_id: str) -> None:
    top = httpx.get(server + "/v1/top", params={"type": "PERSON"}).json()["items"]
    name = next(t["canonical"] for t in top if "ريفلين" in t["canonical"])
    page = _page(browser, f"{server}/entities/" + quote(name, safe=""), "entity")
    assert page.locator("#timeline svg rect").count() >= 1  # type: ignore[attr-defined]
    box = page.locator("#network svg").bounding_box()  # type: ignore[attr-defined]
    assert box and box["width"] > 100 and box["height"] > 100
    assert page.locator("#network svg circle").count() >= 2  # type: ignore[attr-defined]


def test_paste_page_analyses(browser: object, server: str) -> None:
    page = _page(browser, f"{server}/analyze", "analyze-form")
    page.fill("#text", "الصفدي في القاهرة\n\nوصل وزير الخارجية الأردني أيمن الصفدي إلى القاهرة أمس.")  # type: ignore[attr-defined]
    page.fill("#published", "2023-05-16")  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("#article")  # type: ignore[attr-defined]
    assert page.locator("#article .ent").count() >= 1  # type: ignore[attr-defined]
    page.screenshot(path=str(SCREENS / "analyze-result.png"), full_page=True)  # type: ignore[attr-defined]
