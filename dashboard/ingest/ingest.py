"""ingest_path(): read files, parse them (in parallel for large batches), store them.

Returns a per-file report: what was added, skipped as a duplicate, or rejected and why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.ingest.executors import ParseExecutor, local_executor, parse_safely
from dashboard.ingest.heap import bound_fragmentation, release_memory
from dashboard.ingest.readers import ReadResult, count_article_files, iter_path, read_bytes
from dashboard.model import Article, RawArticle
from dashboard.storage import aggregates
from dashboard.storage.store import Store

if TYPE_CHECKING:
    from dashboard.storage.syndication import SignatureCache, WireSignature

# Articles parsed and then stored per round. Parsed articles (with their quotes, dates and
# terms) are several times the size of their text, so holding a whole 10,000-article folder
# parsed before storing anything cost ~1.8 GB; rounds bound it.
CHUNK = 1000

Progress = Callable[[int, int, str], None]


@dataclass
class FileOutcome:
    file: str
    status: str  # added | duplicate | rejected | warning | note
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


_parse_safely = parse_safely


@contextmanager
def parser_pool(n: int, workers: int | None = None) -> Iterator[ParseExecutor]:
    """Warmed worker processes for parsing `n` articles, or this process when cheaper."""
    with local_executor(n, workers) as ex:
        yield ex


def parse_many(
    raws: list[RawArticle],
    workers: int | None = None,
    progress: Progress | None = None,
    pool: ParseExecutor | None = None,
) -> list[tuple[Article | None, str]]:
    """Parse `raws` in order with `pool` (executors.py), else a local one if worth it."""
    if pool is None:
        with parser_pool(len(raws), workers) as own:
            return own.parse(raws, progress)
    return pool.parse(raws, progress)


def store_parsed(
    store: Store,
    raws: list[RawArticle],
    parsed: list[tuple[Article | None, str]],
    *,
    seen: set[str] | None = None,
    cluster: bool = True,
    claim_map: bool = True,
    cache: SignatureCache | None = None,
) -> IngestReport:
    """Store parsed articles, skipping duplicates (by content hash) and isolating failures.

    `seen` carries the hashes of earlier rounds of the same ingest; `cluster=False` leaves
    the wire-copy clustering to the caller; `claim_map=False` leaves the claim map to the
    caller (once after all rounds); `cache` keeps the stored articles' signatures across
    an ingest's rounds (syndication.SignatureCache).
    """
    report = IngestReport()
    pending: list[tuple[Article, RawArticle]] = []
    # Signatures the parser computed (a ParsedRound); articles without one are signed here.
    signatures = getattr(parsed, "signatures", None) or [None] * len(parsed)
    signed: dict[str, WireSignature] = {}
    seen = set() if seen is None else seen
    hashes = [raw.content_hash() for raw in raws]
    # One query for the round's hashes, not one per article.
    stored = store.existing_hashes(
        h for h, (a, _) in zip(hashes, parsed, strict=True) if a is not None
    )
    for raw, h, (article, error), sig in zip(raws, hashes, parsed, signatures, strict=True):
        name = raw.source_file or raw.title
        if article is None:
            report.outcomes.append(FileOutcome(name, "rejected", error, raw.title))
            continue
        if h in seen or h in stored:
            report.outcomes.append(
                FileOutcome(
                    name, "duplicate", "same outlet, title and text already stored", raw.title
                )
            )
            continue
        seen.add(h)
        pending.append((article, raw))
        if sig is not None:
            signed[article.id] = sig
        report.outcomes.append(FileOutcome(name, "added", "", raw.title))
        for warning in article.warnings:
            report.outcomes.append(FileOutcome(name, "warning", warning, raw.title))
    added = [o for o in report.outcomes if o.status == "added"]
    kept = _store_round(store, pending, added, cluster, report, signed, cache)
    report.stored_ids = [a.id for (a, _), ok in zip(pending, kept, strict=True) if ok]
    for (_a, raw), ok in zip(pending, kept, strict=True):
        if not ok:
            seen.discard(raw.content_hash())
    if cluster and claim_map and report.stored_ids:
        _update_claim_map(store, report)
    return report


def _write_round(
    store: Store,
    items: list[tuple[Article, RawArticle]],
    cluster: bool,
    signed: dict[str, WireSignature] | None = None,
    cache: SignatureCache | None = None,
) -> None:
    """One transaction: the round's articles with their rows, then (cluster=True) their
    signatures, LSH bands, agency credits and the wire-copy clusters they join, then the
    speaker identity extended by the round's spellings. A failure
    anywhere rolls all of it back: the store is as it was before the round. `signed`:
    signatures computed by the parser, by article id (the others are signed here)."""
    from dashboard.storage import speaker_identity
    from dashboard.storage.syndication import update_clusters

    with store.backend.transaction() as cur:
        since = speaker_identity.data_version(cur, store)
        store.add_many(items, cur)
        if cluster:
            signed = signed or {}
            bodies = {a.id: raw.body for a, raw in items if a.id not in signed}
            update_clusters(
                store,
                [a.id for a, _ in items],
                bodies=bodies,
                cur=cur,
                signed=signed,
                cache=cache,
            )
            # The clustering read blocks from all over the LSH bands and shingle hashes:
            # DuckDB would keep them until the round ends (release_buffers).
            store.release_buffers()
        # The round's new speaker spellings join the identity kept in the store (the
        # Speakers page reads it; a failed round leaves nothing of it behind either).
        speaker_identity.update(store, cur, articles=[a.id for a, _ in items], since=since)
        store.release_buffers()  # the quotes and speaker tables it scanned, before the commit


def _store_round(
    store: Store,
    pending: list[tuple[Article, RawArticle]],
    outcomes: list[FileOutcome],
    cluster: bool,
    report: IngestReport,
    signed: dict[str, WireSignature] | None = None,
    cache: SignatureCache | None = None,
) -> list[bool]:
    """Store a round in one transaction; which of `pending` were kept.

    If the round fails, each article is tried alone (and rolled back) to find the ones
    that cannot be stored; those are rejected and the rest of the round is written again,
    in one transaction. If that fails too (the clustering, say), the whole round is
    rejected and nothing of it stays in the store."""
    if not pending:
        return []
    try:
        _write_round(store, pending, cluster, signed, cache)
        return [True] * len(pending)
    except Exception as exc:  # noqa: BLE001 - rolled back; find out what failed
        first = exc
    kept = []
    for (article, raw), outcome in zip(pending, outcomes, strict=True):
        error = store.storing_error(article, raw)
        if error is not None:
            outcome.status = "rejected"
            outcome.detail = f"could not be stored: {type(error).__name__}: {error}"
        kept.append(error is None)
    rest = [item for item, ok in zip(pending, kept, strict=True) if ok]
    if not rest:
        return kept
    if len(rest) < len(pending):
        try:
            _write_round(store, rest, cluster, signed, cache)
            return kept
        except Exception as exc:  # noqa: BLE001
            first = exc
    for outcome, ok in zip(outcomes, kept, strict=True):
        if ok:
            outcome.status = "rejected"
            outcome.detail = (
                f"could not be stored: the round failed ({type(first).__name__}: {first}); "
                "nothing of it was kept"
            )
    report.outcomes.append(
        FileOutcome(
            "(round)",
            "warning",
            f"a round of {len(pending)} articles was not stored: {type(first).__name__}: {first}",
        )
    )
    return [False] * len(pending)


def _update_claim_map(store: Store, report: IngestReport) -> None:
    """Embed the new articles' statements and assign them to claims (storage/claims.py), so
    the Framing page's claim map opens without embedding anything. Off with
    DASHBOARD_CLAIM_MAP=off or without the sentence model; a failure leaves the articles
    stored and the map pending (the page offers the update)."""
    from dashboard import config
    from dashboard.analysis.alignment import embeddings_available

    if config.get("claim_map") != "ingest" or not embeddings_available():
        return
    from dashboard.storage.claims import pending_count, update_claims

    # Embedding costs 30-150 ms per statement: thousands of articles would hold the ingest
    # for hours with nothing to show. They are stored; the map waits for its own command.
    limit = config.get_int("claim_map_max_articles")
    pending = pending_count(store)
    if limit and pending > limit:
        report.outcomes.append(
            FileOutcome(
                "(claim map)",
                "note",
                f"{pending} articles wait for the claim map (more than "
                f"{config.SETTINGS['claim_map_max_articles'].env}={limit}): run "
                "`python -m dashboard claims` or use the update button on Framing, All outlets",
            )
        )
        return

    try:
        update_claims(store)
    except Exception as exc:  # noqa: BLE001 - the articles are stored; only the map waits
        report.outcomes.append(
            FileOutcome(
                "(claim map)", "warning", f"claim map update failed: {type(exc).__name__}: {exc}"
            )
        )


def ingest_result(
    store: Store,
    result: ReadResult,
    workers: int | None = None,
    progress: Progress | None = None,
    executor: ParseExecutor | None = None,
) -> IngestReport:
    """Parse and store `result`'s articles in rounds of CHUNK (each round clustered).

    `executor` parses (executors.py: a Dask cluster, say); default: local worker processes."""
    return ingest_stream(
        store, [result], len(result.articles), workers, progress, executor=executor
    )


def _rounds(parts: Iterable[ReadResult], problems: list) -> Iterator[list[RawArticle]]:
    """Articles of a stream of read results in rounds of CHUNK; problems go to `problems`."""
    batch: list[RawArticle] = []
    for part in parts:
        problems.extend(part.problems)
        batch.extend(part.articles)
        while len(batch) >= CHUNK:
            yield batch[:CHUNK]
            batch = batch[CHUNK:]
    if batch:
        yield batch


def ingest_stream(
    store: Store,
    parts: Iterable[ReadResult],
    expected: int,
    workers: int | None = None,
    progress: Progress | None = None,
    executor: ParseExecutor | None = None,
) -> IngestReport:
    """Read, parse and store a stream of read results round by round: one round of articles
    (raw and parsed) is stored while, on a worker pool or a cluster, the next one is parsed;
    no more are held at a time. `expected` (articles, or files for a folder) sizes the
    parser pool and the progress total; the total grows if a file held several articles.
    `executor` parses (a Dask cluster, say); default: local workers."""
    from dashboard.storage.syndication import SignatureCache

    bound_fragmentation()  # rounds free large blocks: keep them from pinning the heap
    report = IngestReport()
    seen: set[str] = set()
    # The stored articles' signatures, read at most once per ingest instead of once per
    # round (a round's candidates name most of the store on a corpus with shared text).
    cache = SignatureCache()
    problems: list = []
    done = 0
    relay = _ProgressRelay(progress, expected)
    with ExitStack() as stack:
        pool: ParseExecutor | None = None
        ahead: ThreadPoolExecutor | None = None
        rounds = _rounds(parts, problems)
        chunk = next(rounds, None)
        parsing: _Parsing | None = None
        try:
            while chunk is not None:
                if pool is None:
                    # Sized on what is known: the expected count, or this round (a single
                    # .jsonl or .csv file can hold thousands of articles).
                    pool = stack.enter_context(
                        _given_or_local(executor, max(expected, len(chunk)), workers)
                    )
                    if getattr(pool, "concurrent", False):
                        ahead = stack.enter_context(
                            ThreadPoolExecutor(1, thread_name_prefix="parse-ahead")
                        )
                if parsing is None:
                    parsing = _Parsing(ahead, pool, chunk, workers, relay, done)
                parsed = parsing.result()
                parsing = None
                # The next round is read and handed to the workers before this one is
                # stored: the workers parse it while this process stores (on a pool or a
                # cluster; in this process the rounds take turns as before).
                following = next(rounds, None)
                if following is not None:
                    parsing = _Parsing(ahead, pool, following, workers, relay, done + len(chunk))
                # An embedded database file is held while storing, not while parsing, so
                # the app and other processes get their turn between rounds
                # (Store.connected()). Each round is stored, then signed and joined to its
                # wire-copy clusters against the persisted LSH bands (no index over the
                # whole store is rebuilt).
                with store.connected():
                    part = store_parsed(
                        store, chunk, parsed, seen=seen, claim_map=False, cache=cache
                    )
                report.outcomes += part.outcomes
                report.stored_ids += part.stored_ids
                done += len(chunk)
                del parsed, part  # this round is stored: let it go
                chunk = following
                release_memory()
        finally:
            if parsing is not None:
                parsing.abandon()  # a failed round: the workers finish the next one first
    if report.stored_ids:
        with store.connected():
            aggregates.refresh(store)  # page counts for the slices the rounds changed
            # The Speakers page's per-person sums, built here so that its first reader
            # does not wait for them (0.7 s on DuckDB, 2.7 s on PostgreSQL at 100,000).
            aggregates.speaker_people_ready(store)
        _update_claim_map(store, report)
    for problem in problems:
        status = "rejected" if problem.severity == "error" else "warning"
        report.outcomes.append(FileOutcome(problem.file, status, problem.reason))
    return report


class _ProgressRelay:
    """Progress reported from the thread that waits for the workers, passed on from the
    ingest's own thread only (a Streamlit progress bar must be updated from its script's
    thread): each (done, total, title) is queued, and `flush()` reports them in order.
    Progress from the ingest's own thread (a parse in this process) is reported at once."""

    def __init__(self, progress: Progress | None, expected: int) -> None:
        self.progress = progress
        self.expected = expected
        self._owner = threading.get_ident()
        self._lock = threading.Lock()
        self._queued: list[tuple[int, int, str]] = []  # one per batch a worker returned

    def step(self, start: int, n: int) -> Progress | None:
        progress = self.progress
        if progress is None:
            return None

        def record(i: int, _n: int, title: str) -> None:
            latest = (start + i, max(self.expected, start + n), title)
            if threading.get_ident() == self._owner:
                progress(*latest)
                return
            with self._lock:
                self._queued.append(latest)

        return record

    def flush(self) -> None:
        with self._lock:
            queued, self._queued = self._queued, []
        if self.progress is not None:
            for step in queued:
                self.progress(*step)


class _Parsing:
    """One round being parsed: on `ahead` (a thread that waits for the pool's or the
    cluster's workers) while the ingest stores the previous round, or, without `ahead`,
    in this process when its result is asked for (the old order: parse, then store)."""

    def __init__(
        self,
        ahead: ThreadPoolExecutor | None,
        pool: ParseExecutor,
        raws: list[RawArticle],
        workers: int | None,
        relay: _ProgressRelay,
        start: int,
    ) -> None:
        self.relay = relay
        step = relay.step(start, len(raws))
        self._run = lambda: parse_many(raws, workers=workers, progress=step, pool=pool)
        self._future: Future | None = ahead.submit(self._run) if ahead is not None else None

    def result(self) -> list[tuple[Article | None, str]]:
        if self._future is None:
            return self._run()  # its progress was reported as it came (this thread's)
        while True:
            try:
                parsed = self._future.result(timeout=0.2)
            except FuturesTimeout:
                self.relay.flush()
                continue
            self.relay.flush()
            return parsed

    def abandon(self) -> None:
        """Wait for a round no one will store (its errors are not this ingest's)."""
        if self._future is not None:
            wait([self._future])


@contextmanager
def _given_or_local(
    executor: ParseExecutor | None, n: int, workers: int | None
) -> Iterator[ParseExecutor]:
    if executor is not None:
        yield executor
        return
    with parser_pool(n, workers) as pool:
        yield pool


def ingest_path(
    store: Store,
    path: str | Path,
    workers: int | None = None,
    progress: Progress | None = None,
    executor: ParseExecutor | None = None,
) -> IngestReport:
    """Ingest a file or folder, streaming: files are read as their round comes."""
    return ingest_stream(
        store,
        iter_path(path),
        count_article_files(path),
        workers=workers,
        progress=progress,
        executor=executor,
    )


def ingest_upload(store: Store, name: str, data: bytes) -> IngestReport:
    return ingest_result(store, read_bytes(name, data), workers=1)
