"""A real `streamlit run` with accounts (issue 16, items 4 and 5), driven by Chromium and
by plain HTTP requests: Streamlit's upload endpoint refuses files from sessions that are
not signed-in editors, and a session cookie copied before sign-out no longer signs in."""

from __future__ import annotations

import http.client
import os
import uuid
from pathlib import Path

import pytest
from e2e_support import CHROMIUM, browser, streamlit_server
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.web import auth

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium"),
]

PORT = 8623
EDITOR = ("erin", "editor password 1")
VIEWER = ("victor", "viewer password 2")
WAIT_MS = 120_000
MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("guard")
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        f'[auth.users.{EDITOR[0]}]\npassword_hash = "{auth.hash_password(EDITOR[1], rounds=4)}"\n'
        'role = "editor"\n\n'
        f'[auth.users.{VIEWER[0]}]\npassword_hash = "{auth.hash_password(VIEWER[1], rounds=4)}"\n'
        'role = "viewer"\n'
    )
    env = {
        "DASHBOARD_DATA_DIR": str(tmp),
        "DASHBOARD_DATABASE_URL": f"duckdb:///{tmp / 'guard.duckdb'}",
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
        "STREAMLIT_SECRETS_FILES": str(secrets),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    with streamlit_server(PORT, env), browser() as b:
        yield b


class Visitor:
    """One browser tab, plus the Streamlit session id its WebSocket was given."""

    def __init__(self, b, cookies: list[dict] | None = None):
        self.context = b.new_context()
        if cookies:
            self.context.add_cookies(cookies)
        self.page = self.context.new_page()
        self.session_ids: list[str] = []
        self.page.on("websocket", self._watch)
        self.page.goto(f"http://127.0.0.1:{PORT}/")

    def _watch(self, ws) -> None:
        def frame(payload) -> None:
            if isinstance(payload, bytes | bytearray):
                msg = ForwardMsg()
                try:
                    msg.ParseFromString(bytes(payload))
                except Exception:  # noqa: BLE001 - not a ForwardMsg
                    return
                if msg.HasField("new_session"):
                    self.session_ids.append(msg.new_session.initialize.session_id)

        ws.on("framereceived", frame)

    @property
    def session_id(self) -> str:
        assert self.session_ids, "no Streamlit session yet"
        return self.session_ids[-1]

    def sign_in(self, user: tuple[str, str]) -> None:
        self.page.get_by_label("User name").wait_for(timeout=WAIT_MS)
        self.page.get_by_label("User name").fill(user[0])
        self.page.get_by_label("Password", exact=True).fill(user[1])
        self.page.get_by_role("button", name="Sign in").click()
        self.page.get_by_text(f"Signed in as {user[0]}").wait_for(timeout=WAIT_MS)

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Sign out").click()
        self.page.get_by_label("User name").wait_for(timeout=WAIT_MS)

    def upload(self, size: int) -> int:
        """PUT a file to Streamlit's upload endpoint for this tab's session, with the
        tab's own cookies and XSRF token (what a script on the page could send)."""
        cookies = {c["name"]: c["value"] for c in self.context.cookies()}
        xsrf = cookies.get("_streamlit_xsrf", "")
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                'filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
            ).encode()
            + b"x" * size
            + f"\r\n--{boundary}--\r\n".encode()
        )
        con = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        con.request(
            "PUT",
            f"/_stcore/upload_file/{self.session_id}/{uuid.uuid4()}",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                "X-Xsrftoken": xsrf,
                "Origin": f"http://127.0.0.1:{PORT}",
            },
        )
        status = con.getresponse().status
        con.close()
        return status

    def close(self) -> None:
        self.context.close()


def test_upload_endpoint_refuses_files_until_an_editor_is_signed_in(server):
    tab = Visitor(server)
    try:
        tab.page.get_by_label("User name").wait_for(timeout=WAIT_MS)
        # The sign-in page's live session: Streamlit itself would keep these files.
        assert tab.upload(5 * MB) == 403
        assert tab.upload(1024) == 403
        tab.sign_in(VIEWER)
        assert tab.upload(1024) == 403  # a viewer may not add articles either
        tab.sign_out()
        assert tab.upload(1024) == 403
        tab.sign_in(EDITOR)
        assert tab.upload(1024) == 204  # what the editor's uploader does
        # Above server.maxUploadSize (20 MB): refused by Streamlit's own limit.
        assert tab.upload(21 * MB) == 413
        tab.sign_out()
        assert tab.upload(1024) == 403  # signed out: closed again
    finally:
        tab.close()


def test_a_session_cookie_copied_before_sign_out_no_longer_signs_in(server):
    tab = Visitor(server)
    try:
        tab.sign_in(EDITOR)
        tab.page.wait_for_function(
            f"() => document.cookie.includes('{auth.SESSION_COOKIE}=')", timeout=WAIT_MS
        )
        copied = [c for c in tab.context.cookies() if c["name"] == auth.SESSION_COOKIE]
        assert len(copied) == 1

        # Before sign-out the copy signs in (a reload, a new tab, another device).
        before = Visitor(server, copied)
        before.page.get_by_text(f"Signed in as {EDITOR[0]}").wait_for(timeout=WAIT_MS)
        before.close()

        tab.sign_out()
        after = Visitor(server, copied)
        after.page.get_by_label("User name").wait_for(timeout=WAIT_MS)
        after.page.wait_for_timeout(1500)  # give a wrongly accepted cookie time to sign in
        assert after.page.get_by_text("Signed in as").count() == 0
        assert after.page.get_by_role("heading", name="Sign in").count() == 1
        after.close()
    finally:
        tab.close()


ERIN_HASH = auth.hash_password(EDITOR[1], rounds=4)  # unchanged between the two files


def _secrets_file(path: Path, victor_password: str) -> Path:
    path.write_text(
        f'[auth.users.{EDITOR[0]}]\npassword_hash = "{ERIN_HASH}"\n'
        'role = "editor"\n\n'
        f"[auth.users.{VIEWER[0]}]\n"
        f'password_hash = "{auth.hash_password(victor_password, rounds=4)}"\n'
        'role = "viewer"\n'
    )
    return path


def test_a_password_change_without_cookie_secret_signs_out_only_that_user(server, tmp_path):
    """No `[auth] cookie_secret`: the signing key used to be derived from every account's
    hash, so one user's new password signed everybody out."""
    port = 8625
    env = {
        "DASHBOARD_DATA_DIR": str(tmp_path),
        "DASHBOARD_DATABASE_URL": f"duckdb:///{tmp_path / 'sessions.duckdb'}",
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
        "STREAMLIT_SECRETS_FILES": str(_secrets_file(tmp_path / "v1.toml", VIEWER[1])),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    cookies: dict[str, list[dict]] = {}
    b = server  # the module's browser (one Playwright per thread); its own servers below
    with streamlit_server(port, env):
        for user in (EDITOR, VIEWER):
            ctx = b.new_context()
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_label("User name").wait_for(timeout=WAIT_MS)
            page.get_by_label("User name").fill(user[0])
            page.get_by_label("Password", exact=True).fill(user[1])
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_function(
                f"() => document.cookie.includes('{auth.SESSION_COOKIE}=')", timeout=WAIT_MS
            )
            cookies[user[0]] = ctx.cookies()
            ctx.close()
    # The administrator gives victor a new password and restarts the app.
    env["STREAMLIT_SECRETS_FILES"] = str(_secrets_file(tmp_path / "v2.toml", "new pw 3"))
    with streamlit_server(port, env):
        seen: dict[str, str] = {}
        for name in (EDITOR[0], VIEWER[0]):
            ctx = b.new_context()
            ctx.add_cookies(cookies[name])
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_function(
                "() => document.body.innerText.includes('Signed in as')"
                " || !!document.querySelector('input[aria-label=\"User name\"]')",
                timeout=WAIT_MS,
            )
            page.wait_for_timeout(1000)
            seen[name] = "signed in" if page.get_by_text("Signed in as").count() else "form"
            ctx.close()
    assert seen == {EDITOR[0]: "signed in", VIEWER[0]: "form"}
