"""Evaluation gate for date extraction on the hand-annotated corpus.

Corpus (tests/data/corpus/): article .txt files (headline on line 1, then the body),
manifest.csv (file, published_at, language, ...) and annotations.json with, per file,
"dates": [{text, start, end, granularity, approximate, paragraph}], where paragraph is the
0-based index into split_paragraphs(body).

Detection: a predicted mention matches a gold one when both are in the same paragraph and
their texts overlap there (one-to-one, greedy). Resolution accuracy: among matched pairs,
the share whose start, end and granularity are all equal.

The scores are pinned in tests/data/date_baseline.json; the test fails when F1 or accuracy
falls more than 0.02 below the pin. Re-pin deliberately (see `_write_baseline`) after an
improvement, never to hide a regression.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dashboard.analysis.dates import extract_dates
from dashboard.analysis.textproc import detect_language, normalize, split_paragraphs
from dashboard.model import DateMention

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "corpus"
# Articles written after the rules were tuned and annotated before the code ran on them.
HELDOUT = CORPUS / "heldout"
HELDOUT_FLOOR = 0.6
BASELINE = DATA / "date_baseline.json"
TOLERANCE = 0.02


@dataclass
class Scores:
    gold: int
    predicted: int
    matched: int
    resolved: int  # matched pairs with equal start, end and granularity

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.resolved / self.matched if self.matched else 0.0


def _spans(paragraph: str, text: str) -> list[tuple[int, int]]:
    """Every occurrence of text in paragraph (exact first, then in normalised form)."""
    out, i = [], paragraph.find(text)
    while text and i >= 0:
        out.append((i, i + len(text)))
        i = paragraph.find(text, i + 1)
    return out


def _overlap(paragraph: str, a: str, b: str) -> bool:
    sa, sb = _spans(paragraph, a), _spans(paragraph, b)
    if sa and sb:
        return any(x0 < y1 and y0 < x1 for x0, x1 in sa for y0, y1 in sb)
    # Annotation text not found verbatim (spacing, diacritics): compare normalised forms.
    na, nb = normalize(a).strip(), normalize(b).strip()
    return bool(na and nb) and (na in nb or nb in na)


def score_article(
    paragraphs: list[str], gold: list[dict], predicted: list[DateMention]
) -> tuple[Scores, list[tuple[dict, DateMention]]]:
    used: set[int] = set()
    pairs: list[tuple[dict, DateMention]] = []
    for g in gold:
        p_i = int(g["paragraph"])
        if not 0 <= p_i < len(paragraphs):
            continue
        options = [
            (j, m)
            for j, m in enumerate(predicted)
            if j not in used and m.paragraph == p_i and _overlap(paragraphs[p_i], g["text"], m.text)
        ]
        if options:
            # Prefer the prediction with the same text, then the first in reading order.
            j, m = min(options, key=lambda o: (o[1].text != g["text"], o[0]))
            used.add(j)
            pairs.append((g, m))
    resolved = sum(
        1
        for g, m in pairs
        if (g.get("start"), g.get("end"), g.get("granularity")) == (m.start, m.end, m.granularity)
    )
    return Scores(len(gold), len(predicted), len(pairs), resolved), pairs


def _load_annotations(corpus: Path = CORPUS) -> dict[str, list[dict]]:
    raw = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    if isinstance(raw, list):  # [{"file": ..., "dates": [...]}, ...]
        return {a["file"]: a.get("dates", []) for a in raw}
    if "files" in raw and isinstance(raw["files"], dict | list):
        return _load_files_key(raw["files"])
    return {name: (v.get("dates", []) if isinstance(v, dict) else v) for name, v in raw.items()}


def _load_files_key(files) -> dict[str, list[dict]]:
    if isinstance(files, list):
        return {a["file"]: a.get("dates", []) for a in files}
    return {name: v.get("dates", []) for name, v in files.items()}


def evaluate(verbose: bool = False, corpus: Path = CORPUS) -> Scores:
    with (corpus / "manifest.csv").open(encoding="utf-8") as fh:
        manifest = {row["file"]: row for row in csv.DictReader(fh)}
    annotations = _load_annotations(corpus)
    total = Scores(0, 0, 0, 0)
    for name, gold in sorted(annotations.items()):
        path = corpus / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        paragraphs = split_paragraphs(body)
        row = manifest.get(name, {})
        pub_s = (row.get("published_at") or "").strip()
        pub = date.fromisoformat(pub_s[:10]) if pub_s else None
        lang = (row.get("language") or "").strip() or detect_language(body)
        predicted = extract_dates(paragraphs, pub, lang)
        s, pairs = score_article(paragraphs, gold, predicted)
        total = Scores(
            total.gold + s.gold,
            total.predicted + s.predicted,
            total.matched + s.matched,
            total.resolved + s.resolved,
        )
        if verbose:
            _report_article(name, gold, predicted, pairs)
    return total


def _report_article(name, gold, predicted, pairs) -> None:
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(m) for _, m in pairs}
    for g in gold:
        if id(g) not in matched_gold:
            print(f"MISS {name} p{g['paragraph']}: {g['text']!r} {g.get('start')}..{g.get('end')}")
    for m in predicted:
        if id(m) not in matched_pred:
            print(f"FP   {name} p{m.paragraph}: {m.text!r} {m.start}..{m.end} {m.granularity}")
    for g, m in pairs:
        if (g.get("start"), g.get("end"), g.get("granularity")) != (m.start, m.end, m.granularity):
            print(
                f"RES  {name} p{m.paragraph}: {m.text!r} got {m.start}..{m.end} {m.granularity}"
                f" want {g.get('start')}..{g.get('end')} {g.get('granularity')}"
            )


def _write_baseline(s: Scores) -> None:
    BASELINE.write_text(
        json.dumps(
            {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "accuracy": round(s.accuracy, 4),
                "gold": s.gold,
                "predicted": s.predicted,
                "matched": s.matched,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


def test_score_article_matching_rules():
    """The scorer itself: overlap within the same paragraph, one-to-one, resolution check."""
    paras = ["وصل الوفد أمس إلى القاهرة.", "ويغادر غدًا بعد لقاء الوزير."]
    gold = [
        {
            "text": "أمس",
            "start": "2024-06-19",
            "end": "2024-06-19",
            "granularity": "day",
            "paragraph": 0,
        },
        {
            "text": "غدًا",
            "start": "2024-06-21",
            "end": "2024-06-21",
            "granularity": "day",
            "paragraph": 1,
        },
    ]
    pred = [
        DateMention("أمس", "2024-06-19", "2024-06-19", "day", False, 0),
        DateMention("غدًا", "2024-06-22", "2024-06-22", "day", False, 0),  # wrong paragraph
        DateMention("غدًا", "2024-06-22", "2024-06-22", "day", False, 1),  # wrong date
    ]
    s, _ = score_article(paras, gold, pred)
    assert (s.gold, s.predicted, s.matched, s.resolved) == (2, 3, 2, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == 1.0 and s.accuracy == 0.5


@pytest.mark.skipif(not (CORPUS / "annotations.json").exists(), reason="no annotated corpus yet")
def test_date_extraction_meets_pinned_baseline():
    s = evaluate(verbose=True)
    print(
        f"dates: gold={s.gold} predicted={s.predicted} matched={s.matched} "
        f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} accuracy={s.accuracy:.3f}"
    )
    assert s.gold > 0, "annotations.json holds no date annotations"
    if os.environ.get("DATES_WRITE_BASELINE") == "1":
        _write_baseline(s)
    assert BASELINE.exists(), "no pinned baseline: run once with DATES_WRITE_BASELINE=1"
    pin = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert s.f1 >= pin["f1"] - TOLERANCE, f"F1 {s.f1:.3f} < pinned {pin['f1']}"
    assert s.accuracy >= pin["accuracy"] - TOLERANCE, (
        f"accuracy {s.accuracy:.3f} < pinned {pin['accuracy']}"
    )


@pytest.mark.skipif(not (HELDOUT / "annotations.json").exists(), reason="no held-out corpus")
def test_date_extraction_on_heldout_articles():
    s = evaluate(verbose=True, corpus=HELDOUT)
    print(
        f"dates (held-out): gold={s.gold} predicted={s.predicted} matched={s.matched} "
        f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} accuracy={s.accuracy:.3f}"
    )
    assert s.gold > 0
    assert s.f1 >= HELDOUT_FLOOR and s.accuracy >= HELDOUT_FLOOR
