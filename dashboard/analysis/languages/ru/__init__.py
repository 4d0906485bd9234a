"""Russian: news Russian (Cyrillic). A skeleton pack: general lexicons, the common reporting
constructions, dates with month and weekday names, and names merged across their cases."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from dashboard.analysis.languages import LanguagePack
from dashboard.analysis.lexicon import load_fields_at
from dashboard.analysis.textproc import normalize_token

# Genitive endings of names -> nominative, longest first (the case after «по словам»,
# «заявление Путина»). Masculine surnames in -ов/-ев/-ин take -а; feminine ones in -ова/-ина
# take -ой; first names: Сергей -> Сергея, Дмитрий -> Дмитрия, Мария -> Марии, Анна -> Анны,
# Ольга -> Ольги, Владимир -> Владимира.
_GENITIVE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("ой", "а"),
    ("ии", "ия"),
    ("ия", "ий"),
    ("ея", "ей"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("ына", "ын"),
    ("ы", "а"),
)
# Oblique endings of masculine surnames in -ов/-ев/-ин (dative, instrumental, prepositional):
# Путину, Путиным, Путине -> Путин.
_SURNAME_OBLIQUE = ("у", "ым", "е", "а")
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_VELARS = "гкхжшчщ"


# Case and number endings folded when keywords are grouped (keyword_endings.txt), longest
# first; those marked «lower» only in words written in lower case.
_HERE = Path(__file__).resolve().parent
_ENDING_FIELDS = load_fields_at(_HERE / "keyword_endings.txt")
_ENDINGS: tuple[tuple[str, int], ...] = tuple(
    sorted(
        ((f[0], 4 if "long" in f[1:] else 3) for f in _ENDING_FIELDS if "lower" not in f[1:]),
        key=lambda e: -len(e[0]),
    )
)
_LOWER_ENDINGS: tuple[tuple[str, int], ...] = tuple(
    sorted(
        ((f[0], 4 if "long" in f[1:] else 3) for f in _ENDING_FIELDS),
        key=lambda e: -len(e[0]),
    )
)
_VOWELS = set("аеёиоуыэюя")
# A stem must keep this many letters (мира -> мир, not мы -> м) and a vowel.
_MIN_STEM = 3


class RussianPack(LanguagePack):
    code = "ru"
    name = "Russian"
    script = "\u0400-\u04ff"
    right_to_left = False
    day_first = True
    stopwords_iso = "ru"

    folds_keyword_endings = True

    def keyword_stem(self, word: str) -> str:
        return _keyword_stem(word)

    def strip_clitics(self, token: str) -> list[str]:
        """The token and, for a name in an oblique case, its nominative reading
        («путину» -> «путин»). Russian has no clitics; its names decline."""
        out = [token]
        for ending in _SURNAME_OBLIQUE:
            stem = token[: -len(ending)]
            if token.endswith(ending) and len(stem) > 3 and stem.endswith(_SURNAME_STEMS):
                out.append(stem)
        return out


@functools.lru_cache(maxsize=100_000)
def _keyword_stem(word: str) -> str:
    """«Путина», «Путину», «Путиным» -> «путин»; «санкций», «санкциям» -> «санкц». Words of
    three letters or fewer and words with no Cyrillic letter stay as their matching form,
    acronyms (США, ФСБ) as written."""
    norm = normalize_token(word)
    if len(word) > 1 and word.isupper():
        # An acronym keeps its capitals, so that «СВО» never meets the stem of «своем».
        return word.replace("Ё", "Е")
    if len(norm) <= _MIN_STEM or not _CYRILLIC.search(norm):
        return norm
    endings = _ENDINGS if word[:1].isupper() else _LOWER_ENDINGS
    for ending, min_stem in endings:
        if norm.endswith(ending):
            stem = norm[: -len(ending)]
            if len(stem) >= min_stem and _VOWELS.intersection(stem):
                return stem
    return norm


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def nominative_name(word: str) -> str:
    """A personal name read in the genitive, in the nominative («Лаврова» -> «Лавров»,
    «Марии Захаровой» word by word -> «Мария Захарова»). Words it does not know stay."""
    lower = word.lower()
    if lower.endswith("и") and len(lower) > 3 and lower[-2] in _VELARS:
        return word[:-1] + "а"  # Ольги -> Ольга
    if lower.endswith(("ии", "ьи")) and len(lower) == 4:
        return word[:-1] + _cased("я", word[-1])  # Юлии -> Юлия
    if lower.endswith("ьи") and len(lower) > 4:
        return word[:-1] + _cased("я", word[-1])  # Натальи -> Наталья, Софьи -> Софья
    for ending, nominative in _GENITIVE_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return word[: -len(ending)] + _cased(nominative, word[-len(ending)])
    if lower.endswith("а") and len(lower) > 3 and lower[-2] not in "аеёиоуыэюяь":
        return word[:-1]  # Владимира -> Владимир, Кита -> Кит
    if lower.endswith("я") and len(lower) > 4 and lower[-2] in "лрн":
        return word[:-1] + _cased("ь", word[-1])  # Игоря -> Игорь, Эммануэля -> Эммануэль
    return word


def _cased(ending: str, like: str) -> str:
    return ending.upper() if like.isupper() else ending


PACK = RussianPack(_HERE)
