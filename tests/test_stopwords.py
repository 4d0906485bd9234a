"""Stop words: maintained lists pruned of content words, extended with project words."""

from __future__ import annotations

import pytest
import stopwordsiso

from dashboard.analysis.stopwords import arabic_stopwords, english_stopwords, is_stopword


@pytest.mark.parametrize(
    "word",
    [
        "في",
        "من",
        "الذي",
        "هذه",
        "أن",
        "وهذا",  # clitic form listed by arabic-stopwords
        "قال",  # project addition: reporting verb
        "وقال",  # conjunction looked through
        "فقد",
        "وأكد",
        "مشيرا",
        "اكد",  # alef variant of أكد
        "قَالَ",  # diacritics
        "أيضاً",
    ],
)
def test_arabic_function_words_are_stop_words(word):
    assert is_stopword(word, "ar")


@pytest.mark.parametrize(
    "word",
    [
        "زيارة",  # in stopwordsiso, pruned by languages/ar/stopwords_keep.txt
        "قوة",
        "المقبل",
        "لقاء",
        "وزيارة",  # prefixed forms of a pruned word are pruned too
        "شمال",
        "غرب",
        "الغرب",
        "بوتين",
        "واشنطن",
        "العقوبات",
        "الناتو",
    ],
)
def test_arabic_content_words_are_not_stop_words(word):
    assert not is_stopword(word, "ar")


def test_pruning_removed_words_that_the_maintained_list_has():
    # Guards the test above: the pruned words really are in the upstream list.
    upstream = stopwordsiso.stopwords("ar")
    assert {"زيارة", "قوة", "المقبل", "لقاء"} <= upstream
    assert "زياره" not in arabic_stopwords()  # matching form of زيارة


@pytest.mark.parametrize("word", ["the", "The", "said", "told", "according", "also", "would"])
def test_english_stop_words(word):
    assert is_stopword(word, "en")


@pytest.mark.parametrize("word", ["state", "world", "members", "sanctions", "Putin", "NATO"])
def test_english_content_words(word):
    assert not is_stopword(word, "en")


def test_script_decides_the_list():
    # A Latin acronym inside an Arabic article is checked against English.
    assert not is_stopword("ANF", "ar")
    assert is_stopword("the", "ar")


def test_sets_are_cached_and_sized():
    assert arabic_stopwords() is arabic_stopwords()
    assert english_stopwords() is english_stopwords()
    assert len(arabic_stopwords()) > 5000  # arabic-stopwords forms are included
    assert 800 < len(english_stopwords()) < 2000
