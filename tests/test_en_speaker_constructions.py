"""English speaker constructions found on real articles (issue 14), on sentences written for
the tests: each test names the construction, and asserts who speaks (name and kind)."""

from __future__ import annotations

from dashboard.analysis.speakers.engine import attribute_quotes


def _quotes(*paragraphs: str):
    return attribute_quotes(list(paragraphs), "en")


def _voices(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, kind) of every statement found in the paragraphs."""
    return [(q.speaker, q.speaker_kind) for q in _quotes(*paragraphs)]


# --------------------------------------------------------------------------- names


def test_arabic_particle_keeps_the_name_named():
    # «Bashar al-Assad»: a lower-case «al-» is part of the name, not a bare title.
    got = _voices("Syrian President Bashar al-Assad criticized the sanctions in a speech.")
    assert got == [("Bashar al-Assad", "official")]


def test_knight_named_by_given_name_keeps_the_title():
    got = _voices("Sir Alan accused the minister of never reading the report.")
    assert [name for name, _ in got] == ["Sir Alan"]


def test_acronym_in_brackets_and_and_inside_an_institution_name():
    got = _voices("Norway's Water and Energy Directorate (NVE) said more than 200 homes flooded.")
    assert [name for name, _ in got] == ["Water and Energy Directorate"]


def test_dateline_in_capitals_or_glued_to_a_credit_is_not_the_subject():
    for text in (
        "OSLO Norway on Monday said it closed the border.",
        "news.example.noOSLO Norway on Monday said it closed the border.",
    ):
        assert _voices(text)[-1:] == [("Norway", "state")], text


def test_indefinite_official_is_unnamed_even_with_a_national_adjective():
    got = _voices("The bridge was hit twice overnight, a Norwegian military official said.")
    assert got == [("Norwegian military official", "anonymous")]


def test_surname_without_the_arabic_particle_is_the_same_person():
    got = _voices(
        "Syrian President Bashar al-Assad criticized the sanctions in a speech.",
        "Standing near a ruined school, Assad told reporters the aid was too slow.",
    )
    assert [name for name, _ in got] == ["Bashar al-Assad", "Bashar al-Assad"]


# --------------------------------------------------------------------------- credits and sources


def test_told_an_outlet_whose_title_has_a_capital_the():
    got = _voices("A truce is close to being agreed, sources have told The Northern Courier.")
    assert ("sources", "anonymous") in got
    assert ("The Northern Courier", "media") in got
    # An institution told something is no outlet, and a known agency is named without «The».
    assert _voices("The minister told the Senate that the budget was balanced.") == [
        ("minister", "anonymous")
    ]
    got = _voices("The mayor told The Associated Press that the roads were closed.")
    assert ("Associated Press", "media") in got


def test_according_to_sources_joined_by_a_slash():
    got = _voices("The mayor leads by 3 points, according to The Daily Ledger/Pollwise aggregate.")
    assert got == [("The Daily Ledger", "media"), ("Pollwise", "media")]
    got = _voices("Turnout rose, according to the AP/NORC poll.")
    assert got == [("AP", "media"), ("NORC", "media")]


def test_byline_of_a_news_network_and_a_domain_glued_to_the_dateline():
    assert _voices("Coastal Times News Network") == [("Coastal Times News Network", "media")]
    got = _voices("example.com.trOSLO Norway on Monday said it closed the border.")
    assert got == [("example.com.tr", "media"), ("Norway", "state")]


# --------------------------------------------------------------------------- verbs and marks


def test_add_to_is_no_statement():
    assert (
        _voices("Rain fell all night. Landslides, blocking two roads, added to the delays.") == []
    )


def test_quotations_closed_with_an_opening_mark():
    got = _quotes(
        "“The talks are over, but we remain ready,“ the official said. “We will wait,“ he added."
    )
    assert [(q.speaker, q.direct, q.text) for q in got] == [
        ("official", True, "The talks are over, but we remain ready"),
        ("official", True, "We will wait"),
    ]


def test_progressive_reporting_verbs():
    got = _quotes(
        "Jane Roe is claiming progress while Foreign Minister John Doe is saying that the plan "
        "is failing."
    )
    assert [(q.speaker, q.verb) for q in got] == [("Jane Roe", "claiming"), ("John Doe", "saying")]
    assert _quotes("Jane Roe left early. She was saying goodbye.") == []


# --------------------------------------------------------------------------- institutions


def test_participle_after_a_dateline_subject():
    got = _voices(
        "date 2024-03-01 OSLO ― The Bank of Norway cut its key rate for the first time in years, "
        "saying the economy has cooled enough."
    )
    assert [name for name, _ in got] == ["Bank of Norway"]


def test_it_is_the_institution_the_sentence_opened_with():
    got = _voices(
        "The Nordic Investment Bank raised its lending limit as it warned that demand would grow."
    )
    assert [name for name, _ in got] == ["Nordic Investment Bank"]


def test_the_central_bank_after_a_reserve_and_initials_of_an_institution():
    got = _voices(
        "As expected, the Federal Reserve held its rate. The central bank said it would wait.",
        "In a statement, FR rate-setters said they would watch prices.",
    )
    assert [name for name, _ in got] == ["Federal Reserve", "Federal Reserve"]


# --------------------------------------------------------------------------- who «he» is


def test_he_after_a_person_named_in_apposition_to_a_description():
    got = _voices(
        "A fisherman, Ole Nordmann Berg, was pulled from the water near the harbour.",
        "The 60-year-old waved at the crowd on the pier.",
        "\"Thank you, everyone,'' he said.",
    )
    assert got == [("Ole Nordmann Berg", "other")]


def test_inverted_verb_before_a_country_s_institution():
    got = _voices("Drones hit two depots overnight, says Norway's military")
    assert got == [("Norway's military", "state")]
