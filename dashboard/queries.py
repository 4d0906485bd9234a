"""Page data: typed, filter-aware questions the pages (and the exporter) ask the store.

Aggregations run in SQL; only the aggregated rows come back as DataFrames. Nothing here
parses text: pages show what the store holds.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .store import Filters, Store

KIND_ORDER = ["official", "state", "expert", "media", "organisation", "anonymous", "other"]


def articles(store: Store, f: Filters) -> pd.DataFrame:
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.id, a.title, a.outlet, a.language, a.published_at, a.date_source, a.url,
                   (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
                   (SELECT COUNT(*) FROM date_mentions d WHERE d.article_id = a.id) AS dates
            FROM articles a WHERE {where}
            ORDER BY a.published_at DESC NULLS LAST, a.outlet, a.title""",
        params,
    )


def outlet_summary(store: Store, f: Filters) -> pd.DataFrame:
    """One row per outlet: articles, date range, languages, quotes, speakers."""
    where, params = store.where(f)
    df = store.frame(
        f"""SELECT a.outlet,
                   COUNT(*) AS articles,
                   MIN(a.published_at) AS first_date,
                   MAX(a.published_at) AS last_date,
                   SUM(CASE WHEN a.date_source = 'estimated' THEN 1 ELSE 0 END) AS estimated_dates,
                   STRING_AGG(DISTINCT a.language, ', ') AS languages,
                   MIN(a.outlet_domain) AS domain,
                   MIN(a.country) AS country
            FROM articles a WHERE {where}
            GROUP BY a.outlet ORDER BY articles DESC, a.outlet""",
        params,
    )
    q = store.frame(
        f"""SELECT a.outlet, COUNT(*) AS quotes, COUNT(DISTINCT q.speaker) AS speakers
            FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}
            GROUP BY a.outlet""",
        params,
    )
    df = df.merge(q, on="outlet", how="left")
    df[["quotes", "speakers"]] = df[["quotes", "speakers"]].fillna(0).astype(int)
    df["estimated_dates"] = df["estimated_dates"].fillna(0).astype(int)
    return df


def coverage_by_day(store: Store, f: Filters) -> pd.DataFrame:
    where, params = store.where(f)
    df = store.frame(
        f"""SELECT a.published_at AS day, a.outlet, COUNT(*) AS articles,
                   MAX(CASE WHEN a.date_source = 'estimated' THEN 1 ELSE 0 END) AS estimated
            FROM articles a WHERE {where} AND a.published_at IS NOT NULL
            GROUP BY a.published_at, a.outlet ORDER BY day""",
        params,
    )
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


def quotes(store: Store, f: Filters) -> pd.DataFrame:
    where, params = store.where(f)
    return store.frame(
        f"""SELECT q.article_id, a.outlet, a.title, a.published_at, q.speaker, q.speaker_kind,
                   q.role, q.verb, q.direct, q.text, q.paragraph, q.sentence, q.affiliation,
                   q.channel
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE {where} ORDER BY a.outlet, q.article_id, q.idx""",
        params,
    )


def speaker_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Per outlet and speaker: direct and reported statements, kind, role."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, q.speaker, MIN(q.speaker_kind) AS kind,
                   MAX(q.role) AS role,
                   SUM(CASE WHEN q.direct THEN 1 ELSE 0 END) AS direct,
                   SUM(CASE WHEN q.direct THEN 0 ELSE 1 END) AS reported,
                   COUNT(*) AS total
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE {where}
            GROUP BY a.outlet, q.speaker ORDER BY total DESC, a.outlet, q.speaker""",
        params,
    )


def kind_counts(store: Store, f: Filters) -> pd.DataFrame:
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, q.speaker_kind AS kind,
                   SUM(CASE WHEN q.direct THEN 1 ELSE 0 END) AS direct,
                   SUM(CASE WHEN q.direct THEN 0 ELSE 1 END) AS reported,
                   COUNT(*) AS total
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE {where} GROUP BY a.outlet, q.speaker_kind ORDER BY a.outlet, total DESC""",
        params,
    )


def term_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Surface term counts per outlet (summed in SQL)."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, t.term, SUM(t.n) AS n
            FROM terms t JOIN articles a ON a.id = t.article_id
            WHERE {where} GROUP BY a.outlet, t.term""",
        params,
    )


def grouped_terms_by_outlet(store: Store, f: Filters) -> dict[str, Counter]:
    """Per-outlet term counters, clitic variants grouped consistently across the corpus."""
    from .keywords import TermGrouper

    df = term_counts(store, f)
    if df.empty:
        return {}
    total = Counter()
    for term, n in zip(df["term"], df["n"], strict=True):
        total[term] += int(n)
    grouper = TermGrouper(total)
    out: dict[str, Counter] = {}
    for outlet, sub in df.groupby("outlet"):
        out[outlet] = grouper.group(
            Counter(dict(zip(sub["term"], sub["n"].astype(int), strict=True)))
        )
    return out


def distinctive_terms(store: Store, f: Filters, n: int = 15) -> pd.DataFrame:
    from .keywords import distinctive_vs_rest

    by_outlet = grouped_terms_by_outlet(store, f)
    if len(by_outlet) < 2:
        return pd.DataFrame(columns=["outlet", "term", "delta", "z", "count_a", "count_b"])
    rows = []
    for outlet, items in distinctive_vs_rest(by_outlet, n=n).items():
        for r in items:
            rows.append({"outlet": outlet, **r})
    return pd.DataFrame(rows)


def frame_scores(store: Store, f: Filters) -> pd.DataFrame:
    """Mean frame score per outlet (share of sentences carrying the frame's cues)."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, fr.frame, AVG(fr.score) AS score, COUNT(*) AS articles
            FROM frames fr JOIN articles a ON a.id = fr.article_id
            WHERE {where} GROUP BY a.outlet, fr.frame ORDER BY a.outlet, fr.frame""",
        params,
    )


def event_name_counts(store: Store, f: Filters) -> pd.DataFrame:
    where, params = store.where(f)
    return store.frame(
        f"""SELECT a.outlet, e.name, SUM(e.n) AS n
            FROM event_names e JOIN articles a ON a.id = e.article_id
            WHERE {where} GROUP BY a.outlet, e.name ORDER BY n DESC, e.name""",
        params,
    )


def article_ids_for_outlet(store: Store, f: Filters, outlet: str) -> list[str]:
    where, params = store.where(f)
    rows = store.execute(
        f"SELECT a.id FROM articles a WHERE {where} AND a.outlet = ? "
        "ORDER BY a.published_at, a.title",
        [*params, outlet],
    )
    return [r[0] for r in rows]
