"""Provenance: from a chart point back to the sentences, on a small hand-written store.

The two articles below are written for this test (one Arabic, one English); their date
mentions are written by hand, and every expected sentence was read off the text by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.analysis.keywords import article_terms
from dashboard.model import Article, DateMention, Keyword, RawArticle
from dashboard.storage import provenance
from dashboard.storage.store import Filters, Store

AR_OUTLET = "صحيفة الاختبار"
EN_OUTLET = "Test Wire"

AR_TITLE = "روسيا تعلن اتفاقا جديدا"
AR_PARAGRAPHS = [
    "أعلنت روسيا اليوم اتفاقا مع الصين. وقال المتحدث إن الاتفاق سيوقع في 15 مارس.",
    "ورحبت الصين بالاتفاق. وأكدت وزارة الخارجية أن العلاقات بين الصين وروسيا قوية.",
    "وتستمر المحادثات في العاصمة.",
]
EN_TITLE = "Russia and China sign a pact"
EN_PARAGRAPHS = [
    "Russia signed a pact with China on Monday. Officials called it historic.",
    "The talks began on 1 March 2024 in Moscow. RUSSIA's envoy attended.",
]


def _article(aid, title, outlet, day, language, paragraphs, dates) -> tuple[Article, RawArticle]:
    # Terms stored the way parser.parse_article stores them.
    counts = article_terms([title, *paragraphs], language)
    terms = [Keyword(t, n) for t, n in counts.most_common() if n >= 2 or " " not in t]
    article = Article(
        id=aid,
        title=title,
        outlet=outlet,
        published_at=day,
        date_source="manifest",
        language=language,
        paragraphs=paragraphs,
        dates=dates,
        terms=terms,
    )
    raw = RawArticle(
        title=title,
        body="\n\n".join(paragraphs),
        outlet=outlet,
        language=language,
        published_at=day,
        date_source="manifest",
    )
    return article, raw


def fill(store: Store) -> None:
    ar = _article(
        "ar1",
        AR_TITLE,
        AR_OUTLET,
        "2024-03-10",
        "ar",
        AR_PARAGRAPHS,
        [
            DateMention(
                "15 مارس",
                "2024-03-15",
                "2024-03-15",
                "day",
                False,
                0,
                sentence="وقال المتحدث إن الاتفاق سيوقع في 15 مارس.",
            ),
            DateMention("قريبا", None, None, "vague", True, 2, sentence="x", vague=True),
        ],
    )
    en = _article(
        "en1",
        EN_TITLE,
        EN_OUTLET,
        "2024-03-11",
        "en",
        EN_PARAGRAPHS,
        [
            DateMention(
                "on Monday",
                "2024-03-11",
                "2024-03-11",
                "day",
                False,
                0,
                sentence="Russia signed a pact with China on Monday.",
            ),
            DateMention(
                "1 March 2024",
                "2024-03-01",
                "2024-03-01",
                "day",
                False,
                1,
                sentence="The talks began on 1 March 2024 in Moscow.",
            ),
        ],
    )
    store.add_many([ar, en])


@pytest.fixture
def store(any_store):
    fill(any_store)
    return any_store


def test_keyword_sentences_group_arabic_clitic_forms(store):
    df = provenance.keyword_sentences(store, Filters(), AR_OUTLET, "روسيا")
    assert list(df["sentence"]) == [
        "روسيا تعلن اتفاقا جديدا",
        "أعلنت روسيا اليوم اتفاقا مع الصين.",
        "وأكدت وزارة الخارجية أن العلاقات بين الصين وروسيا قوية.",
    ]
    assert list(df["n"]) == [1, 1, 1]
    assert set(df["article_id"]) == {"ar1"} and set(df["outlet"]) == {AR_OUTLET}
    assert set(df["title"]) == {AR_TITLE}
    assert set(df["published_at"].astype(str)) == {"2024-03-10"}
    # The highlighted span of the clitic form covers the whole word وروسيا.
    last = df.iloc[2]
    (start, end) = last["spans"][0]
    assert last["sentence"][start:end] == "وروسيا"


def test_keyword_sentences_fold_english_case_and_possessive(store):
    df = provenance.keyword_sentences(store, Filters(), EN_OUTLET, "Russia")
    assert list(df["sentence"]) == [
        "Russia and China sign a pact",
        "Russia signed a pact with China on Monday.",
        "RUSSIA's envoy attended.",
    ]
    assert df["n"].sum() == 3


def test_keyword_sentences_respect_outlet_and_filters(store):
    assert provenance.keyword_sentences(store, Filters(), EN_OUTLET, "روسيا").empty
    assert provenance.keyword_sentences(store, Filters(languages=["ar"]), EN_OUTLET, "Russia").empty
    assert provenance.keyword_sentences(store, Filters(), AR_OUTLET, "غير موجود").empty


def test_keyword_surfaces_are_the_grouped_forms(store):
    assert provenance.term_surfaces(store, Filters(), AR_OUTLET, "روسيا") == {"روسيا", "وروسيا"}
    assert provenance.term_surfaces(store, Filters(), EN_OUTLET, "Russia") == {"Russia", "RUSSIA"}


def test_coverage_point_lists_its_articles_by_lead_sentence(store):
    df = provenance.coverage_articles(store, Filters(), EN_OUTLET, "2024-03-11")
    assert list(df["sentence"]) == ["Russia signed a pact with China on Monday."]
    assert list(df["title"]) == [EN_TITLE] and list(df["article_id"]) == ["en1"]
    assert provenance.coverage_articles(store, Filters(), EN_OUTLET, "2024-03-10").empty
    ar = provenance.coverage_articles(store, Filters(), AR_OUTLET, dt.date(2024, 3, 10))
    assert list(ar["sentence"]) == ["أعلنت روسيا اليوم اتفاقا مع الصين."]


def test_outlet_articles(store):
    df = provenance.outlet_articles(store, Filters(), AR_OUTLET)
    assert list(df["article_id"]) == ["ar1"]
    assert list(df.columns[:6]) == provenance.COLUMNS


def test_event_point_lists_the_date_mention_sentences(store):
    df = provenance.event_sentences(store, Filters(), EN_OUTLET, "2024-03-01")
    assert list(df["sentence"]) == ["The talks began on 1 March 2024 in Moscow."]
    assert list(df["text"]) == ["1 March 2024"]
    assert list(df["spans"]) == [[(19, 31)]]  # "1 March 2024" inside the sentence
    everything = provenance.event_sentences(store, Filters())
    # Ordered by the event's date; the vague mention is not a point and is left out.
    assert list(everything["sentence"]) == [
        "The talks began on 1 March 2024 in Moscow.",
        "Russia signed a pact with China on Monday.",
        "وقال المتحدث إن الاتفاق سيوقع في 15 مارس.",
    ]
    ar = provenance.event_sentences(store, Filters(), AR_OUTLET, "2024-03-15", "2024-03-15")
    assert list(ar["title"]) == [AR_TITLE]
    assert provenance.event_sentences(store, Filters(date_to="2024-03-10"), EN_OUTLET).empty
