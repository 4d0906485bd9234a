"""Timeline: coverage over time by outlet, and the dated events the articles mention.

Clicking a bar or a dot (or picking it in the list under the chart) opens the sentences
behind it; the pick is kept in the URL (?tl_day=, ?tl_event=).
"""

import pandas as pd
import streamlit as st

from dashboard.web import event_picker, ui, ui_export

SEP = "|"  # option values: "day|outlet" and "start|end|outlet" (dates never hold "|")

store, f = ui.page_context()
st.title("Timeline")
st.caption(f"Filters: {ui.esc(f.describe())}")

charts = {c.name: c for c in ui.page_charts(store, f, "timeline")}
coverage_chart, events_chart = charts["coverage"], charts["events"]

# --- coverage ------------------------------------------------------------------------------
cov = ui.coverage_by_day(store, f)
day_options = [
    f"{pd.Timestamp(d).date().isoformat()}{SEP}{o}"
    for d, o in zip(cov["day"], cov["outlet"], strict=True)
]
ui.url_choice("tl_day", "tl_day", day_options)
points = ui.show_chart(coverage_chart, key="timeline_coverage", f=f, select=True)
point = ui.clicked(points, "timeline_coverage")
if point and len(point.get("customdata") or []) >= 3 and point["customdata"][1]:
    # (a bar of the summed smaller outlets has no outlet: its articles are picked below)
    st.session_state["tl_day"] = f"{point['customdata'][2]}{SEP}{point['customdata'][1]}"
if not cov.empty and cov["estimated"].any():
    st.caption("Some publication dates are estimated (not stated by the source); they are hatched.")


def _day_label(value: str) -> str:
    day, outlet = value.split(SEP, 1)
    return f"{day} · {outlet}"


day_pick = st.selectbox(
    "Articles behind a bar (or click a bar)",
    day_options,
    key="tl_day",
    index=None,
    format_func=_day_label,
    placeholder="Pick a day and outlet",
)
if day_pick:
    day, outlet = day_pick.split(SEP, 1)
    ui.provenance_list(store, f, "coverage_articles", outlet, day, key="tl_day_list")

# --- events --------------------------------------------------------------------------------
# Thousands of events: the chart draws the most-mentioned ones and squares per outlet and
# day for the rest; the picker offers the most-mentioned ones, or those a search finds.
# The most-mentioned points only (the chart reads its own bounded data): their totals in attrs.
events = ui.event_picker_top(store, f)
n_events = int(events.attrs.get("total", len(events)))
points = ui.show_chart(events_chart, key="timeline_events", f=f, select=True)
point = ui.clicked(points, "timeline_events")
if point and len(point.get("customdata") or []) >= 3:
    custom = point["customdata"]
    if len(custom) > 3 and custom[3] == "cell":  # a square: search its outlet and date
        st.session_state["tl_event_q"] = f"{custom[1]} {custom[0]}"
    else:
        outlet, start, end = custom[:3]
        value = f"{start}{SEP}{end}{SEP}{outlet}"
        if ui.event_of(store, f, value) is not None:
            st.session_state["tl_event"] = value
st.caption(
    "Filled dots are exact days; open dots are approximate; shaded bars span weeks, "
    "months, years and ranges. Hover a dot for the sentence and outlet; click it for all "
    "the sentences that mention that date."
)
search = ""
if n_events > event_picker.PICKER_MAX:
    search = st.text_input(
        "Search events (dates, outlet, words)",
        key="tl_event_q",
        placeholder="e.g. 2024-06 or an outlet's name",
    )
keep = st.session_state.get("tl_event") or st.query_params.get("tl_event")
event_labels, found = ui.event_options(store, f, search, keep)
ui.url_choice("tl_event", "tl_event", list(event_labels))
event_pick = st.selectbox(
    "Sentences behind an event (or click a dot)",
    list(event_labels),
    key="tl_event",
    index=None,
    format_func=event_labels.get,
    placeholder="Pick a dated event",
)
if found > event_picker.PICKER_MAX:
    st.caption(
        f"The list offers the {event_picker.PICKER_MAX:,} most-mentioned of {found:,} "
        f"events{' matching the search' if search.strip() else ''}; search to narrow it."
    )
elif search.strip():
    st.caption(f"{found:,} event(s) match the search.")
if event_pick:
    start, end, outlet = event_pick.split(SEP, 2)
    ui.provenance_list(store, f, "event_sentences", outlet, start, end, key="tl_event_list")
ui.sync_page_params({"tl_day": day_pick, "tl_event": event_pick})

if n_events:
    st.subheader("Dated mentions")
    mentions = ui.mentions_page(store, f, key="tl_mentions")
    ui.html_table(
        mentions,
        ["start_date", "end_date", "granularity", "approximate", "text", "outlet", "sentence"],
    )
    ui.more_button(mentions, key="tl_mentions")
vague = ui.mentions_page(store, f, key="tl_vague", vague=True)
if not vague.empty:
    total = int(vague.attrs.get("total", len(vague)))
    with st.expander(f"Vague time expressions ({total}) — not placed on the timeline"):
        ui.html_table(vague, ["text", "outlet", "title", "sentence"])
        ui.more_button(vague, key="tl_vague")

ui_export.page_zip_button(store, f, "timeline", key="timeline_zip")
