"""Russian pack (skeleton): attribution, names across cases, dates, stop words.

Every sentence here was written for this test: invented events, no text from the web.
"""

from __future__ import annotations

from datetime import date

from dashboard.analysis.dates import extract_dates
from dashboard.analysis.languages import get_pack
from dashboard.analysis.languages.ru import nominative_name
from dashboard.analysis.speakers import attribute_quotes, summarize_speakers
from dashboard.analysis.stopwords import is_stopword
from dashboard.analysis.textproc import tokenize

PUB = date(2024, 6, 20)  # a Thursday


def _quotes(paragraphs):
    return [
        (q.speaker, q.role, q.verb, q.direct, q.text, q.affiliation)
        for q in attribute_quotes(paragraphs, "ru")
    ]


def test_subject_verb_that_and_a_title_before_the_name():
    got = _quotes(
        [
            "Министр иностранных дел России Сергей Лавров заявил в среду, что переговоры "
            "пройдут в Казани."
        ]
    )
    assert got == [
        (
            "Сергей Лавров",
            "Министр иностранных дел России",
            "заявил",
            False,
            "переговоры пройдут в Казани",
            "Russia",
        )
    ]


def test_quote_dash_verb_speaker_and_names_merged_across_cases():
    paragraphs = [
        "Официальный представитель МИД России Мария Захарова сообщила, что визит отложен.",
        "«Мы ждём ответа до конца недели», — подчеркнула Захарова.",
        "По словам Захаровой, решение примут вчера вечером.",
    ]
    quotes = attribute_quotes(paragraphs, "ru")
    assert [(q.speaker, q.direct) for q in quotes] == [
        ("Мария Захарова", False),
        ("Мария Захарова", True),
        ("Мария Захарова", False),
    ]
    assert quotes[1].text == "Мы ждём ответа до конца недели"
    assert quotes[2].verb == "По словам" and quotes[2].text == "решение примут вчера вечером"
    (row,) = summarize_speakers(quotes)
    assert (row.name, row.quotes, row.affiliation) == ("Мария Захарова", 3, "Russia")


def test_lapki_quotes_pronoun_and_agency_after_the_statement():
    paragraphs = [
        "Глава комитета Павел Орлов заявил: „Работа будет продолжена“.",
        "„Это только начало“, — сказал он.",
        "Заседание комиссии перенесено на осень, передаёт ТАСС.",
    ]
    got = _quotes(paragraphs)
    assert got[0][:5] == (
        "Павел Орлов",
        "Глава комитета",
        "заявил",
        True,
        "Работа будет продолжена",
    )
    assert got[1][:5] == ("Павел Орлов", "Глава комитета", "сказал", True, "Это только начало")
    assert got[2][:5] == ("ТАСС", "", "передаёт", False, "Заседание комиссии перенесено на осень")


def test_no_attribution_without_a_reporting_construction():
    assert attribute_quotes(["Вчера в городе открылась новая библиотека."], "ru") == []
    # An opinion verb needs «что» or a quote.
    assert attribute_quotes(["Эксперт Иван Петров считает эту тему важной."], "ru") == []


def test_genitive_names_read_in_the_nominative():
    cases = {
        "Лаврова": "Лавров",
        "Путина": "Путин",
        "Захаровой": "Захарова",
        "Сергея": "Сергей",
        "Дмитрия": "Дмитрий",
        "Марии": "Мария",
        "Анны": "Анна",
        "Ольги": "Ольга",
        "Владимира": "Владимир",
        "Жириновского": "Жириновский",
        "Орлов": "Орлов",
    }
    assert {w: nominative_name(w) for w in cases} == cases


def test_oblique_surname_readings():
    ru = get_pack("ru")
    assert ru.strip_clitics("путину") == ["путину", "путин"]
    assert "путин" in ru.strip_clitics("путиным")
    assert ru.strip_clitics("москва") == ["москва"]


def test_dates():
    paragraphs = [
        "Встреча пройдёт 19 июня, а доклад опубликуют 3 июля 2025 года.",
        "В среду делегация вернулась, на прошлой неделе шли консультации.",
        "Соглашение действовало в 1950–1953 годах и было продлено в прошлом году.",
        "Три года назад об этом не говорили, вчера тема вернулась, недавно её обсуждали.",
    ]
    got = [(d.text, d.start, d.end, d.granularity) for d in extract_dates(paragraphs, PUB, "ru")]
    assert got == [
        ("19 июня", "2024-06-19", "2024-06-19", "day"),
        ("3 июля 2025 года", "2025-07-03", "2025-07-03", "day"),
        ("В среду", "2024-06-19", "2024-06-19", "day"),
        ("на прошлой неделе", "2024-06-10", "2024-06-16", "week"),
        ("1950–1953 годах", "1950-01-01", "1953-12-31", "range"),
        ("в прошлом году", "2023-01-01", "2023-12-31", "year"),
        ("Три года назад", "2021-01-01", "2021-12-31", "year"),
        ("вчера", "2024-06-19", "2024-06-19", "day"),
        ("недавно", None, None, "vague"),
    ]


def test_a_bare_month_name_is_not_a_date_and_an_outlet_name_blocks_today():
    assert extract_dates(["Июнь выдался жарким."], PUB, "ru") == []
    assert extract_dates(["Об этом сообщило агентство Россия сегодня."], PUB, "ru") == []


def test_cyrillic_tokens_and_stop_words():
    assert tokenize("Пресс-секретарь Кремля заявил") == ["Пресс-секретарь", "Кремля", "заявил"]
    assert is_stopword("и") and is_stopword("заявил") and is_stopword("Это")
    assert not is_stopword("переговоры")
