"""`python -m dashboard.bench.ko_predicates [TEXTS]`: the share of predicate forms (verbs and
adjectives with their endings: 않고, 있다고, 착수했다, 늘릴) among the top 20 keywords of each
Korean dev article (issue 15). Reads `split=dev` rows of devset/manifests/ko.csv only; texts
from TEXTS (default devset/texts), never committed.

A keyword counts as a predicate form when any of its words is one by the ko pack's predicate
test (`is_predicate_form`, the endings of `keyword_predicate_endings.txt`); `--list` prints
each article's top 20 with the predicate forms marked, for judging the test by eye.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

TOP = 20


def dev_ids(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8") as fh:
        return [r["id"] for r in csv.DictReader(fh) if r["split"] == "dev"]


def top_terms(text_file: Path) -> list[str]:
    from dashboard.analysis.parser import parse_article
    from dashboard.bench.evaluate import read_article

    article = parse_article(read_article(text_file, "ko", ""))
    return [k.term for k in article.keywords][:TOP]


def _particles_only() -> None:
    """The ko keyword form before issue 15: one particle stripped, nothing dropped."""
    from dashboard.analysis import keywords
    from dashboard.analysis.languages import ko

    type(ko.PACK).keyword_form = lambda self, token: ko.strip_particle(token, ko._lexicon_words())
    for cached in (keywords._clean_token, keywords._content_word, keywords._token_info):
        cached.cache_clear()


def main(argv: list[str] | None = None) -> int:
    from dashboard.analysis.languages.ko import is_predicate_form

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("texts", nargs="?", default="devset/texts")
    p.add_argument("--manifest", default="devset/manifests/ko.csv")
    p.add_argument("--list", action="store_true", help="print each top 20, predicates marked")
    p.add_argument(
        "--before",
        action="store_true",
        help="keywords as before issue 15 (particles stripped, no predicate test)",
    )
    args = p.parse_args(argv)
    if args.before:
        _particles_only()
    total = flagged = 0
    for aid in dev_ids(Path(args.manifest)):
        f = Path(args.texts) / f"{aid}.txt"
        if not f.exists():
            print(f"{aid}: text missing", file=sys.stderr)
            continue
        terms = top_terms(f)
        marks = [any(map(is_predicate_form, t.split())) for t in terms]
        total += len(terms)
        flagged += sum(marks)
        print(f"{aid}: {sum(marks)}/{len(terms)} predicate forms")
        if args.list:
            print(
                "   " + " | ".join(f"*{t}*" if m else t for t, m in zip(terms, marks, strict=True))
            )
    share = flagged / total if total else 0.0
    print(f"all: {flagged}/{total} = {share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
