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
