"""Outlet-claim precision and recall of the claim map against hand annotations.

Usage (one story):

    from dashboard.storage.claims import claim_cells
    from dashboard.bench.claim_eval import score

    cells = claim_cells(store, story_article_ids)         # claim id -> outlets
    gold = {"signing": {"Outlet A", "Outlet B", ...}, ...}  # annotated claim -> outlets
    print(score(cells, gold))

Each annotated claim is matched to the found claim that shares most of its outlets (ties:
the one with fewer other outlets). A cell is an (annotated claim, outlet) pair: true
positive when the matched claim has the outlet, false positive for the matched claim's
other outlets, false negative for annotated outlets it lacks. Found claims matched to no
annotation are not counted (the annotation lists the main claims, not every statement).
"""

from __future__ import annotations


def match(cells: dict[int, set[str]], want: set[str]) -> tuple[int | None, set[str]]:
    """The found claim (id, outlets) best matching the annotated outlets `want`."""
    if not cells:
        return None, set()
    cid = max(cells, key=lambda c: (len(cells[c] & want), -len(cells[c] - want), -c))
    return cid, cells[cid]


def score(cells: dict[int, set[str]], gold: dict[str, set[str]]) -> dict:
    tp = fp = fn = 0
    per_claim = {}
    for name, want in gold.items():
        cid, got = match(cells, set(want))
        hit, extra, missed = len(got & want), len(got - want), len(set(want) - got)
        tp, fp, fn = tp + hit, fp + extra, fn + missed
        per_claim[name] = {
            "claim_id": cid,
            "found": sorted(got),
            "extra": sorted(got - want),
            "missed": sorted(set(want) - got),
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
