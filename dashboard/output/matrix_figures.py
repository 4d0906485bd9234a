"""Heatmaps of the all-outlet matrices (frames, names, voices) and the claim map.

Pure builders: matrix in, Plotly figure out, for the Framing page and the exporter alike.
Every cell carries its raw row and column keys in `customdata`, so a click on the page can
open the sentences behind it. Labels are escaped (`figures.safe`) and bidi-isolated: Arabic
names and statements sit among English outlet names.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from dashboard.output.figures import _base, empty_figure, isolate
from dashboard.storage.matrices import ClaimMap, Matrix

SHARE_SCALE = [[0.0, "#f7fbff"], [0.15, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]]
# Claim map cells: 0 absent, 1 carried in the outlet's own article, 2 only via wire copies.
CLAIM_SCALE = [
    [0.0, "#f4f4f4"],
    [0.33, "#f4f4f4"],
    [0.34, "#1f6f3f"],
    [0.66, "#1f6f3f"],
    [0.67, "#9ecf9e"],
    [1.0, "#9ecf9e"],
]
ROW_PX = 22
MAX_CLAIM_ROWS = 40
CLAIM_LABEL_CHARS = 48
# Past this many outlets a claim map's column labels stand upright in a smaller font and its
# claim labels are cut shorter, so that 40 outlets' names do not run into each other.
MANY_OUTLETS = 20
# Plotly drops category labels it thinks crowded (every other outlet at 40 outlets):
# one tick per category, in a slightly smaller font.
EVERY_LABEL = {"tickmode": "linear", "dtick": 1, "tickfont": {"size": 11}}


def safe(text: str) -> str:
    """Escape for Plotly labels: <, > and & only; Plotly shows &quot; literally."""
    return html.escape(text, quote=False)


def _label(text: str, width: int | None = None) -> str:
    short = text if width is None or len(text) <= width else text[: width - 1] + "…"
    return isolate(safe(short))


def _click_layer(
    fig: go.Figure, x: list[str], y: list[str], keys: list[list[list]], hover: list[list[str]]
) -> go.Figure:
    """Invisible markers on every cell carrying its keys: Streamlit turns a click on a
    scatter point into a selection (it does not for heatmap cells), so this is what makes a
    cell clickable. They also carry the hover text."""
    fig.add_trace(
        go.Scatter(
            x=[xv for _ in y for xv in x],
            y=[yv for yv in y for _ in x],
            mode="markers",
            marker={"size": 16, "opacity": 0, "color": "#000"},
            customdata=[k for row in keys for k in row],
            text=[h for row in hover for h in row],
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector={"type": "heatmap"})
    return fig


def _title_above(fig: go.Figure) -> go.Figure:
    """The title above the column labels (which sit at the top), never over them."""
    fig.update_layout(
        title={"yref": "paper", "y": 1, "yanchor": "bottom", "automargin": True, "pad": {"b": 8}}
    )
    return fig


def matrix_heatmap(m: Matrix) -> go.Figure:
    """Outlets (rows, in the matrix's order) × columns, cells as shares of the outlet."""
    if m.values.empty:
        return empty_figure(m.title, "Nothing to show for the current filters.")
    outlets = list(m.values.index)
    cols = list(m.values.columns)
    z = m.values.to_numpy(dtype=float)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_label(m.labels.get(c, c), 32) for c in cols],
            y=[_label(o, 28) for o in outlets],
            zmin=0.0,
            zmax=max(1e-9, float(z.max())),
            colorscale=SHARE_SCALE,
            xgap=1,
            ygap=1,
            customdata=[[[o, c] for c in cols] for o in outlets],
            text=[[f"{v:.0%}" if v else "" for v in row] for row in z],
            texttemplate="%{text}" if len(outlets) * len(cols) <= 400 else None,
            hovertemplate="%{y}<br>%{x}: %{z:.0%}<extra></extra>",
            colorbar={"tickformat": ".0%", "thickness": 12},
        )
    )
    x_labels = [_label(m.labels.get(c, c), 32) for c in cols]
    y_labels = [_label(o, 28) for o in outlets]
    hover = [
        [f"{y_labels[i]}<br>{x_labels[j]}: {z[i, j]:.0%}" for j in range(len(cols))]
        for i in range(len(outlets))
    ]
    _click_layer(fig, x_labels, y_labels, [[[o, c] for c in cols] for o in outlets], hover)
    # Column labels under the cells: above them they would run into the title.
    fig.update_xaxes(side="bottom", tickangle=-35, automargin=True, **EVERY_LABEL)
    fig.update_yaxes(autorange="reversed", automargin=True, **EVERY_LABEL)
    height = max(320, 230 + ROW_PX * len(outlets))
    fig = _base(fig, m.title, height=height)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 60, "b": 20})
    return fig


def claim_map_heatmap(cm: ClaimMap, rows: int = MAX_CLAIM_ROWS) -> go.Figure:
    """Claims (rows, most widely carried first) × outlets; dark = carried in the outlet's
    own article, light = only through a wire copy."""
    title = "Claim map: which outlets carry each claim"
    if cm.values.empty:
        return empty_figure(title, "No claims for the current filters.")
    table = cm.table.head(rows)
    ids = [int(c) for c in table["claim_id"]]
    values = cm.values.loc[ids]
    outlets = list(values.columns)
    many = len(outlets) > MANY_OUTLETS
    label_chars = CLAIM_LABEL_CHARS * 3 // 4 if many else CLAIM_LABEL_CHARS
    labels = []
    for claim_id, text, carriers, mark in zip(
        table["claim_id"], table["text"], table["carriers"], table["mark"], strict=True
    ):
        flag = {"nearly all": "● ", "few (blindspot)": "○ "}.get(mark, "")
        labels.append(f"{flag}{_label(str(text or ''), label_chars)} ({carriers}) #{claim_id}")
    hover = [
        ["<br>".join(safe(line) for line in textwrap.wrap(str(text or ""), 70)) for _ in outlets]
        for text in table["text"]
    ]
    fig = go.Figure(
        go.Heatmap(
            z=values.to_numpy(dtype=float),
            x=[_label(o, 28) for o in outlets],
            y=labels,
            zmin=0,
            zmax=2,
            colorscale=CLAIM_SCALE,
            showscale=False,
            xgap=1,
            ygap=1,
            customdata=[[[c, o] for o in outlets] for c in ids],
            text=hover,
            hovertemplate="%{x}<br>%{text}<extra></extra>",
        )
    )
    x_labels = [_label(o, 28) for o in outlets]
    _click_layer(
        fig,
        x_labels,
        labels,
        [[[c, o] for o in outlets] for c in ids],
        [[f"{x_labels[j]}<br>{h}" for j, h in enumerate(row)] for row in hover],
    )
    x_axis = {**EVERY_LABEL, "tickfont": {"size": 10}} if many else EVERY_LABEL
    fig.update_xaxes(side="top", tickangle=-90 if many else -60, automargin=True, **x_axis)
    fig.update_yaxes(autorange="reversed", automargin=True, **EVERY_LABEL)
    fig = _base(fig, title, height=max(360, 280 + ROW_PX * len(ids)))
    fig = _title_above(fig)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 40, "b": 50},
        annotations=[
            {
                "text": "● nearly all · ○ few (blindspot) · dark: own article · light: wire copy",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -8,
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 11},
            }
        ],
    )
    return fig
