"""End to end: `streamlit run` on loopback, every page loaded in headless Chromium."""

from __future__ import annotations

import os

import pytest
from conftest import free_port
from e2e_support import CHROMIUM, browser, streamlit_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium"),
]

# path -> selector that proves the page drew its main content
PAGES = {
    "": '[data-testid="stPlotlyChart"] .main-svg',
    "timeline": '[data-testid="stPlotlyChart"] .main-svg',
    "speakers": '[data-testid="stPlotlyChart"] .main-svg',
    "keywords": '[data-testid="stImage"] img',
    "framing": '[data-testid="stPlotlyChart"] .main-svg',
    "reader": "mark.sp",
}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e")
    port = free_port()
    env = {"DASHBOARD_DATA_DIR": str(data), "DASHBOARD_DATABASE_URL": ""}
    with streamlit_server(port, env):
        yield f"http://127.0.0.1:{port}", data


def test_every_page_renders_with_arabic(app_url):
    url, data = app_url
    with browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        for path, selector in PAGES.items():
            page.goto(f"{url}/{path}", wait_until="domcontentloaded")
            page.wait_for_selector(selector, timeout=90_000)
            page.wait_for_timeout(500)
            shot = data / f"page-{path or 'overview'}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 20_000, f"{path}: screenshot looks empty"
            errors = page.locator('[data-testid="stException"]').count()
            assert errors == 0, f"{path}: the page shows an exception"
            if path in ("", "timeline", "speakers", "framing"):
                assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1
            body = page.inner_text("body")
            if path in ("", "speakers", "reader"):  # pages whose Arabic is DOM/SVG text
                assert any("\u0600" <= ch <= "\u06ff" for ch in body), f"{path}: no Arabic"
        # Table cells with Arabic text are right-to-left and right-aligned (overview).
        page.goto(f"{url}/", wait_until="domcontentloaded")
        page.wait_for_selector("table.data td.rtl", timeout=90_000)
        cell = "table.data td.rtl"
        assert page.eval_on_selector(cell, "e => getComputedStyle(e).direction") == "rtl"
        assert page.eval_on_selector(cell, "e => getComputedStyle(e).textAlign") in (
            "right",
            "start",
        )
        # The reader shows Arabic paragraphs right-to-left.
        page.goto(f"{url}/reader", wait_until="domcontentloaded")
        page.wait_for_selector("mark.sp", timeout=90_000)
        direction = page.eval_on_selector(".article-text p", "e => getComputedStyle(e).direction")
        assert direction == "rtl"
        align = page.eval_on_selector(".article-text p", "e => getComputedStyle(e).textAlign")
        assert align in ("right", "start")
