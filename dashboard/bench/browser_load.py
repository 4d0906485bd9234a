"""`python -m dashboard.bench.browser_load`: every page's load time in a real browser.

Starts `streamlit run dashboard/serve.py` (the README's command; `--script
dashboard/app.py` for the app without the server's warm-up) on loopback against an existing store (the bench's
DuckDB file or a PostgreSQL URL) and loads each page in Debian's headless Chromium through
Playwright, at 1,400 px. A page counts as loaded when its content is drawn (the page's own
element: a chart's SVG, the cloud image, a table, a marked quote) and Streamlit's script run
is over (its "Running…" status widget gone and staying gone).

Two loads per page:

* **first**: the server was just started for this page, nothing cached: what the first
  reader after a restart (or a new ingest, which clears the caches) waits for;
* **warm**: a new browser session on the same server, the page's data already cached by
  the first load: what every later reader waits for.

With `--settle`, the first load waits until the just-started server has gone quiet (its
CPU idle for a second, at most SETTLE_MAX_S; `settle_s` says how long): the first reader
of a server that has been up a little while, after its warm-up (web/warm.py). Without
it, the first load starts the moment the health endpoint answers, the warm-up still
running beside it.

It also reports the server process's peak RSS (VmHWM) after each page. Playwright is a
development dependency (requirements-dev.txt); Chromium is Debian's `/usr/bin/chromium`
(never `playwright install`).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# URL path → the element that shows the page's content is drawn.
PAGES = {
    "": '[data-testid="stPlotlyChart"] .main-svg',
    "timeline": '[data-testid="stPlotlyChart"] .main-svg',
    "speakers": '[data-testid="stPlotlyChart"] .main-svg',
    "keywords": '[data-testid="stImage"] img',
    "framing": '[data-testid="stPlotlyChart"] .main-svg',
    "reader": ".article-text",
    "syndication": '[data-testid="stMain"] h1',
    # The articles-per-attribute chart: with the title only, a load counted as done before
    # the chart (and Plotly.js) was drawn.
    "outlets": '[data-testid="stPlotlyChart"] .main-svg',
}
# The floor: a blank Streamlit app (one title), measured the same way; whatever a page
# takes beyond it is ours.
BLANK_APP = 'import streamlit as st\n\nst.title("Blank")\n'
BLANK_SELECTOR = '[data-testid="stMain"] h1'
RUNNING = '[data-testid="stStatusWidget"]'
TIMEOUT_MS = 180_000
APP_SCRIPT = "dashboard/serve.py"
SETTLE_MAX_S = 180.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident set (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class _Server:
    """`streamlit run` on a loopback port, against the given database URL."""

    def __init__(self, database_url: str, data_dir: Path, script: str = APP_SCRIPT):
        self.port = _free_port()
        t0 = time.perf_counter()
        env = {
            **os.environ,
            "DASHBOARD_DATABASE_URL": database_url,
            "DASHBOARD_DATA_DIR": str(data_dir),
            "DASHBOARD_AUTO_INGEST_SEEDS": "0",
        }
        self.log = open(data_dir / f"streamlit-{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script]
            + ["--server.headless", "true", "--server.port", str(self.port)]
            + ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    break
            except Exception:
                if time.time() > deadline or self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError(f"streamlit did not start (log: {self.log.name})") from None
                time.sleep(0.2)
        # Process start to the health endpoint answering: Python + Streamlit imports and
        # the runtime's start (not the app script, which first runs for the first page).
        self.start_s = time.perf_counter() - t0

    def settle(self, idle_cpu_s: float = 0.05, window_s: float = 1.0) -> float:
        """Wait until the server's CPU use over `window_s` falls under `idle_cpu_s` (its
        warm-up done); the seconds waited."""
        t0 = time.perf_counter()
        last = _cpu_s(self.proc.pid)
        while time.perf_counter() - t0 < SETTLE_MAX_S:
            time.sleep(window_s)
            now = _cpu_s(self.proc.pid)
            if now - last < idle_cpu_s:
                break
            last = now
        return time.perf_counter() - t0

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(stat.parent.name))
    return kids


def _tree_cpu_s(root: int, skip: int) -> float:
    """CPU seconds so far of `root`'s descendants (Playwright's driver and the browser's
    processes), leaving out the `skip` subtree (the Streamlit server and the export
    browser it starts). Unlike wall and busy time, not inflated by other processes
    competing for the cores."""
    kids, total = _children(), 0.0
    todo = list(kids.get(root, []))
    while todo:
        pid = todo.pop()
        if pid == skip:
            continue
        try:
            total += _cpu_s(pid)
        except (OSError, ValueError, IndexError):
            continue
        todo.extend(kids.get(pid, []))
    return total


def _load(browser, url: str, selector: str, server_pid: int = -1) -> tuple[float, float, float]:
    """Seconds from navigation to the content drawn and the script run over, the page's
    main-thread busy seconds in the browser (Chrome's TaskDuration: the front end's own
    work, in wall time, so inflated when other processes compete for the cores), and the
    browser's CPU seconds during the load (all its processes)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        cpu0 = _tree_cpu_s(os.getpid(), server_pid)
        t0 = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
        page.wait_for_selector(selector, timeout=TIMEOUT_MS)
        # The status widget appears while the script runs; done = absent on two checks
        # 200 ms apart (a rerun right after the first one would show it again).
        while True:
            page.wait_for_selector(RUNNING, state="detached", timeout=TIMEOUT_MS)
            done = time.perf_counter()
            page.wait_for_timeout(200)
            if page.locator(RUNNING).count() == 0:
                break
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"{url}: the page shows an exception")
        cpu = _tree_cpu_s(os.getpid(), server_pid) - cpu0
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return done - t0, float(metrics.get("TaskDuration", float("nan"))), cpu
    finally:
        page.close()


def _cpu_s(pid: int) -> float:
    """The process's CPU seconds so far (user + system, all threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    database_url: str,
    pages: list[str],
    data_dir: Path,
    script: str = APP_SCRIPT,
    settle: bool = False,
) -> list[dict]:
    from playwright.sync_api import sync_playwright

    blank = data_dir / "blank_app.py"
    blank.write_text(BLANK_APP)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for path in pages:
                is_blank = path == "blank"
                server = _Server(database_url, data_dir, str(blank) if is_blank else script)
                selector = BLANK_SELECTOR if is_blank else PAGES[path]
                try:
                    url = f"{server.url}/{'' if is_blank else path}"
                    settle_s = server.settle() if settle else 0.0
                    cpu0 = _cpu_s(server.proc.pid)
                    pid = server.proc.pid
                    first, first_tab, first_bcpu = _load(browser, url, selector, pid)
                    cpu1 = _cpu_s(server.proc.pid)
                    warm, warm_tab, warm_bcpu = _load(browser, url, selector, pid)
                    cpu2 = _cpu_s(server.proc.pid)
                    rows.append(
                        {
                            "page": path or "overview",
                            "script": "blank" if is_blank else script,
                            "server_start_s": round(server.start_s, 2),
                            "settle_s": round(settle_s, 2),
                            "first_s": round(first, 2),
                            "warm_s": round(warm, 2),
                            # Server CPU during each load: less noisy than wall time on a
                            # shared machine.
                            "first_server_cpu_s": round(cpu1 - cpu0, 2),
                            "warm_server_cpu_s": round(cpu2 - cpu1, 2),
                            "first_browser_busy_s": round(first_tab, 2),
                            "warm_browser_busy_s": round(warm_tab, 2),
                            "first_browser_cpu_s": round(first_bcpu, 2),
                            "warm_browser_cpu_s": round(warm_bcpu, 2),
                            "server_peak_rss_mb": round(_peak_rss_mb(server.proc.pid)),
                            "load_average": round(os.getloadavg()[0], 2),
                        }
                    )
                    print(json.dumps(rows[-1]), flush=True)
                finally:
                    server.close()
        finally:
            browser.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("database_url", help="duckdb:///path/file.duckdb or postgresql://…")
    ap.add_argument(
        "--pages",
        default=",".join(p or "overview" for p in PAGES),
        help="comma-separated; 'blank' measures a blank Streamlit app (the floor)",
    )
    ap.add_argument("--data-dir", default="/tmp/browser_load")
    ap.add_argument(
        "--script",
        default=APP_SCRIPT,
        help="the app to start (dashboard/app.py: without the server's warm-up)",
    )
    ap.add_argument(
        "--settle",
        action="store_true",
        help="first load once the started server's CPU is idle (its warm-up done)",
    )
    ap.add_argument("--out", help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    pages = ["" if p == "overview" else p for p in args.pages.split(",")]
    unknown = [p for p in pages if p not in PAGES and p != "blank"]
    if unknown:
        ap.error(f"unknown pages: {', '.join(unknown)}")
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    rows = measure(args.database_url, pages, data_dir, args.script, args.settle)
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
