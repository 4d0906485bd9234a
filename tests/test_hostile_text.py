"""Random and hostile text through the readers and the parser (hypothesis).

Mixed scripts, bidi controls, zero-width characters, unbalanced quotes, gigantic tokens,
punctuation or digits only, NUL bytes and arbitrary (surrogate-free) unicode must never raise,
and what comes out must be well-formed: types, paragraph indices in range, quote text found
in its paragraph, ISO dates with start <= end, positive counts.

Run with `-s` to see how many examples each property was checked on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dashboard.analysis.parser import parse_article
from dashboard.ingest.readers import SUPPORTED_EXTENSIONS, Problem, read_bytes
from dashboard.model import Article, RawArticle

EXAMPLES = Counter()
# More examples for exploration runs (see tests/conftest.py); the default keeps CI short.
N_EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "1500"))

FRAGMENTS = [
    # Arabic with attribution verbs, titles and date words the analysers look for
    "قال",
    "وقال وزير الخارجية",
    "أضاف المتحدث",
    "مصدر مطلع",
    "الرئيس",
    "أمس",
    "يوم الاثنين",
    "في 20 يونيو 2024",
    "الشهر المقبل",
    "١٢ مارس ٢٠٢٣",
    "الحرب",
    "العقوبات",
    # Latin, Cyrillic, CJK
    "said",
    "the minister said",
    "according to officials",
    "on Monday",
    "last week",
    "June 2024",
    "Заявил министр",
    "вчера",
    "外交部发言人",
    "昨天",
    # quotes and brackets, balanced or not
    "«",
    "»",
    '"',
    "'",
    "\u201c",
    "\u201d",
    "(",
    ")",
    ":",
    "،",
    "؛",
    ".",
    "؟",
    "!",
    "...",
    # bidi and invisible characters
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200f",
    "\ufeff",
    "\u0640",
    # control, digits, whitespace
    "\x00",
    "\x07",
    "0",
    "2024",
    "31/02/2024",
    "99999999999999999999",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
]

hostile_text = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
    st.text(max_size=400),  # arbitrary unicode; hypothesis never generates surrogates here
    st.text(alphabet=st.characters(categories=["P", "S"]), max_size=300),  # punctuation only
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ ", max_size=300),  # digits only
    st.builds(
        lambda c, n: c * n, st.sampled_from(["ب", "x", "«", "\u200b", "9"]), st.integers(1, 5000)
    ),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map(
        " ".join
    ),
)


def check_article(art: Article, raw: RawArticle) -> None:
    assert isinstance(art.id, str) and len(art.id) == 16
    for name in ("title", "outlet", "published_at", "date_source", "language"):
        assert isinstance(getattr(art, name), str), name
    assert art.language
    assert isinstance(art.paragraphs, list)
    assert all(isinstance(p, str) and p.strip() for p in art.paragraphs)
    n = len(art.paragraphs)
    for q in art.quotes:
        assert isinstance(q.speaker, str) and isinstance(q.text, str)
        assert isinstance(q.direct, bool)
        assert 0 <= q.paragraph < n
        para = " ".join(art.paragraphs[q.paragraph].split())
        # Reported speech is the sentence without its attribution («X, according to Y, Z»
        # gives "X Z"), so the text is checked word by word; the provenance sentence whole.
        assert all(word in para for word in q.text.split()), (q.text, para)
        if q.sentence:
            assert " ".join(q.sentence.split()) in para, (q.sentence, para)
    for s in art.speakers:
        assert s.quotes >= 1 and isinstance(s.name, str)
    assert sum(s.quotes for s in art.speakers) <= len(art.quotes)
    for d in art.dates:
        assert 0 <= d.paragraph < n
        assert (d.start is None) == (d.end is None)
        if d.start is not None:
            start, end = dt.date.fromisoformat(d.start), dt.date.fromisoformat(d.end)
            assert start <= end, (d.text, d.start, d.end)
    for k in [*art.keywords, *art.terms]:
        assert isinstance(k.term, str) and k.term.strip() and k.count >= 1
    assert all(isinstance(e, str) for e in art.event_names)
    for frame, score in art.frames.items():
        assert 0.0 <= score <= 1.0, frame
    for evidence in art.frame_evidence.values():
        for e in evidence:
            assert 0 <= e.paragraph < n
    Article.from_dict(art.to_dict())  # what the store keeps round-trips
    # How often the checks above had something to check (printed at the end).
    EXAMPLES["with quotes"] += bool(art.quotes)
    EXAMPLES["with dated mentions"] += any(d.start for d in art.dates)


@pytest.fixture(scope="module", autouse=True)
def report_examples():
    yield
    print(f"\nhypothesis examples run: {dict(EXAMPLES)}, total {sum(EXAMPLES.values())}")


@settings(max_examples=N_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(title="", body="...according to officials", language="", published="")
@given(
    title=hostile_text,
    body=hostile_text,
    language=st.sampled_from(["", "ar", "en"]),
    published=st.sampled_from(["", "2024-06-20", "1800-01-01", "2200-12-31"]),
)
def test_parse_article_survives_hostile_text(title, body, language, published):
    EXAMPLES["parse_article"] += 1
    raw = RawArticle(title=title, body=body, language=language, published_at=published)
    check_article(parse_article(raw), raw)


def as_file(ext: str, title: str, body: str) -> str:
    """Hostile title and body laid out the way each format carries an article."""
    if ext == ".txt":
        return f"{title}\n{body}"
    if ext in (".html", ".htm"):
        return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
    if ext in (".json", ".jsonl"):
        return json.dumps({"title": title, "text": body, "published_at": body[:12]})
    buf = io.StringIO()
    csv.writer(buf).writerows([["title", "text", "outlet"], [title, body, title[:20]]])
    return buf.getvalue()


@settings(
    max_examples=N_EXAMPLES * 2 // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    title=hostile_text,
    body=hostile_text,
    ext=st.sampled_from(SUPPORTED_EXTENSIONS),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "raw"]),
    raw_bytes=st.binary(max_size=300),
)
def test_read_bytes_survives_hostile_files(title, body, ext, encoding, raw_bytes):
    EXAMPLES["read_bytes"] += 1
    text = as_file(ext, title, body)
    data = raw_bytes if encoding == "raw" else text.encode(encoding, errors="replace")
    result = read_bytes(f"upload{ext}", data)
    assert result.files_read == 1
    for p in result.problems:
        assert isinstance(p, Problem) and p.severity in ("error", "warning")
        assert p.file == f"upload{ext}" and p.reason
    EXAMPLES["files read as articles"] += bool(result.articles)
    for raw in result.articles:
        assert raw.source_file.startswith(f"upload{ext}")
        assert isinstance(raw.title, str) and isinstance(raw.body, str) and raw.body.strip()
        assert "\x00" not in raw.title + raw.body
        assert raw.published_at == "" or dt.date.fromisoformat(raw.published_at)
        check_article(parse_article(raw), raw)
    if not result.articles:
        assert result.errors, "nothing read and no error saying why"
