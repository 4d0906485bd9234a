"""Server entry point: `streamlit run dashboard/serve.py`.

The same app as `streamlit run dashboard/app.py` (app.py stays the script every session
runs, and what AppTest runs), served as an `st.App` so that code can run when the server
starts: its lifespan starts the warm-up (web/warm.py) in a background thread, so the first
reader of any page finds the imports done and the default view's data cached. The health
check and the first page do not wait for it; `DASHBOARD_WARM_UP=0` turns it off.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

import streamlit as st

from dashboard.web import warm


@asynccontextmanager
async def lifespan(_app):
    warm.start()
    yield


# Relative to this file: dashboard/app.py.
app = st.App("app.py", lifespan=lifespan)
