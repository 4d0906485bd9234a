"""The server's warm-up (dashboard/web/warm.py, started by dashboard/serve.py).

The warm-up is worth something only if the first reader's run finds what it computed: after
warm.run(), the first AppTest run of every page must not compute any cached page-data
function itself (Streamlit's cache-miss path is counted). With DASHBOARD_WARM_UP=0 nothing
is started, and the same first run computes its data (so the count can fail).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.caching import cache_utils
from streamlit.testing.v1 import AppTest

from dashboard.ingest.ingest import ingest_path
from dashboard.storage.store import open_store
from dashboard.web import warm

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
CORPUS = ROOT / "tests" / "data" / "multi_outlet"  # 12 articles, 10 outlets, 2 languages
PAGES = ["overview", "timeline", "speakers", "keywords", "framing", "reader", "syndication"]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("warm") / "warm.duckdb"
    url = f"duckdb:///{path}"
    store = open_store(url)
    report = ingest_path(store, CORPUS, workers=1)
    assert report.added == 12, report.rows()
    store.close()
    return url


@pytest.fixture
def app_env(corpus_db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", corpus_db)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    monkeypatch.setattr(warm, "_thread", None)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def computed(monkeypatch) -> list[str]:
    """Names of the cached functions that computed a value (a cache miss), in order."""
    names: list[str] = []
    original = cache_utils.CachedFunc._handle_cache_miss

    def counting(self, cache, value_key, func_args, func_kwargs):
        names.append(self._info.display_name)
        return original(self, cache, value_key, func_args, func_kwargs)

    monkeypatch.setattr(cache_utils.CachedFunc, "_handle_cache_miss", counting)
    return names


def first_run(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if page != "overview":
        at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_a_page_first_run_after_the_warm_up_computes_no_page_data(app_env, computed, page):
    report = warm.run()
    assert "error" not in report, report
    assert set(PAGES) <= set(report), report
    assert computed, "the warm-up computed nothing"
    computed.clear()
    at = first_run(page)
    assert not computed, f"{page} computed {computed} after the warm-up"
    assert at.title[0].value  # the page itself was drawn


def test_warm_up_off_starts_nothing_and_the_first_run_computes(app_env, computed, monkeypatch):
    monkeypatch.setenv("DASHBOARD_WARM_UP", "0")
    assert not warm.enabled()
    assert warm.start() is None
    assert warm._thread is None
    first_run("speakers")
    assert "dashboard.web.ui_speakers._data" in computed, computed
    assert "dashboard.web.ui_speakers._statements" in computed, computed


def test_start_runs_once_per_process_in_the_background(app_env, computed, monkeypatch):
    monkeypatch.delenv("DASHBOARD_WARM_UP", raising=False)
    thread = warm.start()
    assert thread is not None and thread.daemon
    assert warm.start() is None  # a second call (another lifespan) starts nothing
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert "error" not in warm.report and "overview" in warm.report, warm.report


def test_warm_up_releases_the_duckdb_file(app_env, corpus_db):
    """The CLI (another process) must be able to open the file once the warm-up is done:
    the warm-up holds it one page at a time, like a page run."""
    warm.run()
    path = corpus_db.removeprefix("duckdb:///")
    opened = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({path!r}).close()"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert opened.returncode == 0, opened.stderr


def test_empty_store_is_left_to_the_first_session(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"duckdb:///{tmp_path / 'empty.duckdb'}")
    st.cache_resource.clear()
    try:
        report = warm.run()
    finally:
        st.cache_resource.clear()
    assert report.get("empty_store") and "overview" not in report, report


def test_serve_py_is_an_st_app_whose_script_is_app_py():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "dashboard" / "serve.py")
    assert found.is_asgi_app and found.import_string == "serve:app"
    # app.py stays a plain script (AppTest runs it; `streamlit run dashboard/app.py` too).
    assert not discover_asgi_app(ROOT / "dashboard" / "app.py").is_asgi_app


def test_the_warm_up_waits_while_a_page_runs(app_env, monkeypatch):
    """A reader who comes while the warm-up runs gets the cores for their own page: the
    warm-up starts no page while a page run (ui.store_connection) is in progress."""
    monkeypatch.setattr(warm, "YIELD_MAX_S", 60.0)
    warm.report.clear()
    with warm.page_run():
        thread = threading.Thread(target=warm.run, daemon=True)
        thread.start()
        deadline = time.time() + 60
        while "store" not in warm.report and time.time() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)
        assert "store" in warm.report and "overview" not in warm.report, warm.report
    thread.join(timeout=300)
    assert "overview" in warm.report and "error" not in warm.report, warm.report


def test_warm_up_on_postgresql_fills_the_cache_and_closes_its_connection(
    pg_server, tmp_path, monkeypatch, computed
):
    url = pg_server.new_database()
    store = open_store(url)
    assert ingest_path(store, CORPUS, workers=1).added == 12
    store.close()
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        thread = threading.Thread(target=warm.run, args=(("overview", "speakers"),))
        thread.start()
        thread.join(timeout=300)
        assert "error" not in warm.report and "speakers" in warm.report, warm.report
        computed.clear()
        first_run("speakers")
        assert not computed, computed
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
