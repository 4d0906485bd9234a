"""The "Add articles" page: preview, corrections, save and report (pure functions), and the
page itself in local mode through AppTest (which can upload files)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.escaping import shown_text
from dashboard.ingest import uploads as ul
from dashboard.ingest.ingest import FileOutcome, IngestReport
from dashboard.ingest.readers import Problem, ReadResult
from dashboard.model import RawArticle
from dashboard.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_PAGE = str(ROOT / "dashboard" / "views" / "upload.py")

# Invented articles (not the seeds).
HARBOUR_TXT = (
    b"Harbour cranes return to service\n\n"
    b"The port authority said on Monday that all twelve cranes were working again "
    b"after a three-week repair.\n\n"
    b'"We expect the backlog to clear by the end of the month," the director said.\n'
)
BRIDGE_AR_TXT = (
    "افتتاح جسر جديد فوق النهر\n\n"
    "قال وزير النقل يوم الأحد إن الجسر الجديد سيخفف الازدحام في وسط المدينة.\n\n"
    "وأضاف أن الأعمال استغرقت عامين.\n"
).encode()
FEED_CSV = (
    b"title,text,outlet,published_at,language\n"
    b"Library reopens,The city library reopened after renovation.,Daily Bugle,2024-03-05,en\n"
    b",,,,\n"
    b"Headline only,,Daily Bugle,2024-03-06,en\n"
    b'Museum adds wing,"The museum opened a new wing, officials said.",Daily Bugle,05/03/2024,en\n'
)


def raw(
    title="T", body="Body text.", outlet="", published_at="", date_source="unknown", src="a.txt"
):
    return RawArticle(
        title=title,
        body=body,
        outlet=outlet,
        published_at=published_at,
        date_source=date_source,
        language="en",
        source_file=src,
    )


# --------------------------------------------------------------------------- preview


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short text", 300, "short text"),
        ("a  b\n\nc", 300, "a b c"),
        ("abcdefghij", 5, "abcde…"),
        ("abcd efghij", 5, "abcd…"),  # cut at a space: no dangling blank before the ellipsis
        ("", 300, ""),
        ("x" * 300, 300, "x" * 300),
    ],
)
def test_beginning(text, limit, expected):
    assert ul.beginning(text, limit) == expected


def test_allowed_types_are_the_supported_formats():
    assert sorted(ul.ALLOWED_TYPES) == ["csv", "htm", "html", "json", "jsonl", "txt"]


def test_preview_frame_rows_follow_the_articles_and_mark_stored_ones(duck_store):
    stored = raw("Already here", "Old body.", outlet="Gazette", src="old.txt")
    from dashboard.ingest.ingest import ingest_result

    ingest_result(duck_store, ReadResult(articles=[stored]), workers=1)
    result = ReadResult(
        articles=[
            raw("New one", "Fresh body " * 40, outlet="Gazette", published_at="2024-06-01"),
            raw("Already here", "Old body.", outlet="Gazette", src="copy.txt"),
        ]
    )
    df = ul.preview_frame(result, duck_store)
    assert list(df.columns) == ul.PREVIEW_COLUMNS
    assert list(df["title"]) == ["New one", "Already here"]
    assert list(df["published_at"]) == [dt.date(2024, 6, 1), None]
    assert list(df["note"]) == ["", "already in the store"]
    assert len(df["beginning"][0]) == 301 and df["beginning"][0].endswith("…")
    assert list(ul.preview_frame(result)["note"]) == ["", ""]  # no store: no notes


# --------------------------------------------------------------------------- corrections


def edited_rows(**changes):
    row = {"file": "a.txt", "title": "T", "outlet": "", "published_at": None}
    row.update(changes)
    return [row]


@pytest.mark.parametrize(
    "original, changes, outlet, published_at, date_source",
    [
        # nothing changed: the file's date and its source are kept
        (
            raw(published_at="2024-06-20", date_source="manifest"),
            {"published_at": dt.date(2024, 6, 20)},
            "",
            "2024-06-20",
            "manifest",
        ),
        (raw(), {"outlet": "  Daily   Bugle "}, "Daily Bugle", "", "unknown"),
        (raw(), {"published_at": dt.date(2024, 6, 21)}, "", "2024-06-21", "manual"),
        (raw(), {"published_at": pd.Timestamp("2024-06-22 15:00")}, "", "2024-06-22", "manual"),
        (raw(), {"published_at": "23/06/2024"}, "", "2024-06-23", "manual"),
        (raw(), {"published_at": "2024-06-24"}, "", "2024-06-24", "manual"),
        # a cleared date: unknown, not the old one
        (
            raw(published_at="2024-06-20", date_source="estimated"),
            {"published_at": None},
            "",
            "",
            "unknown",
        ),
        (
            raw(published_at="2024-06-20", date_source="estimated"),
            {"published_at": pd.NaT},
            "",
            "",
            "unknown",
        ),
        # only outlet and date are editable: a changed title is ignored
        (raw(title="Original"), {"title": "Hacked"}, "", "", "unknown"),
    ],
)
def test_apply_edits(original, changes, outlet, published_at, date_source):
    (out,), errors = ul.apply_edits([original], edited_rows(**changes))
    assert errors == []
    assert (out.outlet, out.published_at, out.date_source) == (outlet, published_at, date_source)
    assert out.title == original.title and out.body == original.body
    assert out is not original


def test_apply_edits_reports_bad_dates_and_long_outlets():
    articles = [raw(src="one.txt"), raw(src="two.txt")]
    rows = edited_rows(published_at="next Tuesday") + edited_rows(outlet="x" * 201)
    _, errors = ul.apply_edits(articles, rows)
    assert len(errors) == 2
    assert errors[0].startswith("one.txt:") and "not a date" in errors[0]
    assert errors[1].startswith("two.txt:") and "longer than 200" in errors[1]


def test_apply_edits_refuses_a_preview_of_another_length():
    _, errors = ul.apply_edits([raw(), raw()], edited_rows())
    assert errors and "2 articles" in errors[0]


def test_apply_edits_accepts_a_dataframe():
    df = pd.DataFrame(edited_rows(outlet="Gazette", published_at=dt.date(2024, 1, 2)))
    (out,), errors = ul.apply_edits([raw()], df)
    assert not errors and (out.outlet, out.published_at) == ("Gazette", "2024-01-02")


# --------------------------------------------------------------------------- save and report


def test_read_save_and_report_per_file(any_store: Store):
    result = ul.read_uploaded([("harbour.txt", HARBOUR_TXT), ("feed.csv", FEED_CSV)])
    assert [a.title for a in result.articles] == [
        "Harbour cranes return to service",
        "Library reopens",
        "Museum adds wing",
    ]
    articles, errors = ul.apply_edits(
        result.articles,
        [
            {"outlet": "Port News", "published_at": dt.date(2024, 2, 1)},
            {"outlet": "Daily Bugle", "published_at": dt.date(2024, 3, 5)},
            {"outlet": "Daily Bugle", "published_at": dt.date(2024, 3, 5)},
        ],
    )
    assert not errors
    seen = []
    report = ul.save_articles(any_store, result, articles, lambda d, t, title: seen.append((d, t)))
    assert seen[-1] == (3, 3)
    assert report.added == 3 and any_store.count() == 3
    summary = ul.file_summary(report).set_index("file")
    assert summary.loc["harbour.txt"].tolist() == [1, 0, 0, 0]
    # feed.csv: two rows added, one row with a title but no text rejected (the blank row
    # is not an article at all)
    assert summary.loc["feed.csv", "added"] == 2
    assert summary.loc["feed.csv", "rejected"] >= 1
    rows = ul.report_frame(report)
    rejected = rows[rows["outcome"] == "rejected"]
    assert any("no text" in r for r in rejected["reason"])
    assert list(dict.fromkeys(ul.upload_name(f) for f in rows["file"])) == [
        "harbour.txt",
        "feed.csv",
    ]
    stored = any_store.frame(
        "SELECT outlet, published_at, date_source FROM articles WHERE title = ?",
        ["Harbour cranes return to service"],
    )
    assert stored["outlet"][0] == "Port News"
    assert str(stored["published_at"][0])[:10] == "2024-02-01"
    assert stored["date_source"][0] == "manual"

    # The same upload again: everything skipped as duplicate, nothing added.
    again = ul.save_articles(any_store, result, articles)
    assert again.added == 0 and again.duplicates == 3 and any_store.count() == 3
    assert set(ul.report_frame(again)["outcome"]) >= {"skipped: duplicate"}


def test_report_frame_groups_outcomes_by_uploaded_file():
    report = IngestReport(
        [
            FileOutcome("b.csv#2", "added", "", "B2"),
            FileOutcome("a.txt", "duplicate", "same", "A"),
            FileOutcome("b.csv#3", "added", "", "B3"),
            FileOutcome("b.csv", "warning", "unknown column(s) ignored: x"),
        ]
    )
    df = ul.report_frame(report)
    assert list(df["file"]) == ["b.csv#2", "b.csv#3", "b.csv", "a.txt"]
    assert list(df["outcome"]) == ["added", "added", "warning", "skipped: duplicate"]
    summary = ul.file_summary(report)
    assert summary.to_dict("records") == [
        {"file": "b.csv", "added": 2, "skipped (duplicate)": 0, "rejected": 0, "warnings": 1},
        {"file": "a.txt", "added": 0, "skipped (duplicate)": 1, "rejected": 0, "warnings": 0},
    ]


def test_reader_problems_reach_the_report(duck_store):
    result = ReadResult(problems=[Problem("scan.txt", "this is a PDF file, not text")])
    report = ul.save_articles(duck_store, result, [])
    assert ul.report_frame(report).to_dict("records") == [
        {
            "file": "scan.txt",
            "title": "",
            "outcome": "rejected",
            "reason": "this is a PDF file, not text",
        }
    ]


def test_article_choices_label_and_order(duck_store):
    from dashboard.ingest.ingest import ingest_result

    ingest_result(duck_store, ReadResult(articles=[raw("First", "One.", outlet="A")]), workers=1)
    ingest_result(
        duck_store,
        ReadResult(articles=[raw("Second", "Two.", outlet="B", published_at="2024-05-06")]),
        workers=1,
    )
    labels = [label for _, label in ul.article_choices(duck_store)]
    assert labels == ["B · 2024-05-06 · Second", "A · date unknown · First"]


def test_uploaded_names_are_labels_not_paths(duck_store, tmp_path):
    evil = "../../" + str(tmp_path / "escaped.txt")
    result = ul.read_uploaded([(evil, HARBOUR_TXT)])
    assert [a.source_file for a in result.articles] == ["escaped.txt"]
    ul.save_articles(duck_store, result, result.articles)
    assert not (tmp_path / "escaped.txt").exists()


# --------------------------------------------------------------------------- the page


@pytest.fixture
def page(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'page.duckdb'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    at = AppTest.from_file(UPLOAD_PAGE, default_timeout=120)
    return at.run(), url


def _texts(elements) -> str:
    """What the alerts show (file names and reasons are escaped for Markdown)."""
    return " ".join(shown_text(str(e.value)) for e in elements)


def test_page_renders_its_uploader(page):
    at, _ = page
    assert not at.exception
    assert [t.value for t in at.title] == ["Add articles"]
    (uploader,) = at.file_uploader
    assert uploader.accept_multiple_files
    assert sorted(t.lstrip(".") for t in uploader.allowed_type) == sorted(ul.ALLOWED_TYPES)
    assert "The store holds no article" in _texts(at.caption)


def test_page_previews_saves_reports_and_deletes(page):
    at, url = page
    at.file_uploader[0].set_value(
        [
            ("harbour.txt", HARBOUR_TXT, "text/plain"),
            ("bridge.txt", BRIDGE_AR_TXT, "text/plain"),
            ("scan.txt", b"%PDF-1.7 binary", "text/plain"),
        ]
    )
    at.run()
    assert not at.exception
    assert "scan.txt" in _texts(at.error) and "PDF" in _texts(at.error)
    assert "Preview: 2 article(s)" in _texts(at.subheader)
    # the article text is shown as plain text, never as markdown/HTML
    assert any(t.value.startswith("The port authority said on Monday") for t in at.text)
    at.button(key="upload_save").click().run()
    assert not at.exception
    assert "2 added, 0 skipped as duplicates, 1 rejected" in _texts(at.success)
    report = at.dataframe[1].value
    assert report.set_index("file").loc["scan.txt", "outcome"] == "rejected"
    assert sorted(report[report["outcome"] == "added"]["file"]) == ["bridge.txt", "harbour.txt"]
    assert len(at.file_uploader) == 1  # a fresh, empty uploader for the next files

    store = Store(url)
    try:
        assert store.count() == 2
        titles = {r[0] for r in store.execute("SELECT title FROM articles")}
        assert titles == {"Harbour cranes return to service", "افتتاح جسر جديد فوق النهر"}
    finally:
        store.close()

    # Delete one article: the button only works once the box is ticked.
    options = at.selectbox(key="delete_choice").options
    assert len(options) == 2
    at.selectbox(key="delete_choice").select_index(
        next(i for i, o in enumerate(options) if "Harbour" in o)
    ).run()
    assert at.button(key="delete_button").disabled
    at.checkbox(key="delete_ok").check().run()
    at.button(key="delete_button").click().run()
    assert not at.exception
    assert "Deleted:" in _texts(at.success) and "Harbour" in _texts(at.success)
    assert len(at.selectbox(key="delete_choice").options) == 1


# --------------------------------------------------------------------------- every format

# Invented articles, one file per supported format. The HTML page has navigation and a
# footer around the article and carries outlet, date and URL only in its metadata.
MUSEUM_HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Museum opens a wing for maritime history | Riverside Chronicle</title>
<meta property="og:title" content="Museum opens a wing for maritime history">
<meta property="og:site_name" content="Riverside Chronicle">
<meta property="article:published_time" content="2024-04-09T08:30:00+00:00">
<link rel="canonical" href="https://chronicle.example.org/culture/museum-wing">
</head><body>
<nav><a href="/">Home</a> <a href="/culture">Culture and the arts section</a></nav>
<article><h1>Museum opens a wing for maritime history</h1>
<p>The city museum opened a new wing on Tuesday dedicated to the history of the harbour
and its shipyards, after four years of building work.</p>
<p>"This is the story of the people who built the ships," the museum's director told
reporters at the opening, adding that entry would be free for the first month.</p>
<p>The wing holds more than three hundred objects, including models, tools and letters
written by dock workers in the nineteenth century.</p></article>
<footer>Copyright Riverside Chronicle. All rights reserved.</footer>
</body></html>
"""
PAIR_JSON = json.dumps(
    [
        {
            "title": "Rail strike called off after late talks",
            "text": "Union leaders said on Sunday that the planned rail strike would not go "
            'ahead.\n\n"We have an agreement on pay," the general secretary said.',
            "outlet": "Morning Ledger",
            "published_at": "2024-05-12",
            "language": "en",
            "url": "https://ledger.example.com/rail",
        },
        {
            "title": "Heatwave warning for the weekend",
            "text": "The weather service issued a heat warning for the coming weekend.",
            "outlet": "Morning Ledger",
            "published_at": "2024-05-13",
            "language": "en",
        },
    ]
).encode()
# Line 2 is cut off: rejected, line 1 still goes in.
FESTIVAL_JSONL = (
    json.dumps(
        {
            "title": "مهرجان الكتاب يستقبل زواره",
            "text": "افتتح مهرجان الكتاب أبوابه يوم الخميس بمشاركة أكثر من مئتي دار نشر.\n\n"
            "وقال مدير المهرجان إن عدد الزوار فاق التوقعات.",
            "outlet": "صحيفة الميناء",
            "published_at": "2024-02-01",
            "language": "ar",
        },
        ensure_ascii=False,
    )
    + '\n{"title": "cut off", "text": \n'
).encode()
# The documented CSV columns, url included; row 3 has no text.
LIBRARY_CSV = (
    b"title,text,outlet,url,published_at,language\n"
    b"Library reopens,The city library reopened on Monday after a year of renovation.,"
    b"Daily Bugle,https://bugle.example.com/library,2024-03-05,en\n"
    b"Headline only,,Daily Bugle,,2024-03-06,en\n"
)
NO_TEXT_CSV = b"headline,outlet\nNo text column here,Daily Bugle\n"

# (uploads, expected report rows (file, outcome) in order, articles added)
FORMAT_CASES = {
    "txt": ([("harbour.txt", HARBOUR_TXT)], [("harbour.txt", "added")], 1),
    "html": ([("museum.html", MUSEUM_HTML)], [("museum.html", "added")], 1),
    "json": (
        [("pair.json", PAIR_JSON)],
        [("pair.json#1", "added"), ("pair.json#2", "added")],
        2,
    ),
    "jsonl": (
        [("festival.jsonl", FESTIVAL_JSONL)],
        [("festival.jsonl#1", "added"), ("festival.jsonl", "rejected")],
        1,
    ),
    "csv": (
        [("library.csv", LIBRARY_CSV)],
        [("library.csv#2", "added"), ("library.csv", "rejected")],
        1,
    ),
}


def _count(url: str) -> int:
    store = Store(url)
    try:
        return store.count()
    finally:
        store.close()


def _stored(url: str, sql: str, params=()) -> list[tuple]:
    store = Store(url)
    try:
        return [tuple(r) for r in store.execute(sql, list(params))]
    finally:
        store.close()


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader[0].set_value(
        [(name, data, "application/octet-stream") for name, data in files]
    )
    return at.run()


@pytest.mark.parametrize("fmt", list(FORMAT_CASES))
def test_each_format_through_the_page(page, fmt):
    at, url = page
    files, expected_rows, added = FORMAT_CASES[fmt]
    at = _upload(at, files)
    assert not at.exception
    preview = at.data_editor[0].value
    assert len(preview) == added
    at.button(key="upload_save").click().run()
    assert not at.exception
    rejected = sum(outcome == "rejected" for _, outcome in expected_rows)
    assert f"{added} added, 0 skipped as duplicates, {rejected} rejected" in _texts(at.success)
    report = at.dataframe[-1].value
    assert list(zip(report["file"], report["outcome"], strict=True)) == expected_rows
    assert _count(url) == added

    # The same files again: every article skipped as a duplicate, the count unchanged.
    at = _upload(at, files)
    assert set(at.data_editor[0].value["note"]) == {"already in the store"}
    at.button(key="upload_save").click().run()
    report = at.dataframe[-1].value
    assert list(report["outcome"]).count("skipped: duplicate") == added
    assert _count(url) == added


def test_html_metadata_reaches_the_store(page):
    at, url = page
    at = _upload(at, [("museum.html", MUSEUM_HTML)])
    row = at.data_editor[0].value.iloc[0]
    assert (row["title"], row["outlet"]) == (
        "Museum opens a wing for maritime history",
        "Riverside Chronicle",
    )
    assert "Home" not in row["beginning"] and "Copyright" not in row["beginning"]
    assert row["beginning"].startswith("The city museum opened a new wing on Tuesday")
    at.button(key="upload_save").click().run()
    ((outlet, published, source, link, body),) = _stored(
        url, "SELECT outlet, published_at, date_source, url, body FROM articles"
    )
    assert (outlet, str(published)[:10], source) == (
        "Riverside Chronicle",
        "2024-04-09",
        "metadata",
    )
    assert link == "https://chronicle.example.org/culture/museum-wing"
    assert "All rights reserved" not in body and "three hundred objects" in body


def test_outlet_and_date_corrected_in_the_preview_are_saved(page):
    at, url = page
    at = _upload(at, [("harbour.txt", HARBOUR_TXT), ("library.csv", LIBRARY_CSV)])
    (editor,) = at.data_editor
    assert list(editor.value["file"]) == ["harbour.txt", "library.csv#2"]
    assert list(editor.value["outlet"]) == ["", "Daily Bugle"]
    # What the browser sends after two cell edits in the first row.
    at.session_state[editor.key] = {
        "edited_rows": {0: {"outlet": "Port News", "published_at": "2024-02-01"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="upload_save").click().run()
    assert not at.exception
    rows = _stored(
        url, "SELECT title, outlet, published_at, date_source FROM articles ORDER BY title"
    )
    assert [(t, o, str(d)[:10], s) for t, o, d, s in rows] == [
        ("Harbour cranes return to service", "Port News", "2024-02-01", "manual"),
        ("Library reopens", "Daily Bugle", "2024-03-05", "metadata"),
    ]


def test_a_rejected_file_leaves_the_store_unchanged(page):
    at, url = page
    at = _upload(at, [("harbour.txt", HARBOUR_TXT)])
    at.button(key="upload_save").click().run()
    assert _count(url) == 1
    at = _upload(at, [("notes.csv", NO_TEXT_CSV)])
    assert not at.exception
    assert "notes.csv" in _texts(at.error) and "missing required column(s): text" in _texts(
        at.error
    )
    assert "No article could be read" in _texts(at.info)
    assert not at.data_editor and not [b for b in at.button if b.key == "upload_save"]
    assert _count(url) == 1


# --------------------------------------------------------------------------- the CLI


def _cli_ingest(path: Path, url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(path), "--database", url,
         "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_cli_ingest_reads_the_same_formats(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    uploads = [f for files, _, _ in FORMAT_CASES.values() for f in files]
    for name, data in [*uploads, ("notes.csv", NO_TEXT_CSV)]:
        (folder / name).write_bytes(data)
    url = f"duckdb:///{tmp_path / 'cli.duckdb'}"

    out = _cli_ingest(folder, url)
    assert out.returncode == 1, out.stderr  # some rows were rejected
    # 1 txt + 1 html + 2 json + 1 jsonl + 1 csv; rejected: a jsonl line, a csv row, notes.csv
    assert "6 added, 0 skipped as duplicates, 3 rejected" in out.stdout
    assert "rejected  notes.csv: missing required column(s): text" in out.stdout
    assert "store now holds 6 articles" in out.stdout
    assert _count(url) == 6
    assert sorted(r[0] for r in _stored(url, "SELECT outlet FROM articles")) == sorted(
        ["(unknown outlet)", "Riverside Chronicle", "Morning Ledger", "Morning Ledger", "صحيفة الميناء",
         "Daily Bugle"]
    )  # fmt: skip

    again = _cli_ingest(folder, url)
    assert "0 added, 6 skipped as duplicates, 3 rejected" in again.stdout
    assert _count(url) == 6

    # One file on its own, and a file with nothing to read: exit status says so.
    single = _cli_ingest(folder / "notes.csv", url)
    assert (
        single.returncode == 1 and "0 added, 0 skipped as duplicates, 1 rejected" in single.stdout
    )
    assert _count(url) == 6
