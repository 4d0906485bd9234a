"""`python -m dashboard.bench.case_duplicates [--language ru] [--texts devset/texts]`:
in each development article's top 20 keywords, the terms that are another case form of a
term of the same list (issue 15, item 3).

A term counts when, with case and number endings folded word by word (the pack's
`keyword_stem`), it equals another term of the list or sits inside it, while as written it
does neither («Путина» beside «Путин»; «Путин» beside «Владимира Путина»). Only `split=dev`
rows of devset/manifests/<language>.csv are read; texts are not part of the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from dashboard.analysis.languages import get_pack
from dashboard.analysis.textproc import normalize_token

TOP = 20


def _inside(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    k = len(short)
    return any(long_[i : i + k] == short for i in range(len(long_) - k + 1))


def case_duplicates(terms: list[str], language: str) -> list[tuple[str, str]]:
    """(term, the other term it is a case form of) for each such term of `terms`."""
    pack = get_pack(language)
    stem = pack.keyword_stem if pack.folds_keyword_endings else normalize_token
    written = [tuple(normalize_token(w) for w in t.split()) for t in terms]
    folded = [tuple(stem(w) for w in t.split()) for t in terms]
    out = []
    for i, t in enumerate(terms):
        for j, other in enumerate(terms):
            if i == j:
                continue
            if _inside(folded[i], folded[j]) and not _inside(written[i], written[j]):
                out.append((t, other))
                break
    return out


def dev_ids(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8") as f:
        return [row["id"] for row in csv.DictReader(f) if row["split"] == "dev"]


def measure(language: str, texts: Path, manifests: Path) -> dict[str, Any]:
    from dashboard.analysis.parser import parse_article
    from dashboard.bench.evaluate import read_article

    rows = []
    listed = dup = 0
    for aid in dev_ids(manifests / f"{language}.csv"):
        path = texts / f"{aid}.txt"
        if not path.exists():
            print(f"{path}: missing, article skipped", file=sys.stderr)
            continue
        article = parse_article(read_article(path, language, ""))
        top = [k.term for k in article.keywords][:TOP]
        found = case_duplicates(top, language)
        listed += len(top)
        dup += len(found)
        rows.append({"article": aid, "top20": top, "case_duplicates": found})
    return {
        "language": language,
        "articles": len(rows),
        "listed": listed,
        "case_duplicates": dup,
        "share": round(dup / listed, 3) if listed else 0.0,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--language", default="ru")
    p.add_argument("--texts", default="devset/texts")
    p.add_argument("--manifests", default="devset/manifests")
    p.add_argument("--json", action="store_true", help="per-article lists as JSON")
    args = p.parse_args(argv)
    out = measure(args.language, Path(args.texts), Path(args.manifests))
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for row in out["rows"]:
            for term, other in row["case_duplicates"]:
                print(f"{row['article']}: {term!r} ~ {other!r}")
        print(
            f"{out['language']}: {out['case_duplicates']} of {out['listed']} top-{TOP} terms "
            f"are a case form of another ({out['share']:.1%}), {out['articles']} articles"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
