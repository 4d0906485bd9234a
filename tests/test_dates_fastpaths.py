"""The date engine's speed rewrites (dates.engine._Speed, chunk memo, blocker gate) change nothing.

`_engine(lang, fast=False)` builds the same rules without them; the tests compare the two
on our corpus and on generated text made of date words, clitics, digits and glue (including
words glued together, where the start guards and gates could go wrong), and check by hand a
few sentences whose match begins in the unguarded ways the guards have to allow.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.analysis.dates import engine as dates
from dashboard.analysis.languages.ar import dates as ar_dates
from dashboard.analysis.languages.en import dates as en_dates
from dashboard.analysis.textproc import split_sentences
from dashboard.ingest.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ar", "en", "any")
PUB = date(2024, 6, 20)  # a Thursday


def _engines(lang: str):
    return dates._engine(lang, True), dates._engine(lang, False)


def _plain_extract(paragraphs, pub, lang):
    """extract_dates with the plain engine."""
    eng = dates._engine(lang, False)
    years = dates._text_years(paragraphs) if pub is None else ()
    out = []
    for p_i, para in enumerate(paragraphs):
        for sent in split_sentences(para):
            out.extend(dates._sentence_mentions(sent, p_i, pub, eng, None, years))
    return out


def _spans(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


# ---- Vocabulary for generated text ------------------------------------------------------

_LX = dates._lex()
_AR_LX = dates.date_lexicon("ar")
_EN_LX = dates.date_lexicon("en")
_WORDS = sorted(
    {
        *_AR_LX.months,
        *_EN_LX.months,
        *_AR_LX.hijri,
        *_AR_LX.weekdays,
        *_EN_LX.weekdays,
        *_AR_LX.numbers,
        *_EN_LX.numbers,
        *_AR_LX.ordinals,
        *_AR_LX.vague,
        *_EN_LX.vague,
        *_LX.blockers,
        *_LX.future,
        *_AR_LX.year_nouns,
        *_EN_LX.year_nouns,
        *ar_dates._AR_UNITS,
        *en_dates._EN_UNITS,
        *ar_dates._QUAL_AR,
        *en_dates._QUAL_EN,
        *(d + "يات" for d in ar_dates._AR_DECADES),
        "الماضيه",
        "الماضيين",
        "الاخيره",
        "المقبله",
        "القادمه",
        "هذا",
        "هذه",
        "يوم",
        "شهر",
        "عام",
        "سنه",
        "عامي",
        "الاعوام",
        "السنوات",
        "الموافق",
        "في",
        "منذ",
        "من",
        "بين",
        "الي",
        "حتي",
        "قبل",
        "بعد",
        "خلال",
        "نحو",
        "مطلع",
        "امس",
        "الامس",
        "اليوم",
        "غدا",
        "غداً",
        "الغد",
        "البارحه",
        "صباح",
        "الفتره",
        "فتره",
        "القرن",
        "the year",
        "the years",
        "the",
        "The Year",
        "ago",
        "from now",
        "last",
        "next",
        "this",
        "past",
        "since",
        "from",
        "to",
        "and",
        "early",
        "yesterday",
        "today",
        "tonight",
        "1990s",
        "2024",
        "2014",
        "2016",
        "1445",
        "1445 هـ",
        "19",
        "3",
        "12",
        "19/6/2024",
        "2024-06-19",
        "6.19.2024",
        "1/2",
        "%",
        "دولار",
        "قال",
        "الوزير",
        "كال",
        "x",
        "ب",
        "ل",
        "ك",
        "و",
        "ف",
        "ال",
        "لل",
    }
)
_GLUE = st.sampled_from(
    [" ", " ", " ", "", "  ", "\n", "، ", ", ", ". ", "-", "/", " (", ") ", "\u064b"]
)


@st.composite
def _texts(draw) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10))
    out = []
    for w in words:
        if draw(st.booleans()) and w.isascii():
            w = draw(st.sampled_from([w.upper(), w.capitalize(), w]))
        out.append(w)
        out.append(draw(_GLUE))
    return "".join(out)


# ---- Pattern-level properties -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_fast_engine_has_the_same_rules_in_the_same_order(lang):
    fast, plain = _engines(lang)
    assert len(fast.rules) == len(plain.rules) == len(fast.gates)
    assert [r.__qualname__ for _, r in fast.rules] == [r.__qualname__ for _, r in plain.rules]
    assert fast.anchors == plain.anchors
    # The plain engine is the rule set as written: no guard, no gate, word memo.
    assert all(g is None for g in plain.gates) and not plain.chunked
    assert any(g is not None for g in fast.gates) and fast.chunked


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lang=st.sampled_from(LANGS))
def test_start_guards_keep_every_match(text, lang):
    norm = dates._normalize(text)
    fast, plain = _engines(lang)
    for (p_fast, _), (p_plain, _) in zip(fast.rules, plain.rules, strict=True):
        assert _spans(p_fast, norm) == _spans(p_plain, norm), p_plain.pattern[:80]


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lang=st.sampled_from(LANGS))
def test_a_gate_is_found_wherever_its_rule_matches(text, lang):
    norm = dates._normalize(text)
    fast, plain = _engines(lang)
    for gate, (pattern, _) in zip(fast.gates, plain.rules, strict=True):
        if gate is not None and pattern.search(norm):
            assert gate.search(norm), (gate.pattern, norm)


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lang=st.sampled_from(LANGS))
def test_rule_selection_drops_only_rules_that_cannot_match(text, lang):
    norm = dates._normalize(text)
    fast, plain = _engines(lang)
    chosen, anchored = fast.rules_for(norm), plain.rules_for(norm)
    assert set(chosen) <= set(anchored)
    for i in set(anchored) - set(chosen):
        assert not plain.rules[i][0].search(norm)


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lang=st.sampled_from(LANGS))
def test_generated_text_gives_the_same_mentions(text, lang):
    for pub in (PUB, None):
        fast = dates.extract_dates([text], pub, lang)
        assert fast == _plain_extract([text], pub, lang)


@settings(max_examples=300, deadline=None)
@given(text=_texts())
def test_blocker_gate_never_hides_a_blocker(text):
    norm = dates._normalize(text)
    eng = dates._engine("any", True)
    if eng.blockers.search(norm):
        assert eng.may_block(norm)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=dates._DROPPED + "ابةأإى 19،.ab", max_size=40))
def test_original_index_skips_exactly_the_dropped_characters(text):
    norm = dates._normalize(text)
    expected = [i for i, ch in enumerate(text) if ch not in dates._DROPPED_SET]
    assert dates._orig_index(text, norm) == (None if len(norm) == len(text) else expected)


def test_corpus_gives_the_same_mentions_with_both_engines():
    paras = _corpus_paragraphs()
    assert len(paras) > 200
    n_mentions = 0
    for lang in LANGS:
        for pub in (PUB, None):
            fast = dates.extract_dates(paras, pub, lang)
            assert fast == _plain_extract(paras, pub, lang)
            n_mentions += len(fast)
    assert n_mentions > 600


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lang=st.sampled_from(LANGS))
def test_chunk_memo_enables_the_rules_the_word_memo_does(text, lang):
    norm = dates._normalize(text)
    _, plain = _engines(lang)
    chunked = dataclasses.replace(plain, chunked=True, memo={})
    assert chunked.rules_for(norm) == plain.rules_for(norm)


def _corpus_paragraphs() -> list[str]:
    arts = [
        a
        for folder in ("seeds", "tests/data/corpus", "tests/data/wire")
        for a in read_path(ROOT / folder).articles
    ]
    return [p for a in arts for p in a.body.split("\n") if p.strip()]


# Phrases opening in each way a pattern may open, including those not behind (?<!\w).
_OPENINGS = [
    "وصل يوم الأحد 16 يونيو 2024 الوفد",
    "الأحد، الموافق 16 يونيو",
    "في شهر يونيو الماضي",
    "بالجمعة 5 يوليو",
    "للثلاثاء 2 يوليو",
    "خلال السنوات 2014-2016",
    "الأعوام 2014 و2016",
    "عامي 2014 و2016",
    "منذ عام 2014",
    "1445 هـ",
    "الأسبوع الماضي",
    "هذا العام",
    "الأيام الثلاثة الماضية",
    "في الآونة الأخيرة",
    "the year 2019",
    "The years 2014-2016",
    "from 2014 to 2016",
    "the 1990s",
    "last week and next month",
    "over the past three years",
    "on 19/6/2024 and 2024-06-19",
    "two years ago",
]


def test_matches_glued_to_a_word_character_stay_the_same():
    """A word character put before each word of each match: the guards' hard case."""
    checked = 0
    for lang in LANGS:
        fast, plain = _engines(lang)
        for text in [*_OPENINGS, *_corpus_paragraphs()]:
            for sent in split_sentences(text):
                norm = dates._normalize(sent)
                starts = {
                    j
                    for pattern, _ in plain.rules
                    for m in pattern.finditer(norm)
                    for j in range(m.start(), m.end())
                    if j == m.start() or norm[j - 1].isspace()
                }
                for j in starts:
                    for glue in ("ك", "x", "1"):
                        variant = norm[:j] + glue + norm[j:]
                        for gate, (pf, _), (pp, _) in zip(
                            fast.gates, fast.rules, plain.rules, strict=True
                        ):
                            expected = _spans(pp, variant)
                            assert _spans(pf, variant) == expected, (pp.pattern[:60], variant)
                            assert gate is None or not expected or gate.search(variant)
                            checked += 1
    assert checked > 10_000


# ---- By hand: the openings the guards let through -----------------------------------------


def _found(text: str, lang: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(m.text, m.start, m.end, m.granularity) for m in dates.extract_dates([text], PUB, lang)]


def test_year_range_opening_with_a_plural_year_noun():
    # «السنوات» before the range is the one opening of that pattern without (?<!\w).
    assert _found("خلال السنوات 2014-2016 تضاعف العدد.", "ar") == [
        ("السنوات 2014-2016", "2014-01-01", "2016-12-31", "range")
    ]


def test_english_year_after_the_year():
    assert _found("In the year 2019 the deal was signed.", "en") == [
        ("In the year 2019", "2019-01-01", "2019-12-31", "year")
    ]


def test_month_date_opening_with_day_word_and_weekday():
    # 16 June 2024 was a Sunday, so the weekday belongs to the date.
    assert _found("وصل الوفد يوم الأحد 16 يونيو 2024 إلى المدينة.", "ar") == [
        ("يوم الأحد 16 يونيو 2024", "2024-06-16", "2024-06-16", "day")
    ]


def test_numeric_dates_and_decades_pass_their_gates():
    assert _found("The talks were held on 19/6/2024 in the capital.", "en") == [
        ("19/6/2024", "2024-06-19", "2024-06-19", "day")
    ]
    assert _found("Since the 1990s, the two have cooperated.", "en") == [
        ("the 1990s", "1990-01-01", "1999-12-31", "range")
    ]


def test_outlet_name_with_a_day_word_is_still_blocked():
    assert _found("قال مراسل روسيا اليوم إن الوفد وصل.", "ar") == []
    assert _found("A USA Today reporter said the delegation arrived.", "en") == []
