"""Write the `parse --json` output of every committed test article to a snapshot file.

The snapshot pins the parser's output so that refactors which must not change it (the move of
Arabic and English into language packs) are proved by tests/test_language_packs.py, which
re-parses the same articles and compares field by field.

Run from the repository root:

    PYTHONPATH=$PWD python tests/make_parse_snapshot.py            # rewrite the committed snapshot
    PYTHONPATH=$PWD python tests/make_parse_snapshot.py --out /tmp/x.json /some/folder
                                                                   # snapshot other folders too

Articles are read through the readers and parsed by `parse_article`: the same path as
`python -m dashboard parse PATH --json`. Keys are "<folder relative to the root>::<article id>".
Regenerate only when a change of output is intended, and say so in the commit message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "parse_snapshot.json"

# Every committed folder of article texts the tests read. Folders are read one level deep
# (the readers do not recurse into sub-folders that carry their own manifest), so nested
# corpora are listed on their own.
SNAPSHOT_FOLDERS: tuple[str, ...] = (
    "seeds",
    "tests/data/corpus",
    "tests/data/corpus/heldout",
    "tests/data/wire",
    "tests/data/wire/dispatch",
    "tests/data/malformed/manifest_folder",
    "tests/data/malformed/hostile_page.html",
)


def _label(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def parse_folder(path: Path) -> dict[str, dict[str, Any]]:
    """`parse --json` output of every article the readers find at `path`, by snapshot key."""
    from dashboard.analysis.parser import parse_article
    from dashboard.ingest.readers import read_path

    out: dict[str, dict[str, Any]] = {}
    label = _label(path)
    for raw in read_path(path).articles:
        # The same serialisation as the CLI, read back: tuples become lists, as in the file.
        article = json.loads(json.dumps(parse_article(raw).to_dict(), ensure_ascii=False))
        key = f"{label}::{article['id']}"
        if key in out:
            raise SystemExit(f"duplicate snapshot key {key}")
        out[key] = article
    return out


def build_snapshot(paths: list[Path]) -> dict[str, dict[str, Any]]:
    snapshot: dict[str, dict[str, Any]] = {}
    for path in paths:
        snapshot.update(parse_folder(path))
    return snapshot


def write_snapshot(snapshot: dict[str, dict[str, Any]], out: Path) -> None:
    text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="folders or files (default: the committed corpora)")
    ap.add_argument("--out", type=Path, default=SNAPSHOT, help="snapshot file to write")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.paths] or [ROOT / f for f in SNAPSHOT_FOLDERS]
    snapshot = build_snapshot(paths)
    write_snapshot(snapshot, args.out)
    print(f"{len(snapshot)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
