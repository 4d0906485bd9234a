"""Language packs: the parser's output is unchanged by refactors, and the pack interface.

The differential test re-parses every article of tests/data/parse_snapshot.json (written by
tests/make_parse_snapshot.py) and compares field by field, so a failure names the article,
the field and the first differing element instead of dumping two megabytes of JSON.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.make_parse_snapshot import ROOT, SNAPSHOT, SNAPSHOT_FOLDERS, parse_folder


@cache
def _snapshot() -> dict[str, dict[str, Any]]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@cache
def _current(folder: str) -> dict[str, dict[str, Any]]:
    return parse_folder(ROOT / folder)


def _first_difference(path: str, want: Any, got: Any) -> str | None:
    """Where `got` first differs from `want`, as `path: want != got` (None when equal)."""
    if type(want) is not type(got):
        return f"{path}: {want!r} != {got!r}"
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in got:
                return f"{path}.{key}: missing now (was {want[key]!r})"
            if key not in want:
                return f"{path}.{key}: new field {got[key]!r}"
            found = _first_difference(f"{path}.{key}", want[key], got[key])
            if found:
                return found
        return None
    if isinstance(want, list):
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            found = _first_difference(f"{path}[{i}]", w, g)
            if found:
                return found
        if len(want) != len(got):
            extra = got[len(want) :] if len(got) > len(want) else want[len(got) :]
            return f"{path}: {len(want)} items before, {len(got)} now; first extra {extra[0]!r}"
        return None
    return None if want == got else f"{path}: {want!r} != {got!r}"


def test_snapshot_covers_every_committed_corpus() -> None:
    snapshot = _snapshot()
    folders = {key.split("::", 1)[0] for key in snapshot}
    assert folders == set(SNAPSHOT_FOLDERS)
    languages = {article["language"] for article in snapshot.values()}
    assert {"ar", "en"} <= languages
    assert len(snapshot) >= 70


@pytest.mark.parametrize("folder", SNAPSHOT_FOLDERS)
def test_parse_output_identical_to_snapshot(folder: str) -> None:
    want = {k: v for k, v in _snapshot().items() if k.startswith(f"{folder}::")}
    got = _current(folder)
    assert sorted(got) == sorted(want), "articles read from the folder changed"
    problems: list[str] = []
    for key, article in want.items():
        for field in sorted(set(article) | set(got[key])):
            found = _first_difference(
                f"{key} {field}", article.get(field, "<absent>"), got[key].get(field, "<absent>")
            )
            if found:
                problems.append(found)
    assert not problems, f"{len(problems)} fields differ from the snapshot:\n" + "\n".join(
        problems[:40]
    )


def test_first_difference_names_the_place() -> None:
    assert _first_difference("a", {"x": [1, 2]}, {"x": [1, 2]}) is None
    assert _first_difference("a", {"x": [1, 2]}, {"x": [1, 3]}) == "a.x[1]: 2 != 3"
    assert "2 items before, 3 now" in str(_first_difference("a", [1, 2], [1, 2, 4]))
    assert "missing now" in str(_first_difference("a", {"x": 1}, {}))


def test_snapshot_is_compact_and_sorted() -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    data = json.loads(text)
    assert (
        text == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    )
    assert Path(SNAPSHOT).stat().st_size < 3_000_000
