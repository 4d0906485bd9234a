"""Outlet-claim precision and recall of the claim map against hand annotations.

Usage (one story):

    from dashboard.storage.claims import claim_cells
    from dashboard.bench.claim_eval import score

    cells = claim_cells(store, story_article_ids)         # claim id -> outlets
    gold = {"signing": {"Outlet A", "Outlet B", ...}, ...}  # annotated claim -> outlets
    print(score(cells, gold))

Each annotated claim is matched to the found claim that shares most of its outlets (ties:
the one with fewer other outlets). With `support` (annotated claim -> found claim -> the
outlets whose statements of that found claim lie on the annotated lines, as
evaluate_claims.py computes it), the match is first the found claim with most such
outlets, so a claim is matched by what it says, not only by who carries it. A cell is an (annotated claim, outlet) pair: true
positive when the matched claim has the outlet, false positive for the matched claim's
other outlets, false negative for annotated outlets it lacks. Found claims matched to no
annotation are not counted (the annotation lists the main claims, not every statement).
"""

from __future__ import annotations


def match(
    cells: dict[int, set[str]], want: set[str], support: dict[int, set[str]] | None = None
) -> tuple[int | None, set[str]]:
    """The found claim (id, outlets) best matching the annotated outlets `want`; with
    `support`, the found claim on the annotated lines of most outlets comes first."""
    if not cells:
        return None, set()
    sup = support or {}
    cid = max(
        cells,
        key=lambda c: (
            len(sup.get(c, set()) & want),
            len(cells[c] & want),
            -len(cells[c] - want),
            -c,
        ),
    )
    return cid, cells[cid]


def score(
    cells: dict[int, set[str]],
    gold: dict[str, set[str]],
    support: dict[str, dict[int, set[str]]] | None = None,
) -> dict:
    tp = fp = fn = 0
    per_claim = {}
    for name, want in gold.items():
        sup = (support or {}).get(name)
        cid, got = match(cells, set(want), sup)
        hit, extra, missed = len(got & want), len(got - want), len(set(want) - got)
        tp, fp, fn = tp + hit, fp + extra, fn + missed
        per_claim[name] = {
            "claim_id": cid,
            "found": sorted(got),
            "extra": sorted(got - want),
            "missed": sorted(set(want) - got),
            "on_lines": sorted((sup or {}).get(cid, set())),
        }
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "claims": per_claim,
    }
