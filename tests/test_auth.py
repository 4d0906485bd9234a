"""Access control: password hashing, users from secrets, roles, the login gate in the app."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.web import auth

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_PAGE = str(ROOT / "dashboard" / "views" / "upload.py")

# A published bcrypt test vector (OpenBSD / John the Ripper): password "U*U", cost 5.
VECTOR_HASH = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"

# Low cost keeps the tests fast; production hashes use the default cost of 12.
ALICE_PW = "correct horse battery"
BOB_PW = "كلمة سر طويلة"  # non-ASCII passwords are hashed as UTF-8
ALICE_HASH = auth.hash_password(ALICE_PW, rounds=4)
BOB_HASH = auth.hash_password(BOB_PW, rounds=4)
SECRETS = {
    "auth": {
        "users": {
            "alice": {"password_hash": ALICE_HASH, "role": "editor"},
            "bob": {"password_hash": BOB_HASH, "role": "viewer"},
        }
    }
}


# --------------------------------------------------------------------------- passwords


def test_published_bcrypt_vector_verifies():
    assert auth.verify_password("U*U", VECTOR_HASH)
    assert not auth.verify_password("U*V", VECTOR_HASH)


@pytest.mark.parametrize(
    "password, stored, expected",
    [
        (ALICE_PW, ALICE_HASH, True),
        (ALICE_PW + " ", ALICE_HASH, False),
        ("Correct horse battery", ALICE_HASH, False),
        (BOB_PW, BOB_HASH, True),
        ("", ALICE_HASH, False),
        (ALICE_PW, "", False),
        (ALICE_PW, "not a hash", False),
        (ALICE_PW, "$2b$04$tooshort", False),
        ("x" * 80, ALICE_HASH, False),  # beyond bcrypt's 72 bytes: refused, not truncated
    ],
    # Numbered ids: the hashes are salted afresh at import, and parallel workers (xdist)
    # must collect the same test names.
    ids=[
        "right",
        "trailing-space",
        "wrong",
        "second-user",
        "empty-password",
        "empty-hash",
        "not-a-hash",
        "short-hash",
        "over-72-bytes",
    ],
)
def test_verify_password(password, stored, expected):
    assert auth.verify_password(password, stored) is expected


def test_hash_password_is_salted_bcrypt_and_refuses_bad_input():
    a, b = auth.hash_password("same", rounds=4), auth.hash_password("same", rounds=4)
    assert a != b and a.startswith("$2b$04$") and len(a) == 60
    assert auth.verify_password("same", a) and auth.verify_password("same", b)
    with pytest.raises(ValueError, match="empty"):
        auth.hash_password("")
    with pytest.raises(ValueError, match="72 bytes"):
        auth.hash_password("ب" * 40)  # 80 bytes in UTF-8


def test_user_repr_hides_the_hash():
    user = auth.User("alice", "editor", ALICE_HASH)
    assert ALICE_HASH not in repr(user) and "alice" in repr(user)


# --------------------------------------------------------------------------- configuration


def test_load_users_reads_roles():
    users = auth.load_users(SECRETS["auth"]["users"])
    assert sorted(users) == ["alice", "bob"]
    assert users["alice"].role == "editor" and users["bob"].role == "viewer"
    assert users["alice"].password_hash == ALICE_HASH


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"password_hash": ALICE_HASH, "role": "admin"}, "role must be one of editor, viewer"),
        ({"password_hash": ALICE_HASH}, "role must be one of"),
        ({"password_hash": "plain-text-password", "role": "editor"}, "not a bcrypt hash"),
        ({"role": "editor"}, "not a bcrypt hash"),
        ("editor", "must be a table"),
    ],
)
def test_load_users_rejects_bad_entries_naming_the_user(entry, message):
    with pytest.raises(auth.AuthConfigError, match=message) as info:
        auth.load_users({"carol": entry})
    assert "carol" in str(info.value)
    assert "plain-text-password" not in str(info.value)
    assert ALICE_HASH not in str(info.value)


def test_role_names_are_case_insensitive():
    users = auth.load_users({"dan": {"password_hash": ALICE_HASH, "role": " Editor "}})
    assert users["dan"].role == "editor"


@pytest.mark.parametrize(
    "secrets",
    [
        {},
        None,
        {"database": {"url": "postgresql://x@y/z"}},
        # Streamlit's own OIDC settings (st.login) live in [auth] too: no users, auth off.
        {"auth": {"redirect_uri": "https://x/oauth2callback", "cookie_secret": "s"}},
        {"auth": {"users": {}}},
    ],
)
def test_auth_is_off_without_users(secrets):
    assert auth.users_from_secrets(secrets) == {}


# --------------------------------------------------------------------------- sessions

NOW = 1_800_000_000.0  # a fixed clock: 2027-01-15


COOKIE_SECRETS = {"auth": {**SECRETS["auth"], "cookie_secret": "a test cookie secret"}}
SID = "0123456789abcdef0123456789abcdef"  # a server-side session id (Store.create_session)


def _session(secrets=COOKIE_SECRETS):
    config = auth.config_from_secrets(secrets)
    return config, config.users


def test_session_token_signs_in_its_user_until_it_expires():
    config, users = _session()
    token = auth.issue_session_token(users["bob"], config.session_secret, 12, SID, now=NOW)
    assert auth.verify_session_token(token, users, config.session_secret, now=NOW) == users["bob"]
    assert auth.token_session_id(token) == SID
    # 11 h 59 min later still valid; 12 h 1 min later not.
    later = NOW + 12 * 3600
    assert auth.verify_session_token(token, users, config.session_secret, now=later - 60)
    assert auth.verify_session_token(token, users, config.session_secret, now=later + 60) is None


def test_session_token_refuses_forgery_and_stale_accounts():
    config, users = _session()
    secret = config.session_secret
    token = auth.issue_session_token(users["bob"], secret, 12, SID, now=NOW)
    name, expiry, sid, mac = token.split(".")
    alice = auth.issue_session_token(users["alice"], secret, 12, SID, now=NOW).split(".")[0]
    forged = [
        f"{alice}.{expiry}.{sid}.{mac}",  # bob's signature on alice's name: no editor rights
        f"{name}.{int(expiry) + 86400}.{sid}.{mac}",  # a longer life
        f"{name}.{expiry}.{'f' * 32}.{mac}",  # another server-side session
        f"{name}.{expiry}.{sid}.{'0' * 64}",
        f"{name}.{expiry}.{sid}.{mac[:-1]}",
        f"{name}.{expiry}.{mac}",  # the old format, without a session id
        token + ".x",
        "",
        None,
        "not a token",
    ]
    for value in forged:
        assert auth.verify_session_token(value, users, secret, now=NOW) is None, value
    # Another key (another deployment) refuses it.
    other, _ = _session({"auth": {**SECRETS["auth"], "cookie_secret": "another"}})
    with pytest.raises(ValueError):
        auth.issue_session_token(users["bob"], secret, 12, "not-hex", now=NOW)
    assert auth.verify_session_token(token, users, other.session_secret, now=NOW) is None
    # The account was removed, or its password changed: the token is dead.
    without_bob = {"alice": users["alice"]}
    assert auth.verify_session_token(token, without_bob, secret, now=NOW) is None
    new_bob = auth.User("bob", "viewer", auth.hash_password("new password", rounds=4))
    assert auth.verify_session_token(token, {**users, "bob": new_bob}, secret, now=NOW) is None


def test_session_key_comes_from_cookie_secret_or_the_database(any_store):
    with_secret = auth.config_from_secrets({"auth": {**SECRETS["auth"], "cookie_secret": "k"}})
    same_secret = auth.config_from_secrets({"auth": {"users": {}, "cookie_secret": "k"}})
    assert with_secret.session_secret == same_secret.session_secret
    assert len(with_secret.session_secret) == 32
    # Without cookie_secret the key is not derived from the accounts (one user's password
    # change would sign everybody out) but kept, random, in the database.
    assert auth.config_from_secrets(SECRETS).session_secret == b""
    assert auth.OFF.session_secret == b""
    key = any_store.session_secret()
    assert len(key) == 32 and any_store.session_secret() == key


def test_a_password_change_signs_out_only_that_user(any_store):
    """Issue 16, item 4: with no cookie_secret, one user's new password must leave the
    other users' sessions alone."""
    users = auth.load_users(SECRETS["auth"]["users"])
    key = any_store.session_secret()
    now = 1_700_000_000.0
    tokens = {
        name: auth.issue_session_token(
            users[name], key, 12, any_store.create_session(name, now, now + 3600), now=now
        )
        for name in ("alice", "bob")
    }
    new_bob = auth.User("bob", "viewer", auth.hash_password("bob's new password", rounds=4))
    after = auth.load_users(
        {
            "alice": {"password_hash": ALICE_HASH, "role": "editor"},
            "bob": {"password_hash": new_bob.password_hash, "role": "viewer"},
        }
    )
    # The signing key is the database's, so it did not change with bob's hash.
    alice = auth.session_from_cookie(
        tokens["alice"], after, any_store.session_secret(), any_store, now=now + 1
    )
    assert alice is not None and alice[0].name == "alice"
    assert auth.session_from_cookie(tokens["bob"], after, key, any_store, now=now + 1) is None


def test_a_revoked_session_cookie_is_refused(any_store):
    """Issue 16, item 4: signing out ends the server-side session, so a copy of the cookie
    no longer signs in; other sessions of the same user stay."""
    users = auth.load_users(SECRETS["auth"]["users"])
    key = any_store.session_secret()
    now = 1_700_000_000.0
    first = any_store.create_session("alice", now, now + 3600)
    second = any_store.create_session("alice", now, now + 3600)
    copied = auth.issue_session_token(users["alice"], key, 1, first, now=now)
    other_tab = auth.issue_session_token(users["alice"], key, 1, second, now=now)
    assert auth.session_from_cookie(copied, users, key, any_store, now=now + 1) == (
        users["alice"],
        first,
    )
    any_store.revoke_session(first, now + 2)
    assert auth.session_from_cookie(copied, users, key, any_store, now=now + 3) is None
    assert auth.session_from_cookie(other_tab, users, key, any_store, now=now + 3) is not None
    # A well-signed cookie for a session the server never issued is refused too.
    unknown = auth.issue_session_token(users["alice"], key, 1, "f" * 32, now=now)
    assert auth.session_from_cookie(unknown, users, key, any_store, now=now + 3) is None
    # An administrator can end every session of a user.
    assert any_store.revoke_user_sessions("alice", now + 4) == 1
    assert auth.session_from_cookie(other_tab, users, key, any_store, now=now + 5) is None
    # Expired sessions are refused even if the cookie's own expiry were later.
    short = any_store.create_session("bob", now, now + 10)
    bob = auth.issue_session_token(users["bob"], key, 1, short, now=now)
    assert auth.session_from_cookie(bob, users, key, any_store, now=now + 11) is None


@pytest.mark.parametrize(
    "hours, message",
    [("soon", "must be a number"), (-1, "between 0 and"), (24 * 365, "between 0 and")],
)
def test_session_hours_are_checked(hours, message):
    with pytest.raises(auth.AuthConfigError, match=message):
        auth.config_from_secrets({"auth": {**SECRETS["auth"], "session_hours": hours}})
    assert (
        auth.config_from_secrets({"auth": {**SECRETS["auth"], "session_hours": 0}}).session_hours
        == 0
    )


def test_cookie_script_sets_and_deletes_only_a_token():
    config, users = _session()
    token = auth.issue_session_token(users["alice"], config.session_secret, 2, SID, now=NOW)
    script = auth.cookie_script(token, 7200)
    assert script.startswith("<script>") and script.endswith("</script>")
    assert f'"{auth.SESSION_COOKIE}=" + "{token}"' in script
    assert "Max-Age=7200" in script and "SameSite=Strict" in script and "Secure" in script
    assert "Max-Age=0" in auth.cookie_script(None, 7200)
    with pytest.raises(ValueError):
        auth.cookie_script('"; alert(1); "', 60)


# --------------------------------------------------------------------------- roles


USERS = auth.load_users(SECRETS["auth"]["users"])


@pytest.mark.parametrize(
    "username, password, expected",
    [
        ("alice", ALICE_PW, "alice"),
        ("  alice ", ALICE_PW, "alice"),
        ("alice", BOB_PW, None),
        ("bob", BOB_PW, "bob"),
        ("Alice", ALICE_PW, None),  # user names are case-sensitive
        ("mallory", ALICE_PW, None),
        ("", "", None),
    ],
)
def test_authenticate(username, password, expected):
    user = auth.authenticate(USERS, username, password)
    assert (user.name if user else None) == expected


@pytest.mark.parametrize(
    "users, username, role",
    [
        ({}, None, "local"),
        ({}, "alice", "local"),
        (USERS, "alice", "editor"),
        (USERS, "bob", "viewer"),
        (USERS, None, None),
        (USERS, "removed-since", None),
    ],
)
def test_resolve_role(users, username, role):
    assert auth.resolve_role(users, username) == role


@pytest.mark.parametrize(
    "role, allowed",
    [("local", True), ("editor", True), ("viewer", False), (None, False), ("admin", False)],
)
def test_can_edit(role, allowed):
    assert auth.can_edit(role) is allowed


def test_login_throttle_locks_after_repeated_failures_and_expires():
    t = auth.LoginThrottle(max_failures=3, window=100, lockout=30)
    for s in (0, 1, 2):
        assert t.seconds_locked("alice", now=s) == 0
        t.failed("alice", now=s)
    assert t.seconds_locked("alice", now=2) == pytest.approx(30)
    assert t.seconds_locked("alice", now=20) == pytest.approx(12)
    assert t.seconds_locked("alice", now=33) == 0
    assert t.seconds_locked("bob", now=3) == 0  # per user name
    t.failed("carol", now=0)
    t.failed("carol", now=1)
    t.failed("carol", now=150)  # the first two are outside the window by then
    assert t.seconds_locked("carol", now=150) == 0
    t.succeeded("alice")
    assert t.seconds_locked("alice", now=3) == 0


def test_shared_throttle_counts_failures_from_every_instance(any_store):
    # Two app instances = two throttles on one database: failures add up across them.
    a = auth.SharedLoginThrottle(any_store, max_failures=3, window=100, lockout=30)
    b = auth.SharedLoginThrottle(any_store, max_failures=3, window=100, lockout=30)
    version = any_store.data_version()
    a.failed("alice", now=1000)
    b.failed("alice", now=1001)
    assert a.seconds_locked("alice", now=1002) == 0
    a.failed("alice", now=1002)
    assert b.seconds_locked("alice", now=1002) == pytest.approx(30)
    assert a.seconds_locked("alice", now=1020) == pytest.approx(12)
    assert b.seconds_locked("alice", now=1033) == 0
    assert a.seconds_locked("bob", now=1002) == 0
    # Outside the window the old failures no longer count.
    b.failed("alice", now=1200)
    assert a.seconds_locked("alice", now=1200) == 0
    a.succeeded("alice")
    assert any_store.login_failures("alice", since=0) == []
    # Rows older than a day are dropped when the next failure is written.
    a.failed("carol", now=1000)
    a.failed("dave", now=1000 + 2 * 86400)
    assert any_store.login_failures("carol", since=0) == []
    # A 10,000-character name is stored cut, and still locks that (cut) name.
    long_name = "x" * 10_000
    for t in (5000, 5001, 5002):
        a.failed(long_name, now=t)
    assert b.seconds_locked(long_name, now=5002) == pytest.approx(30)
    # Sign-in bookkeeping is not article data: page caches stay valid.
    assert any_store.data_version() == version


def test_app_throttle_holds_across_sessions_via_the_database(local_db):
    # Five wrong passwords in one browser session lock the name in a fresh session too,
    # even with the right password (the fresh session could be on another instance).
    at = _upload_page(SECRETS)
    for _ in range(5):
        at = _sign_in(at, "alice", "wrong")
    fresh = _sign_in(_upload_page(SECRETS), "alice", ALICE_PW)
    assert "Too many failed attempts" in _texts(fresh.error)
    assert len(fresh.file_uploader) == 0
    # The failures are in the database, where the other instances look.
    from dashboard.web import ui

    store = ui.store_for(os.environ["DASHBOARD_DATABASE_URL"])
    assert len(store.login_failures("alice", since=0)) == 5


# --------------------------------------------------------------------------- CLI


def test_cli_hash_reads_stdin_and_prints_a_matching_hash():
    out = subprocess.run(
        [sys.executable, "-m", "dashboard.web.auth", "hash"],
        input="s3cret pass\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    printed = out.stdout.strip()
    assert auth.verify_password("s3cret pass", printed)
    assert not auth.verify_password("s3cret pass\n", printed)
    assert "s3cret" not in out.stdout + out.stderr


def test_cli_hash_refuses_an_empty_password():
    out = subprocess.run(
        [sys.executable, "-m", "dashboard.web.auth", "hash"],
        input="\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 2 and "empty password" in out.stderr and out.stdout == ""


# --------------------------------------------------------------------------- the app


@pytest.fixture
def local_db(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"duckdb:///{tmp_path / 'auth.duckdb'}")
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    return tmp_path


def _upload_page(secrets: dict | None) -> AppTest:
    at = AppTest.from_file(UPLOAD_PAGE, default_timeout=60)
    if secrets:
        at.secrets = secrets
    return at.run()


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="_auth_username").input(username)
    at.text_input(key="_auth_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    return at.run()


def _texts(elements) -> str:
    return " ".join(str(e.value) for e in elements)


def test_login_form_comes_before_any_page_content(local_db):
    at = _upload_page(SECRETS)
    assert not at.exception
    assert [t.value for t in at.title] == ["Sign in"]
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    assert len(at.file_uploader) == 0
    assert "Add articles" not in _texts(at.title)


def test_wrong_password_is_refused(local_db):
    at = _sign_in(_upload_page(SECRETS), "alice", "wrong")
    assert "Wrong user name or password" in _texts(at.error)
    assert len(at.file_uploader) == 0
    at = _sign_in(at, "nobody", ALICE_PW)
    assert "Wrong user name or password" in _texts(at.error)
    assert len(at.file_uploader) == 0


def test_viewer_cannot_save(local_db):
    at = _sign_in(_upload_page(SECRETS), "bob", BOB_PW)
    assert not at.exception
    assert "Only editors can add or delete articles" in _texts(at.info)
    assert len(at.file_uploader) == 0
    assert not [b for b in at.button if b.label in ("Save", "Delete")]


def test_editor_gets_the_uploader(local_db):
    at = _sign_in(_upload_page(SECRETS), "alice", ALICE_PW)
    assert not at.exception
    assert [t.value for t in at.title] == ["Add articles"]
    assert len(at.file_uploader) == 1
    assert not at.info


def test_local_mode_has_full_rights_without_a_login(local_db):
    at = _upload_page(None)
    assert not at.exception
    assert not at.text_input  # no login form
    assert len(at.file_uploader) == 1


def test_failed_sign_ins_log_no_password_and_no_unknown_name(local_db, caplog):
    caplog.set_level(logging.INFO, logger="dashboard.web.auth")
    # A password typed into the user-name field, then a wrong password for a real user.
    at = _sign_in(_upload_page(SECRETS), "hunter2-typed-here", ALICE_PW)
    at = _sign_in(at, "alice", "wrong-secret-pw")
    assert "hunter2-typed-here" not in caplog.text
    assert "wrong-secret-pw" not in caplog.text and ALICE_PW not in caplog.text
    assert "failed sign-in for an unknown user name" in caplog.text
    assert "failed sign-in for 'alice'" in caplog.text


def test_misconfigured_auth_stops_the_app_instead_of_opening_it(local_db):
    broken = {"auth": {"users": {"eve": {"password_hash": "hunter2", "role": "editor"}}}}
    at = _upload_page(broken)
    assert "Access control is misconfigured" in _texts(at.error)
    assert "hunter2" not in _texts(at.error)
    assert len(at.file_uploader) == 0


LOGIN_APP = """
import streamlit as st
from dashboard.web import auth
st.markdown(f"menu visible: {auth.signed_in()}")
auth.login()
st.markdown("PAGE CONTENT for " + auth.current_role())
"""


def test_login_then_logout_from_the_sidebar():
    at = AppTest.from_string(LOGIN_APP, default_timeout=30)
    at.secrets = SECRETS
    at.run()
    assert "PAGE CONTENT" not in _texts(at.markdown)
    assert "menu visible: False" in _texts(at.markdown)
    at = _sign_in(at, "alice", ALICE_PW)
    assert "PAGE CONTENT for editor" in _texts(at.markdown)
    assert "menu visible: True" in _texts(at.markdown)
    assert "Signed in as **alice** (editor)" in _texts(at.sidebar.caption)
    at.sidebar.button(key="_auth_logout").click()
    at.run()
    assert "PAGE CONTENT" not in _texts(at.markdown)
    assert [t.value for t in at.title] == ["Sign in"]


def test_login_is_a_no_op_when_auth_is_off():
    at = AppTest.from_string(LOGIN_APP, default_timeout=30).run()
    assert "PAGE CONTENT for local" in _texts(at.markdown)
    assert "menu visible: True" in _texts(at.markdown)
    assert len(at.sidebar.button) == 0


# --------------------------------------------------------------------------- single sign-on

SSO = {
    "redirect_uri": "https://dashboard.example.org/oauth2callback",
    "cookie_secret": "a long random cookie secret",
    "google": {
        "client_id": "id",
        "client_secret": "provider secret value",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    },
    "roles": {"editors": ["Ed@Example.org"], "viewers": ["@newsroom.example"]},
}


def test_sso_config_lists_providers_and_role_lists():
    config = auth.config_from_secrets({"auth": SSO})
    assert config.providers == ("google",) and config.enabled and not config.users
    assert config.editors == {"ed@example.org"} and config.viewers == {"@newsroom.example"}
    top_level = {k: v for k, v in SSO.items() if k != "google"} | SSO["google"]
    assert auth.config_from_secrets({"auth": top_level}).providers == ("default",)
    both = auth.config_from_secrets({"auth": SSO | SECRETS["auth"]})
    assert both.providers == ("google",) and set(both.users) == {"alice", "bob"}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"redirect_uri": ""}, "needs redirect_uri"),
        ({"cookie_secret": None}, "needs cookie_secret"),
        ({"google": {"client_id": "id"}}, "[auth.google] single sign-on lacks client_secret"),
        ({"roles": {}}, "must list the single-sign-on accounts"),
        ({"roles": {"editors": "ed@example.org", "viewers": 3}}, "viewers must be a list"),
        ({"my_idp": SSO["google"]}, "must not contain '_'"),
    ],
)
def test_sso_config_errors_name_the_problem_not_the_secret(change, message):
    section = {**SSO, **change}
    section = {k: v for k, v in section.items() if v is not None}
    with pytest.raises(auth.AuthConfigError, match=message.replace("[", r"\[")) as err:
        auth.config_from_secrets({"auth": section})
    assert "provider secret value" not in str(err.value)
    assert "a long random cookie secret" not in str(err.value)


@pytest.mark.parametrize(
    "user_info, role",
    [
        ({"is_logged_in": True, "email": "ed@example.org"}, "editor"),
        ({"is_logged_in": True, "email": "ED@example.ORG "}, "editor"),
        ({"is_logged_in": True, "email": "rita@newsroom.example"}, "viewer"),
        ({"is_logged_in": True, "email": "rita@newsroom.example.evil.com"}, None),
        ({"is_logged_in": True, "email": "ed@example.org", "email_verified": False}, None),
        ({"is_logged_in": True, "email": "mallory@elsewhere.org"}, None),
        ({"is_logged_in": True}, None),
        ({"is_logged_in": False, "email": "ed@example.org"}, None),
        ({"email": "test@example.com"}, None),  # AppTest's default user: not signed in
        ({}, None),
    ],
)
def test_oidc_role(user_info, role):
    assert auth.oidc_role(auth.config_from_secrets({"auth": SSO}), user_info) == role


def test_oidc_role_needs_a_provider():
    assert auth.oidc_role(auth.OFF, {"is_logged_in": True, "email": "ed@example.org"}) is None


def test_sso_sign_in_page_offers_the_provider_and_lets_listed_accounts_in():
    at = AppTest.from_string(LOGIN_APP, default_timeout=30)
    at.secrets = {"auth": SSO}
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in with Google"]
    assert not at.text_input  # no password accounts configured: no password form
    assert "PAGE CONTENT" not in _texts(at.markdown)

    at.user = {"is_logged_in": True, "email": "ed@example.org", "name": "Ed"}
    at.run()
    assert "PAGE CONTENT for editor" in _texts(at.markdown)
    assert "Signed in as **ed@example.org** (editor)" in _texts(at.sidebar.caption)

    at.user = {"is_logged_in": True, "email": "mallory@elsewhere.org"}
    at.run()
    assert "PAGE CONTENT" not in _texts(at.markdown)
    assert "no access to this dashboard" in _texts(at.error)
    assert [b.label for b in at.button] == ["Sign out"]


# --------------------------------------------------------------------------- the whole app

APP = str(ROOT / "dashboard" / "app.py")
JSON_ARTICLE = (
    b'{"title": "Ferry timetable changes", "text": "The ferry company said the winter '
    b'timetable starts on Monday with two fewer crossings a day.", "outlet": "Harbour '
    b'Gazette", "published_at": "2024-07-02", "language": "en"}'
)


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'app.duckdb'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    return url


def _app(secrets: dict | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if secrets:
        at.secrets = secrets
    return at.run()


def test_app_shows_only_the_sign_in_form_until_signed_in(app_db):
    at = _app(SECRETS)
    assert not at.exception
    assert [t.value for t in at.title] == ["Sign in"]
    assert not at.multiselect and not at.sidebar.caption  # no filters, no store summary
    assert not at.metric and not at.dataframe


def test_app_refuses_a_wrong_password(app_db):
    at = _sign_in(_app(SECRETS), "alice", BOB_PW)
    assert "Wrong user name or password" in _texts(at.error)
    assert [t.value for t in at.title] == ["Sign in"]
    assert not at.multiselect


def test_app_viewer_reads_but_has_no_upload_page(app_db):
    at = _sign_in(_app(SECRETS), "bob", BOB_PW)
    assert not at.exception
    assert "Signed in as **bob** (viewer)" in _texts(at.sidebar.caption)
    assert [t.value for t in at.title] == ["Overview"]
    with pytest.raises(Exception, match="upload.py"):
        at.switch_page("views/upload.py")
    assert not at.file_uploader


def test_app_editor_uploads_and_signs_out(app_db):
    from dashboard.storage.store import Store

    at = _sign_in(_app(SECRETS), "alice", ALICE_PW)
    assert "Signed in as **alice** (editor)" in _texts(at.sidebar.caption)
    at.switch_page("views/upload.py")
    at.run()
    assert [t.value for t in at.title] == ["Add articles"]
    at.file_uploader[0].set_value([("ferry.json", JSON_ARTICLE, "application/json")])
    at.run()
    at.button(key="upload_save").click().run()
    assert not at.exception
    assert "1 added, 0 skipped as duplicates, 0 rejected" in _texts(at.success)
    store = Store(app_db)
    try:
        assert [r[0] for r in store.execute("SELECT outlet FROM articles")] == ["Harbour Gazette"]
    finally:
        store.close()

    at.sidebar.button(key="_auth_logout").click()
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not at.file_uploader


def test_app_without_accounts_is_open_with_the_upload_page(app_db):
    at = _app(None)
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    assert not at.text_input and not [b for b in at.sidebar.button if b.key == "_auth_logout"]
    at.switch_page("views/upload.py")
    at.run()
    assert [t.value for t in at.title] == ["Add articles"]


def test_app_with_broken_accounts_stops_before_any_page(app_db):
    broken = {"auth": {"users": {"eve": {"password_hash": "hunter2", "role": "editor"}}}}
    at = _app(broken)
    assert "Access control is misconfigured: [auth.users.eve]" in _texts(at.error)
    assert "hunter2" not in _texts(at.error)
    assert not at.title and not at.multiselect and not at.text_input
