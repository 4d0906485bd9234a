"""Keywords: a word cloud per outlet, the sentences behind any keyword, and each outlet's
most distinctive terms. The picked outlet and term are kept in the URL (?kw_outlet=,
?kw_term=); clicking a distinctive-terms bar picks that term."""

import pandas as pd
import streamlit as st

from dashboard.web import ui, ui_export

# Clouds drawn without asking: each costs about half a second cold, so a store with
# dozens of outlets shows the largest few and lets the reader pick others.
CLOUDS_SHOWN = 6

store, f = ui.page_context()
st.title("Keywords")
st.caption(
    f"Filters: {ui.esc(f.describe())} · clitic variants (و/ب/ل/ال…) are counted as one term, "
    "shown in their most frequent spelling; function words are removed."
)

by_outlet = ui.grouped_terms(store, f)
if not by_outlet:
    st.info("No terms for the current filters.")
    st.stop()

max_words = st.slider("Words per cloud", 20, 200, 80, step=10)
outlets = sorted(by_outlet)
shown = outlets
if len(outlets) > CLOUDS_SHOWN:
    largest = sorted(outlets, key=lambda o: (-sum(by_outlet[o].values()), o))[:CLOUDS_SHOWN]
    picked = st.multiselect(
        f"Outlets with a word cloud ({len(outlets)} in the selection; the {CLOUDS_SHOWN} "
        "with the most terms are shown first)",
        outlets,
        default=sorted(largest),
        key="kw_clouds",
    )
    shown = [o for o in outlets if o in set(picked)]
# Charts for the outlets drawn only: a figure per outlet of a 40-outlet store cost more
# than the page's own data (the ZIP below still holds every outlet's).
charts = ui.keyword_charts(store, f, shown, cloud_words=max_words)
clouds = {c.outlet: c for c in charts if c.name == "cloud"}
distinctive = [c for c in charts if c.name == "distinctive"]
dist_terms = ui.distinctive_terms(store, f)
# Chart keys number the outlets with distinctive terms, drawn or not, as the ZIP lists them.
dist_outlets = sorted(dist_terms["outlet"].unique()) if not dist_terms.empty else []
dist_index = {o: i for i, o in enumerate(dist_outlets)}

# A click on a distinctive-terms bar (previous run) picks its outlet and term; read before
# the pickers below are drawn.
for chart in distinctive:
    i = dist_index[chart.outlet]
    point = ui.clicked(ui.selected_points(f"kw_distinctive_{i}"), f"kw_distinctive_{i}")
    data = (point or {}).get("customdata") or []
    if len(data) >= 4:
        st.session_state["kw_outlet"] = chart.outlet
        st.session_state["kw_term"] = data[3]

cols = st.columns(max(1, min(2, len(shown))))
for i, outlet in enumerate(shown):
    with cols[i % len(cols)]:
        st.markdown(ui.text_block(outlet, None, css="card-title"), unsafe_allow_html=True)
        if outlet in clouds:
            ui.show_chart(clouds[outlet], key=f"kw_cloud_{i}", f=f)
        # The cloud's own terms (whole names, each once), so table and cloud agree.
        top = (
            list(clouds[outlet].frequencies.items())[:15]
            if outlet in clouds
            else by_outlet[outlet].most_common(15)
        )
        ui.html_table(pd.DataFrame(top, columns=["term", "count"]), max_height=260)

st.subheader("Sentences behind a keyword")
ui.url_choice("kw_outlet", "kw_outlet", outlets, default=outlets[0])
left, right = st.columns(2)
outlet = left.selectbox("Outlet", outlets, key="kw_outlet")
terms = [t for t, _ in by_outlet[outlet].most_common(300)]
# A clicked or linked term beyond the list's first 300 is still this outlet's term.
for extra in (st.session_state.get("kw_term"), st.query_params.get("kw_term")):
    if extra and extra in by_outlet[outlet] and extra not in terms:
        terms.append(extra)
ui.url_choice("kw_term", "kw_term", terms)
term = right.selectbox(
    "Term",
    terms,
    key="kw_term",
    index=None,
    placeholder="Pick a term (listed by frequency) or click a distinctive-terms bar",
)
ui.sync_page_params({"kw_outlet": outlet, "kw_term": term})
if term:

    def _header(rows, complete: bool) -> str:
        where = "" if complete else " of the articles listed so far"
        return (
            f"{int(rows['n'].sum()) if not rows.empty else 0} occurrence(s) of all spellings "
            f"of this term in {len(rows)} sentence(s){where} · {ui.count_note(f)}"
        )

    ui.provenance_list(store, f, "keyword_sentences", outlet, term, key="kw_list", header=_header)

st.subheader("Distinctive terms")
st.caption(
    "Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), "
    "each outlet against all others. With few articles, read it as a ranking, not as "
    "statistical significance."
)
if not dist_outlets:
    st.info("Distinctive terms need at least two outlets in the selection.")
else:
    # The same outlets as the clouds: dozens of charts would make the page slow to draw.
    drawn = [(dist_index[c.outlet], c) for c in distinctive]
    if len(drawn) < len(dist_outlets):
        st.caption(
            f"Showing the {len(drawn)} outlets picked for word clouds above; the ZIP below "
            f"holds all {len(dist_outlets)}."
        )
    dcols = st.columns(max(1, min(2, len(drawn))))
    for n, (i, chart) in enumerate(drawn):
        with dcols[n % len(dcols)]:
            ui.show_chart(chart, key=f"kw_distinctive_{i}", f=f, select=True)

ui_export.page_zip_button(store, f, "keywords", key="keywords_zip")
