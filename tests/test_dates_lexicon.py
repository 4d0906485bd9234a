"""The date words of every pack are read by the engine (`date_lexicon`), not by each pack."""

from __future__ import annotations

from dashboard.analysis.dates.engine import date_lexicon
from dashboard.analysis.languages import available_languages


def test_every_pack_gets_its_date_words_from_the_engine():
    for code in available_languages():
        lx = date_lexicon(code)
        assert len(lx.weekdays) >= 7, code
        assert set(lx.weekdays.values()) == set(range(7)), code
        assert lx.strict_weekdays <= set(lx.weekdays), code
        assert lx.strict_months <= set(lx.months), code


def test_arabic_words_are_normalised_and_split_by_calendar():
    lx = date_lexicon("ar")
    assert lx.months["يناير"] == 1
    assert "ذي الحجه" in lx.hijri and "ذي الحجه" not in lx.months  # ة -> ه, Hijri apart
    assert lx.weekdays["اثنين"] == 0 and "اثنين" in lx.strict_weekdays
    assert lx.ordinals["الحادي والثلاثين"] == 31 and "الحادي والثلاثين" not in lx.numbers


def test_case_follows_the_pack():
    en, ru = date_lexicon("en"), date_lexicon("ru")
    assert en.months["May"] == 5 and "may" not in en.months  # "may" the verb
    assert en.weekdays["Monday"] == 0
    assert en.numbers["one"] == 1
    assert all(w == w.lower() for w in (*ru.months, *ru.weekdays, *ru.vague))
    assert ru.months["июня"] == 6
