"""Stop words of every language pack: maintained lists, pruned and extended by pack files.

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
from functools import cache, lru_cache

from dashboard.analysis.languages import (
    WORD_FALLBACK_LANGUAGE,
    available_languages,
    get_pack,
    word_pack,
)
from dashboard.analysis.textproc import normalize

log = logging.getLogger(__name__)


def spacy_stopwords(language: str) -> set[str]:
    """spaCy's stop-word list for `language` when spaCy is installed, else nothing."""
    import importlib

    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return set()
    return set(module.STOP_WORDS)


@cache
def stopwords(language: str) -> frozenset[str]:
    """The normalised stop-word set of a language pack (anything without a pack gets the
    English one): the pack's maintained lists, minus the forms of its keep list, plus its
    additions."""
    pack = get_pack(language if language in available_languages() else WORD_FALLBACK_LANGUAGE)
    words = {normalize(w) for w in pack.maintained_stopwords()}
    for keep in pack.lines("stopwords_keep.txt"):
        words.difference_update(pack.stopword_keep_forms(normalize(keep)))
    words.update(normalize(w) for w in pack.lines("stopwords_add.txt"))
    words.discard("")
    return frozenset(words)


def arabic_stopwords() -> frozenset[str]:
    """Normalised Arabic stop words (maintained lists − keep list + project additions)."""
    return stopwords("ar")


def english_stopwords() -> frozenset[str]:
    """Lower-case English stop words (maintained list − keep list + project additions)."""
    return stopwords("en")


def is_stopword(token: str, language: str | None = None) -> bool:
    """True when `token` (any spelling, diacritics allowed) is a stop word.

    The script of the token decides which pack's list applies, not `language` (kept for
    callers that know it): Arabic articles carry Latin acronyms and English ones quote
    Arabic. A leading conjunction of the pack (Arabic و/ف) is looked through (وقال، فقد).
    """
    return _is_stopword(token)


@lru_cache(maxsize=200_000)
def _is_stopword(token: str) -> bool:
    # Cached: a pure function of the token (the lists are loaded once), asked for the same
    # words in every article.
    norm = normalize(token)
    if not norm:
        return True
    if norm.isascii():
        # What word_pack says of any ASCII word, without its cache lookup (hot path).
        return norm in stopwords(WORD_FALLBACK_LANGUAGE)
    pack = word_pack(norm)
    words = stopwords(pack.code)
    if norm in words:
        return True
    return len(norm) > 2 and norm[0] in pack.stopword_conjunctions and norm[1:] in words
