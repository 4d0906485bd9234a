"""`python -m dashboard evaluate-keywords FOLDER --gold devset/keyterms`: per-article
keywords measured against the terms a reader listed (issue 19), beside YAKE as a peer.

Reports, per language, precision@10 of the project's top 10 and of YAKE's top 10 (YAKE
with its recommended settings, its language set per article, n-grams up to 3), and the
share of top-20 terms that are a fragment or a duplicate of another top-20 term.

Terms match after normalisation: diacritics and tatweel dropped, alef forms unified,
the Arabic conjunction/preposition/article clitics folded word by word, English
case-folded with the possessive and hyphens dropped, Russian with its case and number
endings folded (the ru pack's `keyword_stem`), Korean with one trailing particle folded
(the ko pack's `strip_particle`). A predicted term counts when it
matches a gold term or an `also` term; each gold term is credited once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.analysis.languages import get_pack
from dashboard.analysis.textproc import clean_invisible, normalize_token, strip_diacritics

TOP = 10
TOP_SHARE = 20
# Arabic proclitic clusters folded when scoring: conjunction, preposition, article. The
# scorer folds more eagerly than the extractor may (a wrong fold here only merges two
# forms of one gold term, it cannot create a match that a reader would not grant).
_AR_CLITIC = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال|لل)?(?=\S{2,})")
_EN_POSSESSIVE = re.compile(r"['’]s$")
_SPLIT = re.compile(r"[\s\-‐–—_/]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_PUNCT = ".,;:!?\"'«»“”()[]{}،؛؟"


def norm_word(word: str, language: str) -> str:
    if _CYRILLIC.search(word):
        # Russian: case and number endings folded (the ru pack's keyword stem), so that a
        # reader's «Банк России» matches «Банка России».
        word = strip_diacritics(clean_invisible(word)).strip(_PUNCT)
        return get_pack("ru").keyword_stem(word) if word else word
    word = normalize_token(strip_diacritics(clean_invisible(word)))
    word = word.strip(_PUNCT)
    if _HANGUL.search(word):
        # Korean: one trailing particle folded, so that a reader's «감독» matches «감독은»;
        # nothing dropped (a predicate form never matches a reader's noun by vanishing).
        from dashboard.analysis.languages.ko import strip_particle

        return strip_particle(word)
    if language == "ar" or re.search("[\u0600-\u06ff]", word):
        word = word.replace("ى", "ي").replace("ة", "ه")
        return _AR_CLITIC.sub("", word)
    return _EN_POSSESSIVE.sub("", word.casefold())


def norm_term(term: str, language: str) -> tuple[str, ...]:
    return tuple(w for w in (norm_word(p, language) for p in _SPLIT.split(term)) if w)


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # A suffix of one is a prefix of the other («كيم جونج» / «جونج أون»).
    return any(a[-k:] == b[:k] for k in range(1, min(len(a), len(b))))


def redundant(terms: list[str], language: str) -> list[bool]:
    """For each term: is it a duplicate (same normal form), a fragment (contained in), or a
    sliding-window overlap of another term of the list?"""
    forms = [norm_term(t, language) for t in terms]
    flags = []
    for i, a in enumerate(forms):
        hit = False
        for j, b in enumerate(forms):
            if i == j or not a or not b:
                continue
            if a == b or _contains(b, a) or _contains(a, b) or _overlaps(a, b) or _overlaps(b, a):
                hit = True
                break
        flags.append(hit)
    return flags


def precision_at(pred: list[str], gold: dict[str, Any], language: str, k: int = TOP) -> int:
    """How many of the first `k` predicted terms match a distinct gold or `also` term."""
    wanted = [norm_term(t, language) for t in [*gold["terms"], *gold.get("also", [])]]
    used: set[int] = set()
    hits = 0
    for term in pred[:k]:
        form = norm_term(term, language)
        for gi, g in enumerate(wanted):
            if gi not in used and g == form:
                used.add(gi)
                hits += 1
                break
    return hits


@dataclass
class SystemScore:
    hits: int = 0
    slots: int = 0
    redundant: int = 0
    listed: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision_at_10": round(self.hits / self.slots, 3) if self.slots else 0.0,
            "hits": self.hits,
            "slots": self.slots,
            "fragment_duplicate_share_top20": round(self.redundant / self.listed, 3)
            if self.listed
            else 0.0,
            "redundant": self.redundant,
            "listed": self.listed,
        }


@dataclass
class KeywordScores:
    systems: dict[str, dict[str, SystemScore]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(SystemScore))
    )
    articles: list[dict[str, Any]] = field(default_factory=list)

    def add(self, system: str, language: str, pred: list[str], gold: dict[str, Any]) -> None:
        s = self.systems[system][language]
        s.hits += precision_at(pred, gold, language)
        s.slots += TOP
        top = pred[:TOP_SHARE]
        s.redundant += sum(redundant(top, language))
        s.listed += len(top)


def project_terms(text_file: Path, language: str) -> list[str]:
    from dashboard.analysis.parser import parse_article
    from dashboard.bench.evaluate import read_article

    article = parse_article(read_article(text_file, language, ""))
    return [k.term for k in article.keywords]


def yake_terms(text: str, language: str) -> list[str]:
    import yake

    # Recommended settings (the package's defaults), the article's language, n-grams to 3.
    extractor = yake.KeywordExtractor(lan=language, n=3, top=TOP_SHARE)
    return [kw for kw, _score in extractor.extract_keywords(text)]


def evaluate_keywords(folder: Path, gold_dir: Path, systems: tuple[str, ...]) -> KeywordScores:
    scores = KeywordScores()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gid, language = gold["id"], gold["language"]
        text_file = folder / f"{gid}.txt"
        if not text_file.exists():
            print(f"{text_file}: missing, article skipped", file=sys.stderr)
            continue
        row: dict[str, Any] = {"article": gid, "language": language}
        for system in systems:
            if system == "project":
                pred = project_terms(text_file, language)
            else:
                pred = yake_terms(text_file.read_text(encoding="utf-8"), language)
            scores.add(system, language, pred, gold)
            row[system] = {
                "hits": precision_at(pred, gold, language),
                "redundant_top20": [
                    t
                    for t, r in zip(
                        pred[:TOP_SHARE], redundant(pred[:TOP_SHARE], language), strict=True
                    )
                    if r
                ],
            }
        scores.articles.append(row)
    return scores


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of article texts (<id>.txt)")
    p.add_argument("--gold", default="devset/keyterms", help="folder of <id>.json key terms")
    p.add_argument("--systems", default="project,yake", help="comma list: project, yake")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--articles", action="store_true", help="with --json: per-article rows")


def cli(args: argparse.Namespace) -> int:
    folder, gold = Path(args.folder), Path(args.gold)
    if not folder.is_dir() or not gold.is_dir():
        print(f"{folder if not folder.is_dir() else gold}: not a folder", file=sys.stderr)
        return 2
    systems = tuple(s.strip() for s in args.systems.split(",") if s.strip())
    scores = evaluate_keywords(folder, gold, systems)
    table = {
        system: {lang: s.as_dict() for lang, s in sorted(by_lang.items())}
        for system, by_lang in scores.systems.items()
    }
    if args.json:
        out: dict[str, Any] = {"scores": table}
        if args.articles:
            out["articles"] = scores.articles
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{'system':<8} {'lang':<4} {'P@10':>6} {'frag/dup@20':>12}")
    for system, by_lang in table.items():
        for lang, d in by_lang.items():
            print(
                f"{system:<8} {lang:<4} {d['precision_at_10']:>6.3f} "
                f"{d['fragment_duplicate_share_top20']:>12.3f}"
            )
    return 0
