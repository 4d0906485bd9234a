"""The downloadable comparison report (HTML) and the aligned-pairs CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dashboard.analysis.compare import compare_articles
from dashboard.model import Article, Speaker
from dashboard.output import report

DATA = Path(__file__).resolve().parent / "data"
PAIRS = {
    p["name"]: p
    for p in json.loads((DATA / "alignment_pairs.json").read_text(encoding="utf-8"))["pairs"]
}
PAYLOAD = '<script>alert("x")</script>'


def article(aid, outlet, paragraphs, language="ar", **kw) -> Article:
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


@pytest.fixture(scope="module")
def wire():
    """The hand-written wire copy pair, with a script payload in a title, an outlet name,
    a speaker and one shared sentence (so it lands in an aligned pair)."""
    pair = PAIRS["wire_copy_ar"]
    a_pars = list(pair["a"])
    b_pars = list(pair["b"])
    a_pars[0] = a_pars[0] + " " + PAYLOAD
    b_pars[0] = b_pars[0] + " " + PAYLOAD
    a = article(
        "a1",
        "وكالة أ",
        a_pars,
        title="اتفاق جديد " + PAYLOAD,
        speakers=[Speaker("الدفاع المدني " + PAYLOAD, "official", "", 2)],
    )
    b = article("b1", "صحيفة <b>ب</b>", b_pars, title="Wire copy")
    return compare_articles(a, b, use_embeddings=False)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(doc: str) -> _Collector:
    p = _Collector()
    p.feed(doc)
    return p


def test_report_escapes_script_payloads(wire):
    doc = report.build_report(wire, title="Report " + PAYLOAD)
    tags = parse(doc).tags
    assert not [t for t, _ in tags if t in ("script", "b", "iframe")]
    assert "<script" not in doc.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in doc
    # The payload is shown as text: in the title, a pair cell, a voice and the outlet.
    text = "".join(parse(doc).text)
    assert text.count(PAYLOAD) >= 4
    assert "صحيفة <b>ب</b>" in text


def test_report_is_offline_and_directional(wire):
    doc = report.build_report(wire)
    tags = parse(doc).tags
    # No script, no external stylesheet, image or font: everything inline.
    assert not [a for t, a in tags if t in ("link", "img", "script")]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", doc)
    assert "@import" not in doc and "url(" not in doc
    assert [t for t, _ in tags].count("svg") == 1  # the frame chart, inline
    # Arabic sentences right-to-left, the English summary left-to-right.
    cells = [a for t, a in tags if t == "td" and "pair-a" in a.get("class", "")]
    # The five hand-marked wire pairs, plus the payload appended to both first paragraphs.
    assert len(wire.pairs) == 6
    assert len(cells) == len(wire.pairs) + len(wire.weak_pairs)
    assert all(a["dir"] == "rtl" for a in cells)
    assert any(t == "p" and a.get("dir") == "ltr" for t, a in tags)


def test_report_marks_word_diff_and_event_names(wire):
    doc = report.build_report(wire)
    # The wire copy changed the toll 43 -> 45 (hand-written in the pair).
    assert '<mark class="del">43</mark>' in doc
    assert '<mark class="ins">45</mark>' in doc
    # «اتفاق جديد» in A's title is an event name.
    assert re.search(r'<mark class="ev"[^>]*>اتفاق جديد</mark>', doc)


def test_frames_svg_draws_one_row_per_frame(wire):
    svg = report.frames_svg(wire)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    frames = set(wire.a.frames) | set(wire.b.frames)
    # two bars (A, B) per frame plus the two legend swatches
    assert svg.count("<rect") == 2 * len(frames) + 2


def test_pairs_csv_columns_and_rows(wire):
    text = report.pairs_csv(wire)
    # A byte order mark first, so Excel reads the Arabic as UTF-8.
    assert text.startswith("\ufeffstatus,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == [
        "status",
        "score",
        "near_identical",
        "a_outlet",
        "a_article",
        "a_paragraph",
        "a_text",
        "b_outlet",
        "b_article",
        "b_paragraph",
        "b_text",
    ]
    aligned = [r for r in rows if r["status"] == "aligned"]
    assert len(aligned) == 6  # five hand-marked pairs + the shared payload sentence
    assert len(rows) == 6 + len(wire.weak_pairs)
    assert {r["a_article"] for r in aligned} == {"a1"} and {r["b_article"] for r in aligned} == {
        "b1"
    }
    first = aligned[0]
    assert first["a_paragraph"] == "1" and first["b_paragraph"] == "1"
    assert first["a_text"].startswith("أعلنت السلطات السودانية")
    # The CSV keeps text as written (a CSV is not HTML): the payload pair is verbatim.
    assert any(r["a_text"] == r["b_text"] == PAYLOAD for r in aligned)
    assert all(0.3 <= float(r["score"]) <= 1 for r in aligned)


def test_csv_neutralises_spreadsheet_formulas():
    a = article("a", "A", ['=HYPERLINK("http://x") ارتفعت أسعار القمح في الأسواق العالمية.'])
    b = article("b", "B", ['=HYPERLINK("http://x") ارتفعت أسعار القمح في الأسواق العالمية.'])
    c = compare_articles(a, b, use_embeddings=False)
    rows = list(csv.DictReader(io.StringIO(report.pairs_csv(c))))
    assert rows and rows[0]["a_text"].startswith("'=HYPERLINK")
