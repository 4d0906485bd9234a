"""The registry of every chart in the dashboard, page by page.

Pages draw these figures from cached data; the exporter (export.py) asks this registry
for the same figures, so what a user downloads is what the page shows for the same
filters. A chart is either a Plotly figure or a word cloud (term frequencies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dashboard.output import figures
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store

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
        counts = queries.speaker_counts(store, f)  # one row per person per outlet
        return [
            Chart("speakers", "speakers", "Who is quoted or cited", figures.speakers_bar(counts)),
            Chart(
                "speakers",
                "kinds",
                "Kinds of voices per outlet",
                figures.kinds_bar(queries.kind_counts(store, f)),
            ),
            Chart(
                "speakers",
                "sides",
                "Statements by the speaker's side",
                figures.sides_bar(queries.side_counts(store, f)),
            ),
            Chart(
                "speakers",
                "directness",
                "Direct quotes vs reported statements",
                figures.directness_bar(counts),
            ),
        ]
    if page == "keywords":
        from dashboard.analysis.keywords import cloud_terms

        out: list[Chart] = []
        by_outlet = queries.grouped_terms_by_outlet(store, f)
        own = queries.outlet_name_words(store)
        for outlet in sorted(by_outlet):
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
        dist = queries.distinctive_terms(store, f)
        if not dist.empty:
            for outlet in sorted(dist["outlet"].unique()):
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


def dashboard_charts(store: Store, f: Filters) -> list[Chart]:
    return [c for page in PAGES for c in page_charts(store, f, page)]
