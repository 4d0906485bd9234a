"""Publication date read from the page when none comes with the article (hand-written lines)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.analysis.parser import parse_article
from dashboard.analysis.published import publication_date, url_date
from dashboard.model import RawArticle

D = dt.date


@pytest.mark.parametrize(
    ("lines", "language", "expected"),
    [
        (
            ["عنوان الخبر", "تاريخ النشر: 26th, September 2023 GMT", "قال الوزير إن ..."],
            "ar",
            D(2023, 9, 26),
        ),
        (["عنوان", "نشر في 14 مارس 2024 - 10:15 ص", "نص"], "ar", D(2024, 3, 14)),
        (
            ["Headline", "Published: March 14, 2024 10:15 GMT", "Updated: March 15, 2024"],
            "en",
            D(2024, 3, 14),
        ),
        (
            ["Headline", "Updated 2:39 PM ET, Fri February 10, 2023", "The minister said"],
            "en",
            D(2023, 2, 10),
        ),
        (["date 2024-10-25 THE CAPITAL: The minister said on Thursday"], "en", D(2024, 10, 25)),
        (["عنوان", "الخميس، 21 نوفمبر 2024", "أعلن المتحدث أن ..."], "ar", D(2024, 11, 21)),
        (
            ["Headline", "ISTANBUL, Feb 09, 2023: The death toll rose on Thursday to ..."],
            "en",
            D(2023, 2, 9),
        ),
        (["عنوان", "أكد مصدر، اليوم الثلاثاء 19 أغسطس 2025، أن الوفد غادر"], "ar", D(2025, 8, 19)),
    ],
)
def test_stated_dates(lines: list[str], language: str, expected: dt.date) -> None:
    found = publication_date(lines, language)
    assert found is not None and found.date == expected and found.source == "text"


def test_published_label_wins_over_banner_and_updated() -> None:
    lines = [
        "الاثنين 5 يناير 2026",
        "عنوان",
        "تاريخ النشر: 3 يناير 2026",
        "آخر تحديث: 4 يناير 2026",
    ]
    assert publication_date(lines, "ar").date == D(2026, 1, 3)


def test_an_issue_banner_gives_way_to_the_article_stamp() -> None:
    lines = [
        "العدد : ٤٥١٢ - الاثنين ١٠ مارس ٢٠٢٥ م، الموافق ١٠ رمضان ١٤٤٦هـ",
        "أخبار محلية",
        "الخميس ٦ مارس ٢٠٢٥ - 09:30",
        "افتتح الوزير المعرض بحضور عدد من المسؤولين.",
    ]
    assert publication_date(lines, "ar").date == D(2025, 3, 6)
    # With nothing else stated, the issue's date is still the best the page gives.
    assert publication_date(lines[:2] + lines[3:], "ar").date == D(2025, 3, 10)


def test_year_of_a_yearless_date_from_todays_weekday() -> None:
    # «اليوم الأحد 23 يونيو» in a text that mentions 2025: 23 June fell on a Sunday in 2024
    # (within a year or two of the years the text mentions), not in 2025.
    lines = [
        "عنوان",
        "أعلنت الوزارة اليوم الأحد 23 يونيو أن الموسم انتهى، وأن موسم 2025 يبدأ في الربيع.",
    ]
    assert publication_date(lines, "ar").date == D(2024, 6, 23)
    # A wire dateline with day and month, and «اليوم الأحد» later in the lead (2023: the
    # only year near 2022 with 26 February on a Sunday).
    lines = [
        "عنوان",
        "القاهرة - 26 - 2 (كونا) -- قال الوزير في بيان مساء اليوم الأحد إن الوفد وصل.",
        "وكان الوفد قد زار البلاد في عام 2022.",
    ]
    assert publication_date(lines, "ar").date == D(2023, 2, 26)
    # «غد الاثنين 27 فبراير»: tomorrow is that Monday, today the Sunday before it.
    lines = [
        "عنوان",
        "وقالت الوزارة في بيان اليوم الأحد إن الوزير يسافر صباح غد الاثنين 27 فبراير الجاري.",
        "وتأتي الزيارة بعد زلزال عام 2023.",
    ]
    assert publication_date(lines, "ar").date == D(2023, 2, 26)
    # Another day without the year is no publication date.
    lines = ["عنوان", "قال الوزير اليوم الأحد إن الهجوم الذي وقع في 7 أكتوبر لن يتكرر."]
    assert publication_date(lines, "ar") is None


def test_year_of_a_yearless_date_does_not_depend_on_the_clock(monkeypatch) -> None:
    # The same text gives the same date whatever today is; without a year in the text, none.
    lines = ["عنوان", "أعلنت الوزارة اليوم الأحد 23 يونيو أن موسم 2025 يبدأ في الربيع."]

    class Later(dt.date):
        @classmethod
        def today(cls):
            return cls(2031, 1, 1)

    before = publication_date(lines, "ar").date
    monkeypatch.setattr("dashboard.analysis.published.dt.date", Later)
    assert publication_date(lines, "ar").date == before == D(2024, 6, 23)
    assert publication_date(["عنوان", "أعلنت الوزارة اليوم الأحد 23 يونيو."], "ar") is None


def test_todays_weekday_confirms_the_one_full_date_on_that_weekday() -> None:
    # 5 March 2025 was a Wednesday; the Monday date is another day.
    lines = [
        "عنوان",
        "افتتح الوزير اليوم الأربعاء المعرض الدولي للكتاب.",
        "وكان المعرض قد أعلن برنامجه الكامل للزوار والناشرين في مؤتمر صحفي يوم الاثنين 3 مارس 2025.",
        "شاهد | الوزير يفتتح المعرض الدولي للكتاب بمشاركة مئات دور النشر العربية والأجنبية"
        " pic.twitter.com/abc — حساب المعرض (@bookfair) March 5, 2025",
    ]
    assert publication_date(lines, "ar").date == D(2025, 3, 5)
    # Two dates on that weekday: none is taken.
    lines.append("ويختتم المعرض أعماله بحفل توزيع الجوائز على الفائزين الأربعاء 12 مارس 2025.")
    assert publication_date(lines, "ar") is None


def test_url_date_wins_over_a_banner_line() -> None:
    lines = ["الاثنين 5 يناير 2026", "عنوان", "قال المتحدث ..."]
    found = publication_date(lines, "ar", url="https://example.com/news/2025/10/15/some-story")
    assert found.date == D(2025, 10, 15) and found.source == "url"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/news/2023/9/29/title", D(2023, 9, 29)),
        ("https://x.example/138471/2025/26/05/title", D(2025, 5, 26)),  # day before month
        ("https://x.example/a/2024-06-19-title", D(2024, 6, 19)),
        ("https://x.example/a/20240619/title", D(2024, 6, 19)),
        ("https://x.example/07-Aug-2024/title", D(2024, 8, 7)),
        ("https://x.example/world/2017/may/12/title", D(2017, 5, 12)),  # month by name
        ("https://x.example/2017/mayor/12/title", None),
        ("https://x.example/a/734599", None),
        ("https://x.example/2024/title", None),
        # keys that begin with a timestamp, and a day-first path
        ("https://x.example/article/2023031512240278749", D(2023, 3, 15)),
        ("https://x.example/view.php?key=20230315010000447", D(2023, 3, 15)),
        ("https://x.example/news/AKR202303151043227A5", D(2023, 3, 15)),
        ("https://x.example/photo/PIC20230315_0001521004", D(2023, 3, 15)),
        ("https://x.example/ar/15032023035030061", D(2023, 3, 15)),
        ("https://x.example/politics/15/03/2023/6602e9549a79", D(2023, 3, 15)),
        ("https://x.example/a/12345678901234", None),  # a serial, not a date
        ("https://x.example/a/20231345678", None),  # month 13
    ],
)
def test_url_dates(url: str, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_nothing_stated_gives_nothing() -> None:
    lines = ["عنوان", "قال الوزير يوم الثلاثاء إن المحادثات ستستأنف الشهر المقبل في عام 2025"]
    assert publication_date(lines, "ar") is None
    assert (
        publication_date(["Headline", "He said on Tuesday that talks would resume."], "en") is None
    )


def test_parser_uses_the_stated_date_and_resolves_relative_dates_from_it() -> None:
    body = "Published: March 14, 2024\n\nThe minister said on Tuesday that talks would resume next month."
    art = parse_article(RawArticle(title="Talks", body=body, outlet="X"))
    assert art.published_at == "2024-03-14" and art.date_source == "text"
    starts = {d.text: d.start for d in art.dates}
    assert starts.get("next month") == "2024-04-01"
    # A manifest date is kept as it is.
    art = parse_article(RawArticle(title="Talks", body=body, outlet="X", published_at="2024-03-20"))
    assert art.published_at == "2024-03-20" and art.date_source == "manifest"
