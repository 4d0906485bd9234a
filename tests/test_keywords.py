"""Clitic-aware term grouping, per-article terms and distinctive terms."""

from __future__ import annotations

import math
import random
import time
from collections import Counter

import pytest

from dashboard.analysis.keywords import (
    TermGrouper,
    article_terms,
    distinctive_terms,
    distinctive_vs_rest,
    group_terms,
    top_keywords,
)
from dashboard.model import Keyword

# A corpus vocabulary as several outlets would produce it.
CORPUS = Counter(
    {
        "الناتو": 12,
        "والناتو": 3,
        "للناتو": 2,
        "روسيا": 15,
        "وروسيا": 4,
        "لروسيا": 1,
        "الغرب": 9,
        "للغرب": 3,
        "والغرب": 2,
        "العقوبات": 7,
        "بالعقوبات": 2,
        "والعقوبات": 1,
        "موسكو": 6,
        "وموسكو": 1,
        "الرئيس": 10,
        "والرئيس": 2,
        "للرئيس": 1,
        "الصين": 5,
        "والصين": 2,
        # names and words that must stay whole, with the would-be remainders present
        "بوتين": 20,
        "وبوتين": 2,
        "بيروت": 4,
        "واشنطن": 8,
        "لواشنطن": 1,
        "ليبيا": 3,
        "فلسطين": 5,
        "بكين": 6,
        "كين": 1,
        "لبنان": 5,
        "للبنان": 1,
        "بيونج": 7,
        "يونج": 1,
        "والدة": 2,
        "والد": 3,
        "وزير": 4,
        "كتاب": 2,
        "تاب": 1,
        "بريكس": 3,
        "والي": 1,
        "بالي": 1,
        "ولي": 2,
        "فيتنام": 3,
        "وفيتنام": 1,
        "الأمم": 4,
        "الامم": 1,
    }
)


@pytest.fixture(scope="module")
def grouper():
    return TermGrouper(CORPUS)


@pytest.mark.parametrize(
    "variant, expected_display",
    [
        ("والناتو", "الناتو"),
        ("للناتو", "الناتو"),
        ("وروسيا", "روسيا"),
        ("لروسيا", "روسيا"),
        ("للغرب", "الغرب"),
        ("والغرب", "الغرب"),
        ("بالعقوبات", "العقوبات"),
        ("والعقوبات", "العقوبات"),
        ("وموسكو", "موسكو"),
        ("والرئيس", "الرئيس"),
        ("للرئيس", "الرئيس"),
        ("وبوتين", "بوتين"),
        ("لواشنطن", "واشنطن"),
        ("للبنان", "لبنان"),
        ("وفيتنام", "فيتنام"),
        ("الامم", "الأمم"),  # alef variant, displayed in the more frequent spelling
        ("وللناتو", "الناتو"),  # not in the corpus: three clitic letters, ال restored
        ("وبالعقوبات", "العقوبات"),
    ],
)
def test_clitic_variants_merge(grouper, variant, expected_display):
    assert grouper.display(grouper.key(variant)) == expected_display
    assert grouper.key(variant) == grouper.key(expected_display)


@pytest.mark.parametrize(
    "word",
    [
        "بوتين",
        "بيروت",
        "واشنطن",
        "ليبيا",
        "فلسطين",
        "بكين",
        "لبنان",
        "بيونج",
        "بيونغ",
        "والدة",
        "والد",
        "وزير",
        "كتاب",
        "بريكس",
        "والي",
        "بالي",
        "ولي",
        "لبيد",
        "وليد",
        "بشار",
        "كندا",
        "لندن",
        "بغداد",
        "فرنسا",
        "وكالة",
        "بايدن",
        "كييف",
        "فيصل",
        "كمال",
    ],
)
def test_names_and_words_are_never_cut(grouper, word):
    assert grouper.strip(word) == word


def test_walida_and_walid_stay_apart(grouper):
    assert grouper.key("والدة") != grouper.key("والد")


def test_group_sums_and_displays_bare_forms(grouper):
    grouped = grouper.group(CORPUS)
    assert grouped["الناتو"] == 12 + 3 + 2
    assert grouped["روسيا"] == 15 + 4 + 1
    assert grouped["الغرب"] == 9 + 3 + 2
    assert grouped["العقوبات"] == 7 + 2 + 1
    assert grouped["بوتين"] == 22
    assert grouped["بكين"] == 6 and grouped["كين"] == 1
    assert grouped["بيونج"] == 7 and grouped["يونج"] == 1
    assert grouped["الأمم"] == 5
    assert "والناتو" not in grouped and "للغرب" not in grouped
    assert sum(grouped.values()) == sum(CORPUS.values())


def test_group_terms_mapping():
    groups = group_terms(Counter({"الناتو": 2, "والناتو": 5, "للناتو": 1}))
    # The clitic form is the most frequent surface, but the display is the bare word.
    assert list(groups.values()) == [("الناتو", 8)]


def test_bigram_grouping_strips_only_the_first_word(grouper):
    g = TermGrouper(Counter({"الرئيس الروسي": 3, "والرئيس الروسي": 1, "ألفيس ورشيد": 2}))
    grouped = g.group(Counter({"الرئيس الروسي": 3, "والرئيس الروسي": 1, "ألفيس ورشيد": 2}))
    assert grouped == Counter({"الرئيس الروسي": 4, "ألفيس ورشيد": 2})


def test_english_case_folding_without_stemming():
    counts = Counter({"Putin": 5, "putin": 1, "PUTIN": 1, "news": 2, "new": 3, "arms": 2, "arm": 1})
    grouped = TermGrouper(counts).group(counts)
    assert grouped == Counter({"Putin": 7, "news": 2, "new": 3, "arms": 2, "arm": 1})


# -- article_terms / top_keywords -------------------------------------------------------------


def test_article_terms_unigrams_and_bigrams():
    paragraphs = ["قال الرَّئِيسُ الروسي إن العقوبات الغربية فشلت."]
    assert article_terms(paragraphs, "ar") == Counter(
        {
            "الرئيس": 1,
            "الروسي": 1,
            "الرئيس الروسي": 1,
            "العقوبات": 1,
            "الغربية": 1,
            "فشلت": 1,
            "العقوبات الغربية": 1,
            "الغربية فشلت": 1,
        }
    )


def test_article_terms_break_bigrams_at_punctuation_and_drop_numbers():
    terms = article_terms(["روسيا، الصين والهند وفق المادة 51 من الميثاق"], "ar")
    assert "روسيا الصين" not in terms
    assert terms["روسيا"] == 1 and terms["الصين"] == 1
    assert "51" not in terms and "المادة 51" not in terms
    # «والهند» starts a coordinated noun phrase: no bigram across «و».
    assert "الصين والهند" not in terms and terms["والهند"] == 1


def test_no_bigram_across_a_coordinating_wa_al():
    terms = article_terms(["التقى الوزير سامي أحمد الخطيب والسفير الهندي في العاصمة"], "ar")
    assert "الخطيب والسفير" not in terms
    assert terms["أحمد الخطيب"] == 1 and terms["السفير الهندي"] == 0  # «والسفير» keeps its و
    assert terms["والسفير الهندي"] == 1  # the pair after the و still counts


def test_article_terms_english():
    terms = article_terms(["Alves's visit alarmed the West, officials said."], "en")
    assert terms == Counter(
        {
            "Alves": 1,
            "visit": 1,
            "alarmed": 1,
            "West": 1,
            "officials": 1,
            "Alves visit": 1,
            "visit alarmed": 1,
        }
    )


def test_top_keywords_folds_clitics_within_the_article():
    paragraphs = [
        "اجتمع قادة الناتو في واشنطن.",
        "وقال الأمين العام إن والناتو مستعد.",
        "ورحبت الدول بخطة للناتو جديدة.",
        "وانتقدت موسكو الناتو بشدة.",
        "كوريا الشمالية تطلق صاروخا. كوريا الشمالية ترد. كوريا الشمالية تحذر.",
    ]
    kws = top_keywords(paragraphs, "ar", n=5)
    assert all(isinstance(k, Keyword) for k in kws)
    assert kws[0] == Keyword("الناتو", 4)
    assert Keyword("كوريا الشمالية", 3) in kws
    # الشمالية only ever occurs inside the bigram: it is not listed on its own.
    assert all(k.term != "الشمالية" for k in kws)


# -- distinctive terms ------------------------------------------------------------------------


def _hand_log_odds(ya, yb, na, nb, alpha, alpha0):
    delta = math.log((ya + alpha) / (na + alpha0 - ya - alpha)) - math.log(
        (yb + alpha) / (nb + alpha0 - yb - alpha)
    )
    return delta, delta / math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))


def test_distinctive_terms_constructed_example():
    a = Counter({"war": 30, "peace": 10, "talks": 10})
    b = Counter({"war": 10, "peace": 30, "talks": 10})
    rows = distinctive_terms(a, b, alpha0=1000.0)
    assert [r["term"] for r in rows] == ["war", "talks", "peace"]
    war, talks, peace = rows
    # Prior = A+B: p(war)=40/100 -> α=400; n_A = n_B = 50.
    d, z = _hand_log_odds(30, 10, 50, 50, 400.0, 1000.0)
    assert war["delta"] == pytest.approx(d) and war["z"] == pytest.approx(z)
    assert war["delta"] == pytest.approx(math.log(430 / 620) - math.log(410 / 640))
    assert peace["delta"] == pytest.approx(-war["delta"])
    assert talks["delta"] == pytest.approx(0.0, abs=1e-12)
    assert (war["count_a"], war["count_b"]) == (30, 10)


def test_distinctive_terms_with_background_prior_and_unseen_terms():
    a = Counter({"sanctions": 8, "visit": 2})
    b = Counter({"visit": 9, "sanctions": 1})
    prior = Counter({"visit": 100, "sanctions": 100, "summit": 50})
    rows = distinctive_terms(a, b, prior=prior, alpha0=10.0)
    assert rows[0]["term"] == "sanctions" and rows[0]["z"] > 0
    assert rows[-1]["term"] == "visit" and rows[-1]["z"] < 0
    assert all(math.isfinite(r["z"]) for r in rows)
    # A smaller prior weight lets the data speak more: |δ| grows as α0 shrinks.
    strong = distinctive_terms(a, b, prior=prior, alpha0=1000.0)
    assert abs(rows[0]["delta"]) > abs(strong[0]["delta"])


def test_distinctive_vs_rest():
    outlets = {
        "A": Counter({"sanctions": 20, "war": 5, "talks": 5}),
        "B": Counter({"talks": 20, "war": 5}),
        "C": Counter({"war": 25, "talks": 5, "zero": 0}),
    }
    res = distinctive_vs_rest(outlets, n=2)
    assert res["A"][0]["term"] == "sanctions"
    assert res["A"][0]["count_a"] == 20 and res["A"][0]["count_b"] == 0
    assert res["B"][0]["term"] == "talks"
    assert res["C"][0]["term"] == "war"
    assert all(len(v) <= 2 for v in res.values())
    assert all(r["count_a"] > 0 for v in res.values() for r in v)


def test_distinctive_terms_fast_on_large_vocabulary():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(50_000)]
    a = Counter({w: rng.randint(1, 30) for w in vocab})
    b = Counter({w: rng.randint(1, 30) for w in vocab})
    start = time.perf_counter()
    rows = distinctive_terms(a, b, n=30)
    assert time.perf_counter() - start < 2.0
    assert len(rows) == 30
    assert rows[0]["z"] >= rows[-1]["z"]


# -- reader names (issue 19): no credits/dates/adjectives alone, titles off, surnames whole --


def _kw(paragraphs: list[str], language: str, names: tuple[str, ...] = ()) -> list[str]:
    from dashboard.analysis.keywords import top_keywords as _top

    return [k.term for k in _top(paragraphs, language, n=12, names=names)]


def test_surname_counted_into_the_full_name_english():
    paragraphs = [
        "Central bank chair Marta Velasquez held the benchmark rate on Tuesday.",
        "Velasquez said inflation was easing. Velasquez added that cuts could wait.",
        "Analysts said Velasquez sounded cautious on Tuesday. Photo: Reuters",
    ]
    terms = _kw(paragraphs, "en")
    assert terms[0] == "Marta Velasquez"
    assert "Velasquez" not in terms
    # Weekday, credit words and the wire's name are not keywords alone.
    assert not {"Tuesday", "Photo", "Reuters"} & set(terms)


def test_titles_and_adjectives_do_not_lead_or_stand_alone():
    paragraphs = [
        "Israeli Prime Minister Dalia Orenstein met Israeli farmers in the valley.",
        "Israeli Prime Minister Dalia Orenstein promised water to the valley farmers.",
        "Israeli officials said the valley plan would cost more.",
    ]
    terms = _kw(paragraphs, "en")
    assert "Dalia Orenstein" in terms
    assert "Israeli" not in terms
    assert not any(t.startswith(("Israeli ", "Prime Minister Dalia")) for t in terms)


def test_arabic_surname_joins_the_speaker_name_and_months_go():
    paragraphs = [
        "قال الوزير سامي القطان في فبراير إن الموازنة الجديدة تحمي الأسر.",
        "وأضاف القطان أن الموازنة الجديدة لا ترفع الضرائب، وقال القطان إن فبراير شهد نموا.",
        "وانتقد نواب المعارضة القطان بسبب الموازنة الجديدة. تصوير: المصدر",
    ]
    terms = _kw(paragraphs, "ar", names=("الوزير سامي القطان",))
    assert "سامي القطان" in terms
    assert "القطان" not in terms
    assert "فبراير" not in terms
    assert not {"تصوير", "المصدر"} & set(terms)
    assert "الموازنة الجديدة" in terms


def test_cloud_terms_leave_out_weekdays_titles_and_adjectives():
    from dashboard.analysis.keywords import cloud_terms

    counts = Counter(
        {"Monday": 9, "President": 8, "Israeli": 7, "harbour": 6, "Lena Brandt": 5, "ferry": 4}
    )
    assert [t for t, _ in cloud_terms(counts, 5)] == ["harbour", "Lena Brandt", "ferry"]
