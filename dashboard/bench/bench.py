"""`python -m dashboard bench`: how the dashboard scales with the number of articles.

For each corpus size N (a synthetic corpus from benchgen.py) it measures:

* read + tokenise: the same files through readers.read_path and textproc.tokenize only,
  the floor any analysis pays;
* parse throughput on one core (a sample of at most PARSE_SAMPLE articles) and on all
  cores (POOL_SAMPLE articles through ingest's process pool), and parse cost /
  read+tokenise;
* ingest (read + parse + store, through ingest.ingest_path) into DuckDB and PostgreSQL;
  the workers parse a round while the ingest stores the previous one, so "store +
  clustering" is the ingest's time less the time it waited for parsed rounds;
* each page's data, cold (first call in a fresh process) and cached, plus building the
  page's charts (charts.page_charts, what the exporter draws);
* one word cloud, all word clouds of the keywords page, and the distinctive terms;
* peak memory (ru_maxrss) of the ingest process, of its parser workers, and of a process
  that loads every page's data (a stand-in for the app process).

Ingest and page phases each run in a fresh subprocess so that peak memory and "cold" mean
what they say. "Cached" emulates Streamlit's st.cache_data as ui.cached uses it: the key
needs store.data_version() (one small query) and a hit unpickles the stored value, so a
cached call is that query plus pickle.loads of the result.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

PARSE_SAMPLE = 300
POOL_SAMPLE = 2000
CLOUD_WORDS = 80

# What each page asks for (mirrors views/*.py through ui.py's cached functions).
PAGE_QUERIES: dict[str, tuple[str, ...]] = {
    "overview": ("outlet_summary", "language_counts", "outlet_headlines", "articles_page"),
    "timeline": ("coverage_by_day", "event_chart", "event_picker", "mentions_page", "vague_page"),
    "speakers": ("speaker_page", "speaker_people", "merged_spelling_count", "quotes_page"),
    "keywords": ("grouped_terms_by_outlet", "distinctive_terms"),
    "framing": ("outlet_summary", "frame_scores", "event_name_counts"),
}


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # Linux reports kilobytes.
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _rss_mb() -> float:
    """Resident memory of this process now (Linux), MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _self_cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children: on a machine shared with
    other jobs, wall time measures the contention as much as the code."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _query(name: str) -> Callable[..., Any]:
    from dashboard.storage import queries

    if name == "mentions_page":  # the timeline's "Dated mentions" table, first page
        return lambda store, f: queries.dated_mentions(store, f, limit=100)
    if name == "vague_page":  # and its vague expressions, first page
        return lambda store, f: queries.dated_mentions(store, f, vague=True, limit=100)
    if name == "event_chart":  # the timeline's event chart, bounded (charts.page_charts)
        from dashboard.output import figures

        return lambda store, f: queries.event_chart(
            store, f, figures.EVENT_MARKS_MAX, figures.EVENT_TOP, figures.EVENT_CELLS_MAX
        )
    if name == "event_picker":  # and its picker's most-mentioned events (ui.event_picker_top)
        from dashboard.web.event_picker import PICKER_MAX

        return lambda store, f: queries.event_top(store, f, PICKER_MAX * 2)
    if name == "articles_page":  # the overview's table shows the first page (ui.article_page)
        return lambda store, f: queries.articles(store, f, limit=100)
    if name == "quotes_page":  # the speakers page's statement table, first page
        return lambda store, f: queries.quotes(store, f, limit=100)
    return getattr(queries, name)


# --------------------------------------------------------------------------- phases
def _pg_server_cpu_s() -> float | None:
    """CPU seconds of the bench's throwaway PostgreSQL server (postmaster, its finished
    backends and its live ones), from /proc; None when the server is not the bench's own
    (BENCH_PG_PID unset) or /proc is not there. The client's CPU does not include the
    server's work (COPY, index maintenance, joins), which on PostgreSQL is most of it."""
    pid = os.environ.get("BENCH_PG_PID")
    if not pid:
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def stat(p: str) -> list[str] | None:
        try:
            raw = Path(f"/proc/{p}/stat").read_text()
        except OSError:
            return None
        return raw[raw.rindex(")") + 2 :].split()

    own = stat(pid)
    if own is None:
        return None
    total = sum(int(x) for x in own[11:15])  # utime stime cutime cstime
    for d in os.listdir("/proc"):
        if d.isdigit() and d != pid:
            f = stat(d)
            if f is not None and f[1] == pid:  # a live child of the postmaster
                total += int(f[11]) + int(f[12])
    return total / tick


@contextmanager
def sql_timing(by_sql: dict[str, float], postgres: bool = True) -> Iterator[dict[str, float]]:
    """While open, sum the wall seconds of each SQL statement (keyed by its first words) and
    of each COPY table into `by_sql`: which part of an ingest round grows with the store
    (psycopg waits for the server). Statements are timed on PostgreSQL only."""
    from dashboard.storage.store import Store

    real_bulk = Store._bulk_insert

    def timed_bulk(self, cur, table, values):
        t0 = time.perf_counter()
        try:
            return real_bulk(self, cur, table, values)
        finally:
            key = f"COPY {table}"
            by_sql[key] = by_sql.get(key, 0.0) + time.perf_counter() - t0

    real_execute = None
    if postgres:
        import psycopg

        real_execute = psycopg.Cursor.execute

        def timed_execute(self, query, *a, **k):
            t0 = time.perf_counter()
            try:
                return real_execute(self, query, *a, **k)
            finally:
                key = " ".join(str(query).split())[:70]
                by_sql[key] = by_sql.get(key, 0.0) + time.perf_counter() - t0

        psycopg.Cursor.execute = timed_execute
    Store._bulk_insert = timed_bulk
    try:
        yield by_sql
    finally:
        Store._bulk_insert = real_bulk
        if real_execute is not None:
            psycopg.Cursor.execute = real_execute


def _timed_rounds(
    real: Callable[..., Any], rounds: list[dict], by_sql: dict[str, float] | None = None
) -> Callable[..., Any]:
    """`real` (ingest.store_parsed) logging each round: wall and CPU seconds of this process
    storing + clustering it, its resident memory after the round (VmRSS) and peak so far;
    with `by_sql` (PostgreSQL) also the server's CPU seconds and the round's SQL times."""

    def timed(*a, **k):
        if by_sql is not None:
            by_sql.clear()
        server = _pg_server_cpu_s() if by_sql is not None else None
        t0, c0 = time.perf_counter(), _self_cpu_s()
        res = real(*a, **k)
        row = {
            "store_s": round(time.perf_counter() - t0, 3),
            "store_cpu_s": round(_self_cpu_s() - c0, 3),
            "rss_mb": _rss_mb(),
            "peak_mb": _maxrss_mb(),
        }
        if server is not None:
            row["server_cpu_s"] = round(_pg_server_cpu_s() - server, 3)
        if by_sql is not None:
            row["sql_s"] = {k: round(v, 3) for k, v in by_sql.items() if v >= 0.005}
            by_sql.clear()
        rounds.append(row)
        print(f"[bench] round {len(rounds)}: {json.dumps(row)}", file=sys.stderr, flush=True)
        return res

    return timed


def _pool_rate(r: dict[str, Any]) -> float:
    """Parse + sign on all cores: the pool's own sample, else (older results) the ingest's."""
    return r.get("parse_sign_pool_articles_per_s") or r["parse_all_articles_per_s"]


def _ingest_figures(out: dict[str, Any], parse_s: float, workers: int) -> None:
    out["peak_mb_ingest"] = _maxrss_mb()
    out["parse_all_s"] = parse_s
    out["parse_all_articles_per_s"] = out["articles"] / parse_s
    out["workers"] = workers


def phase_ingest(corpus: str, duck_url: str | None, pg_url: str | None, workers: int) -> dict:
    """Read, tokenise, parse (1 core sample, all cores) and ingest into each database.

    Without duck_url (--no-duckdb) the corpus is parsed for real and ingested straight into
    PostgreSQL: the ingest figures are then PostgreSQL's own (wall, CPU, peak memory)."""
    from dashboard.analysis.textproc import tokenize
    from dashboard.ingest import ingest
    from dashboard.ingest.readers import read_path
    from dashboard.storage.store import Store

    # The claim map embeds every statement (30-150 ms each): its own step (`python -m
    # dashboard claims`, measured by claims_bench), not part of storing the articles.
    os.environ["DASHBOARD_CLAIM_MAP"] = "off"
    out: dict[str, Any] = {"load_average": os.getloadavg()[0]}
    t = time.perf_counter()
    result = read_path(corpus)
    out["read_s"] = time.perf_counter() - t
    raws = result.articles
    out["articles"] = len(raws)
    out["outlets"] = len({r.outlet for r in raws})
    t = time.perf_counter()
    for raw in raws:
        tokenize(raw.title)
        tokenize(raw.body)
    out["tokenise_s"] = time.perf_counter() - t
    out["read_tokenise_ms_per_article"] = 1000 * (out["read_s"] + out["tokenise_s"]) / len(raws)

    sample = raws[: min(len(raws), PARSE_SAMPLE)]
    # Lexicons, regexes, the language identifier and the voice model load once, outside the
    # timing, as in every parse worker (executors.warm_up).
    from dashboard.ingest.executors import warm_up

    warm_up()
    ingest._parse_safely(sample[0])
    t, c = time.perf_counter(), _cpu_s()
    for raw in sample:
        ingest._parse_safely(raw)
    one = time.perf_counter() - t
    out["parse_1core_cpu_ms_per_article"] = 1000 * (_cpu_s() - c) / len(sample)
    out["parse_1core_articles_per_s"] = len(sample) / one
    out["parse_1core_ms_per_article"] = 1000 * one / len(sample)
    out["parse_over_read_tokenise"] = (
        out["parse_1core_ms_per_article"] / out["read_tokenise_ms_per_article"]
    )
    # The parse workers also sign each article for the wire-copy clustering
    # (executors.parse_and_sign): the one-core figure that the workers' rate compares with.
    from dashboard.ingest.executors import parse_and_sign

    t = time.perf_counter()
    parse_and_sign(sample)
    out["parse_sign_1core_articles_per_s"] = len(sample) / (time.perf_counter() - t)
    # The workers' own rate: during the ingest they parse beside the storing, so the
    # ingest's rate is not theirs. A sample through a pool of `workers` processes, started
    # and warmed outside the timing.
    from dashboard.ingest.executors import local_executor

    pool_sample = raws[: min(len(raws), POOL_SAMPLE)]
    with local_executor(len(pool_sample), workers) as pool:
        pool.parse(pool_sample[:64])
        t = time.perf_counter()
        pool.parse(pool_sample)
        out["parse_sign_pool_articles_per_s"] = len(pool_sample) / (time.perf_counter() - t)
    # The ingest below streams the files itself: the corpus read for the measures above
    # must not stay in this process, or the ingest's peak memory would count it
    # (~5 KB per bench article, ~0.5 GB at 100,000).
    del raws, result, sample
    gc.collect()
    out["peak_mb_before_ingest"] = _maxrss_mb()
    # Linux: restart the peak (VmHWM, hence ru_maxrss) so that it is the ingest's own.
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")

    # The PostgreSQL run stores the very same parsed articles: they are spilled to a file
    # during the DuckDB run (not kept in memory, which would inflate the peak measured).
    spill = Path(tempfile.mkstemp(prefix="bench-parsed-", suffix=".pickle")[1])
    parse_time = [0.0]
    real_parse_many = ingest.parse_many
    # The ingest stores a round while the workers parse the next (ingest._Parsing), so
    # the parse's own wall time overlaps the storing: what the ingest loses to parsing is
    # the time it waits for a round's results, and "store + clustering" is the rest.
    parse_wait = [0.0]
    real_result = ingest._Parsing.result

    def timed_result(self):
        t0 = time.perf_counter()
        try:
            return real_result(self)
        finally:
            parse_wait[0] += time.perf_counter() - t0

    ingest._Parsing.result = timed_result

    def timed_parse_many(batch, workers=None, progress=None, pool=None):
        t0 = time.perf_counter()
        res = real_parse_many(batch, workers=workers, progress=progress, pool=pool)
        parse_time[0] += time.perf_counter() - t0
        with spill.open("ab") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        return res

    if duck_url is None:
        assert pg_url, "--no-duckdb needs PostgreSQL"

        def timed_only(batch, workers=None, progress=None, pool=None):
            t0 = time.perf_counter()
            res = real_parse_many(batch, workers=workers, progress=progress, pool=pool)
            parse_time[0] += time.perf_counter() - t0
            return res

        # Per round: wall, client CPU and server CPU seconds of storing + clustering it
        # (store_parsed), and the client's resident memory after it; then the aggregates.
        rounds: list[dict] = []
        real_store_parsed, real_refresh = ingest.store_parsed, ingest.aggregates.refresh

        def timed_refresh(*a, **k):
            t0, c0, s0 = time.perf_counter(), _self_cpu_s(), _pg_server_cpu_s()
            by_sql.clear()
            res = real_refresh(*a, **k)
            out["aggregates_refresh_sql_s"] = {k: round(v, 3) for k, v in by_sql.items()}
            out["aggregates_refresh_s"] = time.perf_counter() - t0
            out["aggregates_refresh_cpu_s"] = _self_cpu_s() - c0
            if s0 is not None:
                out["aggregates_refresh_server_cpu_s"] = _pg_server_cpu_s() - s0
            return res

        by_sql: dict[str, float] = {}

        ingest.parse_many = timed_only
        ingest.store_parsed = _timed_rounds(real_store_parsed, rounds, by_sql)
        ingest.aggregates.refresh = timed_refresh
        with sql_timing(by_sql):
            try:
                store = Store(pg_url)
                server = _pg_server_cpu_s()
                t, c = time.perf_counter(), _cpu_s()
                report = ingest.ingest_path(store, corpus, workers=workers)
                out["ingest_postgres_s"] = time.perf_counter() - t
                out["ingest_postgres_cpu_s"] = _cpu_s() - c
                if server is not None:
                    out["ingest_postgres_server_cpu_s"] = _pg_server_cpu_s() - server
                out["added_postgres"] = report.added
                store.close()
            finally:
                ingest.parse_many = real_parse_many
                ingest.store_parsed = real_store_parsed
                ingest.aggregates.refresh = real_refresh
        out["rounds_postgres"] = rounds
        spill.unlink(missing_ok=True)
        ingest._Parsing.result = real_result
        _ingest_figures(out, parse_time[0], workers)
        out["parse_wait_s"] = parse_wait[0]
        out["store_postgres_s"] = out["ingest_postgres_s"] - parse_wait[0]
        out["peak_mb_parse_workers"] = _maxrss_mb(resource.RUSAGE_CHILDREN)
        return out

    rounds: list[dict] = []
    real_store_parsed = ingest.store_parsed
    ingest.parse_many = timed_parse_many
    ingest.store_parsed = _timed_rounds(real_store_parsed, rounds)
    try:
        store = Store(duck_url)
        t, c = time.perf_counter(), _cpu_s()
        report = ingest.ingest_path(store, corpus, workers=workers)
        out["ingest_duckdb_s"] = time.perf_counter() - t
        out["ingest_duckdb_cpu_s"] = _cpu_s() - c
        out["added_duckdb"] = report.added
        store.close()
    finally:
        ingest.parse_many = real_parse_many
        ingest.store_parsed = real_store_parsed
        ingest._Parsing.result = real_result
    out["rounds_duckdb"] = rounds
    _ingest_figures(out, parse_time[0], workers)
    out["parse_wait_s"] = parse_wait[0]
    out["store_duckdb_s"] = out["ingest_duckdb_s"] - parse_wait[0]

    if pg_url:
        # The same ingest_path, parsing replaced by the results above: the difference to
        # DuckDB is the storage, so parse once and add its time.
        with spill.open("rb") as fh:

            def replay(batch, workers=None, progress=None, pool=None):
                res = pickle.load(fh)
                assert len(res) == len(batch), "replayed rounds out of step"
                return res

            ingest.parse_many = replay
            try:
                store = Store(pg_url)
                t = time.perf_counter()
                ingest.ingest_path(store, corpus, workers=workers)
                store_pg = time.perf_counter() - t
                store.close()
            finally:
                ingest.parse_many = real_parse_many
        out["store_postgres_s"] = store_pg
        out["ingest_postgres_s"] = store_pg + parse_time[0]
    spill.unlink(missing_ok=True)
    out["peak_mb_parse_workers"] = _maxrss_mb(resource.RUSAGE_CHILDREN)
    return out


def phase_pages(url: str) -> dict:
    """Every page's data cold and cached, chart building, clouds, distinctive terms."""
    from dashboard.output import charts
    from dashboard.output.clouds import cloud_png
    from dashboard.storage.store import Filters, Store

    store = Store(url)
    # As in the app: one connection for the whole page work (Store.connected()), not one
    # per query, which on an embedded DuckDB file would add an open and close to each.
    held = store.connected()
    held.__enter__()
    f = Filters()
    out: dict[str, Any] = {}
    memo: dict[tuple, bytes] = {}
    # As ui.get_store() does on a page run: the aggregates catch up with the stored data
    # (after ingest only the version moved on, e.g. by the claim map: a quick check).
    from dashboard.storage import aggregates

    t = time.perf_counter()
    aggregates.ensure_fresh(store)
    out["aggregates_check_s"] = time.perf_counter() - t

    def cached_call(name: str) -> Any:
        key = (store.url, store.data_version(), f.key(), name)
        if key not in memo:
            memo[key] = pickle.dumps(_query(name)(store, f))
        return pickle.loads(memo[key])

    for page, names in PAGE_QUERIES.items():
        t = time.perf_counter()
        for name in names:
            memo[(store.url, store.data_version(), f.key(), name)] = pickle.dumps(
                _query(name)(store, f)
            )
        out[f"{page}_cold_s"] = time.perf_counter() - t
        t = time.perf_counter()
        for name in names:
            cached_call(name)
        out[f"{page}_cached_s"] = time.perf_counter() - t
        t = time.perf_counter()
        charts.page_charts(store, f, page, cloud_words=CLOUD_WORDS)
        out[f"{page}_charts_s"] = time.perf_counter() - t

    by_outlet = _query("grouped_terms_by_outlet")(store, f)
    if by_outlet:
        biggest = max(by_outlet, key=lambda o: sum(by_outlet[o].values()))
        freqs = dict(by_outlet[biggest].most_common(CLOUD_WORDS))
        cloud_png({"warm": 1.0}, max_words=CLOUD_WORDS)  # font loading, once per process
        t, c = time.perf_counter(), _cpu_s()
        cloud_png(freqs, max_words=CLOUD_WORDS)
        out["cloud_one_s"] = time.perf_counter() - t
        out["cloud_one_cpu_s"] = _cpu_s() - c
        t = time.perf_counter()
        for outlet in by_outlet:
            cloud_png(dict(by_outlet[outlet].most_common(CLOUD_WORDS)), max_words=CLOUD_WORDS)
        out["cloud_all_s"] = time.perf_counter() - t
        out["clouds"] = len(by_outlet)
    t = time.perf_counter()
    _query("distinctive_terms")(store, f)
    out["distinctive_s"] = time.perf_counter() - t
    out["peak_mb_pages"] = _maxrss_mb()
    held.__exit__(None, None, None)
    store.close()
    return out


# --------------------------------------------------------------------------- PostgreSQL
def _pg_bin(name: str) -> str | None:
    for cand in (shutil.which(name), f"/usr/lib/postgresql/15/bin/{name}"):
        if cand and os.path.exists(cand):
            return cand
    return None


@contextmanager
def temp_postgres():
    """A throwaway PostgreSQL cluster on a loopback port; yields a base URL or None."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    as_root = os.geteuid() == 0
    if as_root:  # postgres refuses to run as root
        shutil.chown(root, "postgres", "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    def run(cmd: list[str]) -> None:
        if as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    data = root / "data"
    try:
        run([initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--encoding=UTF8"])
        opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run([pg_ctl, "-D", str(data), "-l", str(root / "log"), "-w", "-o", opts, "start"])
    except (subprocess.SubprocessError, OSError):
        shutil.rmtree(root, ignore_errors=True)
        yield None
        return
    with suppress(OSError, IndexError):
        os.environ["BENCH_PG_PID"] = (data / "postmaster.pid").read_text().split()[0]
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        os.environ.pop("BENCH_PG_PID", None)
        try:
            run([pg_ctl, "-D", str(data), "-m", "fast", "stop"])
        finally:
            shutil.rmtree(root, ignore_errors=True)


def _new_pg_database(url: str, name: str) -> str:
    """A fresh, empty database `name` on the server of `url`; returns its URL."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(
        parts._replace(path=parts.path if parts.path not in ("", "/") else "/postgres")
    )
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


# --------------------------------------------------------------------------- driver
def _run_phase(args: list[str]) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard.bench.bench", *args],
        stdout=subprocess.PIPE,  # stderr (per-round lines, errors) goes to ours
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {args[:2]} failed (its stderr is above)")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(
    n: int,
    workdir: Path,
    pg_base: str | None,
    workers: int,
    seed: int = 1,
    log=print,
    duckdb: bool = True,
) -> dict:
    from dashboard.bench.benchgen import generate

    corpus = workdir / f"corpus_{n}"
    t = time.perf_counter()
    # copies.tsv: a folder kept from before benchgen's distinct articles has none; it is
    # written again (the same file names), not measured as if it were the current corpus.
    if not (corpus / "manifest.csv").exists() or not (corpus / "copies.tsv").exists():
        generate(corpus, n, seed=seed)
    res: dict[str, Any] = {"n": n, "generate_s": time.perf_counter() - t}
    duck = workdir / f"bench_{n}.duckdb"
    duck_url = None
    if duckdb:
        duck.unlink(missing_ok=True)
        duck_url = f"duckdb:///{duck}"
    pg_url = _new_pg_database(pg_base, f"bench_{n}") if pg_base else None
    log(f"[bench] N={n}: ingest ({workers} workers)")
    args = ["--phase", "ingest", "--corpus", str(corpus)]
    args += ["--duck", duck_url] if duck_url else []
    args += ["--workers", str(workers)] + (["--pg", pg_url] if pg_url else [])
    res.update(_run_phase(args))
    if duck_url:
        log(f"[bench] N={n}: pages (DuckDB)")
        res["duckdb"] = _run_phase(["--phase", "pages", "--url", duck_url])
    if pg_url:
        log(f"[bench] N={n}: pages (PostgreSQL)")
        res["postgres"] = _run_phase(["--phase", "pages", "--url", pg_url])
    return res


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "skipped"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        return f"{value:.{digits}f}" if value >= 0.01 else f"{value:.4f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table_rows(results: list[dict]) -> list[tuple[str, list[str]]]:
    """(label, one cell per size) for the markdown table."""

    def row(label: str, get: Callable[[dict], Any]) -> tuple[str, list[str]]:
        cells = []
        for r in results:
            try:
                cells.append(_fmt(get(r)))
            except (KeyError, TypeError):
                cells.append("skipped")
        return label, cells

    rows = [
        row("load average at start", lambda r: r["load_average"]),
        row(
            "articles stored (outlets)",
            lambda r: f"{r.get('added_duckdb', r.get('added_postgres')):,} ({r['outlets']})",
        ),
        row("read, s", lambda r: r["read_s"]),
        row("tokenise, s", lambda r: r["tokenise_s"]),
        row("read + tokenise, ms/article", lambda r: r["read_tokenise_ms_per_article"]),
        row("parse 1 core, articles/s", lambda r: r["parse_1core_articles_per_s"]),
        row("parse 1 core, CPU ms/article", lambda r: r["parse_1core_cpu_ms_per_article"]),
        row("parse + sign 1 core, articles/s", lambda r: r.get("parse_sign_1core_articles_per_s")),
        row("parse + sign all cores, articles/s", lambda r: _pool_rate(r)),
        row(
            "all cores ÷ 1 core (parse + sign)",
            lambda r: _pool_rate(r) / r["parse_sign_1core_articles_per_s"],
        ),
        row(
            "parse during the ingest, beside the store, articles/s",
            lambda r: r["parse_all_articles_per_s"],
        ),
        row("ingest waiting for the parse, s", lambda r: r["parse_wait_s"]),
        row("parse ÷ (read + tokenise)", lambda r: r["parse_over_read_tokenise"]),
        row("ingest DuckDB (parse + store), s", lambda r: r["ingest_duckdb_s"]),
        row("  of which store + clustering, s (DuckDB)", lambda r: r["store_duckdb_s"]),
        row("  CPU s, all processes (DuckDB)", lambda r: r["ingest_duckdb_cpu_s"]),
        row("ingest PostgreSQL (parse + store), s", lambda r: r.get("ingest_postgres_s")),
        row("  of which store + clustering, s (PostgreSQL)", lambda r: r.get("store_postgres_s")),
        row("  CPU s, client processes (PostgreSQL)", lambda r: r.get("ingest_postgres_cpu_s")),
        row("  CPU s, server (PostgreSQL)", lambda r: r.get("ingest_postgres_server_cpu_s")),
    ]
    for backend, label in (("duckdb", "DuckDB"), ("postgres", "PostgreSQL")):
        for page in PAGE_QUERIES:
            rows.append(
                row(
                    f"{page} data cold / cached, s ({label})",
                    lambda r, b=backend, p=page: (
                        f"{_fmt(r[b][f'{p}_cold_s'])} / {_fmt(r[b][f'{p}_cached_s'], 4)}"
                    ),
                )
            )
        for page in PAGE_QUERIES:
            rows.append(
                row(
                    f"{page} charts built, s ({label})",
                    lambda r, b=backend, p=page: r[b][f"{p}_charts_s"],
                )
            )
    rows += [
        row("word cloud, one outlet, s", lambda r: r["duckdb"]["cloud_one_s"]),
        row("word cloud, one outlet, CPU s", lambda r: r["duckdb"]["cloud_one_cpu_s"]),
        row(
            "word clouds, all outlets, s",
            lambda r: f"{_fmt(r['duckdb']['cloud_all_s'])} ({r['duckdb']['clouds']})",
        ),
        row("distinctive terms, s", lambda r: r["duckdb"]["distinctive_s"]),
        row("peak memory ingest process, MB", lambda r: r["peak_mb_ingest"]),
        row(
            "peak memory parser worker, MB",
            lambda r: r["peak_mb_parse_workers"] or "in-process (no pool)",
        ),
        row("peak memory page-data process, MB", lambda r: r["duckdb"]["peak_mb_pages"]),
        row(
            "peak memory page-data process, MB (PostgreSQL)",
            lambda r: r["postgres"]["peak_mb_pages"],
        ),
    ]
    return rows


def markdown_table(results: list[dict]) -> str:
    head = "| measure | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    sep = "|---|" + "---:|" * len(results)
    body = [f"| {label} | " + " | ".join(cells) + " |" for label, cells in table_rows(results)]
    return "\n".join([head, sep, *body])


def machine() -> str:
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def run(
    sizes: list[int],
    postgres: str | None = None,
    out: str | None = None,
    workers: int | None = None,
    no_postgres: bool = False,
    workdir: str | None = None,
    log=print,
    no_duckdb: bool = False,
) -> tuple[list[dict], str]:
    if no_duckdb and no_postgres:
        raise ValueError("--no-duckdb and --no-postgres leave nothing to measure")
    workers = workers or os.cpu_count() or 1
    own_dir = workdir is None
    wd = Path(workdir or tempfile.mkdtemp(prefix="dashboard-bench-"))
    wd.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []
    note = ""
    try:
        if no_postgres:
            pg_ctx = _nullctx(None)
            note = "PostgreSQL: skipped (--no-postgres)."
        elif postgres:
            pg_ctx = _nullctx(postgres)
        else:
            pg_ctx = temp_postgres()
        with pg_ctx as pg_base:
            if pg_base is None and not note:
                if no_duckdb:
                    raise RuntimeError("--no-duckdb: no --postgres URL and no PostgreSQL binaries")
                note = "PostgreSQL: skipped (no --postgres URL and no PostgreSQL binaries)."
            if no_duckdb:
                note = "DuckDB: skipped (--no-duckdb); PostgreSQL ingest parses for real."
            for n in sizes:
                results.append(measure(n, wd, pg_base, workers, log=log, duckdb=not no_duckdb))
    finally:
        if own_dir:
            shutil.rmtree(wd, ignore_errors=True)
    text = f"Machine: {machine()}; {workers} parser workers.\n\n" + markdown_table(results)
    if note:
        text += f"\n\n{note}"
    if out:
        Path(out).write_text(
            json.dumps({"machine": machine(), "results": results}, indent=2), encoding="utf-8"
        )
    return results, text


@contextmanager
def _nullctx(value):
    yield value


def cli(args: argparse.Namespace) -> int:
    sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    _, text = run(
        sizes,
        postgres=args.postgres,
        out=args.out,
        workers=args.workers,
        no_postgres=args.no_postgres,
        workdir=args.workdir,
        log=lambda m: print(m, file=sys.stderr),
        no_duckdb=args.no_duckdb,
    )
    print(text)
    return 0


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    p.add_argument("--postgres", default=None, help="PostgreSQL URL (default: a temp server)")
    p.add_argument("--no-postgres", action="store_true", help="DuckDB only")
    p.add_argument(
        "--no-duckdb",
        action="store_true",
        help="PostgreSQL only (parses for real and ingests straight into PostgreSQL)",
    )
    p.add_argument("--out", default=None, help="also write the results as JSON here")
    p.add_argument("--workers", type=int, default=None, help="parser processes (default: cores)")
    p.add_argument(
        "--workdir", default=None, help="keep corpora and databases here (default: temp, removed)"
    )


def _phase_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--phase", choices=["ingest", "pages"], required=True)
    p.add_argument("--corpus")
    p.add_argument("--duck", default=None)
    p.add_argument("--pg", default=None)
    p.add_argument("--url")
    p.add_argument("--workers", type=int, default=1)
    a = p.parse_args(argv)
    if a.phase == "ingest":
        res = phase_ingest(a.corpus, a.duck, a.pg, a.workers)
    else:
        res = phase_pages(a.url)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(_phase_main(sys.argv[1:]))
