"""Wire copies: clusters of republished dispatches, who published first, who copied when,
what each copy changed, and which agencies the articles credit."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.output import figures
from dashboard.storage import syndication
from dashboard.web import auth, ui

# This page's URL parameters (a shared link reopens the same cluster and copy).
PARAMS = ("syn_cluster", "syn_copy")

store, f = ui.page_context()
st.title("Wire copies")
st.caption(f"Filters: {ui.esc(f.describe())}")

pending = store.execute(
    "SELECT COUNT(*) FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
    "WHERE m.article_id IS NULL"
)[0][0]
if pending:
    st.info(
        f"{pending} articles have not been checked for copies yet (added or released by a deletion)."
    )
    if auth.is_editor() and st.button("Check them now", key="syn_update"):
        with st.spinner("Comparing articles…"):
            done = syndication.update_clusters(store)
        st.toast(f"{done.signed} articles checked, {done.clusters} clusters")
        st.rerun()

# Cached in ui (the server's warm-up fills the same entries: web/warm.py).
copies = ui.cluster_copies(store, f)
clusters = ui.cluster_summary(store, f)
credits = ui.agency_credit_counts(store, f)

c1, c2, c3 = st.columns(3)
c1.metric("Clusters", len(clusters))
c2.metric("Articles in clusters", int(clusters["size"].sum()) if not clusters.empty else 0)
c3.metric("Republished copies", int(len(copies) - len(clusters)) if not copies.empty else 0)


def _sync_params(values: dict[str, str | None]) -> None:
    ui.sync_page_params({})  # other pages' selections do not belong in this link
    qp = st.query_params
    for name in PARAMS:
        value = values.get(name)
        if not value:
            if name in qp:
                del qp[name]
        elif qp.get(name) != value:
            qp[name] = value


if clusters.empty:
    st.info(
        "No wire copies among the articles that match the filters: no two stored articles "
        "share most of their text."
    )
    _sync_params({})
else:
    st.subheader("Clusters")
    table = clusters.assign(
        first_date=[ui.date_label(d, None) for d in clusters["first_date"]],
        last_date=[ui.date_label(d, None) for d in clusters["last_date"]],
    )
    st.dataframe(
        table.drop(columns=["cluster_id"]),
        hide_index=True,
        column_config={
            "size": "Copies",
            "first_outlet": "First publisher",
            "first_title": "Title (first publisher)",
            "first_date": "First published",
            "last_date": "Last copy",
            "outlets": "Outlets",
            "agencies": "Agencies credited",
            "min_similarity": st.column_config.NumberColumn("Lowest similarity", format="%.2f"),
        },
    )

    ids = list(clusters["cluster_id"])
    labels = {
        r.cluster_id: f"{r.first_outlet} · {ui.date_label(r.first_date, None)} · {r.size} copies · "
        f"{r.first_title}"
        for r in clusters.itertuples()
    }
    ui.url_choice("syn_cluster", "syn_cluster", ids, default=ids[0])
    cluster_id = st.selectbox("Cluster", ids, key="syn_cluster", format_func=labels.get)
    members = copies[copies["cluster_id"] == cluster_id].sort_values("rank")
    first = members[members["is_first"]].iloc[0]

    # Republishers over time: one point per copy, the first publisher marked.
    # ISO strings, not timestamps: undated copies become gaps, and plotly's JSON encoder
    # never sees NaT.
    dates = pd.Series(
        [
            None if pd.isna(d) else pd.Timestamp(d).date().isoformat()
            for d in members["published_at"]
        ],
        index=members.index,
    )
    fig = go.Figure()
    for is_first, name, symbol in ((True, "first publisher", "star"), (False, "copy", "circle")):
        sub = members[members["is_first"] == is_first]
        fig.add_trace(
            go.Scatter(
                x=list(dates[sub.index]),
                y=[figures.safe(o) for o in sub["outlet"]],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "size": 14 if is_first else 10},
                text=[figures.safe(t, width=60) for t in sub["title"]],
                customdata=[
                    [f"{s:.2f}", figures.safe(a)]
                    for s, a in zip(sub["similarity"], sub["agencies"], strict=True)
                ],
                hovertemplate="%{y}<br>%{x|%Y-%m-%d}<br>%{text}<br>similarity %{customdata[0]}"
                "<br>credits: %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_layout(
        title={"text": "Republishers over time"},
        height=max(260, 60 + 40 * len(members)),
        template="plotly_white",
        xaxis={"title": {"text": "publication date"}},
        yaxis={"title": {"text": ""}, "categoryorder": "array",
               "categoryarray": [figures.safe(o) for o in members["outlet"]][::-1]},
    )  # fmt: skip
    ui.plot(fig, key="syn_timeline")

    st.markdown(
        f"**First publisher:** {ui.esc(first['outlet'])} · "
        f"{ui.esc(ui.date_label(first['published_at'], first['date_source']))}",
        unsafe_allow_html=True,
    )
    st.caption(
        "First publisher = earliest publication date; on the same date, the article stored "
        "first. Publication times are not stored."
    )

    others = members[~members["is_first"]]
    copy_ids = list(others["article_id"])
    copy_labels = {
        r.article_id: f"{r.outlet} · {ui.date_label(r.published_at, r.date_source)} · "
        f"similarity {r.similarity:.2f}"
        for r in others.itertuples()
    }
    ui.url_choice("syn_copy", "syn_copy", copy_ids, default=copy_ids[0] if copy_ids else None)
    copy_id = st.selectbox(
        "Compare a copy with the original", copy_ids, key="syn_copy", format_func=copy_labels.get
    )
    _sync_params({"syn_cluster": cluster_id, "syn_copy": copy_id})

    original = store.get_article(first["article_id"])
    copy = store.get_article(copy_id) if copy_id else None
    if original is not None and copy is not None:
        d = syndication.copy_diff(original, copy)
        lang = copy.language

        def block(html_inner: str, language: str = lang) -> str:
            direction = "rtl" if language == "ar" else "ltr"
            return (
                f'<div dir="{direction}" class="{direction} article-text"><p>{html_inner}</p></div>'
            )

        def marked(ops: list[tuple[str, str]]) -> str:
            out = []
            for op, word in ops:
                w = ui.esc(word)
                out.append(
                    f'<mark class="ins">{w}</mark>'
                    if op == "insert"
                    else f'<mark class="del">{w}</mark>'
                    if op == "delete"
                    else w
                )
            return " ".join(out)

        m1, m2, m3, m4 = st.columns(4)
        m1.metric("Similarity", f"{d['similarity']:.2f}")
        m2.metric("Sentences kept", d["kept"])
        m3.metric("Edited", len(d["edited"]))
        m4.metric("Removed / added", f"{len(d['removed_sentences'])} / {len(d['added_sentences'])}")
        st.markdown(
            '<div class="muted"><mark class="del">removed from the original</mark> '
            '<mark class="ins">added by the copy</mark></div>',
            unsafe_allow_html=True,
        )
        if d["title"]["changed"]:
            st.markdown("**Title**")
            st.markdown(
                block(marked(syndication.word_ops(d["title"]["original"], d["title"]["copy"]))),
                unsafe_allow_html=True,
            )
        if d["edited"]:
            st.markdown("**Edited sentences**")
            for e in d["edited"]:
                st.markdown(block(marked(e["ops"])), unsafe_allow_html=True)
        if d["removed_sentences"]:
            st.markdown("**Sentences the copy dropped**")
            for s in d["removed_sentences"]:
                st.markdown(
                    block(f'<mark class="del">{ui.esc(s)}</mark>', original.language),
                    unsafe_allow_html=True,
                )
        if d["added_sentences"]:
            st.markdown("**Sentences the copy added**")
            for s in d["added_sentences"]:
                st.markdown(block(f'<mark class="ins">{ui.esc(s)}</mark>'), unsafe_allow_html=True)
        changes = [
            {"change": kind, "original": c["original"], "copy": c["copy"]}
            for kind, key in (
                ("number", "changed_numbers"),
                ("name", "changed_names"),
                ("wording", "changed_words"),
            )
            for c in d[key]
        ]
        if changes:
            st.markdown("**Changed numbers, names and wording**")
            st.dataframe(pd.DataFrame(changes), hide_index=True)
    elif not copy_ids:
        st.info("This cluster has no copy besides the first publisher within the filters.")

st.subheader("Agencies credited")
if credits.empty:
    st.info("No article in the filters credits a news agency (dateline, brackets or sign-off).")
else:
    st.caption("Articles crediting each agency, counted like every count on this dashboard.")
    fig = go.Figure(
        go.Bar(
            x=credits["articles"], y=[figures.safe(a) for a in credits["agency"]], orientation="h"
        )
    )
    fig.update_layout(template="plotly_white", height=max(240, 40 + 28 * len(credits)),
                      yaxis={"autorange": "reversed"}, title={"text": "Articles per agency credited"})  # fmt: skip
    ui.plot(fig, key="syn_credits")
    st.dataframe(credits, hide_index=True)
