"""`python -m dashboard train-voices FOLDER --gold GOLD [--split all] [--exclude M.csv]`: build the voice model
(`dashboard/analysis/speakers/voice_model.json`) from annotated real articles.

Every statement the rules propose in an annotated article becomes one example: positive
when its speaker is a voice of the article (a named speaker or source, or a voice the
annotator marked unnamed), negative otherwise (fragments, dates, things, people who are only
mentioned). The threshold of each language is chosen on out-of-fold predictions (five folds
by article) to maximise named-speaker F1, and the report compares the rules alone with the
rules plus the model on the same out-of-fold predictions: that is the ablation.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from dashboard.analysis.speakers import voice_model
from dashboard.analysis.textproc import normalize
from dashboard.bench.evaluate import (
    GoldArticle,
    LanguageScore,
    env_setting,
    load_gold,
    load_manifest,
    name_matches,
    read_article,
    score_article,
    text_lines,
)
from dashboard.model import Article

FOLDS = 5
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 15)]


def _label(speaker: str, gold: GoldArticle) -> int:
    for g in gold.speakers:
        if name_matches(speaker, g, surname=True):
            return 0 if g.get("type") == "mention" else 1
    return 0


def collect(
    folder: Path,
    gold_path: Path,
    manifest_path: Path | None,
    split: str | None,
    exclude: frozenset[str] = frozenset(),
):
    """Parse every annotated article with the rules alone; one record per article.

    `split` is one split, several separated by commas ("dev,heldout"), or None / "all" for
    every row; ids in `exclude` are left out (a held-out set not yet scored)."""
    from dashboard.analysis.parser import parse_article
    from dashboard.analysis.speakers import summarize_speakers  # noqa: F401  (import check)

    gold = load_gold(gold_path)
    manifest = load_manifest(manifest_path)
    splits = set() if split in (None, "", "all") else {s.strip() for s in split.split(",")}
    records = []
    with env_setting("DASHBOARD_VOICE_MODEL", "0"):
        for gid in sorted(gold):
            row = manifest.get(gid, {})
            if gid in exclude or (splits and row.get("split", "dev") not in splits):
                continue
            text_file = folder / f"{gid}.txt"
            if not text_file.exists():
                continue
            language = row.get("language") or gold[gid].language
            article = parse_article(
                read_article(text_file, language, row.get("published", ""), row.get("url", ""))
            )
            text_norm = normalize("\n".join(article.paragraphs))
            feats = [voice_model.features(q, text_norm, language) for q in article.quotes]
            labels = [_label(q.speaker, gold[gid]) for q in article.quotes]
            records.append(
                {"id": gid, "language": language, "article": article, "gold": gold[gid],
                 "lines": text_lines(text_file), "features": feats, "labels": labels}
            )  # fmt: skip
    return records


def _filtered(article: Article, keep: list[bool]) -> Article:
    from dashboard.analysis.speakers import summarize_speakers

    quotes = [q for q, k in zip(article.quotes, keep, strict=True) if k]
    return dataclasses.replace(article, quotes=quotes, speakers=summarize_speakers(quotes))


def _score(records, probs: dict[str, list[float]], thresholds: dict[str, float] | None):
    scores: dict[str, LanguageScore] = {}
    for r in records:
        quotes = r["article"].quotes
        if thresholds is None:
            keep = [True] * len(quotes)
        else:
            t = thresholds.get(r["language"], 0.5)
            keep = [
                q.speaker_kind == "anonymous" or p >= t
                for q, p in zip(quotes, probs[r["id"]], strict=True)
            ]
        s = scores.setdefault(r["language"], LanguageScore())
        score_article(_filtered(r["article"], keep), r["gold"], r["lines"], s)
    return scores


def out_of_fold(records) -> dict[str, list[float]]:
    model: dict[str, Any] = {}
    probs: dict[str, list[float]] = {}
    for fold in range(FOLDS):
        train_rows = [
            (f, y)
            for i, r in enumerate(records)
            if i % FOLDS != fold
            for f, y in zip(r["features"], r["labels"], strict=True)
        ]
        model = {"weights": voice_model.train(train_rows)}
        for i, r in enumerate(records):
            if i % FOLDS == fold:
                probs[r["id"]] = [voice_model.probability(f, model) for f in r["features"]]
    return probs


def build(records) -> tuple[dict[str, Any], dict[str, Any]]:
    probs = out_of_fold(records)
    languages = sorted({r["language"] for r in records})
    rules = _score(records, probs, None)
    thresholds: dict[str, float] = {}
    for lang in languages:
        best = (rules[lang].speakers.f1, rules[lang].quotes.f1, 0.0) if lang in rules else (0, 0, 0)
        for t in THRESHOLDS:
            s = _score([r for r in records if r["language"] == lang], probs, {lang: t})[lang]
            if (s.speakers.f1, s.quotes.f1) > best[:2]:
                best = (s.speakers.f1, s.quotes.f1, t)
        thresholds[lang] = best[2]
    with_model = _score(records, probs, thresholds)
    rows = [(f, y) for r in records for f, y in zip(r["features"], r["labels"], strict=True)]
    model = {
        "about": "voice model: logistic regression over proposed statements (voice_model.py); "
        "built by `python -m dashboard train-voices`",
        "examples": len(rows),
        "positives": sum(y for _, y in rows),
        "thresholds": thresholds,
        "weights": voice_model.train(rows),
    }
    report = {
        lang: {
            "rules": rules[lang].as_dict(),
            "rules+model (out of fold)": with_model[lang].as_dict(),
            "threshold": thresholds[lang],
        }
        for lang in languages
    }
    return model, report


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of article texts (<id>.txt)")
    p.add_argument("--gold", required=True, help="folder of <id>.json annotations")
    p.add_argument("--manifest", default=None, help="CSV or folder of CSVs (default: beside gold)")
    p.add_argument(
        "--split",
        default="dev",
        help="rows of this split only; several with commas, 'all' for every row (default: dev)",
    )
    p.add_argument(
        "--exclude",
        default="",
        help="comma-separated manifest CSVs whose rows are left out (held-out sets not yet scored)",
    )
    p.add_argument("--out", default=str(voice_model.MODEL_PATH), help="where to write the model")


def cli(args: argparse.Namespace) -> int:
    folder, gold_path = Path(args.folder), Path(args.gold)
    for label, path in (("text folder", folder), ("gold", gold_path)):
        if not path.exists():
            print(f"error: {label} {path}: no such file or folder", file=sys.stderr)
            return 2
    manifest = Path(args.manifest) if args.manifest else gold_path.parent / "manifests"
    excluded: set[str] = set()
    for name in filter(None, (x.strip() for x in args.exclude.split(","))):
        path = Path(name) if Path(name).exists() else manifest / name
        if not path.exists():
            print(f"error: --exclude {name}: no such manifest", file=sys.stderr)
            return 2
        excluded |= set(load_manifest(path))
    records = collect(folder, gold_path, manifest, args.split or None, frozenset(excluded))
    if not records:
        print(f"error: no annotated article with a text in {folder}", file=sys.stderr)
        return 2
    model, report = build(records)
    Path(args.out).write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{model['examples']} statements ({model['positives']} voices) -> {args.out}")
    for lang, r in report.items():
        a, b = r["rules"]["speakers"], r["rules+model (out of fold)"]["speakers"]
        qa, qb = r["rules"]["quotes"], r["rules+model (out of fold)"]["quotes"]
        print(
            f"{lang}: speakers P/R/F1 rules {a['precision']:.2f}/{a['recall']:.2f}/{a['f1']:.2f}"
            f" -> with model {b['precision']:.2f}/{b['recall']:.2f}/{b['f1']:.2f};"
            f" quotes F1 {qa['f1']:.2f} -> {qb['f1']:.2f}; threshold {r['threshold']}"
        )
    return 0
