"""An ingest on a worker pool stores one round while the workers parse the next
(ingest._Parsing): the stored result is the same as parsing and storing in turn in one
process, progress is reported from the ingesting thread only, and a round that fails to
store leaves no parse running behind it. Real worker processes and DuckDB files."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

from dashboard.ingest import executors, ingest
from dashboard.ingest.ingest import ingest_path
from dashboard.storage.store import Store

WIRE = Path(__file__).resolve().parent / "data" / "wire"  # 18 files + dispatch/ (12)
TABLES = ("articles", "quotes", "date_mentions", "terms", "article_lsh", "article_clusters")


def _rows(store: Store, table: str) -> list[tuple]:
    # Every column but the time a row was written (a datetime, unlike dates).
    rows = store.execute(f"SELECT * FROM {table}")
    return sorted((tuple(v for v in r if not isinstance(v, dt.datetime)) for r in rows), key=repr)


@pytest.fixture
def small_rounds(monkeypatch):
    # Rounds of 7 articles, and a real pool of 2 workers even for so few articles.
    monkeypatch.setattr(ingest, "CHUNK", 7)
    monkeypatch.setattr(executors, "PARALLEL_THRESHOLD", 2)


def test_rounds_parsed_ahead_on_a_pool_store_what_one_process_stores(
    tmp_path, monkeypatch, small_rounds
):
    events: list[tuple[str, int, float]] = []
    real_parse, real_store = ingest.parse_many, ingest.store_parsed

    def parse(raws, *a, **k):
        n = len(events)
        events.append(("parse from", n, time.perf_counter()))
        out = real_parse(raws, *a, **k)
        events.append(("parse in " + threading.current_thread().name, n, time.perf_counter()))
        return out

    def store(*a, **k):
        events.append(("store start", 0, time.perf_counter()))
        time.sleep(0.3)  # long enough that the next round's parse runs meanwhile
        out = real_store(*a, **k)
        events.append(("store end", 0, time.perf_counter()))
        return out

    monkeypatch.setattr(ingest, "parse_many", parse)
    monkeypatch.setattr(ingest, "store_parsed", store)
    pooled = Store(f"duckdb:///{tmp_path / 'pooled.duckdb'}")
    report = ingest_path(pooled, WIRE, workers=2)
    monkeypatch.setattr(ingest, "parse_many", real_parse)
    monkeypatch.setattr(ingest, "store_parsed", real_store)
    alone = Store(f"duckdb:///{tmp_path / 'alone.duckdb'}")
    ingest_path(alone, WIRE, workers=1)
    try:
        assert report.added == 30
        for table in TABLES:
            assert _rows(pooled, table) == _rows(alone, table), table
        # Five rounds of 7: each parse after the first ran in the parse-ahead thread and
        # started before the store of the round before it ended.
        kinds = [e[0] for e in events]
        assert kinds.count("store start") == 5
        assert all(k.endswith("parse-ahead_0") for k in kinds if k.startswith("parse in"))
        starts = [t for k, _, t in events if k == "parse from"]
        ends = [t for k, _, t in events if k == "store end"]
        assert all(starts[i + 1] < ends[i] for i in range(4)), events
    finally:
        pooled.close()
        alone.close()


def test_progress_comes_from_the_ingesting_thread(tmp_path, small_rounds):
    seen: list[tuple[int, int, str]] = []
    threads: set[str] = set()

    def progress(done: int, total: int, title: str) -> None:
        threads.add(threading.current_thread().name)
        seen.append((done, total, title))

    store = Store(f"duckdb:///{tmp_path / 'p.duckdb'}")
    try:
        ingest_path(store, WIRE, workers=2, progress=progress)
    finally:
        store.close()
    assert threads == {threading.current_thread().name}
    assert seen and seen[-1][0] == seen[-1][1] == 30
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)


def test_a_round_that_fails_to_store_leaves_no_parse_behind(tmp_path, monkeypatch, small_rounds):
    real_store = ingest.store_parsed
    calls = []

    def store(*a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the disk is gone")
        return real_store(*a, **k)

    monkeypatch.setattr(ingest, "store_parsed", store)
    db = Store(f"duckdb:///{tmp_path / 'f.duckdb'}")
    try:
        with pytest.raises(RuntimeError, match="the disk is gone"):
            ingest_path(db, WIRE, workers=2)
        assert int(db.execute("SELECT COUNT(*) FROM articles")[0][0]) == 7  # round 1 only
    finally:
        db.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("parse-ahead")]


def test_progress_in_one_process_comes_after_every_article(tmp_path):
    seen: list[int] = []
    store = Store(f"duckdb:///{tmp_path / 'one.duckdb'}")
    try:
        ingest_path(store, WIRE / "dispatch", workers=1, progress=lambda d, _t, _s: seen.append(d))
    finally:
        store.close()
    assert seen == list(range(1, 13))
