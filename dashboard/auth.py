"""Access control for a shared server: who may look (viewer) and who may change data (editor).

Off by default: without an `[auth]` section listing users in `.streamlit/secrets.toml`
everybody has full rights ("local" role), which is what a researcher on a laptop wants.
With users configured, a login form is shown before any page content:

    [auth.users.alice]
    password_hash = "$2b$12$..."     # python -m dashboard.auth hash
    role = "editor"                  # editor: add and delete articles; viewer: read only

The first half of this module is pure (no Streamlit) so it can be unit-tested; the Streamlit
half imports Streamlit lazily, which keeps `python -m dashboard.auth hash` light. Passwords
and hashes are never logged or shown.
"""

from __future__ import annotations

import functools
import logging
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import bcrypt

log = logging.getLogger(__name__)

ROLES = ("editor", "viewer")
LOCAL = "local"  # auth off: full rights
EDIT_ROLES = frozenset({"editor", LOCAL})
# bcrypt only looks at the first 72 bytes; longer passwords are refused rather than
# silently truncated (bcrypt >= 5 raises on them anyway).
MAX_PASSWORD_BYTES = 72
SESSION_USER_KEY = "_auth_user"


class AuthConfigError(ValueError):
    """The `[auth]` secrets section is malformed; the message says what to fix."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    password_hash: str = ""

    def __repr__(self) -> str:  # keep hashes out of logs and tracebacks
        return f"User(name={self.name!r}, role={self.role!r})"


# --------------------------------------------------------------------------- pure part


def hash_password(password: str, rounds: int = 12) -> str:
    """A bcrypt hash ("$2b$...") of the password, for `[auth.users.NAME] password_hash`."""
    data = password.encode("utf-8")
    if not data:
        raise ValueError("empty password")
    if len(data) > MAX_PASSWORD_BYTES:
        raise ValueError(f"password longer than {MAX_PASSWORD_BYTES} bytes (a bcrypt limit)")
    return bcrypt.hashpw(data, bcrypt.gensalt(rounds=rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """True when the password matches the bcrypt hash; False for malformed hashes too."""
    data = (password or "").encode("utf-8")
    if not data or len(data) > MAX_PASSWORD_BYTES or not password_hash:
        return False
    try:
        return bcrypt.checkpw(data, password_hash.encode("ascii"))
    except (ValueError, UnicodeEncodeError):  # not a bcrypt hash
        return False


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the user name is unknown, so a wrong name costs as much time as
    a wrong password and response times do not reveal which user names exist."""
    return bcrypt.hashpw(b"not a real password", bcrypt.gensalt(rounds=12)).decode("ascii")


def _is_bcrypt_hash(value: str) -> bool:
    return (
        isinstance(value, str) and value.startswith(("$2a$", "$2b$", "$2y$")) and len(value) == 60
    )


def load_users(mapping: Mapping[str, Any] | None) -> dict[str, User]:
    """Users from the `users` table of the `[auth]` section; {} when none are configured.

    Raises AuthConfigError naming the user and the problem (never the hash itself).
    """
    if not mapping:
        return {}
    users: dict[str, User] = {}
    for name, entry in mapping.items():
        name = str(name).strip()
        if not name:
            raise AuthConfigError("[auth.users]: an empty user name")
        if not isinstance(entry, Mapping):
            raise AuthConfigError(
                f"[auth.users.{name}] must be a table with password_hash and role"
            )
        pw_hash = entry.get("password_hash", "")
        role = str(entry.get("role", "")).strip().lower()
        if not _is_bcrypt_hash(pw_hash):
            raise AuthConfigError(
                f"[auth.users.{name}] password_hash is not a bcrypt hash; create one with "
                "`python -m dashboard.auth hash`"
            )
        if role not in ROLES:
            raise AuthConfigError(
                f"[auth.users.{name}] role must be one of {', '.join(ROLES)} (got {role!r})"
            )
        users[name] = User(name=name, role=role, password_hash=pw_hash)
    return users


def users_from_secrets(secrets: Mapping[str, Any] | None) -> dict[str, User]:
    """Users from a whole secrets mapping; {} (auth off) without `[auth]` users."""
    if not secrets:
        return {}
    section = secrets.get("auth") or {}
    if not isinstance(section, Mapping):
        raise AuthConfigError("[auth] must be a table")
    return load_users(section.get("users"))


def authenticate(users: Mapping[str, User], username: str, password: str) -> User | None:
    """The user when name and password match, else None (in about the same time)."""
    user = users.get((username or "").strip())
    if user is None:
        verify_password(password or "x", _dummy_hash())
        return None
    return user if verify_password(password, user.password_hash) else None


def resolve_role(users: Mapping[str, User], username: str | None) -> str | None:
    """'local' when auth is off; the signed-in user's role; None when nobody is signed in
    (or the user was removed from the configuration since signing in)."""
    if not users:
        return LOCAL
    user = users.get(username or "")
    return user.role if user else None


def can_edit(role: str | None) -> bool:
    return role in EDIT_ROLES


class LoginThrottle:
    """Slows password guessing: after `max_failures` wrong passwords for a user name within
    `window` seconds, that name is locked for `lockout` seconds (per app process)."""

    def __init__(self, max_failures: int = 5, window: float = 300.0, lockout: float = 60.0):
        self.max_failures = max_failures
        self.window = window
        self.lockout = lockout
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self._failures.get(key, []) if now - t < self.window]
        self._failures[key] = times
        return times

    def seconds_locked(self, username: str, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(username, now)
            if len(times) < self.max_failures:
                return 0.0
            return max(0.0, times[-1] + self.lockout - now)

    def failed(self, username: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent(username, now).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username, None)


# --------------------------------------------------------------------------- Streamlit part

_THROTTLE = LoginThrottle()


def _secrets() -> Mapping[str, Any]:
    import streamlit as st

    try:
        return {"auth": st.secrets.get("auth", {})}
    except Exception:  # no secrets.toml: the normal local case
        return {}


def configured_users() -> dict[str, User]:
    """Users from `.streamlit/secrets.toml`; a broken section stops the app with its reason
    rather than silently leaving the dashboard open."""
    import streamlit as st

    try:
        return users_from_secrets(_secrets())
    except AuthConfigError as exc:
        st.error(f"Access control is misconfigured: {exc}")
        st.stop()
        raise  # st.stop() raises; this keeps type checkers and AppTest honest


def auth_enabled() -> bool:
    return bool(configured_users())


def current_user() -> str | None:
    import streamlit as st

    return st.session_state.get(SESSION_USER_KEY)


def current_role() -> str:
    """'editor', 'viewer' or 'local' (auth off). Nobody signed in counts as a viewer, the
    least privileged role, though require_login() normally stops the page before that."""
    return resolve_role(configured_users(), current_user()) or "viewer"


def signed_in() -> bool:
    """True when auth is off or someone is signed in (e.g. to hide the page menu before)."""
    return resolve_role(configured_users(), current_user()) is not None


def is_editor() -> bool:
    return can_edit(current_role())


def require_login() -> None:
    """Show the login form and stop the page unless auth is off or someone is signed in."""
    import streamlit as st

    users = configured_users()
    if not users:
        return
    if resolve_role(users, current_user()) is not None:
        return
    st.session_state.pop(SESSION_USER_KEY, None)
    _login_form(users)
    st.stop()


def _login_form(users: Mapping[str, User]) -> None:
    import streamlit as st

    st.title("Sign in")
    st.caption("This dashboard is shared; ask its administrator for an account.")
    with st.form("login", clear_on_submit=False):
        username = st.text_input("User name", key="_auth_username")
        password = st.text_input("Password", type="password", key="_auth_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    name = (username or "").strip()
    wait = _THROTTLE.seconds_locked(name)
    if wait > 0:
        st.error(f"Too many failed attempts; try again in {int(wait) + 1} seconds.")
        return
    user = authenticate(users, name, password)
    if user is None:
        _THROTTLE.failed(name)
        log.warning("failed sign-in for user name %r", name[:64])
        st.error("Wrong user name or password.")
        return
    _THROTTLE.succeeded(name)
    log.info("user %r signed in (%s)", user.name, user.role)
    st.session_state[SESSION_USER_KEY] = user.name
    st.session_state.pop("_auth_password", None)
    st.rerun()


def logout() -> None:
    import streamlit as st

    st.session_state.pop(SESSION_USER_KEY, None)


def login() -> None:
    """Call once from app.py before any page content: the login gate plus, when signed in,
    the user's name and a logout button in the sidebar."""
    import streamlit as st

    require_login()
    name = current_user()
    if name is None:  # auth off
        return
    with st.sidebar:
        st.caption(f"Signed in as **{name}** ({current_role()})")
        st.button("Log out", key="_auth_logout", on_click=logout)


def require_editor(
    message: str = "Only editors can change the articles in this dashboard.",
) -> None:
    """Stop the page with a message unless the user may change data (editor or local)."""
    import streamlit as st

    require_login()
    if not is_editor():
        st.info(message)
        st.stop()


# --------------------------------------------------------------------------- CLI


def _read_password() -> str:
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != first:
            raise SystemExit("The passwords differ.")
        return first
    # Piped: the first line, without its line ending (so `echo pw |` works).
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m dashboard.auth",
        description="Helpers for the dashboard's access control.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "hash",
        help="read a password from stdin and print its bcrypt hash for secrets.toml",
    )
    args = p.parse_args(argv)
    if args.command == "hash":
        try:
            print(hash_password(_read_password()))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
