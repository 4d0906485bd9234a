"""`python -m dashboard export` on an empty store and with charts that have no data
(issue 16, item 6): never blank images with exit status 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.output.export import browser_available

ROOT = Path(__file__).resolve().parent.parent
needs_browser = pytest.mark.skipif(not browser_available()[0], reason="no Chromium")

# One article in which nobody is quoted.
NO_VOICES = (
    "Harbour traffic slows in the winter\n\n"
    "Fewer container ships called at the harbour this winter than last year. The port "
    "authority counted the arrivals and departures of every vessel over the season. "
    "Storms closed the entrance channel on several days and some lines moved their calls "
    "to other ports along the coast.\n"
)
MANIFEST = (
    "file,outlet,outlet_domain,url,language,country,published_at,date_source\n"
    "harbour.txt,Coastal Courier,,,en,,2024-03-01,metadata\n"
)


def _export(tmp_path: Path, db: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DASHBOARD_DATA_DIR": str(tmp_path / "data"),
        **env_extra,
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "export",
            "--out",
            str(tmp_path / "out"),
            "--database",
            f"duckdb:///{db}",
            "--scale",
            "1",
            *args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_export_on_an_empty_store_without_seeds_exits_non_zero_and_writes_nothing(tmp_path):
    run = _export(tmp_path, tmp_path / "empty.duckdb", DASHBOARD_AUTO_INGEST_SEEDS="0")
    assert run.returncode == 1
    assert "the store holds no articles" in run.stderr
    assert "python -m dashboard ingest FOLDER" in run.stderr
    assert "Traceback" not in run.stderr and "Wrote" not in run.stdout
    assert not (tmp_path / "out").exists()


def test_export_with_no_data_for_the_filters_writes_no_blank_images(tmp_path):
    # The seeds are ingested (the store is empty) but no article falls in these dates.
    run = _export(
        tmp_path, tmp_path / "seeded.duckdb", "--from", "1990-01-01", "--to", "1990-01-31"
    )
    assert run.returncode == 1
    assert "ingesting the seed articles" in run.stderr
    assert "skipped overview_articles_per_outlet: No articles for the current filters." in (
        run.stderr
    )
    assert "error: no chart has data for these filters" in run.stderr
    assert not (tmp_path / "out").exists()


@needs_browser
def test_export_skips_and_reports_the_charts_without_data(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harbour.txt").write_text(NO_VOICES, encoding="utf-8")
    (articles / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    db = tmp_path / "one.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ingest = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "ingest",
            str(articles),
            "--database",
            f"duckdb:///{db}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr

    run = _export(tmp_path, db, "--format", "svg")
    assert run.returncode == 0, run.stderr
    skipped = sorted(
        line.split(":")[0].removeprefix("skipped ")
        for line in run.stderr.splitlines()
        if line.startswith("skipped ")
    )
    # Nobody is quoted: every Speakers chart; no event name either.
    assert {"speakers_speakers", "speakers_kinds", "speakers_directness"} <= set(skipped)
    written = sorted(p.stem for p in (tmp_path / "out").glob("*.svg"))
    assert "overview_articles_per_outlet" in written and "timeline_coverage" in written
    assert not set(skipped) & set(written)
    index = (tmp_path / "out" / "index.csv").read_text("utf-8-sig")
    assert all(name not in index for name in skipped)
    assert f"Wrote {len(written)} SVG files" in run.stdout
    assert f"skipped {len(skipped)} without data" in run.stdout


@pytest.mark.slow
@needs_browser
def test_export_on_an_empty_store_ingests_the_seeds_as_the_app_does(tmp_path):
    run = _export(tmp_path, tmp_path / "fresh.duckdb", "--format", "svg")
    assert run.returncode == 0, run.stderr
    assert "The store is empty: ingesting the seed articles" in run.stderr
    assert "2 added" in run.stderr
    files = sorted(p.name for p in (tmp_path / "out").glob("*.svg"))
    assert "speakers_speakers.svg" in files and "keywords_cloud_akhbar-el-yom.svg" in files
    assert f"Wrote {len(files)} SVG files" in run.stdout
    assert "skipped" not in run.stdout
