"""Event naming: head nouns with their modifiers, as written, grouped by variant."""

from __future__ import annotations

import pytest

from dashboard.analysis.naming import event_name_counts, event_name_spans, event_names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "وقع الطرفان اتفاقية الشراكة الاقتصادية الشاملة بين البلدين.",
            ["اتفاقية الشراكة الاقتصادية الشاملة"],
        ),
        ("أسفرت الزيارة عن اتفاق تجاري جديد هز أركان المنطقة", ["اتفاق تجاري جديد"]),
        ("الوزيران.. تحالف اقتصادي يربك حسابات الأسواق", ["تحالف اقتصادي"]),
        ("أصبحنا أمام اتفاق للصيد المشترك بين الدولتين", ["اتفاق للصيد المشترك"]),
        ("وبحسب مذكرة التفاهم الموقعة أمس", ["مذكرة التفاهم الموقعة"]),
        # Leading conjunction/preposition dropped; «لل» shown with its article.
        ("وبالاتفاق مع الشركاء", ["الاتفاق"]),
        ("وفقا للاتفاقية الأمنية المشتركة مع الجيران", ["الاتفاقية الأمنية المشتركة"]),
        ("ويستعد الوزراء لقمة في الرياض", ["قمة"]),
        # A relative clause, a preposition or a verb ends the name.
        ("نص الاتفاق الذي وقعه الطرفان", ["الاتفاق"]),
        ("ناقش الطرفان صفقة بين الشركتين", ["صفقة"]),
        ("وقعت الدولتان هدنة تستمر أسبوعا", ["هدنة"]),
        # Institutions that contain a head noun are not the event.
        ("ويعقد حلف شمال الأطلسي اجتماعا", []),
        ("استنادا إلى ميثاق الأمم المتحدة", []),
        ("لا يوجد هنا أي اسم للحدث", []),
    ],
)
def test_arabic_names(sentence, expected):
    assert event_names([sentence], "ar") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two ministers signed a free trade pact on Wednesday.", ["free trade pact"]),
        (
            "They signed the Treaty on Comprehensive Economic Partnership in the capital.",
            ["Treaty on Comprehensive Economic Partnership"],
        ),
        ("NATO, the North Atlantic Treaty Organization, will hold a summit.", ["summit"]),
        ("He wants to deal with the crisis; a new trade deal is near.", ["new trade deal"]),
        ("Brazil's new alliance worries Tokyo.", ["new alliance"]),
    ],
)
def test_english_names(sentence, expected):
    assert event_names([sentence], "en") == expected


def test_title_comes_first_and_occurrences_are_kept():
    names = event_names(
        ["وقع البلدان اتفاقا دفاعيا. ونص الاتفاق الدفاعي على التعاون."],
        "ar",
        title="تحالف جديد في المنطقة",
    )
    assert names == ["تحالف جديد", "الاتفاق الدفاعي"]


def test_counts_group_article_and_spelling_variants():
    paragraphs = [
        "وقع البلدان اتفاق دفاعي يوم الأحد.",
        "ويقضي الاتفاق الدفاعي بتبادل المعلومات.",
        "وانتقدت المعارضة الإتفاق الدفاعي بشدة.",
        "ودافعت الحكومة عن الاتفاق الدفاعي.",
        "وستعقد قمة ثانية العام المقبل.",
    ]
    counts = event_name_counts(paragraphs, "ar")
    # One group; shown in its most frequent spelling.
    assert counts[0] == ("الاتفاق الدفاعي", 4)
    # An adjective ends the idafa chain: «العام المقبل» is not part of the name.
    assert counts[1] == ("قمة ثانية", 1)


def test_spans_point_at_the_text():
    text = "ووقع الرئيسان على اتفاق دفاعي جديد أمس"
    spans = event_name_spans(text, "ar")
    assert [(text[s:e], phrase) for s, e, phrase in spans] == [
        ("اتفاق دفاعي جديد", "اتفاق دفاعي جديد")
    ]


def test_empty_input():
    assert event_names([], "ar") == []
    assert event_name_counts([""], "en") == []
