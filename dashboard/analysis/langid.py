"""Which language an article's text is written in: an ISO 639-1 code from the body.

Two layers:

1. A script profile. Letters are counted per writing system; a script that one language
   owns decides alone (Hangul: ko, kana: ja, Han without kana: zh, Greek: el, Hebrew: he,
   Thai: th, Armenian: hy, Georgian: ka).
2. Within a shared script (Arabic script: ar / fa / ur / ps ...; Cyrillic: ru / uk / bg /
   sr ...; Latin: en / fr / es / tr ...), py3langid's naive-Bayes model (an offline fork of
   langid.py whose model ships inside the package), restricted to the languages written in
   that script. Without py3langid, a function-word profile of the commonest languages of
   the script decides.

The body decides, not the headline: a headline is short and often quotes a name in another
script. The headline is only used when the body has too few letters to judge.
Dialect labels of the model map to their language (Egyptian arz, Moroccan ary -> ar).
Text without enough letters gives "und" (ISO 639-2 "undetermined").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

UNDETERMINED = "und"
# Fewer letters than this in the body: add the headline; fewer in both: undetermined.
MIN_LETTERS = 12
# Only the start of a long text is read: it decides as well as the whole, for a fraction of
# the time.
SAMPLE_CHARS = 6000

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff\u0500-\u052f]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
}
# Scripts that one language owns here.
_SCRIPT_LANGUAGE = {
    "hangul": "ko",
    "greek": "el",
    "hebrew": "he",
    "thai": "th",
    "armenian": "hy",
    "georgian": "ka",
}
# Languages of the model by script (the Latin set is every other label of the model).
_SCRIPT_CANDIDATES: dict[str, frozenset[str]] = {
    "arabic": frozenset({"ar", "arz", "ary", "fa", "ur", "ps", "ug", "sdh"}),
    "cyrillic": frozenset({"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg", "tt", "ba"}),
    "devanagari": frozenset({"hi", "mr", "ne", "sa", "gom"}),
}
_NOT_LATIN = frozenset(
    {"am", "as", "bn", "dz", "gu", "hbo", "km", "kn", "lo", "ml", "my", "or", "pa", "si"}
    | {"ta", "te", "zh", "ja", "ko", "el", "grc", "he", "th", "hy", "ka", "wuu", "yue", "zxx"}
)
# Model labels reported as the language they are a variety of.
_ALIASES = {"arz": "ar", "ary": "ar", "uzs": "uz", "grc": "el", "hbo": "he", "sdh": "ku"}


def _fw(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words by language, for when py3langid is not installed (and as its tie-break on
# very short Arabic-script text, where the model confuses ar/fa/ur most). Common, short,
# specific words: a text of the language uses several in every sentence.
_FUNCTION_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "arabic": {
        "ar": _fw("في من على إلى الى عن أن إن التي الذي هذا هذه كان قد مع بين"),
        "fa": _fw("در از به با که این آن را است برای شد می‌شود هم یک"),
        "ur": _fw("میں کے کی کا نے ہے ہیں سے کو اور یہ کہ پر بھی"),
    },
    "cyrillic": {
        "ru": _fw("и в не на что с по это как из его он она они для был"),
        "uk": _fw("і в не на що з по це як із його він вона вони для був"),
        "bg": _fw("и в не на че с по това как от за са е да се"),
    },
    "latin": {
        "en": _fw("the of and to in is that for on with was said by it"),
        "fr": _fw("le la les de des et est que une dans pour qui sur au"),
        "es": _fw("el la los las de del y que en por con para una es"),
        "de": _fw("der die das und ist nicht mit den von zu ein eine auf"),
        "it": _fw("il la di che e per una del della non con sono gli"),
        "pt": _fw("o a os as de do da que e em para com uma não por"),
        "tr": _fw("ve bir bu da de için ile olarak daha çok gibi ama"),
        "id": _fw("yang dan di ini itu dengan untuk dari tidak akan pada"),
    },
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:[\u200c'][^\W\d_]+)*")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


@dataclass(frozen=True)
class LanguageGuess:
    """A language code, how sure (0..1), the dominant script, and how it was decided."""

    code: str
    confidence: float
    script: str
    method: str  # "script", "model", "function-words" or "too-short"


def script_profile(text: str) -> dict[str, int]:
    """Letters per script in `text` (only scripts that occur)."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    return {name: n for name, n in counts.items() if n}


def identify_language(body: str, headline: str = "") -> str:
    """ISO 639-1 code of the language `body` is written in ("und" when it cannot tell)."""
    return guess_language(body, headline).code


def guess_language(body: str, headline: str = "") -> LanguageGuess:
    """The language of an article body, with its confidence and how it was decided."""
    text = _URL_RE.sub(" ", body[:SAMPLE_CHARS])
    profile = script_profile(text)
    if sum(profile.values()) < MIN_LETTERS and headline:
        text = f"{headline}\n{text}"
        profile = script_profile(text)
    letters = sum(profile.values())
    if letters < MIN_LETTERS:
        return LanguageGuess(
            UNDETERMINED, 0.0, max(profile, key=profile.get, default=""), "too-short"
        )
    script = _dominant_script(profile)
    share = profile.get(script, 0) / letters
    if script in ("kana", "han"):
        share = (profile.get("kana", 0) + profile.get("han", 0)) / letters
        # Japanese writes kana between its kanji; Chinese has none. A Korean text with some
        # Hanja stays Korean (Hangul is counted separately and would dominate).
        kana = profile.get("kana", 0)
        code = "ja" if kana >= 0.05 * (kana + profile.get("han", 0)) else "zh"
        return LanguageGuess(code, share, script, "script")
    if script in _SCRIPT_LANGUAGE:
        return LanguageGuess(_SCRIPT_LANGUAGE[script], share, script, "script")
    ranked = _model_rank(text)
    if ranked is not None:
        allowed = _candidates(script)
        for label, prob in ranked:
            if label in allowed:
                return LanguageGuess(_ALIASES.get(label, label), float(prob), script, "model")
    return _by_function_words(text, script, share)


def _dominant_script(profile: dict[str, int]) -> str:
    # Han and kana together are one writing system (Japanese mixes them).
    merged = dict(profile)
    if "kana" in merged and "han" in merged:
        merged["kana"] += merged.pop("han")
    return max(merged, key=lambda name: (merged[name], name))


def _candidates(script: str) -> frozenset[str]:
    if script in _SCRIPT_CANDIDATES:
        return _SCRIPT_CANDIDATES[script]
    identifier = _identifier()
    labels = frozenset(identifier.labels) if identifier is not None else frozenset()
    taken = frozenset().union(*_SCRIPT_CANDIDATES.values())
    return labels - taken - _NOT_LATIN


@cache
def _identifier() -> Any | None:
    """py3langid's identifier with normalised probabilities (loaded once, ≈3 s), or None
    when py3langid is not installed."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _model_rank(text: str) -> list[tuple[str, float]] | None:
    identifier = _identifier()
    if identifier is None:
        return None
    return identifier.rank(text)


def _by_function_words(text: str, script: str, share: float) -> LanguageGuess:
    """The language of the script whose function words occur most often in `text`."""
    profiles = _FUNCTION_WORDS.get(script)
    if not profiles:
        return LanguageGuess(UNDETERMINED, 0.0, script, "function-words")
    words = [w.lower() for w in _WORD_RE.findall(text)]
    hits = {code: sum(1 for w in words if w in vocab) for code, vocab in profiles.items()}
    best = max(hits, key=lambda code: (hits[code], code == next(iter(profiles))))
    total = sum(hits.values())
    if not total:
        return LanguageGuess(UNDETERMINED, 0.0, script, "function-words")
    return LanguageGuess(best, round(share * hits[best] / total, 3), script, "function-words")
