"""Input gaps a careless operator hits: a symbolic link out of the folder, hidden files, a
newline in a file name, a 20,000-row upload, the uploader's stated size limit."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.escaping import printable
from dashboard.ingest.readers import read_path
from dashboard.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_PAGE = str(ROOT / "dashboard" / "views" / "upload.py")
GOOD = "Port strike ends\nThe union said on Monday that the strike at the port has ended.\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_DATA_DIR": str(cwd)}
    env.pop("DASHBOARD_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def outside_file(tmp_path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Root password list\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return secret


def test_a_link_out_of_the_folder_is_refused_and_named(tmp_path, outside_file):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside_file)
    (folder / "linked_dir").symlink_to(outside_file.parent, target_is_directory=True)
    # A link that stays inside the folder is an ordinary file.
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    result = read_path(folder)
    refused = {p.file: p.reason for p in result.problems if p.severity == "error"}
    assert set(refused) == {"passwd.txt", "linked_dir"}
    assert "outside the folder" in refused["passwd.txt"]
    assert str(outside_file) in refused["passwd.txt"]
    assert not any("Root password" in a.title for a in result.articles)
    assert sorted(a.source_file for a in result.articles) == ["alias.txt", "good.txt"]


def test_cli_ingest_does_not_store_a_linked_system_file(tmp_path, outside_file):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside_file)
    db = tmp_path / "cli.duckdb"
    proc = run_cli("ingest", str(folder), "--database", f"duckdb:///{db}", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # a file was refused
    assert "rejected  passwd.txt: a link to" in proc.stdout
    store = Store(f"duckdb:///{db}")
    try:
        titles = [r[0] for r in store.execute("SELECT title FROM articles")]
    finally:
        store.close()
    assert titles == ["Port strike ends"]


def test_hidden_files_and_folders_are_reported_not_skipped_silently(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / ".draft.txt").write_text(GOOD.replace("Port", "Dock"), encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / "__MACOSX").mkdir()  # archive debris stays silent
    result = read_path(folder)
    reported = {p.file: (p.severity, p.reason) for p in result.problems}
    assert set(reported) == {".draft.txt", ".git"}
    assert reported[".draft.txt"][0] == "warning"
    assert "hidden file" in reported[".draft.txt"][1] and "rename" in reported[".draft.txt"][1]
    assert "hidden folder" in reported[".git"][1]
    assert [a.source_file for a in result.articles] == ["good.txt"]


def test_a_newline_in_a_file_name_keeps_the_cli_report_one_line_per_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines.txt").write_text(GOOD, encoding="utf-8")
    (folder / "fake\nrejected  other.txt: forged.txt").write_bytes(b"%PDF-1.7\n")
    (folder / "rtl\u202eevil.txt").write_text(GOOD.replace("Port", "Dock"), encoding="utf-8")
    db = tmp_path / "nl.duckdb"
    proc = run_cli("ingest", str(folder), "--database", f"duckdb:///{db}", "-v", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    per_file = [line for line in lines if line.split(" ", 1)[0] in ("added", "rejected")]
    assert len(per_file) == 3, proc.stdout
    assert any(line.startswith("added     two\\nlines.txt:") for line in per_file), proc.stdout
    assert any("fake\\nrejected  other.txt: forged.txt" in line for line in per_file)
    assert any("rtl\\u202eevil.txt" in line for line in per_file)
    # Nothing else on stdout but the summary lines.
    assert len(lines) == 3 + 2, proc.stdout


def test_printable_escapes_controls_but_keeps_arabic():
    assert printable("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert printable("خبر عاجل.txt") == "خبر عاجل.txt"
    assert printable("x\u2067y\x1b[31m") == "x\\u2067y\\x1b[31m"


# --------------------------------------------------------------------------- upload page


@pytest.fixture
def upload_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"duckdb:///{tmp_path / 'up.duckdb'}")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    return tmp_path


def test_a_20000_row_file_is_offered_for_saving_with_a_bounded_page(upload_env):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "text", "outlet", "published_at"])
    for i in range(20_000):
        w.writerow(
            [f"Headline {i}", f"The minister said plan {i} starts.", "Outlet A", "2024-06-20"]
        )
    at = AppTest.from_file(UPLOAD_PAGE, default_timeout=300)
    at.run()
    at.file_uploader[0].set_value([("big.csv", buf.getvalue().encode(), "text/csv")])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [b.key for b in at.button if b.key == "upload_save"] == ["upload_save"]
    assert len(at.data_editor[0].value) == 20_000  # every row in the preview
    # Two elements per article (40,000) kept the browser from ever reaching Save.
    assert len(at.text) == 50 and len(at.markdown) < 80
    assert any("the first 50 of 20000" in e.label for e in at.expander)


@pytest.mark.parametrize("limit", ["20", "7", "0.5"])
def test_uploader_states_the_readers_limit(upload_env, monkeypatch, limit):
    monkeypatch.setenv("DASHBOARD_MAX_FILE_MB", limit)
    at = AppTest.from_file(UPLOAD_PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    expected = {"20": 20, "7": 7, "0.5": 1}[limit]
    assert at.file_uploader[0].proto.max_upload_size_mb == expected
