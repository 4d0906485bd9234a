"""DASHBOARD_DUCKDB_ROW_GROUP_SIZE (issue 17, bounded ingest memory): the store attaches the
DuckDB file with a small row-group size, and the file stays an ordinary DuckDB file, so a
plain connection (the DuckDB CLI, an older checkout, this code with the setting 0) reads
what it wrote and the other way round."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.storage.store import Store, StoreError
from tests.test_store import make


def _add(store: Store, outlet: str, n: int) -> None:
    store.add_many(
        [make(outlet, f"Title {outlet} {i}", "2024-05-0" + str(1 + i % 9)) for i in range(n)]
    )


def test_a_store_written_with_small_row_groups_is_read_by_a_plain_connection_and_back(
    tmp_path, monkeypatch
):
    db = tmp_path / "s.duckdb"
    monkeypatch.setenv("DASHBOARD_DUCKDB_ROW_GROUP_SIZE", "2048")
    store = Store(f"duckdb:///{db}")
    store.migrate()
    _add(store, "Outlet A", 5)
    assert store.count() == 5
    store.close()

    # A plain connection, as the CLI or another tool opens the file.
    con = duckdb.connect(str(db))
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    con.close()

    # Written by DuckDB's defaults (setting 0: a plain connect) ...
    monkeypatch.setenv("DASHBOARD_DUCKDB_ROW_GROUP_SIZE", "0")
    plain = Store(f"duckdb:///{db}")
    _add(plain, "Outlet B", 3)
    plain.close()

    # ... and read and extended again through the attached file, cursors included.
    monkeypatch.setenv("DASHBOARD_DUCKDB_ROW_GROUP_SIZE", "2048")
    again = Store(f"duckdb:///{db}")
    assert again.count() == 8
    with again.backend.cursor() as cur:
        assert cur.execute("SELECT current_database()").fetchone()[0] == "store"
        assert cur.execute("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0] == 2
    _add(again, "Outlet C", 2)
    assert again.count() == 10
    again.close()


def test_a_row_group_size_below_duckdbs_vector_size_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DUCKDB_ROW_GROUP_SIZE", "100")
    with pytest.raises(StoreError, match="at least 2048"):
        Store(f"duckdb:///{tmp_path / 's.duckdb'}")


@pytest.mark.parametrize("row_groups", ["2048", "0"])
def test_memory_limit_applies_to_every_connection_and_spills_next_to_the_file(
    tmp_path, monkeypatch, row_groups
):
    db = tmp_path / "m.duckdb"
    monkeypatch.setenv("DASHBOARD_DUCKDB_ROW_GROUP_SIZE", row_groups)
    monkeypatch.setenv("DASHBOARD_DUCKDB_MEMORY_LIMIT", "256MB")
    store = Store(f"duckdb:///{db}")
    _add(store, "Outlet A", 3)
    with store.backend.cursor() as cur:
        limit = cur.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        spill = cur.execute("SELECT current_setting('temp_directory')").fetchone()[0]
    # DuckDB reports the limit in its own units (256MB = 244.1 MiB).
    assert limit.replace(" ", "") in {"244.1MiB", "256.0MB", "256MB"}, limit
    assert spill == f"{db}.tmp"
    assert store.count() == 3
    store.close()


def test_a_memory_limit_that_is_not_a_size_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DUCKDB_MEMORY_LIMIT", "lots")
    with pytest.raises(StoreError, match="DASHBOARD_DUCKDB_MEMORY_LIMIT must be a size"):
        Store(f"duckdb:///{tmp_path / 'x.duckdb'}")
