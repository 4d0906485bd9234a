"""Issue 19: keywords as readers name things — whole names, no fragments or clitic
duplicates, no outlet's own name; and the keyword scorer against devset/keyterms."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dashboard.analysis.keywords import (
    cloud_terms,
    distinctive_vs_rest,
    fold_term,
    outlet_words,
    whole_terms,
)
from dashboard.bench.evaluate_keywords import precision_at, redundant
from dashboard.ingest.ingest import ingest_path
from dashboard.storage import queries
from dashboard.storage.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    store = Store(f"duckdb:///{tmp_path_factory.mktemp('kw') / 'kw.duckdb'}")
    ingest_path(store, SEEDS, workers=1)
    return store


def test_clitic_duplicates_merge_into_one_term():
    kept = whole_terms([("الاتفاق", 5), ("اتفاق", 3), ("والاتفاق", 1)], {})
    assert kept == [("الاتفاق", 9)]


def test_overlapping_bigrams_join_into_one_name_and_straddlers_go():
    counts = {"كيم": 5, "جونج": 4, "أون": 4, "الشمالية": 6}
    cands = [("كيم جونج", 4), ("جونج أون", 4), ("كيم", 5), ("الشمالية كيم", 2), ("جونج", 4)]
    assert whole_terms(cands, counts) == [("كيم جونج أون", 4)]


def test_a_common_word_shared_by_two_bigrams_does_not_join_them():
    # «الرئيس» lives in many phrases: «الرئيس الروسي» and «الرئيس الكوري» are not one name.
    counts = {"الرئيس": 20}
    cands = [("الرئيس الروسي", 4), ("الروسي الرئيس", 1)]
    terms = [t for t, _ in whole_terms(cands, counts)]
    assert "الرئيس الروسي الرئيس" not in terms


def test_full_latin_name_replaces_its_surname_and_name_plus_word_yields():
    kept = whole_terms([("Harris", 12), ("Kamala Harris", 2), ("Harris tells", 2)], {})
    assert kept == [("Kamala Harris", 12)]
    kept = whole_terms([("Labour leader", 4), ("Labour", 4)], {})
    assert kept == [("Labour", 4)]


def test_outlet_words_skip_common_words():
    words = outlet_words("ANF News (Firat News Agency)", "anfarabic.com")
    assert fold_term("ANF")[0] in words and "firat" in words
    assert "news" not in words and "agency" not in words


def test_seed_keywords_have_no_fragments_duplicates_or_outlet_name(seeded):
    from dashboard.analysis.parser import parse_article
    from dashboard.ingest.readers import read_path

    for raw in read_path(SEEDS).articles:
        article = parse_article(raw)
        top = [k.term for k in article.keywords[:25]]
        assert len(top) >= 10, raw.source_file
        flagged = [t for t, r in zip(top, redundant(top, "ar"), strict=True) if r]
        assert flagged == [], (raw.source_file, flagged)
        own = outlet_words(raw.outlet, raw.outlet_domain)
        assert not [t for t in top if set(fold_term(t)) & own]


def test_seed_distinctive_terms_and_clouds_whole_and_without_own_name(seeded):
    f = queries.Filters()
    dist = queries.distinctive_terms(seeded, f)
    assert not dist.empty
    by_outlet = queries.grouped_terms_by_outlet(seeded, f)
    for outlet, rows in dist.groupby("outlet"):
        terms = list(rows["term"])
        assert [t for t, r in zip(terms, redundant(terms, "ar"), strict=True) if r] == []
        own = outlet_words(outlet)
        assert not [t for t in terms if set(fold_term(t)) & own], outlet
        cloud = [t for t, _ in cloud_terms(by_outlet[outlet], 80, outlet)]
        assert [t for t, r in zip(cloud[:25], redundant(cloud[:25], "ar"), strict=True) if r] == []
        assert not [t for t in cloud if set(fold_term(t)) & own], outlet
    # The ANF outlet's own name was among its distinctive terms before (issue 19).
    anf = next(o for o in by_outlet if "ANF" in o)
    assert "ANF" not in set(dist[dist["outlet"] == anf]["term"])


def test_distinctive_vs_rest_excludes_own_name_and_fragments():
    a = Counter({"ANF": 9, "كوريا الشمالية": 6, "كوريا": 7, "الشمالية": 6, "روسيا": 3})
    b = Counter({"روسيا": 9, "بوتين": 5})
    rows = distinctive_vs_rest(
        {"ANF": a, "B": b}, n=5, exclude_by_outlet={"ANF": frozenset({"anf"})}
    )
    terms = [r["term"] for r in rows["ANF"]]
    assert "ANF" not in terms
    assert (
        terms[0] in {"كوريا الشمالية", "كوريا"}
        and len([t for t in terms if "كوريا" in t or "الشمالية" in t]) == 1
    )


def test_scorer_folds_clitics_and_credits_each_gold_term_once():
    gold = {"terms": ["الاتفاق", "North Korea"], "also": ["Kim Jong Un"]}
    assert precision_at(["اتفاق", "والاتفاق", "north korea", "Kim Jong-Un"], gold, "ar") == 3
    assert redundant(["كيم جونج", "جونج أون", "روسيا"], "ar") == [True, True, False]
