"""Markdown in article metadata stays text: outlets, titles, URLs, domains, speaker names and
roles, file names holding `[Click](http://…)`, `![p](http://…)`, `<img src=…>`, `**bold**`,
backticks, `$math$` and bare URLs.

(a) the helper (escaping.inert): nothing Markdown or HTML would act on survives, and the
    text a browser shows is the input;
(b) AppTest, every page: no Markdown-rendering string (markdown bodies, captions, metric
    labels, expander and tab titles, alerts, help texts, radio options, button labels)
    holds link, image, emphasis, code or math syntax from the payloads, or a bare URL; the
    payloads are still shown, decoded, as text;
(c) the downloads: the HTML report has no link or image to an outside host, the CSVs and
    the ZIP's index.csv keep the payloads as plain cells with formula-like cells escaped;
(d) slow: real Chromium on every page: no <a href> to an outside host, no <img> from one,
    no request leaves the machine (favicon included), the payloads are visible as text.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.escaping import WORD_JOINER, inert, shown_text
from dashboard.ingest.ingest import ingest_result
from dashboard.ingest.readers import ReadResult
from dashboard.model import RawArticle
from dashboard.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")

LINK = "[Click](http://evil.example/x)"
IMAGE = "![p](http://evil.example/p.png)"
TAG = "<img src=http://evil.example/i.png>"
BOLD = "**bold**"
TICK = "`tick`"
MATH = "$math$"
BARE = "http://evil.example/bare www.evil.example me@evil.example"
PAYLOADS = (LINK, IMAGE, TAG, BOLD, TICK, MATH)

OUTLET_A = f"Daily {LINK}"
OUTLET_B = f"صحيفة {IMAGE} {BOLD}"
# A browser sends only the part of a file name after the last "/".
FILE_NAME = "[Click](evil.example) www.evil.example `x`.txt"
BAD_FILE_NAME = f"![p](evil.example) {BOLD}.txt"


def _articles() -> list[RawArticle]:
    en_body = (
        f'"The agreement will be signed on June 20, 2024," said {LINK} Smith, a professor at '
        f"{IMAGE} University, on Monday.\n\n"
        f"The foreign minister {BOLD} Lavrov said on Tuesday that sanctions and war "
        f"dominated the talks {TAG}.\n\n"
        f"Spokesman {TICK} Peskov said the security pact takes effect next month {MATH}. "
        f"Details: {BARE}."
    )
    ar_body = (
        f"قال وزير الخارجية {LINK} سيرغي لافروف إن «الاتفاق سيوقع يوم 20 يونيو 2024».\n\n"
        f"وأكد المتحدث {MATH} ديمتري بيسكوف أمس أن العقوبات {TAG} لن تؤثر على الاتفاق.\n\n"
        f"وقالت مصادر مطلعة إن الحرب {BOLD} والعقوبات والأمن محور المحادثات في 19 يونيو 2024."
    )
    common = {"date_source": "manifest", "url": f"http://evil.example/article?{LINK}"}
    return [
        RawArticle(
            title=f"Leaders sign pact {TICK} {MATH} {TAG} {LINK}",
            body=en_body,
            outlet=OUTLET_A,
            outlet_domain="www.evil.example",
            language="en",
            published_at="2024-06-21",
            source_file=FILE_NAME,
            **common,
        ),
        RawArticle(
            title=f"الرئيس يوقع الاتفاق {IMAGE} {BOLD} في موسكو",
            body=ar_body,
            outlet=OUTLET_B,
            outlet_domain="evil.example",
            language="ar",
            published_at="2024-06-20",
            source_file=f"{IMAGE}.txt",
            **common,
        ),
        # A wire copy of the Arabic article by the other outlet, so the Wire copies page
        # has a cluster (first publisher, copy, diff) to show.
        RawArticle(
            title=f"الرئيس يوقع الاتفاق {IMAGE} {BOLD} في موسكو اليوم",
            body=ar_body + f"\n\nوأضافت المصادر أن الجولة المقبلة ستعقد قريبا {LINK}.",
            outlet=OUTLET_A,
            outlet_domain="www.evil.example",
            language="ar",
            published_at="2024-06-22",
            source_file=f"copy {TICK}.txt",
            **common,
        ),
    ]


@pytest.fixture(scope="module")
def payload_env(tmp_path_factory):
    data = tmp_path_factory.mktemp("mdpayload")
    url = f"duckdb:///{data / 'dashboard.duckdb'}"
    store = Store(url)
    try:
        report = ingest_result(store, ReadResult(articles=_articles()), workers=1)
        assert report.added == 3, report.rows()
        from dashboard.storage import syndication

        syndication.update_clusters(store)
    finally:
        store.close()
    return {
        "DASHBOARD_DATA_DIR": str(data),
        "DASHBOARD_DATABASE_URL": url,
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
    }


def page_paths() -> list[str]:
    src = (ROOT / "dashboard" / "app.py").read_text(encoding="utf-8")
    return re.findall(r'\("(views/\w+\.py)"', src)


# --------------------------------------------------------------------------- (a) helper


@pytest.mark.parametrize("text", [*PAYLOADS, BARE, OUTLET_B, "1. list", "- item", "# head"])
def test_inert_leaves_no_markdown_or_html_syntax_and_shows_the_text(text):
    out = inert(text)
    assert shown_text(out) == text
    assert not re.search(r"[<>\[\]`*$]|https?://|www\.|\w@", out), out
    assert not re.match(r"\d+[.)]|[-+#]", out), out


# --------------------------------------------------------------------------- (b) AppTest

# Element types whose strings Streamlit renders as Markdown, and the fields that are.
MARKDOWN_FIELDS = {"body", "label", "help", "options", "captions", "placeholder"}
PLAIN_TEXT_TYPES = {
    "text",
    "code",
    "json",
    "arrow_data_frame",
    "arrow_table",
    "plotly_chart",
    "selectbox",
    "multiselect",
    "exception",
    "imgs",
}
# Syntax that would make a link, an image, emphasis, code or math of the payloads.
LIVE_SYNTAX = re.compile(
    r"\]\(|!\[|<img|https?://|www\.|\w@\w|\*\*bold|`tick|\$math", re.IGNORECASE
)


def _repeated(field) -> bool:
    return bool(getattr(field, "is_repeated", False)) or getattr(field, "label", 1) == 3


def _proto_strings(message, out: list[str]) -> None:
    for field, value in message.ListFields():
        if field.type == field.TYPE_MESSAGE:
            items = value if _repeated(field) else [value]
            for item in items:
                _proto_strings(item, out)
        elif field.type == field.TYPE_STRING and field.name in MARKDOWN_FIELDS:
            out.extend(value if _repeated(field) else [value])


def markdown_strings(at: AppTest) -> list[str]:
    """Every string on the page that Streamlit renders as Markdown."""
    out: list[str] = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if proto is not None and kind not in PLAIN_TEXT_TYPES and hasattr(proto, "ListFields"):
            if kind == "block":  # only a block's own title (expander, tab), not its children
                for attr in ("expandable", "tab"):
                    if proto.HasField(attr):
                        _proto_strings(getattr(proto, attr), out)
            else:
                _proto_strings(proto, out)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def plain_strings(at: AppTest) -> str:
    frames = [el.value for el in at.dataframe]
    parts = [str(v) for df in frames for col in df.columns for v in df[col]]
    parts += [str(o) for s in at.selectbox for o in s.options]
    parts += [t.value for t in at.text]
    return "\n".join(parts)


@pytest.mark.parametrize("page", page_paths())
def test_every_page_shows_markdown_payloads_as_text(payload_env, monkeypatch, page):
    for k, v in payload_env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    strings = markdown_strings(at)
    assert strings, page
    for s in strings:
        live = LIVE_SYNTAX.search(s)
        assert live is None, f"{page}: {live.group(0)!r} live in {s[:300]!r}"
    # Not vacuous: pages that show metadata show the payloads, as text.
    shown = "\n".join(shown_text(s) for s in strings)
    name = Path(page).stem
    if name in ("overview", "framing", "reader", "syndication", "timeline"):
        assert LINK in shown, f"{name}: the outlet/title payload is not shown as text"
    if name in ("overview", "reader"):
        # The reader marks speakers and dates inside the text: read it without the marks.
        unmarked = "\n".join(shown_text(re.sub(r"<[^>]+>", "", s)) for s in strings)
        assert IMAGE in unmarked and TICK in unmarked and MATH in unmarked, name
    if name in ("speakers", "framing", "syndication", "outlets", "upload"):
        assert any(p in plain_strings(at) for p in PAYLOADS), f"{name}: tables lost the text"


def test_upload_page_shows_markdown_file_names_as_text(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"duckdb:///{tmp_path / 'up.duckdb'}")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    at = AppTest.from_file(str(ROOT / "dashboard" / "views" / "upload.py"), default_timeout=120)
    at.run()
    at.file_uploader[0].set_value(
        [
            (
                FILE_NAME,
                f"Headline {BOLD}\n\nThe minister said on Monday {LINK}.".encode(),
                "text/plain",
            ),
            (BAD_FILE_NAME, b"%PDF-1.7 binary", "text/plain"),
        ]
    )
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    strings = markdown_strings(at)
    for s in strings:
        assert LIVE_SYNTAX.search(s) is None, s[:300]
    shown = "\n".join(shown_text(s) for s in strings)
    assert BAD_FILE_NAME in shown  # the rejected file, named
    assert FILE_NAME in shown  # the preview's per-file title


# --------------------------------------------------------------------------- (c) downloads


def _external(url: str) -> bool:
    host = urlparse(url.strip()).hostname
    return bool(host) and host not in ("127.0.0.1", "localhost")


def test_framing_report_and_csv_keep_payloads_inert(payload_env):
    from lxml import html as lxml_html

    from dashboard.analysis import compare
    from dashboard.output import report

    store = Store(payload_env["DASHBOARD_DATABASE_URL"])
    try:
        ids = [r[0] for r in store.execute("SELECT id FROM articles ORDER BY published_at")]
        arts = store.get_articles(ids)
    finally:
        store.close()
    c = compare.compare_articles(arts[0], arts[1])
    page = report.build_report(c, title=f"Report {LINK}", generated="2024-06-30")
    doc = lxml_html.fromstring(page)
    assert [a.get("href") for a in doc.iter("a") if _external(a.get("href") or "")] == []
    assert list(doc.iter("img")) == []
    text = doc.text_content().replace(WORD_JOINER, "")
    assert LINK in text and IMAGE in text and BOLD in text  # shown, as text
    data = report.pairs_csv(c)
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data.removeprefix("\ufeff"))))
    assert any(OUTLET_A in cell or OUTLET_B in cell for row in rows[1:] for cell in row)


def test_zip_index_escapes_formula_cells_and_keeps_text():
    from dashboard.output import export
    from dashboard.output.charts import Chart

    chart = Chart("keywords", "cloud", f'=HYPERLINK("{LINK}")', outlet="@SUM(A1)", kind="cloud")
    files = [export.ExportedFile("keywords_cloud_x.png", chart, b"", "png", 10, 10)]
    data = export.index_csv(files, "+cmd|' /C calc'!A0")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["title"] == f'\'=HYPERLINK("{LINK}")'
    assert row["outlet"] == "'@SUM(A1)"
    assert row["filters"] == "'+cmd|' /C calc'!A0"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@")), cell


def test_dashboard_zip_index_keeps_payload_outlets_as_text(payload_env):
    from dashboard.output import export
    from dashboard.output.charts import page_charts
    from dashboard.storage.store import Filters

    store = Store(payload_env["DASHBOARD_DATABASE_URL"])
    try:
        clouds = [c for c in page_charts(store, Filters(), "keywords") if c.kind == "cloud"]
    finally:
        store.close()
    data = export.export_zip(clouds, "png", 1.0, "all articles")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        index = zf.read("index.csv").decode("utf-8-sig")
    outlets = {row["outlet"] for row in csv.DictReader(io.StringIO(index))}
    assert outlets == {OUTLET_A, OUTLET_B}


# --------------------------------------------------------------------------- (d) browser

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")
def test_no_outside_link_image_or_request_in_a_real_browser(payload_env, tmp_path):
    from conftest import free_port
    from e2e_support import browser, streamlit_server

    # The AppTest runs above hold the module's DuckDB file open: the server gets a copy.
    source = Path(payload_env["DASHBOARD_DATABASE_URL"].removeprefix("duckdb:///"))
    copy = tmp_path / "browser.duckdb"
    shutil.copyfile(source, copy)
    env = {**payload_env, "DASHBOARD_DATA_DIR": str(tmp_path)}
    env["DASHBOARD_DATABASE_URL"] = f"duckdb:///{copy}"
    port = free_port()
    outside: list[str] = []
    with streamlit_server(port, env), browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: outside.append(r.url) if _external(r.url) else None)
        base = f"http://127.0.0.1:{port}"
        for name in [Path(p).stem for p in page_paths()]:
            page.goto(f"{base}/{'' if name == 'overview' else name}", wait_until="load")
            page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
            page.wait_for_timeout(1500)
            # The script has finished once the "running" widget is gone.
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000
            )
            page.wait_for_timeout(1000)
            assert page.locator('[data-testid="stException"]').count() == 0, name
            # Expanders open, so their contents are in the DOM too.
            for summary in page.locator("summary").all():
                summary.click()
            page.wait_for_timeout(500)
            links = page.evaluate(
                "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
            )
            assert [h for h in links if _external(h)] == [], f"{name}: outside link"
            images = page.evaluate(
                "() => [...document.querySelectorAll('img[src], image[href]')]"
                ".map(i => i.src || i.getAttribute('href'))"
            )
            assert [s for s in images if _external(s)] == [], f"{name}: outside image"
            live = page.evaluate(
                "() => [...document.querySelectorAll('[data-testid=stMain] strong, "
                "[data-testid=stMain] code, .katex')].map(e => e.textContent)"
            )
            assert not [t for t in live if t in ("bold", "tick", "math")], f"{name}: {live}"
            if name in ("overview", "reader", "framing"):
                text = page.inner_text("body").replace(WORD_JOINER, "")
                assert LINK in text, f"{name}: payload not shown as text"
        assert outside == [], f"requests to outside hosts: {outside}"
