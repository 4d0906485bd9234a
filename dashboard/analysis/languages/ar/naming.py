"""Arabic event names: a head noun («اتفاق»، «معاهدة») with the idafa nouns and adjectives
that follow it («اتفاق الدفاع المشترك»، «تحالف نووي»), clitics and pronoun suffixes read off.

`event_name_spans(text)` for the engine (dashboard.analysis.naming); `head_forms` gives the
forms a head takes in a text. Lexicon: this folder's event_heads.txt.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.analysis.naming import (
    MAX_MODIFIERS,
    _joined,
    _letters_offset,
    _norm_tokens,
    _spans,
    _strip_article,
    lexicon,
)
from dashboard.analysis.textproc import is_arabic, normalize, strip_diacritics

# Conjunction/preposition letters that may stand before a head («وبالاتفاق», «لاتفاقية»).
_PROCLITICS = re.compile(r"^(?:[وف]?[بلك]?)")
# Pronoun suffixes on a head («تحالفهما»): the name is the head alone.
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")
_FUNCTION_WORDS_AR = frozenset(
    normalize(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بين",
        "أن",
        "إن",
        "أنه",
        "أنها",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "اللتين",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "قد",
        "لقد",
        "لم",
        "لن",
        "ما",
        "لا",
        "مع",
        "ضد",
        "حول",
        "نحو",
        "عبر",
        "منذ",
        "حتى",
        "إذ",
        "إذا",
        "بعد",
        "قبل",
        "خلال",
        "عند",
        "لدى",
        "دون",
        "غير",
        "أي",
        "كل",
        "بعض",
        "أو",
        "ثم",
        "بل",
        "لكن",
        "أما",
        "إلا",
        "ليس",
        "سوى",
        "وفق",
        "وفقا",
    ]
)


@cache
def head_forms(word: str) -> frozenset[str]:
    """A head as it can appear with a pronoun suffix (ة turns into ت before it)."""
    forms = {word}
    base = word[:-1] + "ت" if word.endswith("ه") else word
    forms.update(base + s for s in _PRONOUN_SUFFIXES)
    return frozenset(forms)


def _ar_first_word(norm: str) -> tuple[int, bool, str]:
    """(letters of conjunction/preposition to drop, definite?, bare word) for a first word.

    «وبالاتفاق» -> (2, True, اتفاق); «للاتفاقيه» -> (1, True, اتفاقيه) (لل = ل + ال);
    «لاتفاق» -> (1, False, اتفاق).
    """
    candidates: list[tuple[int, bool, str]] = [(0, False, norm)]
    m = _PROCLITICS.match(norm)
    pre = m.group(0) if m else ""
    for k in range(len(pre), -1, -1):
        rest = norm[k:]
        if rest.startswith("ال") and len(rest) > 3:
            candidates.append((k, True, rest[2:]))
        elif k >= 1 and norm[k - 1] == "ل" and rest.startswith("ل") and len(rest) > 3:
            candidates.append((k, True, rest[1:]))  # «للاتفاق»: the alef of ال is dropped
        if k:
            candidates.append((k, False, rest))
    return candidates  # type: ignore[return-value]


_HeadReading = tuple[int, bool, str, tuple[tuple[str, ...], ...]]
_READINGS_MAX = 100_000


def _head_readings(lex: dict[str, object], norm: str) -> tuple[_HeadReading, ...]:
    """The readings of `_ar_first_word(norm)` whose bare word starts a head, with those
    heads (longest first): (letters to drop, definite?, bare word, heads).

    Memoised per token in the lexicon: almost every token of a text has no reading, and a
    news vocabulary repeats, so most tokens cost one dict lookup.
    """
    memo: dict[str, tuple[_HeadReading, ...]] = lex["readings"]  # type: ignore[assignment]
    found = memo.get(norm)
    if found is None:
        by_first: dict[str, list[tuple[str, ...]]] = lex["by_first"]  # type: ignore[assignment]
        found = tuple(
            (k, definite, bare, tuple(by_first[bare]))
            for k, definite, bare in _ar_first_word(norm)
            if bare in by_first
        )
        if len(memo) >= _READINGS_MAX:  # bounded: a stream of unseen tokens cannot grow it
            memo.clear()
        memo[norm] = found
    return found


def _is_nisba(word: str) -> bool:
    """Relational adjective: «دفاعي», «نووية», «الاستراتيجي» (not an imperfect verb «يجري»)."""
    bare = _strip_article(word)
    return (
        len(bare) >= 4
        and bare.endswith(("ي", "يه", "يين", "يون"))
        and not (word == bare and bare.startswith("ي"))
    )


def event_name_spans(text: str) -> list[tuple[int, int, str]]:
    lex = lexicon("ar")
    memo: dict[str, tuple[_HeadReading, ...]] = lex["readings"]  # type: ignore[assignment]
    norms = _norm_tokens(text)
    # Head readings of every token (memo lookups in C); most texts have none at all, and
    # then the token spans are never built.
    token_readings = list(map(memo.get, norms))
    if None in token_readings:
        token_readings = [
            r if r is not None else _head_readings(lex, n)
            for n, r in zip(norms, token_readings, strict=True)
        ]
    if not any(token_readings):
        return []
    toks = _spans(text, norms)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        if not token_readings[i]:
            i += 1
            continue
        found = None
        for k, definite, bare, heads in token_readings[i]:
            for head in heads:
                if i + len(head) > len(toks):
                    continue
                rest = [_strip_article(t[3]) for t in toks[i + 1 : i + len(head)]]
                if rest == list(head[1:]):
                    found = (k, definite, head, bare)
                    break
            if found:
                break
        if not found:
            i += 1
            continue
        k, definite, head, bare = found
        suffixed = bare != head[0]
        end_idx = i + len(head) - 1
        names = [bare] + [_strip_article(t[3]) for t in toks[i + 1 : i + 6]]
        if any(names[: len(x)] == list(x) for x in lex["excludes"]):  # type: ignore[attr-defined]
            i += 1
            continue
        if not suffixed:
            end_idx = _arabic_modifiers(text, toks, end_idx, definite, lex)
        start = toks[i][0] + _letters_offset(toks[i][2], k)
        phrase = strip_diacritics(text[start : toks[end_idx][1]])
        if k and definite and not normalize(phrase).startswith("ال"):
            phrase = "ال" + phrase[1:] if phrase.startswith("ل") else phrase  # «للاتفاق»
        out.append((start, toks[end_idx][1], phrase))
        i = end_idx + 1
    return out


def _arabic_modifiers(text, toks, end_idx: int, definite: bool, lex) -> int:
    """Index of the last token of the name that starts with a head ending at `end_idx`."""
    taken = 0
    after_indefinite_adjective = False
    j = end_idx + 1
    while j < len(toks) and taken < MAX_MODIFIERS and _joined(text, toks, j):
        word = toks[j][3]
        bare = _strip_article(word)
        if word in _FUNCTION_WORDS_AR or not is_arabic(word) or word.startswith(("و", "ف")):
            break
        if word.startswith("ال") and len(word) > 3:
            if after_indefinite_adjective:
                break  # «قمة ثانية العام المقبل»: a definite noun cannot follow an adjective
            definite = True  # idafa to a definite noun makes the rest of the name definite
        elif definite:
            break  # an indefinite word after a definite name is a predicate or a new clause
        elif word.startswith("لل") and taken == 0:
            definite = True  # «اتفاق للدفاع المشترك»
        elif _is_nisba(word) or bare in lex["adjectives"]:
            after_indefinite_adjective = True
        elif bare not in lex["modifiers"]:
            break
        end_idx = j
        taken += 1
        j += 1
    return end_idx
