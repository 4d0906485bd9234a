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


def test_parts_of_a_month_and_two_date_ranges():
    assert _dates("Учения прошли в конце июля и в начале сентября.") == [
        ("в конце июля", "2019-07-21", "2019-07-31", "range"),
        ("в начале сентября", "2019-09-01", "2019-09-10", "range"),
    ]
    assert _dates("Выставка пройдет с 1 по 5 сентября, а ярмарка — с 1 сентября по 5 октября.") == [
        ("с 1 по 5 сентября", "2019-09-01", "2019-09-05", "range"),
        ("с 1 сентября по 5 октября", "2019-09-01", "2019-10-05", "range"),
    ]


def test_after_a_span_decades_and_a_qualified_weekday():
    assert _dates("Через неделю и через два года всё изменится.") == [
        ("Через неделю", "2019-08-26", "2019-09-01", "week"),
        ("через два года", "2021-01-01", "2021-12-31", "year"),
    ]
    assert _dates("В 1990-х годах завод закрыли.") == [
        ("1990-х годах", "1990-01-01", "1999-12-31", "range")
    ]
    assert _dates("В минувшую пятницу прошла встреча.") == [
        ("В минувшую пятницу", "2019-08-16", "2019-08-16", "day")
    ]


def test_weekends_quarters_since_a_year_and_the_last_week():
    # PUB is Wednesday 21 August 2019
    assert _dates("В выходные прошли учения.") == [
        ("В выходные", "2019-08-17", "2019-08-18", "range")
    ]
    assert _dates("В ближайшие выходные будет тепло.") == [
        ("В ближайшие выходные", "2019-08-24", "2019-08-25", "range")
    ]
    assert _dates("В первом квартале 2018 года и во втором полугодии прибыль выросла.") == [
        ("В первом квартале 2018 года", "2018-01-01", "2018-03-31", "range"),
        ("во втором полугодии", "2019-07-01", "2019-12-31", "range"),
    ]
    assert _dates("С 2014 года санкции действуют.") == [
        ("С 2014 года", "2014-01-01", "2014-12-31", "year")
    ]
    assert _dates("С 2014 по 2016 год шли работы.") == [
        ("С 2014 по 2016 год", "2014-01-01", "2016-12-31", "range")
    ]
    assert _dates("В последнюю неделю уровень рос, за минувший месяц тоже.") == [
        ("В последнюю неделю", "2019-08-14", "2019-08-21", "range"),
        ("за минувший месяц", "2019-07-21", "2019-08-21", "range"),
    ]


def test_a_day_first_date_in_a_url_path():
    from dashboard.analysis.published import url_date

    assert url_date("https://news.example/politics/26/03/2024/abc123") == date(2024, 3, 26)
    assert url_date("https://news.example/a/05/03/2024/b") == date(2024, 3, 5)
    assert url_date("https://news.example/2024/03/26/abc") == date(2024, 3, 26)


def test_years_with_a_case_ending_short_decades_and_qualified_seasons():
    assert _dates("В 2024-м году и в 2025-м всё изменится.") == [
        ("2024-м году", "2024-01-01", "2024-12-31", "year"),
        ("2025-м", "2025-01-01", "2025-12-31", "year"),
    ]
    assert _dates("В 90-е годы и в 2010-е было трудно.") == [
        ("90-е годы", "1990-01-01", "1999-12-31", "range"),
        ("2010-е", "2010-01-01", "2019-12-31", "range"),
    ]
    assert _dates("Этим летом жарко, позапрошлым летом было сухо.") == [
        ("Этим летом", "2019-06-01", "2019-08-31", "range"),
        ("позапрошлым летом", "2017-06-01", "2017-08-31", "range"),
    ]
