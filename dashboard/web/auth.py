"""Access control for a shared server: who may look (viewer) and who may change data (editor).

Off by default: without an `[auth]` section in `.streamlit/secrets.toml` everybody has full
rights ("local" role), which is what a researcher on a laptop wants. With accounts
configured, a sign-in page is shown before any page content. Password accounts:

    [auth.users.alice]
    password_hash = "$2b$12$..."     # python -m dashboard hash-password
    role = "editor"                  # editor: add and delete articles; viewer: read only

Single sign-on through Streamlit's OIDC support (`st.login`; needs the Authlib package):
the provider keys Streamlit documents (`redirect_uri`, `cookie_secret`, and `client_id`,
`client_secret`, `server_metadata_url` in `[auth]` or in `[auth.PROVIDER]`), plus

    [auth.roles]
    editors = ["alice@example.org"]
    viewers = ["@example.org"]       # a whole e-mail domain

A password sign-in survives a reload and a restart of the app: the browser keeps a signed
session cookie (HMAC-SHA256 over the user name, an expiry, a session id and the user's
password hash, so changing a password ends that user's sessions and only theirs). The
session is also recorded server side (table `sessions`): the cookie signs in only while
its row is live, so signing out ends it for a copied cookie too. The key is `[auth]
cookie_secret` when set, else a random key kept in the database (either way shared by all
instances); `[auth] session_hours` (default 12; 0 = sign in on every visit) bounds its life.

The pure half of this module (no Streamlit) is unit-tested; the Streamlit half imports
Streamlit lazily, which keeps `python -m dashboard hash-password` light. Passwords, hashes
and provider secrets are never logged or shown.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import re
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
SESSION_ID_KEY = "_auth_session_id"  # the server-side session this browser session uses
SESSION_COOKIE = "dashboard_session"
DEFAULT_SESSION_HOURS = 12.0
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,400}\.[0-9]{1,12}\.[0-9a-f]{32}\.[0-9a-f]{64}$")


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
                "`python -m dashboard hash-password`"
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

    def attempt(self, username: str, now: float | None = None) -> float:
        """Count an attempt before its password is checked, atomically: 0.0 = go ahead
        (counted as a failure until succeeded()), else the seconds the name stays locked.
        Checking first and counting after the (slow) password check would let concurrent
        attempts all pass the check."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(username, now)
            if len(times) >= self.max_failures:
                wait = times[-1] + self.lockout - now
                if wait > 0:
                    return wait
            times.append(now)
            return 0.0

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username, None)


class SharedLoginThrottle(LoginThrottle):
    """The same rule, with the failures kept in the database (table login_failures), so
    every app instance behind a proxy counts the same attempts. Wall-clock time, because
    instances on different machines share no monotonic clock."""

    MAX_NAME = 200  # user names are untrusted input; longer ones are cut for the key

    def __init__(self, store: Any, **kw: float):
        super().__init__(**kw)
        self.store = store

    def seconds_locked(self, username: str, now: float | None = None) -> float:
        now = time.time() if now is None else now
        times = self.store.login_failures(username[: self.MAX_NAME], now - self.window)
        if len(times) < self.max_failures:
            return 0.0
        return max(0.0, times[-1] + self.lockout - now)

    def failed(self, username: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self.store.record_login_failure(username[: self.MAX_NAME], now, keep_seconds=86400)

    def succeeded(self, username: str) -> None:
        self.store.clear_login_failures(username[: self.MAX_NAME])

    def attempt(self, username: str, now: float | None = None) -> float:
        now = time.time() if now is None else now
        return self.store.claim_login_attempt(
            username[: self.MAX_NAME],
            now,
            window=self.window,
            max_failures=self.max_failures,
            lockout=self.lockout,
        )


def attempt_sign_in(
    throttle: LoginThrottle, users: Mapping[str, User], username: str, password: str
) -> tuple[User | None, float]:
    """One password sign-in under the throttle: (user, 0) signed in; (None, 0) wrong name
    or password; (None, seconds) refused unchecked because the name is locked."""
    name = (username or "").strip()
    wait = throttle.attempt(name)
    if wait > 0:
        return None, wait
    user = authenticate(users, name, password)
    if user is not None:
        throttle.succeeded(name)
    return user, 0.0


# --------------------------------------------------------------------------- single sign-on

# Keys of `[auth]` that belong to this module, not to an OIDC provider of Streamlit.
_OWN_TABLES = frozenset({"users", "roles"})
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class AuthConfig:
    """Everything the `[auth]` section configures.

    users: password accounts. providers: OIDC providers for Streamlit's `st.login` ("default"
    when client_id sits directly in `[auth]`). editors/viewers: which single-sign-on accounts
    get which role (e-mail addresses, or "@example.org" for a whole domain).
    """

    users: Mapping[str, User]
    providers: tuple[str, ...] = ()
    editors: frozenset[str] = frozenset()
    viewers: frozenset[str] = frozenset()
    session_secret: bytes = b""
    session_hours: float = DEFAULT_SESSION_HOURS

    @property
    def enabled(self) -> bool:
        return bool(self.users or self.providers)


OFF = AuthConfig(users={})


def _oidc_providers(section: Mapping[str, Any]) -> tuple[str, ...]:
    names = []
    if "client_id" in section:
        names.append("default")
    for name, value in section.items():
        if name in _OWN_TABLES or not isinstance(value, Mapping):
            continue
        if "client_id" in value:
            names.append(str(name))
    for name in names:
        table = section if name == "default" else section[name]
        missing = [k for k in _PROVIDER_KEYS if not table.get(k)]
        label = "[auth]" if name == "default" else f"[auth.{name}]"
        if missing:
            raise AuthConfigError(f"{label} single sign-on lacks {', '.join(missing)}")
        if "_" in name:  # Streamlit refuses provider names with underscores
            raise AuthConfigError(f"{label}: a provider name must not contain '_'")
    if names:
        missing = [k for k in ("redirect_uri", "cookie_secret") if not section.get(k)]
        if missing:
            raise AuthConfigError(f"[auth] single sign-on needs {', '.join(missing)}")
    return tuple(names)


def _account_list(roles: Mapping[str, Any], key: str) -> frozenset[str]:
    value = roles.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        raise AuthConfigError(f"[auth.roles] {key} must be a list of e-mail addresses")
    return frozenset(str(v).strip().lower() for v in value if str(v).strip())


def config_from_secrets(secrets: Mapping[str, Any] | None) -> AuthConfig:
    """The access-control configuration of a whole secrets mapping (OFF without `[auth]`)."""
    if not secrets:
        return OFF
    section = secrets.get("auth") or {}
    if not isinstance(section, Mapping):
        raise AuthConfigError("[auth] must be a table")
    users = load_users(section.get("users"))
    providers = _oidc_providers(section)
    roles = section.get("roles") or {}
    if not isinstance(roles, Mapping):
        raise AuthConfigError("[auth.roles] must be a table with editors and viewers lists")
    editors, viewers = _account_list(roles, "editors"), _account_list(roles, "viewers")
    if providers and not (editors or viewers):
        # Without a list every account of the provider (e.g. any Google user) would get in.
        raise AuthConfigError(
            "[auth.roles] must list the single-sign-on accounts (editors = [...], "
            "viewers = [...]) allowed in"
        )
    try:
        hours = float(section.get("session_hours", DEFAULT_SESSION_HOURS))
    except (TypeError, ValueError):
        raise AuthConfigError("[auth] session_hours must be a number of hours") from None
    if not 0 <= hours <= 24 * 90:
        raise AuthConfigError("[auth] session_hours must be between 0 and 2160 (90 days)")
    return AuthConfig(
        users=users,
        providers=providers,
        editors=editors,
        viewers=viewers,
        session_secret=session_secret(section.get("cookie_secret"), users),
        session_hours=hours,
    )


# --------------------------------------------------------------------------- sessions


def session_secret(cookie_secret: Any, users: Mapping[str, User] | None = None) -> bytes:
    """The key that signs session cookies from `[auth] cookie_secret`; b"" without one, and
    then the app uses a random key kept in the database (Store.session_secret()). A key
    derived from the accounts' hashes would change with any one password, signing
    everybody out."""
    if cookie_secret:
        return hashlib.sha256(b"dashboard-session\x1f" + str(cookie_secret).encode()).digest()
    return b""


def _token_mac(secret: bytes, name_b64: str, expiry: int, session_id: str, user: User) -> str:
    message = f"{name_b64}.{expiry}.{session_id}.{user.password_hash}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def issue_session_token(
    user: User, secret: bytes, hours: float, session_id: str, now: float | None = None
) -> str:
    """A cookie value that signs `user` in until now + hours while the server-side session
    `session_id` (32 hex digits, Store.create_session()) is live: name.expiry.sid.mac."""
    if not secret:
        raise ValueError("no session secret")
    if not re.fullmatch(r"[0-9a-f]{32}", session_id or ""):
        raise ValueError("not a session id")
    expiry = int((time.time() if now is None else now) + hours * 3600)
    name_b64 = base64.urlsafe_b64encode(user.name.encode()).decode().rstrip("=")
    mac = _token_mac(secret, name_b64, expiry, session_id, user)
    return f"{name_b64}.{expiry}.{session_id}.{mac}"


def token_session_id(token: str | None) -> str | None:
    """The server-side session id inside a well-formed token (not verified)."""
    if not isinstance(token, str) or not _TOKEN_RE.match(token):
        return None
    return token.split(".")[2]


def verify_session_token(
    token: str | None, users: Mapping[str, User], secret: bytes, now: float | None = None
) -> User | None:
    """The account a session cookie signs in, or None: malformed, expired, forged, for an
    account that no longer exists, or issued before that account's password changed."""
    if not isinstance(token, str) or not secret or not _TOKEN_RE.match(token):
        return None
    name_b64, expiry_text, session_id, mac = token.split(".")
    try:
        name = base64.urlsafe_b64decode(name_b64 + "=" * (-len(name_b64) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    user = users.get(name)
    expiry = int(expiry_text)
    if user is None or expiry < (time.time() if now is None else now):
        return None
    if not hmac.compare_digest(mac, _token_mac(secret, name_b64, expiry, session_id, user)):
        return None
    return user


def session_from_cookie(
    token: str | None,
    users: Mapping[str, User],
    secret: bytes,
    store: Any,
    now: float | None = None,
) -> tuple[User, str] | None:
    """(account, session id) a session cookie signs in, or None: a token that does not
    verify (verify_session_token), or whose server-side session was revoked (sign-out),
    expired, belongs to someone else, or cannot be checked (the store is down)."""
    user = verify_session_token(token, users, secret, now=now)
    session_id = token_session_id(token)
    if user is None or session_id is None:
        return None
    try:
        owner = store.session_user(session_id, time.time() if now is None else now)
    except Exception:  # noqa: BLE001 - cannot check the session: do not sign in
        log.warning("session cookie not checked: the store is unavailable")
        return None
    return (user, session_id) if owner == user.name else None


def cookie_script(token: str | None, max_age: int) -> str:
    """The <script> that stores (token) or deletes (None) the session cookie in the browser.
    Streamlit cannot set cookies from Python; the app reads them back via st.context."""
    if token is not None and not _TOKEN_RE.match(token):
        raise ValueError("not a session token")
    value = json.dumps(token or "")
    age = max(0, int(max_age)) if token else 0
    return (
        "<script>document.cookie = "
        f"{json.dumps(SESSION_COOKIE + '=')} + {value} + "
        f"'; Path=/; Max-Age={age}; SameSite=Strict'"
        " + (location.protocol === 'https:' ? '; Secure' : '');</script>"
    )


def _listed(email: str, accounts: frozenset[str]) -> bool:
    domain = "@" + email.rsplit("@", 1)[-1] if "@" in email else None
    return email in accounts or (domain is not None and domain in accounts)


def oidc_role(config: AuthConfig, user_info: Mapping[str, Any] | None) -> str | None:
    """The role of a single-sign-on identity (Streamlit's st.user), None when it has none:
    not signed in, no e-mail, an e-mail the provider says is unverified, or not listed."""
    if not config.providers or not user_info or not user_info.get("is_logged_in"):
        return None
    email = str(user_info.get("email") or "").strip().lower()
    if not email or user_info.get("email_verified") is False:
        return None
    if _listed(email, config.editors):
        return "editor"
    if _listed(email, config.viewers):
        return "viewer"
    return None


# --------------------------------------------------------------------------- Streamlit part

_THROTTLE = LoginThrottle()
SIGN_IN_TITLE = "Sign in"


def _store() -> Any:
    """The store itself, not ui.get_store(): no seeding, no page error on the form."""
    from dashboard.web import ui

    return ui.store_for(ui.database_url())


def _signing_key(config: AuthConfig, store: Any) -> bytes:
    return config.session_secret or store.session_secret()


def _throttle() -> LoginThrottle:
    """The database-backed throttle (shared by all instances); the in-process one when the
    database cannot be reached, so a storage problem never disables the throttle."""
    try:
        return SharedLoginThrottle(_store())
    except Exception:  # noqa: BLE001 - e.g. the store is down: still throttle, per process
        return _THROTTLE


def _secrets() -> Mapping[str, Any]:
    import streamlit as st

    try:
        return {"auth": st.secrets.get("auth", {})}
    except Exception:  # no secrets.toml: the normal local case
        return {}


def auth_config() -> AuthConfig:
    """The `[auth]` configuration; a broken section stops the app with its reason rather
    than silently leaving the dashboard open."""
    import streamlit as st

    try:
        return config_from_secrets(_secrets())
    except AuthConfigError as exc:
        st.error(f"Access control is misconfigured: {exc}")
        st.stop()
        raise  # st.stop() raises; this keeps type checkers and AppTest honest


def configured_users() -> dict[str, User]:
    return dict(auth_config().users)


def auth_enabled() -> bool:
    return auth_config().enabled


def _sso_identity() -> dict[str, Any]:
    import streamlit as st

    try:
        return st.user.to_dict()
    except Exception:  # no script context (bare mode)
        return {}


def current_user() -> str | None:
    """The signed-in account: a password user's name, else the single-sign-on e-mail."""
    import streamlit as st

    name = st.session_state.get(SESSION_USER_KEY)
    if name:
        return name
    config = auth_config()
    if config.providers:
        info = _sso_identity()
        if info.get("is_logged_in"):
            return str(info.get("email") or "") or None
    return None


def _role(config: AuthConfig) -> str | None:
    import streamlit as st

    if not config.enabled:
        return LOCAL
    role = (
        resolve_role(config.users, st.session_state.get(SESSION_USER_KEY)) if config.users else None
    )
    return role or oidc_role(config, _sso_identity())


def current_role() -> str:
    """'editor', 'viewer' or 'local' (auth off). Nobody signed in counts as a viewer, the
    least privileged role, though require_login() normally stops the page before that."""
    return _role(auth_config()) or "viewer"


def signed_in() -> bool:
    """True when auth is off or someone is signed in (e.g. to hide the page menu before)."""
    return _role(auth_config()) is not None


def is_editor() -> bool:
    return can_edit(current_role())


def require_login() -> None:
    """Show the sign-in page and stop unless auth is off or someone is signed in."""
    import streamlit as st

    config = auth_config()
    if SESSION_USER_KEY not in st.session_state:
        _restore_session(config)
    if _role(config) is not None:
        return
    st.session_state.pop(SESSION_USER_KEY, None)
    _sign_in_page(config)
    st.stop()


def _restore_session(config: AuthConfig) -> None:
    """Sign in from the browser's session cookie (a reload, a new tab, another instance)."""
    import streamlit as st

    if not config.users or not config.session_hours or st.session_state.get("_auth_signed_out"):
        return
    try:
        token = st.context.cookies.get(SESSION_COOKIE)
    except Exception:  # no browser connection (bare mode, some test harnesses)
        return
    if not token:
        return
    try:
        store = _store()
        key = _signing_key(config, store)
    except Exception:  # noqa: BLE001 - the store is down: sign in with the password
        return
    found = session_from_cookie(token, config.users, key, store)
    if found is not None:
        st.session_state[SESSION_USER_KEY] = found[0].name
        st.session_state[SESSION_ID_KEY] = found[1]


def _emit_cookie(token: str | None, config: AuthConfig) -> None:
    import streamlit as st

    # A zero-height element; the script runs in the page, not in an iframe, so the cookie
    # belongs to the dashboard's own origin.
    st.html(cookie_script(token, int(config.session_hours * 3600)), unsafe_allow_javascript=True)


def _sign_in_page(config: AuthConfig) -> None:
    import streamlit as st

    if st.session_state.pop("_auth_clear_cookie", False):
        _emit_cookie(None, config)
    st.title(SIGN_IN_TITLE)
    st.caption("This dashboard is shared; ask its administrator for an account.")
    info = _sso_identity() if config.providers else {}
    if info.get("is_logged_in"):
        # Signed in at the provider, but the account is not on the [auth.roles] lists.
        st.error(
            "Your account has no access to this dashboard. Ask the administrator to add "
            "it, or sign out and use another account."
        )
        st.button("Sign out", key="_auth_sso_logout", on_click=_sso_logout)
        return
    if config.providers:
        for provider in config.providers:
            label = "single sign-on" if provider == "default" else provider.capitalize()
            st.button(
                f"Sign in with {label}",
                key=f"_auth_sso_{provider}",
                on_click=_sso_login,
                args=(provider,),
                type="primary" if not config.users else "secondary",
            )
    if config.users:
        _password_form(config.users)


def _sso_login(provider: str) -> None:
    import streamlit as st

    try:
        st.login(provider)
    except Exception as exc:  # e.g. Authlib missing; the message names no secret
        log.error("single sign-on with %s failed: %s", provider, type(exc).__name__)
        st.session_state["_auth_sso_error"] = f"{type(exc).__name__}: {exc}"


def _sso_logout() -> None:
    import streamlit as st

    st.logout()


def _password_form(users: Mapping[str, User]) -> None:
    import streamlit as st

    if err := st.session_state.pop("_auth_sso_error", None):
        st.error(f"Single sign-on is not available: {err}")
    with st.form("login", clear_on_submit=False):
        username = st.text_input("User name", key="_auth_username")
        password = st.text_input("Password", type="password", key="_auth_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    name = (username or "").strip()
    # The attempt is counted before the password is checked (attempt_sign_in).
    user, wait = attempt_sign_in(_throttle(), users, name, password)
    if wait > 0:
        st.error(f"Too many failed attempts; try again in {int(wait) + 1} seconds.")
        return
    if user is None:
        # An unknown name is not logged: it is often a password typed in the wrong field.
        log.warning(
            "failed sign-in for %s", repr(name) if name in users else "an unknown user name"
        )
        st.error("Wrong user name or password.")
        return
    log.info("user %r signed in (%s)", user.name, user.role)
    st.session_state[SESSION_USER_KEY] = user.name
    st.session_state.pop("_auth_password", None)
    st.session_state.pop("_auth_signed_out", None)
    config = auth_config()
    if config.session_hours:
        _start_session(user, config)
    st.rerun()


def _start_session(user: User, config: AuthConfig) -> None:
    """Record a server-side session and have the browser keep its cookie. Without a
    working store the sign-in still holds for this browser tab, but no cookie is set."""
    import streamlit as st

    now = time.time()
    try:
        store = _store()
        key = _signing_key(config, store)
        session_id = store.create_session(user.name, now, now + config.session_hours * 3600)
    except Exception as exc:  # noqa: BLE001 - the message names no secret
        log.error("no session cookie for %r: %s", user.name, type(exc).__name__)
        return
    st.session_state[SESSION_ID_KEY] = session_id
    st.session_state["_auth_set_cookie"] = issue_session_token(
        user, key, config.session_hours, session_id, now=now
    )


def logout() -> None:
    """Sign out: forget the password session; end the single-sign-on session too."""
    import streamlit as st

    from dashboard.web import upload_guard

    # The upload endpoint closes now, in the button's callback: the rerun that follows
    # closes it too, but a file sent before that rerun reached app.py was let in (seen
    # under load).
    upload_guard.permit_current_session(False)
    if st.session_state.pop(SESSION_USER_KEY, None) is None and auth_config().providers:
        st.logout()
        return
    # End the server-side session: the cookie (and any copy of it) no longer signs in.
    if session_id := st.session_state.pop(SESSION_ID_KEY, None):
        try:
            _store().revoke_session(session_id, time.time())
        except Exception as exc:  # noqa: BLE001
            log.error("could not revoke a session on sign-out: %s", type(exc).__name__)
    # The cookie this session was opened with is still in st.context: ignore it from now on,
    # and have the sign-in page delete it from the browser.
    st.session_state["_auth_signed_out"] = True
    st.session_state["_auth_clear_cookie"] = True
    st.session_state.pop("_auth_set_cookie", None)


def login() -> None:
    """Call once from app.py before any page content: the login gate plus, when signed in,
    the account and a sign-out button in the sidebar."""
    import streamlit as st

    require_login()
    name = current_user()
    if name is None:  # auth off
        return
    with st.sidebar:
        if token := st.session_state.pop("_auth_set_cookie", None):
            _emit_cookie(token, auth_config())
        st.caption(f"Signed in as **{name}** ({current_role()})")
        st.button("Sign out", key="_auth_logout", on_click=logout)


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
        prog="python -m dashboard.web.auth",
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
