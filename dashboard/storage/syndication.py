"""Wire copies: near-duplicate clusters across the store, first publisher, edits, credits.

One agency dispatch is republished by many outlets with small edits. Each article gets a
MinHash signature (datasketch, 128 permutations) over word 3-shingles of its normalised
body; an LSH index over all stored signatures proposes candidate pairs, which are checked
on the real shingle sets: a pair is a copy when the texts share most of their shingles
(Jaccard) or when the shorter text is mostly contained in the longer one (a trimmed
copy). Copies are joined into clusters (union-find) and ranked by publication date, then
by when they were stored: rank 0 is the first publisher.

`update_clusters()` is incremental: it signs only articles without a signature and
queries only those against the index, keeping earlier clusters; `full=True` rebuilds.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.analysis.lexicon import load_fields
from dashboard.analysis.textproc import (
    TOKEN_RE,
    clean_invisible,
    normalize,
    split_paragraphs,
    split_sentences,
    strip_diacritics,
    to_ascii_digits,
    tokenize,
)
from dashboard.model import Article
from dashboard.storage.store import Filters, Store

if TYPE_CHECKING:  # datasketch (which loads scipy) is imported where used: the Wire
    from datasketch import LeanMinHash, MinHash  # copies page only reads stored clusters

NUM_PERM = 128
SHINGLE_WORDS = 3
# LSH proposes pairs above roughly this Jaccard estimate. Low on purpose: a copy trimmed to
# half the dispatch has Jaccard near 0.5 with it, and LSH recall falls off below the
# threshold; the exact check below removes the extra candidates.
LSH_THRESHOLD = 0.3
# A verified copy: Jaccard of the shingle sets at least COPY_JACCARD, or the shorter text
# contained in the longer one at least COPY_CONTAINMENT. Independently written articles on
# the same event share names and numbers but few 3-word sequences (measured below 0.1).
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.7
# Texts with fewer shingles than this (a two-line brief) match too easily; they are only
# joined when nearly identical.
MIN_SHINGLES = 12
SHORT_TEXT_JACCARD = 0.9
# Candidate bodies are read in chunks of this many ids.
_CHUNK = 500
_SCHEME_KEY = "minhash_scheme"


# --------------------------------------------------------------------------- signatures


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-shingles over the matching form of the tokens (diacritics, alef forms,
    digits and case do not count as edits)."""
    toks = _shingle_tokens(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    if k == 3:  # the signing path: no list slice and join per shingle
        return {f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:], strict=False)}
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def _encoded_shingles(text: str) -> set[bytes]:
    """{s.encode("utf-8") for s in shingles(text)}, built from tokens encoded once each
    (UTF-8 is one-to-one, so the count is the same)."""
    toks = [_encoded_token(t) for t in TOKEN_RE.findall(clean_invisible(text))]
    if len(toks) < SHINGLE_WORDS:
        return {b" ".join(toks)} if toks else set()
    return {b" ".join(abc) for abc in zip(toks, toks[1:], toks[2:], strict=False)}


@lru_cache(maxsize=200_000)
def _encoded_token(token: str) -> bytes:
    return _normalized_token(token).encode("utf-8")


def _shingle_tokens(text: str) -> list[str]:
    """[normalize(t) for t in tokenize(text)], one cached call per token (tokenize's own
    diacritics stripping included: a test checks the two agree)."""
    return [_normalized_token(t) for t in TOKEN_RE.findall(clean_invisible(text))]


@lru_cache(maxsize=200_000)
def _normalized_token(token: str) -> str:
    # Cached: news vocabulary repeats, and normalising dominates signing a large batch.
    return normalize(strip_diacritics(token))


@cache
def _empty_minhash() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)


# MurmurHash3's 32-bit finalizer (shift, multiplier, shift, multiplier, shift): what
# datasketch's "affine32" scheme applies to each 32-bit SHA-1 value before its
# permutations h -> a*h + b mod 2**32.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_MAX32 = 0xFFFFFFFF


@cache
def _affine32() -> tuple[np.ndarray, np.ndarray] | None:
    """datasketch's permutation parameters (a, b) as uint32 columns, when its MinHash uses
    the affine32 scheme (datasketch 2); None otherwise (signing then calls datasketch)."""
    mh = _empty_minhash()
    if getattr(mh, "scheme", None) != "affine32" or mh.hashvalues.dtype != np.uint32:
        return None
    a, b = (np.ascontiguousarray(x, dtype=np.uint32) for x in mh.permutations)
    return a, b


def _minhash_values(encoded: list[bytes]) -> np.ndarray:
    """MinHash values of the UTF-8 shingles, bit for bit what datasketch's
    MinHash(num_perm=128).update_batch(encoded) holds (a test compares them): SHA-1's
    first 4 bytes of each shingle, MurmurHash3's finalizer, then all 128 permutations
    and the minimum per permutation in one numpy operation each, in uint32 arithmetic
    (wrapping, as datasketch's), without a MinHash object per article."""
    perms = _affine32()
    if perms is None:  # another scheme: datasketch's own code
        mh = _empty_minhash().copy()
        mh.update_batch(encoded)
        return mh.hashvalues
    if not encoded:
        return np.full(NUM_PERM, _MAX32, dtype=np.uint32)
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(x).digest()[:4] for x in encoded]), dtype="<u4")
    hv = hv.astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv ^= hv >> np.uint32(s1)
    hv *= np.uint32(m1)
    hv ^= hv >> np.uint32(s2)
    hv *= np.uint32(m2)
    hv ^= hv >> np.uint32(s3)
    a, b = perms
    phv = hv[:, None] * a
    phv += b
    return phv.min(axis=0)


def _minhash_of(sh: Iterable[str]) -> MinHash:
    """A datasketch MinHash of the shingles (values from _minhash_values)."""
    # A copy of one empty sketch shares its permutation tables instead of drawing new ones.
    mh = _empty_minhash().copy()
    mh.hashvalues = _minhash_values([s.encode("utf-8") for s in sh])
    return mh


def minhash_for(text: str) -> MinHash:
    """datasketch MinHash (128 permutations) of the text's normalised word 3-shingles."""
    return _minhash_of(shingles(text))


def _scheme() -> str:
    """Identity of the hash family: stored signatures from another one are recomputed."""
    import datasketch

    return f"datasketch-{datasketch.__version__}-{_hash_scheme()}-p{NUM_PERM}-w{SHINGLE_WORDS}"


def _encode(mh: MinHash) -> str:
    return _encode_values(mh.hashvalues)


def _encode_values(values: np.ndarray) -> str:
    values = np.asarray(values)
    dtype = "<u4" if values.dtype.itemsize == 4 else "<u8"
    return values.astype(dtype).tobytes().hex()


# datasketch >= 2 refuses stored hash values without the hashing scheme that produced
# them; ours is the default one, recorded in _scheme() so a change forces a re-sign.
@cache
def _hash_scheme() -> str:
    from datasketch import MinHash

    return MinHash(num_perm=1).scheme


def _decode(hexed: str) -> LeanMinHash:
    raw = bytes.fromhex(hexed)
    dtype = "<u4" if len(raw) == NUM_PERM * 4 else "<u8"
    # LeanMinHash: no permutation tables to rebuild for each stored signature.
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(raw, dtype=dtype), scheme=_hash_scheme())


def _lean(mh: MinHash) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(mh)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def is_copy(a: set[str], b: set[str]) -> tuple[bool, float]:
    """(is a copy, Jaccard) for two shingle sets."""
    j = jaccard(a, b)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return j >= SHORT_TEXT_JACCARD, j
    return (j >= COPY_JACCARD or containment(a, b) >= COPY_CONTAINMENT), j


def shingle_hashes(sh: Iterable[str]) -> np.ndarray:
    """The shingles as sorted distinct 64-bit keys (blake2b): what article_minhash keeps
    so a stored article is checked against a new one without re-reading its body. Two
    distinct shingles share a key with probability 2**-64: the counts below are exact."""
    return _shingle_keys([s.encode("utf-8") for s in sh])


def _shingle_keys(encoded: list[bytes]) -> np.ndarray:
    blake2b = hashlib.blake2b
    raw = b"".join([blake2b(x, digest_size=8).digest() for x in encoded])
    return np.unique(np.frombuffer(raw, dtype="<u8"))


def _is_copy_hashed(a: np.ndarray, b: np.ndarray) -> bool:
    """is_copy() on two shingle-hash arrays (sorted, distinct): the same arithmetic."""
    na, nb = len(a), len(b)
    if not na or not nb:
        return False
    inter = len(np.intersect1d(a, b, assume_unique=True))
    j = inter / (na + nb - inter)
    if min(na, nb) < MIN_SHINGLES:
        return j >= SHORT_TEXT_JACCARD
    return j >= COPY_JACCARD or inter / min(na, nb) >= COPY_CONTAINMENT


# --------------------------------------------------------------------------- clustering


@dataclass
class ClusterUpdate:
    """What one update_clusters() run did."""

    signed: int = 0  # articles that got a new signature
    candidates: int = 0  # pairs proposed by LSH
    copies: int = 0  # pairs verified as copies
    clusters: int = 0  # clusters (two or more articles) after the run
    clustered_articles: int = 0
    changed_rows: int = 0  # article_clusters rows written or deleted
    pruned: int = 0  # candidates ruled out by their signatures (no body read)
    checked: int = 0  # candidates checked on their shingles (the rest already joined)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _bodies(store: Store, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" for _ in chunk)
        for aid, body in store.execute(
            f"SELECT id, body FROM articles WHERE id IN ({marks})", chunk
        ):
            out[aid] = body
    return out


@cache
def _lsh_params() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for our threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def __getattr__(name: str) -> object:
    # The former module constants, computed on first use (PEP 562).
    if name in ("_LSH_B", "_LSH_R"):
        return _lsh_params()[name == "_LSH_R"]
    if name == "_HASH_SCHEME":
        return _hash_scheme()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_LSH_KEY = "lsh_bands"


def _lsh_scheme() -> str:
    bands, rows = _lsh_params()
    return f"{_scheme()}-b{bands}-r{rows}-blake2b8"


def band_hashes(hashvalues) -> list[int]:
    """One signed 64-bit key per LSH band: two signatures share a key exactly when they
    share that band's hash values (as in datasketch's MinHashLSH buckets), barring a
    2**-64 collision (and every candidate is checked on the shingle sets anyway)."""
    raw = np.asarray(hashvalues).astype("<u8").tobytes()
    bands, rows = _lsh_params()
    width = 8 * rows
    blake2b = hashlib.blake2b
    return [
        int.from_bytes(blake2b(raw[i : i + width], digest_size=8).digest(), "little", signed=True)
        for i in range(0, bands * width, width)
    ]


def _band_rows(aid: str, hashvalues) -> list[tuple]:
    return [(b, h, aid) for b, h in enumerate(band_hashes(hashvalues))]


@dataclass(frozen=True)
class WireSignature:
    """Everything update_clusters() stores and needs of a new article, computed from its
    body alone: so it can be computed where the article is parsed (a worker process, a
    Dask worker) and travel back with it, instead of in the ingest process (~1 ms of CPU
    per article there, a third of a round's store + clustering time).

    `scheme` is the signer's _lsh_scheme(): a signature from another hash family or band
    layout (a worker with another datasketch) is not used; the body is signed again."""

    scheme: str
    signature: str  # hex of the MinHash values, as article_minhash.signature
    shingles: int  # number of distinct shingles (article_minhash.shingles)
    shingle_hashes: bytes  # sorted distinct 64-bit keys (article_minhash.shingle_hashes)
    bands: tuple[int, ...]  # one key per LSH band (article_lsh.hash, band = position)
    credits: tuple[tuple[str, str], ...]  # (agency, matched text): agency_credits

    def to_row(self) -> tuple:
        """Plain values only (marshal, pickle): executors.pack_results()."""
        return (
            self.scheme,
            self.signature,
            self.shingles,
            self.shingle_hashes,
            list(self.bands),
            [list(c) for c in self.credits],
        )

    @classmethod
    def from_row(cls, row: tuple) -> WireSignature:
        scheme, signature, n, hashes, bands, credits = row
        return cls(
            scheme, signature, int(n), bytes(hashes), tuple(bands), tuple(map(tuple, credits))
        )


def sign(text: str) -> WireSignature:
    """The wire-copy signature of a body: what both the parse workers and the ingest
    process (for articles that came without one) compute, so the stored rows are the same
    whichever did."""
    encoded = list(_encoded_shingles(text))
    values = _minhash_values(encoded)
    return WireSignature(
        scheme=_lsh_scheme(),
        signature=_encode_values(values),
        shingles=len(encoded),
        shingle_hashes=_shingle_keys(encoded).tobytes(),
        bands=tuple(band_hashes(values)),
        credits=tuple(detect_agency_credits(text)),
    )


def _q(store: Store, cur, sql: str, params: Iterable = ()) -> list[tuple]:
    cur.execute(store._sql(sql), list(params))
    if cur.description is None:  # a statement without a result set
        return []
    return list(cur.fetchall())


def _in_chunks(store: Store, cur, sql: str, ids: list[str], extra: Iterable = ()) -> list[tuple]:
    """Run `sql` (with one `IN ({marks})`) for all of `ids` in one statement: DuckDB reads
    them from a registered frame, PostgreSQL from one array parameter. (An IN list of 500
    literals per statement made DuckDB scan the table once per 500 ids: a round's few
    thousand candidate partners cost a scan of the store each.)"""
    ids = list(ids)
    if not ids:
        return []
    if store.backend.name == "duckdb":
        cur.register("_ids", pd.DataFrame({"id": pd.Series(ids, dtype=object)}))
        try:
            return _q(store, cur, sql.format(marks="SELECT id FROM _ids"), list(extra))
        finally:
            cur.unregister("_ids")
    if store.backend.name == "postgresql":
        return _q(store, cur, sql.format(marks="SELECT unnest(?::text[])"), [ids, *extra])
    out: list[tuple] = []  # pragma: no cover - every backend is one of the above
    for chunk in _chunks(ids):
        marks = ",".join("?" for _ in chunk)
        out += _q(store, cur, sql.format(marks=marks), [*chunk, *extra])
    return out


class SignatureCache:
    """MinHash values and shingle counts of stored articles, kept by one ingest across its
    rounds (ingest.ingest_stream holds one), so a round does not read its candidates'
    signatures back from the store: on the bench corpus a round's candidates name ~93 % of
    the store, so that read (and the per-round matrix built from it) grew with the store.

    One matrix row per article (uint32 while every value fits, as datasketch's do; uint64
    otherwise), grown by doubling: 512 bytes per article, ~51 MB at 100,000. An article's
    id is a hash of its outlet, title and text, so its signature never changes; a row is
    only wrong for another hash scheme, and update_clusters() empties the cache when the
    scheme changes."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.matrix = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self.sizes = np.zeros(0, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, aid: object) -> bool:
        return aid in self.index

    def clear(self) -> None:
        self.__init__()

    def add(self, aid: str, values: np.ndarray, shingles: int) -> None:
        if aid in self.index:
            return
        n = len(self.index)
        if n == len(self.matrix):
            grown = np.zeros((max(1024, 2 * n), NUM_PERM), dtype=self.matrix.dtype)
            grown[:n] = self.matrix[:n]
            sizes = np.zeros(len(grown), dtype=np.float64)
            sizes[:n] = self.sizes[:n]
            self.matrix, self.sizes = grown, sizes
        if self.matrix.dtype == np.uint32 and len(values) and int(values.max()) > 0xFFFFFFFF:
            self.matrix = self.matrix.astype(np.uint64)
        self.matrix[n] = values
        self.sizes[n] = shingles
        self.index[aid] = n

    def rows(self, ids: list[str]) -> np.ndarray:
        """Row of each id (-1 where not cached)."""
        get = self.index.get
        return np.fromiter((get(aid, -1) for aid in ids), np.int64, len(ids))

    def values(self, aid: str) -> np.ndarray:
        return self.matrix[self.index[aid]].astype(np.uint64)


def _pair_positions(
    store: Store, cur, sql: str, ids: list[str] | None
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Run the candidate-pair query (columns a, b; `{marks}` replaced by `ids` as in
    _in_chunks, or no id list) and number the articles it names: (names, ia, ib) with
    pair k = (names[ia[k]], names[ib[k]]), in the query's row order. DuckDB hands the
    columns over as arrays and pandas numbers them in C: no Python tuple, dict lookup or
    string per pair (the pairs grow with the store on a corpus that reuses its
    sentences)."""
    if ids is not None and not ids:
        return [], np.zeros(0, np.int64), np.zeros(0, np.int64)
    if store.backend.name == "duckdb":
        if ids is not None:
            cur.register("_ids", pd.DataFrame({"id": pd.Series(ids, dtype=object)}))
        try:
            cur.execute(store._sql(sql.format(marks="SELECT id FROM _ids")))
            cols = cur.fetchnumpy()
        finally:
            if ids is not None:
                cur.unregister("_ids")
        a = np.asarray(cols["a"], dtype=object)
        b = np.asarray(cols["b"], dtype=object)
        del cols
    else:
        rows = _in_chunks(store, cur, sql, ids) if ids is not None else _q(store, cur, sql)
        a = np.array([r[0] for r in rows], dtype=object)
        b = np.array([r[1] for r in rows], dtype=object)
        del rows
    n = len(a)
    codes, names = pd.factorize(np.concatenate([a, b]))
    return list(names), codes[:n].astype(np.int64), codes[n:].astype(np.int64)


def update_clusters(
    store: Store,
    article_ids: Iterable[str] | None = None,
    full: bool = False,
    bodies: dict[str, str] | None = None,
    cur=None,
    signed: dict[str, WireSignature] | None = None,
    cache: SignatureCache | None = None,
) -> ClusterUpdate:
    """Sign new articles, find their copies, and rewrite the clusters that changed.

    article_ids: articles to look up against the index even if already signed (articles
    without a signature are always included). full: forget stored clusters and compare
    every article against the index (after a change of thresholds, or deletions that split
    a chain of copies). bodies: texts of new articles the caller already holds (ingest
    passes its round), so they are not read back from the store. signed: signatures of new
    articles computed where they were parsed (sign()); those are not signed again here.
    cache: signatures kept across calls (an ingest's rounds, SignatureCache); without
    one, a cache for this call only.

    The LSH index is the table article_lsh (band, hash, article_id), extended with the new
    articles' bands: candidate pairs come from joining their bands against the stored
    ones, never from rebuilding the index. Everything runs in one transaction: the
    caller's when `cur` is given (ingest stores a round and clusters it in one).
    """
    cache = SignatureCache() if cache is None else cache
    if cur is not None:
        return _update_clusters(
            store, cur, list(article_ids or ()), full, bodies or {}, signed or {}, cache
        )
    with store.backend.transaction() as own:
        return _update_clusters(
            store, own, list(article_ids or ()), full, bodies or {}, signed or {}, cache
        )


def _update_clusters(
    store: Store,
    cur,
    article_ids: list[str],
    full: bool,
    given: dict[str, str],
    signed: dict[str, WireSignature],
    cache: SignatureCache,
) -> ClusterUpdate:
    result = ClusterUpdate()
    scheme_row = _q(store, cur, "SELECT value FROM meta WHERE key = ?", [_SCHEME_KEY])
    rescheme = not scheme_row or scheme_row[0][0] != _scheme()
    if rescheme:
        full = True
        cache.clear()  # signed with another hash family: every row is re-signed
        for table in ("article_minhash", "agency_credits", "article_lsh"):
            cur.execute(f"DELETE FROM {table}")
    lsh_row = _q(store, cur, "SELECT value FROM meta WHERE key = ?", [_LSH_KEY])
    if not lsh_row or lsh_row[0][0] != _lsh_scheme():
        # A store signed before the band table existed (or with other bands): index the
        # stored signatures once.
        cur.execute("DELETE FROM article_lsh")
        rows = [
            r
            for aid, sig in _q(store, cur, "SELECT article_id, signature FROM article_minhash")
            for r in _band_rows(aid, _decode(sig).hashvalues)
        ]
        if rows:
            store._bulk_insert(cur, "article_lsh", rows)
        for key, value in ((_LSH_KEY, _lsh_scheme()),):
            cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [key])
            cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [key, value])

    unsigned = [
        r[0]
        for r in _q(
            store,
            cur,
            "SELECT a.id FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
            "WHERE m.article_id IS NULL",
        )
    ]

    signatures: dict[str, np.ndarray] = {}  # MinHash values per article
    hashed: dict[str, np.ndarray] = {}  # shingle hashes per article
    new_sig_rows: list[tuple] = []
    band_rows: list[tuple] = []
    credit_rows: list[tuple] = []
    mine = _lsh_scheme()
    ready = {aid: signed[aid] for aid in unsigned if aid in signed and signed[aid].scheme == mine}
    to_read = [aid for aid in unsigned if aid not in given and aid not in ready]
    texts = {aid: given[aid] for aid in unsigned if aid in given and aid not in ready}
    texts.update(
        _in_chunks(store, cur, "SELECT id, body FROM articles WHERE id IN ({marks})", to_read)
    )
    for aid in unsigned:
        sig = ready.get(aid)
        if sig is None:
            body = texts.get(aid)
            if body is None:
                continue
            sig = sign(body)
        signatures[aid] = _values(sig.signature)
        cache.add(aid, signatures[aid], sig.shingles)
        hashed[aid] = np.frombuffer(sig.shingle_hashes, dtype="<u8")
        new_sig_rows.append((aid, sig.signature, sig.shingles, sig.shingle_hashes))
        band_rows += [(b, h, aid) for b, h in enumerate(sig.bands)]
        credit_rows.extend((aid, agency, text) for agency, text in sig.credits)
    del texts, ready
    result.signed = len(new_sig_rows)
    new_ids = [r[0] for r in new_sig_rows]
    if new_ids:
        _in_chunks(store, cur, "DELETE FROM agency_credits WHERE article_id IN ({marks})", new_ids)
        store._bulk_insert(cur, "article_minhash", new_sig_rows)
        store._bulk_insert(cur, "article_lsh", band_rows)
    if credit_rows:
        store._bulk_insert(cur, "agency_credits", credit_rows)

    # Pairs come back normalised (smaller id first) and distinct from the database: the
    # Python set of string tuples they used to go through cost more than the join.
    pair_sql = (
        "SELECT DISTINCT LEAST(x.article_id, y.article_id) AS a, "
        "GREATEST(x.article_id, y.article_id) AS b "
        "FROM article_lsh x JOIN article_lsh y ON x.band = y.band AND x.hash = y.hash "
    )
    # Everything below works on integer positions into `ids`, pair arrays and one matrix
    # of signatures: per candidate pair, a few numpy operations instead of Python objects
    # (the candidates grow with the store on a corpus that reuses its sentences).
    if full:
        ids, ia, ib = _pair_positions(
            store, cur, pair_sql + "AND x.article_id < y.article_id", None
        )
    else:
        ids, ia, ib = _pair_positions(
            store,
            cur,
            pair_sql + "AND x.article_id <> y.article_id WHERE x.article_id IN ({marks})",
            sorted({*new_ids, *article_ids}),
        )
    result.candidates = len(ia)

    # Most candidates of a large store share a band by chance (same story, same phrases)
    # and are far from a copy: their signatures rule them out before any body is read
    # and shingled (that read grew with the store: ×17 store time for ×10 articles).
    # Signatures come from the cache; only those it lacks (the first round of an ingest,
    # articles another process stored meanwhile) are read from the store.
    need = [aid for aid in ids if aid not in cache]
    for aid, sig, n in _in_chunks(
        store,
        cur,
        "SELECT article_id, signature, shingles FROM article_minhash WHERE article_id IN ({marks})",
        need,
    ):
        cache.add(aid, _values(sig), int(n))
    del need
    rows = cache.rows(ids)
    known = rows >= 0
    # A pair with an unsigned side (cannot happen after signing; kept as before) is checked
    # (first: its estimate counts as 1).
    keep = ~(known[ia] & known[ib])
    estimate = np.ones(len(ia), dtype=np.float64)
    step = 20_000  # bounded memory: 20,000 pairs × 128 slots at a time
    for i in range(0, len(ia), step):
        sl = slice(i, i + step)
        both = ~keep[sl]
        ra, rb = rows[ia[sl]][both], rows[ib[sl]][both]
        est = _estimates(cache.matrix, ra, rb)
        keep[sl][both] = _plausible_from(est, cache.sizes[ra], cache.sizes[rb])
        estimate[sl][both] = est
    del rows, known
    ia, ib, estimate = ia[keep], ib[keep], estimate[keep]
    result.pruned = result.candidates - len(ia)

    # The exact check, on the shingle hashes: stored ones for earlier articles (their
    # bodies are only read when signed before migration 010), the round's own computed.
    # A pair whose two articles are already in one cluster (a stored one, or joined by a
    # copy found earlier in this run) is not checked: it could only join what is joined.
    # So a new copy of a dispatch is checked against one member of its cluster, not all.
    empty = np.empty(0, dtype="<u8")
    arrays = [hashed.get(aid, empty) for aid in ids]
    loaded = np.fromiter((aid in hashed for aid in ids), dtype=bool, count=len(ids))

    def check(pa: np.ndarray, pb: np.ndarray) -> np.ndarray:
        pos = np.unique(np.concatenate([pa, pb]))
        pos = pos[~loaded[pos]]
        _read_shingle_hashes(store, cur, [ids[i] for i in pos], hashed)
        for i in pos:
            arrays[i] = hashed.get(ids[i], empty)
        loaded[pos] = True
        return _copies_hashed(arrays, pa, pb)

    seeds = None
    if not full and len(ia):  # the stored clusters of the articles in the pairs
        named = [ids[i] for i in np.unique(np.concatenate([ia, ib]))]
        seeds = dict(
            _in_chunks(
                store,
                cur,
                "SELECT article_id, cluster_id FROM article_clusters WHERE article_id IN ({marks})",
                named,
            )
        )
    is_copy, result.checked = _verify_joining(ids, ia, ib, estimate, seeds, check)
    copies = [(ids[a], ids[b]) for a, b in zip(ia[is_copy], ib[is_copy], strict=True)]
    result.copies = len(copies)
    hashed.clear()
    arrays.clear()

    cluster_sql = "SELECT article_id, cluster_id, rank, is_first, similarity FROM article_clusters"
    if full:
        existing_rows = _q(store, cur, cluster_sql)
    else:
        # Only the clusters the new copies touch can change.
        involved = sorted({x for p in copies for x in p})
        existing_rows = _in_chunks(
            store,
            cur,
            cluster_sql + " WHERE cluster_id IN (SELECT cluster_id FROM article_clusters "
            "WHERE article_id IN ({marks}))",
            involved,
        )
    existing = {
        aid: (cid, int(rank), bool(first), sim) for aid, cid, rank, first, sim in existing_rows
    }
    uf = _UnionFind()
    if not full:
        by_cluster: dict[str, list[str]] = {}
        for aid, (cid, *_rest) in existing.items():
            by_cluster.setdefault(cid, []).append(aid)
        for members in by_cluster.values():
            for m in members:
                uf.union(members[0], m)
    for a, b in copies:
        uf.union(a, b)

    groups = [g for g in uf.groups() if len(g) > 1]
    for aid in {aid for g in groups for aid in g} - set(signatures):
        if aid in cache:
            signatures[aid] = cache.values(aid)
    need = sorted({aid for g in groups for aid in g} - set(signatures))
    for aid, sig in _in_chunks(
        store,
        cur,
        "SELECT article_id, signature FROM article_minhash WHERE article_id IN ({marks})",
        need,
    ):
        signatures[aid] = _values(sig)
    wanted = _ranked_rows(store, groups, signatures, cur)

    stale = [aid for aid in existing if aid not in wanted]
    changed = [
        (aid, *row)
        for aid, row in wanted.items()
        if aid not in existing or existing[aid][:3] != row[:3]
    ]
    result.changed_rows = len(stale) + len(changed)
    _in_chunks(
        store,
        cur,
        "DELETE FROM article_clusters WHERE article_id IN ({marks})",
        stale + [r[0] for r in changed],
    )
    if changed:
        store._bulk_insert(cur, "article_clusters", changed)
    n_clusters, n_members = _q(
        store, cur, "SELECT COUNT(DISTINCT cluster_id), COUNT(*) FROM article_clusters"
    )[0]
    result.clusters, result.clustered_articles = int(n_clusters), int(n_members)
    if not (new_sig_rows or result.changed_rows or rescheme):
        return result
    cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [_SCHEME_KEY])
    cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [_SCHEME_KEY, _scheme()])
    # Cached page data is keyed on the data version: counts change with the clusters.
    store._bump_version(cur)
    return result


# A candidate pair is only checked on its shingle sets when its signatures leave room for
# a copy: the MinHash estimate of the Jaccard (matching slots of 128) plus this margin
# reaches a copy threshold. The estimate's standard error is at most 0.044 (at J = 0.5),
# so 0.22 is five of them: a pair that is a copy is pruned with a probability below 1e-6.
PRUNE_MARGIN = 0.22


def _read_shingle_hashes(store: Store, cur, ids: list[str], hashed: dict) -> None:
    """Add the stored shingle hashes of `ids` to `hashed` (from the bodies for articles
    signed before migration 010, which stored none)."""
    unhashed = []
    for aid, blob in _in_chunks(
        store,
        cur,
        "SELECT article_id, shingle_hashes FROM article_minhash WHERE article_id IN ({marks})",
        ids,
    ):
        if blob is None:
            unhashed.append(aid)
        else:
            hashed[aid] = np.frombuffer(bytes(blob), dtype="<u8")
    unhashed += sorted(set(ids) - set(hashed) - set(unhashed))
    for aid, body in _in_chunks(
        store, cur, "SELECT id, body FROM articles WHERE id IN ({marks})", unhashed
    ):
        hashed[aid] = shingle_hashes(shingles(body))


# Passes of _verify_joining: each but the last checks the likeliest pair of every group,
# the last every pair still joining two groups.
_JOIN_PASSES = 4


def _roots(parent: np.ndarray) -> np.ndarray:
    """Union-find roots of every element, by pointer jumping (parent[i] <= i)."""
    while True:
        up = parent[parent]
        if np.array_equal(up, parent):
            return parent
        parent = up


def _verify_joining(
    ids: list[str],
    ia: np.ndarray,
    ib: np.ndarray,
    estimate: np.ndarray,
    seeds: dict[str, str] | None,
    check,
) -> tuple[np.ndarray, int]:
    """Which candidate pairs (ids[ia[k]], ids[ib[k]]) to count as copies, checking only
    pairs that join two groups not joined yet: (mask of the checked pairs found copies,
    pairs checked). Groups start as the stored clusters (`seeds`: article id -> cluster
    id; None: every article alone) and merge with each copy found.

    The clusters come out the same as checking every pair: a pair is skipped only when
    its two articles are already connected by stored clusters and copies found, and a
    copy there would connect nothing new. Each pass but the last checks, for every group,
    its pair with the highest MinHash estimate (the likeliest copy); a copy joins the
    groups and the pairs between them drop out; the last pass checks every pair still
    joining two groups. `check(pa, pb)` is the exact check of pairs."""
    n = len(ia)
    found = np.zeros(n, dtype=bool)
    if not n:
        return found, 0
    parent = np.arange(len(ids), dtype=np.int64)
    if seeds:
        for members in _group_positions(ids, seeds):
            parent[members] = members.min()
    pending = np.argsort(-estimate, kind="stable")  # likeliest copies first
    checked = 0
    for step in range(_JOIN_PASSES):
        parent = _roots(parent)
        ra, rb = parent[ia[pending]], parent[ib[pending]]
        live = ra != rb
        pending, ra, rb = pending[live], ra[live], rb[live]
        if not len(pending):
            break
        if step < _JOIN_PASSES - 1:
            # Each group's likeliest pair (the first in estimate order naming the group).
            _, first = np.unique(np.concatenate([ra, rb]), return_index=True)
            batch = pending[np.unique(first % len(pending))]
        else:
            batch = pending
        ok = check(ia[batch], ib[batch])
        checked += len(batch)
        found[batch[ok]] = True
        for a, b in zip(ia[batch[ok]], ib[batch[ok]], strict=True):
            ra_, rb_ = _find(parent, a), _find(parent, b)
            if ra_ != rb_:
                parent[max(ra_, rb_)] = min(ra_, rb_)
        pending = np.setdiff1d(pending, batch, assume_unique=True)
        pending = pending[np.argsort(-estimate[pending], kind="stable")]
    return found, checked


def _find(parent: np.ndarray, x: int) -> int:
    while parent[x] != x:
        x = parent[x]
    return int(x)


def _group_positions(ids: list[str], seeds: dict[str, str]) -> list[np.ndarray]:
    """Positions in `ids` of the members of each stored cluster (two or more named)."""
    by: dict[str, list[int]] = {}
    for pos, aid in enumerate(ids):
        cid = seeds.get(aid)
        if cid is not None:
            by.setdefault(cid, []).append(pos)
    return [np.array(v, dtype=np.int64) for v in by.values() if len(v) > 1]


def _could_be_copy(estimate: float, na: int, nb: int) -> bool:
    """Could two texts with `na` and `nb` shingles and this Jaccard estimate pass is_copy?
    Containment follows from the Jaccard and the sizes: |A∩B| = J(|A|+|B|)/(1+J)."""
    high = min(1.0, estimate + PRUNE_MARGIN)
    small = min(na, nb)
    if small < MIN_SHINGLES:
        return high >= SHORT_TEXT_JACCARD
    if high >= COPY_JACCARD:
        return True
    return high * (na + nb) / ((1 + high) * small) >= COPY_CONTAINMENT


def _plausible_mask(
    matrix: np.ndarray, n: np.ndarray, ia: np.ndarray, ib: np.ndarray
) -> np.ndarray:
    """_could_be_copy() for the pairs (ia[k], ib[k]) of rows of `matrix` (MinHash values)
    with shingle counts `n`, all at once: a boolean per pair."""
    return _plausible_from(_estimates(matrix, ia, ib), n[ia], n[ib])


def _estimates(matrix: np.ndarray, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """MinHash Jaccard estimates of the row pairs (matching slots / slots)."""
    return (matrix[ia] == matrix[ib]).mean(axis=1)


def _plausible_from(estimate: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    high = np.minimum(1.0, estimate + PRUNE_MARGIN)
    small = np.minimum(na, nb)
    with np.errstate(divide="ignore", invalid="ignore"):
        contained = high * (na + nb) / ((1 + high) * small) >= COPY_CONTAINMENT
    return np.where(
        small < MIN_SHINGLES, high >= SHORT_TEXT_JACCARD, (high >= COPY_JACCARD) | contained
    )


def _plausible_pairs(
    pairs: list[tuple[str, str]], signatures: dict, sizes: dict[str, int]
) -> list[tuple[str, str]]:
    """The candidate pairs whose signatures (MinHash objects) do not rule out a copy
    (order kept; a pair with an unsigned side is kept)."""
    known = [p for p in pairs if p[0] in signatures and p[1] in signatures]
    if not known:
        return pairs
    index = {aid: i for i, aid in enumerate(signatures)}
    matrix = np.stack([np.asarray(signatures[aid].hashvalues, dtype=np.uint64) for aid in index])
    n = np.array([sizes.get(aid, 0) for aid in index], dtype=np.float64)
    ia = np.array([index[a] for a, _ in known], dtype=np.int64)
    ib = np.array([index[b] for _, b in known], dtype=np.int64)
    kept = {p for p, ok in zip(known, _plausible_mask(matrix, n, ia, ib), strict=True) if ok}
    return [p for p in pairs if p in kept or p[0] not in index or p[1] not in index]


def _values(hexed: str) -> np.ndarray:
    """A stored signature's MinHash values as uint64 (what _decode() wraps)."""
    raw = bytes.fromhex(hexed)
    dtype = "<u4" if len(raw) == NUM_PERM * 4 else "<u8"
    return np.frombuffer(raw, dtype=dtype).astype(np.uint64)


def _copies_hashed(arrays: list[np.ndarray], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """_is_copy_hashed(arrays[ia[k]], arrays[ib[k]]) for every pair, as a boolean array.

    Pairs are grouped by the side with more pairs (a new article and its stored
    partners): each group is one searchsorted of all partners' keys into that side's
    sorted keys, and the intersection sizes are counted per partner at once. Same counts
    and the same arithmetic as _is_copy_hashed (tests check they agree)."""
    out = np.zeros(len(ia), dtype=bool)
    if not len(ia):
        return out
    lengths = np.array([len(a) for a in arrays], dtype=np.int64)
    degree = np.bincount(np.concatenate([ia, ib]), minlength=len(arrays))
    key = np.where(degree[ia] >= degree[ib], ia, ib)
    other = np.where(key == ia, ib, ia)
    inter = np.zeros(len(ia), dtype=np.int64)
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    for group in np.split(order, bounds):
        a = arrays[key[group[0]]]
        partners = other[group]
        if not len(a):
            continue
        keys = np.concatenate([arrays[p] for p in partners])
        if not len(keys):
            continue
        segment = np.repeat(np.arange(len(group)), lengths[partners])
        at = np.minimum(np.searchsorted(a, keys), len(a) - 1)
        hit = a[at] == keys
        inter[group] = np.bincount(segment[hit], minlength=len(group))
    na, nb = lengths[ia], lengths[ib]
    valid = (na > 0) & (nb > 0)
    small = np.minimum(na, nb)
    with np.errstate(divide="ignore", invalid="ignore"):
        j = inter / (na + nb - inter)
        contained = inter / small
    out = np.where(
        small < MIN_SHINGLES,
        j >= SHORT_TEXT_JACCARD,
        (j >= COPY_JACCARD) | (contained >= COPY_CONTAINMENT),
    )
    return out & valid


def _ranked_rows(
    store: Store, groups: list[list[str]], signatures: dict[str, np.ndarray], cur
) -> dict[str, tuple[str, int, bool, float]]:
    """article_id -> (cluster_id, rank, is_first, similarity to the first publisher).

    Rank: publication date (undated last), then the time the article was stored, then id.
    The cluster is named after its first publisher's article id.
    """
    ids = [aid for g in groups for aid in g]
    when: dict[str, tuple] = {}
    sql = "SELECT id, published_at, added_at FROM articles WHERE id IN ({marks})"
    for aid, pub, added in _in_chunks(store, cur, sql, ids):
        when[aid] = (
            pub is None,
            str(pub)[:10] if pub is not None else "",
            str(added) if added is not None else "",
        )
    rows: dict[str, tuple[str, int, bool, float]] = {}
    for g in groups:
        order = sorted((aid for aid in g if aid in when), key=lambda a: (*when[a], a))
        if len(order) < 2:
            continue
        first = order[0]
        for rank, aid in enumerate(order):
            # MinHash.jaccard()'s arithmetic on the values: matching slots / slots.
            same = np.count_nonzero(signatures[first] == signatures[aid])
            sim = 1.0 if rank == 0 else float(same) / float(len(signatures[first]))
            rows[aid] = (first, rank, rank == 0, round(sim, 3))
    return rows


# --------------------------------------------------------------------------- page data


def cluster_copies(store: Store, f: Filters) -> pd.DataFrame:
    """Every member of every cluster that has at least one article within the filters.

    The count mode is ignored here: this view is about the copies themselves.
    """
    where, params = store.where(replace(f, count_mode="copies"), alias="x")
    df = store.frame(
        f"""SELECT c.cluster_id, c.rank, c.is_first, c.similarity, a.id AS article_id,
                   a.outlet, a.outlet_domain, a.title, a.language, a.published_at,
                   a.date_source, a.url
            FROM article_clusters c JOIN articles a ON a.id = c.article_id
            WHERE c.cluster_id IN (
                SELECT c2.cluster_id FROM article_clusters c2
                JOIN articles x ON x.id = c2.article_id WHERE {where})
            ORDER BY c.cluster_id, c.rank""",
        params,
    )
    credits = store.frame(
        """SELECT g.article_id, g.agency FROM agency_credits g
           JOIN article_clusters c ON c.article_id = g.article_id"""
    )
    # One pass in Python: a groupby with a lambda per article cost ~0.1 ms an article.
    named: dict[str, set[str]] = {}
    for aid, agency in zip(credits["article_id"], credits["agency"], strict=True):
        named.setdefault(aid, set()).add(agency)
    df["agencies"] = [", ".join(sorted(named[a])) if a in named else "" for a in df["article_id"]]
    df["is_first"] = df["is_first"].astype(bool)
    return df


CLUSTER_COLUMNS = [
    "cluster_id", "size", "first_outlet", "first_title", "first_date", "last_date",
    "outlets", "agencies", "min_similarity",
]  # fmt: skip


def clusters(store: Store, f: Filters) -> pd.DataFrame:
    """One row per cluster: size, first publisher, dates, outlets, agencies credited."""
    return cluster_table(cluster_copies(store, f))


def cluster_table(copies: pd.DataFrame) -> pd.DataFrame:
    """clusters() from cluster_copies()' rows (a page that has them already need not read
    them twice). One pass over the rows in Python: a pandas group per cluster cost ~10 ms
    a cluster (7 s for the ~750 clusters of a 10,000-article store)."""
    if copies.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    acc: dict[str, dict] = {}
    for cid, is_first, outlet, title, published, agencies, sim in zip(
        copies["cluster_id"], copies["is_first"], copies["outlet"], copies["title"],
        copies["published_at"], copies["agencies"], copies["similarity"], strict=True,
    ):  # fmt: skip
        c = acc.get(cid)
        if c is None:
            # The cluster's first row stands for the first publisher until one is marked.
            c = acc[cid] = {"size": 0, "first": None, "row": (outlet, title, published),
                            "dates": [], "outlets": set(), "agencies": set(), "sim": sim}  # fmt: skip
        c["size"] += 1
        if is_first and c["first"] is None:
            c["first"] = (outlet, title, published)
        if not pd.isna(published):
            c["dates"].append(published)
        c["outlets"].add(outlet)
        c["agencies"].update(a for a in agencies.split(", ") if a)
        c["sim"] = min(c["sim"], sim)
    rows = []
    for cid, c in acc.items():
        outlet, title, published = c["first"] or c["row"]
        rows.append(
            {
                "cluster_id": cid,
                "size": c["size"],
                "first_outlet": outlet,
                "first_title": title,
                "first_date": published,
                "last_date": max(c["dates"]) if c["dates"] else None,
                "outlets": len(c["outlets"]),
                "agencies": ", ".join(sorted(c["agencies"])),
                "min_similarity": float(c["sim"]),
            }
        )
    return pd.DataFrame(rows, columns=CLUSTER_COLUMNS).sort_values(
        ["size", "first_date"], ascending=[False, False], ignore_index=True
    )


def agency_credit_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Articles crediting each agency (respects the count mode like every count)."""
    where, params = store.where(f)
    return store.frame(
        f"""SELECT g.agency, COUNT(DISTINCT g.article_id) AS articles
            FROM agency_credits g JOIN articles a ON a.id = g.article_id
            WHERE {where} GROUP BY g.agency ORDER BY articles DESC, g.agency""",
        params,
    )


# --------------------------------------------------------------------------- copy diff

_PUNCT_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
_DIGIT = re.compile(r"\d")
# Sentences paired as "edited" (rather than one removed and one added) need at least
# this share of matching words.
EDITED_RATIO = 0.5


def _word_key(word: str) -> str:
    return _PUNCT_EDGES.sub("", normalize(word)) or word


def _sentence_key(sentence: str) -> tuple[str, ...]:
    return tuple(normalize(t) for t in tokenize(sentence))


def _sentences(article: Article) -> list[str]:
    return [s for p in article.paragraphs for s in split_sentences(p)]


def word_ops(a: str, b: str) -> list[tuple[str, str]]:
    """Word diff of two sentences: ('equal'|'delete'|'insert', word as written).

    Words keep their punctuation for display; they are compared in matching form.
    """
    wa, wb = a.split(), b.split()
    ka, kb = [_word_key(w) for w in wa], [_word_key(w) for w in wb]
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.extend(("equal", w) for w in wb[j1:j2])
        else:
            ops.extend(("delete", w) for w in wa[i1:i2])
            ops.extend(("insert", w) for w in wb[j1:j2])
    return ops


def _replacements(a: str, b: str) -> list[tuple[str, str]]:
    """(original words, copy words) of each replaced stretch between two sentences."""
    wa, wb = a.split(), b.split()
    ka, kb = [_word_key(w) for w in wa], [_word_key(w) for w in wb]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append((" ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return out


def _numbers_in(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", to_ascii_digits(text))


def _looks_like_name_change(old: str, new: str) -> bool:
    """A respelling or swap of a proper name: short stretches on both sides, no digits,
    and either spelled alike (العمر/العمري, Kim Jong-un/Kim Jong Un) or capitalised."""
    if not old or not new or _DIGIT.search(old + new):
        return False
    if len(old.split()) > 3 or len(new.split()) > 3:
        return False
    alike = difflib.SequenceMatcher(None, normalize(old), normalize(new)).ratio() >= 0.6
    capitalised = old[:1].isupper() and new[:1].isupper()
    return alike or capitalised


def copy_diff(original: Article, copy: Article) -> dict:
    """What a republisher changed against the original dispatch.

    Returns: title (original, copy, changed); kept (sentences unchanged);
    removed_sentences / added_sentences (no counterpart on the other side);
    edited: [{original, copy, ratio, ops}] for near-identical sentence pairs, ops being
    the word diff; word_diff: the ops of every edited pair, in order; changed_numbers:
    [{original, copy, sentence}] (a number replaced, or present on one side only, inside an
    edited sentence); changed_names: [{original, copy}] (respelled or swapped names);
    changed_words: [{original, copy}] (other replaced wording); similarity: Jaccard of the
    word 3-shingles of the two bodies.
    """
    a_sents, b_sents = _sentences(original), _sentences(copy)
    a_keys, b_keys = [_sentence_key(s) for s in a_sents], [_sentence_key(s) for s in b_sents]
    # Identical sentences first (order-free: republishers move paragraphs around).
    free_b: dict[tuple[str, ...], list[int]] = {}
    for j, k in enumerate(b_keys):
        free_b.setdefault(k, []).append(j)
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for i, k in enumerate(a_keys):
        if free_b.get(k):
            matched_a.add(i)
            matched_b.add(free_b[k].pop(0))
    rest_a = [i for i in range(len(a_sents)) if i not in matched_a]
    rest_b = [j for j in range(len(b_sents)) if j not in matched_b]
    scored = []
    for i in rest_a:
        for j in rest_b:
            ratio = difflib.SequenceMatcher(None, a_keys[i], b_keys[j], autojunk=False).ratio()
            if ratio >= EDITED_RATIO:
                scored.append((ratio, i, j))
    edited = []
    for ratio, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in matched_a or j in matched_b:
            continue
        matched_a.add(i)
        matched_b.add(j)
        edited.append(
            {
                "original": a_sents[i],
                "copy": b_sents[j],
                "ratio": round(ratio, 3),
                "ops": word_ops(a_sents[i], b_sents[j]),
                "_order": j,
            }  # fmt: skip
        )
    edited.sort(key=lambda e: e.pop("_order"))

    changed_numbers: list[dict] = []
    changed_names: list[dict] = []
    changed_words: list[dict] = []
    # The day and month of a dateline («القاهرة - 6 - 4 (أ ش أ)») are not figures of the
    # story: a republisher that drops or rewrites the dateline changed no number.
    dateline_numbers = {
        n
        for art in (original, copy)
        if art.paragraphs
        for n in _numbers_in(_dateline(art.paragraphs[0]))
    }
    for e in edited:
        lead = e["original"] == a_sents[0] if a_sents else False
        for old, new in _replacements(e["original"], e["copy"]):
            old_n, new_n = _numbers_in(old), _numbers_in(new)
            if lead:
                old_n = [n for n in old_n if n not in dateline_numbers]
                new_n = [n for n in new_n if n not in dateline_numbers]
            if old_n != new_n and (old_n or new_n):
                changed_numbers.append(
                    {"original": " ".join(old_n), "copy": " ".join(new_n), "sentence": e["copy"]}
                )
            elif _looks_like_name_change(old, new):
                changed_names.append({"original": old, "copy": new})
            else:
                changed_words.append({"original": old, "copy": new})

    return {
        "title": {
            "original": original.title,
            "copy": copy.title,
            "changed": _sentence_key(original.title) != _sentence_key(copy.title),
        },
        "kept": len(matched_a) - len(edited),
        "removed_sentences": [a_sents[i] for i in range(len(a_sents)) if i not in matched_a],
        "added_sentences": [b_sents[j] for j in range(len(b_sents)) if j not in matched_b],
        "edited": edited,
        "word_diff": [e["ops"] for e in edited],
        "changed_numbers": changed_numbers,
        "changed_names": changed_names,
        "changed_words": changed_words,
        "similarity": round(jaccard(shingles(" ".join(a_sents)), shingles(" ".join(b_sents))), 3),
    }


# --------------------------------------------------------------------------- agency credits

_DATELINE_HEAD = 90  # characters at the start of the first paragraph that form a dateline
_SIGN_OFF_MAX = 40  # a last paragraph this short can be a sign-off («(وكالات)», "— AFP")
_PARENS = re.compile(r"\(([^()]{1,50})\)")
_SLASHED = re.compile(r"/\s*([^/\n]{1,30}?)\s*/")
_PIECE_SPLIT = re.compile(r"\s*(?:[-–—/،,:;|]|\s+و(?=\s))\s*")
_CLITICS = "(?:[وفبلك]|وب|ول|فب|فل)?"
_SOURCE_WORDS = ("المصدر", "source", "sources", "بحسب", "عن")


def _credit_key(text: str) -> str:
    """Comparable form of a credit: normalised, dots and brackets dropped, spaces folded."""
    t = normalize(text).replace(".", " ").replace("«", " ").replace("»", " ")
    return " ".join(t.strip(" ()[]-–—:،,").split())


@cache
def _credit_lexicon() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str, str], ...]]:
    """(credit-position variants: key -> agency, free-mention patterns with the first word
    each needs: a substring test skips most patterns before any regex runs)."""
    exact: dict[str, str] = {}
    free: list[tuple[re.Pattern[str], str, str]] = []
    for fields in load_fields("agency_credits.txt"):
        if len(fields) < 2:
            continue
        agency, variant = fields[0], fields[1]
        mode = fields[2] if len(fields) > 2 else "credit"
        key = _credit_key(variant)
        exact.setdefault(key, agency)
        if mode == "free":
            body = r"\s+".join(re.escape(w) for w in key.split())
            pattern = re.compile(rf"(?<!\w){_CLITICS}{body}(?!\w)")
            free.append((pattern, agency, key.split()[0] if key.split() else ""))
    return exact, tuple(free)


class _CharTable(dict):
    """str.translate table from a code point to f(that one character), filled on first
    use (bounded, whatever the input's alphabet): one C-level call per text."""

    def __init__(self, f) -> None:
        super().__init__()
        self.f = f

    def __missing__(self, code: int) -> str:
        out = self.f(chr(code))
        if len(self) < 65_536:
            self[code] = out
        return out


# normalize() of each character; and the length of that as one ASCII character ("0" + n:
# NFKC expands one character to at most 18).
_NORM_CHARS = _CharTable(normalize)
_NORM_LENGTHS = _CharTable(lambda ch: chr(48 + len(normalize(ch))))


def _norm_map(text: str) -> tuple[str, np.ndarray]:
    """Normalised text (normalize() character by character) with, for each of its
    characters, the index in the original."""
    lengths = np.frombuffer(text.translate(_NORM_LENGTHS).encode("ascii"), dtype=np.uint8) - 48
    return text.translate(_NORM_CHARS), np.repeat(np.arange(len(text)), lengths)


def _piece_credits(text: str, exact: dict[str, str]) -> list[str]:
    """Agencies named by a credit string such as «بترا - كونا» or "Reuters/AFP"."""
    found = []
    whole = _credit_key(text)
    if whole in exact:
        return [exact[whole]]
    for piece in _PIECE_SPLIT.split(text):
        key = _credit_key(piece)
        for word in _SOURCE_WORDS:
            if key.startswith(word + " "):
                key = key[len(word) + 1 :]
        if key in exact:
            found.append(exact[key])
    return found


def _dateline(first: str) -> str:
    """The dateline part of a first paragraph: up to the dash/colon that ends it."""
    head = first[:_DATELINE_HEAD]
    m = re.search(r"\s(?:--|—|–)\s|:\s", head)
    if m:
        return head[: m.start()]
    dashes = [m.start() for m in re.finditer(r"\s-\s", head)]
    # «الكويت - كونا - وقع ...»: the dateline ends at the last dash of the head.
    return head[: dashes[-1]] if dashes else ""


def detect_agency_credits(text: str) -> list[tuple[str, str]]:
    """Agencies a text credits, as (agency, matched text), in order of appearance.

    Looked for: any parenthesised credit «(كونا)» «(بترا - كونا)» "(Reuters)"; the dateline
    at the start of the first paragraph («الكويت - كونا -», "LONDON (Reuters) -"); a short
    sign-off paragraph («وكالات», "— AFP"); and unambiguous agency names mentioned in the
    first or last paragraph ("نقلت وكالة رويترز"). Ambiguous short forms (بترا, قنا, SPA)
    count only in the credit positions.
    """
    exact, free = _credit_lexicon()
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return []
    hits: list[tuple[int, int, str, str]] = []  # (paragraph, offset, agency, text)

    for p, para in enumerate(paragraphs):
        for m in _PARENS.finditer(para):
            for agency in _piece_credits(m.group(1), exact):
                hits.append((p, m.start(), agency, m.group(0)))

    dateline = _dateline(paragraphs[0])
    if dateline:
        for agency in _piece_credits(_PARENS.sub(" ", dateline), exact):
            hits.append((0, 0, agency, dateline.strip()))
    # Gulf agencies put the credit between slashes: «أبوظبي في 6 أبريل / وام / ...».
    for m in _SLASHED.finditer(paragraphs[0][:_DATELINE_HEAD]):
        for agency in _piece_credits(m.group(1), exact):
            hits.append((0, m.start(), agency, m.group(0).strip()))

    last = paragraphs[-1]
    if len(paragraphs) > 1 and len(last) <= _SIGN_OFF_MAX:
        for agency in _piece_credits(_PARENS.sub(lambda m: m.group(1), last), exact):
            hits.append((len(paragraphs) - 1, 0, agency, last.strip()))

    edges = {0, len(paragraphs) - 1}
    for p in sorted(edges):
        norm, idx = _norm_map(paragraphs[p])
        for pattern, agency, word in free:
            if word not in norm:  # the pattern cannot match: skip the regex scan
                continue
            for m in pattern.finditer(norm):
                start, end = int(idx[m.start()]), int(idx[m.end() - 1]) + 1
                hits.append((p, start, agency, paragraphs[p][start:end]))

    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for _p, _o, agency, matched in sorted(hits, key=lambda h: (h[0], h[1])):
        if agency not in seen:
            seen.add(agency)
            out.append((agency, matched))
    return out


# --------------------------------------------------------------------------- evaluation


def pair_precision_recall(
    predicted: Iterable[Iterable[str]], truth: Iterable[Iterable[str]]
) -> tuple[float, float]:
    """Precision and recall of pairwise same-cluster decisions (singletons may be omitted)."""

    def pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
        out = set()
        for g in groups:
            members = sorted(set(g))
            out.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
        return out

    got, want = pairs(predicted), pairs(truth)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall
