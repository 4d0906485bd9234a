"""The app, the CLI and a second app instance on one embedded DuckDB folder (issue 16, 1).

DuckDB lets one process at a time open a file, so the store holds it only for a block of
work (Store.connected()): these tests keep the app open while other processes write.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.storage.store import Store, StoreBusy

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
CORPUS = ROOT / "tests" / "data" / "corpus"
NEW_FILES = ["ar_opec_wam.txt", "ar_unsc_undof.txt", "en_ecb_rate.txt"]


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_DATA_DIR": str(data), **extra}
    env.pop("DASHBOARD_DATABASE_URL", None)
    return env


def _cli(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _new_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "new"
    folder.mkdir()
    for name in NEW_FILES:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def _articles_metric(app: AppTest) -> int:
    assert app.metric[0].label == "Articles"
    return int(app.metric[0].value)


def test_cli_ingest_succeeds_while_the_app_is_open_and_the_app_shows_the_new_articles(
    tmp_path, monkeypatch
):
    data = tmp_path / "data"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert _articles_metric(app) == 2  # the seeds

    # The app's server process is still alive with its store (st.cache_resource).
    done = _cli(["ingest", str(_new_articles(tmp_path))], _env(data))
    assert done.returncode == 0, done.stderr
    assert "3 added" in done.stdout
    assert "store now holds 5 articles" in done.stdout

    app.run()  # the next page run sees them
    assert not app.exception, [e.value for e in app.exception]
    assert _articles_metric(app) == 5


def test_a_busy_file_makes_the_cli_wait_then_fail_with_one_line_naming_it(tmp_path):
    db = tmp_path / "held.duckdb"
    Store(f"duckdb:///{db}").close()
    holder = duckdb.connect(str(db))  # another process's long write, as far as the CLI knows
    try:
        started = time.monotonic()
        done = _cli(
            ["ingest", str(_new_articles(tmp_path)), "--database", f"duckdb:///{db}"],
            _env(tmp_path, DASHBOARD_LOCK_WAIT_SECONDS="1.5"),
        )
        waited = time.monotonic() - started
    finally:
        holder.close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    # One line when it starts waiting, one when it gives up; both name the file.
    assert len(lines) == 2, done.stderr
    assert lines[0] == (
        f"The DuckDB file {db} is in use by another process; waiting up to 1.5 s for it."
    )
    assert lines[1].startswith("error: The DuckDB file ") and str(db) in lines[1]
    assert "in use by another process" in lines[1] and "PID" not in lines[1]
    assert waited >= 1.5


def test_a_writer_waits_for_a_short_hold_instead_of_failing(tmp_path):
    db = tmp_path / "short.duckdb"
    first = Store(f"duckdb:///{db}")
    second_ready = threading.Event()
    result: dict[str, object] = {}

    def other_process() -> None:
        # Another process: the same file through its own connection after a short hold.
        code = (
            "import sys, time; from dashboard.storage.store import Store;"
            f"s = Store('duckdb:///{db}'); print(s.count())"
        )
        second_ready.set()
        result["run"] = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=_env(tmp_path, DASHBOARD_LOCK_WAIT_SECONDS="20"),
            capture_output=True,
            text=True,
            timeout=60,
        )

    with first.connected():  # a page run holding the file
        t = threading.Thread(target=other_process)
        t.start()
        second_ready.wait()
        time.sleep(4)
    t.join()
    run = result["run"]
    assert isinstance(run, subprocess.CompletedProcess)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "0"
    first.close()


def test_store_raises_store_busy_after_the_wait(tmp_path, monkeypatch):
    db = tmp_path / "busy.duckdb"
    Store(f"duckdb:///{db}").close()
    code = (
        f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
        "time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("DASHBOARD_LOCK_WAIT_SECONDS", "0.5")
        with pytest.raises(StoreBusy) as info:
            Store(f"duckdb:///{db}")
        assert str(db) in str(info.value) and "PID" not in str(info.value)
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_real_app_cli_ingest_export_and_a_second_instance_on_one_folder(tmp_path):
    """Two `streamlit run` servers and the CLI on one data folder, pages in Chromium."""
    from e2e_support import browser, streamlit_server

    data = tmp_path / "data"
    data.mkdir()
    env = {"DASHBOARD_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    ports = (8621, 8622)

    def articles_shown(page) -> str:
        page.wait_for_selector('[data-testid="stMetricValue"]', timeout=90_000)
        return page.locator('[data-testid="stMetricValue"]').first.inner_text()

    with streamlit_server(ports[0], env), browser() as b:
        page = b.new_page()
        page.goto(f"http://127.0.0.1:{ports[0]}/")
        assert articles_shown(page) == "2"
        assert page.locator('[data-testid="stException"]').count() == 0

        ingest = _cli(["ingest", str(_new_articles(tmp_path))], _env(data))
        assert ingest.returncode == 0, ingest.stderr
        assert "store now holds 5 articles" in ingest.stdout
        out = tmp_path / "charts"
        export = _cli(["export", "--out", str(out), "--format", "svg"], _env(data), timeout=600)
        assert export.returncode == 0, export.stderr
        assert (out / "index.csv").is_file() and len(list(out.glob("*.svg"))) >= 5

        page.reload()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stMetricValue\"]')?.innerText === '5'",
            timeout=90_000,
        )

        with streamlit_server(ports[1], env):
            other = b.new_page()
            other.goto(f"http://127.0.0.1:{ports[1]}/")
            other.wait_for_function(
                "() => document.querySelector('[data-testid=\"stMetricValue\"]')"
                "?.innerText === '5'",
                timeout=90_000,
            )
            body = other.inner_text("body")
            assert "Conflicting lock" not in body and "busy" not in body.lower()
            # The first instance still serves while the second one is open.
            page.reload()
            assert articles_shown(page) == "5"
