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
    # «في وقت سابق» (earlier): a vague when-expression since the set's convention of stop 35
    # (devset/README.md, "Time expressions, vague ones included"), never given a date.
    assert _dates("وفي وقت سابق أعلنت الوزارة خطتها.", pub, "ar") == [
        ("في وقت سابق", None, None, "vague")
    ]


def test_korean_that_day_is_the_day_last_narrated():
    pub = date(2024, 11, 2)
    # «이날» follows the plain day before it, across sentences, not the publication day.
    assert _dates("팀은 1일 홈경기에서 이겼다. 이날 승리로 선두를 지켰다.", pub, "ko") == [
        ("1일", "2024-11-01", "2024-11-01", "day"),
        ("이날", "2024-11-01", "2024-11-01", "day"),
    ]
    # A qualified day in between («지난달 20일», a side remark) does not take it over.
    text = "장관은 1일 회견을 열었다. 신문은 지난달 20일 보도했다. 장관은 이날 답하지 않았다."
    assert _dates(text, pub, "ko")[-1] == ("이날", "2024-11-01", "2024-11-01", "day")
    # With no day before it, it is the day of the report.
    assert _dates("이날 회의가 열렸다.", pub, "ko") == [("이날", "2024-11-02", "2024-11-02", "day")]


def test_korean_month_lists_and_halves_with_particles():
    pub = date(2024, 5, 23)
    assert _dates("지난해 3·6·9·12월과 올해 2·4월에 회의가 열렸다.", pub, "ko") == [
        ("지난해 3·6·9·12월", "2023-03-01", "2023-12-31", "range"),
        ("올해 2·4월", "2024-02-01", "2024-04-30", "range"),
    ]
    assert _dates("신제품은 하반기엔 나온다.", pub, "ko") == [
        ("하반기", "2024-07-01", "2024-12-31", "range")
    ]
    assert _dates("매출은 1분기에 늘었다.", pub, "ko") == [
        ("1분기", "2024-01-01", "2024-03-31", "range")
    ]


def test_stamp_forms_year_first_with_dots_glued_day_and_dash_before_the_year():
    assert _dates("기자 승인 2023.03.15 09:30", None, "ko") == [
        ("2023.03.15", "2023-03-15", "2023-03-15", "day")
    ]
    # A day glued to the word before it: Arabic letters and digits never make one word.
    assert _dates("قسم الأخبار15 مارس 2023", None, "ar") == [
        ("15 مارس 2023", "2023-03-15", "2023-03-15", "day")
    ]
    assert _dates("الأربعاء, 15 مارس - 2023", None, "ar") == [
        ("الأربعاء, 15 مارس - 2023", "2023-03-15", "2023-03-15", "day")
    ]


def test_russian_weekend_last_window_and_the_next_day():
    pub = date(2024, 9, 16)  # a Monday
    assert _dates("Спасатели на выходных вылетели в район.", pub, "ru") == [
        ("на выходных", "2024-09-14", "2024-09-15", "range")
    ]
    assert _dates("За последний месяц цены выросли.", pub, "ru") == [
        ("За последний месяц", "2024-08-16", "2024-09-16", "range")
    ]
    # No span stated: vague.
    assert _dates("В последние годы цены росли.", pub, "ru") == [
        ("В последние годы", None, None, "vague")
    ]
    assert _dates("Пожар начался 10 сентября. На следующий день его потушили.", pub, "ru") == [
        ("10 сентября", "2024-09-10", "2024-09-10", "day"),
        ("На следующий день", "2024-09-11", "2024-09-11", "day"),
    ]
    # No day narrated before it: unresolved rather than counted from publication.
    assert _dates("На следующий день его потушили.", pub, "ru") == [
        ("На следующий день", None, None, "day")
    ]


def test_korean_month_dates_with_a_relative_year_or_qualifier_and_day_before_after():
    pub = date(2025, 10, 13)
    assert _dates("그는 지난해 10월 '첫 시도'를 마쳤다.", pub, "ko") == [
        ("지난해 10월", "2024-10-01", "2024-10-31", "month")
    ]
    # «지난 1월 19일»: the last 19 January by publication, and not the day «이날» refers to.
    text = "법원은 13일 선고했다. 그는 지난 1월 19일 청사에 들어갔다. 이날 법원은 형을 정했다."
    assert _dates(text, pub, "ko") == [
        ("13일", "2025-10-13", "2025-10-13", "day"),
        ("지난 1월 19일", "2025-01-19", "2025-01-19", "day"),
        ("이날", "2025-10-13", "2025-10-13", "day"),
    ]
    assert _dates("오는 3월 5일 개막한다.", pub, "ko") == [
        ("오는 3월 5일", "2026-03-05", "2026-03-05", "day")
    ]
    # «전날», «다음 날»: the day before / after the day narrated, else the report's.
    assert _dates("선수는 12일 우승했다. 전날 그는 훈련했다.", pub, "ko")[-1] == (
        "전날",
        "2025-10-11",
        "2025-10-11",
        "day",
    )
    assert _dates("다음 날 회의가 열렸다.", pub, "ko") == [
        ("다음 날", "2025-10-14", "2025-10-14", "day")
    ]


def test_korean_same_period_last_year_follows_the_period_last_named():
    pub = date(2024, 8, 1)
    text = "회사는 올해 2분기 이익이 지난해 같은 기간보다 늘었다고 밝혔다."
    assert _dates(text, pub, "ko") == [
        ("올해 2분기", "2024-04-01", "2024-06-30", "range"),
        ("지난해 같은 기간", "2023-04-01", "2023-06-30", "range"),
    ]
    # No period named before it: the previous year.
    assert _dates("매출은 전년 동기보다 늘었다.", pub, "ko") == [
        ("전년 동기", "2023-01-01", "2023-12-31", "year")
    ]


def test_english_possessive_weekday_this_morning_and_hedged_spans():
    pub = date(2023, 2, 10)  # a Friday
    # The event is Monday's: a day, not a range from Monday.
    assert _dates("Aid has flowed since Monday's storm.", pub, "en") == [
        ("since Monday's", "2023-02-06", "2023-02-06", "day")
    ]
    assert _dates("The minister resigned this morning.", pub, "en") == [
        ("this morning", "2023-02-10", "2023-02-10", "day")
    ]
    # A hedged count gives no span.
    assert _dates("Results are expected in a few days.", pub, "en") == [
        ("in a few days", None, None, "vague")
    ]
    assert _dates("Prices rose over the past few weeks.", pub, "en") == [
        ("over the past few weeks", None, None, "vague")
    ]


def test_korean_day_before_a_word_in_jeon_and_a_month_before_a_number():
    pub = date(2022, 6, 21)
    # «21일 전남»: 전 begins the next word; «3일 전» is three days before.
    assert _dates("발사체가 21일 전남 고흥에서 발사됐다.", pub, "ko") == [
        ("21일", "2022-06-21", "2022-06-21", "day")
    ]
    assert _dates("그는 3일 전 떠났다.", pub, "ko") == [
        ("3일 전", "2022-06-18", "2022-06-18", "day")
    ]
    assert _dates("21일간 이어졌다.", pub, "ko") == []
    # «2008년 8월 5.6%»: a figure after the month is not its day.
    assert _dates("이는 2008년 8월 5.6% 상승 이후 최고다.", pub, "ko") == [
        ("2008년 8월", "2008-08-01", "2008-08-31", "month")
    ]


def test_english_stamps_on_other_pages_and_a_wire_dateline():
    assert _dates("تاريخ النشر: 3rd, March 2023 GMT", None, "ar") == [
        ("3rd, March 2023", "2023-03-03", "2023-03-03", "day")
    ]
    assert _dates("Опубликовано Aug 1, 2024", None, "ru") == [
        ("Aug 1, 2024", "2024-08-01", "2024-08-01", "day")
    ]
    pub = date(2025, 10, 26)
    assert _dates("الكويت – 25 – 10 (كونا) – قال الوزير.", pub, "ar") == [
        ("25 – 10", "2025-10-25", "2025-10-25", "day")
    ]
    # A score before a bracket is no dateline.
    assert _dates("فاز الفريق 2 – 1 (بعد التمديد).", pub, "ar") == []


def test_korean_previous_quarter_follows_the_quarter_last_named():
    pub = date(2024, 8, 1)
    assert _dates("3분기 매출은 직전 분기 대비 늘었다.", pub, "ko") == [
        ("3분기", "2024-07-01", "2024-09-30", "range"),
        ("직전 분기", "2024-04-01", "2024-06-30", "range"),
    ]
    assert _dates("매출은 전 분기 대비 늘었다.", pub, "ko") == [("전 분기", None, None, "range")]


def test_a_back_reference_after_an_unresolved_period_stays_unresolved():
    # No publication date: «3분기» cannot be placed, so «직전 분기» does not take the older
    # «2022년 1분기» instead.
    text = "2022년 1분기 이후 처음이다. 3분기 매출은 직전 분기 대비 늘었다."
    assert _dates(text, None, "ko")[-1] == ("직전 분기", None, None, "range")


def test_spans_counted_from_a_named_event_are_vague_when_expressions():
    pub = date(2024, 5, 1)
    assert _dates("Two days after the quake, rescuers found survivors.", pub, "en") == [
        ("Two days after", None, None, "vague")
    ]
    assert _dates("Police arrived minutes after the blast.", pub, "en") == [
        ("minutes after", None, None, "vague")
    ]
    assert _dates("The game was over after the break.", pub, "en") == []
