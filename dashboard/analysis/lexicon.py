"""Loading of researcher-editable lexicon files.

Lexicons shared by every language live in `dashboard/lexicons/` (`load_lines(name)`); the
lexicons of one language live in its pack folder `dashboard/analysis/languages/<code>/`
(`LanguagePack.lines(name)`, which reads through `load_lines_at`).

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
def load_lines_at(path: Path) -> tuple[str, ...]:
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def load_fields_at(path: Path) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(f.strip() for f in line.split(" | ")) for line in load_lines_at(path))


def load_lines(name: str) -> tuple[str, ...]:
    """Entries of a shared lexicon file in dashboard/lexicons/."""
    return load_lines_at(lexicon_path(name))


def load_fields(name: str) -> tuple[tuple[str, ...], ...]:
    return load_fields_at(lexicon_path(name))
