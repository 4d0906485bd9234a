"""Timeline: coverage over time by outlet, and the dated events the articles mention."""

import streamlit as st

from dashboard import figures, ui

store, f = ui.page_context()
st.title("Timeline")
st.caption(f"Filters: {f.describe()}")

cov = ui.coverage_by_day(store, f)
ui.plot(figures.coverage_timeline(cov), key="timeline_coverage")
if not cov.empty and cov["estimated"].any():
    st.caption("Some publication dates are estimated (not stated by the source); they are hatched.")

events = ui.event_dates(store, f)
ui.plot(figures.event_timeline(events), key="timeline_events")
st.caption(
    "Filled dots are exact days; open dots are approximate; shaded bars span weeks, "
    "months, years and ranges. Hover a dot for the sentence and outlet."
)

if not events.empty:
    st.subheader("Dated mentions")
    st.dataframe(
        events[
            [
                "start_date",
                "end_date",
                "granularity",
                "approximate",
                "text",
                "outlet",
                "title",
                "sentence",
            ]
        ],
        hide_index=True,
        width="stretch",
    )
vague = ui.vague_dates(store, f)
if not vague.empty:
    with st.expander(f"Vague time expressions ({len(vague)}) — not placed on the timeline"):
        st.dataframe(
            vague[["text", "outlet", "title", "sentence"]], hide_index=True, width="stretch"
        )
