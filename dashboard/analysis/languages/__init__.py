"""Language packs: everything the analysis knows about one language, behind one interface.

A pack is a folder `dashboard/analysis/languages/<code>/` (ISO 639-1 code) holding

- the researcher-editable lexicons of that language (plain text, see `lexicon.py` for the
  format; `REQUIRED_LEXICONS` lists the files every pack has, which may hold only comments);
- `__init__.py` defining `PACK`, an instance of a `LanguagePack` subclass: the language's
  name, script, clitic stripping and the rule modules below;
- `speakers.py`: the reporting constructions (who said what), on the shared engine of
  `dashboard.analysis.speakers`;
- `dates.py`: the date patterns, on the shared engine of `dashboard.analysis.dates`.

`get_pack(code)` finds a pack by its folder, so adding a language is adding a folder
(docs/languages.md walks through it). The engines never test `language == "ar"`: they ask
the pack of the article's language.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from dashboard.analysis.lexicon import load_fields_at, load_lines_at

PACKS_DIR = Path(__file__).resolve().parent

# The lexicon files every pack has (an empty list is a file of comments). A missing one is a
# broken pack: `get_pack` says which file of which pack, instead of a KeyError deep inside
# the date engine.
REQUIRED_LEXICONS: tuple[str, ...] = (
    "reporting_verbs.txt",
    "speaker_roles.txt",
    "speaker_honorifics.txt",
    "speaker_documents.txt",
    "source_phrases.txt",
    "affiliations.txt",
    "stopwords_add.txt",
    "stopwords_keep.txt",
    "frames.txt",
    "event_heads.txt",
    "dates_months.txt",
    "dates_weekdays.txt",
    "dates_numbers.txt",
    "dates_vague.txt",
    "dates_year_nouns.txt",
    "dates_blockers.txt",
    "dates_future_cues.txt",
)

# The pack the analysis falls back to for an article whose language has no pack. The project
# is Arabic first and always ran the Arabic rules on such articles; the parse output of
# every committed article depends on it (tests/test_language_packs.py).
FALLBACK_LANGUAGE = "ar"


# The pack whose word lists apply to a Latin-script word no pack claims by script, and to
# anything else (stop words, frame cues) of an article whose language has no pack.
WORD_FALLBACK_LANGUAGE = "en"


class LanguagePackError(RuntimeError):
    """A language pack that cannot be used: unknown code, or a lexicon file missing."""


class LanguagePack:
    """One language: its lexicons (files in its folder) and its rules.

    Subclasses set the class attributes and override the methods whose default does not fit.
    """

    code: str = ""
    name: str = ""
    # Character class (regex, without brackets) of the language's letters: the script test
    # of `is_own_script`, and the hint stop-word lookup and keyword grouping use.
    script: str = "A-Za-z"
    right_to_left: bool = False
    # Numeric dates «19/6/2024»: day first (most of the world) or month first (US English).
    day_first: bool = True
    # Date words (months, weekdays, event nouns) matched as written ("May" the month, "may"
    # the verb) instead of lower-cased: see dates.engine.date_lexicon.
    dates_cased: bool = False
    # The language of the date stamps pages in this language may carry besides their own
    # ("26th, September 2023" on an Arabic page): its month names are read in day-month-year
    # stamps too. Empty for a language whose own rules read such stamps.
    page_stamp_language: str = "en"
    # Stop words of `stopwordsiso` for this code (the maintained base list).
    stopwords_iso: str = ""
    # A definite article written as part of the word (Arabic ال): role and name matching
    # try words with and without it.
    definite_article: str = ""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._script_re = re.compile(f"[{self.script}]")

    def __repr__(self) -> str:
        return f"<LanguagePack {self.code} {self.folder}>"

    # ---- lexicons -------------------------------------------------------------------------

    def lexicon_path(self, name: str) -> Path:
        return self.folder / name

    def missing_lexicons(self) -> list[str]:
        return [n for n in REQUIRED_LEXICONS if not self.lexicon_path(n).is_file()]

    def lines(self, name: str) -> tuple[str, ...]:
        """Entries of one lexicon file of this pack (comments and blank lines dropped)."""
        return load_lines_at(self._existing(name))

    def fields(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Entries of one lexicon file split on ` | `."""
        return load_fields_at(self._existing(name))

    def has_lexicon(self, name: str) -> bool:
        return self.lexicon_path(name).is_file()

    def _existing(self, name: str) -> Path:
        path = self.lexicon_path(name)
        if not path.is_file():
            raise LanguagePackError(
                f"language pack '{self.code}' has no lexicon file {name} (expected at {path})"
            )
        return path

    # ---- text rules -----------------------------------------------------------------------

    def is_own_script(self, text: str) -> bool:
        """Does `text` contain a letter of this language's script?"""
        return bool(self._script_re.search(text))

    def prefix_readings(self, norm: str) -> list[str]:
        """Readings of a normalised token without a leading clitic (Arabic: و، ف، ب، ل، ك;
        لل -> ال), most likely first. Languages without proclitics have none."""
        return []

    def strip_clitics(self, token: str) -> list[str]:
        """Candidate readings of a normalised token: the token itself, then without clitics
        (or particles, or case endings). Languages without any return the token alone."""
        return [token, *self.prefix_readings(token)]

    # ---- stop words -----------------------------------------------------------------------

    # Conjunctions glued to the front of any word (Arabic و/ف): «وقال» is a stop word
    # because «قال» is.
    stopword_conjunctions: tuple[str, ...] = ()

    def maintained_stopwords(self) -> set[str]:
        """The maintained stop-word lists of the language: `stopwordsiso`, and spaCy's list
        when spaCy happens to be installed (it is not a dependency)."""
        import stopwordsiso

        from dashboard.analysis.stopwords import spacy_stopwords

        words = set(stopwordsiso.stopwords(self.stopwords_iso)) if self.stopwords_iso else set()
        return words | spacy_stopwords(self.code)

    def stopword_keep_forms(self, keep: str) -> set[str]:
        """The forms a keep-list word (normalised) removes from the maintained lists."""
        return {keep}

    # ---- keyword grouping -----------------------------------------------------------------

    # Proclitic clusters a keyword may carry (shortest first): «وروسيا» and «روسيا» are one
    # term when wordfreq and the corpus agree the remainder is the word. Empty: no stripping.
    keyword_proclitics: tuple[str, ...] = ()

    @functools.cached_property
    def keyword_proclitic_letters(self) -> tuple[str, ...]:
        return tuple({cluster[0] for cluster in self.keyword_proclitics})

    def keyword_form(self, token: str) -> str:
        """A token as a keyword of this language (suffix particles off); the token itself
        by default."""
        return token

    # Does the pack fold inflected forms of a keyword into one group (`keyword_stem`)?
    # False: a keyword's group key is its matching form (Arabic, English, Korean).
    folds_keyword_endings = False

    def keyword_stem(self, word: str) -> str:
        """Group key of one word of a keyword, from its surface form: its matching form
        with case and number endings folded («Путина», «Путину» -> «путин»). Only asked
        when `folds_keyword_endings`; never shown (a group shows its most frequent form)."""
        return word

    def clitic_remainders(self, cluster: str, rest: str) -> list[str]:
        """Readings of a word once `cluster` is cut off its front."""
        return [rest]

    # ---- frame cues -----------------------------------------------------------------------

    # Clitics before a frame cue, as regexes: (before a cue written with the article, before
    # a cue written bare, longest text the two match). None: a cue matches as written.
    cue_clitics: tuple[str, str, int] | None = None

    # ---- rule modules ---------------------------------------------------------------------

    @property
    def speaker_rules(self) -> ModuleType:
        """The pack's `speakers.py`: `attribute_paragraph(paragraph, para, ctx)` and friends."""
        return self._module("speakers")

    @property
    def date_rules(self) -> ModuleType:
        """The pack's `dates.py`: `patterns(lexicon, speed)` -> rule specs."""
        return self._module("dates")

    @property
    def naming_rules(self) -> ModuleType | None:
        """The pack's `naming.py` (`event_name_spans(text)`), or None: a pack without one
        finds no event names."""
        if not _has_file(self.folder, "naming.py"):
            return None
        return self._module("naming")

    def _module(self, name: str) -> ModuleType:
        # Asked per sentence by the engines: an imported module is one dict lookup.
        qualified = f"{__name__}.{self.code}.{name}"
        module = sys.modules.get(qualified)
        return module if module is not None else importlib.import_module(qualified)


@functools.lru_cache(maxsize=256)
def _has_file(folder: Path, name: str) -> bool:
    """Does a pack folder hold a rule file? Asked per sentence; a file system stat each time
    cost more than the lookup it guards (keyed by folder: tests point a pack at a copy)."""
    return (folder / name).is_file()


def _pack_folders() -> list[Path]:
    return sorted(p for p in PACKS_DIR.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of every pack folder, sorted (ar, en, ...)."""
    return tuple(p.name for p in _pack_folders())


@cache
def get_pack(code: str) -> LanguagePack:
    """The pack of a language code; LanguagePackError when there is none or it is broken."""
    if code not in available_languages():
        raise LanguagePackError(
            f"no language pack '{code}': expected a folder {PACKS_DIR / code} with __init__.py "
            f"(packs: {', '.join(available_languages())})"
        )
    module = importlib.import_module(f"{__name__}.{code}")
    pack = getattr(module, "PACK", None)
    if not isinstance(pack, LanguagePack):
        raise LanguagePackError(f"language pack '{code}': {module.__file__} defines no PACK")
    if pack.code != code:
        raise LanguagePackError(f"language pack in folder '{code}' says its code is {pack.code}")
    missing = pack.missing_lexicons()
    if missing:
        raise LanguagePackError(
            f"language pack '{code}' ({pack.folder}) is missing lexicon file(s): "
            + ", ".join(missing)
        )
    return pack


@functools.lru_cache(maxsize=65536)
def word_pack(norm: str) -> LanguagePack:
    """The pack whose script a normalised word is written in (an Arabic article quotes
    "NATO"; an English one quotes «الأهرام»). Packs of non-Latin scripts are asked first;
    a Latin word goes to the word fallback pack, any other to the analysis fallback."""
    for pack in all_packs():
        if pack.script != LanguagePack.script and pack.is_own_script(norm):
            return pack
    return get_pack(WORD_FALLBACK_LANGUAGE if norm.isascii() else FALLBACK_LANGUAGE)


def text_pack(text: str) -> LanguagePack:
    """The pack of a text by its script, when its language is not given: the first pack
    of a non-Latin script with a letter in the text, else the word fallback (English)."""
    for pack in all_packs():
        if pack.script != LanguagePack.script and pack.is_own_script(text):
            return pack
    return get_pack(WORD_FALLBACK_LANGUAGE)


def pack_for(language: str) -> LanguagePack:
    """The pack analysing an article in `language`: its own, else the fallback pack."""
    return get_pack(language if language in available_languages() else FALLBACK_LANGUAGE)


def all_packs() -> tuple[LanguagePack, ...]:
    return tuple(get_pack(code) for code in available_languages())


def all_fields(name: str) -> tuple[tuple[str, ...], ...]:
    """One lexicon file of every pack, concatenated in code order.

    For the lexicons whose entries apply to text in any language: place names and side words
    (an Arabic article names «Washington» in Latin letters), honorifics, outlet names that
    block a date reading."""
    return tuple(f for pack in all_packs() for f in pack.fields(name))


def all_lines(name: str) -> tuple[str, ...]:
    return tuple(line for pack in all_packs() for line in pack.lines(name))


@cache
def month_names() -> frozenset[str]:
    """Month names of every pack (dates_months.txt), in matching form (textproc.normalize):
    «2 يونيو»، "June 2" is a date, «فبراير/شباط» a month's two names."""
    from dashboard.analysis.textproc import normalize

    return frozenset(normalize(fields[0]) for fields in all_fields("dates_months.txt") if fields)


def each_pack(build: Callable[[LanguagePack], Any]) -> dict[str, Any]:
    """`build(pack)` for every pack, by code."""
    return {pack.code: build(pack) for pack in all_packs()}


__all__: Sequence[str] = (
    "FALLBACK_LANGUAGE",
    "month_names",
    "WORD_FALLBACK_LANGUAGE",
    "REQUIRED_LEXICONS",
    "LanguagePack",
    "LanguagePackError",
    "all_fields",
    "all_lines",
    "all_packs",
    "available_languages",
    "each_pack",
    "get_pack",
    "pack_for",
    "text_pack",
    "word_pack",
)
