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
