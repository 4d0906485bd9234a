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


def test_a_deictic_day_next_to_the_date_it_names_is_one_mention():
    pub = date(2023, 9, 26)
    assert _dates("أعلن الجيش أمس الثلاثاء 25 سبتمبر 2023 حصيلة جديدة.", pub, "ar") == [
        ("أمس الثلاثاء 25 سبتمبر 2023", "2023-09-25", "2023-09-25", "day")
    ]
    assert _dates("Об этом в понедельник, 25 сентября, заявил министр.", pub, "ru") == [
        ("в понедельник, 25 сентября", "2023-09-25", "2023-09-25", "day")
    ]
    assert _dates("통신은 지난달 24일 보도했다.", pub, "ko") == [
        ("지난달 24일", "2023-08-24", "2023-08-24", "day")
    ]
    # Without a publication date it is still one (unresolved) mention.
    assert _dates("On Monday 29 July, the team came to the park.", None, "en") == [
        ("On Monday 29 July", None, None, "day")
    ]


def test_disagreeing_neighbours_stay_apart():
    pub = date(2023, 9, 26)
    # «أمس» is 25 September, not 4 June: two dates.
    assert _dates("واجتمع الوزراء أمس، 4 يونيو 2023، في فيينا.", pub, "ar") == [
        ("أمس", "2023-09-25", "2023-09-25", "day"),
        ("4 يونيو 2023", "2023-06-04", "2023-06-04", "day"),
    ]
    # Two named dates in a list are not merged, nor a weekday before a range.
    assert [t for t, *_ in _dates("Встречи прошли 5 апреля, 6 апреля.", pub, "ru")] == [
        "5 апреля",
        "6 апреля",
    ]
    assert [t for t, *_ in _dates("They met on Monday, from 29 July to 2 August.", None, "en")][
        0
    ] == "on Monday"


def test_a_bare_year_before_its_event_noun_and_a_pair_of_years():
    pub = date(2024, 11, 6)
    assert _dates("She won the 2024 presidential race easily.", pub, "en") == [
        ("2024", "2024-01-01", "2024-12-31", "year")
    ]
    assert _dates("The 2022 European Rowing Championships were held in Munich.", pub, "en") == [
        ("2022", "2022-01-01", "2022-12-31", "year")
    ]
    assert _dates("He won gold in both 2012 and 2016.", pub, "en") == [
        ("in both 2012", "2012-01-01", "2012-12-31", "year"),
        ("2016", "2016-01-01", "2016-12-31", "year"),
    ]
    # A count stays a count, even with a noun further on.
    assert _dates("Some 2024 migrants crossed the border.", pub, "en") == []


def test_a_bare_full_month_name_is_the_month_unless_it_is_in_a_name():
    pub = date(2024, 11, 6)
    assert _dates("The senator recalled a ruinous October debate.", pub, "en") == [
        ("October", "2024-10-01", "2024-10-31", "month")
    ]
    assert _dates("Officials had marked December for the vote.", pub, "en") == [
        ("December", "2024-12-01", "2024-12-31", "month")
    ]
    assert _dates("June Carter sang first.", pub, "en") == []
    assert _dates("The May vote was close.", pub, "en") == []  # May: a verb too


def test_today_that_ends_an_outlet_name_is_no_date():
    pub = date(2024, 10, 7)
    assert _dates("الموصل اليوم- متابعة", pub, "ar") == []
    assert _dates("Riverside Today News Desk", pub, "en") == []
    assert _dates("وصل الوزير اليوم", pub, "ar") == [("اليوم", "2024-10-07", "2024-10-07", "day")]
    assert _dates("The minister arrived today.", pub, "en") == [
        ("today", "2024-10-07", "2024-10-07", "day")
    ]


def test_arabic_weekday_in_commas_second_month_name_and_ranges():
    pub = date(2025, 6, 4)  # a Wednesday
    # «الاثنين» alone may be "the two"; set off by commas it is Monday.
    assert _dates("قال متحدث باسم الوزارة، الاثنين، إن المحادثات مستمرة.", pub, "ar") == [
        ("الاثنين", "2025-06-02", "2025-06-02", "day")
    ]
    # A second name after the slash, even misspelt, belongs to the month before its year.
    assert _dates("غادر الفريق في مارس/ أذر 2023 بعد القتال.", pub, "ar") == [
        ("في مارس/ أذر 2023", "2023-03-01", "2023-03-31", "month")
    ]
    # «ابتداءً من … وحتى …» is one range.
    assert _dates("يسري القرار ابتداءً من شهر يوليو وحتى نهاية عام 2025.", pub, "ar") == [
        ("ابتداءً من شهر يوليو وحتى نهاية عام 2025", "2025-07-01", "2025-12-31", "range")
    ]
    # «قبل عام من الآن»: a year ago, counted from now.
    assert _dates("انتهت الحرب قبل عام من الآن.", pub, "ar") == [
        ("قبل عام من الآن", "2024-01-01", "2024-12-31", "year")
    ]
    # «في وقت سابق» (earlier) links events; it is not a date.
    assert _dates("وفي وقت سابق أعلنت الوزارة خطتها.", pub, "ar") == []
