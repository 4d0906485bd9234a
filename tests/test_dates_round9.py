"""Date constructions of round 9 (issue 14), on sentences written for these tests.

Publication dates: 2024-06-20 is a Thursday (Mon 17, Tue 18, Wed 19, Fri 21, Sat 22,
Sun 23 June 2024).
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.analysis.dates import extract_dates

THU = date(2024, 6, 20)


def _one(sentence: str, pub: date | None, lang: str, key: str):
    got = extract_dates([sentence], pub, lang)
    hits = [m for m in got if key in m.text or m.text in key]
    assert hits, f"{sentence!r}: no mention covering {key!r} in {[m.text for m in got]}"
    return hits[0]


@pytest.mark.parametrize(
    "sentence, key, start",
    [
        # A bare weekday five or six days back is the coming one in English news.
        ("The committee approved the plan on Friday after a long night.", "Friday", "2024-06-21"),
        ("Negotiators walked out early Saturday, a delegate said.", "Saturday", "2024-06-22"),
        # Four days back or fewer stays in the past.
        ("The committee approved the plan on Monday.", "Monday", "2024-06-17"),
        ("The committee approved the plan on Sunday.", "Sunday", "2024-06-16"),
        # With a past qualifier it is the past one whatever the distance.
        ("The committee approved the plan last Friday.", "last Friday", "2024-06-14"),
    ],
)
def test_english_bare_weekday_window(sentence, key, start):
    m = _one(sentence, THU, "en", key)
    assert (m.start, m.end) == (start, start)


@pytest.mark.parametrize(
    "sentence, key, start",
    [
        # «اليوم السبت» on a Thursday page: the weekday names the day (the Saturday before).
        ("افتتح الوزير المعرض اليوم السبت في العاصمة.", "اليوم السبت", "2024-06-15"),
        # «أمس الاثنين» on a Thursday page: the Monday before, not Wednesday.
        ("وصل الوفد أمس الإثنين إلى المدينة.", "أمس الإثنين", "2024-06-17"),
        # «غدا الأحد» on a Thursday page: the coming Sunday.
        ("تبدأ المحادثات غدا الأحد في جنيف.", "غدا الأحد", "2024-06-23"),
        # When they agree nothing changes.
        ("افتتح الوزير المعرض اليوم الخميس.", "اليوم الخميس", "2024-06-20"),
        # A full date after them says which day it is, even when the weekday is a slip.
        ("أعلن الجيش أمس الثلاثاء 19 يونيو 2024 حصيلة جديدة.", "19 يونيو 2024", "2024-06-19"),
    ],
)
def test_arabic_deictic_day_with_another_weekday(sentence, key, start):
    m = _one(sentence, THU, "ar", key)
    assert (m.start, m.end) == (start, start)


@pytest.mark.parametrize(
    "sentence, lang, key, start, end",
    [
        # A window of days counts the last day: three days are 18, 19 and 20 June.
        ("Rescuers searched the area over the past three days.", "en", "past three days",
         "2024-06-18", "2024-06-20"),
        ("وتواصلت الأمطار خلال الأيام الثلاثة الماضية في الجنوب.", "ar", "الأيام الثلاثة الماضية",
         "2024-06-18", "2024-06-20"),
        # One day is the 24 hours across yesterday and today.
        ("Two more cases were found over the past day.", "en", "past day",
         "2024-06-19", "2024-06-20"),
        # Months and years count back from the day itself.
        ("سجلت الوزارة ارتفاعا في الأسعار خلال الأشهر الـ 14 الماضية.", "ar", "الأشهر الـ 14 الماضية",
         "2023-04-20", "2024-06-20"),
        # The count before the unit, with the article: «الـ 10 سنوات», «الخمسين يومًا».
        ("وارتفع الدين خلال الـ 10 سنوات الماضية إلى مستوى قياسي.", "ar", "الـ 10 سنوات الماضية",
         "2014-06-20", "2024-06-20"),
        ("وتحتاج المحاصيل إلى الري خلال الخمسين يومًا المقبلة.", "ar", "الخمسين يومًا المقبلة",
         "2024-06-20", "2024-08-09"),
    ],
)  # fmt: skip
def test_rolling_windows(sentence, lang, key, start, end):
    m = _one(sentence, THU, lang, key)
    assert (m.start, m.end) == (start, end)


@pytest.mark.parametrize(
    "sentence, lang, key, start, end",
    [
        # "since X" names X itself (the span to publication is implied, not the date).
        ("The border has been closed since March 2021.", "en", "March 2021",
         "2021-03-01", "2021-03-31"),
        ("والحدود مغلقة منذ 3 مارس 2021 بقرار حكومي.", "ar", "3 مارس 2021",
         "2021-03-03", "2021-03-03"),
        ("ولم تتوقف الاشتباكات منذ الأحد في الضواحي.", "ar", "الأحد",
         "2024-06-16", "2024-06-16"),
        ("ولم يغادر المسعفون الموقع منذ الأمس.", "ar", "الأمس", "2024-06-19", "2024-06-19"),
    ],
)  # fmt: skip
def test_since_names_the_date(sentence, lang, key, start, end):
    m = _one(sentence, THU, lang, key)
    assert (m.start, m.end) == (start, end)


def test_a_since_date_is_no_publication_stamp():
    from dashboard.analysis.published import publication_date

    assert (
        publication_date(["عنوان", "ومنذ 7 مارس 2021", "قال الوزير إن العمل مستمر."], "ar") is None
    )


@pytest.mark.parametrize(
    "sentence, key, start",
    [
        ("The port is 2019's busiest on the coast.", "2019", "2019-01-01"),
        ("She added a 2021 Canadian Open title to her record.", "2021", "2021-01-01"),
        ("The bank cut its growth outlook for 2023.", "2023", "2023-01-01"),
        ("The forecast for 2023 is weaker than last year.", "2023", "2023-01-01"),
        ("The side won 3-1 last evening at home.", "last evening", "2024-06-19"),
    ],
)
def test_english_years_and_evenings(sentence, key, start):
    m = _one(sentence, THU, "en", key)
    assert m.start == start


@pytest.mark.parametrize(
    "sentence",
    [
        "The club sold tickets for 2023 fans who queued overnight.",
        "In a 2019 interview he spoke about his family.",
    ],
)
def test_english_numbers_that_are_not_years(sentence):
    assert not [m for m in extract_dates([sentence], THU, "en") if m.granularity == "year"]


@pytest.mark.parametrize(
    "sentence, key, start, end",
    [
        # The Gregorian mark «م» makes a number a year without any other cue.
        ("واعتمدت الحكومة موازنة (2023م) بعجز أقل.", "2023م", "2023-01-01", "2023-12-31"),
        # Two months by the dual «شهري».
        ("وتراجعت الصادرات خلال شهري مارس وأبريل الماضيين.", "شهري مارس وأبريل الماضيين",
         "2024-03-01", "2024-04-30"),
        ("ويتوقع أن ترتفع الحرارة في شهري يوليو وأغسطس المقبلين.", "شهري يوليو وأغسطس",
         "2024-07-01", "2024-08-31"),
        ("وسجلت البلاد أمطارا غزيرة في شهري ديسمبر ويناير 2023.", "شهري ديسمبر ويناير 2023",
         "2022-12-01", "2023-01-31"),
    ],
)  # fmt: skip
def test_arabic_marked_years_and_two_months(sentence, key, start, end):
    m = _one(sentence, THU, "ar", key)
    assert (m.start, m.end) == (start, end)


def test_a_count_is_no_year():
    assert extract_dates(["وبلغ عدد المشاركين 2023 مشاركا."], THU, "ar") == []


def test_issue_banner_dates_are_page_furniture():
    from dashboard.analysis.parser import parse_article
    from dashboard.model import RawArticle

    body = (
        "العدد : 9876 - الأحد 5 يناير 2025 م، الموافق 5 رجب 1446هـ\n\n"
        "افتتح الوزير المعرض يوم الخميس 20 يونيو 2024 بحضور عدد من المسؤولين."
    )
    raw = RawArticle(title="عنوان", body=body, outlet="", language="ar", published_at="2024-06-20")
    dates = parse_article(raw).dates
    assert [d.start for d in dates] == ["2024-06-20"]


def test_weekday_after_its_date_is_one_mention():
    got = extract_dates(["The final was played on October 17, Thursday, in Sydney."], THU, "en")
    assert [(m.text, m.start) for m in got] == [("on October 17, Thursday", "2024-10-17")]
    # Another weekday is not that date's: two mentions.
    got = extract_dates(["The final was played on October 17, Friday, in Sydney."], THU, "en")
    assert len(got) == 2


@pytest.mark.parametrize(
    "paragraphs, lang, key, start",
    [
        # No publication date: the weekday picks the year next to one the text mentions.
        (["The team met fans on Monday 29 July.", "It was the best day of the 2024 Games."],
         "en", "Monday 29 July", "2024-07-29"),
        (["أقر المجلس يوم الثلاثاء 26 نوفمبر موازنة عام 2025."], "ar", "26 نوفمبر", "2024-11-26"),
        # No year in the text, or none near: unresolved.
        (["The team met fans on Monday 29 July."], "en", "Monday 29 July", None),
        (["The team met fans on Monday 29 July.", "They last won in 2016."],
         "en", "Monday 29 July", None),
    ],
)  # fmt: skip
def test_year_of_a_weekday_date_without_publication_date(paragraphs, lang, key, start):
    hits = [m for m in extract_dates(paragraphs, None, lang) if key in m.text]
    assert hits and hits[0].start == start


@pytest.mark.parametrize(
    "sentence, key",
    [
        ("He scored twice last season and once this season.", "last season"),
        ("Inflation should ease over the medium term, the bank said.", "over the medium term"),
        ("Cases fell in the recent week, the agency said.", "the recent week"),
    ],
)
def test_english_vague_horizons(sentence, key):
    m = _one(sentence, THU, "en", key)
    assert m.vague and m.start is None


@pytest.mark.parametrize(
    "sentence, key, start",
    [
        # The MENA wire writes the weekday between slashes: «اليوم /الخميس/».
        ("وقال وزير الري اليوم /الخميس/ إن المشروع اكتمل.", "اليوم /الخميس/", "2024-06-20"),
        # «الجمعة» after «اعتبارًا من» is the day (no «يوم» needed).
        ("ويبدأ العمل بالقرار اعتبارا من الثلاثاء في كل المحافظات.", "الثلاثاء", "2024-06-18"),
        ("وتنطلق الدراسة ابتداء من الجمعة المقبلة.", "الجمعة", "2024-06-21"),
    ],
)
def test_arabic_wire_weekdays(sentence, key, start):
    m = _one(sentence, THU, "ar", key)
    assert m.start == start
    assert len(extract_dates([sentence], THU, "ar")) == 1


def test_a_tournaments_year_is_part_of_its_name():
    # The year of «كأس العالم 2030» names the tournament (no annotator marked it a date);
    # after a war or an election it is still the year of an event.
    assert extract_dates(["وتستعد البلاد لاستضافة كأس العالم 2030 بملاعب جديدة."], THU, "ar") == []
    assert extract_dates(["وفاز الملف بتنظيم مونديال 2030 بالإجماع."], THU, "ar") == []
    got = extract_dates(["وشارك الحزب في انتخابات 2019 بقائمة موحدة."], THU, "ar")
    assert [(m.granularity, m.start[:4]) for m in got] == [("year", "2019")]
