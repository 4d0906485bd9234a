"""Shared fixtures: stores on both backends, a real PostgreSQL server on loopback."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from dashboard.storage.store import Store

# Property tests run on a fixed seed by default, so that a submission's CI result does not
# depend on which random examples one run happened to draw. To search for new failures,
# run them randomised and longer: HYPOTHESIS_PROFILE=explore HOSTILE_EXAMPLES=20000 pytest
# tests/test_hostile_text.py (then add what it finds as an explicit @example).
# No per-example deadline: speed is measured in `python -m dashboard bench`, not by timed
# tests, and a deadline made examples fail on a loaded 2-core machine.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Embedding every ingested statement for the claim map costs 30-150 ms a statement; only the
# claim-map tests need it (they switch it on), so the rest of the suite ingests without it.
os.environ.setdefault("DASHBOARD_CLAIM_MAP", "off")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "data" / "corpus"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str:
    newest = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    for cand in (shutil.which(name), f"/usr/lib/postgresql/15/bin/{name}", *map(str, newest)):
        if cand and os.path.exists(cand):
            return cand
    raise RuntimeError(f"PostgreSQL binary {name!r} not found: apt-get install postgresql-15")


class PostgresServer:
    """A throwaway PostgreSQL 15 cluster on a loopback port (initdb + pg_ctl)."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="pgtest-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:  # postgres refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self._run(
            [
                _pg_bin("initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        )
        self._run(
            [
                _pg_bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.dir / "log"),
                "-w",
                "-o",
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )
        self.url_base = f"postgresql://postgres@127.0.0.1:{self.port}"
        self._n = 0

    def _run(self, cmd: list[str]) -> None:
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def new_database(self) -> str:
        import psycopg

        self._n += 1
        name = f"t{self._n}_{int(time.time() * 1000) % 100000}"
        with psycopg.connect(f"{self.url_base}/postgres", autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url_base}/{name}"

    def stop(self) -> None:
        try:
            self._run([_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(params=["duckdb", "postgresql"])
def any_store(request, tmp_path):
    """The same tests on the embedded default and on a real PostgreSQL server."""
    if request.param == "duckdb":
        store = Store(f"duckdb:///{tmp_path / 'test.duckdb'}")
    else:
        store = Store(request.getfixturevalue("pg_server").new_database())
    yield store
    store.close()


@pytest.fixture
def duck_store(tmp_path):
    store = Store(f"duckdb:///{tmp_path / 'test.duckdb'}")
    yield store
    store.close()


def pytest_sessionfinish(session, exitstatus):
    """Close every store still open when the run ends and drop the last references to it.

    AppTest runs app.py as `__main__` and leaves that module (with the script's global
    `store`) in sys.modules, and Streamlit's caches keep stores and DuckDB results; alive
    until the interpreter tears down its modules, DuckDB's bindings (nanobind) then printed
    ~40 lines of "leaked instance" warnings after the summary. Released here, they go away."""
    import gc

    try:
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()
    except Exception:  # Streamlit not imported by this run: nothing cached
        pass
    gc.collect()
    for obj in gc.get_objects():
        if not isinstance(obj, Store):
            continue
        # Already closed, or a half-built store from a failed test: nothing to close.
        with contextlib.suppress(Exception):
            obj.close()
        for holder in gc.get_referrers(obj):
            if isinstance(holder, dict) and "__name__" in holder:  # a script's globals
                for key in [k for k, v in holder.items() if v is obj]:
                    holder[key] = None
    gc.collect()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Both hand-written test corpora in one folder (multi_outlet/ and corpus/: 34 articles,
    ar and en, three wire copies), one copy per test module."""
    data = Path(__file__).parent / "data"
    root = tmp_path_factory.mktemp("corpora")
    shutil.copytree(data / "multi_outlet", root / "multi_outlet")
    shutil.copytree(data / "corpus", root / "corpus")
    return root
