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
* agg_names     event-name counts per slice;
* agg_events    dated mentions per slice and event (start, end, approximate), with the
                first mention (article id, index) standing for the event's point;
* agg_term_groups  the store-wide grouping of term spellings: each stored term, the
                display form of its group (clitic and spelling variants, keywords.py) and
                that form folded word by word. Not per slice: it is rebuilt whole, in
                Python, whenever a refresh changes any slice (see term_group_rows());
* agg_outlet_words  each outlet's naming words (keywords.outlet_words: never its own
                keywords), rebuilt with it, so the keywords page needs no word-frequency
                tables to exclude them;
* agg_speaker_people  agg_speakers labelled with the stored speaker identity
                (speaker_names) and summed per slice, person and the row-level kind and
                side the Speakers page groups by. It depends on the identity as well as on
                the articles, so it is not part of refresh(): ensure_speaker_people()
                rebuilds it whole (one INSERT ... SELECT) when the aggregates or the
                identity changed since it was made (a signature in `meta` of the
                aggregates' version and stamp and the identity's version and signature;
                a regrouping at the same data version, `dashboard identity --rebuild`,
                deletes the signature).

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

import hashlib
import logging
import uuid
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from dashboard.storage.store import Filters, Store

META_KEY = "aggregates_version"
# The code and lexicons the stored term grouping was made with (grouping_signature()).
GROUPS_KEY = "term_groups_signature"
# A fresh token whenever a refresh recomputed any slice (agg_speaker_people follows it).
STAMP_KEY = "aggregates_stamp"
# What agg_speaker_people was built from (ensure_speaker_people).
PEOPLE_KEY = "speaker_people_signature"
PEOPLE_CODE = "1"  # bump when the table's definition changes
# pg_advisory_xact_lock key: two refreshes on one PostgreSQL database run one after another.
_LOCK = 727017
_PEOPLE_LOCK = 727018

AGG_TABLES = ("agg_days", "agg_speakers", "agg_terms", "agg_frames", "agg_names", "agg_events")

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


def event_rows(source: str, where: str, alias: str, slice_cols: bool = True) -> str:
    """Dated mentions (and vague ones, start_date NULL) of `source` (aliased `alias`, with
    outlet/language[/is_copy] columns, joined to date_mentions x) under `where`, each with
    its event's mention count and k = 1 on the event's first mention (article id, index).
    The event is (outlet[, language, is_copy], start, end, approximate); end is the start
    for a single day. One definition for the aggregates and the base-table fallback."""
    on = f"{alias}.article_id" if slice_cols else f"{alias}.id"
    keys = f"{alias}.outlet, x.start_date, COALESCE(x.end_date, x.start_date), x.approximate"
    cols = f"{alias}.outlet"
    if slice_cols:
        keys += f", {alias}.language, {alias}.is_copy"
        cols += f", {alias}.language, {alias}.is_copy"
    return f"""SELECT {cols}, x.start_date, COALESCE(x.end_date, x.start_date) AS end_date,
                      x.approximate, x.article_id, x.idx,
                      COUNT(*) OVER (PARTITION BY {keys}) AS mentions,
                      ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY x.article_id, x.idx) AS k
               FROM date_mentions x JOIN {source} ON {on} = x.article_id
               WHERE {where}"""


def term_group_rows(counts: dict[str, int], others: list[str]) -> list[tuple[str, str, str]]:
    """(term, display, folded display) for every stored term: grouped as
    keywords.TermGrouper groups the corpus `counts` (the terms of the articles counted
    once per wire cluster, the pages' default selection); `others` (terms found only in
    wire copies) get the same grouper's form, or their own clitic-free spelling."""
    from collections import Counter

    from dashboard.analysis.keywords import TermGrouper, fold_term

    grouper = TermGrouper(Counter(counts))
    out = []
    folded: dict[str, str] = {}
    for term in [*counts, *others]:
        display = grouper.display_of(term)
        fold = folded.get(display)
        if fold is None:
            fold = folded[display] = " ".join(fold_term(display))
        out.append((term, display, fold))
    return out


def _store_term_groups(cur, store: Store) -> None:
    cur.execute("SELECT term, SUM(n) FROM agg_terms WHERE NOT is_copy GROUP BY term")
    counts = {str(t): int(n) for t, n in cur.fetchall()}
    cur.execute("SELECT DISTINCT term FROM agg_terms WHERE is_copy")
    others = sorted(str(t) for (t,) in cur.fetchall() if t not in counts)
    rows = term_group_rows(counts, others)
    cur.execute("DELETE FROM agg_term_groups")
    if rows:
        store._bulk_insert(cur, "agg_term_groups", rows)
    from dashboard.analysis.keywords import outlet_words

    cur.execute("SELECT DISTINCT outlet FROM agg_days")
    words = [(str(o), w) for (o,) in cur.fetchall() for w in sorted(outlet_words(str(o)))]
    cur.execute("DELETE FROM agg_outlet_words")
    if words:
        store._bulk_insert(cur, "agg_outlet_words", words)


def _meta(cur, store: Store) -> dict[str, str]:
    cur.execute(
        store._sql("SELECT key, value FROM meta WHERE key IN (?, ?, ?)"),
        ["data_version", META_KEY, GROUPS_KEY],
    )
    return {str(k): str(v) for k, v in cur.fetchall()}


@cache
def grouping_signature() -> str:
    """A digest of what the stored term grouping and outlet words depend on besides the
    data: the keyword and stop-word code, every language pack's code and lexicons, and
    the word-frequency package. Editing a lexicon changes it, and the next refresh
    rebuilds the grouping (until then the pages group in Python from the base tables)."""
    analysis = Path(__file__).resolve().parent.parent / "analysis"
    files = [analysis / "keywords.py", analysis / "stopwords.py", analysis / "textproc.py"]
    files += sorted(p for p in (analysis / "languages").rglob("*") if p.suffix in (".py", ".txt"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(analysis)).encode())
        digest.update(path.read_bytes())
    digest.update(metadata.version("wordfreq").encode())
    return digest.hexdigest()[:16]


def usable(store: Store) -> bool:
    """True when the aggregates were refreshed at the store's current data version, with
    the term grouping of the current code and lexicons."""
    rows = store.execute(
        "SELECT key, value FROM meta WHERE key IN (?, ?, ?)",
        ["data_version", META_KEY, GROUPS_KEY],
    )
    meta = {str(k): str(v) for k, v in rows}
    return (
        META_KEY in meta
        and meta[META_KEY] == meta.get("data_version", "0")
        and meta.get(GROUPS_KEY) == grouping_signature()
    )


def refresh(store: Store) -> int:
    """Bring the aggregates up to the stored articles; returns the slices recomputed."""
    with store.backend.transaction() as cur:
        if store.backend.name == "postgresql":
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        # The version is read first: a write committed after it (PostgreSQL) leaves the
        # aggregates marked at the older version, i.e. stale, never fresh and incomplete.
        meta = _meta(cur, store)
        version = meta.get("data_version", "0")
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
                # Each scans its whole table after an ingest: not all held at once.
                store.release_buffers()
            cur.execute(
                f"""INSERT INTO agg_events
                    SELECT outlet, language, is_copy, start_date, end_date, approximate,
                           mentions, article_id, idx
                    FROM ({event_rows("agg_state s", _IN_DIRTY.format(t="s"), "s")}) e
                    WHERE e.k = 1"""
            )
            cur.execute("DELETE FROM agg_dirty")
            cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [STAMP_KEY])
            cur.execute(
                store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"),
                [STAMP_KEY, uuid.uuid4().hex],
            )
        signature = grouping_signature()
        if dirty or meta.get(GROUPS_KEY) != signature:
            _store_term_groups(cur, store)
        for key, value in ((META_KEY, str(version)), (GROUPS_KEY, signature)):
            cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [key])
            cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [key, value])
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


# agg_speaker_people from agg_speakers and the stored identity, labelled as
# queries._labelled_sql labels a row (a spelling speaker_names does not hold is its own
# person): per slice, person and the row-level person_kind / person_side (what the kind and
# side counts group by), with what the Speakers page's per-(outlet, person) decisions need:
# the identity's own kind and side (pk, ps: MAX over rows, as the page takes them), the sums,
# and the least and greatest spelling (one spelling when they are equal).
def labelled(speaker: str, kind: str, side: str) -> tuple[str, str, str]:
    """The SQL that labels a row of spellings with the stored identity (`speaker_names n`,
    LEFT JOINed on the spelling): its person, the person's kind and side (the identity's
    when it has them, else the row's own; a spelling the table does not hold is its own
    person). One definition for agg_speaker_people and the pages' labelled rows."""
    return (
        f"COALESCE(n.canonical, {speaker})",
        f"COALESCE(NULLIF(n.person_kind, ''), NULLIF({kind}, ''), 'other')",
        f"COALESCE(NULLIF(n.person_side, ''), NULLIF({side}, ''), '')",
    )


_PERSON, _PKIND, _PSIDE = labelled("g.speaker", "g.speaker_kind", "g.affiliation")
_PEOPLE_SELECT = f"""SELECT g.outlet, g.language, g.is_copy,
           {_PERSON} AS person, {_PKIND} AS pkind, {_PSIDE} AS pside,
           MAX(n.person_kind), MAX(n.person_side),
           SUM(g.direct), SUM(g.reported), SUM(g.total), MIN(g.speaker), MAX(g.speaker)
    FROM agg_speakers g LEFT JOIN speaker_names n ON n.speaker = g.speaker
    GROUP BY g.outlet, g.language, g.is_copy, {_PERSON}, {_PKIND}, {_PSIDE}"""


def _people_meta(rows) -> tuple[dict[str, str], str]:
    from dashboard.storage import speaker_identity as si

    meta = {str(k): str(v) for k, v in rows}
    keys = (META_KEY, STAMP_KEY, si.VERSION_KEY, si.SIGNATURE_KEY)
    return meta, ":".join([PEOPLE_CODE, *(meta.get(k, "") for k in keys)])


_PEOPLE_META_SQL = "SELECT key, value FROM meta"


def speaker_people_current(store: Store) -> bool:
    """agg_speaker_people was built from the aggregates and the identity as stored now."""
    meta, sig = _people_meta(store.execute(_PEOPLE_META_SQL))
    return meta.get(PEOPLE_KEY) == sig


def speaker_people_ready(store: Store) -> bool:
    """ensure_speaker_people(), a failure logged instead of raised: the table is derived,
    and every reader of it has an exact fallback (the labelled agg_speakers rows). Used
    after an ingest's last round and by the Speakers page's queries."""
    try:
        return ensure_speaker_people(store)
    except Exception:  # noqa: BLE001 - a read-only store, an older schema, a lost race
        logging.getLogger(__name__).exception("agg_speaker_people: not brought up to date")
        return False


def ensure_speaker_people(store: Store) -> bool:
    """Bring agg_speaker_people up to the stored aggregates and speaker identity (the one
    place that builds it); True when it can be read. The caller has checked that the
    aggregates are usable and the identity current; a store changed meanwhile by another
    process, or one that cannot be written, gives False (the page reads agg_speakers)."""
    from dashboard.storage import speaker_identity as si

    if speaker_people_current(store):
        return True
    with store.backend.transaction() as cur:
        if store.backend.name == "postgresql":
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PEOPLE_LOCK])
            cur.execute("SET LOCAL enable_nestloop = off")  # as Store.frame's hash_joins
        cur.execute(_PEOPLE_META_SQL)
        meta, sig = _people_meta(cur.fetchall())
        if meta.get(PEOPLE_KEY) == sig:
            return True
        version = meta.get("data_version", "0")
        if meta.get(META_KEY) != version or meta.get(si.VERSION_KEY) != version:
            return False  # aggregates or identity behind the data: not built from them
        cur.execute("DELETE FROM agg_speaker_people")
        cur.execute(f"INSERT INTO agg_speaker_people {_PEOPLE_SELECT}")
        cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [PEOPLE_KEY])
        cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [PEOPLE_KEY, sig])
    return True
