"""`python -m dashboard evaluate`: the scorer itself, on articles and annotations written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dashboard.bench.evaluate import (
    GoldArticle,
    LanguageScore,
    load_gold,
    name_matches,
    paragraph_lines,
    score_article,
)
from dashboard.model import Article, DateMention, Quote, Speaker

ROOT = Path(__file__).resolve().parent.parent

TEXT = """Budget talks resume in the capital
Finance Minister Jane Doe said on Monday that taxes would fall next year.

"We will not raise the sales tax," Doe told reporters.
The opposition leader, Omar Haddad, warned that the plan was unfunded.
"""
LINES = [ln.strip() for ln in TEXT.splitlines() if ln.strip()]
PARAGRAPHS = LINES  # the whole page is the body


def _quote(speaker: str, paragraph: int, kind: str = "official") -> Quote:
    return Quote(speaker, kind, "", "said", False, "", paragraph)


def _gold() -> GoldArticle:
    return GoldArticle(
        id="t",
        language="en",
        published="2024-03-06",
        speakers=[
            {"name": "Jane Doe", "variants": ["the minister"], "named": True, "type": "speaker"},
            {"name": "Omar Haddad", "named": True, "type": "speaker"},
            {"name": "Reuters", "named": True, "type": "source"},
            {"name": "Nobody Quoted", "named": True, "type": "mention"},
            {"name": "officials", "named": False, "type": "speaker"},
            {"name": "the ministry spokesman", "named": False, "type": "speaker"},
        ],
        quotes=[
            {"speaker": "Jane Doe", "line": 1, "type": "reported", "cue": "said"},
            {"speaker": "Jane Doe", "line": 2, "type": "direct", "cue": "told"},
            {"speaker": "Omar Haddad", "line": 3, "type": "reported", "cue": "warned"},
        ],
        dates=[
            {"text": "on Monday", "line": 1, "start": "2024-03-04", "end": "2024-03-04"},
            {"text": "next year", "line": 1, "start": "2025-01-01", "end": "2025-12-31"},
            {
                "text": "6 March 2024",
                "line": 0,
                "start": "2024-03-06",
                "end": "2024-03-06",
                "chrome": True,
            },
        ],
    )


def _article(quotes: list[Quote], speakers: list[Speaker], dates: list[DateMention]) -> Article:
    return Article(
        id="t", title=LINES[0], outlet="x", published_at="2024-03-06", date_source="manifest",
        language="en", paragraphs=PARAGRAPHS, quotes=quotes, speakers=speakers, dates=dates,
    )  # fmt: skip


def test_names_match_full_variant_and_surname_only_when_longer() -> None:
    gold = {"name": "Jane Doe", "variants": ["the minister"]}
    assert name_matches("jane doe", gold, surname=False)
    assert name_matches("The Minister", gold, surname=False)
    assert not name_matches("Doe", gold, surname=False)
    assert name_matches("Doe", gold, surname=True)
    assert not name_matches("Jane", gold, surname=True)  # a first name is not a surname
    assert not name_matches("", gold, surname=True)


def test_paragraph_lines_follow_the_file_order() -> None:
    assert paragraph_lines(PARAGRAPHS, LINES) == [{0}, {1}, {2}, {3}]
    joined = [PARAGRAPHS[0], PARAGRAPHS[1] + " " + PARAGRAPHS[2], PARAGRAPHS[3]]
    assert paragraph_lines(joined, LINES) == [{0}, {1, 2}, {3}]
    # A headline repeated on the lines after it: each paragraph takes its own line.
    repeated = ["Ministers meet in Oslo", "Ministers meet in Oslo", "Talks began today."]
    assert paragraph_lines(repeated, repeated) == [{0}, {1}, {2}]


def test_counts_hits_misses_and_false_speakers() -> None:
    article = _article(
        quotes=[_quote("Jane Doe", 1), _quote("Doe", 2), _quote("opposition leader", 3)],
        speakers=[
            Speaker("Jane Doe", "official", "", 2),
            Speaker("opposition leader", "official", "", 1),
            Speaker("sources", "anonymous", "", 1),  # unnamed: neither hit nor false
            Speaker("the ministry spokesman", "official", "", 1),  # gold: unnamed, not scored
        ],
        dates=[
            DateMention("on Monday", "2024-03-04", "2024-03-04", "day", False, 1),
            DateMention("next year", "2025-01-01", "2025-06-30", "year", False, 1),
            DateMention("in 1999", "1999-01-01", "1999-12-31", "year", False, 3),
        ],
    )
    score = LanguageScore()
    score_article(article, _gold(), LINES, score)
    d = score.as_dict()
    # Speakers: Jane Doe found; "opposition leader" false; Haddad and Reuters missed.
    assert (d["speakers"]["tp"], d["speakers"]["fp"], d["speakers"]["fn"]) == (1, 1, 2)
    # Quotes: both of Doe's statements (the second by surname); Haddad's credited wrongly.
    assert (d["quotes"]["tp"], d["quotes"]["fp"], d["quotes"]["fn"]) == (2, 1, 1)
    assert d["attribution_accuracy"] == round(2 / 3, 3)
    # Dates: two found, one false, the page-chrome date not counted as a miss.
    assert (d["dates"]["tp"], d["dates"]["fp"], d["dates"]["fn"]) == (2, 1, 0)
    assert d["date_resolution_accuracy"] == 0.5
    kinds = sorted(m["what"] for m in score.misses)
    assert kinds.count("speaker_missed") == 2 and "quote_misattributed" in kinds
    assert {"what": "date_misresolved"}.items() <= next(
        m for m in score.misses if m["what"] == "date_misresolved"
    ).items()


def test_cli_scores_a_folder_and_the_parser_agrees_with_itself(tmp_path: Path) -> None:
    """Gold written from the parser's own output must score 1.0: the scorer and the parser
    read the same lines and paragraphs."""
    texts, gold_dir = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold_dir.mkdir()
    (texts / "en_t.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "m.csv").write_text("id,split,language,published\nen_t,dev,en,2024-03-06\n")
    from dashboard.analysis.parser import parse_article
    from dashboard.bench.evaluate import read_article

    art = parse_article(read_article(texts / "en_t.txt", "en", "2024-03-06")).to_dict()
    assert art["quotes"], "the parser should find at least one statement here"
    named = [s for s in art["speakers"] if s["kind"] != "anonymous"]
    gold = {
        "id": "en_t",
        "language": "en",
        "speakers": [{"name": s["name"], "named": True, "type": "speaker"} for s in named],
        "quotes": [
            {"speaker": q["speaker"], "line": q["paragraph"], "type": "reported"}
            for q in art["quotes"]
            if q["speaker_kind"] != "anonymous"
        ],
        "dates": [],
    }
    (gold_dir / "en_t.json").write_text(json.dumps(gold), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "evaluate", str(texts), "--gold", str(gold_dir),
         "--manifest", str(tmp_path / "m.csv"), "--json"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    scores = json.loads(out.stdout)["en"]
    assert scores["articles"] == 1
    assert scores["speakers"]["f1"] == 1.0 and scores["quotes"]["f1"] == 1.0
    assert scores["attribution_accuracy"] == 1.0
    # The body alone (no manifest language) reads as English.
    assert scores["language_identified_right"] == 1


def test_gold_file_forms_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "g.json").write_text(json.dumps({"a.txt": {"language": "ar"}}))
    assert load_gold(tmp_path / "g.json")["a"].language == "ar"
    (tmp_path / "l.json").write_text(json.dumps([{"id": "b", "language": "en"}]))
    assert load_gold(tmp_path / "l.json")["b"].language == "en"
    res = subprocess.run(
        [sys.executable, "-m", "dashboard", "evaluate", str(tmp_path / "none"), "--gold", "x"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert res.returncode == 2 and "no such file or folder" in res.stderr


def test_an_english_article_before_a_name_is_no_part_of_it() -> None:
    gold = {"name": "the Harbour Office", "variants": []}
    assert name_matches("Harbour Office", gold, surname=False)
    assert name_matches("The Harbour Office", gold, surname=False)
    assert not name_matches("the", {"name": "Office"}, surname=False)
