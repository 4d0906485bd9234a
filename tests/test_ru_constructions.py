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


def test_a_title_between_commas_after_the_name():
    assert _named(["Иван Петров, глава комитета, заявил, что закон примут."]) == [
        ("Иван Петров", "глава комитета", "заявил")
    ]
    # a statement before the verb keeps its speaker after it
    assert _named(["Москва и Пекин, заявил министр Олег Петров, договорились."]) == [
        ("Олег Петров", "министр", "заявил")
    ]


def test_a_headline_with_a_quoted_body():
    assert _who(["«Ростех»: выпуск вырос на пять процентов"]) == [
        ("Ростех", "organisation", ":", "выпуск вырос на пять процентов")
    ]


def test_in_ones_own_statement_the_subject_speaks():
    got = _named(["В своем заявлении министр Олег Петров подчеркнул, что план готов."])
    assert got == [("Олег Петров", "министр", "подчеркнул")]


def test_the_agency_told_is_not_the_speaker():
    got = _named(["«Мы готовы», — сказал агентству Reuters министр Олег Петров."])
    assert got == [("Олег Петров", "министр", "сказал")]
    got = _who(["Как заявил агентству Reuters источник, знакомый с ситуацией, сделка сорвалась."])
    assert got[0][:2] == ("источник", "anonymous")


def test_legal_roles_and_their_synonyms():
    got = _named(
        [
            "Адвокат Иван Сидоров заявил, что обжалует приговор.",
            "Как подчеркнул защитник, в приговоре нет анализа.",
        ]
    )
    assert got == [
        ("Иван Сидоров", "Адвокат", "заявил"),
        ("Иван Сидоров", "Адвокат", "подчеркнул"),
    ]


def test_a_genitive_country_between_title_and_a_three_word_name():
    got = _named(["Президент Турции Реджеп Тайип Эрдоган заявил, что помощь прибыла."])
    assert got == [("Реджеп Тайип Эрдоган", "Президент Турции", "заявил")]


def test_a_present_plural_verb_with_a_body():
    assert _who(["Об этом говорят в Кремле."])[0][:2] == ("Кремль", "state")
    # a question headline reports nobody yet (test_pack_ru)
    assert _who(["Что говорят в Кремле о переговорах"]) == []


def test_what_became_known_to_an_outlet():
    assert _who(["Как стало известно «Коммерсанту», сделка сорвалась."])[0][:3] == (
        "Коммерсант",
        "media",
        "стало известно",
    )
    assert _who(["Об этом стало известно Центру защиты прав СМИ."])[0][:2] == (
        "Центр защиты прав СМИ",
        "organisation",
    )
    assert _who(["Стало известно, что сделка сорвалась."]) == []


def test_impersonal_reports_name_the_owner_of_the_page():
    assert _who(["Об этом говорится в сообщении на сайте Кремля."])[0][:3] == (
        "Кремль",
        "state",
        "говорится",
    )
    assert _who(["Об этом сообщается в Telegram-канале ведомства."])[0][0] == "ведомство"
    assert _who(["«Мы не согласны», — отмечается в заявлении МИД России."]) == [
        ("МИД России", "state", "отмечается", "Мы не согласны")
    ]
    got = _who(["Об этом говорится в заявлении пресс-службы компании «Северсталь»."])
    assert got[0][0] == "пресс-служба компании «Северсталь»"


def test_a_tass_dateline_with_slashes():
    got = _who(["МОСКВА, 12 марта. /ТАСС/. Правительство утвердило план."])
    assert got == [("ТАСС", "media", "—", "Правительство утвердило план.")]


def test_the_outlets_interlocutor_is_the_voice_just_quoted():
    got = _who(
        [
            "Об этом сообщили ТАСС в пресс-службе МВД. "
            "«Пострадавших нет», — уточнил собеседник агентства. "
            "Поиски, по его словам, продолжаются."
        ]
    )
    assert [(s, v) for s, _, v, _ in got] == [
        ("пресс-служба МВД", "сообщили"),
        ("ТАСС", "сообщили"),
        ("пресс-служба МВД", "уточнил"),
        ("пресс-служба МВД", "по его словам"),
    ]
    # with nobody quoted before, the interlocutor stays unnamed
    assert _who(["«Мы успеем», — уточнил собеседник издания."])[0][1] == "anonymous"


def test_a_place_adjective_inside_the_title_and_the_title_later():
    got = _named(
        [
            "Губернатор Оренбургской области Денис Паслер сообщил, что ущерб велик.",
            "Оренбургский губернатор добавил, что вода спадает.",
        ]
    )
    assert got == [
        ("Денис Паслер", "Губернатор Оренбургской области", "сообщил"),
        ("Денис Паслер", "Губернатор Оренбургской области", "добавил"),
    ]


def test_a_short_name_of_a_body_named_in_full_before():
    got = _who(
        [
            "Банк России повысил ставку. Об этом сообщается на сайте мегарегулятора.",
            "«Риски выросли», — говорится в пресс-релизе Центробанка.",
        ]
    )
    assert [(s, v) for s, _, v, _ in got] == [
        ("Банк России", "сообщается"),
        ("Банк России", "говорится"),
    ]
    # never named in full: the short name stays
    got = _who(["«Риски выросли», — говорится в пресс-релизе Центробанка."])
    assert got[0][0] == "Центробанк"


def test_announced_reports_speech_only_with_its_content():
    assert _named(["Президент Олег Петров объявил, что выборы пройдут в мае."]) == [
        ("Олег Петров", "Президент", "объявил")
    ]
    assert _who(["В стране объявили семидневный траур."]) == []


def test_a_club_or_company_in_quotes_inside_the_title():
    assert _named(["«Мы сыграли хорошо», — сказал главный тренер «Зенита» Сергей Семак."]) == [
        ("Сергей Семак", "главный тренер «Зенита»", "сказал")
    ]
    got = _named(["Гендиректор «Ростеха» Сергей Чемезов рассказал о планах."])
    assert got == [("Сергей Чемезов", "Гендиректор «Ростеха»", "рассказал")]
    # a correspondent of an outlet: the outlet is the source, as before
    got = _who(["«Мы сыграли хорошо», — передаёт слова Семака корреспондент «Спорта» Иван Петров."])
    assert [(s, k) for s, k, _, _ in got] == [("Семак", "other"), ("Спорт", "media")]


def test_the_outlet_addressed_with_its_name_in_quotes():
    got = _named(["«Мы сыграли хорошо», — рассказал корреспонденту «Спорта» Иван Петров."])
    assert got == [("Иван Петров", "", "рассказал")]
    got = _named(["«Мы готовы», — сказал изданию «Город» министр Олег Петров."])
    assert got == [("Олег Петров", "министр", "сказал")]


def test_verbs_of_reaction_and_opinion_need_their_content():
    assert _named(["Министр Олег Петров выразил уверенность, что план выполнят."]) == [
        ("Олег Петров", "Министр", "выразил")
    ]
    assert _named(["«Это не так», — возразил Петров."]) == [("Петров", "", "возразил")]
    assert _named(["Петров отреагировал на критику: «Это неправда»."]) == [
        ("Петров", "", "отреагировал")
    ]
    assert _who(["Министр Олег Петров выразил соболезнования семьям погибших."]) == []


def test_names_in_the_genitive_of_soft_stems_and_short_feminine_names():
    from dashboard.analysis.languages.ru import nominative_name

    assert [nominative_name(w) for w in ("Игоря", "Эммануэля", "Юлии", "Натальи")] == [
        "Игорь",
        "Эммануэль",
        "Юлия",
        "Наталья",
    ]
    assert _named(["По словам Эммануэля Макрона, Франция поможет."]) == [
        ("Эммануэль Макрон", "", "По словам")
    ]


def test_a_role_in_the_dative_before_the_verb_is_the_one_told():
    assert _named(["Президенту доложил глава МЧС Олег Петров."]) == [
        ("Олег Петров", "глава МЧС", "доложил")
    ]


def test_courts_and_law_enforcement_are_bodies():
    assert _who(["В СК России сообщили, что возбуждено дело."])[0][:2] == ("СК России", "state")
    assert _who(["Следственный комитет сообщил о возбуждении дела."])[0][:2] == (
        "Следственный комитет",
        "state",
    )
    assert _who(["В суде заявили, что заседание перенесено."])[0][:2] == ("суд", "state")
    assert _who(["Как сообщили в ГУ МВД по Москве, задержан подозреваемый."])[0][0] == "ГУ МВД"


def test_a_headline_split_by_an_abbreviation():
    got = _who(["Жителям выплатили 7 млрд руб. — Петров"])
    assert got == [("Петров", "other", "—", "Жителям выплатили 7 млрд руб.")]
    assert _who(["Погода. Завтра будет дождь."]) == []


def test_unnamed_groups_are_anonymous():
    got = _who(["Эксперты считают, что цены вырастут.", "Жители рассказали, что вода ушла."])
    assert [(s, k) for s, k, _, _ in got] == [("Эксперты", "anonymous"), ("Жители", "anonymous")]
    assert _who(["Представители компании заявили, что сделка закрыта."])[0][1] == "anonymous"


def test_an_expert_epithet_is_the_person_just_quoted():
    got = _named(
        [
            "Аналитик «Финама» Иван Сидоров считает, что прогноз оптимистичен.",
            "«Рынок не готов», — пояснил эксперт.",
        ]
    )
    assert got == [
        ("Иван Сидоров", "Аналитик «Финама»", "считает"),
        ("Иван Сидоров", "Аналитик «Финама»", "пояснил"),
    ]
