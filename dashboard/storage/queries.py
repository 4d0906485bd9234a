"""Page data: typed, filter-aware questions the pages (and the exporter) ask the store.

Aggregations run in SQL; only the aggregated rows come back as DataFrames. Nothing here
parses text: pages show what the store holds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.analysis.textproc import normalize, search_fold_classes
from dashboard.storage import aggregates
from dashboard.storage.store import Filters, Store

KIND_ORDER = ["official", "state", "expert", "media", "organisation", "anonymous", "other"]


ARTICLE_ORDER = "published_at DESC NULLS LAST, outlet, title, id"


def _title_match(where: str, params: list, title_contains: str) -> tuple[str, list]:
    """`where` narrowed to titles holding every word of `title_contains` (case-insensitive;
    LIKE's wildcards in the words are taken literally)."""
    for word in title_contains.split():
        escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where += " AND LOWER(a.title) LIKE ? ESCAPE '\\'"
        params = [*params, f"%{escaped}%"]
    return where, params


def articles(
    store: Store,
    f: Filters,
    limit: int | None = None,
    offset: int = 0,
    title_contains: str = "",
) -> pd.DataFrame:
    """The articles under the filters, newest first, with their statement and date counts.
    With `limit`, one page of them (LIMIT/OFFSET; the counts are taken for that page only)
    and `attrs["total"]` the number of articles in the whole list. `title_contains`: only
    the articles whose title holds every one of its words."""
    where, params = store.where(f)
    where, params = _title_match(where, params, title_contains)
    page = ""
    if limit is not None:
        page = "LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    df = store.frame(
        f"""WITH a AS (
                SELECT a.id, a.title, a.outlet, a.language, a.published_at, a.date_source,
                       a.url
                FROM articles a WHERE {where}
                ORDER BY {", ".join("a." + c for c in ARTICLE_ORDER.split(", "))} {page})
            SELECT a.*,
                   (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
                   (SELECT COUNT(*) FROM date_mentions d WHERE d.article_id = a.id) AS dates
            FROM a ORDER BY {ARTICLE_ORDER}""",
        params,
    )
    if limit is None:
        df.attrs["total"] = len(df)
    else:
        where, params = _title_match(*store.where(f), title_contains)
        df.attrs["total"] = int(
            store.execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)[0][0]
        )
    return df


def outlet_headlines(store: Store, f: Filters, n: int = 5) -> pd.DataFrame:
    """Each outlet's `n` newest articles (title, language), as the overview's cards list
    them: in the order of articles()."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT outlet, title, language FROM (
                SELECT a.outlet, a.title, a.language, a.published_at, a.id,
                       ROW_NUMBER() OVER (PARTITION BY a.outlet ORDER BY
                           a.published_at DESC NULLS LAST, a.title, a.id) AS k
                FROM articles a WHERE {where}) x
            WHERE k <= ? ORDER BY outlet, k""",
        [*params, int(n)],
    )


def language_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Articles per language under the filters."""
    if not base and aggregates.serves(store, f, per_day=True):
        where, params = aggregates.where(store, f)
        df = store.frame(
            f"""SELECT g.language, SUM(g.articles) AS articles FROM agg_days g
                WHERE {where} GROUP BY g.language ORDER BY g.language""",
            params,
        )
    else:
        where, params = store.where(f)
        df = store.frame(
            f"""SELECT a.language, COUNT(*) AS articles FROM articles a
                WHERE {where} GROUP BY a.language ORDER BY a.language""",
            params,
        )
    df["articles"] = df["articles"].astype(int)
    return df


def outlet_summary(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """One row per outlet: articles, date range, languages, quotes, speakers.

    Reads the aggregates (aggregates.py) when they are fresh, else the base tables; both
    give the same rows (`base=True` forces the base tables)."""
    if not base and aggregates.serves(store, f, per_day=True):
        return _outlet_summary_agg(store, f)
    where, params = store.where(f)
    df = store.frame(
        f"""SELECT a.outlet,
                   COUNT(*) AS articles,
                   MIN(a.published_at) AS first_date,
                   MAX(a.published_at) AS last_date,
                   SUM(CASE WHEN a.date_source = 'estimated' THEN 1 ELSE 0 END) AS estimated_dates,
                   STRING_AGG(DISTINCT a.language, ', ' ORDER BY a.language) AS languages,
                   MIN(a.outlet_domain) AS domain,
                   MIN(a.country) AS country
            FROM articles a WHERE {where}
            GROUP BY a.outlet ORDER BY articles DESC, a.outlet""",
        params,
    )
    return _summary_merge(df, _base_quote_counts(store, f))


def _base_quote_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Statements and distinct speakers per outlet, from the base tables."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, COUNT(*) AS quotes, COUNT(DISTINCT q.speaker) AS speakers
            FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}
            GROUP BY a.outlet""",
        params,
    )


def _summary_merge(df: pd.DataFrame, q: pd.DataFrame) -> pd.DataFrame:
    df = df.merge(q, on="outlet", how="left")
    df[["quotes", "speakers"]] = df[["quotes", "speakers"]].fillna(0).astype(int)
    df["estimated_dates"] = df["estimated_dates"].fillna(0).astype(int)
    df["articles"] = df["articles"].astype(int)
    return df


def _outlet_summary_agg(store: Store, f: Filters) -> pd.DataFrame:
    where, params = aggregates.where(store, f)
    df = store.frame(
        f"""SELECT g.outlet,
                   SUM(g.articles) AS articles,
                   MIN(g.day) AS first_date,
                   MAX(g.day) AS last_date,
                   SUM(g.estimated) AS estimated_dates,
                   STRING_AGG(DISTINCT g.language, ', ' ORDER BY g.language) AS languages,
                   MIN(g.domain) AS domain,
                   MIN(g.country) AS country
            FROM agg_days g WHERE {where}
            GROUP BY g.outlet ORDER BY articles DESC, g.outlet""",
        params,
    )
    if aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        q = store.frame(
            f"""SELECT g.outlet, SUM(g.total) AS quotes, COUNT(DISTINCT g.speaker) AS speakers
                FROM agg_speakers g WHERE {where} GROUP BY g.outlet""",
            params,
        )
    else:  # a date range: statements from the base tables
        q = _base_quote_counts(store, f)
    return _summary_merge(df, q)


def coverage_by_day(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    if not base and aggregates.serves(store, f, per_day=True):
        where, params = aggregates.where(store, f)
        df = store.frame(
            f"""SELECT g.day, g.outlet, SUM(g.articles) AS articles,
                       MAX(CASE WHEN g.estimated > 0 THEN 1 ELSE 0 END) AS estimated
                FROM agg_days g WHERE {where} AND g.day IS NOT NULL
                GROUP BY g.day, g.outlet ORDER BY g.day, g.outlet""",
            params,
        )
        df["articles"] = df["articles"].astype(int)
        df["estimated"] = df["estimated"].astype(bool)
        return df
    where, params = store.where(f)
    df = store.frame(
        f"""SELECT a.published_at AS day, a.outlet, COUNT(*) AS articles,
                   MAX(CASE WHEN a.date_source = 'estimated' THEN 1 ELSE 0 END) AS estimated
            FROM articles a WHERE {where} AND a.published_at IS NOT NULL
            GROUP BY a.published_at, a.outlet ORDER BY day, a.outlet""",
        params,
    )
    df["articles"] = df["articles"].astype(int)
    df["estimated"] = df["estimated"].astype(bool)
    return df


def event_dates(store: Store, f: Filters, include_vague: bool = False) -> pd.DataFrame:
    """Dated events the articles mention (vague expressions only on request)."""
    where, params = store.where(f)
    vague = "" if include_vague else "AND d.start_date IS NOT NULL"
    return store.frame(
        f"""SELECT d.article_id, a.outlet, a.title, a.published_at, a.date_source,
                   d.text, d.start_date, d.end_date, d.granularity, d.approximate, d.vague,
                   d.paragraph, d.sentence
            FROM date_mentions d JOIN articles a ON a.id = d.article_id
            WHERE {where} {vague}
            ORDER BY d.start_date, a.outlet""",
        params,
    )


def _point_rows(store: Store, f: Filters, base: bool) -> tuple[str, list]:
    """SQL of the event points before their first mention is chosen (k = 1 marks it): from
    agg_events when they serve the filters, else from the base tables (the same rows)."""
    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        event = "PARTITION BY g.outlet, g.start_date, g.end_date, g.approximate"
        points = f"""SELECT g.outlet, g.start_date, g.end_date, g.approximate,
                            SUM(g.mentions) OVER ({event}) AS mentions,
                            ROW_NUMBER() OVER ({event} ORDER BY g.rep_article, g.rep_idx) AS k,
                            g.rep_article AS article_id, g.rep_idx AS idx
                     FROM agg_events g WHERE {where} AND g.start_date IS NOT NULL"""
    else:
        where, params = store.where(f)
        points = aggregates.event_rows(
            "articles a", f"{where} AND x.start_date IS NOT NULL", "a", slice_cols=False
        )
    return points, params


# The chart's and picker's order of events: most mentioned first, ties by date and outlet
# (figures.top_event_order), then event_points' own order.
_TOP_ORDER = "p.mentions DESC, p.start_date, p.end_date, p.outlet, p.approximate NULLS FIRST"
_POINT_COLS = """p.outlet, p.start_date, p.end_date, p.approximate, p.mentions,
                 d.text, d.granularity, d.sentence, a.title, p.article_id"""


def event_points(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """The event chart's points: one per (outlet, start, end, approximate) dated event,
    `mentions` the sentences behind it; its first mention (by article id and index) gives
    the point's text, granularity, sentence and title. `end_date` is the start for a single
    day. From agg_events when they serve the filters, else from the base tables (the same
    rows): a page never reads every mention for its chart. One row per event: at scale the
    pages use event_top() and event_cells() instead."""
    points, params = _point_rows(store, f, base)
    df = store.frame(
        f"""SELECT p.outlet, p.start_date, p.end_date, p.approximate, p.mentions,
                   d.text, d.granularity, d.sentence, a.title, p.article_id
            FROM ({points}) p
            JOIN date_mentions d ON d.article_id = p.article_id AND d.idx = p.idx
            JOIN articles a ON a.id = p.article_id
            WHERE p.k = 1
            ORDER BY p.start_date, p.end_date, p.outlet, p.approximate NULLS FIRST""",
        params,
    )
    df["mentions"] = df["mentions"].astype("int64")
    return df


def event_labels(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """event_points() with only what the picker's search reads (outlet, dates, approximate,
    mentions, expression): no sentence or title, a fraction of the bytes at scale."""
    points, params = _point_rows(store, f, base)
    df = store.frame(
        f"""SELECT p.outlet, p.start_date, p.end_date, p.approximate, p.mentions, d.text
            FROM ({points}) p
            JOIN date_mentions d ON d.article_id = p.article_id AND d.idx = p.idx
            WHERE p.k = 1
            ORDER BY p.start_date, p.end_date, p.outlet, p.approximate NULLS FIRST""",
        params,
    )
    df["mentions"] = df["mentions"].astype("int64")
    return df


def event_top(
    store: Store,
    f: Filters,
    limit: int,
    event: tuple[str, str, str] | None = None,
    base: bool = False,
) -> pd.DataFrame:
    """The `limit` most-mentioned event points (event_points' rows, in event_points' order),
    or with `event` = (start, end, outlet) that event's points only. `attrs["total"]` is the
    number of points and `attrs["distinct"]` of distinct (outlet, start, end) events under
    the filters: what the chart and picker say about the events they leave out."""
    points, params = _point_rows(store, f, base)
    ranked = f"""SELECT p.*, ROW_NUMBER() OVER (ORDER BY {_TOP_ORDER}) AS r
                 FROM ({points}) p WHERE p.k = 1"""
    cond, extra = "p.r <= ?", [int(limit)]
    if event is not None:
        cond = "p.start_date = ? AND p.end_date = ? AND p.outlet = ?"
        extra = [dt.date.fromisoformat(event[0]), dt.date.fromisoformat(event[1]), event[2]]
    df = store.frame(
        f"""SELECT {_POINT_COLS}
            FROM ({ranked}) p
            JOIN date_mentions d ON d.article_id = p.article_id AND d.idx = p.idx
            JOIN articles a ON a.id = p.article_id
            WHERE {cond}
            ORDER BY p.start_date, p.end_date, p.outlet, p.approximate NULLS FIRST""",
        [*params, *extra],
    )
    df["mentions"] = df["mentions"].astype("int64")
    total, distinct = store.execute(
        f"""SELECT COUNT(*), COUNT(DISTINCT p.outlet || '|' || CAST(p.start_date AS VARCHAR)
                                           || '|' || CAST(p.end_date AS VARCHAR))
            FROM ({points}) p WHERE p.k = 1""",
        params,
    )[0]
    df.attrs["total"], df.attrs["distinct"] = int(total or 0), int(distinct or 0)
    return df


# Cells of the events not drawn one by one: (SQL date_trunc unit, pandas period), finest
# first, as figures._CELL_UNITS.
_CELL_TRUNC = (("day", "D"), ("month", "M"), ("quarter", "Q"), ("year", "Y"))


def event_cells(
    store: Store, f: Filters, skip: int, max_cells: int, base: bool = False
) -> pd.DataFrame:
    """The event points after the `skip` most mentioned (event_top's order), counted per
    outlet and period of their middle date: days, or months, quarters, years, whichever
    first gives at most `max_cells` cells (years whatever their number). One row per cell:
    outlet, period (its first day), events, mentions; `attrs["unit"]` the pandas period."""
    points, params = _point_rows(store, f, base)
    # The middle day as the chart places it (start + half the span, rounded down).
    mid = "p.start_date + CAST(FLOOR((p.end_date - p.start_date) / 2.0) AS INTEGER)"
    rest = f"""SELECT q.outlet, q.mid, q.mentions FROM (
                   SELECT p.outlet, {mid} AS mid, p.mentions,
                          ROW_NUMBER() OVER (ORDER BY {_TOP_ORDER}) AS r
                   FROM ({points}) p WHERE p.k = 1) q
               WHERE q.r > ?"""
    params = [*params, int(skip)]
    counts = ", ".join(
        f"COUNT(DISTINCT r.outlet || '|' || CAST(DATE_TRUNC('{u}', r.mid) AS VARCHAR))"
        for u, _ in _CELL_TRUNC[:-1]
    )
    sizes = store.execute(f"SELECT {counts} FROM ({rest}) r", params)[0]
    unit, period = _CELL_TRUNC[-1]
    for (u, p), n in zip(_CELL_TRUNC, sizes, strict=False):
        if int(n or 0) <= max_cells:
            unit, period = u, p
            break
    df = store.frame(
        f"""SELECT r.outlet, CAST(DATE_TRUNC('{unit}', r.mid) AS DATE) AS period,
                   COUNT(*) AS events, SUM(r.mentions) AS mentions
            FROM ({rest}) r GROUP BY 1, 2 ORDER BY 1, 2""",
        params,
    )
    df["events"] = df["events"].astype("int64")
    df["mentions"] = df["mentions"].astype("int64")
    df.attrs["unit"] = period
    return df


def event_chart(
    store: Store, f: Filters, marks_max: int, top: int, cells_max: int, base: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The event chart's data, bounded at any store size: every point (event_points) when
    there are at most `marks_max`, else the `top` most mentioned (event_top) and the others
    per outlet and period (event_cells, at most `cells_max` cells unless per year)."""
    first = event_top(store, f, top, base=base)
    if first.attrs["total"] <= marks_max:
        return event_points(store, f, base=base), None
    return first, event_cells(store, f, top, cells_max, base=base)


def dated_mentions(
    store: Store, f: Filters, vague: bool = False, limit: int | None = None, offset: int = 0
) -> pd.DataFrame:
    """The dated mentions (or, with `vague`, the vague time expressions) as event_dates()
    lists them, one page at a time: LIMIT/OFFSET in the order of the event date, outlet,
    article and position; `attrs["total"]` the whole list's length (from agg_events when
    they serve the filters)."""
    where, params = store.where(f)
    cond = "d.start_date IS NULL" if vague else "d.start_date IS NOT NULL"
    page, paging = "", []
    if limit is not None:
        page, paging = "LIMIT ? OFFSET ?", [int(limit), int(offset)]
    df = store.frame(
        f"""SELECT d.article_id, a.outlet, a.title, a.published_at, a.date_source,
                   d.text, d.start_date, d.end_date, d.granularity, d.approximate, d.vague,
                   d.paragraph, d.sentence
            FROM date_mentions d JOIN articles a ON a.id = d.article_id
            WHERE {where} AND {cond}
            ORDER BY d.start_date, a.outlet, d.article_id, d.idx {page}""",
        [*params, *paging],
    )
    if limit is None:
        total = len(df)
    elif aggregates.serves(store, f):
        gwhere, gparams = aggregates.where(store, f)
        gcond = cond.replace("d.", "g.")
        total = store.execute(
            f"SELECT SUM(g.mentions) FROM agg_events g WHERE {gwhere} AND {gcond}", gparams
        )[0][0]
    else:
        total = store.execute(
            f"""SELECT COUNT(*) FROM date_mentions d JOIN articles a ON a.id = d.article_id
                WHERE {where} AND {cond}""",
            params,
        )[0][0]
    df.attrs["total"] = int(total or 0)
    return df


def quotes(
    store: Store,
    f: Filters,
    outlet: str | None = None,
    spellings: list[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """Every attributed statement; `person` is the speaker's canonical name (identity.py).

    Narrowed to one outlet and/or to the given speaker spellings (a person's variants, see
    speaker_counts), and paged with `limit`/`offset` (LIMIT/OFFSET); `attrs["total"]` is
    the number of statements of the whole list."""
    from dashboard.analysis.identity import store_identity

    where, params = store.where(f)
    if outlet is not None:
        where += " AND a.outlet = ?"
        params.append(outlet)
    if spellings is not None:
        if not spellings:
            where += " AND FALSE"
        else:
            where += f" AND q.speaker IN ({','.join('?' for _ in spellings)})"
            params.extend(spellings)
    source = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}"
    page: list = []
    sql_page = ""
    if limit is not None:
        sql_page = "LIMIT ? OFFSET ?"
        page = [int(limit), int(offset)]
    # The person joined from the stored identity (a page of 100 statements did not need
    # the whole identity loaded into Python); labelled in Python when the table is not.
    in_store = _identity_in_store(store)
    person, names = "", ""
    if in_store:
        person = "COALESCE(n.canonical, q.speaker) AS person, "
        names = "LEFT JOIN speaker_names n ON n.speaker = q.speaker"
    columns = f"""q.article_id, a.outlet, a.title, a.published_at, q.speaker, {person}
                   q.speaker_kind, q.role, q.verb, q.direct, q.text, q.paragraph, q.sentence,
                   q.affiliation, q.channel, a.language, a.date_source"""
    if limit is None:
        df = store.frame(
            f"""SELECT {columns}
                FROM quotes q JOIN articles a ON a.id = q.article_id {names} WHERE {where}
                ORDER BY a.outlet, q.article_id, q.idx""",
            params,
        )
    else:
        # The page's keys first, then its rows: the planner joined the names and read every
        # column of all statements before the LIMIT (0.85 s for 100 of 802,019 rows).
        df = store.frame(
            f"""WITH pg AS (SELECT q.article_id, q.idx
                            FROM quotes q JOIN articles a ON a.id = q.article_id
                            WHERE {where}
                            ORDER BY a.outlet, q.article_id, q.idx {sql_page})
                SELECT {columns}
                FROM pg JOIN quotes q ON q.article_id = pg.article_id AND q.idx = pg.idx
                JOIN articles a ON a.id = q.article_id {names}
                ORDER BY a.outlet, q.article_id, q.idx""",
            [*params, *page],
        )
    if not in_store:
        ident = store_identity(store)
        df.insert(5, "person", [ident.canonical(s) for s in df["speaker"]])
    if limit is None:
        df.attrs["total"] = len(df)
    else:
        df.attrs["total"] = int(store.execute(f"SELECT COUNT(*) {source}", params)[0][0])
    return df


# Rows of _speaker_rows in one order whichever table they come from ("first" per group
# downstream must not depend on the database's grouping order).
_SPEAKER_ORDER = "ORDER BY 1, 2, 3 NULLS FIRST, 4 NULLS FIRST, 5 NULLS FIRST"


def _speaker_rows(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Statements summed in SQL per outlet, spelling, kind, role and side, each spelling
    labelled with its person (identity.py works over the few distinct names in Python)."""
    from dashboard.analysis.identity import store_identity

    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        df = store.frame(
            f"""SELECT g.outlet, g.speaker, g.speaker_kind AS kind, g.role, g.affiliation,
                       SUM(g.direct) AS direct, SUM(g.reported) AS reported,
                       SUM(g.total) AS total
                FROM agg_speakers g WHERE {where}
                GROUP BY g.outlet, g.speaker, g.speaker_kind, g.role, g.affiliation
                {_SPEAKER_ORDER}""",
            params,
        )
    else:
        where, params = store.where(f)
        df = store.frame(
            f"""SELECT a.outlet, q.speaker, q.speaker_kind AS kind, q.role, q.affiliation,
                       SUM(CASE WHEN q.direct THEN 1 ELSE 0 END) AS direct,
                       SUM(CASE WHEN q.direct THEN 0 ELSE 1 END) AS reported,
                       COUNT(*) AS total
                FROM quotes q JOIN articles a ON a.id = q.article_id
                WHERE {where}
                GROUP BY a.outlet, q.speaker, q.speaker_kind, q.role, q.affiliation
                {_SPEAKER_ORDER}""",
            params,
        )
    ident = store_identity(store)
    # Python lists, not the columns: iterating an Arrow string column value by value
    # took longer than the lookups (185,367 rows at 100,000 articles).
    mapping = ident.mapping
    person = [mapping.get(s, s) for s in df["speaker"].tolist()]
    df["person"] = person
    # One kind and one side per person across the store, so a person is one voice everywhere.
    df["person_kind"] = [
        ident.kinds.get(p) or k or "other" for p, k in zip(person, df["kind"].tolist(), strict=True)
    ]
    df["person_side"] = [
        ident.sides.get(p) or (a or "")
        for p, a in zip(person, df["affiliation"].tolist(), strict=True)
    ]
    for col in ("direct", "reported", "total"):
        df[col] = df[col].astype(int)
    return df


# A row `r` of spellings labelled with the stored identity (aggregates.labelled).
_R_PERSON, _R_KIND, _R_SIDE = aggregates.labelled("r.speaker", "r.kind", "r.affiliation")


def _labelled_sql(store: Store, f: Filters, base: bool = False) -> tuple[str, list]:
    """A WITH clause whose table `l` holds _speaker_rows() labelled in SQL: the statements
    summed per outlet, spelling, kind, role and side, joined to the stored identity
    (speaker_names) for the person, its kind and its side (a spelling the table does not
    hold is its own person, as in Identity.mapping)."""
    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        rows = f"""SELECT g.outlet, g.speaker, g.speaker_kind AS kind, g.role, g.affiliation,
                       SUM(g.direct) AS direct, SUM(g.reported) AS reported,
                       SUM(g.total) AS total
                FROM agg_speakers g WHERE {where}
                GROUP BY g.outlet, g.speaker, g.speaker_kind, g.role, g.affiliation"""
    else:
        where, params = store.where(f)
        rows = f"""SELECT a.outlet, q.speaker, q.speaker_kind AS kind, q.role, q.affiliation,
                       SUM(CASE WHEN q.direct THEN 1 ELSE 0 END) AS direct,
                       SUM(CASE WHEN q.direct THEN 0 ELSE 1 END) AS reported,
                       COUNT(*) AS total
                FROM quotes q JOIN articles a ON a.id = q.article_id
                WHERE {where}
                GROUP BY a.outlet, q.speaker, q.speaker_kind, q.role, q.affiliation"""
    sql = f"""WITH r AS ({rows}),
        l AS (SELECT r.*, {_R_PERSON} AS person,
                     n.person_kind AS pk, n.person_side AS ps,
                     {_R_KIND} AS person_kind, {_R_SIDE} AS person_side
              FROM r LEFT JOIN speaker_names n ON n.speaker = r.speaker)"""
    return sql, params


def speaker_identity_current(store: Store) -> bool:
    """Is the speaker identity kept in the store up to date (one small query)? When it is
    not (an update of the title lexicons, the identity code or the alias file, or deleted
    articles), the next speaker query groups every spelling again: about a minute of CPU
    at 100,000 articles, which a page should announce. `refresh_speaker_identity` runs it."""
    from dashboard.analysis.identity import aliases_path
    from dashboard.storage import speaker_identity

    return speaker_identity.is_current(store, aliases_path())


def refresh_speaker_identity(store: Store) -> bool:
    """Bring the stored identity up to date now (what the first speaker query would do in
    a fresh process); True when the pages can read it from the store. A store that cannot
    be written keeps the pages' Python grouping (False)."""
    from dashboard.analysis.identity import aliases_path
    from dashboard.storage import speaker_identity

    try:
        speaker_identity.ensure(store, aliases_path())
    except Exception:  # noqa: BLE001 - as store_identity: read-only stores group in memory
        logging.getLogger(__name__).exception("speaker identity: the stored table was not updated")
        return False
    return speaker_identity_current(store)


def _identity_in_store(store: Store) -> bool:
    """The stored identity table is the one the pages label with (store_identity brought
    it up to date, or could not: then the rows are labelled in Python)."""
    from dashboard.analysis.identity import aliases_path, store_identity
    from dashboard.storage import speaker_identity

    try:
        if speaker_identity.is_current(store, aliases_path()):
            return True  # no need to load the identity into Python
        store_identity(store)
        return speaker_identity.is_current(store, aliases_path())
    except Exception:  # noqa: BLE001 - no identity tables (an unmigrated store): Python
        return False


def speaker_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Per outlet and person: direct and reported statements, kind, role, side, and the
    spellings merged into the person (`variants`). `speaker` is the canonical name."""
    return speaker_tables(store, f, base)[0]


def speaker_tables(
    store: Store, f: Filters, base: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """speaker_counts, kind_counts and side_counts (the Speakers page and its charts need
    all three), labelled and aggregated in the database: Python receives one row per
    outlet and person (and per outlet and kind, side), not one per spelling, kind, role
    and side (185,367 rows at 100,000 articles, each labelled in Python before)."""
    if not _identity_in_store(store):
        df = _speaker_rows(store, f, base)
        return _speaker_counts_of(df), _kind_counts_of(df), _side_counts_of(df)
    with_l, params = _labelled_sql(store, f, base)
    return (
        _speaker_counts_sql(store, with_l, params),
        *_kind_side_counts_sql(store, with_l, params),
    )


# The Speakers page at any store size: a table page of (outlet, person) rows, the chart's
# people and a picker list, never every row (154,209 at 100,000 articles: the transfer,
# sort and page code on them took longer than the page's 2 s).
SPEAKER_CHART_PEOPLE = 20  # figures.speakers_bar's `top`
SPEAKER_PICKER_MAX = 300


@dataclass
class SpeakerPage:
    """What the Speakers page draws for one filter setting (speaker_page())."""

    table: pd.DataFrame  # the first `rows` of speaker_counts (same columns and order)
    chart: pd.DataFrame  # speaker_counts' rows of the SPEAKER_CHART_PEOPLE most-cited people
    kinds: pd.DataFrame  # kind_counts
    sides: pd.DataFrame  # side_counts
    people: int  # distinct people (persons) under the filters
    pairs: int  # rows of speaker_counts (outlet × person)
    outlets: list[str] = field(default_factory=list)  # outlets with statements

    @property
    def direct(self) -> int:
        return int(self.kinds["direct"].sum()) if len(self.kinds) else 0

    @property
    def reported(self) -> int:
        return int(self.kinds["reported"].sum()) if len(self.kinds) else 0


def speaker_page(store: Store, f: Filters, rows: int = 100, base: bool = False) -> SpeakerPage:
    """The Speakers page's data: the first `rows` rows of speaker_counts, the rows of the
    most-cited people for the chart, kind and side counts and the totals; the ordered
    aggregates (spellings, roles, first kind) run for those rows only. When the aggregates
    serve the filters, the per-person sums come from agg_speaker_people (built or brought
    up to date here when needed); `base`: without it (the labelled agg_speakers rows, as
    before it; the tests compare the two)."""
    if not _identity_in_store(store):
        counts, kinds, sides = speaker_tables(store, f)
        return _speaker_page_of(counts, kinds, sides, rows)
    if not base and aggregates.serves(store, f) and aggregates.speaker_people_ready(store):
        df = _speaker_page_rows(store, f, rows)
        kinds, sides = _kind_side_people(store, f)
        return _speaker_page_from(df, kinds, sides, rows)
    with_l, params = _labelled_sql(store, f)
    keep = _SPEAKER_KEEP
    df = _speaker_counts_sql(store, with_l, params, keep, (int(rows), SPEAKER_CHART_PEOPLE))
    kinds, sides = _kind_side_counts_sql(store, with_l, params)
    return _speaker_page_from(df, kinds, sides, rows)


# The (outlet, person) rows of o0 the Speakers page shows: the first rows of the table and
# (charted) every row of the most-cited people; parameters: rows, SPEAKER_CHART_PEOPLE.
_SPEAKER_KEEP = """SELECT outlet, person, BOOL_OR(c) AS charted FROM (
            (SELECT outlet, person, FALSE AS c FROM o0
             ORDER BY total DESC, outlet COLLATE "C", person COLLATE "C" LIMIT ?)
            UNION ALL
            SELECT o0.outlet, o0.person, TRUE AS c FROM o0 JOIN
              (SELECT person FROM o0 GROUP BY person
               ORDER BY SUM(total) DESC, person COLLATE "C" LIMIT ?) tp
              ON tp.person = o0.person) k
        GROUP BY outlet, person"""


def _speaker_page_from(
    df: pd.DataFrame, kinds: pd.DataFrame, sides: pd.DataFrame, rows: int
) -> SpeakerPage:
    people = int(df["people"].iloc[0]) if len(df) else 0
    pairs = int(df["pairs"].iloc[0]) if len(df) else 0
    cols = [c for c in df.columns if c not in ("charted", "people", "pairs")]
    charted = df["charted"].astype(bool) if len(df) else pd.Series([], dtype=bool)
    table = df[cols].head(int(rows)).reset_index(drop=True)
    chart = df.loc[charted, cols].reset_index(drop=True)
    return SpeakerPage(table, chart, kinds, sides, people, pairs, sorted(kinds["outlet"].unique()))


def _speaker_page_rows(store: Store, f: Filters, rows: int) -> pd.DataFrame:
    """_speaker_counts_sql(keep=_SPEAKER_KEEP) from agg_speaker_people: the rows kept are
    chosen on each (outlet, person)'s total alone (o0, with `pt` the people's totals); o0's
    other columns (o0d) and `l`, labelled for the kept people's spellings, are taken for the
    kept rows only. o0d's decisions as _speaker_counts_sql's: MAX(pk) of each row's MAX(pk),
    MIN/MAX of the row-level kinds and sides, one spelling when the least and the greatest
    spelling are the same (compared by code point: exact for equality)."""
    where, params = aggregates.where(store, f)
    sql = f"""WITH o0 AS (
            SELECT g.outlet, g.person, CAST(SUM(g.total) AS BIGINT) AS total
            FROM agg_speaker_people g WHERE {where} GROUP BY g.outlet, g.person),
        pt AS (SELECT person, SUM(total) AS t FROM o0 GROUP BY person),
        kp AS (SELECT outlet, person, BOOL_OR(c) AS charted FROM (
                (SELECT outlet, person, FALSE AS c FROM o0
                 ORDER BY total DESC, outlet COLLATE "C", person COLLATE "C" LIMIT ?)
                UNION ALL
                SELECT o0.outlet, o0.person, TRUE AS c FROM o0 JOIN
                  (SELECT person FROM pt ORDER BY t DESC, person COLLATE "C" LIMIT ?) tp
                  ON tp.person = o0.person) k
            GROUP BY outlet, person),
        o0k AS (
            SELECT g.outlet, g.person,
                   CASE WHEN MAX(g.pk) <> '' THEN MAX(g.pk)
                        WHEN MIN(g.person_kind) = MAX(g.person_kind) THEN MIN(g.person_kind)
                   END AS kind,
                   CASE WHEN MAX(g.ps) <> '' THEN MAX(g.ps)
                        WHEN MIN(g.person_side) = MAX(g.person_side) THEN MIN(g.person_side)
                   END AS affiliation,
                   CAST(SUM(g.direct) AS BIGINT) AS direct,
                   CAST(SUM(g.reported) AS BIGINT) AS reported,
                   CAST(SUM(g.total) AS BIGINT) AS total,
                   CASE WHEN MIN(g.speaker_min COLLATE "C") = MAX(g.speaker_max COLLATE "C")
                        THEN 1 ELSE 2 END AS spellings,
                   MIN(g.speaker_min COLLATE "C") AS speaker1,
                   BOOL_OR(kp.charted) AS charted
            FROM agg_speaker_people g JOIN kp ON kp.outlet = g.outlet AND kp.person = g.person
            WHERE {where} GROUP BY g.outlet, g.person),
        ks AS (SELECT kp.outlet, n.speaker FROM kp JOIN speaker_names n
                 ON n.canonical = kp.person
               UNION SELECT outlet, person FROM kp),
        r AS (SELECT g.outlet, g.speaker, g.speaker_kind AS kind, g.role, g.affiliation,
                     SUM(g.direct) AS direct, SUM(g.reported) AS reported,
                     SUM(g.total) AS total
              FROM agg_speakers g JOIN ks ON ks.outlet = g.outlet AND ks.speaker = g.speaker
              WHERE {where}
              GROUP BY g.outlet, g.speaker, g.speaker_kind, g.role, g.affiliation),
        l AS (SELECT r.*, {_R_PERSON} AS person,
                     {_R_KIND} AS person_kind, {_R_SIDE} AS person_side
              FROM r LEFT JOIN speaker_names n ON n.speaker = r.speaker),
        sp AS (SELECT outlet, person, speaker, SUM(total) AS t
               FROM l GROUP BY outlet, person, speaker),
        {
        _COUNTS_TAIL.format(
            charted=", o0.charted",
            totals=", o.charted, (SELECT COUNT(*) FROM pt) AS people, "
            "(SELECT COUNT(*) FROM o0) AS pairs",
        )
    }"""
    df = store.frame(
        sql,
        [*params, int(rows), SPEAKER_CHART_PEOPLE, *params, *params],
        columnar=True,
        hash_joins=True,
    )
    return _counts_frame(df, True)


def _kind_side_people(store: Store, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """_kind_side_counts_sql over agg_speaker_people (its rows carry the row-level kind and
    side the counts group by)."""
    where, params = aggregates.where(store, f)
    df = store.frame(
        f"""SELECT outlet, person_kind AS kind, side, GROUPING(person_kind) AS by_side,
               CAST(SUM(direct) AS BIGINT) AS direct, CAST(SUM(reported) AS BIGINT) AS reported,
               CAST(SUM(total) AS BIGINT) AS total, COUNT(DISTINCT person) AS speakers
        FROM (SELECT g.outlet, g.person, g.person_kind, g.direct, g.reported, g.total,
                     COALESCE(NULLIF(g.person_side, ''), ?) AS side
              FROM agg_speaker_people g WHERE {where}) s
        GROUP BY GROUPING SETS ((outlet, person_kind), (outlet, side))""",
        [SIDE_UNKNOWN, *params],
        hash_joins=True,
    )
    return _kind_side_of(df)


def _speaker_page_of(
    counts: pd.DataFrame, kinds: pd.DataFrame, sides: pd.DataFrame, rows: int
) -> SpeakerPage:
    """speaker_page from the whole speaker_counts (stores without a stored identity)."""
    charted = set(_people_ranked(counts)["person"].head(SPEAKER_CHART_PEOPLE))
    return SpeakerPage(
        counts.head(int(rows)).reset_index(drop=True),
        counts[counts["speaker"].isin(charted)].reset_index(drop=True),
        kinds,
        sides,
        int(counts["speaker"].nunique()),
        len(counts),
        sorted(kinds["outlet"].unique()) if len(kinds) else [],
    )


def _people_ranked(counts: pd.DataFrame) -> pd.DataFrame:
    """People of speaker_counts rows with their statements, most first (ties: by name, as
    the SQL orders them)."""
    people = counts.groupby("speaker")["total"].sum().reset_index()
    return people.rename(columns={"speaker": "person"}).sort_values(
        ["total", "person"], ascending=[False, True], kind="stable", ignore_index=True
    )


def _folded_pattern(word: str) -> str:
    """A regular expression (RE2 and PostgreSQL alike) matching `word`, already folded by
    `normalize`, inside a lower-cased stored name that was not: «احمد» -> «[اأإآٱ]…»."""
    classes = search_fold_classes()
    marks = next((chars for chars, target in classes if target == ""), "")
    letters = {target: target + chars for chars, target in classes if target}
    after = f"[{marks}]*" if marks else ""
    out = []
    for ch in word:
        chars = letters.get(ch, ch)
        out.append("[" + "".join("\\" + c if c in "]\\^-[" else c for c in chars) + "]" + after)
    return "".join(out)


def _people_totals_sql(store: Store, f: Filters, base: bool) -> tuple[str, list]:
    """A WITH clause whose `l` has a `person` and a `total` column for every labelled row
    under the filters: from agg_speaker_people when it serves them (one row per slice and
    person, not per spelling), else the labelled agg_speakers rows (_labelled_sql); `base`
    forces the latter (the tests compare the two)."""
    if not base and aggregates.serves(store, f) and aggregates.speaker_people_ready(store):
        where, params = aggregates.where(store, f)
        return (
            f"WITH l AS (SELECT g.person, g.total FROM agg_speaker_people g WHERE {where})",
            params,
        )
    return _labelled_sql(store, f)


def speaker_people(
    store: Store,
    f: Filters,
    search: str = "",
    limit: int = SPEAKER_PICKER_MAX,
    base: bool = False,
) -> tuple[pd.DataFrame, int]:
    """(The `limit` most-cited people whose name or one of whose spellings holds every word
    of `search` (case-folded): columns person, total, most first; how many match)."""
    # Both sides folded as `normalize` folds words (hamza seats, alef maqsura, ta marbuta,
    # diacritics and tatweel in Arabic; ё; case), so a search typed without them finds them.
    words = [normalize(w) for w in search.split()]
    if not _identity_in_store(store):
        counts = speaker_counts(store, f)
        hay = counts["speaker"].astype(str) + "\n" + counts["variants"].astype(str)
        hay = hay.map(normalize)
        mask = pd.Series(True, index=counts.index)
        for word in words:
            mask &= hay.str.contains(word, regex=False)
        people = _people_ranked(counts[mask])
        return people.head(limit), len(people)
    with_l, params = _people_totals_sql(store, f, base)
    # Matched against every stored spelling (speaker_names: one row a spelling, fewer than
    # the labelled rows) by one regular expression per word, in which every letter stands for
    # the letters `normalize` folds into it and marks may follow any letter: one pass per
    # row (folding every stored name first was several times slower at 100k).
    test = "LOWER(s.x) ~ ?" if store.kind == "postgresql" else "REGEXP_MATCHES(LOWER(s.x), ?)"
    match = " AND ".join(test for _ in words)
    hits = (
        f"""AND l.person IN (SELECT s.canonical FROM
              (SELECT canonical, speaker AS x FROM speaker_names
               UNION SELECT canonical, canonical FROM speaker_names) s
              WHERE {match})"""
        if words
        else ""
    )
    df = store.frame(
        f"""{with_l},
        m AS (SELECT l.person, SUM(l.total) AS total FROM l WHERE TRUE {hits}
              GROUP BY l.person)
        SELECT person, CAST(total AS BIGINT) AS total, COUNT(*) OVER () AS found FROM m
        ORDER BY total DESC, person COLLATE "C" LIMIT ?""",
        [*params, *(_folded_pattern(word) for word in words), int(limit)],
        hash_joins=True,
    )
    found = int(df["found"].iloc[0]) if len(df) else 0
    return df[["person", "total"]].astype({"total": int}), found


def person_spellings(store: Store, person: str) -> list[str]:
    """Every stored spelling counted as `person` (the person's own name included)."""
    if _identity_in_store(store):
        rows = store.execute("SELECT speaker FROM speaker_names WHERE canonical = ?", [person])
        return sorted({person, *(str(r[0]) for r in rows)})
    from dashboard.analysis.identity import store_identity

    return sorted({person, *store_identity(store).groups().get(person, [])})


def merged_spellings(store: Store, people: list[str]) -> pd.DataFrame:
    """For those of `people` whose spellings were merged (identity.Identity.groups): person,
    its spellings (most quoted first), statements in the whole store, placed by the alias
    file."""
    cols = ["person", "spellings", "statements", "by_alias"]
    if not people:
        return pd.DataFrame(columns=cols)
    if _identity_in_store(store):
        marks = ",".join("?" for _ in people)
        df = store.frame(
            f"""SELECT canonical AS person, speaker, n, by_alias FROM speaker_names
                WHERE canonical IN ({marks})""",
            list(people),
        )
        out = []
        for person, g in df.groupby("person", sort=True):
            if len(g) < 2 and str(g["speaker"].iloc[0]) == person:
                continue
            g = g.sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
            out.append((person, list(g["speaker"]), int(g["n"].sum()), bool(g["by_alias"].any())))
        return pd.DataFrame(out, columns=cols)
    from dashboard.analysis.identity import store_identity

    ident = store_identity(store)
    groups = ident.groups()
    return pd.DataFrame(
        [
            (
                p,
                groups[p],
                sum(ident.counts.get(s, 0) for s in groups[p]),
                any(s in ident.by_alias for s in groups[p]),
            )
            for p in sorted(people)
            if p in groups
        ],
        columns=cols,
    )


def merged_spelling_count(store: Store, f: Filters, base: bool = False) -> int:
    """Spellings counted as one person, over the people under the filters (the Speakers
    page's "Spellings merged")."""
    if not _identity_in_store(store):
        from dashboard.analysis.identity import store_identity

        groups = store_identity(store).groups()
        people = set(speaker_counts(store, f)["speaker"])
        return sum(len(v) for p, v in groups.items() if p in people)
    with_l, params = _people_totals_sql(store, f, base)
    rows = store.execute(
        f"""{with_l},
        mg AS (SELECT canonical FROM speaker_names GROUP BY canonical
               HAVING COUNT(*) > 1 OR MIN(speaker) <> canonical)
        SELECT COUNT(*) FROM speaker_names n
        WHERE n.canonical IN (SELECT canonical FROM mg)
          AND n.canonical IN (SELECT DISTINCT person FROM l)""",
        params,
        hash_joins=True,
    )
    return int(rows[0][0])


# The ordered per-group parts of speaker_counts over `l` (labelled rows, see _labelled_sql),
# `sp` (per outlet, person, spelling) and `o0k` (the (outlet, person) rows wanted, columns of
# o0 in _speaker_counts_sql): spellings, first kind and side, the role.
_COUNTS_TAIL = """vm AS (SELECT sp.outlet, sp.person,
                      STRING_AGG(sp.speaker, '; ' ORDER BY sp.t DESC, sp.speaker COLLATE "C")
                          AS variants
               FROM sp JOIN o0k o0 ON o0.outlet = sp.outlet AND o0.person = sp.person
               WHERE o0.spellings > 1
               GROUP BY sp.outlet, sp.person),
        fk AS (SELECT l.outlet, l.person,
                      (ARRAY_AGG(l.person_kind ORDER BY l.speaker, l.kind NULLS FIRST,
                                 l.role NULLS FIRST, l.affiliation NULLS FIRST))[1] AS kind,
                      (ARRAY_AGG(l.person_side ORDER BY l.speaker, l.kind NULLS FIRST,
                                 l.role NULLS FIRST, l.affiliation NULLS FIRST))[1]
                          AS affiliation
               FROM l JOIN o0k o0 ON o0.outlet = l.outlet AND o0.person = l.person
               WHERE o0.kind IS NULL OR o0.affiliation IS NULL
               GROUP BY l.outlet, l.person),
        o AS (SELECT o0.outlet, o0.person, COALESCE(o0.kind, fk.kind) AS kind,
                     COALESCE(o0.affiliation, fk.affiliation) AS affiliation,
                     o0.direct, o0.reported, o0.total,
                     COALESCE(vm.variants, o0.speaker1) AS variants{charted}
              FROM o0k o0 LEFT JOIN fk ON fk.outlet = o0.outlet AND fk.person = o0.person
              LEFT JOIN vm ON vm.outlet = o0.outlet AND vm.person = o0.person),
        ro AS (SELECT l.outlet, l.person, l.role, SUM(l.total) AS t
               FROM l JOIN o0k ON o0k.outlet = l.outlet AND o0k.person = l.person
               WHERE l.role IS NOT NULL AND l.role <> '' GROUP BY l.outlet, l.person, l.role),
        r1 AS (SELECT outlet, person, COUNT(*) AS roles, MIN(role) AS role
               FROM ro GROUP BY outlet, person),
        rm AS (SELECT ro.outlet, ro.person,
                      (ARRAY_AGG(ro.role ORDER BY ro.t DESC, LENGTH(ro.role) DESC,
                                 ro.role COLLATE "C" DESC))[1] AS role
               FROM ro JOIN r1 ON r1.outlet = ro.outlet AND r1.person = ro.person
               WHERE r1.roles > 1
               GROUP BY ro.outlet, ro.person),
        rb AS (SELECT r1.outlet, r1.person, COALESCE(rm.role, r1.role) AS role
               FROM r1 LEFT JOIN rm ON rm.outlet = r1.outlet AND rm.person = r1.person)
        SELECT o.outlet, o.person AS speaker, o.kind, COALESCE(rb.role, '') AS role,
               o.affiliation, o.direct, o.reported, o.total, o.variants{totals}
        FROM o LEFT JOIN rb ON rb.outlet = o.outlet AND rb.person = o.person"""


def _speaker_counts_sql(
    store: Store, with_l: str, params: list, keep: str = "", keep_params: tuple = ()
) -> pd.DataFrame:
    """Rows of speaker_counts; `keep`: a query over o0 (outlet, person, totals) naming the
    (outlet, person) rows wanted, with a boolean `charted` (see speaker_page): the ordered
    aggregates then run for those rows only, and the result has `charted`, `people` and
    `pairs` (distinct people and rows before the cut)."""
    # As _speaker_counts_of: kind and side the group's first row's in _SPEAKER_ORDER (the
    # person's own when the identity has one, as nearly always: the ordered first is taken
    # only for the groups whose rows differ); the
    # role with most statements (ties: the longest, then the greatest); the spellings, most
    # statements first (ties: alphabetical, by code point as Python sorts). The ordered
    # aggregates sort per group (2 of 3 CPU s at 100,000 articles when taken for every
    # group): they run only for the groups with several spellings or roles.
    kept, charted, totals = "o0k AS (SELECT * FROM o0)", "", ""
    if keep:
        kept = f"""kp AS ({keep}),
        o0k AS (SELECT o0.*, kp.charted FROM o0 JOIN kp
                ON kp.outlet = o0.outlet AND kp.person = o0.person)"""
        charted = ", o0.charted"
        totals = (
            ", o.charted, (SELECT COUNT(DISTINCT person) FROM o0) AS people, "
            "(SELECT COUNT(*) FROM o0) AS pairs"
        )
    df = store.frame(
        f"""{with_l},
        sp AS (SELECT outlet, person, speaker, SUM(direct) AS d, SUM(reported) AS rp,
                      SUM(total) AS t, MAX(pk) AS pk, MIN(person_kind) AS k0,
                      MAX(person_kind) AS k1, MAX(ps) AS ps, MIN(person_side) AS s0,
                      MAX(person_side) AS s1
               FROM l GROUP BY outlet, person, speaker),
        o0 AS (SELECT outlet, person,
                      CASE WHEN MAX(pk) <> '' THEN MAX(pk)
                           WHEN MIN(k0) = MAX(k1) THEN MIN(k0)
                      END AS kind,
                      CASE WHEN MAX(ps) <> '' THEN MAX(ps)
                           WHEN MIN(s0) = MAX(s1) THEN MIN(s0)
                      END AS affiliation,
                      CAST(SUM(d) AS BIGINT) AS direct, CAST(SUM(rp) AS BIGINT) AS reported,
                      CAST(SUM(t) AS BIGINT) AS total,
                      COUNT(*) AS spellings, MIN(speaker) AS speaker1
               FROM sp GROUP BY outlet, person),
        {kept},
        {_COUNTS_TAIL.format(charted=charted, totals=totals)}""",
        [*params, *keep_params],
        columnar=True,  # one row per outlet and person: 154,000 at 100,000 articles
        hash_joins=True,
    )
    return _counts_frame(df, bool(keep))


def _counts_frame(df: pd.DataFrame, keep: bool) -> pd.DataFrame:
    """speaker_counts' rows from the database's, typed and ordered as speaker_counts."""
    cols = ["outlet", "speaker", "kind", "role", "affiliation", "direct", "reported", "total"]
    if df.empty:
        return pd.DataFrame(columns=[*cols, "variants", *(("charted",) if keep else ())])
    df["variants"] = df["variants"].astype(object)  # as the joined spellings in pandas
    for col in ("direct", "reported", "total"):
        df[col] = df[col].astype(int)
    return df.sort_values(
        ["total", "outlet", "speaker"], ascending=[False, True, True], ignore_index=True
    )


def _kind_side_counts_sql(
    store: Store, with_l: str, params: list
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """kind_counts and side_counts in one pass over `l` (grouping sets: each was a query
    of its own, which labelled the rows again)."""
    df = store.frame(
        f"""{with_l},
        s AS (SELECT l.*, COALESCE(NULLIF(l.person_side, ''), ?) AS side FROM l)
        SELECT outlet, person_kind AS kind, side, GROUPING(person_kind) AS by_side,
               CAST(SUM(direct) AS BIGINT) AS direct, CAST(SUM(reported) AS BIGINT) AS reported,
               CAST(SUM(total) AS BIGINT) AS total, COUNT(DISTINCT person) AS speakers
        FROM s GROUP BY GROUPING SETS ((outlet, person_kind), (outlet, side))""",
        [*params, SIDE_UNKNOWN],
        hash_joins=True,
    )
    return _kind_side_of(df)


def _kind_side_of(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """kind_counts and side_counts from the grouping-sets rows (by_side 1: a side's)."""
    kind_cols = ["outlet", "kind", "direct", "reported", "total"]
    side_cols = ["outlet", "side", "direct", "reported", "total", "speakers"]

    def ordered(part: pd.DataFrame, key: str, cols: list[str]) -> pd.DataFrame:
        if part.empty:
            return pd.DataFrame(columns=cols)
        part = part.sort_values(["outlet", key], ignore_index=True)
        for col in cols[2:]:
            part[col] = part[col].astype(int)
        return part.sort_values(
            ["outlet", "total"], ascending=[True, False], ignore_index=True, kind="stable"
        )[cols]

    by_side = df["by_side"].astype(int) == 1 if len(df) else pd.Series([], dtype=bool)
    return ordered(df[~by_side], "kind", kind_cols), ordered(df[by_side], "side", side_cols)


def _speaker_counts_of(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["outlet", "speaker", "kind", "role", "affiliation", "direct", "reported", "total"]
    if df.empty:
        return pd.DataFrame(columns=[*cols, "variants"])
    # Whole-frame group-bys, not a Python loop over (outlet, person) groups: at 1,000
    # articles there are thousands of groups and a pandas call per group took seconds.
    keys = ["outlet", "person"]
    out = df.groupby(keys, sort=False).agg(
        kind=("person_kind", "first"),
        affiliation=("person_side", "first"),
        direct=("direct", "sum"),
        reported=("reported", "sum"),
        total=("total", "sum"),
    )
    # Role: the one with most statements (ties: the longest, most specific one; then the
    # greatest string, for determinism).
    roles = df[df["role"].notna() & (df["role"] != "")]
    roles = roles.groupby([*keys, "role"], sort=False)["total"].sum().reset_index()
    roles["length"] = roles["role"].str.len()
    roles = roles.sort_values(["total", "length", "role"], ascending=False, kind="stable")
    out["role"] = roles.drop_duplicates(keys).set_index(keys)["role"]
    out["role"] = out["role"].fillna("")
    # Spellings merged into the person, most statements first (ties: alphabetical).
    spellings = df.groupby([*keys, "speaker"], sort=True)["total"].sum().reset_index()
    spellings = spellings.sort_values("total", ascending=False, kind="stable")
    # Most people have one spelling per outlet: those are their own variants, and only
    # the others are joined in Python (a join per group took 13 s for 154,209 groups at
    # 100,000 articles).
    size = spellings.groupby(keys, sort=False)["speaker"].transform("size")
    alone = spellings.loc[size == 1].set_index(keys)["speaker"].astype(object)
    several = spellings.loc[size > 1, [*keys, "speaker"]].astype({"speaker": object})
    joined = several.groupby(keys, sort=False)["speaker"].agg("; ".join)
    out["variants"] = pd.concat([alone, joined]) if len(joined) else alone
    out = out.reset_index().rename(columns={"person": "speaker"})
    for col in ("direct", "reported", "total"):
        out[col] = out[col].astype(int)
    out = out[[*cols, "variants"]]
    return out.sort_values(
        ["total", "outlet", "speaker"], ascending=[False, True, True], ignore_index=True
    )


def kind_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Statements per outlet and kind of voice (the person's kind, see speaker_counts)."""
    return speaker_tables(store, f, base)[1]


def _kind_counts_of(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["outlet", "kind", "direct", "reported", "total"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = df.groupby(["outlet", "person_kind"], as_index=False)[
        ["direct", "reported", "total"]
    ].sum()
    out = out.rename(columns={"person_kind": "kind"})[cols]
    return out.sort_values(["outlet", "total"], ascending=[True, False], ignore_index=True)


SIDE_UNKNOWN = "side not stated"


def side_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Statements per outlet and side (country/camp) of the person speaking, direct and
    reported, with the number of distinct people."""
    return speaker_tables(store, f, base)[2]


def _side_counts_of(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["outlet", "side", "direct", "reported", "total", "speakers"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.assign(side=df["person_side"].replace("", SIDE_UNKNOWN))
    out = df.groupby(["outlet", "side"], as_index=False).agg(
        direct=("direct", "sum"),
        reported=("reported", "sum"),
        total=("total", "sum"),
        speakers=("person", "nunique"),
    )
    return out.sort_values(["outlet", "total"], ascending=[True, False], ignore_index=True)[cols]


def term_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Surface term counts per outlet (summed in SQL)."""
    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        return store.frame(
            f"""SELECT g.outlet, g.term, SUM(g.n) AS n
                FROM agg_terms g WHERE {where} GROUP BY g.outlet, g.term""",
            params,
        )
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, t.term, SUM(t.n) AS n
            FROM terms t JOIN articles a ON a.id = t.article_id
            WHERE {where} GROUP BY a.outlet, t.term""",
        params,
    )


def term_display_map(store: Store) -> dict[str, tuple[str, str]]:
    """Every stored term's group display form (and its folded words), computed from the base tables exactly as
    the aggregate refresh stores it in agg_term_groups (aggregates.term_group_rows): the
    grouping is the store's, made from the terms of the default selection (each wire
    cluster once), whatever filters a page sets. Slow (Python per distinct term): the
    pages read the stored table and come here only while the aggregates are stale."""
    where, params = store.where(Filters())
    counts = {
        str(t): int(n)
        for t, n in store.execute(
            f"""SELECT t.term, SUM(t.n) FROM terms t JOIN articles a ON a.id = t.article_id
                WHERE {where} GROUP BY t.term""",
            params,
        )
    }
    others = sorted(
        str(t) for (t,) in store.execute("SELECT DISTINCT term FROM terms") if t not in counts
    )
    return {t: (d, folded) for t, d, folded in aggregates.term_group_rows(counts, others)}


def outlet_name_words(store: Store, base: bool = False) -> dict[str, frozenset[str]]:
    """Each stored outlet's naming words (keywords.outlet_words), never its keywords: from
    agg_outlet_words while the aggregates are fresh, else computed."""
    if not base and aggregates.usable(store):
        out: dict[str, set[str]] = {
            str(o): set() for (o,) in store.execute("SELECT DISTINCT outlet FROM agg_days")
        }
        for outlet, word in store.execute("SELECT outlet, word FROM agg_outlet_words"):
            out.setdefault(str(outlet), set()).add(str(word))
        return {o: frozenset(w) for o, w in out.items()}
    from dashboard.analysis.keywords import outlet_words

    return {
        str(o): outlet_words(str(o))
        for (o,) in store.execute("SELECT DISTINCT outlet FROM articles")
    }


def grouped_term_rows(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """See _grouped_term_rows. The store keeps the last result, by (data version,
    aggregates usable, filters, base): the keywords page asks for it twice (clouds,
    distinctive terms)."""
    key = (store.data_version(), aggregates.usable(store), f.key(), base)
    last = getattr(store, "_last_term_rows", None)  # one read: another run may replace it
    if last is not None and last[0] == key:
        return last[1].copy()
    rows = _grouped_term_rows(store, f, base)
    store._last_term_rows = (key, rows)
    return rows.copy()


def _grouped_term_rows(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Term counts per outlet under the filters, clitic and spelling variants summed into
    their group (column `term`, the group's display form; `folded`, that form folded word
    by word), ordered by outlet, count (descending) and term.

    With fresh aggregates this is one SQL group-by over agg_terms joined to the stored
    grouping (agg_term_groups); with a date range, over the terms table joined to it;
    with stale aggregates (or `base`), the grouping is recomputed from the base tables."""
    order = "ORDER BY outlet, n DESC, term"
    if not base and aggregates.usable(store):
        if aggregates.serves(store, f):
            where, params = aggregates.where(store, f)
            source = f"agg_terms g JOIN agg_term_groups m ON m.term = g.term WHERE {where}"
            outlet = "g.outlet"
        else:
            where, params = store.where(f)
            source = f"""terms g JOIN articles a ON a.id = g.article_id
                         JOIN agg_term_groups m ON m.term = g.term WHERE {where}"""
            outlet = "a.outlet"
        df = store.frame(
            f"""SELECT {outlet} AS outlet, m.display AS term, MIN(m.folded) AS folded,
                       CAST(SUM(g.n) AS BIGINT) AS n
                FROM {source} GROUP BY {outlet}, m.display {order}""",
            params,
            columnar=True,
        )
    else:
        df = term_counts(store, f, base=True)
        cols = ["outlet", "term", "folded", "n"]
        if df.empty:
            return pd.DataFrame(columns=cols)
        groups = term_display_map(store)
        df["display"] = df["term"].map(lambda t: groups[t][0])
        df["folded"] = df["term"].map(lambda t: groups[t][1])
        df = (
            df.groupby(["outlet", "display"], as_index=False)
            .agg(folded=("folded", "first"), n=("n", "sum"))
            .rename(columns={"display": "term"})[cols]
        )
        df = df.sort_values(["outlet", "n", "term"], ascending=[True, False, True])
    df["n"] = df["n"].astype("int64")
    return df.reset_index(drop=True)


def grouped_terms_by_outlet(store: Store, f: Filters, base: bool = False) -> dict[str, Counter]:
    """Per-outlet term counters, clitic variants grouped consistently across the store
    (grouped_term_rows); each counter lists its terms by count, then term."""
    df = grouped_term_rows(store, f, base)
    out: dict[str, Counter] = {}
    if df.empty:
        return out
    outlets = df["outlet"].to_numpy()
    cuts = [0, *(np.flatnonzero(outlets[1:] != outlets[:-1]) + 1).tolist(), len(df)]
    terms, counts = df["term"].tolist(), df["n"].tolist()
    for a, b in zip(cuts, cuts[1:], strict=False):
        out[str(outlets[a])] = Counter(dict(zip(terms[a:b], counts[a:b], strict=True)))
    return out


def distinctive_terms(store: Store, f: Filters, n: int = 15, base: bool = False) -> pd.DataFrame:
    from dashboard.analysis.keywords import distinctive_vs_rest_frame, outlet_words

    df = grouped_term_rows(store, f, base)
    outlets = sorted(df["outlet"].unique().tolist()) if not df.empty else []
    if len(outlets) < 2:
        return pd.DataFrame(columns=["outlet", "term", "delta", "z", "count_a", "count_b"])
    rows = []
    words = outlet_name_words(store, base)
    own = {o: words[o] if o in words else outlet_words(o) for o in outlets}
    for outlet, items in distinctive_vs_rest_frame(df, n=n, exclude_by_outlet=own).items():
        for r in items:
            rows.append({"outlet": outlet, **r})
    return pd.DataFrame(rows)


def frame_scores(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    """Mean frame score per outlet (share of sentences carrying the frame's cues).

    From the aggregates the mean is sum / rows: equal to AVG up to the last bits of a
    double (the additions run in another order)."""
    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        df = store.frame(
            f"""SELECT g.outlet, g.frame, SUM(g.score_sum) / SUM(g.n) AS score,
                       SUM(g.n) AS articles
                FROM agg_frames g WHERE {where}
                GROUP BY g.outlet, g.frame ORDER BY g.outlet, g.frame""",
            params,
        )
        df["articles"] = df["articles"].astype(int)
        return df
    where, params = store.where(f)
    df = store.frame(
        f"""SELECT a.outlet, fr.frame, AVG(fr.score) AS score, COUNT(*) AS articles
            FROM frames fr JOIN articles a ON a.id = fr.article_id
            WHERE {where} GROUP BY a.outlet, fr.frame ORDER BY a.outlet, fr.frame""",
        params,
    )
    df["articles"] = df["articles"].astype(int)
    return df


def event_name_counts(store: Store, f: Filters, base: bool = False) -> pd.DataFrame:
    if not base and aggregates.serves(store, f):
        where, params = aggregates.where(store, f)
        df = store.frame(
            f"""SELECT g.outlet, g.name, SUM(g.n) AS n
                FROM agg_names g WHERE {where}
                GROUP BY g.outlet, g.name ORDER BY n DESC, g.name, g.outlet""",
            params,
        )
    else:
        where, params = store.where(f)
        df = store.frame(
            f"""SELECT a.outlet, e.name, SUM(e.n) AS n
                FROM event_names e JOIN articles a ON a.id = e.article_id
                WHERE {where} GROUP BY a.outlet, e.name ORDER BY n DESC, e.name, a.outlet""",
            params,
        )
    df["n"] = df["n"].astype("int64")
    return df


def article_ids_for_outlet(store: Store, f: Filters, outlet: str) -> list[str]:
    where, params = store.where(f)
    rows = store.execute(
        f"SELECT a.id FROM articles a WHERE {where} AND a.outlet = ? "
        "ORDER BY a.published_at, a.title",
        [*params, outlet],
    )
    return [r[0] for r in rows]


OUTLET_ATTRIBUTES = ("country", "region", "type")


def articles_by_outlet_attribute(store: Store, f: Filters, attribute: str) -> pd.DataFrame:
    """Articles and outlets per registry attribute value (country, region or outlet type).

    Outlets missing from outlet_attributes (registry not synced yet) count as "unknown".
    """
    if attribute not in OUTLET_ATTRIBUTES:
        raise ValueError(f"unknown outlet attribute {attribute!r}")
    where, params = store.where(f)
    return store.frame(
        f"""SELECT COALESCE(o.{attribute}, 'unknown') AS value,
                   COUNT(*) AS articles, COUNT(DISTINCT a.outlet) AS outlets
            FROM articles a LEFT JOIN outlet_attributes o ON o.outlet = a.outlet
            WHERE {where}
            GROUP BY COALESCE(o.{attribute}, 'unknown') ORDER BY articles DESC, value""",
        params,
    )


def outlet_attribute_table(store: Store, f: Filters) -> pd.DataFrame:
    """Per stored outlet: its registry match and attributes, with articles in the filters."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, o.registry_name, COALESCE(o.country, 'unknown') AS country,
                   COALESCE(o.region, 'unknown') AS region, COALESCE(o.type, 'unknown') AS type,
                   COUNT(*) AS articles
            FROM articles a LEFT JOIN outlet_attributes o ON o.outlet = a.outlet
            WHERE {where}
            GROUP BY a.outlet, o.registry_name, o.country, o.region, o.type
            ORDER BY articles DESC, a.outlet""",
        params,
    )
