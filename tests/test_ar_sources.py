"""Arabic cited sources: wire credits, datelines, channels and relays as voices of kind `media`.

Sentences are written for these tests (none come from the development texts or the seeds).
"""

from __future__ import annotations

import pytest

from dashboard.analysis.languages.ar.credits import (
    credit_quotes,
    dateline_credits,
    parenthesised_credits,
)
from dashboard.analysis.speakers import attribute_quotes, is_cited_source, summarize_speakers


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("عمّان – بترا", ["بترا"]),  # place, dash, agency alone on the line
        ("وام - أبوظبي: أعلنت الوزارة اليوم عن خطة جديدة.", ["وام"]),
        ("بيروت – صدى الشرق", ["صدى الشرق"]),  # an outlet not in any gazetteer, after a capital
        ("نبض الخليج/ افتتح الوزير المعرض السنوي للكتاب.", ["نبض الخليج"]),
        ("أخبار الساحل- القاهرة أعلنت السلطات فتح الطريق.", ["أخبار الساحل"]),
        ("مرصد الأخبار – وكالات", ["مرصد الأخبار"]),
        ("القاهرة- الميدان: أكد المدرب جاهزية الفريق.", ["الميدان"]),
        ("الموقع - و.م.ع", ["و.م.ع"]),  # only the gazetteer side of two unknowns
        # Not credits: a headline with a dash, a place-only line, numbers of a date.
        ("الاقتصاد - تراجع التضخم في الربع الثالث", []),
        ("أبوظبي - 12 - 5", []),
        ("وكالات", []),
    ],
)
def test_dateline_credits(paragraph: str, credits: list[str]) -> None:
    assert [c for c, _cue in dateline_credits(paragraph)] == credits


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("الدوحة – 3 – 4 (قنا) — أعلنت اللجنة المنظمة موعد البطولة.", ["قنا"]),
        ("باريس (أ ف ب) - ارتفعت الأسعار.", ["أ ف ب"]),
        ("عمّان 5 أيار (بترا - كونا) - وقّع البلدان اتفاقية.", ["بترا", "كونا"]),
        # The acronym of an agency just named is a gloss, not a second credit.
        ("وأفادت وكالة الأنباء القطرية (قنا) بأن الوفد وصل.", []),
        # A parenthesis that is no agency.
        ("بيروت (لبنان) - وصل الوفد.", []),
    ],
)
def test_parenthesised_credits(paragraph: str, credits: list[str]) -> None:
    assert [c for c, _cue in parenthesised_credits(paragraph)] == credits


def test_dateline_only_in_the_first_paragraphs() -> None:
    assert [q.speaker for q in credit_quotes("عمّان – بترا", 1)] == ["بترا"]
    assert credit_quotes("عمّان – بترا", 9) == []  # a mid-article line is no dateline
    # A parenthesised credit counts anywhere.
    assert [q.speaker for q in credit_quotes("الكويت - 7 - 2 (كونا) - بدأت الأعمال.", 9)] == [
        "كونا"
    ]


def test_credit_is_a_media_source_statement() -> None:
    quotes = attribute_quotes(
        ["الرياض – واس", "وقال وزير المالية خالد ناصر إن الميزانية ستزيد."], "ar"
    )
    by_speaker = {q.speaker: q for q in quotes}
    credit = by_speaker["واس"]
    assert (credit.speaker_kind, credit.role, credit.verb, credit.paragraph) == (
        "media",
        "مصدر",
        "الرياض – واس",
        0,
    )
    assert is_cited_source(credit)
    assert not is_cited_source(by_speaker["خالد ناصر"])
    rows = {s.name: (s.kind, s.role) for s in summarize_speakers(quotes)}
    assert rows["واس"] == ("media", "مصدر")


def test_relay_chain_gives_speaker_and_source() -> None:
    # «نقلت X عن Y قوله»: Y speaks, X is the source.
    quotes = attribute_quotes(
        ["ونقلت صحيفة الأفق عن وزير النقل سامي داود قوله إن الميناء سيفتتح قريبًا."], "ar"
    )
    assert [(q.speaker, q.speaker_kind, is_cited_source(q)) for q in quotes] == [
        ("سامي داود", "official", False),
        ("صحيفة الأفق", "media", True),
    ]


def test_channel_name_stops_at_gloss_and_circumstance() -> None:
    quotes = attribute_quotes(
        [
            "وقال الوزير سالم فهد في تصريح لوكالة الأنباء العمانية (العمانية) عقب الاجتماع إن الحوار مستمر."
        ],
        "ar",
    )
    sources = [q.speaker for q in quotes if is_cited_source(q)]
    assert sources == ["وكالة الأنباء العمانية"]
    assert [q.speaker for q in quotes if not is_cited_source(q)] == ["سالم فهد"]
