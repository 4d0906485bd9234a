"""Russian reporting constructions beyond the basics of test_pack_ru.py.

Every sentence here was written for this test: invented events, no text from the web.
"""

from __future__ import annotations

from dashboard.analysis.speakers import attribute_quotes


def _who(paragraphs):
    return [(q.speaker, q.speaker_kind, q.verb, q.text) for q in attribute_quotes(paragraphs, "ru")]


def test_a_body_in_the_prepositional_speaks():
    # «В Кремле заявили», «в министерстве рассказали»: the body, read back in the nominative.
    assert _who(["В министерстве рассказали, что работы продлятся до весны."]) == [
        ("министерство", "state", "рассказали", "работы продлятся до весны")
    ]
    assert _who(["В Кремле заявили, что встреча состоится."])[0][:2] == ("Кремль", "state")
    assert _who(["В МИД рассказывали о просьбах родственников."])[0][:2] == ("МИД", "state")
    assert _who(["Об этом в пресс-службе губернатора сообщили журналистам."])[0][0] == (
        "пресс-служба губернатора"
    )


def test_a_body_relayed_by_an_agency():
    # «сообщили ТАСС в пресс-службе X»: X speaks, the agency relays (source, kind media).
    got = _who(["Об этом сообщили ТАСС в пресс-службе МВД России."])
    assert [(s, k) for s, k, _, _ in got] == [
        ("пресс-служба МВД России", "state"),
        ("ТАСС", "media"),
    ]
    got = _who(["Как сообщили РИА Новости в пресс-службе ведомства, пострадавших нет."])
    assert [(s, v, t) for s, _, v, t in got] == [
        ("пресс-служба ведомства", "Как сообщили", "пострадавших нет"),
        ("РИА Новости", "Как сообщили", "пострадавших нет"),
    ]
    got = _who(["«Пострадавших нет», — рассказали «Известиям» в министерстве обороны."])
    assert [s for s, *_ in got] == ["министерство обороны", "Известиям"]
    assert got[0][3] == "Пострадавших нет"


def test_a_singular_verb_keeps_its_person():
    # «сообщил в интервью»: «в» after a singular verb is a circumstance, not the speaker.
    got = _who(["Об этом сообщил в министерстве глава ведомства Олег Петров."])
    assert [(s, k) for s, k, _, _ in got] == [("Олег Петров", "official")]


def test_with_reference_to_names_the_cited_voice():
    # «со ссылкой на X» (accusative): X is the voice the outlet cites, with the same content.
    got = _who(["Эвакуация завершена, сообщает ТАСС со ссылкой на пресс-службу МВД."])
    assert got == [
        ("ТАСС", "media", "сообщает", "Эвакуация завершена"),
        ("пресс-служба МВД", "state", "со ссылкой на", "Эвакуация завершена"),
    ]
    got = _who(["Об этом сообщает «Интерфакс» со ссылкой на Ивана Петрова."])
    assert [s for s, *_ in got] == ["Интерфакс", "Иван Петров"]


def test_two_speakers_joined_by_and_after_a_plural_verb():
    got = _who(["Об этом сообщают РИА Новости и ТАСС со ссылкой на МЧС."])
    assert [(s, k) for s, k, _, _ in got] == [
        ("РИА Новости", "media"),
        ("ТАСС", "media"),
        ("МЧС", "state"),
    ]
    got = _who(["Эвакуация завершена, сообщают ТАСС и «Интерфакс»."])
    assert [(s, t) for s, _, _, t in got] == [
        ("ТАСС", "Эвакуация завершена"),
        ("Интерфакс", "Эвакуация завершена"),
    ]
    # a singular verb joins nothing: «сообщил Иван Петров и его заместитель» is one speaker
    got = _who(["Об этом сообщил Иван Петров и добавил, что план готов."])
    assert [s for s, *_ in got][:1] == ["Иван Петров"]


def _named(paragraphs):
    return [(q.speaker, q.role, q.verb) for q in attribute_quotes(paragraphs, "ru")]


def test_a_body_in_the_genitive_belongs_to_the_title():
    assert _named(["Глава Ростеха Сергей Чемезов заявил, что заводы работают."]) == [
        ("Сергей Чемезов", "Глава Ростеха", "заявил")
    ]
    # a patronymic in the middle: three words of one name
    assert _named(["Министр Сергей Викторович Лавров заявил, что план готов."]) == [
        ("Сергей Викторович Лавров", "Министр", "заявил")
    ]


def test_the_name_before_a_dash_apposition():
    got = _named(["Иван Сидоров — адвокат обвиняемого Петра Козлова заявил о подаче жалобы."])
    assert got == [("Иван Сидоров", "адвокат обвиняемого Петра Козлова", "заявил")]


def test_a_circumstance_between_subject_and_verb():
    assert _named(["Министр Олег Петров на брифинге заявил, что план готов."]) == [
        ("Олег Петров", "Министр", "заявил")
    ]
    # a short quoted name inside the circumstance is no statement before the verb
    got = _named(["Мэр города Олег Петров в интервью телеканалу «Звезда» рассказал о планах."])
    assert got == [("Олег Петров", "Мэр города", "рассказал")]
    got = _named(["Ранее Сергей Чемезов в интервью журналу «Наш мир» рассказал о работе."])
    assert [s for s, _, _ in got] == ["Сергей Чемезов"]


def test_source_phrases_of_data_and_opinion():
    assert _who(["По данным МЧС, пострадавших нет."]) == [
        ("МЧС", "state", "По данным", "пострадавших нет")
    ]
    assert _who(["По информации ведомства, пожар потушен."])[0][:2] == ("ведомство", "state")
    assert _named(["По мнению аналитика Ивана Петрова, ставка не изменится."]) == [
        ("Иван Петров", "аналитика", "По мнению")
    ]


def test_the_outlet_quotes_someones_words():
    got = _who(["«Мы готовы к переговорам», — приводит ТАСС слова министра Олега Петрова."])
    assert got == [
        ("Олег Петров", "official", "приводит", "Мы готовы к переговорам"),
        ("ТАСС", "media", "приводит", "Мы готовы к переговорам"),
    ]
    # an unnamed author («диктора»): only the outlet is a named voice
    got = _who(["«Будет 40 тысяч зрителей», — приводит «Интерфакс» слова диктора в эфире."])
    assert [(s, k) for s, k, _, _ in got] == [("Интерфакс", "media")]


def test_a_body_named_in_quotes_after_its_kind():
    assert _who(["Рост продолжится, сообщает госкорпорация «Ростех»."]) == [
        ("Ростех", "organisation", "сообщает", "Рост продолжится")
    ]


def test_the_outlet_addressed_is_not_the_speaker():
    got = _named(["Как рассказал «Известиям» эксперт Иван Петров, цены вырастут."])
    assert got == [("Иван Петров", "эксперт", "рассказал")]


def test_a_source_in_a_body_is_anonymous():
    got = _who(["Источник в правительстве сообщил ТАСС, что решение принято."])
    assert got[0][:2] == ("Источник в правительстве", "anonymous")


def test_a_manner_adverbial_is_not_part_of_the_subject():
    got = _who(["ЦБ всеми силами намекал рынку, что ставка не изменится."])
    assert got[0][:3] == ("ЦБ", "state", "намекал")
