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
        assert _voices(text) == [("Norway", "state")], text


def test_indefinite_official_is_unnamed_even_with_a_national_adjective():
    got = _voices("The bridge was hit twice overnight, a Norwegian military official said.")
    assert got == [("Norwegian military official", "anonymous")]
