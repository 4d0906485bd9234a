"""Claim-map thresholds measured leave-one-story-out on the annotated stories.

    python -m dashboard.bench.claims_sweep devset/texts --gold devset/claims \\
        --grid 0.45:0.35:0.45:0.35,0.45:0.35:off [--cache /tmp/units.pkl] [--json]

Each story is ingested once (as `evaluate-claims` does) and its statements, vectors and
the text lines they lie on are kept (in `--cache`, a pickle, so later sweeps skip the
embedding). Each grid point (`same:cross:member_same:member_cross`, or
`same:cross:off` for one claim per statement; a fifth field caps the other claims of a
statement, `analysis.claims.MEMBER_MAX` (empty: no cap); a sixth, `any`, checks other
memberships against every exemplar instead of each claim's founding statements) then re-runs the assignment in memory, as
`storage.claims.reassign_claims` would on the stored vectors, and scores the cells with
`claim_eval.score` and the same line support as `evaluate-claims`.

Leave-one-story-out: for each story, the grid point with the best pooled cells F1 on
the other stories is picked and that story is scored with it; the pooled held-out cells
are the honest figure for a threshold chosen on these stories.
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from dashboard.analysis import claims as ca
from dashboard.bench import claim_eval
from dashboard.bench import evaluate_claims as ev
from dashboard.bench.evaluate import load_manifest, paragraph_lines, text_lines

Point = tuple[float, float, float | None, float | None, int | None, bool]


def story_units(spec: dict[str, Any], texts: Path, manifest: dict) -> list[dict[str, Any]]:
    """The story's statements as the claim map stores them, in assignment order, each with
    its outlet, vector and the annotated-text lines it lies on."""
    from dashboard.ingest.ingest import ingest_result
    from dashboard.ingest.readers import ReadResult
    from dashboard.storage import claims as claim_store
    from dashboard.storage.store import open_store

    raws, _missing, by_file = ev.story_articles(spec, texts, manifest)
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="claims-sweep-") as tmp:
        store = open_store(f"duckdb:///{Path(tmp) / 'claims.duckdb'}")
        try:
            ingest_result(store, ReadResult(articles=raws), workers=1)
            if claim_store.pending_count(store):
                claim_store.update_claims(store)
            rows = store.execute(
                """SELECT u.article_id, a.source_file, a.outlet, u.idx, u.paragraph, u.text,
                          u.language, u.vector
                   FROM claim_units u JOIN articles a ON a.id = u.article_id
                   ORDER BY a.published_at NULLS LAST, u.article_id, u.idx"""
            )
            para: dict[str, list[set[int]]] = {}
            for sid, source, outlet, idx, paragraph, text, language, vector in rows:
                aid = by_file[source]
                lines = text_lines(texts / f"{aid}.txt")
                if sid not in para:
                    para[sid] = paragraph_lines(store.get_articles([sid])[0].paragraphs, lines)
                pl = para[sid]
                p = int(paragraph or 0)
                placed = ev._unit_lines(text, pl[p] if 0 <= p < len(pl) else set(), lines)
                out.append(
                    {
                        "aid": aid,
                        "article_id": sid,
                        "outlet": outlet,
                        "idx": int(idx),
                        "paragraph": p,
                        "text": text,
                        "language": language or "",
                        "vector": claim_store._unpack(vector),
                        "lines": placed,
                    }
                )
        finally:
            store.close()
    return out


def score_point(spec: dict[str, Any], units: list[dict[str, Any]], point: Point) -> dict:
    """Cells score of one story with the assignment re-run at `point`."""
    same, cross, msame, mcross, cap, founders = point
    ca.MEMBER_MAX = cap
    ca.MEMBER_FOUNDERS_ONLY = founders
    cunits = [
        ca.ClaimUnit(u["article_id"], u["idx"], u["paragraph"], u["text"], u["language"],
                     ca.content_terms(u["text"]))
        for u in units
    ]  # fmt: skip
    vectors = np.vstack([u["vector"] for u in units])
    means = ca.LanguageMeans()
    for language in {u.language for u in cunits}:
        means.add(language, vectors[np.array([u.language == language for u in cunits])])
    assignments = ca.assign(cunits, vectors, [], means, 1, same, cross, msame, mcross)
    cells: dict[int, set[str]] = {}
    placed: list[tuple[str, str, set[int], int]] = []
    for u, a in zip(units, assignments, strict=True):
        for cid in (a.claim_id, *(c for c, _ in a.also)):
            cells.setdefault(cid, set()).add(u["outlet"])
            placed.append((u["aid"], u["outlet"], u["lines"], cid))
    support: dict[str, dict[int, set[str]]] = {}
    for claim in spec["claims"]:
        sup: dict[int, set[str]] = {}
        for aid, outlet, lines, cid in placed:
            if lines & set(claim["lines"].get(aid, [])):
                sup.setdefault(cid, set()).add(outlet)
        support[claim["id"]] = sup
    gold = {c["id"]: set(c["outlets"]) for c in spec["claims"]}
    out = claim_eval.score(cells, gold, support=support)
    strict = claim_eval.score(cells, gold, support=support, one_to_one=True)
    out["strict"] = {k: strict[k] for k in ("tp", "fp", "fn")}
    out["statements"] = len(assignments)
    out["memberships"] = sum(1 + len(a.also) for a in assignments)
    return out


def _pooled(scores: list[dict]) -> dict[str, Any]:
    tp, fp, fn = (sum(s[k] for s in scores) for k in ("tp", "fp", "fn"))
    return ev._prf(tp, fp, fn)


def parse_point(text: str) -> Point:
    parts = text.split(":")
    same, cross = float(parts[0]), float(parts[1])
    if len(parts) < 3 or parts[2] == "off":
        return same, cross, None, None, None, True
    cap = int(parts[4]) if len(parts) > 4 and parts[4] not in ("all", "") else None
    founders = not (len(parts) > 5 and parts[5] == "any")
    msame = float(parts[2])
    return same, cross, msame, float(parts[3] if len(parts) > 3 else msame), cap, founders


def sweep(stories: dict[str, tuple[dict, list]], grid: list[Point]) -> dict[str, Any]:
    table = {
        point: {name: score_point(spec, units, point) for name, (spec, units) in stories.items()}
        for point in grid
    }
    names = sorted(stories)
    loso: dict[str, Any] = {}
    for held in names:
        rest = [n for n in names if n != held]
        best = max(grid, key=lambda p: (_pooled([table[p][n] for n in rest])["f1"], -grid.index(p)))
        loso[held] = {"point": best, "cells": _pooled([table[best][held]])}
    return {
        "grid": [
            {
                "point": p,
                "stories": {n: _pooled([table[p][n]]) for n in names},
                "all": _pooled([table[p][n] for n in names]),
                "one_to_one": _pooled([table[p][n]["strict"] for n in names]),
                "memberships_per_statement": round(
                    sum(table[p][n]["memberships"] for n in names)
                    / max(1, sum(table[p][n]["statements"] for n in names)),
                    2,
                ),
            }
            for p in grid
        ],
        "loso": loso,
        "loso_pooled": _pooled(
            [
                {"tp": v["cells"]["tp"], "fp": v["cells"]["fp"], "fn": v["cells"]["fn"]}
                for v in loso.values()
            ]
        ),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder")
    p.add_argument("--gold", required=True)
    p.add_argument("--manifest")
    p.add_argument("--grid", required=True, help="comma-separated same:cross[:msame:mcross|:off]")
    p.add_argument("--cache", help="pickle of the stories' statements (made when missing)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    gold = Path(args.gold)
    manifest = load_manifest(Path(args.manifest) if args.manifest else gold.parent / "manifests")
    specs = ev.load_stories(gold, split="dev")  # never choose thresholds on held-out stories
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        units = pickle.loads(cache.read_bytes())
    else:
        units = {s["story"]: story_units(s, Path(args.folder), manifest) for s in specs}
        if cache:
            cache.write_bytes(pickle.dumps(units))
    stories = {s["story"]: (s, units[s["story"]]) for s in specs}
    grid = [parse_point(t) for t in args.grid.split(",")]
    out = sweep(stories, grid)
    if args.json:
        print(json.dumps(out, indent=1, default=str))
        return 0
    for row in out["grid"]:
        cells = " ".join(
            f"{n[:8]} {v['precision']:.3f}/{v['recall']:.3f}" for n, v in row["stories"].items()
        )
        a, o = row["all"], row["one_to_one"]
        print(
            f"{row['point']}: all {a['precision']:.3f}/{a['recall']:.3f} F1 {a['f1']:.3f} "
            f"1:1 {o['precision']:.3f}/{o['recall']:.3f} "
            f"claims/statement {row['memberships_per_statement']} | {cells}"
        )
    print("leave-one-story-out:")
    for n, v in out["loso"].items():
        c = v["cells"]
        print(f"  {n:20} picked {v['point']}: {c['precision']:.3f}/{c['recall']:.3f}")
    c = out["loso_pooled"]
    print(f"  pooled held-out: {c['precision']:.3f}/{c['recall']:.3f} F1 {c['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
