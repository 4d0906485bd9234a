"""Russian: news Russian (Cyrillic). A skeleton pack: general lexicons, the common reporting
constructions, dates with month and weekday names, and names merged across their cases."""

from __future__ import annotations

from pathlib import Path

from dashboard.analysis.languages import LanguagePack

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


class RussianPack(LanguagePack):
    code = "ru"
    name = "Russian"
    script = "\u0400-\u04ff"
    right_to_left = False
    day_first = True
    stopwords_iso = "ru"

    def strip_clitics(self, token: str) -> list[str]:
        """The token and, for a name in an oblique case, its nominative reading
        («путину» -> «путин»). Russian has no clitics; its names decline."""
        out = [token]
        for ending in _SURNAME_OBLIQUE:
            stem = token[: -len(ending)]
            if token.endswith(ending) and len(stem) > 3 and stem.endswith(_SURNAME_STEMS):
                out.append(stem)
        return out


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


PACK = RussianPack(Path(__file__).resolve().parent)
