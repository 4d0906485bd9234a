"""Migration 013 (issue 17, the 100k ingest's memory): DuckDB stores drop the three
per-row indexes no query uses (terms_article, lsh_band_hash, lsh_article). DuckDB loads
every index of a table into memory when an ingest round checkpoints it, so these grew the
ingest's memory with the store; a store made before the migration loses them too, and
deleting an article still removes its rows from those tables."""

from __future__ import annotations

import duckdb

from dashboard.storage import store as store_mod
from dashboard.storage.store import Store
from tests.test_store import make

DROPPED = {"terms_article", "lsh_band_hash", "lsh_article"}


def _indexes(db) -> set[str]:
    con = duckdb.connect(str(db))
    try:
        return {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    finally:
        con.close()


def test_a_new_duckdb_store_has_no_unused_per_row_indexes(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(f"duckdb:///{db}").close()
    names = _indexes(db)
    assert not names & DROPPED
    assert {"quotes_article", "dates_article", "credits_article"} <= names  # others stay


def test_an_older_store_loses_them_when_it_is_opened(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(f"duckdb:///{db}").close()
    # As a store made before migration 013 was.
    con = duckdb.connect(str(db))
    con.execute("CREATE INDEX terms_article ON terms(article_id)")
    con.execute("CREATE INDEX lsh_band_hash ON article_lsh(band, hash)")
    con.execute("CREATE INDEX lsh_article ON article_lsh(article_id)")
    con.execute("DELETE FROM schema_migrations WHERE name = '013_duckdb_drop_unused_indexes'")
    con.close()
    assert _indexes(db) >= DROPPED
    Store(f"duckdb:///{db}").close()
    assert not _indexes(db) & DROPPED


def test_a_statement_for_another_backend_is_skipped(tmp_path, monkeypatch):
    migrations = [
        *store_mod.MIGRATIONS,
        ("999_test", [("postgresql", "THIS IS NOT SQL"), ("duckdb", "SELECT 1")]),
    ]
    monkeypatch.setattr(store_mod, "MIGRATIONS", migrations)
    store = Store(f"duckdb:///{tmp_path / 's.duckdb'}")
    assert [r[0] for r in store.execute("SELECT name FROM schema_migrations")].count(
        "999_test"
    ) == 1
    store.close()


def test_deleting_an_article_still_removes_its_terms_and_bands(tmp_path):
    from dashboard.storage.syndication import update_clusters

    store = Store(f"duckdb:///{tmp_path / 's.duckdb'}")
    arts = [
        make("Outlet A", f"Title {i}", "2024-05-01", terms=[("alpha", 2), ("beta", 1)])
        for i in range(2)
    ]
    store.add_many(arts)
    update_clusters(store, [a.id for a, _ in arts], bodies={a.id: r.body for a, r in arts})
    gone = arts[0][0].id
    for table in ("terms", "article_lsh"):
        n = store.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", [gone])
        assert n[0][0] > 0, table
    assert store.delete_article(gone)
    for table in ("terms", "article_lsh"):
        n = store.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", [gone])
        assert n[0][0] == 0, table
    store.close()


def _table_blocks(store: Store) -> int:
    rows = store.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'BASE_TABLE'")
    return int(rows[0][0]) if rows else 0


def test_release_buffers_drops_cached_blocks_and_the_transaction_goes_on(tmp_path, monkeypatch):
    # An ingest round releases the table blocks its scans left in DuckDB's buffer pool
    # (they grew with the store); the round's transaction must not notice.
    db = tmp_path / "s.duckdb"
    store = Store(f"duckdb:///{db}")
    with store.backend.transaction() as cur:
        cur.execute(
            "CREATE TABLE big AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(400000)"
        )
    store.close()  # on disk: its blocks are read back, not held in memory
    monkeypatch.setattr(type(store.backend), "RELEASE_HEADROOM", 0)
    limit = store.execute("SELECT current_setting('memory_limit')")
    with store.connected(), store.backend.transaction() as cur:
        cur.execute("SELECT COUNT(DISTINCT s) FROM big")
        assert cur.fetchall() == [(400000,)]
        held = _table_blocks(store)
        assert held > 4_000_000
        with store.backend.cursor():  # another thread's query: its memory is left alone
            store.release_buffers()
            assert _table_blocks(store) == held
        store.release_buffers()
        assert _table_blocks(store) < held / 4
        cur.execute("INSERT INTO meta(key, value) VALUES ('probe', 'kept')")
        cur.execute("SELECT COUNT(*) FROM big")  # read again from the file
        assert cur.fetchall() == [(400000,)]
        assert store.execute("SELECT current_setting('memory_limit')") == limit
    assert store.execute("SELECT value FROM meta WHERE key = 'probe'") == [("kept",)]
    store.close()
