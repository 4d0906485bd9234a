"""Shared Streamlit helpers: the store resource, cached page data, the sidebar filter,
right-to-left rendering and escaping. Session-state and cache keys live here only.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from . import config, queries
from .store import Filters, Store, StoreError, open_store

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
.card-title { font-weight: 600; }
.muted { color: #6b7280; font-size: .9rem; }
</style>
"""


def esc(value: Any) -> str:
    """Escape untrusted text for HTML rendered with unsafe_allow_html."""
    return html.escape("" if value is None else str(value), quote=True)


def dir_class(text: str, language: str | None = None) -> str:
    from .textproc import detect_language

    lang = language or detect_language(text or "")
    return "rtl" if lang == "ar" else "ltr"


def text_block(text: str, language: str | None = None, css: str = "", tag: str = "div") -> str:
    """One escaped paragraph in its own direction (dir attribute + class)."""
    cls = dir_class(text, language)
    d = "rtl" if cls == "rtl" else "ltr"
    flat = " ".join(str(text).split())
    return f'<{tag} dir="{d}" class="{cls} {css}">{esc(flat)}</{tag}>'


def show_text(text: str, language: str | None = None, css: str = "") -> None:
    st.markdown(text_block(text, language, css), unsafe_allow_html=True)


def inject_css() -> None:
    st.markdown(CSS, unsafe_allow_html=True)


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
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


def get_store() -> Store:
    url = database_url()
    try:
        store = _store_for(url)
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
    ensure_seeded(store)
    return store


def ensure_seeded(store: Store) -> None:
    """First run on an empty store: ingest the seeds folder so the app shows data."""
    if st.session_state.get("_seed_checked"):
        return
    if store.count() == 0 and config.get("auto_ingest_seeds") == "1":
        from pathlib import Path

        from .ingest import ingest_path

        seeds = Path(config.get("seeds_dir"))
        if seeds.is_dir():
            bar = st.progress(0.0, text="First run: analysing the seed articles…")

            def progress(done: int, total: int, title: str) -> None:
                bar.progress(done / max(total, 1), text=f"Analysing {done}/{total}")

            report = ingest_path(store, seeds, workers=1, progress=progress)
            bar.empty()
            st.toast(f"Seed articles ingested: {report.summary()}")
    st.session_state["_seed_checked"] = True


def cached(fn: Callable[..., pd.DataFrame]) -> Callable[[Store, Filters], Any]:
    """Cache a page-data query on (database, data version, filters)."""

    @st.cache_data(show_spinner=False, max_entries=256)
    def _run(_store: Store, url: str, version: int, fkey: tuple, name: str) -> Any:
        f = Filters.from_key(fkey)
        return fn(_store, f)

    def wrapper(store: Store, f: Filters) -> Any:
        return _run(store, store.url, store.data_version(), f.key(), fn.__name__)

    wrapper.__name__ = fn.__name__
    return wrapper


outlet_summary = cached(queries.outlet_summary)
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


def _vague_dates(store: Store, f: Filters) -> pd.DataFrame:
    df = queries.event_dates(store, f, include_vague=True)
    return df[df["start_date"].isna()]


vague_dates = cached(_vague_dates)


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
    f = Filters(list(outlets), list(langs), date_from, date_to, count_mode)
    _sync_query_params(f)
    st.sidebar.caption(f"{store.count()} articles in the store ({store.kind})")
    return f


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
    from .clouds import cloud_png

    f = Filters.from_key(fkey)
    counts = queries.grouped_terms_by_outlet(_store, f).get(outlet)
    if not counts:
        return b""
    return cloud_png(dict(counts.most_common(max_words)), max_words=max_words)


def cloud_png(store: Store, f: Filters, outlet: str, max_words: int = 80) -> bytes:
    return _cloud_png(store, store.url, store.data_version(), f.key(), outlet, max_words)
