"""Chart image export: PNG/SVG files, ZIP + index.csv, the CLI and the no-browser path."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from dashboard.model import Article, DateMention, Keyword, Quote, RawArticle, Speaker
from dashboard.output import export
from dashboard.output.charts import Chart, dashboard_charts, page_charts
from dashboard.storage.store import Filters, Store

ROOT = Path(__file__).resolve().parent.parent
HAS_BROWSER = export.browser_available()[0]
needs_browser = pytest.mark.skipif(not HAS_BROWSER, reason=export.NO_BROWSER_MESSAGE)

ARABIC_OUTLET = "صحيفة الشرق"
LATIN_OUTLET = "Akhbar Test"
ARABIC_SPEAKER = "سامي العلي"
ARABIC_TERM = "الاتفاقية"


def _article(outlet: str, title: str, day: str, quotes, terms) -> tuple[Article, RawArticle]:
    raw = RawArticle(
        title=title,
        body=f"{title} نص المقال",
        outlet=outlet,
        published_at=day,
        language="ar",
        date_source="manifest",
    )
    art = Article(
        id=raw.content_hash()[:16],
        title=title,
        outlet=outlet,
        published_at=day,
        date_source="manifest",
        language="ar",
        paragraphs=[raw.body],
        quotes=[
            Quote(speaker=s, speaker_kind=k, role="", verb="قال", direct=d, text="ن", paragraph=0)
            for s, k, d in quotes
        ],
        speakers=[Speaker(name=s, kind=k, role="", quotes=1) for s, k, _ in quotes],
        dates=[
            DateMention(
                text="أمس",
                start="2024-06-18",
                end="2024-06-18",
                granularity="day",
                approximate=False,
                paragraph=0,
            )
        ],
        keywords=[Keyword(term=t, count=n) for t, n in terms],
        event_names=["اتفاقية الشراكة", "القمة"],
        frames={"security": 0.4, "economy": 0.2},
    )
    return art, raw


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    """A closed DuckDB file (so a CLI subprocess can open it) with two outlets, one named
    in Arabic, Arabic speakers and terms."""
    path = tmp_path_factory.mktemp("export") / "export.duckdb"
    url = f"duckdb:///{path}"
    store = Store(url)
    store.add_many(
        [
            _article(
                ARABIC_OUTLET,
                "عنوان أول",
                "2024-06-19",
                [(ARABIC_SPEAKER, "expert", True), ("وزارة الخارجية", "state", False)],
                [(ARABIC_TERM, 9), ("العقوبات", 5), ("الحلف", 3), ("برازيليا", 2)],
            ),
            _article(
                LATIN_OUTLET,
                "عنوان ثان",
                "2024-06-20",
                [(ARABIC_SPEAKER, "expert", False)],
                [(ARABIC_TERM, 4), ("القمة", 6), ("الشراكة", 5), ("جاكرتا", 2)],
            ),
        ]
    )
    store.close()
    return url


@pytest.fixture(scope="module")
def charts(db_url):
    store = Store(db_url)
    try:
        return dashboard_charts(store, Filters())
    finally:
        store.close()  # DuckDB allows one process at a time: the CLI tests open it too


@pytest.fixture(scope="module", autouse=True)
def _close_browser():
    yield
    export.shutdown()


def _png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "PNG"
        img.load()  # decodes the whole file: a truncated PNG fails here
        return img.size


def _svg_texts(data: bytes) -> str:
    root = ElementTree.fromstring(data)
    assert root.tag.endswith("svg")
    return " ".join(t for el in root.iter() if el.tag.endswith("text") for t in el.itertext())


def _by_name(charts: list[Chart], page: str, name: str, outlet: str = "") -> Chart:
    return next(c for c in charts if (c.page, c.name, c.outlet) == (page, name, outlet))


def test_registry_has_the_expected_charts(charts):
    stems = {c.file_stem for c in charts}
    # Hand-derived from charts.py: per-outlet clouds and distinctive bars, one of each other.
    assert {
        "overview_articles_per_outlet",
        "speakers_speakers",
        "speakers_kinds",
        "keywords_cloud_akhbar-test",
        "keywords_distinctive_akhbar-test",
        "keywords_cloud_صحيفة-الشرق",
        "framing_naming",
    } <= stems
    assert len(stems) == len(charts)


# --- rendering ---------------------------------------------------------------------------


@needs_browser
def test_png_has_requested_pixel_size(charts):
    picked = [
        _by_name(charts, "speakers", "speakers"),
        _by_name(charts, "keywords", "cloud", LATIN_OUTLET),
    ]
    out = export.export_figures(picked, "png", scale=1.5, width=800, height=400)
    assert [c for c, _ in out] == picked
    for _, data in out:
        assert _png_size(data) == (1200, 600)  # 800×1.5, 400×1.5


@needs_browser
def test_png_default_height_is_the_figures_own(charts):
    chart = _by_name(charts, "framing", "naming")
    fig_height = chart.figure.layout.height
    assert fig_height  # figures.py sizes every figure
    [(_, data)] = export.export_figures([chart], "png", scale=2)
    assert _png_size(data) == (2400, 2 * fig_height)


@needs_browser
def test_png_is_not_blank(charts):
    [(_, data)] = export.export_figures([_by_name(charts, "speakers", "speakers")], "png", 1)
    with Image.open(io.BytesIO(data)) as img:
        colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20  # bars, text, anti-aliasing


@needs_browser
def test_svg_is_xml_with_the_arabic_labels(charts):
    speakers = _by_name(charts, "speakers", "speakers")
    naming = _by_name(charts, "framing", "naming")
    cloud = _by_name(charts, "keywords", "cloud", ARABIC_OUTLET)
    out = dict(
        (c.file_stem, d)
        for c, d in export.export_figures([speakers, naming, cloud], "svg", scale=1)
    )
    assert ARABIC_SPEAKER in _svg_texts(out["speakers_speakers"])
    assert "اتفاقية الشراكة" in _svg_texts(out["framing_naming"])
    cloud_text = _svg_texts(out["keywords_cloud_صحيفة-الشرق"])
    assert ARABIC_TERM in cloud_text and "العقوبات" in cloud_text
    root = ElementTree.fromstring(out["keywords_cloud_صحيفة-الشرق"])
    assert (root.get("width"), root.get("height")) == ("1200", "600")


def test_word_clouds_need_no_browser(charts, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert export.browser_available() == (False, export.NO_BROWSER_MESSAGE)
    clouds = [c for c in charts if c.kind == "cloud"]
    assert len(clouds) == 2
    out = export.export_figures(clouds, "png", scale=1.0, width=600)
    assert [_png_size(d) for _, d in out] == [(600, 300), (600, 300)]


def test_plotly_without_browser_raises_the_fix(charts, monkeypatch):
    export.shutdown()  # a running session would not look for the browser again
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(export.BrowserUnavailable, match="apt-get install chromium"):
        export.export_figures([_by_name(charts, "speakers", "kinds")], "png")


def test_bad_format_is_rejected(charts):
    with pytest.raises(ValueError, match="png, svg"):
        export.export_figures(charts[:1], "jpeg")


def test_progress_reports_every_chart(charts, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    clouds = [c for c in charts if c.kind == "cloud"]
    seen = []
    export.export_figures(clouds, "svg", progress=lambda d, t, title: seen.append((d, t, title)))
    assert seen == [(1, 2, clouds[0].title), (2, 2, clouds[1].title)]


# --- names, index and ZIP ----------------------------------------------------------------


def test_unique_names_number_repeats():
    a = Chart("keywords", "cloud", "x", outlet="Akhbar El Yom", kind="cloud")
    b = Chart("keywords", "cloud", "y", outlet="akhbar-el-yom", kind="cloud")  # same slug
    c = Chart("speakers", "speakers", "z")
    assert export.unique_names([a, b, c], "png") == [
        "keywords_cloud_akhbar-el-yom.png",
        "keywords_cloud_akhbar-el-yom-2.png",
        "speakers_speakers.png",
    ]


def _check_zip(data: bytes, fmt: str, expected_stems: set[str], filters: str) -> list[dict]:
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.testzip() is None
    names = set(zf.namelist())
    rows = list(csv.DictReader(io.StringIO(zf.read("index.csv").decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "file",
        "page",
        "chart",
        "title",
        "outlet",
        "format",
        "width",
        "height",
        "filters",
    ]
    assert {r["file"] for r in rows} == names - {"index.csv"}
    assert len(rows) == len(names) - 1
    assert {r["file"] for r in rows} == {f"{s}.{fmt}" for s in expected_stems}
    for r in rows:
        body = zf.read(r["file"])
        if fmt == "png":
            assert _png_size(body) == (int(r["width"]), int(r["height"]))
        else:
            root = ElementTree.fromstring(body)
            assert (root.get("width"), root.get("height")) == (r["width"], r["height"])
        assert r["format"] == fmt and r["filters"] == filters
        assert r["file"].startswith(f"{r['page']}_{r['chart']}")
    return rows


@needs_browser
def test_page_zip_matches_its_index(db_url):
    store = Store(db_url)
    try:
        wanted = page_charts(store, Filters(), "keywords")
    finally:
        store.close()
    data = export.export_zip(wanted, "png", scale=1.0, filters_description="outlets: all")
    rows = _check_zip(data, "png", {c.file_stem for c in wanted}, "outlets: all")
    outlets = {r["outlet"] for r in rows if r["chart"] == "cloud"}
    assert outlets == {ARABIC_OUTLET, LATIN_OUTLET}
    assert {r["width"] for r in rows} == {"1200"}


@needs_browser
def test_dashboard_zip_svg_matches_its_index(charts):
    data = export.export_zip(charts, "svg", scale=2.0, filters_description="f")
    rows = _check_zip(data, "svg", {c.file_stem for c in charts}, "f")
    assert len(rows) == len(charts)


# --- fonts -------------------------------------------------------------------------------


def test_fontconfig_keeps_the_system_config_and_adds_font_dirs(tmp_path):
    text = export.fontconfig_text(
        [Path("/fonts/a"), Path("/fonts/b & c")], "/etc/fonts/fonts.conf", tmp_path
    )
    root = ElementTree.fromstring(text)
    assert [e.text for e in root.iter("include")] == ["/etc/fonts/fonts.conf"]
    assert [e.text for e in root.iter("dir")] == ["/fonts/a", "/fonts/b & c"]


@pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig tools not installed")
def test_registered_fonts_are_found_by_fontconfig():
    conf = export.register_fonts()
    assert conf is not None and os.environ["FONTCONFIG_FILE"] == str(conf)
    found = subprocess.run(
        ["fc-match", "-f", "%{family}|%{file}", "IBM Plex Sans Arabic"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert found.startswith("IBM Plex Sans Arabic")
    assert Path(found.split("|")[1]).parent in export.font_dirs()


# --- command line ------------------------------------------------------------------------


def _cli(tmp_path: Path, db_url: str, *args: str, env_extra: dict | None = None):
    env = {**os.environ, "DASHBOARD_DATABASE_URL": db_url, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--out", str(tmp_path / "out"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


@needs_browser
def test_cli_writes_every_chart_as_svg(tmp_path, db_url, charts):
    run = _cli(tmp_path, db_url, "--format", "svg", "--scale", "1", "--zip")
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    rows = list(csv.DictReader((out / "index.csv").read_text("utf-8-sig").splitlines()))
    assert {r["file"] for r in rows} == {f"{c.file_stem}.svg" for c in charts}
    for r in rows:
        ElementTree.parse(out / r["file"])  # valid XML
    assert ARABIC_SPEAKER in _svg_texts((out / "speakers_speakers.svg").read_bytes())
    with zipfile.ZipFile(out / "dashboard.zip") as zf:
        assert set(zf.namelist()) == {r["file"] for r in rows} | {"index.csv"}
    assert f"Wrote {len(charts)} SVG files" in run.stdout


def test_cli_filters_by_outlet(tmp_path, db_url):
    # Without a browser only the clouds are written, which is enough to see the filter.
    run = _cli(
        tmp_path,
        db_url,
        "--format",
        "svg",
        "--scale",
        "1",
        "--outlets",
        LATIN_OUTLET,
        env_extra={"BROWSER_PATH": "/nonexistent/chromium"},
    )
    assert run.returncode == 2
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["index.csv", "keywords_cloud_akhbar-test.svg"]
    index = (tmp_path / "out" / "index.csv").read_text("utf-8-sig")
    assert f"outlets: {LATIN_OUTLET}; languages: all" in index


def test_cli_without_browser_writes_clouds_and_fails(tmp_path, db_url):
    run = _cli(
        tmp_path,
        db_url,
        "--format",
        "png",
        "--scale",
        "1",
        env_extra={"BROWSER_PATH": "/nonexistent/chromium"},
    )
    assert run.returncode == 2
    assert "sudo apt-get install chromium" in run.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == [
        "index.csv",
        "keywords_cloud_akhbar-test.png",
        "keywords_cloud_صحيفة-الشرق.png",
    ]


# --- Streamlit controls ------------------------------------------------------------------


def _chart_app():
    import plotly.graph_objects as go

    from dashboard.output.charts import Chart
    from dashboard.web import ui_export

    fig = go.Figure(go.Bar(x=["أ", "ب"], y=[1, 2]))
    ui_export.chart_download(Chart("speakers", "kinds", "Kinds", fig), key="plot", warm=False)
    ui_export.chart_download(
        Chart(
            "keywords",
            "cloud",
            "Cloud",
            kind="cloud",
            outlet="X",
            frequencies={"روسيا": 3, "الحلف": 2},
        ),
        key="cloud",
        warm=False,
    )


def _run_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_chart_app).run(timeout=30)
    assert not at.exception
    return at


def test_chart_download_without_browser_shows_the_fix(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = _run_app()
    captions = [c.value for c in at.caption]
    assert any(export.NO_BROWSER_MESSAGE in c for c in captions)
    buttons = {b.key: b for b in at.get("download_button")}
    assert buttons["plot_dl"].proto.disabled is True
    assert buttons["cloud_dl"].proto.disabled is False  # clouds need no browser
    assert buttons["cloud_dl"].proto.label == "Download PNG"


@needs_browser
def test_chart_download_with_browser_has_no_warning():
    at = _run_app()
    assert not any(export.NO_BROWSER_MESSAGE in c.value for c in at.caption)
    assert all(not b.proto.disabled for b in at.get("download_button"))
