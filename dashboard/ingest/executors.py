"""Where articles are parsed: in this process, in a pool of warmed local worker processes, or
on an existing Dask distributed cluster (`python -m dashboard ingest PATH --cluster URL`).

Every executor has the same one method, `parse(raws, progress) -> [(Article | None, error)]`
in the order of `raws`; ingest.py stores what comes back, whichever executor parsed it.

Why the pool is built the way it is (issue 17: two worker processes used to parse slower
than one):

* **Warm once, before forking.** The language packs, lexicons, compiled rules and the voice
  model load lazily on the first article of each language (~1 s of CPU per process and
  language mix). `warm_up()` parses a few sentences of every analysed language in the parent,
  then `gc.freeze()` moves everything loaded into the permanent generation, so the forked
  workers inherit the loaded packs and their garbage collector never walks (and so never
  copies) the inherited pages. The initializer warms again where the start method is not
  `fork` (a no-op after a fork).
* **Batches, not articles.** A task is a batch of up to BATCH_SIZE articles, and at most a
  few batches per worker are in flight, so the parent's bookkeeping per article is small.
* **Compact results.** A parsed Article is a tree of dataclasses (quotes, dates, terms,
  evidence); pickled as objects it costs the parent as much to unpickle as a worker spends
  on a tenth of the parse. Workers return each batch as one `marshal` blob of plain tuples
  (`pack_results`), which the parent turns back into identical Articles several times
  faster; raws travel to the workers the same way.
* **Signed where parsed.** Each worker also computes the wire-copy signature of every body
  it parsed (`syndication.sign`: shingles, MinHash, LSH band keys, shingle hashes, agency
  credits) and returns it with the article (`ParsedRound.signatures`), so the ingest
  process, which stores and clusters one round at a time on one core, only writes them.

Dask: the same batches and the same blobs, submitted to a `distributed.Client`. The workers
must be able to import this very version of the `dashboard` package: the client compares a
fingerprint of the analysis code and lexicons with every worker's and refuses to start
otherwise (docs/deploy.md, "Parsing on several machines").
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dashboard.ingest.heap import bound_fragmentation
from dashboard.model import (
    Article,
    DateMention,
    FrameEvidence,
    Keyword,
    Quote,
    RawArticle,
    Speaker,
)

# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
# Articles per task. Big enough that the per-task cost (a queue round trip, one blob)
# vanishes next to ~7 ms of parsing per article; small enough to balance a round of 1,000
# articles across the workers.
BATCH_SIZE = 32
# Batches in flight per worker: the next one is queued while a worker parses.
IN_FLIGHT_PER_WORKER = 3

ParseResult = tuple[Article | None, str]
Progress = Callable[[int, int, str], None]

if TYPE_CHECKING:
    from dashboard.storage.syndication import WireSignature


class ParsedRound(list[ParseResult]):
    """Parse results in the order of the raws, plus each parsed article's wire-copy
    signature (syndication.sign() of its body; None where the parse failed), computed by
    whoever parsed it: the ingest process then stores the signatures instead of computing
    them (issue 17: signing was a third of a round's store + clustering time). A plain list
    of results is accepted everywhere too; its articles are signed at store time."""

    def __init__(
        self,
        results: Iterable[ParseResult] = (),
        signatures: Iterable[WireSignature | None] | None = None,
    ) -> None:
        super().__init__(results)
        self.signatures: list[WireSignature | None] = (
            list(signatures) if signatures is not None else [None] * len(self)
        )
        if len(self.signatures) != len(self):
            raise ValueError("one signature (or None) per parse result")

    def add(self, other: Sequence[ParseResult]) -> None:
        """Append another part's results and signatures (None for a plain list)."""
        self.extend(other)
        self.signatures.extend(getattr(other, "signatures", None) or [None] * len(other))


class ClusterError(RuntimeError):
    """The Dask cluster cannot be used (unreachable scheduler, no workers, other version)."""


def parse_safely(raw: RawArticle) -> ParseResult:
    from dashboard.analysis.parser import parse_article

    try:
        return parse_article(raw), ""
    except Exception as exc:  # one bad article never stops a batch
        return None, f"analysis failed: {type(exc).__name__}: {exc}"


def parse_and_sign(raws: Sequence[RawArticle], progress: Progress | None = None) -> ParsedRound:
    """Parse each raw and sign the body of each one parsed (what every executor runs)."""
    from dashboard.storage.syndication import sign

    out = ParsedRound()
    for i, raw in enumerate(raws):
        article, error = parse_safely(raw)
        out.append((article, error))
        out.signatures.append(sign(raw.body) if article is not None else None)
        if progress:
            progress(i + 1, len(raws), raw.title)
    return out


# --------------------------------------------------------------------------- warm-up
# A few sentences per language, written for this purpose: they pass through the language
# identification, the speaker, date, frame, naming and keyword rules, so that every lazily
# loaded lexicon and model of the language is loaded once.
_WARM_TEXTS: dict[str, tuple[str, str]] = {
    "ar": (
        "وزير الخارجية يبحث استئناف المحادثات",
        "قال وزير الخارجية يوم الاثنين إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n\n"
        "وأضاف المتحدث باسم الحكومة أن الاجتماع الأول عقد في 12 مارس 2023 وأن "
        "الجانبين اتفقا على مواصلة التعاون الاقتصادي.\n\n"
        "«نحن مستعدون للحوار»، قال مسؤول رفيع طلب عدم الكشف عن اسمه.",
    ),
    "en": (
        "Foreign minister expects talks to resume",
        "The foreign minister said on Monday that the talks would resume next week in the "
        "capital.\n\n"
        "A government spokesman added that the first meeting was held on 12 March 2023 and "
        "that both sides agreed to continue economic cooperation.\n\n"
        '"We are ready for dialogue," a senior official told reporters.',
    ),
    "ru": (
        "Министр иностранных дел ожидает возобновления переговоров",
        "Министр иностранных дел заявил в понедельник, что переговоры возобновятся на "
        "следующей неделе в столице.\n\n"
        "Представитель правительства добавил, что первая встреча состоялась 12 марта 2023 "
        "года и что стороны договорились продолжить экономическое сотрудничество.\n\n"
        "«Мы готовы к диалогу», — сказал высокопоставленный чиновник журналистам.",
    ),
    "ko": (
        "외교부 장관, 회담 재개 전망",
        "외교부 장관은 월요일 회담이 다음 주 수도에서 재개될 것이라고 말했다.\n\n"
        "정부 대변인은 첫 회의가 2023년 3월 12일에 열렸으며 양측이 경제 협력을 "
        "계속하기로 합의했다고 덧붙였다.\n\n"
        '한 고위 관리는 기자들에게 "우리는 대화할 준비가 되어 있다"고 밝혔다.',
    ),
}
_warm = False


def warm_up() -> None:
    """Load every analysed language's pack, lexicons and models into this process (once)."""
    global _warm
    if _warm:
        return
    from dashboard.analysis import langid
    from dashboard.analysis.langid import ANALYSED_LANGUAGES
    from dashboard.analysis.languages import get_pack

    # The language identifier loads lazily on the first body whose script is shared by
    # several languages; the warm texts need not reach it for every script.
    langid.warm()
    for code in sorted(ANALYSED_LANGUAGES):
        get_pack(code)
        title, body = _WARM_TEXTS.get(code, ("", ""))
        if body:
            parse_safely(
                RawArticle(title=title, body=body, outlet="warm-up", published_at="2023-03-14")
            )
    _warm = True


def _init_worker() -> None:
    bound_fragmentation()  # each task's articles and results are freed after it
    warm_up()  # a no-op after a fork from a warmed parent
    gc.freeze()  # what is loaded now stays put: no collector passes over it


# --------------------------------------------------------------------------- compact form
_ROWS = {cls: tuple(f.name for f in fields(cls)) for cls in (Quote, Speaker, DateMention)}
_RAW_FIELDS = tuple(f.name for f in fields(RawArticle))
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_LISTS = {"quotes": Quote, "speakers": Speaker, "dates": DateMention}
_KEYWORDS = ("keywords", "terms")


def _article_row(a: Article) -> tuple:
    out: list[Any] = []
    for name in _ARTICLE_FIELDS:
        value = getattr(a, name)
        if name in _LISTS:
            names = _ROWS[_LISTS[name]]
            value = [tuple(getattr(x, n) for n in names) for x in value]
        elif name in _KEYWORDS:
            value = ([k.term for k in value], [k.count for k in value])
        elif name == "frame_evidence":
            value = {
                k: [(e.sentence, e.paragraph, list(e.cues)) for e in v] for k, v in value.items()
            }
        out.append(value)
    return tuple(out)


def _article_from_row(row: tuple) -> Article:
    d = dict(zip(_ARTICLE_FIELDS, row, strict=True))
    for name, cls in _LISTS.items():
        d[name] = [cls(*x) for x in d[name]]
    for name in _KEYWORDS:
        terms, counts = d[name]
        d[name] = [Keyword(t, n) for t, n in zip(terms, counts, strict=True)]
    d["frame_evidence"] = {
        k: [FrameEvidence(s, p, c) for s, p, c in v] for k, v in d["frame_evidence"].items()
    }
    return Article(**d)


def pack_results(results: Sequence[ParseResult]) -> bytes:
    """Parse results (and their signatures, for a ParsedRound) as one blob of plain tuples
    (marshal: no classes, fast both ways)."""
    sigs = getattr(results, "signatures", None) or [None] * len(results)
    return marshal.dumps(
        [
            (_article_row(a) if a else None, err, sig.to_row() if sig else None)
            for (a, err), sig in zip(results, sigs, strict=True)
        ]
    )


def unpack_results(blob: bytes) -> ParsedRound:
    from dashboard.storage.syndication import WireSignature

    out = ParsedRound()
    for row, err, sig in marshal.loads(blob):
        out.append((_article_from_row(row) if row else None, err))
        out.signatures.append(WireSignature.from_row(sig) if sig else None)
    return out


def pack_raws(raws: Sequence[RawArticle]) -> bytes:
    return marshal.dumps([tuple(getattr(r, n) for n in _RAW_FIELDS) for r in raws])


def unpack_raws(blob: bytes) -> list[RawArticle]:
    return [RawArticle(*row) for row in marshal.loads(blob)]


def parse_packed(blob: bytes) -> bytes:
    """The task every worker runs: packed raws in, packed results out."""
    warm_up()
    return pack_results(parse_and_sign(unpack_raws(blob)))


# --------------------------------------------------------------------------- executors
class ParseExecutor(Protocol):
    workers: int
    # True when parse() runs in other processes, so that the ingest can store one round
    # while this executor parses the next (ingest.ingest_stream); False in this process.
    concurrent: bool

    def parse(self, raws: Sequence[RawArticle], progress: Progress | None = None) -> list:
        """(Article | None, error) per raw, in order."""


class InProcessExecutor:
    """Parse in the calling process: small batches, uploads, `--workers 1`."""

    workers = 1
    concurrent = False

    def parse(self, raws: Sequence[RawArticle], progress: Progress | None = None) -> ParsedRound:
        return parse_and_sign(raws, progress)

    def close(self) -> None:
        pass


def _batches(raws: Sequence[RawArticle], workers: int) -> Iterator[Sequence[RawArticle]]:
    # Small rounds still give every worker several batches.
    size = max(1, min(BATCH_SIZE, -(-len(raws) // (workers * IN_FLIGHT_PER_WORKER))))
    for i in range(0, len(raws), size):
        yield raws[i : i + size]


def _run_batches(
    submit: Callable[[bytes], Any],
    result: Callable[[Any], bytes],
    raws: Sequence[RawArticle],
    workers: int,
    progress: Progress | None,
) -> ParsedRound:
    """Submit packed batches with a bounded number in flight; collect them in order."""
    out = ParsedRound()
    pending: deque[tuple[Any, int]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER

    def collect_one() -> None:
        future, n = pending.popleft()
        part = unpack_results(result(future))
        if len(part) != n:
            raise RuntimeError(f"a worker returned {len(part)} results for {n} articles")
        out.add(part)
        if progress:
            progress(len(out), len(raws), raws[len(out) - 1].title)

    for batch in _batches(raws, workers):
        if len(pending) >= limit:
            collect_one()
        pending.append((submit(pack_raws(batch)), len(batch)))
    while pending:
        collect_one()
    return out


class LocalPoolExecutor:
    """Worker processes on this machine, warmed once, fed batches."""

    concurrent = True

    def __init__(self, workers: int):
        self.workers = workers
        warm_up()
        gc.collect()
        gc.freeze()  # forked children share the loaded packs without copying them
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker)

    def parse(self, raws: Sequence[RawArticle], progress: Progress | None = None) -> ParsedRound:
        return _run_batches(
            lambda blob: self._pool.submit(parse_packed, blob),
            lambda future: future.result(),
            raws,
            self.workers,
            progress,
        )

    def close(self) -> None:
        self._pool.shutdown()
        gc.unfreeze()


@contextmanager
def local_executor(n: int, workers: int | None = None) -> Iterator[ParseExecutor]:
    """A warmed process pool for parsing `n` articles, or this process when that is cheaper."""
    workers = workers or os.cpu_count() or 1
    if n < PARALLEL_THRESHOLD or workers == 1:
        yield InProcessExecutor()
        return
    ex = LocalPoolExecutor(workers)
    try:
        yield ex
    finally:
        ex.close()


# --------------------------------------------------------------------------- Dask
def code_fingerprint() -> str:
    """Hash of what decides a parse: the analysis code, its lexicons and the data model,
    and the wire-copy signing (storage/syndication.py) the workers run after parsing."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    paths = [root / "model.py", root / "config.py", root / "storage" / "syndication.py"]
    for folder in ("analysis", "lexicons"):
        paths += sorted(
            p for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    for p in paths:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def _worker_setup() -> str:
    warm_up()
    return code_fingerprint()


class DaskExecutor:
    """Parse on an existing Dask distributed cluster; results come back to this process."""

    concurrent = True

    def __init__(self, address: str, timeout: float = 10.0):
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - pinned in requirements.txt
            raise ClusterError("the 'distributed' package is not installed") from exc
        self.address = address
        try:
            self.client = Client(address, timeout=f"{timeout}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address} "
                f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                "is `dask scheduler` running there and the port open?"
            ) from exc
        try:
            self._check_workers(timeout)
        except BaseException:
            self.client.close()
            raise

    def _check_workers(self, timeout: float) -> None:
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as exc:
            raise ClusterError(
                f"the Dask scheduler at {self.address} has no workers "
                f"(waited {timeout:g} s); start some with `dask worker {self.address}`"
            ) from exc
        # Every worker loads the packs now, and says which analysis it would run.
        mine = code_fingerprint()
        theirs = self.client.run(_worker_setup)
        other = sorted(addr for addr, fp in theirs.items() if fp != mine)
        if other:
            raise ClusterError(
                f"{len(other)} Dask worker(s) run a different version of the dashboard's "
                f"analysis than this machine ({', '.join(other[:3])}); install the same "
                "version on every worker"
            )
        info = self.client.scheduler_info(n_workers=-1)["workers"]
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info.values()))

    def parse(self, raws: Sequence[RawArticle], progress: Progress | None = None) -> ParsedRound:
        return _run_batches(
            lambda blob: self.client.submit(parse_packed, blob, pure=False),
            lambda future: future.result(),
            raws,
            self.workers,
            progress,
        )

    def close(self) -> None:
        self.client.close()


@contextmanager
def dask_executor(address: str, timeout: float = 10.0) -> Iterator[DaskExecutor]:
    ex = DaskExecutor(address, timeout=timeout)
    try:
        yield ex
    finally:
        ex.close()
