"""Readers: formats, encodings, hostile and malformed files, and the per-file report.

Static malformed fixtures live in tests/data/malformed/; binary and re-encoded files are
generated into tmp_path so the repository holds no opaque bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.ingest import readers
from dashboard.ingest.readers import (
    SUPPORTED_EXTENSIONS,
    Problem,
    decode_bytes,
    normalize_date,
    read_bytes,
    read_path,
    read_uploads,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MALFORMED = Path(__file__).resolve().parent / "data" / "malformed"

# A small hand-written Arabic article used for the encoding round trips.
AR_TITLE = "وزير الصحة يفتتح مستشفى جديدا في المدينة"
AR_PARA1 = "افتتح وزير الصحة صباح اليوم مستشفى جديدا يضم مئتي سرير، وقال إن المشروع تأخر عامين."
AR_PARA2 = "وأضاف الوزير أن المستشفى سيخدم سكان القرى المجاورة أيضا."
AR_BODY = f"{AR_PARA1}\n\n{AR_PARA2}"
AR_TEXT = f"{AR_TITLE}\n\n{AR_BODY}\n"


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def problem_for(result, file: str) -> list[Problem]:
    return [p for p in result.problems if p.file == file]


# --------------------------------------------------------------------------- seeds


def test_seeds_folder_reads_two_articles_with_manifest_metadata():
    result = read_path(SEEDS)
    assert result.problems == []
    assert result.files_read == 2
    by_file = {a.source_file: a for a in result.articles}
    assert set(by_file) == {"000_b9188ee177e8f9b8.txt", "002_739a6719d320dfe0.txt"}
    first, second = by_file["000_b9188ee177e8f9b8.txt"], by_file["002_739a6719d320dfe0.txt"]
    assert first.outlet == "Akhbar El Yom"
    assert first.outlet_domain == "akhbarelyom.com"
    assert first.url == "https://akhbarelyom.com/news/newdetails/4387696/1/"
    assert first.country == "EG"
    assert second.outlet == "ANF News (Firat News Agency)"
    assert second.outlet_domain == "anfarabic.com"
    assert second.url == "" and second.country == ""
    for art in (first, second):
        assert art.published_at == "2024-06-20"
        assert art.date_source == "estimated"
        assert art.language == "ar"
        # Headline is line 1 of the file; the body is everything after it.
        raw = (SEEDS / art.source_file).read_text(encoding="utf-8")
        line1, rest = raw.split("\n", 1)
        assert art.title == line1.strip()
        assert art.body == rest.strip()
        assert art.title not in art.body.split("\n")[0]


# --------------------------------------------------------------------------- encodings


def _utf16_le_no_bom(text: str) -> bytes:
    return text.encode("utf-16-le")


ENCODED = [
    ("utf8", lambda t: t.encode("utf-8")),
    ("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ("utf16-le-bom", lambda t: t.encode("utf-16")),  # CPython writes LE with a BOM
    ("utf16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("utf16-le-no-bom", _utf16_le_no_bom),
    ("cp1256", lambda t: t.encode("cp1256")),
    ("cp1256-crlf", lambda t: t.replace("\n", "\r\n").encode("cp1256")),
    ("iso-8859-6", lambda t: t.encode("iso8859_6")),
    ("utf8-old-mac-cr", lambda t: t.replace("\n", "\r").encode("utf-8")),
]


@pytest.mark.parametrize("label,encode", ENCODED, ids=[e[0] for e in ENCODED])
def test_arabic_txt_in_every_encoding_reads_the_same(tmp_path, label, encode):
    path = tmp_path / f"{label}.txt"
    path.write_bytes(encode(AR_TEXT))
    result = read_path(path)
    assert result.problems == []
    [art] = result.articles
    assert art.title == AR_TITLE
    assert art.body == AR_BODY
    assert "\r" not in art.body and "\ufeff" not in art.title
    assert art.language == "ar"
    assert art.outlet == "" and art.date_source == "unknown" and art.published_at == ""


@pytest.mark.parametrize(
    "data,encoding",
    [
        (AR_TEXT.encode("cp1256"), "cp1256"),
        (AR_TEXT.encode("iso8859_6"), "iso8859_6"),
        (b"\xef\xbb\xbfabc", "utf-8-sig"),
        ("abc".encode("utf-16"), "utf-16-le"),
    ],
    ids=["cp1256", "iso-8859-6", "utf8-bom", "utf16"],
)
def test_decode_bytes_names_the_encoding(data, encoding):
    text, enc = decode_bytes(data)
    assert enc == encoding
    assert "\ufeff" not in text


@pytest.mark.parametrize(
    "text",
    [
        "Café owner in Zürich says prices rose — again.",
        "Réunion à Paris: les ministres arabes se réunissent à l'Élysée.",
        "Straße über Köln",
    ],
)
def test_western_windows_1252_text_is_not_read_as_arabic(text):
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("seed", ["000_b9188ee177e8f9b8.txt", "002_739a6719d320dfe0.txt"])
def test_whole_arabic_articles_in_legacy_code_pages(encoding, seed):
    original = (SEEDS / seed).read_text(encoding="utf-8")
    data = original.encode(encoding, errors="replace")
    expected = data.decode(encoding)  # what survives the code page (it lacks a few signs)
    assert decode_bytes(data) == (expected, encoding)


def test_short_cp1256_headline_is_not_mistaken_for_latin():
    # A very short Arabic text gives a detector little to go on.
    text, enc = decode_bytes("عاجل: زلزال".encode("cp1256"))
    assert (text, enc) == ("عاجل: زلزال", "cp1256")


# --------------------------------------------------------------------------- refusals


BINARY = [
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "PNG"),
    ("sheet.csv", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "ZIP"),
    ("nul.txt", b"Headline\nbody with a \x00 NUL byte inside\n", "NUL"),
]


@pytest.mark.parametrize("name,data,kind", BINARY, ids=[b[0] for b in BINARY])
def test_binary_files_are_refused_with_a_reason(tmp_path, name, data, kind):
    (tmp_path / name).write_bytes(data)
    result = read_path(tmp_path / name)
    assert result.articles == []
    assert result.files_read == 1
    [problem] = result.problems
    assert problem.file == name
    assert problem.severity == "error"
    assert kind in problem.reason
    assert name in str(problem)


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (b"   \n\n\t  \n", "empty file"),
        ("\ufeff".encode(), "empty file"),
        ("عنوان بلا نص\n\n   \n".encode(), "headline only"),
        (b"Just a headline", "headline only"),
    ],
)
def test_empty_and_title_only_files(tmp_path, data, reason):
    (tmp_path / "a.txt").write_bytes(data)
    result = read_path(tmp_path / "a.txt")
    assert result.articles == []
    [problem] = result.problems
    assert (problem.file, problem.severity) == ("a.txt", "error")
    assert reason in problem.reason


def test_file_over_the_size_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # sparse: 3 MB on paper, nothing written
        f.truncate(3 * 1024 * 1024)
    small = tmp_path / "small.txt"
    small.write_text("Small headline\nSmall body.\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def guarded(self):
        assert self.name != "huge.txt", "the oversized file was read"
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    result = read_path(tmp_path, max_file_mb=1)
    assert [a.title for a in result.articles] == ["Small headline"]
    [problem] = result.problems
    assert problem.file == "huge.txt"
    assert problem.severity == "error"
    assert "3.0 MB, over the 1 MB limit" in problem.reason
    assert result.files_read == 2


def test_size_limit_default_comes_from_config(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_FILE_MB", "0.0001")  # about 100 bytes
    (tmp_path / "a.txt").write_text("Headline\n" + "body " * 100, encoding="utf-8")
    result = read_path(tmp_path / "a.txt")
    assert result.articles == []
    assert "over the" in result.problems[0].reason


def test_uploaded_file_over_the_limit(tmp_path):
    result = read_bytes("big.txt", b"Headline\n" + b"x" * 5000, max_file_mb=0.001)
    assert result.articles == []
    assert result.problems[0].file == "big.txt"
    assert "over the" in result.problems[0].reason


# --------------------------------------------------------------------------- HTML


def test_hostile_html_yields_text_without_scripts_styles_or_handlers():
    result = read_path(MALFORMED / "hostile_page.html")
    assert result.problems == []
    [art] = result.articles
    assert art.title == "الحكومة تعلن خطة جديدة للمياه"
    assert art.body == (
        "أعلنت وزارة الموارد المائية اليوم خطة جديدة لتحسين توزيع مياه الشرب في المدن الكبرى "
        "خلال السنوات الخمس المقبلة.\n\n"
        "وقال المتحدث باسم الوزارة إن الخطة تشمل إنشاء محطات تحلية جديدة وتجديد شبكات الأنابيب "
        "القديمة في الأحياء الشعبية.\n\n"
        "وأضاف أن التمويل سيأتي من الموازنة العامة ومن قروض ميسرة، مشيرا إلى أن العمل سيبدأ في "
        "الصيف المقبل."
    )
    everything = f"{art.title}\n{art.body}"
    for leaked in (
        "alert",
        "document.write",
        "injected-by-script",
        "script-variable-text",
        "color: red",
        "secret-style-rule",
        "onload",
        "javascript:",
        "<",
    ):
        assert leaked not in everything
    assert art.outlet == "جريدة الاختبار"
    assert art.outlet_domain == "example.org"
    assert art.url == "https://example.org/news/water-plan"
    assert art.published_at == "2024-03-05"
    assert art.date_source == "metadata"
    assert art.language == "ar"


def test_html_without_a_date_and_in_cp1256(tmp_path):
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
        "<title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1>"
        f"<p>{AR_PARA1}</p><p>{AR_PARA2}</p></article></body></html>"
    )
    (tmp_path / "page.htm").write_bytes(page.encode("cp1256"))
    result = read_path(tmp_path / "page.htm")
    assert result.problems == []
    [art] = result.articles
    assert art.title == "عنوان الصفحة"
    assert art.body == AR_BODY
    assert art.published_at == "" and art.date_source == "unknown"


def test_html_declaring_latin1_but_serving_cp1256(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"><title>عنوان الصفحة</title></head>'
        f"<body><article><p>{AR_PARA1}</p><p>{AR_PARA2}</p></article></body></html>"
    )
    result = read_bytes("page.html", page.encode("cp1256"))
    [art] = result.articles
    assert (art.title, art.body) == ("عنوان الصفحة", AR_BODY)


def test_html_with_no_text_is_a_problem(tmp_path):
    (tmp_path / "blank.html").write_text(
        "<html><head><script>alert(1)</script></head><body></body></html>", encoding="utf-8"
    )
    result = read_path(tmp_path / "blank.html")
    assert result.articles == []
    assert [(p.file, p.severity) for p in result.problems] == [("blank.html", "error")]
    assert "no article text" in result.problems[0].reason


# --------------------------------------------------------------------------- CSV


def test_csv_missing_required_column_is_an_error():
    result = read_path(MALFORMED / "csv_missing_column.csv")
    assert result.articles == []
    [problem] = result.problems
    assert problem.file == "csv_missing_column.csv"
    assert problem.severity == "error"
    assert "missing required column(s): text" in problem.reason
    assert "body_text" in problem.reason  # tells the user what it found instead


def test_csv_rows_dates_multiline_fields_and_bad_rows():
    result = read_path(MALFORMED / "csv_bad_date.csv")
    titles = [a.title for a in result.articles]
    assert titles == ["Floods hit the northern valley", "Budget approved"]
    floods, budget = result.articles
    # A quoted field spanning lines keeps its paragraph break.
    assert floods.body == (
        "Heavy rain caused floods in the northern valley on Sunday.\n\n"
        "Rescue teams evacuated two villages."
    )
    assert (floods.outlet, floods.url, floods.language) == (
        "Valley Times",
        "https://example.com/floods",
        "en",
    )
    assert (floods.published_at, floods.date_source) == ("", "unknown")
    # DD/MM/YYYY: 05/04/2024 is the 5th of April.
    assert (budget.published_at, budget.date_source) == ("2024-04-05", "metadata")
    assert budget.outlet == "Capital Daily"
    assert messages(result) == [
        "warning: csv_bad_date.csv: unknown column(s) ignored: section",
        "warning: csv_bad_date.csv: row 2: unparseable published_at 'not a date'; date dropped",
        "error: csv_bad_date.csv: row 5 (line 7): title only, no text; skipped",
    ]


def test_csv_semicolon_delimiter_and_extra_fields(tmp_path):
    (tmp_path / "a.csv").write_text(
        "title;text;outlet\nOne;Body one;Out\nTwo;Body two;Out;surplus\n", encoding="utf-8"
    )
    result = read_path(tmp_path / "a.csv")
    assert [(a.title, a.body, a.outlet) for a in result.articles] == [("One", "Body one", "Out")]
    [problem] = result.problems
    assert problem.reason.startswith("row 3: 4 fields but the header has 3")


def test_csv_with_long_body_over_the_csv_module_default_field_limit(tmp_path):
    body = "word " * 40000  # 200 000 characters > csv's 131 072 default
    (tmp_path / "long.csv").write_text(f'title,text\nLong one,"{body}"\n', encoding="utf-8")
    result = read_path(tmp_path / "long.csv")
    assert result.problems == []
    assert result.articles[0].body == body.strip()


# --------------------------------------------------------------------------- JSON / JSONL


def test_jsonl_with_broken_and_empty_lines():
    result = read_path(MALFORMED / "broken.jsonl")
    got = [
        (a.title, a.body, a.outlet, a.published_at, a.date_source, a.source_file)
        for a in result.articles
    ]
    assert got == [
        (
            "First headline",
            "First body paragraph.",
            "Wire One",
            "2024-02-10",
            "metadata",
            "broken.jsonl#1",
        ),
        (
            "Fourth headline",
            "Fourth body from the body field.",
            "Wire Two",
            "2024-02-12",
            "estimated",
            "broken.jsonl#5",
        ),
    ]
    assert messages(result) == [
        "error: broken.jsonl: line 2: invalid JSON (Expecting value); skipped",
        "error: broken.jsonl: line 3: no title and no text; skipped",
    ]


def test_json_list_object_and_bad_items(tmp_path):
    (tmp_path / "list.json").write_text(
        '[{"title": "A", "content": "Body A", "language": "English", "country": "GB"},'
        ' "not an object", {"title": "C"}, {"text": "First line as title\\nRest of C"}]',
        encoding="utf-8",
    )
    (tmp_path / "one.json").write_text(
        '{"title": "عنوان", "text": "نص الخبر", "published_at": "٢٠٢٤-٠٦-٠١"}', encoding="utf-8"
    )
    result = read_path(tmp_path)
    got = [(a.title, a.body, a.language, a.country, a.published_at) for a in result.articles]
    assert got == [
        ("A", "Body A", "en", "GB", ""),
        ("First line as title", "Rest of C", "en", "", ""),
        ("عنوان", "نص الخبر", "ar", "", "2024-06-01"),
    ]
    assert messages(result) == [
        "error: list.json: item 2 is not an object; skipped",
        "error: list.json: item 3: title only, no text; skipped",
        "warning: list.json: item 4: no title; the first line of the text is used",
    ]


def test_invalid_json_names_the_line(tmp_path):
    (tmp_path / "bad.json").write_text('{\n "title": "x",\n "text": \n}', encoding="utf-8")
    result = read_path(tmp_path / "bad.json")
    assert result.articles == []
    assert messages(result) == ["error: bad.json: invalid JSON at line 4: Expecting value"]


# --------------------------------------------------------------------------- manifest


def test_manifest_problems_and_metadata():
    result = read_path(MALFORMED / "manifest_folder")
    by_title = {a.title: a for a in result.articles}
    assert set(by_title) == {"عنوان الخبر المدرج", "Unlisted headline", "Sea headline"}
    listed = by_title["عنوان الخبر المدرج"]
    assert listed.body == "الفقرة الأولى من الخبر.\n\nالفقرة الثانية من الخبر."
    assert (listed.outlet, listed.outlet_domain, listed.url, listed.country) == (
        "Desert News",
        "desert.example",
        "https://desert.example/1",
        "JO",
    )
    assert (listed.published_at, listed.date_source, listed.language) == (
        "2024-06-20",
        "estimated",
        "ar",
    )
    unlisted = by_title["Unlisted headline"]
    assert (unlisted.outlet, unlisted.date_source, unlisted.language) == ("", "unknown", "en")
    sea = by_title["Sea headline"]
    assert (sea.outlet, sea.published_at, sea.date_source) == ("Sea Post", "", "unknown")
    assert sorted(messages(result)) == sorted(
        [
            "warning: manifest.csv: unknown manifest column(s) ignored: editor",
            "warning: manifest.csv: row 4, baddate.txt: unparseable published_at 'yesterday'; date dropped",
            "error: missing.txt: listed in manifest.csv but the file is missing",
            "warning: unlisted.txt: not listed in manifest.csv: outlet and date unknown",
        ]
    )
    assert result.files_read == 3


def test_manifest_without_file_column(tmp_path):
    (tmp_path / "manifest.csv").write_text("name,outlet\na.txt,X\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\nBody\n", encoding="utf-8")
    result = read_path(tmp_path)
    [art] = result.articles
    assert art.outlet == ""
    [problem] = result.problems
    assert (problem.file, problem.severity) == ("manifest.csv", "error")
    assert "no `file` column" in problem.reason


def test_manifest_default_row_and_date_without_source(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published_at\n*,Default Outlet,\nb.txt,B Outlet,2024/01/31 \n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("A head\nA body\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B head\nB body\n", encoding="utf-8")
    result = read_path(tmp_path)
    assert result.problems == []
    got = {(a.title, a.outlet, a.published_at, a.date_source) for a in result.articles}
    assert got == {
        ("A head", "Default Outlet", "", "unknown"),
        ("B head", "B Outlet", "2024-01-31", "manifest"),
    }


def test_manifest_in_a_subfolder_applies_to_that_subfolder(tmp_path):
    sub = tmp_path / "outlet_a"
    sub.mkdir()
    (sub / "manifest.csv").write_text("file,outlet\nx.txt,Outlet A\ny.txt,\n", encoding="utf-8")
    (sub / "x.txt").write_text("X head\nX body\n", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Top head\nTop body\n", encoding="utf-8")
    result = read_path(tmp_path)
    got = {(a.source_file, a.outlet) for a in result.articles}
    assert got == {("outlet_a/x.txt", "Outlet A"), ("top.txt", "")}
    assert messages(result) == [
        "error: outlet_a/y.txt: listed in outlet_a/manifest.csv but the file is missing"
    ]


# --------------------------------------------------------------------------- uploads


def test_read_bytes_never_uses_the_name_as_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = read_bytes("../../etc/passwd.txt", b"Uploaded head\nUploaded body\n")
    [art] = result.articles
    assert (art.title, art.body, art.source_file) == (
        "Uploaded head",
        "Uploaded body",
        "passwd.txt",
    )
    assert list(tmp_path.iterdir()) == []


def test_read_uploads_applies_an_uploaded_manifest():
    result = read_uploads(
        [
            ("manifest.csv", b"file,outlet,published_at,date_source\nu.txt,Up,2024-05-01,\n"),
            ("u.txt", AR_TEXT.encode("cp1256")),
            ("notes.docx", b"PK\x03\x04"),
        ]
    )
    [art] = result.articles
    assert (art.title, art.outlet, art.published_at, art.date_source) == (
        AR_TITLE,
        "Up",
        "2024-05-01",
        "manifest",
    )
    assert messages(result) == [
        "warning: notes.docx: unsupported file type .docx; not read (supported: "
        + ", ".join(SUPPORTED_EXTENSIONS)
        + ")"
    ]


# --------------------------------------------------------------------------- robustness


def test_one_bad_file_never_stops_the_others(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(MALFORMED, folder)
    (folder / "renamed.txt").write_bytes(b"%PDF-1.4\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "good.txt").write_bytes(AR_TEXT.encode("cp1256"))
    (folder / "README.md").write_text("ignored quietly", encoding="utf-8")
    result = read_path(folder)
    titles = {a.title for a in result.articles}
    assert {
        AR_TITLE,
        "الحكومة تعلن خطة جديدة للمياه",
        "First headline",
        "Budget approved",
    } <= titles
    assert "Sea headline" in titles  # from the manifest_folder subfolder
    errors = {(p.file, p.reason.split(" ")[0]) for p in result.errors}
    assert ("renamed.txt", "this") in errors
    assert ("empty.txt", "empty") in errors
    assert not any(p.file == "README.md" for p in result.problems)


def test_a_reader_crash_is_reported_and_the_rest_continues(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A head\nA body\n", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"title": "B", "text": "B body"}', encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("simulated parser bug")

    monkeypatch.setitem(readers._READERS, ".txt", boom)
    result = read_path(tmp_path)
    assert [a.title for a in result.articles] == ["B"]
    assert messages(result) == [
        "error: a.txt: could not be read (RuntimeError: simulated parser bug)"
    ]


def test_missing_path_is_reported_not_raised(tmp_path):
    result = read_path(tmp_path / "nope")
    assert result.articles == [] and result.files_read == 0
    assert result.problems[0].reason == "no such file or folder"


def test_folder_without_supported_files(tmp_path):
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    result = read_path(tmp_path)
    assert result.articles == []
    assert [p.severity for p in result.problems] == ["warning"]
    assert "no supported files" in result.problems[0].reason


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2024-06-20", "2024-06-20"),
        ("2024/6/2", "2024-06-02"),
        ("20/06/2024", "2024-06-20"),
        ("02.03.2024", "2024-03-02"),
        ("2024-06-20T23:30:00+03:00", "2024-06-20"),
        ("2024-06-20 08:15", "2024-06-20"),
        ("2024-06-20T08:15:00.123Z", "2024-06-20"),
        ("٢٠/٠٦/٢٠٢٤", "2024-06-20"),
        ("  ", ""),
        ("", ""),
        ("2024-02-30", None),
        ("06/20/2024", None),  # month-first is not accepted: 20 is not a month
        ("June 20, 2024", None),
        ("yesterday", None),
        ("2024-06", None),
    ],
)
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


# --------------------------------------------------------------------------- found by fuzzing


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("header.csv", b"title,text,outlet\n", "only a header row"),
        ("blank-rows.csv", b'title,text,outlet\n"","",""\n,,\n', "only a header row"),
        ("list.json", b"[]", "an empty list"),
        ("wrapped.json", b'{"articles": []}', "an empty list"),
    ],
)
def test_files_without_any_article_say_so(name, data, reason):
    result = read_bytes(name, data)
    assert result.articles == []
    [problem] = result.problems
    assert (problem.file, problem.severity) == (name, "error")
    assert reason in problem.reason


def test_json_escaped_control_characters_are_removed_from_every_field():
    data = b'{"title": "Head\\u0000line", "text": "Body\\u0000 text", "outlet": "Out\\u0007let"}'
    [art] = read_bytes("nul.json", data).articles
    assert (art.title, art.body, art.outlet) == ("Head line", "Body  text", "Out let")


@pytest.mark.parametrize(
    "name,data,kind",
    [
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "JPEG"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20, "GIF"),
        ("feed.json", b"PK\x05\x06" + b"\x00" * 18, "ZIP"),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "DOC/XLS"),
    ],
)
def test_more_binary_formats_are_refused_by_their_signature(name, data, kind):
    result = read_bytes(name, data)
    assert result.articles == []
    [problem] = result.problems
    assert problem.file == name and kind in problem.reason
