"""Korean event names: a head noun (alone or ending a compound: 상호방위조약) without its
particle, with the modifiers before it (a noun without a particle, a -적 adjective, a date name
such as 4·10 or 12·3).

`event_name_spans(text)` for the engine (dashboard.analysis.naming). Lexicon: this folder's
event_heads.txt.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.naming import MAX_MODIFIERS


@cache
def _korean_heads() -> tuple[str, ...]:
    heads = [f[1] for f in get_pack("ko").fields("event_heads.txt") if f[0] == "head"]
    return tuple(sorted(heads, key=len, reverse=True))


_KO_WORD = re.compile(r"[^\s\"“”‘’'«»()\[\],.…!?]+")
# A modifier before a Korean head: a noun without a particle, a -적 adjective, or a date
# name («4·10», «12·3»); a word with a case ending or a verb ending ends the name.
_KO_DATE_NAME = re.compile(r"\d{1,2}·\d{1,2}")
_KO_DETERMINERS = frozenset(
    {"이번", "해당", "지난", "당시", "이날", "오늘", "어제", "이", "그", "각"}
)
_KO_NOT_MODIFIER = (
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "에",
    "에서",
    "로",
    "와",
    "과",
    "도",
    "다",
    "한",
    "된",
    "던",
    "인",
    "할",
    "의",
)


def event_name_spans(text: str) -> list[tuple[int, int, str]]:
    """«포괄적 전략 동반자 관계 조약을» -> «포괄적 전략 동반자 관계 조약»: a head noun (alone or
    ending a compound: 상호방위조약) without its particle, with up to MAX_MODIFIERS words
    before it."""
    from dashboard.analysis.languages.ko import strip_particle

    heads = _korean_heads()
    if not any(h in text for h in heads):
        return []
    words = [(m.start(), m.group(0)) for m in _KO_WORD.finditer(text)]
    out: list[tuple[int, int, str]] = []
    for i, (start, word) in enumerate(words):
        bare = strip_particle(word)
        if not any(bare.endswith(h) for h in heads):
            continue
        first = i
        while (
            first > 0
            and i - first < MAX_MODIFIERS
            and words[first - 1][0] + len(words[first - 1][1]) + 1 == words[first][0]
            and (
                _KO_DATE_NAME.fullmatch(words[first - 1][1])
                or (
                    not words[first - 1][1].endswith(_KO_NOT_MODIFIER)
                    and not any(c.isdigit() for c in words[first - 1][1])
                    and words[first - 1][1] not in _KO_DETERMINERS
                )
            )
        ):
            first -= 1
        begin, end = words[first][0], start + len(bare)
        out.append((begin, end, text[begin:end]))
    # «12·3 비상계엄 사태»: a head inside a longer name is not a name of its own.
    return [s for s in out if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in out)]
