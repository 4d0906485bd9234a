"""Streamlit download controls: one chart as PNG/SVG, or every chart of a page/the dashboard
as a ZIP. The rendering itself lives in export.py (no Streamlit there).

How to call them:

    # app.py, once per run, after the sidebar filters (adds "Export scale" to the sidebar):
    ui_export.export_settings()

    # a page, right under each chart; build the Chart the way charts.py does, so the file
    # name matches the one in the ZIPs and the CLI export:
    fig = figures.speakers_bar(counts)
    ui.plot(fig, key="speakers_bar")
    ui_export.chart_download(
        Chart("speakers", "speakers", "Who is quoted or cited", fig), key="speakers_bar")

    # a word cloud (needs no browser, so it stays downloadable without Chromium):
    ui_export.chart_download(
        Chart("keywords", "cloud", f"Word cloud: {outlet}", outlet=outlet, kind="cloud",
              frequencies=dict(by_outlet[outlet].most_common(max_words))),
        key=f"kw_cloud_{i}")

    # at the end of a page / on the overview page:
    ui_export.page_zip_button(store, f, "speakers", key="speakers_zip")
    ui_export.dashboard_zip_button(store, f, key="dashboard_zip")

Keys must be unique on a page; each control derives its widget keys from `key`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard.escaping import inert
from dashboard.output import charts as chart_registry
from dashboard.output import export
from dashboard.output.charts import Chart
from dashboard.storage.store import Filters, Store

SCALE_KEY = "export_scale"
DEFAULT_SCALE = 2.0
_FORMATS = {"PNG": "png", "SVG": "svg"}
# Seconds after a chart is first drawn before the export browser starts: long enough for
# the page (and the reader's browser) to finish the first load on a 2-core server.
WARM_UP_DELAY_S = 20.0


def export_settings() -> float:
    """The sidebar's "Export scale" (pixel multiplier for PNG downloads). Call once per run."""
    return float(
        st.sidebar.number_input(
            "Export scale",
            min_value=1.0,
            max_value=4.0,
            value=DEFAULT_SCALE,
            step=0.5,
            key=SCALE_KEY,
            help="Image downloads are 1200 px wide times this factor (2 → 2400 px).",
        )
    )


def export_scale() -> float:
    """The chosen scale, or the default when export_settings() was not rendered."""
    try:
        return float(st.session_state.get(SCALE_KEY, DEFAULT_SCALE))
    except (TypeError, ValueError):
        return DEFAULT_SCALE


def _format_choice(key: str, disabled: bool = False) -> str:
    choice = st.segmented_control(
        "Image format",
        list(_FORMATS),
        default="PNG",
        key=f"{key}_fmt",
        label_visibility="collapsed",
        disabled=disabled,
    )
    return _FORMATS.get(choice or "PNG", "png")


def _no_browser_note(extra: str = "") -> None:
    st.caption(f":material/warning: {export.NO_BROWSER_MESSAGE}{extra}")


def chart_download(chart: Chart, key: str, warm: bool = True) -> None:
    """A compact format choice and download button for one chart.

    The image is rendered only when the button is clicked (deferred `data` callable). Plotly
    charts need the server's Chromium; without it the button is disabled and the fix is
    shown (Plotly's own modebar "download as PNG" keeps working in the browser). With
    `warm`, the export browser is started in the background so the first click is fast.
    """
    ok, _ = export.browser_available()
    needs_browser = chart.kind != "cloud"
    blocked = needs_browser and not ok
    scale = export_scale()
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    with row:
        fmt = _format_choice(key, disabled=blocked)
        size = f"{int(export.DEFAULT_WIDTH * scale)} px wide" if fmt == "png" else "vector"

        def render() -> bytes:
            return export.export_figures([chart], fmt, scale=scale)[0][1]

        st.download_button(
            f"Download {fmt.upper()}",
            data=render,
            file_name=f"{chart.file_stem}.{fmt}",
            mime=export.MIME[fmt],
            key=f"{key}_dl",
            on_click="ignore",
            icon=":material/download:",
            disabled=blocked,
            help=f"{inert(chart.title)} ({size})",
        )
    if blocked:
        _no_browser_note()
    elif needs_browser and warm:
        export.warm_up(delay=WARM_UP_DELAY_S)


def _signature(store: Store, f: Filters, fmt: str, scale: float, extra: tuple = ()) -> tuple:
    return (store.url, store.data_version(), f.key(), fmt, scale, extra)


def _zip_control(
    build: Callable[[], list[Chart]],
    label: str,
    file_name: str,
    store: Store,
    f: Filters,
    key: str,
    selection: tuple = (),
) -> None:
    """Two steps, so a progress bar can run: the button exports, then a save button
    offers the ZIP (kept in the session until the filters, data, format or scale change)."""
    ok, _ = export.browser_available()
    scale = export_scale()
    state_key = f"_export_zip_{key}"
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        fmt = _format_choice(key)
        clicked = st.button(label, key=f"{key}_make", icon=":material/folder_zip:")
    if not ok:
        _no_browser_note(" — without it the ZIP holds only the word clouds.")
    signature = _signature(store, f, fmt, scale, selection)
    if clicked:
        wanted = build()
        if not ok:
            wanted = [c for c in wanted if c.kind == "cloud"]
        if not wanted:
            st.warning(
                "Nothing to export here without a browser."
                if not ok
                else "No charts for the current filters."
            )
            return
        bar = st.progress(0.0, text=f"Exporting {len(wanted)} charts…")

        def progress(done: int, total: int, title: str) -> None:
            bar.progress(done / max(total, 1), text=f"Exported {done}/{total}: {title}")

        try:
            data = export.export_zip(wanted, fmt, scale, f.describe(), progress=progress)
        except export.ExportError as exc:
            bar.empty()
            st.error(str(exc))
            return
        bar.empty()
        st.session_state[state_key] = (signature, data, len(wanted))
    saved = st.session_state.get(state_key)
    if saved and saved[0] == signature:
        _, data, n = saved
        st.download_button(
            f"Save {file_name} ({n} charts, {len(data) / 1e6:.1f} MB)",
            data=data,
            file_name=file_name,
            mime=export.MIME["zip"],
            key=f"{key}_save",
            on_click="ignore",
            icon=":material/download:",
            type="primary",
        )


def page_zip_button(
    store: Store,
    f: Filters,
    page: str,
    key: str,
    extra: list[Chart] | None = None,
    selection: tuple = (),
) -> None:
    """The "Download all charts on this page (ZIP)" control for one page of charts.PAGES.

    `extra`: charts the page draws from its own selection (Framing's two-sided frame
    profile) put first in the ZIP; `selection` identifies that selection, so a ZIP made
    for another one is not offered."""
    _zip_control(
        lambda: [*(extra or []), *chart_registry.page_charts(store, f, page)],
        "Download all charts on this page (ZIP)",
        f"{page}_charts.zip",
        store,
        f,
        key,
        selection,
    )


def dashboard_zip_button(store: Store, f: Filters, key: str) -> None:
    """The "Download the whole dashboard (ZIP)" control: every chart of every page."""
    _zip_control(
        lambda: chart_registry.dashboard_charts(store, f),
        "Download the whole dashboard (ZIP)",
        "dashboard_charts.zip",
        store,
        f,
        key,
    )
