"""Streamlit entry point: `streamlit run dashboard/app.py`.

Navigation and the shared sidebar only; each page lives in dashboard/views/.
"""

from __future__ import annotations

import streamlit as st

from dashboard import ui

PAGES = [
    ("views/overview.py", "Overview", ":material/dashboard:"),
    ("views/timeline.py", "Timeline", ":material/timeline:"),
    ("views/speakers.py", "Speakers", ":material/record_voice_over:"),
    ("views/keywords.py", "Keywords", ":material/cloud:"),
    ("views/framing.py", "Framing", ":material/compare:"),
    ("views/reader.py", "Article reader", ":material/article:"),
]

st.set_page_config(page_title="Coverage dashboard", page_icon=":material/newspaper:", layout="wide")
ui.inject_css()
store = ui.get_store()
nav = st.navigation([st.Page(path, title=title, icon=icon) for path, title, icon in PAGES])
st.session_state[ui.FILTERS_KEY] = ui.sidebar_filters(store)
nav.run()
