"""What the "Add articles" page does, without Streamlit: read uploaded files into a preview,
apply the outlet/date corrections made in that preview, save, and summarise the outcome.

Uploaded file names are labels only (the readers keep the last path component and use it
for the format and for messages); nothing here touches the filesystem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.ingest.ingest import IngestReport, Progress, ingest_result
from dashboard.ingest.readers import (
    SUPPORTED_EXTENSIONS,
    ReadResult,
    normalize_date,
    read_uploads,
)
from dashboard.model import RawArticle
from dashboard.storage.store import Store

ALLOWED_TYPES = [ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS]
PREVIEW_CHARS = 300
MAX_OUTLET_CHARS = 200
PREVIEW_COLUMNS = ["file", "title", "outlet", "published_at", "language", "beginning", "note"]
EDITABLE_COLUMNS = ("outlet", "published_at")
# A date typed in the preview is the editor's statement, not read from the file.
MANUAL_DATE_SOURCE = "manual"
OUTCOME_LABELS = {
    "added": "added",
    "duplicate": "skipped: duplicate",
    "rejected": "rejected",
    "warning": "warning",
    "note": "note",
}


def read_uploaded(files: Iterable[tuple[str, bytes]]) -> ReadResult:
    """Uploaded (name, bytes) pairs -> articles and problems; a manifest.csv among them
    gives metadata to the uploaded .txt/.html files."""
    return read_uploads(list(files))


def beginning(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first `limit` characters with whitespace collapsed; "…" when cut."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"


def _as_date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def preview_frame(result: ReadResult, store: Store | None = None) -> pd.DataFrame:
    """One row per article about to be added, in reading order (row i = article i).

    `note` says when the store already holds the article as read (same outlet, title and
    text), so the editor knows it will be skipped unless the outlet is changed.
    """
    known = (
        stored_hashes(store, [raw.content_hash() for raw in result.articles]) if store else set()
    )
    rows = []
    for raw in result.articles:
        note = "already in the store" if raw.content_hash() in known else ""
        rows.append(
            {
                "file": raw.source_file,
                "title": raw.title,
                "outlet": raw.outlet,
                "published_at": _as_date(raw.published_at),
                "language": raw.language,
                "beginning": beginning(raw.body),
                "note": note,
            }
        )
    return pd.DataFrame(rows, columns=PREVIEW_COLUMNS)


def stored_hashes(store: Store, hashes: Sequence[str], chunk: int = 500) -> set[str]:
    """Which of these content hashes the store already holds (a few queries, not one each)."""
    found: set[str] = set()
    for i in range(0, len(hashes), chunk):
        part = list(hashes[i : i + chunk])
        marks = ",".join("?" for _ in part)
        rows = store.execute(
            f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", part
        )
        found.update(r[0] for r in rows)
    return found


def _edited_date(value: Any) -> str | None:
    """ISO date from what a date cell can hold; '' when empty, None when not a date."""
    if value is None:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    if value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalize_date(str(value))


def apply_edits(
    articles: Sequence[RawArticle], edited: pd.DataFrame | Sequence[Mapping[str, Any]]
) -> tuple[list[RawArticle], list[str]]:
    """Copies of the articles with the outlet and publication date from the edited preview.

    Row i of `edited` belongs to article i. Returns (articles, errors); with errors nothing
    should be saved. Other columns are ignored even if a client sent changes to them.
    """
    rows = edited.to_dict("records") if isinstance(edited, pd.DataFrame) else list(edited)
    if len(rows) != len(articles):
        return list(articles), [
            f"the preview has {len(rows)} rows for {len(articles)} articles; upload again"
        ]
    out: list[RawArticle] = []
    errors: list[str] = []
    for i, (raw, row) in enumerate(zip(articles, rows, strict=True), start=1):
        label = raw.source_file or f"row {i}"
        outlet = " ".join(str(row.get("outlet") or "").split())
        if len(outlet) > MAX_OUTLET_CHARS:
            errors.append(f"{label}: the outlet name is longer than {MAX_OUTLET_CHARS} characters")
        iso = _edited_date(row.get("published_at"))
        if iso is None:
            errors.append(f"{label}: {row.get('published_at')!r} is not a date (use YYYY-MM-DD)")
            iso = raw.published_at
        changes: dict[str, str] = {"outlet": outlet}
        if iso != raw.published_at:
            changes["published_at"] = iso
            changes["date_source"] = MANUAL_DATE_SOURCE if iso else "unknown"
        out.append(dataclasses.replace(raw, **changes))
    return out, errors


def save_articles(
    store: Store,
    result: ReadResult,
    articles: Sequence[RawArticle],
    progress: Progress | None = None,
) -> IngestReport:
    """Parse and store the (edited) articles; the readers' problems join the report."""
    edited = ReadResult(
        articles=list(articles), problems=list(result.problems), files_read=result.files_read
    )
    return ingest_result(store, edited, workers=1, progress=progress)


def upload_name(source: str) -> str:
    """The uploaded file an outcome belongs to ("feed.csv#3" -> "feed.csv")."""
    return source.split("#", 1)[0]


def report_frame(report: IngestReport) -> pd.DataFrame:
    """Every outcome: file, title, outcome, reason (grouped by file, reading order kept)."""
    rows = [
        {
            "file": o.file,
            "title": o.title,
            "outcome": OUTCOME_LABELS.get(o.status, o.status),
            "reason": o.detail,
        }
        for o in report.outcomes
    ]
    df = pd.DataFrame(rows, columns=["file", "title", "outcome", "reason"])
    if df.empty:
        return df
    order = {name: i for i, name in enumerate(dict.fromkeys(upload_name(f) for f in df["file"]))}
    key = df["file"].map(lambda f: order[upload_name(f)])
    return df.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k")


def file_summary(report: IngestReport) -> pd.DataFrame:
    """One row per uploaded file: how many of its articles were added, skipped, rejected,
    and how many warnings it got."""
    counts: dict[str, dict[str, int]] = {}
    for o in report.outcomes:
        c = counts.setdefault(
            upload_name(o.file), {"added": 0, "duplicate": 0, "rejected": 0, "warning": 0}
        )
        c[o.status] = c.get(o.status, 0) + 1
    rows = [
        {
            "file": name,
            "added": c["added"],
            "skipped (duplicate)": c["duplicate"],
            "rejected": c["rejected"],
            "warnings": c["warning"],
        }
        for name, c in counts.items()
    ]
    return pd.DataFrame(
        rows, columns=["file", "added", "skipped (duplicate)", "rejected", "warnings"]
    )


def article_choices(store: Store, limit: int = 500) -> list[tuple[str, str]]:
    """(id, label) of the most recently added articles, for the delete selector."""
    df = store.frame(
        "SELECT id, title, outlet, published_at FROM articles "
        f"ORDER BY added_at DESC, outlet, title LIMIT {int(limit)}"
    )
    out = []
    for row in df.itertuples():
        date = "date unknown" if pd.isna(row.published_at) else str(row.published_at)[:10]
        out.append((row.id, f"{row.outlet} · {date} · {row.title}"))
    return out
