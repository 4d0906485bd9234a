"""The hand-made claim annotations in devset/claims/ agree with the devset manifests.

Each file names a story, its articles (all manifest rows of the story in its languages), and
claims; a claim's outlets must be exactly the manifest outlets of the articles whose lines it
lists. Line indexes are 0-based into the non-empty lines of the article text; they are checked
against the texts only when the texts have been rebuilt (devset/texts is git-ignored).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent.parent / "devset"
CLAIM_FILES = sorted(
    p
    for p in (DEVSET / "claims").glob("*.json")
    if "claims" in json.loads(p.read_text(encoding="utf-8"))
)


def _manifest() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in sorted((DEVSET / "manifests").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rows[row["id"]] = row
    return rows


def test_claim_files_exist_for_the_annotated_stories():
    stories = {json.loads(p.read_text(encoding="utf-8"))["story"] for p in CLAIM_FILES}
    assert {"derna-floods", "turkey-syria-quake", "lebanon-war"} <= stories


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda p: p.stem)
def test_claims_agree_with_manifest(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = _manifest()
    assert path.stem == doc["story"]
    expected = sorted(
        i
        for i, r in rows.items()
        if r["story"] == doc["story"] and r["language"] in doc["languages"]
    )
    assert sorted(doc["articles"]) == expected
    outlets_of_story = {rows[a]["outlet"] for a in doc["articles"]}
    ids = [c["id"] for c in doc["claims"]]
    assert len(ids) == len(set(ids))
    assert len(doc["claims"]) >= 8
    for claim in doc["claims"]:
        assert claim["gloss"].strip()
        assert claim["lines"], claim["id"]
        assert set(claim["lines"]) <= set(doc["articles"]), claim["id"]
        carried = sorted(rows[a]["outlet"] for a in claim["lines"])
        assert carried == sorted(claim["outlets"]), claim["id"]
        assert set(claim["outlets"]) <= outlets_of_story
        for lines in claim["lines"].values():
            assert lines and all(isinstance(i, int) and i >= 0 for i in lines), claim["id"]
            assert lines == sorted(set(lines)), claim["id"]
    # at least one claim is shared by two or more outlets, and at least one is a blindspot
    sizes = [len(c["outlets"]) for c in doc["claims"]]
    assert max(sizes) >= 2 and min(sizes) == 1


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda p: p.stem)
def test_claim_lines_exist_in_rebuilt_texts(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    texts = {a: DEVSET / "texts" / f"{a}.txt" for a in doc["articles"]}
    if not all(t.exists() for t in texts.values()):
        pytest.skip("article texts not rebuilt (devset/texts is git-ignored)")
    for claim in doc["claims"]:
        for article, lines in claim["lines"].items():
            text = texts[article].read_text(encoding="utf-8")
            n = sum(1 for ln in text.splitlines() if ln.strip())
            assert max(lines) < n, (claim["id"], article, max(lines), n)
