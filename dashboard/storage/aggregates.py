"""Aggregate tables the pages read instead of every article's rows (issue 17, item 2).

Counts are kept per *slice*: outlet × language × is-copy (whether the article is a wire
copy, i.e. in a wire cluster and not its first publisher, which is what the "each wire-copy
cluster once" counting mode leaves out). Every sidebar filter except the date range is a
condition on a slice (outlets, languages, counting mode; country/region/type go through
outlet_attributes by outlet), so a page reads a handful of rows per outlet:

* agg_days      articles per slice and publication day (+ estimated dates, domain, country):
                the date range is a condition on its `day`, so it serves every filter;
* agg_speakers  statements per slice, speaker spelling, kind, role and side (direct/reported);
* agg_terms     term counts per slice;
* agg_frames    frame score sums and rows per slice;
* agg_names     event-name counts per slice.

The detail tables have no day: with a date range set, queries.py reads the base tables
(exact, and the range already narrows what is read).

`agg_state` remembers, per article, the slice and day it was counted under. `refresh()`
compares it with the articles as they are now (new, deleted, renamed outlet, a wire copy
that became first publisher or the reverse) and recomputes only the slices those articles
left or joined, in one transaction. It records the data version it saw; `usable()` is true
only while that is the store's current version, so a page never reads aggregates that lag
the articles: until the next refresh it reads the base tables (see queries.py). A refresh
that finds nothing changed (say, only the claim map or the outlet registry moved the
version on) just records the version.
"""

from __future__ import annotations

from typing import Any

from dashboard.storage.store import Filters, Store

META_KEY = "aggregates_version"
# pg_advisory_xact_lock key: two refreshes on one PostgreSQL database run one after another.
_LOCK = 727017

AGG_TABLES = ("agg_days", "agg_speakers", "agg_terms", "agg_frames", "agg_names")

# The articles as they are now, with their slice and day.
_CURRENT = """SELECT a.id AS article_id, a.outlet, a.language, a.published_at AS day,
                     (c.article_id IS NOT NULL) AS is_copy
              FROM articles a
              LEFT JOIN article_clusters c ON c.article_id = a.id AND NOT c.is_first"""

_DIFFERS = """(s.outlet <> n.outlet OR s.language <> n.language OR s.is_copy <> n.is_copy
               OR s.day IS DISTINCT FROM n.day)"""

_IN_DIRTY = """EXISTS (SELECT 1 FROM agg_dirty d WHERE d.outlet = {t}.outlet
                       AND d.language = {t}.language AND d.is_copy = {t}.is_copy)"""

# Per detail table: the columns after the slice, and the SELECT list computing them from
# the base table `x` joined to agg_state `s` (restricted to dirty slices).
_DETAIL = {
    "agg_speakers": (
        "quotes",
        """x.speaker, x.speaker_kind, x.role, x.affiliation,
           SUM(CASE WHEN x.direct THEN 1 ELSE 0 END), SUM(CASE WHEN x.direct THEN 0 ELSE 1 END),
           COUNT(*)""",
        "x.speaker, x.speaker_kind, x.role, x.affiliation",
    ),
    "agg_terms": ("terms", "x.term, SUM(x.n)", "x.term"),
    "agg_frames": ("frames", "x.frame, SUM(x.score), COUNT(*)", "x.frame"),
    "agg_names": ("event_names", "x.name, SUM(x.n)", "x.name"),
}


def _meta(cur, store: Store) -> dict[str, str]:
    cur.execute(
        store._sql("SELECT key, value FROM meta WHERE key IN (?, ?)"), ["data_version", META_KEY]
    )
    return {str(k): str(v) for k, v in cur.fetchall()}


def usable(store: Store) -> bool:
    """True when the aggregates were refreshed at the store's current data version."""
    rows = store.execute(
        "SELECT key, value FROM meta WHERE key IN (?, ?)", ["data_version", META_KEY]
    )
    meta = {str(k): str(v) for k, v in rows}
    return META_KEY in meta and meta[META_KEY] == meta.get("data_version", "0")


def refresh(store: Store) -> int:
    """Bring the aggregates up to the stored articles; returns the slices recomputed."""
    with store.backend.transaction() as cur:
        if store.backend.name == "postgresql":
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        # The version is read first: a write committed after it (PostgreSQL) leaves the
        # aggregates marked at the older version, i.e. stale, never fresh and incomplete.
        version = _meta(cur, store).get("data_version", "0")
        cur.execute("DELETE FROM agg_dirty")
        cur.execute(
            f"""INSERT INTO agg_dirty (outlet, language, is_copy)
                SELECT n.outlet, n.language, n.is_copy FROM ({_CURRENT}) n
                LEFT JOIN agg_state s ON s.article_id = n.article_id
                WHERE s.article_id IS NULL OR {_DIFFERS}
                UNION
                SELECT s.outlet, s.language, s.is_copy FROM agg_state s
                LEFT JOIN ({_CURRENT}) n ON n.article_id = s.article_id
                WHERE n.article_id IS NULL OR {_DIFFERS}"""
        )
        cur.execute("SELECT COUNT(*) FROM agg_dirty")
        dirty = int(cur.fetchall()[0][0])
        if dirty:
            for table in ("agg_state", *AGG_TABLES):
                cur.execute(f"DELETE FROM {table} WHERE {_IN_DIRTY.format(t=table)}")
            cur.execute(
                f"""INSERT INTO agg_state (article_id, outlet, language, day, is_copy)
                    SELECT n.article_id, n.outlet, n.language, n.day, n.is_copy
                    FROM ({_CURRENT}) n WHERE {_IN_DIRTY.format(t="n")}"""
            )
            cur.execute(
                f"""INSERT INTO agg_days
                    SELECT s.outlet, s.language, s.is_copy, s.day, COUNT(*),
                           SUM(CASE WHEN a.date_source = 'estimated' THEN 1 ELSE 0 END),
                           MIN(a.outlet_domain), MIN(a.country)
                    FROM agg_state s JOIN articles a ON a.id = s.article_id
                    WHERE {_IN_DIRTY.format(t="s")}
                    GROUP BY s.outlet, s.language, s.is_copy, s.day"""
            )
            for table, (base, select, group) in _DETAIL.items():
                cur.execute(
                    f"""INSERT INTO {table}
                        SELECT s.outlet, s.language, s.is_copy, {select}
                        FROM {base} x JOIN agg_state s ON s.article_id = x.article_id
                        WHERE {_IN_DIRTY.format(t="s")}
                        GROUP BY s.outlet, s.language, s.is_copy, {group}"""
                )
            cur.execute("DELETE FROM agg_dirty")
        cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [META_KEY])
        cur.execute(
            store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [META_KEY, str(version)]
        )
    return dirty


def ensure_fresh(store: Store) -> bool:
    """refresh() unless the aggregates are already at the current version (one small
    query): cheap enough for every page run. True when a refresh ran."""
    if usable(store):
        return False
    refresh(store)
    return True


def where(store: Store, f: Filters, alias: str = "g") -> tuple[str, list[Any]]:
    """SQL condition on an aggregate table (aliased) for the filters, the same selection
    Store.where() makes on articles. The date range applies to agg_days only (`day`)."""
    return store.where(f, alias, date_column="day", copies=f"NOT {alias}.is_copy")


def serves(store: Store, f: Filters, per_day: bool = False) -> bool:
    """Can a query under `f` read the aggregates? The per-slice tables cannot apply a
    date range (agg_days can); and they must be fresh."""
    if not per_day and (f.date_from or f.date_to):
        return False
    return usable(store)
