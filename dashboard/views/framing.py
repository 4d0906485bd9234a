"""Framing: two outlets side by side (placeholder-free first version)."""

import streamlit as st

from dashboard import figures, ui

store, f = ui.page_context()
st.title("Framing")
summary = ui.outlet_summary(store, f)
outlets = list(summary["outlet"])
if len(outlets) < 2:
    st.info("Select at least two outlets to compare.")
    st.stop()
a, b = st.columns(2)
oa = a.selectbox("Outlet A", outlets, index=0)
ob = b.selectbox("Outlet B", outlets, index=1)
fr = ui.frame_scores(store, f)
ui.plot(figures.frames_chart(fr[fr["outlet"].isin([oa, ob])]), key="framing_frames")
