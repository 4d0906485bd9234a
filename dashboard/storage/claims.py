"""The claim map's stored state: statements, their vectors and claims, kept in the store.

`update_claims(store)` embeds the statements of every article not yet processed and
assigns them to claims (analysis/claims.py), incrementally: the claims already stored stay
and new statements join them or open new ones. Ingest calls it after storing (see
ingest.py, setting DASHBOARD_CLAIM_MAP); the Framing page only reads (`claim_rows`), so
opening the claim map never embeds anything.

Tables (migration 006_claims in store.py, portable between DuckDB and PostgreSQL, vectors
as base64 float16 TEXT):
  claim_articles  one row per processed article (also those without any statement)
  claim_units     one row per statement: its text, paragraph, claim and vector
  claim_members   one row per (statement, claim it belongs to): the claim it joined
                  (joined = 1) and the others it also carries (migration 009); the map
                  and its cells read this table
  claim_clusters  one row per claim: representative statement, exemplar vectors, size
  claim_language_means  the running mean vector of each language (centring)
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis import claims as claim_analysis
from dashboard.model import Article
from dashboard.storage.store import Filters, Store

CLAIM_TABLES = (
    "claim_articles",
    "claim_units",
    "claim_members",
    "claim_clusters",
    "claim_language_means",
)
# Articles embedded and assigned per round: bounds memory (parsed articles and their
# vectors) and lets a long update report progress and commit as it goes.
ROUND = 200

Progress = Callable[[int, int], None]


def _pack(vec: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vec, dtype=np.float16).tobytes()).decode("ascii")


def _unpack(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float64)


def _pack_exemplars(exemplars: list[claim_analysis.Exemplar]) -> str:
    return json.dumps(
        [
            [
                e.language,
                base64.b64encode(np.asarray(e.vector, dtype=np.float32).tobytes()).decode(),
                e.terms,
            ]
            for e in exemplars
        ],
        ensure_ascii=False,
    )


def _unpack_exemplars(text: str) -> list[claim_analysis.Exemplar]:
    return [
        claim_analysis.Exemplar(
            language,
            np.frombuffer(base64.b64decode(b64), dtype=np.float32).astype(np.float64),
            list(terms),
        )
        for language, b64, terms in json.loads(text)
    ]


@dataclass
class ClaimUpdate:
    articles: int = 0
    units: int = 0
    new_claims: int = 0
    seconds_embedding: float = 0.0
    seconds_total: float = 0.0


def pending_count(store: Store) -> int:
    """Stored articles whose statements are not yet in the claim map."""
    return int(
        store.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM claim_articles c WHERE c.article_id = a.id)"
        )[0][0]
    )


def _pending_ids(store: Store) -> list[str]:
    rows = store.execute(
        "SELECT id FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM claim_articles c WHERE c.article_id = a.id) "
        "ORDER BY published_at NULLS LAST, id"
    )
    return [r[0] for r in rows]


def _load_state(
    store: Store,
) -> tuple[list[claim_analysis.Claim], claim_analysis.LanguageMeans, int]:
    means = claim_analysis.LanguageMeans()
    for language, n, total in store.execute("SELECT language, n, total FROM claim_language_means"):
        means.sums[language] = np.frombuffer(base64.b64decode(total), dtype=np.float64).copy()
        means.counts[language] = int(n)
    claims: list[claim_analysis.Claim] = []
    for cid, rep, lang, exemplars, members in store.execute(
        "SELECT claim_id, representative, language, exemplars, members FROM claim_clusters "
        "ORDER BY claim_id"
    ):
        claims.append(
            claim_analysis.Claim(
                claim_id=int(cid),
                representative=rep,
                language=lang,
                exemplars=_unpack_exemplars(exemplars),
                members=int(members),
            )
        )
    next_id = max((c.claim_id for c in claims), default=0) + 1
    return claims, means, next_id


def update_claims(
    store: Store, progress: Progress | None = None, limit: int | None = None
) -> ClaimUpdate:
    """Embed and assign the statements of every article not yet in the claim map.

    Each round is one transaction: the statements, the claims they changed and the
    language means are written together, so an interrupted update resumes where it
    stopped. Statements of deleted articles are dropped first (their claims keep the
    vectors they contributed; the map only ever shows stored articles).
    """
    started = time.perf_counter()
    report = ClaimUpdate()
    with store.backend.transaction() as cur:
        for table in ("claim_units", "claim_members", "claim_articles"):
            cur.execute(
                f"DELETE FROM {table} t WHERE NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.id = t.article_id)"
            )
    ids = _pending_ids(store)
    if limit is not None:
        ids = ids[:limit]
    if not ids:
        return report
    claims, means, next_id = _load_state(store)
    by_id = {c.claim_id: c for c in claims}
    for start in range(0, len(ids), ROUND):
        chunk = ids[start : start + ROUND]
        articles = store.get_articles(chunk)
        units = [u for a in articles for u in claim_analysis.claim_units(a)]
        t0 = time.perf_counter()
        vectors = _embed_dedup([u.text for u in units])
        report.seconds_embedding += time.perf_counter() - t0
        for language in {u.language for u in units}:
            mask = np.array([u.language == language for u in units])
            means.add(language, vectors[mask])
        before = len(claims)
        assignments = claim_analysis.assign(units, vectors, claims, means, next_id)
        next_id = max([next_id, *(a.claim_id + 1 for a in assignments)])
        changed = {a.claim_id for a in assignments}
        for claim in claims[before:]:
            by_id[claim.claim_id] = claim
        _write_round(store, articles, assignments, vectors, [by_id[c] for c in changed], means)
        report.articles += len(articles)
        report.units += len(units)
        report.new_claims += len(claims) - before
        if progress:
            progress(start + len(chunk), len(ids))
    report.seconds_total = time.perf_counter() - started
    return report


def _embed_dedup(texts: list[str]) -> np.ndarray:
    """Vectors of `texts`, each distinct text embedded once (wire copies repeat sentences)."""
    distinct = list(dict.fromkeys(texts))
    vecs = claim_analysis.embed(distinct)
    row = {t: i for i, t in enumerate(distinct)}
    return vecs[[row[t] for t in texts]] if texts else vecs


def _write_round(
    store: Store,
    articles: list[Article],
    assignments: list[claim_analysis.Assignment],
    vectors: np.ndarray,
    changed: list[claim_analysis.Claim],
    means: claim_analysis.LanguageMeans,
) -> None:
    unit_rows = [
        (
            a.unit.article_id,
            a.unit.idx,
            a.unit.paragraph,
            a.unit.text,
            a.unit.language,
            a.claim_id,
            float(a.score),
            _pack(v),
        )
        for a, v in zip(assignments, vectors, strict=True)
    ]
    member_rows = [
        (a.unit.article_id, a.unit.idx, cid, float(score), joined)
        for a in assignments
        for cid, score, joined in ((a.claim_id, a.score, 1), *((c, s, 0) for c, s in a.also))
    ]
    units_per_article: dict[str, int] = {}
    for a in assignments:
        units_per_article[a.unit.article_id] = units_per_article.get(a.unit.article_id, 0) + 1
    article_rows = [(a.id, units_per_article.get(a.id, 0)) for a in articles]
    claim_rows = [
        (c.claim_id, c.representative, c.language, _pack_exemplars(c.exemplars), c.members)
        for c in changed
    ]
    mean_rows = [
        (lang, means.counts[lang], base64.b64encode(means.sums[lang].tobytes()).decode("ascii"))
        for lang in means.sums
    ]
    with store.backend.transaction() as cur:
        if changed:
            ids = [c.claim_id for c in changed]
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                marks = ",".join("?" for _ in part)
                cur.execute(
                    store._sql(f"DELETE FROM claim_clusters WHERE claim_id IN ({marks})"), part
                )
        cur.execute("DELETE FROM claim_language_means")
        for table, rows in (
            ("claim_units", unit_rows),
            ("claim_members", member_rows),
            ("claim_articles", article_rows),
            ("claim_clusters", claim_rows),
            ("claim_language_means", mean_rows),
        ):
            if rows:
                store._bulk_insert(cur, table, rows)
        store._bump_version(cur)


# --------------------------------------------------------------------------- reads


def claim_cells(store: Store, article_ids: list[str]) -> dict[int, set[str]]:
    """Claim id -> the outlets whose articles (among `article_ids`) carry it (a statement
    carries every claim it is a member of).

    The call for measuring the claim map against hand annotations: give it a story's
    articles, compare its cells with the annotated (claim, outlet) pairs. Wire copies
    count as their own outlet here (each outlet that printed the claim carries it).
    """
    if not article_ids:
        return {}
    out: dict[int, set[str]] = {}
    for i in range(0, len(article_ids), 500):
        part = article_ids[i : i + 500]
        marks = ",".join("?" for _ in part)
        for cid, outlet in store.execute(
            f"""SELECT DISTINCT m.claim_id, a.outlet FROM claim_members m
                JOIN articles a ON a.id = m.article_id WHERE m.article_id IN ({marks})""",
            part,
        ):
            out.setdefault(int(cid), set()).add(outlet)
    return out


def claim_rows(store: Store, f: Filters) -> pd.DataFrame:
    """One row per (claim, outlet) under the filters, every copy included: statements and
    articles behind the cell, the earliest statement, and whether every article behind
    the cell is a republished wire copy (`copy_of`: the wire cluster, else empty)."""
    copies = Filters.from_key(f.key()[:4] + ("copies",) + f.key()[5:])
    where, params = store.where(copies)
    df = store.frame(
        f"""SELECT m.claim_id, a.outlet, COUNT(*) AS statements,
                   COUNT(DISTINCT m.article_id) AS articles,
                   MIN(CASE WHEN c.article_id IS NULL OR c.is_first THEN 0 ELSE 1 END)
                       AS only_copies,
                   MIN(c.cluster_id) AS cluster_id
            FROM claim_members m
            JOIN articles a ON a.id = m.article_id
            LEFT JOIN article_clusters c ON c.article_id = m.article_id
            WHERE {where}
            GROUP BY m.claim_id, a.outlet""",
        params,
    )
    if df.empty:
        return pd.DataFrame(
            columns=["claim_id", "outlet", "statements", "articles", "only_copies", "cluster_id"]
        )
    df["claim_id"] = df["claim_id"].astype(int)
    df["statements"] = df["statements"].astype(int)
    df["articles"] = df["articles"].astype(int)
    df["only_copies"] = df["only_copies"].astype(int).astype(bool)
    return df


def claim_texts(store: Store, f: Filters, claim_ids: list[int]) -> pd.DataFrame:
    """Representative statement of each claim under the filters: the earliest statement
    (by publication date) among the selected articles that joined the claim (else the
    earliest that also carries it), in its own language."""
    if not claim_ids:
        return pd.DataFrame(columns=["claim_id", "text", "language"])
    copies = Filters.from_key(f.key()[:4] + ("copies",) + f.key()[5:])
    where, params = store.where(copies)

    def earliest(source: str, ids: list[int]) -> pd.DataFrame:
        marks = ",".join("?" for _ in ids)
        return store.frame(
            f"""SELECT u.claim_id, u.text, u.language, a.published_at, u.article_id, u.idx
                FROM {source} JOIN articles a ON a.id = u.article_id
                WHERE {where} AND u.claim_id IN ({marks})
                ORDER BY u.claim_id, a.published_at NULLS LAST, u.article_id, u.idx""",
            [*params, *ids],
        ).drop_duplicates("claim_id")

    # The joined statements are claim_units' own claim ids: read them there (a third of
    # the membership rows), and claim_members only for claims with none selected.
    df = earliest("claim_units u", claim_ids)
    rest = sorted(set(claim_ids) - set(df["claim_id"].astype(int)))
    if rest:
        also = earliest(
            """(SELECT m.claim_id, c.text, c.language, c.article_id, c.idx
                FROM claim_members m
                JOIN claim_units c ON c.article_id = m.article_id AND c.idx = m.idx) u""",
            rest,
        )
        df = pd.concat([df, also], ignore_index=True)
    return df[["claim_id", "text", "language"]].reset_index(drop=True)


def claim_sentences(
    store: Store, f: Filters, claim_id: int, outlet: str | None = None
) -> pd.DataFrame:
    """The statements behind a claim (or one cell of it), with their article: those that
    joined it and those that also carry it."""
    copies = Filters.from_key(f.key()[:4] + ("copies",) + f.key()[5:])
    where, params = store.where(copies)
    extra, more = "", []
    if outlet is not None:
        extra, more = " AND a.outlet = ?", [outlet]
    return store.frame(
        f"""SELECT u.text AS sentence, a.title, a.outlet, a.published_at, u.article_id,
                   a.language
            FROM claim_members m
            JOIN claim_units u ON u.article_id = m.article_id AND u.idx = m.idx
            JOIN articles a ON a.id = m.article_id
            WHERE {where} AND m.claim_id = ?{extra}
            ORDER BY a.outlet, a.published_at NULLS LAST, u.article_id, u.idx""",
        [*params, claim_id, *more],
    )


def reassign_claims(store: Store) -> ClaimUpdate:
    """Rebuild every claim from the stored statement vectors, without embedding anything:
    after the thresholds change, or to undo the order effects of many small updates.
    Statements keep their text and vectors; their claim ids, the claims and the language
    means are rewritten. Articles not yet processed stay pending."""
    started = time.perf_counter()
    rows = store.execute(
        """SELECT u.article_id, u.idx, u.paragraph, u.text, u.language, u.vector
           FROM claim_units u JOIN articles a ON a.id = u.article_id
           ORDER BY a.published_at NULLS LAST, u.article_id, u.idx"""
    )
    units = [
        claim_analysis.ClaimUnit(aid, int(idx), int(par or 0), text, lang or "",
                                 claim_analysis.content_terms(text))
        for aid, idx, par, text, lang, _ in rows
    ]  # fmt: skip
    vectors = np.vstack([_unpack(r[5]) for r in rows]) if rows else np.zeros((0, 384))
    means = claim_analysis.LanguageMeans()
    for language in {u.language for u in units}:
        means.add(language, vectors[np.array([u.language == language for u in units])])
    claims: list[claim_analysis.Claim] = []
    assignments = claim_analysis.assign(units, vectors, claims, means, 1)
    with store.backend.transaction() as cur:
        for table in ("claim_units", "claim_members", "claim_clusters", "claim_language_means"):
            cur.execute(f"DELETE FROM {table}")
    # claim_articles is left as it is (processed articles stay processed); the units,
    # claims and means are written as one round without new articles.
    _write_round(store, [], assignments, vectors, claims, means)
    return ClaimUpdate(
        articles=len({u.article_id for u in units}),
        units=len(units),
        new_claims=len(claims),
        seconds_total=time.perf_counter() - started,
    )
