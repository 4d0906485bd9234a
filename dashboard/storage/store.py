"""Storage of parsed articles: an embedded DuckDB file by default, PostgreSQL for teams.

One `Store` class speaks portable SQL to either backend; the only dialect differences
(placeholders, upserts, connection handling) are kept in the two small backend classes.
Each article is written in one transaction together with its derived rows, so a failure
never leaves half an article behind. Aggregations for the pages run in SQL (see
queries.py); the full parsed JSON is kept for the article reader and exports.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.model import Article, RawArticle

log = logging.getLogger(__name__)

# Named migrations, applied once each and recorded in schema_migrations. A statement given
# as (backend name, sql) runs on that backend only.
MIGRATIONS: list[tuple[str, list[str | tuple[str, str]]]] = [
    (
        "001_initial",
        [
            """CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                outlet TEXT NOT NULL,
                outlet_domain TEXT,
                url TEXT,
                language TEXT NOT NULL,
                country TEXT,
                published_at DATE,
                date_source TEXT,
                source_file TEXT,
                body TEXT NOT NULL,
                parsed TEXT NOT NULL,
                added_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
            )""",
            """CREATE TABLE IF NOT EXISTS quotes (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                speaker TEXT NOT NULL,
                speaker_kind TEXT,
                role TEXT,
                verb TEXT,
                direct BOOLEAN,
                text TEXT,
                paragraph INTEGER,
                sentence TEXT,
                affiliation TEXT,
                channel TEXT
            )""",
            """CREATE TABLE IF NOT EXISTS date_mentions (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                text TEXT,
                start_date DATE,
                end_date DATE,
                granularity TEXT,
                approximate BOOLEAN,
                vague BOOLEAN,
                paragraph INTEGER,
                sentence TEXT
            )""",
            """CREATE TABLE IF NOT EXISTS terms (
                article_id TEXT NOT NULL,
                term TEXT NOT NULL,
                n INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS frames (
                article_id TEXT NOT NULL,
                frame TEXT NOT NULL,
                score DOUBLE PRECISION NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS event_names (
                article_id TEXT NOT NULL,
                name TEXT NOT NULL,
                n INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS meta (
                key TEXT PRIMARY KEY,
                value TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)",
            "CREATE INDEX IF NOT EXISTS dates_article ON date_mentions(article_id)",
            "CREATE INDEX IF NOT EXISTS terms_article ON terms(article_id)",
            "CREATE INDEX IF NOT EXISTS frames_article ON frames(article_id)",
            "CREATE INDEX IF NOT EXISTS names_article ON event_names(article_id)",
        ],
    ),
    (
        # Wire-copy detection (syndication.py) and the editable outlet registry (outlets.py).
        # MinHash signatures are hex TEXT so the same schema works on DuckDB and PostgreSQL.
        "002_syndication",
        [
            """CREATE TABLE IF NOT EXISTS article_minhash (
                article_id TEXT PRIMARY KEY,
                signature TEXT NOT NULL,
                shingles INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS article_clusters (
                article_id TEXT PRIMARY KEY,
                cluster_id TEXT NOT NULL,
                rank INTEGER NOT NULL,
                is_first BOOLEAN NOT NULL,
                similarity DOUBLE PRECISION
            )""",
            """CREATE TABLE IF NOT EXISTS agency_credits (
                article_id TEXT NOT NULL,
                agency TEXT NOT NULL,
                text TEXT
            )""",
            """CREATE TABLE IF NOT EXISTS outlet_registry (
                name TEXT PRIMARY KEY,
                name_variants TEXT,
                domain TEXT,
                country TEXT,
                region TEXT,
                language TEXT,
                type TEXT,
                note TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS clusters_cluster ON article_clusters(cluster_id)",
            "CREATE INDEX IF NOT EXISTS credits_article ON agency_credits(article_id)",
        ],
    ),
    (
        # Registry attributes of each outlet name found in the articles (outlets.sync()),
        # so filters by country, region or outlet type stay plain SQL.
        "003_outlet_attributes",
        [
            """CREATE TABLE IF NOT EXISTS outlet_attributes (
                outlet TEXT PRIMARY KEY,
                registry_name TEXT,
                country TEXT NOT NULL,
                region TEXT NOT NULL,
                type TEXT NOT NULL
            )""",
        ],
    ),
    (
        # Failed sign-ins, shared by every app instance on this database, so the password
        # throttle holds behind a load balancer too (auth.SharedLoginThrottle).
        "004_login_failures",
        [
            """CREATE TABLE IF NOT EXISTS login_failures (
                username TEXT NOT NULL,
                failed_at DOUBLE PRECISION NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS login_failures_user ON login_failures(username)",
        ],
    ),
    (
        # Password sign-in sessions, server side: a session cookie signs in only while its
        # row is live, so signing out (or an administrator) ends exactly that session.
        "005_sessions",
        [
            """CREATE TABLE IF NOT EXISTS sessions (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL,
                revoked_at DOUBLE PRECISION
            )""",
            "CREATE INDEX IF NOT EXISTS sessions_user ON sessions(username)",
        ],
    ),
    (
        # The claim map (storage/claims.py): statements with their sentence vectors and the
        # claims they were assigned to, computed after ingest so pages never embed.
        # Numbered 006: 005 is left to the sessions migration being added in parallel.
        "006_claims",
        [
            """CREATE TABLE IF NOT EXISTS claim_articles (
                article_id TEXT PRIMARY KEY,
                units INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS claim_units (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                paragraph INTEGER,
                text TEXT NOT NULL,
                language TEXT,
                claim_id INTEGER NOT NULL,
                score DOUBLE PRECISION,
                vector TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS claim_clusters (
                claim_id INTEGER PRIMARY KEY,
                representative TEXT NOT NULL,
                language TEXT,
                exemplars TEXT NOT NULL,
                members INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS claim_language_means (
                language TEXT PRIMARY KEY,
                n INTEGER NOT NULL,
                total TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS claim_units_article ON claim_units(article_id)",
            "CREATE INDEX IF NOT EXISTS claim_units_claim ON claim_units(claim_id)",
        ],
    ),
    (
        # The wire-copy LSH index, persisted (syndication.py): one row per article and band,
        # so each ingest round joins its new bands against the stored ones instead of
        # rebuilding an in-memory index over every signature.
        "007_lsh_bands",
        [
            """CREATE TABLE IF NOT EXISTS article_lsh (
                band INTEGER NOT NULL,
                hash BIGINT NOT NULL,
                article_id TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS lsh_band_hash ON article_lsh(band, hash)",
            "CREATE INDEX IF NOT EXISTS lsh_article ON article_lsh(article_id)",
        ],
    ),
    (
        # Page aggregates (storage/aggregates.py): counts per outlet × language × wire-copy
        # flag (and day for articles), refreshed after ingest for the slices that changed.
        "008_aggregates",
        [
            # No keys or indexes: refresh() deletes and re-inserts whole slices in one
            # transaction, and the pages scan these small tables.
            """CREATE TABLE IF NOT EXISTS agg_state (
                article_id TEXT NOT NULL,
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                day DATE,
                is_copy BOOLEAN NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_dirty (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_days (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                day DATE,
                articles INTEGER NOT NULL,
                estimated INTEGER NOT NULL,
                domain TEXT,
                country TEXT
            )""",
            """CREATE TABLE IF NOT EXISTS agg_speakers (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                speaker TEXT NOT NULL,
                speaker_kind TEXT,
                role TEXT,
                affiliation TEXT,
                direct INTEGER NOT NULL,
                reported INTEGER NOT NULL,
                total INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_terms (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                term TEXT NOT NULL,
                n INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_frames (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                frame TEXT NOT NULL,
                score_sum DOUBLE PRECISION NOT NULL,
                n INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_names (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                name TEXT NOT NULL,
                n INTEGER NOT NULL
            )""",
        ],
    ),
    (
        # Claim memberships (storage/claims.py): a statement belongs to the claim it joined
        # (joined = 1, the claim_units.claim_id) and to every other claim it also scores
        # above the membership threshold on (joined = 0), so one sentence reporting the
        # toll and the aid is a cell of both claims. Filled from claim_units for stores
        # made before.
        "009_claim_members",
        [
            """CREATE TABLE IF NOT EXISTS claim_members (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                claim_id INTEGER NOT NULL,
                score DOUBLE PRECISION,
                joined INTEGER NOT NULL
            )""",
            """INSERT INTO claim_members (article_id, idx, claim_id, score, joined)
               SELECT article_id, idx, claim_id, score, 1 FROM claim_units""",
            "CREATE INDEX IF NOT EXISTS claim_members_claim ON claim_members(claim_id)",
            "CREATE INDEX IF NOT EXISTS claim_members_article ON claim_members(article_id)",
        ],
    ),
    (
        # Each signed article's word 3-shingles as sorted 64-bit hashes (syndication.py): a
        # candidate pair is checked on them instead of re-reading and re-tokenising the
        # stored article's body in every round that proposes it. NULL for articles signed
        # before this migration (their bodies are read, as before).
        "010_shingle_hashes",
        ["ALTER TABLE article_minhash ADD COLUMN shingle_hashes BYTEA"],
    ),
    (
        # Aggregates for the timeline and keywords pages (storage/aggregates.py): dated
        # mentions per slice and event (with one mention standing for the point's hover),
        # and the store-wide grouping of term spellings (term -> the group's display form).
        "011_event_term_aggregates",
        [
            """CREATE TABLE IF NOT EXISTS agg_events (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                start_date DATE,
                end_date DATE,
                approximate BOOLEAN,
                mentions INTEGER NOT NULL,
                rep_article TEXT NOT NULL,
                rep_idx INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agg_term_groups (
                term TEXT NOT NULL,
                display TEXT NOT NULL,
                folded TEXT NOT NULL
            )""",
            # Each outlet's naming words (keywords.outlet_words), never its keywords.
            """CREATE TABLE IF NOT EXISTS agg_outlet_words (
                outlet TEXT NOT NULL,
                word TEXT NOT NULL
            )""",
            # A store made before this migration has fresh aggregates without these
            # tables' rows: forget what was counted, so the next refresh rebuilds all.
            "DELETE FROM agg_state",
            "DELETE FROM meta WHERE key = 'aggregates_version'",
        ],
    ),
    (
        # The speaker identity kept in the store (storage/speaker_identity.py): each
        # spelling's person, extended per ingest round instead of grouping every spelling
        # of the store on a page's first load. Built once, lazily, for older stores.
        "012_speaker_identity",
        [
            # identify()'s input rows as last seen (NULLs as ''): a diff against the
            # quotes names the spellings a round (or a deletion) changed.
            """CREATE TABLE IF NOT EXISTS speaker_rows (
                speaker TEXT NOT NULL,
                speaker_kind TEXT NOT NULL,
                role TEXT NOT NULL,
                affiliation TEXT NOT NULL,
                n INTEGER NOT NULL
            )""",
            # One row per spelling: what identify() derives from its rows (tokens, key,
            # alias-file nodes) and its person (display name, kind, side).
            """CREATE TABLE IF NOT EXISTS speaker_names (
                speaker TEXT NOT NULL,
                n INTEGER NOT NULL,
                kind TEXT NOT NULL,
                role TEXT NOT NULL,
                side TEXT NOT NULL,
                toks TEXT NOT NULL,
                plain TEXT NOT NULL,
                person BOOLEAN NOT NULL,
                kinds TEXT NOT NULL,
                key TEXT NOT NULL,
                anode TEXT,
                anode2 TEXT,
                canonical TEXT NOT NULL,
                by_alias BOOLEAN NOT NULL,
                person_kind TEXT NOT NULL,
                person_side TEXT NOT NULL
            )""",
            # Person spelling keys with their tokens and one of their single-token lookup
            # keys (`probe`, the rarest when stored), and the lookup keys the candidate
            # pairs go through (identity._candidate_pairs), `single` for one token.
            """CREATE TABLE IF NOT EXISTS speaker_keys (
                key TEXT NOT NULL,
                toks TEXT NOT NULL,
                probe TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS speaker_key_index (
                ikey TEXT NOT NULL,
                key TEXT NOT NULL,
                single BOOLEAN NOT NULL
            )""",
            # Related candidate pairs of keys (identity.relations): key_a < key_b.
            """CREATE TABLE IF NOT EXISTS speaker_links (
                key_a TEXT NOT NULL,
                key_b TEXT NOT NULL,
                rel TEXT NOT NULL,
                k INTEGER NOT NULL
            )""",
            # Scratch list of values a statement looks up (IN lists of any length).
            """CREATE TABLE IF NOT EXISTS speaker_work (
                item TEXT NOT NULL
            )""",
        ],
    ),
    (
        # DuckDB only: the three largest per-row indexes, which no ingest or page query
        # uses (the clustering joins article_lsh by hash; terms are read by term or joined
        # whole; only deleting an article looked rows up through them). DuckDB loads every
        # index of a table it checkpoints into memory, and an ingest checkpoints after each
        # round: at 30,000 articles these three were 66 of the 91 MB of index memory held
        # by a round, growing ~2 MB a round (docs/performance.md, "What grows in the 100k
        # ingest"). Deleting one article scans terms and article_lsh instead (~0.25 s at
        # 100,000 articles, was 0.01 s). PostgreSQL keeps them (its indexes are the
        # server's, not in the ingest process).
        "013_duckdb_drop_unused_indexes",
        [
            ("duckdb", "DROP INDEX IF EXISTS terms_article"),
            ("duckdb", "DROP INDEX IF EXISTS lsh_band_hash"),
            ("duckdb", "DROP INDEX IF EXISTS lsh_article"),
        ],
    ),
    (
        # The Speakers page's per-person sums (aggregates.ensure_speaker_people): agg_speakers
        # labelled with the stored identity (speaker_names) and summed per slice, person and
        # the row-level kind and side the page groups by, so a cold page groups ~one row per
        # (outlet, person) instead of joining and grouping every labelled spelling row.
        "014_agg_speaker_people",
        [
            """CREATE TABLE IF NOT EXISTS agg_speaker_people (
                outlet TEXT NOT NULL,
                language TEXT NOT NULL,
                is_copy BOOLEAN NOT NULL,
                person TEXT NOT NULL,
                person_kind TEXT NOT NULL,
                person_side TEXT NOT NULL,
                pk TEXT,
                ps TEXT,
                direct BIGINT NOT NULL,
                reported BIGINT NOT NULL,
                total BIGINT NOT NULL,
                speaker_min TEXT NOT NULL,
                speaker_max TEXT NOT NULL
            )""",
        ],
    ),
]

# Key of the pg_advisory_xact_lock that serialises the sign-in throttle's count-and-record.
_LOGIN_LOCK = 727002

# Rows keyed by article that syndication.py derives after an article is stored.
SYNDICATION_TABLES = ("article_minhash", "article_clusters", "agency_credits", "article_lsh")

DERIVED_TABLES = ("quotes", "date_mentions", "terms", "frames", "event_names")

# Articles whose rows are built and inserted together by add_many().
WRITE_BATCH = 256


class _TrialDone(Exception):
    """Rolls back a trial write (Store.storing_error)."""


class StoreError(RuntimeError):
    """A storage problem with a message meant for the user."""


class StoreBusy(StoreError):
    """The embedded database file stayed locked by another process for the whole wait."""


@dataclass
class Filters:
    """What the shared sidebar selects. Empty lists mean "all"."""

    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    # "clusters": a wire dispatch and its republished copies count once (the earliest
    # publisher stands for the cluster); "copies": every stored article counts.
    count_mode: str = "clusters"
    # Outlet attributes from the outlet registry (outlets.py, table outlet_attributes).
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    outlet_types: list[str] = field(default_factory=list)

    def key(self) -> tuple:
        return (
            tuple(sorted(self.outlets)),
            tuple(sorted(self.languages)),
            self.date_from,
            self.date_to,
            self.count_mode,
            tuple(sorted(self.countries)),
            tuple(sorted(self.regions)),
            tuple(sorted(self.outlet_types)),
        )

    @classmethod
    def from_key(cls, key: tuple) -> Filters:
        """The inverse of `key()`: cached page data is keyed on it and rebuilt from it."""
        extra = [list(k) for k in key[5:8]]
        return cls(list(key[0]), list(key[1]), key[2], key[3], key[4], *extra)

    def describe(self) -> str:
        parts = []
        parts.append("outlets: " + (", ".join(self.outlets) if self.outlets else "all"))
        parts.append("languages: " + (", ".join(self.languages) if self.languages else "all"))
        if self.date_from or self.date_to:
            parts.append(f"dates: {self.date_from or '…'} to {self.date_to or '…'}")
        parts.append(
            "counting: every copy"
            if self.count_mode == "copies"
            else "counting: each wire-copy cluster once"
        )
        for label, values in (
            ("countries", self.countries),
            ("regions", self.regions),
            ("outlet types", self.outlet_types),
        ):
            if values:
                parts.append(f"{label}: " + ", ".join(values))
        return "; ".join(parts)


class _Backend:
    placeholder = "?"
    name = "base"

    @contextmanager
    def cursor(self) -> Iterator[Any]:  # pragma: no cover - interface
        raise NotImplementedError
        yield

    @contextmanager
    def transaction(self) -> Iterator[Any]:  # pragma: no cover - interface
        raise NotImplementedError
        yield

    def close(self) -> None:  # pragma: no cover - interface
        pass

    @contextmanager
    def hash_join_cursor(self) -> Iterator[Any]:
        """A cursor for one statement whose joins should be hash joins (see Store.frame's
        `hash_joins`); here an ordinary cursor."""
        with self.cursor() as cur:
            yield cur

    def release_buffers(self) -> None:
        """Let go of cached table blocks (DuckDB); elsewhere nothing."""


class _DuckDBBackend(_Backend):
    """DuckDB allows one process at a time to open a database file (an exclusive file
    lock). So that the app, the CLI and a second app instance can share one data folder,
    no process keeps the file open: a connection is opened for a block of work (one query,
    one transaction, or a span marked with `Store.connected()`, such as one page run) and
    closed when the last user of it is done. Opening while another process holds the file
    waits and retries for `lock_wait` seconds, then raises StoreBusy naming the file."""

    name = "duckdb"
    placeholder = "?"

    # Name under which the file is attached to the connection's in-memory database.
    ALIAS = "store"

    def __init__(
        self, path: str, lock_wait: float, row_group_size: int = 0, memory_limit: str = ""
    ):
        import duckdb

        self._duckdb = duckdb
        self.path = path
        self.lock_wait = lock_wait
        # Rows per row group for the data this process writes (0: DuckDB's default).
        # Every checkpoint rewrites the table's last, partly filled row group; with the
        # default 122,880 rows that group holds every stored article's body and parsed
        # JSON up to that size, so each ingest round's commit re-reads and rewrites a
        # growing group and the ingest's peak memory grows with the store. Small row
        # groups bound what a checkpoint rewrites (docs/performance.md, issue 17).
        self.row_group_size = row_group_size
        self.memory_limit = memory_limit
        # An in-memory database lives only as long as its connection: keep it.
        self._persistent = path == ":memory:"
        if not self._persistent:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._guard = threading.Lock()  # protects _con and _users
        self._con: Any = None
        self._users = 0
        # Writes from several threads are serialised (per file, so two Store objects on
        # one file in one process do too); reads use cursors (DuckDB's per-thread
        # connections on the same database). Other processes wait for the file lock.
        self._write_lock = _file_write_lock(path) if not self._persistent else threading.RLock()
        if self._persistent:
            self._con = self._open()

    def _open(self) -> Any:
        started = time.monotonic()
        deadline = started + self.lock_wait
        delay = 0.02
        told = False
        while True:
            try:
                return self._connect()
            except self._duckdb.IOException as exc:
                if not _is_lock_conflict(exc):
                    raise StoreError(f"Cannot open the DuckDB file {self.path}: {exc}") from None
                if not told and self.lock_wait > 1.0 and time.monotonic() - started >= 1.0:
                    # Past a normal page run: say what we are waiting for (the CLI shows
                    # this on stderr through logging's last-resort handler).
                    log.warning(
                        "The DuckDB file %s is in use by another process; waiting up to "
                        "%g s for it.",
                        self.path,
                        self.lock_wait,
                    )
                    told = True
                if time.monotonic() >= deadline:
                    # The driver's message names the other process's executable and PID:
                    # not for a page; the file and what to do are enough.
                    raise StoreBusy(
                        f"The DuckDB file {self.path} is in use by another process (an "
                        f"ingest, an export or another dashboard) and stayed busy for "
                        f"{self.lock_wait:g} s. Try again when it has finished, or raise "
                        "DASHBOARD_LOCK_WAIT_SECONDS."
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    def _connect(self) -> Any:
        """A connection to the file. With a row-group size the file is attached to an
        in-memory database (ROW_GROUP_SIZE is an ATTACH option, not a connect setting)
        and made the default catalog; the file's format is the same either way, so a
        plain `duckdb.connect(file)` (the CLI, another tool) reads it and vice versa."""
        if self._persistent or not self.row_group_size:
            return self._limited(self._duckdb.connect(self.path))
        con = self._limited(self._duckdb.connect(":memory:"))
        try:
            quoted = self.path.replace("'", "''")
            con.execute(
                f"ATTACH '{quoted}' AS {self.ALIAS} (ROW_GROUP_SIZE {int(self.row_group_size)})"
            )
            con.execute(f"USE {self.ALIAS}")
        except BaseException:
            con.close()  # no half-open in-memory connection left behind (lock retries)
            raise
        return con

    def _limited(self, con: Any) -> Any:
        """`con` with DASHBOARD_DUCKDB_MEMORY_LIMIT applied: DuckDB's default (80 % of the
        machine) lets a long ingest's buffer pool grow round after round (docs/performance.md)."""
        if self.memory_limit:
            try:
                con.execute(f"SET memory_limit = '{self.memory_limit}'")
                if not self._persistent:
                    # Where DuckDB spills past the limit (an in-memory catalog has none).
                    spill = self.path.replace("'", "''") + ".tmp"
                    con.execute(f"SET temp_directory = '{spill}'")
            except BaseException:
                con.close()
                raise
        return con

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """The shared connection, opened if no thread of this process holds it; closed
        (releasing the file) when the last holder is done."""
        with self._guard:
            if self._con is None:
                self._con = self._open()
            self._users += 1
        try:
            yield self._con
        finally:
            with self._guard:
                self._users -= 1
                if self._users == 0 and not self._persistent:
                    con, self._con = self._con, None
                    con.close()

    @contextmanager
    def cursor(self):
        with self.connection() as con:
            cur = con.cursor()
            try:
                if self.row_group_size and not self._persistent:
                    # A cursor is a new DuckDB connection whose default catalog is the
                    # in-memory database again: point it at the attached file.
                    cur.execute(f"USE {self.ALIAS}")
                yield cur
            finally:
                cur.close()

    @contextmanager
    def transaction(self):
        with self._write_lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                cur.execute("COMMIT")

    def close(self) -> None:
        with self._guard:
            if self._con is not None:
                self._con.close()
                self._con = None
                self._users = 0

    # Room left above the memory DuckDB cannot evict while release_buffers() lowers the
    # limit for an instant (other threads' queries of this process may allocate meanwhile).
    RELEASE_HEADROOM = 32 * 1024 * 1024

    def release_buffers(self) -> None:
        """Drop the table blocks DuckDB's buffer pool keeps from what this connection read.

        DuckDB keeps every block a query read while the database is open and memory stays
        under its limit (default: 80 % of the machine), and an ingest round's clustering and
        speaker identity scan tables that grow with the store: at 30,000 articles a round
        ended holding ~190 MB of them, ~5.5 MB more each round (docs/performance.md, "What
        grows in the 100k ingest"). Lowering the limit makes DuckDB evict unpinned blocks at
        once; the limit is put back right away. Run on a cursor of its own, so that if the
        lower limit does not fit (more is pinned than thought) only that statement fails,
        not the caller's transaction; what could be evicted is evicted either way. The
        blocks are on disk: a later read loads them again.

        Only while at most two holders share the connection (the caller's span and its
        transaction's cursor): with more, other threads of this process (the app's pages)
        are querying, and the lowered limit could fail their allocations."""
        with self._guard:
            con, users = self._con, self._users
        if con is None or self._persistent or users > 2:
            return
        side = con.cursor()
        try:
            held = side.execute(
                "SELECT SUM(memory_usage_bytes), "
                "SUM(memory_usage_bytes) FILTER (WHERE tag = 'BASE_TABLE') FROM duckdb_memory()"
            ).fetchone()
            total, blocks = int(held[0] or 0), int(held[1] or 0)
            if blocks < self.RELEASE_HEADROOM:
                return
            try:
                side.execute(f"SET memory_limit = '{total - blocks + self.RELEASE_HEADROOM}B'")
            except self._duckdb.Error:  # did not fit: the limit stays as it was
                return
            if self.memory_limit:
                side.execute(f"SET memory_limit = '{self.memory_limit}'")
            else:
                side.execute("RESET memory_limit")
        finally:
            side.close()


_FILE_WRITE_LOCKS: dict[str, threading.RLock] = {}
_FILE_WRITE_LOCKS_GUARD = threading.Lock()


def _file_write_lock(path: str) -> threading.RLock:
    key = str(Path(path).resolve())
    with _FILE_WRITE_LOCKS_GUARD:
        return _FILE_WRITE_LOCKS.setdefault(key, threading.RLock())


def _is_lock_conflict(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


class _PostgresBackend(_Backend):
    name = "postgresql"
    placeholder = "%s"

    def __init__(self, url: str):
        import psycopg

        self.url = url
        self._psycopg = psycopg
        self._local = threading.local()
        try:
            self._connect()
        except psycopg.OperationalError as exc:
            # `from None`: the driver's own error (which may echo the URL) stays out of
            # tracebacks and logs.
            message = _scrub(str(exc), url)
            raise StoreError(f"Cannot connect to PostgreSQL ({_redact(url)}): {message}") from None

    def _connect(self):
        con = getattr(self._local, "con", None)
        if con is None or con.closed:
            con = self._psycopg.connect(self.url, autocommit=True)
            self._local.con = con
        return con

    @contextmanager
    def cursor(self):
        con = self._connect()
        with con.cursor() as cur:
            yield cur

    @contextmanager
    def transaction(self):
        con = self._connect()
        with con.transaction(), con.cursor() as cur:
            yield cur

    @contextmanager
    def hash_join_cursor(self):
        # PostgreSQL estimates the rows of a grouped CTE from its input's statistics and
        # divides again at every GROUP BY above it: at 100,000 articles the Speakers query's
        # 153,678 (outlet, person) pairs were estimated at 403 and the 360 kept at 1, so it
        # planned nested loops over CTE scans (over 22 minutes, stopped). ANALYZE does not
        # help (the CTEs have no statistics); with nested loops off the same query takes
        # 3.5 s. SET LOCAL lasts until this statement's transaction ends.
        with self.transaction() as cur:
            cur.execute("SET LOCAL enable_nestloop = off")
            yield cur

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()


def _shallow_fields(obj: Any) -> dict[str, Any]:
    """json.dumps hook: a dataclass as its fields, giving the same JSON as
    json.dumps(obj.to_dict()) without asdict's deep copy of every value (most of the cost
    of storing an article)."""
    if is_dataclass(obj):
        return {f.name: getattr(obj, f.name) for f in fields(obj)}
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")


try:  # orjson writes dataclasses natively, ~5× faster than json with _shallow_fields
    import orjson

    def _article_json(article: Article) -> str:
        """The parsed article as JSON for the `parsed` column (the same JSON values as
        json.dumps(article.to_dict()), compact separators)."""
        try:
            return orjson.dumps(article, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")
        except (TypeError, orjson.JSONEncodeError):  # a value orjson refuses: the slow way
            return json.dumps(article, default=_shallow_fields, ensure_ascii=False)

except ImportError:  # pragma: no cover - orjson is in requirements.txt

    def _article_json(article: Article) -> str:
        return json.dumps(article, default=_shallow_fields, ensure_ascii=False)


def _redact(url: str) -> str:
    """Hide the password of a database URL in messages and logs."""
    url = re.sub(r"(?i)(password=)[^&\s]*", r"\1***", url)
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def _secret_fragments(url: str) -> list[str]:
    """Every piece of a URL's password that a driver message might echo: the password,
    its @-separated parts (an unencoded @ splits it into "host"), any ?password= value."""
    out: list[str] = []
    if "://" in url:
        rest = url.split("://", 1)[1]
        if "@" in rest:
            creds = rest.rsplit("@", 1)[0]
            if ":" in creds:
                pw = creds.split(":", 1)[1]
                out += [pw, *pw.split("@")]
        # With an unencoded @ the driver takes the first @ as the separator.
        first = rest.split("@", 1)
        if len(first) == 2 and "@" in first[1]:
            out.append(first[1].rsplit("@", 1)[0])
    out += re.findall(r"(?i)password=([^&\s]+)", url)
    return sorted({f for f in out if len(f) >= 3}, key=len, reverse=True)


def _scrub(message: str, url: str) -> str:
    for fragment in _secret_fragments(url):
        message = message.replace(fragment, "***")
    return message


class Store:
    """Articles and their derived rows in DuckDB or PostgreSQL."""

    def __init__(self, url: str):
        self.url = url
        if url.startswith(("postgresql://", "postgres://")):
            self.backend: _Backend = _PostgresBackend(url)
        elif url.startswith("duckdb://"):
            path = url[len("duckdb://") :]
            if path.startswith("/") and path[1:] == ":memory:":
                path = ":memory:"
            elif path.startswith("//"):  # duckdb:////abs/path (config.database_url's form)
                path = "/" + path.lstrip("/")
            self.backend = _DuckDBBackend(
                path or ":memory:",
                lock_wait=_lock_wait(),
                row_group_size=_row_group_size(),
                memory_limit=_memory_limit(),
            )
        else:
            raise StoreError(
                f"Unsupported database URL {_redact(url)!r}: use duckdb:///path/file.duckdb "
                "or postgresql://user:password@host:port/dbname"
            )
        self.migrate()

    # ------------------------------------------------------------------ plumbing
    @property
    def kind(self) -> str:
        return self.backend.name

    def _sql(self, sql: str) -> str:
        return sql if self.backend.placeholder == "?" else sql.replace("?", "%s")

    def _cursor(self, hash_joins: bool):
        return self.backend.hash_join_cursor() if hash_joins else self.backend.cursor()

    def execute(
        self, sql: str, params: Iterable[Any] = (), hash_joins: bool = False
    ) -> list[tuple]:
        with self._cursor(hash_joins) as cur:
            cur.execute(self._sql(sql), list(params))
            try:
                return list(cur.fetchall())
            except Exception:  # statements without a result set
                return []

    def frame(
        self,
        sql: str,
        params: Iterable[Any] = (),
        columnar: bool = False,
        hash_joins: bool = False,
    ) -> pd.DataFrame:
        """The result as a DataFrame of Python values. `columnar`: on DuckDB, let it build
        the columns itself (much faster for large results; numbers come as numpy types,
        so give integer sums a CAST ... AS BIGINT). `hash_joins`: the statement joins
        aggregates of the whole store to each other (CTEs grouped again and joined back):
        on PostgreSQL it runs with nested loops off, whose row estimates for such CTEs are
        off by orders of magnitude (see _PostgresBackend.hash_join_cursor)."""
        with self._cursor(hash_joins) as cur:
            cur.execute(self._sql(sql), list(params))
            if columnar and self.backend.name == "duckdb":
                return cur.fetchdf()
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
        return pd.DataFrame(rows, columns=cols)

    def migrate(self) -> list[str]:
        """Apply named migrations not yet recorded; return the names applied."""
        applied: list[str] = []
        with self.backend.transaction() as cur:
            if self.backend.name == "postgresql":
                # Two app instances starting together must not both run a migration: the
                # lock is held until this transaction commits.
                cur.execute("SELECT pg_advisory_xact_lock(727001)")
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)"
            )
            cur.execute("SELECT name FROM schema_migrations")
            done = {r[0] for r in cur.fetchall()}
            for name, statements in MIGRATIONS:
                if name in done:
                    continue
                for stmt in statements:
                    if isinstance(stmt, tuple):  # (backend, sql): that backend only
                        only, stmt = stmt
                        if only != self.backend.name:
                            continue
                    cur.execute(stmt)
                cur.execute(self._sql("INSERT INTO schema_migrations(name) VALUES (?)"), [name])
                applied.append(name)
        return applied

    def close(self) -> None:
        self.backend.close()

    def release_buffers(self) -> None:
        """Drop the table blocks the database engine caches from earlier reads (DuckDB's
        buffer pool; a no-op on PostgreSQL): between the steps of an ingest round."""
        self.backend.release_buffers()

    @contextmanager
    def connected(self) -> Iterator[None]:
        """Keep one connection open for a block of work (a page run, an export's queries,
        one round of an ingest) instead of one per query. On DuckDB other processes wait
        for the file while the block runs, so keep blocks short; on PostgreSQL this is a
        no-op (its connections are per thread and never lock out other processes)."""
        if isinstance(self.backend, _DuckDBBackend):
            with self.backend.connection():
                yield
        else:
            yield

    # ------------------------------------------------------------------ sign-in failures
    # Not article data: these writes leave the data version (and so every cache) alone.
    def record_login_failure(self, username: str, at: float, keep_seconds: float) -> None:
        with self.backend.transaction() as cur:
            cur.execute(
                self._sql("DELETE FROM login_failures WHERE failed_at < ?"), [at - keep_seconds]
            )
            cur.execute(
                self._sql("INSERT INTO login_failures(username, failed_at) VALUES (?, ?)"),
                [username, at],
            )

    def claim_login_attempt(
        self,
        username: str,
        at: float,
        *,
        window: float,
        max_failures: int,
        lockout: float,
        keep_seconds: float = 86400,
    ) -> float:
        """Count a sign-in attempt before its password is checked, in one transaction that
        every instance serialises on (a PostgreSQL advisory lock; on DuckDB the file lock
        and a per-file thread lock), so concurrent attempts cannot all read "not locked".

        Returns 0.0 when the attempt may go ahead (it is recorded as a failure, which a
        successful sign-in clears with clear_login_failures), else the seconds the name
        stays locked (and nothing is recorded)."""
        with self.backend.transaction() as cur:
            if self.backend.name == "postgresql":
                cur.execute(
                    "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [_LOGIN_LOCK, username]
                )
            cur.execute(
                self._sql("DELETE FROM login_failures WHERE failed_at < ?"), [at - keep_seconds]
            )
            cur.execute(
                self._sql(
                    "SELECT failed_at FROM login_failures WHERE username = ? AND failed_at >= ? "
                    "ORDER BY failed_at"
                ),
                [username, at - window],
            )
            times = [float(r[0]) for r in cur.fetchall()]
            if len(times) >= max_failures:
                wait = times[-1] + lockout - at
                if wait > 0:
                    return wait
            cur.execute(
                self._sql("INSERT INTO login_failures(username, failed_at) VALUES (?, ?)"),
                [username, at],
            )
        return 0.0

    # ------------------------------------------------------------------ sign-in sessions
    def create_session(self, username: str, at: float, expires_at: float) -> str:
        """A new live session for the user; returns its random id (goes into the cookie)."""
        import secrets

        session_id = secrets.token_hex(16)
        with self.backend.transaction() as cur:
            # Housekeeping: sessions that ended more than a day ago.
            cur.execute(
                self._sql("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?"),
                [at - 86400, at - 86400],
            )
            cur.execute(
                self._sql(
                    "INSERT INTO sessions(id, username, created_at, expires_at) VALUES (?, ?, ?, ?)"
                ),
                [session_id, username, at, expires_at],
            )
        return session_id

    def session_user(self, session_id: str, at: float) -> str | None:
        """The user of a live session (not revoked, not expired), else None."""
        rows = self.execute(
            "SELECT username FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?",
            [session_id, at],
        )
        return str(rows[0][0]) if rows else None

    def revoke_session(self, session_id: str, at: float) -> None:
        with self.backend.transaction() as cur:
            cur.execute(
                self._sql("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                [at, session_id],
            )

    def revoke_user_sessions(self, username: str, at: float) -> int:
        """End every live session of one user (e.g. after an administrator changed the
        password or removed the account); returns how many were live."""
        with self.backend.transaction() as cur:
            cur.execute(
                self._sql(
                    "SELECT COUNT(*) FROM sessions WHERE username = ? AND revoked_at IS NULL"
                ),
                [username],
            )
            live = int(cur.fetchall()[0][0])
            cur.execute(
                self._sql(
                    "UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL"
                ),
                [at, username],
            )
        return live

    def session_secret(self) -> bytes:
        """The key that signs session cookies when `[auth] cookie_secret` is not set: random,
        made once and kept in the meta table, so every instance on this database shares it
        and no account's password change alters it."""
        import secrets

        with self.backend.transaction() as cur:
            cur.execute(self._sql("SELECT value FROM meta WHERE key = ?"), ["session_secret"])
            row = cur.fetchall()
            if row:
                return bytes.fromhex(str(row[0][0]))
            value = secrets.token_hex(32)
            cur.execute(
                self._sql("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                ["session_secret", value],
            )
            cur.execute(self._sql("SELECT value FROM meta WHERE key = ?"), ["session_secret"])
            return bytes.fromhex(str(cur.fetchall()[0][0]))

    def login_failures(self, username: str, since: float) -> list[float]:
        rows = self.execute(
            "SELECT failed_at FROM login_failures WHERE username = ? AND failed_at >= ? "
            "ORDER BY failed_at",
            [username, since],
        )
        return [float(r[0]) for r in rows]

    def clear_login_failures(self, username: str) -> None:
        with self.backend.transaction() as cur:
            cur.execute(self._sql("DELETE FROM login_failures WHERE username = ?"), [username])

    # ------------------------------------------------------------------ writes
    def existing_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of `hashes` are already stored: one query per 500 (a round, not an article)."""
        hashes = list(dict.fromkeys(hashes))
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" for _ in chunk)
            found.update(
                r[0]
                for r in self.execute(
                    f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk
                )
            )
        return found

    def has_hash(self, content_hash: str) -> bool:
        return bool(self.execute("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]))

    def add_article(self, article: Article, raw: RawArticle) -> bool:
        """Store one parsed article with its derived rows. False if already stored."""
        h = raw.content_hash()
        with self.backend.transaction() as cur:
            cur.execute(self._sql("SELECT 1 FROM articles WHERE content_hash = ?"), [h])
            if cur.fetchall():
                return False
            self._insert(cur, article, raw, h)
            self._bump_version(cur)
        return True

    def add_many(self, items: list[tuple[Article, RawArticle]], cur=None) -> int:
        """Store many articles in one transaction (bulk ingest); returns how many were new.

        With `cur`, inside the caller's transaction (ingest: a round's articles and their
        wire-copy clustering commit together)."""
        if cur is None:
            with self.backend.transaction() as own:
                return self.add_many(items, own)
        added = 0
        hashes = [raw.content_hash() for _, raw in items]
        existing: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" for _ in chunk)
            cur.execute(
                self._sql(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})"),
                chunk,
            )
            existing.update(r[0] for r in cur.fetchall())
        # Rows go in per WRITE_BATCH articles (all in the one transaction): a round's
        # rows as Python tuples and frames at once cost ~140 MB more at the peak.
        for start in range(0, len(items), WRITE_BATCH):
            rows: dict[str, list[tuple]] = {t: [] for t in ("articles", *DERIVED_TABLES)}
            end = start + WRITE_BATCH
            for (article, raw), h in zip(items[start:end], hashes[start:end], strict=True):
                if h in existing:
                    continue
                existing.add(h)
                for table, values in self._rows(article, raw, h).items():
                    rows[table].extend(values)
                added += 1
            for table, values in rows.items():
                if values:
                    self._bulk_insert(cur, table, values)
            del rows
        if added:
            self._bump_version(cur)
        return added

    def storing_error(self, article: Article, raw: RawArticle) -> Exception | None:
        """Why this one article cannot be stored (None if it can): it is written in a
        transaction that is then rolled back, so nothing stays behind either way."""
        try:
            with self.backend.transaction() as cur:
                self._insert(cur, article, raw, raw.content_hash())
                raise _TrialDone
        except _TrialDone:
            return None
        except Exception as exc:  # noqa: BLE001 - the driver's own error is the answer
            return exc

    def _bulk_insert(self, cur, table: str, values: list[tuple]) -> None:
        """All rows of one table in one statement, inside the caller's transaction.

        executemany sends one INSERT per row (an article has hundreds of term rows, about
        0.1 ms each on DuckDB); a registered DataFrame or COPY moves them in one go.
        """
        if self.backend.name == "duckdb":
            # dtype=object keeps ints, bools and None as Python values (no NaN floats);
            # DuckDB casts each column to the table's type on INSERT, as for VALUES.
            df = pd.DataFrame(values, dtype=object)
            cur.register("_bulk", df)
            try:
                cur.execute(f"INSERT INTO {table} SELECT * FROM _bulk")
            finally:
                cur.unregister("_bulk")
        elif self.backend.name == "postgresql":
            with cur.copy(f"COPY {table} FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:  # pragma: no cover - every backend is one of the above
            marks = ",".join("?" for _ in values[0])
            cur.executemany(self._sql(f"INSERT INTO {table} VALUES ({marks})"), values)

    def _insert(self, cur, article: Article, raw: RawArticle, h: str) -> None:
        for table, values in self._rows(article, raw, h).items():
            if values:
                marks = ",".join("?" for _ in values[0])
                cur.executemany(self._sql(f"INSERT INTO {table} VALUES ({marks})"), values)

    @staticmethod
    def _rows(article: Article, raw: RawArticle, h: str) -> dict[str, list[tuple]]:
        aid = article.id
        return {
            "articles": [
                (
                    aid,
                    h,
                    article.title,
                    article.outlet,
                    article.outlet_domain,
                    article.url,
                    article.language,
                    article.country,
                    article.published_at or None,
                    article.date_source,
                    article.source_file,
                    raw.body,
                    _article_json(article),
                    pd.Timestamp.now(tz="UTC").tz_localize(None).to_pydatetime(),
                )
            ],
            "quotes": [
                (
                    aid,
                    i,
                    q.speaker,
                    q.speaker_kind,
                    q.role,
                    q.verb,
                    q.direct,
                    q.text,
                    q.paragraph,
                    q.sentence,
                    q.affiliation,
                    q.channel,
                )
                for i, q in enumerate(article.quotes)
            ],
            "date_mentions": [
                (
                    aid,
                    i,
                    d.text,
                    d.start,
                    d.end,
                    d.granularity,
                    d.approximate,
                    d.vague,
                    d.paragraph,
                    d.sentence,
                )
                for i, d in enumerate(article.dates)
            ],
            "terms": [(aid, k.term, k.count) for k in (article.terms or article.keywords)],
            "frames": [(aid, name, float(score)) for name, score in article.frames.items()],
            "event_names": _count_names(aid, article.event_names),
        }

    def _bump_version(self, cur) -> None:
        cur.execute(self._sql("SELECT value FROM meta WHERE key = ?"), ["data_version"])
        row = cur.fetchall()
        version = int(row[0][0]) + 1 if row else 1
        if row:
            cur.execute(
                self._sql("UPDATE meta SET value = ? WHERE key = ?"), [str(version), "data_version"]
            )
        else:
            cur.execute(
                self._sql("INSERT INTO meta(key, value) VALUES (?, ?)"),
                ["data_version", str(version)],
            )

    def delete_article(self, article_id: str) -> bool:
        with self.backend.transaction() as cur:
            cur.execute(self._sql("SELECT 1 FROM articles WHERE id = ?"), [article_id])
            if not cur.fetchall():
                return False
            # Its wire-copy cluster loses its ranking (maybe its first publisher, maybe the
            # link in a chain of copies): the other members leave the cluster and lose their
            # signatures, so the next syndication.update_clusters() re-checks them.
            cur.execute(
                self._sql(
                    "SELECT article_id FROM article_clusters WHERE cluster_id IN "
                    "(SELECT cluster_id FROM article_clusters WHERE article_id = ?)"
                ),
                [article_id],
            )
            for (member,) in cur.fetchall():
                for table in ("article_clusters", "article_minhash", "article_lsh"):
                    cur.execute(self._sql(f"DELETE FROM {table} WHERE article_id = ?"), [member])
            for table in (*DERIVED_TABLES, *SYNDICATION_TABLES):
                cur.execute(self._sql(f"DELETE FROM {table} WHERE article_id = ?"), [article_id])
            cur.execute(self._sql("DELETE FROM articles WHERE id = ?"), [article_id])
            self._bump_version(cur)
        return True

    # ------------------------------------------------------------------ reads
    def count(self) -> int:
        return int(self.execute("SELECT COUNT(*) FROM articles")[0][0])

    def data_version(self) -> int:
        row = self.execute("SELECT value FROM meta WHERE key = ?", ["data_version"])
        return int(row[0][0]) if row else 0

    def get_article(self, article_id: str) -> Article | None:
        row = self.execute("SELECT parsed FROM articles WHERE id = ?", [article_id])
        return Article.from_dict(json.loads(row[0][0])) if row else None

    def get_articles(self, ids: list[str]) -> list[Article]:
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = self.execute(f"SELECT id, parsed FROM articles WHERE id IN ({marks})", ids)
        by_id = {r[0]: Article.from_dict(json.loads(r[1])) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def distinct_values(self) -> dict[str, list]:
        """Outlets, languages and the date range, for the sidebar filter."""
        outlets = [
            r[0] for r in self.execute("SELECT DISTINCT outlet FROM articles ORDER BY outlet")
        ]
        langs = [
            r[0] for r in self.execute("SELECT DISTINCT language FROM articles ORDER BY language")
        ]
        lo, hi = self.execute("SELECT MIN(published_at), MAX(published_at) FROM articles")[0]
        return {"outlets": outlets, "languages": langs, "date_min": lo, "date_max": hi}

    def where(
        self,
        f: Filters,
        alias: str = "a",
        *,
        date_column: str = "published_at",
        copies: str | None = None,
    ) -> tuple[str, list[Any]]:
        """SQL condition on the articles table (aliased) for the filters. Other tables with
        `outlet` and `language` columns reuse it (aggregates.where): `date_column` names
        their date (None: no date filter) and `copies` their wire-copy condition."""
        conds: list[str] = []
        params: list[Any] = []
        if f.outlets:
            conds.append(f"{alias}.outlet IN ({','.join('?' for _ in f.outlets)})")
            params.extend(f.outlets)
        if f.languages:
            conds.append(f"{alias}.language IN ({','.join('?' for _ in f.languages)})")
            params.extend(f.languages)
        if f.date_from and date_column:
            conds.append(f"{alias}.{date_column} >= ?")
            params.append(f.date_from)
        if f.date_to and date_column:
            conds.append(f"{alias}.{date_column} <= ?")
            params.append(f.date_to)
        for column, values in (
            ("country", f.countries),
            ("region", f.regions),
            ("type", f.outlet_types),
        ):
            if values:
                marks = ",".join("?" for _ in values)
                conds.append(
                    f"{alias}.outlet IN (SELECT outlet FROM outlet_attributes "
                    f"WHERE {column} IN ({marks}))"
                )
                params.extend(values)
        if f.count_mode == "clusters":
            conds.append(
                copies
                or f"NOT EXISTS (SELECT 1 FROM article_clusters w_c WHERE w_c.article_id = {alias}.id "
                f"AND NOT w_c.is_first)"
            )
        return (" AND ".join(conds) or "TRUE"), params


def _lock_wait() -> float:
    from dashboard import config

    try:
        return max(0.0, float(config.get("lock_wait_seconds")))
    except ValueError:
        raise StoreError("DASHBOARD_LOCK_WAIT_SECONDS must be a number of seconds") from None


def _row_group_size() -> int:
    from dashboard import config

    try:
        n = int(config.get("duckdb_row_group_size"))
    except ValueError:
        raise StoreError("DASHBOARD_DUCKDB_ROW_GROUP_SIZE must be a whole number") from None
    if n and n < 2048:
        # DuckDB's vector size is the smallest row group it accepts.
        raise StoreError("DASHBOARD_DUCKDB_ROW_GROUP_SIZE must be 0 or at least 2048")
    return max(0, n)


_MEMORY_SIZE = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def _memory_limit() -> str:
    from dashboard import config

    value = config.get("duckdb_memory_limit").strip()
    if value and not _MEMORY_SIZE.fullmatch(value):
        raise StoreError(
            f"DASHBOARD_DUCKDB_MEMORY_LIMIT must be a size such as 512MB or 2GB, not {value!r}"
        )
    return value


def _count_names(aid: str, names: list[str]) -> list[tuple]:
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return [(aid, n, c) for n, c in counts.items()]


def open_store(url: str | None = None) -> Store:
    from dashboard import config

    return Store(url or config.database_url())
