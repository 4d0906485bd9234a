"""Every setting in one registry: name, environment variable, default and help text.

Settings are read from the environment (and, for the database URL, from Streamlit
secrets by the UI layer). `docs/settings.md` is checked against this table by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "data_dir",
            "DASHBOARD_DATA_DIR",
            str(PROJECT_ROOT / "data"),
            "Folder for the embedded database and uploaded files (git-ignored).",
        ),
        Setting(
            "database_url",
            "DASHBOARD_DATABASE_URL",
            "",
            "Database to use. Empty: a DuckDB file `dashboard.duckdb` in data_dir. "
            "`duckdb:///path/file.duckdb` or `postgresql://user:pw@host:port/db`.",
        ),
        Setting(
            "seeds_dir",
            "DASHBOARD_SEEDS_DIR",
            str(PROJECT_ROOT / "seeds"),
            "Folder ingested automatically when the store is empty.",
        ),
        Setting(
            "auto_ingest_seeds",
            "DASHBOARD_AUTO_INGEST_SEEDS",
            "1",
            "Ingest seeds_dir on start when the store holds no article (1/0).",
        ),
        Setting(
            "max_file_mb",
            "DASHBOARD_MAX_FILE_MB",
            "20",
            "Largest file the readers accept, in megabytes.",
        ),
        Setting(
            "max_article_chars",
            "DASHBOARD_MAX_ARTICLE_CHARS",
            "200000",
            "Longest article body analysed; longer bodies are truncated with a warning.",
        ),
        Setting(
            "lock_wait_seconds",
            "DASHBOARD_LOCK_WAIT_SECONDS",
            "30",
            "Embedded DuckDB only: how long a process waits for the database file while "
            "another one (the app, an ingest, an export) is using it, before giving up.",
        ),
        Setting(
            "duckdb_row_group_size",
            "DASHBOARD_DUCKDB_ROW_GROUP_SIZE",
            "2048",
            "Embedded DuckDB only: rows per row group written by this process. Small groups "
            "keep each ingest round's checkpoint (and so the ingest's peak memory) from "
            "growing with the store; 0 uses DuckDB's default (122,880).",
        ),
        Setting(
            "duckdb_memory_limit",
            "DASHBOARD_DUCKDB_MEMORY_LIMIT",
            "",
            "Embedded DuckDB only: the memory_limit of each process's DuckDB (e.g. 512MB, "
            "2GB); past it DuckDB spills to a folder next to the database file. Empty: "
            "DuckDB's default (80 % of the machine's memory), which a long ingest fills "
            "with cached blocks.",
        ),
        Setting(
            "speaker_aliases",
            "DASHBOARD_SPEAKER_ALIASES",
            "",
            "Speaker alias CSV (variant,canonical,action) overriding the automatic merging of "
            "name spellings. Empty: dashboard/lexicons/speaker_aliases.csv.",
        ),
        Setting(
            "claim_map",
            "DASHBOARD_CLAIM_MAP",
            "ingest",
            "When the claim map (Framing, All outlets) embeds new articles' statements: "
            "'ingest' right after each ingest or upload (about 30-150 ms per statement on "
            "two CPU cores), 'off' to leave it to the Framing page's update button.",
        ),
        Setting(
            "claim_map_max_articles",
            "DASHBOARD_CLAIM_MAP_MAX_ARTICLES",
            "300",
            "With claim_map=ingest, an ingest embeds the claim map only while at most this "
            "many articles wait for it (about 0.3-1 s each on two CPU cores): a large ingest "
            "stores its articles and leaves the map to `python -m dashboard claims` or the "
            "Framing page's update button. 0: no limit.",
        ),
        Setting(
            "warm_up",
            "DASHBOARD_WARM_UP",
            "1",
            "At server start (`streamlit run dashboard/serve.py`), do every page's first-run "
            "work in the background (imports, the store, the default view's page data) so "
            "the first reader finds it cached (1/0).",
        ),
    ]
}


def get(name: str) -> str:
    s = SETTINGS[name]
    return os.environ.get(s.env, s.default)


def get_int(name: str) -> int:
    return int(get(name))


def data_dir() -> Path:
    p = Path(get("data_dir"))
    p.mkdir(parents=True, exist_ok=True)
    return p


def database_url() -> str:
    url = get("database_url")
    if url:
        return url
    return f"duckdb:///{data_dir() / 'dashboard.duckdb'}"
