"""Provenance: the sentences behind a number the dashboard shows.

Every count on a page comes from articles; these functions go back from one chart point
(an outlet's articles on a day, a dated event, a keyword) to the sentences that produced
it, under the same filters and counting mode as the chart. Each returns a DataFrame with at
least the columns of `COLUMNS`, one row per sentence, in reading order (publication date,
title, then position in the article).

Lists are paged: `limit` and `offset` go to the database as LIMIT/OFFSET, and the
DataFrame's `attrs["total"]` holds how many rows the whole list has (for keyword_sentences,
which reads the sentences out of each article, the page and the total count articles:
`attrs["unit"] == "articles"`). Without a limit the whole list comes back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pandas as pd

from dashboard.analysis.highlight import find_all
from dashboard.analysis.keywords import _clean_token, _content_word
from dashboard.analysis.textproc import (
    clean_invisible,
    iter_token_spans,
    split_paragraphs,
    split_sentences,
)
from dashboard.storage import aggregates, queries
from dashboard.storage.store import Filters, Store

COLUMNS = ["sentence", "title", "outlet", "published_at", "article_id", "language"]


def _day(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    return pd.Timestamp(value).date()


def lead_sentence(body: str) -> str:
    """The first sentence of an article's text (what a reader sees first)."""
    for paragraph in split_paragraphs(body or ""):
        sentences = split_sentences(paragraph)
        if sentences:
            return sentences[0]
    return ""


def _paged(
    store: Store, sql_from: str, order: str, cols: str, params: list[Any], limit, offset
) -> tuple[pd.DataFrame, int]:
    """Rows `cols` of `sql_from` in `order`, one page of them when `limit` is set, and the
    number of rows of the whole list."""
    if limit is None:
        df = store.frame(f"SELECT {cols} {sql_from} ORDER BY {order}", params)
        return df, len(df)
    total = int(store.execute(f"SELECT COUNT(*) {sql_from}", params)[0][0])
    df = store.frame(
        f"SELECT {cols} {sql_from} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return df, total


def _articles_frame(
    store: Store, f: Filters, extra: str, params: list[Any], limit=None, offset: int = 0
) -> pd.DataFrame:
    where, wparams = store.where(f)
    df, total = _paged(
        store,
        f"FROM articles a WHERE {where} {extra}",
        "a.published_at NULLS LAST, a.title, a.id",
        "a.id AS article_id, a.title, a.outlet, a.published_at, a.language, a.body",
        [*wparams, *params],
        limit,
        offset,
    )
    df["sentence"] = [lead_sentence(b) for b in df["body"]]
    out = df[COLUMNS].reset_index(drop=True)
    out.attrs["total"] = total
    return out


def outlet_articles(
    store: Store, f: Filters, outlet: str, limit: int | None = None, offset: int = 0
) -> pd.DataFrame:
    """Behind "articles per outlet": the outlet's articles, each by its lead sentence."""
    return _articles_frame(store, f, "AND a.outlet = ?", [outlet], limit, offset)


def coverage_articles(
    store: Store, f: Filters, outlet: str, day: Any, limit: int | None = None, offset: int = 0
) -> pd.DataFrame:
    """Behind a coverage-timeline bar (outlet, publication day): those articles, each by
    its lead sentence."""
    return _articles_frame(
        store, f, "AND a.outlet = ? AND a.published_at = ?", [outlet, _day(day)], limit, offset
    )


def event_sentences(
    store: Store,
    f: Filters,
    outlet: str | None = None,
    start: Any = None,
    end: Any = None,
    limit: int | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """Behind an event-timeline point (outlet, start[, end]): the sentences whose date
    expression resolves to that day or period. Extra columns: text (the expression),
    start_date, end_date, granularity, approximate, spans (of the expression)."""
    where, params = store.where(f)
    conds = ["d.start_date IS NOT NULL"]
    if outlet is not None:
        conds.append("a.outlet = ?")
        params.append(outlet)
    if start is not None:
        conds.append("d.start_date = ?")
        params.append(_day(start))
    if end is not None:
        conds.append("COALESCE(d.end_date, d.start_date) = ?")
        params.append(_day(end))
    df, total = _paged(
        store,
        f"""FROM date_mentions d JOIN articles a ON a.id = d.article_id
            WHERE {where} AND {" AND ".join(conds)}""",
        "d.start_date, a.published_at NULLS LAST, a.title, d.article_id, d.idx",
        """d.sentence, a.title, a.outlet, a.published_at, d.article_id, a.language,
           d.text, d.start_date, d.end_date, d.granularity, d.approximate""",
        params,
        limit,
        offset,
    )
    df["spans"] = [
        find_all(str(s or ""), str(t or ""))
        for s, t in zip(df["sentence"], df["text"], strict=True)
    ]
    df = df.reset_index(drop=True)
    df.attrs["total"] = total
    return df


# --- keywords ----------------------------------------------------------------------------


def term_surfaces(store: Store, f: Filters, outlet: str, term: str) -> set[str]:
    """The stored surface forms (clitic and spelling variants) the keyword page counts as
    `term` for this outlet, grouped exactly as queries.grouped_term_rows does (the stored
    grouping, agg_term_groups, while the aggregates are fresh)."""
    if aggregates.usable(store):
        if aggregates.serves(store, f):
            where, params = aggregates.where(store, f)
            source, alias = f"agg_terms g WHERE {where}", "g"
        else:
            where, params = store.where(f)
            source = f"terms g JOIN articles a ON a.id = g.article_id WHERE {where}"
            alias = "a"
        rows = store.execute(
            f"""SELECT DISTINCT x.term FROM (SELECT g.term FROM {source}
                    AND {alias}.outlet = ?) x
                JOIN agg_term_groups m ON m.term = x.term WHERE m.display = ?""",
            [*params, outlet, term],
        )
        return {str(r[0]) for r in rows}
    df = queries.term_counts(store, f, base=True)
    if df.empty:
        return set()
    groups = queries.term_display_map(store)
    mine = df.loc[df["outlet"] == outlet, "term"]
    return {s for s in mine if groups[s][0] == term}


def _runs(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """Token runs (white space only between tokens) with character offsets, cut where
    keywords.article_terms cuts them, so matches here are the occurrences counted there."""
    run: list[tuple[int, int, str]] = []
    last_end = None
    for start, end, surface in iter_token_spans(text):
        if last_end is not None and text[last_end:start].strip():
            yield run
            run = []
        run.append((start, end, _clean_token(surface)))
        last_end = end
    if run:
        yield run


def term_spans(sentence: str, surfaces: set[str]) -> list[tuple[int, int]]:
    """Character spans of the occurrences of any surface form (unigram or "w1 w2") in an
    already cleaned sentence."""
    spans: list[tuple[int, int]] = []
    for run in _runs(sentence):
        content = [_content_word(tok) for _, _, tok in run]
        for i, (start, end, tok) in enumerate(run):
            if not content[i]:
                continue
            if tok in surfaces:
                spans.append((start, end))
            if i + 1 < len(run) and content[i + 1] and f"{tok} {run[i + 1][2]}" in surfaces:
                spans.append((start, run[i + 1][1]))
    return spans


def keyword_sentences(
    store: Store, f: Filters, outlet: str, term: str, limit: int | None = None, offset: int = 0
) -> pd.DataFrame:
    """Behind a keyword (outlet, term) of a word cloud or distinctive-terms chart: every
    sentence (the title counts as one) of the outlet's articles that contains one of the
    term's grouped surface forms. Extra columns: n (occurrences in the sentence) and spans
    (their character offsets in `sentence`, for highlighting). Paged by article: `limit`
    articles' sentences, `attrs["total"]` articles in all."""
    surfaces = term_surfaces(store, f, outlet, term)
    columns = [*COLUMNS, "n", "spans"]
    if not surfaces:
        empty = pd.DataFrame(columns=columns)
        empty.attrs.update(total=0, unit="articles")
        return empty
    where, params = store.where(f)
    wanted = sorted(surfaces)
    marks = ",".join("?" for _ in wanted)
    found, total = _paged(
        store,
        f"""FROM articles a WHERE {where} AND a.outlet = ?
              AND a.id IN (SELECT t.article_id FROM terms t WHERE t.term IN ({marks}))""",
        "a.published_at NULLS LAST, a.title, a.id",
        "a.id, a.title, a.outlet, a.published_at, a.language, a.parsed",
        [*params, outlet, *wanted],
        limit,
        offset,
    )
    out: list[dict[str, Any]] = []
    for aid, title, outlet_name, published, language, parsed in found.itertuples(index=False):
        paragraphs = json.loads(parsed).get("paragraphs") or []
        sentences = [title] + [s for p in paragraphs for s in split_sentences(p)]
        for sentence in sentences:
            text = " ".join(clean_invisible(sentence).split())
            spans = term_spans(text, surfaces)
            if spans:
                out.append(
                    {
                        "sentence": text,
                        "title": title,
                        "outlet": outlet_name,
                        "published_at": published,
                        "article_id": aid,
                        "language": language,
                        "n": len(spans),
                        "spans": spans,
                    }
                )
    df = pd.DataFrame(out, columns=columns)
    df.attrs.update(total=total, unit="articles")
    return df
