"""Proposition splitting and the shared-quantity bonus of analysis/claims.py, on sentences
written for this test (no model needed)."""

from __future__ import annotations

from dashboard.analysis import claims as C
from dashboard.analysis.alignment import content_terms
from dashboard.model import Article


def test_english_consequence_clause_is_its_own_proposition():
    text = "Relief convoys reached the mountain villages on Monday, leaving 300 dead behind them."
    assert C.proposition_pieces(text, "en") == [
        "Relief convoys reached the mountain villages on Monday",
        "leaving 300 dead behind them.",
    ]


def test_semicolon_splits_and_pieces_are_substrings():
    text = "The ministry said 12 schools were closed; the union called a strike for next week."
    pieces = C.proposition_pieces(text, "en")
    assert pieces == [
        "The ministry said 12 schools were closed",
        "the union called a strike for next week.",
    ]
    assert all(p in text for p in pieces)


def test_short_piece_is_glued_back_as_a_substring():
    # "The storm" alone is no claim: the relative clause stays with it.
    text = "The storm, which hit the coast at dawn, flooded two hundred homes in the port."
    assert C.proposition_pieces(text, "en") == [text]


def test_arabic_consequence_connector_splits_but_relative_clause_does_not():
    text = "غمرت المياه الأحياء المنخفضة في المدينة، مما أدى إلى إغلاق المدارس ثلاثة أيام"
    assert C.proposition_pieces(text, "ar") == [
        "غمرت المياه الأحياء المنخفضة في المدينة",
        "مما أدى إلى إغلاق المدارس ثلاثة أيام",
    ]
    # A parenthetical relative clause stays with the main clause it interrupts.
    rel = "ارتفعت حصيلة ضحايا العاصفة، التي ضربت الساحل فجرا، إلى 40 وفاة"
    assert C.proposition_pieces(rel, "ar") == [rel]


def test_comma_without_cue_and_language_without_lexicon_keep_the_statement():
    text = "The minister arrived in the capital on Sunday, and he met the president at noon."
    assert C.proposition_pieces(text, "en") == [text]
    assert C.proposition_pieces("One; two three four five six; seven eight nine ten", "ko") == [
        "One; two three four five six; seven eight nine ten"
    ]


def test_claim_units_carry_one_row_per_proposition():
    article = Article(
        id="a1",
        title="",
        outlet="Outlet A",
        published_at="",
        date_source="",
        language="en",
        paragraphs=[
            "Rescue teams searched the collapsed school for a second day, "
            "leaving dozens of families waiting outside the gates."
        ],
    )
    texts = [u.text for u in C.claim_units(article)]
    assert texts == [
        "Rescue teams searched the collapsed school for a second day",
        "leaving dozens of families waiting outside the gates.",
    ]
    assert [u.idx for u in C.claim_units(article)] == [0, 1]


def test_quantity_keys_ignore_the_figure_and_cross_languages():
    ar = content_terms("ارتفعت الحصيلة إلى 632 وفاة في الإقليم")
    en = content_terms("The storm left 1,040 dead across the province")
    other = content_terms("The storm damaged 1,040 homes across the province")
    assert C.quantity_keys(ar) == {"#~killed"} == C.quantity_keys(en)
    assert C.quantity_keys(other) == set()


def test_pair_score_adds_the_quantity_bonus_only_for_a_shared_counted_concept():
    a = content_terms("The flood killed 20 people in the valley")
    b = content_terms("Officials now count 45 dead after the flood")
    c = content_terms("Officials now count 45 schools closed after the flood")
    base_ab = 0.1 + C.TERM_WEIGHT * C.term_overlap(a, b)
    base_ac = 0.1 + C.TERM_WEIGHT * C.term_overlap(a, c)
    assert C.pair_score(0.1, a, b) == base_ab + C.QUANTITY_WEIGHT
    assert C.pair_score(0.1, a, c) == base_ac
