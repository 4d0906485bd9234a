"""The benchmark corpus generator and the `bench` command."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import bench
from dashboard.benchgen import generate
from dashboard.ingest import ingest_path
from dashboard.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_generator_is_deterministic_per_seed(tmp_path):
    a = generate(tmp_path / "a", 40, seed=5)
    b = generate(tmp_path / "b", 40, seed=5)
    c = generate(tmp_path / "c", 40, seed=6)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)


def test_generator_writes_n_files_and_a_manifest(tmp_path):
    folder = generate(tmp_path / "g", 120, seed=2)
    txt = sorted(p.name for p in folder.glob("*.txt"))
    rows = _manifest(folder)
    assert len(txt) == 120
    assert sorted(r["file"] for r in rows) == txt
    assert {r["language"] for r in rows} == {"ar", "en"}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published_at"]) for r in rows)
    # Every file: a headline line, a blank line, then body paragraphs.
    first = (folder / txt[0]).read_text(encoding="utf-8").split("\n")
    assert first[0].strip() and first[1] == "" and len(first[2]) > 40


def test_generated_articles_vary(tmp_path):
    folder = generate(tmp_path / "g", 200, seed=3, outlets=40, weeks=8)
    rows = _manifest(folder)
    titles = {(folder / r["file"]).read_text(encoding="utf-8").split("\n", 1)[0] for r in rows}
    assert len(titles) >= 150  # copies share their original's title; others rarely do
    assert len({r["outlet"] for r in rows}) >= 30
    assert len({r["published_at"] for r in rows}) >= 40  # 8 weeks = 56 days
    dates = sorted(r["published_at"] for r in rows)
    assert dates[0] >= "2024-05-06" and dates[-1] <= "2024-07-03"


def test_ingest_accepts_the_generated_folder(tmp_path):
    folder = generate(tmp_path / "g", 30, seed=4)
    store = Store(f"duckdb:///{tmp_path / 'b.duckdb'}")
    report = ingest_path(store, folder, workers=1)
    assert report.rejected == 0
    assert report.added == 30
    assert store.count() == 30
    outlets = {r[0] for r in store.execute("SELECT DISTINCT outlet FROM articles")}
    assert outlets == {r["outlet"] for r in _manifest(folder)}
    store.close()


def test_most_articles_are_not_wire_copies(tmp_path):
    """Wire-copy clustering runs at ingest: the planted copies (8 %) may cluster, the
    independently recombined articles must not all collapse into each other."""
    folder = generate(tmp_path / "g", 80, seed=9, copy_share=0.1)
    store = Store(f"duckdb:///{tmp_path / 'c.duckdb'}")
    ingest_path(store, folder, workers=1)
    copies = store.execute("SELECT COUNT(*) FROM article_clusters WHERE NOT is_first")[0][0]
    assert copies <= 20
    store.close()


def test_markdown_table_lists_every_row():
    result = {
        "n": 10,
        "load_average": 0.5,
        "added_duckdb": 10,
        "outlets": 3,
        "read_s": 0.1,
        "tokenise_s": 0.2,
        "read_tokenise_ms_per_article": 30.0,
        "parse_1core_articles_per_s": 5.0,
        "parse_1core_cpu_ms_per_article": 150.0,
        "parse_all_articles_per_s": 9.0,
        "parse_over_read_tokenise": 6.5,
        "ingest_duckdb_s": 3.0,
        "store_duckdb_s": 1.0,
        "ingest_duckdb_cpu_s": 2.5,
        "peak_mb_ingest": 300.0,
        "peak_mb_parse_workers": 0.0,
        "duckdb": {"cloud_one_s": 0.4, "cloud_one_cpu_s": 0.3, "cloud_all_s": 1.2, "clouds": 3}
        | {"distinctive_s": 0.05, "peak_mb_pages": 350.0}
        | {f"{p}_{k}_s": 0.25 for p in bench.PAGE_QUERIES for k in ("cold", "cached", "charts")},
    }
    text = bench.markdown_table([result])
    lines = text.splitlines()
    assert lines[0] == "| measure | N = 10 |"
    assert "| parse ÷ (read + tokenise) | 6.50 |" in lines
    assert "| overview data cold / cached, s (DuckDB) | 0.25 / 0.2500 |" in lines
    assert "| ingest PostgreSQL (parse + store), s | skipped |" in lines
    assert "| peak memory parser worker, MB | in-process (no pool) |" in lines
    assert "| word clouds, all outlets, s | 1.20 (3) |" in lines


@pytest.mark.slow
def test_bench_command_prints_a_full_table(tmp_path):
    out = tmp_path / "r.json"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "bench", "--sizes", "20", "--no-postgres"]
        + ["--out", str(out), "--workdir", str(tmp_path / "w")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {}
    for line in proc.stdout.splitlines():
        if line.startswith("| ") and not line.startswith("| measure"):
            label, value = [c.strip() for c in line.strip("|").split("|")]
            rows[label] = value
    expected = [label.strip() for label, _ in bench.table_rows([{"n": 20}])]
    assert set(rows) == set(expected)
    skip = ("PostgreSQL", "worker", "load average")
    numbers = {k: v for k, v in rows.items() if not any(s in k for s in skip)}
    for label, value in numbers.items():
        first = float(re.match(r"[\d,.]+", value).group(0).replace(",", ""))
        assert first > 0, (label, value)
    assert rows["articles stored (outlets)"].startswith("20 (")
    assert rows["ingest PostgreSQL (parse + store), s"] == "skipped"
    assert out.exists()
