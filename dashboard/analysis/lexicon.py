"""Loading of researcher-editable lexicon files under `dashboard/lexicons/`.

Format of a `.txt` lexicon: one entry per line, `#` starts a comment, blank lines are
ignored. A line may carry fields separated by ` | ` (e.g. `قال | past`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dashboard.config import LEXICON_DIR


def lexicon_path(name: str) -> Path:
    return LEXICON_DIR / name


@cache
def load_lines(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def load_fields(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(f.strip() for f in line.split(" | ")) for line in load_lines(name))
