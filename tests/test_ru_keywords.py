"""Russian keywords grouped across case and number endings (issue 15, item 3).

Sentences are written for these tests; no article text is used."""

from __future__ import annotations

from collections import Counter

import pytest

from dashboard.analysis.keywords import (
    TermGrouper,
    article_terms,
    fold_term,
    fold_word,
    top_keywords,
    whole_terms,
)
from dashboard.analysis.languages import get_pack
from dashboard.bench.case_duplicates import case_duplicates
from dashboard.bench.evaluate_keywords import norm_term, precision_at

RU = get_pack("ru")


@pytest.mark.parametrize(
    "forms",
    [
        ("Путин", "Путина", "Путину", "Путиным", "Путине"),
        ("Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове"),
        ("Захарова", "Захаровой"),
        ("Сергей", "Сергея", "Сергею", "Сергеем"),
        ("Дмитрий", "Дмитрия", "Дмитрию", "Дмитрием"),
        ("Россия", "России", "Россию", "Россией"),
        ("Китай", "Китая", "Китаю", "Китаем"),
        ("санкции", "санкций", "санкциям", "санкциями", "санкциях"),
        ("мир", "мира", "миру", "миром", "мире"),
        ("паводки", "паводков", "паводка", "паводкам", "паводками"),
        ("ставка", "ставки", "ставку", "ставкой", "ставке"),
        ("ключевая", "ключевой", "ключевую"),
        ("белые", "белыми", "белых", "белого", "белому"),
        ("статья", "статьи", "статью", "статей"),
        ("связь", "связи", "связью"),
        ("переговоры", "переговоров", "переговорах", "переговорам"),
    ],
)
def test_case_forms_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({RU.keyword_stem(f) for f in forms}) == 1, [RU.keyword_stem(f) for f in forms]


def test_stems_that_must_stay_apart() -> None:
    stem = RU.keyword_stem
    # An acronym keeps its capitals: «СВО» is not the stem of the pronoun «своем».
    assert stem("СВО") == "СВО" and stem("своем") == "сво"
    assert stem("США") == "США"
    # Keith (gen. «Кита») is not China (gen. «Китая»).
    assert stem("Кита") != stem("Китая")
    # Different words stay different.
    assert stem("Россия") != stem("российский")
    assert stem("мир") != stem("мирный")
    # Short words are left alone; a word with no Cyrillic letter is only normalised.
    assert stem("мы") == "мы" and stem("ООН") == "ООН" and stem("ёж") == "еж"
    assert stem("Trump") == "trump"


def test_arabic_and_english_folding_unchanged() -> None:
    assert not get_pack("ar").folds_keyword_endings
    assert not get_pack("en").folds_keyword_endings
    assert fold_word("Sanctions") == "sanctions"
    assert fold_word("والاتفاق") == "اتفاق"
    assert fold_term("Federal Reserve") == ("federal", "reserve")


PARAGRAPHS = [
    "Владимир Путин провёл совещание о санкциях.",
    "Журналисты спросили Путина о новых санкциях против банков.",
    "Министр доложил Путину о санкциях и о ставке.",
    "Председатель Банка России объяснила решение Банка России о ставке.",
    "Совет директоров Банк России собрал в пятницу.",
    "Путин поручил изучить санкции.",
]


def test_top_keywords_fold_cases_and_show_the_most_frequent_form() -> None:
    terms = article_terms(PARAGRAPHS, "ru")
    # Before grouping the surface forms are separate terms.
    assert terms["Путина"] == 1 and terms["Путину"] == 1 and terms["Путин"] == 2
    keywords = {k.term: k.count for k in top_keywords(PARAGRAPHS, "ru")}
    # Each name once: the four occurrences of Putin in one group; «санкциях» (×3) is the
    # most frequent form of its group (with «санкции» ×1), «Банка России» (×2) of its
    # bigram (with «Банк России» ×1).
    assert keywords["санкциях"] == 4
    assert keywords["Банка России"] == 3
    putin = [t for t in keywords if fold_term(t)[-1] == "путин"]
    assert len(putin) == 1 and keywords[putin[0]] >= 4, keywords
    assert "санкции" not in keywords and "Банк России" not in keywords
    assert "Путину" not in keywords and "Путина" not in keywords


def test_grouper_over_a_corpus_folds_multiword_terms_word_by_word() -> None:
    counts = Counter({"Банка России": 5, "Банк России": 2, "Банку России": 1, "ставки": 3})
    grouped = TermGrouper(counts).group(counts)
    assert grouped == Counter({"Банка России": 8, "ставки": 3})


def test_whole_terms_merge_a_name_with_its_oblique_forms() -> None:
    candidates = [("Владимира Путина", 4), ("Путин", 3), ("Путину", 1)]
    counts = {"Владимира Путина": 4, "Путин": 3, "Путину": 1, "Владимира": 4}
    kept = whole_terms(candidates, counts)
    assert [t for t, _ in kept] == ["Владимира Путина"]


def test_scorer_and_duplicate_check_fold_russian_endings() -> None:
    assert norm_term("Банка России", "ru") == norm_term("Банк России", "ru")
    assert norm_term("ключевую ставку", "ru") == norm_term("ключевая ставка", "ru")
    gold = {"terms": ["Владимир Путин", "ключевая ставка"], "also": []}
    assert precision_at(["Владимира Путина", "ключевой ставке", "ставке"], gold, "ru") == 2
    found = case_duplicates(["Путин", "санкции", "Путина", "Владимира Путина", "СВО"], "ru")
    assert found == [("Путин", "Путина"), ("Путина", "Путин")]
    assert case_duplicates(["Путин", "санкции", "СВО", "своем"], "ru") == []
