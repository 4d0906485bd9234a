"""`python -m dashboard train-spans FOLDER --gold GOLD --language ar`: build the span tagger
that proposes the voices the rules miss (`dashboard/analysis/speakers/span_model.py`).

Training data come from the annotations alone. Each voice of an article (a gold speaker of
type `speaker` or `source`, named or not; never a `mention`) is projected onto the non-empty
lines where its statements are (the quote rows' `line`; for a direct quote also the line
before and after, where its cue may stand): the name or one of its variants is looked for
as a run of tokens in normalised form (a compound name written with or without its space
matches, and the first token may carry a proclitic of the pack, «ولرويترز»). The tokens are
labelled B-V / B-VC (the first token with a proclitic the name drops) / I-V, the rest O.
Sentences with a cue (a reporting verb or source phrase of the pack, or a quote mark) are the
examples: with a projected voice or without (a negative); sentences without a cue are never
tagged, so they are not examples.

The threshold on the span's weakest marginal is chosen on five folds by article (train on
four fifths, tag the fifth after the rules, score speakers): the fold report is the
ablation, rules alone against rules + model, and is printed. Fixed parameters: the same
data give the same model.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from dashboard.analysis.languages import get_pack
from dashboard.analysis.speakers import span_model
from dashboard.analysis.speakers.engine import _tokens
from dashboard.bench.evaluate import (
    GoldArticle,
    LanguageScore,
    env_setting,
    name_tokens,
    read_article,
    score_article,
    text_lines,
)

FOLDS = 5
# Round 2 (docs/languages.md, "Round 2: where the rules already chose"): the ops that also
# look at the sentences the rules attributed, each with a small grid of thresholds.
OP_GRID = {
    "add": [0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995],
    "extent": [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99],
}
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995]
PARAMS = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}
VOICE_TYPES = ("speaker", "source")


# --------------------------------------------------------------------------- projection


def _forms(voice: dict[str, Any]) -> list[str]:
    """Name and variants as strings of normalised letters without spaces, longest first."""
    out = {"".join(name_tokens(v)) for v in [voice.get("name", ""), *voice.get("variants", [])]}
    return sorted((f for f in out if len(f) >= 2), key=len, reverse=True)


def _match_at(toks, i: int, form: str, code: str) -> tuple[int, bool] | None:
    """End token index and clitic flag when the tokens from i spell `form`."""
    pack = get_pack(code)
    first = toks[i].norm
    for reading, clitic in [(first, False), *((r, True) for r in pack.prefix_readings(first))]:
        if not form.startswith(reading):
            continue
        acc = reading
        j = i + 1
        while len(acc) < len(form) and j < len(toks):
            acc += toks[j].norm
            j += 1
        if acc == form:
            return j, clitic
    return None


def project(toks, forms: list[str], code: str) -> list[str]:
    """BIO labels of one sentence's tokens for the voices' forms (leftmost, longest)."""
    labels = ["O"] * len(toks)
    i = 0
    while i < len(toks):
        hit = None
        for form in forms:
            hit = _match_at(toks, i, form, code)
            if hit:
                break
        if hit:
            end, clitic = hit
            labels[i] = "B-VC" if clitic else "B-V"
            for j in range(i + 1, end):
                labels[j] = "I-V"
            i = end
        else:
            i += 1
    return labels


def article_sequences(lines: list[str], gold, code: str, stats: Counter | None = None):
    """(features, labels) of every cue sentence of an annotated article."""
    voices = {
        v["name"]: v
        for v in gold.speakers
        if v.get("type", "speaker") in VOICE_TYPES and v.get("name")
    }
    rows = [q for q in gold.quotes if q.get("speaker") in voices]
    projected_rows = 0
    line_hits: dict[int, set[str]] = {}
    for q in rows:
        ln = q.get("line")
        if not isinstance(ln, int):
            continue
        name = q["speaker"]
        if name in line_hits.get(ln, set()) or (
            0 <= ln < len(lines) and any(_line_has(lines[ln], _forms(voices[name]), code))
        ):
            line_hits.setdefault(ln, set()).add(name)
            projected_rows += 1
            continue
        if q.get("type") == "direct":
            for m in (ln - 1, ln + 1):
                if 0 <= m < len(lines) and any(_line_has(lines[m], _forms(voices[name]), code)):
                    line_hits.setdefault(m, set()).add(name)
                    projected_rows += 1
                    break
    if stats is not None:
        stats["rows"] += len(rows)
        stats["rows_projected"] += projected_rows
        stats["voices"] += len({q["speaker"] for q in rows})
        stats["voices_projected"] += len({n for s in line_hits.values() for n in s})
    seqs = []
    for ln, line in enumerate(lines):
        names = line_hits.get(ln, set())
        forms = sorted({f for n in names for f in _forms(voices[n])}, key=len, reverse=True)
        for _sentence, toks, qspans, k in span_model.cue_sentences(line):
            if not span_model.sentence_has_cue(toks, qspans, code):
                continue
            labels = project(toks, forms, code) if forms else ["O"] * len(toks)
            feats = span_model.sentence_features(toks, code, ln, k == 0)
            seqs.append((feats, labels))
            if stats is not None:
                stats["sentences"] += 1
                stats["positive_sentences"] += any(lab != "O" for lab in labels)
                stats["spans"] += sum(lab.startswith("B") for lab in labels)
    return seqs


def _line_has(line: str, forms: list[str], code: str):
    toks, _ = _tokens(line)
    for i in range(len(toks)):
        for form in forms:
            if _match_at(toks, i, form, code):
                yield True
                return


# --------------------------------------------------------------------------- data


def load_manifests(manifest_dir: Path, exclude: list[str]) -> dict[str, dict[str, str]]:
    """Rows of every manifest but the excluded ones, which are never read (a fresh held-out
    set is not even opened)."""
    import csv

    rows: dict[str, dict[str, str]] = {}
    for f in sorted(manifest_dir.glob("*.csv")):
        if f.name in exclude:
            continue
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("id"):
                    rows[row["id"]] = {**row, "_manifest": f.name}
    return rows


def load_gold_of(gold_dir: Path, manifest: dict[str, dict[str, str]]) -> dict[str, GoldArticle]:
    """The annotations of the manifest's articles only (an excluded set's are never read)."""
    out = {}
    for gid in sorted(manifest):
        f = gold_dir / f"{gid}.json"
        if f.exists():
            out[gid] = GoldArticle.from_record(gid, json.loads(f.read_text(encoding="utf-8")))
    return out


def dev_ids(folder: Path, gold: dict, manifest: dict, language: str) -> list[str]:
    """Annotated articles of the language with a manifest row (so none of an excluded
    manifest) and a text in the folder."""
    out = []
    for gid in sorted(gold):
        row = manifest.get(gid)
        if row is None or (row.get("language") or gold[gid].language) != language:
            continue
        if (folder / f"{gid}.txt").exists():
            out.append(gid)
    return out


def parse_rules(folder: Path, ids: list[str], gold, manifest) -> dict[str, Any]:
    """Each article parsed by the rules alone (span model off)."""
    from dashboard.analysis.parser import parse_article

    out = {}
    with env_setting("DASHBOARD_SPAN_MODEL", "0"):
        for gid in ids:
            row = manifest.get(gid, {})
            language = row.get("language") or gold[gid].language
            text_file = folder / f"{gid}.txt"
            raw = read_article(text_file, language, row.get("published", ""), row.get("url", ""))
            out[gid] = {"article": parse_article(raw), "lines": text_lines(text_file)}
    return out


def train(seqs, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in seqs:
        trainer.append(feats, labels)
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def score(parsed, gold, ids, extra: dict[str, list] | None, thr) -> LanguageScore:
    """Speakers and statements of the articles, the rules' statements plus the proposals that
    reach `thr` (a number: the gap voices' threshold; a dict: a threshold per op)."""
    from dashboard.analysis.speakers import summarize_speakers

    thresholds = thr if isinstance(thr, dict) else {"gap": thr}
    s = LanguageScore()
    for gid in ids:
        art = parsed[gid]["article"]
        quotes = list(art.quotes)
        if extra is not None:
            quotes = span_model.apply(quotes, extra.get(gid, []), thresholds)
        article = dataclasses.replace(art, quotes=quotes, speakers=summarize_speakers(quotes))
        score_article(article, gold[gid], parsed[gid]["lines"], s)
    return s


OPS = ("gap", "add", "extent")


def tag_articles(parsed, ids, language: str, model: Path) -> dict[str, list]:
    """The proposals of every op for each article (`span_model.Proposal`)."""
    tagger = span_model._tagger(str(model))
    out = {}
    for gid in ids:
        art = parsed[gid]["article"]
        out[gid] = span_model.proposals(art.paragraphs, art.quotes, language, tagger, OPS)
    span_model._tagger.cache_clear()
    return out


def fold_of(ids: list[str]) -> dict[str, int]:
    return {gid: k % FOLDS for k, gid in enumerate(ids)}


def cross_validate(folder, gold, manifest, ids, language, seqs_by_id, parsed, workdir: Path):
    folds = fold_of(ids)
    extra: dict[str, list] = {}
    for k in range(FOLDS):
        train_seqs = [s for gid in ids if folds[gid] != k for s in seqs_by_id[gid]]
        path = workdir / f"fold{k}.crfsuite"
        train(train_seqs, path)
        test = [gid for gid in ids if folds[gid] == k]
        extra.update(tag_articles(parsed, test, language, path))
    return extra


def _fmt(s: LanguageScore) -> str:
    d = s.as_dict()

    def prf(t):
        return f"{t['precision']:.2f}/{t['recall']:.2f}/{t['f1']:.2f}"

    return (
        f"speakers {prf(d['speakers'])} (tp {d['speakers']['tp']} fp {d['speakers']['fp']} "
        f"fn {d['speakers']['fn']}), statements {prf(d['quotes'])}, "
        f"attribution {d['attribution_accuracy']}"
    )


def _op_grid(parsed, gold, ids, sub, extra, gap: float) -> None:
    """The round-2 ops on the folds: add, extent, both, at the gap voices' threshold."""
    grid = [{"add": a} for a in OP_GRID["add"]] + [{"extent": e} for e in OP_GRID["extent"]]
    grid += [{"add": a, "extent": e} for a in (0.7, 0.9, 0.98, 0.995) for e in (0.8, 0.95, 0.99)]
    for ops in grid:
        thr = {"gap": gap, **ops}
        line = f"  + {ops}: {_fmt(score(parsed, gold, ids, extra, thr))}"
        if sub:
            line += f" | subset ({len(sub)}) {_fmt(score(parsed, gold, sub, extra, thr))}"
        print(line)


# --------------------------------------------------------------------------- CLI


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of article texts (<id>.txt)")
    p.add_argument("--gold", required=True, help="folder of <id>.json annotations")
    p.add_argument("--language", required=True, help="the language pack to train (ar, en, ...)")
    p.add_argument("--manifest", default=None, help="folder of manifests (default: beside gold)")
    p.add_argument(
        "--exclude",
        default="ar17.csv,en17.csv,ar18.csv,en18.csv,ar23.csv,en20.csv,ar24.csv,en21.csv,ar26.csv,en22.csv,ar27.csv,en23.csv",
        help="manifests whose articles are left out (held-out sets; never read), comma-separated",
    )
    p.add_argument("--no-folds", action="store_true", help="skip the five-fold report")
    p.add_argument(
        "--op-grid",
        action="store_true",
        help="also report the folds with the round-2 ops (add, extent, both) over their grid",
    )
    p.add_argument(
        "--subset",
        default="ar19.csv,ar20.csv",
        help="manifests whose articles the fold report also scores apart, comma-separated",
    )
    p.add_argument("--threshold", type=float, default=None, help="fix the threshold")
    p.add_argument("--out", default=None, help="model path (default: the pack's folder)")


def cli(args: argparse.Namespace) -> int:
    folder, gold_path = Path(args.folder), Path(args.gold)
    manifest_dir = Path(args.manifest) if args.manifest else gold_path.parent / "manifests"
    manifest = load_manifests(manifest_dir, [n for n in args.exclude.split(",") if n])
    gold = load_gold_of(gold_path, manifest)
    ids = dev_ids(folder, gold, manifest, args.language)
    if not ids:
        print(
            f"error: no annotated {args.language} article with a text in {folder}", file=sys.stderr
        )
        return 2
    code = args.language
    stats: Counter = Counter()
    seqs_by_id = {}
    for gid in ids:
        seqs_by_id[gid] = article_sequences(
            text_lines(folder / f"{gid}.txt"), gold[gid], code, stats
        )
    print(
        f"{code}: {len(ids)} articles; voice rows projected {stats['rows_projected']}/"
        f"{stats['rows']}, voices {stats['voices_projected']}/{stats['voices']}; "
        f"{stats['sentences']} cue sentences, {stats['positive_sentences']} with a voice, "
        f"{stats['spans']} spans"
    )
    thr = args.threshold
    if not args.no_folds:
        parsed = parse_rules(folder, ids, gold, manifest)
        with tempfile.TemporaryDirectory() as tmp:
            extra = cross_validate(folder, gold, manifest, ids, code, seqs_by_id, parsed, Path(tmp))
        base = score(parsed, gold, ids, None, 1.0)
        print(f"  rules alone:        {_fmt(base)}")
        best = None
        for t in THRESHOLDS:
            s = score(parsed, gold, ids, extra, t)
            print(f"  + model (thr {t:.3g}): {_fmt(s)}")
            if best is None or s.speakers.f1 >= best[1]:  # a tie goes to the higher one
                best = (t, s.speakers.f1)
        if thr is None:
            thr = best[0]
        subset = set(args.subset.split(","))
        sub = [gid for gid in ids if manifest[gid].get("_manifest") in subset]
        if args.op_grid:
            _op_grid(parsed, gold, ids, sub, extra, thr)
    thr = span_model.DEFAULT_THRESHOLD if thr is None else thr
    out = Path(args.out) if args.out else get_pack(code).folder / span_model.MODEL_FILE
    train([s for gid in ids for s in seqs_by_id[gid]], out)
    meta = {
        "about": "span tagger for the voices the rules miss (span_model.py), built by "
        "`python -m dashboard train-spans`",
        "language": code,
        "articles": len(ids),
        "params": PARAMS,
        "threshold": thr,
    }
    out.with_name(span_model.META_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB), threshold {thr}")
    return 0
