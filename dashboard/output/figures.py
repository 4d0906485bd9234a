"""Pure Plotly figure builders: page data in, figure out.

The same functions feed the pages and the image exporter, so a chart looks the same on
screen and in a report. Any article-derived string placed in a figure goes through
`safe()`: Plotly interprets a subset of HTML in labels and hover text, and article text is
untrusted.
"""

from __future__ import annotations

import html
import textwrap
import zlib

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

# Every figure of the process on the white template, set once: naming the template in each
# figure's update_layout validated the whole template again (~20 ms a figure, more than the
# rest of most figures; a page draws up to a dozen).
pio.templates.default = "plotly_white"

# Fonts with Arabic glyphs first; the exporter registers the packaged fonts with fontconfig.
FONT_FAMILY = "IBM Plex Sans Arabic, Amiri, Noto Naskh Arabic, DejaVu Sans, sans-serif"
KIND_COLORS = {
    "official": "#1f77b4",
    "state": "#17becf",
    "expert": "#2ca02c",
    "media": "#ff7f0e",
    "organisation": "#9467bd",
    "anonymous": "#7f7f7f",
    "other": "#bcbd22",
}
FRAME_LABELS_FALLBACK = {
    "security": "Security / military threat",
    "geopolitics": "Geopolitics / world order",
    "economy": "Economy / sanctions",
    "law_diplomacy": "Law / diplomacy",
    "ukraine_war": "War in Ukraine",
    "human_interest": "Human interest",
}


def safe(value: object, width: int | None = None) -> str:
    """Escape untrusted text for Plotly labels/hover; optionally wrap long lines."""
    text = "" if value is None else str(value)
    if width:
        text = "<br>".join(html.escape(line) for line in textwrap.wrap(text, width) or [""])
        return text
    return html.escape(text)


def isolate(text: str) -> str:
    """Wrap already-escaped text in Unicode first-strong isolates, so an Arabic title
    inside an English hover line (or the reverse) keeps its own direction; SVG text has
    no <bdi>."""
    return f"\u2068{text}\u2069" if text else text


def hover_align(text: object) -> str:
    """Hover box alignment for a point whose main text is `text`: right for Arabic."""
    from dashboard.analysis.textproc import detect_language

    return "right" if detect_language(str(text or "")) == "ar" else "left"


def _base(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": safe(title)},
        font={"family": FONT_FAMILY, "size": 13},
        height=height,
        margin={"l": 40, "r": 20, "t": 60, "b": 40},
        legend={"title": {"text": ""}},
        hoverlabel={"font": {"family": FONT_FAMILY}, "align": "auto"},
    )
    return fig


def _count_axis(fig: go.Figure, axis: str) -> go.Figure:
    """Whole-number ticks on the axis that counts articles/statements/mentions: Plotly's
    automatic ticks for small counts (0, 0.2, 0.4 …) suggest fractions of an article."""
    stacked = fig.layout.barmode == "stack"
    totals: dict = {}
    for trace in fig.data:
        values = trace.x if axis == "x" else trace.y
        cats = trace.y if axis == "x" else trace.x
        if values is None:
            continue
        cats = cats if cats is not None else range(len(values))
        for cat, v in zip(cats, values, strict=False):
            v = float(v or 0)
            totals[cat] = totals.get(cat, 0.0) + v if stacked else max(totals.get(cat, 0.0), v)
    top = max(totals.values(), default=0)
    settings = {"tickformat": ",d", "rangemode": "tozero"}
    if top <= 8:
        settings |= {"tick0": 0, "dtick": 1}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def empty_figure(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=safe(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base(fig, title, height=260)


# Past this many outlets (or sides) a chart keeps the largest ones as their own series and
# sums the rest into one grey bar: 40 colours cannot be told apart, and every series is a
# legend entry and a set of SVG paths the browser measures and redraws on each resize (at 40
# outlets the Speakers page's charts kept the browser's main thread busy for seconds).
CHART_SERIES_MAX = 10
OTHER_COLOR = "#8c8c8c"


def _largest(totals: pd.Series, keep: int = CHART_SERIES_MAX) -> tuple[list, list]:
    """(kept, rest): the `keep` largest keys of `totals` (ties by name), all of them when
    merging would fold away only one or two."""
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if len(ranked) <= keep + 2:
        return [k for k, _ in ranked], []
    return [k for k, _ in ranked[:keep]], [k for k, _ in ranked[keep:]]


def coverage_timeline(df: pd.DataFrame) -> go.Figure:
    """Articles per day per outlet; estimated publication dates drawn hatched. Past
    CHART_SERIES_MAX outlets the smaller ones are summed in one grey series."""
    title = "Coverage over time (articles per day)"
    if df.empty:
        return empty_figure(title, "No dated articles for the current filters.")
    fig = go.Figure()
    kept, rest = _largest(df.groupby("outlet")["articles"].sum())
    series = [(o, safe(o), outlet_color(o), df[df["outlet"] == o]) for o in sorted(kept)]
    if rest:
        others = (
            df[df["outlet"].isin(rest)]
            .groupby(["day", "estimated"], as_index=False)["articles"]
            .sum()
            .sort_values(["day", "estimated"])
        )
        series.append(("", f"{len(rest)} other outlets", OTHER_COLOR, others))
    for outlet, name, color, sub in series:
        est = sub["estimated"].astype(bool)
        fig.add_bar(
            x=pd.to_datetime(sub["day"]),
            y=sub["articles"],
            name=name,
            marker_color=color,
            width=86_400_000 * 0.8,
            marker_pattern_shape=["/" if e else "" for e in est],
            # [1] and [2] identify the bar for click-through (provenance; "" = the summed
            # outlets, which a click does not open); never displayed.
            customdata=[
                ["estimated" if e else "stated", outlet, pd.Timestamp(day).date().isoformat()]
                for e, day in zip(est, sub["day"], strict=True)
            ],
            hovertemplate="%{x|%Y-%m-%d}<br>%{y} article(s)<br>date: %{customdata[0]}<extra>"
            + name
            + "</extra>",
        )
    fig.update_layout(barmode="stack", xaxis_title="publication date", yaxis_title="articles")
    if df["estimated"].any():
        fig.add_annotation(
            text="hatched = estimated publication date",
            showarrow=False,
            x=1,
            y=1.08,
            xref="paper",
            yref="paper",
            xanchor="right",
            font={"size": 11},
        )
    days = pd.to_datetime(df["day"])
    fig.update_xaxes(
        tickformat="%Y-%m-%d",
        range=[days.min() - pd.Timedelta(days=3), days.max() + pd.Timedelta(days=3)],
    )
    return _base(_count_axis(fig, "y"), title)


EVENT_HOVER_FULL_MAX = 2000
# Above EVENT_MARKS_MAX points the chart stays bounded whatever the store size: the
# EVENT_TOP most-mentioned events are drawn one by one (hover, click-through), the others
# as one square per outlet and day (month, quarter, year when there would be more than
# EVENT_CELLS_MAX squares), with their exact counts in the hover.
EVENT_MARKS_MAX = 1500
EVENT_TOP = 300
EVENT_CELLS_MAX = 3500
# (pandas period, the cell's label, the text the picker's search finds it by, its name)
_CELL_UNITS = (
    ("D", "%Y-%m-%d", "%Y-%m-%d", "day"),
    ("M", "%Y-%m", "%Y-%m", "month"),
    ("Q", "%Y Q%q", "%Y", "quarter"),
    ("Y", "%Y", "%Y", "year"),
)


def _one_point_per_event(d: pd.DataFrame) -> pd.DataFrame:
    """One point per (outlet, period, approximate): the first mention stands for the others
    in the hover and `mentions` counts them. With thousands of articles a point per
    mention makes a figure of tens of megabytes that the browser cannot draw in time;
    the click-through (provenance) still lists every sentence behind a point."""
    keys = ["outlet", "start", "end", "approximate"]
    d = d.sort_values(keys, kind="stable")
    mentions = d.groupby(keys, sort=False, dropna=False)["start"].transform("size")
    first = ~d.duplicated(keys)
    return d.assign(mentions=mentions)[first].reset_index(drop=True)


def top_event_order(d: pd.DataFrame) -> pd.Index:
    """The rows of event points from the most mentioned down (ties: earlier event first,
    then outlet): the order in which the chart draws events one by one and the event
    picker offers them."""
    start = "start" if "start" in d.columns else "start_date"
    end = "end" if "end" in d.columns else "end_date"
    keys = d[["mentions", start, end, "outlet"]]  # sort the keys only, not the long texts
    return keys.sort_values(
        list(keys.columns), ascending=[False, True, True, True], kind="stable"
    ).index


def _event_cells(rest: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The events not drawn one by one, counted per outlet and day (or month, quarter, year,
    whichever first gives at most EVENT_CELLS_MAX cells): one row per cell with `events`,
    `mentions`, its label (the date as the picker's search finds it) and its x."""
    for spec in _CELL_UNITS:
        unit = spec[0]
        period = rest["mid"].dt.to_period(unit)
        cells = (
            rest.assign(period=period)
            .groupby(["outlet", "period"], sort=True)
            .agg(events=("mentions", "size"), mentions=("mentions", "sum"))
            .reset_index()
        )
        if len(cells) <= EVENT_CELLS_MAX or unit == "Y":
            break
    return _label_cells(cells, unit)


def _label_cells(cells: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, str]:
    """`x`, `label` and `find` for cells with a pandas `period` of `unit`; the unit's name."""
    _, fmt, find, name = next(spec for spec in _CELL_UNITS if spec[0] == unit)
    cells = cells.copy()
    if not isinstance(cells["period"].dtype, pd.PeriodDtype):  # first days, from SQL
        cells["period"] = pd.to_datetime(cells["period"]).dt.to_period(unit)
    first = cells["period"].dt.start_time
    last = cells["period"].dt.end_time
    cells["x"] = first if unit == "D" else first + (last - first) / 2
    cells["label"] = cells["period"].dt.strftime(fmt)
    cells["find"] = first.dt.strftime(find)
    return cells, name


def event_timeline(df: pd.DataFrame, cells: pd.DataFrame | None = None) -> go.Figure:
    """Dated events mentioned in the articles: points for days, lines for periods. `df` is
    queries.event_points() (one row per point, with `mentions`) or one row per mention.
    With more than EVENT_MARKS_MAX points, the EVENT_TOP most mentioned are drawn and the
    others summed per outlet and day (or month, or year) as squares.

    At scale the page passes the bounded form instead (queries.event_chart): `df` the
    EVENT_TOP most-mentioned points (with `attrs["total"]` the number of points) and `cells`
    the others per outlet and period — the same chart."""
    title = "Events the articles mention"
    if df.empty:
        return empty_figure(title, "No dated events found for the current filters.")
    d = df.copy()
    d["start"] = pd.to_datetime(d["start_date"])
    d["end"] = pd.to_datetime(d["end_date"]).fillna(d["start"])
    if "mentions" not in d.columns:  # one row per mention, not the points of event_points()
        d = _one_point_per_event(d)
    d["mid"] = d["start"] + (d["end"] - d["start"]) / 2
    total = len(d)
    if cells is not None:  # the bounded form: the top points and the others' cells
        total = int(df.attrs.get("total", len(d)))
        cells, unit = _label_cells(cells, cells.attrs.get("unit", "D"))
    elif total > EVENT_MARKS_MAX:
        order = top_event_order(d)
        rest = d.loc[order[EVENT_TOP:]]
        d = d.loc[sorted(order[:EVENT_TOP])]
        cells, unit = _event_cells(rest)
    # Thousands of points: the hover keeps the expression, dates and outlet; the title and
    # sentence are one click away (provenance) instead of megabytes of hover text.
    compact = len(d) > EVENT_HOVER_FULL_MAX
    d["hover"] = [
        f"<b>{safe(t)}</b> ({g}{', approximate' if a else ''})<br>"
        f"{s:%Y-%m-%d}{'' if e == s else f' – {e:%Y-%m-%d}'}<br>"
        + (
            isolate(safe(o))
            if compact
            else f"{isolate(safe(o))} · {isolate(safe(title_, 60))}<br>{isolate(safe(sent, 70))}"
        )
        + (f"<br><i>+{n - 1} more mention(s): click to list them</i>" if n > 1 else "")
        for t, g, a, s, e, o, title_, sent, n in zip(
            d["text"],
            d["granularity"],
            d["approximate"],
            d["start"],
            d["end"],
            d["outlet"],
            d["title"],
            d["sentence"],
            d["mentions"],
            strict=True,
        )
    ]
    fig = go.Figure()
    outlets = sorted(
        d["outlet"].unique() if cells is None else set(d["outlet"]) | set(cells["outlet"])
    )
    if cells is not None:
        fig.add_scatter(
            x=cells["x"],
            y=[safe(o) for o in cells["outlet"]],
            mode="markers",
            name=f"other events, per {unit}",
            marker={
                "size": [min(6 + 2 * (n - 1) ** 0.5, 22) for n in cells["events"]],
                "color": [outlet_color(o) for o in cells["outlet"]],
                "symbol": "square",
                "opacity": 0.3,
                "line": {"width": 0},
            },
            # The counts in a template, not a hover text per square (bytes at thousands).
            hovertemplate=(
                "<b>%{customdata[4]}</b> · \u2068%{y}\u2069<br>%{customdata[5]:,} other dated "
                "event(s), %{customdata[6]:,} mention(s)<br>"
                "<i>click to search them in the list</i><extra></extra>"
            ),
            # A cell, not an event: the page searches the picker for its outlet and date.
            customdata=[
                [o, key, "", "cell", lab, int(n), int(m)]
                for o, key, lab, n, m in zip(
                    cells["outlet"],
                    cells["find"],
                    cells["label"],
                    cells["events"],
                    cells["mentions"],
                    strict=True,
                )
            ],
        )
        fig.add_annotation(
            text=(
                f"The {len(d):,} most-mentioned of {total:,} dated events are drawn one by "
                f"one;<br>the other {total - len(d):,} as squares per outlet and {unit} "
                "(hover for counts)."
            ),
            showarrow=False,
            x=0,
            y=1.0,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="bottom",
            font={"size": 11},
        )
    # One trace for every outlet's points and one per colour for the periods' segments, not
    # two per outlet: the y axis names the outlets, and at 40 outlets 80 traces cost the
    # browser more than their points (every trace is measured and restyled on each resize).
    d = d.assign(_rank=d["outlet"].map({o: i for i, o in enumerate(outlets)}))
    d = d.sort_values(["_rank", "mid"], kind="stable")
    segments: dict[str, tuple[list, list]] = {}
    for outlet, s, e in zip(d["outlet"], d["start"], d["end"], strict=True):
        if e > s:  # periods (weeks, months, years, ranges) as horizontal segments
            xs, ys = segments.setdefault(outlet_color(outlet), ([], []))
            xs += [s, e, None]
            ys += [safe(outlet), safe(outlet), None]
    for color, (xs, ys) in segments.items():
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"width": 8, "color": color},
            opacity=0.35,
            hoverinfo="skip",
            showlegend=False,
        )
    colors = [outlet_color(o) for o in d["outlet"]]
    fig.add_scatter(
        x=d["mid"],
        y=[safe(o) for o in d["outlet"]],
        mode="markers",
        name="dated events",
        showlegend=False,
        marker={
            # Area grows with the number of mentions behind the point.
            "size": [min(11 + 3 * (n - 1) ** 0.5, 30) for n in d["mentions"]],
            "color": colors,
            "symbol": ["circle-open" if a else "circle" for a in d["approximate"]],
            "line": {"width": 2, "color": colors},
        },
        hovertext=d["hover"],
        hoverinfo="text",
        hoverlabel={"align": [hover_align(t) for t in d["title"]]},
        # Identifies the point for click-through (provenance); never displayed.
        customdata=[
            [o, s.date().isoformat(), e.date().isoformat()]
            for o, s, e in zip(d["outlet"], d["start"], d["end"], strict=True)
        ],
    )
    if cells is not None:
        # The legend's swatch of a many-coloured trace takes its first point's colour: a
        # neutral stand-in names the dots next to the squares instead.
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name="dated events (colour = outlet)",
            marker={"size": 11, "color": OTHER_COLOR},
            hoverinfo="skip",
        )
    fig.update_layout(xaxis_title="date of the event", yaxis_title="")
    # Every event in view by default, and no range slider: a view focused on the period
    # around publication hid older events behind the slider, and the slider itself came out
    # in every exported image. Zooming is a drag on the chart (double-click to reset).
    fig.update_xaxes(tickformat="%Y-%m-%d", rangeslider={"visible": False})
    # Outlets in a fixed order (the squares' trace comes first and lists them unsorted).
    fig.update_yaxes(categoryorder="array", categoryarray=[safe(o) for o in outlets])
    fig = _base(fig, title, height=max(340, 170 + 60 * len(outlets)))
    if cells is not None:  # room for the two-line note under the title
        fig.update_layout(margin={"t": 95})
    return fig


def speakers_bar(df: pd.DataFrame, top: int = 20) -> go.Figure:
    """Speakers by number of statements, split direct/reported, one bar segment per outlet
    (the largest CHART_SERIES_MAX outlets; the others summed in one grey segment)."""
    title = "Who is quoted or cited"
    if df.empty:
        return empty_figure(title, "No attributed statements for the current filters.")
    agg = (
        df.groupby(["speaker"], as_index=False)[["direct", "reported", "total"]]
        .sum()
        .sort_values("total", ascending=False)
        .head(top)
    )
    keep = set(agg["speaker"])
    d = df[df["speaker"].isin(keep)]
    order = list(agg.sort_values("total")["speaker"])
    kept, rest = _largest(d.groupby("outlet")["total"].sum())
    fig = go.Figure()

    def add(sub: pd.DataFrame, name: str, color: str, outlet: str) -> None:
        # customdata[2]: the outlet a click selects ("" = all outlets), never displayed.
        for how, pattern in (("direct", ""), ("reported", "/")):
            fig.add_bar(
                y=[safe(s) for s in sub["speaker"]],
                x=sub[how],
                orientation="h",
                name=name if how == "direct" else f"{name} · {how}",
                marker_color=color,
                marker_pattern_shape=pattern,
                legendgroup=name,
                # One legend entry per outlet (its group toggles both parts): the caption
                # says hatched = reported.
                showlegend=how == "direct",
                customdata=list(
                    zip(
                        [safe(k) for k in sub["kind"]],
                        [safe(r, 50) for r in sub["role"]],
                        [outlet] * len(sub),
                        strict=True,
                    )
                ),
                hovertemplate="%{y}<br>%{x} " + how + "<br>kind: %{customdata[0]}<br>"
                "%{customdata[1]}<extra>" + name + "</extra>",
            )

    for outlet in sorted(kept):
        add(d[d["outlet"] == outlet], safe(outlet), outlet_color(outlet), outlet)
    if rest:
        others = d[d["outlet"].isin(rest)]
        summed = others.groupby("speaker", as_index=False).agg(
            direct=("direct", "sum"),
            reported=("reported", "sum"),
            kind=("kind", "first"),
            outlets=("outlet", "nunique"),
        )
        summed["role"] = [f"in {n} of the other outlets" for n in summed["outlets"]]
        add(summed, f"{len(rest)} other outlets", OTHER_COLOR, "")
    fig.update_layout(barmode="stack", xaxis_title="statements", yaxis_title="")
    fig.update_yaxes(categoryorder="array", categoryarray=[safe(s) for s in order])
    return _base(_count_axis(fig, "x"), title, height=max(320, 110 + 26 * len(order)))


def kinds_bar(df: pd.DataFrame) -> go.Figure:
    title = "Kinds of voices per outlet"
    if df.empty:
        return empty_figure(title, "No attributed statements for the current filters.")
    fig = go.Figure()
    for kind in KIND_COLORS:
        sub = df[df["kind"] == kind]
        if sub.empty:
            continue
        fig.add_bar(
            x=[safe(o) for o in sub["outlet"]],
            y=sub["total"],
            name=kind,
            marker_color=KIND_COLORS[kind],
            customdata=list(zip(sub["direct"], sub["reported"], strict=True)),
            hovertemplate="%{x}<br>" + kind + ": %{y} (direct %{customdata[0]}, "
            "reported %{customdata[1]})<extra></extra>",
        )
    fig.update_layout(barmode="stack", yaxis_title="statements", xaxis_title="")
    return _base(_count_axis(fig, "y"), title)


def distinctive_bar(rows: pd.DataFrame, outlet: str) -> go.Figure:
    title = f"Most distinctive terms: {outlet}"
    sub = rows[rows["outlet"] == outlet] if not rows.empty else rows
    if sub.empty:
        return empty_figure(title, "Distinctive terms need at least two outlets.")
    sub = sub.sort_values("z")
    fig = go.Figure(
        go.Bar(
            x=sub["z"],
            y=[safe(t) for t in sub["term"]],
            orientation="h",
            marker_color="#1f77b4",
            # [3] is the raw term for click-through (provenance); never displayed.
            customdata=list(
                zip(sub["count_a"], sub["count_b"], sub["delta"], sub["term"], strict=True)
            ),
            hovertemplate="%{y}<br>z = %{x:.2f}<br>here: %{customdata[0]}, "
            "other outlets: %{customdata[1]}<br>log-odds δ = %{customdata[2]:.2f}<extra></extra>",
        )
    )
    fig.update_traces(marker_color=outlet_color(outlet))
    fig.update_layout(xaxis_title="z-score of log-odds ratio (vs. all other outlets)")
    return _base(fig, title, height=max(300, 100 + 24 * len(sub)))


def frames_chart(df: pd.DataFrame, labels: dict[str, str] | None = None) -> go.Figure:
    title = "Frame profile (share of sentences with the frame's cues)"
    if df.empty:
        return empty_figure(title, "No frame cues found for the current filters.")
    labels = labels or FRAME_LABELS_FALLBACK
    fig = go.Figure()
    for outlet, sub in df.groupby("outlet", sort=True):
        fig.add_bar(
            x=[labels.get(f, f) for f in sub["frame"]],
            y=sub["score"],
            name=safe(outlet),
            marker_color=outlet_color(outlet),
            hovertemplate="%{x}<br>%{y:.0%} of sentences<extra>" + safe(outlet) + "</extra>",
        )
    fig.update_layout(barmode="group", yaxis_tickformat=".0%", yaxis_title="share of sentences")
    return _base(fig, title)


def naming_bar(df: pd.DataFrame, top: int = 15) -> go.Figure:
    title = "How each outlet names the event"
    if df.empty:
        return empty_figure(title, "No event names found for the current filters.")
    totals = df.groupby("name")["n"].sum().sort_values(ascending=False).head(top)
    d = df[df["name"].isin(totals.index)]
    fig = go.Figure()
    for outlet, sub in d.groupby("outlet", sort=True):
        fig.add_bar(
            y=[safe(n) for n in sub["name"]],
            x=sub["n"],
            orientation="h",
            name=safe(outlet),
            marker_color=outlet_color(outlet),
            hovertemplate="%{y}: %{x}<extra>" + safe(outlet) + "</extra>",
        )
    fig.update_layout(barmode="group", xaxis_title="mentions")
    fig.update_yaxes(categoryorder="array", categoryarray=[safe(n) for n in totals.index[::-1]])
    return _base(_count_axis(fig, "x"), title, height=max(300, 100 + 28 * len(totals)))


def outlet_articles_bar(df: pd.DataFrame) -> go.Figure:
    title = "Articles per outlet"
    if df.empty:
        return empty_figure(title, "No articles for the current filters.")
    fig = go.Figure(
        go.Bar(
            x=[safe(o) for o in df["outlet"]],
            y=df["articles"],
            marker_color=[outlet_color(o) for o in df["outlet"]],
            hovertemplate="%{x}: %{y} article(s)<extra></extra>",
            customdata=[[o] for o in df["outlet"]],  # raw outlet for click-through
        )
    )
    fig.update_layout(yaxis_title="articles")
    return _base(_count_axis(fig, "y"), title, height=320)


def attribute_bar(df: pd.DataFrame, label: str) -> go.Figure:
    """Articles per outlet attribute value (country, region or type; Outlets page): the
    dashboard's palette, "unknown" in grey, whole-number ticks like every count axis."""
    title = f"Articles per {label.lower()}"
    if df.empty:
        return empty_figure(title, "No articles for the current filters.")
    values = [str(v) for v in df["value"]]
    fig = go.Figure(
        go.Bar(
            x=[safe(v) for v in values],
            y=df["articles"],
            customdata=df["outlets"],
            marker_color=[
                "#c7c7c7" if v == "unknown" else _palette(i) for i, v in enumerate(values)
            ],
            hovertemplate="%{x}: %{y} articles from %{customdata} outlets<extra></extra>",
        )
    )
    fig.update_layout(xaxis_title=label, yaxis_title="articles")
    return _base(_count_axis(fig, "y"), title, height=380)


_PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
    "#8c6d31",
    "#7b4173",
    "#3182bd",
    "#e6550d",
]


def _palette(i: int) -> str:
    return _PALETTE[i % len(_PALETTE)]


def outlet_color(outlet: str) -> str:
    """The same outlet gets the same colour on every chart and every page."""
    return _PALETTE[zlib.crc32(outlet.encode("utf-8")) % len(_PALETTE)]


def frame_profile_pair(
    sides: list[tuple[str, dict[str, float]]], labels: dict[str, str] | None = None
) -> go.Figure:
    """Frame profiles of the two sides of a comparison (label, frame -> share) on one chart."""
    title = "Frame profile (share of sentences with the frame's cues)"
    frames = list(dict.fromkeys(f for _, scores in sides for f in scores))
    if not frames:
        return empty_figure(title, "No frame cues in either text.")
    labels = labels or FRAME_LABELS_FALLBACK
    fig = go.Figure()
    for label, scores in sides:
        fig.add_bar(
            y=[labels.get(f, f) for f in frames],
            x=[scores.get(f, 0.0) for f in frames],
            orientation="h",
            name=safe(label),
            marker_color=outlet_color(label),
            hovertemplate="%{y}<br>%{x:.0%} of sentences<extra>" + safe(label) + "</extra>",
        )
    fig.update_layout(barmode="group", xaxis_tickformat=".0%", xaxis_title="share of sentences")
    fig.update_yaxes(autorange="reversed")
    return _base(fig, title, height=max(300, 110 + 52 * len(frames)))


def sides_bar(df: pd.DataFrame) -> go.Figure:
    """Each outlet's statements by the side of the person speaking; reported hatched. The
    largest CHART_SERIES_MAX stated sides have their own colour; the others are summed."""
    title = "Whose side speaks: statements by the speaker's side"
    if df.empty:
        return empty_figure(title, "No attributed statements for the current filters.")
    unstated = "side not stated"
    totals = df.groupby("side")["total"].sum()
    kept, rest = _largest(totals[totals.index != unstated])
    other = f"{len(rest)} other sides"
    series = kept + ([other] if rest else []) + ([unstated] if unstated in totals.index else [])
    if rest:
        df = df.assign(side=df["side"].where(~df["side"].isin(rest), other))
        df = df.groupby(["outlet", "side"], as_index=False)[
            ["direct", "reported", "total", "speakers"]
        ].sum()
    outlets = sorted(df["outlet"].unique())
    fig = go.Figure()
    for i, side in enumerate(series):
        sub = df[df["side"] == side].set_index("outlet").reindex(outlets).fillna(0)
        color = {unstated: "#c7c7c7", other: OTHER_COLOR}.get(side) or _palette(i)
        for how, pattern in (("direct", ""), ("reported", "/")):
            fig.add_bar(
                x=[safe(o) for o in outlets],
                y=sub[how].astype(int),
                name=safe(side) if how == "direct" else f"{safe(side)} · {how}",
                legendgroup=safe(side),
                # One legend entry per side (its group toggles both parts; the caption says
                # hatched = reported): every entry is text the browser measures.
                showlegend=how == "direct",
                marker_color=color,
                marker_pattern_shape=pattern,
                customdata=sub["speakers"].astype(int),
                hovertemplate="%{x}<br>"
                + safe(side)
                + ": %{y} "
                + how
                + "<br>%{customdata} speaker(s) on this side<extra></extra>",
            )
    fig.update_layout(barmode="stack", yaxis_title="statements", xaxis_title="")
    return _base(_count_axis(fig, "y"), title)


def directness_bar(df: pd.DataFrame) -> go.Figure:
    """Share of direct quotes and reported statements per outlet (from kind or speaker
    counts: any rows with outlet, direct and reported)."""
    title = "Direct quotes vs reported statements"
    if df.empty:
        return empty_figure(title, "No attributed statements for the current filters.")
    agg = df.groupby("outlet", as_index=False)[["direct", "reported"]].sum()
    agg = agg.sort_values("outlet")
    n = (agg["direct"] + agg["reported"]).clip(lower=1)
    fig = go.Figure()
    for how, pattern in (("direct", ""), ("reported", "/")):
        fig.add_bar(
            y=[safe(o) for o in agg["outlet"]],
            x=agg[how] / n,
            orientation="h",
            name=how,
            marker_color=[outlet_color(o) for o in agg["outlet"]],
            marker_pattern_shape=pattern,
            marker_line={"color": "#ffffff", "width": 1},
            customdata=agg[how],
            hovertemplate="%{y}<br>" + how + ": %{customdata} (%{x:.0%})<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis_tickformat=".0%",
        xaxis_title="share of statements (hatched = reported)",
        yaxis_title="",
        showlegend=False,
    )
    return _base(fig, title, height=max(220, 120 + 40 * len(agg)))
