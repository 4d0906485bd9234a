"""Korean date rules that hold on articles the rules never saw (issue 15).

Every sentence here was written for this test: invented events, no text from the web.
"""

from __future__ import annotations

from datetime import date

from dashboard.analysis.dates import extract_dates

PUB = date(2025, 10, 13)


def _dates(text, pub=PUB):
    return [(d.text, d.start, d.end, d.granularity) for d in extract_dates([text], pub, "ko")]


def test_a_month_with_a_relative_year_is_one_date():
    assert _dates("공장은 지난해 10월 문을 닫았다.") == [
        ("지난해 10월", "2024-10-01", "2024-10-31", "month")
    ]
    assert _dates("축제는 올해 3월 2일 열렸다.") == [
        ("올해 3월 2일", "2025-03-02", "2025-03-02", "day")
    ]


def test_jinan_and_oneun_before_a_month_point_back_and_forward():
    assert _dates("그는 지난 1월 19일 체포됐다.") == [
        ("지난 1월 19일", "2025-01-19", "2025-01-19", "day")
    ]
    assert _dates("새 노선은 오는 3월 개통한다.") == [
        ("오는 3월", "2026-03-01", "2026-03-31", "month")
    ]


def test_that_day_and_the_day_before_count_from_the_day_named_before():
    paragraphs = [
        "대표팀은 1일 열린 경기에서 이겼다.",
        "감독은 이날 선수들을 칭찬했다. 선수들은 전날 늦게까지 훈련했다.",
        "대표팀은 다음날 귀국했다.",
    ]
    got = [(d.text, d.start) for d in extract_dates(paragraphs, date(2024, 11, 2), "ko")]
    assert got == [
        ("1일", "2024-11-01"),
        ("이날", "2024-11-01"),
        ("전날", "2024-10-31"),
        ("다음날", "2024-11-02"),
    ]


def test_that_day_without_a_day_named_before_is_the_publication_day():
    assert _dates("이날 회의가 열렸다.") == [("이날", "2025-10-13", "2025-10-13", "day")]


def test_a_day_before_a_word_in_jeon_is_still_a_date():
    # 전남 (a province) and 후보 (a candidate) are words, not «before» / «after».
    assert _dates("행사는 12일 전남 나주에서 열렸다.") == [
        ("12일", "2025-10-12", "2025-10-12", "day")
    ]
    assert _dates("그는 3일 전에 떠났다.")[0][:2] == ("3일 전", "2025-10-10")
    assert _dates("회의가 3일간 이어졌다.") == []


def test_a_month_followed_by_a_figure_is_still_a_month():
    got = _dates("수출은 2019년 7월 3.2% 줄어든 뒤 처음 늘었다.", date(2020, 2, 1))
    assert got == [("2019년 7월", "2019-07-01", "2019-07-31", "month")]


def test_year_first_dotted_dates():
    assert _dates("(사진) 2023.4.5/한빛뉴스") == [("2023.4.5", "2023-04-05", "2023-04-05", "day")]
    assert _dates("입력 2023.04.05 (10:00)")[0][:2] == ("2023.04.05", "2023-04-05")
    assert _dates("버전 3.2.1 출시, 점유율 2024.5%") == []


def test_publication_date_from_an_article_key_in_the_url():
    from dashboard.analysis.published import url_date

    assert url_date("https://news.example.kr/v/20230514093012345") == date(2023, 5, 14)
    assert url_date("https://m.example.kr/view.html?ar_id=NISX20230514_0001") == date(2023, 5, 14)
    assert url_date("https://example.kr/news/AKR202305140931001A1") == date(2023, 5, 14)
    assert url_date("https://example.kr/article/view?no=3468352") is None
    assert url_date("https://example.kr/a/20231399123456") is None  # no month 13


def test_a_day_of_a_relative_month_is_one_date():
    assert _dates("지난달 24일 보도가 나왔다.") == [
        ("지난달 24일", "2025-09-24", "2025-09-24", "day")
    ]
    assert _dates("새 규정은 다음 달 1일 시행된다.") == [
        ("다음 달 1일", "2025-11-01", "2025-11-01", "day")
    ]


def test_weekday_of_a_named_week_next_month_day_ranges_and_decades():
    pub = date(2024, 6, 20)  # a Thursday
    assert _dates("이번 주 금요일 발표한다.", pub) == [
        ("이번 주 금요일", "2024-06-21", "2024-06-21", "day")
    ]
    assert _dates("지난주 화요일 만났다.", pub)[0][:2] == ("지난주 화요일", "2024-06-11")
    assert _dates("내달 10일 열린다.", pub) == [("내달 10일", "2024-07-10", "2024-07-10", "day")]
    assert _dates("지난 17~18일 열렸다.", pub) == [
        ("지난 17~18일", "2024-06-17", "2024-06-18", "range")
    ]
    assert _dates("1990년대 들어 늘었다.", pub) == [
        ("1990년대", "1990-01-01", "1999-12-31", "range")
    ]


def test_quarters_and_halves_take_particles():
    pub = date(2024, 8, 1)
    assert _dates("하반기엔 신제품으로 승부한다.", pub) == [
        ("하반기", "2024-07-01", "2024-12-31", "range")
    ]
    assert _dates("2분기에 양산한다.", pub)[0][:3] == ("2분기", "2024-04-01", "2024-06-30")


def test_last_years_same_period_counts_from_this_years_period():
    # «지난해 같은 기간» is a period of the year before publication: it counts from the last
    # period of the publication year, not from a side remark on an older one in between.
    paragraphs = [
        "회사는 올해 3분기 매출이 크게 늘었다고 밝혔다. 이는 2021년 2분기 이후 최대다.",
        "영업이익은 지난해 같은 기간보다 두 배 늘었다.",
    ]
    got = {m.text: (m.start, m.end) for m in extract_dates(paragraphs, PUB, "ko")}
    assert got["지난해 같은 기간"] == ("2024-07-01", "2024-09-30")


def test_same_day_and_unspaced_week_words():
    paragraphs = ["법원은 8일 판결을 내렸다.", "고등법원도 같은 날 다른 사건을 선고했다."]
    got = {m.text: m.start for m in extract_dates(paragraphs, PUB, "ko")}
    assert got["같은 날"] == "2025-10-08"
    assert _dates("정부는 다음주 대책을 발표한다.") == [
        ("다음주", "2025-10-20", "2025-10-26", "week")
    ]
