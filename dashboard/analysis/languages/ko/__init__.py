"""Korean: news Korean (Hangul). A skeleton pack: general lexicons, the common reporting
constructions, dates with 년/월/일 and relative words, and particles stripped from words."""

from __future__ import annotations

import functools
from pathlib import Path

from dashboard.analysis.languages import LanguagePack

# Particles (josa) and honorific suffixes that attach to the end of a word, longest first:
# 푸틴 대통령은 -> 푸틴 대통령; 북한이 -> 북한; 외교부에 따르면 -> 외교부.
PARTICLES: tuple[str, ...] = (
    "에게서",
    "께서는",
    "에서는",
    "으로는",
    "이라고",
    "에서",
    "에게",
    "께서",
    "으로",
    "라고",
    "부터",
    "까지",
    "처럼",
    "보다",
    "과의",
    "와의",
    "에는",
    "에도",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "도",
    "로",
    "만",
    "님",
    "씨",
)
# A word keeps at least this many syllables once a particle is cut: 국가 (state) is not
# 국 + 가, 평가 is not 평 + 가.
_MIN_STEM = 2


def strip_particle(word: str, known: frozenset[str] = frozenset()) -> str:
    """The word without one trailing particle, unless the word as written is a known word
    (a role or a place in the lexicons: 전문가 is "expert", not 전문 + 가)."""
    if word in known:
        return word
    for particle in PARTICLES:
        if word.endswith(particle):
            # The longest particle decides: «것으로» is 것 + 으로 (too short a stem: kept
            # whole), never 것으 + 로.
            return word[: -len(particle)] if len(word) - len(particle) >= _MIN_STEM else word
    return word


@functools.cache
def _lexicon_words() -> frozenset[str]:
    """Words of the pack's role and side lexicons: they keep a last syllable that looks like
    a particle (전문가 "expert" is not 전문 + 가)."""
    words: set[str] = set()
    for name in ("speaker_roles.txt", "affiliations.txt"):
        for fields in PACK.fields(name):
            words.update(fields[0].split())
    return frozenset(words)


# Final consonants (jongseong) that close a syllable only in predicate forms: ㅆ (했, 됐, 있,
# 겠), ㄶ (않, 많), ㅀ (싫, 잃), ㅎ (좋, 놓, 넣); and the syllable 없. Index into the 28
# jongseong of a precomposed Hangul syllable (0 = none).
_PREDICATE_FINALS = frozenset({20, 6, 15, 27})
_FINALS = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
# A two-syllable word ending in one of these particles keeps its one-syllable stem as a
# keyword (팀을 -> 팀, 등은 -> 등): none of them ends a two-syllable noun but 마을, 가을
# (keyword_nouns_keep.txt).
_SHORT_PARTICLES = frozenset("을를은는")
# Contracted particles a keyword sheds besides PARTICLES (하반기엔 -> 하반기, 현장에선 ->
# 현장); kept out of PARTICLES, which names share (유엔 is the UN).
_KEYWORD_PARTICLES = ("에선", "에겐", "엔")
# Long particles and copula endings after a noun, longest first: the noun is the keyword
# (해결책보다는, 재판관이다, 뉴스입니다, 생명이며, 호랑이인데). Not -이고: 높이고, 줄이고 are verbs.
_NOUN_ENDINGS = (
    "이라면서",
    "보다는",
    "보다도",
    "에서도",
    "까지는",
    "부터는",
    "으로서",
    "이라는",
    "입니다",
    "이라며",
    "이다",
    "이며",
    "인데",
)
# Particles a bound noun may carry besides PARTICLES (것으로서, 것이라는).
_BOUND_PARTICLES = frozenset({*PARTICLES, *_KEYWORD_PARTICLES, "으로서", "로서", "이라는", "라는"})


def _final(syllable: str) -> int:
    """Jongseong index of a precomposed Hangul syllable; -1 for any other character."""
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code < 11172 else -1


def _hangul(word: str) -> bool:
    return bool(word) and all(0 <= ord(ch) - 0xAC00 < 11172 for ch in word)


@functools.cache
def _predicate_endings() -> tuple[tuple[str, int, int], ...]:
    """(ending, final consonant index or -1, minimum stem syllables), longest first."""
    out = []
    for fields in PACK.fields("keyword_predicate_endings.txt"):
        ending = fields[0]
        least = int(fields[1]) if len(fields) > 1 and fields[1] else 1
        final = -1
        if ending and ending[0] in _FINALS[1:]:
            final, ending = _FINALS.index(ending[0]), ending[1:]
        out.append((ending, final, least))
    return tuple(sorted(out, key=lambda e: -len(e[0]) - (e[1] >= 0)))


@functools.cache
def _kept_nouns() -> frozenset[str]:
    words = set(PACK.lines("keyword_nouns_keep.txt")) | _lexicon_words()
    for fields in PACK.fields("event_heads.txt"):
        if len(fields) > 1:
            words.update(fields[1].split())
    return frozenset(w for w in words if w and _hangul(w))


@functools.cache
def _bound_nouns() -> frozenset[str]:
    return frozenset(PACK.lines("keyword_bound_nouns.txt"))


def _kept(word: str) -> bool:
    """A noun of the keep lists, alone or as the end of a compound (인명피해 ends in 피해)."""
    # Each suffix of the word looked up in a set: words are a few syllables long, the
    # lists hundreds of nouns (a scan of the lists per token was a tenth of a parse).
    nouns = _kept_nouns()
    return any(word[i:] in nouns for i in range(len(word)))


# Pure function of the word (the lexicons load once): news repeats its words.
@functools.lru_cache(maxsize=1 << 16)
def is_predicate_form(word: str) -> bool:
    """Is a Hangul word a verb or adjective with its ending (착수했다, 않고, 늘릴, 필요한)
    rather than a noun a reader would name a thing by? By morphology only: the endings of
    keyword_predicate_endings.txt after a long enough stem, and syllables that close on a
    predicate-only consonant; nouns of the keep lists end alike and are kept."""
    if not _hangul(word) or _kept(word):
        return False
    if word == "없" or "없" in word or any(_final(ch) in _PREDICATE_FINALS for ch in word):
        return True
    for ending, final, least in _predicate_endings():
        if final >= 0:
            # ㄴ다: the syllable before `ending` closes on the consonant.
            n = len(ending) + 1
            if (
                len(word) >= n
                and word.endswith(ending)
                and _final(word[-n]) == final
                and len(word) - n >= least - 1
            ):
                return True
        elif word.endswith(ending) and len(word) - len(ending) >= least:
            return True
    return False


class KoreanPack(LanguagePack):
    code = "ko"
    name = "Korean"
    script = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
    right_to_left = False
    day_first = False  # numeric dates are year first (2024.6.19); no day-month ambiguity rule
    stopwords_iso = "ko"

    def keyword_form(self, token: str) -> str:
        """The token as a keyword: its particle off; empty (not a keyword) when it is a
        predicate form, as written or once its particle is off (있다는 -> 있다)."""
        # A noun with a long particle or the copula first (해결책보다는 -> 해결책,
        # 생명이며 -> 생명): their endings would read as a predicate's.
        for ending in _NOUN_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 2:
                stem = token[: -len(ending)]
                if not is_predicate_form(stem):
                    token = stem
                break
        if is_predicate_form(token):
            return ""
        if token[:1] in _bound_nouns() and token[1:] in _BOUND_PARTICLES and not _kept(token):
            return ""
        if len(token) == 2 and token[1] in _SHORT_PARTICLES and not _kept(token):
            return token[0]
        form = strip_particle(token, _lexicon_words())
        if form == token:
            for particle in _KEYWORD_PARTICLES:
                if token.endswith(particle) and len(token) - len(particle) >= 2:
                    form = token[: -len(particle)]
                    break
        return "" if form != token and is_predicate_form(form) else form

    def strip_clitics(self, token: str) -> list[str]:
        stripped = strip_particle(token)
        return [token] if stripped == token else [token, stripped]


PACK = KoreanPack(Path(__file__).resolve().parent)
