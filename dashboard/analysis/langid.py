"""Which language an article is written in, read from its body.

Scripts decide first, because they are unambiguous and cheap: Hangul means Korean, kana
Japanese, Han alone Chinese. Inside a script shared by several languages (Arabic script:
Arabic, Persian, Urdu, Pashto …; Cyrillic: Russian, Ukrainian, Bulgarian …; Latin: English,
French, Spanish …) the maintained offline identifier `py3langid` (naive Bayes over byte
n-grams, its model inside the wheel) chooses among that script's languages only, so a
Russian text with a few Latin names is never called English, and an Arabic article is never
called Persian because of one quoted Persian name. Arabic script defaults to Arabic unless
letters that Arabic does not use (پ چ ژ گ ک ی ٹ ڈ ڑ ں ے) make up a real share of it.

The headline is not used when the body has enough letters: headlines are short, often carry
a foreign name or a quoted phrase, and were behind most wrong labels.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard.analysis.languages import available_languages

# Languages the analysis covers: those with a language pack (one folder each). Articles in
# any other language are stored with their code and shown as "not analysed".
ANALYSED_LANGUAGES = frozenset(available_languages())
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "he", "yi", "ug", "sd", "ku", "ckb", "dv"})
UNDETERMINED = "und"

# Below this many letters a body says too little; the headline (or a manifest) may help.
MIN_LETTERS = 40
SAMPLE_CHARS = 4000

_SCRIPT_LANGUAGES = {
    "arabic": ["ar", "ary", "arz", "fa", "ur", "ps", "ku", "ug", "sdh"],
    "cyrillic": ["ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn"],
    "latin": [
        "en", "fr", "es", "de", "it", "pt", "nl", "tr", "id", "ms", "pl", "ro", "sv", "da",
        "no", "fi", "cs", "sk", "hu", "hr", "sl", "et", "lv", "lt", "vi", "sw", "tl", "az",
        "sq", "ca", "eu", "gl", "af", "ga", "cy", "is", "mt",
    ],
}  # fmt: skip
_SCRIPT_DEFAULT = {"arabic": "ar", "cyrillic": "ru", "latin": "en"}
# The identifier's dialect labels that the project analyses as the language itself.
_FOLD = {"ary": "ar", "arz": "ar"}
# Arabic-script letters that Arabic itself does not use (Persian, Urdu, Pashto, Kurdish).
_NON_ARABIC_LETTERS = re.compile("[پچژگکیٹڈڑںےۀۃھڵێۆەڕ]")
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1 where there is one, "und" when nothing can be said
    confidence: float  # 0..1
    script: str  # the dominant script: arabic, cyrillic, latin, hangul, han, kana, other, none

    @property
    def analysed(self) -> bool:
        return self.code in ANALYSED_LANGUAGES


def _script_of(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    o = ord(ch)
    if (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFEFF
    ):
        return "arabic"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "han"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].lower() if name else "other"


def script_counts(text: str) -> dict[str, int]:
    # Count distinct characters first (in C), then classify each distinct one once: an
    # article has a few thousand characters but only about a hundred distinct ones.
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():
        s = _script_of_cached(ch)
        if s:
            counts[s] = counts.get(s, 0) + n
    return counts


_script_of_cached = lru_cache(maxsize=8192)(_script_of)


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once per process, on first need (about a third of a second).
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    idf = _identifier()
    idf.set_languages(None)
    return frozenset(idf.nb_classes)


@cache
def _script_identifier(script: str):
    # One identifier restricted to the script's languages, made once: restricting copies
    # the model's tables (tens of milliseconds), which per article was 40 % of a parse.
    # The shallow copy shares the full model; set_languages only rebinds the copy's tables.
    idf = copy.copy(_identifier())
    idf.set_languages([c for c in _SCRIPT_LANGUAGES[script] if c in _known_codes()])
    return idf


def warm() -> None:
    """Load the identifier and its per-script restrictions now (about 0.6 s, once per
    process), so that no article's parse pays for it: parse workers and the bench call this
    before their first article."""
    for script in _SCRIPT_LANGUAGES:
        _script_identifier(script)


def _within_script(text: str, script: str) -> tuple[str, float]:
    code, prob = _script_identifier(script).classify(text)
    return _FOLD.get(code, code), float(prob)


def identify(text: str) -> LanguageGuess:
    """The language of `text` (an article body), with a confidence."""
    return _identify(text)[0]


def _identify(text: str) -> tuple[LanguageGuess, str, dict[str, int]]:
    """`identify`, with the sample it read and that sample's script counts."""
    sample = text[:SAMPLE_CHARS]
    # Every _URLISH match contains one of these: most bodies have none, and three substring
    # tests are much cheaper than the regex's scan (its \S+@ branch tries every position).
    if "://" in sample or "www." in sample or "@" in sample:
        sample = _URLISH.sub(" ", sample)
    counts = script_counts(sample)
    guess = _guess(sample, counts)
    return guess, sample, counts


def _guess(sample: str, counts: dict[str, int]) -> LanguageGuess:
    letters = sum(counts.values())
    if not letters:
        return LanguageGuess(UNDETERMINED, 0.0, "none")
    script, top = max(counts.items(), key=lambda kv: kv[1])
    share = top / letters
    # Korean and Japanese mix scripts (Han characters, Latin acronyms): any real share of
    # their own script decides.
    if counts.get("hangul", 0) >= 0.2 * letters:
        return LanguageGuess("ko", min(1.0, counts["hangul"] / letters + 0.3), "hangul")
    if counts.get("kana", 0) >= 0.1 * letters:
        return LanguageGuess("ja", min(1.0, share + 0.3), "kana")
    if script == "han":
        return LanguageGuess("zh", share, "han")
    if script == "arabic":
        extra = len(_NON_ARABIC_LETTERS.findall(sample))
        if extra < 0.015 * top:
            return LanguageGuess("ar", share, script)
    if script in _SCRIPT_LANGUAGES:
        if letters < 12:
            return LanguageGuess(_SCRIPT_DEFAULT[script], 0.3 * share, script)
        code, prob = _within_script(sample, script)
        return LanguageGuess(code, prob * share, script)
    # Scripts used by essentially one language the project meets.
    single = {"greek": "el", "hebrew": "he", "thai": "th", "armenian": "hy", "georgian": "ka"}
    return LanguageGuess(single.get(script, UNDETERMINED), share, script)


def article_language(title: str, body: str, declared: str = "") -> tuple[str, list[str]]:
    """The language an article is analysed in, and warnings about how it was decided.

    The body decides when it has enough letters; otherwise the declared language (from a
    manifest or an upload form) is kept, and failing that the headline and body together.
    A declared language that the body contradicts is reported and overruled.
    """
    warnings: list[str] = []
    declared = (declared or "").strip().lower()
    body_guess, sample, sample_counts = _identify(body)
    head = body[:SAMPLE_CHARS]
    # The identifier's sample is the head with links blanked; without links (nearly always)
    # its script counts are the head's.
    head_counts = sample_counts if sample == head else script_counts(head)
    if sum(head_counts.values()) >= MIN_LETTERS:
        code = body_guess.code
        if declared and declared != code:
            warnings.append(
                f"language given as '{declared}' but the text reads as '{code}'; "
                f"analysed as '{code}'"
            )
    elif declared:
        code = declared
    else:
        code = identify(title + "\n" + body).code
    if code not in ANALYSED_LANGUAGES:
        warnings.append(f"language '{code}' is not analysed (no speakers, dates or keywords)")
    return code, warnings


def is_rtl(code: str) -> bool:
    return code in RTL_LANGUAGES
