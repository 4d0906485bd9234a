"""The Speakers page's cached data (views/speakers.py), in a module so that the server's
warm-up (web/warm.py) fills the same st.cache_data entries the page reads: a function
defined in a page script is cached under that script's module, out of the warm-up's reach.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis import identity
from dashboard.output import charts as chart_registry
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store


@st.cache_data(show_spinner=False, max_entries=128)
def _data(
    _store: Store, url: str, version: int, fkey: tuple, aliases: tuple, name: str, args: tuple
):
    """Page data keyed like ui.cached, plus the alias file, whose edits change the merges."""
    f = Filters.from_key(fkey)
    if name == "charts":
        # From the first table page's data (cached): the chart's people, kinds and sides.
        first = _data(_store, url, version, fkey, aliases, "speaker_page", (SPEAKER_TABLE_PAGE,))
        return {c.name: c for c in chart_registry.speaker_page_charts(first)}
    if name in ("person_spellings", "merged_spellings"):  # store-wide, not per filter
        return getattr(queries, name)(_store, *args)
    return getattr(queries, name)(_store, f, *args)


def data(store: Store, f: Filters, name: str, *args):
    sig = identity.aliases_signature()
    return _data(store, store.url, store.data_version(), f.key(), sig, name, args)


STATEMENT_PAGE = 100
SPEAKER_TABLE_PAGE = 100


@st.cache_data(show_spinner=False, max_entries=128)
def _statements(
    _store: Store, url: str, version: int, fkey: tuple, aliases: tuple, args: tuple
) -> pd.DataFrame:
    outlet, spellings, limit = args
    return queries.quotes(
        _store,
        Filters.from_key(fkey),
        outlet=outlet,
        spellings=None if spellings is None else list(spellings),
        limit=limit,
    )


def statements(store: Store, f: Filters, outlet, spellings, limit) -> pd.DataFrame:
    """The statements of the table: one person's (all of them, for the sentences) or a
    page of everyone's (the database reads LIMIT rows, not every statement)."""
    sig = identity.aliases_signature()
    args = (outlet, None if spellings is None else tuple(spellings), limit)
    return _statements(store, store.url, store.data_version(), f.key(), sig, args)
