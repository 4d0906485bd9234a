"""Ingest in rounds at scale: bulk writes per round, re-ingest adds nothing, and the wire-copy
clusters built round by round from the persisted LSH bands (table article_lsh) equal a full
rebuild. Real DuckDB files and a real PostgreSQL server (conftest.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_syndication import LOAN, TOURISM  # the hand-labelled wire clusters

from dashboard.ingest import ingest
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import syndication
from dashboard.storage.store import Store
from dashboard.storage.syndication import _LSH_B, band_hashes, minhash_for, update_clusters

WIRE = Path(__file__).resolve().parent / "data" / "wire"  # 18 files + dispatch/ (12)


def cluster_files(store: Store) -> set[frozenset[str]]:
    names = {aid: Path(f).name for aid, f in store.execute("SELECT id, source_file FROM articles")}
    groups: dict[str, set[str]] = {}
    for aid, cid in store.execute("SELECT article_id, cluster_id FROM article_clusters"):
        groups.setdefault(cid, set()).add(names[aid])
    return {frozenset(g) for g in groups.values()}


def cluster_rows(store: Store) -> set[tuple]:
    return set(store.execute("SELECT article_id, cluster_id, rank, is_first FROM article_clusters"))


def count(store: Store, table: str) -> int:
    return int(store.execute(f"SELECT COUNT(*) FROM {table}")[0][0])


def test_band_keys_follow_the_shared_hash_values():
    a = minhash_for("one two three four five six seven eight nine ten eleven twelve")
    b = minhash_for("one two three four five six seven eight nine ten eleven twelve")
    c = minhash_for("a wholly different sentence about other things entirely, written anew")
    assert len(band_hashes(a.hashvalues)) == _LSH_B == 37
    assert band_hashes(a.hashvalues) == band_hashes(b.hashvalues)
    shared = set(band_hashes(a.hashvalues)) & set(band_hashes(c.hashvalues))
    assert len(shared) <= 1  # unrelated texts share (almost) no bucket


@pytest.fixture
def rounds_of_4(monkeypatch):
    monkeypatch.setattr(ingest, "CHUNK", 4)
    sizes: list[int] = []
    real = ingest.store_parsed

    def recording(store, *args, **kwargs):
        part = real(store, *args, **kwargs)
        sizes.append(count(store, "article_lsh"))
        return part

    monkeypatch.setattr(ingest, "store_parsed", recording)
    return sizes


def test_rounds_grow_the_band_table_and_give_the_clusters_of_a_full_rebuild(any_store, rounds_of_4):
    report = ingest_path(any_store, WIRE, workers=1)
    assert report.added == 30 and report.rejected == 0
    # 30 articles in rounds of 4: the band table grows by 37 rows per stored article,
    # round after round (the index is extended, never rebuilt).
    assert rounds_of_4 == [37 * min(4 * (i + 1), 30) for i in range(8)]
    assert count(any_store, "article_minhash") == 30
    assert cluster_files(any_store) == {frozenset(TOURISM), frozenset(LOAN)}
    built = cluster_rows(any_store)
    assert len(built) == 12
    first = {r[0] for r in built if r[3]}
    names = {
        aid: Path(f).name for aid, f in any_store.execute("SELECT id, source_file FROM articles")
    }
    assert {names[a] for a in first} == {"mena_tourism.txt", "kuna_loan.txt"}

    full = update_clusters(any_store, full=True)
    assert full.signed == 0 and full.changed_rows == 0
    assert full.clusters == 2 and full.clustered_articles == 12
    assert cluster_rows(any_store) == built

    # Re-ingest adds nothing: every file is a duplicate, no band or cluster row changes.
    version = any_store.data_version()
    again = ingest_path(any_store, WIRE, workers=1)
    assert again.added == 0 and again.duplicates == 30
    assert count(any_store, "article_lsh") == 37 * 30
    assert cluster_rows(any_store) == built
    assert any_store.data_version() == version


def test_one_round_and_many_rounds_store_the_same_clusters(tmp_path, monkeypatch):
    one = Store(f"duckdb:///{tmp_path / 'one.duckdb'}")
    ingest_path(one, WIRE, workers=1)
    monkeypatch.setattr(ingest, "CHUNK", 3)
    many = Store(f"duckdb:///{tmp_path / 'many.duckdb'}")
    ingest_path(many, WIRE, workers=1)
    try:
        assert cluster_rows(one) == cluster_rows(many)
        assert set(one.execute("SELECT * FROM article_lsh")) == set(
            many.execute("SELECT * FROM article_lsh")
        )
    finally:
        one.close()
        many.close()


def table_counts(store: Store) -> dict[str, int]:
    tables = ("articles", "quotes", "date_mentions", "terms", "frames", "event_names")
    tables += ("article_minhash", "article_lsh", "agency_credits", "article_clusters")
    return {t: count(store, t) for t in tables}


def test_a_round_whose_clustering_fails_leaves_the_store_as_before(any_store, monkeypatch):
    # Round 1 (4 dispatch copies) is stored and clustered; round 2's clustering fails.
    from dashboard.ingest.readers import read_path

    raws = read_path(WIRE / "dispatch").articles
    done = ingest.ingest_result(any_store, _result(raws[:4]), workers=1)
    assert done.added == 4
    before = table_counts(any_store)
    assert before["articles"] == 4 and before["article_lsh"] == 37 * 4
    assert before["article_clusters"] >= 2 and before["terms"] > 0
    version = any_store.data_version()
    clusters = cluster_rows(any_store)

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(syndication, "_ranked_rows", boom)
    report = ingest.ingest_result(any_store, _result(raws[4:8]), workers=1)
    assert report.added == 0 and report.rejected == 4
    assert all("disk full" in o.detail for o in report.outcomes if o.status == "rejected")
    # Articles, their rows, signatures, bands, credits and clusters: all as before.
    assert table_counts(any_store) == before
    assert cluster_rows(any_store) == clusters
    assert any_store.data_version() == version
    monkeypatch.undo()
    # The same files ingested again are stored and clustered as if nothing had failed.
    again = ingest_path(any_store, WIRE / "dispatch", workers=1)
    assert again.added == 8 and again.duplicates == 4
    assert count(any_store, "article_lsh") == 37 * 12
    assert cluster_files(any_store) == {frozenset(TOURISM)}


def _result(raws):
    from dashboard.ingest.readers import ReadResult

    return ReadResult(articles=list(raws), problems=[])


def test_a_failed_bulk_write_of_a_round_leaves_nothing(any_store, monkeypatch):
    from dashboard.analysis.parser import parse_article
    from dashboard.ingest.readers import read_path

    raws = read_path(WIRE / "dispatch").articles[:5]
    items = [(parse_article(r), r) for r in raws]
    real = Store._bulk_insert

    def failing(self, cur, table, values):
        if table == "terms":  # after articles and quotes went in
            raise RuntimeError("write failed")
        return real(self, cur, table, values)

    monkeypatch.setattr(Store, "_bulk_insert", failing)
    with pytest.raises(RuntimeError):
        any_store.add_many(items)
    monkeypatch.undo()
    for table in ("articles", "quotes", "date_mentions", "terms"):
        assert count(any_store, table) == 0, table
    assert any_store.data_version() == 0
    assert any_store.add_many(items) == 5


def test_existing_hashes_is_one_lookup_for_a_round(duck_store):
    ingest_path(duck_store, WIRE / "dispatch", workers=1)
    stored = [r[0] for r in duck_store.execute("SELECT content_hash FROM articles")]
    got = duck_store.existing_hashes([*stored[:3], "0" * 64, stored[0]])
    assert got == set(stored[:3])


def test_a_store_signed_before_the_band_table_gets_its_bands(duck_store):
    ingest_path(duck_store, WIRE / "dispatch", workers=1)
    built = cluster_rows(duck_store)
    # As a store from before migration 007: signatures and clusters, no bands.
    duck_store.execute("DELETE FROM article_lsh")
    duck_store.execute("DELETE FROM meta WHERE key = 'lsh_bands'")
    done = update_clusters(duck_store)
    assert done.signed == 0
    assert count(duck_store, "article_lsh") == 37 * 12
    assert cluster_rows(duck_store) == built


def _pair_with_jaccard(rng, shared: int, own: int) -> tuple[set[str], set[str]]:
    """Two shingle sets with `shared` common and `own` private members each."""
    words = [f"w{rng.randrange(10**9)}" for _ in range(shared + 2 * own)]
    common = set(words[:shared])
    return common | set(words[shared : shared + own]), common | set(words[shared + own :])


def test_the_signature_prefilter_keeps_every_pair_at_a_copy_threshold():
    # 300 pairs exactly at Jaccard 0.5 (150 shared, 75 + 75 own): their MinHash estimates
    # scatter around 0.5 (standard error 0.044); none may be pruned before the exact check.
    import random

    rng = random.Random(17)
    estimates = []
    for _ in range(300):
        a, b = _pair_with_jaccard(rng, 150, 75)
        assert syndication.is_copy(a, b)[0]
        est = syndication._minhash_of(a).jaccard(syndication._minhash_of(b))
        estimates.append(est)
        assert syndication._could_be_copy(est, len(a), len(b))
    assert min(estimates) < 0.45 < 0.55 < max(estimates)  # the estimates do scatter


def test_the_signature_prefilter_prunes_pairs_far_from_a_copy():
    # Same story, different articles: a Jaccard estimate of 0.15 between texts of similar
    # size cannot hide a copy; a short text inside a long one (containment) can.
    assert not syndication._could_be_copy(0.15, 240, 260)
    assert not syndication._could_be_copy(0.27, 200, 200)
    assert syndication._could_be_copy(0.29, 200, 200)  # 0.29 + 0.22 reaches 0.5
    assert syndication._could_be_copy(0.15, 60, 600)  # a trimmed copy: containment
    assert not syndication._could_be_copy(0.6, 8, 9)  # two short briefs need 0.9
    pairs = [("a", "b"), ("a", "c")]
    sig = {k: syndication._minhash_of({f"{k}{i}" for i in range(50)}) for k in "abc"}
    sig["c"] = sig["a"]  # identical signatures: a sure candidate
    sizes = dict.fromkeys("abc", 50)
    assert syndication._plausible_pairs(pairs, sig, sizes) == [("a", "c")]


def test_candidates_are_checked_on_stored_shingle_hashes_or_on_old_bodies(duck_store):
    ingest_path(duck_store, WIRE / "dispatch", workers=1)
    built = cluster_rows(duck_store)
    body, blob, n = duck_store.execute(
        "SELECT a.body, m.shingle_hashes, m.shingles FROM articles a "
        "JOIN article_minhash m ON m.article_id = a.id ORDER BY a.id LIMIT 1"
    )[0]
    stored = np.frombuffer(bytes(blob), dtype="<u8")
    assert len(stored) == n == len(syndication.shingles(body))
    assert list(stored) == list(syndication.shingle_hashes(syndication.shingles(body)))
    # A store signed before migration 010 has no hashes: the bodies are read instead.
    duck_store.execute("UPDATE article_minhash SET shingle_hashes = NULL")
    duck_store.execute("DELETE FROM article_clusters")
    update_clusters(duck_store, full=True)
    assert cluster_rows(duck_store) == built


SIGNED_TABLES = ("article_minhash", "article_lsh", "agency_credits", "article_clusters")


def test_signatures_from_the_parser_store_what_signing_at_store_time_stores(tmp_path, monkeypatch):
    # The parse executors sign each body where they parse it (ParsedRound.signatures);
    # store_parsed() given plain results signs the bodies itself. Both must store the very
    # same signatures, bands, credits and clusters, in one round or in several.
    from dashboard.ingest.executors import ParsedRound

    real = ingest.parse_many

    def unsigned(*args, **kwargs):
        return list(real(*args, **kwargs))  # a plain list: no signatures

    monkeypatch.setattr(ingest, "CHUNK", 7)
    stores = {}
    for name, parse in (("signed", real), ("unsigned", unsigned)):
        monkeypatch.setattr(ingest, "parse_many", parse)
        stores[name] = Store(f"duckdb:///{tmp_path / name}.duckdb")
        ingest_path(stores[name], WIRE, workers=1)
    try:
        got = ingest.parse_many(read_raws(), workers=1)
        assert not isinstance(got, ParsedRound)  # the monkeypatch above took effect
        a, b = stores["signed"], stores["unsigned"]
        assert cluster_files(a) == {frozenset(TOURISM), frozenset(LOAN)}
        for table in SIGNED_TABLES:
            assert sorted(a.execute(f"SELECT * FROM {table}"), key=repr) == sorted(
                b.execute(f"SELECT * FROM {table}"), key=repr
            ), table
    finally:
        for s in stores.values():
            s.close()


def read_raws():
    from dashboard.ingest.readers import read_path

    return read_path(WIRE / "dispatch").articles[:2]


def test_a_signature_of_another_scheme_is_not_used(duck_store):
    # A worker with another hash family (say another datasketch) signs differently: its
    # signatures are ignored and the bodies signed again, so the store stays consistent.
    from dataclasses import replace

    from dashboard.analysis.parser import parse_article
    from dashboard.ingest.executors import ParsedRound

    raws = read_raws()
    good = [syndication.sign(r.body) for r in raws]
    alien = [replace(s, scheme="other", shingles=1, bands=(0,) * _LSH_B) for s in good]
    parsed = ParsedRound([(parse_article(r), "") for r in raws], alien)
    ingest.store_parsed(duck_store, raws, parsed)
    stored = dict(duck_store.execute("SELECT article_id, shingles FROM article_minhash"))
    assert sorted(stored.values()) == sorted(s.shingles for s in good)
    assert count(duck_store, "article_lsh") == 37 * 2


def test_the_grouped_exact_check_agrees_with_the_pairwise_one():
    # _copies_hashed() counts the shared shingle keys of many pairs at once; it must give
    # _is_copy_hashed()'s answer on every pair: copies, near misses at each threshold,
    # contained texts, short texts and empty ones.
    import random

    rng = random.Random(5)
    pool = [rng.randrange(2**64) for _ in range(3000)]
    base = sorted(rng.sample(pool, 400))
    arrays = [np.array(base, dtype="<u8")]
    for shared, own in [(400, 0), (200, 200), (199, 202), (150, 20), (140, 60), (10, 0), (0, 30)]:
        keys = rng.sample(base, shared) + rng.sample(pool, own)
        arrays.append(np.array(sorted(set(keys)), dtype="<u8"))
    arrays += [np.array(sorted(rng.sample(base, 9)), dtype="<u8"), np.empty(0, dtype="<u8")]
    arrays.append(arrays[-2].copy())  # two identical short texts
    n = len(arrays)
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    ia = np.array([a for a, _ in pairs], dtype=np.int64)
    ib = np.array([b for _, b in pairs], dtype=np.int64)
    got = syndication._copies_hashed(arrays, ia, ib)
    want = [syndication._is_copy_hashed(arrays[a], arrays[b]) for a, b in pairs]
    assert got.tolist() == want
    assert 3 <= sum(want) < len(want)  # both answers occur


def comparable_rows(store: Store, table: str) -> list[tuple]:
    """A table's rows, sorted, without the columns that record when a run wrote them."""
    if table in ("meta", "schema_migrations"):  # data version, migration times
        return []
    cols = [
        c
        for c, kind in store.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        )
        if not kind.startswith("TIMESTAMP")  # articles.added_at
    ]
    return sorted(store.execute(f"SELECT {', '.join(cols)} FROM {table}"), key=repr)


def _check_every_pair(ids, ia, ib, estimate, seeds, check):
    """The former exact check: every candidate pair, whatever is joined already."""
    return check(ia, ib), len(ia)


def test_skipping_pairs_already_joined_stores_the_same_tables(tmp_path, monkeypatch):
    # Rounds of 3 over the wire corpus (two clusters of six): the clustering that checks
    # only pairs joining two groups stores every table exactly as checking every pair.
    monkeypatch.setattr(ingest, "CHUNK", 3)
    checked: dict[str, list[tuple[int, int]]] = {"joining": [], "every": []}
    real = syndication.update_clusters

    stores = {}
    for name in ("joining", "every"):
        if name == "every":
            monkeypatch.setattr(syndication, "_verify_joining", _check_every_pair)

        def recording(*args, _name=name, **kwargs):
            res = real(*args, **kwargs)
            checked[_name].append((res.candidates - res.pruned, res.checked))
            return res

        monkeypatch.setattr(syndication, "update_clusters", recording)
        stores[name] = Store(f"duckdb:///{tmp_path / name}.duckdb")
        ingest_path(stores[name], WIRE, workers=1)
    try:
        a, b = stores["joining"], stores["every"]
        assert cluster_files(a) == {frozenset(TOURISM), frozenset(LOAN)}
        for table in [r[0] for r in a.execute("SELECT table_name FROM information_schema.tables")]:
            assert comparable_rows(a, table) == comparable_rows(b, table), table
        # The same candidates survive the prefilter; fewer of them are checked.
        assert [c for c, _ in checked["joining"]] == [c for c, _ in checked["every"]]
        assert sum(k for _, k in checked["joining"]) < sum(k for _, k in checked["every"])
    finally:
        for s in stores.values():
            s.close()


def test_verify_joining_gives_the_components_of_checking_every_pair():
    # Random graphs of "copies" among 60 articles with stored clusters as seeds: the groups
    # built from the pairs _verify_joining finds equal those built from every copy pair.
    import random

    for seed in range(40):
        rng = random.Random(seed)
        n = 60
        ids = [f"a{i:02d}" for i in range(n)]
        truth = {(a, b) for a in range(n) for b in range(a + 1, n) if rng.random() < 0.04}
        pairs = sorted(truth | {(a, b) for a in range(n) for b in range(a + 1, n)
                                if rng.random() < 0.1})  # fmt: skip
        ia = np.array([a for a, _ in pairs], dtype=np.int64)
        ib = np.array([b for _, b in pairs], dtype=np.int64)
        estimate = np.array([rng.random() for _ in pairs])
        seeds = {ids[i]: f"c{i % 5}" for i in rng.sample(range(n), 12)}

        def check(pa, pb, _truth=truth):
            return np.array([(a, b) in _truth for a, b in zip(pa, pb, strict=True)], dtype=bool)

        found, checked = syndication._verify_joining(ids, ia, ib, estimate, seeds, check)
        assert checked <= len(pairs)

        def groups(edges, ids=ids, seeds=seeds):
            uf = syndication._UnionFind()
            for aid in ids:
                uf.find(aid)
            for members in {
                c: [a for a in seeds if seeds[a] == c] for c in seeds.values()
            }.values():
                for m in members:
                    uf.union(members[0], m)
            for a, b in edges:
                uf.union(ids[a], ids[b])
            return {frozenset(g) for g in uf.groups()}

        got = [(a, b) for a, b, ok in zip(ia, ib, found, strict=True) if ok]
        assert set(got) <= truth
        assert groups(got) == groups(truth)
