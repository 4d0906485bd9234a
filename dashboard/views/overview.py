"""Overview: outlets, article counts, date range, one card per outlet, and the exports."""

import streamlit as st

from dashboard.analysis.langid import ANALYSED_LANGUAGES
from dashboard.web import ui, ui_export

store, f = ui.page_context()
st.title("Overview")
st.caption(f"Filters: {ui.esc(f.describe())}")

summary = ui.outlet_summary(store, f)
# Counts from the summary (aggregates); the article list itself is read a page at a time.
if summary.empty:
    st.info(
        "No articles match the current filters. Widen the filters in the sidebar, or add "
        "articles with `python -m dashboard ingest PATH`."
    )
    st.stop()

firsts, lasts = summary["first_date"].dropna(), summary["last_date"].dropna()
c1, c2, c3, c4 = st.columns(4)
c1.metric("Articles", int(summary["articles"].sum()))
c2.metric("Outlets", len(summary))
c3.metric("Statements attributed", int(summary["quotes"].sum()))
if not firsts.empty:
    lo, hi = firsts.min(), lasts.max()
    est = bool((summary["estimated_dates"] > 0).any())
    span = (
        ui.date_label(lo, None)
        if lo == hi
        else f"{ui.date_label(lo, None)} – {ui.date_label(hi, None)}"
    )
    c4.metric("Publication dates (estimated)" if est else "Publication dates", span)
st.caption(ui.count_note(f))
langs = ui.language_counts(store, f)
not_analysed = langs[~langs["language"].isin(ANALYSED_LANGUAGES)]
if not not_analysed.empty:
    codes = ", ".join(sorted(not_analysed["language"].astype(str).unique()))
    st.warning(
        f"Not analysed: {int(not_analysed['articles'].sum())} article(s) in a language the analysis does not "
        f"cover ({codes}). They are stored and listed (here and in the Article reader) but "
        "yield no speakers, dates or keywords."
    )

headlines_by_outlet = ui.outlet_headlines(store, f)
st.subheader("Outlets")
cards = []
for row in summary.itertuples():
    first = ui.date_label(row.first_date, "estimated" if row.estimated_dates else None)
    last = ui.date_label(row.last_date, "estimated" if row.estimated_dates else None)
    outlet_arts = headlines_by_outlet[headlines_by_outlet["outlet"] == row.outlet]
    cards.append(
        ui.card_html(
            row.outlet,
            row.domain or None,
            [
                ("Articles", int(row.articles)),
                ("Statements", int(row.quotes)),
                ("Speakers", int(row.speakers)),
            ],
            f"Published: {first}"
            + ("" if first == last else f" – {last}")
            + f" · language: {row.languages}",
            [(art.title, art.language) for art in outlet_arts.itertuples()],
        )
    )
# One element for all the cards (was a bordered container, columns and three metrics per
# outlet: hundreds of elements at 40 outlets, seconds of browser time).
ui.card_grid(cards, columns=3)

# The registry's chart, so the download is exactly what is shown.
charts = ui.page_charts(store, f, "overview")
outlets = list(summary["outlet"])
ui.url_choice("ov_outlet", "ov_outlet", outlets)
for chart in charts:
    points = ui.show_chart(chart, key=f"overview_{chart.name}", f=f, select=True)
    point = ui.clicked(points, f"overview_{chart.name}")
    if point and point.get("customdata"):
        st.session_state["ov_outlet"] = point["customdata"][0]

outlet = st.selectbox(
    "Articles behind a bar (or click a bar)",
    outlets,
    key="ov_outlet",
    index=None,
    placeholder="Pick an outlet to list its articles",
)
ui.sync_page_params({"ov_outlet": outlet})
if outlet:
    st.caption(
        f"Articles of {ui.esc(outlet)}, each by its first sentence ({ui.count_note(f).lower()})."
    )
    ui.provenance_list(store, f, "outlet_articles", outlet, key="ov_list")

st.subheader("Articles")
arts = ui.article_page(store, f, key="ov_articles")
table = arts.assign(
    language=[
        code if code in ANALYSED_LANGUAGES else f"{code} (not analysed)"
        for code in arts["language"].astype(str)
    ],
    published=[
        ui.date_label(p, s) for p, s in zip(arts["published_at"], arts["date_source"], strict=True)
    ],
)
ui.html_table(
    table, ["title", "outlet", "language", "published", "quotes", "dates", "url"], limit=len(table)
)
ui.more_button(arts, key="ov_articles")

st.subheader("Export")
st.caption(
    "Every chart as an image file: this page's, or every page's at once (with an index.csv "
    "listing the files and the filters). Set the image size with “Export scale” in the sidebar."
)
ui_export.page_zip_button(store, f, "overview", key="overview_zip")
ui_export.dashboard_zip_button(store, f, key="dashboard_zip")
