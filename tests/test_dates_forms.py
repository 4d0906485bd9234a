"""Date forms seen in real articles (issue 14), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from dashboard.analysis.dates import extract_dates
from dashboard.analysis.textproc import split_sentences


def _dates(text: str, pub: date | None, lang: str):
    return [(d.text, d.start, d.end, d.granularity) for d in extract_dates([text], pub, lang)]


def test_abbreviated_month_before_its_day_ends_no_sentence():
    assert split_sentences("The Feb. 6 quake hit the south. Rescuers came.") == [
        "The Feb. 6 quake hit the south.",
        "Rescuers came.",
    ]
    assert _dates("Aid has flowed since the Feb. 6 quake.", date(2023, 2, 14), "en") == [
        ("Feb. 6", "2023-02-06", "2023-02-06", "day")
    ]
    # A full stop after a whole word still ends the sentence before a number.
    assert split_sentences("They met in Paris. 40 people came.") == [
        "They met in Paris.",
        "40 people came.",
    ]
