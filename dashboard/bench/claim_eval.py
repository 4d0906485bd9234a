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

With `one_to_one=True` a found claim stands for at most one annotated claim (an optimal
assignment on the same preference): a map that lumps five annotated claims into one found
claim is credited once, and the other four annotated claims score as missed outlets. That
is the stricter reading; the default lets several annotated claims share a found claim.
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


def _preference(got: set[str], want: set[str], sup: set[str]) -> int:
    # Lexicographic (line support, shared outlets, -other outlets) as one number.
    return 10_000 * len(sup & want) + 100 * len(got & want) - len(got - want)


def assign_one_to_one(
    cells: dict[int, set[str]],
    gold: dict[str, set[str]],
    support: dict[str, dict[int, set[str]]] | None = None,
) -> dict[str, int | None]:
    """Annotated claim -> found claim id, each found claim used at most once, maximising
    the summed preference (only pairs sharing an outlet are allowed)."""
    from scipy.optimize import linear_sum_assignment

    names, cids = list(gold), sorted(cells)
    out: dict[str, int | None] = {n: None for n in names}
    if not names or not cids:
        return out
    import numpy as np

    gain = np.zeros((len(names), len(cids)))
    for i, n in enumerate(names):
        sup = (support or {}).get(n, {})
        for j, c in enumerate(cids):
            if cells[c] & gold[n]:
                gain[i, j] = 1_000_000 + _preference(cells[c], gold[n], sup.get(c, set()))
    rows, cols = linear_sum_assignment(-gain)
    for i, j in zip(rows, cols, strict=True):
        if gain[i, j] > 0:
            out[names[i]] = cids[j]
    return out


def score(
    cells: dict[int, set[str]],
    gold: dict[str, set[str]],
    support: dict[str, dict[int, set[str]]] | None = None,
    one_to_one: bool = False,
) -> dict:
    tp = fp = fn = 0
    per_claim = {}
    fixed = assign_one_to_one(cells, gold, support) if one_to_one else None
    for name, want in gold.items():
        sup = (support or {}).get(name)
        if fixed is not None:
            cid = fixed[name]
            got = cells[cid] if cid is not None else set()
        else:
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
