"""Chart details a reader notices: whole-number ticks on count axes."""

from __future__ import annotations

import pandas as pd

from dashboard.output import figures


def _speakers(rows):
    return pd.DataFrame(
        rows, columns=["outlet", "speaker", "kind", "role", "direct", "reported", "total"]
    )


def test_small_counts_get_one_tick_per_whole_number():
    fig = figures.outlet_articles_bar(pd.DataFrame({"outlet": ["A", "B"], "articles": [1, 1]}))
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tick0 == 0
    assert fig.layout.yaxis.tickformat == ",d"


def test_stacked_totals_decide_the_tick_step():
    # One speaker quoted 3 + 3 times by two outlets, stacked: 6 in all, still one per tick.
    small = _speakers([("A", "س", "official", "", 2, 1, 3), ("B", "س", "official", "", 3, 0, 3)])
    assert figures.speakers_bar(small).layout.xaxis.dtick == 1
    # 5 + 5 stacked = 10 > 8: Plotly picks the (whole-number) step itself.
    bigger = _speakers([("A", "س", "official", "", 5, 0, 5), ("B", "س", "official", "", 0, 5, 5)])
    axis = figures.speakers_bar(bigger).layout.xaxis
    assert axis.dtick is None and axis.tickformat == ",d"


def test_grouped_bars_use_the_largest_bar_not_the_sum():
    df = pd.DataFrame({"outlet": ["A", "B"], "name": ["المعاهدة", "المعاهدة"], "n": [6, 6]})
    fig = figures.naming_bar(df)
    assert fig.layout.barmode == "group"
    assert fig.layout.xaxis.dtick == 1  # 6, not 12


def test_past_ten_outlets_the_smaller_ones_share_one_grey_segment():
    # 14 outlets quote the same two people; outlet k quotes the first one k+1 times.
    rows = [(f"Outlet {k:02d}", "Ann Roe", "official", "", k + 1, 0, k + 1) for k in range(14)]
    rows += [(f"Outlet {k:02d}", "Bo Lee", "expert", "", 0, 1, 1) for k in range(14)]
    fig = figures.speakers_bar(_speakers(rows))
    legend = [t.name for t in fig.data if t.showlegend]
    # The ten largest outlets by name, then the four smallest summed.
    assert legend == [f"Outlet {k:02d}" for k in range(4, 14)] + ["4 other outlets"]
    other = [t for t in fig.data if t.legendgroup == "4 other outlets"]
    direct = dict(zip(other[0].y, other[0].x, strict=True))
    reported = dict(zip(other[1].y, other[1].x, strict=True))
    assert direct["Ann Roe"] == 1 + 2 + 3 + 4 and reported["Bo Lee"] == 4
    # A click on a segment selects its outlet; the summed one selects none.
    assert fig.data[0].customdata[0][2] == "Outlet 04" and other[0].customdata[0][2] == ""
    assert sum(sum(t.x) for t in fig.data) == sum(r[6] for r in rows)


def test_few_outlets_keep_their_own_segments():
    rows = [(f"Outlet {k}", "Ann Roe", "official", "", 1, 1, 2) for k in range(12)]
    fig = figures.speakers_bar(_speakers(rows))
    assert len(fig.data) == 24 and not any("other" in t.name for t in fig.data)


def test_sides_past_ten_are_summed_and_each_side_has_one_legend_entry():
    rows = [("A", f"Side {k:02d}", k + 1, 1, k + 2, 1) for k in range(13)]
    rows += [("A", "side not stated", 5, 5, 10, 4), ("B", "Side 00", 0, 2, 2, 1)]
    df = pd.DataFrame(rows, columns=["outlet", "side", "direct", "reported", "total", "speakers"])
    fig = figures.sides_bar(df)
    legend = [t.name for t in fig.data if t.showlegend]
    assert legend[:10] == [f"Side {k:02d}" for k in range(12, 2, -1)]
    assert legend[10:] == ["3 other sides", "side not stated"]
    other = [t for t in fig.data if t.legendgroup == "3 other sides"]
    # Sides 00, 01, 02 summed per outlet: A 1+2+3 direct, B 2 reported.
    assert list(other[0].y) == [6, 0] and list(other[1].y) == [3, 2]
    assert sum(sum(t.y) for t in fig.data) == df["total"].sum()


def test_coverage_past_ten_outlets_sums_the_smaller_ones_per_day():
    rows = [(f"Outlet {k:02d}", "2024-05-0" + str(1 + k % 3), k + 1, k % 2 == 0) for k in range(13)]
    df = pd.DataFrame(rows, columns=["outlet", "day", "articles", "estimated"])
    fig = figures.coverage_timeline(df)
    assert [t.name for t in fig.data] == [f"Outlet {k:02d}" for k in range(3, 13)] + [
        "3 other outlets"
    ]
    other = fig.data[-1]
    # Outlets 00 (day 1, estimated), 01 (day 2, stated), 02 (day 3, estimated): 1, 2, 3.
    assert list(other.y) == [1, 2, 3] and list(other.marker.pattern.shape) == ["/", "", "/"]
    assert {c[1] for c in other.customdata} == {""}
    assert sum(sum(t.y) for t in fig.data) == df["articles"].sum()
