"""Warm start: the work of every page's first run, done once when the server starts.

A just-started server's first reader waited for the app's imports (pandas, Plotly, ours:
~2.4 CPU s), the Plotly template (~0.4 s) and the page's queries (~0.7 s at 100,000
articles) before anything was drawn. `start()` does that work in a background thread as
soon as the server is up (dashboard/serve.py's lifespan, which runs before the first
session and never delays the health check): it imports what the pages import, builds the
Plotly template, opens the store and calls the default view's cached page-data functions
of every page — the same `st.cache_data` functions with the same arguments the pages pass
for a new session (no filters, the first page of every list), so the first reader's run
finds them cached.

Safe to run beside the first sessions and the CLI:

* The store is held one page at a time (`Store.connected()`), and released in between
  and at the end, like a page run: `python -m dashboard ingest|export` and other instances
  can use the DuckDB file while the app runs. A file kept busy by another process makes
  the warm-up stop (logged), never wait forever or fail the server.
* A session asking for a value the warm-up is computing waits for it (Streamlit takes a
  lock per cached value) instead of computing it twice.
* Access control: the cached values are the same for every reader (keyed by the database,
  its data version and the filters, never by user), and a signed-out session never reaches
  page code (app.py stops it at the sign-in form), so a filled cache shows nothing to
  anybody who could not already see it.

`DASHBOARD_WARM_UP=0` turns it off. Nothing here runs on import; no Streamlit session is
needed (st.cache_data works from any thread).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from streamlit.logger import get_logger

from dashboard import config

log = get_logger(__name__)  # Streamlit's handler and level (--logger.level)

VIEWS_DIR = Path(__file__).resolve().parent.parent / "views"
PAGES = ("overview", "timeline", "speakers", "keywords", "framing", "reader", "syndication")

_lock = threading.Lock()
_thread: threading.Thread | None = None
# Page runs in progress (ui.store_connection counts them): the warm-up waits for none to be
# running before each page, so a reader who comes while it runs gets the cores (and the
# GIL) for their own page, and shares the warm-up's work only where they overlap.
_runs = 0
_idle = threading.Condition()
YIELD_MAX_S = 30.0
# What the last run did: seconds per step, and an error if it stopped (for tests and logs).
report: dict[str, Any] = {}


def enabled() -> bool:
    return config.get("warm_up") != "0"


@contextmanager
def page_run() -> Iterator[None]:
    """Around every page run (ui.store_connection)."""
    global _runs
    with _idle:
        _runs += 1
    try:
        yield
    finally:
        with _idle:
            _runs -= 1
            _idle.notify_all()


def _yield_to_readers() -> None:
    """Wait until no page run is in progress (at most YIELD_MAX_S: a server that is never
    idle still gets warmed)."""
    with _idle:
        _idle.wait_for(lambda: _runs == 0, timeout=YIELD_MAX_S)


def _p(fn, *args, **kwargs):
    """One cached call of the warm-up, after any page run in progress: a reader who comes
    while the warm-up runs shares at most the call under way, not the rest of a page."""
    _yield_to_readers()
    return fn(*args, **kwargs)


def start() -> threading.Thread | None:
    """Start the warm-up once per process, in a daemon thread (None when switched off or
    already started)."""
    global _thread
    if not enabled():
        log.info("warm-up off (DASHBOARD_WARM_UP=0)")
        return None
    with _lock:
        if _thread is not None:
            return None
        _thread = threading.Thread(target=run, name="dashboard-warm-up", daemon=True)
        _thread.start()
        return _thread


def run(pages: tuple[str, ...] = PAGES) -> dict[str, Any]:
    """The whole warm-up, in the calling thread; returns (and keeps in `report`) the
    seconds each step took. Never raises: a warm-up that fails leaves the pages to do
    their own work, as without it."""
    report.clear()
    t0 = time.perf_counter()
    try:
        _step("imports", _imports)
        _step("plotly", _plotly)
        store = _step("store", _open_store)
        if store is not None:
            from dashboard.storage.store import Filters

            f = Filters()  # a new session's filters: nothing picked in the sidebar
            try:
                for page in pages:
                    _yield_to_readers()  # and before each call (_p)
                    with store.connected():  # one page at a time: the file is free between
                        _step(page, globals()[f"_{page}"], store, f)
            finally:
                if store.kind == "postgresql":
                    store.close()  # this thread's own connection (one per thread)
    except Exception as exc:  # noqa: BLE001 - the pages still work without a warm cache
        report["error"] = f"{type(exc).__name__}: {exc}"
        log.warning("warm-up stopped: %s", report["error"])
    report["total"] = round(time.perf_counter() - t0, 3)
    log.info("warm-up: %s", report)
    return report


def _step(name: str, fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    report[name] = round(time.perf_counter() - t, 3)
    return out


def view_imports() -> list[str]:
    """The modules the page scripts import (read from their source, so a page's new
    import is warmed without listing it here)."""
    names: set[str] = set()
    for path in sorted(VIEWS_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                # `from dashboard.web import ui`: the names may be modules themselves.
                names.update(f"{node.module}.{a.name}" for a in node.names)
    return sorted(names)


def _imports() -> None:
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401

    import dashboard.web.ui  # noqa: F401

    for name in view_imports():
        # `from X import a_function` lists X.a_function: not a module, and X is imported.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def _plotly() -> None:
    """Plotly's default template is loaded on the first figure (~0.4 s), and the first
    figure serialised (what st.plotly_chart does) loads the JSON encoders."""
    import plotly.graph_objects as go
    import plotly.io as pio

    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    pio.to_json(fig, validate=False)


def _open_store():
    """The app's own store object (ui.store_for's cached resource), its aggregates and
    outlet registry brought up to date as a page run would; None for an empty store (the first session ingests the
    seeds, with its progress bar)."""
    from dashboard.web import ui

    store = ui.store_for(ui.database_url())
    with store.connected():
        if store.count() == 0:
            report["empty_store"] = True
            return None
        ui.ensure_aggregates(store)
        # The sidebar's outlet-registry sync: when it has something to write it changes the
        # data version, and with it every cache key, so it runs before the page data.
        from dashboard.storage import outlets

        try:
            outlets.ensure_synced(store)
        except Exception as exc:  # noqa: BLE001 - the sidebar shows this one to the reader
            log.warning("warm-up: outlet registry not synced: %s", exc)
    return store


# --------------------------------------------------------------------------- pages
# Each mirrors its page's default view (views/<page>.py): the same cached calls with the
# same arguments. tests/test_warm.py runs every page after run() and fails on any
# cached page-data function the page computes itself, so a page that changes its calls
# shows up there.


def _overview(store, f) -> None:
    from dashboard.web import ui

    _p(ui.outlet_summary, store, f)
    _p(ui.language_counts, store, f)
    _p(ui.outlet_headlines, store, f)
    _p(ui.page_charts, store, f, "overview")
    _p(ui._article_page, store, store.url, ui.data_state(store), f.key(), ui.ARTICLE_PAGE)


def _timeline(store, f) -> None:
    from dashboard.web import ui

    _p(ui.page_charts, store, f, "timeline")
    _p(ui.coverage_by_day, store, f)
    _p(ui.event_picker_top, store, f)
    _p(ui.event_options, store, f, "", None)
    for vague in (False, True):
        state = ui.data_state(store)
        _p(ui._mentions_page, store, store.url, state, f.key(), vague, ui.ARTICLE_PAGE)


def _speakers(store, f) -> None:
    from dashboard.storage import queries
    from dashboard.web import ui_speakers as sp

    if not queries.speaker_identity_current(store):
        # What the page's first run would do (a minute per 100,000 articles), done before
        # anybody waits for it.
        _p(queries.refresh_speaker_identity, store)
    view = _p(sp.data, store, f, "speaker_page", sp.SPEAKER_TABLE_PAGE)
    if view.pairs == 0:
        return
    _p(sp.data, store, f, "charts")
    _p(sp.data, store, f, "merged_spelling_count")
    _p(sp.data, store, f, "speaker_people", "", queries.SPEAKER_PICKER_MAX)
    _p(sp.statements, store, f, None, None, sp.STATEMENT_PAGE)
    shown = list(dict.fromkeys([*view.table["speaker"], *view.chart["speaker"]]))
    _p(sp.data, store, f, "merged_spellings", shown)


def _keywords(store, f) -> None:
    from dashboard.web import ui

    by_outlet = _p(ui.grouped_terms, store, f)
    if not by_outlet:
        return
    outlets = sorted(by_outlet)
    shown = outlets
    if len(outlets) > CLOUDS_SHOWN:
        largest = sorted(outlets, key=lambda o: (-sum(by_outlet[o].values()), o))[:CLOUDS_SHOWN]
        shown = [o for o in outlets if o in set(largest)]
    charts = _p(ui.keyword_charts, store, f, shown, cloud_words=CLOUD_WORDS)
    for chart in charts:
        if chart.kind == "cloud":  # the images (about 0.3 s each), as show_chart asks
            _p(ui._cloud_image, tuple(chart.frequencies.items()))
    _p(ui.distinctive_terms, store, f)


# views/keywords.py's defaults: the clouds drawn without asking, the slider's start value.
CLOUDS_SHOWN = 6
CLOUD_WORDS = 80


def _framing(store, f) -> None:
    from dashboard.web import ui

    if len(_p(ui.outlet_summary, store, f)) <= 2:
        return  # the two-outlet comparison: embeds on demand, not warmed
    from dashboard.views import framing_all

    _p(framing_all.claim_map, store, f, f.count_mode == "clusters")
    for which in framing_all.MATRICES:
        _p(framing_all.matrix, store, f, which)


def _reader(store, f) -> None:
    from dashboard.web import ui

    _p(ui.reader_choices, store, f)


def _syndication(store, f) -> None:
    from dashboard.web import ui

    _p(ui.cluster_copies, store, f)
    _p(ui.cluster_summary, store, f)
    _p(ui.agency_credit_counts, store, f)
