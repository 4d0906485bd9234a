"""Page polish (issue 16, point 7): every event on the timeline by default and no range
slider, the Outlets chart on the dashboard palette with whole-number ticks and a download,
page ZIPs on Speakers and Framing, ANF in the registry, Arabic cells not clipped, card
headlines inside their cards, the English summary not reordered (real browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.output import figures
from dashboard.storage import outlets
from dashboard.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
CHROMIUM = "/usr/bin/chromium"


def _events() -> pd.DataFrame:
    rows = [
        ("1950-01-01", "1953-12-31", "range", "من 1950 إلى 1953"),
        ("2021-01-01", "2021-12-31", "year", "قبل نحو 3 سنوات"),
        ("2024-06-17", "2024-06-17", "day", "يوم الإثنين الماضي"),
        ("2024-06-18", "2024-06-18", "day", "الثلاثاء الماضي"),
    ]
    return pd.DataFrame(
        [
            {
                "start_date": s,
                "end_date": e,
                "granularity": g,
                "approximate": False,
                "text": t,
                "outlet": "ANF",
                "title": "عنوان",
                "sentence": t,
                "published_at": "2024-06-20",
            }
            for s, e, g, t in rows
        ]
    )


def test_event_timeline_shows_every_event_without_a_range_slider():
    fig = figures.event_timeline(_events())
    # No focus range (it hid the 1950s and 2021 events) and no slider (it was exported too).
    assert fig.layout.xaxis.range is None
    assert fig.layout.xaxis.rangeslider.visible is False
    assert not [a for a in fig.layout.annotations if "outside this view" in (a.text or "")]
    points = [x for t in fig.data if t.mode == "markers" for x in t.x]
    assert len(points) == 4


def test_outlets_chart_uses_the_dashboard_palette_and_whole_number_ticks():
    counts = pd.DataFrame(
        {
            "value": ["Egypt", "International", "unknown"],
            "articles": [2, 1, 1],
            "outlets": [1, 1, 1],
        }
    )
    fig = figures.attribute_bar(counts, "Region")
    colors = list(fig.data[0].marker.color)
    assert colors[:2] == [figures._palette(0), figures._palette(1)]
    assert colors[2] == "#c7c7c7"  # unknown in grey, as on the sides chart
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.yaxis.dtick == 1
    assert fig.layout.template.layout.colorway != ()  # plotly_white base, like every chart
    assert fig.layout.font.family == figures.FONT_FAMILY


def test_anf_is_in_the_outlet_registry():
    got = outlets.attributes("ANF News (Firat News Agency)", "anfarabic.com")
    assert got["registry_name"] == "ANF" and got["region"] != outlets.UNKNOWN
    by_name = outlets.attributes("وكالة فرات للأنباء", "")
    assert by_name["registry_name"] == "ANF"


@pytest.fixture(scope="module")
def seeds_env(tmp_path_factory):
    from dashboard.ingest.ingest import ingest_path

    data = tmp_path_factory.mktemp("polish")
    url = f"duckdb:///{data / 'dashboard.duckdb'}"
    store = Store(url)
    try:
        ingest_path(store, ROOT / "seeds", workers=1)
    finally:
        store.close()
    return {
        "DASHBOARD_DATA_DIR": str(data),
        "DASHBOARD_DATABASE_URL": url,
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
    }


def _page(env: dict, monkeypatch, page: str) -> AppTest:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=180)
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_outlets_page_chart_has_a_download_and_the_palette(seeds_env, monkeypatch):
    at = _page(seeds_env, monkeypatch, "outlets")
    assert "ol_counts_export_dl" in {b.key for b in at.get("download_button")}
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    colors = spec["data"][0]["marker"]["color"]
    assert set(colors) <= {*figures._PALETTE, "#c7c7c7"}
    assert spec["layout"]["yaxis"]["dtick"] == 1


def test_speakers_page_offers_the_page_zip(seeds_env, monkeypatch):
    at = _page(seeds_env, monkeypatch, "speakers")
    assert at.button(key="speakers_zip_make").label == "Download all charts on this page (ZIP)"


# --------------------------------------------------------------------------- browser


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")
def test_cards_tables_and_summary_in_a_real_browser(seeds_env, tmp_path):
    from conftest import free_port
    from e2e_support import browser, streamlit_server

    source = Path(seeds_env["DASHBOARD_DATABASE_URL"].removeprefix("duckdb:///"))
    copy = tmp_path / "browser.duckdb"
    shutil.copyfile(source, copy)
    env = {**seeds_env, "DASHBOARD_DATA_DIR": str(tmp_path)}
    env["DASHBOARD_DATABASE_URL"] = f"duckdb:///{copy}"
    port = free_port()
    settle = "() => !document.querySelector('[data-testid=stStatusWidget]')"
    with streamlit_server(port, env), browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        base = f"http://127.0.0.1:{port}"

        page.goto(base, wait_until="load")
        page.wait_for_selector(".card-headlines", timeout=90_000)
        page.wait_for_function(settle, timeout=120_000)
        # Every headline ends inside its card's border.
        overflow = page.evaluate(
            """() => [...document.querySelectorAll('.card-headlines')].map(h => {
                 let card = h.parentElement;  // the bordered container around it
                 while (card && getComputedStyle(card).borderTopWidth === '0px')
                   card = card.parentElement;
                 return card.getBoundingClientRect().bottom - h.getBoundingClientRect().bottom;
               })"""
        )
        assert len(overflow) == 2 and min(overflow) >= 0, overflow

        page.goto(f"{base}/speakers", wait_until="load")
        page.wait_for_selector("table.data", timeout=90_000)
        page.wait_for_function(settle, timeout=120_000)
        # No Arabic cell is cut: every cell's text fits the cell (they wrap).
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('table.data td.rtl')]
                 .filter(td => td.scrollWidth > td.clientWidth + 1).map(td => td.textContent)"""
        )
        assert clipped == []

        page.goto(f"{base}/framing", wait_until="load")
        page.wait_for_selector("div.summary", timeout=180_000)
        page.wait_for_function(settle, timeout=180_000)
        page.locator("summary", has_text="In English").click()
        page.wait_for_timeout(500)
        # Drawn left to right: an Arabic event name, then its closing quote, the full stop
        # and the next sentence's number (was drawn: as “13 .”الاتفاق checkable facts).
        order = page.evaluate(
            """() => {
              const div = [...document.querySelectorAll('[data-testid=stExpanderDetails] div.ltr')]
                .find(d => d.textContent.includes('checkable facts'));
              const node = div.firstChild, text = node.textContent;
              const x = (i, n) => { const r = document.createRange();
                r.setStart(node, i); r.setEnd(node, i + n); return r.getBoundingClientRect(); };
              const end = text.indexOf(' checkable facts');
              const num = text.lastIndexOf(' ', end - 1) + 1;      // the number of facts
              const close = text.lastIndexOf('\u201d', num);       // quote closing the name
              const open = text.lastIndexOf('\u201c', close);
              const name = x(open + 1, close - open - 1), q = x(close, 1), n = x(num, end - num);
              return {name: [name.left, name.right, name.top], quote: [q.left, q.top],
                      number: [n.left, n.top], text: text.slice(open, end)};
            }"""
        )
        name, quote, number = order["name"], order["quote"], order["number"]
        assert quote[0] >= name[1] - 1, order  # the quote after the name, not before it
        if abs(number[1] - quote[1]) < 5:  # same line: the number after the quote
            assert number[0] > quote[0], order
        assert page.locator('[data-testid="stException"]').count() == 0
