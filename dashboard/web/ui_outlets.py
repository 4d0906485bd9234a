"""Sidebar filters by outlet attribute (country, region, outlet type), mirrored in the URL.

Called once from ui.sidebar_filters(); the values go into Filters.countries / regions /
outlet_types, which Store.where() applies through the outlet_attributes table.
"""

from __future__ import annotations

import streamlit as st

from dashboard.storage import outlets
from dashboard.storage.store import Store

# URL parameter and session-state key per attribute.
PARAMS = {"country": "country", "region": "region", "type": "otype"}
STATE_KEYS = {"country": "f_countries", "region": "f_regions", "type": "f_otypes"}


def outlet_filters(store: Store) -> tuple[list[str], list[str], list[str]]:
    """(countries, regions, outlet types) picked in the sidebar; empty lists mean all."""
    try:
        outlets.ensure_synced(store)
    except Exception as exc:  # a broken team registry must not take the app down
        st.sidebar.warning(f"Outlet registry not loaded: {exc}")
    values = outlets.attribute_values(store)
    qp = st.query_params
    picked: dict[str, list[str]] = {}
    with st.sidebar.expander("Outlet attributes", expanded=any(PARAMS[a] in qp for a in PARAMS)):
        for attr, label in outlets.ATTRIBUTES.items():
            key = STATE_KEYS[attr]
            options = values.get(attr, [])
            if key not in st.session_state:
                st.session_state[key] = [v for v in qp.get_all(PARAMS[attr]) if v in options]
            else:  # the store changed under a kept selection
                st.session_state[key] = [v for v in st.session_state[key] if v in options]
            picked[attr] = st.multiselect(
                label, options, key=key, placeholder=f"Any {label.lower()}"
            )
    _sync_query_params(picked)
    return picked["country"], picked["region"], picked["type"]


def _sync_query_params(picked: dict[str, list[str]]) -> None:
    qp = st.query_params
    for attr, param in PARAMS.items():
        values = picked.get(attr) or []
        if not values:
            if param in qp:
                del qp[param]
        elif qp.get_all(param) != values:
            qp[param] = values
