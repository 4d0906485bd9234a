"""ingest_path(): read files, parse them (in parallel for large batches), store them.

Returns a per-file report: what was added, skipped as a duplicate, or rejected and why.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.analysis.parser import parse_article
from dashboard.ingest.readers import ReadResult, read_bytes, read_path
from dashboard.model import Article, RawArticle
from dashboard.storage import aggregates
from dashboard.storage.store import Store

# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
BATCH = 256
# Articles parsed and then stored per round. Parsed articles (with their quotes, dates and
# terms) are several times the size of their text, so holding a whole 10,000-article folder
# parsed before storing anything cost ~1.8 GB; rounds bound it.
CHUNK = 1000

Progress = Callable[[int, int, str], None]


@dataclass
class FileOutcome:
    file: str
    status: str  # added | duplicate | rejected | warning
    detail: str = ""
    title: str = ""


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(o.status == "added" for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(o.status == "duplicate" for o in self.outcomes)

    @property
    def rejected(self) -> int:
        return sum(o.status == "rejected" for o in self.outcomes)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.duplicates} skipped as duplicates, {self.rejected} rejected"
        )

    def rows(self) -> list[dict]:
        return [o.__dict__ for o in self.outcomes]


def _parse_safely(raw: RawArticle) -> tuple[Article | None, str]:
    try:
        return parse_article(raw), ""
    except Exception as exc:  # one bad article never stops a batch
        return None, f"analysis failed: {type(exc).__name__}: {exc}"


@contextmanager
def parser_pool(n: int, workers: int | None = None) -> Iterator[Executor | None]:
    """A process pool for parsing `n` articles, or None when one process is cheaper."""
    workers = workers or os.cpu_count() or 1
    if n < PARALLEL_THRESHOLD or workers == 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield pool


def parse_many(
    raws: list[RawArticle],
    workers: int | None = None,
    progress: Progress | None = None,
    pool: Executor | None = None,
) -> list[tuple[Article | None, str]]:
    """Parse `raws` in order, in `pool` if given (else in a pool of its own if worth it)."""
    if pool is None:
        with parser_pool(len(raws), workers) as own:
            if own is not None:
                return parse_many(raws, progress=progress, pool=own)
    results = pool.map(_parse_safely, raws, chunksize=16) if pool else map(_parse_safely, raws)
    out = []
    for i, result in enumerate(results):
        out.append(result)
        if progress:
            progress(i + 1, len(raws), raws[i].title)
    return out


def store_parsed(
    store: Store,
    raws: list[RawArticle],
    parsed: list[tuple[Article | None, str]],
    *,
    seen: set[str] | None = None,
    cluster: bool = True,
) -> IngestReport:
    """Store parsed articles, skipping duplicates (by content hash) and isolating failures.

    `seen` carries the hashes of earlier rounds of the same ingest; `cluster=False` leaves
    the wire-copy clustering to the caller (once for all rounds).
    """
    report = IngestReport()
    pending: list[tuple[Article, RawArticle]] = []
    seen = set() if seen is None else seen
    for raw, (article, error) in zip(raws, parsed, strict=True):
        name = raw.source_file or raw.title
        if article is None:
            report.outcomes.append(FileOutcome(name, "rejected", error, raw.title))
            continue
        h = raw.content_hash()
        if h in seen or store.has_hash(h):
            report.outcomes.append(
                FileOutcome(
                    name, "duplicate", "same outlet, title and text already stored", raw.title
                )
            )
            continue
        seen.add(h)
        pending.append((article, raw))
        report.outcomes.append(FileOutcome(name, "added", "", raw.title))
        for warning in article.warnings:
            report.outcomes.append(FileOutcome(name, "warning", warning, raw.title))
    added = [o for o in report.outcomes if o.status == "added"]
    for i in range(0, len(pending), BATCH):
        chunk = pending[i : i + BATCH]
        try:
            store.add_many(chunk)
        except Exception:  # noqa: BLE001 - the batch rolled back; isolate the bad article
            # One transaction per article, so one unstorable article costs only itself.
            for (article, raw), outcome in zip(chunk, added[i : i + BATCH], strict=True):
                try:
                    store.add_article(article, raw)
                except Exception as exc:  # noqa: BLE001
                    outcome.status = "rejected"
                    outcome.detail = f"could not be stored: {type(exc).__name__}: {exc}"
    report.stored_ids = [
        a.id for (a, _), o in zip(pending, added, strict=True) if o.status == "added"
    ]
    if cluster and report.stored_ids:
        _update_wire_clusters(store, report.stored_ids, report)
        _update_claim_map(store, report)
    return report


def _update_wire_clusters(store: Store, new_ids: list[str], report: IngestReport) -> None:
    """Sign the new articles and join them to their wire-copy clusters (incremental)."""
    from dashboard.storage.syndication import update_clusters

    try:
        update_clusters(store, new_ids)
    except Exception as exc:  # the articles are stored; only the copy clusters are stale
        report.outcomes.append(
            FileOutcome(
                "(wire copies)", "warning", f"clustering failed: {type(exc).__name__}: {exc}"
            )
        )


def _update_claim_map(store: Store, report: IngestReport) -> None:
    """Embed the new articles' statements and assign them to claims (storage/claims.py), so
    the Framing page's claim map opens without embedding anything. Off with
    DASHBOARD_CLAIM_MAP=off or without the sentence model; a failure leaves the articles
    stored and the map pending (the page offers the update)."""
    from dashboard import config
    from dashboard.analysis.alignment import embeddings_available

    if config.get("claim_map") != "ingest" or not embeddings_available():
        return
    from dashboard.storage.claims import update_claims

    try:
        update_claims(store)
    except Exception as exc:  # noqa: BLE001 - the articles are stored; only the map waits
        report.outcomes.append(
            FileOutcome(
                "(claim map)", "warning", f"claim map update failed: {type(exc).__name__}: {exc}"
            )
        )


def ingest_result(
    store: Store, result: ReadResult, workers: int | None = None, progress: Progress | None = None
) -> IngestReport:
    """Parse and store `result`'s articles in rounds of CHUNK, then cluster wire copies once."""
    raws = result.articles
    report = IngestReport()
    seen: set[str] = set()
    with parser_pool(len(raws), workers) as pool:
        for start in range(0, len(raws), CHUNK):
            chunk = raws[start : start + CHUNK]
            step = None
            if progress:

                def step(i: int, _n: int, title: str, start: int = start) -> None:
                    progress(start + i, len(raws), title)

            parsed = parse_many(chunk, workers=workers, progress=step, pool=pool)
            # An embedded database file is held while storing, not while parsing, so the
            # app and other processes get their turn between rounds (Store.connected()).
            with store.connected():
                part = store_parsed(store, chunk, parsed, seen=seen, cluster=False)
            report.outcomes += part.outcomes
            report.stored_ids += part.stored_ids
            del parsed, part  # this round's parsed articles are stored: let them go
    if report.stored_ids:
        with store.connected():
            _update_wire_clusters(store, report.stored_ids, report)
            aggregates.refresh(store)  # page counts for the slices the rounds changed
        _update_claim_map(store, report)
    for problem in result.problems:
        status = "rejected" if problem.severity == "error" else "warning"
        report.outcomes.append(FileOutcome(problem.file, status, problem.reason))
    return report


def ingest_path(
    store: Store, path: str | Path, workers: int | None = None, progress: Progress | None = None
) -> IngestReport:
    return ingest_result(store, read_path(path), workers=workers, progress=progress)


def ingest_upload(store: Store, name: str, data: bytes) -> IngestReport:
    return ingest_result(store, read_bytes(name, data), workers=1)
