from pathlib import Path

from dashboard import config

DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def test_every_setting_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [s.env for s in config.SETTINGS.values() if f"`{s.env}`" not in text]
    assert missing == []


def test_database_url_defaults_to_duckdb_in_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    assert config.database_url() == f"duckdb:///{tmp_path / 'dashboard.duckdb'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", "postgresql://u@h/db")
    assert config.database_url() == "postgresql://u@h/db"
