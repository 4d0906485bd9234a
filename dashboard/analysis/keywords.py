"""Content terms of articles: per-article counts, clitic-aware grouping, distinctive terms.

Arabic attaches conjunctions, prepositions and the article to the word (والناتو، للغرب،
بالعقوبات). Generic stemmers strip these letters blindly and mangle names (بوتين → وتين,
لبنان → بنان). `TermGrouper` strips a proclitic only when the evidence says the remainder
is the word: the remainder must be attested (in the corpus being counted or in the
`wordfreq` Arabic list) and, according to `wordfreq`, clearly more frequent than the whole
form — a real clitic form is always rarer than its bare word, while a name is usually far
more frequent than the junk left after cutting its first letter.

Russian terms are grouped across their case and number endings (the pack's `keyword_stem`:
«Путин», «Путина», «Путину» are one term, shown as its most frequent form).

English terms are only case-folded (no stemming, no plural folding: "news"/"new",
"arms"/"arm" show why); the display form is the most frequent capitalisation.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain, compress
from operator import itemgetter, mul

import numpy as np

from dashboard.analysis.languages import LanguagePack, all_packs, word_pack
from dashboard.analysis.stopwords import is_stopword
from dashboard.analysis.textproc import (
    TOKEN_RE,
    clean_invisible,
    normalize_token,
    strip_diacritics,
    token_parts,
)
from dashboard.model import Keyword

log = logging.getLogger(__name__)

# Proclitic clusters come from the language pack of the word (`keyword_proclitics`):
# Arabic has an optional conjunction (و/ف) + optional preposition (ب/ل/ك); the article ال is
# not stripped, since العالم (the world) and عالم (scientist) differ, and the definite form
# is what a reader expects to see in a cloud.
# A remainder must be at least this long: short leftovers (ولي → لي، بدر → در) are
# usually a name or word cut in two, never worth the risk.
_MIN_BARE = 3
_MIN_DEFINITE = 4  # article + two letters (ال): keeps والي/بالي from becoming الي
# How much more frequent (in Zipf units, log10 per billion words) the remainder must be
# than the whole form. Measured on wordfreq: real clitic forms sit 0.8–3.4 below their
# bare word (وروسيا 0.95, للغرب 1.26, والناتو 1.81), a few closer (وفيتنام 0.78, لوكالة
# 0.75, بالتعاون 0.24); names whose remainder is a word sit close too (بيونج/يونج 0.71,
# فانس/انس 0.53, بكين/كين −0.07). When the corpus uses the bare form at least as often as
# the whole form, the smaller margin applies.
_ZIPF_MARGIN = 0.8
_ZIPF_MARGIN_CORPUS = 0.5
# A remainder known only from wordfreq (not seen in the corpus) must be a common word.
_ZIPF_ATTESTED = 3.0
# Tokens that are not terms: anything with a digit, and the English possessive.
_HAS_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’][sS]$")
# Share of a unigram's occurrences inside kept bigrams above which the unigram is redundant.
_COVERED_SHARE = 0.75


@lru_cache(maxsize=8)
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's word -> frequency table of a language (loaded once, ≈0.2 s), or {}.

    Looked up directly rather than through `wordfreq.zipf_frequency` (≈30 µs a call, its
    tokenizer re-runs each time): on single diacritic-free tokens both give the same value.
    """
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        log.warning("wordfreq is not installed: clitic grouping uses corpus evidence only")
        return {}
    try:
        return get_frequency_dict(language)
    except (LookupError, ValueError):
        return {}


def _arabic_frequencies() -> dict[str, float]:
    return _frequencies("ar")


@lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    """Zipf frequency (log10 per billion words) of a word; 0.0 when unknown."""
    # Cached: the same words are looked up for every article (a float return is immutable).
    freq = _frequencies(language).get(word)
    return round(math.log10(freq) + 9.0, 2) if freq else 0.0


def arabic_zipf(word: str) -> float:
    """Zipf frequency of an Arabic word; 0.0 when unknown."""
    return zipf(word, "ar")


_norm = normalize_token


@lru_cache(maxsize=200_000)
def _bare(text: str) -> str:
    # strip_diacritics is a regex pass; articles repeat their words, so cache it.
    return strip_diacritics(text)


# One candidate remainder of a proclitic cut: (remainder, its matching form, its Zipf
# frequency, remainder Zipf minus whole-form Zipf).
_Candidate = tuple[str, str, float, float]


@lru_cache(maxsize=65536)
def _strip_plan(word: str) -> tuple[str, float, tuple[tuple[_Candidate, ...], ...]] | None:
    """The corpus-independent part of `TermGrouper._strip_uncached` for a bare word.

    (matching form, Zipf of the whole word, candidate remainders per matching cluster in
    trial order), keeping only candidates that no corpus evidence could make acceptable
    out; None when there is nothing to try. Cached across articles: every article builds
    its own grouper, but the wordfreq and stop-word tests depend on the word alone, so a
    grouper only has to look up its corpus counts.
    """
    if not word or word.isascii():
        return None
    pack = word_pack(_norm(word))
    clusters = pack.keyword_proclitics
    if not clusters:
        return None
    if not word.startswith(pack.keyword_proclitic_letters):
        # Most words start with no proclitic letter: skip their wordfreq lookup. The table
        # is still loaded here, at the first word of the language, so that its one-off load
        # time stays with the first article parsed (warm-ups and benchmarks rely on that).
        _frequencies(pack.code)
        return None
    whole = zipf(word, pack.code)
    article = pack.definite_article
    steps = []
    for cluster in clusters:
        if not word.startswith(cluster):
            continue
        candidates = []
        for name in pack.clitic_remainders(cluster, word[len(cluster) :]):
            min_len = _MIN_DEFINITE if article and name.startswith(article) else _MIN_BARE
            if len(name) < min_len or is_stopword(name, pack.code):
                continue
            name_zipf = zipf(name, pack.code)
            gain = name_zipf - whole
            # Below even the corpus-backed margin the remainder can never be accepted.
            if whole != 0.0 and gain < _ZIPF_MARGIN_CORPUS:
                continue
            candidates.append((name, _norm(name), name_zipf, gain))
        if candidates:
            steps.append(tuple(candidates))
    return (_norm(word), whole, tuple(steps)) if steps else None


@lru_cache(maxsize=65536)
def _term_parts(surface: str) -> tuple[str, str | None, tuple[str, str], tuple[str, ...], bool]:
    """Corpus-independent pieces of a term, cached across articles: (diacritic-free first
    word, diacritic-free rest or None for a single word, (matching form, surface) of the
    term with its first word left whole, matching forms of its white-space-split words,
    whether the first word has a proclitic cut to try at all)."""
    first, _, rest = surface.partition(" ")
    bare_first = _bare(first)
    bare_rest = _bare(rest) if rest else None  # cached: second words recur too
    whole = bare_first if bare_rest is None else f"{bare_first} {bare_rest}"
    words = surface.split()
    norms = tuple(map(_norm, words))
    if len(words) == 2 and whole == surface and words[0] == first and words[1] == rest:
        # A bigram without diacritics: normalisation maps character by character and
        # the single space between the words stays, so the key is the words' forms joined
        # (no pass over the bigram, and no bigram filling the word cache).
        key = f"{norms[0]} {norms[1]}"
    else:
        key = _norm(whole)
    stem_script = _stem_script()
    if stem_script is not None and not whole.isascii() and stem_script.search(whole):
        # A language whose pack folds case endings (Russian): the key folds them word by
        # word («Банка России» and «Банк России» are one group), the surface still shows.
        # Terms of other scripts (Arabic, Korean) keep their matching form as the key.
        key = " ".join(_stem_word(w) or _norm(w) for w in whole.split())
    return bare_first, bare_rest, (key, whole), norms, _strip_plan(bare_first) is not None


@cache
def _stem_packs() -> tuple[LanguagePack, ...]:
    return tuple(p for p in all_packs() if p.folds_keyword_endings)


@cache
def _stem_script() -> re.Pattern[str] | None:
    """Letters of the languages whose packs fold keyword endings, or None if none do."""
    packs = _stem_packs()
    return re.compile("[" + "".join(p.script for p in packs) + "]") if packs else None


@lru_cache(maxsize=200_000)
def _stem_word(word: str) -> str | None:
    """The group key of a word whose pack folds case endings («Путину» -> «путин»); None
    for a word of any other language."""
    if word.isascii():
        return None
    for pack in _stem_packs():
        if pack.is_own_script(word):
            return pack.keyword_stem(word)
    return None


def _word_counts(parts: Iterable[tuple], counts: Iterable[int]) -> dict[str, int]:
    """Corpus evidence for remainders: counts by matching form of single words, from the
    `_term_parts` of each term and its count."""
    # A plain dict: Counter's `+=` on a missing key goes through a Python-level __missing__.
    word_counts: dict[str, int] = {}
    get = word_counts.get
    for part, c in zip(parts, counts, strict=True):
        for norm in part[3]:
            word_counts[norm] = get(norm, 0) + c
    return word_counts


class TermGrouper:
    """Groups surface terms (unigrams and "w1 w2" bigrams) that differ only by proclitics,
    spelling variants (alef/ya/ta-marbuta, diacritics) or, for English, case.

    Built from the term counts of the whole corpus, so that every outlet's terms are
    folded the same way.
    """

    def __init__(self, counts: Counter[str] | dict[str, int]):
        self._counts = Counter(counts)
        self._word_counts = _word_counts(map(_term_parts, self._counts), self._counts.values())
        self._stripped: dict[str, str] = {}
        self._terms: dict[str, tuple[str, str]] = {}
        self._display: dict[str, str] | None = None

    @classmethod
    def _from_word_counts(cls, word_counts: dict[str, int]) -> TermGrouper:
        """A grouper for `strip`/`_analyse` only, from ready corpus word counts (see
        `_own_groups`); it has no term counts, so `display`/`group` are not available."""
        grouper = cls.__new__(cls)
        grouper._word_counts = word_counts
        grouper._stripped = {}
        grouper._terms = {}
        return grouper

    # -- single words -------------------------------------------------------------------

    def strip(self, word: str) -> str:
        """The word without its proclitics, when the evidence allows; else the word."""
        word = _bare(word)
        cached = self._stripped.get(word)
        if cached is None:
            cached = self._strip_uncached(word, depth=0)
            self._stripped[word] = cached
        return cached

    def _strip_uncached(self, word: str, depth: int) -> str:
        # Shortest cluster first, then recurse: وبيونغ must lose و (→ بيونغ, a name that
        # the recursion then leaves alone), not وب (→ يونغ, a frequent word).
        if depth > 2:
            return word
        plan = _strip_plan(word)
        if plan is None:
            return word
        norm_word, whole_zipf, steps = plan
        word_counts = self._word_counts
        whole_count = word_counts.get(norm_word, 0)
        for candidates in steps:
            best: tuple[float, str] | None = None
            for rest, norm_rest, zipf, gain in candidates:
                in_corpus = word_counts.get(norm_rest, 0)
                if not self._remainder_ok(in_corpus, zipf, gain, whole_zipf, whole_count):
                    continue
                scored = (zipf + math.log10(1 + in_corpus), rest)
                if best is None or scored > best:
                    best = scored
            if best is not None:
                return self._strip_uncached(best[1], depth + 1)
        return word

    @staticmethod
    def _remainder_ok(
        in_corpus: int, zipf: float, gain: float, whole_zipf: float, whole_count: int
    ) -> bool:
        """Whether a remainder (length and stop-word tests already passed, see
        `_strip_plan`) may be used as the bare word, given the corpus counts."""
        if whole_zipf == 0.0:
            # Whole form unknown to wordfreq (rare combination or new name): only the
            # corpus itself can vouch for the bare word.
            return bool(in_corpus)
        # The corpus using the bare word at least as often as the whole form is a second,
        # independent witness; with it a smaller wordfreq margin suffices.
        margin = _ZIPF_MARGIN_CORPUS if in_corpus >= max(whole_count, 1) else _ZIPF_MARGIN
        if gain < margin:
            return False
        return bool(in_corpus) or zipf >= _ZIPF_ATTESTED

    # -- terms ----------------------------------------------------------------------------

    def _analyse(self, surface: str) -> tuple[str, str]:
        """(group key, clitic-free surface) of a term, cached.

        Clitics are removed from the first word only: a proclitic on a later word of a
        phrase belongs to the phrase (بوتين وكيم is "Putin and Kim", not "Putin Kim").
        """
        first, rest, unchanged, _, strippable = _term_parts(surface)
        if not strippable:
            # Most terms (English, words without a proclitic letter first) cannot change:
            # their analysis does not depend on the corpus and is cached globally.
            return unchanged
        cached = self._terms.get(surface)
        if cached is None:
            stripped = self.strip(first)
            if stripped == first:
                # Most terms keep their first word: reuse the cached matching form.
                cached = unchanged
            else:
                if rest is not None:
                    stripped = f"{stripped} {rest}"
                cached = (_norm(stripped), stripped)
            self._terms[surface] = cached
        return cached

    def key(self, surface: str) -> str:
        """Group key of a term: matching form of its clitic-stripped surface."""
        return self._analyse(surface)[0]

    def _vote(self, counter: Counter[str] | dict[str, int]) -> tuple[dict[str, int], dict]:
        """Counts by group key, and each group's most frequent clitic-free spelling
        (ties go to the lexically smallest, for determinism)."""
        spelled: dict[tuple[str, str], int] = {}
        by_key: dict[str, int] = {}
        analyse = self._analyse
        for term, c in counter.items():
            pair = analyse(term)
            spelled[pair] = spelled.get(pair, 0) + c
            by_key[pair[0]] = by_key.get(pair[0], 0) + c
        best: dict[str, tuple[int, str]] = {}
        for (k, stripped), c in spelled.items():
            current = best.get(k)
            if current is None or (-c, stripped) < (-current[0], current[1]):
                best[k] = (c, stripped)
        return by_key, {k: v[1] for k, v in best.items()}

    def display(self, key: str) -> str:
        """The form shown for a group: its most frequent spelling once clitics are removed."""
        if self._display is None:
            self._display = self._vote(self._counts)[1]
        return self._display.get(key, key)

    def display_of(self, term: str) -> str:
        """The display form of a term's group; for a term of a group the grouper was not
        built from, its own clitic-free spelling (as `group` shows it)."""
        key, stripped = self._analyse(term)
        if self._display is None:
            self._display = self._vote(self._counts)[1]
        return self._display.get(key) or stripped

    def group(self, counter: Counter[str] | dict[str, int]) -> Counter[str]:
        """Counts summed by group, keyed by display form (the corpus-wide one; for a term
        the grouper was not built from, the most frequent spelling in `counter`)."""
        by_key, local = self._vote(counter)
        if self._display is None:
            # A grouper built from `counter` itself (one article's keywords) votes once.
            self._display = local if counter == self._counts else self._vote(self._counts)[1]
        # Summed in a plain dict (Counter's `+=` on a new key goes through a Python-level
        # __missing__), then wrapped.
        display = self._display
        out: dict[str, int] = {}
        for k, c in by_key.items():
            name = display.get(k) or local[k]
            out[name] = out.get(name, 0) + c
        return Counter(out)


@lru_cache(maxsize=65536)
def _consulted(word: str, depth: int = 0) -> frozenset[str]:
    """Matching forms whose corpus counts `TermGrouper._strip_uncached(word, depth)` may
    look up: the word's own and those of its candidate remainders, recursively."""
    plan = _strip_plan(word) if depth <= 2 else None
    if plan is None:
        return frozenset()
    norm_word, _, steps = plan
    found = {norm_word}
    for candidates in steps:
        for rest, norm_rest, _, _ in candidates:
            found.add(norm_rest)
            found |= _consulted(rest, depth + 1)
    return frozenset(found)


def _own_groups(terms: Counter[str] | dict[str, int]) -> dict[str, int]:
    """`TermGrouper(terms).group(terms)` for one article's own counts, which must be
    positive integers (they then sum the same in any order), as a dict in another order.

    Equal to it because a group key is always the matching form of the group's display
    spelling, so spellings never collide across groups. Faster because the passes over
    all terms run in C (map/compress/zip/filter/Counter); Python-level work is left to
    the few terms that can lose a proclitic (about one in nine) and to colliding groups.
    """
    parts = list(map(_term_parts, terms))
    counts = list(terms.values())
    spelled = dict(zip(map(_UNCHANGED, parts), counts, strict=True))
    if len(spelled) != len(parts):
        # Terms differing only in diacritics share a spelling: sum their counts.
        spelled = {}
        for part, c in zip(parts, counts, strict=True):
            pair = part[2]
            spelled[pair] = spelled.get(pair, 0) + c
    strippable = list(compress(range(len(parts)), map(_STRIPPABLE, parts)))
    if strippable:
        # Only the corpus counts of the words the strippable terms consult are needed;
        # each term's words are repeated `count` times (tuple * int) and counted in C.
        needed = frozenset().union(*(_consulted(parts[i][0]) for i in strippable))
        words = chain.from_iterable(map(mul, map(_NORMS, parts), counts))
        grouper = TermGrouper._from_word_counts(Counter(filter(needed.__contains__, words)))
        stripped_words: dict[str, str] = {}
        for i in strippable:
            # TermGrouper._analyse inlined: each surface occurs once here, so its per-term
            # cache would only cost; the first word (already diacritic-free) is cached.
            first, rest, old, _, _ = parts[i]
            stripped = stripped_words.get(first)
            if stripped is None:
                stripped = stripped_words[first] = grouper._strip_uncached(first, depth=0)
            if stripped != first:
                if rest is not None:
                    stripped = f"{stripped} {rest}"
                new = (_norm(stripped), stripped)
                c = counts[i]
                spelled[new] = spelled.get(new, 0) + c
                if spelled[old] == c:
                    del spelled[old]  # counts are positive: no other term has this pair
                else:
                    spelled[old] -= c
    names = dict(zip(map(_NAME, spelled), spelled.values(), strict=True))
    if len(set(map(_KEY, spelled))) == len(spelled):
        return names  # one spelling per group (the usual case): it is the display form
    # Several spellings of a group: the most frequent one shows (ties: lexically smallest).
    keys = Counter(map(_KEY, spelled))
    best: dict[str, tuple[int, str]] = {}
    by_key: dict[str, int] = {}
    for (key, name), c in spelled.items():
        if keys[key] == 1:
            continue
        del names[name]
        by_key[key] = by_key.get(key, 0) + c
        current = best.get(key)
        if current is None or (-c, name) < (-current[0], current[1]):
            best[key] = (c, name)
    for key, c in by_key.items():
        names[best[key][1]] = c
    return names


# Fields of `_term_parts` and of a (key, spelling) pair, for the C-level passes above.
_UNCHANGED = itemgetter(2)
_NORMS = itemgetter(3)
_STRIPPABLE = itemgetter(4)
_KEY = itemgetter(0)
_NAME = itemgetter(1)


def group_terms(counts: Counter[str] | dict[str, int]) -> dict[str, tuple[str, int]]:
    """{group key: (display form, summed count)} for a corpus-wide term counter."""
    grouper = TermGrouper(counts)
    sums: Counter[str] = Counter()
    for term, c in counts.items():
        sums[grouper.key(term)] += c
    return {k: (grouper.display(k), c) for k, c in sums.items()}


# -- per-article terms ----------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _content_word(token: str) -> bool:
    # Cached: every article asks about the same few thousand words.
    if len(token) < 2 or _HAS_DIGIT.search(token):
        return False
    return not is_stopword(token)


@lru_cache(maxsize=200_000)
def _clean_token(token: str) -> str:
    token = _POSSESSIVE.sub("", strip_diacritics(token))
    if token.isascii():
        return token
    # The word as a keyword in its own language: Korean drops its particle (대통령은 ->
    # 대통령). Only the packs that change keywords are asked, by script.
    for pack in _keyword_form_packs():
        if pack.is_own_script(token):
            return pack.keyword_form(token)
    return token


@cache
def _keyword_form_packs() -> tuple[LanguagePack, ...]:
    return tuple(p for p in all_packs() if type(p).keyword_form is not LanguagePack.keyword_form)


@lru_cache(maxsize=200_000)
def _token_info(surface: str) -> tuple[str, bool, bool]:
    # (cleaned token, is it a content word, does it open a coordinated noun phrase): one
    # cache lookup per token instead of three.
    # The uncached functions: this cache already holds the answer for every surface, and
    # filling theirs as well would only cost on each new word.
    token = _clean_token.__wrapped__(surface)
    content = _content_word.__wrapped__(token)
    # «و» + «ال» opens a coordinated noun phrase («وزير الخارجية والرئيس»,
    # «مصر والسودان» read as «مصر» + «والسودان»): the pair across it is not a term.
    return token, content, content and token.startswith("وال")


def article_terms(paragraphs: list[str], language: str) -> Counter[str]:
    """Surface unigram and bigram ("w1 w2") counts of content terms in one article.

    Diacritics are stripped; a bigram needs two adjacent content words with nothing but
    white space between them. `language` is accepted for symmetry with the other
    analysers; the script of each token decides which stop-word list applies.
    """
    del language
    # Terms are listed in order and counted at the end (Counter's C counting loop); the
    # first occurrences come in the same order as counting word by word would give, which
    # fixes the order of `most_common` ties downstream.
    found: list[str] = []
    add = found.append
    for paragraph in paragraphs:
        parts = token_parts(clean_invisible(paragraph))
        previous = None  # the previous token, when a content word
        # Tokens are parts[1::2]; the gap before each of them is parts[:-1:2].
        infos = map(_token_info, parts[1::2])
        for (token, content, coordinated), gap in zip(infos, parts[:-1:2], strict=True):
            if not content:
                previous = None
                continue
            # A bigram needs nothing but white space between its words.
            if previous is not None and not coordinated and not gap.strip():
                add(f"{previous} {token}")
            add(token)
            previous = token
    return Counter(found)


def top_keywords(
    paragraphs: list[str],
    language: str,
    n: int = 30,
    terms: Counter[str] | None = None,
    exclude: Iterable[str] = (),
    names: Iterable[str] = (),
) -> list[Keyword]:
    """The `n` most frequent content terms of one article, clitic variants folded.

    Bigrams count only when they occur at least twice. A unigram is dropped when kept
    bigrams account for at least `_COVERED_SHARE` of its occurrences (in كوريا الشمالية ×7,
    a الشمالية ×8 adds nothing). `terms`: `article_terms(paragraphs, language)` when the
    caller already has it (the parser does), so it is not counted twice. `names`: the
    people the article's speakers are (their full names), so that a surname alone is
    counted into the full name (`reader_names`).
    """
    if terms is None:
        terms = article_terms(paragraphs, language)
    values = terms.values()
    if {int}.issuperset(map(type, values)) and min(values, default=1) > 0:
        # Positive integer counts (always, from article_terms): the fast path applies.
        counts = _own_groups(terms)
    else:
        counts = TermGrouper(terms).group(terms)
    bigrams = {t: c for t, c in counts.items() if " " in t and c >= 2}
    # Occurrences of a word inside kept bigrams, by position: summing over one position
    # never counts one occurrence twice.
    # Plain dicts: a Counter lookup of a missing word calls a Python-level __missing__.
    as_first: dict[str, int] = {}
    as_second: dict[str, int] = {}
    for term, c in bigrams.items():
        first, second = term.split(" ", 1)
        as_first[first] = as_first.get(first, 0) + c
        as_second[second] = as_second.get(second, 0) + c
    # Only a word inside a kept bigram can be covered: test those few, not every unigram.
    covered = {
        w
        for w in as_first.keys() | as_second.keys()
        if max(as_first.get(w, 0), as_second.get(w, 0)) >= _COVERED_SHARE * counts.get(w, 0)
    }
    # Ranked by (-count, unigram after bigram, term) as plain tuples, which sort in C
    # instead of through a Python key function; terms are unique, so the order is total.
    # `c > 0`: an uncovered unigram passes the share test exactly when its count is positive.
    ranked = [
        (-c, True, t) for t, c in counts.items() if c > 0 and " " not in t and t not in covered
    ]
    ranked.extend((-c, False, t) for t, c in bigrams.items())
    ranked.sort()
    # More candidates than asked for: the reader-like passes below drop some.
    candidates = [(t, -neg) for neg, _, t in ranked[: 2 * n + 10]]
    candidates = reader_names(candidates, counts, names)
    kept = whole_terms(candidates, counts, exclude)
    # Three-word names joined there may start with a title ("Minister Dalia Orenstein").
    out: dict[tuple[str, ...], list] = {}
    for t, c in kept:
        t = _without_lead(t) if " " in t else t
        k = out.setdefault(fold_term(t), [t, 0])
        k[1] = max(k[1], c)
    return [Keyword(term=t, count=c) for t, c in list(out.values())[:n]]


# -- whole names, no fragments, no duplicates (issue 19) ------------------------------------

# Folding used only to compare terms (never shown): Arabic conjunction + preposition +
# article, Latin case and possessive. Eager on purpose: two terms that fold alike are one
# term to a reader (اتفاق / الاتفاق / والاتفاق).
_FOLD_AR = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال|لل)?(?=\S{3,})")
# Two overlapping bigrams «a b» + «b c» are one three-word name when «b» occurs (almost)
# only inside them and the two counts are close: «كيم جونج» ×4 + «جونج أون» ×4.
_CHAIN_SHARE = 0.8
_CHAIN_BALANCE = 0.6
# A longer phrase replaces a shorter term it contains when it accounts for at least this
# share of the shorter term's count; otherwise the phrase is the redundant one.
_REPLACE_SHARE = 0.5
# A word rarer than this (Zipf) in the language at large can be part of a name.
_NAME_PART_ZIPF = 4.5


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    stem = _stem_word(word)
    if stem is not None:
        return stem
    word = _norm(word)
    if word.isascii():
        return word.casefold()
    return _FOLD_AR.sub("", word.replace("ى", "ي").replace("ة", "ه"))


@lru_cache(maxsize=200_000)
def fold_term(term: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in term.split())


def _related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same term, one inside the other, or a sliding-window overlap («كيم جونج»/«جونج أون»)."""
    if a == b:
        return True
    if a and b and set(a).isdisjoint(b):
        return False  # containment and overlap both need a word in common
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    k = len(short)
    if any(long_[i : i + k] == short for i in range(len(long_) - k + 1)):
        return True
    return any(a[-j:] == b[:j] or b[-j:] == a[:j] for j in range(1, k))


def _chains(candidates: list[tuple[str, int]], counts: dict[str, int]) -> list[tuple[str, int]]:
    """Join overlapping bigrams into three-word names where the middle word lives only there."""
    bigrams = [(t, c) for t, c in candidates if t.count(" ") == 1]
    by_first: dict[str, list[tuple[str, int]]] = {}
    for t, c in bigrams:
        by_first.setdefault(t.split(" ", 1)[0], []).append((t, c))
    joined: dict[str, tuple[str, int]] = {}
    for t, c in bigrams:
        first, middle = t.split(" ", 1)
        for t2, c2 in by_first.get(middle, ()):
            last = t2.split(" ", 1)[1]
            if last == first or min(c, c2) < _CHAIN_BALANCE * max(c, c2):
                continue
            middle_count = counts.get(middle)
            if middle_count is None or c + c2 < _CHAIN_SHARE * 2 * middle_count:
                continue
            if t.isascii() and not all(w[:1].isupper() for w in (first, middle, last)):
                # Latin script: only a capitalised run is a name ("Harris tells" is not).
                continue
            joined[t] = joined[t2] = (f"{first} {middle} {last}", min(c, c2))
    if not joined:
        return candidates
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for t, c in candidates:
        phrase = joined.get(t)
        if phrase is None:
            out.append((t, c))
        elif phrase[0] not in seen:
            seen.add(phrase[0])
            out.append(phrase)
    return out


def whole_terms(
    candidates: list[tuple[str, int]],
    counts: dict[str, int],
    exclude: Iterable[str] = (),
    join: bool = True,
) -> list[tuple[str, int]]:
    """Ranked terms as a reader lists them: each name once and whole.

    A candidate that folds to the same form as a kept term adds its count to it; one that
    contains a kept term replaces it when it accounts for most of that term's uses; any
    other fragment, container or sliding-window overlap of a kept term is dropped.
    `exclude`: words that never make a term (an outlet's own name). `join=False`: no
    three-word joining and the input order kept (for lists ranked by something else).
    """
    banned = {fold_word(w) for w in exclude}
    kept: list[list] = []  # [term, count, folded]
    seen: set[str] = set()  # the words of kept terms (and of terms they replaced)
    for term, count in _chains(candidates, counts) if join else candidates:
        form = fold_term(term)
        if banned and any(w in banned for w in form):
            continue
        # Related terms always share a word: a term with no word in common with any kept
        # term (most of them) is kept without comparing it to each.
        if seen.isdisjoint(form):
            kept.append([term, count, form])
            seen.update(form)
            continue
        clash = [k for k in kept if _related(form, k[2])]
        if not clash:
            kept.append([term, count, form])
            seen.update(form)
            continue
        if len(clash) > 1:
            # «كوريا» and «الشمالية» kept, then «كوريا الشمالية»: the phrase takes the place
            # of the first and the others go, when it may replace each of them.
            if all(_inside(k[2], form) and _replaces(term, count, k, counts) for k in clash):
                clash[0][0], clash[0][2] = term, form
                seen.update(form)
                for k in clash[1:]:
                    kept.remove(k)
            continue
        if len(clash) == 1:
            k = clash[0]
            if form == k[2]:
                k[1] += count
            elif (
                len(form) > len(k[2]) and _inside(k[2], form) and _replaces(term, count, k, counts)
            ):
                k[0], k[2] = term, form
                seen.update(form)
            elif len(form) < len(k[2]) and _inside(form, k[2]) and _mixed_latin(k[0]):
                # "Labour leader" ranked first: the name inside it is the term.
                k[0], k[1], k[2] = term, max(count, k[1]), form
    if join:
        kept.sort(key=lambda k: -k[1])
    return [(k[0], k[1]) for k in kept]


def _replaces(term: str, count: int, kept: list, counts: dict[str, int]) -> bool:
    """Does the longer `term` take the place of the kept term it contains?"""
    if not term.isascii():
        if count >= _REPLACE_SHARE * kept[1]:
            return True
        # A full name and its short form (كيم جونج أون / كيم): the phrase's other words
        # occur (almost) only inside it, so the phrase is how the text names the thing.
        short = set(kept[2])
        others = [w for w in term.split() if fold_word(w) not in short]
        # Those words are rare in the language at large, as name parts are (جونج, أون),
        # unlike the common nouns of a phrase (حسابات in «حسابات الغرب»).
        return bool(others) and all(
            0 < counts.get(w, 0) * _CHAIN_SHARE <= count and zipf(w, "ar") < _NAME_PART_ZIPF
            for w in others
        )
    # Latin script: a full name replaces its surname however rarely it is spelled out
    # (Kamala Harris for Harris); a name with a common word after it is not a term
    # ("Powell remarks", "Labour leader"); a common-word phrase needs the share.
    capitals = [w[:1].isupper() for w in term.split()]
    if all(capitals):
        return kept[0][:1].isupper()
    if any(capitals):
        return False
    return count >= _REPLACE_SHARE * kept[1]


def _mixed_latin(term: str) -> bool:
    capitals = {w[:1].isupper() for w in term.split()}
    return term.isascii() and len(capitals) == 2


# An outlet-name word this common in its language (News, Times, Daily, اليوم) is a word
# readers use about anything; only the rarer, naming words of an outlet are excluded.
_OUTLET_WORD_ZIPF = 4.5
_DOMAIN_LABELS = frozenset({"www", "com", "net", "org", "co", "news", "html"})


def outlet_words(outlet: str, domain: str = "") -> frozenset[str]:
    """The naming words of an outlet (its name and domain), never keywords of its own."""
    words = {w for w in TOKEN_RE.findall(outlet or "") if len(w) >= 3}
    words.update(
        w
        for w in re.split(r"[.\-]", (domain or "").lower())
        if len(w) >= 3 and w not in _DOMAIN_LABELS
    )
    out = set()
    for w in words:
        language = "en" if w.isascii() else "ar"
        if zipf(w.lower(), language) < _OUTLET_WORD_ZIPF and not is_stopword(w.lower()):
            out.add(fold_word(w))
    return frozenset(out)


def _inside(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    k = len(short)
    return any(long_[i : i + k] == short for i in range(len(long_) - k + 1))


# -- how readers name things: no credits, dates or adjectives alone; surnames whole --------

KEYWORD_DROP = "keyword_drop.txt"


def _folds(word: str) -> tuple[str, ...]:
    """Folded forms a lexicon word takes in a text: Arabic entries are written without the
    article, and folding a bare «وزير» eats its first letter as a conjunction, so the form
    with ال («الوزير» -> وزير) is folded too."""
    if word.isascii():
        return (fold_word(word),)
    return (fold_word(word), fold_word("ال" + word))


@cache
def _drop_words() -> frozenset[str]:
    """Folded words that are never a keyword alone: each pack's keyword_drop.txt, its
    weekday and month names (not the «strict» ones that are also ordinary words) and its
    one-word person roles and honorifics."""
    out: set[str] = set()
    for pack in all_packs():
        if pack.has_lexicon(KEYWORD_DROP):
            out.update(w for f in pack.fields(KEYWORD_DROP) for w in _folds(f[0]))
        for name in ("dates_weekdays.txt", "dates_months.txt"):
            if pack.has_lexicon(name):
                out.update(
                    w for f in pack.fields(name) if "strict" not in f[1:] for w in _folds(f[0])
                )
    return frozenset(w for w in out if w) | _lead_words()


@cache
def _lead_words() -> frozenset[str]:
    """Folded words that do not start a name: titles and one-word person roles (President,
    «الرئيس»), honorifics, and the nationality adjectives and credits of keyword_drop."""
    out: set[str] = set()
    for pack in all_packs():
        if pack.has_lexicon(KEYWORD_DROP):
            out.update(w for f in pack.fields(KEYWORD_DROP) for w in _folds(f[0]))
        if pack.has_lexicon("speaker_honorifics.txt"):
            out.update(w for f in pack.fields("speaker_honorifics.txt") for w in _folds(f[0]))
        if pack.has_lexicon("speaker_roles.txt"):
            out.update(
                w
                for f in pack.fields("speaker_roles.txt")
                if " " not in f[0] and f[2:3] == ("person",)
                for w in _folds(f[0])
            )
    return frozenset(w for w in out if w)


@cache
def _title_words() -> frozenset[str]:
    """The lead words that are titles (roles and honorifics), not adjectives or credits."""
    drop = set()
    for pack in all_packs():
        if pack.has_lexicon(KEYWORD_DROP):
            drop.update(w for f in pack.fields(KEYWORD_DROP) for w in _folds(f[0]))
    return _lead_words() - drop


def _without_lead(term: str) -> str:
    """«الليبي الصديق الصور» -> «الصديق الصور», "President Vladimir Putin" -> "Vladimir
    Putin": leading titles and adjectives go while two words of the name remain."""
    words = term.split()
    # In English an adjective may begin an institution's name ("European Central Bank"):
    # only titles are taken off; Arabic adjectives follow their noun, so one that leads a
    # term is the tail of the phrase before it.
    lead = _title_words() if term.isascii() else _lead_words()
    i = 0
    while len(words) - i > 2 and fold_word(words[i]) in lead:
        i += 1
    if i and len(words) - i >= 2:
        rest = words[i:]
        if term.isascii() and not all(w[:1].isupper() for w in rest):
            return term
        return " ".join(rest)
    return term


def _name_like(words: list[str]) -> bool:
    lead = _lead_words()
    if any(fold_word(w) in lead or is_stopword(w.lower()) for w in words):
        return False
    if all(w.isascii() for w in words):
        return all(w[:1].isupper() for w in words)
    return True


def reader_names(
    candidates: list[tuple[str, int]], counts: dict[str, int], names: Iterable[str] = ()
) -> list[tuple[str, int]]:
    """Candidates as a reader lists them, before the fragment pass (`whole_terms`).

    A weekday, month, credit, one-word title or nationality adjective alone is no keyword;
    a multiword term loses its leading titles and adjectives; a surname alone is counted
    into the full name when the article spells the full name out: a speaker's name
    (`names`) whose last word it is, or, in Latin script, a capitalised «Given Surname»
    bigram of the article («Powell» ×4 + «Jerome Powell» ×1 -> «Jerome Powell» ×4).
    """
    drop = _drop_words()
    full: dict[str, tuple[str, int]] = {}  # folded surname -> (full name, its count)
    for name in names:
        words = _without_lead(" ".join(name.split())).split()
        if 2 <= len(words) <= 4 and _name_like(words):
            key = fold_word(words[-1])
            if key not in full or len(words) > len(full[key][0].split()):
                full[key] = (" ".join(words), 0)
    # Latin bigrams only: the script test runs in C over all terms (an Arabic article's
    # loop body then runs for none of them).
    for term in filter(str.isascii, counts):
        if term.count(" ") != 1:
            continue
        c = counts[term]
        first, last = term.split(" ")
        # A Latin bigram is name-like only when both words are capitalised: that test
        # first, the lexicon lookups of `_name_like` only for the few that pass it.
        if first[:1].isupper() and last[:1].isupper() and _name_like([first, last]):
            key = fold_word(last)
            # The article's own «Given Surname» beats a speaker label ("Fed Chair Jerome
            # Powell" -> "Jerome Powell"), the most frequent such bigram wins.
            if key not in full or c > full[key][1]:
                full[key] = (term, c)
    out: list[tuple[str, int]] = []
    for term, c in candidates:
        if " " not in term:
            key = fold_word(term)
            if key in drop:
                continue
            if key in full and (not term.isascii() or term[:1].isupper()):
                term = full[key][0]
        else:
            term = _without_lead(term)
            if all(fold_word(w) in drop for w in term.split()):
                continue
        out.append((term, c))
    return out


# -- distinctive terms ----------------------------------------------------------------------


def _log_odds(
    ya: np.ndarray, yb: np.ndarray, alpha: np.ndarray, alpha0: float
) -> tuple[np.ndarray, np.ndarray]:
    """δ and z of Monroe, Colaresi & Quinn (2008) for count vectors ya, yb and prior α."""
    na, nb = ya.sum(), yb.sum()
    a_pos = ya + alpha
    b_pos = yb + alpha
    delta = np.log(a_pos / (na + alpha0 - a_pos)) - np.log(b_pos / (nb + alpha0 - b_pos))
    z = delta / np.sqrt(1.0 / a_pos + 1.0 / b_pos)
    return delta, z


def _prior_alpha(vocab: list[str], base: np.ndarray, prior: Counter | None, alpha0: float):
    """α_w = α0 · p_prior(w). A supplied prior is add-one smoothed over the vocabulary so
    that a term it never saw still gets a positive pseudo-count."""
    if prior is None:
        p = base / base.sum()
    else:
        pc = np.fromiter((prior.get(w, 0) for w in vocab), dtype=float, count=len(vocab)) + 1.0
        p = pc / pc.sum()
    return alpha0 * p


def _rows(vocab, delta, z, ya, yb, order) -> list[dict]:
    return [
        {
            "term": vocab[i],
            "delta": float(delta[i]),
            "z": float(z[i]),
            "count_a": int(ya[i]),
            "count_b": int(yb[i]),
        }
        for i in order
    ]


def distinctive_terms(
    counts_a: Counter[str],
    counts_b: Counter[str],
    prior: Counter[str] | None = None,
    alpha0: float = 1000.0,
    n: int | None = None,
) -> list[dict]:
    """Terms that distinguish A from B: log-odds ratio with informative Dirichlet prior.

    δ_w = log[(y_wA+α_w)/(n_A+α0−y_wA−α_w)] − log[(y_wB+α_w)/(n_B+α0−y_wB−α_w)],
    Var(δ_w) ≈ 1/(y_wA+α_w) + 1/(y_wB+α_w), z = δ/√Var, α_w = α0·p_prior(w); the prior
    defaults to A+B. Rows {term, delta, z, count_a, count_b}, sorted by z descending (A's
    terms first, B's last); `n` keeps only the first n rows.
    """
    # Zero counts carry no evidence and would get a zero prior (log 0).
    vocab = sorted(
        w for w in set(counts_a) | set(counts_b) if counts_a.get(w, 0) + counts_b.get(w, 0) > 0
    )
    if not vocab:
        return []
    ya = np.fromiter((counts_a.get(w, 0) for w in vocab), dtype=float, count=len(vocab))
    yb = np.fromiter((counts_b.get(w, 0) for w in vocab), dtype=float, count=len(vocab))
    alpha = _prior_alpha(vocab, ya + yb, prior, alpha0)
    delta, z = _log_odds(ya, yb, alpha, alpha0)
    order = np.lexsort((np.arange(len(vocab)), -z))  # stable: ties keep vocabulary order
    if n is not None:
        order = order[:n]
    return _rows(vocab, delta, z, ya, yb, order)


def distinctive_vs_rest(
    counts_by_outlet: dict[str, Counter[str]],
    n: int = 15,
    alpha0: float = 1000.0,
    exclude_by_outlet: dict[str, frozenset[str]] | None = None,
    whole: bool = True,
) -> dict[str, list[dict]]:
    """For each outlet, its `n` most distinctive terms against all other outlets pooled.

    The prior is the whole corpus (all outlets). count_b is the rest's count.
    """
    if exclude_by_outlet:
        # An outlet's own name (its credit, byline, domain) is not what distinguishes its
        # coverage: those terms leave its counts before anything is compared.
        counts_by_outlet = {
            o: Counter(
                {
                    t: k
                    for t, k in c.items()
                    if not any(w in exclude_by_outlet.get(o, ()) for w in fold_term(t))
                }
            )
            for o, c in counts_by_outlet.items()
        }
    outlets = list(counts_by_outlet)
    vocab = sorted({w for c in counts_by_outlet.values() for w, k in c.items() if k > 0})
    if not vocab:
        return {o: [] for o in outlets}
    index = {w: i for i, w in enumerate(vocab)}
    matrix = np.zeros((len(outlets), len(vocab)))
    for r, outlet in enumerate(outlets):
        for term, c in counts_by_outlet[outlet].items():
            if c > 0:
                matrix[r, index[term]] = c
    return _distinctive_rows(outlets, vocab, matrix, counts_by_outlet.__getitem__, n, alpha0, whole)


def distinctive_vs_rest_frame(
    df,
    n: int = 15,
    alpha0: float = 1000.0,
    exclude_by_outlet: dict[str, frozenset[str]] | None = None,
    whole: bool = True,
) -> dict[str, list[dict]]:
    """`distinctive_vs_rest` for counts given as rows (outlet, term, n, folded), one per
    outlet and term, `folded` being fold_term(term) joined by spaces (as the aggregates
    store it): the same result, with the exclusion and the count matrix built by
    whole-column operations instead of a Python step per outlet and term."""
    import pandas as pd

    outlets = sorted(df["outlet"].unique().tolist())
    keep = df[df["n"] > 0]
    if exclude_by_outlet:
        pairs = {(o, w) for o, words in exclude_by_outlet.items() for w in words}
        if pairs:
            words = keep["folded"].str.split(" ").explode()
            hit = pd.MultiIndex.from_arrays([keep["outlet"].reindex(words.index), words]).isin(
                list(pairs)
            )
            keep = keep.drop(index=words.index[hit].unique())
    if keep.empty:
        return {o: [] for o in outlets}
    vocab = sorted(keep["term"].unique().tolist())
    rows = pd.Index(outlets).get_indexer(keep["outlet"])
    cols = pd.Index(vocab).get_indexer(keep["term"])
    matrix = np.zeros((len(outlets), len(vocab)))
    np.add.at(matrix, (rows, cols), keep["n"].to_numpy(dtype=float))
    by_outlet = {o: g for o, g in keep.groupby("outlet", sort=False)}

    def own(outlet: str) -> dict[str, int]:
        g = by_outlet.get(outlet)
        if g is None:
            return {}
        return dict(zip(g["term"].tolist(), g["n"].tolist(), strict=True))

    return _distinctive_rows(outlets, vocab, matrix, own, n, alpha0, whole)


def _distinctive_rows(
    outlets: list[str],
    vocab: list[str],
    matrix: np.ndarray,
    own_counts,
    n: int,
    alpha0: float,
    whole: bool,
) -> dict[str, list[dict]]:
    """Each outlet's `n` most distinctive terms from the outlets × vocabulary count matrix
    (`own_counts(outlet)`: that outlet's counts by term, for the whole-term checks)."""
    total = matrix.sum(axis=0)
    alpha = alpha0 * total / total.sum()
    out: dict[str, list[dict]] = {}
    for r, outlet in enumerate(outlets):
        ya = matrix[r]
        yb = total - ya
        delta, z = _log_odds(ya, yb, alpha, alpha0)
        # Only terms the outlet actually uses can be "its" terms.
        z_used = np.where(ya > 0, z, -np.inf)
        # A wider pool than asked for: fragments and repeats of a kept term leave it.
        pool = [
            i
            for i in np.argsort(-z_used, kind="stable")[: 4 * n + 10]
            if ya[i] > 0 and not _dropped_alone(vocab[i])
        ]
        shown: dict[int, str] = {}
        if whole:
            at = {vocab[i]: i for i in pool}
            own = own_counts(outlet)
            kept = whole_terms(
                _chains([(vocab[i], int(ya[i])) for i in pool], own), own, join=False
            )
            pool = []
            for t, _ in kept:
                # A joined three-word name is shown on the row of its first bigram.
                i = at.get(t, at.get(" ".join(t.split()[:2])))
                if i is not None:
                    pool.append(i)
                    if t not in at:
                        shown[i] = t
        rows = _rows(vocab, delta, z, ya, yb, pool[:n])
        for row, i in zip(rows, pool[:n], strict=True):
            if i in shown:
                row["term"] = shown[i]
        out[outlet] = rows
    return out


def cloud_terms(
    counts: Counter[str], n: int, outlet: str = "", own_words: frozenset[str] | None = None
) -> list[tuple[str, int]]:
    """An outlet's `n` cloud words: whole names once each, without the outlet's own name
    (`own_words`: outlet_words(outlet) when already known, e.g. stored)."""
    candidates = [(t, c) for t, c in counts.most_common(4 * n + 10) if not _dropped_alone(t)]
    own = outlet_words(outlet) if own_words is None else own_words
    return whole_terms(candidates, counts, exclude=own)[:n]


def _dropped_alone(term: str) -> bool:
    """A one-word term that is no keyword alone (a weekday, month, credit, title or
    nationality adjective: `reader_names`)."""
    return " " not in term and fold_word(term) in _drop_words()
