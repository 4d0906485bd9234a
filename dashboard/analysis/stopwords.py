"""Arabic and English stop words: maintained lists, pruned and extended by project files.

Sources, merged once and cached:
- Arabic: `stopwordsiso` (`ar`) and `arabic-stopwords` (its full list already carries the
  clitic-prefixed forms such as وهذا، بأن), plus spaCy's Arabic list when spaCy happens to be
  installed (it is not a dependency).
- English: `stopwordsiso` (`en`), plus spaCy's English list when installed.
- `languages/<code>/stopwords_keep.txt` remove content words the maintained lists contain
  (زيارة، قوة، شمال، state, world ...); `languages/<code>/stopwords_add.txt` add reporting
  verbs and function words.

Everything is compared in the matching form of `textproc.normalize` (no diacritics, one
alef, ة→ه, lower-case Latin), so spelling variants of a stop word are stop words too.
"""

from __future__ import annotations

import logging
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.textproc import normalize

log = logging.getLogger(__name__)

# Proclitic clusters that attach to Arabic words. A keep-list word is pruned with all of
# these prefixed forms, since arabic-stopwords lists them as separate entries.
_AR_PROCLITICS = (
    "",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "ولل",
    "فلل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "أ",
    "أو",
    "أف",
)
# Conjunctions that may precede any stop word without turning it into a content word
# (وقال، فقد، وأكد): checked at lookup time instead of listing every form.
_AR_CONJUNCTIONS = ("و", "ف")


def _spacy_words(language: str) -> set[str]:
    """spaCy's stop-word list for `language` when spaCy is installed, else nothing."""
    try:
        if language == "ar":
            from spacy.lang.ar.stop_words import STOP_WORDS  # type: ignore[import-not-found]
        else:
            from spacy.lang.en.stop_words import STOP_WORDS  # type: ignore[import-not-found]
    except ImportError:
        return set()
    return set(STOP_WORDS)


def _maintained_arabic() -> set[str]:
    import arabicstopwords.arabicstopwords as arabicstopwords
    import stopwordsiso

    words = set(stopwordsiso.stopwords("ar"))
    words.update(arabicstopwords.stopwords_list())
    words.update(_spacy_words("ar"))
    return words


def _maintained_english() -> set[str]:
    import stopwordsiso

    return set(stopwordsiso.stopwords("en")) | _spacy_words("en")


@cache
def arabic_stopwords() -> frozenset[str]:
    """Normalised Arabic stop words (maintained lists − keep list + project additions)."""
    words = {normalize(w) for w in _maintained_arabic()}
    for keep in get_pack("ar").lines("stopwords_keep.txt"):
        k = normalize(keep)
        # The keep word may itself start with ال; prune prefixed forms of both spellings.
        bases = {k, k[2:]} if k.startswith("ال") and len(k) > 3 else {k}
        for base in bases:
            for prefix in _AR_PROCLITICS:
                words.discard(normalize(prefix) + base)
    words.update(normalize(w) for w in get_pack("ar").lines("stopwords_add.txt"))
    words.discard("")
    return frozenset(words)


@cache
def english_stopwords() -> frozenset[str]:
    """Lower-case English stop words (maintained list − keep list + project additions)."""
    words = {normalize(w) for w in _maintained_english()}
    words.difference_update(normalize(w) for w in get_pack("en").lines("stopwords_keep.txt"))
    words.update(normalize(w) for w in get_pack("en").lines("stopwords_add.txt"))
    words.discard("")
    return frozenset(words)


def stopwords(language: str) -> frozenset[str]:
    """The normalised stop-word set for "ar" or "en" (anything else gets English)."""
    return arabic_stopwords() if language == "ar" else english_stopwords()


def is_stopword(token: str, language: str | None = None) -> bool:
    """True when `token` (any spelling, diacritics allowed) is a stop word.

    The script of the token decides which list applies, not `language` (kept for callers
    that know it): Arabic articles carry Latin acronyms and English ones quote Arabic.
    A leading و/ف conjunction is looked through (وقال، فقد، وأكد).
    """
    norm = normalize(token)
    if not norm:
        return True
    if norm.isascii():
        return norm in english_stopwords()
    words = arabic_stopwords()
    if norm in words:
        return True
    return len(norm) > 2 and norm[0] in _AR_CONJUNCTIONS and norm[1:] in words
