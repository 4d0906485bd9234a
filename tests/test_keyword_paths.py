"""top_keywords has a fast path for positive integer counts (every parsed article) and the
general TermGrouper path for anything else: both must give the same keywords."""

from __future__ import annotations

from collections import Counter

from dashboard.analysis.keywords import top_keywords
from dashboard.model import Keyword

# Spelling variants of one group, a proclitic form next to its bare word, a diacritic
# variant, a bigram that covers both its words, and a bigram seen once (not kept).
TERMS = Counter(
    {
        "الأمم": 3,
        "الامم": 1,
        "الصين": 2,
        "والصين": 2,
        "كوريا الشمالية": 3,
        "كوريا": 3,
        "الشمالية": 3,
        "بوتين": 1,
        "بوتينُ": 1,
        "موسكو": 1,
        "موسكو الرسمية": 1,
    }
)

EXPECTED = [
    Keyword(term="الأمم", count=4),
    Keyword(term="الصين", count=4),
    Keyword(term="كوريا الشمالية", count=3),
    Keyword(term="بوتين", count=2),
    Keyword(term="موسكو", count=1),
]


def test_integer_counts_fast_path():
    assert top_keywords([], "ar", terms=TERMS) == EXPECTED


def test_general_path_gives_the_same_keywords():
    # Float counts do not take the fast path.
    as_float = Counter({t: float(c) for t, c in TERMS.items()})
    assert top_keywords([], "ar", terms=as_float) == EXPECTED
    # Nor does a zero count; the zero-count term itself is never a keyword.
    with_zero = Counter({**TERMS, "لافروف": 0})
    assert top_keywords([], "ar", terms=with_zero) == EXPECTED


def test_n_cuts_after_ranking():
    assert top_keywords([], "ar", n=2, terms=TERMS) == EXPECTED[:2]


def test_bigram_key_is_the_words_forms_joined():
    # _term_parts builds a diacritic-free bigram's key from its words' normal forms: the
    # same as normalising the whole bigram, also for characters that NFKC, lower() or the
    # Arabic table change (ligatures, final sigma, dotted capital I, alef variants, ё).
    from dashboard.analysis import keywords
    from dashboard.analysis.textproc import _normalize

    words = ["ﬁnal", "ΟΔΟΣ", "Σ", "İstanbul", "إعلان", "الأمم", "ёлка", "Ｆｕｌｌ", "²", "ﻻ"]
    for a in words:
        for b in words:
            bigram = f"{a} {b}"
            assert f"{_normalize(a)} {_normalize(b)}" == _normalize(bigram), bigram
            if not {a, b} & {"ёлка"}:  # Russian keys are then folded word by word anyway
                keywords._term_parts.cache_clear()
                assert keywords._term_parts(bigram)[2][0] == _normalize(bigram), bigram
