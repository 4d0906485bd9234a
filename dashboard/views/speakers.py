"""Speakers: who is quoted or cited, by which outlet, how, and what kind of voice."""

import streamlit as st

from dashboard import figures, ui

store, f = ui.page_context()
st.title("Speakers")
st.caption(f"Filters: {f.describe()}")

counts = ui.speaker_counts(store, f)
if counts.empty:
    st.info("No attributed statements in the selected articles.")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Speakers", counts["speaker"].nunique())
c2.metric("Direct quotes", int(counts["direct"].sum()))
c3.metric("Reported statements", int(counts["reported"].sum()))

left, right = st.columns([3, 2])
with left:
    ui.plot(figures.speakers_bar(counts), key="speakers_bar")
with right:
    ui.plot(figures.kinds_bar(ui.kind_counts(store, f)), key="speakers_kinds")

st.subheader("Speakers by outlet")
st.dataframe(
    counts[["speaker", "kind", "role", "outlet", "direct", "reported", "total"]],
    hide_index=True,
    width="stretch",
)

st.subheader("Attributed statements")
q = ui.quotes(store, f)
speaker = st.selectbox("Speaker", ["All speakers", *sorted(q["speaker"].unique())])
if speaker != "All speakers":
    q = q[q["speaker"] == speaker]
q = q.assign(how=q["direct"].map({True: "direct", False: "reported"}))
st.dataframe(
    q[["speaker", "speaker_kind", "role", "how", "verb", "text", "outlet", "title", "channel"]],
    hide_index=True,
    width="stretch",
)
