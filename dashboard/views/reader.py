"""Article reader: the full text with quotes, speakers, dates and event names highlighted."""

import pandas as pd
import streamlit as st

from dashboard.analysis import highlight
from dashboard.analysis.langid import ANALYSED_LANGUAGES, is_rtl
from dashboard.web import ui

store, f = ui.page_context()
st.title("Article reader")

search = st.text_input(
    "Search titles",
    key="reader_search",
    placeholder="words of the title",
    help="Lists the articles whose title holds every word (newest first).",
)
arts = ui.reader_choices(store, f, search)
if arts.empty:
    st.info(
        "No article title holds every word searched for."
        if search.strip()
        else "No articles match the current filters."
    )
    st.stop()


def _label(row) -> str:
    return f"{row.outlet} · {ui.date_label(row.published_at, row.date_source)} · {row.title}" + (
        "" if row.language in ANALYSED_LANGUAGES else f" · {row.language}, not analysed"
    )


labels = {row.id: _label(row) for row in arts.itertuples()}
# A shared link opens its article even when it is not among the listed ones, and keeps it
# while it stays picked; a title search lists its own matches.
wanted = st.query_params.get("article")
if (
    wanted
    and wanted not in labels
    and not search.strip()
    and st.session_state.get("reader_article") in (None, wanted)
):
    linked = store.get_article(wanted)
    if linked is not None:
        labels = {wanted: _label(linked), **labels}
ids = list(labels)
ui.url_choice("article", "reader_article", ids, default=ids[0])
total = int(arts.attrs.get("total", len(arts)))
if total > len(arts):
    st.caption(
        f"Listing the {len(arts):,} newest of {total:,} articles: search the titles to find others."
    )
article_id = st.selectbox("Article", ids, key="reader_article", format_func=lambda i: labels[i])
ui.sync_page_params({"article": article_id})
article = store.get_article(article_id)
if article is None:
    st.error("This article is no longer in the store.")
    st.stop()

d = "rtl" if is_rtl(article.language) else "ltr"
st.markdown(f'<h2 dir="{d}" class="{d}">{ui.esc(article.title)}</h2>', unsafe_allow_html=True)
meta = [article.outlet, ui.date_label(article.published_at, article.date_source), article.language]
if article.url:
    meta.append(article.url)
# Each part isolated: an Arabic outlet name must not reorder the dates and URL around it.
st.markdown(
    '<div class="muted">' + " · ".join(f"<bdi>{ui.esc(m)}</bdi>" for m in meta) + "</div>",
    unsafe_allow_html=True,
)
st.markdown(
    '<div class="muted">Highlighted: <mark class="sp">speaker</mark> '
    '<mark class="qd">direct quote</mark> <mark class="q">reported statement</mark> '
    '<mark class="dt">date</mark> <mark class="ev">event name</mark> — hover for details.</div>',
    unsafe_allow_html=True,
)

text_col, side_col = st.columns([3, 1])
with text_col:
    body = "".join(
        f'<p dir="{d}" class="{d}">{highlight.render_marked(p, highlight.article_spans(article, i))}</p>'
        for i, p in enumerate(article.paragraphs)
    )
    st.markdown(f'<div class="article-text">{body}</div>', unsafe_allow_html=True)
with side_col:
    st.markdown("**Speakers**")
    if article.speakers:
        ui.html_table(
            pd.DataFrame(
                [
                    {"speaker": s.name, "kind": s.kind, "statements": s.quotes}
                    for s in article.speakers
                ]
            )
        )
    else:
        st.caption("No attributed statements.")
    st.markdown("**Dates**")
    if article.dates:
        ui.html_table(
            pd.DataFrame(
                [
                    {"text": x.text, "start": x.start, "end": x.end, "granularity": x.granularity}
                    for x in article.dates
                ]
            )
        )
    else:
        st.caption("No temporal expressions.")
    st.markdown("**Frames**")
    # A few rows: an HTML table like the two above. st.dataframe's canvas grid would make
    # the browser load and run ~1.2 MB of script (the grid and Arrow) for them.
    ui.html_table(
        pd.DataFrame(
            [
                {"frame": k, "score": round(v, 3)}
                for k, v in sorted(article.frames.items(), key=lambda kv: -kv[1])
            ],
            columns=["frame", "score"],
        )
    )
    if article.warnings:
        st.warning(ui.esc("; ".join(article.warnings)))
