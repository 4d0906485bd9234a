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


# --- Constructions measured on the Russian dev split (sentences invented for these tests) ---


def _who(paragraphs):
    return [(q.speaker, q.verb, q.direct) for q in attribute_quotes(paragraphs, "ru")]


def test_speaker_after_the_verb_behind_circumstances():
    got = attribute_quotes(
        ["«Работы идут по плану», — сказал на брифинге директор ведомства Игорь Смирнов."], "ru"
    )
    assert [(q.speaker, q.role, q.direct, q.text) for q in got] == [
        ("Игорь Смирнов", "директор ведомства", True, "Работы идут по плану")
    ]


def test_a_name_inside_a_prepositional_phrase_is_not_the_speaker():
    paragraphs = [
        "Министр энергетики Олег Ветров заявил, что станция заработает летом.",
        "«Сроки не изменятся», — сказал он в интервью Ольге Беловой.",
    ]
    assert _who(paragraphs) == [("Олег Ветров", "заявил", False), ("Олег Ветров", "сказал", True)]


def test_ob_etom_the_statement_is_the_sentence_before():
    got = attribute_quotes(
        ["Завод начнёт работу осенью. Об этом сообщил губернатор Тверской области Андрей Котов."],
        "ru",
    )
    assert [(q.speaker, q.role) for q in got] == [("Андрей Котов", "губернатор Тверской области")]


def test_po_ego_slovam_and_so_slov_genitive_title():
    paragraphs = [
        "Глава МЧС Пётр Громов доложил о ходе работ.",
        "По его словам, вода уходит.",
        "Со слов главы МЧС, эвакуация закончена.",
    ]
    assert [q.speaker for q in attribute_quotes(paragraphs, "ru")] == ["Пётр Громов"] * 3


def test_agency_relays_in_the_nominative():
    got = _who(
        [
            "Переговоры продолжатся в пятницу, как сообщает ТАСС.",
            "Поезда пойдут по новому графику, передаёт «Интерфакс».",
        ]
    )
    assert got[0] == ("ТАСС", "как сообщает", False)
    assert [s for s, _, _ in got] == ["ТАСС", "Интерфакс"]


def test_citiruet_ego_and_peredayot_slova_credit_the_speaker_and_the_outlet():
    paragraphs = [
        "Министр транспорта Антон Лебедев заявил, что мост откроют в мае.",
        "«Мы успеваем», — цитирует его ТАСС.",
        "«Команда готова», — передаёт слова Сергея Волкова корреспондент «Газеты.ру».",
    ]
    got = attribute_quotes(paragraphs, "ru")
    assert [(q.speaker, q.direct) for q in got] == [
        ("Антон Лебедев", False),
        ("Антон Лебедев", True),
        ("ТАСС", False),
        ("Сергей Волков", True),
        ("Газета.ру", False),
    ]


def test_citation_credit_in_brackets():
    got = _who(["«Решение принято», — сказал министр Антон Лебедев (цитата по ТАСС)."])
    assert got == [("Антон Лебедев", "сказал", True), ("ТАСС", "цитата по", False)]


def test_impersonal_document_of_a_body():
    got = attribute_quotes(
        ["Стороны договорились продолжить диалог, говорится в заявлении МИД России."], "ru"
    )
    assert [(q.speaker, q.speaker_kind, q.text) for q in got] == [
        ("МИД России", "state", "Стороны договорились продолжить диалог")
    ]


def test_headlines_name_their_speaker():
    assert _who(["Смирнов: работы завершат к осени"]) == [("Смирнов", ":", False)]
    assert _who(["Работы завершат к осени — Смирнов"]) == [("Смирнов", "—", False)]
    assert _who(["Что говорят в Кремле о новых правилах"]) == []


def test_dateline_names_the_agency_as_source():
    got = attribute_quotes(["МОСКВА, 5 мар — РИА Новости. Правительство утвердило план."], "ru")
    assert [(q.speaker, q.speaker_kind) for q in got] == [("РИА Новости", "media")]


def test_names_merged_across_cases_male_and_female():
    paragraphs = [
        "Пресс-секретарь президента Дмитрий Песков заявил, что встреча возможна.",
        "По словам Пескова, дата пока не определена.",
        "Официальный представитель МИД Мария Захарова сообщила, что ответ готов.",
        "Со слов Захаровой, документ передан.",
    ]
    rows = summarize_speakers(attribute_quotes(paragraphs, "ru"))
    assert sorted((r.name, r.quotes) for r in rows) == [
        ("Дмитрий Песков", 2),
        ("Мария Захарова", 2),
    ]


def test_a_bare_title_and_an_epithet_are_the_person_named_before():
    paragraphs = [
        "Президент России Владимир Путин заявил, что саммит прошёл успешно.",
        "«Мы довольны итогами», — подчеркнул глава государства.",
        "Помощник президента Юрий Орехов рассказал, что программа согласована.",
        "«Всё готово», — добавил дипломат.",
    ]
    assert [q.speaker for q in attribute_quotes(paragraphs, "ru")] == [
        "Владимир Путин",
        "Владимир Путин",
        "Юрий Орехов",
        "Юрий Орехов",
    ]


def test_adverbs_around_the_subject_and_reported_content_with_o():
    paragraphs = [
        "Министр Антон Лебедев выступил в Думе.",
        "Ранее Лебедев также заявил о росте цен.",
    ]
    got = attribute_quotes(paragraphs, "ru")
    assert [(q.speaker, q.verb, q.text) for q in got][-1] == (
        "Антон Лебедев",
        "заявил",
        "о росте цен",
    )


def test_a_quote_later_in_the_sentence_is_not_the_speakers_words():
    got = attribute_quotes(
        ["Министр Антон Лебедев призвал аккуратно относиться к «слухам» в сетях."], "ru"
    )
    assert [(q.speaker, q.direct) for q in got] == [("Антон Лебедев", False)]


def test_more_date_forms():
    paragraphs = [
        "МОСКВА, 26 мар — ТАСС. Итоги сегодняшнего заседания подвели вечером.",
        "Май 28, 2025",
        "На выходных прошли проверки, на следующий день их продолжили.",
    ]
    got = [(d.text, d.start, d.end, d.granularity) for d in extract_dates(paragraphs, PUB, "ru")]
    assert ("26 мар", "2024-03-26", "2024-03-26", "day") in got
    assert ("сегодняшнего", "2024-06-20", "2024-06-20", "day") in got
    assert ("Май 28, 2025", "2025-05-28", "2025-05-28", "day") in got
    # The weekend before publication (Thursday 20 June), and the day after it.
    assert ("На выходных", "2024-06-15", "2024-06-16", "range") in got
    assert ("на следующий день", "2024-06-17", "2024-06-17", "day") in got


def test_a_title_is_read_by_its_head_and_mentions_teach_names():
    paragraphs = [
        "Совещание провёл президент России Владимир Путин.",
        "Официальный представитель Кремля Дмитрий Песков сказал, что итоги подведут позже.",
        "«Ждите новостей», — пообещал пресс-секретарь президента.",
        "Ранее Путин заявил о новых мерах.",
    ]
    assert [q.speaker for q in attribute_quotes(paragraphs, "ru")] == [
        "Дмитрий Песков",
        "Дмитрий Песков",
        "Владимир Путин",
    ]


def test_news_prose_words_are_stop_words_and_content_words_are_not():
    for word in ("Ранее", "заявлял", "рассказали", "марта", "среду", "Фото", "словам", "ходе"):
        assert is_stopword(word), word
    for word in ("саммит", "переговоры", "паводок", "Кремль"):
        assert not is_stopword(word), word


def test_yo_and_ye_are_one_letter_for_matching_and_keywords():
    from dashboard.analysis.keywords import group_terms
    from dashboard.analysis.textproc import normalize

    assert normalize("Пётр Семёнов") == normalize("Петр Семенов") == "петр семенов"
    assert group_terms({"всё": 1, "Переговоры": 2, "переговоры": 3, "Алёна": 1, "Алена": 2}) == {
        "все": ("всё", 1),  # the key folds; the word is shown as written
        # Keys fold case endings too (keyword_stem); the display is the commonest form.
        "переговор": ("переговоры", 5),
        "ален": ("Алена", 3),
    }


def test_frame_cues_cover_case_endings_without_matching_other_words():
    from dashboard.analysis.frames import score_frames

    scores, evidence = score_frames(
        [
            "Санкции ударили по экономике, цены выросли.",
            "После переговоров стороны подписали договор.",
            "Военные учения прошли у границы, угроза эскалации растёт.",
            "В центре города открылась выставка.",
        ],
        "ru",
    )
    cues = {f: sorted(c for e in ev for c in e.cues) for f, ev in evidence.items() if ev}
    assert cues == {
        "economy": ["санкци", "цены", "экономик"],
        "law_diplomacy": ["договор", "переговор"],  # «После» is no «посол»
        "security": ["военн", "угроз", "эскалаци"],  # «ударили» is a figure of speech
    }
    assert scores["economy"] == 0.25 and scores["ukraine_war"] == 0.0


def test_a_statement_noun_names_its_author_in_the_genitive():
    got = attribute_quotes(
        [
            "Министр прокомментировал слова спецпосланника Кита Бруммера о том, что встреча "
            "возможна.",
            "Комиссия отвергла заявления Европарламента о новых квотах.",
            "Слова благодарности прозвучали на церемонии.",
        ],
        "ru",
    )
    assert [(q.speaker, q.verb, q.text) for q in got] == [
        ("Кит Бруммер", "слова", "о том, что встреча возможна"),
        ("Европарламент", "заявления", "о новых квотах"),
    ]
