"""Keywords: a word cloud per outlet and each outlet's most distinctive terms."""

import streamlit as st

from dashboard import figures, ui

store, f = ui.page_context()
st.title("Keywords")
st.caption(
    f"Filters: {f.describe()} · clitic variants (و/ب/ل/ال…) are counted as one term, "
    "shown in their most frequent spelling; function words are removed."
)

by_outlet = ui.grouped_terms(store, f)
if not by_outlet:
    st.info("No terms for the current filters.")
    st.stop()

max_words = st.slider("Words per cloud", 20, 200, 80, step=10)
outlets = sorted(by_outlet)
cols = st.columns(min(2, len(outlets)))
for i, outlet in enumerate(outlets):
    with cols[i % len(cols)]:
        st.markdown(f"**{ui.esc(outlet)}**", unsafe_allow_html=True)
        png = ui.cloud_png(store, f, outlet, max_words)
        if png:
            st.image(png, width="stretch")
        else:
            st.caption("No terms for this outlet.")
        top = by_outlet[outlet].most_common(15)
        st.dataframe(
            [{"term": t, "count": c} for t, c in top],
            hide_index=True,
            width="stretch",
            height=200,
        )

st.subheader("Distinctive terms")
st.caption(
    "Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), "
    "each outlet against all others. With few articles, read it as a ranking, not as "
    "statistical significance."
)
dist = ui.distinctive_terms(store, f)
if dist.empty:
    st.info("Distinctive terms need at least two outlets in the selection.")
else:
    dcols = st.columns(min(2, len(outlets)))
    for i, outlet in enumerate(sorted(dist["outlet"].unique())):
        with dcols[i % len(dcols)]:
            ui.plot(figures.distinctive_bar(dist, outlet), key=f"kw_distinctive_{i}")
