"""Only sessions that may add articles can store files through Streamlit's upload endpoint.

Streamlit's `PUT /_stcore/upload_file/<session id>/<file id>` keeps a file in server
memory for any live browser session: it checks the session id and the XSRF cookie, not
whether that session is signed in or ever showed a file uploader. A visitor on the sign-in
page could therefore fill the server's memory (issue 16: 4 x 45 MB, held for minutes). So
app.py tells this module, on every page run, whether the session may upload (a signed-in
editor, or everybody when access control is off), and the runtime's uploaded-file manager
refuses files for any other session: the request gets 403 and its body (at most
`server.maxUploadSize`) is dropped instead of kept.

This wraps one method of the running Streamlit's file manager (`add_file`); the tests in
tests/test_upload_guard.py check it against a real server, so a Streamlit upgrade that
changes the endpoint fails them instead of silently reopening it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

_allowed: set[str] = set()
_lock = threading.Lock()
_installed_on: Any = None  # the file manager whose add_file is wrapped


class UploadRefused(PermissionError):
    """A file sent for a session that may not upload."""


def _refusal() -> Exception:
    try:
        from starlette.exceptions import HTTPException

        return HTTPException(status_code=403, detail="Sign in as an editor to upload files.")
    except ImportError:  # another server stack: still refused (as a server error)
        return UploadRefused("Sign in as an editor to upload files.")


def may_upload(session_id: str) -> bool:
    with _lock:
        return session_id in _allowed


def install() -> None:
    """Wrap the running server's uploaded-file manager once (idempotent)."""
    global _installed_on
    try:
        from streamlit.runtime import Runtime

        manager = Runtime.instance().uploaded_file_mgr
    except Exception:  # no server runtime (bare mode, AppTest): nothing to guard
        return
    with _lock:
        if _installed_on is manager:
            return
        original = manager.add_file

        def add_file(session_id: str, file: Any) -> None:
            if not may_upload(session_id):
                log.warning("refused an upload for a session that may not upload")
                raise _refusal()
            original(session_id=session_id, file=file)

        manager.add_file = add_file
        _installed_on = manager


def permit_current_session(allowed: bool) -> None:
    """Record whether the browser session of the running script may upload files."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
    except Exception:  # noqa: BLE001 - no script context
        ctx = None
    if ctx is None:
        return
    with _lock:
        if allowed:
            _allowed.add(ctx.session_id)
        else:
            _allowed.discard(ctx.session_id)
        _forget_closed_sessions()


def _forget_closed_sessions() -> None:
    """Drop ids of sessions that have ended (called with the lock held)."""
    try:
        from streamlit.runtime import Runtime

        runtime = Runtime.instance()
    except Exception:  # noqa: BLE001
        return
    for session_id in [s for s in _allowed if not runtime.is_active_session(s)]:
        _allowed.discard(session_id)
