"""`python -m dashboard evaluate FOLDER --gold GOLD`: the analysis measured against hand
annotations of real articles (the development set in `devset/`, see devset/README.md).

FOLDER holds the article texts (`<id>.txt`, the page text as found). The first line is
the headline, and the whole text is analysed as the body: a page's first line is as often a
statement («Песков: …», "X says …") or a lead paragraph as a headline, and annotators
score what the page says. GOLD is a folder of
`<id>.json` annotations or one JSON file (a list of them, or a mapping id -> annotation).
A manifest (`--manifest`, a CSV or a folder of CSVs with columns id, language, published,
split, …) gives each article its language and publication date, as a user's manifest would.

What is scored, per language (micro-averaged over the articles):

* **Named speakers and sources**: one row per person or body per article. Gold rows are the
  named voices of type `speaker` or `source` (`mention` and unnamed voices are not scored).
  A predicted speaker of kind `anonymous`, or one that names a voice the annotator marked
  unnamed (an office without a name), is not scored either. A prediction matches a
  gold row when its name, after `normalize` and with punctuation removed, equals the gold
  name or one of its variants, or is the gold name's last one or two words (a surname).
  One-to-one, exact matches first.
* **Quotes**: a predicted statement matches a gold statement with the same speaker (as above)
  whose line lies in the predicted statement's paragraph. Attribution accuracy: of the
  predicted statements found at a gold statement's line, the share credited to the right voice.
* **Dates**: a predicted date matches a gold date on the same line when one text contains the
  other (normalised). Resolution accuracy: matched dates whose start and end agree (both None
  for vague ones). Gold dates marked `chrome` (page banners) are not counted as misses.

Lines are indexes into the non-empty lines of the text file (the first is 0).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.analysis.textproc import clean_invisible, normalize
from dashboard.model import Article, RawArticle

_PUNCT = re.compile(r"[«»“”„\"'‘’()\[\]،,.:؛;!?؟\-–—]")
SCORED_TYPES = ("speaker", "source")


# --------------------------------------------------------------------------- inputs


@dataclass
class GoldArticle:
    id: str
    language: str
    published: str | None
    speakers: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    split: str = "dev"

    @classmethod
    def from_record(cls, gid: str, rec: dict[str, Any]) -> GoldArticle:
        """One annotation file's record (devset/README.md) as a GoldArticle."""
        return cls(
            id=gid,
            language=rec.get("language", ""),
            published=rec.get("published"),
            speakers=list(rec.get("speakers", [])),
            quotes=list(rec.get("quotes", [])),
            dates=list(rec.get("dates", [])),
        )


@contextmanager
def env_setting(name: str, value: str) -> Iterator[None]:
    """The environment variable set to `value` inside the block, restored after (the
    training commands parse with a learned part off: DASHBOARD_VOICE_MODEL=0, ...)."""
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def load_gold(path: Path) -> dict[str, GoldArticle]:
    """A folder of `<id>.json` files, or one JSON file with a list or id -> record map."""
    records: list[dict[str, Any]] = []
    if path.is_dir():
        for f in sorted(path.glob("*.json")):
            rec = json.loads(f.read_text(encoding="utf-8"))
            rec.setdefault("id", f.stem)
            records.append(rec)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            for key, rec in data.items():
                rec = dict(rec)
                rec.setdefault("id", Path(key).stem)
                records.append(rec)
        else:
            records = list(data)
    out: dict[str, GoldArticle] = {}
    for rec in records:
        out[rec["id"]] = GoldArticle.from_record(rec["id"], rec)
    return out


def load_manifest(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None or not path.exists():
        return {}
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    rows: dict[str, dict[str, str]] = {}
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("id"):
                    rows[row["id"]] = row
    return rows


def read_article(text_file: Path, language: str, published: str, url: str = "") -> RawArticle:
    """The page text: its first line as the headline, and all of it as the body."""
    text = text_file.read_text(encoding="utf-8")
    head = text.lstrip("\n").partition("\n")[0]
    return RawArticle(
        title=head.strip(),
        body=text,
        outlet="",
        language=language,
        published_at=published or "",
        date_source="manifest" if published else "",
        url=url,
        source_file=text_file.name,
    )


def text_lines(text_file: Path) -> list[str]:
    text = clean_invisible(text_file.read_text(encoding="utf-8"))
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def paragraph_lines(paragraphs: list[str], lines: list[str]) -> list[set[int]]:
    """For each parsed paragraph, the file lines (indexes) it is made of. Paragraphs keep the
    order of the file, so the search for each starts where the previous one ended."""
    out: list[set[int]] = []
    start = 0
    for para in paragraphs:
        squashed = " ".join(para.split())
        found: set[int] = set()
        for i in range(start, len(lines)):
            ln = " ".join(lines[i].split())
            if ln and ln in squashed:
                found.add(i)
                # Each line of the paragraph once: a headline repeated on the next lines
                # belongs to the paragraphs made of those lines.
                squashed = squashed.replace(ln, "\x00", 1)
            elif found:
                break
        if found:
            start = max(found) + 1
        out.append(found)
    return out


# --------------------------------------------------------------------------- matching


def name_tokens(name: str) -> tuple[str, ...]:
    """Normalised words of a name; an English article before it is no part of it («the
    French President's office» is «French President's office»)."""
    toks = tuple(_PUNCT.sub(" ", normalize(name)).split())
    return toks[1:] if len(toks) > 1 and toks[0] == "the" else toks


def _gold_forms(gold: dict[str, Any]) -> list[tuple[str, ...]]:
    forms = [name_tokens(gold.get("name", ""))]
    forms += [name_tokens(v) for v in gold.get("variants", []) or []]
    return [f for f in forms if f]


def name_matches(pred: str, gold: dict[str, Any], *, surname: bool) -> bool:
    p = name_tokens(pred)
    if not p:
        return False
    forms = _gold_forms(gold)
    if p in forms:
        return True
    if not surname:
        return False
    full = forms[0] if forms else ()
    return len(p) in (1, 2) and len(full) > len(p) and full[-len(p) :] == p


def _one_to_one(preds: list[Any], golds: list[Any], compatible) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for surname in (False, True):
        for i, p in enumerate(preds):
            if i in used_p:
                continue
            for j, g in enumerate(golds):
                if j not in used_g and compatible(p, g, surname):
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


def scored_speakers(gold: GoldArticle) -> list[dict[str, Any]]:
    return [
        s
        for s in gold.speakers
        if s.get("named", True) and s.get("type", "speaker") in SCORED_TYPES
    ]


def _gold_speaker(gold: GoldArticle, name: str) -> dict[str, Any]:
    for s in gold.speakers:
        if s.get("name") == name:
            return s
    return {"name": name}


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class LanguageScore:
    articles: int = 0
    speakers: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    attribution_right: int = 0
    attribution_seen: int = 0
    dates: Tally = field(default_factory=Tally)
    dates_resolved_right: int = 0
    # Publication dates read from the text (scored when the manifest's are withheld).
    published_gold: int = 0
    published_found: int = 0
    published_right: int = 0
    # Language identified from the body alone (no manifest, no declared language).
    language_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        matched_dates = self.dates.tp
        return {
            "articles": self.articles,
            "speakers": self.speakers.as_dict(),
            "quotes": self.quotes.as_dict(),
            "attribution_accuracy": round(self.attribution_right / self.attribution_seen, 3)
            if self.attribution_seen
            else None,
            "dates": self.dates.as_dict(),
            "date_resolution_accuracy": round(self.dates_resolved_right / matched_dates, 3)
            if matched_dates
            else None,
            "language_identified_right": self.language_right,
            "published": {
                "gold": self.published_gold,
                "found": self.published_found,
                "right": self.published_right,
            },
        }


def score_article(
    article: Article, gold: GoldArticle, lines: list[str], out: LanguageScore
) -> None:
    out.articles += 1
    if gold.published:
        out.published_gold += 1
        out.published_found += bool(article.published_at)
        if article.published_at == gold.published:
            out.published_right += 1
        elif article.date_source in ("text", "url"):
            out.misses.append(
                {"article": gold.id, "what": "published_wrong", "predicted": article.published_at,
                 "gold": gold.published}
            )  # fmt: skip
    miss = lambda what, **kw: out.misses.append({"article": gold.id, "what": what, **kw})  # noqa: E731

    # Named speakers and sources.
    preds = [s for s in article.speakers if s.kind != "anonymous"]
    golds = scored_speakers(gold)
    pairs = _one_to_one(preds, golds, lambda p, g, sn: name_matches(p.name, g, surname=sn))
    got_p = {i for i, _ in pairs}
    got_g = {j for _, j in pairs}
    # A prediction that names a voice the annotator marked unnamed ("the ministry's
    # spokesman") is neither right nor wrong: that voice is not scored.
    unnamed = [s for s in gold.speakers if not s.get("named", True)]
    ignored = {
        i
        for i, p in enumerate(preds)
        if i not in got_p and any(name_matches(p.name, u, surname=False) for u in unnamed)
    }
    out.speakers.add(len(pairs), len(preds) - len(pairs) - len(ignored), len(golds) - len(pairs))
    for i, p in enumerate(preds):
        if i not in got_p and i not in ignored:
            miss("speaker_false", name=p.name, kind=p.kind)
    for j, g in enumerate(golds):
        if j not in got_g:
            miss("speaker_missed", name=g["name"], type=g.get("type", "speaker"))

    # Statements.
    para_lines = paragraph_lines(article.paragraphs, lines)
    quote_lines = [
        para_lines[q.paragraph] if q.paragraph < len(para_lines) else set() for q in article.quotes
    ]
    gquotes = [
        q
        for q in gold.quotes
        if _gold_speaker(gold, q.get("speaker", "")).get("named", True)
        and _gold_speaker(gold, q.get("speaker", "")).get("type", "speaker") in SCORED_TYPES
    ]

    def quote_ok(pi: int, gq: dict[str, Any], surname: bool) -> bool:
        return gq.get("line") in quote_lines[pi] and name_matches(
            article.quotes[pi].speaker, _gold_speaker(gold, gq["speaker"]), surname=surname
        )

    named_preds = [
        i
        for i, q in enumerate(article.quotes)
        if q.speaker_kind != "anonymous"
        and not any(name_matches(q.speaker, u, surname=False) for u in unnamed)
    ]
    qpairs = _one_to_one(named_preds, gquotes, quote_ok)
    out.quotes.add(len(qpairs), len(named_preds) - len(qpairs), len(gquotes) - len(qpairs))
    got_gq = {j for _, j in qpairs}
    for j, gq in enumerate(gquotes):
        if j not in got_gq:
            miss("quote_missed", speaker=gq["speaker"], line=gq.get("line"), cue=gq.get("cue", ""))
    # Attribution: predicted statements placed on a gold statement's line.
    gold_by_line: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for gq in gquotes:
        gold_by_line[gq.get("line", -1)].append(gq)
    for pi in named_preds:
        candidates = [gq for ln in quote_lines[pi] for gq in gold_by_line.get(ln, [])]
        if not candidates:
            continue
        out.attribution_seen += 1
        if any(
            name_matches(
                article.quotes[pi].speaker, _gold_speaker(gold, gq["speaker"]), surname=True
            )
            for gq in candidates
        ):
            out.attribution_right += 1
        else:
            miss(
                "quote_misattributed",
                predicted=article.quotes[pi].speaker,
                gold=sorted({gq["speaker"] for gq in candidates}),
                line=sorted(quote_lines[pi]),
            )

    # Dates.
    date_lines = [
        para_lines[d.paragraph] if d.paragraph < len(para_lines) else set() for d in article.dates
    ]

    def date_ok(pi: int, gd: dict[str, Any], _surname: bool) -> bool:
        if gd.get("line") not in date_lines[pi]:
            return False
        a, b = normalize(article.dates[pi].text), normalize(gd.get("text", ""))
        return bool(a and b) and (a in b or b in a)

    pidx = list(range(len(article.dates)))
    dpairs = _one_to_one(pidx, gold.dates, date_ok)
    got_d = {i for i, _ in dpairs}
    got_gd = {j for _, j in dpairs}
    for i in pidx:
        if i not in got_d:
            miss("date_false", text=article.dates[i].text, start=article.dates[i].start)
    gold_fn = 0
    for j, gd in enumerate(gold.dates):
        if j in got_gd:
            continue
        if gd.get("chrome"):
            continue
        gold_fn += 1
        miss("date_missed", text=gd.get("text", ""), line=gd.get("line"))
    matched_chrome = sum(1 for _, j in dpairs if gold.dates[j].get("chrome"))
    out.dates.add(len(dpairs) - matched_chrome, len(pidx) - len(dpairs), gold_fn)
    for i, j in dpairs:
        gd = gold.dates[j]
        if gd.get("chrome"):
            continue
        d = article.dates[i]
        if (d.start, d.end) == (gd.get("start"), gd.get("end")):
            out.dates_resolved_right += 1
        else:
            miss(
                "date_misresolved",
                text=d.text,
                predicted=[d.start, d.end],
                gold=[gd.get("start"), gd.get("end")],
            )


def evaluate(
    folder: Path,
    gold_path: Path,
    manifest_path: Path | None = None,
    split: str | None = None,
    progress=None,
    dates_from_text: bool = False,
) -> dict[str, LanguageScore]:
    from dashboard.analysis.langid import article_language
    from dashboard.analysis.parser import parse_article

    gold = load_gold(gold_path)
    manifest = load_manifest(manifest_path)
    scores: dict[str, LanguageScore] = defaultdict(LanguageScore)
    ids = sorted(gold)
    for n, gid in enumerate(ids, 1):
        row = manifest.get(gid, {})
        if split and row.get("split", "dev") != split:
            continue
        text_file = folder / f"{gid}.txt"
        if not text_file.exists():
            scores["_missing"].misses.append({"article": gid, "what": "text_missing"})
            continue
        language = row.get("language") or gold[gid].language
        published = "" if dates_from_text else (row.get("published") or "")
        raw = read_article(text_file, language, published, row.get("url", ""))
        article = parse_article(raw)
        out = scores[language or "?"]
        score_article(article, gold[gid], text_lines(text_file), out)
        # What the body alone says, as for an upload without a manifest.
        identified, _ = article_language("", raw.body)
        if identified == language:
            out.language_right += 1
        else:
            out.misses.append({"article": gid, "what": "language_wrong", "identified": identified})
        if progress:
            progress(n, len(ids))
    return dict(scores)


# --------------------------------------------------------------------------- CLI


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of article texts (<id>.txt)")
    p.add_argument(
        "--gold", required=True, help="folder of <id>.json annotations, or one JSON file"
    )
    p.add_argument(
        "--manifest",
        default=None,
        help="CSV or folder of CSVs with id, language, published, split (default: manifests/ "
        "beside the gold folder, if there)",
    )
    p.add_argument("--split", default=None, help="score only rows of this split (dev / heldout)")
    p.add_argument(
        "--dates-from-text",
        action="store_true",
        help="withhold the manifest's publication dates: the parser reads them from the page",
    )
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--misses", default=None, help="write every miss as JSON lines to this file")


def cli(args: argparse.Namespace) -> int:
    folder, gold_path = Path(args.folder), Path(args.gold)
    for label, path in (("text folder", folder), ("gold", gold_path)):
        if not path.exists():
            print(f"error: {label} {path}: no such file or folder", file=sys.stderr)
            return 2
    manifest = Path(args.manifest) if args.manifest else gold_path.parent / "manifests"

    def progress(done: int, total: int) -> None:
        if total >= 20 and (done == total or done % max(1, total // 10) == 0):
            print(f"  scored {done}/{total}", file=sys.stderr)

    scores = evaluate(folder, gold_path, manifest, args.split, progress, args.dates_from_text)
    missing = scores.pop("_missing", None)
    if missing:
        print(
            f"warning: {len(missing.misses)} annotated article(s) have no text in {folder} "
            "(rebuild the texts: devset/README.md)",
            file=sys.stderr,
        )
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            for lang, s in sorted(scores.items()):
                for m in s.misses:
                    fh.write(json.dumps({"language": lang, **m}, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in sorted(scores.items())}, indent=1))
        return 0
    print(format_table(scores))
    return 0


def format_table(scores: dict[str, LanguageScore]) -> str:
    head = (
        f"{'lang':5} {'art':>4}  {'speakers P/R/F1':>17}  {'quotes P/R/F1':>17}  "
        f"{'attr':>5}  {'dates P/R/F1':>17}  {'resol':>5}  {'published right/found/gold':>27}"
    )
    rows = [head]
    for lang, s in sorted(scores.items()):
        d = s.as_dict()

        def prf(t: dict[str, Any]) -> str:
            return f"{t['precision']:.2f}/{t['recall']:.2f}/{t['f1']:.2f}"

        attr = d["attribution_accuracy"]
        res = d["date_resolution_accuracy"]
        rows.append(
            f"{lang:5} {s.articles:>4}  {prf(d['speakers']):>17}  {prf(d['quotes']):>17}  "
            f"{attr if attr is not None else '-':>5}  {prf(d['dates']):>17}  "
            f"{res if res is not None else '-':>5}  "
            f"{s.published_right:>11}/{s.published_found}/{s.published_gold}"
            f"  {s.language_right:>3}/{s.articles}"
        )
    return "\n".join(rows)
