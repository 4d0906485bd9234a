"""Korean keywords are words readers name things by (issue 15): predicate forms (verbs and
adjectives with their endings) are no keyword candidates, by general morphology; nouns that
end alike stay; particles fold. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dashboard.analysis.keywords import article_terms, top_keywords
from dashboard.analysis.languages.ko import PACK, is_predicate_form

PREDICATES = [
    "않고",
    "없고",
    "있다고",
    "대피시켰으며",
    "좌초했다고",
    "착수했다",
    "추산된다고",
    "늘릴",
    "충족할",
    "필요한",
    "발표한",
    "면담하고",
    "방문해",
    "있습니다",
    "이끌었던",
    "좋은",
    "새로운",
    "밝히며",
    "무거워서",
    "통해",
    "격상한다",
]
# Nouns that end like a predicate form: 바다 (…다), 사고/보고 (…고), 북한/권한 (…한),
# 인명피해 (…해), 역할 (…할), 런던 (…던), 판다 (ㄴ다), 수도 (bound noun + particle).
NOUNS = ["바다", "한국", "사고", "보고", "최고", "북한", "권한", "인명피해", "피해", "역할"]
NOUNS += ["런던", "판다", "수도", "화물선", "항만관리청", "선원", "회의", "분야", "여야"]


@pytest.mark.parametrize("word", PREDICATES)
def test_predicate_forms_are_no_keyword(word):
    assert is_predicate_form(word)
    assert PACK.keyword_form(word) == ""


@pytest.mark.parametrize("word", NOUNS)
def test_nouns_that_end_alike_stay(word):
    assert not is_predicate_form(word)
    assert PACK.keyword_form(word) == word


@pytest.mark.parametrize(
    ("surface", "form"),
    [
        ("북한은", "북한"),
        ("북한의", "북한"),
        ("대통령은", "대통령"),
        ("하반기엔", "하반기"),
        ("해결책보다는", "해결책"),
        ("재판관이다", "재판관"),
        ("있다는", ""),  # 있다 + 는: a predicate once the particle is off
        ("것으로", ""),  # a bound noun with a particle
        ("등을", ""),
    ],
)
def test_particles_and_copula_fold(surface, form):
    assert PACK.keyword_form(surface) == form


def test_latin_and_arabic_tokens_untouched():
    # Only Hangul words are judged: other scripts keep their own keyword forms.
    terms = article_terms(["Seoul port 선원들은 구조됐다"], "ko")
    assert terms["Seoul"] == 1 and terms["port"] == 1
    assert terms["선원들"] == 1
    assert "구조됐다" not in terms and "" not in terms


def test_top_keywords_of_a_korean_paragraph():
    paragraphs = [
        "해양경찰청은 12일 화물선 선원 12명을 모두 구조했다고 밝혔다. 화물선은 암초에 "
        "좌초했으며 선원들은 무사했다.",
        "해양경찰청은 기름 유출 여부를 조사하고 있다고 말했다. 항만관리청은 "
        "화물선 인양에 착수했다고 전했다.",
        "항만관리청 관계자는 기름 유출 피해는 없다고 설명했다. 해양경찰청은 사고 원인을 "
        "조사할 계획이다. 화물선 선주는 보험사와 협의하고 있다.",
    ]
    kept = {k.term: k.count for k in top_keywords(paragraphs, "ko", n=20)}
    assert kept["화물선"] == 4
    assert kept["해양경찰청"] == 3
    assert kept["항만관리청"] == 2
    assert kept["기름 유출"] == 2
    assert {"선원", "사고", "피해", "계획", "암초"} <= set(kept)
    # No predicate form among them, alone or inside a two-word term.
    words = [w for term in kept for w in term.split()]
    assert not [w for w in words if is_predicate_form(w)]
    for verb in (
        "구조했다고",
        "좌초했으며",
        "조사하고",
        "착수했다고",
        "없다고",
        "조사할",
        "협의하고",
    ):
        assert verb not in words
