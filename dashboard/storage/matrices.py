"""All-outlet matrices for the Framing page: frames, names, voices and claims × outlets.

Each matrix is a DataFrame indexed by outlet (rows in a meaningful order) with one column
per frame / event name / voice group / claim, plus the sentences behind any cell. The
claim map reads the claims stored by storage/claims.py; nothing here embeds or parses
whole articles except to pick out the evidence sentences of one clicked cell.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from dashboard.storage import claims as claim_store
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store

# A claim is "carried by nearly all" at this share of the selected outlets or more, and a
# blindspot ("carried by few") at this share or less (at least 1 and 2 outlets).
NEARLY_ALL = 0.8
FEW = 0.2


def _parsed_in_order(store: Store, where: str, params: list, batch: int = 100):
    """(article row, parsed dict) of the articles matching `where`, in date order, read a
    page at a time: a cell's sentence list stops once it has enough rows instead of
    loading every article's parsed JSON (gigabytes at 100,000 articles)."""
    offset = 0
    while True:
        rows = store.frame(
            f"""SELECT a.id AS article_id, a.title, a.outlet, a.published_at, a.language,
                       a.parsed
                FROM articles a WHERE {where}
                ORDER BY a.published_at NULLS LAST, a.id LIMIT ? OFFSET ?""",
            [*params, batch, offset],
        )
        for row in rows.itertuples():
            yield row, json.loads(row.parsed)
        if len(rows) < batch:
            return
        offset += batch
        batch = min(batch * 4, 2000)  # a caller that reads on wants bigger pages


def _sentence_frame(out: list[dict], columns: list[str], truncated: bool) -> pd.DataFrame:
    df = pd.DataFrame(out, columns=columns)
    df.attrs["truncated"] = truncated
    return df


@dataclass
class Matrix:
    """outlets × columns values (shares or 0/1), with the labels to show for columns."""

    values: pd.DataFrame  # index: outlet, columns: keys
    labels: dict[str, str]  # column key -> label shown
    title: str
    value_kind: str  # "share" | "carried"


def order_outlets(values: pd.DataFrame) -> list[str]:
    """Outlets ordered so that similar profiles sit together (average-linkage clustering on
    cosine distance, leaves in optimal order); alphabetical for fewer than three."""
    outlets = list(values.index)
    if len(outlets) < 3:
        return sorted(outlets)
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import pdist

    x = values.to_numpy(dtype=float)
    # A row of zeros has no direction: nudge it so the cosine distance is defined.
    x = np.where(np.abs(x).sum(axis=1, keepdims=True) == 0, 1e-9, x)
    dist = np.nan_to_num(pdist(x, metric="cosine"), nan=1.0)
    tree = linkage(dist, method="average")
    tree = optimal_leaf_ordering(tree, dist)
    return [outlets[i] for i in leaves_list(tree)]


def most_different_pair(values: pd.DataFrame, column: str) -> tuple[str, str] | None:
    """The two outlets furthest apart on one column (highest value, lowest value); ties go
    to the outlet listed first. None when every outlet has the same value."""
    col = values[column].astype(float)
    if col.empty or col.max() == col.min():
        return None
    return str(col.idxmax()), str(col.idxmin())


# --------------------------------------------------------------------------- frames


def frame_matrix(store: Store, f: Filters, labels: dict[str, str] | None = None) -> Matrix:
    """Outlets × frames: mean share of each outlet's sentences with the frame's cues."""
    df = queries.frame_scores(store, f)
    if df.empty:
        return Matrix(pd.DataFrame(), {}, "Frame profile", "share")
    values = df.pivot_table(index="outlet", columns="frame", values="score", fill_value=0.0)
    values = values.astype(float)
    values = values.loc[order_outlets(values)]
    frames = sorted(values.columns, key=lambda c: -values[c].mean())
    values = values[frames]
    values.columns.name = None
    return Matrix(
        values,
        {fr: (labels or {}).get(fr, fr) for fr in frames},
        "Frame profile: share of each outlet's sentences with the frame's cues",
        "share",
    )


def frame_sentences(
    store: Store, f: Filters, outlet: str, frame: str, limit: int | None = None
) -> pd.DataFrame:
    """The evidence sentences of one frame in one outlet's articles (with their cues); with
    `limit`, the first `limit` of them (attrs["truncated"] says whether more exist)."""
    where, params = store.where(f)
    where += " AND a.outlet = ? AND a.id IN (SELECT article_id FROM frames WHERE frame = ?)"
    out: list[dict] = []
    truncated = False
    for row, parsed in _parsed_in_order(store, where, [*params, outlet, frame]):
        if limit is not None and len(out) >= limit:
            truncated = bool(parsed.get("frame_evidence", {}).get(frame))
            if truncated:
                break
            continue
        for e in parsed.get("frame_evidence", {}).get(frame, []):
            out.append(
                {
                    "sentence": e.get("sentence", ""),
                    "cues": ", ".join(e.get("cues", [])),
                    "title": row.title,
                    "outlet": row.outlet,
                    "published_at": row.published_at,
                    "article_id": row.article_id,
                    "language": row.language,
                }
            )
    if limit is not None and len(out) > limit:
        out, truncated = out[:limit], True
    return _sentence_frame(
        out,
        ["sentence", "cues", "title", "outlet", "published_at", "article_id", "language"],
        truncated,
    )


# --------------------------------------------------------------------------- names


def naming_matrix(store: Store, f: Filters, top: int = 15) -> tuple[Matrix, pd.DataFrame]:
    """Outlets × event names (spelling and article variants grouped): the share of each
    outlet's name mentions; and per outlet its most used name (outlet, name, mentions)."""
    from dashboard.analysis.naming import name_key

    df = queries.event_name_counts(store, f)
    if df.empty:
        return Matrix(pd.DataFrame(), {}, "Naming", "share"), pd.DataFrame(
            columns=["outlet", "name", "mentions", "share"]
        )
    df = df.copy()
    df["n"] = df["n"].astype(int)
    df["key"] = [name_key(n) for n in df["name"]]
    # Each group is shown in its most used spelling across the selection.
    spelling = (
        df.groupby(["key", "name"])["n"].sum().reset_index().sort_values("n", ascending=False)
    )
    label = spelling.drop_duplicates("key").set_index("key")["name"].to_dict()
    grouped = df.groupby(["outlet", "key"])["n"].sum().reset_index()
    totals = grouped.groupby("outlet")["n"].sum()
    grouped["share"] = grouped["n"] / grouped["outlet"].map(totals)
    keep = grouped.groupby("key")["n"].sum().sort_values(ascending=False).head(top).index
    values = grouped[grouped["key"].isin(keep)].pivot_table(
        index="outlet", columns="key", values="share", fill_value=0.0
    )
    values = values.reindex(sorted(totals.index), fill_value=0.0).astype(float)
    values = values.loc[order_outlets(values)][list(keep)]
    values.columns.name = None
    top_name = (
        grouped.sort_values(["outlet", "n", "key"], ascending=[True, False, True])
        .drop_duplicates("outlet")
        .assign(name=lambda d: d["key"].map(label))
        .rename(columns={"n": "mentions"})[["outlet", "name", "mentions", "share"]]
        .reset_index(drop=True)
    )
    return (
        Matrix(
            values,
            {k: label[k] for k in keep},
            "Naming: share of each outlet's event-name mentions",
            "share",
        ),
        top_name,
    )


def name_sentences(
    store: Store, f: Filters, outlet: str, key: str, limit: int | None = None
) -> pd.DataFrame:
    """Sentences of one outlet's articles that use a name of the group `key` (marked); with
    `limit`, the first `limit` of them (attrs["truncated"] says whether more exist)."""
    from dashboard.analysis.naming import event_name_spans, name_key
    from dashboard.analysis.textproc import split_sentences

    columns = ["sentence", "spans", "title", "outlet", "published_at", "article_id", "language"]
    where, params = store.where(f)
    # Only the articles that stored a name of this group are read and re-scanned: reading
    # every article of the outlet cost seconds and gigabytes at 100,000 articles.
    stored = store.execute(
        f"""SELECT DISTINCT e.name FROM event_names e JOIN articles a ON a.id = e.article_id
            WHERE {where} AND a.outlet = ?""",
        [*params, outlet],
    )
    names = [r[0] for r in stored if name_key(r[0]) == key]
    if not names:
        return _sentence_frame([], columns, False)
    marks = ",".join("?" for _ in names)
    where += f" AND a.outlet = ? AND a.id IN (SELECT article_id FROM event_names WHERE name IN ({marks}))"
    out: list[dict] = []
    for row, parsed in _parsed_in_order(store, where, [*params, outlet, *names]):
        if limit is not None and len(out) > limit:
            break
        for text in [row.title, *parsed.get("paragraphs", [])]:
            for sentence in split_sentences(text) if text != row.title else [text]:
                spans = [
                    (s, e)
                    for s, e, phrase in event_name_spans(sentence, row.language)
                    if name_key(phrase) == key
                ]
                if spans:
                    out.append(
                        {
                            "sentence": sentence,
                            "spans": spans,
                            "title": row.title,
                            "outlet": row.outlet,
                            "published_at": row.published_at,
                            "article_id": row.article_id,
                            "language": row.language,
                        }
                    )
    truncated = limit is not None and len(out) > limit
    return _sentence_frame(out[:limit] if truncated else out, columns, truncated)


# --------------------------------------------------------------------------- voices


def voice_group(side: str, kind: str) -> str:
    return f"{side or queries.SIDE_UNKNOWN} · {kind or 'other'}"


def voices_matrix(store: Store, f: Filters, top: int = 16) -> Matrix:
    """Outlets × voice groups (speaker's side · kind of voice): the share of each outlet's
    attributed statements."""
    df = queries.speaker_counts(store, f)
    if df.empty:
        return Matrix(pd.DataFrame(), {}, "Voices", "share")
    df = df.copy()
    df["group"] = [voice_group(s, k) for s, k in zip(df["affiliation"], df["kind"], strict=True)]
    grouped = df.groupby(["outlet", "group"])["total"].sum().reset_index()
    totals = grouped.groupby("outlet")["total"].sum()
    grouped["share"] = grouped["total"] / grouped["outlet"].map(totals)
    keep = grouped.groupby("group")["total"].sum().sort_values(ascending=False).head(top).index
    values = grouped[grouped["group"].isin(keep)].pivot_table(
        index="outlet", columns="group", values="share", fill_value=0.0
    )
    values = values.reindex(sorted(totals.index), fill_value=0.0).astype(float)
    values = values.loc[order_outlets(values)][list(keep)]
    values.columns.name = None
    return Matrix(
        values,
        {g: g for g in keep},
        "Voices: share of each outlet's statements by the speaker's side and kind",
        "share",
    )


def voice_sentences(store: Store, f: Filters, outlet: str, group: str) -> pd.DataFrame:
    """The attributed statements of one outlet in one voice group."""
    if f.outlets and outlet not in f.outlets:
        return pd.DataFrame(columns=["sentence", "title", "outlet", "published_at"])
    # The outlet narrowed in SQL, not after loading every statement of the selection (a
    # million rows at 100,000 articles). Wire-copy flags are store-wide, so one outlet's
    # rows are the same under either filter.
    one = replace(f, outlets=[outlet])
    df = queries.quotes(store, one, outlet=outlet)
    if df.empty:
        return pd.DataFrame(columns=["sentence", "title", "outlet", "published_at"])
    counts = queries.speaker_counts(store, one)
    counts = counts[counts["outlet"] == outlet]
    person_group = {
        s: voice_group(a, k)
        for s, a, k in zip(counts["speaker"], counts["affiliation"], counts["kind"], strict=True)
    }
    df = df[[person_group.get(p) == group for p in df["person"]]]
    return df.assign(sentence=df["sentence"].where(df["sentence"] != "", df["text"]))[
        ["sentence", "person", "title", "outlet", "published_at", "article_id", "language"]
    ].reset_index(drop=True)


# --------------------------------------------------------------------------- claims


@dataclass
class ClaimMap:
    values: pd.DataFrame  # index: claim_id (sorted by carriers), columns: outlets; 0/1/2
    # 1 = the outlet carries the claim in its own article, 2 = only through wire copies
    table: pd.DataFrame  # one row per claim: claim_id, text, language, carriers, mark …
    outlets: list[str]
    wire_once: bool


def claim_map(store: Store, f: Filters, wire_once: bool = True, text_rows: int = 500) -> ClaimMap:
    """Claims × outlets under the filters, sorted by how many outlets carry each claim.

    With `wire_once`, a dispatch republished by several outlets counts once: the outlets
    whose every article carrying the claim is a wire copy (or the dispatch itself) share
    one count per wire cluster. The cells stay, marked as copies (value 2).
    """
    rows = claim_store.claim_rows(store, f)
    all_outlets = sorted(queries.outlet_summary(store, f)["outlet"])
    empty_table = pd.DataFrame(
        columns=["claim_id", "text", "language", "carriers", "outlets", "copies", "mark"]
    )
    if rows.empty:
        return ClaimMap(pd.DataFrame(columns=all_outlets), empty_table, all_outlets, wire_once)
    # With wire_once, a cell whose every article is in a wire cluster (the dispatch or a
    # copy of it) counts under the cluster's key, so the dispatch and its copies count once.
    own = rows.assign(voice=rows["outlet"])
    if wire_once:
        clustered_only = ~_has_unclustered(store, f, rows) & rows["cluster_id"].notna()
        own["voice"] = np.where(
            clustered_only, "wire:" + rows["cluster_id"].fillna("").astype(str), rows["outlet"]
        )
    carriers = own.groupby("claim_id")["voice"].nunique()
    n_outlets = rows.groupby("claim_id")["outlet"].nunique()
    copies = rows[rows["only_copies"]].groupby("claim_id")["outlet"].nunique()
    values = rows.assign(v=np.where(rows["only_copies"], 2, 1)).pivot_table(
        index="claim_id", columns="outlet", values="v", fill_value=0, aggfunc="max"
    )
    values = values.reindex(columns=all_outlets, fill_value=0).astype(int)
    order = (
        pd.DataFrame({"carriers": carriers, "outlets": n_outlets})
        .reset_index()
        .sort_values(["carriers", "outlets", "claim_id"], ascending=[False, False, True])
    )
    values = values.loc[order["claim_id"]]
    # Statements are fetched for the rows a page can show, not for every singleton claim.
    texts = claim_store.claim_texts(store, f, [int(c) for c in order["claim_id"][:text_rows]])
    table = order.merge(texts, on="claim_id", how="left")
    table["copies"] = table["claim_id"].map(copies).fillna(0).astype(int)
    n_total = len(all_outlets)
    if wire_once:
        # Outlets seen here only through wire copies are not independent voices.
        copy_only = rows.groupby("outlet")["only_copies"].all()
        n_total -= int(copy_only.sum())
    # Independent voices: outlets, each wire cluster counting once when wire_once.
    nearly = max(2, math.ceil(NEARLY_ALL * n_total))
    few = max(1, math.floor(FEW * n_total)) if n_total >= 5 else 1
    table["mark"] = np.where(
        table["carriers"] >= nearly,
        "nearly all",
        np.where(table["carriers"] <= few, "few (blindspot)", ""),
    )
    values.columns.name = None
    values.index.name = "claim_id"
    return ClaimMap(values, table[list(empty_table.columns)], all_outlets, wire_once)


def _has_unclustered(store: Store, f: Filters, rows: pd.DataFrame) -> pd.Series:
    """Per (claim, outlet) row: does an article of the outlet outside any wire cluster
    carry the claim? (claim_rows reports one cluster per cell; this checks the rest.)"""
    copies = Filters.from_key(f.key()[:4] + ("copies",) + f.key()[5:])
    where, params = store.where(copies)
    own = store.frame(
        f"""SELECT DISTINCT m.claim_id, a.outlet FROM claim_members m
            JOIN articles a ON a.id = m.article_id
            WHERE {where}
              AND NOT EXISTS (SELECT 1 FROM article_clusters c WHERE c.article_id = m.article_id)""",
        params,
    )
    keys = set(zip(own["claim_id"].astype(int), own["outlet"], strict=True))
    return pd.Series(
        [(int(c), o) in keys for c, o in zip(rows["claim_id"], rows["outlet"], strict=True)],
        index=rows.index,
    )


def claim_pair(cm: ClaimMap, claim_id: int, store: Store, f: Filters) -> tuple[str, str] | None:
    """The two outlets that differ most on a claim: the carrier with most statements of it
    (its own article preferred over a copy) and the non-carrier with most articles under
    the filters (it covered the story most and still left the claim out). None when every
    outlet or no outlet carries it."""
    row = cm.values.loc[claim_id]
    carriers = [o for o in cm.outlets if row.get(o, 0) > 0]
    others = [o for o in cm.outlets if row.get(o, 0) == 0]
    if not carriers or not others:
        return None
    detail = claim_store.claim_rows(store, f)
    detail = detail[detail["claim_id"] == claim_id].set_index("outlet")
    carrier = max(
        carriers,
        key=lambda o: (row[o] == 1, int(detail["statements"].get(o, 0)), -cm.outlets.index(o)),
    )
    sizes = queries.outlet_summary(store, f).set_index("outlet")["articles"]
    other = max(others, key=lambda o: (int(sizes.get(o, 0)), -cm.outlets.index(o)))
    return carrier, other
