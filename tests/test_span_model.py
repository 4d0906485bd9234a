"""The span tagger that proposes the voices the rules miss (speakers/span_model.py).

Every sentence here was written for these tests; the names are invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.analysis.parser import parse_article
from dashboard.analysis.speakers import span_model
from dashboard.analysis.speakers.engine import _tokens
from dashboard.bench import train_spans
from dashboard.bench.evaluate import GoldArticle
from dashboard.model import Quote, RawArticle

# The feature templates: everything a feature may be is one of these, followed by a value
# that comes from the token itself, its neighbours or the pack's lexicons.
_TEMPLATES = re.compile(
    r"^(?:b|BOS|BOP|EOS|al|cl_al|inq|"
    r"(?:-2|-1|1|2):(?:w|base|shape)=.*|(?:-2|-1|1|2):lex=.*|(?:-2|-1|1|2):pad|"
    r"(?:w|base|p2|p3|s2|s3|len|shape|para|clitic|vdist|vnext|lex)=.*|gap.|next_gap.)$"
)

_TRAIN = [
    ("وقال سامر الفيومي إن الطريق سيفتح غدا.", ["سامر الفيومي"]),
    ("وأكد وليد الحرازي أن المدارس ستعود إلى العمل.", ["وليد الحرازي"]),
    ("وأوضح ماهر البستاني أن الأسعار ستنخفض قريبا.", ["ماهر البستاني"]),
    ("وقالت هدى السنديان إن الاجتماع سيعقد الأحد.", ["هدى السنديان"]),
    ("وأضاف كريم العطار أن المشروع تأخر شهرين.", ["كريم العطار"]),
    ("وأشارت ريم الكرمي إلى أن الموسم كان جيدا.", ["ريم الكرمي"]),
    ("وقال طارق الجوهري إن الفريق جاهز للمباراة.", ["طارق الجوهري"]),
    ("وأكدت سعاد المرجاني أن اللجنة أنهت عملها.", ["سعاد المرجاني"]),
    ("وأضاف أن العمل سيستمر حتى نهاية الشهر.", []),
    ("وقال إن القرار نهائي.", []),
]


def _gold_and_lines():
    """A dev-set-shaped article of the sentences above: one line each."""
    lines = [s for s, _ in _TRAIN]
    speakers = [
        {"name": n, "variants": [], "type": "speaker", "named": True}
        for _, names in _TRAIN
        for n in names
    ]
    quotes = [
        {"speaker": n, "line": i, "type": "reported", "cue": ""}
        for i, (_, names) in enumerate(_TRAIN)
        for n in names
    ]
    return GoldArticle("ar_test", "ar", None, speakers, quotes, []), lines


def test_features_are_general_templates() -> None:
    sentence = "وقال المتحدث باسم وزارة الزراعة فادي النعيمي «إن المحصول جيد»."
    toks, _ = _tokens(sentence)
    feats = span_model.sentence_features(toks, "ar", 3, True)
    assert len(feats) == len(toks)
    for token_feats in feats:
        for f in token_feats:
            assert _TEMPLATES.match(f), f
    # The lexicon features say what a word is, never which name it is.
    lex = {f for token_feats in feats for f in token_feats if f.startswith("lex=")}
    assert "lex=verb" in lex
    assert all(re.fullmatch(r"lex=[a-z]+(?:=[a-z]+)?", f) for f in lex), lex


def test_projection_of_gold_names_with_a_clitic() -> None:
    toks, _ = _tokens("وقال لفالنسيا بوست إن الطريق مغلق.")
    forms = train_spans._forms({"name": "فالنسيا بوست", "variants": []})
    assert train_spans.project(toks, forms, "ar") == ["O", "B-VC", "I-V", "O", "O", "O"]


def test_training_is_deterministic_and_finds_a_new_voice(tmp_path: Path) -> None:
    gold, lines = _gold_and_lines()
    seqs = train_spans.article_sequences(lines, gold, "ar") * 3
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train_spans.train(seqs, a)
    train_spans.train(seqs, b)
    assert a.read_bytes() == b.read_bytes()
    tagger = span_model._tagger(str(a))
    try:
        new = "وقال نادر الصفصافي إن الجسر سيفتح الشهر المقبل."
        found = span_model.candidates([new], [], "ar", tagger)
    finally:
        span_model._tagger.cache_clear()
    assert [q.speaker for _p, q in found] == ["نادر الصفصافي"]
    assert found[0][1].verb == "وقال"


def _parse(text: str):
    raw = RawArticle(
        title="عنوان", body="عنوان\n\n" + text, language="ar", published_at="2024-05-01"
    )
    return parse_article(raw)


# The ar17 miss class: a foreign outlet named in Arabic script speaks (invented outlets).
_MISS = "وذكرت غرناطة تايمز أن الاجتماع عقد في سرية تامة."


def test_shipped_model_adds_a_voice_the_rules_miss(monkeypatch) -> None:
    assert span_model.model_path("ar").exists()
    tagger = span_model._tagger(str(span_model.model_path("ar")))
    found = span_model.candidates([_MISS], [], "ar", tagger)
    assert [q.speaker for _p, q in found] == ["غرناطة تايمز"]
    assert found[0][0] > 0.5
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "0")
    assert [q.speaker for q in _parse(_MISS).quotes] == []
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "1")
    monkeypatch.setattr(span_model, "threshold", lambda language: 0.5)
    quotes = _parse(_MISS).quotes
    assert [q.speaker for q in quotes] == ["غرناطة تايمز"]
    assert quotes[0].verb == "وذكرت" and not quotes[0].direct


def test_ablation_switch_and_rules_voices_untouched(monkeypatch) -> None:
    text = "وقال كمال الزيتوني إن الاجتماع عقد في سرية تامة.\n\n" + _MISS
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "0")
    assert not span_model.enabled("ar")
    rules = _parse(text).quotes
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "1")
    monkeypatch.setattr(span_model, "threshold", lambda language: 0.5)
    assert span_model.enabled("ar")
    both = _parse(text).quotes
    # The rules' statements stay as they were; the model only adds.
    assert both[: len(rules)] == rules
    assert [q.speaker for q in both[len(rules) :]] == ["غرناطة تايمز"]


@pytest.mark.parametrize("code", ["ko", "ru"])
def test_language_without_model_file_is_rules_alone(code: str, monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "1")
    assert not span_model.enabled(code)


def test_off_by_default(monkeypatch) -> None:
    monkeypatch.delenv("DASHBOARD_SPAN_MODEL", raising=False)
    assert span_model.enabled("ar") is span_model.DEFAULT_ON


class _FakeTagger:
    """A stand-in for the CRF: tags the tokens whose form is in `names` (B-V then I-V) with
    the given marginal, so the ops are tested apart from what a model learned."""

    def __init__(self, names: list[str], prob: float = 0.99) -> None:
        self.spans = [[t.norm for t in _tokens(n)[0]] for n in names]
        self.prob = prob

    def set(self, feats) -> None:
        self.words = [next(f[2:] for f in fs if f.startswith("w=")) for fs in feats]

    def tag(self) -> list[str]:
        labels = ["O"] * len(self.words)
        for span in self.spans:
            for i in range(len(self.words) - len(span) + 1):
                if self.words[i : i + len(span)] == span:
                    labels[i : i + len(span)] = ["B-V"] + ["I-V"] * (len(span) - 1)
        return labels

    def marginal(self, label: str, i: int) -> float:
        return self.prob


def _rules_quote(speaker: str, sentence: str) -> Quote:
    return Quote(
        speaker=speaker,
        speaker_kind="other",
        role="",
        verb="وقال",
        direct=False,
        text="",
        paragraph=0,
        sentence=sentence,
    )


_TWO = "وقال سامر الفيومي إن الطريق سيفتح غدا، فيما ذكرت غرناطة تايمز أن العمل تأخر."


def test_add_a_second_voice_of_an_attributed_sentence() -> None:
    rules = [_rules_quote("سامر الفيومي", _TWO)]
    tagger = _FakeTagger(["سامر الفيومي", "غرناطة تايمز"])
    gap_only = span_model.proposals([_TWO], rules, "ar", tagger)
    assert gap_only == []  # the rules attributed the sentence: round 1 never looked there
    props = span_model.proposals([_TWO], rules, "ar", tagger, ("gap", "add"))
    # The rules' own voice is not proposed again; the outlet it left out is.
    assert [(p.op, p.quote.speaker) for p in props] == [("add", "غرناطة تايمز")]
    assert props[0].quote.verb == "ذكرت"
    out = span_model.apply(rules, props, {"gap": 0.9, "add": 0.95})
    assert [q.speaker for q in out] == ["سامر الفيومي", "غرناطة تايمز"]
    assert span_model.apply(rules, props, {"gap": 0.9, "add": 0.995}) == rules
    assert span_model.apply(rules, props, {"gap": 0.9}) == rules  # the op off


_WIDE = "وقال بمدينة الواحة سامر الفيومي إن الطريق سيفتح غدا."


def test_extent_trims_a_swallowed_word_but_never_moves() -> None:
    rules = [_rules_quote("بمدينة الواحة سامر الفيومي", _WIDE)]
    ops = ("gap", "extent")
    props = span_model.proposals([_WIDE], rules, "ar", _FakeTagger(["سامر الفيومي"]), ops)
    assert [(p.op, p.quote.speaker, p.target) for p in props] == [("extent", "سامر الفيومي", 0)]
    out = span_model.apply(rules, props, {"gap": 0.99, "extent": 0.9})
    assert [q.speaker for q in out] == ["سامر الفيومي"]
    assert out[0].sentence == _WIDE and out[0].verb == "وقال"
    # Completing a cut name (same first word) is a change of extent too.
    cut = [_rules_quote("سامر", _WIDE)]
    props = span_model.proposals([_WIDE], cut, "ar", _FakeTagger(["سامر الفيومي"]), ops)
    assert [p.quote.speaker for p in props] == ["سامر الفيومي"]
    # A span that overlaps the name but shares neither end moves to other words: no change.
    moved = [_rules_quote("الواحة سامر", _WIDE)]
    props = span_model.proposals([_WIDE], moved, "ar", _FakeTagger(["سامر الفيومي"]), ops)
    assert props == []


def test_ops_and_switch_per_language_from_the_pack_settings(monkeypatch) -> None:
    # The shipped packs run the round-1 op alone (no add/extent threshold).
    assert span_model.thresholds("ar") == {"gap": span_model.threshold("ar")}
    meta = {"threshold": 0.9, "add_threshold": 0.95, "extent_threshold": 0.99, "enabled": False}
    monkeypatch.setattr(span_model, "settings", lambda language: meta)
    assert span_model.thresholds("ar") == {"gap": 0.9, "add": 0.95, "extent": 0.99}
    monkeypatch.setattr(span_model, "DEFAULT_ON", True)
    monkeypatch.delenv("DASHBOARD_SPAN_MODEL", raising=False)
    assert not span_model.enabled("ar")  # on by default, but switched off in this pack
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "1")
    assert span_model.enabled("ar")  # the explicit switch wins
    monkeypatch.setenv("DASHBOARD_SPAN_MODEL", "0")
    assert not span_model.enabled("ar")
