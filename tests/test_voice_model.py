"""The learned voice check (dashboard/analysis/speakers/voice_model.py), on statements
written for these tests."""

from __future__ import annotations

import json

from dashboard.analysis.speakers import voice_model
from dashboard.analysis.speakers.voice_model import features, keep_voices, probability, train
from dashboard.model import Quote

PARAS = [
    "Finance Minister Jane Doe said on Monday that inflation was consistently falling toward its target.",
    "Doe added that the central bank would act if needed.",
]


def _q(speaker: str, kind: str = "official", role: str = "", direct: bool = False) -> Quote:
    return Quote(speaker, kind, role, "said", direct, "inflation was falling", 0)


def test_the_shipped_model_is_small_data_with_a_threshold_per_language() -> None:
    model = json.loads(voice_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(model["thresholds"]) >= {"ar", "en"}
    assert 10 < len(model["weights"]) < 200
    assert model["examples"] > 100 and 0 < model["positives"] < model["examples"]


def test_a_named_person_outscores_a_clause_fragment() -> None:
    model = json.loads(voice_model.MODEL_PATH.read_text(encoding="utf-8"))
    text = "\n".join(PARAS).lower()
    person = probability(features(_q("Jane Doe", role="Finance Minister"), text, "en"), model)
    fragment = probability(
        features(_q("consistently falling toward its", "other"), text, "en"), model
    )
    assert person > fragment


def test_off_switch_keeps_every_statement(monkeypatch) -> None:
    quotes = [
        _q("Jane Doe"),
        _q("consistently falling toward its", "other"),
        _q("sources", "anonymous"),
    ]
    monkeypatch.setenv("DASHBOARD_VOICE_MODEL", "0")
    assert keep_voices(quotes, PARAS, "en") == quotes
    monkeypatch.setenv("DASHBOARD_VOICE_MODEL", "1")
    kept = keep_voices(quotes, PARAS, "en")
    assert quotes[2] in kept  # anonymous voices are the rules' own call


def test_training_learns_the_direction_of_a_feature() -> None:
    rows = [({"bias": 1.0, "x": 1.0}, 1)] * 30 + [({"bias": 1.0, "x": 0.0}, 0)] * 30
    w = train(rows)
    assert w["x"] > 1.0
    assert probability({"bias": 1.0, "x": 1.0}, {"weights": w}) > 0.7
    assert probability({"bias": 1.0, "x": 0.0}, {"weights": w}) < 0.3


def test_regnal_number_is_not_the_name_counted_in_the_article() -> None:
    # «Harald V»: the mentions that count are those of «Harald», not of «V».
    text = "king harald v visited the town. harald said he grieved. harald v said: we grieve"
    assert features(_q("Harald V", role="King", direct=True), text, "en")["mentions_last"] > 0
