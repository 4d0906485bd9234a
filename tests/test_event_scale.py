"""The Timeline's event chart and picker stay bounded however many events a store has."""

import datetime as dt

import pandas as pd

from dashboard.output import figures
from dashboard.web import event_picker

OUTLETS = [f"Outlet {i}" for i in range(12)] + ["وكالة الأنباء"]


def _points(n: int, days: int = 400, step: int = 1) -> pd.DataFrame:
    """`n` event points (as queries.event_points returns them), spread over `days` days
    from 2020-01-01 and the outlets; point i has 1 + (i % 7 == 0) * (i % 50) mentions."""
    base = dt.date(2020, 1, 1)
    rows = []
    for i in range(n):
        start = base + dt.timedelta(days=(i * step) % days)
        span = 6 if i % 10 == 0 else 0  # every tenth is a week-long period
        rows.append(
            {
                "outlet": OUTLETS[i % len(OUTLETS)],
                "start_date": start,
                "end_date": start + dt.timedelta(days=span),
                "approximate": i % 3 == 0,
                "mentions": 1 + (i % 7 == 0) * (i % 50),
                "text": f"expression {i}",
                "granularity": "week" if span else "day",
                "sentence": f"sentence {i}",
                "title": f"title {i}",
                "article_id": f"a{i}",
            }
        )
    return pd.DataFrame(rows)


def _marks(fig):
    cells = [t for t in fig.data if t.mode == "markers" and t.marker.symbol == "square"]
    dots = [
        t
        for t in fig.data
        if t.mode == "markers" and t.marker.symbol != "square" and list(t.x) != [None]
    ]
    return cells, dots


def test_small_charts_draw_every_event():
    df = _points(figures.EVENT_MARKS_MAX)
    fig = figures.event_timeline(df)
    cells, dots = _marks(fig)
    assert not cells and not fig.layout.annotations
    assert sum(len(t.x) for t in dots) == figures.EVENT_MARKS_MAX


def test_large_charts_draw_the_top_events_and_count_the_rest_per_day():
    df = _points(6000, days=100)  # 13 outlets × 100 days: at most 1,300 day cells
    fig = figures.event_timeline(df)
    cells, dots = _marks(fig)
    assert sum(len(t.x) for t in dots) == figures.EVENT_TOP
    drawn = {(c[0], c[1]) for t in dots for c in t.customdata}
    top = df.loc[figures.top_event_order(df)[: figures.EVENT_TOP]]
    assert drawn == {
        (o, s.isoformat()) for o, s in zip(top["outlet"], top["start_date"], strict=True)
    }
    assert top["mentions"].min() >= df.drop(top.index)["mentions"].max()
    (cell,) = cells
    assert cell.name == "other events, per day"
    assert len(cell.x) <= figures.EVENT_CELLS_MAX
    # Exact counts in the hover: every event not drawn is counted once, mentions summed.
    assert "%{customdata[5]:,} other dated event(s)" in cell.hovertemplate
    assert sum(c[5] for c in cell.customdata) == 6000 - figures.EVENT_TOP
    assert sum(c[6] for c in cell.customdata) == df["mentions"].sum() - top["mentions"].sum()
    assert all(c[3] == "cell" and len(c[1]) == 10 and c[4] == c[1] for c in cell.customdata)
    assert "of 6,000 dated events" in fig.layout.annotations[0].text
    assert len(fig.to_json()) < 600_000


def test_cells_fall_back_to_months_when_days_are_too_many():
    # 13 outlets × 1,500 days: 6,000 day cells, more than EVENT_CELLS_MAX; 650 month cells.
    df = _points(6000, days=1500, step=7)
    fig = figures.event_timeline(df)
    (cell,), dots = _marks(fig)
    assert cell.name == "other events, per month"
    assert len(cell.x) <= figures.EVENT_CELLS_MAX
    assert all(len(c[1]) == 7 for c in cell.customdata)  # "2021-03"
    assert sum(c[5] for c in cell.customdata) == 6000 - figures.EVENT_TOP
    assert sum(len(t.x) for t in dots) == figures.EVENT_TOP


def test_picker_offers_the_most_mentioned_events_in_date_order():
    df = _points(2000)
    labels, found = event_picker.event_options(df)
    assert found == 2000 and len(labels) == event_picker.PICKER_MAX
    starts = [v.split("|")[0] for v in labels]
    assert starts == sorted(starts)
    top = df.loc[figures.top_event_order(df)[: event_picker.PICKER_MAX]]
    rest = df.drop(top.index)
    assert top["mentions"].min() >= rest["mentions"].max()
    assert set(labels) == {
        f"{s}|{e}|{o}" for s, e, o in top[["start_date", "end_date", "outlet"]].values
    }
    assert sum("mentions)" in label for label in labels.values()) == (top["mentions"] > 1).sum()


def test_picker_search_and_a_kept_pick():
    df = _points(2000)
    day = df[df["outlet"] == "وكالة الأنباء"]["start_date"].iloc[3]
    labels, found = event_picker.event_options(df, f"{day} وكالة")
    want = df[(df["start_date"] == day) & (df["outlet"] == "وكالة الأنباء")]
    assert found == len(want) > 0 and len(labels) == found
    assert all(v.startswith(f"{day}|") and v.endswith("|وكالة الأنباء") for v in labels)
    # A pick from the URL outside the top stays an option; a stale one is no event.
    quiet = df[df["mentions"] == 1].iloc[-1]
    value = f"{quiet.start_date}|{quiet.end_date}|{quiet.outlet}"
    labels, _ = event_picker.event_options(df, keep=value)
    assert value in labels and len(labels) == event_picker.PICKER_MAX + 1
    assert labels[value] == f"{quiet.start_date} · {quiet.outlet} · {quiet.text}"
    assert event_picker.event_row(df, "1999-01-01|1999-01-01|Outlet 1") is None
    assert event_picker.event_row(df, "no value") is None
    assert event_picker.event_options(df.iloc[:0]) == ({}, 0)
