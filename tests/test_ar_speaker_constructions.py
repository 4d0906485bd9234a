"""Arabic speaker constructions found on real articles (issue 14), on sentences written for
the tests: each test names the construction, and asserts who speaks and which outlet is cited."""

from __future__ import annotations

from dashboard.analysis.speakers.engine import attribute_quotes, is_cited_source


def _voices(*paragraphs: str) -> list[tuple[str, bool]]:
    """(speaker, is a cited source) of every statement found in the paragraphs."""
    return [(q.speaker, is_cited_source(q)) for q in attribute_quotes(list(paragraphs), "ar")]


def test_channel_outlet_straight_after_the_interview_noun():
    # «في تصريح صحيفة X»: the outlet follows the head noun without لـ.
    got = _voices('وقال المسؤول الحكومي في تصريح صحيفة "الأخبار اليومية": "سنعلن الخطة غدا".')
    assert ("المسؤول الحكومي", False) in got
    assert ("صحيفة الأخبار اليومية", True) in got


def test_channel_is_the_outlet_not_the_interviewer():
    # «في مقابلة مع الإعلامي X عبر فضائية Y»: Y is the channel, X is no speaker.
    got = _voices(
        "وقال الوزير سامر الخطيب خلال مقابلة مع الإعلامي كريم ناصر عبر فضائية «المدار» إن "
        "الموازنة الجديدة تراعي الفئات الأضعف."
    )
    assert ("سامر الخطيب", False) in got
    assert ("فضائية المدار", True) in got
    assert all("ناصر" not in name for name, _ in got)


def test_channel_after_lam_and_an_outlet_noun():
    # «قالت مصادر لوكالة "X"»: لـ + outlet noun cuts the subject and names the channel.
    got = _voices('وقالت مصادر مطلعة لوكالة "الأفق"، إن الاجتماع سيعقد مساء الخميس.')
    assert ("مصادر مطلعة", False) in got
    assert ("وكالة الأفق", True) in got


def test_channel_behind_a_camera_and_after_abr():
    got = _voices("يقول سليم لكاميرا الشرق مباشر، إن البيوت كلها انهارت في دقائق.")
    assert ("سليم", False) in got
    assert ("الشرق مباشر", True) in got
    got = _voices("وقال رئيس البلدية عبر قناة الساحل إن المياه ستعود غدا.")
    assert ("رئيس البلدية", False) in got
    assert ("قناة الساحل", True) in got
