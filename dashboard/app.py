"""Streamlit entry point: `streamlit run dashboard/app.py`.

Navigation and the shared sidebar only; each page lives in dashboard/views/.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.web import auth, ui, upload_guard

PAGES = [
    ("views/overview.py", "Overview", ":material/dashboard:"),
    ("views/timeline.py", "Timeline", ":material/timeline:"),
    ("views/speakers.py", "Speakers", ":material/record_voice_over:"),
    ("views/keywords.py", "Keywords", ":material/cloud:"),
    ("views/framing.py", "Framing", ":material/compare:"),
    ("views/reader.py", "Article reader", ":material/article:"),
    ("views/syndication.py", "Wire copies", ":material/content_copy:"),
    ("views/outlets.py", "Outlets", ":material/apartment:"),
]
# Pages that change the data: listed only for editors (and for everybody when access
# control is off); each also checks the role itself, since a URL can be typed.
EDITOR_PAGES = [
    ("views/upload.py", "Add articles", ":material/upload_file:"),
]

# A packaged icon: a ":material/…:" icon is fetched by the browser from Google's servers.
FAVICON = str(Path(__file__).resolve().parent / "assets" / "favicon.png")
st.set_page_config(page_title="Coverage dashboard", page_icon=FAVICON, layout="wide")
ui.inject_css()
# Until somebody signs in (when accounts are configured) only the sign-in form is shown.
# The navigation is still built, hidden and with every page, so that a link to a page
# (e.g. /upload) leads there once signed in rather than to the first page.
signed_in = auth.signed_in()
pages = PAGES + (EDITOR_PAGES if auth.is_editor() or not signed_in else [])
nav = st.navigation(
    [st.Page(path, title=title, icon=icon) for path, title, icon in pages],
    position="sidebar" if signed_in else "hidden",
)
upload_guard.install()
# One database connection per run: on the embedded DuckDB file it is released between
# runs, so `python -m dashboard ingest|export` and other instances can use the file.
with ui.store_connection():
    # Streamlit's upload endpoint stores files only for sessions that may add articles
    # (signed-in editors; everybody when access control is off). The sign-in page stops
    # the run inside login(), and then the session may not.
    may_upload = False
    if not auth.is_editor():
        # Closed before the sign-in form is drawn, not only when the run stops: after
        # "Sign out" the browser shows the form while the run is still inside login(), and
        # an upload sent then was still let in (seen in a loaded test run).
        upload_guard.permit_current_session(False)
    try:
        auth.login()
        may_upload = auth.is_editor()
    finally:
        upload_guard.permit_current_session(may_upload)
    store = ui.get_store()
    st.session_state[ui.FILTERS_KEY] = ui.sidebar_filters(store)
    nav.run()
