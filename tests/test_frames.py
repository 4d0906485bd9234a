"""Frame scoring from lexicon cues: matching, scores as sentence shares, evidence."""

from __future__ import annotations

import pytest

from dashboard.analysis.frames import FRAME_LABELS, FRAMES, score_frames, sentence_cues


@pytest.mark.parametrize(
    ("sentence", "frames"),
    [
        ("وفرضت الدول الأوروبية عقوبات جديدة على قطاع النفط.", {"economy"}),
        ("قال إن الهجوم الصاروخي استهدف مواقع للجيش.", {"security"}),
        ("وتطالب كييف بمزيد من الأسلحة.", {"ukraine_war", "security"}),
        ("يسعى البلدان إلى بناء نظام عالمي متعدد الأقطاب.", {"geopolitics"}),
        ("ويدعو مجلس الأمن إلى احترام القانون الدولي.", {"law_diplomacy"}),
        ("عادت العائلات النازحة إلى منازلها وسط دموع الأطفال.", {"human_interest"}),
        # Clitics before a cue: و + ب + ال.
        ("وبالعقوبات لن يتغير شيء.", {"economy"}),
        # «الغرب» is written with its article: «غرب المدينة» (a direction) is not the West.
        ("انتقل السكان إلى غرب المدينة.", {"human_interest"}),
        ("هطلت أمطار خفيفة على العاصمة.", set()),
        # Word boundaries: «حربي» is not in the lexicon and «أمنية» ≠ «أمن» + ending? (أمني* covers it)
        ("سافر إلى الحربية القديمة", set()),
    ],
)
def test_arabic_sentence_cues(sentence, frames):
    assert set(sentence_cues(sentence, "ar")) == frames


@pytest.mark.parametrize(
    ("sentence", "frames"),
    [
        ("The West imposed new sanctions on oil exports.", {"geopolitics", "economy"}),
        ("Troops crossed the border after a missile attack.", {"security"}),
        ("Kyiv asked for more air defence.", {"ukraine_war", "security"}),
        ("It rained in the morning.", set()),
        ("The warden opened the gate.", set()),  # "war" needs a word boundary
    ],
)
def test_english_sentence_cues(sentence, frames):
    assert set(sentence_cues(sentence, "en")) == frames


def test_score_is_share_of_sentences_and_evidence_lists_them():
    paragraphs = [
        "فرضت الحكومة عقوبات على الشركات. وارتفعت أسعار الخبز.",
        "هطلت أمطار خفيفة. ولعب الأطفال في الحديقة.",
    ]
    scores, evidence = score_frames(paragraphs, "ar")
    assert set(FRAMES) <= set(scores)
    assert scores["economy"] == 0.5  # 2 of 4 sentences
    assert scores["human_interest"] == 0.25
    assert scores["security"] == 0.0
    assert [(e.sentence, e.paragraph, e.cues) for e in evidence["economy"]] == [
        ("فرضت الحكومة عقوبات على الشركات.", 0, ["عقوبات"]),
        ("وارتفعت أسعار الخبز.", 0, ["أسعار"]),
    ]
    assert evidence["security"] == []


def test_scores_comparable_across_lengths():
    one = ["فرضت الحكومة عقوبات جديدة. هطلت أمطار."]
    doubled = one * 3
    assert score_frames(one, "ar")[0] == score_frames(doubled, "ar")[0]


def test_empty_article():
    scores, evidence = score_frames([], "ar")
    assert all(v == 0.0 for v in scores.values())
    assert all(v == [] for v in evidence.values())


def test_labels_in_both_languages():
    for frame in FRAMES:
        assert FRAME_LABELS[frame]["en"] and FRAME_LABELS[frame]["ar"]
