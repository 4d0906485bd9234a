"""Article text can never run code: payloads in titles, bodies (quotes, speaker names, date
sentences), outlet names, URLs and an uploaded HTML file, shown on every page.

(a) AppTest: no HTML element Streamlit renders as HTML carries a live tag or handler, no
    Plotly label does, and tables hold the payload as plain text (not pre-escaped).
(b) slow: real Chromium loads every page and the Framing report; the payload would set
    window.__xss or open a dialog — neither may happen.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ingest.ingest import ingest_result
from dashboard.ingest.readers import ReadResult, read_bytes
from dashboard.model import RawArticle
from dashboard.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")

IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
SCRIPT = "<script>window.__xss=1;alert(1)</script>"
SVG = '<svg onload="window.__xss=1">'
BREAKOUT = '"><img src=x onerror=alert(1)>'
STYLE = "</style><script>window.__xss=1</script>"
CSS = '<div style="width: expression(alert(1))">x</div>'
JS_URL = "javascript:window.__xss=1;alert(1)"
PAYLOADS = (IMG, SCRIPT, SVG, BREAKOUT, STYLE, CSS)

HOSTILE = [
    RawArticle(
        title=f"الرئيس يوقع الاتفاق {SCRIPT} في موسكو",
        body=(
            f"قال وزير الخارجية {IMG} سيرغي لافروف إن «الاتفاق {SVG} سيوقع يوم 20 يونيو 2024» "
            f"وأضاف أن المحادثات مستمرة {BREAKOUT}.\n\n"
            f"وأكد المتحدث باسم الكرملين أمس أن {STYLE} العقوبات لن تؤثر على الاتفاق.\n\n"
            f"وقالت مصادر مطلعة إن الحرب {CSS} والعقوبات والأمن محور المحادثات في 19 يونيو 2024."
        ),
        outlet=f"وكالة {IMG}",
        outlet_domain="evil.example",
        url=JS_URL,
        language="ar",
        published_at="2024-06-20",
        date_source="manifest",
        source_file=f"{SVG}.txt",
    ),
    RawArticle(
        title=f'Leaders sign pact "><script>alert(1)</script> {IMG}',
        body=(
            f'"The agreement {SCRIPT} will be signed on June 20," said John {IMG} Smith, '
            f"a professor at {SVG} University, on Monday.\n\n"
            f"The foreign minister said on Tuesday that sanctions {BREAKOUT} and war dominated "
            f"the talks.\n\nOfficials said the security pact {STYLE} takes effect next month."
        ),
        outlet=f"Wire {SCRIPT}",
        url=JS_URL,
        language="en",
        published_at="2024-06-21",
        date_source="manifest",
        source_file="b.txt",
    ),
]

UPLOADED_HTML = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Hostile page {IMG}</title>
<style>body {{ background: url("javascript:alert(1)") }}</style>
<script>window.__xss = 1; alert(1)</script></head>
<body onload="window.__xss=1"><article><h1>Page headline &lt;img src=x onerror=alert(1)&gt;</h1>
<p>The minister said on Monday that the plan &lt;script&gt;alert(1)&lt;/script&gt; will
start next week, and officials said it would cost 2 million dollars.</p>
<p onclick="alert(1)">A second paragraph with a <a href="javascript:alert(1)">link</a> and an
<img src=x onerror="window.__xss=1"> inline image, which must not survive.</p>
</article></body></html>""".encode()

# A live tag or handler in HTML that Streamlit renders as HTML.
LIVE = re.compile(
    r"<\s*(script|img|svg|iframe|object|embed|style\b[^>]*>[^<]*expression)"
    r"|<[^>]*\son\w+\s*="
    r"|<[^>]*(href|src)\s*=\s*[\"']?\s*javascript:"
    r"|<[^>]*style\s*=\s*[\"'][^\"']*expression\(",
    re.IGNORECASE,
)


def fill_store(url: str) -> None:
    store = Store(url)
    try:
        uploaded = read_bytes("hostile.html", UPLOADED_HTML)
        assert uploaded.articles, uploaded.problems
        for raw in uploaded.articles:
            raw.outlet, raw.published_at, raw.date_source = "Page outlet", "2024-06-22", "manual"
        result = ReadResult(articles=[*HOSTILE, *uploaded.articles])
        report = ingest_result(store, result, workers=1)
        assert report.added == 3, report.rows()
        # The claim map too (off at ingest in the tests), so the Framing page's All-outlets
        # mode draws the hostile statements in its heatmap, table and claim details.
        from dashboard.analysis.alignment import embeddings_available

        if embeddings_available():
            from dashboard.storage.claims import update_claims

            assert update_claims(store).units > 0
    finally:
        store.close()


@pytest.fixture(scope="module")
def hostile_env(tmp_path_factory):
    data = tmp_path_factory.mktemp("xss")
    url = f"duckdb:///{data / 'dashboard.duckdb'}"
    fill_store(url)
    return {
        "DASHBOARD_DATA_DIR": str(data),
        "DASHBOARD_DATABASE_URL": url,
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
    }


SHOWS_ARTICLE_TEXT = ("overview", "timeline", "speakers", "keywords", "framing", "reader")


def page_paths() -> list[str]:
    src = (ROOT / "dashboard" / "app.py").read_text(encoding="utf-8")
    return re.findall(r'\("(views/\w+\.py)"', src)


def test_the_uploaded_html_keeps_text_and_drops_markup():
    [art] = read_bytes("hostile.html", UPLOADED_HTML).articles
    assert "window.__xss" not in art.body and "onclick" not in art.body
    assert "The minister said on Monday" in art.body
    assert "inline image" in art.body


def html_bodies(at: AppTest) -> list[str]:
    bodies = [m.value for m in at.markdown if m.proto.allow_html]
    bodies += [m.value for m in at.sidebar.markdown if m.proto.allow_html]
    bodies += [h.proto.body for h in at.get("html")]
    return bodies


def plain_markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if not m.proto.allow_html]


def plotly_strings(at: AppTest) -> list[str]:
    out: list[str] = []

    def walk(node):
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                # customdata identifies a point for click-through and is never drawn as
                # such; hover templates that show it are checked as strings themselves.
                if k != "customdata":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for el in at.get("plotly_chart"):
        walk(json.loads(el.proto.spec))
    return out


def frames(at: AppTest) -> list:
    return [df.value for df in at.dataframe]


@pytest.mark.parametrize("page", page_paths())
def test_every_page_shows_payloads_as_text_only(hostile_env, monkeypatch, page):
    for k, v in hostile_env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    bodies = html_bodies(at)
    for body in bodies:
        live = LIVE.search(body)
        assert live is None, f"{page}: live markup {live.group(0)!r} in {body[:300]!r}"
    for text in plain_markdown(at):
        assert "](javascript:" not in text.replace(" ", ""), f"{page}: javascript: link"
    for s in plotly_strings(at):
        live = LIVE.search(s)
        assert live is None, f"{page}: live markup {live.group(0)!r} in a chart label"
    # Tables hold the text as data: the payload as written, never pre-escaped entities.
    for df in frames(at):
        for col in df.columns:
            if df[col].dtype == object:
                cells = [str(v) for v in df[col] if isinstance(v, str)]
                assert not any("&lt;script" in c or "&lt;img" in c for c in cells), (page, col)
    # Pages that show article text did draw some (the test would be empty otherwise).
    if Path(page).stem in SHOWS_ARTICLE_TEXT:
        shown = "\n".join(bodies + plain_markdown(at) + plotly_strings(at))
        shown += "\n".join(str(v) for df in frames(at) for col in df.columns for v in df[col])
        markers = ("وكالة", "Wire", "Leaders", "الرئيس", "Page outlet", "Page headline")
        assert any(m in shown for m in markers), page


def test_overview_card_escapes_every_field():
    """The outlet card is one HTML string: its title, caption, metric labels, note and
    headlines all come from articles or outlets and must all arrive as text."""
    from dashboard.web import ui

    card = ui.card_html(
        f"Outlet {SCRIPT}",
        f"domain {IMG}",
        [(f"Articles {SVG}", 3)],
        f"language: {BREAKOUT}",
        [(f"Headline {STYLE}", "en"), (f"عنوان {CSS}", "ar")],
    )
    live = LIVE.search(card)
    assert live is None, live.group(0)
    assert "&lt;script&gt;" in card and "Headline" in card and "عنوان" in card


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


def test_speaker_tables_hold_the_payload_verbatim(hostile_env, monkeypatch):
    for k, v in hostile_env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/speakers.py")
    at.run()
    # The speaker tables are escaped HTML tables (cells wrap in their own direction): the
    # payload is there as the text a browser shows, never as markup (see the test above).
    from page_tables import html_tables

    cells = {str(v) for df in html_tables(at) for col in df.columns for v in df[col]}
    assert any(p in c for c in cells for p in PAYLOADS), "payload text not kept as plain data"


def test_framing_report_download_is_inert(hostile_env, monkeypatch):
    from dashboard.analysis import compare
    from dashboard.output import report
    from dashboard.storage.store import Store as _Store

    store = _Store(hostile_env["DASHBOARD_DATABASE_URL"])
    try:
        ids = [r[0] for r in store.execute("SELECT id FROM articles ORDER BY outlet")]
        arts = store.get_articles(ids)
    finally:
        store.close()
    c = compare.compare_articles(arts[0], arts[1])
    page = report.build_report(c, title=f"Report {SCRIPT}", generated="2024-06-30")
    live = LIVE.search(page.replace("<style>", "").replace("<svg", "<_svg_"))
    assert live is None, live.group(0)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page


# --------------------------------------------------------------------------- browser

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")
def test_no_payload_runs_in_a_real_browser(hostile_env, tmp_path):
    from conftest import free_port
    from e2e_support import browser, streamlit_server

    # The AppTest runs above keep the module's DuckDB file open in this process (Streamlit's
    # resource cache), and DuckDB allows one writer process: the server gets its own copy.
    source = Path(hostile_env["DASHBOARD_DATABASE_URL"].removeprefix("duckdb:///"))
    copy = tmp_path / "browser.duckdb"
    shutil.copyfile(source, copy)
    env = {**hostile_env, "DASHBOARD_DATA_DIR": str(tmp_path)}
    env["DASHBOARD_DATABASE_URL"] = f"duckdb:///{copy}"
    port = free_port()
    dialogs: list[str] = []
    names = [Path(p).stem for p in page_paths()]
    with streamlit_server(port, env), browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        base = f"http://127.0.0.1:{port}"
        for name in names:
            path = "" if name == "overview" else name
            page.goto(f"{base}/{path}", wait_until="domcontentloaded")
            page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
            if name in ("overview", "reader"):
                # The payload is shown as text once the page's script has drawn it: wait for
                # that (a fixed pause failed on a loaded machine, the script still running).
                page.wait_for_function(
                    "() => /<script>|<img/.test(document.body.innerText)", timeout=90_000
                )
            page.wait_for_timeout(3000)  # let a payload that would run have its chance
            assert page.locator('[data-testid="stException"]').count() == 0, name
            assert page.evaluate("() => window.__xss") is None, f"{name}: payload ran"
            assert dialogs == [], f"{name}: a dialog opened: {dialogs}"
            body = page.inner_text("body")
            if name in ("overview", "reader"):
                assert "<script>" in body or "<img" in body, f"{name}: payload not shown as text"
        # The Framing page's HTML report (two-outlet mode: with more outlets the page
        # opens on All outlets), opened as a page of its own.
        page.goto(f"{base}/framing?mode=outlets", wait_until="domcontentloaded")
        button = page.get_by_role("button", name=re.compile("Download report"))
        button.wait_for(timeout=90_000)
        with page.expect_download() as info:
            button.click()
        report_file = tmp_path / "report.html"
        info.value.save_as(report_file)
        page.goto(report_file.as_uri())
        page.wait_for_timeout(1000)
        assert page.evaluate("() => window.__xss") is None, "report: payload ran"
        assert dialogs == [], f"report: a dialog opened: {dialogs}"
        assert "<script>" in page.inner_text("body")
