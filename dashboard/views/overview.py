"""Overview: outlets, article counts, date range, one card per outlet."""

import streamlit as st

from dashboard import figures, ui

store, f = ui.page_context()
st.title("Overview")
st.caption(f"Filters: {f.describe()}")

summary = ui.outlet_summary(store, f)
arts = ui.articles(store, f)
if arts.empty:
    st.info(
        "No articles match the current filters. Widen the filters in the sidebar, or add "
        "articles with `python -m dashboard ingest PATH`."
    )
    st.stop()

dated = arts["published_at"].dropna()
c1, c2, c3, c4 = st.columns(4)
c1.metric("Articles", len(arts))
c2.metric("Outlets", len(summary))
c3.metric("Statements attributed", int(summary["quotes"].sum()))
if not dated.empty:
    lo, hi = dated.min(), dated.max()
    est = (arts["date_source"] == "estimated").any()
    span = (
        ui.date_label(lo, None)
        if lo == hi
        else f"{ui.date_label(lo, None)} – {ui.date_label(hi, None)}"
    )
    c4.metric("Publication dates", span + (" (estimated)" if est else ""))

st.subheader("Outlets")
cols = st.columns(min(3, len(summary)) or 1)
for i, row in enumerate(summary.itertuples()):
    with cols[i % len(cols)].container(border=True):
        st.markdown(f'<div class="card-title">{ui.esc(row.outlet)}</div>', unsafe_allow_html=True)
        if row.domain:
            st.caption(row.domain)
        a, b, c = st.columns(3)
        a.metric("Articles", int(row.articles))
        b.metric("Statements", int(row.quotes))
        c.metric("Speakers", int(row.speakers))
        first = ui.date_label(row.first_date, "estimated" if row.estimated_dates else None)
        last = ui.date_label(row.last_date, "estimated" if row.estimated_dates else None)
        st.caption(
            f"Published: {first}"
            + ("" if first == last else f" – {last}")
            + f" · language: {row.languages}"
        )
        outlet_arts = arts[arts["outlet"] == row.outlet].head(5)
        for art in outlet_arts.itertuples():
            st.markdown(ui.text_block(art.title, art.language, css="muted"), unsafe_allow_html=True)

ui.plot(figures.outlet_articles_bar(summary), key="overview_outlets")

st.subheader("Articles")
table = arts.assign(
    published=[
        ui.date_label(p, s) for p, s in zip(arts["published_at"], arts["date_source"], strict=True)
    ]
)
st.dataframe(
    table[["title", "outlet", "language", "published", "quotes", "dates", "url"]],
    hide_index=True,
    width="stretch",
    column_config={"url": st.column_config.LinkColumn("url")},
)
