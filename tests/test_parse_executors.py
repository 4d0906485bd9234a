"""Parse executors (dashboard/ingest/executors.py): the warmed local pool and a real Dask
cluster (distributed.LocalCluster, two worker processes on loopback) store exactly what a
local ingest stores, on DuckDB and on a real PostgreSQL; an unreachable scheduler is one
clear line and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.ingest import executors
from dashboard.ingest.ingest import ingest_path
from dashboard.ingest.readers import read_path
from dashboard.model import RawArticle
from dashboard.storage.store import Store
from tests.conftest import free_port

WIRE = Path(__file__).parent / "data" / "wire"  # hand-written wire copies: clusters form

# Every table an ingest writes, with the columns that do not depend on the clock.
TABLES = {
    "articles": "id, content_hash, title, outlet, outlet_domain, url, language, country, "
    "published_at, date_source, source_file, body, parsed",
    "quotes": "*",
    "date_mentions": "*",
    "terms": "*",
    "frames": "*",
    "event_names": "*",
    "article_minhash": "*",
    "article_clusters": "*",
    "agency_credits": "*",
    "article_lsh": "*",
}


def dump(url: str) -> dict[str, list[tuple]]:
    store = Store(url)
    try:
        with store.connected():
            return {
                t: sorted(store.execute(f"SELECT {cols} FROM {t}"), key=repr)
                for t, cols in TABLES.items()
            }
    finally:
        store.close()


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    c = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    )
    try:
        yield c.scheduler_address
    finally:
        # Closing two worker processes took over 3 s at a load average of 15 (shared CI
        # machine): a teardown error then, not a failure of the tests.
        c.close(timeout=30)


def _local_then_cluster(url_local: str, url_cluster: str, address: str, capsys) -> None:
    local = Store(url_local)
    report = ingest_path(local, WIRE, workers=1)
    local.close()
    rc = main(["ingest", str(WIRE), "--database", url_cluster, "--cluster", address])
    err = capsys.readouterr().err
    assert f"parsing on the Dask cluster at {address}" in err
    assert rc == (1 if report.rejected else 0)
    a, b = dump(url_local), dump(url_cluster)
    assert len(a["articles"]) == report.added >= 20
    assert a["quotes"] and a["date_mentions"] and a["terms"]
    # Wire copies were found, and the same ones.
    assert len({row[1] for row in a["article_clusters"]}) < len(a["article_clusters"])
    for table in TABLES:
        assert b[table] == a[table], table


def test_dask_ingest_stores_what_a_local_ingest_stores_duckdb(cluster, tmp_path, capsys):
    _local_then_cluster(
        f"duckdb:///{tmp_path / 'local.duckdb'}",
        f"duckdb:///{tmp_path / 'dask.duckdb'}",
        cluster,
        capsys,
    )


def test_dask_ingest_stores_what_a_local_ingest_stores_postgres(cluster, pg_server, capsys):
    _local_then_cluster(pg_server.new_database(), pg_server.new_database(), cluster, capsys)


def test_unreachable_scheduler_is_exit_status_2(tmp_path, capsys):
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    url = f"duckdb:///{tmp_path / 'x.duckdb'}"
    rc = main(
        ["ingest", str(WIRE), "--database", url, "--cluster", address, "--cluster-timeout", "1"]
    )
    err = capsys.readouterr().err
    assert rc == 2
    assert f"error: cannot reach the Dask scheduler at {address}" in err
    assert "Traceback" not in err
    store = Store(url)
    assert store.count() == 0  # nothing parsed, nothing stored
    store.close()


def test_local_pool_and_packing_give_identical_articles():
    raws = read_path(WIRE).articles
    broken = RawArticle(title="t", body="x", outlet="o", published_at="2024-99-99")
    raws = [*raws, broken] * 3  # past PARALLEL_THRESHOLD, so a real pool
    assert len(raws) >= executors.PARALLEL_THRESHOLD
    here = executors.InProcessExecutor().parse(raws)
    seen = []
    with executors.local_executor(len(raws), workers=2) as pool:
        assert isinstance(pool, executors.LocalPoolExecutor)
        there = pool.parse(raws, progress=lambda done, total, _t: seen.append((done, total)))
    assert there == here
    assert seen[-1] == (len(raws), len(raws)) and len(seen) > 2  # progress per batch
    assert sum(a is not None and bool(a.quotes) for a, _ in here) >= 10
    # The compact form is lossless, both ways.
    back = executors.unpack_results(executors.pack_results(here))
    assert back == here
    # The wire-copy signatures travel with the articles: the pool's are the ones this
    # process computes, and the compact form keeps them.
    assert there.signatures == here.signatures == back.signatures
    assert [s is None for s in here.signatures] == [a is None for a, _ in here]
    assert executors.unpack_raws(executors.pack_raws(raws)) == raws
