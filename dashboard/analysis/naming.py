"""How an article names the central event: «اتفاق دفاعي», «تحالف نووي», "mutual defence pact".

A name is a head noun from the editable lexicon (languages/<code>/event_heads.txt) with its
modifiers: in Arabic the idafa nouns and adjectives that follow the head, in English the
modifiers before it (plus "on/of/for + Capitalised Words"). Names are returned as written,
without a leading conjunction or preposition (و/ف/ب/ل/ك); `event_names` lists every
occurrence in reading order (title first), `event_name_counts` groups spelling and
article variants («الاتفاق الدفاعي» = «اتفاق دفاعي»).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import accumulate

from dashboard.analysis.languages import (
    WORD_FALLBACK_LANGUAGE,
    all_packs,
    available_languages,
    get_pack,
    text_pack,
)
from dashboard.analysis.textproc import (
    is_arabic,
    normalize,
    normalize_token,
    strip_diacritics,
    token_parts,
)

MAX_MODIFIERS = 4
# Between two words of a name only spaces may stand; anything else (، . : « » ") ends it.
_JOINER = re.compile(r"^[ \u00a0]+$")


@cache
def lexicon(code: str) -> dict[str, object]:
    """The event-name lexicon of a language pack (its event_heads.txt), with the heads
    indexed by every form their first word can take in a text (the pack's naming module
    may add forms: Arabic pronoun suffixes)."""
    heads: list[tuple[str, ...]] = []
    modifiers: set[str] = set()
    adjectives: set[str] = set()
    excludes: list[tuple[str, ...]] = []
    pack = get_pack(code)
    head_forms = getattr(pack.naming_rules, "head_forms", None)
    for fields in pack.fields("event_heads.txt"):
        if len(fields) < 2:
            continue
        kind, entry = fields[0], normalize(fields[1])
        words = tuple(_strip_article(w) for w in entry.split())
        if kind == "head":
            heads.append(words)
        elif kind == "modifier":
            modifiers.add(_strip_article(entry))
        elif kind == "adjective":
            adjectives.add(_strip_article(entry))
        elif kind == "exclude":
            excludes.append(words)
    heads.sort(key=len, reverse=True)  # longest head first («مذكرة تفاهم» before «مذكرة»)
    # Heads by each form their first word can take in a text, longest head still first:
    # a token is looked up once instead of being compared with every head.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for head in filter(None, heads):
        forms = head_forms(head[0]) if head_forms else frozenset([head[0]])
        for form in forms:
            by_first.setdefault(form, []).append(head)
    return {
        "heads": heads,
        "by_first": by_first,
        "modifiers": modifiers,
        "adjectives": adjectives,
        "excludes": excludes,
        # normalised token -> its head readings (see `_head_readings`), filled as met.
        "readings": {},
    }


def _strip_article(word: str) -> str:
    """A normalised word without a language's definite article (Arabic ال)."""
    for article in _articles():
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


@cache
def _articles() -> tuple[str, ...]:
    return tuple(p.definite_article for p in all_packs() if p.definite_article)


def _spans(text: str, norms: list[str] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, normalised) per token, as textproc.iter_token_spans gives them;
    `norms`: the normalised tokens when the caller has them already (`_norm_tokens`).

    Offsets come from the lengths of the (cached) split of the text around its tokens, and
    the per-token work is done by map() in C: this runs on every token of every paragraph.
    """
    parts = token_parts(text)
    ends = list(accumulate(map(len, parts)))  # end offset of every gap and token
    surfaces = parts[1::2]
    if norms is None:
        norms = list(map(normalize_token, surfaces))
    return list(zip(ends[0:-1:2], ends[1::2], surfaces, norms, strict=True))


def _norm_tokens(text: str) -> list[str]:
    """The normalised tokens of `text`, in order (the 4th field of `_spans`)."""
    return list(map(normalize_token, token_parts(text)[1::2]))


def _joined(text: str, toks: list[tuple[int, int, str, str]], j: int) -> bool:
    return bool(_JOINER.match(text[toks[j - 1][1] : toks[j][0]]))


def _letters_offset(surface: str, k: int) -> int:
    """Character offset in `surface` after its first `k` letters (diacritics skipped)."""
    if k == 0:
        return 0
    seen = 0
    for idx, ch in enumerate(surface):
        if strip_diacritics(ch):
            seen += 1
            if seen == k:
                return idx + 1
    return len(surface)


def event_name_spans(text: str, language: str = "") -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every event name in `text` (offsets into `text`, for
    highlighting; the phrase may differ from text[start:end] by diacritics or «لل»->«ال»)."""
    if language:
        pack = get_pack(language if language in available_languages() else WORD_FALLBACK_LANGUAGE)
    else:
        pack = text_pack(text)
    rules = pack.naming_rules
    return rules.event_name_spans(text) if rules is not None else []


def event_names(paragraphs: list[str], language: str, title: str = "") -> list[str]:
    """Every occurrence of an event name, title first, then paragraphs in order.

    Duplicates are kept on purpose: the list is a record of occurrences, so its counts
    say how insistently an article uses a name (see `event_name_counts`).
    """
    names: list[str] = []
    for text in ([title] if title else []) + list(paragraphs):
        names.extend(phrase for _, _, phrase in event_name_spans(text, language))
    return names


def name_key(phrase: str) -> str:
    """Grouping form of a name: normalised, without clitics and article on every word."""
    words = []
    for w in normalize(phrase).split():
        if is_arabic(w):
            w = w[2:] if w.startswith("ال") and len(w) > 3 else w
        words.append(w)
    return " ".join(words)


def event_name_counts(
    paragraphs: list[str], language: str, title: str = ""
) -> list[tuple[str, int]]:
    """Names grouped by `name_key`, most frequent first (ties: first used first); each
    group is shown in its most frequent spelling."""
    groups: dict[str, Counter[str]] = {}
    for phrase in event_names(paragraphs, language, title):
        groups.setdefault(name_key(phrase), Counter())[phrase] += 1
    ranked = sorted(enumerate(groups.values()), key=lambda item: (-sum(item[1].values()), item[0]))
    return [(c.most_common(1)[0][0], sum(c.values())) for _, c in ranked]
