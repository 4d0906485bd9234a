"""Russian date expressions beyond test_pack_ru.py: parts of a unit, seasons, month ranges,
rolling windows, a weekday before its date, and the sentence's year for an undated page.

Every sentence here was written for this test: invented events, no text from the web.
"""

from __future__ import annotations

from datetime import date

from dashboard.analysis.dates import extract_dates

PUB = date(2019, 8, 21)  # a Wednesday


def _dates(text, pub=PUB):
    return [(d.text, d.start, d.end, d.granularity) for d in extract_dates([text], pub, "ru")]


def test_this_next_year_in_any_case():
    assert _dates("Поправки внесут на текущий год и на следующий год.") == [
        ("на текущий год", "2019-01-01", "2019-12-31", "year"),
        ("на следующий год", "2020-01-01", "2020-12-31", "year"),
    ]
    assert _dates("Итоги прошлого года разочаровали.") == [
        ("прошлого года", "2018-01-01", "2018-12-31", "year")
    ]


def test_end_and_start_of_a_unit():
    assert _dates("Запуски пройдут до конца года, итог подведут в конце прошлого года.") == [
        ("до конца года", "2019-01-01", "2019-12-31", "year"),
        ("в конце прошлого года", "2018-01-01", "2018-12-31", "year"),
    ]
    assert _dates("С начала года цены выросли.") == [
        ("С начала года", "2019-01-01", "2019-08-21", "range")
    ]


def test_seasons():
    assert _dates("Весной завод открыли, прошлой осенью его строили.") == [
        ("Весной", "2019-03-01", "2019-05-31", "range"),
        ("прошлой осенью", "2018-09-01", "2018-11-30", "range"),
    ]
    assert _dates("Летом 2016 года было жарко.") == [
        ("Летом 2016 года", "2016-06-01", "2016-08-31", "range")
    ]


def test_month_ranges_and_rolling_windows():
    assert _dates("В январе–марте 2015 года продажи упали.") == [
        ("В январе–марте 2015 года", "2015-01-01", "2015-03-31", "range")
    ]
    assert _dates("За минувшие сутки спасли десять человек.") == [
        ("За минувшие сутки", "2019-08-20", "2019-08-21", "range")
    ]
    assert _dates("За последние три дня выпало много снега.") == [
        ("За последние три дня", "2019-08-18", "2019-08-21", "range")
    ]


def test_a_weekday_before_its_date_is_one_mention():
    assert _dates("В понедельник, 19 августа, начались учения.") == [
        ("В понедельник, 19 августа", "2019-08-19", "2019-08-19", "day")
    ]
    # a weekday that is not the date's: two mentions
    got = _dates("Во вторник, 19 августа, начались учения.")
    assert [t for t, *_ in got] == ["Во вторник", "19 августа"]


def test_vague_phrases():
    got = _dates("В дальнейшем и в ближайшие дни работы продолжатся.")
    assert got == [("В дальнейшем", None, None, "vague"), ("в ближайшие дни", None, None, "vague")]


def test_an_undated_page_takes_the_one_year_of_the_sentence():
    got = _dates("На брифинге 5 марта министр назвал дефицит за 2015 год.", pub=None)
    assert got[0] == ("5 марта", "2015-03-05", "2015-03-05", "day")
    # two years named: no guess
    got = _dates("На брифинге 5 марта сравнили 2014 год и 2015 год.", pub=None)
    assert got[0] == ("5 марта", None, None, "day")
