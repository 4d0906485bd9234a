"""Page data read from the aggregate tables (storage/aggregates.py) equals the same page
data read from the base tables, on DuckDB and on PostgreSQL, under every kind of filter;
the aggregates follow deletes and wire-cluster changes, and a stale state falls back."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from dashboard.ingest.ingest import ingest_path
from dashboard.storage import aggregates, matrices, outlets, queries
from dashboard.storage.store import Filters, Store

DATA = Path(__file__).parent / "data"

FILTERS = [
    Filters(),
    Filters(count_mode="copies"),
    Filters(languages=["en"]),
    Filters(outlets=["Al-Ramla", "Nahr News Agency", "Meridian Times"], count_mode="copies"),
    Filters(date_from="2026-03-04", date_to="2026-03-04", count_mode="copies"),
    Filters(date_from="2026-03-03"),
    Filters(countries=["GB", "US"]),
]

TABLES = [
    "outlet_summary",
    "coverage_by_day",
    "speaker_counts",
    "kind_counts",
    "side_counts",
    "term_counts",
    "frame_scores",
    "event_name_counts",
    "distinctive_terms",
    "grouped_term_rows",
    "event_points",
]


def _norm(df: pd.DataFrame, name: str) -> pd.DataFrame:
    if name == "term_counts":  # no order promised (grouped_terms_by_outlet regroups it)
        df = df.sort_values(["outlet", "term"], ignore_index=True)
        df["n"] = df["n"].astype("int64")
    return df.reset_index(drop=True)


def _page_data(store: Store, f: Filters) -> dict:
    out = {name: _norm(getattr(queries, name)(store, f), name) for name in TABLES}
    out["grouped_terms"] = queries.grouped_terms_by_outlet(store, f)
    fm = matrices.frame_matrix(store, f)
    nm, top = matrices.naming_matrix(store, f)
    vm = matrices.voices_matrix(store, f)
    out["frame_matrix"] = fm.values
    out["naming_matrix"] = nm.values
    out["naming_top"] = top
    out["voices_matrix"] = vm.values
    return out


def _assert_same(agg: dict, base: dict) -> None:
    assert agg.keys() == base.keys()
    for name, a in agg.items():
        b = base[name]
        if isinstance(a, dict):
            assert a == b, name
            continue
        # Frame means are sum/rows on one side and AVG on the other: equal to the last
        # bits of a double, not beyond.
        exact = name not in ("frame_scores", "frame_matrix")
        pd.testing.assert_frame_equal(a, b, check_exact=exact, rtol=1e-12, obj=name)


def _held(store: Store, request) -> Store:
    """One connection for the whole test, as a page run holds one (Store.connected()):
    on a DuckDB file, a connection per query would cost most of the test's time."""
    lease = store.connected()
    lease.__enter__()
    request.addfinalizer(lambda: lease.__exit__(None, None, None))
    return store


def test_aggregates_equal_base_tables_on_both_backends(any_store, corpus, monkeypatch, request):
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(any_store, request)
    report = ingest_path(store, corpus / "multi_outlet", workers=1)
    assert report.added == 12
    outlets.ensure_synced(store)  # bumps the version: aggregates are stale until refreshed
    assert not aggregates.usable(store)
    assert aggregates.refresh(store) == 0  # nothing about the articles changed
    assert aggregates.usable(store)

    # The aggregates hold a few rows per outlet, and the wire copies are flagged.
    n_days = store.execute("SELECT COUNT(*), SUM(articles) FROM agg_days")[0]
    assert int(n_days[1]) == 12
    copies = store.execute("SELECT SUM(articles) FROM agg_days WHERE is_copy")[0][0]
    assert int(copies) == 3
    # (one article per outlet here: as many term rows as the base table, never more)
    assert (
        store.execute("SELECT COUNT(*) FROM agg_terms")[0][0]
        <= store.execute("SELECT COUNT(*) FROM terms")[0][0]
    )

    for f in FILTERS:
        agg = _page_data(store, f)
        assert not agg["outlet_summary"].empty, f
        for name in TABLES:
            if name == "term_counts":
                continue
            base = _norm(getattr(queries, name)(store, f, base=True), name)
            pd.testing.assert_frame_equal(
                agg[name], base, check_exact=name != "frame_scores", rtol=1e-12, obj=name
            )
        # The same page functions with the aggregates made unusable read the base tables.
        store.execute("DELETE FROM meta WHERE key = ?", [aggregates.META_KEY])
        assert not aggregates.usable(store)
        _assert_same(agg, _page_data(store, f))
        aggregates.refresh(store)

    # Counting modes differ (the three copies), so the comparison above compared something.
    summary = queries.outlet_summary(store, Filters())
    every = queries.outlet_summary(store, Filters(count_mode="copies"))
    assert every["articles"].sum() - summary["articles"].sum() == 3
    assert set(summary.columns) >= {"quotes", "speakers", "languages", "first_date"}


def test_refresh_follows_new_rounds_deletes_and_clusters(duck_store, corpus, monkeypatch, request):
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(duck_store, request)
    ingest_path(store, corpus / "multi_outlet", workers=1)
    assert aggregates.usable(store)  # the ingest refreshed them
    first = queries.outlet_summary(store, Filters())
    assert first["articles"].sum() == 9  # 12 articles, three of them wire copies

    # A second ingest recomputes only the slices (outlet × language × copy flag) its
    # articles joined, not the whole store.
    dirty: list[int] = []
    real = aggregates.refresh
    monkeypatch.setattr(aggregates, "refresh", lambda st: dirty.append(real(st)) or dirty[-1])
    report = ingest_path(store, corpus / "corpus", workers=1)
    monkeypatch.setattr(aggregates, "refresh", real)
    assert aggregates.usable(store)
    assert store.execute("SELECT COUNT(*) FROM agg_state")[0][0] == store.count() > 12
    marks = ",".join("?" for _ in report.stored_ids)
    touched = store.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT outlet, language, is_copy FROM agg_state "
        f"WHERE article_id IN ({marks})) x",
        report.stored_ids,
    )[0][0]
    every = store.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT outlet, language, is_copy FROM agg_state) x"
    )[0][0]
    assert dirty == [touched] and 0 < touched < every
    assert aggregates.refresh(store) == 0
    for mode in ("clusters", "copies"):
        f = Filters(count_mode=mode)
        agg = _page_data(store, f)
        store.execute("DELETE FROM meta WHERE key = ?", [aggregates.META_KEY])
        _assert_same(agg, _page_data(store, f))
        aggregates.refresh(store)

    # Deleting the dispatch releases its copies (they count again in "clusters" mode):
    # until the refresh the pages read the base tables, after it the aggregates agree.
    dispatch = store.execute("SELECT id FROM articles WHERE outlet = 'Nahr News Agency'")[0][0]
    store.delete_article(dispatch)
    from dashboard.storage import syndication

    syndication.update_clusters(store)
    assert not aggregates.usable(store)
    base = _page_data(store, Filters())
    assert "Nahr News Agency" not in set(base["outlet_summary"]["outlet"])
    dirty = aggregates.refresh(store)
    # The dispatch's slice plus the copies' old (copy) and new (own) slices, no others.
    assert 1 <= dirty <= 7
    agg = _page_data(store, Filters())
    _assert_same(agg, base)
    assert store.execute("SELECT COUNT(*) FROM agg_state")[0][0] == store.count()

    # A grouping made by other code or lexicons (another signature) is not used, and the
    # next refresh rebuilds it although no article changed.
    store.execute("UPDATE meta SET value = 'other' WHERE key = ?", [aggregates.GROUPS_KEY])
    store.execute("DELETE FROM agg_term_groups")
    assert not aggregates.usable(store)
    assert aggregates.refresh(store) == 0 and aggregates.usable(store)
    assert (
        store.execute("SELECT COUNT(*) FROM agg_term_groups")[0][0]
        == store.execute("SELECT COUNT(DISTINCT term) FROM terms")[0][0]
        > 100
    )
    _assert_same(_page_data(store, Filters()), base)


def test_lists_are_paged_with_their_total(duck_store, corpus, monkeypatch, request):
    """Article lists, statements and the sentences behind a number come a page at a time
    (LIMIT/OFFSET) with the whole list's total; the pages put together are the list."""
    from dashboard.storage import provenance

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(duck_store, request)
    ingest_path(store, corpus / "corpus", workers=1)
    f = Filters(count_mode="copies")

    def pages(fetch, size: int) -> pd.DataFrame:
        first = fetch(size, 0)
        total = first.attrs["total"]
        parts = [first] + [fetch(size, o) for o in range(size, total, size)]
        assert all(len(p) <= size for p in parts)
        return pd.concat(parts, ignore_index=True), total

    whole = queries.articles(store, f)
    paged, total = pages(lambda n, o: queries.articles(store, f, limit=n, offset=o), 4)
    assert total == len(whole) == store.count() > 8
    pd.testing.assert_frame_equal(paged, whole, check_dtype=False)

    # The timeline's dated mentions and vague expressions: the pages put together are the
    # mentions event_dates() lists; the total comes from agg_events.
    assert aggregates.serves(store, f)
    every = queries.event_dates(store, f, include_vague=True)
    for vague in (False, True):
        whole = queries.dated_mentions(store, f, vague=vague)
        paged, total = pages(
            lambda n, o, v=vague: queries.dated_mentions(store, f, vague=v, limit=n, offset=o), 6
        )
        assert (
            total
            == len(whole)
            == int(every["start_date"].isna().sum() if vague else every["start_date"].notna().sum())
            > 6
        )
        pd.testing.assert_frame_equal(paged, whole, check_dtype=False)
        key = ["article_id", "text", "sentence"]
        mine = every[every["start_date"].isna() == vague]
        assert sorted(map(tuple, whole[key].to_numpy().tolist())) == sorted(
            map(tuple, mine[key].to_numpy().tolist())
        )

    whole = queries.quotes(store, f)
    paged, total = pages(lambda n, o: queries.quotes(store, f, limit=n, offset=o), 7)
    assert total == len(whole) > 7
    pd.testing.assert_frame_equal(paged, whole, check_dtype=False)
    person = whole["person"].value_counts().index[0]
    spellings = sorted(set(whole.loc[whole["person"] == person, "speaker"]))
    mine = queries.quotes(store, f, spellings=spellings)
    assert len(mine) == (whole["person"] == person).sum()

    outlet = queries.articles(store, f)["outlet"].value_counts().index[0]
    full = provenance.outlet_articles(store, f, outlet)
    paged, total = pages(lambda n, o: provenance.outlet_articles(store, f, outlet, n, o), 1)
    assert total == len(full) >= 1
    pd.testing.assert_frame_equal(paged, full, check_dtype=False)

    full = provenance.event_sentences(store, f)
    paged, total = pages(lambda n, o: provenance.event_sentences(store, f, limit=n, offset=o), 5)
    assert total == len(full) > 5
    pd.testing.assert_frame_equal(paged, full, check_dtype=False)

    # Keyword sentences are paged by article (each article's sentences stay together).
    counts = queries.grouped_terms_by_outlet(store, f)[outlet]
    term = counts.most_common(1)[0][0]
    full = provenance.keyword_sentences(store, f, outlet, term)
    first = provenance.keyword_sentences(store, f, outlet, term, limit=1)
    assert first.attrs["unit"] == "articles"
    assert first.attrs["total"] == full["article_id"].nunique()
    assert set(first["article_id"]) == {full["article_id"].iloc[0]}
    pd.testing.assert_frame_equal(first, full[full["article_id"] == full["article_id"].iloc[0]])


def _per_term_grouping(store: Store, f: Filters) -> dict[str, Counter]:
    """The keywords page before the stored grouping: a TermGrouper built from the
    selection's term totals, every (outlet, term) row folded in Python."""
    from dashboard.analysis.keywords import TermGrouper

    df = queries.term_counts(store, f, base=True)
    grouper = TermGrouper(Counter(df.groupby("term")["n"].sum().astype(int).to_dict()))
    out: dict[str, Counter] = {}
    for outlet, term, n in df.itertuples(index=False):
        out.setdefault(outlet, Counter())[grouper.display(grouper.key(term))] += int(n)
    return dict(sorted(out.items()))


def test_keywords_and_events_equal_the_per_row_computation(any_store, tmp_path, monkeypatch):
    """On the seeds and a generated corpus (with wire copies), DuckDB and PostgreSQL: the
    keywords page's grouped terms and distinctive terms from the stored grouping equal
    the per-term computation they replace, and the event chart's points from agg_events
    equal the points made from every mention."""
    from dashboard.analysis.keywords import distinctive_vs_rest, outlet_words
    from dashboard.bench.benchgen import generate
    from dashboard.output.figures import _one_point_per_event

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = any_store
    with store.connected():
        ingest_path(store, Path(__file__).parent.parent / "seeds", workers=1)
        generated = generate(tmp_path / "gen", 40, seed=11, outlets=5, copy_share=0.15)
        ingest_path(store, generated, workers=1)
        assert aggregates.usable(store)
        f = Filters()
        assert aggregates.serves(store, f)
        grouped = queries.grouped_terms_by_outlet(store, f)
        reference = _per_term_grouping(store, f)
        assert grouped == reference and len(grouped) >= 6
        # Variants were folded (so the comparison compared something): fewer groups than
        # stored spellings, and an Arabic clitic form among the spellings of a group.
        groups = dict(store.execute("SELECT term, display FROM agg_term_groups"))
        assert len(set(groups.values())) < len(groups)
        assert any(t != d and t.startswith(("و", "ب", "ل")) for t, d in groups.items())
        for outlet, counts in grouped.items():  # each outlet's list: by count, then term
            ranked = list(counts.items())
            assert ranked == sorted(ranked, key=lambda x: (-x[1], x[0]))
            assert (
                counts.most_common(15)
                == sorted(reference[outlet].items(), key=lambda x: (-x[1], x[0]))[:15]
            )

        own = {o: outlet_words(o) for o in reference}
        expected = pd.DataFrame(
            [
                {"outlet": o, **r}
                for o, rows in distinctive_vs_rest(reference, exclude_by_outlet=own).items()
                for r in rows
            ]
        )
        got = queries.distinctive_terms(store, f)
        assert len(got) >= 15 * 5
        pd.testing.assert_frame_equal(got, expected)

        mentions = queries.event_dates(store, f)
        d = mentions.assign(
            start=pd.to_datetime(mentions["start_date"]),
            end=pd.to_datetime(mentions["end_date"]).fillna(pd.to_datetime(mentions["start_date"])),
        )
        want = _one_point_per_event(d)
        points = queries.event_points(store, f)
        key = ["outlet", "start", "end", "approximate", "mentions"]
        got_points = points.assign(
            start=pd.to_datetime(points["start_date"]), end=pd.to_datetime(points["end_date"])
        )
        pd.testing.assert_frame_equal(
            got_points[key].sort_values(key[:4], ignore_index=True),
            want[key].sort_values(key[:4], ignore_index=True),
            check_dtype=False,
        )
        assert points["mentions"].sum() == len(mentions) > len(points) > 10
        # Each point's hover is its first mention (by article id and position).
        first = mentions.sort_values(["article_id"]).iloc[0]
        row = points[points["article_id"] == first["article_id"]]
        assert not row.empty and set(row["text"]) <= set(
            mentions.loc[mentions["article_id"] == first["article_id"], "text"]
        )


def test_bounded_event_chart_equals_the_per_point_chart(any_store, corpus, monkeypatch, request):
    """The Timeline's bounded event data (queries.event_top / event_cells, read in SQL
    from agg_events or the base tables) gives the same chart as every point aggregated in
    Python, under every filter set, with the cells per day, month and year."""
    from dashboard.output import figures

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(any_store, request)
    ingest_path(store, corpus, workers=1)
    aggregates.refresh(store)
    assert aggregates.usable(store)
    units, compared = set(), 0
    for f in FILTERS:
        points = queries.event_points(store, f, base=True)
        order = figures.top_event_order(points)
        for top, cells_max in ((2, 10_000), (3, 100), (1, 1)):
            monkeypatch.setattr(figures, "EVENT_MARKS_MAX", top)
            monkeypatch.setattr(figures, "EVENT_TOP", top)
            monkeypatch.setattr(figures, "EVENT_CELLS_MAX", cells_max)
            want = figures.event_timeline(points).to_json()
            rest = points.loc[order[top:]].assign(
                start=pd.to_datetime(points["start_date"]),
                end=pd.to_datetime(points["end_date"]),
            )
            rest["mid"] = rest["start"] + (rest["end"] - rest["start"]) / 2
            for base in (False, True):
                pd.testing.assert_frame_equal(  # what the picker's search reads
                    queries.event_labels(store, f, base=base),
                    points[["outlet", "start_date", "end_date", "approximate", "mentions", "text"]],
                )
                got = queries.event_top(store, f, top, base=base)
                assert got.attrs["total"] == len(points), f
                assert got.attrs["distinct"] == len(
                    points[["outlet", "start_date", "end_date"]].drop_duplicates()
                )
                pd.testing.assert_frame_equal(
                    got, points.loc[sorted(order[:top])].reset_index(drop=True), obj=str(f)
                )
                chart = queries.event_chart(store, f, top, top, cells_max, base=base)
                assert figures.event_timeline(*chart).to_json() == want, (f, top, base)
                if len(points) > top:
                    cells = chart[1]
                    expected, _ = figures._event_cells(rest)
                    units.add(cells.attrs["unit"])
                    assert cells["events"].tolist() == expected["events"].tolist()
                    assert cells["mentions"].tolist() == expected["mentions"].tolist()
                    assert cells["events"].sum() == len(points) - top
                    compared += 1
    assert compared >= 30 and units == {"D", "M", "Y"}, (compared, units)
    # One event's points by its option value, and none for a value naming no event.
    f = Filters()
    first = queries.event_points(store, f).iloc[0]
    value = (str(first["start_date"])[:10], str(first["end_date"])[:10], first["outlet"])
    one = queries.event_top(store, f, 0, event=value)
    assert set(one["outlet"]) == {first["outlet"]} and len(one) >= 1
    assert queries.event_top(store, f, 0, event=("1900-01-01", "1900-01-01", "x")).empty


def test_the_refresh_command_brings_grouping_and_identity_up_to_date(
    duck_store, corpus, monkeypatch, capsys
):
    """After an upgrade (other keyword code: another grouping signature; other title
    lexicons: another identity signature) `python -m dashboard refresh` does once what the
    first reader's page would otherwise do; run again, it has nothing to do."""
    from dashboard.cli import main
    from dashboard.storage import speaker_identity

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    ingest_path(duck_store, corpus / "multi_outlet", workers=1)
    groups = duck_store.execute("SELECT COUNT(*) FROM agg_term_groups")[0][0]
    assert groups > 100
    duck_store.execute("UPDATE meta SET value = 'old' WHERE key = ?", [aggregates.GROUPS_KEY])
    duck_store.execute("DELETE FROM agg_term_groups")
    duck_store.execute(
        "UPDATE meta SET value = 'old' WHERE key = ?", [speaker_identity.SIGNATURE_KEY]
    )
    assert not aggregates.usable(duck_store) and not speaker_identity.is_current(duck_store)
    url = duck_store.url
    duck_store.close()

    assert main(["refresh", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "0 outlet slices recomputed" in out  # no article changed: only the grouping
    assert "spellings (re)grouped" in out
    assert "speakers' per-person sums: rebuilt" in out
    store = Store(url)
    try:
        assert aggregates.usable(store) and speaker_identity.is_current(store)
        assert store.execute("SELECT COUNT(*) FROM agg_term_groups")[0][0] == groups
    finally:
        store.close()

    assert main(["refresh", "--database", url]) == 0
    out = capsys.readouterr().out
    assert out.count("already current") == 3
