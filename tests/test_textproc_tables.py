"""The one-pass translate tables of textproc equal the step-by-step definitions.

normalize_ar, strip_diacritics and to_ascii_digits are single str.translate passes for
speed; here they are compared, on every Unicode code point, with the rules written out
one by one (regular expressions and replaces, as the module documents them).
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from dashboard.analysis.textproc import (
    clean_invisible,
    normalize,
    normalize_ar,
    strip_diacritics,
    to_ascii_digits,
    translator,
)

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_EASTERN = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def _ref_strip_diacritics(text: str) -> str:
    return _DIACRITICS.sub("", text).replace("\u0640", "")


def _ref_digits(text: str) -> str:
    for i, ch in enumerate(_EASTERN):
        text = text.replace(ch, str(i % 10))
    return text


def _ref_normalize_ar(text: str) -> str:
    t = _ref_strip_diacritics(_INVISIBLE.sub("", text))
    for alef in "أإآٱ":
        t = t.replace(alef, "ا")
    t = t.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "ء").replace("ئ", "ء")
    return _ref_digits(t)


# Every code point (surrogates excluded), each between two separators so that a dropped
# or mapped character shows at its own place.
_ALL = "|".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_normalize_ar_equals_step_by_step_rules_on_every_code_point():
    assert normalize_ar(_ALL) == _ref_normalize_ar(_ALL)


def test_strip_diacritics_and_digits_equal_their_rules_on_every_code_point():
    assert strip_diacritics(_ALL) == _ref_strip_diacritics(_ALL)
    assert to_ascii_digits(_ALL) == _ref_digits(_ALL)


def test_normalize_examples_written_by_hand():
    assert normalize_ar("إِلَى الأمـــم المتحدة ٢٠٢٤") == "الي الامم المتحده 2024"
    assert normalize_ar("\ufeffمسؤول\u200fبيئة") == "مسءولبيءه"
    assert strip_diacritics("مُـحَمَّد") == "محمد"
    assert to_ascii_digits("۱۹ يونيو ٢٠٢٤") == "19 يونيو 2024"
    # NFKC first: the presentation form of lam-alef becomes two letters.
    assert normalize("\ufefb TREATY") == "لا treaty"
    assert clean_invisible("a\u200bb") == "ab"


def _ref_normalize(text: str) -> str:
    # NFKC, the Arabic rules, lower case, and Russian ё as е.
    return _ref_normalize_ar(unicodedata.normalize("NFKC", text)).lower().replace("ё", "е")


def test_normalize_still_matches_its_definition():
    text = "Ｆｕｌｌｗｉｄｔｈ «الإتفاقيّة» \ufeff٣ İstanbul Ёлка"
    assert normalize(text) == _ref_normalize(text)
    assert normalize(_ALL) == _ref_normalize(_ALL)


def test_translator_equals_str_translate_including_characters_past_its_list():
    mapping = {
        ord("a"): "b",
        ord("ة"): "ه",
        0x064E: None,  # a diacritic, dropped
        0xFEFF: None,  # past the list: replaced separately
        0xFB50: "ا",  # an Arabic presentation form, past the list
        0x1F600: "?",  # an emoji
    }
    fast = translator(mapping)
    text = "a\ufeffbَة\ufb50x\U0001f600\u4e2d\ufeff" * 3
    assert fast(text) == text.translate(mapping)
    assert fast(text) == "bbهاx?\u4e2d" * 3
    assert fast("") == ""


def test_translator_refuses_chained_replacements_past_its_list():
    with pytest.raises(ValueError):
        translator({0xFEFF: "\ufb50", 0xFB50: "x"})
