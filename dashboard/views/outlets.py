"""Outlets: the outlet registry (country, region, type), articles per attribute, and for
editors the registry itself as an editable table saved to the team copy."""

import streamlit as st

from dashboard.output import figures
from dashboard.output.charts import Chart
from dashboard.storage import outlets, queries
from dashboard.web import auth, ui

GROUPS = list(outlets.ATTRIBUTES)  # country, region, type
PARAM = "ol_group"

store, f = ui.page_context()
st.title("Outlets")
st.caption(f"Filters: {ui.esc(f.describe())}")
outlets.ensure_synced(store)

ui.url_choice(PARAM, "ol_group", GROUPS, default="region")
group = st.radio(
    "Group articles by",
    GROUPS,
    key="ol_group",
    format_func=outlets.ATTRIBUTES.get,
    horizontal=True,
)
ui.sync_page_params({})  # other pages' selections do not belong in this link
if st.query_params.get(PARAM) != group:
    st.query_params[PARAM] = group

# One small GROUP BY over the outlet attributes: not worth a cache entry per grouping.
counts = queries.articles_by_outlet_attribute(store, f, group)
if counts.empty:
    st.info("No articles match the current filters.")
else:
    label = outlets.ATTRIBUTES[group]
    chart = Chart(
        "outlets", f"articles_per_{group}", f"Articles per {label.lower()}",
        figures.attribute_bar(counts, label),
    )  # fmt: skip
    ui.show_chart(chart, key="ol_counts", f=f)
    st.dataframe(
        counts.rename(columns={"value": label}),
        hide_index=True,
    )

st.subheader("Outlets in the store")
st.caption(
    "Matched to the registry by web domain, then by name or a name variant. Outlets the "
    "registry does not know are grouped as “unknown”: add them below."
)
st.dataframe(queries.outlet_attribute_table(store, f), hide_index=True)

st.subheader("Registry")
path = outlets.registry_path()
st.caption(
    f"In use: {'team copy' if path != outlets.packaged_path() else 'the list shipped with the app'} "
    f"({path}). Types: {', '.join(outlets.TYPES)}. Name variants are separated by “;”."
)
registry = outlets.registry_frame()
if auth.is_editor():
    edited = st.data_editor(
        registry,
        key="ol_editor",
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "type": st.column_config.SelectboxColumn("type", options=list(outlets.TYPES)),
        },
    )
    if st.button("Save the registry", key="ol_save", type="primary"):
        try:
            saved = outlets.save_registry(edited)
        except ValueError as exc:
            st.error(f"Not saved: {ui.esc(exc)}")
        else:
            outlets.sync(store, saved)
            st.success(f"Saved to {ui.esc(saved)}; filters and counts now use it.")
else:
    st.dataframe(registry, hide_index=True)
