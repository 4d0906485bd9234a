"""The Timeline's event picker at any store size (no Streamlit here).

A store of 100,000 articles has over 100,000 dated events: a select box with one option
each is megabytes sent to the browser and unusable. The picker offers the PICKER_MAX
most-mentioned events (in date order), or the most-mentioned of those matching a search
(every word of it, in any case, found in the option's label: dates, outlet, expression);
an event picked before (from the URL or a click on the chart) stays among the options.
"""

from __future__ import annotations

import pandas as pd

from dashboard.output.figures import top_event_order

PICKER_MAX = 300
SEP = "|"  # option values: "start|end|outlet" (dates never hold "|")


def _iso(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d")


def _labelled(d: pd.DataFrame) -> pd.DataFrame:
    """`value` and `label` columns for the event rows `d` (whole-column string work)."""
    start, end = _iso(d["start_date"]), _iso(d["end_date"].fillna(d["start_date"]))
    outlet = d["outlet"].astype(str)
    when = start.where(start == end, start + " – " + end)
    more = pd.Series(
        [f" ({n} mentions)" if n > 1 else "" for n in d["mentions"]], index=d.index, dtype=str
    )
    return d.assign(
        value=start + SEP + end + SEP + outlet,
        label=when + " · " + outlet + " · " + d["text"].astype(str) + more,
    )


def matches(events: pd.DataFrame, search: str) -> pd.Series:
    """Which event rows match `search`: every whitespace-separated word of it is in the
    row's label (case-folded)."""
    words = search.casefold().split()
    if not words or events.empty:
        return pd.Series(True, index=events.index)
    hay = _labelled(events)["label"].str.casefold()
    mask = pd.Series(True, index=events.index)
    for word in words:
        mask &= hay.str.contains(word, regex=False)
    return mask


def event_options(
    events: pd.DataFrame, search: str = "", keep: str | None = None, limit: int | None = None
) -> tuple[dict[str, str], int]:
    """(value → label for the options, in date order; how many distinct events match).

    `events` is queries.event_points(); the same (start, end, outlet) with and without
    "approximate" is one option, labelled as its most-mentioned point."""
    limit = PICKER_MAX if limit is None else limit
    if events.empty:
        return {}, 0
    found = events[matches(events, search)]
    order = top_event_order(found)
    # A few spare rows for points that share a value with a more-mentioned one.
    top = _labelled(found.loc[order[: limit * 2]]).drop_duplicates("value").head(limit)
    if keep and keep not in set(top["value"]):
        picked = event_row(events, keep)
        if picked is not None:
            top = pd.concat([top, _labelled(picked)])
    top = top.sort_values(["start_date", "end_date", "outlet"], kind="stable")
    distinct = len(found[["outlet", "start_date", "end_date"]].drop_duplicates())
    return dict(zip(top["value"], top["label"], strict=True)), distinct


def event_row(events: pd.DataFrame, value: str) -> pd.DataFrame | None:
    """The most-mentioned event row behind an option value, or None when the value names
    no event of `events` (a stale link, another filter)."""
    try:
        start, end, outlet = value.split(SEP, 2)
        s, e = pd.Timestamp(start), pd.Timestamp(end)
    except ValueError:
        return None
    hit = events[
        (events["outlet"] == outlet)
        & (pd.to_datetime(events["start_date"]) == s)
        & (pd.to_datetime(events["end_date"].fillna(events["start_date"])) == e)
    ]
    if hit.empty:
        return None
    return hit.loc[top_event_order(hit)[:1]]
