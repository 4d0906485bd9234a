"""`python -m dashboard evaluate-claims TEXTS --gold devset/claims`: the claim map's
outlet-claim cells measured against hand annotations (issue 18, item 4).

For each annotated story (`devset/claims/<story>.json`, format in devset/claims/README.md)
its articles are read from TEXTS/<id>.txt (the page text: first line as headline, as
`evaluate` reads them), with outlet, language and publication date from the manifests,
and ingested into a fresh temporary DuckDB store the way a user's files are (parse,
wire-copy clustering, claim-map update). The claim map is then taken exactly as the
Framing page's "All outlets" mode shows it (`matrices.claim_map`, wire-copy switch at its
default: on, as the page's default count mode "clusters" sets it), and every cell it
shows (own article or wire copy) is an (outlet, claim) pair.

Matching (claim_eval.score): each annotated claim is matched to the found claim whose
statements lie on the annotated lines of the most outlets (statements are placed on the
text's non-empty lines through their paragraph); then cells are counted at outlet level.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.analysis.textproc import clean_invisible
from dashboard.bench import claim_eval
from dashboard.bench.evaluate import load_manifest, paragraph_lines, read_article, text_lines


@dataclass
class StoryResult:
    story: str
    outlets: int
    claims_annotated: int
    claims_found: int
    statements: int
    score: dict[str, Any]
    strict: dict[str, Any]
    missing_texts: list[str] = field(default_factory=list)
    representatives: dict[int, str] = field(default_factory=dict)


def load_stories(
    gold: Path, story: str | None = None, split: str | None = "dev"
) -> list[dict[str, Any]]:
    """The annotated stories, one story or one split of them: `dev` (the stories the
    thresholds were chosen on; a file without a split is dev), `heldout` (annotated after
    the thresholds were frozen, scored once), or None for all. Naming one story picks it
    whatever its split."""
    files = [gold] if gold.is_file() else sorted(gold.glob("*.json"))
    out = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    if story is not None:
        return [s for s in out if s["story"] == story]
    return [s for s in out if split is None or s.get("split", "dev") == split]


def story_articles(
    spec: dict[str, Any], texts: Path, manifest: dict
) -> tuple[list[Any], list[str], dict[str, str]]:
    """A story's articles read from their texts with the manifest's outlet, country, language
    and date; the ids whose text is missing; and each article's id by its file name."""
    raws, missing, by_file = [], [], {}
    for aid in spec["articles"]:
        path = texts / f"{aid}.txt"
        row = manifest.get(aid, {})
        if not path.exists():
            missing.append(aid)
            continue
        raw = read_article(
            path, row.get("language", ""), row.get("published", ""), row.get("url", "")
        )
        raw.outlet = row.get("outlet", "")
        raw.country = row.get("outlet_country", "")
        raws.append(raw)
        by_file[raw.source_file] = aid
    return raws, missing, by_file


def run_story(
    spec: dict[str, Any], texts: Path, manifest: dict[str, dict[str, str]]
) -> StoryResult:
    from dashboard.ingest.ingest import ingest_result
    from dashboard.ingest.readers import ReadResult
    from dashboard.storage import claims as claim_store
    from dashboard.storage import matrices
    from dashboard.storage.store import Filters, open_store

    raws, missing, by_file = story_articles(spec, texts, manifest)
    with tempfile.TemporaryDirectory(prefix="claims-eval-") as tmp:
        store = open_store(f"duckdb:///{Path(tmp) / 'claims.duckdb'}")
        try:
            ingest_result(store, ReadResult(articles=raws), workers=1)
            if claim_store.pending_count(store):  # DASHBOARD_CLAIM_MAP=off: update here
                claim_store.update_claims(store)
            cm = matrices.claim_map(store, Filters(), wire_once=True)
            cells = {
                int(cid): {o for o, v in row.items() if v}
                for cid, row in cm.values.to_dict(orient="index").items()
            }
            reps = {int(r.claim_id): str(r.text) for r in cm.table.itertuples()}
            support = _line_support(store, spec, texts, by_file)
            statements = int(store.execute("SELECT COUNT(*) FROM claim_units")[0][0])
        finally:
            store.close()
    gold = {c["id"]: set(c["outlets"]) for c in spec["claims"]}
    result = claim_eval.score(cells, gold, support=support)
    strict = claim_eval.score(cells, gold, support=support, one_to_one=True)
    return StoryResult(
        story=spec["story"],
        outlets=len({r.outlet for r in raws}),
        claims_annotated=len(gold),
        claims_found=len(cells),
        statements=statements,
        score=result,
        strict=strict,
        missing_texts=missing,
        representatives=reps,
    )


def _line_support(
    store, spec: dict[str, Any], texts: Path, by_file: dict[str, str]
) -> dict[str, dict[int, set[str]]]:
    """Annotated claim -> found claim -> outlets with a statement of it on the claim's
    annotated lines."""
    rows = store.execute(
        """SELECT a.id, a.source_file, a.outlet, u.paragraph, m.claim_id, u.text
           FROM claim_members m
           JOIN claim_units u ON u.article_id = m.article_id AND u.idx = m.idx
           JOIN articles a ON a.id = m.article_id"""
    )
    file_lines = {aid: text_lines(texts / f"{aid}.txt") for aid in by_file.values()}
    # (devset id, paragraph) -> lines, per stored article.
    para_lines: dict[str, list[set[int]]] = {}
    placed: list[tuple[str, str, set[int], int]] = []
    for sid, source, outlet, paragraph, cid, text in rows:
        aid = by_file.get(source)
        if aid is None:
            continue
        if sid not in para_lines:
            article = store.get_articles([sid])[0]
            para_lines[sid] = paragraph_lines(article.paragraphs, file_lines[aid])
        pl = para_lines[sid]
        lines = pl[int(paragraph)] if 0 <= int(paragraph or 0) < len(pl) else set()
        placed.append((aid, outlet, _unit_lines(text, lines, file_lines[aid]), int(cid)))
    out: dict[str, dict[int, set[str]]] = {}
    for claim in spec["claims"]:
        sup: dict[int, set[str]] = {}
        for aid, outlet, lines, cid in placed:
            if lines & set(claim["lines"].get(aid, [])):
                sup.setdefault(cid, set()).add(outlet)
        out[claim["id"]] = sup
    return out


def _squash(text: str) -> str:
    return " ".join(clean_invisible(text).split())


def _unit_lines(unit: str, para: set[int], lines: list[str]) -> set[int]:
    """The lines of its paragraph a statement is on: a paragraph of several single-newline
    lines is one paragraph to the reader, so the statement is looked up in each line (it
    lies inside one line, or spans whole lines); else the paragraph's lines."""
    u = _squash(unit)
    found = {i for i in para if u and (u in _squash(lines[i]) or _squash(lines[i]) in u)}
    return found or set(para)


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": _f1(p, r),
            "tp": tp, "fp": fp, "fn": fn}  # fmt: skip


def summary(results: list[StoryResult]) -> dict[str, Any]:
    """Per story and overall (cells pooled): `cells` lets several annotated claims share
    one found claim; `one_to_one` does not (the stricter reading)."""
    stories = {}
    for r in results:
        stories[r.story] = {
            "outlets": r.outlets,
            "claims_annotated": r.claims_annotated,
            "claims_found": r.claims_found,
            "statements": r.statements,
            "cells": _prf(r.score["tp"], r.score["fp"], r.score["fn"]),
            "one_to_one": _prf(r.strict["tp"], r.strict["fp"], r.strict["fn"]),
            "missing_texts": r.missing_texts,
        }
    overall = {
        key: _prf(*(sum(getattr(r, attr)[k] for r in results) for k in ("tp", "fp", "fn")))
        for key, attr in (("cells", "score"), ("one_to_one", "strict"))
    }
    return {"stories": stories, "overall": overall}


def misses(results: list[StoryResult], specs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in results:
        gloss = {c["id"]: c["gloss"] for c in specs[r.story]["claims"]}
        strict = r.strict["claims"]
        for name, c in r.score["claims"].items():
            out.append(
                {
                    "story": r.story,
                    "claim": name,
                    "gloss": gloss.get(name, ""),
                    "matched": c["claim_id"],
                    "representative": r.representatives.get(c["claim_id"], ""),
                    "found": c["found"],
                    "missing": c["missed"],
                    "extra": c["extra"],
                    "on_lines": c.get("on_lines", []),
                    "one_to_one": strict[name]["claim_id"],
                    "one_to_one_missing": strict[name]["missed"],
                }
            )
    return out


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of <id>.txt article texts (devset/texts)")
    p.add_argument("--gold", required=True, help="folder of <story>.json claim annotations")
    p.add_argument("--manifest", help="CSV or folder of CSVs (default: manifests/ beside --gold)")
    p.add_argument("--story", help="score one story only (whatever its split)")
    p.add_argument(
        "--split",
        default="dev",
        choices=("dev", "heldout", "all"),
        help="which annotated stories: dev (the thresholds were chosen on them, the default), "
        "heldout (annotated after the thresholds were frozen), or all",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--misses",
        action="store_true",
        help="list each annotated claim with the matched claim's representative sentence "
        "and its missing and extra outlets",
    )


def cli(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    manifest = load_manifest(Path(args.manifest) if args.manifest else gold.parent / "manifests")
    split = getattr(args, "split", "dev")
    specs = load_stories(gold, args.story, None if split == "all" else split)
    if not specs:
        print("no annotated story found", file=sys.stderr)
        return 1
    results = []
    for spec in specs:
        print(f"… {spec['story']}", file=sys.stderr, flush=True)
        results.append(run_story(spec, Path(args.folder), manifest))
    out = summary(results)
    if args.misses:
        out["misses"] = misses(results, {s["story"]: s for s in specs})
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"{'':24} {'':>7} {'':>6} {'':>6}  cells (shared matches)   one-to-one")
    print(
        f"{'story':24} {'outlets':>7} {'claims':>6} {'found':>6}  P     R     F1      P     R     F1"
    )

    def line(name: str, head: str, cells: dict, strict: dict, tail: str = "") -> None:
        print(
            f"{name:24} {head}  {cells['precision']:.3f} {cells['recall']:.3f} {cells['f1']:.3f}"
            f"   {strict['precision']:.3f} {strict['recall']:.3f} {strict['f1']:.3f}{tail}"
        )

    for name, s in out["stories"].items():
        head = f"{s['outlets']:>7} {s['claims_annotated']:>6} {s['claims_found']:>6}"
        tail = f"  (missing texts: {', '.join(s['missing_texts'])})" if s["missing_texts"] else ""
        line(name, head, s["cells"], s["one_to_one"], tail)
    line("overall", " " * 21, out["overall"]["cells"], out["overall"]["one_to_one"])
    for m in out.get("misses", []):
        if not m["missing"] and not m["extra"] and m["one_to_one"] == m["matched"]:
            continue
        print(f"\n{m['story']} {m['claim']}: {m['gloss']}")
        print(f"  matched claim {m['matched']}: {m['representative'][:160]}")
        if m["one_to_one"] != m["matched"]:
            print(
                f"  one-to-one: claim {m['one_to_one']}, missing: {', '.join(m['one_to_one_missing']) or '-'}"
            )
        print(
            f"  missing: {', '.join(m['missing']) or '-'}   extra: {', '.join(m['extra']) or '-'}"
        )
    return 0
