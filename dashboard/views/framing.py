"""Framing: the side-by-side diff of two outlets or two articles.

Headlines and leads with event names marked, aligned claims (both say / only A / only B,
word diffs for near-identical pairs), facts that differ, voices, frame profiles with their
evidence, naming and the template summary. The selection lives in the URL query string
(mode, fa/fb or aa/ab, thr) so a comparison can be shared as a link.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.analysis.compare import Comparison, compare_groups
from dashboard.analysis.frames import frame_label
from dashboard.output import figures, report
from dashboard.output.charts import Chart
from dashboard.storage import queries
from dashboard.storage.store import Store
from dashboard.web import ui, ui_export

MODES = {"all": "All outlets", "outlets": "Two outlets", "articles": "Two articles"}
# Clause units at 0.25 find paraphrases buried in long Arabic sentences (measured on the
# hand-aligned pairs: F1 0.957 vs 0.978 at 0.3, with more of the real shared claims).
DEFAULT_THRESHOLD = 0.25
THRESHOLD_STEP = 0.05
# Pooling every article of a big outlet makes the similarity matrix (and the page) huge;
# an outlet side takes its most recent articles under the filters.
MAX_ARTICLES_PER_SIDE = 25
SHOW_HEADS = 4
LIST_HEIGHT = 460
# Widget key -> URL key.
QP = {
    "fr_mode": "mode",
    "fr_fa": "fa",
    "fr_fb": "fb",
    "fr_aa": "aa",
    "fr_ab": "ab",
    "fr_thr": "thr",
    "fr_cl": "cl",
}


@st.cache_data(show_spinner="Comparing…", max_entries=32)
def _comparison(
    _store: Store,
    url: str,
    version: int,
    ids_a: tuple,
    ids_b: tuple,
    threshold: float,
    clauses: bool,
) -> Comparison:
    articles_a = _store.get_articles(list(ids_a))
    articles_b = _store.get_articles(list(ids_b))
    return compare_groups(articles_a, articles_b, threshold, clauses=clauses)


def comparison(
    store: Store, ids_a: list[str], ids_b: list[str], threshold: float, clauses: bool = False
) -> Comparison:
    return _comparison(
        store, store.url, store.data_version(), tuple(ids_a), tuple(ids_b), threshold, clauses
    )


def _restore(key: str, options: list, default) -> None:
    """Widget state from the URL on first render (or when the stored value left the options)."""
    if key in st.session_state and st.session_state[key] in options:
        return
    wanted = st.query_params.get(QP[key])
    st.session_state[key] = wanted if wanted in options else default


def _restore_threshold() -> None:
    if "fr_thr" in st.session_state:
        return
    try:
        value = float(st.query_params.get("thr", DEFAULT_THRESHOLD))
    except ValueError:
        value = DEFAULT_THRESHOLD
    steps = round(min(0.95, max(0.05, value)) / THRESHOLD_STEP)
    st.session_state["fr_thr"] = round(steps * THRESHOLD_STEP, 2)


def _sync_url(keys: list[str]) -> None:
    """Write this page's selection to the URL; leave the sidebar's keys alone."""
    qp = st.query_params
    for key, name in QP.items():
        # Clause alignment is on by default: only switching it off goes into the link.
        if key not in keys or st.session_state.get(key) is True:
            if name in qp:
                del qp[name]
            continue
        value = st.session_state.get(key)
        if isinstance(value, bool):
            text = "0"
        elif isinstance(value, float):
            text = f"{value:.2f}"
        else:
            text = str(value)
        if qp.get(name) != text:
            qp[name] = text


def _html(fragment: str) -> None:
    st.markdown(fragment, unsafe_allow_html=True)


def _pick_outlets(store, f) -> tuple[list[str], list[str], str]:
    summary = ui.outlet_summary(store, f)
    outlets = list(summary["outlet"])
    if len(outlets) < 2:
        st.info("Two outlets are needed: widen the sidebar filters, or compare two articles.")
        st.stop()
    _restore("fr_fa", outlets, outlets[0])
    rest = [o for o in outlets if o != st.session_state["fr_fa"]]
    _restore("fr_fb", outlets, rest[0])
    ca, cb = st.columns(2)
    oa = ca.selectbox("Outlet A", outlets, key="fr_fa")
    ob = cb.selectbox("Outlet B", outlets, key="fr_fb")
    if oa == ob:
        st.warning("Pick two different outlets.")
        st.stop()
    ids = []
    for outlet in (oa, ob):
        found = queries.article_ids_for_outlet(store, f, outlet)
        if len(found) > MAX_ARTICLES_PER_SIDE:
            st.caption(
                f"{ui.esc(outlet)}: comparing the {MAX_ARTICLES_PER_SIDE} most recent of {len(found)} "
                "articles (narrow the dates in the sidebar to choose others)."
            )
            found = found[-MAX_ARTICLES_PER_SIDE:]
        ids.append(found)
    return ids[0], ids[1], f"{oa} vs {ob}"


def _pick_articles(store, f) -> tuple[list[str], list[str], str]:
    arts = ui.articles(store, f)
    if len(arts) < 2:
        st.info("Two articles are needed: widen the sidebar filters.")
        st.stop()
    labels = {
        row.id: f"{row.outlet} · {ui.date_label(row.published_at, row.date_source)} · {row.title}"
        for row in arts.itertuples()
    }
    outlet_of = dict(zip(arts["id"], arts["outlet"], strict=True))
    ids = list(labels)
    _restore("fr_aa", ids, ids[0])
    first = st.session_state["fr_aa"]
    # Default B: the first article from another outlet (a comparison with itself says nothing).
    other = [i for i in ids if outlet_of[i] != outlet_of[first]] or [i for i in ids if i != first]
    _restore("fr_ab", ids, other[0])
    ca, cb = st.columns(2)
    aa = ca.selectbox("Article A", ids, key="fr_aa", format_func=labels.get)
    ab = cb.selectbox("Article B", ids, key="fr_ab", format_func=labels.get)
    if aa == ab:
        st.warning("Pick two different articles.")
        st.stop()
    return [aa], [ab], f"{outlet_of[aa]} vs {outlet_of[ab]}"


# --------------------------------------------------------------------------- sections


def _heads(c: Comparison) -> None:
    st.subheader("1. Headlines and leads")
    _html('<div class="muted">Event names are marked: <mark class="ev">event name</mark>.</div>')
    cols = st.columns(2)
    for col, side in zip(cols, (c.a, c.b), strict=True):
        with col:
            st.markdown(f"**{ui.esc(side.label)}**")
            d = report.direction(side.language)
            for k, h in enumerate(side.articles):
                if k == SHOW_HEADS:
                    st.caption(f"… and {len(side.articles) - SHOW_HEADS} more articles")
                    break
                _html(
                    f'<div dir="{d}" class="{d} card-title">'
                    f"{report.names_html(h.title, h.title_names)}</div>"
                    f'<div class="muted">{ui.esc(h.published_at)}</div>'
                    f'<div class="article-text"><p dir="{d}" class="{d}">'
                    f"{report.names_html(h.lead, h.lead_names)}</p></div>"
                )


def _claims(c: Comparison) -> None:
    st.subheader("2. Aligned claims")
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Aligned pairs", len(c.pairs))
    m2.metric("Near-identical", sum(1 for p in c.pairs if p.word_diff))
    m3.metric(f"Only in {ui.esc(c.a.label)}", len(c.only_a))
    m4.metric(f"Only in {ui.esc(c.b.label)}", len(c.only_b))
    method = "multilingual sentence embeddings + term overlap" if c.embeddings_used else "term"
    st.caption(
        f"Statements paired one-to-one when their similarity ({method}) reaches "
        f"{c.threshold:.2f}. Near-identical pairs show a word diff: "
        "deleted in A → B as struck-through red, added as green."
    )
    st.markdown(f"**Both say ({len(c.pairs)})**")
    if c.pairs:
        _html(f'<div class="pairs-both">{report.pairs_table_html(c, c.pairs)}</div>')
    else:
        st.caption("No pair reaches the threshold — lower it to see looser matches.")
    ca, cb = st.columns(2)
    for col, side, only, css in (
        (ca, c.a, c.only_a, "only-a"),
        (cb, c.b, c.only_b, "only-b"),
    ):
        with col:
            st.markdown(f"**Only {ui.esc(side.label)} says ({len(only)})**")
            # A long list scrolls in its own box so the sections below stay within reach.
            box = st.container(height=LIST_HEIGHT) if len(only) > 8 else st.container()
            box.markdown(
                f'<div class="{css}">{report.statements_html(only, side.language)}</div>',
                unsafe_allow_html=True,
            )
    if c.weak_pairs:
        with st.expander(f"Possible paraphrases below the threshold ({len(c.weak_pairs)})"):
            st.caption(
                "Each other's best match but below the threshold: often a paraphrase inside "
                "a longer sentence, sometimes a coincidence. Their statements stay under "
                "'only … says'."
            )
            _html(report.pairs_table_html(c, c.weak_pairs))


def _facts(c: Comparison) -> None:
    st.subheader("3. Facts that differ")
    if not c.facts_that_differ:
        st.caption("No differing numbers, dates or names found.")
        return
    status = {"only_a": f"only {c.a.label}", "only_b": f"only {c.b.label}", "differs": "differs"}
    # HTML tables (here and below): the canvas grid cut Arabic cells at its edge to their
    # last letters; these wrap, each cell in its own direction.
    ui.html_table(
        pd.DataFrame(
            [
                {
                    "kind": d.kind,
                    "status": status.get(d.status, d.status),
                    "about": d.label,
                    f"A: {c.a.label}": d.a_value,
                    f"B: {c.b.label}": d.b_value,
                    "context": d.a_context or d.b_context,
                }
                for d in c.facts_that_differ
            ]
        )
    )


def _voices(c: Comparison) -> None:
    st.subheader("4. Voices")
    if not c.voices:
        st.caption("No attributed voices on either side.")
        return
    cols = st.columns(2)
    for col, side, key, kind, quotes in (
        (cols[0], c.a, "a", "kind_a", "quotes_a"),
        (cols[1], c.b, "b", "kind_b", "quotes_b"),
    ):
        rows = [v for v in c.voices if v.present in ("both", key)]
        with col:
            st.markdown(f"**{ui.esc(side.label)}** — {len(rows)} voices")
            ui.html_table(
                pd.DataFrame(
                    [
                        {
                            "voice": v.name,
                            "kind": getattr(v, kind),
                            "role": v.role_a if key == "a" else v.role_b,
                            "statements": getattr(v, quotes),
                        }
                        for v in rows
                    ],
                    # Which voices only this side quotes is the caption's job: a fifth
                    # column made the half-width table scroll.
                    columns=["voice", "kind", "role", "statements"],
                )
            )
            only = [v.name for v in rows if v.present == key]
            if only:
                st.caption(f"Only here: {ui.esc(', '.join(only))}")


def frame_chart(c: Comparison) -> Chart:
    """The two sides' frame profiles as a chart of the registry's kind (downloadable)."""
    labels = {f: frame_label(f, "en") for f in {*c.a.frames, *c.b.frames}}
    return Chart(
        "framing",
        "frame_profile_pair",
        f"Frame profile: {c.a.label} vs {c.b.label}",
        figures.frame_profile_pair([(c.a.label, c.a.frames), (c.b.label, c.b.frames)], labels),
    )


def _frames(c: Comparison) -> None:
    st.subheader("5. Frame profile")
    labels = {f: frame_label(f, "en") for f in {*c.a.frames, *c.b.frames}}
    ui.show_chart(frame_chart(c), key="framing_pair_frames")
    frames = sorted(labels, key=lambda f: -max(c.a.frames.get(f, 0), c.b.frames.get(f, 0)))
    for frame in frames:
        sa, sb = c.a.frames.get(frame, 0.0), c.b.frames.get(frame, 0.0)
        title = (
            f"{ui.esc(labels[frame])} — {ui.esc(c.a.label)} {sa:.0%} · {ui.esc(c.b.label)} {sb:.0%}"
        )
        with st.expander(title):
            cols = st.columns(2)
            for col, side in zip(cols, (c.a, c.b), strict=True):
                with col:
                    evidence = side.frame_evidence.get(frame, [])
                    st.markdown(f"**{ui.esc(side.label)}** — {len(evidence)} sentences")
                    d = report.direction(side.language)
                    items = "".join(
                        f"<li>{ui.esc(e.sentence)} "
                        f'<span class="muted">[{ui.esc(", ".join(e.cues))}]</span></li>'
                        for e in evidence
                    )
                    if items:
                        _html(f'<ul dir="{d}" class="{d}">{items}</ul>')


def _naming(c: Comparison) -> None:
    st.subheader("6. Naming the event")
    cols = st.columns(2)
    for col, side in zip(cols, (c.a, c.b), strict=True):
        with col:
            st.markdown(f"**{ui.esc(side.label)}**")
            if side.naming:
                ui.html_table(pd.DataFrame(side.naming, columns=["name", "mentions"]))
            else:
                st.caption("No event names found.")


def _summary(c: Comparison) -> None:
    st.subheader("7. Summary")
    lang = "ar" if "ar" in (c.a.language, c.b.language) else "en"
    _html(f'<div class="summary">{ui.text_block(c.summaries.get(lang, c.summary), lang)}</div>')
    other = "en" if lang == "ar" else "ar"
    if c.summaries.get(other):
        with st.expander("In English" if other == "en" else "بالعربية"):
            _html(ui.text_block(c.summaries[other], other))


# --------------------------------------------------------------------------- page

store, f = ui.page_context()
st.title("Framing")
st.caption("All outlets at once, or two outlets or two articles side by side: what both say, "
           "what only one says, "
           "and how each frames and names the event.")  # fmt: skip

# The whole field first when the filters hold more than two outlets (views/framing_all.py).
_restore("fr_mode", list(MODES), "all" if len(ui.outlet_summary(store, f)) > 2 else "outlets")
mode = st.radio("Compare", list(MODES), key="fr_mode", format_func=MODES.get, horizontal=True)
if mode == "all":
    from dashboard.views import framing_all

    _sync_url(["fr_mode"])
    framing_all.render(store, f)
    st.stop()
ids_a, ids_b, title = _pick_outlets(store, f) if mode == "outlets" else _pick_articles(store, f)
_restore_threshold()
threshold = st.slider(
    "Similarity threshold",
    min_value=0.05,
    max_value=0.95,
    step=THRESHOLD_STEP,
    key="fr_thr",
    help="Two statements are paired when their similarity reaches this value. Lower: more "
    "pairs, more of them loose paraphrases; higher: fewer, closer pairs.",
)
threshold = round(float(threshold), 2)
if "fr_cl" not in st.session_state:
    st.session_state["fr_cl"] = st.query_params.get("cl") != "0"
clauses = st.checkbox(
    "Align clauses, not whole sentences",
    key="fr_cl",
    help="Splits long Arabic sentences at «،» before participles, إذ, مما … so a claim buried "
    "in a long sentence can find its counterpart. Finds more paraphrases; a few more "
    "false pairs.",
)
_sync_url(["fr_mode", "fr_fa", "fr_fb", "fr_thr", "fr_cl"] if mode == "outlets" else
          ["fr_mode", "fr_aa", "fr_ab", "fr_thr", "fr_cl"])  # fmt: skip

c = comparison(store, ids_a, ids_b, threshold, clauses)

d1, d2, _ = st.columns([1, 1, 2])
d1.download_button(
    "Download report (HTML)",
    report.build_report(c, title=f"Framing comparison: {title}", generated=str(dt.date.today())),
    file_name="framing-report.html",
    mime="text/html",
    key="framing_report",
)
d2.download_button(
    "Download aligned pairs (CSV)",
    report.pairs_csv(c),
    file_name="framing-pairs.csv",
    mime="text/csv",
    key="framing_csv",
)

_heads(c)
_claims(c)
_facts(c)
_voices(c)
_frames(c)
_naming(c)
_summary(c)

st.subheader("Export")
st.caption(
    "This comparison's frame profile and, for every outlet in the filters, the frame "
    "profile and naming charts, as image files with an index.csv."
)
ui_export.page_zip_button(
    store, f, "framing", key="framing_zip", extra=[frame_chart(c)], selection=(*ids_a, "|", *ids_b)
)
