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


class KoreanPack(LanguagePack):
    code = "ko"
    name = "Korean"
    script = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
    right_to_left = False
    day_first = False  # numeric dates are year first (2024.6.19); no day-month ambiguity rule
    stopwords_iso = "ko"

    def keyword_form(self, token: str) -> str:
        return strip_particle(token, _lexicon_words())

    def strip_clitics(self, token: str) -> list[str]:
        stripped = strip_particle(token)
        return [token] if stripped == token else [token, stripped]


PACK = KoreanPack(Path(__file__).resolve().parent)
