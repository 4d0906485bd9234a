"""The Speakers page read from agg_speaker_people (per-person sums, aggregates.py) equals
the page read from the labelled agg_speakers rows (speaker_page(base=True)), on DuckDB and
PostgreSQL, under several filters; the table follows new rounds and an edited alias file."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from dashboard.analysis import identity
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import aggregates, queries
from dashboard.storage.store import Filters, Store

DATA = Path(__file__).parent / "data"

FILTERS = [
    Filters(),
    Filters(count_mode="copies"),
    Filters(languages=["en"]),
    Filters(languages=["ar"], count_mode="copies"),
    Filters(outlets=["Al-Ramla", "Nahr News Agency", "Meridian Times"], count_mode="copies"),
    Filters(countries=["GB", "US"]),
    Filters(date_from="2026-03-03"),  # no per-slice aggregates: the labelled base rows
]


def _held(store: Store, request) -> Store:
    lease = store.connected()
    lease.__enter__()
    request.addfinalizer(lambda: lease.__exit__(None, None, None))
    return store


def _assert_same_page(store: Store, f: Filters, rows: int) -> None:
    new = queries.speaker_page(store, f, rows)
    old = queries.speaker_page(store, f, rows, base=True)
    for name in ("table", "chart", "kinds", "sides"):
        pd.testing.assert_frame_equal(
            getattr(new, name), getattr(old, name), check_exact=True, obj=f"{name} {f}"
        )
    assert (new.people, new.pairs, new.outlets) == (old.people, old.pairs, old.outlets), f


def _assert_parity(store: Store) -> None:
    for f in FILTERS:
        for rows in (100_000, 100, 3):
            _assert_same_page(store, f, rows)
        # The person picker and the merged-spellings count read the same sums.
        assert queries.merged_spelling_count(store, f) == queries.merged_spelling_count(
            store, f, base=True
        ), f
        for search, limit in (("", 100_000), ("", 5), ("a", 100_000), ("vilkas", 10)):
            new, found = queries.speaker_people(store, f, search, limit)
            old, found_old = queries.speaker_people(store, f, search, limit, base=True)
            pd.testing.assert_frame_equal(new, old, check_exact=True, obj=f"{search} {f}")
            assert found == found_old, (search, f)


# Invented spellings (people, bodies) with kinds, roles and sides that disagree between
# rows, so that pages have people with several spellings, kinds, roles and sides per outlet.
VOICES = [
    "Tomas Vilkas",
    "T. Vilkas",
    "Vilkas",
    "Minister Tomas Vilkas",
    "Aurelia Brandt",
    "Dr Aurelia Brandt",
    "Brandt",
    "نادر سلوم",
    "الدكتور نادر سلوم",
    "سلوم",
    "وزارة الموانئ",
    "Олег Тарасов",
    "Тарасов",
]
KINDS = ["official", "expert", "", None, "state"]
ROLES = ["", None, "minister", "spokesman", "deputy minister", "adviser"]
SIDES = [None, "", "Lithuania", "Chile"]


def _add_voices(store: Store, n: int = 400) -> None:
    """Quotes of VOICES in the stored articles, then the aggregates counted anew."""
    rng = random.Random(35)
    ids = [str(r[0]) for r in store.execute("SELECT id FROM articles ORDER BY id")]
    rows = [
        (
            rng.choice(ids),
            1000 + i,
            rng.choice(VOICES),
            rng.choice(KINDS),
            rng.choice(ROLES),
            "said",
            rng.random() < 0.5,
            "invented",
            0,
            "invented",
            rng.choice(SIDES),
            None,
        )
        for i in range(n)
    ]
    with store.backend.transaction() as cur:
        store._bulk_insert(cur, "quotes", rows)
        cur.execute("DELETE FROM agg_state")  # every slice counted again
        store._bump_version(cur)
    aggregates.refresh(store)


def _people_rows(store: Store) -> int:
    return int(store.execute("SELECT COUNT(*) FROM agg_speaker_people")[0][0])


def test_speaker_page_from_person_sums_equals_labelled_rows(
    any_store, corpus, monkeypatch, request
):
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(any_store, request)
    ingest_path(store, corpus / "multi_outlet", workers=1)
    # Built by the ingest (after the last round), so the first reader does not wait for it.
    assert aggregates.speaker_people_current(store)
    aggregates.ensure_fresh(store)
    assert aggregates.speaker_people_current(store)
    first = _people_rows(store)
    assert first > 0
    _assert_parity(store)

    # A second ingest brings them up to date again.
    ingest_path(store, corpus / "corpus", workers=1)
    assert aggregates.speaker_people_current(store)
    assert _people_rows(store) > first
    _assert_parity(store)

    # Disagreeing rows: the ordered parts (spellings, first kind, role) have work to do.
    _add_voices(store)
    _assert_parity(store)
    page = queries.speaker_page(store, Filters(count_mode="copies"), 100_000)
    assert page.table["variants"].str.contains("; ").any()
    # Spellings the identity table does not hold are their own people, whose kind and side
    # come from their rows: when these disagree the first row's (in order) is taken.
    with store.backend.transaction() as cur:
        cur.execute("DELETE FROM speaker_names WHERE speaker IN ('Vilkas', 'Brandt', 'Тарасов')")
        cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [aggregates.PEOPLE_KEY])
    assert not aggregates.speaker_people_current(store)
    _assert_parity(store)
    mixed = store.execute(
        """SELECT SUM(CASE WHEN k0 <> k1 THEN 1 ELSE 0 END),
                  SUM(CASE WHEN s0 <> s1 THEN 1 ELSE 0 END)
           FROM (SELECT MIN(person_kind) AS k0, MAX(person_kind) AS k1,
                        MIN(person_side) AS s0, MAX(person_side) AS s1
                 FROM agg_speaker_people WHERE pk IS NULL GROUP BY outlet, person) x"""
    )
    assert int(mixed[0][0]) > 0 and int(mixed[0][1]) > 0
    # The people table was read (not just the fallback): its sums match the page's.
    page = queries.speaker_page(store, Filters(count_mode="copies"))
    total = store.execute("SELECT SUM(total) FROM agg_speaker_people")[0][0]
    assert int(total) == page.direct + page.reported


def test_an_edited_alias_file_rebuilds_the_person_sums(duck_store, corpus, monkeypatch, request):
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    store = _held(duck_store, request)
    ingest_path(store, corpus / "multi_outlet", workers=1)
    aggregates.ensure_fresh(store)
    queries.speaker_page(store, Filters())
    assert aggregates.speaker_people_current(store)

    # Merge the two most-quoted people by an alias file (chosen from the store, not named).
    top = store.execute(
        """SELECT person FROM agg_speaker_people GROUP BY person
           ORDER BY SUM(total) DESC, person LIMIT 2"""
    )
    a, b = str(top[0][0]), str(top[1][0])
    path = corpus.parent / "aliases_people.csv"
    path.write_text(f"variant,canonical,action\n{b},{a},merge\n", encoding="utf-8")
    monkeypatch.setenv(identity.ALIASES_ENV, str(path))
    before = {str(p) for (p,) in store.execute("SELECT DISTINCT person FROM agg_speaker_people")}
    assert b in before

    _assert_parity(store)  # the identity is rebuilt, then the sums
    assert aggregates.speaker_people_current(store)
    after = {str(p) for (p,) in store.execute("SELECT DISTINCT person FROM agg_speaker_people")}
    assert a in after and b not in after


def test_a_store_that_changed_meanwhile_reads_the_labelled_rows(duck_store, corpus, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    ingest_path(duck_store, corpus / "multi_outlet", workers=1)
    aggregates.ensure_fresh(duck_store)
    queries.speaker_page(duck_store, Filters())
    # The identity marked behind the data: the table is not rebuilt from it.
    with duck_store.backend.transaction() as cur:
        cur.execute("DELETE FROM meta WHERE key = 'speaker_identity_version'")
        cur.execute(duck_store._sql("DELETE FROM meta WHERE key = ?"), [aggregates.PEOPLE_KEY])
    assert not aggregates.ensure_speaker_people(duck_store)
