"""Shared Streamlit helpers: the store resource, cached page data, the sidebar filter,
right-to-left rendering and escaping. Session-state and cache keys live here only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import config
from dashboard.analysis import identity
from dashboard.escaping import inert
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store, StoreBusy, StoreError, open_store

FILTERS_KEY = "filters"
COUNT_MODE_LABELS = {"clusters": "Count each cluster once", "copies": "Count every copy"}

# Right-to-left blocks for Arabic, left-to-right for English; bidi isolation so mixed
# strings (an English name inside Arabic) keep their own direction.
CSS = """
<style>
.rtl { direction: rtl; text-align: right; unicode-bidi: isolate; }
.ltr { direction: ltr; text-align: left; unicode-bidi: isolate; }
.article-text p { font-size: 1.05rem; line-height: 1.9; margin-bottom: .6rem; }
.article-text .rtl, .rtl.article-text { font-family: 'IBM Plex Sans Arabic', 'Amiri', 'Noto Naskh Arabic', sans-serif; }
mark.q { background: #fff3b0; padding: 0 .1em; }
mark.qd { background: #ffd6a5; padding: 0 .1em; }
mark.sp { background: #bde0fe; padding: 0 .1em; font-weight: 600; }
mark.dt { background: #caffbf; padding: 0 .1em; }
mark.ev { background: #ffc6ff; padding: 0 .1em; }
mark.ins { background: #c7f9cc; } mark.del { background: #ffccd5; text-decoration: line-through; }
.card-title { font-weight: 600; overflow-wrap: anywhere; }
.card-headlines { overflow-wrap: anywhere; }
.card-headlines > div { margin-bottom: .35rem; }
.card-grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr));
  gap: 1rem; margin-bottom: 1rem; }
.card-grid.cols-1 { grid-template-columns: minmax(0, 1fr); }
.card-grid.cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
@media (max-width: 640px) { .card-grid.cols-2, .card-grid.cols-3 {
  grid-template-columns: minmax(0, 1fr); } }
.card-grid .card { border: 1px solid rgba(128, 128, 128, .3); border-radius: .5rem;
  padding: 1rem; min-width: 0; }
.card .cap { font-size: .875rem; opacity: .7; margin: .25rem 0; overflow-wrap: anywhere; }
.card .kpis { display: flex; gap: .75rem; margin: .5rem 0; }
.card .kpi { flex: 1 1 0; min-width: 0; }
.card .kpi .lbl { font-size: .875rem; opacity: .8; }
.card .kpi .val { font-size: 1.75rem; line-height: 1.3; font-variant-numeric: tabular-nums; }
.muted { color: #6b7280; font-size: .9rem; }
mark.kw { background: #fde68a; padding: 0 .1em; font-weight: 600; }
.tbl-wrap { overflow: auto; border: 1px solid #e5e7eb; border-radius: .4rem; margin-bottom: 1rem; }
table.data { border-collapse: collapse; width: 100%; font-size: .92rem; margin: 0; }
table.data th { position: sticky; top: 0; background: #f9fafb; font-weight: 600; }
table.data th, table.data td { border-bottom: 1px solid #eef0f3; padding: .3rem .5rem;
  vertical-align: top; }
table.data td.short { white-space: nowrap; }
table.data td.prose { min-width: 14em; }
table.data td.link { word-break: break-all; min-width: 10em; max-width: 22em; font-size: .85rem; }
table.data td.num { text-align: right; direction: ltr; font-variant-numeric: tabular-nums; }
ol.prov { padding-inline-start: 1.4rem; margin: 0; }
ol.prov li { margin-bottom: .55rem; line-height: 1.8; }
ol.prov li.rtl { font-family: 'IBM Plex Sans Arabic', 'Amiri', 'Noto Naskh Arabic', sans-serif; }
ol.prov .src { color: #6b7280; font-size: .85rem; }
</style>
"""


def esc(value: Any) -> str:
    """Escape untrusted text for any Markdown-rendering element: st.markdown (with or
    without unsafe_allow_html), captions, metric labels, expander titles, alerts, help
    texts, radio options. HTML tags, Markdown links/images/emphasis/code/math and bare
    URLs all show as text (escaping.inert). Not for plain-text elements (selectbox
    options, dataframes, st.text), which would show the character references."""
    return inert(value)


def dir_class(text: str, language: str | None = None) -> str:
    from dashboard.analysis.textproc import detect_language

    lang = language or detect_language(text or "")
    return "rtl" if lang == "ar" else "ltr"


def text_block(text: str, language: str | None = None, css: str = "", tag: str = "div") -> str:
    """One escaped paragraph in its own direction (dir attribute + class)."""
    cls = dir_class(text, language)
    d = "rtl" if cls == "rtl" else "ltr"
    flat = " ".join(str(text).split())
    return f'<{tag} dir="{d}" class="{cls} {css}">{esc(flat)}</{tag}>'


def card_html(
    title: str,
    caption: str | None,
    metrics: list[tuple[str, Any]],
    note: str,
    lines: list[tuple[str, str | None]],
) -> str:
    """One bordered card as escaped HTML (for card_grid): a title in its own direction, a
    caption, a row of label/value metrics, a note, and lines (text, language) each in its
    own direction. Every text is escaped here."""
    kpis = "".join(
        f'<div class="kpi"><div class="lbl">{esc(label)}</div>'
        f'<div class="val">{esc(value)}</div></div>'
        for label, value in metrics
    )
    body = "".join(text_block(text, lang, css="muted") for text, lang in lines)
    return (
        f'<div class="card">{text_block(title, None, css="card-title")}'
        + (f'<div class="cap">{esc(caption)}</div>' if caption else "")
        + f'<div class="kpis">{kpis}</div><div class="cap">{esc(note)}</div>'
        + f'<div class="card-headlines">{body}</div></div>'
    )


def card_grid(cards: list[str], columns: int = 3) -> None:
    """Cards (card_html) in a grid of `columns`, drawn as ONE Markdown element: dozens of
    st.container/st.columns/st.metric elements per card cost the browser seconds of
    React work on a page with many outlets (one element per card grid instead)."""
    cols = max(1, min(int(columns), 3, len(cards) or 1))
    st.markdown(
        f'<div class="card-grid cols-{cols}">{"".join(cards)}</div>', unsafe_allow_html=True
    )


def show_text(text: str, language: str | None = None, css: str = "") -> None:
    st.markdown(text_block(text, language, css), unsafe_allow_html=True)


def inject_css() -> None:
    st.markdown(CSS, unsafe_allow_html=True)


@st.cache_resource(show_spinner=False)
def store_for(url: str) -> Store:
    return open_store(url)


def database_url() -> str:
    """Env variable first, then `.streamlit/secrets.toml` ([database] url), then DuckDB."""
    env = config.get("database_url")
    if env:
        return env
    try:
        url = st.secrets.get("database", {}).get("url", "")
    except Exception:  # no secrets file is the normal local case
        url = ""
    return url or config.database_url()


BUSY_MESSAGE = (
    "The database is busy: another process (an ingest, an export or another dashboard "
    "instance) is using it. Reload the page in a moment."
)


@contextmanager
def store_connection() -> Iterator[None]:
    """Hold one database connection for a page run (app.py). On the embedded DuckDB file
    it is released when the run ends, so the CLI and other app instances can use the file
    between runs; a file that stays busy shows a message instead of the page."""
    from dashboard.web import warm

    with warm.page_run():
        yield from _store_connection()


def _store_connection() -> Iterator[None]:
    try:
        lease = store_for(database_url()).connected()
        lease.__enter__()
    except StoreBusy:
        st.warning(BUSY_MESSAGE)
        st.stop()
        raise
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
        raise
    try:
        yield
    finally:
        lease.__exit__(None, None, None)


def get_store() -> Store:
    url = database_url()
    try:
        store = store_for(url)
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
    ensure_seeded(store)
    ensure_aggregates(store)
    return store


def ensure_aggregates(store: Store) -> None:
    """Page counts come from the aggregate tables while they match the stored data (an
    older database, or one changed by another tool, gets them here, incrementally); if
    they cannot be refreshed now the pages read the base tables: slower, same numbers."""
    from dashboard.storage import aggregates

    try:
        aggregates.ensure_fresh(store)
    except Exception as exc:  # noqa: BLE001 - a busy file, a read-only user: not fatal
        import logging

        logging.getLogger(__name__).warning("page aggregates not refreshed: %s", exc)


def ensure_seeded(store: Store) -> None:
    """First run on an empty store: ingest the seeds folder so the app shows data."""
    if st.session_state.get("_seed_checked"):
        return
    if store.count() == 0 and config.get("auto_ingest_seeds") == "1":
        from pathlib import Path

        from dashboard.ingest.ingest import ingest_path

        seeds = Path(config.get("seeds_dir"))
        if seeds.is_dir():
            bar = st.progress(0.0, text="First run: analysing the seed articles…")

            def progress(done: int, total: int, title: str) -> None:
                bar.progress(done / max(total, 1), text=f"Analysing {done}/{total}")

            report = ingest_path(store, seeds, workers=1, progress=progress)
            bar.empty()
            st.toast(f"Seed articles ingested: {esc(report.summary())}")
    st.session_state["_seed_checked"] = True


def data_state(store: Store) -> tuple:
    """What cached page data depends on besides the filters: the stored data's version and
    the alias file (speaker rows on every page are merged through it)."""
    return (store.data_version(), identity.aliases_signature())


def cached(fn: Callable[..., pd.DataFrame]) -> Callable[[Store, Filters], Any]:
    """Cache a page-data query on (database, data_state(), filters)."""

    @st.cache_data(show_spinner=False, max_entries=256)
    def _run(_store: Store, url: str, version: tuple, fkey: tuple, name: str) -> Any:
        f = Filters.from_key(fkey)
        return fn(_store, f)

    def wrapper(store: Store, f: Filters) -> Any:
        return _run(store, store.url, data_state(store), f.key(), fn.__name__)

    wrapper.__name__ = fn.__name__
    return wrapper


outlet_summary = cached(queries.outlet_summary)
language_counts = cached(queries.language_counts)
outlet_headlines = cached(queries.outlet_headlines)
articles = cached(queries.articles)
coverage_by_day = cached(queries.coverage_by_day)
event_dates = cached(queries.event_dates)
quotes = cached(queries.quotes)
speaker_counts = cached(queries.speaker_counts)
kind_counts = cached(queries.kind_counts)
grouped_terms = cached(queries.grouped_terms_by_outlet)
distinctive_terms = cached(queries.distinctive_terms)
frame_scores = cached(queries.frame_scores)
event_name_counts = cached(queries.event_name_counts)


event_points = cached(queries.event_points)
event_labels = cached(queries.event_labels)


def event_picker_top(store: Store, f: Filters) -> pd.DataFrame:
    """The event points the picker offers without a search (the most mentioned, a few
    spare for points sharing an option), with the totals in attrs (queries.event_top)."""
    from dashboard.web import event_picker

    return queries.event_top(store, f, event_picker.PICKER_MAX * 2)


event_picker_top = cached(event_picker_top)


def cluster_copies(store: Store, f: Filters) -> pd.DataFrame:
    """The Wire copies page's copies (syndication.cluster_copies), cached."""
    from dashboard.storage import syndication

    return syndication.cluster_copies(store, f)


cluster_copies = cached(cluster_copies)


def cluster_summary(store: Store, f: Filters) -> pd.DataFrame:
    """syndication.clusters() from the cached copies: the rows are read once, not twice."""
    from dashboard.storage import syndication

    return syndication.cluster_table(cluster_copies(store, f))


cluster_summary = cached(cluster_summary)


def agency_credit_counts(store: Store, f: Filters) -> pd.DataFrame:
    """The Wire copies page's agency credits (syndication.agency_credit_counts), cached."""
    from dashboard.storage import syndication

    return syndication.agency_credit_counts(store, f)


agency_credit_counts = cached(agency_credit_counts)


def event_of(store: Store, f: Filters, value: str | None) -> pd.DataFrame | None:
    """The points of the event behind a picker value ("start|end|outlet"), or None when
    the value names no event under the filters (a stale link, another filter)."""
    from dashboard.web import event_picker

    try:
        start, end, outlet = (value or "").split(event_picker.SEP, 2)
        rows = queries.event_top(store, f, 0, event=(start, end, outlet))
    except ValueError:
        return None
    return None if rows.empty else rows


@st.cache_data(show_spinner=False, max_entries=64)
def _event_options(_store: Store, url: str, version: tuple, fkey: tuple, search: str, keep):
    from dashboard.web import event_picker

    f = Filters.from_key(fkey)
    if search:  # every event's label is searched (in Python; see docs/performance.md)
        return event_picker.event_options(event_labels(_store, f), search, keep)
    top = event_picker_top(_store, f)
    kept = event_of(_store, f, keep) if keep else None
    events = top if kept is None else pd.concat([top, kept], ignore_index=True)
    options, _ = event_picker.event_options(events, "", keep)
    return options, int(top.attrs["distinct"])


def event_options(
    store: Store, f: Filters, search: str, keep: str | None
) -> tuple[dict[str, str], int]:
    """The Timeline's event picker options (event_picker.event_options), cached: sorting
    and searching 100,000 events is not redone on every rerun."""
    return _event_options(store, store.url, data_state(store), f.key(), search.strip(), keep)


def _parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def sidebar_filters(store: Store) -> Filters:
    """Outlets, languages and date range, shared by every page and mirrored in the URL."""
    values = store.distinct_values()
    qp = st.query_params
    all_outlets = values["outlets"]
    all_langs = values["languages"]
    lo, hi = values["date_min"], values["date_max"]

    st.sidebar.header("Filters")
    if "f_outlets" not in st.session_state:
        st.session_state["f_outlets"] = [o for o in qp.get_all("outlet") if o in all_outlets]
    if "f_langs" not in st.session_state:
        st.session_state["f_langs"] = [x for x in qp.get_all("lang") if x in all_langs]
    outlets = st.sidebar.multiselect(
        "Outlets", all_outlets, key="f_outlets", placeholder="All outlets"
    )
    langs = st.sidebar.multiselect(
        "Languages", all_langs, key="f_langs", placeholder="All languages"
    )
    date_from = date_to = None
    if lo is not None and hi is not None:
        lo_d, hi_d = pd.Timestamp(lo).date(), pd.Timestamp(hi).date()
        if "f_dates" not in st.session_state:
            start = _parse_iso(qp.get("from")) or lo_d
            end = _parse_iso(qp.get("to")) or hi_d
            st.session_state["f_dates"] = (max(lo_d, min(start, hi_d)), min(hi_d, max(end, lo_d)))
        if lo_d < hi_d:
            picked = st.sidebar.date_input(
                "Publication dates", min_value=lo_d, max_value=hi_d, key="f_dates"
            )
            if isinstance(picked, tuple) and len(picked) == 2:
                if picked[0] > lo_d:
                    date_from = picked[0].isoformat()
                if picked[1] < hi_d:
                    date_to = picked[1].isoformat()
        else:
            st.sidebar.caption(f"All articles dated {lo_d.isoformat()}")
    if "f_count" not in st.session_state:
        st.session_state["f_count"] = "copies" if qp.get("count") == "copies" else "clusters"
    count_mode = st.sidebar.radio(
        "Wire copies",
        ["clusters", "copies"],
        key="f_count",
        format_func=COUNT_MODE_LABELS.get,
        help="A dispatch republished by several outlets can count once (its first publisher "
        "stands for the cluster) or once per copy. Every count on every page follows this.",
    )
    from dashboard.web.ui_outlets import outlet_filters

    countries, regions, outlet_types = outlet_filters(store)
    f = Filters(
        list(outlets), list(langs), date_from, date_to, count_mode, countries, regions, outlet_types
    )
    _sync_query_params(f)
    st.sidebar.caption(f"{store.count()} articles in the store ({store.kind})")
    _export_scale_setting()
    return f


def _export_scale_setting() -> None:
    # Here rather than in a page so the setting is drawn (and kept) on every page.
    from dashboard.web import ui_export

    ui_export.export_settings()


def _sync_query_params(f: Filters) -> None:
    """Reflect the filters in the URL so a view can be shared as a link."""
    wanted: dict[str, Any] = {}
    if f.outlets:
        wanted["outlet"] = f.outlets
    if f.languages:
        wanted["lang"] = f.languages
    if f.date_from:
        wanted["from"] = f.date_from
    if f.date_to:
        wanted["to"] = f.date_to
    if f.count_mode != "clusters":
        wanted["count"] = f.count_mode
    qp = st.query_params
    for key in ("outlet", "lang", "from", "to", "count"):
        if key not in wanted and key in qp:
            del qp[key]
    for key, value in wanted.items():
        current = qp.get_all(key)
        target = value if isinstance(value, list) else [value]
        if current != target:
            qp[key] = value


def date_label(published_at: Any, date_source: str | None) -> str:
    """A publication date as shown everywhere: estimated dates say so."""
    if published_at is None or (isinstance(published_at, float) and pd.isna(published_at)):
        return "date unknown"
    try:
        text = pd.Timestamp(published_at).date().isoformat()
    except (ValueError, TypeError):
        text = str(published_at)
    return f"{text} (estimated)" if date_source == "estimated" else text


def plot(fig, key: str) -> None:
    st.plotly_chart(fig, key=key, config={"displaylogo": False})


def page_context() -> tuple[Store, Filters]:
    """What every page starts with: the store and the sidebar's filters."""
    store = get_store()
    f = st.session_state.get(FILTERS_KEY) or Filters()
    return store, f


@st.cache_data(show_spinner=False, max_entries=64)
def _cloud_png(
    _store: Store, url: str, version: int, fkey: tuple, outlet: str, max_words: int
) -> bytes:
    from dashboard.output.clouds import cloud_png

    # The cached grouping (one per filter setting), not one fresh query per outlet's cloud.
    counts = grouped_terms(_store, Filters.from_key(fkey)).get(outlet)
    if not counts:
        return b""
    return cloud_png(dict(counts.most_common(max_words)), max_words=max_words)


def cloud_png(store: Store, f: Filters, outlet: str, max_words: int = 80) -> bytes:
    return _cloud_png(store, store.url, store.data_version(), f.key(), outlet, max_words)


# --- charts, provenance, tables and page state --------------------------------------------


def count_note(f: Filters) -> str:
    """The counting-mode part of the filter description ("counting: …"), capitalised."""
    part = next((p for p in f.describe().split("; ") if p.startswith("counting:")), "")
    return part[:1].upper() + part[1:]


@st.cache_data(show_spinner=False, max_entries=64)
def _page_charts(_store: Store, url: str, version: tuple, fkey: tuple, page: str, words: int):
    from dashboard.output import charts

    return charts.page_charts(_store, Filters.from_key(fkey), page, cloud_words=words)


def page_charts(store: Store, f: Filters, page: str, cloud_words: int = 80) -> list:
    """The page's charts from the registry (charts.py), cached: the same objects the
    exporter renders, so a download is what the page shows."""
    return _page_charts(store, store.url, data_state(store), f.key(), page, cloud_words)


@st.cache_data(show_spinner=False, max_entries=64)
def _keyword_charts(
    _store: Store, url: str, version: tuple, fkey: tuple, words: int, outlets: tuple
) -> list:
    from dashboard.output import charts

    f = Filters.from_key(fkey)
    # The cached page data: the grouping and the distinctive terms are read once per
    # filter setting, whichever outlets are picked.
    return charts.keyword_charts(
        grouped_terms(_store, f),
        queries.outlet_name_words(_store),
        distinctive_terms(_store, f),
        words,
        outlets,
    )


def keyword_charts(store: Store, f: Filters, outlets: list[str], cloud_words: int = 80) -> list:
    """The Keywords page's charts (charts.keyword_charts) for the outlets it draws, cached:
    the same objects the exporter makes for them, without the figures of every other outlet."""
    return _keyword_charts(
        store, store.url, data_state(store), f.key(), cloud_words, tuple(outlets)
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _cloud_image(items: tuple[tuple[str, float], ...]) -> bytes:
    from dashboard.output.clouds import cloud_png as render

    return render(dict(items), max_words=len(items)) if items else b""


def show_chart(chart, key: str, f: Filters | None = None, select: bool = False) -> list[dict]:
    """One chart of the registry: the Plotly figure (modebar download kept) or the word
    cloud image, a caption with the counting mode, then the PNG/SVG download control.

    With `select`, clicking a point reruns the page; the selected points are returned
    (each with its customdata) so the page can open the sentences behind them.
    """
    from dashboard.web import ui_export

    points: list[dict] = []
    if chart.kind == "cloud":
        png = _cloud_image(tuple(chart.frequencies.items()))
        if png:
            st.image(png, width="stretch")
        else:
            st.caption("No terms for this outlet.")
    elif select:
        event = st.plotly_chart(
            chart.figure,
            key=key,
            config={"displaylogo": False},
            on_select="rerun",
            selection_mode="points",
        )
        try:
            points = list(event.selection.points)
        except AttributeError:  # no selection state (e.g. an older session)
            points = []
    else:
        plot(chart.figure, key)
    if f is not None:
        st.caption(count_note(f))
    ui_export.chart_download(chart, key=f"{key}_export")
    return points


def selected_points(key: str) -> list[dict]:
    """Points selected in the chart drawn under `key` on the previous run, read before the
    chart is drawn again (so widgets above the chart can follow a click)."""
    state = st.session_state.get(key)
    try:
        return list(state["selection"]["points"])
    except (KeyError, TypeError):
        return []


def clicked(points: list[dict], key: str) -> dict | None:
    """The newly clicked point of a chart, once: a selection already acted on (it stays
    in the chart's state across reruns) is not returned again, so a selectbox changed
    afterwards keeps its own value."""
    seen_key = f"_clicked_{key}"
    point = points[0] if points else None
    signature = repr(point.get("customdata") if point else None)
    if signature == st.session_state.get(seen_key):
        return None
    st.session_state[seen_key] = signature
    return point


def url_choice(param: str, key: str, options: list[str], default: str | None = None) -> None:
    """Restore a selection widget's value from ?param= (first run) or keep it valid."""
    current = st.session_state.get(key)
    if current is None or current not in options:
        wanted = st.query_params.get(param)
        st.session_state[key] = wanted if wanted in options else default


# Query parameters owned by one page each; a page clears the others' so a shared link
# carries only what the page it points at understands (sidebar filters stay).
PAGE_PARAMS = (
    "article",
    "ov_outlet",
    "kw_outlet",
    "kw_term",
    "tl_day",
    "tl_event",
    "syn_cluster",
    "syn_copy",
    "ol_group",
)


def sync_page_params(values: dict[str, str | None]) -> None:
    """Write this page's selections to the URL and drop other pages' selections."""
    qp = st.query_params
    for name in PAGE_PARAMS:
        value = values.get(name)
        if value in (None, ""):
            if name in qp:
                del qp[name]
        elif qp.get(name) != value:
            qp[name] = value


def _direction(text: str, language: str | None = None) -> str:
    return "rtl" if dir_class(text, language) == "rtl" else "ltr"


# How many provenance sentences a list shows (the queries behind it stop there too).
SENTENCE_ROWS = 200


def sentence_list(df: pd.DataFrame, limit: int = SENTENCE_ROWS, link: bool = True) -> None:
    """Sentences (escaped) each in its own direction, with their article's title, outlet
    and date bidi-isolated underneath; `spans` columns are highlighted."""
    from dashboard.analysis.highlight import Span, render_marked

    if df.empty:
        st.info("No sentences behind this selection.")
        return
    items: list[str] = []
    for row in df.head(limit).to_dict("records"):
        sentence = str(row.get("sentence") or "")
        d = _direction(sentence, row.get("language"))
        spans = row.get("spans")
        spans = spans if isinstance(spans, list | tuple) else []
        body = render_marked(sentence, [Span(a, b, "kw") for a, b in spans])
        source = (
            f'<bdi dir="{_direction(str(row.get("title") or ""))}">{esc(row.get("title"))}</bdi>'
            f" · <bdi>{esc(row.get('outlet'))}</bdi> · "
            f'<bdi dir="ltr">{esc(date_label(row.get("published_at"), None))}</bdi>'
        )
        if link and row.get("article_id"):
            from urllib.parse import quote

            href = esc(f"reader?article={quote(str(row['article_id']))}")
            source += f' · <a href="{href}" target="_self">open article</a>'
        items.append(
            f'<li dir="{d}" class="{d}"><div>{body}</div><div class="src">{source}</div></li>'
        )
    more = f"<p class='muted'>Showing {limit} of {len(df)}.</p>" if len(df) > limit else ""
    if not more and df.attrs.get("truncated"):
        more = f"<p class='muted'>Showing the first {len(items)}; the selection has more.</p>"
    st.markdown(f'<ol class="prov">{"".join(items)}</ol>{more}', unsafe_allow_html=True)


def html_table(
    df: pd.DataFrame, columns: list[str] | None = None, max_height: int = 420, limit: int = 500
) -> None:
    """A read-only table as escaped HTML with each cell in its own direction (Arabic cells
    right-to-left and right-aligned, English left-to-right, numbers right-aligned); used
    where st.dataframe's canvas grid would left-align and mis-order Arabic text."""
    columns = columns or list(df.columns)
    head = "".join(f'<th dir="auto">{esc(c)}</th>' for c in columns)
    rows: list[str] = []
    for record in df[columns].head(limit).itertuples(index=False):
        cells: list[str] = []
        for value in record:
            if value is None or isinstance(value, bool | np.bool_):
                cells.append(f"<td>{esc('' if value is None else bool(value))}</td>")
            elif pd.api.types.is_number(value):
                shown = "" if pd.isna(value) else value
                cells.append(f'<td class="num">{esc(shown)}</td>')
            else:
                text = str(value)
                d = _direction(text) if text else "ltr"
                # Short values (dates, codes) stay on one line; prose wraps with room to
                # read; a long URL breaks anywhere rather than squeezing the prose.
                if text.startswith(("http://", "https://")):
                    width = " link"
                elif len(text) <= 24:
                    width = " short"
                else:
                    width = " prose" if len(text) > 40 else ""
                cells.append(f'<td dir="{d}" class="{d}{width}">{esc(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = f"<p class='muted'>Showing {limit} of {len(df)} rows.</p>" if len(df) > limit else ""
    st.markdown(
        f'<div class="tbl-wrap" style="max-height:{int(max_height)}px"><table class="data">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{more}",
        unsafe_allow_html=True,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def _provenance(_store: Store, url: str, version: tuple, fkey: tuple, name: str, args: tuple):
    from dashboard.storage import provenance

    return getattr(provenance, name)(_store, Filters.from_key(fkey), *args)


def provenance_rows(store: Store, f: Filters, name: str, *args: Any) -> pd.DataFrame:
    """A provenance.py function (by name) under the filters, cached like page data."""
    return _provenance(store, store.url, data_state(store), f.key(), name, tuple(args))


PROVENANCE_PAGE = 50
ARTICLE_PAGE = 100


@st.cache_data(show_spinner=False, max_entries=64)
def _article_page(_store: Store, url: str, version: tuple, fkey: tuple, limit: int):
    return queries.articles(_store, Filters.from_key(fkey), limit=limit)


def article_page(store: Store, f: Filters, key: str) -> pd.DataFrame:
    """The first ARTICLE_PAGE × (pages asked for) articles of queries.articles(); its
    attrs["total"] says how many there are (more_button() asks for the next page)."""
    if st.session_state.get(f"{key}_sig") != f.key():
        st.session_state[f"{key}_sig"] = f.key()
        st.session_state[f"{key}_pages"] = 1
    limit = ARTICLE_PAGE * int(st.session_state.get(f"{key}_pages", 1))
    return _article_page(store, store.url, data_state(store), f.key(), limit)


# The Reader's article picker lists this many (newest first); the title search narrows it.
# A selectbox of every article (100,000 options at 100k) took the browser seconds to draw.
READER_CHOICES = 500


@st.cache_data(show_spinner=False, max_entries=64)
def _reader_choices(_store: Store, url: str, version: tuple, fkey: tuple, search: str):
    return queries.articles(
        _store, Filters.from_key(fkey), limit=READER_CHOICES, title_contains=search
    )


def reader_choices(store: Store, f: Filters, search: str = "") -> pd.DataFrame:
    """The Reader's picker: the first READER_CHOICES articles under the filters whose title
    holds every word of `search`; attrs["total"] says how many match."""
    return _reader_choices(store, store.url, data_state(store), f.key(), search.strip())


@st.cache_data(show_spinner=False, max_entries=64)
def _mentions_page(_store: Store, url: str, version: tuple, fkey: tuple, vague: bool, limit: int):
    return queries.dated_mentions(_store, Filters.from_key(fkey), vague=vague, limit=limit)


def mentions_page(store: Store, f: Filters, key: str, vague: bool = False) -> pd.DataFrame:
    """The first ARTICLE_PAGE × (pages asked for) rows of queries.dated_mentions(); with
    more_button() under it, as article_page()."""
    if st.session_state.get(f"{key}_sig") != f.key():
        st.session_state[f"{key}_sig"] = f.key()
        st.session_state[f"{key}_pages"] = 1
    limit = ARTICLE_PAGE * int(st.session_state.get(f"{key}_pages", 1))
    return _mentions_page(store, store.url, data_state(store), f.key(), vague, limit)


def more_button(df: pd.DataFrame, key: str, page: int = ARTICLE_PAGE) -> None:
    """Under a paged list: how much is shown and a button for the next page."""
    total = int(df.attrs.get("total", len(df)))
    if total <= len(df):
        return
    st.caption(f"Showing {len(df)} of {total}.")

    def more() -> None:
        st.session_state[f"{key}_pages"] = int(st.session_state.get(f"{key}_pages", 1)) + 1

    st.button(f"Show {min(page, total - len(df))} more", key=f"{key}_more", on_click=more)


def provenance_list(
    store: Store,
    f: Filters,
    name: str,
    *args: Any,
    key: str,
    header: Callable[[pd.DataFrame, bool], str] | None = None,
) -> None:
    """The rows behind a number, PROVENANCE_PAGE at a time: the first page, then a "more"
    button that adds the next (the database reads LIMIT rows, never the whole list)."""
    state = f"{key}_pages"
    # A new selection (other arguments or filters) starts again at the first page.
    sig = repr((name, args, f.key()))
    if st.session_state.get(f"{key}_sig") != sig:
        st.session_state[f"{key}_sig"] = sig
        st.session_state[state] = 1
    pages = int(st.session_state.get(state, 1))
    limit = PROVENANCE_PAGE * pages
    df = _provenance(store, store.url, data_state(store), f.key(), name, (*args, limit, 0))
    total = int(df.attrs.get("total", len(df)))
    articles = df.attrs.get("unit") == "articles"
    shown = min(limit, total)
    if header is not None:
        st.caption(header(df, shown >= total))
    sentence_list(df, limit=len(df) or 1)
    if total > shown:
        what = "articles" if articles else "rows"
        st.caption(f"Showing {shown} of {total} {what}.")

        def more() -> None:
            st.session_state[state] = pages + 1

        st.button(
            f"Show {min(PROVENANCE_PAGE, total - shown)} more", key=f"{key}_more", on_click=more
        )
