"""Wire copies: clusters, first publisher, edits against the original, agency credits, and
the counting switch (every copy vs each cluster once) across the page queries."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.escaping import shown_text
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store
from dashboard.storage.syndication import (
    cluster_copies,
    clusters,
    copy_diff,
    detect_agency_credits,
    pair_precision_recall,
    update_clusters,
)

WIRE = Path(__file__).resolve().parent / "data" / "wire"
APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
DISPATCH = WIRE / "dispatch"

# Hand-labelled: one agency dispatch (MENA) and the five outlets that republished it.
TOURISM = {
    "mena_tourism.txt",
    "ahram_tourism.txt",
    "youm7_tourism.txt",
    "aawsat_tourism.txt",
    "alarabiya_tourism.txt",
    "alkhaleej_tourism.txt",
}
# The KUNA loan dispatch and its republications in tests/data/wire (the Jordan Times
# piece is an English rewrite and the Petra one the ministry's own statement: not copies).
LOAN = {
    "kuna_loan.txt",
    "alqabas_loan.txt",
    "alrai_loan.txt",
    "alghad_loan.txt",
    "youm7_loan.txt",
    "alkhaleej_loan.txt",
}


def by_file(store: Store) -> dict[str, str]:
    """source file name (without folder) -> article id."""
    return {Path(f).name: aid for aid, f in store.execute("SELECT id, source_file FROM articles")}


def cluster_files(store: Store) -> list[set[str]]:
    names = {aid: name for name, aid in by_file(store).items()}
    groups: dict[str, set[str]] = {}
    for aid, cid in store.execute("SELECT article_id, cluster_id FROM article_clusters"):
        groups.setdefault(cid, set()).add(names[aid])
    return list(groups.values())


def first_publisher(store: Store) -> list[str]:
    names = {aid: name for name, aid in by_file(store).items()}
    return [
        names[r[0]] for r in store.execute("SELECT article_id FROM article_clusters WHERE is_first")
    ]


def subset_folder(src: Path, dest: Path, files: set[str]) -> Path:
    """A copy of `src` holding only `files`, with the matching manifest rows."""
    dest.mkdir(parents=True)
    with open(src / "manifest.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    keep = [r for r in rows if r["file"] in files]
    with open(dest / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(keep)
    for name in files:
        shutil.copy(src / name, dest / name)
    return dest


@pytest.fixture
def dispatch_store(duck_store):
    report = ingest_path(duck_store, DISPATCH, workers=1)
    assert report.added == 12 and report.rejected == 0
    return duck_store


# --------------------------------------------------------------------------- clusters


def test_one_dispatch_republished_five_times_is_one_cluster_of_six(any_store):
    # Ingestion alone builds the clusters (the hook in ingest.py); no explicit call here.
    ingest_path(any_store, DISPATCH, workers=1)
    assert cluster_files(any_store) == [TOURISM]
    assert first_publisher(any_store) == ["mena_tourism.txt"]
    ranks = dict(
        any_store.execute(
            "SELECT a.source_file, c.rank FROM article_clusters c JOIN articles a ON a.id = c.article_id"
        )
    )
    ranks = {Path(k).name: v for k, v in ranks.items()}
    # Dates: MENA 6 April, Ahram and Youm7 7 April, Asharq Al-Awsat 8, Al Arabiya 9, Al Khaleej 10.
    assert ranks["mena_tourism.txt"] == 0
    assert {ranks["ahram_tourism.txt"], ranks["youm7_tourism.txt"]} == {1, 2}
    assert ranks["aawsat_tourism.txt"] == 3
    assert ranks["alarabiya_tourism.txt"] == 4
    assert ranks["alkhaleej_tourism.txt"] == 5


def test_copies_first_original_later_gives_the_same_cluster(duck_store, tmp_path):
    copies = TOURISM - {"mena_tourism.txt"}
    rest = {p.name for p in DISPATCH.glob("*.txt")} - copies
    ingest_path(duck_store, subset_folder(DISPATCH, tmp_path / "a", copies), workers=1)
    assert cluster_files(duck_store) == [copies]
    # Until the agency's own text arrives, the earliest copy stands for the cluster.
    assert first_publisher(duck_store) == ["ahram_tourism.txt"] or first_publisher(duck_store) == [
        "youm7_tourism.txt"
    ]

    ingest_path(duck_store, subset_folder(DISPATCH, tmp_path / "b", rest), workers=1)
    assert cluster_files(duck_store) == [TOURISM]
    assert first_publisher(duck_store) == ["mena_tourism.txt"]
    # The cluster is named after its first publisher's article.
    cid = {r[0] for r in duck_store.execute("SELECT cluster_id FROM article_clusters")}
    assert cid == {by_file(duck_store)["mena_tourism.txt"]}


def test_incremental_update_signs_only_new_articles(dispatch_store):
    again = update_clusters(dispatch_store)
    assert again.signed == 0 and again.changed_rows == 0
    full = update_clusters(dispatch_store, full=True)
    assert full.signed == 0 and full.clusters == 1 and full.clustered_articles == 6


def test_deleting_the_first_publisher_releases_its_copies_until_reclustered(dispatch_store):
    ids = by_file(dispatch_store)
    n_clusters = len(queries.articles(dispatch_store, Filters(count_mode="clusters")))
    assert n_clusters == 12 - 5
    assert dispatch_store.delete_article(ids["mena_tourism.txt"])
    # No copy may vanish from the counts because its first publisher is gone.
    assert len(queries.articles(dispatch_store, Filters(count_mode="clusters"))) >= 11 - 4
    update_clusters(dispatch_store)
    assert cluster_files(dispatch_store) == [TOURISM - {"mena_tourism.txt"}]
    assert len(queries.articles(dispatch_store, Filters(count_mode="clusters"))) == 11 - 4


def test_pairwise_precision_recall_on_the_wire_folders(duck_store):
    ingest_path(duck_store, WIRE, workers=1)
    predicted = cluster_files(duck_store)
    precision, recall = pair_precision_recall(predicted, [TOURISM, LOAN])
    assert precision == 1.0
    assert recall == 1.0


def test_pair_precision_recall_counts_pairs():
    p, r = pair_precision_recall([{"a", "b", "c"}], [{"a", "b"}, {"c", "d"}])
    # predicted pairs ab ac bc; true pairs ab cd -> 1 of 3 right, 1 of 2 found
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 2)


# --------------------------------------------------------------------------- edits


def diff_of(store: Store, copy_file: str) -> dict:
    ids = by_file(store)
    original = store.get_article(ids["mena_tourism.txt"])
    copy = store.get_article(ids[copy_file])
    return copy_diff(original, copy)


def test_diff_shows_changed_numbers_and_an_added_sentence(dispatch_store):
    d = diff_of(dispatch_store, "youm7_tourism.txt")
    pairs = {(c["original"], c["copy"]) for c in d["changed_numbers"]}
    assert ("3.9", "4") in pairs
    assert ("58", "60") in pairs
    assert len(d["added_sentences"]) == 1 and "العملة الصعبة" in d["added_sentences"][0]
    assert d["removed_sentences"] == []
    assert d["title"]["changed"] is True


def test_diff_shows_a_respelled_name_and_a_dropped_paragraph(dispatch_store):
    d = diff_of(dispatch_store, "aawsat_tourism.txt")
    assert {"original": "بولوليكاشفيلي", "copy": "بولولكاشفيلي"} in d["changed_names"]
    assert len(d["removed_sentences"]) == 1 and "الإشغال" in d["removed_sentences"][0]
    assert len(d["added_sentences"]) == 1 and "التوترات" in d["added_sentences"][0]
    assert d["changed_numbers"] == []


def test_diff_of_a_copy_with_a_dropped_sentence_and_a_raised_figure(dispatch_store):
    d = diff_of(dispatch_store, "alarabiya_tourism.txt")
    assert {(c["original"], c["copy"]) for c in d["changed_numbers"]} == {("80", "85")}
    removed = d["removed_sentences"]
    assert len(removed) == 2  # the Arab-markets sentence and the UN tourism paragraph
    assert any("الأسواق العربية" in s for s in removed)
    assert any("بولوليكاشفيلي" in s for s in removed)


def test_diff_of_a_trimmed_copy(dispatch_store):
    d = diff_of(dispatch_store, "alkhaleej_tourism.txt")
    assert len(d["removed_sentences"]) == 4  # Germany (2 sentences), airlines, UN paragraph
    assert d["added_sentences"] == []
    # "اليوم الأحد" dropped from the lead is an edit, not a new sentence.
    assert len(d["edited"]) == 1
    ops = d["edited"][0]["ops"]
    assert ("delete", "الأحد") in ops


def test_word_ops_mark_the_changed_number(dispatch_store):
    d = diff_of(dispatch_store, "youm7_tourism.txt")
    flat = [op for ops in d["word_diff"] for op in ops]
    assert ("delete", "3.9") in flat and ("insert", "4") in flat
    assert ("equal", "الإيرادات") in flat


# --------------------------------------------------------------------------- credits


@pytest.mark.parametrize(
    "text, agencies",
    [
        ("القاهرة - 6 - 4 (أ ش أ) -- أعلنت الوزارة اليوم", ["MENA"]),
        ("القاهرة - أ ش أ: أعلنت الوزارة", ["MENA"]),
        ("القاهرة - وكالات: أعلنت الوزارة", ["Agencies (unnamed)"]),
        ("أبوظبي في 6 أبريل / وام / شهدت مناطق متفرقة أمطارا", ["WAM"]),
        ("الدوحة - قنا - تنطلق في الدوحة البطولة", ["QNA"]),
        ("LONDON (Reuters) - Oil prices edged higher on Monday.", ["Reuters"]),
        ("عمان - بترا - أعلنت الوزارة\n\nوقالت (كونا) إن", ["Petra", "KUNA"]),
        # Petra the ancient city, in running text: no credit.
        ("زار وفد سياحي مدينة بترا الأثرية أمس.\n\nوقال المرشد إن الموسم جيد.", []),
        ("The value rose 3/4 in 2020/21 terms.", []),
    ],
)
def test_detect_agency_credits(text, agencies):
    assert [a for a, _ in detect_agency_credits(text)] == agencies


def test_credits_are_stored_at_ingest(dispatch_store):
    rows = dispatch_store.execute(
        "SELECT a.source_file, g.agency FROM agency_credits g JOIN articles a ON a.id = g.article_id"
    )
    got = {(Path(f).name, agency) for f, agency in rows}
    assert ("mena_tourism.txt", "MENA") in got
    assert ("alkhaleej_tourism.txt", "MENA") in got
    assert ("ahram_tourism.txt", "MENA") in got  # the «(أ ش أ)» sign-off
    assert ("alarabiya_tourism.txt", "Agencies (unnamed)") in got
    assert ("wam_rain.txt", "WAM") in got
    assert ("qna_chess.txt", "QNA") in got
    assert ("afp_tourism_independent.txt", "AFP") in got
    assert not any(f == "masrawy_tourism_analysis.txt" for f, _ in got)


def test_cluster_table_and_copies(dispatch_store):
    table = clusters(dispatch_store, Filters())
    assert len(table) == 1
    row = table.iloc[0]
    assert row["size"] == 6 and row["outlets"] == 6
    assert row["first_outlet"] == "MENA"
    assert "MENA" in row["agencies"]
    members = cluster_copies(dispatch_store, Filters())
    assert len(members) == 6 and members["is_first"].sum() == 1
    # A filter that keeps only a republisher still shows its whole cluster.
    only = cluster_copies(dispatch_store, Filters(outlets=["Al Khaleej"]))
    assert len(only) == 6


# --------------------------------------------------------------------------- counting


def test_count_mode_changes_every_count_by_the_non_first_copies(dispatch_store):
    copies, once = Filters(count_mode="copies"), Filters(count_mode="clusters")
    non_first = [
        r[0]
        for r in dispatch_store.execute(
            "SELECT article_id FROM article_clusters WHERE NOT is_first"
        )
    ]
    assert len(non_first) == 5

    assert len(queries.articles(dispatch_store, copies)) == 12
    assert len(queries.articles(dispatch_store, once)) == 7
    s_copies = queries.outlet_summary(dispatch_store, copies)
    s_once = queries.outlet_summary(dispatch_store, once)
    assert s_copies["articles"].sum() - s_once["articles"].sum() == 5
    # Asharq Al-Awsat published only the copy: it drops out when clusters count once.
    assert "Asharq Al-Awsat" in set(s_copies["outlet"])
    assert "Asharq Al-Awsat" not in set(s_once["outlet"])

    days_copies = queries.coverage_by_day(dispatch_store, copies)
    days_once = queries.coverage_by_day(dispatch_store, once)
    assert days_copies["articles"].sum() - days_once["articles"].sum() == 5
    per_day = days_copies.groupby(days_copies["day"].astype(str))["articles"].sum()
    per_day_once = days_once.groupby(days_once["day"].astype(str))["articles"].sum()
    # 10 April: only Al Khaleej's copy.
    assert per_day["2025-04-10"] == 1 and "2025-04-10" not in per_day_once

    marks = ",".join("?" for _ in non_first)
    quotes_in_copies = dispatch_store.execute(
        f"SELECT COUNT(*) FROM quotes WHERE article_id IN ({marks})", non_first
    )[0][0]
    sp_copies = queries.speaker_counts(dispatch_store, copies)["total"].sum()
    sp_once = queries.speaker_counts(dispatch_store, once)["total"].sum()
    assert sp_copies - sp_once == quotes_in_copies

    terms_in_copies = dispatch_store.execute(
        f"SELECT SUM(n) FROM terms WHERE article_id IN ({marks})", non_first
    )[0][0]
    assert terms_in_copies > 0
    t_copies = queries.term_counts(dispatch_store, copies)["n"].sum()
    t_once = queries.term_counts(dispatch_store, once)["n"].sum()
    assert t_copies - t_once == terms_in_copies


# --------------------------------------------------------------------------- the page


@pytest.fixture
def page_env(tmp_path, monkeypatch):
    """A DuckDB file holding the dispatch folder, and the app pointed at it."""
    url = f"duckdb:///{tmp_path / 'wire.duckdb'}"
    store = Store(url)
    ingest_path(store, DISPATCH, workers=1)
    ids = by_file(store)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    return ids


def open_page(query: dict) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        app.query_params[k] = v
    app.switch_page("views/syndication.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_page_shows_the_cluster_and_a_marked_diff_from_a_shared_link(page_env):
    ids = page_env
    app = open_page(
        {
            "count": "copies",
            "syn_cluster": ids["mena_tourism.txt"],
            "syn_copy": ids["youm7_tourism.txt"],
        }
    )
    assert app.radio(key="f_count").value == "copies"
    assert app.selectbox(key="syn_cluster").value == ids["mena_tourism.txt"]
    assert app.selectbox(key="syn_copy").value == ids["youm7_tourism.txt"]
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Clusters"] == "1" and metrics["Articles in clusters"] == "6"
    html = shown_text("\n".join(m.value for m in app.markdown))
    # The replaced figure, escaped and marked, right-to-left.
    assert '<mark class="del">3.9</mark>' in html and '<mark class="ins">4</mark>' in html
    assert 'dir="rtl"' in html
    assert "العملة الصعبة" in html  # the added sentence
    # The URL keeps the view: cluster and copy stay in the query string.
    assert app.query_params["syn_copy"] == ids["youm7_tourism.txt"]
    assert app.query_params["count"] == "copies"
    chart = json.loads(app.get("plotly_chart")[0].proto.spec)
    outlets_on_chart = {y for trace in chart["data"] for y in trace["y"]}
    assert outlets_on_chart == {
        "MENA",
        "Al-Ahram",
        "Youm7",
        "Asharq Al-Awsat",
        "Al Arabiya",
        "Al Khaleej",
    }


def test_page_without_parameters_picks_the_first_copy(page_env):
    ids = page_env
    app = open_page({})
    assert app.radio(key="f_count").value == "clusters"
    assert app.selectbox(key="syn_cluster").value == ids["mena_tourism.txt"]
    # Copies in rank order: the first one is dated 7 April (Al-Ahram or Youm7).
    assert app.selectbox(key="syn_copy").value in {
        ids["ahram_tourism.txt"],
        ids["youm7_tourism.txt"],
    }
    credits = app.dataframe[-1].value
    assert dict(zip(credits["agency"], credits["articles"], strict=True))["MENA"] >= 2


def test_unsafe_titles_are_escaped_on_the_page(tmp_path, monkeypatch):
    folder = tmp_path / "evil"
    folder.mkdir()
    body = (DISPATCH / "mena_tourism.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    (folder / "a.txt").write_text("<script>alert(1)</script> عنوان\n" + body, encoding="utf-8")
    (folder / "b.txt").write_text(
        "<img src=x onerror=alert(2)> نسخة\n" + body + "\n\nجملة مضافة في النهاية هنا.",
        encoding="utf-8",
    )
    url = f"duckdb:///{tmp_path / 'evil.duckdb'}"
    store = Store(url)
    ingest_path(store, folder, workers=1)
    assert len(cluster_files(store)) == 1
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    app = open_page({})
    html = "\n".join(m.value for m in app.markdown)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html


def test_ingest_in_rounds_skips_duplicates_across_rounds_and_clusters_once(
    duck_store, tmp_path, monkeypatch
):
    # Rounds of 5 articles, parsed by a pool of 2 processes: the dispatch folder's 12
    # articles plus a copy of one of them under another file name (a duplicate that
    # falls in a later round than its original) must give 12 added, 1 duplicate, and the
    # same single cluster of six as a one-round ingest.
    from dashboard.ingest import ingest

    monkeypatch.setattr(ingest, "CHUNK", 5)
    from dashboard.ingest import executors

    monkeypatch.setattr(executors, "PARALLEL_THRESHOLD", 2)
    folder = tmp_path / "rounds"
    shutil.copytree(DISPATCH, folder)
    (folder / "zz_again.txt").write_bytes((folder / "mena_tourism.txt").read_bytes())
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    again = dict(next(r for r in rows if r["file"] == "mena_tourism.txt"), file="zz_again.txt")
    with (folder / "manifest.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(rows[0])).writerow(again)
    seen_progress: list[tuple[int, int]] = []
    report = ingest_path(
        duck_store, folder, workers=2, progress=lambda i, n, _t: seen_progress.append((i, n))
    )
    assert report.added == 12
    assert report.duplicates == 1
    assert [o.file for o in report.outcomes if o.status == "duplicate"][0].endswith("zz_again.txt")
    assert len(report.stored_ids) == 12
    assert cluster_files(duck_store) == [TOURISM]
    assert first_publisher(duck_store) == ["mena_tourism.txt"]
    # Progress counts over the whole folder, not restarting each round.
    assert seen_progress[-1] == (13, 13)
    assert [i for i, _ in seen_progress] == list(range(1, 14))


def test_clusters_are_the_same_with_a_signature_cache_carried_across_calls(any_store, duck_store):
    # Two halves of the dispatch folder stored and clustered in two calls sharing one
    # SignatureCache (as an ingest's rounds do), with an article stored in between by
    # "another process" (not in the cache): the clusters are those of one full clustering
    # on a second store, and the cache ends up holding every signed article.
    from dashboard.ingest import ingest
    from dashboard.ingest.readers import read_path
    from dashboard.storage.syndication import SignatureCache

    raws = sorted(read_path(DISPATCH).articles, key=lambda r: r.source_file)
    parsed = ingest.parse_many(raws, workers=1)
    cache = SignatureCache()
    halves = [(raws[:5], parsed[:5]), (raws[5:6], parsed[5:6]), (raws[6:], parsed[6:])]
    for k, (part, res) in enumerate(halves):
        ingest.store_parsed(any_store, part, res, cluster=False)
        ids = [a.id for a, _ in res]
        if k == 1:
            update_clusters(any_store, ids)  # its own cache: another process
        else:
            update_clusters(any_store, ids, cache=cache)
    ingest.store_parsed(duck_store, raws, parsed, cluster=False)
    update_clusters(duck_store, full=True)
    assert sorted(map(sorted, cluster_files(any_store))) == sorted(
        map(sorted, cluster_files(duck_store))
    )
    assert cluster_files(any_store) == [TOURISM]
    assert len(cache) == 12
