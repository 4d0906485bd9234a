"""The speaker identity kept in the store (storage/speaker_identity.py): extended round by
round, it equals identify() over the same rows, on DuckDB files and a real PostgreSQL
server (conftest.py). The spellings below are invented for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dashboard.analysis import identity
from dashboard.analysis.identity import identify, load_aliases
from dashboard.ingest import ingest
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import speaker_identity
from dashboard.storage.store import Store

DATA = Path(__file__).resolve().parent / "data"

# (spelling, kind, role, side): variants of invented people, bodies and anonymous voices.
SPELLINGS = [
    ("سامر الخطيب", "official", "", ""),
    ("الدكتور سامر الخطيب", "official", "", ""),
    ("سامر خطيب", "official", "", ""),
    ("الخطيب", "official", "", ""),
    ("غريغوري ماتفييف", "official", "", ""),
    ("جريجوري ماتفيف", "official", "", ""),
    ("ماتفييف", "official", "", ""),
    ("ليلى حداد", "expert", "", ""),
    ("ليلي حداد", "expert", "", ""),
    ("منى حداد", "expert", "", ""),
    ("حداد", "expert", "", ""),
    ("وزارة الخارجية", "state", "", ""),
    ("الخارجية", "state", "", ""),
    ("مصادر مطلعة", "anonymous", "", ""),
    ("Marta Kowalczyk", "official", "", "Poland"),
    ("Marta Kowalczyk", "official", "", ""),
    ("Kowalczyk", "official", "", ""),
    ("MARTA KOWALCZYK", "official", "", ""),
    ("Piotr Kowalczyk", "official", "", "Poland"),
    ("Ines Müller-Ortega", "expert", "", ""),
    ("Ines Muller Ortega", "expert", "", ""),
    ("Ortega", "expert", "", ""),
    ("the spokesman", "official", "the spokesman", ""),
    ("Алексей Воронцов", "official", "", ""),
    ("Воронцов", "official", "", ""),
    ("박준영", "official", "", ""),
    ("박 준영", "official", "", ""),
]


def _quotes(rows: list[tuple], start: int) -> list[tuple]:
    """quotes rows (the identity reads only the quotes) for (spelling, kind, role, side)."""
    return [
        (f"a{start + i}", 0, s, k, r, "قال", False, "نص", 0, 0, side or None, None)
        for i, (s, k, r, side) in enumerate(rows)
    ]


def _insert(store: Store, rows: list[tuple], start: int, extend: bool = True) -> None:
    with store.backend.transaction() as cur:
        store._bulk_insert(cur, "quotes", _quotes(rows, start))
        store._bump_version(cur)
        if extend:
            speaker_identity.update(store, cur)


def _whole(store: Store) -> identity.Identity:
    rows = store.execute(
        "SELECT speaker, speaker_kind, role, COUNT(*), affiliation FROM quotes "
        "GROUP BY speaker, speaker_kind, role, affiliation"
    )
    return identify(rows, load_aliases())


def _assert_same(store: Store) -> None:
    whole = _whole(store)
    kept = speaker_identity.load(store)
    assert kept.mapping == whole.mapping
    assert kept.counts == whole.counts
    assert kept.by_alias == whole.by_alias
    for canon in set(whole.mapping.values()):
        assert kept.kinds[canon] == whole.kinds[canon], canon
        assert kept.sides[canon] == whole.sides[canon], canon


def test_rounds_equal_the_whole_store_grouping(any_store):
    rng = random.Random(17)
    stream = [row for row in SPELLINGS for _ in range(rng.randint(1, 4))]
    rng.shuffle(stream)
    start = 0
    for size in (3, 1, 7, 5, 11, 2, 40):
        part, stream = stream[:size], stream[size:]
        if not part:
            break
        _insert(any_store, part, start)
        start += len(part)
        assert speaker_identity.is_current(any_store)
        _assert_same(any_store)
    # A bare surname that fitted one person becomes ambiguous when a second one arrives,
    # and a side makes two similar spellings two people: the kept identity follows.
    _insert(any_store, [("Anna Kowalczyk", "official", "", "")] * 3, start)
    _assert_same(any_store)


def test_a_round_regroups_only_what_it_touches(duck_store):
    _insert(duck_store, SPELLINGS, 0)
    with duck_store.backend.transaction() as cur:
        store_rows = len(SPELLINGS)
        duck_store._bulk_insert(
            cur, "quotes", _quotes([("يوسف البرغوثي", "official", "", "")], store_rows)
        )
        regrouped = speaker_identity.update(duck_store, cur)
    assert regrouped == 1  # a new person related to no stored spelling
    with duck_store.backend.transaction() as cur:
        assert speaker_identity.update(duck_store, cur) == 0  # nothing changed
    _assert_same(duck_store)


def test_writes_outside_ingest_and_deletions_are_caught_up_on_read(duck_store):
    _insert(duck_store, SPELLINGS[:10], 0)
    _insert(duck_store, SPELLINGS[10:], 100, extend=False)  # a write that did not extend it
    assert not speaker_identity.is_current(duck_store)
    assert identity.store_identity(duck_store).mapping == _whole(duck_store).mapping
    assert speaker_identity.is_current(duck_store)
    with duck_store.backend.transaction() as cur:
        cur.execute("DELETE FROM quotes WHERE speaker = 'Piotr Kowalczyk'")
        duck_store._bump_version(cur)
    assert identity.store_identity(duck_store).mapping == _whole(duck_store).mapping
    _assert_same(duck_store)


def test_an_edited_alias_file_rebuilds_it(duck_store, tmp_path, monkeypatch):
    _insert(duck_store, SPELLINGS, 0)
    path = tmp_path / "aliases.csv"
    path.write_text(
        "variant,canonical,action\nسامر خطيب,Samer al-Khatib,merge\nKowalczyk,,split\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(identity.ALIASES_ENV, str(path))
    assert not speaker_identity.is_current(duck_store)
    ident = identity.store_identity(duck_store)
    assert ident.mapping == _whole(duck_store).mapping
    assert ident.mapping["سامر خطيب"] == "Samer al-Khatib"
    assert ident.mapping["Kowalczyk"] == "Kowalczyk"
    _insert(duck_store, [("سامر الخطيب", "official", "", "")], 500)
    _assert_same(duck_store)


def test_a_failed_round_leaves_no_identity_behind(duck_store):
    _insert(duck_store, SPELLINGS[:5], 0)
    before = speaker_identity.load(duck_store).mapping
    with pytest.raises(RuntimeError), duck_store.backend.transaction() as cur:
        duck_store._bulk_insert(cur, "quotes", _quotes(SPELLINGS[5:], 50))
        speaker_identity.update(duck_store, cur)
        raise RuntimeError("the round fails after its identity was extended")
    assert speaker_identity.load(duck_store).mapping == before


@pytest.mark.parametrize("folder", ["corpus", "multi_outlet", "wire"])
def test_ingest_in_rounds_equals_identify(any_store, monkeypatch, folder):
    monkeypatch.setattr(ingest, "CHUNK", 3)
    ingest_path(any_store, str(DATA / folder), workers=1)
    assert speaker_identity.is_current(any_store)
    _assert_same(any_store)


def test_a_round_compares_only_its_own_spellings_while_the_table_is_current(
    duck_store, monkeypatch
):
    restricted: list[bool] = []
    real = speaker_identity._changed

    def spy(store, cur, articles=None):
        restricted.append(articles is not None)
        return real(store, cur, articles)

    monkeypatch.setattr(speaker_identity, "_changed", spy)
    monkeypatch.setattr(ingest, "CHUNK", 3)
    ingest_path(duck_store, str(DATA / "multi_outlet"), workers=1)
    assert len(restricted) >= 2 and all(restricted)  # round 1 built the table
    # A write that did not extend the table: the next round compares every spelling.
    _insert(duck_store, SPELLINGS, 1000, extend=False)
    restricted.clear()
    ingest_path(duck_store, str(DATA / "corpus"), workers=1)
    assert restricted[0] is False and all(restricted[1:])
    _assert_same(duck_store)


def test_the_identity_command_rebuilds_and_checks(duck_store, capsys):
    from dashboard.cli import main

    _insert(duck_store, SPELLINGS, 0)
    url = duck_store.url
    duck_store.close()
    assert main(["identity", "--database", url, "--rebuild", "--check"]) == 0
    out = capsys.readouterr().out
    assert f"{len(SPELLINGS) - 1} spellings (re)grouped" in out  # one spelling written twice
    assert "0 of" in out


@pytest.mark.parametrize("folder", ["corpus", "multi_outlet", "wire"])
def test_speaker_tables_labelled_in_sql_equal_the_python_labelling(any_store, folder):
    """The Speakers page's tables, labelled and summed in the database against
    speaker_names, are the frames the Python labelling of every row gives, and so is the
    statements' person (issue 17)."""
    import pandas as pd

    from dashboard.storage import queries
    from dashboard.storage.store import Filters

    ingest_path(any_store, str(DATA / folder), workers=1)
    outlets = any_store.execute(
        "SELECT a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id "
        "GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet LIMIT 1"
    )
    cases = [Filters(), Filters(count_mode="copies"), Filters(outlets=[outlets[0][0]])]
    for f in cases:
        for base in (False, True):
            sql = queries.speaker_tables(any_store, f, base)
            rows = queries._speaker_rows(any_store, f, base)
            python = (
                queries._speaker_counts_of(rows),
                queries._kind_counts_of(rows),
                queries._side_counts_of(rows),
            )
            assert not sql[0].empty
            for got, want in zip(sql, python, strict=True):
                pd.testing.assert_frame_equal(got, want)
        # The statements' person joined in SQL, as the Python labelling gives it.
        joined = queries.quotes(any_store, f, limit=100)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(queries, "_identity_in_store", lambda store: False)
            labelled = queries.quotes(any_store, f, limit=100)
        pd.testing.assert_frame_equal(joined, labelled)


def test_the_signature_follows_the_alias_file_content_not_its_path(tmp_path):
    from dashboard.storage import speaker_identity

    rows = "variant,canonical,action\nJ. Roe,Jane Roe,merge\n"
    first, second = tmp_path / "a.csv", tmp_path / "elsewhere" / "b.csv"
    second.parent.mkdir()
    first.write_text(rows, encoding="utf-8")
    second.write_text(rows, encoding="utf-8")
    assert speaker_identity.signature(first) == speaker_identity.signature(second)
    second.write_text(rows + "R. Doe,Richard Doe,merge\n", encoding="utf-8")
    assert speaker_identity.signature(first) != speaker_identity.signature(second)


@pytest.mark.parametrize("folder", ["corpus", "wire"])
def test_the_speakers_page_data_is_the_whole_tables_cut(any_store, folder):
    """speaker_page reads a table page, the chart's people and totals (at 100,000 articles
    every row took the page over 2 s): each is what the whole tables give, in SQL and in
    the Python labelling; the picker, the spellings and the merges too (issue 17)."""
    import pandas as pd

    from dashboard.analysis.identity import store_identity
    from dashboard.storage import queries
    from dashboard.storage.store import Filters

    ingest_path(any_store, str(DATA / folder), workers=1)
    outlets = any_store.execute(
        "SELECT a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id "
        "GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet LIMIT 1"
    )
    for f in (Filters(), Filters(outlets=[outlets[0][0]])):
        counts, kinds, sides = queries.speaker_tables(any_store, f)
        people = counts.groupby("speaker")["total"].sum().reset_index()
        people = people.rename(columns={"speaker": "person"}).sort_values(
            ["total", "person"], ascending=[False, True], kind="stable", ignore_index=True
        )
        charted = set(people["person"].head(queries.SPEAKER_CHART_PEOPLE))
        ident = store_identity(any_store)
        groups = ident.groups()
        for in_store in (True, False):
            with pytest.MonkeyPatch.context() as mp:
                if not in_store:
                    mp.setattr(queries, "_identity_in_store", lambda store: False)
                for rows in (1, 7, 100_000):
                    view = queries.speaker_page(any_store, f, rows)
                    pd.testing.assert_frame_equal(view.table, counts.head(rows))
                    want = counts[counts["speaker"].isin(charted)].reset_index(drop=True)
                    pd.testing.assert_frame_equal(view.chart, want)
                    pd.testing.assert_frame_equal(view.kinds, kinds)
                    pd.testing.assert_frame_equal(view.sides, sides)
                    assert (view.people, view.pairs) == (len(people), len(counts))
                    assert view.direct == int(counts["direct"].sum())
                    assert view.reported == int(counts["reported"].sum()) > 0
                    assert view.outlets == sorted(counts["outlet"].unique())
                found, n = queries.speaker_people(any_store, f, "", 3)
                pd.testing.assert_frame_equal(found, people.head(3))
                assert n == len(people)
                # A search: every word in the person's name or one of its spellings.
                target = people["person"].iloc[-1]
                word = max(target.split(), key=len).casefold()
                spelled = counts["speaker"].str.casefold().str.contains(word, regex=False)
                spelled |= counts["variants"].str.casefold().str.contains(word, regex=False)
                found, n = queries.speaker_people(any_store, f, word.upper(), 1000)
                assert set(found["person"]) == set(counts.loc[spelled, "speaker"])
                assert target in set(found["person"]) and n == len(found)
                assert queries.merged_spelling_count(any_store, f) == sum(
                    len(v) for p, v in groups.items() if p in set(people["person"])
                )
                shown = list(people["person"])
                merged = queries.merged_spellings(any_store, shown)
                assert dict(zip(merged["person"], merged["spellings"], strict=True)) == {
                    p: groups[p] for p in shown if p in groups
                }
                for p in shown[:20]:
                    assert queries.person_spellings(any_store, p) == sorted({p, *groups.get(p, [])})


def test_the_picker_search_folds_arabic_letters_as_the_parser_does(any_store):
    """«احمد» typed without its hamza finds «أحمد …»: the search folds the stored spellings
    as `normalize` folds words (hamza seats, ta marbuta, alef maqsura, marks), on DuckDB and
    PostgreSQL alike; the stored spelling typed as written finds them too."""
    from dashboard.analysis.textproc import normalize
    from dashboard.storage import queries
    from dashboard.storage.store import Filters

    ingest_path(any_store, str(DATA / "corpus"), workers=1)
    people, _ = queries.speaker_people(any_store, Filters(), "", 10_000)
    spellings = {p: queries.person_spellings(any_store, p) for p in people["person"]}
    words = sorted(
        {
            w
            for names in spellings.values()
            for name in names
            for w in name.split()
            if normalize(w) != w.lower() and len(normalize(w)) > 2
        }
    )
    assert len(words) >= 3, "the corpus must hold names with letters the search folds"
    for word in words[:6]:
        # Exactly the people one of whose spellings holds the folded word.
        want = {
            p
            for p, names in spellings.items()
            if any(normalize(word) in normalize(s) for s in names)
        }
        for typed in (normalize(word), word, f"  {normalize(word).upper()} "):
            found, n = queries.speaker_people(any_store, Filters(), typed, 10_000)
            assert want and set(found["person"]) == want and n == len(want), (word, typed)


def test_hash_joins_turn_nested_loops_off_for_that_statement_only(any_store):
    """PostgreSQL misestimates grouped CTEs joined back to each other by orders of
    magnitude (403 estimated for 153,678 pairs at 100,000 articles) and planned nested
    loops that ran for over 22 minutes: such statements run with nested loops off."""
    if any_store.kind != "postgresql":
        assert any_store.execute("SELECT 1", hash_joins=True) == [(1,)]
        return
    setting = "SELECT current_setting('enable_nestloop')"
    assert any_store.execute(setting, hash_joins=True) == [("off",)]
    assert any_store.frame(setting, hash_joins=True).iloc[0, 0] == "off"
    assert any_store.execute(setting) == [("on",)]  # SET LOCAL ended with the statement


def test_every_speaker_page_statement_joins_by_hashing(any_store, monkeypatch):
    """The Speakers page's statements over the labelled rows ask for hash joins (what
    made the 100,000-article page answer in seconds on PostgreSQL instead of never)."""
    from dashboard.storage import queries
    from dashboard.storage.store import Filters

    ingest_path(any_store, str(DATA / "multi_outlet"), workers=1)
    asked: list[str] = []
    real = type(any_store.backend).hash_join_cursor

    def spy(backend):
        asked.append("hash")
        return real(backend)

    monkeypatch.setattr(type(any_store.backend), "hash_join_cursor", spy)
    f = Filters()
    page = queries.speaker_page(any_store, f)
    assert page.pairs > 0 and len(asked) == 2  # the counts, and the kinds and sides
    queries.merged_spelling_count(any_store, f)
    queries.speaker_people(any_store, f, "")
    assert len(asked) == 4
