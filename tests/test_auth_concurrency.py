"""The sign-in throttle under concurrent attempts from two app instances (issue 16, item 2).

Each instance is a separate Store handle (PostgreSQL: its own connections; DuckDB: a
separate process) sharing one database, as two `streamlit run` behind nginx do. The
attempts start together and run the real sign-in path, bcrypt included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dashboard.storage.store import Store
from dashboard.web import auth

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "the right password"
# Cost 10 (~60 ms a check): long enough that attempts overlap the password check, as on
# a server with the default cost 12.
USERS = {"alice": auth.User("alice", "editor", auth.hash_password(PASSWORD, rounds=10))}
MAX_FAILURES = 5
ATTEMPTS = 16


def _attempt_together(stores: list[Store], n: int) -> list[str]:
    """n wrong-password attempts at once, spread over the stores; each outcome is
    'locked' (refused unchecked), 'wrong' (password checked) or 'signed in'."""
    throttles = [
        auth.SharedLoginThrottle(s, max_failures=MAX_FAILURES, window=300, lockout=60)
        for s in stores
    ]
    start = threading.Barrier(n)
    outcomes: list[str] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        start.wait()
        user, wait = auth.attempt_sign_in(throttles[i % len(throttles)], USERS, "alice", "wrong")
        with lock:
            outcomes.append("locked" if wait > 0 else "signed in" if user else "wrong")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_concurrent_sign_ins_on_two_postgresql_instances_lock_after_the_configured_failures(
    pg_server,
):
    url = pg_server.new_database()
    first, second = Store(url), Store(url)
    try:
        outcomes = _attempt_together([first, second], ATTEMPTS)
        # Only the configured number of passwords were checked; the rest were refused.
        assert outcomes.count("wrong") == MAX_FAILURES
        assert outcomes.count("locked") == ATTEMPTS - MAX_FAILURES
        assert len(first.login_failures("alice", since=0)) == MAX_FAILURES
        # The right password is refused too while the name is locked, on either instance.
        for store in (first, second):
            throttle = auth.SharedLoginThrottle(store, max_failures=MAX_FAILURES)
            user, wait = auth.attempt_sign_in(throttle, USERS, "alice", PASSWORD)
            assert user is None and wait > 0
    finally:
        first.close()
        second.close()


def test_a_right_password_clears_the_count_only_after_it_was_checked(pg_server):
    store = Store(pg_server.new_database())
    try:
        throttle = auth.SharedLoginThrottle(store, max_failures=MAX_FAILURES)
        for _ in range(MAX_FAILURES - 1):
            assert auth.attempt_sign_in(throttle, USERS, "alice", "wrong") == (None, 0.0)
        user, wait = auth.attempt_sign_in(throttle, USERS, "alice", PASSWORD)
        assert user is not None and user.name == "alice" and wait == 0
        assert store.login_failures("alice", since=0) == []
    finally:
        store.close()


_PROCESS = """
import json, sys, threading
from dashboard.storage.store import Store
from dashboard.web import auth
users = {"alice": auth.User("alice", "editor", sys.argv[2])}
store = Store(sys.argv[1])
throttle = auth.SharedLoginThrottle(store, max_failures=int(sys.argv[3]), window=300, lockout=60)
n = int(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()  # the go signal, sent to both processes together
out = []
def one():
    user, wait = auth.attempt_sign_in(throttle, users, "alice", "wrong")
    out.append("locked" if wait > 0 else "signed in" if user else "wrong")
threads = [threading.Thread(target=one) for _ in range(n)]
[t.start() for t in threads]
[t.join() for t in threads]
store.close()
print(json.dumps(out), flush=True)
"""


def test_concurrent_sign_ins_from_two_processes_on_one_duckdb_file(tmp_path):
    url = f"duckdb:///{tmp_path / 'shared.duckdb'}"
    Store(url).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_LOCK_WAIT_SECONDS": "30"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _PROCESS,
                url,
                USERS["alice"].password_hash,
                str(MAX_FAILURES),
                str(ATTEMPTS // 2),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        outcomes: list[str] = []
        for p in procs:
            assert p.stdout is not None
            outcomes += json.loads(p.stdout.readline())
            assert p.wait(timeout=120) == 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert outcomes.count("wrong") == MAX_FAILURES
    assert outcomes.count("locked") == ATTEMPTS - MAX_FAILURES


@pytest.mark.parametrize("n", [ATTEMPTS])
def test_in_process_throttle_counts_attempts_atomically(n):
    # The fallback when the database is down: the same rule within one process.
    throttle = auth.LoginThrottle(max_failures=MAX_FAILURES, window=300, lockout=60)
    start = threading.Barrier(n)
    outcomes: list[float] = []

    def one() -> None:
        start.wait()
        outcomes.append(auth.attempt_sign_in(throttle, USERS, "alice", "wrong")[1])

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(1 for w in outcomes if w == 0) == MAX_FAILURES
