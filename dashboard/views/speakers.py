"""Speakers: who is quoted or cited, by which outlet, how, from which side.

One row per person: the spellings of a name across articles are merged (identity.py), with
the researcher's alias file as the last word. Every count follows the sidebar filters,
counting mode included. Choosing a speaker, or clicking a bar, lists the sentences behind
the numbers.
"""

import pandas as pd
import streamlit as st

from dashboard.analysis import highlight, identity
from dashboard.output import figures
from dashboard.storage import queries
from dashboard.web import ui, ui_export
from dashboard.web.ui_speakers import (
    SPEAKER_TABLE_PAGE,
    STATEMENT_PAGE,
    data,
    statements,
)

ALL_SPEAKERS = "All speakers"
ALL_OUTLETS = "All outlets"
SPEAKER_KEY, OUTLET_KEY = "sp_speaker", "sp_outlet"
SPEAKER_PARAM, OUTLET_PARAM = "speaker", "speaker_outlet"
MAX_SENTENCES = 200
PICKER_MAX = queries.SPEAKER_PICKER_MAX


def statement_sentences(q: pd.DataFrame) -> list[tuple[str, list]]:
    """The statements grouped by the sentence they were found in (per article), in order:
    a sentence holding two of a person's clauses is listed once, not twice."""
    groups: dict[tuple[str, str], list] = {}
    for row in q.itertuples(index=False):
        sentence = str(row.sentence or row.text or "")
        groups.setdefault((str(row.article_id), sentence), []).append(row)
    return [(sentence, rows) for (_, sentence), rows in groups.items()]


def provenance_item(sentence: str, rows: list, speaker: str) -> str:
    """One sentence (escaped, in its own direction) with the statements counted in it
    marked, under a line naming its article and how each statement was counted."""
    flat = " ".join(sentence.split())
    spans: list[highlight.Span] = []
    for row in rows:
        how = "direct quote" if row.direct else "reported statement"
        found = highlight.find_all(flat, " ".join(str(row.text or "").split()))
        spans += [highlight.Span(a, b, "qd" if row.direct else "q", how) for a, b in found]
    first = rows[0]
    kinds = [("direct quote" if r.direct else "reported") for r in rows]
    counted = " + ".join(f"{kinds.count(k)} {k}" for k in dict.fromkeys(kinds))
    spellings = sorted({str(r.speaker) for r in rows if r.speaker != speaker})
    spelled = f" · written «{' / '.join(spellings)}»" if spellings else ""
    # <bdi> keeps an Arabic title or outlet name in its own direction inside the line.
    meta = (
        f"<bdi>{ui.esc(first.outlet)}</bdi> · "
        f"{ui.esc(ui.date_label(first.published_at, first.date_source))} · "
        f"<bdi>{ui.esc(first.title)}</bdi> · {ui.esc(counted)}<bdi>{ui.esc(spelled)}</bdi>"
    )
    d = "rtl" if ui.dir_class(sentence, first.language) == "rtl" else "ltr"
    body = highlight.render_marked(flat, spans)
    unmarked = (
        "" if spans else "".join(ui.text_block(r.text, r.language, css="muted") for r in rows)
    )
    return (
        f'<div style="margin:.1rem 0 .9rem 0"><div class="muted">{meta}</div>'
        f'<div dir="{d}" class="{d} quote-sentence">{body}</div>{unmarked}</div>'
    )


store, f = ui.page_context()
st.title("Speakers")
st.caption(f"Filters: {ui.esc(f.describe())}")

# A page of the table at a time, like the statements below: the first load drew 500 rows
# (half of the page's ~16,000 DOM nodes at 10,000 articles) that most readers never scroll
# to; and the data is the shown rows, the chart's people and totals, never every row.
if st.session_state.get("sp_counts_sig") != f.key():
    st.session_state["sp_counts_sig"] = f.key()
    st.session_state["sp_counts_pages"] = 1
table_rows = SPEAKER_TABLE_PAGE * int(st.session_state.get("sp_counts_pages", 1))
# After an update of the speaker rules' title lexicons, the identity code or the alias file,
# the identity kept in the store is stale and the first run groups every spelling again
# (about a minute at 100,000 articles): say so rather than wait in silence.
if not queries.speaker_identity_current(store):
    with st.spinner(
        "Grouping the store's speaker spellings into people: once after an update of the "
        "speaker rules or the alias file (about a minute per 100,000 articles)…"
    ):
        queries.refresh_speaker_identity(store)
view: queries.SpeakerPage = data(store, f, "speaker_page", table_rows)
if view.pairs == 0:
    st.info("No attributed statements in the selected articles.")
    st.stop()
charts = data(store, f, "charts")
outlets = view.outlets

c1, c2, c3, c4 = st.columns(4)
c1.metric("People and voices", f"{view.people:,}")
c2.metric("Direct quotes", f"{view.direct:,}")
c3.metric("Reported statements", f"{view.reported:,}")
merged_count = data(store, f, "merged_spelling_count")
c4.metric(
    "Spellings merged",
    f"{merged_count:,}",
    help="Spellings of a name that were counted as one person (see 'Name variants merged').",
)

# --- charts -----------------------------------------------------------------------------
# A click on a bar segment selects that person (and outlet) for the sentences below. The
# callback runs before the selectors are drawn, so it may set their state.
_label_to_speaker = {figures.safe(s): s for s in view.chart["speaker"]}


def _on_bar_click() -> None:
    try:
        points = st.session_state["speakers_bar"].selection.points
    except (KeyError, AttributeError):
        return
    if not points:
        return
    point = points[0]
    speaker = _label_to_speaker.get(point.get("y"))
    if speaker is None:
        return
    st.session_state[SPEAKER_KEY] = speaker
    # The segment's outlet is its customdata[2] ("" for the summed other outlets: all).
    trace = charts["speakers"].figure.data[point.get("curve_number", 0)]
    try:
        outlet = trace.customdata[point.get("point_index", 0)][2]
    except (IndexError, TypeError):
        outlet = ""
    st.session_state[OUTLET_KEY] = outlet if outlet in outlets else ALL_OUTLETS


def chart_caption(text: str) -> None:
    st.caption(f"{text} {ui.esc(f.describe())}.")


st.plotly_chart(
    charts["speakers"].figure,
    key="speakers_bar",
    on_select=_on_bar_click,
    selection_mode="points",
    config={"displaylogo": False},
)
chart_caption(
    "Statements per person, all spellings of a name counted together; hatched = reported "
    "speech. Click a bar to list its sentences below."
)
ui_export.chart_download(charts["speakers"], key="dl_speakers")

left, right = st.columns(2)
with left:
    ui.plot(charts["kinds"].figure, key="speakers_kinds")
    chart_caption("Statements by the kind of voice (one kind per person).")
    ui_export.chart_download(charts["kinds"], key="dl_kinds")
with right:
    ui.plot(charts["sides"].figure, key="speakers_sides")
    chart_caption(
        "Statements by the side (country or camp) the speaker belongs to, as the article "
        "states it; hatched = reported."
    )
    ui_export.chart_download(charts["sides"], key="dl_sides")
ui.plot(charts["directness"].figure, key="speakers_directness")
chart_caption("Share of each outlet's statements quoted directly or reported.")
ui_export.chart_download(charts["directness"], key="dl_directness")
ui_export.page_zip_button(store, f, "speakers", key="speakers_zip")

# --- tables -----------------------------------------------------------------------------
st.subheader("Speakers by outlet")
# HTML tables, not st.dataframe: the canvas grid clipped Arabic cells at the table's edge to
# their last letters; here every cell wraps, in its own direction.
SPEAKER_COLUMNS = {
    "speaker": "person",
    "kind": "kind",
    "role": "role",
    "affiliation": "side",
    "outlet": "outlet",
    "direct": "direct",
    "reported": "reported",
    "total": "total",
    "variants": "spellings",
}
shown_rows = view.table[list(SPEAKER_COLUMNS)].rename(columns=SPEAKER_COLUMNS)
ui.html_table(shown_rows, limit=len(shown_rows))
shown_rows.attrs["total"] = view.pairs
ui.more_button(shown_rows, key="sp_counts", page=SPEAKER_TABLE_PAGE)

st.subheader("Attributed statements")
# The most-cited people, or those a search finds: at 100,000 articles there are ~97,000,
# and one option each was megabytes for the browser.
search = ""
if view.people > PICKER_MAX:
    search = st.text_input(
        "Search people (any part of a name or spelling)",
        key="sp_search",
        placeholder="e.g. a surname",
    )
found_people, n_found = data(store, f, "speaker_people", search, PICKER_MAX)
speaker_options = [ALL_SPEAKERS, *found_people["person"]]
outlet_options = [ALL_OUTLETS, *outlets]


def _is_person(name: object) -> bool:
    """A person under the filters (a shared link, a click, a choice before a search)."""
    if not isinstance(name, str) or not name or name == ALL_SPEAKERS:
        return False
    if name in speaker_options:
        return True
    people, _ = data(store, f, "speaker_people", name, PICKER_MAX)
    return name in set(people["person"])


# Restore a shared link's selection once; afterwards the widgets own their state. A person
# chosen before (a click, a link) stays among the options whatever the search.
qp = st.query_params
chosen = st.session_state.get(SPEAKER_KEY)
if chosen is None or (chosen != ALL_SPEAKERS and not _is_person(chosen)):
    wanted = qp.get(SPEAKER_PARAM)
    st.session_state[SPEAKER_KEY] = wanted if _is_person(wanted) else ALL_SPEAKERS
chosen = st.session_state[SPEAKER_KEY]
if chosen not in speaker_options:
    speaker_options.append(chosen)
if OUTLET_KEY not in st.session_state or st.session_state[OUTLET_KEY] not in outlet_options:
    wanted = qp.get(OUTLET_PARAM)
    st.session_state[OUTLET_KEY] = wanted if wanted in outlet_options else ALL_OUTLETS
s1, s2 = st.columns([2, 1])
speaker = s1.selectbox("Speaker", speaker_options, key=SPEAKER_KEY)
outlet = s2.selectbox("Outlet", outlet_options, key=OUTLET_KEY)
if n_found > PICKER_MAX:
    s1.caption(
        f"The list offers the {PICKER_MAX:,} most-cited of {n_found:,} people"
        f"{' matching the search' if search.strip() else ''}; search to narrow it."
    )
elif search.strip():
    s1.caption(f"{n_found:,} {'person matches' if n_found == 1 else 'people match'} the search.")
for param, value, default in (
    (SPEAKER_PARAM, speaker, ALL_SPEAKERS),
    (OUTLET_PARAM, outlet, ALL_OUTLETS),
):
    if value == default:
        if param in qp:
            del qp[param]
    elif qp.get(param) != value:
        qp[param] = value

# One person's statements (their spellings, from the counts) or everyone's, a page at a time.
one_outlet = None if outlet == ALL_OUTLETS else outlet
if speaker != ALL_SPEAKERS:
    spellings = data(store, f, "person_spellings", speaker)
    q = statements(store, f, one_outlet, spellings, None)
    q = q[q["person"] == speaker]
else:
    table_sig = (f.key(), one_outlet)
    if st.session_state.get("sp_table_sig") != table_sig:
        st.session_state["sp_table_sig"] = table_sig
        st.session_state["sp_table_pages"] = 1
    limit = STATEMENT_PAGE * int(st.session_state.get("sp_table_pages", 1))
    q = statements(store, f, one_outlet, None, limit)
total_statements = int(q.attrs.get("total", len(q)))
q = q.assign(
    how=q["direct"].map({True: "direct", False: "reported"}),
    published=[
        ui.date_label(p, s) for p, s in zip(q["published_at"], q["date_source"], strict=True)
    ],
)
STATEMENT_COLUMNS = {
    "person": "person",
    "how": "how",
    "text": "text",
    "speaker": "spelling",
    "speaker_kind": "kind",
    "role": "role",
    "affiliation": "side",
    "outlet": "outlet",
    "published": "published",
}
# What was said comes first and gets the room; every cell wraps (no clipped role titles).
# Columns that fit the page, so no cell sits half outside the table's edge: the article's
# title and the reporting verb are in the sentences listed below.
ui.html_table(
    q[list(STATEMENT_COLUMNS)].rename(columns=STATEMENT_COLUMNS), max_height=520, limit=len(q)
)
if speaker == ALL_SPEAKERS:
    q.attrs["total"] = total_statements
    ui.more_button(q, key="sp_table", page=STATEMENT_PAGE)

# --- provenance: the sentences behind the numbers ----------------------------------------
if speaker == ALL_SPEAKERS:
    st.caption("Choose a speaker above, or click a bar, to read the sentences they are cited in.")
else:
    where = "" if outlet == ALL_OUTLETS else f" in {outlet}"
    sentences = statement_sentences(q)
    st.markdown(
        f"<div><b>{len(q)} statement(s) by <bdi>{ui.esc(speaker)}</bdi>"
        f"<bdi>{ui.esc(where)}</bdi>, in "
        f"{len(sentences)} sentence(s)</b></div>",
        unsafe_allow_html=True,
    )
    st.markdown(
        '<div class="muted">Each sentence once; the part counted as a statement is marked: '
        '<mark class="qd">direct quote</mark> <mark class="q">reported statement</mark>.</div>',
        unsafe_allow_html=True,
    )
    for sentence, rows in sentences[:MAX_SENTENCES]:
        st.markdown(provenance_item(sentence, rows, speaker), unsafe_allow_html=True)
    if len(sentences) > MAX_SENTENCES:
        st.caption(
            f"First {MAX_SENTENCES} of {len(sentences)} sentences: narrow by outlet to see "
            "the others."
        )

# --- identity ---------------------------------------------------------------------------
shown_people = list(dict.fromkeys([*view.table["speaker"], *view.chart["speaker"]]))
merged_here = data(store, f, "merged_spellings", list(shown_people))
with st.expander(f"Name variants merged ({len(merged_here)} of the people shown)"):
    if len(merged_here):
        st.dataframe(
            pd.DataFrame(
                {
                    "person": merged_here["person"],
                    "spellings": [" · ".join(s) for s in merged_here["spellings"]],
                    "statements (whole store)": merged_here["statements"],
                    "by alias file": merged_here["by_alias"],
                }
            ),
            hide_index=True,
            width="stretch",
        )
        st.caption(
            f"The people in the table and chart above; {merged_count:,} spellings are merged "
            "over everyone in this view."
        )
    else:
        st.write("No spellings were merged for the people shown.")
    path = identity.aliases_path()
    st.markdown(
        "Spellings are merged when they differ only in how the letters are written "
        "(ى/ي, ة/ه, hamza forms, g written غ/ج/ك/ق, long vowels, doubled letters, spaces, "
        "case and accents), in a title, or in a missing first or middle name; a bare surname "
        "joins a full name only when one person in the store fits. "
        f"To split a wrong merge or add one, edit `{path}` (columns "
        "`variant,canonical,action`), e.g. `variant spelling,person it was merged with,split` "
        "or `variant spelling,person,merge`. Set `DASHBOARD_SPEAKER_ALIASES` to use a "
        "team's own file. Changes apply on the next reload."
    )
