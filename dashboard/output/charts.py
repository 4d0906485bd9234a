"""The registry of every chart in the dashboard, page by page.

Pages draw these figures from cached data; the exporter (export.py) asks this registry
for the same figures, so what a user downloads is what the page shows for the same
filters. A chart is either a Plotly figure or a word cloud (term frequencies).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dashboard.output import figures
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store

if TYPE_CHECKING:
    import pandas as pd

PAGES = ("overview", "timeline", "speakers", "keywords", "framing")


@dataclass
class Chart:
    page: str
    name: str
    title: str
    figure: Any = None  # plotly.graph_objects.Figure for kind == "plotly"
    frequencies: dict[str, float] = field(default_factory=dict)  # for kind == "cloud"
    outlet: str = ""
    kind: str = "plotly"

    @property
    def empty_reason(self) -> str:
        """Why the chart has nothing to show ("" when it has data): a Plotly figure
        without traces (figures.empty_figure, whose note says why) or a cloud without
        terms. The exporter reports these instead of writing blank images."""
        if self.kind == "cloud":
            return "" if self.frequencies else "no terms for the current filters"
        if self.figure is not None and len(self.figure.data) == 0:
            notes = [str(a.text) for a in (self.figure.layout.annotations or ()) if a.text]
            return notes[0] if notes else "no data for the current filters"
        return ""

    @property
    def file_stem(self) -> str:
        parts = [self.page, self.name] + ([slug(self.outlet)] if self.outlet else [])
        return "_".join(p for p in parts if p)


def slug(text: str) -> str:
    """A file-name-safe form that keeps Arabic letters but no path characters."""
    s = re.sub(r"[^\w\-]+", "-", text, flags=re.UNICODE).strip("-_").lower()
    return s[:60] or "x"


def page_charts(store: Store, f: Filters, page: str, cloud_words: int = 80) -> list[Chart]:
    if page == "overview":
        return [
            Chart(
                "overview",
                "articles_per_outlet",
                "Articles per outlet",
                figures.outlet_articles_bar(queries.outlet_summary(store, f)),
            )
        ]
    if page == "timeline":
        return [
            Chart(
                "timeline",
                "coverage",
                "Coverage over time",
                figures.coverage_timeline(queries.coverage_by_day(store, f)),
            ),
            Chart(
                "timeline",
                "events",
                "Events the articles mention",
                figures.event_timeline(
                    *queries.event_chart(
                        store,
                        f,
                        figures.EVENT_MARKS_MAX,
                        figures.EVENT_TOP,
                        figures.EVENT_CELLS_MAX,
                    )
                ),
            ),
        ]
    if page == "speakers":
        return speaker_page_charts(queries.speaker_page(store, f))
    if page == "keywords":
        return keyword_charts(
            queries.grouped_terms_by_outlet(store, f),
            queries.outlet_name_words(store),
            queries.distinctive_terms(store, f),
            cloud_words,
        )
    if page == "framing":
        return [
            Chart(
                "framing",
                "frames",
                "Frame profile",
                figures.frames_chart(queries.frame_scores(store, f)),
            ),
            Chart(
                "framing",
                "naming",
                "How each outlet names the event",
                figures.naming_bar(queries.event_name_counts(store, f)),
            ),
        ]
    raise ValueError(f"unknown page {page!r}; pages: {', '.join(PAGES)}")


def speaker_page_charts(view: queries.SpeakerPage) -> list[Chart]:
    """The Speakers page's charts from queries.speaker_page(): the bar reads the rows of
    the most-cited people, directness the statements per outlet (summed over kinds)."""
    return speaker_charts(view.chart, view.kinds, view.sides)


def speaker_charts(counts: pd.DataFrame, kinds: pd.DataFrame, sides: pd.DataFrame) -> list[Chart]:
    """The Speakers page's charts from queries.speaker_tables() (or the chart's rows of
    speaker_page: the bar draws the most-cited people, directness sums kinds per outlet)."""
    return [
        Chart("speakers", "speakers", "Who is quoted or cited", figures.speakers_bar(counts)),
        Chart("speakers", "kinds", "Kinds of voices per outlet", figures.kinds_bar(kinds)),
        Chart("speakers", "sides", "Statements by the speaker's side", figures.sides_bar(sides)),
        Chart(
            "speakers",
            "directness",
            "Direct quotes vs reported statements",
            figures.directness_bar(kinds),
        ),
    ]


def keyword_charts(
    by_outlet: dict,
    own: dict,
    dist: pd.DataFrame,
    cloud_words: int = 80,
    outlets: Collection[str] | None = None,
) -> list[Chart]:
    """The Keywords page's charts from its data (queries.grouped_terms_by_outlet,
    outlet_name_words, distinctive_terms): a cloud per outlet, then a distinctive-terms bar
    per outlet. `outlets`: only these outlets' charts (the page draws the clouds picked,
    not dozens of figures nobody sees); None: all, as the exports want them."""
    from dashboard.analysis.keywords import cloud_terms

    wanted = set(by_outlet) if outlets is None else set(outlets)
    out: list[Chart] = []
    for outlet in sorted(o for o in by_outlet if o in wanted):
        out.append(
            Chart(
                "keywords",
                "cloud",
                f"Word cloud: {outlet}",
                outlet=outlet,
                kind="cloud",
                frequencies=dict(
                    cloud_terms(by_outlet[outlet], cloud_words, outlet, own.get(outlet))
                ),
            )
        )
    if not dist.empty:
        for outlet in sorted(o for o in dist["outlet"].unique() if outlets is None or o in wanted):
            out.append(
                Chart(
                    "keywords",
                    "distinctive",
                    f"Distinctive terms: {outlet}",
                    figures.distinctive_bar(dist, outlet),
                    outlet=outlet,
                )
            )
    return out


def dashboard_charts(store: Store, f: Filters) -> list[Chart]:
    return [c for page in PAGES for c in page_charts(store, f, page)]
